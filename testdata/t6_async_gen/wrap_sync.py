# Async generators wrapping sync generators and iterators, and vice versa.
import types


@types.coroutine
def pause(tag):
    yield tag


def sync_gen(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("  sync_gen finally")


async def to_async(it, tag):
    for x in it:
        await pause(f"{tag} {x}")
        yield x


def run(coro):
    trace = []
    try:
        while True:
            trace.append(coro.send(None))
    except StopIteration as e:
        return e.value, trace


async def main():
    out = [x async for x in to_async(sync_gen(3), "s")]
    out2 = [x async for x in to_async(iter("ab"), "str")]
    out3 = [x async for x in to_async({"k": 1}.items(), "dict")]
    return out, out2, out3


print(run(main()))


def to_sync(agen):
    while True:
        aw = agen.__anext__()
        try:
            while True:
                aw.send(None)
        except StopIteration as e:
            yield e.value
        except StopAsyncIteration:
            return


print(list(to_sync(to_async(range(4), "r"))))
g = to_sync(to_async(sync_gen(5), "partial"))
print(next(g), next(g))
g.close()
print("closed sync wrapper")


async def zip_async(a, b):
    ia, ib = a.__aiter__(), b.__aiter__()
    while True:
        try:
            x = await ia.__anext__()
            y = await ib.__anext__()
        except StopAsyncIteration:
            return
        yield x, y


async def zipped():
    return [p async for p in zip_async(to_async("xyz", "l"), to_async(range(2), "r"))]


print(run(zipped()))
