# The anext() and aiter() builtins, with and without defaults.
import types


@types.coroutine
def pause():
    yield "p"


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


async def agen(n):
    for i in range(n):
        await pause()
        yield i


async def main():
    g = agen(2)
    out = [await anext(g), await anext(g)]
    out.append(await anext(g, "default"))
    out.append(await anext(g, None))
    try:
        await anext(g)
    except StopAsyncIteration:
        out.append("StopAsyncIteration")
    it = aiter(agen(3))
    out.append([x async for x in it])
    return out


print(run(main()))


class Counter:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        self.i = 0
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


async def with_class():
    it = aiter(Counter(2))
    return [await anext(it), await anext(it), await anext(it, "end")]


print(run(with_class()))

for bad in (5, [1], "s"):
    try:
        aiter(bad)
    except TypeError as e:
        print("aiter:", type(e).__name__, e)
    try:
        anext(bad)
    except TypeError as e:
        print("anext:", type(e).__name__, e)

try:
    anext()
except TypeError as e:
    print(type(e).__name__, e)

aw = anext(agen(1), "dflt")
print(type(aw).__name__)
print(aw.send(None))
try:
    aw.send(None)
except StopIteration as e:
    print("value", e.value)

aw = anext(agen(0), "dflt")
try:
    aw.send(None)
except StopIteration as e:
    print("default via StopIteration:", e.value)
