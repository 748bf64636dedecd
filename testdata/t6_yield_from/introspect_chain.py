# gi_yieldfrom, gi_running and generator states along a delegation chain.
import inspect

gens = {}


def inner():
    print("  inner states:", [inspect.getgeneratorstate(gens[k]) for k in "omi"])
    print("  running flags:", [gens[k].gi_running for k in "omi"])
    yield "in inner"
    return "inner result"


def middle():
    gens["i"] = inner()
    r = yield from gens["i"]
    yield f"middle after {r}"


def outer():
    gens["m"] = middle()
    yield from gens["m"]
    yield "outer tail"


o = gens["o"] = outer()
print(o.gi_yieldfrom)
print(next(o))
print("outer yieldfrom is middle:", o.gi_yieldfrom is gens["m"])
print("middle yieldfrom is inner:", gens["m"].gi_yieldfrom is gens["i"])
print("inner yieldfrom:", gens["i"].gi_yieldfrom)
print([inspect.getgeneratorstate(gens[k]) for k in "omi"])
print(next(o))
print("after inner done:", inspect.getgeneratorstate(gens["i"]), gens["m"].gi_yieldfrom)
print(next(o))
print(o.gi_yieldfrom, [inspect.getgeneratorstate(gens[k]) for k in "omi"])
print(list(o), [inspect.getgeneratorstate(gens[k]) for k in "omi"])


def list_deleg():
    yield from [1, 2]


d = list_deleg()
next(d)
print(type(d.gi_yieldfrom).__name__)

o = outer()
next(o)
m, i = gens["m"], gens["i"]
o.close()
print("after close:", [inspect.getgeneratorstate(x) for x in (o, m, i)])
print(o.gi_frame, m.gi_frame, i.gi_frame)
print(inspect.getgeneratorlocals(o), sorted(inspect.getgeneratorlocals(gens["m"])))
