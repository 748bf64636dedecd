# __next__ run by FOR_ITER and __bool__/__len__ run by truth tests (if,
# while, and, or, not), as frames: StopIteration raised directly and from a
# nested call ends the loop; other exceptions propagate; results are checked.
class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


def stop(value=None):
    raise StopIteration(value)


class ViaHelper:
    def __init__(self, items):
        self.items = list(items)

    def __iter__(self):
        return self

    def __next__(self):
        if not self.items:
            stop("done")
        return self.items.pop(0)


for v in Countdown(3):
    print("countdown", v)
for v in ViaHelper("ab"):
    print("helper", v)
print([x * 2 for x in Countdown(4)])
print(sum(x for x in ViaHelper([1, 2, 3])))


class Caught:
    """StopIteration caught inside __next__ does not end the loop."""

    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        try:
            if self.i == 2:
                raise StopIteration("inner")
        except StopIteration as e:
            return "caught " + str(e)
        if self.i > 3:
            raise StopIteration
        return self.i


print(list(Caught()))
for v in Caught():
    print("caught loop", v)


class Broken:
    def __init__(self, after):
        self.after = after

    def __iter__(self):
        return self

    def __next__(self):
        self.after -= 1
        if self.after < 0:
            raise ValueError("broken iterator")
        return self.after


def consume(it):
    out = []
    for v in it:
        out.append(v)
    return out


try:
    consume(Broken(2))
except ValueError as e:
    print("ValueError:", e, type(e.__context__))


class StopSub(StopIteration):
    pass


class EndsWithSub:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopSub("sub")


print(list(EndsWithSub()), [v for v in EndsWithSub()])
for v in EndsWithSub():
    print("never")
else:
    print("for-else after a StopIteration subclass")

# Nested loops over user iterators, break and continue.
for a in Countdown(2):
    for b in Countdown(3):
        if b == 2:
            continue
        if b == 1:
            break
        print("pair", a, b)


class Gen:
    """A __next__ that is a generator function returns generators."""

    def __init__(self):
        self.made = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.made += 1
        yield self.made


for g in Gen():
    items = list(g)
    print("gen item", items)
    if items == [2]:
        break


# ---- __bool__ and __len__ ------------------------------------------------
class Flag:
    def __init__(self, value):
        self.value = value

    def __bool__(self):
        print("bool", self.value)
        return self.value

    def __repr__(self):
        return "Flag(%r)" % (self.value,)


t, f = Flag(True), Flag(False)
if t:
    print("if true")
if not f:
    print("if not false")
print("and:", t and f, f and t)
print("or:", t or f, f or t)
print("not:", not t, not f)
x = t if f else "else-branch"
print(x)
n = 0
while Flag(n < 2):
    n += 1
print("while ran", n)
print(bool(t), [v for v in (t, f) if v])
print(all([t, t]), any([f, f]))


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        print("len", self.n)
        return self.n


if Sized(3):
    print("non-empty")
if not Sized(0):
    print("empty")
print(Sized(0) or "fallback", Sized(2) and "both")
k = 3
while Sized(k):
    k -= 1
print("k", k)


class Both:
    def __bool__(self):
        print("Both.__bool__")
        return False

    def __len__(self):
        print("Both.__len__ (unused)")
        return 1


print("Both:", bool(Both()), not Both())
if Both():
    print("never")


class Inherited(Flag):
    pass


if Inherited(True):
    print("inherited __bool__")


def check(label, make):
    for form in ("if", "not", "and", "or", "while"):
        try:
            obj = make()
            if form == "if":
                if obj:
                    pass
            elif form == "not":
                not obj
            elif form == "and":
                obj and 1
            elif form == "or":
                obj or 1
            else:
                while obj:
                    break
            print(label, form, "ok")
        except Exception as e:
            print(label, form, type(e).__name__, e)


class BoolInt:
    def __bool__(self):
        return 1


class BoolNone:
    def __bool__(self):
        return None


class BoolRaises:
    def __bool__(self):
        raise KeyError("no truth")


class LenNegative:
    def __len__(self):
        return -1


class LenStr:
    def __len__(self):
        return "3"


class LenFloat:
    def __len__(self):
        return 2.0


class LenHuge:
    def __len__(self):
        return 2**100


class LenHugeNegative:
    def __len__(self):
        return -(2**100)


class LenBool:
    def __len__(self):
        return True


class Index:
    def __index__(self):
        return 0


class LenIndex:
    def __len__(self):
        return Index()


for cls in (BoolInt, BoolNone, BoolRaises, LenNegative, LenStr, LenFloat,
            LenHuge, LenHugeNegative, LenBool, LenIndex):
    check(cls.__name__, cls)


# A truth method that is not a plain function still works.
class Lambda:
    __bool__ = lambda self: False


class Static:
    @staticmethod
    def __len__():
        return 0


print(not Lambda(), bool(Lambda()))
try:
    print(not Static())
except TypeError as e:
    print("TypeError:", e)


# The truth of a comparison result that is an instance.
class Answer:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        print("Answer.__bool__", self.v)
        return self.v


class Cmp:
    def __lt__(self, other):
        return Answer(True)


if Cmp() < Cmp():
    print("lt answer true")
print(not (Cmp() < Cmp()))
