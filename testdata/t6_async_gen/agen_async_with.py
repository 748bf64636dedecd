# Async generators using async with, and async-generator-based context managers.
import types


@types.coroutine
def pause(tag):
    yield tag


def run(coro):
    trace = []
    try:
        while True:
            trace.append(coro.send(None))
    except StopIteration as e:
        return e.value, trace


class Resource:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await pause(f"open {self.name}")
        print(f"  opened {self.name}")
        return self

    async def __aexit__(self, et, ev, tb):
        await pause(f"close {self.name}")
        print(f"  closed {self.name} ({et.__name__ if et else 'clean'})")
        return False


async def lines(name, n):
    async with Resource(name) as r:
        for i in range(n):
            yield f"{r.name}-line{i}"


async def main():
    out = []
    async for line in lines("fileA", 2):
        out.append(line)
    g = lines("fileB", 5)
    out.append(await g.__anext__())
    await g.aclose()
    return out


print(run(main()))


class asynccontextmanager:
    def __init__(self, fn):
        self.fn = fn

    def __call__(self, *args):
        return _ACM(self.fn(*args))


class _ACM:
    def __init__(self, gen):
        self.gen = gen

    async def __aenter__(self):
        return await self.gen.__anext__()

    async def __aexit__(self, et, ev, tb):
        if et is None:
            try:
                await self.gen.__anext__()
            except StopAsyncIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            await self.gen.athrow(ev)
        except StopAsyncIteration:
            return True
        except BaseException as e:
            if e is ev:
                return False
            raise
        raise RuntimeError("generator didn't stop after athrow")


@asynccontextmanager
async def transaction(name):
    print(f"  begin {name}")
    try:
        yield f"tx-{name}"
        print(f"  commit {name}")
    except ValueError as e:
        print(f"  rollback {name}: {e}")


async def use_tx():
    async with transaction("t1") as tx:
        print("  using", tx)
    async with transaction("t2") as tx:
        raise ValueError("bad data")
    try:
        async with transaction("t3"):
            raise KeyError("not handled")
    except KeyError as e:
        print("  KeyError escaped:", e)
    return "tx done"


print(run(use_tx()))
