# PEP 479: StopIteration raised inside a generator becomes RuntimeError.
def explicit():
    yield 1
    raise StopIteration("boom")
    yield 2


g = explicit()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
    print("suppress_context:", e.__suppress_context__)
try:
    next(g)
except StopIteration as e:
    print("then StopIteration", e.value)


def implicit_next():
    it = iter([1, 2])
    while True:
        yield next(it)


print("list:", end=" ")
try:
    print(list(implicit_next()))
except RuntimeError as e:
    print(type(e).__name__, e)


def caught_inside():
    it = iter("ab")
    while True:
        try:
            v = next(it)
        except StopIteration:
            print("  caught inside, returning")
            return "done"
        yield v


print(list(caught_inside()))


def stop_subclass():
    class MyStop(StopIteration):
        pass
    yield "x"
    raise MyStop(7)


try:
    for v in stop_subclass():
        print("got", v)
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__.args)


def return_value():
    yield 1
    return 42


g = return_value()
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration value", e.value, e.args)


def return_none():
    yield 1
    return


g = return_none()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value None:", e.value is None, e.args)


def return_tuple():
    yield
    return (1, 2)


g = return_tuple()
next(g)
try:
    g.send(None)
except StopIteration as e:
    print("tuple value", e.value, e.args)


def stopasync():
    yield 1
    raise StopAsyncIteration


try:
    list(stopasync())
except RuntimeError as e:
    print(type(e).__name__, e)
except StopAsyncIteration as e:
    print("StopAsyncIteration leaked", repr(e))


def throw_stop():
    try:
        yield 1
    except ValueError:
        raise StopIteration(3)


g = throw_stop()
next(g)
try:
    g.throw(ValueError)
except RuntimeError as e:
    print("throw->", type(e).__name__, e)
