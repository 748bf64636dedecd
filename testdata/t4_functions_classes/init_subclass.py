# __init_subclass__ hooks with keyword arguments, registries, and class creation order.
class Plugin:
    registry = {}
    def __init_subclass__(cls, name=None, **kwargs):
        print("init_subclass", cls.__name__, name, kwargs)
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls
class Alpha(Plugin):
    pass
class Beta(Plugin, name="bee"):
    pass
class Gamma(Beta):
    pass
print(sorted(Plugin.registry), Alpha.plugin_name, Beta.plugin_name, Gamma.plugin_name)
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)
class Validated:
    required = ()
    def __init_subclass__(cls):
        missing = [r for r in cls.required if r not in cls.__dict__]
        if missing:
            raise TypeError(f"{cls.__name__} missing {missing}")
        print("validated", cls.__name__)
class Good(Validated):
    required = ("run",)
    def run(self):
        return "ran"
try:
    class Broken(Validated):
        required = ("run", "stop")
        def run(self):
            pass
except TypeError as e:
    print("TypeError:", e)
print(Good().run(), "Broken" in globals())
class Tracker:
    order = []
    def __init_subclass__(cls, **kw):
        Tracker.order.append(cls.__name__)
        cls.depth = len(cls.__mro__) - 2
class T1(Tracker): pass
class T2(T1): pass
class T3(T2): pass
print(Tracker.order, T1.depth, T3.depth)
class WithSetName:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
class Order:
    def __init_subclass__(cls):
        print("init_subclass runs for", cls.__name__)
class Combined(Order):
    attr = WithSetName()
    print("class body executing")
print(type(Order.__init_subclass__).__name__)
