# Integer functions in the math module.
import math

print([math.isqrt(n) for n in [0, 1, 3, 4, 15, 16, 17, 99, 100]])
print(math.isqrt(10 ** 40), math.isqrt(2 ** 127 - 1))
for bad in (-1, 2.0, "4"):
    try:
        math.isqrt(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(), math.gcd(12, 18, 27), math.gcd(0, 0))
print(math.lcm(4, 6), math.lcm(0, 5), math.lcm(), math.lcm(2, 3, 4), math.lcm(-4, 6))
print(math.factorial(0), math.factorial(10), math.factorial(25))
for bad in (-1, 2.5):
    try:
        math.factorial(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(math.comb(5, 2), math.comb(10, 0), math.comb(3, 5), math.comb(50, 25))
print(math.perm(5, 2), math.perm(5), math.perm(3, 5), math.perm(20, 10))
for args in ((-1, 2), (5, -1)):
    try:
        math.comb(*args)
    except ValueError as e:
        print("comb", type(e).__name__, e)
    try:
        math.perm(*args)
    except ValueError as e:
        print("perm", type(e).__name__, e)
try:
    math.gcd(1.5, 2)
except TypeError as e:
    print(type(e).__name__, e)
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2, 3], start=10), math.prod(range(1, 21)))
print(math.prod([1.5, 2]), math.prod([2, 0.5]), math.prod([3], start=2.0))
try:
    math.prod(["a", "b"])
except TypeError as e:
    print(type(e).__name__, e)
print(type(math.isqrt(9)).__name__, type(math.comb(4, 2)).__name__)
