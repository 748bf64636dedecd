# X | Y unions in isinstance/issubclass, class-like objects with __bases__, dir() of builtins.
u = int | str
print(u, type(u).__name__, u.__args__, int | None, None | int, (int | str) | float, int | int)
print(isinstance(3, u), isinstance(None, int | None), issubclass(bool, u), u == (str | int))
print(list[int] | None, isinstance([], list | dict))


class FakeClass:
    __bases__ = ()


class FakeSub:
    __bases__ = (FakeClass(),)


fc = FakeClass()
fs = FakeSub()
fs.__bases__ = (fc,)
print(issubclass(fs, fc), issubclass(fc, fs))


class Proxy:
    def __init__(self, target):
        self._t = target

    @property
    def __class__(self):
        return type(self._t)


print(isinstance(Proxy([]), list), isinstance(Proxy([]), Proxy), type(Proxy([])).__name__)
print("append" in dir([]), "keys" in dir({}))
print("__class__" in dir(object()), "__init__" in dir(5), "upper" in dir("s"))
