# _operator's functions: each the interpreter's own operation, with
# CPython's argument checks and messages.
import operator as op
import _operator


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print(op.add(1, 2), op.sub(5, 3), op.mul("ab", 3), op.truediv(7, 2), op.floordiv(7, 2))
print(op.mod(7, 3), op.mod("%s!", "x"), op.pow(2, 10), op.lshift(1, 5), op.rshift(64, 2))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.and_({1, 2}, {2, 3}))
print(op.neg(5), op.pos(-5), op.inv(5), op.invert(0), op.abs(-3.5), op.abs(-7))
print(op.not_([]), op.not_(1), op.truth([]), op.truth("x"), op.index(True), op.index(2**70))
print(op.lt(1, 2), op.le(2, 2), op.eq("a", "a"), op.ne(1, 1.0), op.gt(3, 2), op.ge(1, 2))
print(op.lt([1], [2]), op.eq(1, 1.0), op.ne({1}, frozenset({1})))
print(op.is_(None, None), op.is_not(None, 0), op.contains([1, 2], 2), op.contains("abc", "bc"))
print(op.concat([1], [2]), op.concat("a", "b"), op.concat((1,), (2,)))
print(op.countOf([1, 2, 1, 1.0], 1), op.indexOf("hello", "l"), op.countOf(iter([]), 0))
nan = float("nan")
print(op.countOf([nan, nan], nan), op.indexOf([0, nan], nan))


class M:
    def __init__(self, v):
        self.v = v

    def __matmul__(self, o):
        return ("matmul", self.v, o)

    def __imatmul__(self, o):
        return ("imatmul", self.v, o)

    def __add__(self, o):
        return ("add", self.v, o)

    def __radd__(self, o):
        return ("radd", self.v, o)

    def __lt__(self, o):
        return "custom-lt"

    def __neg__(self):
        return "custom-neg"

    def __index__(self):
        return 42

    def __bool__(self):
        return False


m = M(1)
print(op.matmul(m, 2), op.imatmul(m, 3), op.add(m, 1), op.add(1, m), op.lt(m, 0), op.gt(0, m))
print(op.neg(m), op.index(m), op.not_(m), op.truth(m))

# In-place operators mutate what supports it and return the result.
lst = [1]
print(op.iadd(lst, [2]) is lst, lst, op.iconcat(lst, [3]) is lst, lst)
print(op.iadd(1, 2), op.isub(5, 1), op.imul([0], 2), op.itruediv(1, 4), op.ifloordiv(9, 2))
print(op.imod(9, 4), op.ipow(3, 3), op.ilshift(1, 3), op.irshift(16, 1))
print(op.iand(6, 3), op.ior(6, 3), op.ixor(6, 3))
s = {1, 2}
print(op.ior(s, {3}) is s, s, op.iand(s, {1, 3}), op.ixor(s, {1}), op.isub({1, 2}, {2}))

# Item access.
d = {"a": 1}
print(op.getitem(d, "a"), op.getitem("hello", slice(1, 3)), op.getitem([1, 2, 3], -1))
print(op.setitem(d, "b", 2), d, op.delitem(d, "a"), d)
show(lambda: op.getitem(d, "zz"))
show(lambda: op.delitem([], 0))
show(lambda: op.getitem(1, 1))

# call.
print(op.call(max, 3, 9, 4), op.call(dict, a=1), op.call(lambda *a, **k: (a, k), 1, x=2))
show(lambda: op.call())

# length_hint.


class Hinted:
    def __length_hint__(self):
        return 7


class BadHint:
    def __length_hint__(self):
        return "x"


class NegHint:
    def __length_hint__(self):
        return -1


class NoHint:
    def __length_hint__(self):
        return NotImplemented


class TypeErrLen:
    def __len__(self):
        raise TypeError("no len")

    def __length_hint__(self):
        return 3


print(op.length_hint([1, 2]), op.length_hint(iter([1, 2, 3])), op.length_hint(iter(range(10))))
print(op.length_hint(Hinted()), op.length_hint(NoHint(), 5), op.length_hint(object(), 9))
print(op.length_hint(TypeErrLen()), op.length_hint(x for x in []), op.length_hint({}, 2))
show(lambda: op.length_hint(BadHint()))
show(lambda: op.length_hint(NegHint()))
show(lambda: op.length_hint([], "x"))
show(lambda: op.length_hint())

# Messages.
show(lambda: op.add(1))
show(lambda: op.add(1, 2, 3))
show(lambda: op.add(1, b=2))
show(lambda: op.neg())
show(lambda: op.neg(1, 2))
show(lambda: op.truth(x=1))
show(lambda: op.index(2.5))
show(lambda: op.index("1"))
show(lambda: op.concat(1, 2))
show(lambda: op.concat({}, {}))
show(lambda: op.iconcat(1, [2]))
show(lambda: op.concat([1], (2,)))
show(lambda: op.contains(1, 2))
show(lambda: op.indexOf([1, 2], 3))
show(lambda: op.countOf(5, 1))
show(lambda: op.setitem([], 0))
show(lambda: op.sub("a", 1))
show(lambda: op.truediv(1, 0))
show(lambda: op.lt(1, "a"))
show(lambda: op.neg("a"))
show(lambda: op.invert(1.5))
show(lambda: op.pow(2, 3, 4))
show(lambda: op.is_(1))

# _compare_digest.
print(_operator._compare_digest("abc", "abc"), _operator._compare_digest(b"abc", b"abd"), _operator._compare_digest(bytearray(b"x"), b"x"))
print(_operator._compare_digest("a", "ab"))
show(lambda: _operator._compare_digest("a", b"a"))
show(lambda: _operator._compare_digest(1, 2))
show(lambda: _operator._compare_digest("é", "é"))

# operator.py takes them all from _operator.
print(op.add is _operator.add, op.__abs__ is _operator.abs, op.__add__(2, 3), op.__iadd__ is op.iadd)
print(sorted(n for n in dir(_operator) if not n.startswith("__")))
print(all(getattr(op, n) is getattr(_operator, n) for n in dir(_operator) if not n.startswith("_")))
print(type(op.add).__name__, repr(op.add), op.__doc__.splitlines()[0])
