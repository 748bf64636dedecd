# getattr/setattr/hasattr/delattr and callable().
class Obj:
    cls_val = "class"

    def __init__(self):
        self.inst = "instance"

    def method(self):
        return "called"


o = Obj()
print(getattr(o, "inst"), getattr(o, "cls_val"), getattr(o, "nope", "default"), getattr(o, "method")())
try:
    getattr(o, "nope")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(o, 5)
except TypeError as e:
    print(type(e).__name__, e)
setattr(o, "dynamic", 123)
print(o.dynamic, hasattr(o, "dynamic"), hasattr(o, "missing"), hasattr(Obj, "method"))
delattr(o, "dynamic")
print(hasattr(o, "dynamic"))
try:
    delattr(o, "dynamic")
except AttributeError as e:
    print(type(e).__name__, e)
setattr(Obj, "added", lambda self: "added method")
print(o.added())
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    object().x = 1
except AttributeError as e:
    print(type(e).__name__, e)


class Dynamic:
    def __getattr__(self, name):
        if name.startswith("auto_"):
            return name[5:]
        raise AttributeError(f"no {name}")


d = Dynamic()
print(d.auto_value, getattr(d, "auto_x"), hasattr(d, "auto_y"), hasattr(d, "other"), getattr(d, "other", "dflt"))


class Raiser:
    @property
    def bad(self):
        raise ValueError("property exploded")


try:
    hasattr(Raiser(), "bad")
except ValueError as e:
    print("hasattr propagates non-AttributeError:", e)
print(callable(len), callable(o.method), callable(Obj), callable(o), callable(5), callable(lambda: 0))


class CallMe:
    def __call__(self, x):
        return x * 2


print(callable(CallMe()), CallMe()(21))
print(getattr([], "append").__name__, getattr("s", "upper")(), hasattr(1, "real"), getattr(1, "imag"))
