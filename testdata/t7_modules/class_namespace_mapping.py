# A metaclass whose __prepare__ returns a mapping that is not exactly a dict:
# the class body's names go through its __setitem__/__getitem__, as enum's
# _EnumDict relies on.
class Recording(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, key, value):
        self.order.append(key)
        super().__setitem__(key, value)
    def __getitem__(self, key):
        if key == "magic":
            return 42
        return super().__getitem__(key)

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Recording()
    def __new__(mcls, name, bases, ns):
        print(type(ns).__name__, [k for k in ns.order if not k.startswith("__")])
        return super().__new__(mcls, name, bases, dict(ns))

class C(metaclass=Meta):
    a = 1
    b = a + magic
    def f(self): return self.b
    del a

print(C().f(), hasattr(C, "a"))

class Bad(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 5
try:
    class D(metaclass=Bad):
        pass
except TypeError as e:
    print("TypeError", e)

import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = enum.auto()
print(list(Color), Color(2), Color["BLUE"].value, Color.RED is Color.RED)
class Flag(enum.IntFlag):
    R = 4
    W = 2
    X = 1
print(Flag.R | Flag.W, int(Flag.R | Flag.X), Flag(7))
