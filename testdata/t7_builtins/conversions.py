# int/float/str/bool conversions, bin/oct/hex, chr/ord, ascii/repr.
print(int("42"), int("-0x1f", 16), int("0b101", 0), int("0o17", 0), int("z", 36), int(" 7 "), int("1_000"))
print(int(3.99), int(-3.99), int(True), int("10", base=2), int(), int(1e20))
for bad in ["", "1.5", "0x", "1__0", "abc"]:
    try:
        int(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int("10", 1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(None)
except TypeError as e:
    print(type(e).__name__, e)
print(float("3.5"), float(" -1e3 "), float("inf"), float("-Infinity"), float("nan"), float(7), float())
try:
    float("1,5")
except ValueError as e:
    print(type(e).__name__, e)
print(bin(10), oct(64), hex(255), bin(-5), hex(0), oct(-8))
try:
    hex(1.5)
except TypeError as e:
    print(type(e).__name__, e)
print(chr(65), chr(0x1F600) == "\U0001F600", ord("a"), ord("€"), chr(0))
for bad in [(-1,), (0x110000,)]:
    try:
        chr(*bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    ord("ab")
except TypeError as e:
    print(type(e).__name__, e)
print(bool(0), bool(""), bool([]), bool([0]), bool(0.0), bool(-1), bool(None), bool(object()))
print(str(1.0), str(1e16), str(1e-5), str(0.1 + 0.2), str(-0.0), str(10 ** 21 * 1.0))
print(repr("it's"), repr('say "hi"'), repr("both ' \""), repr("\n\t\\"), ascii("café ☃"))
print(str(b"bytes"), str(None), str([1, "a"]), repr({"k": (1,)}))
print(complex("1+2j"), complex(3), complex(1, -1), abs(3 + 4j))
print(int.from_bytes(b"\x01\x00", "big"), (258).to_bytes(2, "little"), (255).bit_length(), (-1).bit_length())
