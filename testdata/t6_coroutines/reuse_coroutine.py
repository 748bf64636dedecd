# Reusing coroutines: "cannot reuse already awaited coroutine" and friends.
class Suspend:
    def __await__(self):
        yield "suspended"


async def simple():
    return "simple result"


async def suspending():
    await Suspend()
    return "suspending result"


def drive(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


c = simple()
print(drive(c))
try:
    c.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)


async def await_twice():
    inner = simple()
    first = await inner
    print("  first await:", first)
    try:
        await inner
    except RuntimeError as e:
        print("  second await:", type(e).__name__, e)
    return "done"


print(drive(await_twice()))

c = suspending()
print(c.send(None))
try:
    drive(c)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    c.send(None)
except RuntimeError as e:
    print("after finish:", type(e).__name__, e)
try:
    c.throw(ValueError("late"))
except Exception as e:
    print("throw after finish:", type(e).__name__, e)
print("close after finish:", c.close())

c = suspending()
c.close()
try:
    c.send(None)
except RuntimeError as e:
    print("send after close:", type(e).__name__, e)


async def awaits_running(holder):
    try:
        await holder[0]
    except (RuntimeError, ValueError) as e:
        print("  awaiting itself:", type(e).__name__, e)
    return "ok"


holder = []
c = awaits_running(holder)
holder.append(c)
print(drive(c))

c = suspending()
c.send(None)


async def awaits_started():
    return await c


try:
    print("await a started coroutine:", drive(awaits_started()))
except RuntimeError as e:
    print("await a suspended coroutine:", type(e).__name__, e)
print("still suspended?", c.cr_frame is not None, c.cr_await is not None)
print("finish it by hand:", drive(c))


async def plain_start():
    return "fresh"


fresh = plain_start()


async def awaits_fresh():
    return await fresh


print("await an unstarted coroutine from another:", drive(awaits_fresh()))
