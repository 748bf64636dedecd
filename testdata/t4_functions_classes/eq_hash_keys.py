# __eq__/__hash__ for dict and set keys; unhashable when __eq__ defined without __hash__.
class Key:
    def __init__(self, name, ver):
        self.name, self.ver = name, ver
    def __eq__(self, other):
        print("__eq__", self.name, other.name if isinstance(other, Key) else other)
        return isinstance(other, Key) and self.name == other.name
    def __hash__(self):
        print("__hash__", self.name)
        return hash(self.name)
    def __repr__(self):
        return f"Key({self.name}, {self.ver})"
d = {}
d[Key("a", 1)] = "first"
d[Key("a", 2)] = "second"
print(d, len(d))
print(Key("a", 3) in d, d.get(Key("b", 0)))
s = {Key("x", 1), Key("x", 2)}
print(len(s), s)
class NoHash:
    def __eq__(self, other):
        return True
print(NoHash.__hash__)
try:
    {NoHash()}
except TypeError as e:
    print("TypeError:", e)
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)
class Ident:
    pass
i1, i2 = Ident(), Ident()
print(i1 == i1, i1 == i2, len({i1, i2, i1}), hash(i1) == hash(i1))
class SameHash:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 1
    def __eq__(self, o):
        return self.v == o.v
    def __repr__(self):
        return f"S{self.v}"
collide = {SameHash(1): "one", SameHash(2): "two", SameHash(1): "uno"}
print(collide, collide[SameHash(2)])
class Explicit(Key):
    __hash__ = Key.__hash__
    def __eq__(self, o):
        return False
e = Explicit("q", 0)
print(len({e: 1, Explicit("q", 1): 2}))
x = {e: "v"}
print(e in x, x.get(e))
print(hash(1) == hash(1.0) == hash(True), {1: "int", 1.0: "float"}, hash("abc") == hash("ab" + "c"))
class HashOnly:
    def __hash__(self):
        return 42
print(hash(HashOnly()), {HashOnly(): 1}.popitem()[1])
class Bad:
    def __hash__(self):
        return "not int"
try:
    hash(Bad())
except TypeError as e:
    print("TypeError:", e)
class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
