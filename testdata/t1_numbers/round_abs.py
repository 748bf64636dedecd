# round() banker's rounding, ndigits, negative ndigits; abs() of various types.
for v in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 4.5, 5.5):
    print(v, round(v), type(round(v)).__name__)
for v in (0, 5, 15, 25, 35, -25, 125, 150, 250):
    print(v, round(v, -1), round(v, -2))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(3.14159, 3), round(-3.14159, 1), round(1234.5678, -2), round(1234.5678, 0))
print(type(round(2.5, 0)).__name__, type(round(25, -1)).__name__, type(round(25)).__name__)
print(round(7), round(-7, 2), round(10 ** 20 + 5, -1), round(10 ** 20 + 15, -1))
print(round(1e300), round(-0.4), round(-0.6))
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError:", e)
print(round(float("inf"), 2), round(float("nan"), 1))
print(abs(-5), abs(5), abs(-0), abs(-2.5), abs(-0.0), abs(float("-inf")))
print(abs(-(10 ** 30)), abs(True), abs(False), abs(3 + 4j), abs(-1j))
print(abs(float("nan")))
class M:
    def __abs__(self):
        return "custom abs"
    def __round__(self, n=None):
        return ("rounded", n)
print(abs(M()), round(M()), round(M(), 3))
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
