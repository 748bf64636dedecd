# round(): banker's rounding, ndigits, negative ndigits, types.
print([round(x) for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5]])
print([round(x) for x in [0.49999999999999994, 2.675, 1e16 + 0.5]])
print(round(2.675, 2), round(2.665, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(123.456, -1), round(123.456, -2), round(155, -1), round(165, -1), round(-155, -1))
print(round(5, 2), round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(7, 1)).__name__)
print(round(2.5, 0), round(-0.4), round(-0.0), round(0.0, 3))
print(round(1e300, -300), round(1.23456789e-5, 7), round(3.14159, None))
for bad in [float("inf"), float("nan")]:
    try:
        round(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(round(float("inf"), 2), round(float("nan"), 2))
try:
    round("1.5")
except TypeError as e:
    print(type(e).__name__, e)
try:
    round(1.5, 1.0)
except TypeError as e:
    print(type(e).__name__, e)


class R:
    def __round__(self, n=None):
        return f"rounded with {n}"


print(round(R()), round(R(), 3))
print(round(True), round(10 ** 30 + 5, -1), round(-(10 ** 30) - 5, -1))
print(f"{2.5:.0f} {3.5:.0f} {0.125:.2f} {2.675:.2f}")
