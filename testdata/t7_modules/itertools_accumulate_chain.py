# itertools.accumulate, chain and chain.from_iterable.
import itertools as it
import operator

print(list(it.accumulate([1, 2, 3, 4, 5])))
print(list(it.accumulate([1, 2, 3, 4, 5], operator.mul)))
print(list(it.accumulate([3, 1, 4, 1, 5, 9, 2], max)))
print(list(it.accumulate([1, 2, 3], initial=100)))
print(list(it.accumulate([], initial=7)), list(it.accumulate([])))
print(list(it.accumulate("abc")))
print(list(it.accumulate([[1], [2], [3]])))
print(list(it.accumulate(range(5), lambda a, b: a * 10 + b)))
print(list(it.accumulate([1.5, 2.25, 3])))
try:
    list(it.accumulate([1, "a"]))
except TypeError as e:
    print(type(e).__name__, e)

print(list(it.chain("ab", [1, 2], (), range(2))))
print(list(it.chain()))
print(list(it.chain.from_iterable(["ab", "cd", ""])))
print(list(it.chain.from_iterable([[1, 2], [3], []])))
print(list(it.chain.from_iterable((range(i) for i in range(4)))))


def gen():
    print("  gen started")
    yield 1


ch = it.chain([0], gen())
print("chain created")
print(list(ch))
try:
    list(it.chain([1], 5))
except TypeError as e:
    print(type(e).__name__, e)
c = it.chain("xy", "z")
print(next(c), list(c), list(c))
print(sum(it.chain([1, 2], [3])), "".join(it.chain("ab", "cd")))
print(dict(it.chain({"a": 1}.items(), [("b", 2)])))
