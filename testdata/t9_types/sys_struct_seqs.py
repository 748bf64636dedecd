# sys structseqs (version_info, int_info, float_info, hash_info, flags) and friends.
import sys

vi = sys.version_info
print("version_info[:2]", vi[:2], "major", vi.major, "minor", vi.minor)
print("version_info >= (3, 8)", vi >= (3, 8), "< (4,)", vi < (4,), "== tuple", vi[:2] == (3, 11))
print("version_info type", type(vi).__name__, isinstance(vi, tuple), len(vi))
print("version_info index", vi[0], vi[-5], "micro int", type(vi.micro).__name__)
print("version_info releaselevel type", type(vi.releaselevel).__name__)
print("version_info has _fields", hasattr(vi, "_fields"))
print("version_info n_fields", vi.n_fields, vi.n_sequence_fields)
a, b, *rest = vi
print("version_info unpack", a, b, len(rest))
try:
    vi.major = 4
except (AttributeError, TypeError) as e:
    print("version_info readonly", type(e).__name__, e)
print("int_info", sys.int_info.bits_per_digit, sys.int_info.sizeof_digit, type(sys.int_info).__name__)
fi = sys.float_info
print("float_info max", fi.max, fi.max == 1.7976931348623157e308)
print("float_info epsilon", fi.epsilon, fi.epsilon == 2.0 ** -52)
print("float_info dig", fi.dig, "mant_dig", fi.mant_dig, "radix", fi.radix)
print("float_info min", fi.min, "max_exp", fi.max_exp, "min_exp", fi.min_exp)
print("float_info type", type(fi).__name__, len(fi), fi[0] == fi.max)
print("hash_info", sys.hash_info.width, sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.imag)
print("hash modulus check", sys.hash_info.modulus == 2 ** 61 - 1, hash(2 ** 61 - 1))
print("flags optimize", sys.flags.optimize, type(sys.flags).__name__)
print("flags dont_write_bytecode type", type(sys.flags.dont_write_bytecode).__name__)
print("flags isinstance tuple", isinstance(sys.flags, tuple))
print("implementation", sys.implementation.name, sys.implementation.cache_tag)
print("implementation version[:2]", sys.implementation.version[:2])
print("maxsize", sys.maxsize, sys.maxsize == 2 ** 63 - 1)
print("byteorder", sys.byteorder, "platform", sys.platform)
old = sys.getrecursionlimit()
print("recursionlimit", old)
sys.setrecursionlimit(2000)
print("recursionlimit after set", sys.getrecursionlimit())
sys.setrecursionlimit(old)
print("intern", sys.intern("ab") == "ab", type(sys.intern("x" * 3)).__name__)
print("getsizeof type", type(sys.getsizeof([])).__name__, sys.getsizeof([]) > 0)
print("exc_info outside", sys.exc_info(), sys.exception())
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print("exc_info inside", t.__name__, repr(v), type(tb).__name__)
    print("exception()", type(sys.exception()).__name__, sys.exception() is v)
print("exc_info after", sys.exc_info()[0])


def where():
    return sys._getframe().f_code.co_name, sys._getframe(1).f_code.co_name


print("_getframe", where())
print("getrefcount callable", callable(sys.getrefcount), type(sys.getrefcount(object())).__name__)
print("getformat double", float.__getformat__("double"))
print("argv type", type(sys.argv).__name__, "path type", type(sys.path).__name__)
print("modules has sys", "sys" in sys.modules, sys.modules["sys"] is sys)
print("stdout write returns", sys.stdout.write("x\n"))
