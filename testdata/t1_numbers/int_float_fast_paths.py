# Machine int and float operators across the fast-path boundaries (2**53,
# 2**63, signed zeros, inf/nan), str ordering, and correctly rounded int / int.
vals = [0, 1, -1, 7, -7, 2**52, -(2**53), 2**62, -(2**63), 3.5, -0.0, 0.0, float('inf'), float('nan'), 1e308]
for a in vals:
    for b in vals:
        for name, f in [("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b),
                        ("/", lambda a, b: a / b), ("//", lambda a, b: a // b), ("%", lambda a, b: a % b),
                        ("<", lambda a, b: a < b), ("==", lambda a, b: a == b), (">=", lambda a, b: a >= b)]:
            try:
                r = f(a, b)
            except Exception as e:
                r = type(e).__name__
            print(a, name, b, r)
for a in ["a", "b", "", "ab", "é", "z"]:
    for b in ["a", "é", "ab", ""]:
        print(repr(a), repr(b), a < b, a <= b, a == b, a != b, a > b, a >= b)
x = 5; x += 2; x //= 3; x %= 2; print(x)
big_vals = [10**30, -(10**30)+7, 3**100, 2**1100, 7, -3, 2**53+1, 12345678901234567890123]
for a in big_vals:
    for b in big_vals:
        try:
            print(a / b)
        except Exception as e:
            print(type(e).__name__, e)
