# __reduce__ / __setstate__ of the itertools classes (what copy and pickle use).
import itertools as it


def show(x):
    """A reduce tuple with iterators shown by type, not address."""
    if isinstance(x, tuple):
        return "(" + ", ".join(show(i) for i in x) + ("," if len(x) == 1 else "") + ")"
    if isinstance(x, list):
        return "[" + ", ".join(show(i) for i in x) + "]"
    r = repr(x)
    if " at 0x" in r or "object at" in r:
        return "<" + type(x).__name__ + ">"
    return r


def copy(x):
    """copy.copy through __reduce__."""
    rv = x.__reduce__()
    obj = rv[0](*rv[1])
    if len(rv) > 2 and rv[2] is not None:
        obj.__setstate__(rv[2])
    return obj


c = it.count(3)
print(show(c.__reduce__()), show(it.count(1.5).__reduce__()), show(it.count(2**70).__reduce__()),
      show(it.count(1, 2).__reduce__()), show(it.count().__reduce__()))
next(c)
d = copy(c)
print(c, d, next(d), next(c))
print(show(it.repeat("a").__reduce__()), show(it.repeat("a", 2).__reduce__()))

cy = it.cycle("ab")
print(show(cy.__reduce__()))
next(cy)
print(show(cy.__reduce__()))
print(next(cy), next(cy))
print(show(cy.__reduce__()))
next(cy)
print(show(cy.__reduce__()))
cy2 = copy(cy)
print([next(cy2) for _ in range(4)], [next(cy) for _ in range(4)])

ac = it.accumulate([1, 2, 3])
print(show(ac.__reduce__()))
next(ac)
print(show(ac.__reduce__()))
ac2 = copy(ac)
print(list(ac2), list(ac))
ai = it.accumulate([1, 2], initial=10)
print(show(ai.__reduce__()), list(copy(ai)))
an = it.accumulate([None, 1], lambda a, b: b)
next(an)
print(show(an.__reduce__()), list(copy(an)))

ch = it.chain("ab", "cd")
print(show(ch.__reduce__()))
next(ch)
print(show(ch.__reduce__()))
ch2 = copy(ch)
print(list(ch2), list(ch), show(ch.__reduce__()))
ch3 = it.chain()
ch3.__setstate__((iter(["xy", "z"]),))
print(list(ch3))
ch4 = it.chain()
ch4.__setstate__((iter(["z"]), iter("ab")))
print(list(ch4))

print(show(it.compress("ab", [1]).__reduce__()))
dw = it.dropwhile(bool, [1, 0, 1])
print(show(dw.__reduce__()))
next(dw)
print(show(dw.__reduce__()))
dw2 = it.dropwhile(bool, [1, 1, 0])
dw2.__setstate__(True)
print(list(dw2))
tw = it.takewhile(bool, [1, 0, 1])
print(list(tw), show(tw.__reduce__()))
tw2 = it.takewhile(bool, [1, 1])
tw2.__setstate__(1)
print(list(tw2))
print(show(it.filterfalse(None, "ab").__reduce__()), show(it.starmap(pow, []).__reduce__()))

gb = it.groupby("aabc")
print(show(gb.__reduce__()))
k, g = next(gb)
print(show(gb.__reduce__()), show(g.__reduce__()))
next(gb)
print(show(g.__reduce__()))
gb2 = it.groupby("xyy")
gb2.__setstate__(("x", "x", "q"))
print([(k, list(g)) for k, g in gb2])

isl = it.islice("abcdef", 1, 5, 2)
print(show(isl.__reduce__()))
next(isl)
print(show(isl.__reduce__()))
print(list(isl), show(isl.__reduce__()))
print(show(it.islice("abc", 2).__reduce__()))
isl2 = it.islice("abcdef", 0, None)
isl2.__setstate__(3)
print(list(isl2))

t1, t2 = it.tee("abc")
next(t1)
r = t1.__reduce__()
print(show(r), show(r[2][0].__reduce__()))
t3 = copy(t1)
print(list(t3), list(t1), list(t2))
long_a, long_b = it.tee(range(60))
for _ in range(58):
    next(long_a)
r = long_a.__reduce__()
print(r[2][1], len(r[2][0].__reduce__()[1][1]))
data = long_b.__reduce__()[2][0]
dr = data.__reduce__()
print(len(dr[1][1]), type(dr[1][2]).__name__)
t5 = it._tee([])
t5.__setstate__((data, 55))
print(list(t5))
try:
    t5.__setstate__((data, 58))
except ValueError as e:
    print("ValueError", e)
td = it._tee_dataobject(iter("zz"), ["a", "b"], None)
t6 = it._tee([])
t6.__setstate__((td, 1))
print(list(t6))

zl = it.zip_longest("ab", "c", fillvalue=0)
print(show(zl.__reduce__()))
next(zl)
next(zl)
print(show(zl.__reduce__()))
zl2 = it.zip_longest("ab", "cde")
zl2.__setstate__("F")
print(list(zl2))

pr = it.product("ab", [1, 2])
print(show(pr.__reduce__()))
next(pr)
next(pr)
print(show(pr.__reduce__()))
print(list(copy(pr)), list(pr), show(pr.__reduce__()))
pr2 = it.product("abc", "xyz")
pr2.__setstate__((1, 7))
print(list(pr2))
pr3 = it.product("ab", "")
pr3.__setstate__((0, 0))
print(list(pr3))

pe = it.permutations("abc", 2)
print(show(pe.__reduce__()))
next(pe)
next(pe)
print(show(pe.__reduce__()))
print(list(copy(pe)) == list(pe), show(pe.__reduce__()))
pe2 = it.permutations("abc")
pe2.__setstate__(((2, 1, 0), (1, 1, 1)))
print(list(pe2))

co = it.combinations("abcd", 2)
print(show(co.__reduce__()))
next(co)
print(show(co.__reduce__()))
print(list(copy(co)), list(co), show(co.__reduce__()))
co2 = it.combinations("abcd", 2)
co2.__setstate__((1, 9))
print(list(co2))

cw = it.combinations_with_replacement("abc", 2)
print(show(cw.__reduce__()))
next(cw)
next(cw)
print(show(cw.__reduce__()))
print(list(copy(cw)), list(cw), show(cw.__reduce__()))
cw2 = it.combinations_with_replacement("abc", 2)
cw2.__setstate__((-4, 1))
print(list(cw2))


class C(it.count):
    pass


print(show(C(4).__reduce__()), show(C(1, 0.5).__reduce__()))
