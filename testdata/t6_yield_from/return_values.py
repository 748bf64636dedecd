# Return values travel through yield-from chains as StopIteration.value.
def leaf(v):
    yield f"leaf {v!r}"
    return v


def level(n, v):
    if n == 0:
        r = yield from leaf(v)
    else:
        r = yield from level(n - 1, v)
    return r


for v in [None, 0, "s", (1, 2), [3], StopIteration(9), ValueError("as value")]:
    g = level(3, v)
    y = next(g)
    try:
        next(g)
    except StopIteration as e:
        print(y, "->", repr(e.value), e.args == (v,) if v is not None else e.args)


def no_yield():
    return "immediate"
    yield


def wrapper():
    r = yield from no_yield()
    print("  wrapper got", r)
    r2 = yield from ()
    print("  empty tuple gives", r2)
    r3 = yield from iter([])
    print("  empty iter gives", r3)
    return r


print(list(wrapper()))
g = wrapper()
try:
    next(g)
except StopIteration as e:
    print("value", e.value)


def summing():
    total = 0
    while True:
        x = yield
        if x is None:
            return total
        total += x


def grouper(results, key):
    while True:
        results[key] = yield from summing()


results = {}
for key, values in [("a", [1, 2, 3]), ("b", [10, 20]), ("a", [100])]:
    grp = grouper(results, key)
    next(grp)
    for v in values:
        grp.send(v)
    grp.send(None)
print(results)


def collect():
    got = []
    while True:
        r = yield from gen_return_list(len(got))
        got.append(r)
        if len(got) == 3:
            return got


def gen_return_list(i):
    yield i
    return [i] * i


g = collect()
print([x for x in g])
try:
    g = collect()
    while True:
        next(g)
except StopIteration as e:
    print("collected", e.value)


def ret_stopiter():
    yield 1
    return StopIteration("inner")


def outer_si():
    x = yield from ret_stopiter()
    return type(x).__name__, x.args


g = outer_si()
next(g)
try:
    next(g)
except StopIteration as e:
    print(e.value)
