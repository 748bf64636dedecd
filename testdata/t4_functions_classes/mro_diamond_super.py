# C3 MRO with diamonds, cooperative super() in multiple inheritance, MRO conflict error.
class A:
    def who(self):
        return ["A"]
    def __init__(self):
        print("A.__init__")
        super().__init__()
class B(A):
    def who(self):
        return ["B"] + super().who()
    def __init__(self):
        print("B.__init__")
        super().__init__()
class C(A):
    def who(self):
        return ["C"] + super().who()
    def __init__(self):
        print("C.__init__")
        super().__init__()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
    def __init__(self):
        print("D.__init__")
        super().__init__()
print([k.__name__ for k in D.__mro__])
d = D()
print(d.who())
print(super(B, d).who(), super(C, d).who())
class X: pass
class Y: pass
class Z: pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class Top(K1, K2, K3): pass
print([k.__name__ for k in Top.mro()])
try:
    class Bad(X, K1):
        pass
except TypeError as e:
    print("TypeError:", e)
class Base:
    def greet(self, name):
        return f"Base hello {name}"
class Mixin:
    def greet(self, name):
        return "Mixin(" + super().greet(name.upper()) + ")"
class Final(Mixin, Base):
    def greet(self, name):
        return "Final[" + super().greet(name) + "]"
print(Final().greet("ann"), [k.__name__ for k in Final.__mro__])
class Kw:
    def __init__(self, **kw):
        print("Kw leftover", kw)
class P1(Kw):
    def __init__(self, p1=None, **kw):
        print("P1", p1)
        super().__init__(**kw)
class P2(Kw):
    def __init__(self, p2=None, **kw):
        print("P2", p2)
        super().__init__(**kw)
class Both(P1, P2):
    pass
Both(p1=1, p2=2, other=3)
print(issubclass(D, A), isinstance(d, C), D.__bases__ == (B, C), A.__subclasses__() == [B, C])
