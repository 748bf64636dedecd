# Exceptions across await boundaries, throw()/close() on coroutines, cancellation-like patterns.
class Yield:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        got = yield self.tag
        return got


class Cancelled(Exception):
    pass


async def step(name, n):
    try:
        for i in range(n):
            got = await Yield(f"{name}-{i}")
            print(f"  {name} step {i} got {got!r}")
        return f"{name} complete"
    except Cancelled:
        print(f"  {name} cancelled, cleaning up")
        raise
    finally:
        print(f"  {name} finally")


async def supervisor():
    try:
        return await step("child", 5)
    except Cancelled as e:
        print("  supervisor saw cancel:", e)
        return "cancelled result"


co = supervisor()
print(co.send(None))
print(co.send("hello"))
try:
    co.throw(Cancelled("stop now"))
except StopIteration as e:
    print("supervisor returned:", e.value)

co2 = step("closing", 3)
print(co2.send(None))
co2.close()
print("closed; cr_frame is None:", co2.cr_frame is None)


async def raise_in_finally():
    try:
        await Yield("rif")
        raise KeyError("original")
    finally:
        print("  finally sees pending exception")


co3 = raise_in_finally()
co3.send(None)
try:
    co3.send(None)
except KeyError as e:
    print("KeyError:", e)


async def chained():
    try:
        await step("inner", 0)
        raise ValueError("low level")
    except ValueError as e:
        raise RuntimeError("high level") from e


def drive(coro):
    value = None
    while True:
        try:
            value = coro.send(value)
        except StopIteration as e:
            return e.value


try:
    drive(chained())
except RuntimeError as e:
    print("RuntimeError:", e, "cause:", repr(e.__cause__))


async def gather(*coros):
    results = [None] * len(coros)
    pending = list(enumerate(coros))
    errors = []
    while pending:
        idx, c = pending.pop(0)
        try:
            await Yield(f"slot{idx}")
            c.send(None)
            pending.append((idx, c))
        except StopIteration as e:
            results[idx] = e.value
        except Exception as e:
            errors.append(f"{idx}: {type(e).__name__}({e})")
    return results, errors


async def flaky(n):
    await Yield("flaky")
    if n == 1:
        raise ZeroDivisionError("flaky failed")
    return n * 11


print(drive(gather(flaky(0), flaky(1), flaky(2), step("g", 2))))


async def await_non_awaitable():
    await 42


try:
    drive(await_non_awaitable())
except TypeError as e:
    print("TypeError:", e)


class BadAwait:
    def __await__(self):
        return 5


async def await_bad():
    await BadAwait()


try:
    drive(await_bad())
except TypeError as e:
    print("TypeError:", e)
