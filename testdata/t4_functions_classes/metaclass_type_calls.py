# Metaclasses derived from type: winner calculation, type.__new__/__init__/__call__ via super(),
# type() with a base whose metaclass has __new__, metaclass __repr__, __subclasses__, generic aliases.
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        ns.setdefault("made_by", mcs.__name__)
        return super().__new__(mcs, name, bases, ns)

    def __repr__(cls):
        return f"<{type(cls).__name__} {cls.__name__}>"


class Sub(Meta):
    pass


class A(metaclass=Meta):
    pass


class B(A, metaclass=Sub):
    pass


print(A, B, type(B).__name__, B.made_by, A.__subclasses__(), type.__subclasses__(Meta))
C = type("C", (B,), {})
print(C, type(C).__name__, C.made_by, [k.__name__ for k in C.__mro__])


class Counting(type):
    calls = 0

    def __call__(cls, *a, **k):
        Counting.calls += 1
        return super().__call__(*a, **k)


class P(metaclass=Counting):
    def __init__(self, x=0):
        self.x = x


print(P(1).x, P().x, Counting.calls, type.__call__(P, 7).x, Counting.calls)
try:
    type.__init__(P, 1, 2)
except TypeError as e:
    print("TypeError", e)
print(list[int], dict[str, list[int]], tuple[int, ...], type[A], list[int]("ab"))


class Box:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)


print(Box[int], Box["x"])
try:
    A[int]
except TypeError as e:
    print("TypeError", e)
print(type(A.__dict__).__name__, "made_by" in A.__dict__, A.__dict__.get("nope", 1))
try:
    A.__dict__["z"] = 1
except TypeError as e:
    print("TypeError", e)
try:
    class Bad(bool):
        pass
except TypeError as e:
    print("TypeError", e)
