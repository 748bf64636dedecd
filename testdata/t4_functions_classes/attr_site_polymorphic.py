# One attribute instruction seeing instances of many classes: a base-class
# method run on subclasses whose instances lay out their attributes in
# different orders, more classes than a site keeps, classes replaced while
# the site remembers them, and stores that must keep going to the right
# place.


class Base:
    def __init__(self, tag):
        self.tag = tag

    def describe(self):
        return "%s:%s:%s" % (type(self).__name__, self.tag, self.kind())

    def kind(self):
        return "base"

    def bump(self):
        self.count = getattr(self, "count", 0) + 1
        return self.count


def make_class(i):
    # Each class puts its own attributes before `tag`, so `self.tag` is at a
    # different dict position for each.
    def __init__(self, tag):
        for j in range(i):
            setattr(self, "a%d" % j, j)
        Base.__init__(self, tag)

    ns = {"__init__": __init__}
    if i % 2:
        ns["kind"] = lambda self, i=i: "odd%d" % i
    return type("C%d" % i, (Base,), ns)


classes = [make_class(i) for i in range(7)]
objs = [cls("t%d" % i) for i, cls in enumerate(classes)]

for rnd in range(3):
    print([o.describe() for o in objs])
    print([o.bump() for o in objs])

# A class attribute added later shadows nothing (instance attrs win) ...
classes[3].tag = "class-level"
print([o.tag for o in objs])
# ... but a property (data descriptor) on one subclass does.
classes[4].tag = property(lambda self: "prop")
print([o.tag for o in objs])
del classes[4].tag
print([o.tag for o in objs])

# A method replaced on one subclass only.
classes[2].kind = lambda self: "patched"
print([o.kind() for o in objs])

# Instances switching class under the site.
objs[0].__class__ = classes[5]
print(objs[0].describe(), objs[0].kind())

# Classes replaced by new ones (old ones gone) at the same sites.
for gen in range(3):
    fresh = [make_class(i) for i in range(5)]
    os_ = [c("g%d" % gen) for c in fresh]
    print([o.describe() for o in os_], [o.bump() for o in os_])
    del fresh, os_

# Stores at one site into instances of different layouts, then reads back.
class P:
    pass

class Q:
    def __init__(self):
        self.z = 0
        self.y = 0

def set_xy(o, v):
    o.x = v
    o.y = v * 2

items = [P(), Q(), P(), Q()]
for n, o in enumerate(items):
    set_xy(o, n)
for n, o in enumerate(items):
    set_xy(o, n + 10)
print([sorted(vars(o).items()) for o in items])

# Slotted classes beside dict classes at one site.
class S:
    __slots__ = ("x", "y")

mixed = [S(), P(), S()]
for n, o in enumerate(mixed):
    set_xy(o, n)
print([(o.x, o.y) for o in mixed])
try:
    S().x
except AttributeError as e:
    print("AttributeError", e)
