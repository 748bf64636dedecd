# _collections._count_elements (Counter's accelerator) and
# _collections._tuplegetter (namedtuple's field descriptor).
import _collections
from _collections import _count_elements, _tuplegetter


def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


print(sorted(n for n in dir(_collections) if not n.startswith("__") and n != "OrderedDict"))

# _count_elements into a dict: the fast path.
counts = {}
_count_elements(counts, "abracadabra")
print(counts)
_count_elements(counts, ["a", "z"])
print(counts)
floats = {"x": 0.5}
_count_elements(floats, "xx")
print(floats)
attempt("no args", lambda: _count_elements())
attempt("one arg", lambda: _count_elements({}))
attempt("not iterable", lambda: _count_elements({}, 5))
attempt("unhashable", lambda: _count_elements({}, [[1]]))
attempt("bad value", lambda: _count_elements({"a": "s"}, "a"))
attempt("keywords", lambda: _count_elements(mapping={}, iterable=""))


# A dict subclass without its own get/__setitem__ (Counter) counts in place.
class Plain(dict):
    def __missing__(self, key):
        return 0


p = Plain()
_count_elements(p, "hello")
print(p, type(p).__name__)


# Otherwise through get() and __setitem__.
class Logged(dict):
    def get(self, key, default=None):
        print("get", key, default)
        return super().get(key, default)

    def __setitem__(self, key, value):
        print("set", key, value)
        super().__setitem__(key, value)


lg = Logged()
_count_elements(lg, "aba")
print(lg)


class Mapping:
    def __init__(self):
        self.data = {}

    def get(self, key, default):
        return self.data.get(key, default)

    def __setitem__(self, key, value):
        self.data[key] = value


m = Mapping()
_count_elements(m, [1, 2, 1, True])
print(m.data)
attempt("no get", lambda: _count_elements(object(), "a"))
attempt("no get, empty", lambda: _count_elements(object(), ""))


def gen():
    yield "g"
    yield "g"
    raise ValueError("stop here")


partial = {}
attempt("generator raising", lambda: _count_elements(partial, gen()))
print(partial)

# _tuplegetter by hand: a tuple subclass with named fields.
class Point(tuple):
    __slots__ = ()

    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))

    x = _tuplegetter(0, "Alias for field number 0")
    y = _tuplegetter(1, "Alias for field number 1")


pt = Point(3, 4)
print(pt.x, pt.y, pt, Point.x, type(Point.x).__name__, type(Point.x).__module__)
print(Point.x.__doc__, Point.y.__doc__)
Point.x.__doc__ = "The x coordinate"
print(Point.x.__doc__)
attempt("set field", lambda: setattr(pt, "x", 1))
attempt("del field", lambda: delattr(pt, "y"))
print(Point.x.__get__(pt), Point.x.__get__(pt, Point), Point.x.__get__(None, Point) is Point.x)
print(Point.x.__reduce__())
g = _tuplegetter(5, None)
print(g, repr(_tuplegetter(-1, ["doc"])))
attempt("out of range", lambda: g.__get__((1, 2)))
attempt("negative", lambda: _tuplegetter(-1, None).__get__((1, 2)))
attempt("not a tuple", lambda: g.__get__([1, 2]))
attempt("not a tuple str", lambda: g.__get__("abc"))
print(_tuplegetter(0, None).__get__(("only",)), _tuplegetter(1, None).__get__(pt))
attempt("no args", lambda: _tuplegetter())
attempt("one arg", lambda: _tuplegetter(1))
attempt("three args", lambda: _tuplegetter(1, 2, 3))
attempt("str index", lambda: _tuplegetter("a", 1))
attempt("huge index", lambda: _tuplegetter(2**70, 1))
attempt("other attribute", lambda: setattr(g, "foo", 1))
attempt("missing attribute", lambda: g.foo)


class Named(tuple):
    first = _tuplegetter(0, "first item")


n = Named(("a", "b"))
print(n.first, Named.first.__doc__)
import collections
P3 = collections.namedtuple("P3", "a b c")
q = P3(1, 2, 3)
print(q, q.b, P3.b, P3.b.__doc__)
attempt("namedtuple set", lambda: setattr(q, "a", 5))
attempt("tuplegetter keywords", lambda: _tuplegetter(1, 2, x=3))
attempt("iterator no args", lambda: _collections._deque_iterator())
attempt("iterator keywords", lambda: len(list(_collections._deque_iterator(_collections.deque([1]), x=3))))
attempt("index keywords", lambda: _collections.deque().index(1, x=3))
attempt("insert keywords", lambda: _collections.deque().insert(1, 3, x=3))
attempt("rotate keywords", lambda: _collections.deque().rotate(x=3))
attempt("pop keywords", lambda: _collections.deque().pop(x=3))
attempt("append keywords", lambda: _collections.deque().append(1, x=3))
