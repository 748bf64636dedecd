# _functools.reduce and cmp_to_key (functools.KeyWrapper) as CPython's C
# versions behave, with their messages.
import functools
from functools import cmp_to_key, reduce


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


def add(a, b):
    return a + b


print(reduce(add, [1, 2, 3, 4]), reduce(add, [1, 2], 10), reduce(add, [], "init"))
print(reduce(add, "abc"), reduce(add, iter([[1], [2]])), reduce(add, [5]))
show(lambda: reduce(add, 5))
show(lambda: reduce(add, []))
show(lambda: reduce(add))
show(lambda: reduce(add, [], 1, 2))
show(lambda: reduce(add, [1], initial=2))
show(lambda: reduce(add, ["a", 1]))
show(lambda: reduce(None, [1, 2]))


class Boom:
    def __iter__(self):
        raise ValueError("no iteration here")


show(lambda: reduce(add, Boom()))


def gen():
    yield 1
    raise KeyError("mid")


show(lambda: reduce(add, gen()))


def numeric(a, b):
    return (a > b) - (a < b)


def by_len(a, b):
    return len(a) - len(b)


words = ["ccc", "a", "bb", "dddd", ""]
print(sorted(words, key=cmp_to_key(by_len)))
print(sorted([3, 1, 2], key=cmp_to_key(numeric), reverse=True))
print(min(words, key=cmp_to_key(by_len)), max([4, 9, 2], key=cmp_to_key(numeric)))

K = cmp_to_key(numeric)
print(type(K), type(K).__name__, type(K).__module__, type(K) is type(K(1)))
a, b = K(1), K(2)
print(a < b, a <= b, a == b, a != b, a > b, a >= b, K(3) == K(3))
print(a.obj, b.obj, K.obj)
a.obj = 5
print(a.obj, a > b)
show(lambda: a < 3)
show(lambda: 3 < a)
show(lambda: hash(a))
show(lambda: K(1, 2))
show(lambda: K())
print(K(obj=7).obj)
show(lambda: cmp_to_key())
show(lambda: cmp_to_key(numeric, 1))
print(cmp_to_key(mycmp=numeric)(4) < cmp_to_key(mycmp=numeric)(5))
show(lambda: type(K)())
show(lambda: K.other)
show(lambda: setattr(K, "other", 1))
show(lambda: K < K)


def bad_cmp(a, b):
    return "not a number"


show(lambda: cmp_to_key(bad_cmp)(1) < cmp_to_key(bad_cmp)(2))


def raising(a, b):
    raise ArithmeticError(f"cmp {a} {b}")


show(lambda: sorted([1, 2], key=cmp_to_key(raising)))

try:
    class Sub(type(K)):
        pass
except TypeError as e:
    print("TypeError", e)

print(functools.cmp_to_key is cmp_to_key, functools.reduce is reduce)
# total_ordering and the others still work on top of them.
print(reduce(lambda acc, kv: {**acc, kv[0]: kv[1]}, [("a", 1), ("b", 2)], {}))
