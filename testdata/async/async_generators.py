# Async generators: async for over them, asend/athrow/aclose, finally blocks, async comprehensions.
class Tick:
    def __init__(self, label):
        self.label = label

    def __await__(self):
        return (yield self.label)


def run(coro):
    trace = []
    while True:
        try:
            trace.append(coro.send(None))
        except StopIteration as e:
            print("[run] yields:", trace)
            return e.value


async def countdown(n):
    try:
        while n > 0:
            await Tick(f"cd{n}")
            yield n
            n -= 1
    finally:
        print("  countdown finally, n =", n)


async def echo():
    received = []
    try:
        while True:
            try:
                value = yield len(received)
            except ValueError as e:
                print("  echo got ValueError", e)
                value = "error"
            received.append(value)
    finally:
        print("  echo finally", received)


async def main():
    out = []
    async for v in countdown(3):
        out.append(v)
    print("  collected", out)
    agen = countdown(5)
    print("  types", type(agen).__name__, agen.__name__)
    first = await agen.__anext__()
    second = await anext(agen)
    print("  first two", first, second)
    await agen.aclose()
    print("  after aclose")
    try:
        await agen.__anext__()
    except StopAsyncIteration:
        print("  StopAsyncIteration after aclose")
    e = echo()
    print("  start", await e.asend(None))
    print("  send a", await e.asend("a"))
    print("  send b", await e.asend("b"))
    print("  throw", await e.athrow(ValueError("bad")))
    await e.aclose()
    print("  doubled", [x * 2 async for x in countdown(3)])
    print("  filtered", [x async for x in countdown(6) if x % 3 == 0])
    print("  default anext", await anext(countdown(0), "empty"))
    return "main done"


print(run(main()))


async def gen_with_return():
    yield 1
    return


async def consume():
    items = []
    async for x in gen_with_return():
        items.append(x)
    return items


print(run(consume()))
ag = countdown(2)
step = ag.__anext__()
print(type(step).__name__, step.send(None))
try:
    step.send(None)
except StopIteration as e:
    print("anext value via StopIteration:", e.value)
closer = ag.aclose()
try:
    closer.send(None)
except StopIteration:
    print("aclose finished synchronously")
