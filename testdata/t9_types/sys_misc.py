# sys beyond sys_struct_seqs.py: struct sequence details, the other
# constants, _getframe, getrefcount, getsizeof, intern, the recursion
# limit's checks, float.__getformat__.
import sys


def show(f):
    try:
        print("  ->", f())
    except Exception as e:
        print("  ->", type(e).__name__, e)


# Struct sequences.
vi = sys.version_info
print(vi[:3] == (vi.major, vi.minor, vi.micro), vi.releaselevel, vi.serial)
print(repr(vi) == "sys.version_info(major=%d, minor=%d, micro=%d, releaselevel=%r, serial=%d)" % tuple(vi))
print(str(vi) == repr(vi), format(vi) == repr(vi))
print(sys.float_info)
print(sys.int_info)
print(sys.hash_info)
print(str(sys.float_info.max), sys.float_info.min * sys.float_info.epsilon > 0)
VI = type(vi)
print(VI, VI.__name__, VI.__qualname__, VI.__module__, VI.__bases__)
print(VI.__doc__)
print(VI.n_fields, VI.n_sequence_fields, VI.n_unnamed_fields, VI.__match_args__)
print(repr(VI.major), type(VI.major).__name__, VI.major.__doc__)
print(repr(type(sys.float_info).epsilon), type(sys.float_info).epsilon.__doc__)
print(VI.major.__get__(vi), VI.minor.__get__(vi, VI) == vi.minor)
print(vi.__reduce__()[0] is VI, vi.__reduce__()[1] == (tuple(vi), {}))
print(hash(vi) == hash(tuple(vi)), vi == tuple(vi), vi != tuple(vi), vi[1:3] == (vi[1], vi[2]))
print(type(vi[1:3]).__name__, type(vi + ()).__name__, (vi * 2)[5], vi.count(3), vi.index(vi.minor))
print(vi.minor in vi, list(reversed(vi))[-1], sorted(vi[:3])[0], max(vi[:3]), len(vi))
print(isinstance(vi, tuple), issubclass(VI, tuple), type(vi) is VI, vi.__class__ is VI)
print(dict(zip(VI.__match_args__, vi)) == {"major": vi.major, "minor": vi.minor, "micro": vi.micro, "releaselevel": vi.releaselevel, "serial": vi.serial})
show(lambda: VI())
show(lambda: VI((3, 11, 0, "final", 0)))
show(lambda: type(sys.flags)())
show(lambda: type(sys.flags).__name__)
for attempt in ["vi.major = 4", "del vi.minor", "vi.foo = 1", "vi.__dict__", "vars(vi)", "VI.major.__set__(vi, 1)"]:
    print(attempt)
    show(lambda: exec(attempt))
print("subclass")
show(lambda: type("X", (VI,), {}))
show(lambda: type("Y", (type(sys.float_info),), {}))

match vi:
    case (3, minor, *_):
        print("sequence pattern", minor == vi.minor)
match vi:
    case VI(major=3, minor=m):
        print("keyword pattern", m == vi.minor)
match vi:
    case VI(a, b, c):
        print("positional pattern", (a, b, c) == vi[:3])

# Making instances of the types that allow it.
FI = type(sys.float_info)
print(FI(range(11)))
print(FI([1.5] * 11).max, FI((0,) * 11, {}).rounds, FI(sequence=(2,) * 11).dig)
print(type(FI((0,) * 11)) is FI, FI((0,) * 11) == (0,) * 11)
II = type(sys.int_info)
print(II((1, 2, 3, 4)), II.__new__(II, (5, 6, 7, 8)).sizeof_digit)
for args, kwargs in [
    ((), {}),
    (((1,) * 10,), {}),
    (((1,) * 12,), {}),
    ((5,), {}),
    (((1,) * 11, None), {}),
    (((1,) * 11, {}, 3), {}),
    (((1,) * 11,), {"foo": 1}),
]:
    print(len(args), sorted(kwargs))
    show(lambda: FI(*args, **kwargs))
x = FI(iter((7,) * 11))
print(x.max, x.radix, x[-1], x.__reduce__()[1][0] == (7,) * 11)

# sys.flags (all but the fields the environment sets).
flags = sys.flags
print(type(flags).__name__, len(flags), type(flags).n_fields)
print([(k, getattr(flags, k)) for k in type(flags).__match_args__ if k not in ("dont_write_bytecode", "hash_randomization", "optimize")])
print(type(flags.dev_mode).__name__, type(flags.safe_path).__name__, flags.int_max_str_digits)
print(type(sys.dont_write_bytecode).__name__, sys.dont_write_bytecode == bool(flags.dont_write_bytecode))

