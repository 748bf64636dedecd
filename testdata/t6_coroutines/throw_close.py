# throw() and close() on coroutines, including into custom awaitables.
class Waiter:
    def __init__(self, name):
        self.name = name

    def __await__(self):
        try:
            yield f"{self.name} waiting"
        except KeyError as e:
            print(f"  {self.name} handled KeyError {e}")
            return "recovered"
        finally:
            print(f"  {self.name} awaitable finally")
        return "normal"


async def worker():
    try:
        r = await Waiter("w1")
        print("  worker got", r)
        r2 = await Waiter("w2")
        print("  worker got", r2)
    except ValueError as e:
        print("  worker caught ValueError", e)
        return "worker recovered"
    finally:
        print("  worker finally")
    return "worker normal"


c = worker()
print(c.send(None))
print(c.throw(KeyError("k")))
try:
    c.throw(ValueError("v"))
except StopIteration as e:
    print("result:", e.value)

c = worker()
c.send(None)
try:
    c.throw(IndexError("i"))
except IndexError as e:
    print("propagated:", type(e).__name__, e)

c = worker()
c.send(None)
print("close:", c.close())

c = worker()
print("close unstarted:", c.close())


async def ignores_exit():
    while True:
        try:
            await Waiter("stubborn")
        except GeneratorExit:
            print("  ignoring GeneratorExit")


c = ignores_exit()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print(type(e).__name__, e)


class ThrowableIter:
    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        return self.i

    def throw(self, typ, val=None, tb=None):
        print("  ThrowableIter.throw", typ.__name__ if isinstance(typ, type) else type(typ).__name__)
        raise StopIteration("thrown-away")

    def close(self):
        print("  ThrowableIter.close")


class UsesIter:
    def __await__(self):
        return ThrowableIter()


async def uses():
    r = await UsesIter()
    return ("got", r)


c = uses()
print(c.send(None), c.send(None))
try:
    c.throw(OSError)
except StopIteration as e:
    print(e.value)
c = uses()
c.send(None)
c.close()
print("done")
