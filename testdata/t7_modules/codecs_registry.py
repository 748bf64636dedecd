# The codec registry of _codecs under CPython's codecs.py and encodings.
import codecs
import encodings

for name in ["UTF-8", "utf8", "latin1", "Latin-1", "ascii", "utf_16_le", "cp1252", "koi8_r"]:
    info = codecs.lookup(name)
    print(name, "->", info.name, type(info).__name__)

seen = []


def search(name):
    seen.append(name)
    if name == "my_codec":
        return codecs.CodecInfo(
            lambda s, errors="strict": (s.upper().encode(), len(s)),
            lambda b, errors="strict": (bytes(b).decode().lower(), len(b)),
            name="my-codec",
        )
    if name == "bad_codec":
        return 42
    return None


codecs.register(search)
print(codecs.lookup("My Codec").name, seen)
print(codecs.encode("abc", "my_codec"), codecs.decode(b"ABC", "my_codec"))
print("abc".encode("my-codec"), b"XYZ".decode("my-codec"))
print(codecs.lookup("my_codec") is codecs.lookup("my-codec"))
for bad in ["bad_codec", "no-such-codec"]:
    try:
        codecs.lookup(bad)
    except (TypeError, LookupError) as e:
        print(type(e).__name__, e)
try:
    codecs.lookup(3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    codecs.register(3)
except TypeError as e:
    print(type(e).__name__, e)
codecs.unregister(search)
try:
    codecs.lookup("my_codec")
except LookupError as e:
    print(type(e).__name__, e)

# Text encodings through the registry: charmap codecs.
print("€ŠŸ".encode("cp1252"), b"\x80\x8a\x9f".decode("cp1252"))
print("Привет".encode("koi8_r"), "Привет".encode("koi8_r").decode("koi8_r"))
print("x\u0100y".encode("cp1252", "replace"), "x\u0100y".encode("cp1252", "xmlcharrefreplace"))
try:
    "x\u0100".encode("cp1252")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    b"\x81".decode("cp1252")
except UnicodeDecodeError as e:
    print(type(e).__name__, e, e.start, e.end)
print(codecs.encode("Hello", "rot13"), codecs.decode("Uryyb", "rot_13"))
try:
    "x".encode("rot13")
except LookupError as e:
    print(type(e).__name__, e)
try:
    b"x".decode("rot13")
except LookupError as e:
    print(type(e).__name__, e)
print(codecs.encode(b"a\tb'", "unicode_escape") if False else codecs.escape_encode(b"a\tb'\x00\xff"))
print(codecs.escape_decode(b"\\x41\\n\\101"), codecs.escape_decode(b"\\x4g", "replace"))
try:
    codecs.escape_decode(b"\\x4g")
except ValueError as e:
    print(type(e).__name__, e)
print("é€\U0001f600\\\t".encode("unicode_escape"), b"\\u20ac\\x41\\n".decode("unicode_escape"))
print("é€\U0001f600\\".encode("raw_unicode_escape"), b"\\u20ac\\q".decode("raw_unicode_escape"))
try:
    b"ab\\x4".decode("unicode_escape")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print("Hi Mom -☺-! 日本語 +".encode("utf-7"), b"Hi Mom -+Jjo--!".decode("utf-7"))
print(codecs.charmap_decode(b"\x00\x01\x02", "strict", "abc"), codecs.charmap_decode(b"\x00\x02", "replace", {0: "z", 1: None}))
print(codecs.charmap_encode("ab", "strict", {ord("a"): 1, ord("b"): b"BB"}))
print(codecs.readbuffer_encode(b"xy"), codecs.readbuffer_encode("é"))
print(codecs.utf_16_ex_decode(b"\xfe\xff\x00a", "strict", 0, True))
print(codecs.utf_32_ex_decode(b"\xff\xfe\x00\x00a\x00\x00\x00", "strict", 0, True))
print(codecs.utf_16_encode("a", "strict", 1), codecs.utf_32_encode("a"), codecs.utf_16_encode("a"))
try:
    codecs.utf_8_decode("str")
except TypeError as e:
    print(type(e).__name__, e)
try:
    codecs.utf_8_encode(b"bytes")
except TypeError as e:
    print(type(e).__name__, e)
try:
    codecs.utf_8_decode()
except TypeError as e:
    print(type(e).__name__, e)
try:
    codecs.utf_8_decode(b"", "strict", True, 4)
except TypeError as e:
    print(type(e).__name__, e)
