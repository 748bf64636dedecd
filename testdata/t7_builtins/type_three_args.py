# type() with three arguments builds classes dynamically.
def init(self, x):
    self.x = x


Point = type("Point", (), {"__init__": init, "dims": 2, "norm": lambda self: abs(self.x)})
p = Point(-3)
print(type(p).__name__, Point.__name__, Point.__qualname__, p.x, p.norm(), Point.dims)
print(Point.__bases__, Point.__mro__[-1].__name__, Point.__module__)

Base = type("Base", (), {"greet": lambda self: f"hi from {type(self).__name__}"})
Child = type("Child", (Base,), {"extra": 1})
c = Child()
print(c.greet(), isinstance(c, Base), [k.__name__ for k in Child.__mro__], Child.extra)
Sub = type("Sub", (Child, Point), {})
print([k.__name__ for k in Sub.__mro__])

Counter = type("Counter", (dict,), {"__missing__": lambda self, k: 0})
cnt = Counter()
cnt["a"] += 1
print(cnt, isinstance(cnt, dict))

WithSlots = type("WithSlots", (), {"__slots__": ("a",)})
w = WithSlots()
w.a = 1
try:
    w.b = 2
except AttributeError as e:
    print(type(e).__name__, e)

print(type(5), type("s").__name__, type(type), type(None).__name__)
for args in [("X",), ("X", ()), ("X", (), {}, 1), (1, (), {}), ("X", 5, {}), ("X", (), [])]:
    try:
        r = type(*args)
        print("ok:", r)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    type("Bad", (5,), {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("Bad", (bool,), {})
except TypeError as e:
    print(type(e).__name__, e)


class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["created_by"] = mcls.__name__
        return super().__new__(mcls, name, bases, ns)


M = Meta("M", (), {"v": 1})
print(M.created_by, type(M).__name__, M.v)
Dyn = type("Dyn", (), {"__repr__": lambda self: "<Dyn>", "__eq__": lambda s, o: True, "__hash__": None})
print(repr(Dyn()), Dyn() == 5, Dyn.__hash__)
print(sorted(k for k in vars(Point) if not k.startswith("__")))
