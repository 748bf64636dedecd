# async with and async for using hand-written async context managers and iterators.
class Tick:
    def __await__(self):
        yield "tick"


def run(coro):
    ticks = 0
    while True:
        try:
            coro.send(None)
            ticks += 1
        except StopIteration as e:
            print(f"[run] done, {ticks} ticks")
            return e.value


class AsyncResource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print(f"  aenter {self.name}")
        await Tick()
        return self.name.upper()

    async def __aexit__(self, et, ev, tb):
        await Tick()
        print(f"  aexit {self.name} {et.__name__ if et else None} {ev}")
        return self.suppress


class ARange:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await Tick()
        self.i += 1
        return self.i - 1


async def main():
    async with AsyncResource("db") as db:
        print("  using", db)
    async with AsyncResource("quiet", suppress=True):
        raise KeyError("suppressed")
    try:
        async with AsyncResource("loud") as a, AsyncResource("inner") as b:
            print("  nested", a, b)
            raise ValueError("boom")
    except ValueError as e:
        print("  caught", e)
    total = 0
    async for i in ARange(4):
        print("  item", i)
        total += i
    else:
        print("  async for else, total", total)
    async for i in ARange(10):
        if i == 2:
            print("  breaking at", i)
            break
    else:
        print("  not printed")
    async for i in ARange(5):
        if i % 2:
            continue
        print("  even", i)
    squares = [i * i async for i in ARange(5)]
    odd = {i async for i in ARange(6) if i % 2}
    mapping = {i: str(i) async for i in ARange(3)}
    print("  comprehensions", squares, sorted(odd), mapping)
    return total


print("main returned", run(main()))


async def early_return():
    async with AsyncResource("ret"):
        async for i in ARange(3):
            if i == 1:
                return f"returned at {i}"
    return "unreachable"


print(run(early_return()))
try:
    async def bad_with():
        async with 5:
            pass
    run(bad_with())
except TypeError as e:
    print("TypeError:", e)
try:
    async def bad_for():
        async for _ in [1, 2]:
            pass
    run(bad_for())
except TypeError as e:
    print("TypeError:", e)
