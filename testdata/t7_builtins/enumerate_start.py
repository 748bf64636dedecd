# enumerate with start values and over different iterables.
print(list(enumerate("abc")))
print(list(enumerate("abc", 1)), list(enumerate("abc", start=-2)))
print(list(enumerate([], 5)), list(enumerate(range(3), 10 ** 20)))
e = enumerate("xy", 100)
print(type(e).__name__, next(e), next(e), next(e, None))
for i, (a, b) in enumerate(zip("ab", "cd"), start=1):
    print(i, a, b)
print(dict(enumerate("hey")))
print({v: i for i, v in enumerate("abc")})
try:
    enumerate("a", 1.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    enumerate(5)
except TypeError as e:
    print(type(e).__name__, e)
print(list(enumerate(enumerate("ab"))))


def g():
    yield "first"
    yield "second"


print(list(enumerate(g(), True)))
print([i * v for i, v in enumerate([10, 20, 30])])
print(sum(i for i, _ in enumerate("abcd")))
