# Floor division and modulo with all sign combinations, divmod identity.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (0, -3), (6, 3), (-6, 3), (1, 10), (-1, 10), (1, -10)]
for a, b in pairs:
    q = a // b
    r = a % b
    print(a, b, q, r, divmod(a, b), q * b + r == a)
print(divmod(-1, 1), divmod(123456789, -1000))
print(-17 // 5, -17 % 5, 17 // -5, 17 % -5)
print(-(17 // 5), -17 // 5)
x = -9
x //= 4
print(x)
x = -9
x %= 4
print(x)
for b in (1, 2, 3, 7):
    print(b, [i % b for i in range(-5, 6)])
    print(b, [i // b for i in range(-5, 6)])
try:
    print(1 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(1 % 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(divmod(5, 0))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(7 / 2, -7 / 2, 6 / 3, type(6 / 3).__name__)
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
