# Inheritance, super(), MRO with diamonds, isinstance/issubclass, attribute lookup.
class Animal:
    kind = "animal"
    count = 0

    def __init__(self, name):
        self.name = name
        Animal.count += 1

    def speak(self):
        return f"{self.name} makes a sound"

    def describe(self):
        return f"{self.name} is a {self.kind}: {self.speak()}"


class Dog(Animal):
    kind = "dog"

    def speak(self):
        return f"{self.name} barks"


class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age

    def speak(self):
        return super().speak() + " softly"


for a in (Animal("generic"), Dog("rex"), Puppy("bit", 1)):
    print(a.describe(), type(a).__name__, isinstance(a, Dog), isinstance(a, Animal))
print(Animal.count, Puppy.__mro__, Puppy.__bases__, Dog.__base__)
print(issubclass(Puppy, Animal), issubclass(Animal, Dog), issubclass(bool, int), issubclass(Dog, (int, Animal)))


class A:
    def who(self):
        return ["A"]


class B(A):
    def who(self):
        return ["B"] + super().who()


class C(A):
    def who(self):
        return ["C"] + super().who()


class D(B, C):
    def who(self):
        return ["D"] + super().who()


print(D().who(), [k.__name__ for k in D.mro()])
print(super(B, D()).who(), super(C, D()).who())


class Base:
    def __init__(self, **kw):
        self.opts = kw
        print("Base init", sorted(kw))


class Mixin:
    def __init__(self, **kw):
        print("Mixin init", sorted(kw))
        self.mixed = kw.pop("mix", None)
        super().__init__(**kw)


class Combined(Mixin, Base):
    def __init__(self, **kw):
        print("Combined init")
        super().__init__(**kw)


c = Combined(mix=1, other=2)
print(c.mixed, c.opts, vars(c) == {"mixed": 1, "opts": {"other": 2}})
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
p = Puppy("max", 2)
p.kind = "instance kind"
print(p.kind, Puppy.kind, p.__dict__, hasattr(p, "age"), getattr(p, "missing", "dflt"))
del p.kind
print(p.kind)
setattr(p, "trick", "roll")
print(p.trick, sorted(vars(p)))
try:
    p.nonexistent
except AttributeError as e:
    print("AttributeError:", e)


class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement")


class Sq(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2


for sh in (Sq(3), Shape()):
    try:
        print(type(sh).__name__, sh.area())
    except NotImplementedError as e:
        print("NotImplementedError:", e)
