import asyncio

async def locked_worker(lock, name, shared):
    async with lock:
        print(name, "acquired", lock.locked())
        v = shared[0]
        await asyncio.sleep(0.001)
        shared[0] = v + 1
    print(name, "released")

async def waiter(event, name):
    print(name, "waiting")
    await event.wait()
    print(name, "saw event")

async def limited(sem, name, active, peak):
    async with sem:
        active[0] += 1
        peak[0] = max(peak[0], active[0])
        await asyncio.sleep(0.001)
        active[0] -= 1
    return name

async def cond_consumer(cond, items, name):
    async with cond:
        await cond.wait_for(lambda: items)
        print(name, "took", items.pop(0))

async def main():
    lock = asyncio.Lock()
    shared = [0]
    await asyncio.gather(*(locked_worker(lock, f"w{i}", shared) for i in range(3)))
    print("shared", shared[0], lock.locked())

    event = asyncio.Event()
    ws = [asyncio.create_task(waiter(event, f"e{i}")) for i in range(2)]
    await asyncio.sleep(0)
    print("set", event.is_set())
    event.set()
    await asyncio.gather(*ws)
    event.clear()
    print("cleared", event.is_set())

    sem = asyncio.Semaphore(2)
    active, peak = [0], [0]
    print(await asyncio.gather(*(limited(sem, i, active, peak) for i in range(5))), "peak", peak[0])
    bs = asyncio.BoundedSemaphore(1)
    await bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print("bounded:", e)

    cond = asyncio.Condition()
    items = []
    cs = [asyncio.create_task(cond_consumer(cond, items, f"c{i}")) for i in range(2)]
    await asyncio.sleep(0)
    for x in ("x", "y"):
        async with cond:
            items.append(x)
            cond.notify()
        await asyncio.sleep(0)
    await asyncio.gather(*cs)
    print(repr(lock)[:20], "done")

asyncio.run(main())
