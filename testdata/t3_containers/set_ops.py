# set operations; string sets are printed via sorted(), int sets directly.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b, a.union([9], (8,)), a.intersection(b, {4}))
print(a <= b, {3} <= b, {3} < b, b < b, b <= b, a >= {1}, a > a, a.issubset(range(10)), a.isdisjoint({7}))
s = set()
s.add(5)
s.add(5)
s.update([1, 2], {3})
print(s, len(s), 5 in s, 6 not in s)
s.discard(99)
s.remove(1)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
c = a.copy()
c -= {1}
c |= {10}
c &= {2, 3, 10, 11}
c ^= {3, 12}
print(c, a)
words = {"pear", "apple", "fig"}
more = {"fig", "kiwi"}
print(sorted(words), sorted(words | more), sorted(words & more), sorted(words - more), sorted(words ^ more))
print(sorted(set("mississippi")), len(set("mississippi")), sorted({w[0] for w in words}))
fs = frozenset([1, 2, 2, 3])
print(fs, fs | {4}, type(fs | {4}).__name__, type({4} | fs).__name__, hash(fs) == hash(frozenset({3, 2, 1})))
print({fs: "frozen key"}[frozenset([3, 2, 1])], fs == {1, 2, 3}, set() == frozenset())
try:
    fs.add(4)
except AttributeError as e:
    print("AttributeError:", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    a + b
except TypeError as e:
    print("TypeError:", e)
print({x % 4 for x in range(10)}, set(range(3)), set(), frozenset(), {(1, 2), (1, 2)})
print(sorted({-3, 10, 0, 7}), min(a), max(a), sum(a), sorted(a, reverse=True))
print({1, 2} == {2, 1}, {1} != {1.0}, {True, 1, 1.0}, len({0, False, 0.0, -0.0}))
e = {1, 2, 3}
for x in list(e):
    if x % 2:
        e.discard(x)
print(e, e.difference_update({2}), e, e.symmetric_difference({5}), e.clear(), e)
