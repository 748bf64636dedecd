# Comparison methods run by COMPARE_OP as frames, in do_richcompare's order:
# NotImplemented moves on to the reflected method, a subclass's reflected
# method goes first, == and != fall back to identity, orderings raise.
class Loud:
    def __init__(self, name, answer=NotImplemented):
        self.name = name
        self.answer = answer

    def __repr__(self):
        return self.name

    def _say(self, op, other):
        print("  %s.%s(%r)" % (self.name, op, other))
        return self.answer

    def __eq__(self, other):
        return self._say("__eq__", other)

    def __ne__(self, other):
        return self._say("__ne__", other)

    def __lt__(self, other):
        return self._say("__lt__", other)

    def __le__(self, other):
        return self._say("__le__", other)

    def __gt__(self, other):
        return self._say("__gt__", other)

    def __ge__(self, other):
        return self._say("__ge__", other)


class LoudSub(Loud):
    pass


def show(label, fn):
    print(label)
    try:
        print("  ->", fn())
    except TypeError as e:
        print("  TypeError:", e)


a, b = Loud("a"), Loud("b")
show("a == b", lambda: a == b)
show("a == a", lambda: a == a)
show("a != b", lambda: a != b)
show("a != a", lambda: a != a)
show("a < b", lambda: a < b)
show("a <= b", lambda: a <= b)
show("a > b", lambda: a > b)
show("a >= b", lambda: a >= b)
yes = Loud("yes", "YES")
show("a == yes", lambda: a == yes)
show("yes < a", lambda: yes < a)
show("a < yes", lambda: a < yes)
sub = LoudSub("sub")
show("a == sub (subclass first)", lambda: a == sub)
show("a < sub (subclass first)", lambda: a < sub)
show("sub < a", lambda: sub < a)
subyes = LoudSub("subyes", 42)
show("a <= subyes", lambda: a <= subyes)
show("a == 1", lambda: a == 1)
show("1 == a", lambda: 1 == a)
show("1 < a", lambda: 1 < a)
show("'s' >= a", lambda: "s" >= a)
show("a < None", lambda: a < None)
show("[] != a", lambda: [] != a)


class Plain:
    pass


class EqOnly:
    def __init__(self, key):
        self.key = key

    def __eq__(self, other):
        print("  EqOnly.__eq__")
        if isinstance(other, EqOnly):
            return self.key == other.key
        return NotImplemented


p, q = Plain(), Plain()
show("p == q", lambda: p == q)
show("p == p", lambda: p == p)
show("p != q", lambda: p != q)
show("p < q", lambda: p < q)
show("p > 3", lambda: p > 3)
show("3.5 <= p", lambda: 3.5 <= p)
show("p >= 'x'", lambda: p >= "x")
show("EqOnly(1) == EqOnly(1)", lambda: EqOnly(1) == EqOnly(1))
show("EqOnly(1) != EqOnly(1) (object.__ne__ inverts __eq__)", lambda: EqOnly(1) != EqOnly(1))
show("EqOnly(1) != EqOnly(2)", lambda: EqOnly(1) != EqOnly(2))
e = EqOnly(1)
show("e != e", lambda: e != e)
show("e != p", lambda: e != p)
show("p != e", lambda: p != e)
show("e == 'x'", lambda: e == "x")


class Mixed:
    """__ne__ defined, __eq__ not: == does not use __ne__."""

    def __ne__(self, other):
        print("  Mixed.__ne__")
        return "from ne"


m = Mixed()
show("m == m", lambda: m == m)
show("m == 1", lambda: m == 1)
show("m != 1", lambda: m != 1)


class Base:
    def __lt__(self, other):
        print("  Base.__lt__", type(self).__name__, type(other).__name__)
        return NotImplemented

    def __gt__(self, other):
        print("  Base.__gt__", type(self).__name__, type(other).__name__)
        return "base-gt"


class Derived(Base):
    def __gt__(self, other):
        print("  Derived.__gt__")
        return NotImplemented


show("Base() < Derived()", lambda: Base() < Derived())
show("Derived() > Base()", lambda: Derived() > Base())
show("Base() < Base()", lambda: Base() < Base())


# Results that are not bools are what the comparison gives.
class Vec:
    def __init__(self, *xs):
        self.xs = xs

    def __eq__(self, other):
        return [x == y for x, y in zip(self.xs, other.xs)]

    def __lt__(self, other):
        return Vec(*[x < y for x, y in zip(self.xs, other.xs)])

    def __repr__(self):
        return "Vec%r" % (self.xs,)


print(Vec(1, 2) == Vec(1, 3), Vec(1, 2) < Vec(2, 2))


# Chained comparisons: each link runs its method; the truth of a link's
# result decides whether the chain goes on.
class N:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        if not isinstance(other, N):
            print("  %d < %r: NotImplemented" % (self.v, other))
            return NotImplemented
        print("  %d < %d" % (self.v, other.v))
        return self.v < other.v

    def __eq__(self, other):
        print("  %d == %d" % (self.v, other.v))
        return self.v == other.v


one, two, three = N(1), N(2), N(3)
show("1 < 2 < 3", lambda: one < two < three)
show("1 < 3 < 2", lambda: one < three < two)
show("2 < 1 < 3", lambda: two < one < three)
show("1 == 1 < 2", lambda: one == N(1) < two)
show("1 < 2 < 'x'", lambda: one < two < "x")


class Truthy:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        print("  Truthy.__bool__", self.v)
        return self.v

    def __repr__(self):
        return "Truthy(%r)" % self.v


class Link:
    def __init__(self, answer):
        self.answer = answer

    def __lt__(self, other):
        return Truthy(self.answer)


show("chain with instance results", lambda: Link(True) < Link(False) < Link(True))
show("chain stops", lambda: Link(False) < Link(True) < Link(True))


# Errors inside comparison methods propagate; an error in a reflected
# method after NotImplemented too.
class Raises:
    def __eq__(self, other):
        raise ValueError("eq failed")

    def __lt__(self, other):
        return NotImplemented


class ReflectRaises:
    def __gt__(self, other):
        raise KeyError("reflected gt")


for label, fn in [
    ("Raises() == 1", lambda: Raises() == 1),
    ("Raises() < ReflectRaises()", lambda: Raises() < ReflectRaises()),
]:
    try:
        fn()
    except (ValueError, KeyError) as err:
        print(label, type(err).__name__, err)


# In containers (native code) the same methods run.
print(EqOnly(1) in [EqOnly(2), EqOnly(1)], [EqOnly(3)] == [EqOnly(3)])
print(sorted([N(3), N(1), N(2)], key=lambda n: n.v)[0].v)
print(max([two, one, three]).v)
