# Hand-made futures, callbacks and a gather() built on a tiny event loop.
class Future:
    def __init__(self, name):
        self.name = name
        self.done = False
        self.value = None
        self.callbacks = []

    def set_result(self, v):
        self.done = True
        self.value = v
        for cb in self.callbacks:
            cb(self)

    def __await__(self):
        if not self.done:
            yield self
        return self.value


class Loop:
    def __init__(self):
        self.ready = []
        self.timers = []
        self.time = 0

    def call_later(self, delay, fn, *args):
        self.timers.append((self.time + delay, len(self.timers), fn, args))

    def create_task(self, coro):
        fut = Future(f"task-{coro.__name__}")
        self.ready.append((coro, None, fut))
        return fut

    def step(self, coro, value, fut):
        try:
            awaited = coro.send(value)
        except StopIteration as e:
            fut.set_result(e.value)
            return
        awaited.callbacks.append(lambda f: self.ready.append((coro, f.value, fut)))

    def run_until_complete(self, coro):
        main = self.create_task(coro)
        while not main.done:
            while self.ready:
                self.step(*self.ready.pop(0))
            if self.timers and not main.done:
                self.timers.sort()
                when, _, fn, args = self.timers.pop(0)
                self.time = when
                fn(*args)
        return main.value


loop = Loop()


def sleep(delay, result=None):
    f = Future("sleep")
    loop.call_later(delay, f.set_result, result)
    return f


async def fetch(name, delay):
    print(f"  t={loop.time} start {name}")
    r = await sleep(delay, f"{name}-data")
    print(f"  t={loop.time} got {r}")
    return r.upper()


async def gather(*coros):
    futs = [loop.create_task(c) for c in coros]
    return [await f for f in futs]


async def main():
    first = await fetch("solo", 1)
    many = await gather(fetch("a", 3), fetch("b", 1), fetch("c", 2))
    return first, many


print(loop.run_until_complete(main()))
print("end time", loop.time)
