# itertools.groupby.
import itertools as it

print([(k, list(g)) for k, g in it.groupby("AAAABBBCCDAABBB")])
print([k for k, _ in it.groupby("AAAABBBCCD")])
print([(k, len(list(g))) for k, g in it.groupby([1, 1, 2, 3, 3, 3, 1])])

words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
for k, g in it.groupby(words, key=lambda w: w[0]):
    print(k, list(g))
for k, g in it.groupby(sorted(words), key=lambda w: w[0]):
    print(k, list(g))

data = [("x", 1), ("x", 2), ("y", 3), ("x", 4)]
print([(k, [v for _, v in g]) for k, g in it.groupby(data, key=lambda p: p[0])])

groups = it.groupby("aabbc")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
print(list(it.groupby([])))

nums = [1, 3, 5, 2, 4, 7, 9, 6]
print([(odd, list(g)) for odd, g in it.groupby(nums, key=lambda n: n % 2 == 1)])

runs = [(ch, sum(1 for _ in g)) for ch, g in it.groupby("wwwwaaadexxxxxx")]
print("".join(f"{n}{ch}" for ch, n in runs))

g = it.groupby([1, 1, 2])
key, grp = next(g)
print(next(grp), key)
try:
    list(it.groupby([1, "a", "a"], key=lambda v: v + 1))
except TypeError as e:
    print(type(e).__name__, e)
