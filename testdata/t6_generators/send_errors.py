# send() edge cases: non-None to just-started generator, send after exhaustion.
def g():
    x = yield 1
    print("  got", x)
    y = yield 2
    print("  got", y)
    return x, y


gen = g()
for bad in (5, "s", 0, [], False):
    try:
        gen.send(bad)
    except TypeError as e:
        print(type(e).__name__, e)
print("still startable:", gen.send(None))
print(gen.send("a"))
try:
    gen.send("b")
except StopIteration as e:
    print("StopIteration", e.value)
for v in (None, 1):
    try:
        gen.send(v)
    except StopIteration as e:
        print("exhausted send", repr(v), "->", type(e).__name__, e.args)

gen2 = g()
print(next(gen2))
print(next(gen2))
try:
    next(gen2)
except StopIteration as e:
    print("next gives None sends:", e.value)


def counter():
    n = 0
    while True:
        cmd = yield n
        if cmd == "reset":
            n = 0
        elif cmd is None:
            n += 1
        elif isinstance(cmd, int):
            n += cmd
        else:
            raise ValueError(f"bad command {cmd!r}")


c = counter()
print([next(c), next(c), c.send(10), c.send("reset"), next(c), c.send(-5)])
try:
    c.send(3.5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    c.send(None)
except StopIteration:
    print("dead after error")

try:
    g().send()
except TypeError as e:
    print(type(e).__name__, e)
try:
    g().send(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
