print("b: start")
import _circ_a  # in sys.modules already, partly initialised

print("b: a has A yet?", hasattr(_circ_a, "A"))
try:
    from _circ_a import A
except ImportError as e:
    print("b:", type(e).__name__, e)
B = "B"


def use_a():
    return "b sees a.A = " + _circ_a.A


print("b: end")
