# Attribute loads and stores repeated at one instruction while the classes
# and instances under them change: every change must be seen at once.


class A:
    kind = "A"

    def __init__(self, x):
        self.x = x

    def who(self):
        return "A.who"


class B(A):
    def who(self):
        return "B.who"


def read(o):
    return o.x, o.kind, o.who()


def write(o, v):
    o.x = v


objs = [A(1), B(2), A(3)]
for o in objs:
    print(read(o))

# A method replaced on the class after the site saw it.
A.who = lambda self: "patched"
print([read(o) for o in objs])

# An instance attribute shadowing a (non-data) class attribute and method.
objs[0].who = lambda: "own who"
objs[0].kind = "own kind"
print([read(o) for o in objs])
del objs[0].who
print(read(objs[0]))

# A property added to the class takes over an instance attribute.
print(read(objs[2]))
A.x = property(lambda self: "prop x")
print(read(objs[2]), read(objs[1]))
del A.x
print(read(objs[2]))

# Stores at one site into instances with different dict layouts.
p, q = A(0), A(0)
q.extra = 1
del q.x
for i in range(3):
    write(p, i)
    write(q, i * 10)
print(p.__dict__, q.__dict__)

# The class of an instance changed.
class C:
    kind = "C"

    def __init__(self):
        self.x = "cx"

    def who(self):
        return "C.who"


r = A(5)
print(read(r))
r.__class__ = C
print(read(r))

# Deleting an attribute read at a cached site.
s = A(7)
print(read(s))
del s.x
try:
    read(s)
except AttributeError as e:
    print("AttributeError:", e)

# A data descriptor with __set__ intercepts stores once it appears.
class Loud:
    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return "loud " + obj.__dict__.get("_" + self.name, "?")

    def __set__(self, obj, value):
        obj.__dict__["_" + self.name] = str(value)


t = A(0)
for v in (1, 2):
    write(t, v)
print(t.x)
A.x = Loud()
A.x.__set_name__(A, "x")
for v in (3, 4):
    write(t, v)
print(t.x, t.__dict__)

# __slots__ classes through the same sites.
class S:
    __slots__ = ("x", "kind")

    def __init__(self):
        self.x = "sx"
        self.kind = "sk"

    def who(self):
        return "S.who"


u = S()
print(read(u))
write(u, 9)
print(read(u))
try:
    u.other = 1
except AttributeError as e:
    print("AttributeError:", e)
