# itertools.compress, dropwhile, takewhile, filterfalse.
import itertools as it

print(list(it.compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(it.compress("ABC", [1, 1])))
print(list(it.compress(range(10), it.cycle([True, False, False]))))
print(list(it.compress([], [1, 1])))

print(list(it.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(it.dropwhile(lambda x: True, [1, 2])))
print(list(it.dropwhile(str.isdigit, "123abc45")))
print(list(it.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(it.takewhile(lambda x: False, [1, 2])))
print("".join(it.takewhile(str.isalpha, "hello world")))

src = iter([1, 2, 10, 3])
print(list(it.takewhile(lambda x: x < 5, src)), list(src))

print(list(it.filterfalse(lambda x: x % 2, range(10))))
print(list(it.filterfalse(None, [0, 1, "", "a", None, [], [0]])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))


def noisy(x):
    print(f"  pred({x})")
    return x < 3


print(list(it.takewhile(noisy, [1, 2, 3, 4])))
print(list(it.dropwhile(noisy, [1, 5, 2])))
try:
    list(it.takewhile(lambda x: x / 0, [1]))
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    it.compress([1])
except TypeError as e:
    print(type(e).__name__, e)
