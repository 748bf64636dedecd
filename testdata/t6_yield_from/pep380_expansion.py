# Compare native yield from against a hand-written PEP 380 expansion.
import sys


def expanded(EXPR):
    _i = iter(EXPR)
    try:
        _y = next(_i)
    except StopIteration as _e:
        _r = _e.value
    else:
        while 1:
            try:
                _s = yield _y
            except GeneratorExit as _e:
                try:
                    _m = _i.close
                except AttributeError:
                    pass
                else:
                    _m()
                raise _e
            except BaseException as _e:
                _x = sys.exc_info()
                try:
                    _m = _i.throw
                except AttributeError:
                    raise _e
                else:
                    try:
                        _y = _m(*_x)
                    except StopIteration as _e:
                        _r = _e.value
                        break
            else:
                try:
                    if _s is None:
                        _y = next(_i)
                    else:
                        _y = _i.send(_s)
                except StopIteration as _e:
                    _r = _e.value
                    break
    return _r


def native(EXPR):
    return (yield from EXPR)


def sub():
    total = 0
    while True:
        try:
            x = yield total
        except ValueError as e:
            total = -100
            continue
        except KeyError:
            return f"keyerror at {total}"
        if x is None:
            continue
        if x == "end":
            return total
        total += x


def drive(make, script):
    g = make(sub())
    out = []
    for op, arg in script:
        try:
            if op == "next":
                out.append(next(g))
            elif op == "send":
                out.append(g.send(arg))
            elif op == "throw":
                out.append(g.throw(arg))
            elif op == "close":
                out.append(g.close())
        except StopIteration as e:
            out.append(("stop", e.value))
        except Exception as e:
            out.append((type(e).__name__, str(e)))
    return out


scripts = [
    [("next", None), ("send", 1), ("send", 2), ("send", "end"), ("next", None)],
    [("next", None), ("send", 5), ("throw", ValueError), ("send", 1), ("throw", KeyError)],
    [("next", None), ("throw", IndexError("idx")), ("next", None)],
    [("next", None), ("send", 3), ("close", None), ("send", 1)],
    [("send", None), ("next", None), ("send", "x")],
]
for s in scripts:
    a = drive(expanded, s)
    b = drive(native, s)
    print(b)
    print("  same:", a == b)
