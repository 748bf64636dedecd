# global and nonlocal declarations, shadowing, UnboundLocalError, module-level state.
x = "global x"
counter = 0
def read_global():
    return x
def shadow():
    x = "local x"
    return x
def bump():
    global counter
    counter += 1
    return counter
print(read_global(), shadow(), x, bump(), bump(), counter)
def create_global():
    global created
    created = "made inside"
create_global()
print(created)
def unbound():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = 1
    return x
print(unbound())
def outer():
    a = 1
    def mid():
        a = 2
        def inner():
            nonlocal a
            a += 10
            return a
        r = inner()
        return r, a
    res = mid()
    return res, a
print(outer())
def outer2():
    v = 0
    def setter(n):
        nonlocal v
        v = n
    def getter():
        return v
    setter(5)
    r1 = getter()
    setter(7)
    return r1, getter(), v
print(outer2())
def gl_and_local():
    global x
    old = x
    x = "rebound"
    return old
print(gl_and_local(), x)
def deleter():
    global created
    del created
deleter()
try:
    print(created)
except NameError as e:
    print("NameError:", e)
uses_builtin = lambda: len("abc")
len = lambda s: "shadowed"
print(uses_builtin())
del len
print(uses_builtin())
