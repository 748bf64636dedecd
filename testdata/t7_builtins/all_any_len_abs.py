# all/any short-circuiting, len and abs edge cases, hash-free id-free checks.
def noisy(v):
    print(f"  check {v!r}")
    return v


print(all(noisy(v) for v in [1, 2, 0, 3]))
print(any(noisy(v) for v in [0, "", "x", 1]))
print(all([]), any([]), all([[]]), any([[]]), all("abc"), any([0.0, 0j]))
try:
    all(5)
except TypeError as e:
    print(type(e).__name__, e)
print(len("héllo"), len(b"ab"), len([1, [2, 3]]), len({}), len(range(0, 10, 3)), len({1: 2}.keys()))


class L:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


print(len(L(5)), bool(L(0)), bool(L(2)))
for bad in (L(-1), L(2 ** 70), L("x")):
    try:
        len(bad)
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
try:
    len(5)
except TypeError as e:
    print(type(e).__name__, e)
print(abs(-5), abs(5.5), abs(-0.0), abs(3 - 4j), abs(True), abs(-10 ** 30))


class A:
    def __abs__(self):
        return "absolute"


print(abs(A()))
try:
    abs("s")
except TypeError as e:
    print(type(e).__name__, e)
print(hash(1) == hash(1.0) == hash(True), hash("a") == hash("a"), hash((1, 2)) == hash((1, 2)))
try:
    hash([1])
except TypeError as e:
    print(type(e).__name__, e)
print(hash(-1), hash(-2), hash(0), hash(2 ** 61 - 1), hash(2 ** 61), hash(1.5), hash(float("inf")))
