# LOAD_GLOBAL repeated at one instruction while globals and builtins change
# under it: every change must be seen at once.
import builtins


def get_x():
    return x


def get_len():
    return len("abc")


x = 1
print([get_x() for _ in range(3)])
x = 2  # a value replaced in place
print(get_x())
del x
try:
    get_x()
except NameError as e:
    print("NameError:", e)
x = 3
print(get_x())

# A global shadows a builtin, then goes away again.
print(get_len())
len = lambda s: "shadowed"
print(get_len())
del len
print(get_len())

# The builtin itself replaced, then restored.
original = builtins.len
builtins.len = lambda s: "patched builtin"
print(get_len())
builtins.len = original
print(get_len())

# Many new globals (the globals dict grows and moves its entries).
for i in range(200):
    globals()["g%d" % i] = i
print(get_x(), get_len(), g199)

# The same code run under other globals.
code = get_x.__code__
import types
other = types.FunctionType(code, {"x": "other globals"})
print(other(), get_x())
no_builtins = types.FunctionType(get_len.__code__, {"__builtins__": {"len": lambda s: 42}})
print(no_builtins(), get_len())


def loop_reader(n):
    out = []
    for i in range(n):
        out.append(x)
        if i == 1:
            globals()["x"] = "changed mid-loop"
    return out


print(loop_reader(4))

# FunctionType's own checks.
for bad in [(1, {}), (code, [])]:
    try:
        types.FunctionType(*bad)
    except TypeError as e:
        print("TypeError:", e)
named = types.FunctionType(code, {"x": 5}, "renamed")
print(named.__name__, named())
