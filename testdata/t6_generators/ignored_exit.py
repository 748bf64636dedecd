# close() when the generator ignores GeneratorExit (yields again).
def stubborn():
    while True:
        try:
            yield "still here"
        except GeneratorExit:
            print("  ignoring GeneratorExit")


g = stubborn()
print(next(g))
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)
print("next after failed close:", next(g))
try:
    g.close()
except RuntimeError as e:
    print("again:", type(e).__name__, e)


def swallow_then_return():
    try:
        yield 1
    except GeneratorExit:
        pass
    print("  after swallow")


g = swallow_then_return()
next(g)
print("close ->", g.close())


def swallow_base():
    try:
        yield 1
    except BaseException as e:
        print("  caught", type(e).__name__)
    yield 2


g = swallow_base()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)


def exit_into_stop():
    try:
        yield 1
    except GeneratorExit:
        raise StopIteration


g = exit_into_stop()
next(g)
try:
    g.close()
    print("closed without error")
except RuntimeError as e:
    print(type(e).__name__, e)


def throw_exit():
    try:
        yield 1
    except GeneratorExit:
        print("  got thrown GeneratorExit")
        yield 2


g = throw_exit()
next(g)
print("throw GeneratorExit ->", g.throw(GeneratorExit))
try:
    g.throw(GeneratorExit())
except GeneratorExit as e:
    print("propagated GeneratorExit", repr(e))
