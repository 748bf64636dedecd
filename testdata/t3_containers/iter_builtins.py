# zip/enumerate/reversed/map/filter/range/iter behaviour and laziness.
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip(*[(1, "a"), (2, "b")])))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(enumerate("abc")), list(enumerate("abc", 10)), list(enumerate([], 5)), dict(enumerate("xy", start=-1)))
print(list(reversed([1, 2, 3])), list(reversed(range(5))), list(reversed("abc")), list(reversed((1, 2))))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(abs, (-1, -2))))
print(list(filter(lambda v: v > 1, [0, 1, 2, 3])), list(filter(None, [0, "", 5, "x"])), list(filter(str.isdigit, "a1b2")))
m = map(lambda v: print("map", v) or v * 10, [1, 2, 3])
print("created map")
print(next(m))
print(list(m), list(m))
r = range(10, 0, -3)
print(list(r), len(r), r[1], r[-1], r[1:3], 4 in r, 7 in r, r.index(4), range(5) == range(0, 5, 1), range(0) == range(2, 2))
print(repr(range(3)), repr(range(1, 9, 2)), list(range(-5)), list(range(2, -6, -2)), range(0, 10**20)[-1])
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
class Countdown:
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return self.n - i
print(list(Countdown(4)), list(iter(Countdown(2))), 3 in Countdown(4))
calls = iter([5, 4, 3, 0, 1])
print(list(iter(lambda: next(calls), 0)))
z = zip(range(3), map(lambda v: print("gen", v) or v, "abcd"))
print(list(z))
e = enumerate(zip("ab", reversed(range(2))))
print(list(e))
try:
    iter(5)
except TypeError as e2:
    print("TypeError:", e2)
