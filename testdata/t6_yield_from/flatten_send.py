# Delegation of many subgenerators sequentially, with counters and send.
def sub(i):
    got = []
    for _ in range(i):
        got.append((yield f"sub{i}"))
    return got


def driver(n):
    collected = {}
    for i in range(n):
        collected[i] = yield from sub(i)
    return collected


g = driver(4)
out = []
msg = None
k = 0
try:
    while True:
        out.append(g.send(msg))
        k += 1
        msg = k
except StopIteration as e:
    print(out)
    print(e.value)


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain("ab", [1, 2], range(3), (x for x in "yz"), {"k": 0})))


def roundrobin(*gens):
    gens = [iter(g) for g in gens]
    while gens:
        nxt = []
        for g in gens:
            try:
                yield next(g)
            except StopIteration:
                continue
            nxt.append(g)
        gens = nxt


print(list(roundrobin("ABC", "D", "EF")))


def count_yields(gen):
    n = 0
    while True:
        try:
            yield next(gen)
            n += 1
        except StopIteration as e:
            return n, e.value


def wrapped():
    r = yield from count_yields(sub_plain())
    yield r


def sub_plain():
    yield "p1"
    yield "p2"
    return "plain ret"


print(list(wrapped()))
