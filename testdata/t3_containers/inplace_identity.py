# In-place operators on mutable builtins change the object itself.
l = [0, 1]
m = l
l *= 2
print(l is m, m)
l += (5,)
print(l is m, m)
for op in ("|=", "&=", "-=", "^="):
    a = {1, 2, 3}
    b = a
    exec(f"a {op} {{2, 5}}")
    print(op, a is b, sorted(b))
a = {1, 2}
b = a
a |= frozenset({9})
print(a is b, sorted(b))
f = frozenset({1})
g = f
f |= {2}
print(f is g, sorted(f), sorted(g))
try:
    a |= [1]
except TypeError as e:
    print("TypeError", e)
t = (1,)
u = t
t *= 2
print(t is u, t, u)
