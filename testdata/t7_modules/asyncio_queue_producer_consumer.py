import asyncio

async def producer(q, name, items):
    for i in items:
        await q.put((name, i))
        print("put", name, i, "size", q.qsize())
        await asyncio.sleep(0)
    print("producer", name, "done")

async def consumer(q, name, got):
    while True:
        item = await q.get()
        got.append((name, item))
        print(name, "got", item)
        q.task_done()

async def main():
    q = asyncio.Queue(maxsize=2)
    got = []
    consumers = [asyncio.create_task(consumer(q, f"c{i}", got), name=f"c{i}") for i in range(2)]
    await asyncio.gather(producer(q, "p1", range(3)), producer(q, "p2", "ab"))
    await q.join()
    for c in consumers:
        c.cancel()
    results = await asyncio.gather(*consumers, return_exceptions=True)
    print([type(r).__name__ for r in results])
    print(len(got), q.empty(), q.full())

    lq = asyncio.LifoQueue()
    pq = asyncio.PriorityQueue()
    for x in [3, 1, 2]:
        lq.put_nowait(x)
        pq.put_nowait((x, str(x)))
    print([lq.get_nowait() for _ in range(3)], [pq.get_nowait() for _ in range(3)])
    try:
        lq.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    fq = asyncio.Queue(1)
    fq.put_nowait(1)
    try:
        fq.put_nowait(2)
    except asyncio.QueueFull:
        print("QueueFull")
    try:
        await asyncio.wait_for(fq.put(3), 0.01)
    except asyncio.TimeoutError:
        print("put timed out", fq.qsize())

asyncio.run(main())
