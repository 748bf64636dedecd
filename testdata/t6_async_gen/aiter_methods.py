# Classes whose __aiter__ is an async generator method.
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


class Tree:
    def __init__(self, val, *kids):
        self.val = val
        self.kids = kids

    async def __aiter__(self):
        await pause()
        yield self.val
        for k in self.kids:
            async for v in k:
                yield v


class Paginated:
    def __init__(self, pages):
        self.pages = pages

    async def fetch(self, i):
        await pause()
        return self.pages[i] if i < len(self.pages) else None

    async def __aiter__(self):
        i = 0
        while (page := await self.fetch(i)) is not None:
            for item in page:
                yield item
            i += 1


async def main():
    t = Tree(1, Tree(2, Tree(3)), Tree(4))
    vals = [v async for v in t]
    p = Paginated([["a", "b"], [], ["c"]])
    items = [x async for x in p]
    twice = [x async for x in p]
    it = t.__aiter__()
    return vals, items, twice, type(it).__name__


print(run(main()))


class Broken:
    def __aiter__(self):
        return self

    def __anext__(self):
        return None


async def use_broken():
    try:
        async for _ in Broken():
            pass
    except TypeError as e:
        return f"{type(e).__name__}: {e}"


print(run(use_broken()))


class AwaitableNext:
    def __init__(self):
        self.n = 0

    def __aiter__(self):
        return self

    def __anext__(self):
        self.n += 1
        return Step(self.n)


class Step:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        yield
        if self.n > 3:
            raise StopAsyncIteration
        return self.n * 11


async def use_awaitable_next():
    return [v async for v in AwaitableNext()]


print(run(use_awaitable_next()))
