# Exceptions crossing await boundaries: chaining, finally order, tracebacks.
class Fail:
    def __init__(self, exc):
        self.exc = exc

    def __await__(self):
        yield "about to fail"
        raise self.exc


class Pause:
    def __await__(self):
        yield "pause"


def run(coro):
    out = []
    try:
        while True:
            out.append(coro.send(None))
    except StopIteration as e:
        return f"ok {e.value!r} after {len(out)} yields"
    except BaseException as e:
        return f"{type(e).__name__}({e}) after {len(out)} yields"


async def inner(exc):
    try:
        await Fail(exc)
    finally:
        print("  inner finally")


async def middle(exc):
    try:
        await inner(exc)
    except KeyError as e:
        print("  middle re-raises as LookupError")
        raise LookupError("wrapped") from e
    finally:
        print("  middle finally")


async def outer(exc):
    try:
        await middle(exc)
    except LookupError as e:
        print("  outer caught", repr(e), "cause", repr(e.__cause__))
        return "outer handled"


print(run(outer(KeyError("k"))))
print(run(outer(ValueError("v"))))
print(run(outer(IndexError("i"))))


async def context_chain():
    try:
        await Fail(TypeError("first"))
    except TypeError:
        await Pause()
        raise ValueError("second")


c = context_chain()
try:
    while True:
        c.send(None)
except ValueError as e:
    print("context:", repr(e.__context__), "suppress:", e.__suppress_context__)


async def try_else_finally():
    log = []
    try:
        await Pause()
        log.append("try")
    except Exception:
        log.append("except")
    else:
        await Pause()
        log.append("else")
    finally:
        await Pause()
        log.append("finally")
    return log


print(run(try_else_finally()))


async def group():
    errors = []
    for exc in (ValueError("a"), TypeError("b"), None):
        try:
            if exc:
                await Fail(exc)
            else:
                await Pause()
        except (ValueError, TypeError) as e:
            errors.append(type(e).__name__)
    raise ExceptionGroup("many", [ValueError(x) for x in errors])


print(run(group()))


async def star():
    try:
        raise ExceptionGroup("eg", [KeyError("x"), ValueError("y")])
    except* KeyError as g:
        await Pause()
        print("  except* KeyError", g.exceptions)
    except* ValueError as g:
        print("  except* ValueError", g.exceptions)
    return "star ok"


print(run(star()))
