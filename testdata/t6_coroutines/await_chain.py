# Values sent into the outermost coroutine reach the innermost awaitable.
class Ask:
    def __init__(self, q):
        self.q = q

    def __await__(self):
        answer = yield self.q
        return answer


async def level3(x):
    a = await Ask(f"L3 needs value for {x}")
    return a * 2


async def level2(x):
    r = await level3(x)
    b = await Ask(f"L2 confirm {r}")
    return r if b else -r


async def level1():
    results = []
    for x in "ab":
        results.append(await level2(x))
    return results


c = level1()
answers = [5, True, 7, False]
q = c.send(None)
try:
    while True:
        a = answers.pop(0)
        print(f"{q!r} <- {a!r}")
        q = c.send(a)
except StopIteration as e:
    print("result", e.value)


async def depth(n):
    if n == 0:
        return await Ask("bottom")
    return 1 + await depth(n - 1)


c = depth(100)
print(c.send(None))
try:
    c.send(1000)
except StopIteration as e:
    print("depth result", e.value)


async def fib(n):
    if n < 2:
        return n
    return await fib(n - 1) + await fib(n - 2)


c = fib(15)
try:
    c.send(None)
except StopIteration as e:
    print("fib(15) =", e.value)
