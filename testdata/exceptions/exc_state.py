# sys.exc_info, bare except, nested handlers, exception variable scoping, exceptions across frames.
import sys


def current():
    t, v, tb = sys.exc_info()
    return (t.__name__ if t else None, str(v) if v else None)


print("outside", current())
try:
    raise ValueError("outer")
except ValueError:
    print("in handler", current())
    try:
        raise TypeError("inner")
    except TypeError:
        print("nested handler", current())
    print("back to outer", current(), repr(sys.exception()))
print("after", current())
try:
    int("bad")
except:
    print("bare except caught", sys.exc_info()[0].__name__)


def raiser(kind):
    if kind == 1:
        raise IndexError("one")
    if kind == 2:
        return {}["two"]
    if kind == 3:
        assert False, "three"
    return "no error"


for k in range(4):
    try:
        print(raiser(k))
    except LookupError as err:
        print("lookup", type(err).__name__, err)
    except AssertionError as err:
        print("assert", err)
try:
    pass
except Exception as unused:
    pass
print("unused" in dir())
try:
    raise ValueError("bound")
except ValueError as bound:
    saved = bound
try:
    bound
except NameError as e:
    print("NameError:", e)
print(repr(saved), saved.__traceback__ is not None)


def finally_in_loop():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out


print(finally_in_loop())


def try_in_finally():
    try:
        raise KeyError("first")
    finally:
        try:
            raise ValueError("second")
        except ValueError as e:
            print("handled second", repr(e), "context:", repr(e.__context__))


try:
    try_in_finally()
except KeyError as e:
    print("first still propagates", repr(e))


def chain(n):
    try:
        if n == 0:
            raise ArithmeticError("bottom")
        chain(n - 1)
    except ArithmeticError as e:
        raise ArithmeticError(f"level {n}") from e


try:
    chain(3)
except ArithmeticError as e:
    msgs = []
    while e is not None:
        msgs.append(str(e))
        e = e.__cause__
    print(" <- ".join(msgs))
print(StopIteration(5).value, SystemExit(3).code, KeyboardInterrupt.__bases__, GeneratorExit.__bases__)
try:
    sys.exit("not really")
except SystemExit as e:
    print("SystemExit caught:", e.code)
