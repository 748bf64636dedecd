# Error handlers: the builtin ones and ones registered by Python code,
# honoured by the native codecs, with the UnicodeError attributes.
import codecs

for errors in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
    try:
        print(errors, "aé€b".encode("ascii", errors), "aé€b".encode("latin-1", errors))
    except UnicodeEncodeError as e:
        print(errors, type(e).__name__, e)
for errors in ["strict", "ignore", "replace", "backslashreplace"]:
    try:
        print(errors, b"a\xff\xe2\x82b\xe2\x28".decode("utf-8", errors), b"a\x80".decode("ascii", errors))
    except UnicodeDecodeError as e:
        print(errors, type(e).__name__, e, e.start, e.end, e.reason, e.encoding, e.object)
print(b"\xe2\x82".decode("utf-8", "replace"))
try:
    b"\xf0\x90\x28".decode()
except UnicodeDecodeError as e:
    print(e, (e.start, e.end))
try:
    "ab€".encode("ascii", "no-such-handler")
except LookupError as e:
    print(type(e).__name__, e)
try:
    b"\xff".decode("utf-8", "xmlcharrefreplace")
except TypeError as e:
    print(type(e).__name__, e)

calls = []


def handler(exc):
    calls.append((type(exc).__name__, exc.encoding, exc.start, exc.end, exc.reason))
    if isinstance(exc, UnicodeEncodeError):
        return ("[%s]" % ",".join(str(ord(c)) for c in exc.object[exc.start:exc.end]), exc.end)
    return ("<%s>" % exc.object[exc.start:exc.end].hex(), exc.end)


codecs.register_error("test.mine", handler)
print(codecs.lookup_error("test.mine") is handler)
print("aé€b".encode("ascii", "test.mine"), "x\u0100y".encode("cp1252", "test.mine"))
print(b"a\xff\xfeb".decode("utf-8", "test.mine"), b"\x81".decode("cp1252", "test.mine"))
print(b"a\x00\x00\xd8".decode("utf-16-le", "test.mine"))
for c in calls:
    print(c)

codecs.register_error("test.bytes", lambda e: (b"<?>", e.end))
print("a€b".encode("latin-1", "test.bytes"))
codecs.register_error("test.back", lambda e: ("X", -1))
print("ab€c".encode("ascii", "test.back"))
codecs.register_error("test.far", lambda e: ("", 99))
try:
    "a€".encode("ascii", "test.far")
except IndexError as e:
    print(type(e).__name__, e)
codecs.register_error("test.bad", lambda e: "nope")
try:
    "a€".encode("ascii", "test.bad")
except TypeError as e:
    print(type(e).__name__, e)
try:
    b"\xff".decode("ascii", "test.bad")
except TypeError as e:
    print(type(e).__name__, e)
codecs.register_error("test.nonascii", lambda e: ("é", e.end))
try:
    "a€".encode("ascii", "test.nonascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)


def raising(exc):
    raise KeyError("from handler")


codecs.register_error("test.raise", raising)
try:
    b"\xff".decode("utf-8", "test.raise")
except KeyError as e:
    print(type(e).__name__, e)
try:
    codecs.register_error("x", 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    codecs.lookup_error("nope")
except LookupError as e:
    print(type(e).__name__, e)

# The builtin handlers called directly.
enc = UnicodeEncodeError("ascii", "aé€b", 1, 3, "bad")
dec = UnicodeDecodeError("utf-8", b"a\xff\xfe", 1, 3, "bad")
print(enc, "|", dec)
print(enc.encoding, enc.object, enc.start, enc.end, enc.reason)
for name in ["ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
    h = codecs.lookup_error(name)
    print(name, h(enc), end=" ")
    try:
        print(h(dec))
    except TypeError as e:
        print(type(e).__name__, e)
try:
    codecs.strict_errors(enc)
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    codecs.replace_errors(ValueError("x"))
except TypeError as e:
    print(type(e).__name__, e)
enc.start = 2
enc.reason = "changed"
print(enc, enc.start)
print(UnicodeDecodeError("ascii", b"\x80", 0, 1, "r").args)
