# asend() values combined with awaits inside the async generator.
import types


@types.coroutine
def request(what):
    reply = yield ("request", what)
    return reply


async def accumulator():
    total = 0
    while True:
        x = yield total
        if x is None:
            continue
        bonus = await request(f"bonus for {x}")
        total += x + bonus


def drive(aw, bonus_fn):
    out = None
    try:
        msg = aw.send(None)
        while True:
            print("   driver answering", msg)
            msg = aw.send(bonus_fn(msg[1]))
    except StopIteration as e:
        out = e.value
    return out


g = accumulator()
print(drive(g.asend(None), None))
for v in (1, 10, 100):
    print("total", drive(g.asend(v), lambda m: len(m)))
print(drive(g.asend(None), None))
aw = g.asend(5)
try:
    aw.throw(KeyError("rejected bonus"))
except KeyError as e:
    print("bonus request failed:", e)
try:
    g.asend(None).send(None)
except StopAsyncIteration:
    print("accumulator is finished")


async def running_max():
    best = None
    v = yield
    while True:
        if best is None or v > best:
            best = v
        v = yield best


g = running_max()
results = []
for v in [None, 3, 1, 4, 1, 5, 9, 2, 6]:
    try:
        g.asend(v).send(None)
    except StopIteration as e:
        results.append(e.value)
print(results)
