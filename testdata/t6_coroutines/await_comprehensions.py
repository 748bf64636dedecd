# await inside comprehensions and async comprehensions in coroutines.
class Val:
    def __init__(self, v):
        self.v = v

    def __await__(self):
        yield f"await {self.v}"
        return self.v


class AIter:
    def __init__(self, items):
        self.items = list(items)

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.items:
            raise StopAsyncIteration
        return await Val(self.items.pop(0))


def run(coro):
    yielded = []
    try:
        while True:
            yielded.append(coro.send(None))
    except StopIteration as e:
        return len(yielded), e.value


async def double(x):
    return await Val(x * 2)


async def main():
    a = [await Val(i) for i in range(3)]
    b = {k: await double(k) for k in "ab"}
    c = {await Val(i % 2) for i in range(4)}
    d = [x async for x in AIter([5, 6, 7]) if x != 6]
    e = {x: x * x async for x in AIter(range(3))}
    f = [await double(x) async for x in AIter([1, 2])]
    g = [[await Val(i * j) for j in range(2)] for i in range(2)]
    return a, b, sorted(c), d, e, f, g


print(run(main()))


async def gen_in_coro():
    agen = (await double(x) for x in range(3))
    print("  type:", type(agen).__name__)
    return [v async for v in agen]


print(run(gen_in_coro()))


async def conditional():
    return [x for x in range(6) if await Val(x % 3 == 0)]


print(run(conditional()))


async def exc_in_comp():
    try:
        return [await Val(1 // x) for x in (1, 0)]
    except ZeroDivisionError as e:
        return f"{type(e).__name__}: {e}"


print(run(exc_in_comp()))

try:
    exec("def f():\n    return [await x for x in y]\n")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    exec("def f():\n    return [x async for x in y]\n")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
