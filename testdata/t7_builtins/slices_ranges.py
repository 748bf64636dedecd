# slice objects and range objects.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1))
print(s.indices(5), slice(None, None, -1).indices(4), slice(-3, None).indices(10), slice(0, 100, 3).indices(7))
data = list(range(10))
print(data[s], data[slice(-3, None)], data[::-2], "abcdef"[slice(None, None, 2)])
try:
    slice(0, 1, 0).indices(5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    data[::0]
except ValueError as e:
    print(type(e).__name__, e)
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
try:
    hash(slice(1, 2))
    print("slice hashable")
except TypeError as e:
    print(type(e).__name__, e)

r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1], 8 in r, 9 in r)
print(r.index(11), r.count(5), range(0) == range(5, 2), range(0, 3) == range(3), bool(range(0)))
print(list(range(5, 0, -2)), list(range(-3)), range(0, 10 ** 20, 7)[-1], range(10 ** 20)[-1])
try:
    len(range(10 ** 20))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    range(1, 2, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    r.index(4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(3)[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    range(1.5)
except TypeError as e:
    print(type(e).__name__, e)
print(repr(range(0, 5, 1)), repr(range(3)), reversed(range(3)).__length_hint__())
print(hash(range(3)) == hash(range(0, 3)), range(0, 5, 2) == range(0, 6, 2), sum(range(1, 101)))
print(range(5).start, range(5).stop, range(5).step, range(3, 8)[2:], range(10)[::3])
