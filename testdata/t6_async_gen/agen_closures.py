# Async generators as closures, methods, with default args and decorators.
import types


@types.coroutine
def pause():
    yield


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


def make_source(prefix):
    count = 0

    async def source(n):
        nonlocal count
        for i in range(n):
            count += 1
            await pause()
            yield f"{prefix}{i}"

    def produced():
        return count

    return source, produced


src, produced = make_source("item")


async def collect(agen):
    return [x async for x in agen]


print(run(collect(src(3))), produced())
print(run(collect(src(2))), produced())


def take(n):
    def deco(fn):
        async def wrapper(*a, **k):
            i = 0
            async for v in fn(*a, **k):
                if i >= n:
                    break
                yield v
                i += 1
        wrapper.__name__ = fn.__name__
        return wrapper
    return deco


@take(4)
async def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1


print(naturals.__name__, run(collect(naturals())), run(collect(naturals(10))))


class Store:
    def __init__(self, data):
        self.data = data

    async def items(self, *, reverse=False):
        keys = sorted(self.data, reverse=reverse)
        for k in keys:
            await pause()
            yield k, self.data[k]

    @staticmethod
    async def constant(v, times):
        for _ in range(times):
            yield v


s = Store({"b": 2, "a": 1, "c": 3})
print(run(collect(s.items())), run(collect(s.items(reverse=True))))
print(run(collect(Store.constant("z", 3))))
gens = [run(collect(g)) for g in (src(1), naturals(5), Store.constant(0, 2))]
print(gens, produced())
