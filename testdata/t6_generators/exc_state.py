# Exception state (sys.exc_info) is saved and restored across yields.
import sys


def gen():
    try:
        raise ValueError("inside gen")
    except ValueError:
        print("  in gen before yield:", sys.exc_info()[0].__name__)
        yield 1
        print("  in gen after yield:", sys.exc_info()[0].__name__)
    print("  after except in gen:", sys.exc_info()[0])
    yield 2


g = gen()
print("outside:", sys.exc_info()[0])
next(g)
print("outside after first yield:", sys.exc_info()[0])
try:
    raise KeyError("outer")
except KeyError:
    print("outer handler:", sys.exc_info()[0].__name__)
    next(g)
    print("outer handler again:", sys.exc_info()[0].__name__)
print("end:", sys.exc_info()[0])


def context_gen():
    try:
        yield
    except TypeError as e:
        print("  thrown TypeError context:", type(e.__context__).__name__ if e.__context__ else None)
        raise


cg = context_gen()
next(cg)
try:
    try:
        raise OSError("outer problem")
    except OSError:
        cg.throw(TypeError("thrown"))
except TypeError as e:
    print("caught:", e, "| context:", type(e.__context__).__name__)


def raise_in_gen():
    yield
    raise IndexError("from gen")


rg = raise_in_gen()
next(rg)
try:
    try:
        raise KeyError("k")
    except KeyError:
        next(rg)
except IndexError as e:
    print("IndexError context:", repr(e.__context__))


def bare_raise():
    try:
        raise AttributeError("saved")
    except AttributeError:
        yield "suspended in handler"
        raise


br = bare_raise()
print(next(br))
try:
    next(br)
except AttributeError as e:
    print("re-raised:", e)


def exc_in_finally():
    try:
        yield 1
    finally:
        print("  finally sees:", sys.exc_info()[0])


f = exc_in_finally()
next(f)
f.close()
f = exc_in_finally()
next(f)
try:
    f.throw(ZeroDivisionError)
except ZeroDivisionError:
    print("zde propagated")
