# Two modules importing each other: the second sees the first partly
# initialised (registered in sys.modules before its body runs).
import sys

import _circ_a

print("main:", _circ_a.A, _circ_a._circ_b.B)
print(_circ_a.late())
print(sys.modules["_circ_a"] is _circ_a, sys.modules["_circ_b"] is _circ_a._circ_b)
from _circ_a import A  # no error now: _circ_a is complete

print(A)
