# inspect.getcoroutinestate and cr_* attributes.
import inspect


class Pause:
    def __await__(self):
        yield "paused"


async def child():
    await Pause()
    return "child done"


async def parent():
    print("  inside parent:", inspect.getcoroutinestate(holder[0]), holder[0].cr_running)
    r = await child()
    return r


holder = []
c = parent()
holder.append(c)
print(inspect.getcoroutinestate(c), c.cr_running, c.cr_await, c.cr_frame is not None)
print(c.__name__, c.__qualname__, c.cr_code.co_name)
print(inspect.iscoroutine(c), inspect.isawaitable(c), inspect.iscoroutinefunction(parent))
print(inspect.iscoroutinefunction(child()), inspect.isgenerator(c), type(c).__name__)
print(c.send(None))
print(inspect.getcoroutinestate(c), type(c.cr_await).__name__, c.cr_await.__qualname__)
inner = c.cr_await
print(inspect.getcoroutinestate(inner), type(inner.cr_await).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("value:", e.value)
print(inspect.getcoroutinestate(c), c.cr_frame, c.cr_await, inspect.getcoroutinestate(inner))


class Klass:
    async def method(self):
        return 1

    @staticmethod
    async def smeth():
        return 2


m = Klass().method()
s = Klass.smeth()
print(m.__qualname__, s.__qualname__, m.cr_code.co_flags & 0x80 != 0)
m.close()
s.close()
print(inspect.getcoroutinestate(m), inspect.getcoroutinestate(s))


def make():
    async def nested():
        pass
    return nested()


n = make()
print(n.__name__, n.__qualname__)
n.__qualname__ = "changed"
print(n.__qualname__)
n.close()
print(inspect.isawaitable(Pause()), inspect.isawaitable(5), inspect.isawaitable(iter([])))
print(hasattr(c, "__await__"), hasattr(c, "__next__"), hasattr(c, "__iter__"))
