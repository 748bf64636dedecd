import asyncio

async def value(x, delay=0):
    await asyncio.sleep(delay)
    return x

async def fail(exc, delay=0):
    await asyncio.sleep(delay)
    raise exc

async def main():
    print(await asyncio.gather(value(1), value(2, 0.01), value(3)))
    r = await asyncio.gather(value("a"), fail(ValueError("v")), fail(KeyError("k"), 0.01), return_exceptions=True)
    print([repr(x) for x in r])
    try:
        await asyncio.gather(value(1, 0.01), fail(RuntimeError("first")))
    except RuntimeError as e:
        print("propagated", e)
    print(await asyncio.gather())
    g = asyncio.gather(value(1, 1), value(2, 1))
    await asyncio.sleep(0)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled", g.cancelled())
    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(0.01, fut.set_result, "from future")
    print(await asyncio.gather(fut, value("x")))

asyncio.run(main())
