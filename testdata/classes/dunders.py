# Operator overloading and other special methods.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Vec({self.x!r}, {self.y!r})"

    def __str__(self):
        return f"<{self.x}, {self.y}>"

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y) if isinstance(o, Vec) else NotImplemented

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __bool__(self):
        return bool(self.x or self.y)

    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __lt__(self, o):
        return abs(self) < abs(o)

    def __iter__(self):
        yield self.x
        yield self.y

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __len__(self):
        return 2

    def __iadd__(self, o):
        self.x += o.x
        self.y += o.y
        return self

    def __format__(self, spec):
        return f"({self.x:{spec}}, {self.y:{spec}})"


a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, a @ b, -a, abs(b), bool(Vec(0, 0)), bool(a))
print(repr(a), str(a), f"{b:.2f}", f"{a!r}", [a, b], a == Vec(1, 2), a != b, a < b, max(a, b))
print(list(a), a[1], len(a), *b, sorted([b, a]), Vec(1, 2) in [a], {a: "found"}[Vec(1, 2)])
c = a
c += b
print(a, c is a)
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)


class Matrix:
    def __init__(self, rows):
        self.rows = rows

    def __getitem__(self, key):
        if isinstance(key, tuple):
            r, c = key
            return self.rows[r][c]
        return self.rows[key]

    def __setitem__(self, key, value):
        r, c = key
        self.rows[r][c] = value

    def __delitem__(self, key):
        del self.rows[key]

    def __contains__(self, v):
        return any(v in row for row in self.rows)

    def __call__(self, scale):
        return Matrix([[v * scale for v in row] for row in self.rows])

    def __repr__(self):
        return f"Matrix({self.rows})"


m = Matrix([[1, 2], [3, 4]])
m[0, 1] = 20
print(m[0, 1], m[1], 4 in m, 5 in m, m(10), m[::-1])
del m[0]
print(m)


class Num:
    def __init__(self, v):
        self.v = v

    def __radd__(self, other):
        return Num(other + self.v)

    def __rsub__(self, other):
        return Num(other - self.v)

    def __index__(self):
        return self.v

    def __int__(self):
        return self.v

    def __float__(self):
        return float(self.v)

    def __repr__(self):
        return f"Num({self.v})"


n = Num(5)
print(10 + n, 10 - n, sum([n], 0), [0, 1, 2, 3, 4, 5, 6][n], hex(n), int(n), float(n), bin(n))
print(range(10)[Num(3)], "abcdef"[Num(1):Num(4)])
