# Generators with closures, nonlocal, default args and class bodies.
def make_counter(start):
    count = start

    def gen():
        nonlocal count
        while True:
            count += 1
            yield count

    def peek():
        return count

    return gen, peek


gen, peek = make_counter(10)
g1 = gen()
g2 = gen()
print(next(g1), next(g2), next(g1), peek())


def gen_factory():
    gens = []
    for i in range(3):
        def g(i=i):
            yield i
            yield i * 10
        gens.append(g())
    return gens


print([list(g) for g in gen_factory()])


def late():
    gens = []
    for i in range(3):
        def g():
            yield i
        gens.append(g)
    return [next(g()) for g in gens]


print(late())


def outer():
    x = "outer"

    def inner():
        yield x
        yield x
    it = inner()
    first = next(it)
    x = "changed"
    return first, next(it)


print(outer())


class Registry:
    items = ["a", "b"]

    def __iter__(self):
        for i, item in enumerate(self.items):
            yield f"{type(self).__name__}[{i}]={item}"

    @classmethod
    def cls_gen(cls):
        yield cls.__name__
        yield from cls.items

    @staticmethod
    def static_gen(n):
        yield from range(n)


class Sub(Registry):
    items = ["z"]


print(list(Registry()), list(Sub()))
print(list(Sub.cls_gen()), list(Registry.static_gen(3)))


def gen_with_kwargs(*args, sep="-", **kw):
    for a in args:
        yield f"{a}{sep}"
    for k in sorted(kw):
        yield f"{k}={kw[k]}"


print(list(gen_with_kwargs(1, 2, sep="+", z=1, a=2)))

fn = lambda n: (yield from range(n))
print(type(fn(2)).__name__, list(fn(3)))

acc = []


def side_effect_gen():
    acc.append("started")
    yield
    acc.append("resumed")


sg = side_effect_gen()
print(acc)
next(sg)
print(acc)
next(sg, None)
print(acc)
