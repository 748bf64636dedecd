# Subclasses of _collections.deque: their own instances, copies, repr,
# pickling state, attributes, and overridden methods.
from _collections import deque


def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


class D(deque):
    pass


x = D([1, 2, 3])
print(x, type(x).__name__, isinstance(x, deque), len(x), x[1])
print(D("ab", 3), D(maxlen=2))
y = x.copy()
print(type(y).__name__, y, y is x, y == x)
print(type(x.__copy__()).__name__, type(x + deque([4])).__name__, x + deque([4]))
print(type(x * 2).__name__, x * 2, type(deque([1]) + x).__name__)
b = D([1, 2], 5)
print(b.copy(), type(b.copy()).__name__)
x.tag = "t"
print(x.tag, x.__dict__)
print(x.__reduce__()[0].__name__, x.__reduce__()[1], x.__reduce__()[2])
print(D([1], 2).__reduce__()[1])
print(D.__mro__)
print(x == deque([1, 2, 3]), deque([1, 2, 3]) == x, x < D([2]))
print(hash(D) == hash(D), D.__hash__)


class Pair(deque):
    def __init__(self, a, b):
        super().__init__([a, b], maxlen=2)

    def __repr__(self):
        return f"Pair({self[0]!r}, {self[1]!r})"


p = Pair(1, 2)
p.append(3)
print(p, p.maxlen, list(p))
attempt("copy with another constructor", p.copy)


class Weird(deque):
    def __new__(cls, *args):
        return [1, 2]


attempt("weird", lambda: Weird())


class BadCopy(deque):
    def __init__(self, *args):
        super().__init__()

    def __new__(cls, *args):
        if args:
            return "not a deque"
        return super().__new__(cls)


attempt("copy returning str", lambda: BadCopy().copy())


class Counting(deque):
    appended = 0

    def append(self, v):
        Counting.appended += 1
        super().append(v * 10)

    def __len__(self):
        return 99


c = Counting([1])
c.append(2)
c.extend([3])
print(c, Counting.appended, len(c), bool(Counting()))


class Slotted(deque):
    __slots__ = ("a",)


s = Slotted([1])
s.a = 5
print(s.a, s)
attempt("slotted other attribute", lambda: setattr(s, "b", 1))


class Recursive(deque):
    pass


r = Recursive()
r.append(r)
print(r)
print(repr(D()), str(D([1])), f"{D([2])}", format(D([3])))
print(deque.__init__ is D.__init__, D.append is deque.append)
print(sorted(k for k in vars(deque) if not k.startswith("__")))
