# functools.lru_cache and cache with cache_info / cache_clear.
import functools

calls = []


@functools.lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(30), len(calls))
print(fib.cache_info())
fib.cache_clear()
print(fib.cache_info())
print(fib(10), fib.cache_info())


@functools.lru_cache(maxsize=2)
def square(x):
    print(f"  computing {x}")
    return x * x


for v in [1, 2, 1, 3, 2, 1]:
    print(v, "->", square(v))
print(square.cache_info())
info = square.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, type(info).__name__)


@functools.lru_cache
def no_parens(x):
    return x + 1


print(no_parens(1), no_parens(1), no_parens.cache_info())


@functools.lru_cache(maxsize=8, typed=True)
def typed(x):
    print(f"  typed computing {x!r}")
    return type(x).__name__


print(typed(1), typed(1.0), typed(1), typed.cache_info())


@functools.lru_cache(maxsize=8)
def untyped(x):
    print(f"  untyped computing {x!r}")
    return x


print(untyped(1), untyped(1.0), untyped(True), untyped.cache_info())


@functools.lru_cache(maxsize=None)
def kw(a, b=0, *, c=0):
    print(f"  kw computing {a},{b},{c}")
    return a + b + c


print(kw(1), kw(1, 0), kw(1, b=0), kw(a=1), kw(1, c=2), kw(1, c=2))
print(kw.cache_info().misses)
try:
    kw([1])
except TypeError as e:
    print(type(e).__name__, e)


@functools.cache
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(fact(20), fact.cache_info())
print(fib.__name__, fib.__wrapped__.__name__)


@functools.lru_cache(maxsize=0)
def zero(x):
    return x


zero(1)
zero(1)
print(zero.cache_info())
