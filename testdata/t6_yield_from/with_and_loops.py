# yield from inside loops, with-blocks and try/else.
class Res:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print(f"  open {self.name}")
        return self

    def __exit__(self, et, ev, tb):
        print(f"  close {self.name} ({et.__name__ if et else 'ok'})")
        return et is KeyError


def numbers(n):
    for i in range(n):
        yield i
    return n * 10


def uses_with(tag, n):
    with Res(tag):
        r = yield from numbers(n)
    return r


def loops():
    results = []
    for n in range(1, 4):
        r = yield from uses_with(f"r{n}", n)
        results.append(r)
    else:
        yield "loop else"
    return results


g = loops()
print(list(g))
g = loops()
try:
    while True:
        next(g)
except StopIteration as e:
    print("results", e.value)

g = uses_with("k", 5)
next(g)
print("throw KeyError ->", end=" ")
try:
    g.throw(KeyError("suppressed"))
except StopIteration as e:
    print("StopIteration", e.value)
except UnboundLocalError as e:
    print(type(e).__name__, e)

g = uses_with("v", 5)
next(g)
try:
    g.throw(ValueError("not suppressed"))
except ValueError as e:
    print("ValueError escaped:", e)

g = uses_with("c", 5)
next(g)
g.close()
print("closed")


def while_deleg():
    n = 0
    while n < 3:
        got = yield from numbers(n)
        n += 1
        if got == 10:
            continue
        yield ("got", got)


print(list(while_deleg()))


def try_else():
    try:
        r = yield from numbers(2)
    except Exception:
        yield "except"
    else:
        yield f"else {r}"
    finally:
        yield "finally"


print(list(try_else()))
