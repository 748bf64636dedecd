# range() beyond machine words, __index__ wherever ints are expected, slices of ranges.
big = 10 ** 20
r = range(big, big + 10, 3)
print(r, len(r), r[0], r[-1], list(r), r[1:3], r[::-1], big + 3 in r, big + 4 in r)
print(r.index(big + 6), r.count(big), r.start, r.stop, r.step, bool(range(big, big)))
h = range(-2 ** 63, 2 ** 63, 3)
print(h[-1], h[1000], h[2:5])
try:
    len(h)
except OverflowError as e:
    print("OverflowError", e)
print(range(10)[::3], range(10)[8:2:-2], range(0, 10, 2)[1:], range(5)[10:], range(3) == range(0, 3, 2))
print(hash(range(0)) == hash(range(5, 5)), hash(range(2, 3)) == hash(range(2, 4, 7)))
it = iter(range(big, big + 2))
print(type(it).__name__, next(it), it.__length_hint__(), list(it))
print(list(enumerate("ab", 2 ** 63 - 1)))


class I:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


print(range(I(5)), [1, 2, 3, 4][I(1):I(3)], "hello"[I(-1)], hex(I(255)), oct(I(8)), bin(I(3)))
l = [0, 1, 2]
l[I(0)] = "a"
del l[I(2)]
print(l, (1, 2, 3)[I(2)], range(10)[I(4)], b"xyz"[I(1)])
try:
    [1][I(10 ** 30)]
except IndexError as e:
    print("IndexError", e)
try:
    range(I("x"))
except TypeError as e:
    print("TypeError", e)


class L:
    def __len__(self):
        return I(3)


try:
    len(L())
except TypeError as e:
    print("TypeError", e)
for r in [range(5), range(0), range(10, 0, -3), range(1, 2), range(10**20), range(-5, 5, 4), range(2**63-2, 2**63+2)]:
    it = reversed(r)
    print(type(it).__name__, it.__length_hint__(), next(it, None), next(it, None), next(it, None))
