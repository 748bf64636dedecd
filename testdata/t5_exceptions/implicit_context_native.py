# An exception that native code or an instruction raises while another is
# being handled gets that one as __context__, as a `raise` does.
class BadBool:
    def __bool__(self):
        return 1


class BadInit:
    def __init__(self):
        return 5


class NoLt:
    pass


def gen():
    yield {}["missing in generator"]


cases = [
    ("operator", lambda: 1 + "a"),
    ("subscript", lambda: {}["k"]),
    ("builtin call", lambda: int("x")),
    ("__bool__ result", lambda: not BadBool()),
    ("__init__ result", lambda: BadInit()),
    ("ordering", lambda: NoLt() < NoLt()),
    ("attribute", lambda: (1).nope),
    ("generator", lambda: next(gen())),
    ("name", lambda: undefined_name),
]
for label, fn in cases:
    try:
        raise KeyError("handled")
    except KeyError:
        try:
            fn()
        except Exception as e:
            print(label, type(e).__name__, repr(e.__context__))

# Outside any handler there is no context.
try:
    1 + "a"
except TypeError as e:
    print("no handler:", repr(e.__context__))


# A re-raise keeps the exception's own context.
def reraise():
    try:
        {}["first"]
    except KeyError:
        try:
            raise ValueError("second")
        except ValueError:
            raise


try:
    reraise()
except ValueError as e:
    print("reraised:", repr(e), repr(e.__context__))

# raise ... from None still records the context, suppressed.
try:
    try:
        {}["a"]
    except KeyError:
        raise TypeError("replaced") from None
except TypeError as e:
    print("from None:", repr(e.__context__), e.__suppress_context__)


# The handled exception seen from a callee is its caller's.
def callee():
    return [][0]


try:
    raise OSError("outer")
except OSError:
    try:
        callee()
    except IndexError as e:
        print("callee:", repr(e.__context__))
