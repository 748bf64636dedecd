# _collections.defaultdict: __missing__, default_factory, repr, copies,
# pickling state, the | operators, subclasses and errors.
from _collections import defaultdict


def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


d = defaultdict(list)
d["a"].append(1)
d["a"].append(2)
d["b"]
print(d, len(d), d["a"], "c" in d, d.get("c"), "c" in d)
print(isinstance(d, dict), type(d).__name__, type(d).__module__, defaultdict.__mro__)
print(d == {"a": [1, 2], "b": []}, dict(d), list(d.items()))

counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts, sorted(counts.items()))
print(counts.__missing__("z"), counts["z"], counts)

n = defaultdict()
print(n, n.default_factory)
attempt("missing without factory", lambda: n["x"])
attempt("__missing__ without factory", lambda: n.__missing__(("t",)))
attempt("pop missing", lambda: n.pop("x"))
print(n.get("x", "default"), n.setdefault("k", 5), n)

# Arguments after the factory go to dict().
print(defaultdict(None, {"x": 1}, y=2))
print(defaultdict(list, [("p", [0])], q=[1]))
print(defaultdict(int, a=1) == {"a": 1})
attempt("not callable", lambda: defaultdict(1))
attempt("not callable str", lambda: defaultdict("abc"))
attempt("bad items", lambda: defaultdict(None, 5))

# default_factory may be read, changed and deleted.
d = defaultdict(list)
d.default_factory = set
d["s"].add(1)
print(d, d.default_factory)
d.default_factory = None
attempt("after setting None", lambda: d["nope"])
d.default_factory = lambda: "made"
print(d["lam"])
attempt("other attribute", lambda: setattr(d, "other", 1))
attempt("missing attribute", lambda: d.other)
attempt("no __dict__", lambda: d.__dict__)
print(defaultdict.default_factory)

# The factory's exception goes through.
def failing():
    raise ValueError("no default")


f = defaultdict(failing)
attempt("factory raising", lambda: f["x"])
print(len(f), f.default_factory is failing)

# repr
print(repr(defaultdict(int)), repr(defaultdict(None, {1: 2})))
print(defaultdict(dict, {"k": defaultdict(list)}))
r = defaultdict(list)
r["self"] = r
print(r)


class Factory:
    def __init__(self):
        self.dd = None

    def __call__(self):
        return 0

    def __repr__(self):
        return f"Factory({self.dd!r})"


fac = Factory()
fd = defaultdict(fac)
fac.dd = fd
print(fd)

# copy, __copy__, __reduce__
d = defaultdict(list, {"a": [1]})
c = d.copy()
c["b"].append(2)
print(d, c, c["a"] is d["a"], type(c).__name__)
print(d.__copy__(), d.__copy__() is d)
red = d.__reduce__()
print(red[0].__name__, red[1], red[2], red[3], list(red[4]))
print(defaultdict().__reduce__()[1])

# | and |=
a = defaultdict(int, {"x": 1})
print(a | {"y": 2}, type(a | {"y": 2}).__name__)
print({"y": 2} | a, type({"y": 2} | a).__name__)
print(a | defaultdict(list, {"x": 9}))
attempt("or int", lambda: a | 1)
attempt("ror int", lambda: 1 | a)
before = a
a |= {"z": 3}
print(a, type(a).__name__, a is before)
a |= [("w", 4)]
print(a)


# Subclasses.
class Tree(defaultdict):
    def __init__(self, *args):
        super().__init__(Tree, *args)

    def __repr__(self):
        return "Tree" + repr(dict(self))


t = Tree()
t["a"]["b"]["c"] = 1
print(t, type(t["a"]).__name__)


class Logged(defaultdict):
    def __missing__(self, key):
        print("missing", key)
        return super().__missing__(key)

    def __setitem__(self, key, value):
        print("set", key, value)
        super().__setitem__(key, value)


lg = Logged(lambda: 7)
print(lg["q"], dict(lg))
print(Logged(int, {"a": 1}).copy(), type(Logged(int).copy()).__name__)
sub = Logged(int)
sub.note = "n"
print(sub.__dict__, sub.default_factory)

print(defaultdict[str, int], defaultdict.fromkeys("ab"), type(defaultdict.fromkeys("ab")).__name__)
print(sorted(k for k in vars(defaultdict) if not k.startswith("_")))
