# async with: custom asynchronous context managers driven by hand.
class Step:
    def __await__(self):
        yield "step"


class ACM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print(f"  enter {self.name}")
        await Step()
        return f"<{self.name}>"

    async def __aexit__(self, et, ev, tb):
        print(f"  exit {self.name}: {et.__name__ if et else None} {ev}")
        await Step()
        return self.suppress


def run(coro):
    steps = 0
    try:
        while True:
            coro.send(None)
            steps += 1
    except StopIteration as e:
        return steps, e.value


async def basic():
    async with ACM("a") as a, ACM("b") as b:
        print("  body", a, b)
    return "basic done"


print(run(basic()))


async def suppressing():
    async with ACM("s", suppress=True):
        raise ValueError("hidden")
    return "after suppressed"


print(run(suppressing()))


async def not_suppressing():
    try:
        async with ACM("n"):
            raise KeyError("visible")
    except KeyError as e:
        return f"caught {e}"


print(run(not_suppressing()))


async def returns_inside():
    async with ACM("r"):
        return "returned from body"


print(run(returns_inside()))


class NotACM:
    pass


class SyncOnly:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        pass


for obj in (NotACM(), SyncOnly()):
    async def bad(o=obj):
        async with o:
            pass
    try:
        run(bad())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)


class BadAenter:
    def __aenter__(self):
        return 5

    async def __aexit__(self, *a):
        return False


async def bad_enter():
    async with BadAenter():
        pass


try:
    run(bad_enter())
except TypeError as e:
    print(type(e).__name__, e)


class ExitRaises:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *a):
        raise OSError("exit failed")


async def exit_raises():
    async with ExitRaises():
        raise ValueError("body failed")


try:
    run(exit_raises())
except OSError as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))
