# Closures, nonlocal, global, cells shared between functions, late binding.
counter_total = 0


def make_counter(start=0):
    count = start

    def inc(step=1):
        nonlocal count
        global counter_total
        count += step
        counter_total += step
        return count

    def get():
        return count

    return inc, get


inc1, get1 = make_counter()
inc2, get2 = make_counter(100)
print(inc1(), inc1(), inc1(5), get1(), inc2(), get2(), counter_total)
print(inc1.__closure__[0].cell_contents, inc1.__code__.co_freevars, make_counter.__code__.co_cellvars)


def outer():
    x = "outer"

    def middle():
        y = "middle"

        def inner():
            nonlocal x
            x = x + "!"
            return x + " " + y

        return inner

    fn = middle()
    print(fn(), fn(), x)
    return fn


inner_fn = outer()
print(inner_fn())
fs = []
for i in range(3):
    fs.append(lambda: i)
print([g() for g in fs])
fs2 = [(lambda j: lambda: j)(i) for i in range(3)]
print([g() for g in fs2])


def accumulator():
    items = []

    def add(x):
        items.append(x)
        return len(items)

    add.items = items
    return add


acc = accumulator()
acc("a"); acc("b")
print(acc("c"), acc.items)


def shadow():
    x = 1

    def f():
        x = 2
        return x

    f()
    return x


print(shadow())
g_var = "global"


def read_global():
    return g_var


def write_global():
    global g_var, new_global
    g_var = "changed"
    new_global = 42


print(read_global()); write_global(); print(read_global(), new_global)


def cell_in_loop():
    result = []
    for k in range(3):
        def show(k=k):
            return k * 10
        result.append(show)
    total = 0

    def add_to_total(v):
        nonlocal total
        total += v

    for r in result:
        add_to_total(r())
    return total


print(cell_in_loop())


def arg_cell(a, b):
    def use():
        return a + b
    a = a * 2
    return use()


print(arg_cell(3, 4))


class Holder:
    value = "class attr"

    def method(self):
        return value if False else Holder.value

    def closure_over_class_name(self):
        return (lambda: __class__.__name__)()


print(Holder().method(), Holder().closure_over_class_name())
