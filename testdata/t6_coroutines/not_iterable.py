# Coroutine objects are not iterators; __await__ returns a wrapper.
class Pause:
    def __await__(self):
        x = yield "pause"
        return x


async def coro():
    v = await Pause()
    return f"coro got {v}"


c = coro()
for fn in (iter, next, list):
    try:
        fn(c)
    except TypeError as e:
        print(fn.__name__, type(e).__name__, e)
try:
    for _ in c:
        pass
except TypeError as e:
    print("for:", e)

w = c.__await__()
print(type(w).__name__, iter(w) is w)
print(next(w))
try:
    w.send("via wrapper")
except StopIteration as e:
    print("wrapper result:", e.value)
try:
    next(w)
except RuntimeError as e:
    print(type(e).__name__, e)

c2 = coro()
w2 = c2.__await__()
w2.send(None)
try:
    w2.throw(ValueError("through wrapper"))
except ValueError as e:
    print("wrapper throw:", e)
c3 = coro()
w3 = c3.__await__()
next(w3)
w3.close()
print("wrapper close ok, frame gone:", c3.cr_frame is None)


def gen_yield_from_wrapper():
    return (yield from coro().__await__())


g = gen_yield_from_wrapper()
print(next(g))
try:
    g.send(123)
except StopIteration as e:
    print(e.value)

try:
    len(coro.__code__.co_name)
    print("await outside async:", end=" ")
    exec("def f():\n    await x\n")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    exec("async def f():\n    yield from x\n")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
