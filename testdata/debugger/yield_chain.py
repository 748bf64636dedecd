# A value travels down a 3-level `yield from` chain and back.
def inner():
    x = yield 1
    y = yield x * 2
    return x + y


def middle():
    r = yield from inner()
    return r * 10


def outer():
    total = yield from middle()
    print("total", total)
    yield total


g = outer()
print(next(g))
print(g.send(3))
print(g.send(4))
