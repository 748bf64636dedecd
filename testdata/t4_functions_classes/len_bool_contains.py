# __len__/__bool__ truthiness, __contains__, __getitem__/__setitem__/__delitem__, __reversed__.
class Box:
    def __init__(self, items):
        self.items = list(items)
    def __len__(self):
        print("__len__")
        return len(self.items)
    def __contains__(self, x):
        print("__contains__", x)
        return x in self.items
    def __getitem__(self, i):
        print("__getitem__", i)
        return self.items[i]
    def __setitem__(self, i, v):
        print("__setitem__", i, v)
        self.items[i] = v
    def __delitem__(self, i):
        print("__delitem__", i)
        del self.items[i]
    def __reversed__(self):
        return iter(["reversed!"])
b = Box("abc")
print(len(b), bool(b), "b" in b, "z" not in b)
print(b[0], b[1:], b[-1])
b[0] = "A"
del b[1]
print(b.items, list(reversed(b)), list(b))
empty = Box([])
print(bool(empty), "empty is falsy" if not empty else "truthy")
class BoolAndLen:
    def __bool__(self):
        print("__bool__")
        return True
    def __len__(self):
        print("__len__ (not used by bool)")
        return 0
print(bool(BoolAndLen()), len(BoolAndLen()))
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
