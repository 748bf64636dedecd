# tuple operations: construction, single element, concat, compare, count/index, hashing, immutability.
t = (1, 2, 3)
e = ()
s = (5,)
print(t, e, s, type(s).__name__, (5), len(e), tuple("ab"), tuple([1, [2]]), tuple(range(3)))
print(t + s, t * 2, 2 * s, e * 10, t[1], t[-1], t[::-1], t[1:], t[5:])
print(t.count(2), (1, 1, 2, 1).count(1), t.index(3), (1, 2, 1).index(1, 1))
try:
    t.index(9)
except ValueError as e2:
    print("ValueError:", e2)
try:
    t[0] = 9
except TypeError as e2:
    print("TypeError:", e2)
try:
    t[3]
except IndexError as e2:
    print("IndexError:", e2)
try:
    t + [4]
except TypeError as e2:
    print("TypeError:", e2)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9, 9), () < (0,), (1, "a") == (1, "a"))
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pair"}[(1, 2)], (1, 2) in {(1, 2), (3, 4)})
try:
    hash((1, [2]))
except TypeError as e2:
    print("TypeError:", e2)
inner = [1]
tt = (inner, 2)
inner.append(3)
print(tt)
try:
    tt[0] += [4]
except TypeError as e2:
    print("TypeError:", e2)
print(tt)
a, b = 1, 2
a, b = b, a
print(a, b)
x = 1, 2, 3
print(x, len(x), 1 in x, 4 not in x, max(x), min(x), sum(x))
print(tuple(sorted((3, 1, 2))), tuple(reversed(t)), tuple(x * 2 for x in t))
print(repr((1,)), repr(((),)), repr(("a", ("b",))), str(()))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested[0] + nested[1])
print(t == [1, 2, 3], list(t) == [1, 2, 3], t is not None)
