print("a: start")
import _circ_b

A = "A"


def late():
    return _circ_b.use_a()


print("a: end, b.B =", _circ_b.B)
