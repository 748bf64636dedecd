# A program's own sys.excepthook reports the uncaught exception: it gets
# the class, the exception and its traceback object; the exit status is 1.
import sys

def hook(kind, value, tb):
    frames = []
    while tb is not None:
        frames.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("hooked:", kind.__name__, value, frames)

print(sys.excepthook is sys.__excepthook__)
sys.excepthook = hook

def fail():
    raise KeyError("lost")

fail()
