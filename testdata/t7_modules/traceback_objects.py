# Traceback objects: tb_frame, tb_lineno, tb_lasti, tb_next, the frames'
# code and locals.
import types

def inner(x):
    y = x * 2
    raise ValueError(f"bad {y}")

def outer():
    z = "outer local"
    inner(3)

try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    print(type(tb) is types.TracebackType, type(tb.tb_frame) is types.FrameType)
    names = []
    while tb is not None:
        f = tb.tb_frame
        names.append((f.f_code.co_name, tb.tb_lineno, tb.tb_lasti >= 0))
        tb = tb.tb_next
    print(names)
    last = e.__traceback__.tb_next.tb_next
    print(sorted(last.tb_frame.f_locals.items()))
