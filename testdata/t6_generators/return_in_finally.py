# return/break/continue interacting with finally inside generators.
def g1():
    try:
        yield 1
        return "from try"
    finally:
        print("  g1 finally")


print(list(g1()))
g = g1()
next(g)
try:
    next(g)
except StopIteration as e:
    print("g1 value:", e.value)


def g2():
    try:
        yield 1
        raise ValueError("lost")
    finally:
        return "finally wins"


g = g2()
next(g)
try:
    next(g)
except StopIteration as e:
    print("g2 value:", e.value)


def g3():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            yield i
        finally:
            print(f"  g3 finally {i}")
    yield "after loop"


print(list(g3()))


def g4():
    try:
        yield 1
    finally:
        return "swallowed close"


g = g4()
next(g)
print("close g4:", g.close())


def g5():
    try:
        yield 1
    except Exception:
        yield "caught"
    else:
        yield "else"
    finally:
        yield "finally"


print(list(g5()))
g = g5()
next(g)
print(g.throw(KeyError), next(g))


def g6():
    while True:
        try:
            x = yield
            if x == "boom":
                raise RuntimeError("boom")
            print("  g6 got", x)
        except RuntimeError as e:
            print("  g6 handled", e)
        finally:
            print("  g6 finally")


g = g6()
next(g)
g.send("a")
g.send("boom")
g.close()
print("done")
