# match: mapping patterns (with **rest), class patterns (positional via __match_args__, keyword).
class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class Circle:
    def __init__(self, center, r):
        self.center = center
        self.r = r


def shape(s):
    match s:
        case Point3(0, 0, 0):
            return "3d origin"
        case Point3(x, y, z=zz) if zz > 0:
            return f"3d upper {x} {y} {zz}"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y axis {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return f"some point {s!r}"
        case Circle(center=Point(x=cx, y=cy), r=r) if r > 10:
            return f"big circle at {cx},{cy}"
        case Circle(r=r):
            return f"circle r={r}"
        case int(v) | float(v):
            return f"number {v}"
        case str(text):
            return f"text {text}"
        case list([Point() as a, *_]):
            return f"list starting with {a}"
        case dict():
            return "a dict"
        case _:
            return "unknown"


items = [Point3(0, 0, 0), Point3(1, 2, 3), Point3(1, 2, -3), Point(0, 0), Point(0, 9), Point(4, 4),
         Point(1, 2), Circle(Point(1, 1), 20), Circle(Point(1, 1), 2), 42, 2.5, "hey",
         [Point(7, 8), 1], {"k": 1}, None, (1,)]
for it in items:
    print(shape(it))


def config(c):
    match c:
        case {"type": "user", "name": str(name), **rest}:
            return f"user {name} extra={sorted(rest.items())}"
        case {"type": "group", "members": [*members]}:
            return f"group of {len(members)}"
        case {"type": t, 1: one}:
            return f"type {t} with key 1 -> {one}"
        case {"type": _}:
            return "typed thing"
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"


for c in [{"type": "user", "name": "ann", "age": 30, "admin": True}, {"type": "user", "name": 5},
          {"type": "group", "members": ["a", "b"]}, {"type": "x", 1: "uno"}, {"type": "z"},
          {}, {"other": 1}, [("type", "user")]]:
    print(config(c))
match {"a": 1, "b": 2, "c": 3}:
    case {"a": 1, **others}:
        print("others", others)
