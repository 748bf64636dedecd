# Unpacking: star targets, nested, in for loops, errors, star in calls and literals.
a, b, c = [1, 2, 3]
print(a, b, c)
first, *rest = range(5)
print(first, rest)
*init, last = "hello"
print(init, last)
x, *mid, y = (1, 2)
print(x, mid, y)
h, *m, t = [1, 2, 3, 4, 5]
print(h, m, t)
(p, q), r = (1, 2), 3
print(p, q, r)
(i, (j, *k)), l = (0, [1, 2, 3]), 4
print(i, j, k, l)
[u, v] = "uv"
print(u, v)
for idx, (name, score) in enumerate([("a", 1), ("b", 2)]):
    print(idx, name, score)
for k1, *vals in [(1, 2, 3), (4,), (5, 6)]:
    print(k1, vals)
d = {"one": 1, "two": 2}
for key, val in d.items():
    print(key, val)
k1, k2 = d
print(k1, k2)
def too_many():
    a, b = [1, 2, 3]
def too_few():
    a, b, c = [1, 2]
def star_few():
    a, *b, c = [1]
def not_iter():
    a, b = 5
bads = [too_many, too_few, star_few, not_iter]
for bad in bads:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print([*range(3), *"ab", *(9,)], (*[1], 2), {*"aa", *"a"} == {"a"}, {**{"k": 1}, "j": 2})
def f(*args, **kw):
    return args, kw
print(f(*[1, 2], 3, *(4,), a=1, **{"b": 2}), f(*"xy", **dict(z=0)))
a = b = [0]
a += [1]
print(a, b, a is b)
x, y = y, x = 1, 2
print(x, y)
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, 9
print(i, lst)
s = {"k": [10, 20]}
(s["a"], s["b"]), *s["rest"] = (1, 2), 3, 4
print(s)
*z, = "abc"
print(z)
