# printf-style % formatting.
print("%s %d %i %r" % ("str", 42, -7, "r"))
print("%5d|%-5d|%05d|%+d|% d|%+05d" % (42, 42, 42, 42, 42, -42))
print("%x %X %o %#x %#X %#o %x" % (255, 255, 8, 255, 255, 8, -255))
print("%f|%.2f|%10.3f|%-10.1f|%+.1f|%08.2f" % (3.14159, 3.14159, 3.14159, 3.14159, 3.14159, -3.14159))
print("%e|%.3E|%g|%G|%g|%g" % (12345.678, 0.000123, 0.00001, 1e20, 100000, 1234567))
print("%c%c%c" % (72, "i", 0x263A), "%%", "100%% sure" % ())
print("%s" % [1, 2], "%s" % ((1, 2),), "%s %s" % (1, 2), "%r" % ("a'",), "%a" % "é")
print("%(name)s is %(age)d, %(name)r" % {"name": "Ann", "age": 30})
print("%*d|%-*d|%.*f" % (6, 1, 6, 2, 2, 3.14159))
print("%.3s|%10.2s|%-6s|" % ("abcdef", "xyz", "ab"))
print("%d" % 3.99, "%d" % -3.99, "%s" % None, "%s" % True, "%d" % True, "%.0f" % 2.5, "%.0f" % 3.5)
print("%x" % 2 ** 70, "%d" % 10 ** 25, "%,d" if False else "%s" % 10 ** 5)
print(b"%s %d %x" % (b"bytes", 5, 255), b"%5s|%-5s|" % (b"ab", b"cd"), b"%c" % 65)
errors = [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1), ("%(k)s", 1), ("%(k)s", {}), ("%c", 1114112), ("%c", "ab")]
for fmt, args in errors:
    try:
        print(fmt % args)
    except Exception as e:
        print(repr(fmt), type(e).__name__, e)
print("%s" % {"k": 1}, "%(k)s" % {"k": [1]}, "%s" % "solo")
print("%r %r" % (1.5, 1e16), "%s %s" % (0.1 + 0.2, -0.0), "%.2e" % 0, "%g" % 0.0)
print("%i%%|%5.1f%%" % (50, 99.44))
print("%-8s|%8s|" % ("é", "日本"), "%#.0f" % 1, "%#x" % 0, "%+.2e" % -1e-10)
