# match statements: guards, class patterns (positional via __match_args__, keyword), or-patterns, captures.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Circle:
    __match_args__ = ("center", "r")
    def __init__(self, center, r):
        self.center, self.r = center, r
def describe(shape):
    match shape:
        case Point(0, 0):
            return "origin"
        case Point(x, 0) if x > 0:
            return f"positive x-axis at {x}"
        case Point(x=0, y=y):
            return f"y-axis at {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "some point"
        case Circle(Point(0, 0), r) if r > 10:
            return f"big circle at origin r={r}"
        case Circle(center=Point(x, y), r=r):
            return f"circle ({x},{y}) r={r}"
        case int(n) | float(n) if n < 0:
            return f"negative number {n}"
        case int() | float():
            return "number"
        case str() as s if len(s) > 3:
            return "long string " + s
        case [Point(x, y), *rest]:
            return f"list starting at ({x},{y}) plus {len(rest)}"
        case {"kind": "pt", "at": Point(x, y)}:
            return f"mapping point {x},{y}"
        case _:
            return "unknown " + type(shape).__name__
tests = [Point(0, 0), Point(5, 0), Point(-5, 0), Point(0, 7), Point(3, 3), Point(1, 2), Circle(Point(0, 0), 20),
         Circle(Point(0, 0), 5), Circle(Point(1, 2), 3), -4, 4.5, -0.5, "hi", "hello", [Point(1, 1), 2, 3],
         {"kind": "pt", "at": Point(9, 8), "extra": 1}, {"kind": "pt"}, None, True]
for t in tests:
    print(describe(t))
calls = []
def guard(v):
    calls.append(v)
    return v > 2
for v in range(5):
    match v:
        case 0 | 1:
            print(v, "small")
        case n if guard(n):
            print(v, "guarded big")
        case n:
            print(v, "fallthrough", n)
print(calls)
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print("TypeError:", e)
match (1, [2, 3]):
    case (a, [b, *c]) if a < b:
        print("nested seq", a, b, c)
match {"x": 1, "y": 2}:
    case {"x": 1, **rest}:
        print("rest", rest)
