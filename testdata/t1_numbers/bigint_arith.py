# Big integer arithmetic: add/sub/mul/div/mod across the 64-bit boundary.
a = 2 ** 63
b = 2 ** 64 - 1
print(a, b, a + a, b + 1, a - b, b * b)
print(a * -3, -a - a, (-a) * (-a))
c = 10 ** 40 + 7
d = -(3 ** 50)
print(c + d, c - d, c * d)
print(c // d, c % d, divmod(c, d))
print(d // 12345, d % 12345, divmod(d, -12345))
print(c // 10 ** 20, c % 10 ** 20)
print(c / 10 ** 39, d / 3 ** 48)
n = 1
for i in range(1, 31):
    n *= i
print(n, n // 2 ** 26, n % (2 ** 32 + 15))
print(str(-n), len(str(n)), repr(n * n))
print(b == 18446744073709551615, a < b, -a > -b, a != a + 0)
print(sorted([c, d, a, -b, 0, b]))
print(max(c, d), min(c, d), abs(d), -d)
print(sum(range(10 ** 6, 10 ** 6 + 1000)) * 10 ** 20)
print(int("9" * 50) + 1, int("-" + "9" * 30) - 1)
print(hex(b * b), oct(-a), bin(a + 1))
print((10 ** 50) // (10 ** 25) == 10 ** 25, (10 ** 50 + 1) % 10 ** 25)
print(int(1e20), int(-1e25) , float(10 ** 30))
x = 1
for i in range(10):
    x = x * 1000003 + i
    print(i, x)
print(x.bit_length(), (-x).bit_length(), (0).bit_length())
print(bool(10 ** 30), bool(10 ** 30 - 10 ** 30))
