# format specs for strings, __format__, str.format fields and conversions.
s = "hello"
print(f"[{s:10}]", f"[{s:>10}]", f"[{s:^11}]", f"[{s:.3}]", f"[{s:-^9.2}]")
print("{0}-{1}-{0}".format("a", "b"), "{x}{y}".format(x=1, y=2), "{}{}".format(3, 4))
print("{0[1]} {0[k]} {1.real}".format({1: "one", "k": "kay"}, 5j))
print("{!r} {!s} {!a}".format("q", "q", "é"), f"{'é'!a} {s!r:>9}")
print("{:{}}|".format("ab", 5), "{:{w}.{p}f}".format(3.14159, w=8, p=2))
print("{{literal}} {}".format("x"), f"{{}}{1+1}")
print("%s %r %d %5.2f %-4d| %x %o %e %%" % ("s", "r", 42, 3.14159, 7, 255, 8, 1234.5))
print("%(a)s and %(b)03d" % {"a": "A", "b": 5}, "%c%c" % (72, "i"), "%+d % d" % (5, 5))
for bad in ["{0} {2}", "{", "}", "{:invalid}"]:
    try:
        print(bad.format(1, 2))
    except (IndexError, ValueError) as e:
        print(repr(bad), type(e).__name__, e)
try:
    "{missing}".format()
except KeyError as e:
    print(type(e).__name__, e)
try:
    "%d" % "x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "%s %s" % ("only",)
except TypeError as e:
    print(type(e).__name__, e)


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "short":
            return f"${self.cents // 100}"
        return f"${self.cents / 100:{spec or '.2f'}}"

    def __str__(self):
        return "Money!"

    def __repr__(self):
        return "Money(...)"


m = Money(12345)
print(f"{m}", f"{m:short}", f"{m:,.1f}", format(m), "{:short}".format(m), f"{m!s}", f"{m!r:>12}")


class NoFormat:
    pass


try:
    format(NoFormat(), "x")
except TypeError as e:
    print(type(e).__name__, e)
print(format(NoFormat(), "") == str(NoFormat()))
x = 5
print(f"{x=}", f"{x * 2 = }", f"{s=!r:>10}", f"{'nested {}'.format(1)}")
print("a{}b".format(None), "{0!r:^10}".format(None), "{:>6}".format(True), "{:d}".format(True))
