# throw(GeneratorExit) and other BaseExceptions into delegation chains.
def inner():
    try:
        yield "inner"
    except GeneratorExit:
        print("  inner got GeneratorExit")
        raise
    finally:
        print("  inner finally")


def outer():
    try:
        yield from inner()
    except GeneratorExit:
        print("  outer got GeneratorExit")
        yield "outer survived"
    yield "outer end"


g = outer()
next(g)
print(g.throw(GeneratorExit))
print(next(g))

g = outer()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)


def catch_all():
    try:
        yield from inner()
    except BaseException as e:
        print("  catch_all saw", type(e).__name__)
        raise


for exc in (KeyboardInterrupt, SystemExit, GeneratorExit):
    g = catch_all()
    next(g)
    try:
        g.throw(exc)
    except BaseException as e:
        print("escaped", type(e).__name__)


def inner_returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "ret on exit"


def o2():
    r = yield from inner_returns_on_exit()
    print("  o2 got", r)
    yield "o2 continues"


g = o2()
next(g)
try:
    g.close()
    print("close ok")
except RuntimeError as e:
    print(type(e).__name__, e)
g = o2()
next(g)
try:
    print(g.throw(GeneratorExit))
except GeneratorExit:
    print("GeneratorExit propagated")
