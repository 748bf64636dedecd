# Higher-order functions, callable objects, function attributes, operator/functools helpers.
import operator
from functools import partial, reduce


def apply_n(fn, n, x):
    for _ in range(n):
        x = fn(x)
    return x


print(apply_n(lambda v: v * 2, 10, 1), apply_n(str.upper, 1, "abc"), apply_n(len, 0, "keep"))


class Multiplier:
    def __init__(self, k):
        self.k = k
        self.calls = 0

    def __call__(self, x, *rest):
        self.calls += 1
        return x * self.k if not rest else [v * self.k for v in (x, *rest)]


triple = Multiplier(3)
print(triple(4), triple(1, 2, 3), list(map(triple, [5, 6])), triple.calls, callable(triple))
print(sorted(["bb", "a", "ccc"], key=len), sorted([(1, "z"), (0, "y")], key=operator.itemgetter(1)))
print(list(map(operator.add, [1, 2], [10, 20])), reduce(operator.mul, [1, 2, 3, 4, 5]), operator.neg(5))
get_xy = operator.attrgetter("real", "imag")
print(get_xy(3 + 4j), operator.methodcaller("split", ",")("a,b"), operator.truth([]), operator.index(7))
base2 = partial(int, base=2)
print(base2("1011"), base2.func.__name__, base2.keywords, partial(pow, 2)(10))


def describe(fn):
    return f"{fn.__name__}: args={fn.__code__.co_argcount} defaults={fn.__defaults__} doc={fn.__doc__!r}"


def sample(a, b=1, c="x"):
    "Sample docstring."
    return a, b, c


print(describe(sample), describe(lambda q: q))
sample.__defaults__ = (2, "y")
print(sample(0), sample.__doc__)
sample.custom = "attribute"
print(sample.custom, sorted(k for k in vars(sample)))


def pipeline(*funcs):
    def run(value):
        for f in funcs:
            value = f(value)
        return value
    run.stages = len(funcs)
    return run


p = pipeline(str.strip, str.lower, lambda s: s.replace(" ", "_"), len)
print(p("  Hello World  "), p.stages)


def curry(fn, arity):
    def curried(*args):
        if len(args) >= arity:
            return fn(*args)
        return lambda *more: curried(*args, *more)
    return curried


add3 = curry(lambda a, b, c: a + b + c, 3)
print(add3(1)(2)(3), add3(1, 2)(3), add3(1)(2, 3), add3(1, 2, 3))
counter = {}


def counted(name):
    counter[name] = counter.get(name, 0) + 1
    return name


dispatch = {"add": operator.add, "sub": operator.sub, "max": max, "pow": pow}
for op, a, b in [("add", 2, 3), ("sub", 2, 3), ("max", 2, 3), ("pow", 2, 100)]:
    print(counted(op), dispatch[op](a, b))
print(counter, list(zip(*[(1, 'a'), (2, 'b')])), list(filter(str.isdigit, "a1b22c")))
print(min(range(10), key=lambda v: (v - 6) ** 2), max("hello", key="hello".count), sum(map(abs, [-1, -2, 3])))
