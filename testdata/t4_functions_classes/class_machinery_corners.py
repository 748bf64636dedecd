# Class machinery corners: live __dict__ and its assignment, metaclass __call__/__init__ with
# class keywords, __init_subclass__ keywords, slots through inheritance, class namespaces.
class Base:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class S(Base, tag="s"): pass
print(S.tag)
class A:
    @classmethod
    def make(cls): return cls.__name__
class B(A):
    @classmethod
    def make(cls): return "B:" + super().make()
print(B.make(), B().make())
class P:
    def __init__(self): self.a = 1
p = P()
d = p.__dict__
d["b"] = 2
print(p.b, vars(p) is d)
p.__dict__ = {"c": 3}
print(p.c, hasattr(p, "a"))
class M(type):
    def __call__(cls, *a, **k):
        return ("called", cls.__name__, a, k)
class C(metaclass=M):
    pass
print(C(1, x=2))
class N(type):
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.extra = kw
class D(metaclass=N):
    pass
print(D.extra, type(D).__name__)
X = N("X", (), {})
print(X.extra, type(X).__name__)
print(type.__new__(type, "Y", (), {"q": 1}).q)
class G:
    def __class_getitem__(cls, item): return f"{cls.__name__}[{item}]"
class H(G): pass
print(H[int])
print(isinstance(3, (str, (int,))), issubclass(int, object), isinstance(int, type))
class Q:
    __slots__ = ("a",)
class R(Q):
    __slots__ = ("b",)
r = R(); r.a = 1; r.b = 2
print(r.a, r.b, R.a, R.b)
try:
    r.c = 3
except AttributeError as e:
    print(e)
class WithDoc:
    "hello"
print(WithDoc.__doc__, WithDoc().__doc__, P.__doc__)
print(sorted(k for k in vars(P)))
e = ExceptionGroup("m", [ValueError(1)])
print(e.exceptions, e.args, str(e), repr(e))
print(range(5)[-10:10:2], range(0, -10, -3)[1:], list(range(3))[::-1], 5 in range(0, 10, 5), 5.0 in range(10))
print(reversed(range(3)).__length_hint__(), list(reversed(range(10**20, 10**20+3))))
l = [ValueError(1)]
g = ExceptionGroup("g", l)
l.append(g)
print(g.split(TypeError)[1] is g, len(g.exceptions), len(g.args[1]))
try:
    class K(flag=1):
        pass
except TypeError as e:
    print(e)
