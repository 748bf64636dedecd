# Generator expressions: eager first iterable, lazy rest, scoping.
def src(name, n):
    print(f"  evaluating source {name}")
    return range(n)


print("create")
g = (x * y for x in src("outer", 3) for y in src("inner", 2))
print("created, now iterate")
print(list(g))

try:
    g2 = (x for x in 5)
except TypeError as e:
    print("eager error:", type(e).__name__, e)

g3 = (1 / x for x in [1, 0])
print("lazy:", next(g3))
try:
    next(g3)
except ZeroDivisionError as e:
    print(type(e).__name__, e)

x = "outer-x"
g4 = (x for x in range(3))
print(list(g4), x)

items = [1, 2, 3]
g5 = (i for i in items)
items = [10, 20]
print("bound first iterable:", list(g5))

n = 1
g6 = (i + n for i in range(3))
n = 100
print("late binding of body names:", list(g6))


class C:
    val = 10
    data = [1, 2, 3]
    gen_ok = list(v * 2 for v in data)
    try:
        gen_bad = list(v * val for v in data)
    except NameError as e:
        err = f"{type(e).__name__}: {e}"


print(C.gen_ok, C.err)

print(sum(x * x for x in range(10)))
print(max((len(w), w) for w in "the quick brown fox".split()))
print(any(x > 3 for x in [1, 5, 2]), all(x > 0 for x in []))
print(",".join(str(i) for i in range(5) if i % 2))
print(sorted((c for c in "banana"), reverse=True))
print(dict((k, len(k)) for k in ["a", "bb", "ccc"]))

nested = ((i, j) for i in range(3) if i != 1 for j in range(i) if j >= 0)
print(list(nested))

g7 = (x for x in range(3))
print(iter(g7) is g7, next(g7), list(g7), list(g7))

funcs = list((lambda: i) for i in range(3))
print([f() for f in funcs])
funcs2 = list((lambda i=i: i) for i in range(3))
print([f() for f in funcs2])
