# f-string format specs for integers: width, fill, align, sign, #, 0, grouping, types.
n = 1234567
m = -42
print(f"[{n}] [{n:d}] [{n:12}] [{n:<12}] [{n:^12}] [{n:>12}] [{n:*^12}] [{m:=8}] [{m:08}] [{m:_<8}]")
print(f"[{n:,}] [{n:_}] [{m:,}] [{n:15,}] [{n:015,}] [{n:_x}] [{n:_b}] [{2**40:,}] [{999:,}]")
print(f"[{n:+}] [{m:+}] [{n:-}] [{n: }] [{m: }] [{0:+}] [{n:+,}] [{m:+08}]")
print(f"[{255:x}] [{255:X}] [{255:o}] [{255:b}] [{255:#x}] [{255:#X}] [{255:#o}] [{255:#b}] [{-255:#x}]")
print(f"[{255:#010x}] [{255:0>10x}] [{255:#^12b}] [{-5:#b}] [{5:08b}] [{65:c}] [{0x263A:c}]")
print(f"[{n:e}] [{n:.2e}] [{n:f}] [{n:.1f}] [{n:g}] [{n:%}] [{n:n}] [{7:.3}]" if False else f"[{n:e}] [{n:.2e}] [{n:f}] [{n:.1f}] [{n:g}] [{7:%}]")
print(f"[{True:d}] [{True}] [{False:>6}] [{True:x}]")
width, fill = 10, "0"
print(f"[{n:{width}}] [{n:>{width},}] [{m:{fill}{width}}] [{n:{'^'}{width + 4}}]")
print(f"{n!r:>10}|{n!s:<10}|{'a'!a}|{'é'!a}")
print(f"{n=}", f"{m = }", f"{n+1=:,}", f"{'x'=!r:>5}")
print(format(n, ","), format(m, "x"), format(0, "#x"), format(0, "#b"), format(-0, "+d"))
print(f"[{2**100:,}] [{-(2**70):#x}] [{10**20:_d}]")
for spec in ("5", "<5", ">5", "^5", "05", "+05", " 5", "#5x", "_", "=+6"):
    print(repr(spec), f"[{42:{spec}}]", f"[{-42:{spec}}]")
try:
    f"{n:,x}"
except ValueError as e:
    print("ValueError:", e)
try:
    f"{n:s}"
except ValueError as e:
    print("ValueError:", e)
try:
    f"{-1:c}"
except (ValueError, OverflowError) as e:
    print(type(e).__name__ + ":", e)
print(f"{{literal}} {{{n}}} }}{{")
