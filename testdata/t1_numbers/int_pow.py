# pow() and ** with negative exponents, 3-argument pow, negative bases.
print(2 ** 10, (-2) ** 3, -2 ** 2, (-2) ** 2, 0 ** 0, 1 ** -5)
print(2 ** -1, 2 ** -2, type(2 ** -1).__name__, 10 ** -3)
print((-2) ** -3, 4 ** 0.5, type(4 ** 0.5).__name__)
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(pow(2, 10), pow(2, -2), pow(3, 4, 5), pow(-3, 4, 5), pow(3, 5, -7))
print(pow(3, -1, 7), pow(2, -1, 9), pow(5, -2, 13))
print(pow(0, 0, 1), pow(10, 0, 7), pow(123456789, 987654321, 1000000007))
for m in (1, 2, 3, 10, 97):
    print(m, [pow(b, e, m) for b in (2, -2, 7) for e in (0, 1, 5)])
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print((-8) ** (1 / 3) == (-8) ** (1 / 3), type((-8) ** 0.5).__name__)
x = 3
x **= 4
print(x)
print(2 ** 64, -(2 ** 63), (-3) ** 41)
print(pow(7, 2, None), pow(base=2, exp=5), pow(2, exp=5, mod=3))
print(1.5 ** 2, 2.0 ** -1, (-1.0) ** 3, 0.0 ** 0)
