# format() and f-string format specifications for numbers.
n = 1234567.891
print(format(n, ","), format(n, "_.2f"), format(n, ".3e"), format(n, ".4g"), format(n, "%"))
print(format(42, "d"), format(42, "5d"), format(42, "<5d") + "|", format(42, "^7d"), format(42, "+d"))
print(format(-42, " d"), format(42, " d"), format(42, "05d"), format(-42, "05d"), format(42, "=+6d"))
print(format(255, "x"), format(255, "X"), format(255, "#x"), format(255, "o"), format(255, "#o"), format(5, "b"), format(5, "#010b"))
print(format(10 ** 10, ","), format(10 ** 10, "_"), format(0xDEADBEEF, "_x"))
print(format(3.14159, ".2f"), format(3.14159, "10.3f") + "|", format(3.14159, "<10.1f") + "|", format(-3.14159, "+.1f"))
print(format(0.000123, "e"), format(0.000123, "g"), format(1e20, "g"), format(1e-5, ".2g"), format(123.0, "g"))
print(format(0.5, "%"), format(0.125, ".1%"), format(1.0, ".0%"))
print(format(float("inf"), "f"), format(float("-inf"), "e"), format(float("nan"), "g"), format(float("nan"), "F"))
print(format(1.5, ""), format(1e16, ""), format(123, ""), format(True, "d"), format(True, ""))
print(format(65, "c"), format(97, "*^5c"))
print(f"{'x':*>5}", f"{'x':*<5}", f"{'x':*^6}", f"{3:{'>'}{4}}", f"{2.5:{'.'}{3}f}")
w, p = 10, 3
print(f"[{n:{w}.{p}f}]", f"[{n:>{w}}]", f"[{-1:=^9}]")
print(f"{12345:,d}", f"{-0.0:f}", f"{-0.0:+.1f}", f"{0.0:-f}")
print(f"{1e300 * 10:.2f}", f"{123456789:e}", f"{0.1:.20f}")
for spec in ("z", ".2d", "=s", "#s", ",s"):
    try:
        format(12 if spec != "=s" and spec != "#s" and spec != ",s" else "ab", spec)
    except ValueError as e:
        print(repr(spec), type(e).__name__, e)
try:
    format(1.5, "d")
except ValueError as e:
    print(type(e).__name__, e)
try:
    format("s", "d")
except ValueError as e:
    print(type(e).__name__, e)
print(format(complex(1, -2), ".1f"), format(1 + 2j, ""), f"{3j:>8}")
