# sorted()/list.sort() on ints, floats, strs and tuples of them (compared
# without Python code), next to keys that need the general comparison.
nan = float("nan")
print(sorted([3, 1, 2, -5, 10**20, 0]))
print(sorted(["b", "a", "ab", "", "B"]))
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1,), ()]))
print(sorted([(1, (2, 3)), (1, (2,)), (0, (9, 9))]))
print(sorted([1.5, -0.0, 0.0, 2, True, -3]))
print(sorted([(1, nan), (1, 2.0), (0, nan)], key=lambda t: t[0]))
xs = [(1, nan), (1, 2.0)]
print(sorted(xs) == xs or sorted(xs))
print(sorted([3, nan, 1, 2]))
words = "the quick brown fox jumps over the lazy dog the end".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)


class K:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        print("lt", self.v, other.v)
        return self.v < other.v

    def __eq__(self, other):
        print("eq", self.v, other.v)
        return self.v == other.v


print([k.v for k in sorted([K(2), K(1)])])
print([t[1].v for t in sorted([(1, K("b")), (1, K("a"))])])
# del d[k] and float powers in the loop.
d = {i: i * i for i in range(10)}
for i in range(0, 10, 2):
    del d[i]
print(d)
print(2.0 ** 0.5, 10 ** -2.0, 0.5 ** 1e10, 1.5 ** 2)
for base, exp in [(2.0, 1e6), (-8.0, 1 / 3), (0.0, -1.0)]:
    try:
        print(base ** exp)
    except (OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
