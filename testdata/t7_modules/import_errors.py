# Failing imports raise what CPython raises, with its messages.
import sys


def attempt(label, action):
    try:
        action()
    except Exception as e:
        print(label, "->", type(e).__name__, e)


try:
    import _no_such_module_here
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name, e.path, isinstance(e, ImportError))
try:
    from _err_values import nothing
except ImportError as e:
    print(type(e).__name__, e)
    print(e.name, e.path)
try:
    from . import sibling
except ImportError as e:
    print("from . ->", type(e).__name__, e)
try:
    from .._err_values import value
except ImportError as e:
    print("from .. ->", type(e).__name__, e)
try:
    from sys import no_such_name
except ImportError as e:
    print(type(e).__name__, e, e.name, e.path)

for _ in range(2):
    try:
        import _err_raises
    except ZeroDivisionError as e:
        print("the body raised", type(e).__name__, e, "_err_raises" in sys.modules)

attempt("empty name", lambda: __import__(""))
attempt("negative level", lambda: __import__("x", {}, None, (), -1))
attempt("no __name__", lambda: __import__("x", {}, None, (), 1))
attempt("beyond top", lambda: __import__("x", {"__package__": "a"}, None, (), 2))
attempt("bad package", lambda: __import__("x", {"__package__": 3}, None, (), 1))
attempt("not a str", lambda: __import__(42))
attempt("not a package", lambda: __import__("_err_values.sub"))
sys.modules["_err_blocked"] = None
attempt("None in sys.modules", lambda: __import__("_err_blocked"))
attempt("relative in a module", lambda: __import__("x", {"__name__": "pkg.mod"}, None, (), 1))
print(__import__("_err_values", {"__name__": "pkg.mod"}, None, ["value"], 0).value)
import time, itertools  # builtin modules

print(time.__name__, itertools.__name__)
e = ImportError("made by hand", name="mod", path="/nowhere/mod.py")
print(e.msg, e.name, e.path, e, ImportError("plain").name)
attempt("bad keyword", lambda: ImportError("x", foo=1))
