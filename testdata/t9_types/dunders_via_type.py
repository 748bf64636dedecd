# Calling special methods through the type (unbound slot wrappers/descriptors).


class P:
    pass


print("str.__add__", str.__add__("a", "b"))
print("str.__getitem__", str.__getitem__("abc", 1))
print("str.__len__", str.__len__("abcd"))
print("str.__mul__", str.__mul__("ab", 3))
print("str.__contains__", str.__contains__("hello", "ell"))
print("list.__getitem__", list.__getitem__([1, 2, 3], -1))
print("list.__getitem__ slice", list.__getitem__([1, 2, 3], slice(1, None)))
print("list.__len__", list.__len__([1, 2]))
print("int.__add__", int.__add__(2, 3))
print("int.__index__", int.__index__(7))
print("int.__neg__", int.__neg__(4))
print("int.__add__ bool", int.__add__(True, 1))
print("float.__mul__", float.__mul__(1.5, 2))
print("int.__add__ float", int.__add__(1, 1.5))
print("float.__radd__", float.__radd__(1.5, 1))
print("dict.__getitem__", dict.__getitem__({"a": 1}, "a"))
print("dict.__contains__", dict.__contains__({"a": 1}, "b"))
lst = [1]
r = list.__dict__["append"](lst, 2)
print("list.__dict__ append", r, lst)
print("tuple.__contains__", tuple.__contains__((1, 2), 2), tuple.__contains__((1, 2), 3))
print("set.__contains__", set.__contains__({1, 2}, 1), set.__contains__({1, 2}, 5))
print("frozenset.__len__", frozenset.__len__(frozenset("aab")))
print("object.__lt__", object.__lt__(1, 2))
print("object.__eq__ same", object.__eq__(P, P))
p, q = P(), P()
print("object.__eq__", object.__eq__(p, p), object.__eq__(p, q), object.__ne__(p, q))
print("object.__eq__ other", object.__eq__(p, 1))
print("object.__hash__ eq hash", object.__hash__(p) == hash(p))
p.x = 1
red = object.__reduce_ex__(p, 2)
print("reduce_ex", type(red).__name__, len(red), red[0].__name__, red[1][0].__name__, red[2:])
it = iter([])
try:
    it.__next__()
except StopIteration as e:
    print("iter([]).__next__", type(e).__name__, e.args)
it1 = iter([1])
print("next(it.__iter__())", next(it1.__iter__()), it1.__iter__() is it1)
print("bool in int.__subclasses__()", bool in int.__subclasses__())
print("type.__subclasses__(int) has bool", bool in type.__subclasses__(int))
print("bool.__subclasses__()", bool.__subclasses__())
print("object.__init_subclass__", hasattr(object, "__init_subclass__"), callable(object.__init_subclass__))
print("object.__init_subclass__()", object.__init_subclass__())
print("str.__str__ of subclass", type(str.__str__(type("S", (str,), {})("x"))).__name__)
print("int.__repr__", int.__repr__(True), "int.__str__", int.__str__(False))
print("type.__call__", type.__call__(int, "12"))
print("object.__getattribute__", object.__getattribute__(p, "x"))
print("type.__name__ via __dict__", type.__dict__["__name__"].__get__(int))
try:
    str.__add__(1, "a")
except TypeError as e:
    print("str.__add__ wrong self", type(e).__name__, e)
try:
    list.append((1,), 2)
except TypeError as e:
    print("list.append wrong self", type(e).__name__, e)
