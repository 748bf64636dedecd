# sum() with start values and different types.
print(sum([1, 2, 3]), sum([], 10), sum(range(101)), sum([1, 2], start=100))
print(sum([0.1, 0.2, 0.3]), sum([1, 2.5]), sum([True, True, False]), sum([1j, 2]))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()))
print(sum(x * x for x in range(5)), sum({1: "a", 2: "b"}), sum({5, 6}))
print(sum([0.1] * 10), sum([1e100, 1.0, -1e100]), sum([10 ** 20, 0.5]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum([b"a"], b"")
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum(["a", "b"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum([1, None])
except TypeError as e:
    print(type(e).__name__, e)


class Vec:
    def __init__(self, *c):
        self.c = c

    def __add__(self, o):
        if isinstance(o, int) and o == 0:
            return self
        return Vec(*(a + b for a, b in zip(self.c, o.c)))

    __radd__ = __add__

    def __repr__(self):
        return f"Vec{self.c}"


print(sum([Vec(1, 2), Vec(3, 4), Vec(5, 6)]), sum([Vec(1, 1)], Vec(10, 10)))
try:
    sum([bytearray(b"x")], bytearray(b""))
except TypeError as e:
    print(type(e).__name__, e)
print(sum([2 ** 62, 2 ** 62, 2 ** 62]), sum([-1] * 1000), sum(range(-5, 5), 0.0))
