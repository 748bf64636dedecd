# io.TextIOWrapper over a BytesIO: encodings, errors, newline modes,
# tell/seek cookies, line buffering, detach, reconfigure.
import io


def attempt(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


raw = io.BytesIO()
w = io.TextIOWrapper(raw, encoding="utf-8")
print(w, w.encoding, w.errors, w.line_buffering, w.write_through, w.buffer is raw)
print(w.write("héllo\n"), w.write("wörld €\n"), raw.getvalue())
w.flush()
print(raw.getvalue())
w.seek(0)
print(repr(w.readline()), w.tell(), repr(w.read()))

# Cookies: tell() anywhere, seek() back to each one.
data = "ab\ncé\r\n€f\rend"
w = io.TextIOWrapper(io.BytesIO(data.encode("utf-8")), encoding="utf-8")
marks = []
while True:
    pos = w.tell()
    line = w.readline()
    if not line:
        break
    marks.append((pos, line))
print(marks)
for pos, line in reversed(marks):
    w.seek(pos)
    print(repr(w.readline()), end=" ")
print()
w.seek(0)
print(repr(w.read(4)), w.tell(), repr(w.read(2)), w.tell())
for line in w:
    attempt("tell in loop", w.tell)
    break
attempt("seek cur", lambda: w.seek(1, 1))
attempt("seek end", lambda: w.seek(1, 2))
attempt("seek neg", lambda: w.seek(-1))
attempt("whence", lambda: w.seek(0, 9))
print(w.seek(0, 2), repr(w.read()))

# Newline modes on reading.
for nl in [None, "", "\n", "\r", "\r\n"]:
    w = io.TextIOWrapper(io.BytesIO(b"a\nb\r\nc\rd"), encoding="ascii", newline=nl)
    print(repr(nl), w.readlines(), w.newlines)
# ...and on writing.
for nl in [None, "", "\n", "\r", "\r\n"]:
    b = io.BytesIO()
    w = io.TextIOWrapper(b, encoding="ascii", newline=nl)
    w.write("x\ny\r\n")
    w.flush()
    print(repr(nl), b.getvalue())

# Encodings and error handlers.
for enc, errors in [("ascii", "strict"), ("ascii", "replace"), ("ascii", "ignore"),
                    ("latin-1", "strict"), ("utf-8", "strict"), ("utf-16", "strict"),
                    ("ascii", "backslashreplace"), ("ascii", "xmlcharrefreplace")]:
    b = io.BytesIO()
    w = io.TextIOWrapper(b, encoding=enc, errors=errors)
    try:
        w.write("aé€z")
        w.write("!")
        w.flush()
        print(enc, errors, b.getvalue())
    except UnicodeEncodeError as e:
        print(enc, errors, "!!", e)
for enc, errors in [("utf-8", "strict"), ("utf-8", "replace"), ("ascii", "ignore"), ("latin-1", "strict")]:
    w = io.TextIOWrapper(io.BytesIO(b"ok\xff\xe9\nend"), encoding=enc, errors=errors)
    attempt(enc + " " + errors, w.read)
# A character split across read chunks.
w = io.TextIOWrapper(io.BytesIO(("€" * 5000).encode()), encoding="utf-8")
text = w.read()
print(len(text), set(text))
w = io.TextIOWrapper(io.BytesIO(("ab€" * 3000).encode()), encoding="utf-8")
w._CHUNK_SIZE = 7
print(len(w.readline()), w.tell())

# Line buffering and write_through.
b = io.BytesIO()
w = io.TextIOWrapper(b, encoding="utf-8", line_buffering=True)
w.write("no newline")
print(b.getvalue())
w.write(" newline\n")
print(b.getvalue())
b = io.BytesIO()
w = io.TextIOWrapper(b, encoding="utf-8", write_through=True)
w.write("through")
print(b.getvalue())
w.reconfigure(line_buffering=True, write_through=False)
print(w.line_buffering, w.write_through)

# Detach and reconfigure.
b = io.BytesIO(b"first\nsecond\n")
w = io.TextIOWrapper(b, encoding="utf-8")
print(w.readline())
attempt("reconfigure after read", lambda: w.reconfigure(encoding="latin-1"))
print(w.detach() is b)
attempt("read after detach", w.read)
attempt("encoding after detach", lambda: w.encoding)
attempt("repr after detach", lambda: repr(w))
w = io.TextIOWrapper(io.BytesIO(b"caf\xe9"), encoding="utf-8")
w.reconfigure(encoding="latin-1")
print(w.read(), w.encoding, w.errors)

# Argument errors.
attempt("newline", lambda: io.TextIOWrapper(io.BytesIO(), newline="x"))
attempt("encoding int", lambda: io.TextIOWrapper(io.BytesIO(), encoding=1))
attempt("unknown encoding", lambda: io.TextIOWrapper(io.BytesIO(), encoding="no-such"))
attempt("write bytes", lambda: io.TextIOWrapper(io.BytesIO(), encoding="utf-8").write(b"x"))
r = io.TextIOWrapper(io.BufferedReader(io.BytesIO(b"ro")), encoding="utf-8")
attempt("write to reader", lambda: r.write("x"))
print(r.readable(), r.writable(), r.seekable())

# Closing closes the buffer.
b = io.BytesIO()
w = io.TextIOWrapper(b, encoding="utf-8")
w.write("pending")
w.close()
print(w.closed, b.closed)
attempt("write closed", lambda: w.write("x"))
attempt("read closed", w.read)
attempt("tell closed", w.tell)
w.close()

# The newline decoder on its own.
d = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode("a\r")), d.getstate(), repr(d.decode("\nb\r")), repr(d.decode("", final=True)), d.newlines)
d.reset()
print(d.getstate(), d.newlines)
d = io.IncrementalNewlineDecoder(None, translate=False)
print(repr(d.decode("x\r\ny\rz\n", final=True)), d.newlines)
d.setstate((b"", 1))
print(repr(d.decode("q")))
