# The awaitable protocol: __await__ lookups on the type, wrappers and proxies.
class Pause:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        got = yield self.tag
        return (self.tag, got)


class Proxy:
    def __init__(self, target):
        self.target = target

    def __await__(self):
        print("  Proxy.__await__ delegating")
        return self.target.__await__()


class Chained:
    def __init__(self, *parts):
        self.parts = parts

    def __await__(self):
        results = []
        for p in self.parts:
            results.append((yield from p.__await__()))
        return results


async def coro_value(v):
    return await Pause(v)


def run(coro, sends):
    sends = list(sends)
    out = []
    try:
        v = coro.send(None)
        while True:
            out.append(v)
            v = coro.send(sends.pop(0) if sends else None)
    except StopIteration as e:
        return out, e.value


async def main():
    a = await Proxy(Pause("p"))
    b = await Chained(Pause("c1"), Pause("c2"))
    c = await Proxy(coro_value("cv"))
    d = await Chained(coro_value("x"), Proxy(Pause("y")))
    return a, b, c, d


print(run(main(), [1, 2, 3, 4, 5, 6]))


class Meta(type):
    def __await__(cls):
        yield "class-level"
        return cls.__name__


class AwaitableClass(metaclass=Meta):
    pass


async def await_class():
    return await AwaitableClass


print(run(await_class(), []))


class InstanceOnly:
    pass


inst = InstanceOnly()
inst.__await__ = lambda: iter(["instance attr"])


async def await_inst():
    return await inst


try:
    run(await_inst(), [])
except TypeError as e:
    print(type(e).__name__, e)


class AwaitNone:
    __await__ = None


async def await_none():
    return await AwaitNone()


try:
    run(await_none(), [])
except TypeError as e:
    print(type(e).__name__, e)
