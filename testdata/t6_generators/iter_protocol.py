# Generators vs. the iterator protocol: __iter__ returning generators, iter(), next defaults.
class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        n = self.n
        while n > 0:
            yield n
            n -= 1

    def __reversed__(self):
        for i in range(1, self.n + 1):
            yield i


c = Countdown(4)
print(list(c), list(c), list(reversed(c)))
it = iter(c)
print(type(it).__name__, next(it), next(it))
print(3 in Countdown(5), 9 in Countdown(5))
a, b, *rest = Countdown(5)
print(a, b, rest)
print(sorted(Countdown(3)), tuple(Countdown(2)), set(Countdown(3)) == {1, 2, 3})
print(dict(zip(Countdown(3), "abc")))
print(list(enumerate(Countdown(3), 1)))
print(list(map(str, Countdown(3))), list(filter(lambda x: x % 2, Countdown(6))))


def gen():
    yield 1


g = gen()
print(next(g, "default"), next(g, "default"), next(g, None))
try:
    next(g)
except StopIteration as e:
    print("StopIteration args", e.args)


class Manual:
    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i * 11


def wrap(it):
    yield from it


print(list(wrap(Manual())))
print(list(wrap([1, 2])), list(wrap("hi")), list(wrap({"k": 1})), list(wrap(range(2))))


class BadIter:
    def __iter__(self):
        return 5


try:
    list(wrap(BadIter()))
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(wrap(5))
except TypeError as e:
    print(type(e).__name__, e)
try:
    next([1, 2])
except TypeError as e:
    print(type(e).__name__, e)


class GetItem:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * i


print(list(wrap(GetItem())))
gi = iter(GetItem())
print(type(gi).__name__, list(gi))

g = gen()
print(g.__iter__() is g, hasattr(g, "__next__"), callable(g.send))
print(g.__next__())
ge = (i for i in "xy")
print(ge.__next__(), ge.send(None))
try:
    ge.send(None)
except StopIteration:
    print("genexpr exhausted")
