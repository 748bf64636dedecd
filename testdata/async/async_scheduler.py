# A tiny round-robin scheduler for coroutines with sleep and message passing.
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks

    def __await__(self):
        yield ("sleep", self.ticks)


class Recv:
    def __init__(self, box):
        self.box = box

    def __await__(self):
        while not self.box:
            yield ("wait", None)
        return self.box.pop(0)


class Scheduler:
    def __init__(self):
        self.ready = []
        self.sleeping = []
        self.clock = 0
        self.results = {}

    def spawn(self, name, coro):
        self.ready.append((name, coro))

    def run(self):
        while self.ready or self.sleeping:
            if not self.ready:
                self.clock = min(t for t, _, _ in self.sleeping)
                woken = [s for s in self.sleeping if s[0] <= self.clock]
                self.sleeping = [s for s in self.sleeping if s[0] > self.clock]
                for _, name, coro in woken:
                    self.ready.append((name, coro))
                continue
            name, coro = self.ready.pop(0)
            try:
                kind, arg = coro.send(None)
            except StopIteration as e:
                print(f"t={self.clock} {name} done -> {e.value!r}")
                self.results[name] = e.value
                continue
            if kind == "sleep":
                self.sleeping.append((self.clock + arg, name, coro))
            else:
                # waiting for a message: poll again on the next tick
                self.sleeping.append((self.clock + 1, name, coro))


async def worker(name, delays):
    total = 0
    for d in delays:
        print(f"  {name} sleeping {d}")
        await Sleep(d)
        total += d
    return total


async def producer(box, items):
    for it in items:
        print(f"  producer puts {it!r}")
        box.append(it)
        await Sleep(1)
    box.append(None)
    return len(items)


async def consumer(box):
    got = []
    while True:
        item = await Recv(box)
        if item is None:
            break
        print(f"  consumer got {item!r}")
        got.append(item)
    return got


sched = Scheduler()
mailbox = []
sched.spawn("w1", worker("w1", [3, 1]))
sched.spawn("w2", worker("w2", [1, 1, 1]))
sched.spawn("prod", producer(mailbox, ["a", "b", "c"]))
sched.spawn("cons", consumer(mailbox))
sched.run()
print("final clock", sched.clock)
print(sorted(sched.results.items()))
