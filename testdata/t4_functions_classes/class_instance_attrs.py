# Class attributes vs instance attributes: shadowing, mutable class attrs, lookup via type, vars().
class Dog:
    species = "canis"
    tricks = []
    count = 0
    def __init__(self, name):
        self.name = name
        Dog.count += 1
    def add_trick(self, t):
        self.tricks.append(t)
a, b = Dog("rex"), Dog("fido")
a.add_trick("sit")
b.add_trick("roll")
print(a.tricks, b.tricks, a.tricks is Dog.tricks, Dog.count, a.count)
a.species = "wolf"
print(a.species, b.species, Dog.species, vars(a), "species" in vars(b))
del a.species
print(a.species)
Dog.species = "lupus"
print(a.species, b.species)
a.count += 10
print(a.count, b.count, Dog.count)
print(sorted(k for k in Dog.__dict__ if not k.startswith("__")), type(Dog.__dict__).__name__)
try:
    Dog.__dict__["x"] = 1
except TypeError as e:
    print("TypeError:", e)
Dog.new_attr = "added later"
print(a.new_attr, getattr(b, "new_attr"), hasattr(Dog, "name"), hasattr(a, "name"))
try:
    Dog.name
except AttributeError as e:
    print("AttributeError:", e)
try:
    a.nope
except AttributeError as e:
    print("AttributeError:", e)
class Sub(Dog):
    species = "sub"
s = Sub("sub1")
print(s.species, s.tricks, Sub.count, Dog.count, Sub.__dict__.get("count"), s.__class__.__name__)
def bark(self):
    return self.name + " barks"
Dog.bark = bark
print(a.bark(), s.bark())
a.bark = lambda: "instance lambda"
print(a.bark(), b.bark())
print(type(a).__name__, a.__class__ is Dog, isinstance(s, Dog), type(s) is Dog)
class Counter:
    value = 0
    def inc(self):
        self.value += 1
        return self.value
c = Counter()
print(c.inc(), c.inc(), Counter.value, c.__dict__)
class WithDoc:
    "docstring here"
    x: int = 5
    y: str
print(WithDoc.__doc__, WithDoc.x, WithDoc.__annotations__, hasattr(WithDoc, "y"), WithDoc.__name__, WithDoc.__qualname__)
def f():
    class Local:
        pass
    return Local
print(f().__qualname__, f() is f(), Dog.__module__)
