# Decorators: with arguments, stacking order, class decorators, preserving attributes manually.
log = []
def tag(name):
    print("tag factory", name)
    def deco(fn):
        print("decorating", fn.__name__, "with", name)
        def wrapper(*a, **kw):
            log.append(name)
            return f"<{name}>{fn(*a, **kw)}</{name}>"
        wrapper.__name__ = fn.__name__
        wrapper.__wrapped__ = fn
        return wrapper
    return deco
@tag("b")
@tag("i")
def hello(who):
    return "hi " + who
print("defined")
print(hello("bob"), hello.__name__, hello.__wrapped__.__name__, log)
def repeat(times):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def roll(x):
    return x * 2
print(roll(5))
def count_calls(fn):
    def wrapper(*a, **kw):
        wrapper.calls += 1
        return fn(*a, **kw)
    wrapper.calls = 0
    return wrapper
@count_calls
def noop():
    return None
noop(); noop(); noop()
print(noop.calls)
def register(registry):
    def deco(cls):
        registry[cls.__name__] = cls
        cls.registered = True
        return cls
    return deco
REG = {}
@register(REG)
class Plugin:
    pass
print(sorted(REG), Plugin.registered)
def deco_returns_other(fn):
    return 42
@deco_returns_other
def replaced():
    pass
print(replaced)
class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.fn(n)
        return self.cache[n]
@Memo
def slow_sq(n):
    print("computing", n)
    return n * n
print(slow_sq(4), slow_sq(4), slow_sq(5), sorted(slow_sq.cache.items()))
