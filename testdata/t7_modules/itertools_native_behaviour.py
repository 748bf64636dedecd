# Semantics of every itertools iterator, edge cases included.
import itertools as it

print(list(it.islice(it.cycle("abc"), 7)), list(it.cycle([])))
cy = it.cycle(iter([1, 2]))
print([next(cy) for _ in range(5)])
print(list(it.repeat("x", 3)), list(it.repeat("x", 0)), list(it.repeat("x", -2)))
r = it.repeat(5, 3)
print(r.__length_hint__(), next(r), r.__length_hint__(), r)
print(list(it.accumulate([])), list(it.accumulate([], initial=7)),
      list(it.accumulate([1, 2, 3], initial=100)), list(it.accumulate("abc")),
      list(it.accumulate([3, 1, 4], max)), list(it.accumulate([1, 2, 3], lambda a, b: a * b, initial=2)))
print(list(it.chain()), list(it.chain([], "", ())), list(it.chain("ab", range(2), [None])),
      list(it.chain.from_iterable(["ab", "", "cd"])),
      list(it.chain.from_iterable(x * "z" for x in range(4))))
print(list(it.compress("abcdef", [1, 0, 1])), list(it.compress("ab", [1, 1, 1, 1])),
      list(it.compress(range(6), it.cycle([0, 1]))))
print(list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 1, 5])), list(it.dropwhile(bool, [1, 1])),
      list(it.takewhile(lambda x: x < 3, [1, 2, 3, 1, 5])), list(it.takewhile(bool, [])))
tw = it.takewhile(lambda x: x < 2, iter([1, 2, 1]))
print(list(tw), list(tw))
print(list(it.filterfalse(None, [0, 1, "", "a", [], [0]])),
      list(it.filterfalse(bool, [0, 1, None])),
      list(it.filterfalse(lambda x: x % 3, range(10))))
print([(k, list(g)) for k, g in it.groupby([])],
      [(k, list(g)) for k, g in it.groupby("aaAbB", str.lower)],
      [(k, len(list(g))) for k, g in it.groupby([1, 1.0, True, 2, 2.0])],
      [k for k, g in it.groupby(iterable="xxyz", key=None)])
# A grouper stops once the parent moves on.
gb = it.groupby("aabbc")
k1, g1 = next(gb)
k2, g2 = next(gb)
print(k1, list(g1), k2, next(g2), [k for k, g in gb], list(g2))
nan = float("nan")
print([(k, len(list(g))) for k, g in it.groupby([nan, nan, float("nan")])][:1][0][1])


class Key:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print("eq", self.v, other.v)
        return self.v // 2 == other.v // 2


print([[k.v for k in g] for _, g in it.groupby([Key(0), Key(1), Key(2), Key(5)])])
print(list(it.islice("abcdefg", 2)), list(it.islice("abcdefg", 2, 4)),
      list(it.islice("abcdefg", 2, None)), list(it.islice("abcdefg", 0, None, 3)),
      list(it.islice("abcdefg", None)), list(it.islice("abcdefg", None, None, None)),
      list(it.islice("abc", 5, 10)), list(it.islice("abcdefg", 1, 6, 10)),
      list(it.islice(it.count(), 3, 20, 7)), list(it.islice(range(10), True, 5)))
src = iter(range(10))
print(list(it.islice(src, 2, 4)), next(src))


class Idx:
    def __index__(self):
        return 3


print(list(it.islice(range(10), Idx())), list(it.islice(range(10), Idx(), None, Idx())))
print(list(it.pairwise("")), list(it.pairwise("a")), list(it.pairwise("abcd")),
      list(it.pairwise(range(3))))
print(list(it.starmap(pow, [(2, 3), [3, 2]])), list(it.starmap(lambda *a: a, ["ab", (), [1]])),
      list(it.starmap(max, iter([range(3)]))))
a, b = it.tee(iter([1, 2, 3]))
print(next(a), next(a), list(b), list(a), it.tee([1], 0), len(it.tee("x", 5)))
a, b, c = it.tee(range(200), 3)
print(sum(a), sum(1 for _ in b), list(it.islice(c, 55, 60)), list(it.islice(c, 0, 3)))
t1, t2 = it.tee("abc")
t3, t4 = it.tee(t1)
print(t3 is t1, next(t1), list(t4), list(t2), list(t3))
cp = t2.__copy__()
print(type(cp).__name__, list(cp))
x = it._tee("hello")
y = it._tee(x)
print(next(x), next(y), next(x), list(y), list(x))


class Copyable:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        return self.n

    def __copy__(self):
        return Copyable(self.n + 1)


cs = it.tee(Copyable(1), 3)
print([type(c).__name__ for c in cs], [next(c) for c in cs])
print(list(it.zip_longest()), list(it.zip_longest("ab", "xyz", [])),
      list(it.zip_longest("ab", range(3), fillvalue="-")), list(it.zip_longest("a")))
print(list(it.product()), list(it.product("")), list(it.product("ab", "")),
      list(it.product("ab", "cd")), list(it.product(range(2), repeat=3)),
      list(it.product("ab", repeat=0)))
print(list(it.permutations("abc")), list(it.permutations("abc", 2)),
      list(it.permutations("ab", 0)), list(it.permutations("ab", 3)), list(it.permutations([])),
      list(it.permutations(range(3), r=None)))
print(list(it.combinations("abcd", 2)), list(it.combinations("ab", 0)),
      list(it.combinations("ab", 3)), list(it.combinations([], 0)), list(it.combinations("abc", r=3)))
print(list(it.combinations_with_replacement("abc", 2)),
      list(it.combinations_with_replacement("", 2)),
      list(it.combinations_with_replacement("", 0)),
      list(it.combinations_with_replacement("ab", 0)),
      len(list(it.combinations_with_replacement(range(4), 3))))
print(len(list(it.permutations(range(5)))), len(list(it.combinations(range(10), 4))),
      len(list(it.product(range(4), repeat=4))))
# Items are independent tuples.
p = it.product("ab", repeat=2)
first = next(p)
print(first, next(p), first)
# Exceptions from the input propagate; the iterator goes on when it can.
def flaky():
    yield 1
    raise ValueError("flaky")
ch = it.chain(flaky(), [2])
print(next(ch))
try:
    next(ch)
except ValueError as e:
    print("ValueError", e)
print(list(ch))
z = it.zip_longest(flaky(), "abc")
print(next(z))
try:
    next(z)
except ValueError as e:
    print("ValueError", e)
print(list(z))
