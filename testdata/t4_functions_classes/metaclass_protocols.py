# Classes answering len/iter/in/attributes through their metaclass; function.__get__; base layout conflicts.
class Meta(type):
    @property
    def upper(cls):
        return cls.__name__.upper()
    def __getattr__(cls, name):
        return f"meta-{name}"
    def __len__(cls):
        return 42
    def __iter__(cls):
        return iter([1, 2])
    def __contains__(cls, x):
        return x == "in"
class A(metaclass=Meta):
    pass
print(A.upper, A.missing, len(A), list(A), "in" in A, "out" in A)
print(isinstance(A, Meta), type(A) is Meta, Meta.__name__, A.__class__.__name__)
class B(A):
    pass
print(type(B).__name__, B.upper, B.other)
def f(): pass
print(type(f.__get__(1)).__name__, f.__get__(None, int) is f)
class D:
    def m(self): return self
d = D()
bm = D.m.__get__(d, D)
print(bm() is d, D.__dict__["m"].__get__(d)() is d)
print(sorted(set(dir(A)) & {"upper", "mro"}))
try:
    class Z(int, str): pass
except TypeError as e:
    print(e)
print(type(type(A)).__name__)
