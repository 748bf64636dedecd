# types.coroutine makes generators awaitable; plain generators are not.
import types


@types.coroutine
def tick(label):
    got = yield f"tick {label}"
    return f"{label}:{got}"


def plain_gen():
    yield "plain"
    return "plain result"


async def user():
    a = await tick("a")
    b = await tick("b")
    return a, b


c = user()
print(c.send(None))
print(c.send(1))
try:
    c.send(2)
except StopIteration as e:
    print("result", e.value)


async def uses_plain():
    return await plain_gen()


c = uses_plain()
try:
    c.send(None)
except TypeError as e:
    print(type(e).__name__, e)

wrapped = types.coroutine(plain_gen)
print(wrapped is plain_gen, wrapped.__name__)
print(bool(plain_gen.__code__.co_flags & 0x100))


async def uses_wrapped():
    return await wrapped()


c = uses_wrapped()
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print("wrapped result", e.value)


@types.coroutine
def delegates_to_coroutine():
    r = yield from user()
    return ("delegated", r)


g = delegates_to_coroutine()
print(type(g).__name__, g.send(None), g.send("x"))
try:
    g.send("y")
except StopIteration as e:
    print(e.value)


def not_gen():
    return "not a generator function"


nc = types.coroutine(not_gen)
print(nc())


class AwaitableViaTypes:
    def __await__(self):
        return (yield from tick("cls"))


async def uses_cls():
    return await AwaitableViaTypes()


c = uses_cls()
print(c.send(None))
try:
    c.send("z")
except StopIteration as e:
    print(e.value)


def plain_yield_from_coro():
    yield from user()


try:
    list(plain_yield_from_coro())
except TypeError as e:
    print(type(e).__name__, e)
