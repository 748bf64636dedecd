# Exceptions raised inside async generators and seen by consumers.
import types


@types.coroutine
def pause():
    yield


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


async def fails_at(n):
    for i in range(10):
        if i == n:
            raise ValueError(f"failed at {i}")
        await pause()
        yield i


async def consumer(n):
    got = []
    try:
        async for v in fails_at(n):
            got.append(v)
    except ValueError as e:
        got.append(str(e))
    return got


print(run(consumer(0)), run(consumer(3)))


async def recovering():
    for i in range(4):
        try:
            if i % 2:
                raise KeyError(i)
            yield i
        except KeyError as e:
            yield f"recovered {e}"


async def collect(agen):
    return [v async for v in agen]


print(run(collect(recovering())))


async def consumer_raises():
    g = fails_at(99)
    try:
        async for v in g:
            if v == 2:
                raise IndexError("consumer stops")
    except IndexError as e:
        print("  consumer caught", e, "| agen running:", g.ag_running)
    await g.aclose()
    return "ok"


print(run(consumer_raises()))


async def chained():
    try:
        yield 1
        raise TypeError("inner")
    except TypeError as e:
        raise RuntimeError("outer") from e


async def consume_chained():
    try:
        async for _ in chained():
            pass
    except RuntimeError as e:
        return f"{e} <- {e.__cause__!r}"


print(run(consume_chained()))


async def finally_order():
    try:
        yield "a"
        raise OSError("os")
    finally:
        print("  agen finally runs before consumer handler")


async def consume_order():
    try:
        async for v in finally_order():
            print("  got", v)
    except OSError as e:
        print("  consumer handler", e)
    return "order ok"


print(run(consume_order()))
