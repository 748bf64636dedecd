# attrgetter, itemgetter and methodcaller of _operator (module operator):
# reprs, __reduce__, dotted names, CPython's messages.
import copy
import operator
from operator import attrgetter, itemgetter, methodcaller


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def greet(self, greeting, punct="!"):
        return f"{greeting}, {self.name}{punct}"


tree = Node("root", Node("kid", Node("grandkid")))

# attrgetter
ag = attrgetter("name")
print(ag(tree), attrgetter("child.name")(tree), attrgetter("child.child.name", "name")(tree))
print(repr(ag), repr(attrgetter("a.b", "c")), type(ag), type(ag).__module__)
print(ag.__reduce__(), attrgetter("x.y", "z").__reduce__())
print(sorted(map(attrgetter("real"), [3, 1, 2])))
show(lambda: attrgetter())
show(lambda: attrgetter(1))
show(lambda: attrgetter("a", 2))
show(lambda: attrgetter(name="x"))
show(lambda: ag())
show(lambda: ag(1, 2))
show(lambda: ag(obj=tree))
show(lambda: attrgetter("child.nope")(tree))
show(lambda: attrgetter("a.")(tree))
show(lambda: attrgetter("name.")(tree))
show(lambda: setattr(ag, "extra", 1))
c = copy.copy(attrgetter("child.name", "name"))
print(repr(c), c(tree))

# itemgetter
ig = itemgetter(1)
print(ig([10, 20]), itemgetter(0, -1)("abc"), itemgetter("k")({"k": 3}), itemgetter(slice(1, None))("xyz"))
print(repr(ig), repr(itemgetter(1, 2)), repr(itemgetter((1,))), repr(itemgetter("a", ("b",))))
print(ig.__reduce__(), itemgetter(1, "a").__reduce__(), type(ig), type(ig).__name__)
print(sorted([(2, "b"), (1, "z"), (3, "a")], key=itemgetter(1)))
show(lambda: itemgetter())
show(lambda: itemgetter(k=1))
show(lambda: ig())
show(lambda: ig([1], [2]))
show(lambda: ig(1))
show(lambda: ig([]))
show(lambda: itemgetter("x")({}))
print(repr(copy.deepcopy(itemgetter(2, 0))), copy.copy(ig)("ab"))

# recursive repr
lst = []
rg = itemgetter(lst)
lst.append(rg)
print(repr(rg))

# methodcaller
mc = methodcaller("greet", "Hello")
print(mc(tree), methodcaller("greet", "Hi", punct="?")(tree), methodcaller("upper")("abc"))
print(repr(mc), repr(methodcaller("greet", "Hi", punct="?")), repr(methodcaller("m")))
print(mc.__reduce__(), methodcaller("upper").__reduce__())
red = methodcaller("greet", "Yo", punct=".").__reduce__()
print(repr(red[0])[:40], red[1], red[0].func, red[0].args, red[0].keywords)
print(red[0](*red[1])(tree))
print(copy.copy(methodcaller("split", ",", maxsplit=1))("a,b,c"))
show(lambda: methodcaller())
show(lambda: methodcaller(1))
show(lambda: methodcaller(name="x"))
show(lambda: mc())
show(lambda: mc(tree, 1))
show(lambda: mc(obj=tree))
show(lambda: methodcaller("nope")(tree))
show(lambda: methodcaller("greet")(tree))


# Not subclassable in 3.11.
for cls in (attrgetter, itemgetter, methodcaller):
    try:
        class Sub(cls):
            pass
    except TypeError as e:
        print("TypeError", e)
print(operator.attrgetter is attrgetter, type(mc).__name__, type(mc).__qualname__)
