# Closures: captured cells, late binding, default-arg capture, independent counters.
def make_adders():
    return [lambda x: x + i for i in range(3)]
print([f(10) for f in make_adders()])
def make_adders_bound():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in make_adders_bound()])
def counter(start):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc1, get1 = counter(0)
inc2, get2 = counter(100)
print(inc1(), inc1(), inc1(5), get1(), inc2(), get2(), get1())
def late():
    fns = []
    for n in range(3):
        def f():
            return n
        fns.append(f)
    n = 42
    return fns
print([f() for f in late()])
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "changed"
    return middle()()
print(outer())
print(make_adders()[0].__closure__ is not None, counter.__closure__, len(inc1.__closure__))
print(inc1.__code__.co_freevars, counter.__code__.co_cellvars)
print(inc1.__closure__[0].cell_contents)
def cell_before_assign():
    def g():
        return v
    try:
        g()
    except NameError as e:
        print("NameError:", e)
    v = 1
    return g()
print(cell_before_assign())
def compose(*fns):
    def run(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return run
print(compose(str, lambda v: v * 2, abs)(-21))
acc = []
def make_logger(prefix):
    return lambda msg: acc.append(prefix + msg)
log_a, log_b = make_logger("A:"), make_logger("B:")
log_a("1"); log_b("2"); log_a("3")
print(acc)
