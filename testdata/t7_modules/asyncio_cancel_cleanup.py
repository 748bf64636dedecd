import asyncio

log = []

async def worker(name):
    try:
        print(name, "working")
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(name, "cancelled with", e.args)
        raise
    finally:
        print(name, "cleanup")
        log.append(name)

async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn ignores the first cancel")
    await asyncio.sleep(0.01)
    return "finished anyway"

async def main():
    t = asyncio.create_task(worker("w1"))
    await asyncio.sleep(0)
    print("cancel ->", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting w1 raised CancelledError")
    print(t.cancelled(), t.done())

    t2 = asyncio.create_task(worker("w2"))
    await asyncio.sleep(0.01)
    t2.cancel("stop now")
    res = await asyncio.gather(t2, return_exceptions=True)
    print(type(res[0]).__name__, res[0].args)

    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    s.cancel()
    print(await s, s.cancelled())

    inner = asyncio.create_task(worker("w3"))
    async def shielded():
        return await asyncio.shield(inner)
    outer = asyncio.create_task(shielded())
    await asyncio.sleep(0)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled, inner cancelled?", inner.cancelled())
    inner.cancel()
    await asyncio.gather(inner, return_exceptions=True)
    print(log)

try:
    asyncio.run(main())
finally:
    print("end")
