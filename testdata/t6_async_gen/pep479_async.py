# StopIteration / StopAsyncIteration raised inside async generators.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


async def raises_sai():
    yield 1
    raise StopAsyncIteration("explicit")


async def raises_si():
    yield 1
    raise StopIteration("explicit si")


async def consume(agen):
    out = []
    try:
        async for v in agen:
            out.append(v)
    except RuntimeError as e:
        out.append(f"{type(e).__name__}: {e} (cause {e.__cause__!r})")
    return out


print(run(consume(raises_sai())))
print(run(consume(raises_si())))


async def next_inside():
    it = iter([1])
    while True:
        yield next(it)


print(run(consume(next_inside())))


async def catches_own():
    try:
        raise StopAsyncIteration
    except StopAsyncIteration:
        yield "caught inside is fine"


print(run(consume(catches_own())))


async def empty():
    return
    yield


print(run(consume(empty())))


async def athrow_sai():
    try:
        yield 1
    except ValueError:
        raise StopAsyncIteration


g = athrow_sai()
try:
    g.__anext__().send(None)
except StopIteration:
    pass
try:
    g.athrow(ValueError).send(None)
except RuntimeError as e:
    print(type(e).__name__, e)

for src in ("async def f():\n    yield 1\n    return 2\n",
            "async def f():\n    yield from [1]\n"):
    try:
        exec(src)
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
