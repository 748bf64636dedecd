# Infinite generators consumed with a hand-written islice.
def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1


def take(n, it):
    it = iter(it)
    out = []
    for _ in range(n):
        try:
            out.append(next(it))
        except StopIteration:
            break
    return out


def islice(it, start, stop, step=1):
    it = iter(it)
    i = 0
    nxt = start
    for v in it:
        if i >= stop:
            return
        if i == nxt:
            yield v
            nxt += step
        i += 1


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n


def collatz(n):
    while n != 1:
        yield n
        n = 3 * n + 1 if n % 2 else n // 2
    yield 1


print(take(10, naturals()))
print(list(islice(naturals(5), 2, 20, 3)))
print(take(15, fib()))
print(list(islice(fib(), 90, 92)))
print(take(20, primes()))
print(list(collatz(27))[:10], len(list(collatz(27))))
print(take(5, "ab"))
print(list(islice(range(100), 0, 10, 4)))


def cycle(seq):
    saved = []
    for x in seq:
        yield x
        saved.append(x)
    while saved:
        for x in saved:
            yield x


print(take(7, cycle("abc")))
print(take(3, cycle([])))


def repeat(obj, times=None):
    if times is None:
        while True:
            yield obj
    for _ in range(times):
        yield obj


print(take(4, repeat("z")), list(repeat(1, 3)))


def zipgen(*its):
    its = [iter(i) for i in its]
    while True:
        row = []
        for it in its:
            try:
                row.append(next(it))
            except StopIteration:
                return
        yield tuple(row)


print(list(zipgen(naturals(), "hello", fib())))
evens = (n for n in naturals() if n % 2 == 0)
squares = (n * n for n in evens)
print(take(6, squares))
print(next(evens), next(squares))
