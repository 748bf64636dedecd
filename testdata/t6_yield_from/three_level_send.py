# send() passes through a 3-level yield-from chain to the innermost generator.
def inner():
    log = []
    while True:
        x = yield f"inner has {len(log)}"
        if x == "stop":
            return log
        log.append(x)


def middle():
    print("  middle start")
    result = yield from inner()
    print("  middle got", result)
    again = yield "middle after inner"
    print("  middle received", again)
    return ("middle", result, again)


def outer():
    print("  outer start")
    r = yield from middle()
    print("  outer got", r)
    return len(r[1])


g = outer()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(g.send(3))
print(g.send("stop"))
try:
    g.send("last")
except StopIteration as e:
    print("final value", e.value)

g = outer()
print(g.send(None))
try:
    g.send("x")
    g.send(None)
except TypeError as e:
    print(type(e).__name__, e)


def doubler():
    x = yield
    while True:
        x = yield x * 2


def relay():
    yield from doubler()


def top():
    yield from relay()


t = top()
next(t)
print([t.send(i) for i in range(5)])
print(t.send("ab"), t.send([1]))
try:
    t.send(None)
except TypeError as e:
    print("error in inner:", type(e).__name__, e)
print("top finished:", t.gi_frame is None)
