# Float floor division and modulo signs, is_integer, int() truncation.
pairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (5.0, 0.5), (1.0, 0.1), (-1.0, 0.1), (0.0, 3.0), (-0.0, 3.0), (3, 0.7)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b))
print(6.0 // 4, 6 % 4.0, -6.0 % 4, 6.0 % -4, -0.0 % 5.0, 0.0 % -5.0)
print(1e300 % 7, 10 % 0.3, -10 % 0.3)
print(float("inf") % 1 if False else "skip", 5 % float("inf"), -5 % float("inf"), 5 // float("inf"), -5 // float("inf"))
try:
    1.5 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1.5 % 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    divmod(1.0, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
for v in (1.0, 1.5, -2.0, 0.0, 1e20, 2.5e-5, 123456.0):
    print(v, v.is_integer(), int(v), type(int(v)).__name__)
for v in (2.9, -2.9, 0.999, -0.999, 1e10 + 0.5, -1e10 - 0.5, 7.0000001):
    print(v, int(v), round(v), v // 1, -(-v // 1))
print(int(1e19), int(-1e19), int(2.0 ** 70), int(1.5e30))
x = 10.0
x //= 3
print(x)
x = 10.0
x %= -3
print(x)
print(float.__floordiv__(7.0, 2.0), float.__mod__(7.0, -2.0), float.__rfloordiv__(2.0, 7))
