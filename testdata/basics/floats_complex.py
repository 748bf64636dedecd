# Floats, special values and complex numbers.
vals = [0.1, 1e16, 1e-5, -0.0, 0.0, 1.5, 2.5e-300, 1.7976931348623157e308, 123456789.125, 1/3]
for v in vals:
    print(repr(v), str(v), v == 0, v < 1)
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, round(0.1 + 0.2, 10) == 0.3)
inf = float('inf')
ninf = float('-inf')
nan = float('nan')
print(inf, ninf, nan, inf > 1e308, ninf < -1e308, nan == nan, nan != nan)
print(inf + 1, inf - inf, inf * 0, -inf, 1 / inf, -1 / inf)
print(-0.0, 0.0 == -0.0, str(-0.0), abs(-0.0), -0.0 + 0.0)
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, 7.0 % -3, divmod(7.5, -2))
print(2 ** 0.5, 10 ** -2, 2.0 ** 10, (-8.0) ** 2, 4 ** 0.5)
print(int(1e16), float(10 ** 16), 1e16 == 10 ** 16, 1e22, 1e23)
print(float("1.5"), float("-2e3"), float("  .25 "), float("inf"), float("-Infinity"))
print(round(2.675, 2), round(0.5), round(1.5), round(-0.5), round(3.14159, 3), round(1e20))
print((0.5).as_integer_ratio(), (0.1).hex(), float.fromhex("0x1.8p1"), (3.0).is_integer())
print(format(3.14159, ".2f"), format(1234567.891, ",.1f"), format(0.000123, ".3e"), format(0.5, "%"))
print(format(1e100, "g"), format(1e-7, "g"), format(123.0, "g"), format(2.5, "08.3f"), format(-2.5, "+.0f"))
print(f"{1/7:.10f} {1e16:e} {12.0:g} {0.1:.20f}")
print(max(1.5, 2), min(-0.0, 0.0), sum([0.1] * 10), 3 * 0.1)
print(1.0 < 2 < 2.5, 3 == 3.0, 2 ** 53 + 1 == float(2 ** 53 + 1))
print(hash(1.5), hash(0.0) == hash(-0.0), hash(inf), hash(-inf))
# complex
z = 2j
w = (1+2j)
print(z, w, z * w, w / z, w.real, w.imag, w.conjugate(), abs(3+4j))
print(z ** 2, w ** 2, w + 1, 1 - w, -w, complex(1, -1), complex("3-4j"))
print(w == complex(1, 2), (0j), -0j, 1j * 1j, complex(0.0, -0.0))
print(repr(1e-5j), (1e300 + 1e300j) * 0, complex(inf, 0))
print(type(z).__name__, type(1.0).__name__, isinstance(1.0, float))
acc = 0.0
for i in range(1, 11):
    acc += 1.0 / i
    print(i, acc)
print(float.__mul__(2.0, 3.5), (2.0).__truediv__(8), 1.0.__add__(1))
try:
    print(1.0 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(1.0 % 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(2.0 ** 10000)
except OverflowError as e:
    print("OverflowError:", e)
