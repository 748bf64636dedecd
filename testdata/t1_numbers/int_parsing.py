# int() parsing: bases, prefixes, underscores, whitespace, errors.
print(int("42"), int("-42"), int("  +17  "), int("0"), int("-0"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("777", 8), int("101", 2), int("z", 36), int("Zz", 36), int("10", 3))
print(int("1_000_000"), int("0x_ff", 16), int("0b_1_0", 0))
print(int("  -0x1F  ", 16), int("12", base=5))
print(int(3.99), int(-3.99), int(True), int(), int("000123"))
print(int("9" * 25, 10), int("1" * 64, 2))
bad = ["", " ", "1.5", "abc", "0x", "1__0", "_1", "1_", "08", "0b2", "12a", "--1"]
for s in bad:
    try:
        print(repr(s), int(s, 0) if s in ("08", "0b2") else int(s))
    except ValueError as e:
        print("ValueError:", e)
try:
    int("ff", 10)
except ValueError as e:
    print("ValueError:", e)
try:
    int("12", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    int("12", 37)
except ValueError as e:
    print("ValueError:", e)
try:
    int(12, 10)
except TypeError as e:
    print("TypeError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
print(int(b"42"), int(bytearray(b"-7")))
print(float("1.5"), float(" -2.5e3 "), float("inf"), float("-Infinity"), float("1_0.5"))
try:
    float("1.2.3")
except ValueError as e:
    print("ValueError:", e)
