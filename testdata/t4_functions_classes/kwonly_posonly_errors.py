# Keyword-only and positional-only parameters, and the exact TypeError messages.
def f(a, b, /, c, *, d, e=5):
    return a, b, c, d, e
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4, e=6))
def pos(a, /):
    return a
def kwo(*, k):
    return k
def plain(x, y=2):
    return x, y
def varkw(a, /, **kw):
    return a, kw
print(varkw(1, a=2), pos(9), kwo(k=1))
calls = [
    lambda: f(1, 2, 3, 4),
    lambda: f(1, b=2, c=3, d=4),
    lambda: f(1, 2, 3),
    lambda: f(1, 2, d=4),
    lambda: pos(a=1),
    lambda: pos(),
    lambda: pos(1, 2),
    lambda: kwo(1),
    lambda: kwo(),
    lambda: kwo(k=1, j=2),
    lambda: plain(),
    lambda: plain(1, 2, 3),
    lambda: plain(1, x=1),
    lambda: plain(1, z=3),
    lambda: plain(y=1),
    lambda: (lambda: 0)(1),
    lambda: (lambda *, a, b: 0)(),
    lambda: (lambda a, b, c: 0)(1),
    lambda: plain(**{"x": 1, "q": 2}),
    lambda: plain(*[1], **{"x": 2}),
    lambda: len(),
    lambda: len([], []),
    lambda: dict.get(),
    lambda: "".join(),
]
for c in calls:
    try:
        c()
        print("no error")
    except TypeError as e:
        print("TypeError:", e)
class M:
    def meth(self, a, *, b):
        return a, b
    @staticmethod
    def st(x, /):
        return x
m = M()
for c in (lambda: m.meth(1), lambda: m.meth(1, 2), lambda: M.meth(1, b=2), lambda: M.st(x=1), lambda: m.meth()):
    try:
        print(c())
    except TypeError as e:
        print("TypeError:", e)
print(m.meth(1, b=2), M.meth(m, 3, b=4), M.st(5))
