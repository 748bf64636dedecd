# collections.namedtuple: fields, defaults, _replace, _asdict, _make, errors.
from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x, p[1], len(p), p == (1, 2), tuple(p))
print(Point._fields, Point.__name__, type(p).__name__)
print(p._replace(y=20), p)
print(p._asdict(), type(p._asdict()).__name__)
print(Point._make([5, 6]), Point._make(iter("ab")))
x, y = p
print(x + y, p + (3,), p * 2)
try:
    p.x = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Point(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    p._replace(z=1)
except ValueError as e:
    print(type(e).__name__, e)
print(Point(y=1, x=2))

P3 = namedtuple("P3", "x y z", defaults=[0, 0])
print(P3(1), P3(1, 2), P3(1, 2, 3), P3._field_defaults)
Row = namedtuple("Row", "a, b,c")
print(Row._fields)
R = namedtuple("R", ["def", "x", "x"], rename=True)
print(R._fields)
for bad in (["def"], ["_x"], ["1a"], ["a", "a"]):
    try:
        namedtuple("Bad", bad)
    except ValueError as e:
        print(type(e).__name__, e)


class Vec(namedtuple("Vec", "x y")):
    __slots__ = ()

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    @property
    def norm2(self):
        return self.x ** 2 + self.y ** 2


v = Vec(1, 2) + Vec(3, 4)
print(v, v.norm2, isinstance(v, tuple), repr(Vec(0, 0)))
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
print(dict(zip(Point._fields, p)), max(Point(1, 9), Point(2, 0)))
print(Point.x.__doc__, Point.__doc__)
