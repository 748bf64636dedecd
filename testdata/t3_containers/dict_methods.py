# dict get/setdefault/pop/popitem/update/copy/clear and errors; KeyError messages.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d["b"], "a" in d, 1 in d, "z" not in d)
print(d.setdefault("a", 100), d.setdefault("c", 3), d.setdefault("n"), d)
print(d.pop("c"), d.pop("zz", "default"), d.pop("n"), d)
for bad in ("missing", 42, ("t", 1), None):
    try:
        d[bad]
    except KeyError as e:
        print("KeyError:", e, repr(e), e.args)
try:
    d.pop("gone")
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    del d["nothere"]
except KeyError as e:
    print("KeyError:", e)
try:
    d[[1]] = 2
except TypeError as e:
    print("TypeError:", e)
try:
    {}.get([1])
except TypeError as e:
    print("TypeError:", e)
c = d.copy()
c["a"] = "changed"
print(d, c)
nested = {"l": [1]}
shallow = nested.copy()
shallow["l"].append(2)
print(nested)
c.clear()
print(c, len(c), bool(c))
groups = {}
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(w[0], []).append(w)
print(groups)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
class Miss(dict):
    def __missing__(self, key):
        print("missing", key)
        return key * 2
m = Miss(a=1)
print(m["a"], m["bb"], m.get("cc"), "bb" in m, m)
try:
    d.update(1)
except TypeError as e:
    print("TypeError:", e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)
