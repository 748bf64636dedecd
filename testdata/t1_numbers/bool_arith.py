# bool as int subclass: arithmetic, repr, identity, operations returning int vs bool.
t, f = True, False
print(t + t, t * 10, t - f, f - t, t / 2, t // 2, t % 2, -t, +t, ~t, ~f)
print(type(t + t).__name__, type(t & t).__name__, type(t | f).__name__, type(t ^ t).__name__, type(t & 1).__name__)
print(t & f, t | f, t ^ t, t ^ f, t & 1, f | 2)
print(isinstance(t, int), issubclass(bool, int), bool.__mro__ == (bool, int, object))
print(repr(t), str(f), int(t), float(f), t == 1, f == 0, t is True)
print(sum([True, True, False, True]), sum(x > 2 for x in range(6)))
print(bool(0), bool(1), bool(-1), bool(""), bool("0"), bool([]), bool([0]), bool(None), bool(()), bool({}))
print(not 0, not 1, not None, not [], not "a")
print(t ** 10, f ** 0, 2 ** t, divmod(t, t), abs(f), pow(t, 5, 3))
print(["a", "b"][t], ["a", "b"][f], "xyz"[t:])
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or 0, "" and "x", [] or {})
print(t > f, f < t, max(t, f), min(False, 0), max(0, False), sorted([t, f, t, 0, 1]))
print(True == 1.0, hash(True) == hash(1), {True: "a", 1: "b"}, {1: "x", True: "y"})
print(bool.__name__, type(True).__name__, True.real, True.imag, True.numerator, True.denominator)
print(t << 4, t >> 1, f"{t}", f"{t:d}", f"{t:>5}", format(f, "05"), "%d %s %r" % (t, t, f))
print(int.__add__(True, True), bool.__and__(True, False), bool.__or__(True, 5))
class C:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool called", self.v)
        return self.v
print(bool(C(True)), not C(False))
print(C(True) and "yes", C(False) or "fallback")
if C(0 == 0):
    print("branch taken")
try:
    bool(type("B", (), {"__bool__": lambda self: 1})())
except TypeError as e:
    print("TypeError:", e)
class L:
    def __len__(self):
        return 0
print(bool(L()), "len fallback")
