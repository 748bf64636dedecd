# Modules next to the program import like CPython's: sys.path[0] is the
# program's directory.
import sys

print("main starts, __name__ =", __name__)
import _sib_greet

print(_sib_greet.greet("world"), _sib_greet.count)
print(_sib_greet.__name__, repr(_sib_greet.__package__), _sib_greet.__doc__)
print(_sib_greet.__file__, _sib_greet.__file__ == sys.path[0] + "/_sib_greet.py")
print(_sib_greet)
print(_sib_greet.Greeter("ann"), _sib_greet.Greeter.__module__)
print(_sib_greet.greet.__globals__ is vars(_sib_greet))
print(sorted(k for k in vars(_sib_greet) if k.startswith("__")))

from _sib_greet import greet, GREETING

print(greet("bob"), GREETING, _sib_greet.count)
_sib_greet.GREETING = "hi"
print(greet("carol"))

import _sib_greet as g2

print(g2 is _sib_greet, g2 is sys.modules["_sib_greet"])

print("importing _sib_order")
import _sib_order

print("importing _sib_order again")
import _sib_order
from _sib_order import VALUE

print(VALUE, _sib_order.VALUE)
print("_sib_order" in sys.modules, "_sib_absent" in sys.modules)

from _sib_star import *

print(exported, also, "not_exported" in globals())
from _sib_star_all import *

print(public, "_hidden" in globals())


def inside_a_function():
    import _sib_greet as local
    from _sib_order import VALUE as v

    return local.greet("from a function"), v


print(inside_a_function())
print(__name__ == "__main__", sys.modules["__main__"].__name__)
if __name__ == "__main__":
    print("the main program's __name__ is __main__")
