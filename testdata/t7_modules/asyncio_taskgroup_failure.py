import asyncio

# TaskGroup cancels its remaining tasks by iterating a set of tasks, whose
# order follows the tasks' addresses: the cancellations are collected and
# printed sorted.
cancelled = []

async def ok(n, delay):
    try:
        await asyncio.sleep(delay)
        print("ok", n)
        return n
    except asyncio.CancelledError:
        cancelled.append(n)
        raise

async def bad(delay, exc):
    await asyncio.sleep(delay)
    print("raising", type(exc).__name__)
    raise exc

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            t1 = tg.create_task(ok(1, 0.001))
            tg.create_task(ok(2, 0.2))
            tg.create_task(bad(0.01, ValueError("boom")))
            tg.create_task(ok(3, 0.3))
    except* ValueError as eg:
        print("caught", type(eg).__name__, [repr(e) for e in eg.exceptions])
    print("cancelled", sorted(cancelled))
    print("t1", t1.result())

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad(0.01, KeyError("k")))
            tg.create_task(bad(0.01, TypeError("t")))
    except* KeyError as eg:
        print("key", [repr(e) for e in eg.exceptions])
    except* TypeError as eg:
        print("type", [repr(e) for e in eg.exceptions])

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad(0, OSError(2, "nope")))
    except ExceptionGroup as eg:
        print("group", eg.message, len(eg.exceptions), eg.exceptions[0].errno)

asyncio.run(main())
