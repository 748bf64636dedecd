# Arbitrary precision integers.
big = 1267650600228229401496703205376
print(big, big == 2 ** 100, big.bit_length())
neg = -98765432109876543210987654321
print(neg, -neg, abs(neg), neg // 7, neg % 7, divmod(neg, 1000000007))
print(big * neg)
print(big // 3, big % 3, big - 1, big + neg)
print(2 ** 200 // 2 ** 100 == big, 2 ** 64 - 1, -(2 ** 63))
print(big >> 50, big << 10, big & 0xFFFF, (big - 1) & 0xFFFFFFFF, big | 1, big ^ (big - 1))
print(~big, -big >> 3)
print(hex(big), oct(2 ** 70), bin(2 ** 40 + 5))
print(str(3 ** 100))
print(len(str(7 ** 300)), str(7 ** 300)[:20], str(7 ** 300)[-20:])


def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


f50 = fact(50)
print(f50)
print(f50 // fact(48), f50 % 1000003)
print(sum(int(c) for c in str(fact(100))))


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


for k in (10, 50, 100, 150):
    print(k, fib(k))
print(pow(2, 1000, 10 ** 9 + 7), pow(3, 200, 2 ** 61 - 1))
print(big == big + 0, big < big + 1, -big < neg, big > 2 ** 99)
print(float(big), int(float(2 ** 60)), big / 2 ** 90)
print(int("123456789012345678901234567890") * 2)
print(int("-ffffffffffffffffffff", 16))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)))
print(big.to_bytes(13, "big"))
print(int.from_bytes(b"\xff" * 12, "big"), int.from_bytes(b"\xff" * 12, "big", signed=True))
print(format(big, ","), format(big, "_x"), format(-big, ">40"))
print(round(123456789123456789, -5), (10 ** 30) // (10 ** 15 + 1))
print(abs(-(10 ** 25)) == 10 ** 25, max(2 ** 80, 3 ** 50), min(-(2 ** 80), -(3 ** 50)))
print(gcd_val := (lambda a, b: a if b == 0 else None)(big, 0))
x = 1
for i in range(1, 30):
    x = x * 31 + i
print(x, x % 97, x.bit_length())
print((-7) // 2, (-(10 ** 20)) // 3, (10 ** 20) // -3, (-(10 ** 20)) % 3, (10 ** 20) % -3)
