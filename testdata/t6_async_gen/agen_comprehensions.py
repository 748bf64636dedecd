# Async comprehensions over async generators.
import types


@types.coroutine
def pause(v):
    r = yield v
    return r


def run(coro):
    n = 0
    try:
        while True:
            coro.send(None)
            n += 1
    except StopIteration as e:
        return e.value, n


async def agen(items):
    for x in items:
        yield x


async def double(x):
    await pause(x)
    return x * 2


async def main():
    a = [x async for x in agen(range(5))]
    b = [x async for x in agen(range(10)) if x % 3 == 0]
    c = {x: y async for x, y in agen([("a", 1), ("b", 2)])}
    d = {x % 3 async for x in agen(range(10))}
    e = [await double(x) async for x in agen([1, 2, 3])]
    f = [(x, y) async for x in agen("ab") for y in range(2)]
    g = [(x, y) for x in range(2) async for y in agen("cd")]
    h = [[y async for y in agen(range(x))] for x in range(3)]
    return a, b, c, sorted(d), e, f, g, h


result, steps = run(main())
for item in result:
    print(item)
print("steps", steps)


async def genexp():
    ge = (x * x async for x in agen(range(4)))
    print("  ", type(ge).__name__)
    first = await ge.__anext__()
    rest = [v async for v in ge]
    return first, rest


print(run(genexp()))


async def lazy():
    log = []

    async def src():
        for i in range(3):
            log.append(f"produce {i}")
            yield i

    ge = (log.append(f"consume {x}") or x async for x in src())
    log.append("genexp created")
    vals = [v async for v in ge]
    return vals, log


print(run(lazy()))
