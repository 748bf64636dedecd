# throw() with classes, instances, 3-arg form, and bad arguments.
def catcher():
    while True:
        try:
            yield "ready"
        except Exception as e:
            print("  caught", type(e).__name__, repr(e.args))


g = catcher()
next(g)
print(g.throw(ValueError))
print(g.throw(ValueError("inst")))
print(g.throw(ValueError, "val"))
print(g.throw(ValueError, ("a", "b")))
print(g.throw(ValueError, None))
print(g.throw(ValueError, None, None))
print(g.throw(KeyError, KeyError("kinst")))
print(g.throw(LookupError, KeyError("sub")))


class MyErr(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.total = a + b


try:
    print(g.throw(MyErr, (1, 2)))
except TypeError as e:
    print(type(e).__name__, e)
for args in [(1,), ("s",), (ValueError(), "x")]:
    try:
        g.throw(*args)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    g.throw(ValueError, None, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    g.throw(ValueError("x"), "extra")
except TypeError as e:
    print(type(e).__name__, e)
try:
    g.throw()
except TypeError as e:
    print(type(e).__name__, e)
print(g.throw(ArithmeticError("still alive")))


def uncaught():
    yield 1
    yield 2


g = uncaught()
next(g)
try:
    g.throw(IndexError, "idx")
except IndexError as e:
    print("propagated", type(e).__name__, e)
try:
    next(g)
except StopIteration:
    print("generator finished after uncaught throw")

g = uncaught()
try:
    g.throw(RuntimeError("unstarted"))
except RuntimeError as e:
    print("unstarted throw:", e)
print(list(g))

g = uncaught()
list(g)
try:
    g.throw(TypeError("after end"))
except TypeError as e:
    print("finished throw:", e)


def traceback_check():
    try:
        yield
    except ZeroDivisionError as e:
        yield e.__traceback__ is not None


g = traceback_check()
next(g)
print("has traceback:", g.throw(ZeroDivisionError))
