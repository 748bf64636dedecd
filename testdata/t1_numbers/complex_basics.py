# Complex numbers: construction, arithmetic, repr, attributes, errors.
a = 3 + 4j
b = complex(1, -2)
print(a, b, repr(a), type(a).__name__, a.real, a.imag, a.conjugate())
print(a + b, a - b, a * b, a / b, -a, +a, abs(a))
print(a == complex(3, 4), a != b, a == 3 + 4.0j, 1j * 1j, (1j) ** 2)
print(complex(2), complex(0, 0), complex(), complex("1+2j"), complex("-3.5j"), complex(" 4 "))
print(1j, -1j, 0j, -0j, 2 + 0j, 0 - 1j, complex(-0.0, -0.0), complex(0.0, -0.0))
print(complex(1e20, 1e-20), complex(float("inf"), float("nan")))
print(2 * a, a * 2, a + 1, 1 + a, a - 1.5, 1.5 - a, a / 2, 10 / a)
print(a ** 2, a ** 0, (1 + 1j) ** 3, pow(a, 2))
print(a == 3, complex(3, 0) == 3, complex(3, 0) == 3.0, hash(complex(3, 0)) == hash(3))
print(bool(0j), bool(1j), bool(complex(0, 0.0)))
print(str(complex(1, 1)), str(complex(-1.5, 2.25)), str(complex(1, -0.0)))
try:
    a < b
except TypeError as e:
    print("TypeError:", e)
try:
    a // 2
except TypeError as e:
    print("TypeError:", e)
try:
    a / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    complex("1+")
except ValueError as e:
    print("ValueError:", e)
try:
    int(a)
except TypeError as e:
    print("TypeError:", e)
d = {1 + 0j: "a", 2j: "b"}
print(d[1], d[2j], 1 in d)
print(sum([1j, 2, 3.5]), [x.imag for x in (1j, 2 + 3j, 5)])
print(f"{a}", f"{a:.2f}", format(b, ">12"), f"{1.5+2j!r}")
