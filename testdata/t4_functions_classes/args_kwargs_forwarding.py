# *args/**kwargs collection and forwarding through wrappers, ordering of kwargs.
def target(a, b=0, *rest, key="k", **extra):
    return f"a={a} b={b} rest={rest} key={key} extra={extra}"
def forward(*args, **kwargs):
    print("forward got", args, kwargs)
    return target(*args, **kwargs)
print(forward(1))
print(forward(1, 2, 3, 4, key="K", z=26, y=25))
print(forward(*range(3), **{"key": None}))
print(forward(b=5, a=6))
def collect(*args, **kwargs):
    return type(args).__name__, args, type(kwargs).__name__, list(kwargs.items())
print(collect(), collect(1, (2,), [3]), collect(z=1, a=2, m=3))
def wrap(fn):
    def inner(*a, **kw):
        kw.setdefault("key", "wrapped")
        return fn(*a, **kw)
    return inner
print(wrap(target)(10, 20, 30))
print(wrap(target)(10, key="explicit"))
def nested(*args, **kwargs):
    return collect(*args, *args, **kwargs, extra=len(args))
print(nested(1, 2, q=3))
try:
    collect(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    target(1, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    collect(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
try:
    collect(*5)
except TypeError as e:
    print("TypeError:", e)
try:
    collect(**[1])
except TypeError as e:
    print("TypeError:", e)
def mutate(**kw):
    kw["added"] = True
    return kw
src = {"x": 1}
print(mutate(**src), src)
def gen_args():
    yield 1
    yield 2
print(collect(*gen_args(), *"ab", **dict(zip("pq", (7, 8)))))
print(target(*[1, 2], *[3], key=4), target(1, *(), **{}))
def kwonly_fwd(*args, sep="-"):
    return sep.join(map(str, args))
print(kwonly_fwd(1, 2, 3), kwonly_fwd(*"xyz", sep="+"), kwonly_fwd())
print(max(*[3, 9, 2]), print(*["a", "b"], sep="|", end="!\n"))
