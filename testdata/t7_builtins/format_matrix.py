# format() over a matrix of values and specs, %-formatting, round/int/float/complex parsing, divmod/pow.
vals = [0, 1, -1, 42, -42, 1234567, 2**70, 0.0, -0.0, 1.5, -2.25, 1e16, 1.23456789e-7, 123456.789, float('inf'), float('nan'), 1e300, 5e-324]
specs = ["", "10", "<10", "^10", "=10", "+", " ", "010", "010,", ",", "_", ".3", ".0", "e", ".2e", "E", "f", ".1f", "g", ".3g", "G", "%", ".1%", "#", "#.0f", "#g", "z.1f", "+010.3f", "x", "#X", "b", "o", "_x", "c", "n"]
for v in vals:
    for s in specs:
        try:
            r = format(v, s)
        except Exception as e:
            r = type(e).__name__ + ": " + str(e)
        print(repr(v), repr(s), r)
for c in [1+2j, -1.5-0j, 0j, complex(0, -0.0), 1e20+1e-20j]:
    for s in ["", ">15", ".2f", "e", "g", "+.1f", "^20.3"]:
        try:
            r = format(c, s)
        except Exception as e:
            r = type(e).__name__ + ": " + str(e)
        print(repr(c), repr(s), r)
for s in ["abc", "", "héllo"]:
    for sp in ["", "10", ">10", "^9", ".2", "*<7.1", "s", "05", "x"]:
        try:
            r = format(s, sp)
        except Exception as e:
            r = type(e).__name__ + ": " + str(e)
        print(repr(s), repr(sp), r)
print("%5.2f|%-8.3e|%g|%#o|%+d|% i|%.3s|%5c|%%" % (3.14159, 1234.5, 1e-5, 8, 5, 3, "abcdef", "x"))
print("%(a)s %(b)05.1f" % {"a": 1, "b": 2.25}, "%x" % -255, "%#x" % 255, "%.0e" % 12345, "%10.4g|" % 0.000123456)
print(round(2.5), round(3.5), round(-2.5), round(0.5, 1), round(2.675, 2), round(1234.5678, -2), round(5e-324, 300))
print(int("  12_3  "), int("0o17", 0), int("-0b101", 0), float(" 1e5 "), float("-.5"), float("5."), complex("  (1-2j) "), complex("-j"), complex("1e2+3J"))
print(divmod(-7.5, 2), divmod(7, -2), divmod(2**70, 3), pow(2, 100, 7), pow(-2, 3, 5), 7.0 // 0.5)
