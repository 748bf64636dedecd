# f-string format specs for floats and strings: precision, e/f/g/%, alignment, truncation.
x = 3.14159265
y = -0.000123456
z = 1234567.891
print(f"[{x}] [{x:.2f}] [{x:10.3f}] [{x:<10.1f}] [{x:^10.2f}] [{x:+.3f}] [{x: .1f}] [{x:010.2f}]")
print(f"[{y:e}] [{y:.2E}] [{z:e}] [{z:.0e}] [{0.0:e}] [{x:.10e}]")
print(f"[{x:g}] [{y:g}] [{z:g}] [{z:.3g}] [{1e-5:g}] [{1e16:g}] [{123.0:g}] [{0.0001:g}] [{1e-4:.2g}] [{100000.0:G}] [{1e20:G}]")
print(f"[{x:%}] [{0.25:.0%}] [{y:.3%}] [{1.0:.1%}] [{-0.5:+%}]")
print(f"[{z:,.2f}] [{z:_.1f}] [{-z:,}] [{z:15,.1f}] [{z:,g}] [{z:,e}]")
print(f"[{2.5:.0f}] [{3.5:.0f}] [{0.125:.2f}] [{2.675:.2f}] [{1e22:f}] [{1.5:#.0f}] [{1.0:#g}] [{1.0:.0e}] [{1.0:#.0e}]")
print(f"[{x:}] [{x:.3}] [{z:.3}] [{1e-7:.3}] [{100.0:.3}] [{1e16}] [{1e16:.17}]")
inf, nan = float("inf"), float("nan")
print(f"[{inf}] [{inf:f}] [{-inf:e}] [{nan:g}] [{inf:F}] [{nan:E}] [{inf:010}] [{nan:+}] [{-inf:>8}] [{inf:%}]")
s = "python"
print(f"[{s}] [{s:10}] [{s:<10}] [{s:>10}] [{s:^10}] [{s:*^11}] [{s:.3}] [{s:>8.2}] [{s:s}] [{s!r:12}]")
print(f"[{'':5}] [{'ab':^5}] [{'ab':^6}] [{'abc':-^6}] [{'é':>3}] [{s:.0}]")
print(f"[{None}] [{None!s:>6}] [{[1, 'a']}] [{(1,)!s:>6}] [{ {'k': 1} }]")
print(format(x, ".4"), format(z, ".12g"), format(1 / 3, ".17f"), format(2 ** 0.5, "r" if False else ".15f"))
try:
    f"{s:d}"
except ValueError as e:
    print("ValueError:", e)
try:
    f"{s:+}"
except ValueError as e:
    print("ValueError:", e)
try:
    f"{x:x}"
except ValueError as e:
    print("ValueError:", e)
try:
    f"{s:=5}"
except ValueError as e:
    print("ValueError:", e)
prec = 4
print(f"{x:.{prec}f}", f"{x:{'>'}{12}.{prec - 1}e}", f"{z:{','}}")
print(f"{1.0}", f"{10.0}", f"{1e-5}", f"{-0.0:f}", f"{123456789.0}", f"{0.1 + 0.2}", f"{1e300 * 10}")
