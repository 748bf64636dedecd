# dict views (live), view set operations, dict comprehension, | and |= merge.
d = {"a": 1, "b": 2, "c": 3}
ks, vs, its = d.keys(), d.values(), d.items()
print(ks, vs, its, len(ks), "a" in ks, 2 in vs, ("b", 2) in its, ("b", 3) in its)
d["d"] = 4
del d["a"]
print(list(ks), list(vs), list(its))
print(sorted(ks & {"b", "x"}), sorted(ks | {"z"}), sorted(ks - {"b"}), sorted(ks ^ {"b", "q"}))
print(sorted(its & {("c", 3), ("c", 4)}), ks == {"b", "c", "d"}, ks <= {"b", "c", "d", "e"}, ks.isdisjoint({"x"}))
print(type(ks & set()).__name__, type(ks).__name__, type(vs).__name__, type(its).__name__)
print(vs == vs, list(vs) == [2, 3, 4])
sq = {x: x * x for x in range(6) if x % 2 == 0}
print(sq)
inv = {v: k for k, v in d.items()}
print(inv)
pairs = {(i, j): i * j for i in range(3) for j in range(3) if i <= j}
print(pairs)
dup = {k % 3: k for k in range(10)}
print(dup)
x = {"a": 1, "b": 2}
y = {"b": 20, "c": 30}
print(x | y, y | x, x, y)
x |= y
print(x)
x |= [("e", 5)]
print(x)
try:
    x | [("f", 6)]
except TypeError as e:
    print("TypeError:", e)
try:
    ks[0]
except TypeError as e:
    print("TypeError:", e)
it = iter(d)
print(next(it), next(it))
d["new"] = 1
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e)
print(list(zip(d.keys(), d.values())) == list(d.items()), dict(d.items()) == d)
print(sorted(d.items(), key=lambda kv: kv[1]), max(d.values()), sum(d.values()))
print({k: v for k, v in sorted(d.items(), key=lambda kv: -kv[1])})
