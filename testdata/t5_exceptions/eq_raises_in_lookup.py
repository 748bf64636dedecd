# Exceptions raised inside __eq__/__hash__ during dict/set/list operations propagate to the caller.
class Touchy:
    def __init__(self, name, h, fail_eq=False):
        self.name, self.h, self.fail_eq = name, h, fail_eq
    def __hash__(self):
        print("hash", self.name)
        if self.h is None:
            raise RuntimeError("hash failed for " + self.name)
        return self.h
    def __eq__(self, other):
        print("eq", self.name, getattr(other, "name", other))
        if self.fail_eq or getattr(other, "fail_eq", False):
            raise ValueError("eq failed: " + self.name)
        return self.name == getattr(other, "name", None)
    def __repr__(self):
        return "T(" + self.name + ")"
d = {Touchy("a", 1): 1}
print(d[Touchy("a", 1)])
try:
    d[Touchy("b", 1, fail_eq=True)]
except ValueError as e:
    print("ValueError:", e)
try:
    Touchy("c", 1, fail_eq=True) in d
except ValueError as e:
    print("ValueError:", e)
print(Touchy("d", 2, fail_eq=True) in d)
try:
    d[Touchy("n", None)] = 5
except RuntimeError as e:
    print("RuntimeError:", e)
print(len(d))
s = {Touchy("s", 7)}
try:
    s.add(Touchy("s2", 7, fail_eq=True))
except ValueError as e:
    print("ValueError:", e)
print(len(s))
lst = [Touchy("x", 0), Touchy("y", 0, fail_eq=True), Touchy("z", 0)]
try:
    lst.index(Touchy("z", 0))
except ValueError as e:
    print("ValueError:", e)
try:
    lst.count(Touchy("q", 0))
except ValueError as e:
    print("ValueError:", e)
try:
    Touchy("w", 0) in lst
except ValueError as e:
    print("ValueError:", e)
same = Touchy("id", 3, fail_eq=True)
dd = {same: "identity shortcut"}
print(dd[same], same in [same], [same] == [same])
try:
    d.get(Touchy("g", 1, fail_eq=True), "default")
except ValueError as e:
    print("ValueError from get:", e)
try:
    (Touchy("t1", 0), 1) == (Touchy("t1", 0, fail_eq=True), 1)
except ValueError as e:
    print("ValueError tuple compare:", e)
print("done")
