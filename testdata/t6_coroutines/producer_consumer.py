# Producer/consumer with a hand-written async queue and scheduler.
from types import coroutine


@coroutine
def switch():
    yield "switch"


class Queue:
    def __init__(self, maxsize):
        self.items = []
        self.maxsize = maxsize

    async def put(self, item):
        while len(self.items) >= self.maxsize:
            await switch()
        self.items.append(item)

    async def get(self):
        while not self.items:
            await switch()
        return self.items.pop(0)


log = []


async def producer(q, name, n):
    for i in range(n):
        await q.put(f"{name}{i}")
        log.append(f"put {name}{i} (size {len(q.items)})")
    await q.put(None)
    return f"{name} produced {n}"


async def consumer(q, producers):
    got = []
    finished = 0
    while finished < producers:
        item = await q.get()
        if item is None:
            finished += 1
            continue
        log.append(f"got {item}")
        got.append(item)
    return got


def run_all(coros):
    tasks = list(enumerate(coros))
    results = {}
    while tasks:
        i, c = tasks.pop(0)
        try:
            c.send(None)
            tasks.append((i, c))
        except StopIteration as e:
            results[i] = e.value
    return [results[i] for i in sorted(results)]


q = Queue(2)
print(run_all([producer(q, "p", 4), producer(q, "x", 2), consumer(q, 2)]))
for line in log:
    print(line)
