# int/float/complex parsing edge cases, round, divmod, pow, math domain errors and exact functions.
import math
tests = [lambda: int("٣٤"), lambda: int("1_000", 0), lambda: int("0_0", 0), lambda: int("00", 0), lambda: int("010", 0), lambda: int(" 0x_1f ", 16),
 lambda: int("z", 37), lambda: int(b" 12 "), lambda: int("1e5"), lambda: float("infinity"), lambda: float("-nan"), lambda: float("1_e5"), lambda: float("0x10"),
 lambda: float(b"2.5"), lambda: complex("1+2j", 3), lambda: complex(1j, 1j), lambda: complex("inf-nanj"), lambda: complex(" 5j "), lambda: complex(""),
 lambda: round(0.1 + 0.2, 15), lambda: round(1.5e-320, 322), lambda: round(12345, -2), lambda: round(-12355, -1), lambda: round(float("inf")), lambda: round(1.0, 400),
 lambda: divmod(1.0, 0.0), lambda: divmod(-0.0, 1), lambda: divmod(5, 0.5), lambda: divmod(True, 2), lambda: pow(2.0, -1), lambda: pow(-8, 1/3), lambda: pow(0, -1.0),
 lambda: math.log(2**2000), lambda: math.log10(10**400), lambda: math.log2(2**1100), lambda: math.log(0.0), lambda: math.log(100, 10), lambda: math.log(8, 1),
 lambda: math.fsum([1e308, 1e308]), lambda: math.fsum([0.1]*10 + [-1]), lambda: math.fsum([1, 1e-16, 1e-16]), lambda: math.isqrt(10**50 - 1),
 lambda: math.floor(-2.5), lambda: math.ceil(2**60 + 0.5), lambda: math.trunc("x"), lambda: math.gcd(2**80, 2**60 * 3), lambda: math.lcm(2**40, 3),
 lambda: math.copysign(1, float("nan")), lambda: math.hypot(), lambda: math.hypot(3, 4, 12), lambda: math.dist([1, 2, 3], [4, 6, 15]), lambda: math.pow(0, -1),
 lambda: math.pow(-1, 0.5), lambda: math.pow(10, 400), lambda: math.exp(-1000), lambda: math.sqrt(float("inf")), lambda: math.asin(2), lambda: math.atanh(1),
 lambda: math.fmod(-7, 3), lambda: math.fmod(1, 0), lambda: math.remainder(5, 3), lambda: math.remainder(7, 2), lambda: math.ulp(1.0), lambda: math.frexp(-3e-320),
 lambda: math.ldexp(1, 1024), lambda: math.ldexp(1, -1080), lambda: math.modf(-2.5), lambda: math.prod([1, 2], start=[1]) if False else math.prod(range(1, 5), start=2),
 lambda: math.factorial(-1), lambda: math.comb(5), lambda: math.perm(5, None), lambda: math.isclose(1e-10, 0, abs_tol=1e-9), lambda: math.degrees(1), lambda: math.radians(90),
 lambda: (7).__floordiv__(2.0), lambda: (7.0).__floordiv__(2), lambda: (1+2j).__eq__(1), lambda: (3).__radd__(1.5), lambda: hash(float("nan")) == hash(float("nan")),
]
for t in tests:
    try:
        r = t()
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    print(repr(r))
