# vars() and dir() on simple classes and instances (sorted output).
class Base:
    base_attr = 1

    def base_method(self):
        pass


class Thing(Base):
    cls_attr = "c"

    def __init__(self):
        self.a = 1
        self._b = 2

    def method(self):
        return self.a

    @property
    def prop(self):
        return 42

    @staticmethod
    def smeth():
        pass


t = Thing()
print(vars(t), t.__dict__ is vars(t))
print(sorted(k for k in vars(Thing) if not k.startswith("__")))
print([n for n in dir(t) if not n.startswith("__")])
print([n for n in dir(Thing) if not n.startswith("__")])
print("a" in dir(t), "a" in dir(Thing), "prop" in dir(t), "__init__" in dir(t))
t.new_attr = [1]
print(sorted(vars(t)))
vars(t)["via_vars"] = "x"
print(t.via_vars)
for obj in (5, "s", [1]):
    try:
        vars(obj)
    except TypeError as e:
        print(type(e).__name__, e)


class Slotted:
    __slots__ = ("x", "y")


s = Slotted()
s.x = 1
try:
    vars(s)
except TypeError as e:
    print(type(e).__name__, e)
print([n for n in dir(s) if not n.startswith("__")])


class Custom:
    def __dir__(self):
        return ["zeta", "alpha", "alpha"]


print(dir(Custom()))
print(dir(Custom) == sorted(dir(Custom)))


def f():
    local_a = 1
    local_b = 2
    return sorted(dir()), sorted(vars())


print(f())
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir({}) if not n.startswith("_")])
print(len([n for n in dir(str) if not n.startswith("_")]) > 40)
import types

ns = types.SimpleNamespace(b=2, a=1)
print(vars(ns), ns)
mod_names = sorted(n for n in vars() if not n.startswith("__"))
print(mod_names)
