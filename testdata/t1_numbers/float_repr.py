# Float repr/str: shortest round-trip, exponent switch points, negative zero.
vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1.0, 100.0, 1e15, 1e16, 1e17, 123456789012345678.0,
        1e-4, 1e-5, 0.0001234, 1.5e-7, 1e22, 1e23, 5e-324, 1.7976931348623157e308,
        -0.0, 0.0, 3.0e-10, 12345.6789, 2.5, 1e100, 9007199254740993.0]
for v in vals:
    print(repr(v), str(v))
print(0.1 * 3, 0.7 + 0.1, 1.1 * 1.1, 3 * 1.1, 100 * 1.1)
print(1e16 + 1, 1e16 + 2, 2.0 ** 53 + 1)
print(float(1), float(-7), float(10 ** 16), float(2 ** 63))
print(1.0 / 3.0 * 3.0, 0.1 + 0.7, 4.35 * 100, 1 - 0.9)
print([round(x * 0.1, 10) for x in range(5)])
print([x * 0.1 for x in range(5)])
print(1.23e5, 1.23e-5, -1.5e+300, 1_000.000_1)
print(float.hex(1.0), float.hex(0.1), float.fromhex("0x1.8p1"), (0.5).as_integer_ratio(), (0.1).as_integer_ratio())
print(f"{0.1:.20f}", f"{1e16:f}", f"{1/3:.17g}")
print(str(1e16)[:5], len(repr(0.1 + 0.2)))
print(sum([0.1] * 10), sum([0.1] * 10) == 1.0)
print(1e308 * 10, -1e308 * 10, 1e-320, 5e-324 / 2)
