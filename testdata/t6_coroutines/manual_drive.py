# Coroutines driven by hand with send(None) loops.
class Yield:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        received = yield self.value
        return received


async def add(a, b):
    x = await Yield(f"adding {a}+{b}")
    print("  add resumed with", x)
    return a + b


async def compute():
    s1 = await add(1, 2)
    s2 = await add(s1, 10)
    return [s1, s2]


def run(coro, replies=()):
    replies = list(replies)
    value = None
    steps = 0
    while True:
        try:
            yielded = coro.send(value)
        except StopIteration as e:
            print(f"  finished after {steps} steps -> {e.value!r}")
            return e.value
        steps += 1
        print("  yielded", repr(yielded))
        value = replies.pop(0) if replies else None


print(run(compute()))
print(run(compute(), ["r1", "r2"]))


async def no_await():
    return "instant"


c = no_await()
try:
    c.send(None)
except StopIteration as e:
    print("no_await:", e.value)


async def returns_nothing():
    await Yield(1)


print(run(returns_nothing()))


async def raises():
    await Yield("before raise")
    raise ValueError("coroutine failed")


c = raises()
print(c.send(None))
try:
    c.send(None)
except ValueError as e:
    print(type(e).__name__, e)

c = compute()
try:
    c.send("not none")
except TypeError as e:
    print(type(e).__name__, e)
c.close()


async def stop_inside():
    await Yield(0)
    raise StopIteration("inside coroutine")


c = stop_inside()
c.send(None)
try:
    c.send(None)
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", repr(e.__cause__))
