# __call__, __repr__ vs __str__ (containers use repr), __format__ and format specs, __bytes__.
class Greeter:
    def __init__(self, greeting):
        self.greeting = greeting
    def __call__(self, name, punct="!"):
        return f"{self.greeting}, {name}{punct}"
g = Greeter("Hello")
print(g("Ann"), g("Bob", punct="?"), callable(g), callable(Greeter), callable(5))
class Both:
    def __repr__(self):
        return "Both(repr)"
    def __str__(self):
        return "both-str"
b = Both()
print(b, str(b), repr(b), [b], (b,), {"k": b}, f"{b}", f"{b!r}", "%s %r" % (b, b), "{} {!r}".format(b, b))
class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"
r = ReprOnly()
print(r, str(r), [r], f"{r}")
class StrOnly:
    def __str__(self):
        return "str-only"
print(StrOnly(), str(StrOnly()), f"{StrOnly()!s}")
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        print("__format__ spec=" + repr(spec))
        if spec == "short":
            return f"${self.cents // 100}"
        return format(self.cents / 100, spec or ".2f")
    def __str__(self):
        return "Money"
m = Money(12345)
print(f"{m}", f"{m:short}", f"{m:>10.1f}", format(m, ",.3f"), "{:short}".format(m), str(m))
class NoFormat:
    def __str__(self):
        return "nf"
print(format(NoFormat()), f"{NoFormat()}", f"{NoFormat():}")
try:
    f"{NoFormat():>5}"
except TypeError as e:
    print("TypeError:", e)
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print("TypeError:", e)
class AsBytes:
    def __bytes__(self):
        return b"raw"
print(bytes(AsBytes()))
try:
    Both()()
except TypeError as e:
    print("TypeError:", e)
