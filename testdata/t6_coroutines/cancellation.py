# Cancelling coroutines by throwing a custom exception into them.
class Cancelled(BaseException):
    pass


class Wait:
    def __await__(self):
        yield "waiting"


async def cleanup_worker(name):
    try:
        for i in range(10):
            await Wait()
            print(f"  {name} tick {i}")
    except Cancelled:
        print(f"  {name} cancelled, cleaning up")
        raise
    finally:
        print(f"  {name} finally")


async def shielded():
    try:
        await Wait()
    except Cancelled:
        print("  shielded refuses cancellation")
    await Wait()
    return "shielded finished"


async def parent():
    try:
        await cleanup_worker("child")
    except Cancelled:
        print("  parent saw cancellation")
        return "parent swallowed"


def cancel(coro):
    try:
        coro.throw(Cancelled())
    except Cancelled:
        return "cancelled"
    except RuntimeError as e:
        return f"{type(e).__name__}: {e}"
    except StopIteration as e:
        return f"returned {e.value!r}"
    return "still running"


w = cleanup_worker("w")
w.send(None)
w.send(None)
print(cancel(w))

s = shielded()
s.send(None)
print(cancel(s))
try:
    s.send(None)
except StopIteration as e:
    print(e.value)

p = parent()
p.send(None)
print(cancel(p))

u = cleanup_worker("unstarted")
print(cancel(u))
print("cancel twice:", cancel(u))
