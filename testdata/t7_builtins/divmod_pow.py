# divmod() and pow() with 2 and 3 arguments.
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (10 ** 20, 7)]:
    print(a, b, divmod(a, b), (a // b, a % b) == divmod(a, b))
for a, b in [(7.5, 2), (-7.5, 2), (7, -2.5), (0.3, 0.1)]:
    print(a, b, divmod(a, b))
for a, b in [(1, 0), (1.0, 0), (1, 0.0)]:
    try:
        divmod(a, b)
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
try:
    divmod("a", 1)
except TypeError as e:
    print(type(e).__name__, e)

print(pow(2, 10), pow(2, -1), pow(-2, 3), pow(2.0, 3), pow(4, 0.5), pow(0, 0))
print(pow(2, 10, 1000), pow(3, 200, 13), pow(-3, 3, 7), pow(5, 0, 1), pow(10 ** 20, 10 ** 10, 97))
print(pow(3, -1, 7), pow(2, -3, 11), pow(38, -1, 97))
for args in [(2, -1, 4), (2, 3, 0), (2.0, 3, 5), (2, 3.0, 5)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(pow(-8, 1 / 3))
print(pow(base=2, exp=5), pow(2, 5, mod=3))
try:
    pow(0, -1)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(2 ** -2, (-2) ** 2, -2 ** 2, 2 ** 3 ** 2)


class M:
    def __divmod__(self, o):
        return ("divmod", o)

    def __rdivmod__(self, o):
        return ("rdivmod", o)

    def __pow__(self, o, mod=None):
        return ("pow", o, mod)

    def __rpow__(self, o):
        return ("rpow", o)


print(divmod(M(), 1), divmod(1, M()), pow(M(), 2), pow(M(), 2, 5), 2 ** M())
