# __getattr__ (fallback) vs __getattribute__ (always), __setattr__ and __delattr__ hooks.
class Fallback:
    cls_attr = "class"
    def __init__(self):
        self.real = "instance"
    def __getattr__(self, name):
        print("__getattr__", name)
        if name.startswith("dyn_"):
            return name[4:].upper()
        raise AttributeError(f"no {name}")
f = Fallback()
print(f.real, f.cls_attr, f.dyn_abc)
try:
    f.missing
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(f, "nothing", "default"), hasattr(f, "dyn_x"), hasattr(f, "zzz"))
class Always:
    def __init__(self):
        self.v = 1
    def __getattribute__(self, name):
        print("__getattribute__", name)
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        print("__getattr__ fallback", name)
        return "fallback:" + name
    def method(self):
        return "method"
a = Always()
print(a.v)
print(a.secret)
print(a.method())
print(a.nope)
class Guard:
    def __setattr__(self, name, value):
        print("__setattr__", name, value)
        if name == "readonly":
            raise AttributeError("readonly is locked")
        object.__setattr__(self, name, value * 2 if isinstance(value, int) else value)
    def __delattr__(self, name):
        print("__delattr__", name)
        if name == "keep":
            raise AttributeError("cannot delete keep")
        object.__delattr__(self, name)
    def __init__(self):
        self.x = 5
        self.keep = "k"
g = Guard()
print(g.x, vars(g))
setattr(g, "y", 10)
print(g.y)
try:
    g.readonly = 1
except AttributeError as e:
    print("AttributeError:", e)
del g.x
try:
    del g.keep
except AttributeError as e:
    print("AttributeError:", e)
print(vars(g))
try:
    del g.never
except AttributeError as e:
    print("AttributeError:", e)
