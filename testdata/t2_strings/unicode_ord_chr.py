# Non-ASCII strings: len, ord/chr, iteration, encoding, comparison.
words = ["hello", "héllo", "日本語", "emoji😀", "Ωmega", "naïve", "\u0301e"]
for w in words:
    print(w, len(w), [ord(c) for c in w], len(w.encode("utf-8")), w.upper())
print(chr(65), chr(0x263A), chr(128512), chr(0), repr(chr(0x7F)), repr(chr(0xA0)), chr(0x10FFFF) == "\U0010ffff")
print(ord("a"), ord("€"), ord("😀"), ord("\n"), hex(ord("語")))
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    ord("")
except TypeError as e:
    print("TypeError:", e)
print("\N{GREEK SMALL LETTER ALPHA}", "\u00e9" == "é", "\x41\x42", "\101", "\U0001F600" == "😀")
print("日本語".encode("utf-8"), "é".encode("latin-1"), b"\xe6\x97\xa5".decode("utf-8"), "x€".encode("utf-16-le"))
try:
    "€".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print("€".encode("ascii", "replace"), b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"))
print(sorted(["é", "e", "z", "É", "日", "a"]), "ä" < "b", max("日本語"))
print("ÀÉÎ".lower(), "straße".upper(), "ﬀ".upper(), len("ﬀ".upper()))
print("|{:^7}|{:<5}|{:>5}|".format("日本", "é", "😀"))
print(list("añ😀"), "añ😀"[::-1], "añ😀".find("😀"), "x😀y".split("😀"))
print(str(b"abc", "ascii"), str("é".encode(), "utf-8"), ascii("héllo😀"), ascii(["ü"]))
