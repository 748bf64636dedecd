# functools.partial as _functools writes it: attributes, flattening, repr,
# pickling methods, __dict__, subclassing, and CPython's messages.
import copy
import functools
from functools import partial


def strip(s):
    # Addresses differ from run to run.
    out = []
    for i, part in enumerate(s.split(" at 0x")):
        if i:
            part = "?" + part.lstrip("0123456789abcdef")
        out.append(part)
    return " at 0x".join(out)


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


def f(*args, **kw):
    return args, kw


p = partial(f, 1, b=2)
print(type(p), type(p).__module__, type(p).__name__, type(p).__qualname__)
print(p(3, c=4), p(b=5))
print(p.func is f, p.args, p.keywords)
print(strip(repr(p)))

# Flattening: partial(partial(f, 1), 2) keeps one level.
q = partial(p, 3, d=4)
print(q.func is f, q.args, q.keywords, q())
print(strip(repr(q)))
# Not flattened when the inner one has attributes.
p2 = partial(f, 1)
p2.note = "kept"
r = partial(p2, 2)
print(r.func is p2, r.args, r())
print(p2.__dict__, vars(p2))


# A subclass is a partial too; flattened only while its __call__ is partial's.
class MyPartial(partial):
    pass


mp = MyPartial(f, 7)
print(type(mp).__name__, strip(repr(mp)), mp(8))
print(partial(mp, 9).func is f)


class Calling(partial):
    def __call__(self, *args, **kw):
        return ("custom", super().__call__(*args, **kw))


c = Calling(f, 1)
print(c(2), partial(c, 3).func is c, partial(c, 3)())

# Read-only attributes.
show(lambda: setattr(p, "func", len))
show(lambda: setattr(p, "args", ()))
show(lambda: delattr(p, "keywords"))
# Keywords dict is the partial's own.
p.keywords["z"] = 26
print(p())

# Errors.
show(lambda: partial())
show(lambda: partial(1))
show(lambda: partial(len, 1, 2)())

# __reduce__ / __setstate__.
g = partial(f, 1, x=2)
print(strip(repr(g.__reduce__())))
g.attr = 5
cls, args, state = g.__reduce__()
print(cls is partial, args[0] is f, state[1:], )
h = partial(len)
h.__setstate__((f, (9,), {"k": 1}, {"extra": True}))
print(h(), h.extra, h.args, h.keywords)
h.__setstate__((f, (), None, None))
print(h(), h.keywords)
show(lambda: h.__setstate__((f, [1], None, None)))
show(lambda: h.__setstate__((1, (), None, None)))
show(lambda: h.__setstate__((f, ())))
show(lambda: h.__setstate__("abcd"))

pk = copy.deepcopy(partial(max, 3, key=abs))
print(type(pk).__name__, pk(-5, 4), pk.args, pk.keywords)
ck = copy.copy(g)
print(ck.args, ck.keywords, ck.attr, ck.func is f)

# Recursive repr.
rp = partial(f)
rp.__setstate__((f, (rp,), {}, None))
print(strip(repr(rp)))

# Not a method descriptor: stored on a class it stays unbound.
class K:
    m = partial(f, "first")


print(K().m(1), hasattr(partial, "__get__"))
print(partial[int], partial.__class_getitem__(str))
print(strip(repr(partial(len).__call__)))

# functools re-exports the C version.
print(functools.partial is partial)

# Deeply nested partials with attributes: calling and repr are bounded.
deep = f
for i in range(300):
    deep = partial(deep, i)
    deep.tag = i
print(len(deep()[0]))
for i in range(3000):
    deep = partial(deep, i)
    deep.tag = i
try:
    repr(deep)
except RecursionError as e:
    print("RecursionError on repr")
# Flattened ones stay flat.
flat = f
for i in range(3000):
    flat = partial(flat, i)
print(flat.func is f, len(flat.args), len(flat()[0]))
