# Metaclasses: __new__, __init__, __prepare__, __call__, class keywords, inheritance of metaclass.
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("__prepare__", mcs.__name__, name, [b.__name__ for b in bases], kw)
        ns = {"injected": "from prepare"}
        return ns
    def __new__(mcs, name, bases, ns, **kw):
        print("__new__", name, sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcs, name, bases, ns)
        cls.tag = kw.get("tag", "none")
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kwargs):
        print("__call__", cls.__name__, args, kwargs)
        inst = super().__call__(*args, **kwargs)
        inst.created_by_meta = True
        return inst
class Base(metaclass=Meta, tag="base"):
    def __init__(self, v):
        print("Base.__init__", v)
        self.v = v
class Sub(Base):
    extra = 1
print(type(Base).__name__, type(Sub).__name__, Base.tag, Sub.tag, Sub.injected)
s = Sub(5)
print(s.v, s.created_by_meta, isinstance(Sub, Meta), isinstance(s, Base))
class Singleton(type):
    _instances = {}
    def __call__(cls, *a):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*a)
        return cls._instances[cls]
class Config(metaclass=Singleton):
    def __init__(self, n):
        print("Config init", n)
        self.n = n
c1, c2 = Config(1), Config(2)
print(c1 is c2, c1.n)
class Ordered(type):
    def __new__(mcs, name, bases, ns):
        ns["fields"] = [k for k in ns if not k.startswith("_")]
        return super().__new__(mcs, name, bases, ns)
class Rec(metaclass=Ordered):
    zeta = 1
    alpha = 2
    def mid(self): pass
print(Rec.fields)
Dyn = type("Dyn", (Rec,), {"x": 10, "get": lambda self: self.x})
print(Dyn.__name__, Dyn().get(), Dyn.fields, type(Dyn).__name__, Dyn.__mro__[1].__name__)
class M1(type): pass
class M2(type): pass
class A1(metaclass=M1): pass
class A2(metaclass=M2): pass
try:
    class Both(A1, A2): pass
except TypeError as e:
    print("TypeError:", e)
print(type(type).__name__, type(Meta).__name__, Meta.__mro__[1].__name__)
