# __slots__, metaclasses, __init_subclass__, __class_getitem__, type() construction.
class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


s = Slotted(1, 2)
print(s.x, s.y, hasattr(s, "__dict__"), Slotted.__slots__)
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError:", e)
del s.x
try:
    print(s.x)
except AttributeError as e:
    print("AttributeError:", e)


class SlottedChild(Slotted):
    __slots__ = ("z",)


sc = SlottedChild(5, 6)
sc.z = 7
print(sc.x, sc.y, sc.z)


class Meta(type):
    created = []

    def __new__(mcls, name, bases, ns, **kwargs):
        ns["meta_tag"] = kwargs.get("tag", "none")
        cls = super().__new__(mcls, name, bases, ns)
        Meta.created.append(name)
        return cls

    def __init__(cls, name, bases, ns, **kwargs):
        super().__init__(name, bases, ns)
        cls.field_names = sorted(k for k in ns if not k.startswith("_"))

    def __call__(cls, *args, **kwargs):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args, **kwargs)

    def __repr__(cls):
        return f"<Meta class {cls.__name__}>"


class Model(metaclass=Meta, tag="base"):
    a = 1

    def method(self):
        return "m"


class User(Model, tag="user"):
    b = 2


u = User()
print(Meta.created, Model.meta_tag, User.meta_tag, User.field_names, type(User) is Meta, User, u.method())


class Singleton(type):
    _instances = {}

    def __call__(cls, *a):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*a)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self, v):
        self.v = v


print(Config(1).v, Config(2).v, Config(3) is Config(4))


class Plugin:
    registry = []

    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        Plugin.registry.append(name or cls.__name__)


class P1(Plugin, name="first"):
    pass


class P2(Plugin):
    pass


print(Plugin.registry)


class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item.__name__}]"


print(Box[int], list[int], dict[str, int])
Dyn = type("Dyn", (Plugin,), {"val": 42, "get": lambda self: self.val * 2})
print(Dyn().get(), Dyn.__name__, Plugin.registry, type(Dyn).__name__, type(type).__name__)
print(type(3), type("x"), type(None), type(Meta), Meta.__mro__)
