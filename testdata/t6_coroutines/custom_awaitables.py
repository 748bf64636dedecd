# Custom awaitables: __await__ returning iterators, generators, and bad values.
class ListAwait:
    def __init__(self, items, result):
        self.items = items
        self.result = result

    def __await__(self):
        yield from self.items
        return self.result


class IterAwait:
    def __await__(self):
        return iter([1, 2, 3])


class GenMethodAwait:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        total = 0
        for i in range(self.n):
            total += (yield f"step {i}") or 0
        return total


class BadAwait:
    def __await__(self):
        return 42


class AwaitReturnsCoroutine:
    def __await__(self):
        async def inner():
            return 1
        return inner()


class NoAwait:
    pass


def drive(coro, reply=None):
    out = []
    try:
        while True:
            out.append(coro.send(reply if out else None))
    except StopIteration as e:
        return out, e.value
    except Exception as e:
        return out, f"{type(e).__name__}: {e}"


async def use(obj):
    return await obj


print(drive(use(ListAwait(["a", "b"], "list result"))))
print(drive(use(IterAwait())))
print(drive(use(GenMethodAwait(3)), reply=5))
print(drive(use(BadAwait())))
print(drive(use(AwaitReturnsCoroutine())))
print(drive(use(NoAwait())))
print(drive(use(5)))
print(drive(use(None)))
print(drive(use([1, 2])))


class AwaitAttr:
    pass


a = AwaitAttr()
a.__await__ = lambda: iter([])
print(drive(use(a)))


class Inherited(ListAwait):
    def __init__(self):
        super().__init__(["x"], "inherited")


print(drive(use(Inherited())))


async def awaits_many():
    r = []
    for obj in [ListAwait([], 1), ListAwait(["y"], 2), IterAwait()]:
        r.append(await obj)
    return r


print(drive(awaits_many()))
w = ListAwait(["p"], "q").__await__()
print(type(w).__name__, next(w))
try:
    next(w)
except StopIteration as e:
    print("direct __await__ result:", e.value)
