# dict insertion order, deletion and re-insertion, update of existing keys, popitem LIFO.
d = {}
for k in ["c", "a", "b", "e", "d"]:
    d[k] = len(d)
print(d, list(d), list(d.values()), list(d.items()))
d["a"] = 100
print(d)
del d["c"]
print(d)
d["c"] = -1
print(d)
d.pop("b")
d["b"] = 2
d["z"] = 26
print(d, list(d.keys()))
print(d.popitem(), d.popitem(), d)
d.update({"a": 0, "new": 1}, extra=2)
print(d)
d.update([("pair", 3), ("a", 9)])
print(d)
for i in range(20):
    d[i] = i
for i in range(0, 20, 2):
    del d[i]
print(d)
print(dict.fromkeys("abca"), dict.fromkeys([3, 1, 2], 0), dict(zip("xyz", range(3))))
print(dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict({"q": 1}, r=2))
e = {"x": 1, "y": 2}
f = {"y": 2, "x": 1}
print(e == f, list(e) == list(f), list(e), list(f))
g = {1: "a", 1.0: "b", True: "c"}
print(g, len(g))
h = {}
h["k"] = 1
del h["k"]
h["k2"] = 2
h["k"] = 3
print(h, [k for k in h])
try:
    for k in h:
        h["added"] = 1
except RuntimeError as e2:
    print("RuntimeError:", e2)
print(h)
print(reversed(h) is not None, list(reversed(h)), list(reversed(h.items())))
print({**{"a": 1, "b": 2}, "a": 3, **{"c": 4}})
