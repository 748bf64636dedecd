import asyncio, time

async def slow(n):
    try:
        await asyncio.sleep(n)
        return n
    finally:
        print("slow", n, "finally")

async def main():
    t0 = time.monotonic()
    try:
        await asyncio.wait_for(slow(1), timeout=0.02)
    except asyncio.TimeoutError as e:
        print("timeout", type(e).__name__, isinstance(e, TimeoutError))
    print(await asyncio.wait_for(slow(0.001), timeout=1))
    try:
        async with asyncio.timeout(0.02) as cm:
            await slow(2)
    except TimeoutError:
        print("asyncio.timeout expired", cm.expired())
    async with asyncio.timeout(None) as cm:
        print("no deadline", cm.when())
    tasks = [asyncio.create_task(slow(d)) for d in (0.001, 0.01, 3)]
    done, pending = await asyncio.wait(tasks, timeout=0.05)
    print(sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED, timeout=0.01)
    print(len(done), len(pending))
    for t in pending:
        t.cancel()
    await asyncio.wait(pending)
    elapsed = time.monotonic() - t0
    print("elapsed ok", 0.05 < elapsed < 0.9)

asyncio.run(main())
