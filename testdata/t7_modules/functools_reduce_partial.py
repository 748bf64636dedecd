# functools.reduce and functools.partial.
import functools
import operator

print(functools.reduce(operator.add, [1, 2, 3, 4]))
print(functools.reduce(operator.mul, range(1, 8), 1))
print(functools.reduce(lambda a, b: a + [b * 2], [1, 2, 3], []))
print(functools.reduce(max, [3, 9, 2, 7]))
print(functools.reduce(operator.add, [], 100))
print(functools.reduce(operator.add, ["only"]))
try:
    functools.reduce(operator.add, [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    functools.reduce(operator.add, 5)
except TypeError as e:
    print(type(e).__name__, e)
print(functools.reduce(lambda acc, kv: {**acc, kv[0]: kv[1]}, [("a", 1), ("b", 2)], {}))


def power(base, exp, *, mod=None):
    return pow(base, exp, mod)


square = functools.partial(power, exp=2)
cube = functools.partial(power, exp=3)
two_to = functools.partial(power, 2)
print(square(5), cube(3), two_to(10), two_to(10, mod=1000))
print(square.func is power, square.args, square.keywords)
print(two_to.args, two_to.keywords)
nested = functools.partial(two_to, mod=7)
print(nested.func is power, nested.args, nested.keywords, nested(5))
override = functools.partial(power, 3, exp=4)
print(override(), override(exp=2))
try:
    square(2, 3)
except TypeError as e:
    print(type(e).__name__, e)

int_base2 = functools.partial(int, base=2)
print(int_base2("1011"), int_base2("111", base=8))
join_dash = functools.partial("-".join)
print(join_dash(["a", "b", "c"]))
print(list(map(functools.partial(operator.mul, 3), [1, 2, 3])))
sort_desc = functools.partial(sorted, reverse=True)
print(sort_desc([3, 1, 2]), sort_desc("bca", key=str.upper))
try:
    functools.partial(5)
except TypeError as e:
    print(type(e).__name__, e)
p = functools.partial(print, "prefix:", sep="|")
p("x", "y")
p.__dict__["note"] = "attrs allowed"
print(p.note)
print(callable(p), type(p).__name__)
