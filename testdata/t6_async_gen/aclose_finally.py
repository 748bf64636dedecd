# aclose(): finally blocks, awaits during cleanup, ignored GeneratorExit.
import types


@types.coroutine
def pause(tag):
    yield f"pause {tag}"


def drive(aw):
    yielded = []
    try:
        while True:
            yielded.append(aw.send(None))
    except StopIteration as e:
        return f"done {e.value!r} yielded={yielded}"
    except BaseException as e:
        return f"{type(e).__name__}: {e} yielded={yielded}"


async def with_cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("  cleanup start")
        await pause("cleanup")
        print("  cleanup end")


g = with_cleanup()
print(drive(g.__anext__()))
print(drive(g.aclose()))
print(drive(g.aclose()))
print(drive(g.__anext__()))


async def yields_in_finally():
    try:
        yield 1
    finally:
        yield "bad"


g = yields_in_finally()
drive(g.__anext__())
print(drive(g.aclose()))


async def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("  caught GeneratorExit, returning")
        return


g = catches_exit()
drive(g.__anext__())
print(drive(g.aclose()))


async def raises_in_close():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("cleanup failed")


g = raises_in_close()
drive(g.__anext__())
print(drive(g.aclose()))

g = with_cleanup()
print("unstarted:", drive(g.aclose()))
print("then anext:", drive(g.__anext__()))


async def nested_finally():
    try:
        try:
            yield "x"
        finally:
            print("  inner finally")
            await pause("inner")
    finally:
        print("  outer finally")


g = nested_finally()
drive(g.__anext__())
print(drive(g.aclose()))

g = with_cleanup()
drive(g.__anext__())
c = g.aclose()
print(c.send(None))
try:
    c.throw(KeyError("during aclose"))
except KeyError as e:
    print("thrown into aclose:", repr(e))
