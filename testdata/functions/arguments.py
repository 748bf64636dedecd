# Defaults, keyword-only, positional-only, *args/**kwargs, star calls, keyword calls.
def f(a, b=2, *args, c, d=4, **kwargs):
    return f"a={a} b={b} args={args} c={c} d={d} kwargs={kwargs}"


print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9))
print(f(*[1, 2, 3], **{"c": 0, "z": 1}))
print(f(a=10, c=11, d=12, y=13))


def pos_only(x, y, /, z=0, *, w=1):
    return (x, y, z, w)


print(pos_only(1, 2), pos_only(1, 2, 3), pos_only(1, 2, z=5, w=6))
try:
    pos_only(x=1, y=2)
except TypeError as e:
    print("TypeError:", e)


def kw_only(*, key, value="v"):
    return key + value


print(kw_only(key="k"), kw_only(value="1", key="2"))
try:
    kw_only("k")
except TypeError as e:
    print("TypeError:", e)
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, 2, c=3, a=4)
except TypeError as e:
    print("TypeError:", e)
try:
    pos_only(1)
except TypeError as e:
    print("TypeError:", e)
try:
    (lambda: 0)(1)
except TypeError as e:
    print("TypeError:", e)


def mutable_default(item, bucket=[]):
    bucket.append(item)
    return bucket


print(mutable_default(1), mutable_default(2), mutable_default(3, []))
print(f.__defaults__, f.__kwdefaults__, pos_only.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount)
print(f.__name__, f.__code__.co_argcount, f.__code__.co_varnames[:6])


def collect(*args, **kwargs):
    return args, sorted(kwargs.items())


print(collect(), collect(1, *(2, 3), 4, *[5], k=1, **{"j": 2}, m=3))
args = (1, 2)
kw = {"c": "C"}
print(f(*args, *args, **kw, **{"q": "Q"}))
print(max(*[3, 9, 2], key=lambda v: -v), sorted([3, 1, 2], reverse=True), print("nested", "print", sep="+"))


def defaults_eval(x=len("abc"), y=[i * 2 for i in range(3)], z=None):
    return x, y, z


print(defaults_eval(), defaults_eval(z=...), defaults_eval.__defaults__)
print(divmod(*(17, 5)), dict(a=1, **{"b": 2}), "{a}-{b}".format(**{"a": 1, "b": 2}))


def annotated(a: int, *, b: "str" = "x") -> None:
    pass


print(annotated.__annotations__, annotated(1), f.__qualname__)
