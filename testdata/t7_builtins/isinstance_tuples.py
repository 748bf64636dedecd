# isinstance/issubclass with tuples, nested tuples, ABC-free hooks and errors.
class A:
    pass


class B(A):
    pass


class C:
    pass


b = B()
print(isinstance(b, A), isinstance(b, (C, A)), isinstance(b, (C, (int, B))), isinstance(b, ()))
print(issubclass(B, A), issubclass(B, (C, int)), issubclass(A, B), issubclass(B, B), issubclass(bool, int))
print(isinstance(True, int), isinstance(1, bool), isinstance(1, (float, complex)), isinstance(None, type(None)))
print(isinstance(A, type), isinstance(type, type), isinstance(type, object), issubclass(type, object))
print(isinstance([], (list, tuple)), isinstance("s", (bytes, str)), isinstance(3.0, (int, float)))
for args in [(1, 1), (1, (int, 5)), (1, [int])]:
    try:
        print(isinstance(*args))
    except TypeError as e:
        print("isinstance", type(e).__name__, e)
for args in [(1, int), (int, 1), (int, (float, "x"))]:
    try:
        print(issubclass(*args))
    except TypeError as e:
        print("issubclass", type(e).__name__, e)
print(isinstance(1, int | str), issubclass(bool, int | None), isinstance(None, int | None))


class Meta(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, "quack")

    def __subclasscheck__(cls, sub):
        return "quack" in getattr(sub, "__dict__", {})


class Duck(metaclass=Meta):
    pass


class Robot:
    quack = True


r = Robot()
print(isinstance(r, Duck), isinstance(5, Duck), issubclass(Robot, Duck), issubclass(int, Duck))
print(isinstance(r, (int, Duck)), type(r) is Robot, type(b) is A, type(b) == B)
print([cls.__name__ for cls in B.__mro__], B.__bases__[0].__name__, object.__bases__)


class Proxy:
    __class__ = A


print(isinstance(Proxy(), A), type(Proxy()).__name__, Proxy().__class__.__name__)
