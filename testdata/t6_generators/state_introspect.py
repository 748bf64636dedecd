# inspect.getgeneratorstate and gi_* attributes through a generator's life.
import inspect


def gen(n):
    for i in range(n):
        print("  inside:", inspect.getgeneratorstate(g), g.gi_running)
        yield i
    return "end"


g = gen(2)
print(inspect.getgeneratorstate(g))
print(g.gi_running, g.gi_suspended, g.gi_frame is not None, g.gi_yieldfrom)
print(g.gi_code.co_name, g.__name__, g.__qualname__)
print(next(g))
print(inspect.getgeneratorstate(g), g.gi_suspended)
print(g.gi_frame.f_locals["i"], g.gi_frame.f_locals["n"])
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("value", e.value)
print(inspect.getgeneratorstate(g))
print(g.gi_frame is None, g.gi_running, g.gi_suspended)

h = gen(5)
next(h)
h.close()
print("after close:", inspect.getgeneratorstate(h), h.gi_frame)


class Outer:
    def method(self):
        yield 1

    class Inner:
        @staticmethod
        def smethod():
            def local():
                yield 2
            return local()


m = Outer().method()
print(m.__name__, m.__qualname__)
loc = Outer.Inner.smethod()
print(loc.__name__, loc.__qualname__, loc.gi_code.co_name)
loc.__name__ = "renamed"
loc.__qualname__ = "Q.renamed"
print(loc.__name__, loc.__qualname__, loc.gi_code.co_name)
try:
    loc.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)

ge = (x for x in range(3))
print(ge.__name__, ge.__qualname__, inspect.getgeneratorstate(ge))
print(inspect.isgenerator(ge), inspect.isgeneratorfunction(gen), inspect.isgeneratorfunction(len))
print(type(ge).__name__, type(ge) is type(g))
print(bool(gen.__code__.co_flags & inspect.CO_GENERATOR))


def delegator():
    yield from gen(2)


d = delegator()
print("yieldfrom before:", d.gi_yieldfrom)
g = d
next(d)
print("yieldfrom type:", type(d.gi_yieldfrom).__name__, d.gi_yieldfrom.__name__)
print("delegator state:", inspect.getgeneratorstate(d))
g = None
try:
    next(d)
except AttributeError as e:
    print(type(e).__name__, e)
print("after error:", inspect.getgeneratorstate(d), d.gi_yieldfrom)
