# inf, nan and -0.0: comparisons, arithmetic, containment.
inf = float("inf")
nan = float("nan")
ninf = -inf
print(inf, ninf, nan, -nan, repr(inf), str(nan))
print(inf > 1e308, ninf < -1e308, inf == inf, inf - inf, inf * 0, inf + inf, inf * -1)
print(nan == nan, nan != nan, nan < 1, nan > 1, nan <= nan, nan >= nan)
print(inf / inf, 1 / inf, -1 / inf, inf // 1 if False else "skip")
lst = [nan]
print(nan in lst, lst == [nan], [float("nan")] == [float("nan")], lst.count(nan))
print(lst.index(nan))
t = (nan, 1)
print(t == t, t == (nan, 1))
print(max(1, nan), max(nan, 1), min(nan, 1), min(1, nan))
print(sorted([3, 1, 2]), sorted([inf, 1, ninf, 0]))
z = -0.0
print(z, 0.0 == -0.0, repr(z), str(-0.0 * 1), 0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, -0.0 * -0.0)
print(abs(z), -z, 1 / inf, -1 / inf, repr(-(0.0)))
print(round(-0.4), round(-0.4, 0), int(-0.9), -0.0 == 0)
print(f"{-0.0}", f"{-0.0:.1f}", f"{-0.0:+}", format(-0.0, "g"))
print(inf == float("infinity"), float("-inf") == ninf, float("nAn") != float("nan"))
print(1e308 + 1e308, -(1e308 + 1e308), (1e308 + 1e308) - (1e308 + 1e308))
print(bool(nan), bool(0.0), bool(-0.0), bool(inf))
print(inf.is_integer(), nan.is_integer(), (1e300).is_integer(), (0.5).is_integer())
print(hash(inf), hash(ninf), hash(-0.0), hash(0.0))
try:
    int(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    10.0 ** 400
except OverflowError as e:
    print("OverflowError:", e)
