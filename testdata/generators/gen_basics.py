# Basic generators: laziness, state, return values, StopIteration, infinite generators.
def count_up(limit):
    print("  starting count_up")
    i = 0
    while i < limit:
        print("  yielding", i)
        yield i
        i += 1
    print("  count_up done")
    return "finished"


g = count_up(3)
print("created", type(g).__name__, g.__name__)
print(next(g))
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)
print(next(g, "default after exhaustion"))
print(list(count_up(2)))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(15)])
for v in fib():
    if v > 1000:
        print("first fib over 1000:", v)
        break


def evens_then(*extra):
    yield from range(0, 6, 2)
    for e in extra:
        yield e
    yield (yield "middle")


gen = evens_then("x", "y")
print(list(gen))


def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("  generator finally")


for x in with_finally():
    print("got", x)
wf = with_finally()
for x in wf:
    print("got", x, "and breaking")
    break
print("loop exited, closing explicitly")
wf.close()
print("closed")


def empty():
    return
    yield


print(list(empty()), list(empty()) == [])


def stop_inside():
    yield 1
    raise StopIteration("bad")


try:
    list(stop_inside())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))


def running_total(items):
    total = 0
    for item in items:
        total += item
        yield total


print(list(running_total([1, 2, 3, 4, 5])), sum(running_total(range(10))))
z = zip(count_up(10), "ab")
print(list(z))


def gen_with_locals(n):
    squares = [i * i for i in range(n)]
    for s in squares:
        lam = lambda k=s: k + 1
        yield lam()


print(list(gen_with_locals(5)), tuple(gen_with_locals(2)))
it = iter(count_up(2))
print(it is iter(it), g.gi_running, g.gi_frame is None)
