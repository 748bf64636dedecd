# A 10,000-deep yield-from chain with a raised recursion limit.
import sys

sys.setrecursionlimit(20000)


def chain(n):
    if n == 0:
        yield 1
        return 5
    else:
        r = yield from chain(n - 1)
        return r + 1


g = chain(10000)
print("first:", next(g))
try:
    next(g)
except StopIteration as e:
    print("value:", e.value)
except RecursionError as e:
    print("RecursionError", e)


def echo_chain(n):
    if n == 0:
        total = 0
        while True:
            x = yield total
            if x is None:
                return total
            total += x
    return (yield from echo_chain(n - 1))


g = echo_chain(3000)
print(next(g), g.send(4), g.send(6))
try:
    g.send(None)
except StopIteration as e:
    print("echo value:", e.value)

g = echo_chain(3000)
next(g)
try:
    g.throw(KeyError("deep"))
except KeyError as e:
    print("thrown through 3000 levels:", e)
print("closed:", g.gi_frame is None)


def fin_chain(n, log):
    try:
        if n == 0:
            yield "bottom"
        else:
            yield from fin_chain(n - 1, log)
    finally:
        log.append(n)


log = []
g = fin_chain(2000, log)
print(next(g))
g.close()
print(len(log), log[:3], log[-3:])
