# async def / await driven by a hand-written send(None) loop (no asyncio).
class Suspend:
    """Awaitable that suspends once, handing a message to the driver."""

    def __init__(self, msg):
        self.msg = msg

    def __await__(self):
        reply = yield self.msg
        return f"resumed({self.msg}, {reply})"


def run(coro):
    step = 0
    value = None
    while True:
        try:
            yielded = coro.send(value)
        except StopIteration as e:
            print(f"[driver] finished after {step} steps")
            return e.value
        step += 1
        print(f"[driver] step {step}: coroutine yielded {yielded!r}")
        value = step * 10


async def add(a, b):
    r = await Suspend(f"add {a}+{b}")
    print("  add resumed with", r)
    return a + b


async def no_suspend(x):
    return x * 2


async def compute():
    x = await add(1, 2)
    y = await add(x, 10)
    z = await no_suspend(y)
    w = await no_suspend(await no_suspend(1))
    return [x, y, z, w]


c = compute()
print(type(c).__name__, c.__name__, c.__qualname__)
print("result:", run(c))
print("direct:", run(no_suspend(21)))


async def failing():
    await Suspend("about to fail")
    raise ValueError("async failure")


async def catches():
    try:
        await failing()
    except ValueError as e:
        print("  caught in coroutine:", e)
        return "recovered"


print(run(catches()))
try:
    run(failing())
except ValueError as e:
    print("propagated to driver:", e)


async def fan(n):
    results = []
    for i in range(n):
        results.append(await add(i, i))
    return results


print(run(fan(3)))
co = add(5, 6)
print(co.send(None))
try:
    co.send("manual")
except StopIteration as e:
    print("manual StopIteration value", e.value)
try:
    co.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
aw = Suspend("x").__await__()
print(next(aw), type(aw).__name__)


class Compute:
    async def method(self, v):
        return await no_suspend(v) + 1

    @staticmethod
    async def static(v):
        return v - 1


print(run(Compute().method(4)), run(Compute.static(4)))
lam = lambda: no_suspend(8)
print(run(lam()))
