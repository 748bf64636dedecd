import traceback, sys
def inner(x):
    return 1 / x + [1][x]
def outer():
    return inner(0)
try:
    outer()
except ZeroDivisionError:
    traceback.print_exc(file=sys.stdout)
    e = sys.exc_info()[1]
    print("".join(traceback.format_exception(e)))
    te = traceback.TracebackException.from_exception(e)
    print(list(te.format_exception_only()))
    print([f.name for f in te.stack])
    for fr, ln in traceback.walk_tb(e.__traceback__):
        print(fr.f_code.co_name, ln)
    print([(s.name, s.line) for s in traceback.extract_tb(e.__traceback__)])
def st():
    return traceback.extract_stack()
s = st()
print([(f.name, f.lineno) for f in s][-2:])
print("".join(traceback.format_list(s[-1:])))
try:
    try:
        {}['k']
    except KeyError as k:
        raise ValueError("bad") from k
except ValueError as v:
    print("".join(traceback.format_exception(v)))
    print(traceback.format_exc())
try:
    d = {'a': {'b': None}}
    d['a']['b']['c']
except TypeError:
    traceback.print_exc(file=sys.stdout)
print(traceback.format_exception_only(SyntaxError("m", ("f.py", 1, 3, "a b c\n", 1, 4))))
traceback.print_stack(file=sys.stdout, limit=1)
