# async for with custom asynchronous iterators, driven by hand.
class Step:
    def __await__(self):
        yield "step"


class ARange:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Step()
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i - 1


def run(coro):
    steps = 0
    try:
        while True:
            coro.send(None)
            steps += 1
    except StopIteration as e:
        return steps, e.value


async def collect(n):
    out = []
    async for x in ARange(n):
        out.append(x)
    else:
        out.append("else")
    return out


print(run(collect(3)))
print(run(collect(0)))


async def with_break():
    out = []
    async for x in ARange(10):
        if x == 2:
            continue
        if x == 4:
            break
        out.append(x)
    else:
        out.append("no else after break")
    return out


print(run(with_break()))


class NoAiter:
    pass


class AiterNotAsync:
    def __aiter__(self):
        return iter([1])


class SyncAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 7


for obj in (NoAiter(), [1, 2], AiterNotAsync(), SyncAnext()):
    async def bad(o=obj):
        async for x in o:
            return x
    try:
        print(run(bad()))
    except TypeError as e:
        print(type(e).__name__, e)


class RaisingANext:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise ValueError("anext failed")


async def catches():
    try:
        async for x in RaisingANext():
            pass
    except ValueError as e:
        return f"caught {e}"


print(run(catches()))


class Ticker:
    def __init__(self, values):
        self.values = list(values)

    def __aiter__(self):
        return TickerIter(self.values)


class TickerIter:
    def __init__(self, values):
        self.values = values
        self.pos = 0

    async def __anext__(self):
        if self.pos >= len(self.values):
            raise StopAsyncIteration("done")
        v = self.values[self.pos]
        self.pos += 1
        await Step()
        return v


async def nested():
    pairs = []
    async for a in Ticker("ab"):
        async for b in Ticker([1, 2]):
            pairs.append(f"{a}{b}")
    return pairs


print(run(nested()))
