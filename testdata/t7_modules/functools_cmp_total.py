# functools.cmp_to_key and functools.total_ordering.
import functools


def cmp_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)


words = ["pear", "fig", "apple", "kiwi", "banana", "date"]
print(sorted(words, key=functools.cmp_to_key(cmp_len_then_alpha)))
print(sorted(words, key=functools.cmp_to_key(cmp_len_then_alpha), reverse=True))
print(max(words, key=functools.cmp_to_key(cmp_len_then_alpha)))


def reverse_num(a, b):
    return b - a


print(sorted([3, 1, 4, 1, 5, 9, 2, 6], key=functools.cmp_to_key(reverse_num)))
K = functools.cmp_to_key(reverse_num)
k1, k2 = K(1), K(2)
print(k1 < k2, k1 > k2, k1 == K(1), k1 <= k2, k1 >= k2, k1 != k2)
print(type(k1).__name__, k1.obj)
try:
    hash(k1)
except TypeError as e:
    print(type(e).__name__, e)


@functools.total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts

    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))


a, b, c = Version("1.2"), Version("1.10"), Version("1.2")
print(a < b, a <= b, a > b, a >= b, a == c, a != c, a <= c, a >= c)
print(sorted([Version("2.0"), Version("1.9.9"), Version("1.10"), Version("1.2.3")]))
print(max(Version("0.1"), Version("0.0.9")))
try:
    a < 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    a >= "x"
except TypeError as e:
    print(type(e).__name__, e)
print(a == 5)


@functools.total_ordering
class ByGt:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __gt__(self, o):
        return self.v > o.v


x, y = ByGt(1), ByGt(2)
print(x < y, x <= y, x > y, x >= y, x <= ByGt(1))
print(sorted(name for name in ("__lt__", "__le__", "__gt__", "__ge__") if name in ByGt.__dict__))
try:
    @functools.total_ordering
    class Nothing:
        pass
except ValueError as e:
    print(type(e).__name__, e)
