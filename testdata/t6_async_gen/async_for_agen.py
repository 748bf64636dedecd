# async for over async generators, with break, else, nesting and finally timing.
import types


@types.coroutine
def tick():
    yield "tick"


def run(coro):
    ticks = 0
    try:
        while True:
            coro.send(None)
            ticks += 1
    except StopIteration as e:
        return e.value, ticks


async def arange(n, tag="r"):
    try:
        for i in range(n):
            await tick()
            yield i
    finally:
        print(f"  arange {tag} finally")


async def total(n):
    s = 0
    async for v in arange(n, "total"):
        s += v
    else:
        s += 1000
    return s


print(run(total(4)))


async def with_break():
    async for v in arange(10, "break"):
        if v == 2:
            break
    print("  after break")
    return v


print(run(with_break()))


async def nested():
    out = []
    async for a in arange(2, "outer"):
        async for b in arange(2, f"inner{a}"):
            out.append((a, b))
    return out


print(run(nested()))


async def filtered(src, pred):
    async for v in src:
        if pred(v):
            yield v


async def mapped(src, fn):
    async for v in src:
        yield fn(v)


async def pipeline():
    return [v async for v in mapped(filtered(arange(8, "src"), lambda x: x % 3), lambda x: x * 10)]


print(run(pipeline()))


async def explicit_aclose():
    g = arange(5, "explicit")
    async for v in g:
        if v == 1:
            break
    print("  breaking does not close; closing now")
    await g.aclose()
    return "closed"


print(run(explicit_aclose()))
