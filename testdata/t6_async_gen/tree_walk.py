# Recursive async generators walking nested structures.
import types


@types.coroutine
def pause():
    yield


def run(coro):
    steps = 0
    try:
        while True:
            coro.send(None)
            steps += 1
    except StopIteration as e:
        return e.value, steps


async def walk(node, depth=0):
    await pause()
    if isinstance(node, dict):
        for k in sorted(node):
            yield depth, k
            async for item in walk(node[k], depth + 1):
                yield item
    elif isinstance(node, list):
        for x in node:
            async for item in walk(x, depth + 1):
                yield item
    else:
        yield depth, node


data = {"b": [1, {"c": 2}], "a": {"x": [3, 4], "y": 5}}


async def main():
    return [item async for item in walk(data)]


items, steps = run(main())
for d, v in items:
    print("  " * d + str(v))
print("steps", steps)


async def chain(n):
    if n == 0:
        yield "bottom"
        return
    async for v in chain(n - 1):
        yield f"{v}<{n}"


async def deep():
    out = [v async for v in chain(60)]
    return len(out), out[0][-12:]


print(run(deep()))


async def count_down(n):
    while n:
        yield n
        n -= 1


async def merge(*gens):
    for g in gens:
        async for v in g:
            yield v


async def merged():
    return [v async for v in merge(count_down(3), count_down(2), merge(count_down(1)))]


print(run(merged()))
