# A round-robin scheduler for async def tasks with sleep and join awaitables.
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks

    def __await__(self):
        yield ("sleep", self.ticks)


class Join:
    def __init__(self, task):
        self.task = task

    def __await__(self):
        while not self.task.done:
            yield ("join", self.task)
        if self.task.error:
            raise self.task.error
        return self.task.result


class Task:
    count = 0

    def __init__(self, coro):
        Task.count += 1
        self.id = Task.count
        self.coro = coro
        self.done = False
        self.result = None
        self.error = None
        self.wake_at = 0


class Loop:
    def __init__(self):
        self.tasks = []
        self.now = 0

    def spawn(self, coro):
        t = Task(coro)
        self.tasks.append(t)
        return t

    def run(self):
        while any(not t.done for t in self.tasks):
            for t in list(self.tasks):
                if t.done or t.wake_at > self.now:
                    continue
                try:
                    req = t.coro.send(None)
                except StopIteration as e:
                    t.done, t.result = True, e.value
                    print(f"[{self.now}] task {t.id} -> {e.value!r}")
                    continue
                except Exception as e:
                    t.done, t.error = True, e
                    print(f"[{self.now}] task {t.id} failed: {e!r}")
                    continue
                if req[0] == "sleep":
                    t.wake_at = self.now + req[1]
            self.now += 1


loop = Loop()


async def counter(name, n, delay):
    for i in range(n):
        print(f"[{loop.now}] {name} {i}")
        await Sleep(delay)
    return f"{name} finished"


async def failing():
    await Sleep(2)
    raise ValueError("task failure")


async def main():
    a = loop.spawn(counter("A", 3, 1))
    b = loop.spawn(counter("B", 2, 2))
    f = loop.spawn(failing())
    ra = await Join(a)
    rb = await Join(b)
    try:
        await Join(f)
    except ValueError as e:
        print(f"[{loop.now}] main saw failure: {e}")
    return [ra, rb]


loop.spawn(main())
loop.run()
print("final time", loop.now)
