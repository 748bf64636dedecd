# Bitwise ops and shifts on negative and big ints.
vals = [0, 1, -1, 5, -5, 255, -256, 2 ** 70, -(2 ** 70) - 3]
for v in vals:
    print(v, ~v, v & 0xFF, v | 0x0F, v ^ -1, v >> 1, v >> 3, v << 2)
print(-1 >> 100, 1 >> 100, -(2 ** 100) >> 99, (2 ** 100) >> 99)
print(1 << 100, -1 << 65, 3 << 0)
print(-7 & 3, -7 | 3, -7 ^ 3, -8 & -3, -8 | -3, -8 ^ -3)
print(-(2 ** 80) & (2 ** 81 - 1), -(2 ** 80) | 1, (2 ** 80 + 5) ^ -(2 ** 80))
print(~(2 ** 64), ~-(2 ** 64))
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
try:
    1 >> -2
except ValueError as e:
    print("ValueError:", e)
x = 0b1011
x <<= 3
print(x, bin(x))
x >>= 2
print(x, bin(x))
x &= 0b110
print(x)
x |= 0b10000
print(x)
x ^= 0b11111
print(x)
print(bin(-5), hex(-255), oct(-8), bin(0), hex(2 ** 65))
print((255).bit_length(), (-255).bit_length(), (256).bit_length())
print((-1).bit_count() if hasattr(int, "bit_count") else None, (255).bit_count(), (2 ** 70 - 1).bit_count())
print(True << 3, True & 3, False | 4, True ^ True, ~True)
print(-17 >> 2, -17 // 4, -16 >> 2)
