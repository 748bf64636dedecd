# Float functions and constants in the math module.
import math

for x in [2.5, -2.5, 3.0, -0.5, 1e20, 7]:
    print(x, math.floor(x), math.ceil(x), math.trunc(x), type(math.floor(x)).__name__)
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.isinf(math.inf), math.isnan(math.nan), math.isfinite(1.0), math.isfinite(math.nan))
print(math.inf > 1e308, math.nan == math.nan, math.nan != math.nan, float("inf") == math.inf)
print(sum([0.1] * 10), math.fsum([0.1] * 10))
print(math.fsum([1e100, 1.0, -1e100]), sum([1e100, 1.0, -1e100]))
print(math.fsum([]), math.fsum(range(5)))
try:
    math.fsum([math.inf, -math.inf])
except ValueError as e:
    print(type(e).__name__, e)
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1.0, 1.1, rel_tol=0.2))
print(math.isclose(0.0, 1e-10), math.isclose(0.0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf))
print(math.isclose(math.nan, math.nan))
try:
    math.isclose(1, 1, rel_tol=-1)
except ValueError as e:
    print(type(e).__name__, e)
print(math.sqrt(16), math.sqrt(2), math.pow(2, 0.5), math.exp(0), math.log(math.e), math.log(8, 2))
print(math.log10(1000), math.log2(1024), math.hypot(3, 4), math.copysign(3, -0.0), math.fabs(-2))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 6), 12), math.atan2(1, 1) * 4)
print(math.degrees(math.pi), math.radians(180), math.fmod(7, -3), 7 % -3)
print(math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4))
for f, arg in [(math.sqrt, -1), (math.log, 0), (math.log, -1)]:
    try:
        f(arg)
    except ValueError as e:
        print(f.__name__, type(e).__name__, e)
try:
    math.floor(math.inf)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    math.ceil(math.nan)
except ValueError as e:
    print(type(e).__name__, e)
try:
    math.exp(1000)
except OverflowError as e:
    print(type(e).__name__, e)
print(math.dist((0, 0), (3, 4)), math.floor(-0.0), math.trunc(-3.99))
