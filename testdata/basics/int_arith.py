# Integer arithmetic, operators, augmented assignment, chained comparisons.
a = 17
b = -5
print(a + b, a - b, a * b, a // b, a % b, -a // b, -a % b)
print(a / 4, 7 / 7, -7 / 2)
print(a ** 2, 2 ** -1, (-2) ** 3, pow(3, 4, 5), pow(-3, 3))
print(divmod(a, b), divmod(-a, 5), divmod(0, 3))
print(a & 12, a | 12, a ^ 12, ~a, a << 3, a >> 2, -a >> 2)
print(abs(b), -b, +b, int("123"), int("-ff", 16), int("0b101", 0), int("  42  "))
print(bin(a), oct(a), hex(a), hex(-255), int(3.99), int(-3.99))
print(True + True, True * 10, False - 1, int(True))
print(round(2.5), round(3.5), round(-2.5), round(1234, -2), round(1250, -2))
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x //= 5; print(x)
x %= 7; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x |= 0x100; print(x)
x &= 0x1F0; print(x)
x ^= 0b1010; print(x)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 >= 2 > 1, 1 == 1.0 != 2)
print(0 < x <= 1000, x is not None, not x)
print(5 == 5, 5 != 5, 5 <= 4, 5 >= 4)
print(max(3, 9, -1), min([4, 2, 8]), sum(range(101)), sum([1, 2], 10))
print(-0, 0 == -0, 0x7f, 0o777, 0b1111_0000, 1_000_000)
n = 12345678
digits = []
while n:
    n, r = divmod(n, 10)
    digits.append(r)
print(digits, len(digits))
print((7).bit_length(), (255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
print((-17).__abs__(), (10).__floordiv__(3), (10).__rfloordiv__(3))
print(isinstance(3, int), isinstance(True, int), type(3).__name__, type(True).__name__)
for v in (0, 1, -1, 99, -100):
    print(v, bool(v), str(v), repr(v), format(v, "+05d"))
print(hash(1) == hash(1.0), hash(-1), hash(0))
print(3 if a > b else 4, a and b, 0 and a, 0 or b, a or b)
