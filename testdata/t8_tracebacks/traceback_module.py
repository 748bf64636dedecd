# The traceback module formats as Lib/traceback.py does (its own rules:
# lines stripped at both ends, `**` after `)` marked with one caret).
import traceback


def show(f):
    try:
        f()
    except BaseException:
        traceback.print_exc()


a, n = 1, None
show(lambda: a + n)
show(lambda: (a) ** n)
show(lambda: a +(n))
show(lambda: {"k": [1]}["k"][3])


def deep(k):
    return deep(k + 1) if k < 50 else n.missing
show(lambda: deep(0))

try:
    a / 0
except ZeroDivisionError:
    text = traceback.format_exc()
    print(text, end="")
    print(repr(traceback.format_exc(limit=0)))
    print("".join(traceback.format_exception_only(ValueError("only"))), end="")
try:
    raise OSError("disk")
except OSError as e:
    traceback.print_exception(e)
    print("".join(traceback.format_exception(e)), end="")
print(traceback.format_exc(), end="")
trailing = n + 1    
