# Driving async generators by hand through __anext__().send(None).
import types


@types.coroutine
def pause(tag):
    got = yield f"pause {tag}"
    return got


async def agen():
    print("  agen started")
    yield "first"
    r = await pause("A")
    print("  agen resumed after await with", r)
    yield ("second", r)
    print("  agen ending")


g = agen()
aw = g.__anext__()
print(type(aw).__name__)
try:
    aw.send(None)
except StopIteration as e:
    print("StopIteration value:", e.value)

aw = g.__anext__()
print("await inside agen surfaces:", aw.send(None))
try:
    aw.send("reply")
except StopIteration as e:
    print("StopIteration value:", e.value)

aw = g.__anext__()
try:
    aw.send(None)
except StopAsyncIteration as e:
    print("StopAsyncIteration", e.args)

try:
    g.__anext__().send(None)
except StopAsyncIteration:
    print("again StopAsyncIteration")


async def yields_none():
    yield
    yield None


g = yields_none()
for _ in range(3):
    try:
        g.__anext__().send(None)
    except StopIteration as e:
        print("value", repr(e.value), e.args)
    except StopAsyncIteration:
        print("done")


async def yields_stopiteration_obj():
    yield StopIteration("as value")
    yield (1, 2)


g = yields_stopiteration_obj()
for _ in range(2):
    try:
        g.__anext__().send(None)
    except StopIteration as e:
        print(repr(e.value))

aw = agen().__anext__()
try:
    aw.send(None)
except StopIteration:
    pass
try:
    aw.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    next(aw)
except (RuntimeError, StopIteration) as e:
    print(type(e).__name__, e)
print(iter(aw) is aw, hasattr(aw, "__await__"))
