# Function decorators, decorator factories, stacked decorators, class decorators.
import functools

call_log = []


def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        call_log.append(fn.__name__)
        result = fn(*args, **kwargs)
        print(f"{fn.__name__}{args} {kwargs} -> {result!r}")
        return result
    return wrapper


def repeat(times):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(times)]
        wrapper.__name__ = fn.__name__ + "_x" + str(times)
        return wrapper
    return deco


def memoize(fn):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper


@trace
def add(a, b=10):
    """Adds numbers."""
    return a + b


@repeat(3)
@trace
def shout(word):
    return word.upper()


@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


add(1)
add(2, b=3)
print(add.__name__, add.__doc__, add.__wrapped__(5, 5))
print(shout("hi"), shout.__name__)
print(fib(80), len(fib.cache))
print(call_log)


def register(registry):
    def deco(cls):
        registry[cls.__name__] = cls
        cls.registered = True
        return cls
    return deco


REG = {}


@register(REG)
class Widget:
    pass


@register(REG)
class Gadget:
    pass


print(sorted(REG), Widget.registered, REG["Gadget"] is Gadget)
counter = {"n": 0}


def count_calls(fn):
    def inner(*args):
        counter["n"] += 1
        return fn(*args)
    return inner


@count_calls
@count_calls
def noop():
    return "noop"


print(noop(), noop(), counter)
deco_by_lambda = (lambda f: lambda *a: f(*a) * 2)


@deco_by_lambda
def three():
    return 3


print(three())


@functools.lru_cache(maxsize=None)
def ways(n):
    return 1 if n <= 1 else ways(n - 1) + ways(n - 2)


print(ways(60), ways.cache_info().hits > 0)
print(functools.reduce(lambda x, y: x * y, range(1, 11)), functools.partial(add.__wrapped__, b=100)(1))
