# Unicode-aware matching, case-insensitive matching beyond ASCII, and
# bytes patterns (ASCII semantics).
import re

print(re.findall(r"\w+", "naïve café 東京 x_1"))
print(re.findall(r"\w+", "naïve café", re.ASCII))
print(re.findall(r"\d", "1٢३4"), re.findall(r"\d", "1٢३4", re.A))
print(re.findall(r"\s", "a\u00a0b\u2003c\td"), re.findall(r"\s", "a\u00a0b", re.A))
print(re.match(r"(?i)straße", "STRASSE"), re.match(r"(?i)straße", "STRAßE"))
print(re.match(r"(?i)ǆ", "ǅ"), re.match(r"(?i)σ", "ς"), re.match(r"(?i)[σ]", "Σ"))
print(re.match(r"(?i)k", "\u212a"), re.match(r"(?i)k", "\u212a", re.A))
print(re.match(r"(?i)\u0130", "i"), re.match(r"(?i)i", "\u0131"))
print(re.findall(r"(?i)[a-z]+", "ÀbCdÉ fooBAR"), re.findall(r"(?i)[à-ÿ]+", "ÀÉÎÕÜ"))
print(re.findall(r"[\u4e00-\u9fff]+", "abc中文def日本語"), re.findall(r"[^\x00-\x7f]", "añb€"))
print(re.findall(r"[\u0391-\u03a9\u4e00\u4e8c\u4e09]", "ΑΒΓ一二三四"))
print(re.sub(r"(?i)ΣΊΣΥΦΟΣ", "X", "σίσυφος"), re.search(r"(?i)(ä)\1", "äÄ"))
print(re.fullmatch(r"[^\W\d_]+", "Ωmega"), re.fullmatch(r"[^\W\d_]+", "Ωmega1"))
print(re.findall(r"\b\w", "élan vital über"))
print(re.split(r"\W+", "Hello, Wörld! Ça va?"))
# bytes
print(re.findall(rb"\w+", b"caf\xe9 bar_1 \xff"))
print(re.match(rb"(?i)ABC", b"abc"), re.match(rb"(?i)\xe9", b"\xc9"))
print(re.sub(rb"(\d+)", rb"<\1>", b"a12b3"), re.split(rb",", bytearray(b"a,b")))
print(re.search(rb"\s+", b"a \t\nb").span(), re.findall(rb"[\x80-\xff]", b"a\x80b\xffc"))
m = re.search(rb"(?P<k>\w+)=(?P<v>\w+)", memoryview(b"x key=val y"))
print(m.group("k", "v"), m.groupdict(), type(m.string).__name__)
for bad in [(r"a", b"a"), (rb"a", "a")]:
    try:
        re.match(*bad)
    except TypeError as e:
        print("TypeError", e)
try:
    re.compile(rb"\w", re.UNICODE)
except ValueError as e:
    print("ValueError", e)
print(re.compile(r"x", re.U), re.compile(rb"x", re.L), re.compile(r"x", re.A | re.I))
