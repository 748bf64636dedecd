# Binary operator dunders with reflected operands (__radd__/__rmul__), NotImplemented -> TypeError, subclass priority.
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"V({self.x}, {self.y})"
    def __add__(self, o):
        print("V.__add__", o)
        if isinstance(o, V):
            return V(self.x + o.x, self.y + o.y)
        if isinstance(o, int):
            return V(self.x + o, self.y + o)
        return NotImplemented
    def __radd__(self, o):
        print("V.__radd__", o)
        return self.__add__(o)
    def __mul__(self, k):
        return V(self.x * k, self.y * k) if isinstance(k, int) else NotImplemented
    __rmul__ = __mul__
    def __neg__(self):
        return V(-self.x, -self.y)
    def __sub__(self, o):
        return self + -o
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y
    def __lt__(self, o):
        print("V.__lt__")
        return (self.x, self.y) < (o.x, o.y)
a, b = V(1, 2), V(3, 4)
print(a + b, a + 1, 1 + a, a * 3, 3 * a, -a, a - b, a @ b)
print(sum([a, b]), sum([a, b], V(0, 0)))
try:
    a + "s"
except TypeError as e:
    print("TypeError:", e)
try:
    "s" + a
except TypeError as e:
    print("TypeError:", e)
try:
    a / 2
except TypeError as e:
    print("TypeError:", e)
print(b > a, a < b)
class Base:
    def __add__(self, o):
        return "Base.__add__"
    def __radd__(self, o):
        return "Base.__radd__"
class Derived(Base):
    def __radd__(self, o):
        return "Derived.__radd__"
print(Base() + Derived(), Derived() + Base(), Base() + Base())
