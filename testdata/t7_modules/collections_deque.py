# collections.deque: appends, pops, maxlen, rotate, indexing, errors.
from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.extend("ab")
d.extendleft("xy")
print(d)
d.rotate(2)
print("rotate 2:", d)
d.rotate(-3)
print("rotate -3:", d)
d.rotate(0)
d.rotate(len(d) * 5 + 1)
print("rotate big:", d)

m = deque(range(5), maxlen=3)
print(m, m.maxlen)
m.append(9)
print(m)
m.appendleft(-1)
print(m)
m.extend([7, 8])
print(m)
m.extendleft([100])
print(m)
print(deque(maxlen=0), deque("abc", 2))
z = deque(maxlen=0)
z.append(1)
print(z, len(z))

e = deque()
for op in (e.pop, e.popleft):
    try:
        op()
    except IndexError as ex:
        print(type(ex).__name__, ex)
try:
    e[0]
except IndexError as ex:
    print(type(ex).__name__, ex)
try:
    deque(maxlen=-1)
except ValueError as ex:
    print(type(ex).__name__, ex)

d = deque("abcabc")
print(d.count("a"), d.index("b"), d.index("b", 2), "c" in d, "z" in d)
d.remove("a")
print(d)
try:
    d.remove("z")
except ValueError as ex:
    print(type(ex).__name__, ex)
d.insert(1, "I")
d.reverse()
print(d, list(reversed(d)))
d[0] = "first"
del d[1]
print(d)
c = d.copy()
c.clear()
print(d, c, deque([1, 2]) == deque([1, 2]), deque([1]) < deque([2]))
print(deque([1, 2]) + deque([3]), deque("ab") * 2)
try:
    m.insert(0, "overflow")
except IndexError as ex:
    print(type(ex).__name__, ex)
print(repr(deque([], maxlen=5)), bool(deque()), bool(deque([0])))
try:
    deque().maxlen = 3
except AttributeError as ex:
    print(type(ex).__name__, ex)
