# except*: re-raised parts keep the original group's metadata, raised ones are regrouped;
# split/subgroup keep notes, cause and context; invalid except* types.
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        raise
    except* TypeError:
        raise RuntimeError("new") from None
except BaseException as e:
    print(repr(e), [repr(x) for x in e.exceptions])
    for x in e.exceptions:
        print(type(x).__name__, repr(x.__context__) if x.__context__ else None)
try:
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* (ValueError, TypeError) as g:
        print("caught", repr(g))
        raise g
except ExceptionGroup as e:
    print("outer", repr(e))
try:
    try:
        raise ValueError(5)
    except* ValueError:
        raise
except ExceptionGroup as e:
    print("naked re-raise group", repr(e))
except ValueError as e:
    print("naked re-raise plain", repr(e))
e = ExceptionGroup("x", [ValueError(1)])
e.add_note("note1")
m, r = e.split(ValueError)
print(m is e, r)
m, r = e.split(TypeError)
print(m, r is e)
cause = KeyError("c")
e2 = ExceptionGroup("y", [ValueError(1), OSError(2)])
e2.__cause__ = cause
e2.add_note("kept")
m, r = e2.split(OSError)
print(repr(m), m.__cause__ is cause, m.__notes__, r.__notes__, m.__notes__ is e2.__notes__)
for bad in (ExceptionGroup, int, (ValueError, ExceptionGroup)):
    try:
        try:
            raise ExceptionGroup("g", [ValueError(1)])
        except* bad:
            pass
    except TypeError as err:
        print(err)
print(BaseExceptionGroup("b", (ValueError(1),)).args)
try:
    ExceptionGroup("b", [KeyboardInterrupt()])
except TypeError as err:
    print(err)
print(repr(ExceptionGroup("n", [ValueError(1)]).subgroup(lambda e: True)))
print(ExceptionGroup("n", [ValueError(1)]).subgroup(lambda e: False))
try:
    ExceptionGroup(1, [ValueError()])
except TypeError as err:
    print(err)
try:
    ExceptionGroup("m", ValueError())
except TypeError as err:
    print(err)
