# str.format: positional, automatic, keyword, attribute and index fields, conversions, nesting.
print("{} {} {}".format(1, "a", [2]))
print("{0} {1} {0} {2}".format("x", "y", "z"))
print("{name} is {age:>4} years".format(name="Bob", age=7))
print("{0[0]} {0[2]} {1[key]} {1[k2]!r}".format([10, 20, 30], {"key": "v", "k2": "w"}))
class P:
    def __init__(self):
        self.x = 3
        self.y = [4, 5]
        self.inner = self if False else None
    def __format__(self, spec):
        return "P(" + spec + ")"
p = P()
print("{0.x} {0.y[1]} {p.x:03d} {p.inner}".format(p, p=p))
print("{:>10}|{:spec}|{!s}".format(p, p, "z"))
print("{:{}{}}".format("c", "^", 7), "{:{w}.{pr}f}".format(3.14159, w=9, pr=2))
print("{{}} {{{}}} {}".format(1, 2))
print("{0:*^9}|{1:+.2e}|{2:#x}|{3!r:<8}|{3!a}".format("mid", 12345.678, 255, "é"))
d = {"a": 1, "b": 2}
print("{a}-{b}".format(**d), "{0}{1}{0}".format(*"xy"), "{}".format(None))
print("{0[1]}".format("abc"), "{0[-1]}".format({"-1": "neg key"}), "{[0]}".format([[1, 2]]))
print("{.real} {.imag}".format(3 + 4j, 3 + 4j), "{:,}".format(10 ** 9))
print("{!r:^10}".format("a"), "{!s:^10}".format("a"), "{:10}".format(5), "{:10}".format("5"))
print("{a.__class__.__name__}".format(a=1.5), "{0.__len__}".format("") != "")
print(str.format("{}-{}", 1, 2), "x{}y".format(*[9]))
errors = ["{", "}", "{0} {}", "{} {0}", "{5}", "{missing}", "{0.nope}", "{0[9]}", "{!x}", "{:Q}"]
for fmt in errors:
    try:
        print("ok", fmt.format(1))
    except Exception as e:
        print(fmt, type(e).__name__, e)
print(format(42), format(42, ""), format("x", "^3"), format([1], ""))
print("{}".format(3.0), "{:}".format(3.0), "{:g}".format(3.0), "{}".format(1e16))
print("{:%Y}".format(type("D", (), {"__format__": lambda self, s: "fmt:" + s})()))
