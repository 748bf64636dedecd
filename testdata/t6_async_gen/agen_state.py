# Async generator attributes: ag_running, ag_frame, ag_await, ag_code, names.
import inspect
import types


@types.coroutine
def pause():
    yield "paused"


async def agen():
    print("  inside: ag_running =", holder[0].ag_running)
    yield 1
    await pause()
    yield 2


holder = []
g = agen()
holder.append(g)
print(type(g).__name__, g.__name__, g.__qualname__, g.ag_code.co_name)
print(g.ag_running, g.ag_frame is not None, g.ag_await)
print(inspect.isasyncgen(g), inspect.isasyncgenfunction(agen), inspect.isgenerator(g))
print(inspect.iscoroutinefunction(agen), inspect.isawaitable(g))
try:
    g.__anext__().send(None)
except StopIteration as e:
    print("got", e.value)
print("after yield:", g.ag_running)
aw = g.__anext__()
print(aw.send(None), "ag_running while awaiting:", g.ag_running)
print("ag_await:", type(g.ag_await).__name__)
try:
    g.__anext__().send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    aw.send(None)
except StopIteration as e:
    print("got", e.value)
print(g.ag_running, g.ag_await)
try:
    g.__anext__().send(None)
except StopAsyncIteration:
    print("exhausted; ag_frame is None:", g.ag_frame is None)


class K:
    async def meth(self):
        yield self


m = K().meth()
print(m.__qualname__, type(m).__name__)
print(g.__aiter__() is g, hasattr(g, "__anext__"), hasattr(g, "__next__"), hasattr(g, "__iter__"))
try:
    iter(g)
except TypeError as e:
    print(type(e).__name__, e)
try:
    for x in agen():
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(bool(agen.__code__.co_flags & inspect.CO_ASYNC_GENERATOR))
