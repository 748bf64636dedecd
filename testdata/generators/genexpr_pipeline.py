# Generator expressions, lazy pipelines, and itertools-style helpers written by hand plus itertools.
import itertools


def numbers():
    n = 0
    while True:
        n += 1
        yield n


def take(n, it):
    for _, v in zip(range(n), it):
        yield v


def my_map(fn, it):
    for v in it:
        yield fn(v)


def my_filter(pred, it):
    for v in it:
        if pred(v):
            yield v


def chunks(it, size):
    chunk = []
    for v in it:
        chunk.append(v)
        if len(chunk) == size:
            yield tuple(chunk)
            chunk = []
    if chunk:
        yield tuple(chunk)


pipeline = take(6, my_filter(lambda v: v % 3 == 0, my_map(lambda v: v * v, numbers())))
print(list(pipeline))
print(list(chunks(range(10), 4)), list(chunks([], 3)))
squares = (x * x for x in range(10))
print(type(squares).__name__, sum(squares), sum(squares))
evens = (x for x in range(20) if x % 2 == 0)
print(next(evens), next(evens), list(evens))
pairs = ((a, b) for a in range(3) for b in range(a, 3))
print(list(pairs))
print(any(x > 5 for x in [1, 7, 2]), all(x < 5 for x in [1, 7, 2]), max(len(s) for s in ("ab", "abc")))
print("".join(c.upper() for c in "lazy" if c != "z"), sorted((x % 4 for x in range(10)), reverse=True))
print(dict((k, k * 2) for k in "ab"), set(x // 2 for x in range(6)), tuple(x for x in "hi"))
outer = 10
gx = (outer + y for y in range(3))
outer = 1000
print(list(gx))
try:
    bad = (1 / x for x in [1, 0])
    print(next(bad))
    print(next(bad))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError:", e)
print(list(itertools.islice(numbers(), 3, 8)), list(itertools.chain("ab", [1, 2])))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.product("ab", repeat=2)))
print(list(itertools.combinations(range(4), 2)), list(itertools.permutations("abc", 2))[:4])
print([(k, len(list(g))) for k, g in itertools.groupby("aaabbcaa")])
print(list(itertools.takewhile(lambda v: v < 4, numbers())), list(itertools.zip_longest("ab", "xyz", fillvalue="-")))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.repeat("r", 3)), next(itertools.count(5, 5)))
tee_a, tee_b = itertools.tee(take(3, numbers()))
print(list(tee_a), list(tee_b))
nested = (sum(row) for row in ([i * j for j in range(4)] for i in range(4)))
print(list(nested))


def primes():
    found = []
    for n in itertools.count(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n


print(list(take(20, primes())))
