import asyncio

async def ticker(n, delay):
    try:
        for i in range(n):
            await asyncio.sleep(delay)
            yield i
    finally:
        print("ticker closed")

async def consume(name):
    total = []
    async for x in ticker(4, 0.001):
        total.append(x)
    print(name, total)
    return sum(total)

async def early_exit():
    agen = ticker(10, 0)
    async for x in agen:
        if x == 2:
            break
    print("broke out at", x)
    await agen.aclose()
    print("closed explicitly")

async def dropped():
    async for x in ticker(5, 0):
        if x == 1:
            break
    print("left the loop at", x)
    await asyncio.sleep(0)
    print("after one sleep")
    await asyncio.sleep(0)
    print("after two sleeps")

async def squares(aiter):
    async for x in aiter:
        yield x * x

async def main():
    t = asyncio.create_task(consume("task"))
    print("result", await t)
    await early_exit()
    await dropped()
    print([x async for x in squares(ticker(3, 0))])
    print(await anext(ticker(2, 0)), "first via anext")
    await asyncio.sleep(0.01)

asyncio.run(main())
print("after run")
