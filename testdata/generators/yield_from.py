# yield from chains three deep: values, return values, send/throw/close forwarding.
def leaf(name, n):
    print(f"    leaf {name} start")
    total = 0
    for i in range(n):
        received = yield f"{name}:{i}"
        if received is not None:
            print(f"    leaf {name} received {received!r}")
            total += received
    print(f"    leaf {name} end")
    return total


def middle(name):
    print(f"  middle {name} start")
    r1 = yield from leaf(name + ".a", 2)
    r2 = yield from leaf(name + ".b", 1)
    print(f"  middle {name} results {r1} {r2}")
    return r1 + r2


def top():
    print("top start")
    x = yield from middle("m1")
    y = yield from middle("m2")
    print("top results", x, y)
    return x * 100 + y


g = top()
print("first:", next(g))
step = 0
try:
    while True:
        step += 1
        value = g.send(step if step % 2 else None)
        print("got:", value)
except StopIteration as e:
    print("top returned", e.value)


def leaf_catch():
    while True:
        try:
            yield "leaf waiting"
        except ValueError as e:
            print("    leaf handled", e)
            return "leaf recovered"


def middle_catch():
    result = yield from leaf_catch()
    print("  middle sees", result)
    yield "middle after leaf"
    return "middle done"


def top_catch():
    result = yield from middle_catch()
    print("top sees", result)
    return "all done"


t = top_catch()
print(next(t))
print(t.throw(ValueError("injected")))
try:
    next(t)
except StopIteration as e:
    print("stop:", e.value)


def leaf_close():
    try:
        yield 1
        yield 2
    finally:
        print("    leaf_close cleanup")


def mid_close():
    try:
        yield from leaf_close()
    finally:
        print("  mid_close cleanup")


def top_close():
    try:
        yield from mid_close()
    finally:
        print("top_close cleanup")


tc = top_close()
print(next(tc))
tc.close()
print("closed chain")
t2 = top_close()
next(t2)
try:
    t2.throw(KeyError("unhandled"))
except KeyError as e:
    print("KeyError propagated out", e)


def delegate_iterables():
    yield from [1, 2]
    yield from "ab"
    yield from (x * x for x in range(3))
    yield from {"k": 1}
    r = yield from range(0)
    return r


print(list(delegate_iterables()))


def sub_returns():
    return "immediate"
    yield


def uses_sub():
    v = yield from sub_returns()
    yield v


print(list(uses_sub()))
