# The awaitable objects returned by asend/athrow/aclose: send/throw/close on them.
import types


@types.coroutine
def pause(tag):
    got = yield tag
    return got


async def agen():
    try:
        while True:
            try:
                v = await pause("inside")
                yield f"got {v}"
            except KeyError as e:
                yield f"handled {e!r}"
    finally:
        print("  agen finally")


g = agen()
a = g.asend(None)
print(type(a).__name__, a.send(None))
try:
    a.send("hello")
except StopIteration as e:
    print("asend result:", e.value)

a = g.__anext__()
print(a.send(None))
try:
    a.throw(KeyError("via awaitable"))
except StopIteration as e:
    print("throw result:", e.value)

t = g.athrow(ValueError("x"))
print(type(t).__name__)
try:
    t.send(None)
except ValueError as e:
    print("athrow propagated:", type(e).__name__, e)
print("agen finished:", g.ag_frame is None)

c = g.aclose()
print(type(c).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("aclose ->", e.value)


async def simple():
    yield 1


g = simple()
aw = g.__anext__()
aw.close()
try:
    aw.send(None)
except RuntimeError as e:
    print("after close:", type(e).__name__, e)
try:
    g.__anext__().send(None)
except StopIteration as e:
    print("fresh awaitable works:", e.value)
print(hasattr(aw, "send"), hasattr(aw, "throw"), hasattr(aw, "close"), hasattr(aw, "__next__"))
