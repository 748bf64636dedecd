# Descriptors: data vs non-data precedence, __set_name__, __get__ with None instance, __delete__.
class Typed:
    def __set_name__(self, owner, name):
        print("__set_name__", owner.__name__, name)
        self.name = "_" + name
        self.public = name
    def __init__(self, kind):
        self.kind = kind
    def __get__(self, obj, objtype=None):
        if obj is None:
            return f"<Typed {self.public} on {objtype.__name__}>"
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.public} must be {self.kind.__name__}, got {type(value).__name__}")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("__delete__", self.public)
        delattr(obj, self.name)
print("before class")
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age
print("after class")
p = Person("ann", 30)
print(p.name, p.age, Person.name, sorted(vars(p)))
try:
    p.age = "old"
except TypeError as e:
    print("TypeError:", e)
p.__dict__["age"] = "dict value ignored"
print(p.age)
del p.age
print(p.age)
class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"
class Holder:
    attr = NonData()
h = Holder()
print(h.attr)
h.attr = "instance wins"
print(h.attr, Holder.attr)
del h.attr
print(h.attr)
class ReadOnly:
    def __get__(self, obj, objtype=None):
        return 42
    def __set__(self, obj, value):
        raise AttributeError("read-only descriptor")
class R:
    x = ReadOnly()
r = R()
try:
    r.x = 1
except AttributeError as e:
    print("AttributeError:", e)
print(r.x)
def plain(self):
    return "plain bound to " + type(self).__name__
bound = plain.__get__(r, R)
print(bound(), type(bound).__name__)
