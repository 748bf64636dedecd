# ExceptionGroup, except*, splitting, nesting.
def show(eg, indent=0):
    pad = "  " * indent
    print(f"{pad}{type(eg).__name__}: {eg.message if isinstance(eg, BaseExceptionGroup) else eg}")
    if isinstance(eg, BaseExceptionGroup):
        for sub in eg.exceptions:
            show(sub, indent + 1)


eg = ExceptionGroup("batch", [ValueError("v1"), TypeError("t1"), ValueError("v2"),
                              ExceptionGroup("nested", [KeyError("k"), ValueError("v3")])])
show(eg)
print(str(eg), repr(eg.exceptions[0]), len(eg.exceptions))
match_, rest = eg.split(ValueError)
show(match_)
show(rest)
print(eg.subgroup(lambda e: isinstance(e, KeyError)).exceptions)
try:
    raise eg
except* ValueError as g:
    print("ValueError group:", [str(e) for e in g.exceptions], type(g).__name__)
except* KeyError as g:
    print("KeyError group:", repr(g.exceptions))
except* TypeError as g:
    print("TypeError group:", g.exceptions)


def partial_handle():
    try:
        raise ExceptionGroup("mixed", [OSError("disk"), ZeroDivisionError("zero")])
    except* OSError as g:
        print("handled", g.exceptions)


try:
    partial_handle()
except ExceptionGroup as leftover:
    print("leftover", leftover.message, leftover.exceptions)
try:
    raise ValueError("plain")
except* ValueError as g:
    print("plain wrapped:", type(g).__name__, g.message == "", g.exceptions)
try:
    try:
        raise ExceptionGroup("g", [IndexError(1)])
    except* IndexError:
        raise RuntimeError("raised in except*")
except ExceptionGroup as e:
    print("new group", [type(x).__name__ for x in e.exceptions])
except RuntimeError as e:
    print("plain runtime", e)


class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "!", excs)


try:
    raise MyGroup("mine", [ValueError(1), TypeError(2)])
except* TypeError as g:
    print(type(g).__name__, g.message, g.exceptions)
except* ValueError as g:
    print(type(g).__name__, g.message, g.exceptions)
try:
    ExceptionGroup("bad", [])
except ValueError as e:
    print("ValueError:", e)
try:
    ExceptionGroup("bad", [1])
except ValueError as e:
    print("ValueError:", e)
beg = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError()])
print(type(beg).__name__, type(BaseExceptionGroup("x", [ValueError()])).__name__)
