# __iter__/__next__ protocol, iter() on non-iterables, generator-based __iter__, bad __iter__ return.
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        print("__iter__")
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)))
for v in Countdown(2):
    print("loop", v)
it = Countdown(1)
print(next(it), next(it, "exhausted"))
class NoIter:
    pass
try:
    iter(NoIter())
except TypeError as e:
    print("TypeError:", e)
try:
    len(NoIter())
except TypeError as e:
    print("TypeError:", e)
try:
    5 in NoIter()
except TypeError as e:
    print("TypeError:", e)
class IterOnly:
    def __iter__(self):
        yield from (1, 2, 3)
print(2 in IterOnly(), 9 in IterOnly(), list(IterOnly()), sorted(IterOnly(), reverse=True))
class BadIter:
    def __iter__(self):
        return 5
try:
    for _ in BadIter():
        pass
except TypeError as e:
    print("TypeError:", e)
class Pair:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 2:
            raise StopIteration
        return self.i
p = Pair()
a, b = p
print(a, b, list(p), list(Pair()), [x * 10 for x in Pair()], dict.fromkeys(Pair()))
