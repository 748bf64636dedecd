# functools._lru_cache_wrapper as _functools writes it: a method descriptor,
# cache_info/cache_clear, typed keys, keyword keys, maxsize 0 and None.
import functools
@functools.lru_cache(maxsize=2)
def f(x, y=1): return x+y
print(type(f), repr(f)[:37], f.__reduce__(), f.__copy__() is f)
class C:
    @functools.lru_cache
    def m(self): return 1
print(C().m(), repr(C.m)[:42], type(C.__dict__['m']).__module__)
def show(g):
    try: print(g())
    except Exception as e: print(type(e).__name__, e)
show(lambda: functools._lru_cache_wrapper(1, 2, 3, 4))
show(lambda: functools._lru_cache_wrapper(len, 'x', 3, 4))
show(lambda: functools._lru_cache_wrapper(len))
print(f.cache_info(), f(1), f(1), f(2), f(3), f(1), f.cache_info())
print(sorted(vars(f).keys()), f.__wrapped__.__name__, f.__name__, f.cache_parameters())
f.cache_clear(); print(f.cache_info())
@functools.lru_cache(None)
def fib(n): return n if n < 2 else fib(n-1) + fib(n-2)
print(fib(300), fib.cache_info())
@functools.lru_cache(typed=True)
def t(x): return type(x).__name__
print(t(1), t(1.0), t(True), t.cache_info())
@functools.cache
def kw(a, *, b=0): return a * 10 + b
print(kw(1, b=2), kw(1, b=2), kw(a=1, b=2), kw.cache_info())
z = functools.lru_cache(maxsize=0)(len)
print(z("ab"), z("ab"), z.cache_info())
import copy
print(copy.deepcopy(f) is f)
