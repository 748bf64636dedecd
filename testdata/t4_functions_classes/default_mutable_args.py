# Default argument evaluation time and mutable default sharing; __defaults__/__kwdefaults__.
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
print(append_to.__defaults__)
def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(safe_append(1), safe_append(2))
n = 10
def f(a=n, b=n * 2):
    return a, b
n = 99
print(f(), f(1), f(b=0))
def counter(_cache={}):
    _cache["calls"] = _cache.get("calls", 0) + 1
    return _cache["calls"]
print(counter(), counter(), counter({}), counter())
def kw(a, *, b=[], c=5):
    b.append(a)
    return b, c
print(kw(1), kw(2, c=6), kw(3, b=[0]), kw.__kwdefaults__)
def order(x=print("default evaluated"), y=2):
    return x, y
print("after def")
print(order(), order(1))
f.__defaults__ = (7, 8)
print(f())
def g(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(g.__defaults__, g.__kwdefaults__, g(1, c=3), g(1, 2, 3, 4, c=5, e=6))
print(g.__code__.co_argcount, g.__code__.co_kwonlyargcount, g.__code__.co_varnames[:6])
class K:
    def method(self, items=[]):
        items.append(len(items))
        return items
k1, k2 = K(), K()
print(k1.method(), k2.method(), K().method([9]), k1.method())
lam = lambda x, y=[]: (y.append(x), y)[1]
print(lam(1), lam(2))
def tup(t=(1, [2])):
    t[1].append(3)
    return t
print(tup(), tup())
