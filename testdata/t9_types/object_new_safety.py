# object.__new__ refuses classes a builtin type must make (tp_new_wrapper);
# __new__ of builtin types and of exceptions through super().


class E(Exception):
    def __new__(cls, *a):
        self = super().__new__(cls, *a)
        self.extra = 1
        return self


e = E("x", 2)
print(repr(e), e.args, e.extra, type(e).__name__)


class T(tuple):
    def __new__(cls, a):
        return super().__new__(cls, (a, a))


print(T(3), type(T(3)).__name__)


class P:
    def __new__(cls):
        return object.__new__(cls)


print(type(P()).__name__)
print(repr(ValueError.__new__(ValueError, 1)), BaseException.__new__(KeyError).args)
print(int.__new__(int, "12"), list.__new__(list), type(dict.__new__(dict)).__name__)


class L(list):
    pass


for t in (enumerate, int, list, dict, ValueError, L, E):
    try:
        object.__new__(t)
    except TypeError as x:
        print(x)
    else:
        print("made", t.__name__)
try:
    int.__new__(5)
except TypeError as x:
    print("TypeError", x)
