# io.BytesIO: reading, writing, seeking, readinto, getbuffer, errors.
import io


def attempt(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


b = io.BytesIO(b"line one\nline two\nlast")
print(b.read(4), b.read1(2), b.readline(), b.tell())
print(list(b), b.read())
b.seek(0)
print(b.readlines(), b.seek(-4, 2), b.read(), b.seek(-100, 1), b.tell())
b.seek(0)
print(b.readlines(10), b.readline(3), b.readline(-1))

b = io.BytesIO()
print(b.write(b"abc"), b.write(bytearray(b"de")), b.write(memoryview(b"f")), b.getvalue())
b.seek(10)
b.write(b"z")
print(b.getvalue(), b.tell())
print(b.truncate(4), b.getvalue(), b.tell())
b.seek(1)
print(b.truncate(), b.getvalue())
b.writelines([b"x", b"yz"])
print(b.getvalue())

ba = bytearray(3)
b = io.BytesIO(b"12345")
print(b.readinto(ba), ba, b.readinto(ba), ba, b.readinto(ba))
print(bytes(b.getbuffer()), len(b.getbuffer()))
print(b.readable(), b.writable(), b.seekable(), b.isatty(), b.flush(), b.closed)

attempt("write str", lambda: b.write("x"))
attempt("init str", lambda: io.BytesIO("x"))
attempt("seek -1", lambda: b.seek(-1))
attempt("whence", lambda: b.seek(0, 3))
attempt("truncate -1", lambda: b.truncate(-1))
attempt("read str", lambda: b.read("x"))
attempt("fileno", b.fileno)
attempt("readinto bytes", lambda: b.readinto(b"xx"))

state = io.BytesIO(b"pickled").__getstate__()
print(state)
c = io.BytesIO()
c.__setstate__((b"restored", 3, None))
print(c.read())

b.close()
print(b.closed)
for name in ["read", "getvalue", "tell", "readline", "readable", "flush", "isatty"]:
    attempt(name, getattr(b, name))
attempt("write", lambda: b.write(b"x"))
attempt("seek", lambda: b.seek(0))
attempt("next", lambda: next(b))

with io.BytesIO(b"ctx") as c:
    print(c.read(), c.closed)
print(c.closed)


class Counting(io.BytesIO):
    def write(self, data):
        self.writes = getattr(self, "writes", 0) + 1
        return super().write(data)


cb = Counting()
cb.write(b"a")
cb.write(b"b")
print(cb.getvalue(), cb.writes, isinstance(cb, io.BufferedIOBase))

# BufferedReader over a BytesIO.
r = io.BufferedReader(io.BytesIO(b"hello\nworld\n"), 4)
print(r.peek(1)[:1], r.read1(3), r.readline(), r.read(2), r.read(), r.read())
print(repr(r), r.readable(), r.writable(), r.seekable())
attempt("write", lambda: r.write(b"x"))
attempt("size 0", lambda: io.BufferedReader(io.BytesIO(), 0))
attempt("read -2", lambda: r.read(-2))
w = io.BufferedWriter(io.BytesIO(), 8)
attempt("read", lambda: w.read())
pair = io.BufferedRWPair(io.BytesIO(b"in"), io.BytesIO())
print(pair.read(), pair.write(b"out"), pair.readable(), pair.writable(), pair.closed)
