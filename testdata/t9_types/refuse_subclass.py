# Builtin types that refuse to be subclassed: CPython's TypeError messages.


def attempt(label, base):
    try:
        class X(base):
            pass
    except TypeError as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "subclassed OK", X.__mro__[1].__name__)


attempt("bool", bool)
attempt("range", range)
attempt("slice", slice)
attempt("NoneType", type(None))
attempt("memoryview", memoryview)
attempt("function", type(lambda: 0))
attempt("builtin", type(len))
attempt("NotImplementedType", type(NotImplemented))
attempt("ellipsis", type(...))
attempt("generator", type((x for x in ())))
attempt("method", type(attempt.__get__(1)))
attempt("code", type(attempt.__code__))
attempt("list_iterator", type(iter([])))

# Types that do allow it, for contrast.
attempt("int", int)
attempt("type", type)
attempt("property", property)
attempt("object", object)

# Direct use of type() to build the class gives the same error.
try:
    type("Y", (bool,), {})
except TypeError as e:
    print("type() bool", type(e).__name__, e)

# Non-type bases.
try:
    class W(1):
        pass
except TypeError as e:
    print("int instance base", type(e).__name__, e)

try:
    class V(int, int):
        pass
except TypeError as e:
    print("duplicate base", type(e).__name__, e)

try:
    class U(int, str):
        pass
except TypeError as e:
    print("layout conflict", type(e).__name__, e)
