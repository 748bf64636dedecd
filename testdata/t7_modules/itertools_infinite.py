# itertools.count, cycle, repeat and islice.
import itertools as it

print(list(it.islice(it.count(), 5)))
print(list(it.islice(it.count(10, 3), 4)))
print(list(it.islice(it.count(5, -2), 4)))
print(list(it.islice(it.count(0.5, 0.25), 4)))
print(repr(it.count(3)), repr(it.count(1, 2)), repr(it.count(1.5)))
c = it.count(7)
print(next(c), next(c), repr(c))
print(list(zip("abc", it.count(1))))

cy = it.cycle("AB")
print([next(cy) for _ in range(5)])
print(list(it.islice(it.cycle([1, 2, 3]), 8)))
print(list(it.cycle([])))
src = iter([1, 2])
cy = it.cycle(src)
print([next(cy) for _ in range(5)], list(src))

print(list(it.repeat("x", 3)), list(it.repeat(None, 0)), list(it.repeat(1, -5)))
print(repr(it.repeat("a", 2)), repr(it.repeat(5)))
r = it.repeat(9, 3)
print(r.__length_hint__(), next(r), r.__length_hint__())
print(list(map(pow, range(5), it.repeat(2))))
print(list(it.islice(it.repeat([0]), 2)))

print(list(it.islice("abcdefg", 2)))
print(list(it.islice("abcdefg", 2, 5)))
print(list(it.islice("abcdefg", 1, None, 2)))
print(list(it.islice("abcdefg", None)))
print(list(it.islice("abc", 10, 20)))
for args in [(-1,), (0, -1), (0, 5, 0), ("a",)]:
    try:
        it.islice("abc", *args)
    except ValueError as e:
        print(type(e).__name__, e)
src = iter(range(10))
print(list(it.islice(src, 3)), next(src))
try:
    it.count("a")
except TypeError as e:
    print(type(e).__name__, e)
