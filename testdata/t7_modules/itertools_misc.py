# itertools.starmap, tee, zip_longest, pairwise.
import itertools as it

print(list(it.starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(it.starmap(lambda *a: sum(a), [(1,), (1, 2), ()])))
print(list(it.starmap(max, ["ab", "zq"])))
try:
    list(it.starmap(pow, [1]))
except TypeError as e:
    print(type(e).__name__, e)

a, b = it.tee([1, 2, 3])
print(list(a), list(b))
a, b, c = it.tee(iter("xyz"), 3)
print(next(a), next(a), next(b), list(c), list(a), list(b))
print(it.tee([], 0), len(it.tee("ab", 4)))
try:
    it.tee("a", -1)
except ValueError as e:
    print(type(e).__name__, e)
src = iter(range(5))
t1, t2 = it.tee(src)
print(next(t1), next(t1), list(t2))
t3, = it.tee(t1, 1)
print(list(t3))

print(list(it.zip_longest("abc", [1])))
print(list(it.zip_longest("ab", [1, 2, 3], fillvalue="-")))
print(list(it.zip_longest()))
print(list(it.zip_longest("a", "", "xyz", fillvalue=0)))
print(["".join(p) for p in it.zip_longest("ace", "bd", fillvalue="")])

print(list(it.pairwise([1, 2, 3, 4])))
print(list(it.pairwise("ab")), list(it.pairwise("a")), list(it.pairwise([])))
print([b - a for a, b in it.pairwise([1, 4, 9, 16, 25])])
print(type(it.pairwise([])).__name__, type(it.zip_longest()).__name__)
