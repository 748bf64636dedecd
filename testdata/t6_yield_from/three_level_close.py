# close() through a 3-level chain: finally order, GeneratorExit propagation.
log = []


def inner():
    try:
        yield "i1"
        yield "i2"
    except GeneratorExit:
        log.append("inner GeneratorExit")
        raise
    finally:
        log.append("inner finally")


def middle():
    try:
        yield from inner()
    finally:
        log.append("middle finally")


def outer():
    try:
        yield from middle()
    except GeneratorExit:
        log.append("outer GeneratorExit")
        raise
    finally:
        log.append("outer finally")


g = outer()
print(next(g))
g.close()
print(log)
log.clear()


def bad_inner():
    try:
        yield 1
    except GeneratorExit:
        log.append("bad_inner ignoring")
        yield 2


def m2():
    try:
        yield from bad_inner()
    finally:
        log.append("m2 finally")


def o2():
    yield from m2()


g = o2()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)
print(log)
log.clear()


def raising_inner():
    try:
        yield 1
    finally:
        raise ValueError("from inner finally")


def m3():
    try:
        yield from raising_inner()
    except ValueError as e:
        log.append(f"m3 caught {e}")
        yield "m3 yields during close"


g = m3()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)
print(log)
log.clear()


class Sub:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        return self.n

    def close(self):
        log.append("Sub.close called")


def uses_sub():
    yield from Sub()


g = uses_sub()
print(next(g), next(g))
g.close()
print(log)
log.clear()


def uses_list():
    try:
        yield from [1, 2, 3]
    finally:
        log.append("list delegator finally")


g = uses_list()
next(g)
g.close()
print(log)
