# unicodedata: properties, names, lookups (aliases, named sequences,
# algorithmic names), normalization in the four forms, the 3.2.0 database
# IDNA uses, and the errors CPython raises.
import unicodedata
from unicodedata import ucd_3_2_0 as old

print(unicodedata.unidata_version, old.unidata_version, type(old).__name__)
print(type(old) is unicodedata.UCD, unicodedata.UCD.__module__)

for ch in "A\u00e9\u0301\u0663\u00bd\u2167\u4e00\uac01\u05d0\u0628 \u200b\u3000\uff21\U0001f600\U00010fff":
    print(
        f"U+{ord(ch):04X}",
        unicodedata.category(ch),
        unicodedata.bidirectional(ch) or "-",
        unicodedata.combining(ch),
        unicodedata.east_asian_width(ch),
        unicodedata.mirrored(ch),
        unicodedata.decimal(ch, None),
        unicodedata.digit(ch, None),
        unicodedata.numeric(ch, None),
        repr(unicodedata.decomposition(ch)),
        unicodedata.name(ch, "<no name>"),
    )

print(unicodedata.mirrored("("), unicodedata.numeric("\u216b"), unicodedata.numeric("\U00012432"))
print(unicodedata.name("\u1100"), unicodedata.name("\uac00"), unicodedata.name("\ud7a3"))
print(unicodedata.name("\u9fff"), unicodedata.name("\U00020000"), unicodedata.name("\uf900"))
print(unicodedata.name("\U00018b00"), unicodedata.name("\U0001b170"))
print(unicodedata.name("\U00017000", "tangut has no name in 3.11"))

for name in [
    "LATIN SMALL LETTER A",
    "latin small letter a with acute",
    "HANGUL SYLLABLE GAG",
    "CJK UNIFIED IDEOGRAPH-4E00",
    "CJK UNIFIED IDEOGRAPH-04E00",
    "cjk compatibility ideograph-f900",
    "LATIN CAPITAL LETTER GHA",
    "BYTE ORDER MARK",
    "KEYCAP NUMBER SIGN",
    "LATIN SMALL LETTER R WITH TILDE",
]:
    r = unicodedata.lookup(name)
    print(name, "->", [f"U+{ord(c):04X}" for c in r])
print(unicodedata.lookup(b"SNOWMAN"))

for bad in ["hangul syllable ga", "CJK UNIFIED IDEOGRAPH-4e00", "NO SUCH THING", "A" * 300]:
    try:
        unicodedata.lookup(bad)
    except KeyError as e:
        print("KeyError", e)

for args in [("\u00c5",), ("e\u0301",), ("\ufb01",), ("\u1100\u1161\u11a8",), ("\uac01",),
             ("a\u0323\u0302",), ("\u1e9b\u0323",), ("x\u0301\u0315\u0300",), ("\u212b",),
             ("\u2460\u00bd\u33a1",), ("\u0f73",), ("",)]:
    s = args[0]
    forms = [unicodedata.normalize(f, s) for f in ("NFC", "NFKC", "NFD", "NFKD")]
    print(ascii(s), [ascii(x) for x in forms],
          [unicodedata.is_normalized(f, s) for f in ("NFC", "NFKC", "NFD", "NFKD")])

# 3.2.0: characters added since are unassigned, and some values differ.
for ch in "\u0221\u9fa6\U0001f600\u20b9\u00e9\u1e9b":
    print(f"U+{ord(ch):04X}", old.category(ch), old.name(ch, None), repr(old.decomposition(ch)),
          old.east_asian_width(ch), old.bidirectional(ch) or "-")
print(old.lookup("CJK UNIFIED IDEOGRAPH-9FA6") == "\u9fa6")
print(old.normalize("NFC", "\U0002f868") == unicodedata.normalize("NFC", "\U0002f868"))
for name in ["LATIN CAPITAL LETTER GHA", "KEYCAP NUMBER SIGN", "INDIAN RUPEE SIGN"]:
    try:
        old.lookup(name)
    except KeyError as e:
        print("3.2.0 KeyError", e)

for call in [
    lambda: unicodedata.name("ab"),
    lambda: unicodedata.category(""),
    lambda: unicodedata.category(65),
    lambda: unicodedata.decimal("x"),
    lambda: unicodedata.digit("x"),
    lambda: unicodedata.numeric("x"),
    lambda: unicodedata.name("\x00"),
    lambda: unicodedata.normalize("NFX", "a"),
    lambda: unicodedata.normalize("NFC", 1),
    lambda: unicodedata.category(),
    lambda: unicodedata.decimal("1", 2, 3),
    lambda: unicodedata.lookup(bytearray(b"A")),
    lambda: unicodedata.UCD(),
    lambda: old.category(),
]:
    try:
        print(call())
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
print(unicodedata.decimal("x", "dflt"), unicodedata.name("\x00", "dflt"))
print(unicodedata.is_normalized("NFX", ""), repr(unicodedata.normalize("NFX", "")))

# The codecs read the same names: namereplace and unicode_escape's \N{...}.
print("caf\xe9 \u2603 \U000f0000 \U000f0200 \ue000 \x80".encode("ascii", "namereplace"))
print(ascii(b"\\N{SNOWMAN}\\N{latin small letter a}\\N{BYTE ORDER MARK}".decode("unicode_escape")))
for bad in [b"\\N{NO SUCH}", b"\\N{KEYCAP NUMBER SIGN}", b"\\N{SNOWMAN"]:
    try:
        bad.decode("unicode_escape")
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError", e)
print(b"a\\N{NO SUCH}b".decode("unicode_escape", "replace"))
