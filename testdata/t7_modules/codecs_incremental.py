# Incremental and stream codecs over the stateful _codecs functions.
import codecs
import io

d = codecs.getincrementaldecoder("utf-8")()
print(repr(d.decode(b"a\xe2\x82")), repr(d.decode(b"\xac!")), repr(d.decode(b"", final=True)))
d = codecs.getincrementaldecoder("utf-8")()
d.decode(b"\xe2")
try:
    d.decode(b"", final=True)
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print(codecs.utf_8_decode(b"ab\xf0\x9f", "strict", False), codecs.utf_8_decode(b"\xf0\x9f\x98\x80", "strict", True))

for enc in ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be", "utf-8-sig", "utf-7", "latin-1", "cp1252"]:
    data = "aé€\U0001f600".encode(enc, "replace")
    d = codecs.getincrementaldecoder(enc)()
    out = "".join(d.decode(data[i:i + 1]) for i in range(len(data))) + d.decode(b"", final=True)
    e = codecs.getincrementalencoder(enc)(errors="replace")
    again = b"".join(e.encode(c) for c in "aé€\U0001f600") + e.encode("", final=True)
    print(enc, data, out, again == data)

print(list(codecs.iterencode(["a", "é", ""], "utf-16")))
print(list(codecs.iterdecode([b"\xff", b"\xfea", b"\x00"], "utf-16")))
print(codecs.decode(b"\xfe\xff\x00a", "utf-16"), codecs.decode(b"a\x00", "utf-16"))
try:
    codecs.getincrementaldecoder("utf-16")().decode(b"\x00\xd8", final=True)
except UnicodeDecodeError as e:
    print(type(e).__name__, e)

raw = io.BytesIO("line one\nligne deux é\n".encode("utf-16"))
reader = codecs.getreader("utf-16")(raw)
print(reader.readline(), reader.read())
buf = io.BytesIO()
writer = codecs.getwriter("utf-8")(buf)
writer.write("€ and more")
print(buf.getvalue())
f = codecs.EncodedFile(io.BytesIO("é".encode("latin-1")), "utf-8", "latin-1")
print(f.read())
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE)