# Other constants.
impl = sys.implementation
print(type(impl).__name__, impl.name, impl.cache_tag, impl.version == vi, impl.version is vi)
print(impl.hexversion == sys.hexversion, type(impl._multiarch).__name__)
print(sys.hexversion >> 16 == 0x30B, (sys.hexversion >> 8) & 0xFF == vi.micro, hex(sys.hexversion & 0xFF))
print(sys.api_version, sys.maxunicode, chr(sys.maxunicode) == "\U0010ffff", sys.float_repr_style)
print(sys.maxsize, sys.maxsize + 1 == 2 ** 63, sys.byteorder, sys.platform)
print(sys.warnoptions, sys._xoptions, type(sys.argv[0]).__name__)
print(sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())
print(type(sys.executable).__name__, sys.executable.startswith("/"))
print(sys.version.startswith("%d.%d.%d" % vi[:3]))

# float.__getformat__.
print(float.__getformat__("double"), float.__getformat__("float"), (2.5).__getformat__("double"))
for args in [("int",), (1,), (None,), (), ("double", "float")]:
    show(lambda: float.__getformat__(*args))

# _getframe.


def here():
    f = sys._getframe()
    return f.f_code.co_name, f.f_lineno, f.f_back.f_code.co_name, f.f_globals is globals()


def caller_name():
    return sys._getframe(1).f_code.co_name


def outer():
    return caller_name()


print(here(), outer())


def stack(n):
    if n:
        return stack(n - 1)
    f = sys._getframe()
    names = []
    while f is not None:
        names.append((f.f_code.co_name, f.f_lineno))
        f = f.f_back
    return names


print(stack(2))


def local_view(a, b=2):
    c = a + b
    f = sys._getframe()
    before = dict(f.f_locals)
    d = c * 2
    after = f.f_locals
    return sorted(before), sorted(after), after["d"]


print(local_view(1))
print(sys._getframe().f_locals is globals(), sys._getframe(-3).f_code.co_name)
print(type(sys._getframe()).__name__, sys._getframe().f_back)
for args in [(10 ** 6,), ("x",), (1, 2), (1.5,)]:
    show(lambda: sys._getframe(*args))


def gen():
    yield sys._getframe().f_code.co_name
    yield sys._getframe(1).f_code.co_name


print(list(gen()))

# getrefcount.
lst = []
before = sys.getrefcount(lst)
alias = lst
print(sys.getrefcount(lst) - before, sys.getrefcount(object()), sys.getrefcount([]))
holder = [lst, lst]
print(sys.getrefcount(lst) - before)
del holder, alias
print(sys.getrefcount(lst) == before, type(sys.getrefcount(None)).__name__)
for args in [(), (1, 2)]:
    show(lambda: sys.getrefcount(*args))

# getsizeof.


class Plain:
    pass


class Slotted:
    __slots__ = ("a", "b")


class Sized:
    def __sizeof__(self):
        return 100


class BadSize:
    def __sizeof__(self):
        return "big"


class NegativeSize:
    def __sizeof__(self):
        return -1


for v in [0, 1, 2 ** 30, 2 ** 100, -7, True, 1.5, 2j, "", "abc", "é", "\u20ac", "\U0001f600", b"", b"abcd",
          (), (1, 2, 3), [], {}, {"a": 1}, {1: 2}, set(), {1, 2}, set(range(10)), frozenset(),
          None, range(5), slice(1, 2), Plain(), Slotted(), Sized(), sys.version_info, sys.float_info]:
    print(type(v).__name__, sys.getsizeof(v))
print(sys.getsizeof(dict.fromkeys(range(6))), sys.getsizeof(dict.fromkeys("abcdef")))
print([].__sizeof__(), ().__sizeof__(), "ab".__sizeof__(), (5).__sizeof__(), object().__sizeof__())
print(sys.getsizeof(BadSize(), -1), sys.getsizeof(object=1.0), sys.getsizeof(default=0, object=()))
print(sys.getsizeof(list(range(10))) > sys.getsizeof([]), sys.getsizeof("a" * 1000) > 1000)
show(lambda: sys.getsizeof(BadSize()))
show(lambda: sys.getsizeof(NegativeSize()))
show(lambda: sys.getsizeof(NegativeSize(), 5))
show(lambda: sys.getsizeof())
show(lambda: sys.getsizeof(1, 2, 3))
show(lambda: sys.getsizeof(1, size=2))

# intern.
a = sys.intern("".join(["inter", "ned"]))
b = sys.intern("interned")
print(a is b, a == "interned", type(a).__name__)


class S(str):
    pass


for args in [(), (1,), ("a", "b"), (S("s"),)]:
    show(lambda: sys.intern(*args))

# The recursion limit.
limit = sys.getrecursionlimit()
for value in [0, -1, "x", 2 ** 70, 1.5, 2]:
    show(lambda: sys.setrecursionlimit(value))
show(lambda: sys.setrecursionlimit())
show(lambda: sys.getrecursionlimit(1))
print(sys.getrecursionlimit() == limit)


def nested():
    sys.setrecursionlimit(3)


show(nested)
sys.setrecursionlimit(limit)

# exc_info and exception.
show(lambda: sys.exc_info(1))
try:
    {}["missing"]
except LookupError as err:
    kind, value, tb = sys.exc_info()
    print(kind.__name__, value is err, type(tb).__name__, sys.exception() is err)
print(sys.exc_info(), sys.exception())
