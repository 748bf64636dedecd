# yield-from chains under the default recursion limit.
import sys

print(sys.getrecursionlimit())


def chain(n):
    if n == 0:
        yield 1
        return 5
    else:
        r = yield from chain(n - 1)
        return r + 1


for depth in (0, 1, 10, 200, 500):
    g = chain(depth)
    first = next(g)
    try:
        next(g)
    except StopIteration as e:
        print(depth, first, e.value)

g = chain(5000)
try:
    next(g)
    print("no error?")
except RecursionError as e:
    print(type(e).__name__, e)

print("still works afterwards:", list(chain(50)))


def recurse(n):
    return 0 if n == 0 else 1 + recurse(n - 1)


try:
    recurse(100000)
except RecursionError as e:
    print(type(e).__name__, e)
print(recurse(300))
