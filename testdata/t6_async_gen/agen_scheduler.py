# Several async generators interleaved by a hand-written scheduler.
import types


@types.coroutine
def sleep(ticks):
    yield ("sleep", ticks)


async def ticker(name, n, delay):
    for i in range(n):
        await sleep(delay)
        yield f"{name}:{i}"


class Loop:
    def __init__(self):
        self.now = 0
        self.waiting = []
        self.log = []

    def add(self, agen):
        self.waiting.append((0, len(self.waiting), agen, agen.__anext__()))

    def run(self):
        while self.waiting:
            self.waiting.sort(key=lambda w: (w[0], w[1]))
            when, order, agen, aw = self.waiting.pop(0)
            self.now = max(self.now, when)
            try:
                req = aw.send(None)
            except StopIteration as e:
                self.log.append((self.now, e.value))
                self.waiting.append((self.now, order, agen, agen.__anext__()))
                continue
            except StopAsyncIteration:
                self.log.append((self.now, f"{agen.__name__} #{order} done"))
                continue
            self.waiting.append((self.now + req[1], order, agen, aw))


loop = Loop()
loop.add(ticker("fast", 4, 1))
loop.add(ticker("slow", 2, 3))
loop.add(ticker("mid", 3, 2))
loop.run()
for entry in loop.log:
    print(entry)
print("end", loop.now)
