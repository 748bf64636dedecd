# Subiterator close()/throw() that raise or misbehave during delegation.
class BadClose:
    def __iter__(self):
        return self

    def __next__(self):
        return "bc"

    def close(self):
        raise OSError("close failed")


def deleg(it):
    try:
        yield from it
    finally:
        print("  deleg finally")


g = deleg(BadClose())
print(next(g))
try:
    g.close()
except OSError as e:
    print(type(e).__name__, e, "| context:", type(e.__context__).__name__)


class ThrowReturns:
    def __iter__(self):
        return self

    def __next__(self):
        return "tr"

    def throw(self, *args):
        print("  ThrowReturns.throw got", len(args), "args:", args[0].__name__ if isinstance(args[0], type) else type(args[0]).__name__)
        raise StopIteration("handled by throw")


def outer(it):
    r = yield from it
    yield ("returned", r)


g = outer(ThrowReturns())
print(next(g))
print(g.throw(ValueError("boom")))


class NonCallableClose:
    close = 5

    def __iter__(self):
        return self

    def __next__(self):
        return 1


g = outer(NonCallableClose())
next(g)
try:
    g.close()
except TypeError as e:
    print(type(e).__name__, e)


class ThrowRaisesOther:
    def __iter__(self):
        return self

    def __next__(self):
        return "tro"

    def throw(self, *a):
        raise KeyError("different")


g = outer(ThrowRaisesOther())
next(g)
try:
    g.throw(ValueError("orig"))
except KeyError as e:
    print("got", type(e).__name__, e)


def gen_ignores_exit():
    while True:
        try:
            yield "sub"
        except GeneratorExit:
            print("  sub ignoring exit")


g = outer(gen_ignores_exit())
next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)
print("outer frame:", g.gi_frame is None)
try:
    g.throw(GeneratorExit)
except (RuntimeError, GeneratorExit) as e:
    print("throw GeneratorExit:", type(e).__name__, e)
