# __del__ runs when the last reference goes (CPython's reference counting),
# at most once per object, and its exceptions are reported, not raised.
class Res:
    def __init__(self, name):
        self.name = name
        print("open", name)

    def __del__(self):
        print("close", self.name)


r = Res("a")
del r
print("after del a")

def scope():
    x = Res("b")
    print("in scope")

scope()
print("after scope")

items = [Res("c"), Res("d")]
items.pop()
print("popped")
items = None
print("list dropped")

r = Res("e")
r = Res("f")
print("rebound")
del r


class Child(Res):
    pass


Child("g")
print("temporary")


class Revive:
    saved = []

    def __del__(self):
        print("revive del")
        Revive.saved.append(self)


Revive()
print("saved", len(Revive.saved))
Revive.saved.clear()
print("cleared once")


class Bad:
    def __del__(self):
        raise ValueError("boom")


Bad()
print("bad dropped")

d = {"k": Res("h")}
d["k"] = 1
print("replaced in dict")
keep = Res("i")
print("end of program")
