# map, filter, reversed: laziness, multiple iterables, errors.
print(list(map(str.upper, "abc")), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(map(pow, [2, 3], [3, 2], [5, 5])))
m = map(int, ["1", "2", "x"])
print(next(m), next(m))
try:
    next(m)
except ValueError as e:
    print(type(e).__name__, e)
try:
    map(len)
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(map(5, [1]))
except TypeError as e:
    print(type(e).__name__, e)


def noisy(x):
    print(f"  called {x}")
    return x * 10


mm = map(noisy, range(3))
print("map created")
print(next(mm))
print(list(mm))
print(list(filter(lambda x: x > 1, [0, 1, 2, 3])), list(filter(None, ["", "a", 0, 3])))
print(list(filter(str.isdigit, "a1b22c")), type(filter(None, [])).__name__, type(mm).__name__)
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(5))), list(reversed((1, 2))))
print(list(reversed(range(10, 0, -3))), list(reversed({"a": 1, "b": 2})), list(reversed({"a": 1}.items())))
for bad in ({1, 2}, iter([1]), 5):
    try:
        reversed(bad)
    except TypeError as e:
        print(type(e).__name__, e)


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 11


class Rev:
    def __reversed__(self):
        return iter(["custom", "reverse"])


print(list(reversed(Seq())), list(Rev().__reversed__()), list(reversed(Rev())))
r = reversed([1, 2, 3])
print(r.__length_hint__(), next(r), r.__length_hint__(), list(r), list(r))
print(sum(map(len, ["ab", "cde"])), max(map(abs, [-5, 3])), dict(map(lambda s: (s, len(s)), ["x", "yy"])))
