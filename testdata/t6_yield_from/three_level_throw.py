# throw() through a 3-level chain: handled at each level, or propagated.
def inner(name):
    while True:
        try:
            yield f"{name} waiting"
        except ValueError as e:
            print(f"  {name} handled ValueError {e}")
            yield f"{name} recovered"
        except KeyError as e:
            print(f"  {name} converting KeyError -> return")
            return f"{name} returned after {e}"


def middle():
    try:
        r = yield from inner("inner")
        print("  middle got", r)
        yield "middle continues"
    except IndexError as e:
        print("  middle handled IndexError", e)
        yield "middle recovered"
    return "middle done"


def outer():
    try:
        r = yield from middle()
        print("  outer got", r)
    except TypeError as e:
        print("  outer handled TypeError", e)
        yield "outer recovered"
    yield "outer end"


g = outer()
print(next(g))
print(g.throw(ValueError("v1")))
print(next(g))
print(g.throw(KeyError("k1")))
print(next(g))

g = outer()
next(g)
print(g.throw(IndexError("i1")))
print(next(g))

g = outer()
next(g)
print(g.throw(TypeError("t1")))
print(next(g))
try:
    next(g)
except StopIteration:
    print("outer exhausted")

g = outer()
next(g)
try:
    g.throw(ZeroDivisionError("z1"))
except ZeroDivisionError as e:
    print("uncaught:", type(e).__name__, e)
print(g.gi_frame is None)

g = outer()
next(g)
print(g.throw(ValueError, "class+value"))
print(next(g))
print(g.throw(ValueError))
try:
    g.throw(ValueError("at recovered point"))
except ValueError as e:
    print("not handled at the recovered yield:", e)


class CustomErr(Exception):
    pass


g = outer()
next(g)
try:
    g.throw(CustomErr, CustomErr("inst"))
except CustomErr as e:
    print("custom:", repr(e))
