# Exceptions raised inside subgenerators propagate through yield from.
def failing(n):
    yield n
    raise ValueError(f"fail {n}")


def tolerant():
    for n in range(3):
        try:
            yield from failing(n)
        except ValueError as e:
            print("  tolerant caught:", e)
            yield f"recovered {n}"
    return "tolerant done"


g = tolerant()
print(list(g))


def strict():
    r = yield from tolerant()
    yield r
    yield from failing(99)


g = strict()
out = []
try:
    for v in g:
        out.append(v)
except ValueError as e:
    print("strict raised:", e)
print(out)


def pep479_inner():
    yield 1
    raise StopIteration("bad")


def pep479_outer():
    try:
        yield from pep479_inner()
    except RuntimeError as e:
        print("  outer sees RuntimeError:", e, "| cause:", repr(e.__cause__))
        yield "handled"


print(list(pep479_outer()))


def chained():
    try:
        yield from failing(7)
    except ValueError as e:
        raise KeyError("wrapped") from e


g = chained()
next(g)
try:
    next(g)
except KeyError as e:
    print(type(e).__name__, e, "cause:", repr(e.__cause__))


def in_finally():
    try:
        yield from failing(1)
    finally:
        print("  in_finally cleanup")


try:
    list(in_finally())
except ValueError as e:
    print("after finally:", e)


def sub_exit():
    yield 1
    raise SystemExit(3)


def top():
    try:
        yield from sub_exit()
    except SystemExit as e:
        print("  caught SystemExit code", e.code)
        yield "survived"


print(list(top()))
