# functools.wraps and update_wrapper.
import functools


def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print(f"  -> {fn.__name__}{args}")
        result = fn(*args, **kwargs)
        print(f"  <- {fn.__name__} = {result!r}")
        return result
    return wrapper


@trace
def add(a, b=1):
    """Add two numbers."""
    return a + b


print(add(2, 3))
print(add.__name__, add.__qualname__, add.__doc__, add.__module__)
print(add.__wrapped__.__name__, add.__wrapped__(10))
print(sorted(k for k in add.__dict__))


def plain(fn):
    def wrapper(*a):
        return fn(*a)
    return wrapper


@plain
def sub(a, b):
    """Subtract."""
    return a - b


print(sub.__name__, sub.__doc__, hasattr(sub, "__wrapped__"))


def counted(fn):
    def wrapper(*a):
        wrapper.calls += 1
        return fn(*a)
    wrapper.calls = 0
    return functools.update_wrapper(wrapper, fn)


@counted
def mul(a, b):
    "Multiply."
    return a * b


print(mul(2, 3), mul(4, 5), mul.calls, mul.__name__, mul.__doc__)


def tagged(fn):
    fn.tag = "original-tag"
    return fn


@trace
@tagged
def neg(x):
    return -x


print(neg(4), neg.tag, neg.__wrapped__.__wrapped__ if hasattr(neg.__wrapped__, "__wrapped__") else "one level")


def only_name(fn):
    @functools.wraps(fn, assigned=("__name__",), updated=())
    def w():
        return fn()
    return w


@only_name
def hello():
    "doc not copied"
    return "hi"


print(hello(), hello.__name__, hello.__doc__, hello.__qualname__)


class C:
    def __repr__(self):
        return "C()"

    @trace
    def method(self, x):
        return x * 2


print(C().method(21), C.method.__qualname__)
print(functools.WRAPPER_ASSIGNMENTS)
print(functools.WRAPPER_UPDATES)
