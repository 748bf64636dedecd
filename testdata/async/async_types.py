# types.coroutine, generator-based awaitables, coroutine attributes, __await__ returning iterators.
import types


@types.coroutine
def legacy_sleep(n):
    for i in range(n):
        received = yield f"legacy {i}/{n}"
        if received:
            print("  legacy got", received)
    return f"slept {n}"


class IterAwait:
    def __await__(self):
        return iter(["it-a", "it-b"])


class Future:
    def __init__(self):
        self.done = False
        self.result = None
        self.callbacks = []

    def set_result(self, v):
        self.done = True
        self.result = v

    def __await__(self):
        while not self.done:
            yield self
        return self.result

    def __repr__(self):
        return f"<Future done={self.done}>"


async def uses_all(fut):
    r1 = await legacy_sleep(2)
    r2 = await IterAwait()
    r3 = await fut
    return r1, r2, r3


fut = Future()
co = uses_all(fut)
print(co.cr_code.co_name, co.cr_running, co.cr_await)
yielded = []
value = None
for turn in range(10):
    try:
        y = co.send(value)
    except StopIteration as e:
        print("finished on turn", turn, "with", e.value)
        break
    yielded.append(repr(y))
    print(f"turn {turn}: {y!r}, awaiting {type(co.cr_await).__name__}")
    value = f"v{turn}" if turn == 0 else None
    if turn == 5:
        fut.set_result("future value")
print(yielded)


async def simple():
    return "simple"


c = simple()
print(isinstance(c, types.CoroutineType), type(c).__name__, c.cr_frame is not None)
c.close()
print("closed unstarted coroutine, frame:", c.cr_frame)
print(type(legacy_sleep(1)).__name__, isinstance(legacy_sleep, types.FunctionType))
w = simple().__await__()
print(type(w).__name__)
try:
    next(w)
except StopIteration as e:
    print("via __await__:", e.value)


async def nested_def():
    async def inner(x):
        return x + 1

    vals = [await inner(i) for i in range(3)]
    fn = lambda: inner(10)
    return vals, await fn()


c2 = nested_def()
try:
    c2.send(None)
except StopIteration as e:
    print("nested_def:", e.value)
print(nested_def.__code__.co_flags & 0x80 != 0, simple.__code__.co_flags & 0x80 != 0, legacy_sleep.__code__.co_flags & 0x100 != 0)
