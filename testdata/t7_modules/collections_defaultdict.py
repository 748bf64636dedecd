# collections.defaultdict.
from collections import defaultdict

d = defaultdict(list)
for word in "the quick brown fox jumps over the lazy dog".split():
    d[len(word)].append(word)
print(sorted(d.items()))
print(d[10], 10 in d, len(d))

counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(dict(counts), counts["z"], sorted(counts))

nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 1
nested["a"]["y"] += 2
nested["b"]["x"] += 3
print({k: dict(v) for k, v in nested.items()})

s = defaultdict(set)
s["k"].add(1)
s["k"].add(1)
print(s, s.default_factory)

nf = defaultdict()
print(nf.default_factory)
try:
    nf["missing"]
except KeyError as e:
    print(type(e).__name__, e)
print(nf.get("missing"), "missing" in nf)

d2 = defaultdict(str, {"a": "A"})
print(repr(d2), d2["b"] == "", repr(d2))
print(d2.get("c"), "c" in d2)
c = d2.copy()
print(type(c).__name__, c.default_factory is str, c == d2)
d2.default_factory = list
print(d2["new"], repr(d2))
try:
    defaultdict(5)
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(d2, dict), defaultdict.__missing__(defaultdict(lambda: 7), "k"))
print(defaultdict(int, a=1) | {"b": 2})


class Missing(dict):
    def __missing__(self, key):
        return key.upper()


m = Missing(a="x")
print(m["a"], m["b"], m, m.get("b"))
