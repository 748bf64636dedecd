# close() runs finally blocks, GeneratorExit handling, repeated close.
log = []


def worker(name):
    try:
        log.append(f"{name} start")
        yield 1
        log.append(f"{name} after 1")
        yield 2
        log.append(f"{name} after 2")
    finally:
        log.append(f"{name} finally")


g = worker("a")
print(next(g))
print(g.close())
print(log)
log.clear()

g = worker("b")
g.close()
print("close unstarted:", log)
log.clear()

g = worker("c")
print(list(g))
g.close()
print("close finished:", log)
log.clear()


def catches_exit():
    try:
        yield "x"
    except GeneratorExit as e:
        print("  GeneratorExit caught, args:", e.args, type(e).__mro__[1].__name__)
        raise


g = catches_exit()
next(g)
g.close()
print("closed ok")


def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        print("  returning from exit handler")
        return "ignored-value"


g = returns_on_exit()
next(g)
print("close returned", g.close())


def raises_other():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("during close")


g = raises_other()
next(g)
try:
    g.close()
except ValueError as e:
    print(type(e).__name__, e, "context:", type(e.__context__).__name__)


def nested_finally():
    try:
        try:
            yield "inner"
        finally:
            print("  inner finally")
    finally:
        print("  outer finally")


g = nested_finally()
next(g)
g.close()
print("state after close: ", end="")
try:
    next(g)
except StopIteration:
    print("exhausted")


def finally_yields():
    try:
        yield 1
    finally:
        yield 2


g = finally_yields()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)
print(g.gi_frame is None)


def with_cm():
    class CM:
        def __enter__(self):
            print("  enter")
            return self

        def __exit__(self, *a):
            print("  exit", a[0].__name__ if a[0] else None)
            return False
    with CM():
        yield 1
        yield 2


g = with_cm()
next(g)
g.close()
print("done")
