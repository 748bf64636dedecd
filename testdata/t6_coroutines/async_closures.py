# async def in classes, closures, lambdas returning coroutines, decorators.
class Pause:
    def __await__(self):
        yield


def run(coro):
    n = 0
    try:
        while True:
            coro.send(None)
            n += 1
    except StopIteration as e:
        return e.value, n


def make_counter():
    count = 0

    async def incr(by=1):
        nonlocal count
        await Pause()
        count += by
        return count
    return incr


incr = make_counter()
print(run(incr()), run(incr(5)), run(incr()))


class Account:
    def __init__(self, balance):
        self.balance = balance

    async def deposit(self, amount):
        await Pause()
        self.balance += amount
        return self.balance

    @classmethod
    async def open(cls, amount):
        acct = cls(0)
        await acct.deposit(amount)
        return acct

    async def __call__(self, x):
        return await self.deposit(x)


acct, steps = run(Account.open(50))
print(acct.balance, steps)
print(run(acct(25)), run(acct.deposit(-5)))


def logged(fn):
    async def wrapper(*args):
        print(f"  calling {fn.__name__}{args}")
        r = await fn(*args)
        print(f"  {fn.__name__} returned {r}")
        return r
    return wrapper


@logged
async def mul(a, b):
    await Pause()
    return a * b


print(run(mul(6, 7)))

coro_factory = lambda x: mul(x, x)
print(run(coro_factory(9)))


async def make_adders():
    adders = []
    for i in range(3):
        async def add(x, i=i):
            await Pause()
            return x + i
        adders.append(add)
    return [await a(10) for a in adders]


print(run(make_adders()))


async def default_arg_eval(x=[]):
    x.append(len(x))
    return list(x)


print(run(default_arg_eval())[0], run(default_arg_eval())[0])


async def kwonly(*, a, b=2, **rest):
    return a, b, sorted(rest)


print(run(kwonly(a=1, z=3, y=4)))
try:
    kwonly(1)
except TypeError as e:
    print(type(e).__name__, e)
