# itertools classes are real classes: type(), repr, subclassing, __iter__.
import itertools as it

names = ["count", "cycle", "repeat", "accumulate", "chain", "compress", "dropwhile",
         "takewhile", "filterfalse", "groupby", "_grouper", "islice", "pairwise",
         "starmap", "_tee", "_tee_dataobject", "zip_longest", "product",
         "permutations", "combinations", "combinations_with_replacement"]
for n in names:
    cls = getattr(it, n)
    print(n, cls, type(cls).__name__, cls.__module__, cls.__name__,
          sorted(k for k in ("__iter__", "__next__", "__reduce__", "__setstate__",
                             "__copy__", "__length_hint__", "__repr__", "__sizeof__")
                 if k in vars(cls)))
print(type(it.tee), it.tee.__name__)
print(sorted(k for k in dir(it) if not k.startswith("__")))

print(type(it.count()), type(it.tee([1])[0]), type(it.groupby([1]).__next__()[1]))
print(it.count(5), it.count(1.5, 0.5), it.count(-3, 1), it.count(2, -1), it.count(10**20),
      it.count(True), it.count(True, 2), it.count(1, 1.0), it.count(2**63 - 1))
print(repr(it.repeat('a', 3)), repr(it.repeat('a')), repr(it.repeat(None, -4)),
      repr(it.repeat([1, 2], times=0)))
c = it.count(2**63 - 3)
print([next(c) for _ in range(5)], c)
c = it.count(1.5, 0.25)
print([next(c) for _ in range(3)], c)
c = it.count(3, 0)
print([next(c) for _ in range(3)], c)


class Num:
    """A number of its own (PyNumber_Check: it has __float__)."""

    def __init__(self, v):
        self.v = v

    def __float__(self):
        return float(self.v)

    def __add__(self, other):
        return Num(self.v + other.v * 10)

    def __repr__(self):
        return f"Num({self.v})"


cn = it.count(Num(1), Num(2))
print(cn, [next(cn) for _ in range(3)], cn)
print(len.__name__, bool(it.count()), it.count() == it.count(), type(hash(it.repeat(1))).__name__)
try:
    len(it.count()) + 1
except TypeError as e:
    print("TypeError", str(e).replace("itertools.", ""))
print(repr(it.groupby("ab"))[:27], repr(it.chain())[:26], str(it.cycle("a"))[:26])


class C(it.chain):
    def extra(self):
        return "extra"


x = C([1, 2], "ab")
print(type(x).__name__, isinstance(x, it.chain), list(x), x.extra(), iter(x) is x)
print(type(C.from_iterable([[1], [2]])).__name__, list(C.from_iterable([[1], [2]])))


class Count2(it.count):
    pass


c2 = Count2(7)
print(c2, next(c2), c2, Count2(1.5, 2), type(c2).__mro__)
c3 = Count2(start=4, step=3)
print(c3.__reduce__()[1], next(c3), next(c3))


class R(it.repeat):
    def __init__(self, obj, times=None):
        self.note = (obj, times)


r = R("z", 2)
print(r, r.note, list(r))


class Acc(it.accumulate):
    def __next__(self):
        return super().__next__() * 10


print(list(Acc([1, 2, 3])))


class P(it.product):
    pass


print(list(P("ab", repeat=2)), P([1]).__sizeof__(), it.product([1]).__sizeof__())
print(it.product().__sizeof__(), it.product([1, 2], [3]).__sizeof__(),
      it.combinations([1, 2, 3], 2).__sizeof__(),
      it.combinations_with_replacement([1], 3).__sizeof__(),
      it.permutations([1, 2, 3], 2).__sizeof__())


class G(it.groupby):
    pass


print([(k, list(g)) for k, g in G("aabbbc")])


class I(it.islice):
    def __new__(cls, *args, **kw):
        return super().__new__(cls, *args)


print(list(I(range(10), 2, 8, 2, junk=1)))

# __iter__ returns self; next() and for loops work on every class.
for obj in [it.count(), it.cycle("ab"), it.repeat(1), it.accumulate([1]), it.chain(),
            it.compress([], []), it.dropwhile(None, []), it.takewhile(None, []),
            it.filterfalse(None, []), it.groupby([]), it.islice([], 1), it.pairwise([]),
            it.starmap(pow, []), it.tee([])[0], it.zip_longest(), it.product(),
            it.permutations([]), it.combinations([], 0),
            it.combinations_with_replacement([], 0)]:
    print(type(obj).__name__, iter(obj) is obj, next(obj, "END"))
print(it.__doc__.splitlines()[0])
