# send(), throw(), close(), GeneratorExit handling and coroutine-style generators.
def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        try:
            value = yield avg
        except ValueError as e:
            print("  averager got ValueError:", e)
            continue
        if value is None:
            break
        total += value
        count += 1
        avg = total / count
    return (count, avg)


a = averager()
print(a.send(None))
for v in (10, 20, 60):
    print("avg", a.send(v))
print("after throw:", a.throw(ValueError("ignored value")))
print("avg", a.send(5))
try:
    a.send(None)
except StopIteration as e:
    print("final", e.value)
try:
    averager().send(5)
except TypeError as e:
    print("TypeError:", e)


def closeable():
    try:
        while True:
            yield "tick"
    except GeneratorExit:
        print("  caught GeneratorExit, cleaning up")
        raise
    finally:
        print("  finally in closeable")


c = closeable()
print(next(c), next(c))
c.close()
print("closed; close again is fine:", c.close())
try:
    next(c)
except StopIteration:
    print("StopIteration after close")


def bad_close():
    try:
        yield 1
    except GeneratorExit:
        yield "not allowed"


b = bad_close()
next(b)
try:
    b.close()
except RuntimeError as e:
    print("RuntimeError:", e)


def catcher():
    while True:
        try:
            x = yield
            print("  received", x)
        except KeyError as e:
            print("  handled KeyError", e)
            yield "recovered"


k = catcher()
next(k)
k.send("hello")
print(k.throw(KeyError("oops")))
print(k.send(None))
k.send("again")
try:
    k.throw(IndexError("fatal"))
except IndexError as e:
    print("propagated IndexError:", e)
try:
    k.send(1)
except StopIteration:
    print("dead generator")
fresh = catcher()
try:
    fresh.throw(ValueError("before start"))
except ValueError as e:
    print("thrown into unstarted:", e)


def echo():
    received = []
    try:
        while True:
            received.append((yield len(received)))
    finally:
        print("  echo received", received)


e = echo()
print(next(e), e.send("a"), e.send("b"), e.send("c"))
e.close()
print("after close")
