# __slots__: restricted attributes, missing-slot errors, inheritance, conflicts.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
p = P(1)
print(p.x, hasattr(p, "__dict__"), P.__slots__, type(P.x).__name__)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
p.y = 2
print(p.y)
del p.y
try:
    del p.y
except AttributeError as e:
    print("AttributeError:", e)
class Child(P):
    pass
c = Child(5)
c.anything = "ok"
print(c.x, c.anything, hasattr(c, "__dict__"), c.__dict__)
class Child2(P):
    __slots__ = ("z",)
c2 = Child2(1)
c2.z = 9
print(c2.x, c2.z, hasattr(c2, "__dict__"))
try:
    c2.w = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    class Conflict:
        __slots__ = ("a",)
        a = 5
except ValueError as e:
    print("ValueError:", e)
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.__dict__)
class Single:
    __slots__ = "only"
s = Single()
s.only = "one"
print(s.only, Single.__slots__)
class Empty:
    __slots__ = ()
try:
    Empty().x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    P.x.__get__(object())
except TypeError as e:
    print("TypeError:", e)
print(P.x.__get__(p), P.x.__name__)
try:
    class BadSlot:
        __slots__ = ("1bad",)
except TypeError as e:
    print("TypeError:", e)
