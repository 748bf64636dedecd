# classmethod and staticmethod: binding, inheritance, alternate constructors, calling via instance.
class Point:
    count = 0
    def __init__(self, x, y):
        self.x, self.y = x, y
        Point.count += 1
    @classmethod
    def origin(cls):
        return cls(0, 0)
    @classmethod
    def from_str(cls, s):
        return cls(*map(int, s.split(",")))
    @staticmethod
    def dist(a, b):
        return abs(a.x - b.x) + abs(a.y - b.y)
    def __repr__(self):
        return f"{type(self).__name__}({self.x}, {self.y})"
class Point3(Point):
    pass
print(Point.origin(), Point3.origin(), Point.from_str("3,4"), Point3.from_str("1,2"))
p = Point(1, 1)
print(p.origin(), p.dist(p, Point(4, 5)), Point.dist(Point(0, 0), Point(1, 1)), Point.count)
print(type(Point.__dict__["origin"]).__name__, type(Point.__dict__["dist"]).__name__)
print(Point.origin.__self__.__name__, p.origin.__self__ is Point, Point.dist.__name__)
print(type(p.dist).__name__, type(p.origin).__name__, type(p.__repr__).__name__, type(Point.__repr__).__name__)
m = p.__repr__
print(m.__self__ is p, m.__func__ is Point.__repr__, m())
class Counter:
    instances = []
    @classmethod
    def make(cls, *a):
        obj = cls()
        cls.instances.append(a)
        return obj
    @staticmethod
    def helper():
        return "static helper"
    def uses_helper(self):
        return self.helper() + "!" + Counter.helper()
Counter.make(1)
Counter.make(2, 3)
print(Counter.instances, Counter().uses_helper())
sm = staticmethod(len)
cm = classmethod(lambda cls: cls.__name__)
class Dyn:
    length = sm
    name = cm
print(Dyn.length("abc"), Dyn().length([1]), Dyn.name(), Dyn().name())
class Sub(Dyn):
    pass
print(Sub.name(), Sub().name())
try:
    Point.__init__()
except TypeError as e:
    print("TypeError:", e)
f = Point.__dict__["dist"]
print(callable(f), f(Point(0, 0), Point(2, 2)))
print(Point.__dict__["origin"].__func__(Point3))
