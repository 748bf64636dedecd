# Exception groups print boxed: `+-+---- 1 ----`, `| ` margins, nested.
import traceback


def fail(kind):
    if kind == "value":
        raise ValueError("bad value")
    return {}[kind]


def collect(kinds):
    errors = []
    for k in kinds:
        try:
            fail(k)
        except Exception as e:
            errors.append(e)
    return errors


try:
    raise ExceptionGroup("batch", collect(["value", "key"]))
except ExceptionGroup:
    traceback.print_exc()

try:
    raise ExceptionGroup("outer", collect(["value"]))
except* ValueError:
    print("handled the ValueError part")

inner = ExceptionGroup("inner", collect(["x", "value"]))
raise ExceptionGroup("top", [*collect(["y"]), inner])
