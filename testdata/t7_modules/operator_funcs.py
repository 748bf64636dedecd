# The operator module: arithmetic functions, itemgetter, attrgetter, methodcaller.
import operator as op

print(op.add(2, 3), op.sub(2, 3), op.mul("ab", 2), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3))
print(op.pow(2, 10), op.neg(5), op.pos(-5), op.abs(-3), op.invert(5), op.not_(0), op.truth([]))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.lshift(1, 4), op.rshift(32, 2))
print(op.eq(1, 1.0), op.ne(1, 2), op.lt(1, 2), op.le(2, 2), op.gt("b", "a"), op.ge([1], [1, 0]))
print(op.is_(None, None), op.is_not(1, None), op.contains("abc", "b"), op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"))
print(op.concat([1], [2]), op.getitem({"k": 1}, "k"), op.index(7), op.matmul.__name__)
lst = [1, 2, 3]
op.setitem(lst, 0, 10)
op.delitem(lst, 1)
print(lst)
print(op.iadd([1], [2]), op.iconcat("a", "b"), op.length_hint(iter([1, 2, 3])))
try:
    op.index(1.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    op.concat(1, 2)
except TypeError as e:
    print(type(e).__name__, e)

g = op.itemgetter(1)
g2 = op.itemgetter(0, 2)
print(g("abc"), g2("abc"), g({1: "one"}), repr(g), repr(g2))
print(sorted([("b", 2), ("a", 3), ("c", 1)], key=op.itemgetter(1)))
print(list(map(op.itemgetter(slice(1, 3)), ["hello", "world"])))
try:
    g([])
except IndexError as e:
    print(type(e).__name__, e)


class P:
    def __init__(self, name, age):
        self.name = name
        self.age = age
        self.inner = self if age > 50 else None

    def greet(self, greeting, punct="!"):
        return f"{greeting}, {self.name}{punct}"


people = [P("ann", 30), P("bob", 25), P("cy", 60)]
print([p.name for p in sorted(people, key=op.attrgetter("age"))])
ag = op.attrgetter("name", "age")
print(ag(people[0]), op.attrgetter("inner.name")(people[2]), repr(op.attrgetter("x.y")))
try:
    op.attrgetter("missing")(people[0])
except AttributeError as e:
    print(type(e).__name__, e)

mc = op.methodcaller("greet", "Hi")
mc2 = op.methodcaller("greet", "Yo", punct="?")
print(mc(people[0]), mc2(people[1]), repr(mc2))
print(list(map(op.methodcaller("upper"), ["a", "b"])), op.methodcaller("split", ",")("a,b"))
print(op.__name__, callable(op.add), op.add.__name__)
