# exec() and eval() with explicit namespaces.
print(eval("1 + 2 * 3"), eval("x * y", {"x": 6, "y": 7}), eval("len(s)", {"s": "abc"}))
g = {"a": 10}
loc = {"b": 5}
print(eval("a + b", g, loc), sorted(g)[:2], "__builtins__" in g)
ns = {}
exec("def sq(n):\n    return n * n\nres = sq(9)\n", ns)
print(ns["res"], ns["sq"](4), sorted(k for k in ns if k != "__builtins__"))
g2, l2 = {}, {}
exec("x = 1\ny = x + 1", g2, l2)
print(sorted(l2.items()), "x" in g2)
print(exec("1 + 1"), eval("None"))
try:
    eval("1 +")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    eval("x = 5")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    eval("undefined_name", {})
except NameError as e:
    print(type(e).__name__, e)
try:
    eval("len('x')", {"__builtins__": {}})
except NameError as e:
    print(type(e).__name__, e)
print(eval("abs(-3)", {"__builtins__": {"abs": abs}}))
code = compile("z * 2", "<expr>", "eval")
print(type(code).__name__, eval(code, {"z": 21}), code.co_filename)
code2 = compile("for i in range(3):\n    out.append(i)\n", "<exec>", "exec")
out = []
exec(code2, {"out": out})
print(out)
counter = {"n": 0}
exec("n += 1", counter)
exec("n += 1", counter)
print(counter["n"])
src = """
class K:
    v = 3
    def m(self):
        return self.v * 2
result = K().m()
"""
ns = {}
exec(src, ns)
print(ns["result"], ns["K"].__name__, ns["K"].__module__ if "__name__" in ns else "module key absent")
ns = {"__name__": "fake_mod"}
exec("class Q: pass", ns)
print(ns["Q"].__module__)
print(eval("[i * j for i in range(3) for j in range(2)]"), eval("(lambda q: q + 1)(1)"))
x = 100


def scope_test():
    x = 1
    return eval("x"), eval("x", globals()), eval("x", {"x": 2}, {"x": 3})


print(scope_test())
try:
    exec(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    eval("1", [])
except TypeError as e:
    print(type(e).__name__, e)
