# property with getter/setter/deleter, read-only properties, property in subclasses.
class Temp:
    def __init__(self, c):
        self.celsius = c
    @property
    def celsius(self):
        print("get celsius")
        return self._c
    @celsius.setter
    def celsius(self, v):
        print("set celsius", v)
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("del celsius")
        del self._c
    @property
    def fahrenheit(self):
        return self.celsius * 9 / 5 + 32
t = Temp(100)
print(t.celsius, t.fahrenheit)
t.celsius = 0
print(t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
try:
    t.celsius
except AttributeError as e:
    print("AttributeError:", e)
class NoDel:
    x = property(lambda self: 1)
try:
    del NoDel().x
except AttributeError as e:
    print("AttributeError:", e)
print(type(Temp.celsius).__name__, Temp.celsius.fget.__name__, Temp.fahrenheit.fset, Temp.celsius.__doc__)
class Doc:
    def get(self):
        "the doc"
        return 5
    val = property(get, doc="explicit doc")
    plain = property(get)
print(Doc().val, Doc.val.__doc__, Doc.plain.__doc__)
class Child(Temp):
    @Temp.celsius.getter
    def celsius(self):
        return "child " + str(self._c)
c = Child(5)
print(c.celsius)
class Lazy:
    def __init__(self):
        self.computed = 0
    @property
    def value(self):
        self.computed += 1
        return self.computed * 10
l = Lazy()
print(l.value, l.value, l.computed)
l.__dict__["value"] = "shadow"
print(l.value, sorted(vars(l)))
