# yield as an expression in many positions.
def g1():
    x = yield
    print("  x =", x)
    y = (yield 1) + (yield 2)
    print("  y =", y)
    z = [(yield "a"), (yield "b")]
    print("  z =", z)
    d = {(yield "k"): (yield "v")}
    print("  d =", d)
    print("  call:", str((yield "arg")))
    w = yield from_val if (from_val := (yield "cond")) else "no"
    print("  w =", w)


g = g1()
out = [next(g)]
for v in [10, 20, 30, "A", "B", "key", "val", 99, "truthy", "w-val"]:
    try:
        out.append(g.send(v))
    except StopIteration:
        out.append("STOP")
print(out)


def g2():
    lst = []
    while len(lst) < 3:
        lst.append((yield len(lst)) * 2)
    return lst


g = g2()
next(g)
try:
    g.send(1)
    g.send(2)
    g.send(3)
except StopIteration as e:
    print("g2 ->", e.value)


def g3():
    a = yield
    b = yield a
    c = yield a, b
    yield -(yield) if c else None


g = g3()
print(next(g), g.send(1), g.send(2), g.send(True), g.send(7))


def g4():
    total = 0
    for i in range(3):
        total += yield i
    yield total


g = g4()
print(next(g), g.send(10), g.send(20), g.send(30))


def g5():
    print("  lambda in gen:", (lambda: 5)())
    yield [i for i in range(3)]
    yield (lambda: (yield))


g = g5()
print(next(g))
lam = next(g)
inner = lam()
print(type(inner).__name__, next(inner))


def g6():
    x = yield "first"
    while x:
        x = yield x[1:]


print(list(zip(range(10), [next(g := g6()), g.send("abc"), g.send("bc"), g.send("c")])))
try:
    g.send("")
except StopIteration:
    print("g6 finished on empty")
