# io.StringIO: reading, writing, newline modes, seek/tell, truncate, errors.
import io


def attempt(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


s = io.StringIO("first\nsecond\nthird")
print(s.read(3), repr(s.readline()), s.tell())
print(list(s))
print(repr(s.read()), s.tell())
s.seek(0)
print(s.readlines())
s.seek(0)
print(repr(s.readline(2)), repr(s.readline(0)), repr(s.readline(-1)), repr(s.readline(None)))
s.seek(0)
print(s.readlines(7))

# Writing past the end pads with NULs; writing inside overwrites.
s = io.StringIO()
print(s.write("hello"), s.tell(), s.getvalue())
s.seek(2)
s.write("LL")
print(repr(s.getvalue()), s.tell())
s.seek(8)
s.write("!")
print(repr(s.getvalue()))
print(s.truncate(4), repr(s.getvalue()), s.tell())
print(s.truncate(), repr(s.getvalue()))
s.seek(0, 2)
print(s.tell(), s.seek(0, 1), s.seek(0))

# newline=None translates on write; "" keeps everything, splitting lines
# at any ending; "\r\n" and "\r" translate "\n" on write.
for nl in [None, "", "\n", "\r", "\r\n"]:
    s = io.StringIO(newline=nl)
    s.write("a\nb\r\nc\rd")
    s.seek(0)
    print(repr(nl), repr(s.getvalue()), s.readlines(), s.newlines)
s = io.StringIO("x\r\ny\rz\n", newline=None)
print(repr(s.getvalue()), s.newlines, list(s))
s = io.StringIO(newline=None)
s.write("a\r")
s.write("\nb")
print(repr(s.getvalue()))

# print() to a StringIO.
s = io.StringIO()
print("one", 2, [3], sep="-", end="!\n", file=s)
print("two", file=s)
print(repr(s.getvalue()))

# Attributes.
s = io.StringIO("abc")
print(s.readable(), s.writable(), s.seekable(), s.isatty(), s.line_buffering)
print(s.closed, s.encoding, s.errors, s.newlines)
attempt("fileno", s.fileno)
attempt("detach", s.detach)

# Errors.
attempt("newline x", lambda: io.StringIO(newline="x"))
attempt("newline int", lambda: io.StringIO(newline=1))
attempt("initial int", lambda: io.StringIO(5))
attempt("write bytes", lambda: io.StringIO().write(b"x"))
attempt("seek -1", lambda: s.seek(-1))
attempt("seek cur", lambda: s.seek(1, 1))
attempt("seek end", lambda: s.seek(-1, 2))
attempt("whence", lambda: s.seek(0, 3))
attempt("truncate -1", lambda: s.truncate(-1))
attempt("read str", lambda: s.read("1"))
attempt("seek float", lambda: s.seek(1.5))

# Closed.
s.close()
s.close()
print(s.closed)
for name in ["read", "readline", "getvalue", "tell", "readable", "seekable", "writable"]:
    attempt(name, getattr(s, name))
attempt("write", lambda: s.write("x"))
attempt("seek", lambda: s.seek(0))
attempt("iter", lambda: iter(s))
attempt("next", lambda: next(s))
attempt("with", lambda: s.__enter__())


# Subclasses.
class Upper(io.StringIO):
    def write(self, text):
        return super().write(text.upper())


u = Upper("start ")
u.seek(0, 2)
print("shout", file=u)
print(repr(u.getvalue()), type(u).__name__, isinstance(u, io.TextIOBase), isinstance(u, io.IOBase))


class Numbered(io.StringIO):
    def __init__(self, value):
        super().__init__(value)
        self.count = 0

    def readline(self, size=-1):
        self.count += 1
        line = super().readline(size)
        return line and f"{self.count}:{line}"


n = Numbered("a\nb\n")
print(list(n), n.count)

# Pickling state.
s = io.StringIO("state\ntext", newline="")
s.readline()
state = s.__getstate__()
print(state)
t = io.StringIO()
t.__setstate__(state)
print(repr(t.read()), t.tell())

with io.StringIO("ctx") as c:
    print(c.read(), c.closed)
print(c.closed)
