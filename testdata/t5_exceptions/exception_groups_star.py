# ExceptionGroup construction, split/subgroup, except* matching and re-raising of unhandled parts.
eg = ExceptionGroup("batch", [ValueError("v1"), TypeError("t1"), ValueError("v2"), KeyError("k")])
print(repr(eg), str(eg), len(eg.exceptions), eg.message)
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(lambda e: isinstance(e, (TypeError, KeyError)))), eg.subgroup(OSError))
try:
    raise eg
except* ValueError as g:
    print("ValueError part:", repr(g))
except* (TypeError, KeyError) as g:
    print("Type/Key part:", [repr(e) for e in g.exceptions])
try:
    try:
        raise ExceptionGroup("mixed", [ValueError("a"), OSError("b")])
    except* ValueError as g:
        print("handled", g.exceptions)
except ExceptionGroup as outer:
    print("unhandled remainder:", repr(outer))
try:
    raise ValueError("naked")
except* ValueError as g:
    print("naked wrapped:", repr(g), type(g).__name__)
nested = ExceptionGroup("outer", [ValueError("x"), ExceptionGroup("inner", [TypeError("y"), ValueError("z")])])
try:
    raise nested
except* ValueError as g:
    print("nested ValueErrors:", repr(g))
except* TypeError as g:
    print("nested TypeErrors:", repr(g))
beg = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError()])
print(type(beg).__name__, type(BaseExceptionGroup("b", [ValueError()])).__name__)
try:
    ExceptionGroup("bad", [])
except ValueError as e:
    print("ValueError:", e)
try:
    ExceptionGroup("bad", [1])
except ValueError as e:
    print("ValueError:", e)
try:
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        raise KeyError("in handler")
except ExceptionGroup as e:
    print("handler raise:", repr(e), [repr(x) for x in e.exceptions])
except KeyError as e:
    print("KeyError from handler", repr(e))
def none_match():
    try:
        raise ExceptionGroup("only os", [OSError("o")])
    except* ValueError:
        print("no")
try:
    none_match()
except ExceptionGroup as e:
    print("passed through:", repr(e))
print([type(x).__name__ for x in eg.exceptions], eg.derive([1]).message if False else eg.derive([KeyError()]).message)
