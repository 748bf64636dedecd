# _collections.deque: construction, the methods, indexing, operators, errors.
from _collections import deque


def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


d = deque([1, 2, 3])
print(d, len(d), bool(d), bool(deque()), deque(), deque("abc"))
print(deque(range(5), 3), deque(iterable=[1], maxlen=2), deque([], None))
print(type(d), type(d).__name__, type(d).__module__, type(d).__qualname__)

# __init__ again empties the deque and may change maxlen.
d.__init__([7, 8], 5)
print(d, d.maxlen)
d.__init__()
print(d, d.maxlen)

# Ends.
d = deque()
d.append(1)
d.appendleft(0)
d.extend([2, 3])
d.extendleft("ba")
print(d)
print(d.pop(), d.popleft(), d)
d.extend(d)
print(d)
d.extendleft(d)
print(d)
d.clear()
print(d, len(d))
attempt("pop empty", d.pop)
attempt("popleft empty", d.popleft)

# Bounded deques drop from the other end.
b = deque(maxlen=3)
for i in range(5):
    b.append(i)
print(b, b.maxlen)
b.appendleft(-1)
print(b)
b.extend([10, 11])
print(b)
b.extendleft([20, 21])
print(b)
attempt("insert into full", lambda: b.insert(0, 99))
z = deque(maxlen=0)
z.append(1)
z.extend(range(3))
z.extendleft(range(3))
print(z, len(z))

# rotate
r = deque(range(6))
r.rotate()
print(r)
r.rotate(-3)
print(r)
r.rotate(13)
print(r)
r.rotate(-13)
print(r)
deque().rotate(5)
deque([1]).rotate(-5)
attempt("rotate str", lambda: r.rotate("x"))
attempt("rotate 2 args", lambda: r.rotate(1, 2))
attempt("rotate huge", lambda: r.rotate(2**70))

# count, index, insert, remove, reverse, copy
c = deque([1, 2, 1, 3, 1])
print(c.count(1), c.count(9), c.index(1), c.index(1, 1), c.index(1, 3), c.index(3, -3))
print(c.index(1, -100, 100), c.index(1, 2**80 * -1))
attempt("index missing", lambda: c.index(9))
attempt("index outside range", lambda: c.index(3, 0, 2))
attempt("index no args", lambda: c.index())
attempt("index bad start", lambda: c.index(1, "a"))
attempt("index None start", lambda: c.index(1, None))
attempt("index too many", lambda: c.index(1, 0, 1, 2))
c.insert(0, "a")
c.insert(100, "z")
c.insert(-1, "y")
c.insert(-100, "first")
c.insert(2, "mid")
print(c)
attempt("insert bad index", lambda: c.insert("x", 1))
attempt("insert one arg", lambda: c.insert(1))
c.remove(1)
print(c)
attempt("remove missing", lambda: c.remove(42))
c.reverse()
print(c)
cc = c.copy()
cc.append("new")
print(c == cc, len(c), len(cc), c.copy() == c, c.__copy__() == c)
print(deque([1], 4).copy())

# Items by index.
s = deque("abcde")
print(s[0], s[4], s[-1], s[-5], s.__getitem__(2))
s[1] = "B"
s[-1] = "E"
print(s)
del s[0]
del s[-2]
print(s)
attempt("index out of range", lambda: s[10])
attempt("negative out of range", lambda: s[-10])
attempt("str index", lambda: s["a"])
attempt("slice", lambda: s[1:2])
attempt("huge index", lambda: s[2**70])


def setitem(i, v):
    s[i] = v


def delitem(i):
    del s[i]


attempt("set out of range", lambda: setitem(5, 0))
attempt("del out of range", lambda: delitem(-9))


class Idx:
    def __index__(self):
        return 1


print(s[Idx()], deque(range(9), True))
attempt("maxlen __index__", lambda: deque([], Idx()))

# Membership, comparison, arithmetic.
print(2 in deque([1, 2]), 5 in deque([1, 2]), float("nan") in deque([1]))
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) == deque([1, 2], 5))
print(deque([1, 2]) == [1, 2], deque([1, 2]) != [1, 2])
print(deque([1, 2]) < deque([1, 3]), deque([1, 2]) < deque([1, 2, 0]))
print(deque([2]) > deque([1, 9]), deque([1, 2]) >= deque([1, 2]), deque() <= deque())
attempt("lt list", lambda: deque([1]) < [1])
print(deque([1, 2]) + deque([3]), deque([1], 2) + deque([2, 3]))
attempt("add list", lambda: deque([1]) + [2])
attempt("radd list", lambda: [2] + deque([1]))
print(deque([1, 2]) * 3, 2 * deque("ab"), deque([1, 2]) * 0, deque([1, 2]) * -1)
print(deque([1, 2, 3], 5) * 3, deque([7], 4) * 10, deque() * 5)
attempt("mul str", lambda: deque([1]) * "a")
attempt("mul float", lambda: deque([1]) * 2.0)
attempt("str mul deque", lambda: "a" * deque([1]))
m = deque([1, 2])
m2 = m
m += "ab"
m *= 2
print(m, m is m2)
m *= 1
print(m)
m *= 0
print(m, m is m2)
attempt("hash", lambda: hash(deque()))
print(deque.__hash__)

# maxlen is read-only.
attempt("maxlen set", lambda: setattr(deque(), "maxlen", 3))
attempt("maxlen del", lambda: delattr(deque(), "maxlen"))
attempt("other attribute", lambda: setattr(deque(), "foo", 3))
attempt("missing attribute", lambda: deque().foo)

# Argument errors.
attempt("three args", lambda: deque(1, 2, 3))
attempt("maxlen str", lambda: deque([], "a"))
attempt("maxlen float", lambda: deque([], 2.0))
attempt("maxlen negative", lambda: deque([], -1))
attempt("maxlen huge", lambda: deque([], 2**70))
attempt("bad keyword", lambda: deque(foo=1))
attempt("not iterable", lambda: deque(5))
attempt("append none", lambda: deque().append())
attempt("count none", lambda: deque().count())
attempt("pop arg", lambda: deque().pop(1))
attempt("unbound append", lambda: deque.append([], 1))
attempt("new of list", lambda: deque.__new__(list))

# repr
print(repr(deque()), repr(deque([], 0)), repr(deque(["a", None, 1.5], 7)))
rec = deque([1])
rec.append(rec)
print(rec)
inner = deque()
outer = deque([inner, [inner]])
inner.append(outer)
print(outer)
print(deque[int], deque[int].__origin__ is deque)
print(deque([1, 2], 3).__reduce__()[:3], deque([1]).__reduce__()[:3])
print(list(deque([1, 2], 3).__reduce__()[3]))
