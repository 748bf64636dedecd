# Properties, classmethod, staticmethod, class attributes, custom descriptors.
class Temperature:
    scale = "C"

    def __init__(self, celsius=0.0):
        self._c = celsius

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value

    @celsius.deleter
    def celsius(self):
        print("deleting celsius")
        self._c = None

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)

    @staticmethod
    def valid(v):
        return v >= -273.15

    def __repr__(self):
        return f"Temperature({self._c!r})"


t = Temperature(25)
print(t, t.celsius, t.fahrenheit, Temperature.from_f(212), Temperature.valid(-300), t.valid(0))
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -500
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(t, type(Temperature.__dict__["from_f"]).__name__, type(Temperature.__dict__["valid"]).__name__)
print(isinstance(Temperature.celsius, property), Temperature.celsius.fget.__name__)


class Typed:
    def __init__(self, kind):
        self.kind = kind

    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}")
        setattr(obj, self.name, value)


class Person:
    name = Typed(str)
    age = Typed(int)
    population = 0

    def __init__(self, name, age):
        self.name = name
        self.age = age
        type(self).population += 1

    @classmethod
    def make_many(cls, *names):
        return [cls(n, i) for i, n in enumerate(names)]


people = Person.make_many("ann", "bob")
print([(p.name, p.age) for p in people], Person.population, type(Person.name).__name__)
try:
    people[0].age = "old"
except TypeError as e:
    print("TypeError:", e)


class Lazy:
    def __init__(self, fn):
        self.fn = fn

    def __get__(self, obj, cls):
        val = self.fn(obj)
        obj.__dict__[self.fn.__name__] = val
        print("computed", self.fn.__name__)
        return val


class Data:
    @Lazy
    def expensive(self):
        return sum(range(1000))


d = Data()
print(d.expensive, d.expensive, "expensive" in vars(d))
bound = t.valid
m = people[1].make_many
print(bound(5), m("z")[0].name, Person.make_many.__self__ is Person, people[0].__class__.__name__)
f = Temperature.__repr__
print(f(Temperature(1.5)), Temperature.__init__.__name__, callable(t), callable(Temperature))
