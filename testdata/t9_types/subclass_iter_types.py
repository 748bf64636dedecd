# Subclassing the builtin iterator types that are classes in CPython.


class E(enumerate):
    def __init__(self, it, start=0):
        self.tag = "E"
        self.count = 0

    def __next__(self):
        self.count += 1
        i, v = super().__next__()
        return (i * 10, v)


class Z(zip):
    def __new__(cls, *its, label="z"):
        self = super().__new__(cls, *its)
        self.label = label
        return self

    def __next__(self):
        a, b = super().__next__()
        return a + b


class M(map):
    def __next__(self):
        return -super().__next__()


class F(filter):
    def __init__(self, fn, it):
        self.seen = 0

    def __next__(self):
        self.seen += 1
        return super().__next__() * 2


class R(reversed):
    def __next__(self):
        return super().__next__().upper()


e = E("abc", 1)
print("E list", list(e))
print("E attrs", e.tag, e.count)
print("E type", type(e).__name__, isinstance(e, enumerate), issubclass(E, enumerate))
print("E mro", [c.__name__ for c in E.__mro__])
z = Z([1, 2, 3], [10, 20, 30], label="L")
print("Z label", z.label)
print("Z list", list(z))
print("Z isinstance", isinstance(z, zip), type(z) is Z)
m = M(lambda x: x * 3, [1, 2, 3])
print("M list", list(m), isinstance(m, map))
f = F(lambda x: x % 2, range(6))
print("F list", list(f), f.seen, isinstance(f, filter))
r = R(["a", "b", "c"])
print("R of list", type(r).__name__, list(r), isinstance(r, reversed))
r2 = R("xyz")
print("R of str", type(r2).__name__, isinstance(r2, reversed))
print("R of str list", list(r2))
print("R next on empty", next(R([]), "done"))
print("for over E", [p for p in E(["x", "y"])])
print("enumerate type", type(enumerate([])) is enumerate)
print("zip type", type(zip()) is zip)
print("map type", type(map(abs, [])) is map)
print("filter type", type(filter(None, [])) is filter)
print("reversed type", type(reversed("ab")) is reversed)
print("reversed of list type", type(reversed([1])).__name__)
print("reversed of range type", type(reversed(range(3))).__name__)
print("names", enumerate.__name__, zip.__name__, map.__name__, filter.__name__, reversed.__name__)
print("zip mro", [c.__name__ for c in zip.__mro__])
print("issubclass enumerate object", issubclass(enumerate, object))
print("issubclass E zip", issubclass(E, zip))
for t in (enumerate, zip, map, filter, reversed, range, slice, property,
          staticmethod, classmethod, super, memoryview, bytearray):
    print("isinstance type", t.__name__, isinstance(t, type))
print("isinstance len type", isinstance(len, type))
print("isinstance iter type", isinstance(iter, type))
