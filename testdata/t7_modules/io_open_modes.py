# open(): mode validation and the other argument checks (all fail before
# any file is touched), and reading this program's own source in every
# read mode.
import io


def attempt(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, str(e).replace(me, "<me>"))


me = __file__
for mode in ["rw", "rr", "q", "rtb", "wa", "xr", "r+w", "", "+", "b", "t", "U", "rU"]:
    attempt(mode, lambda: open(me, mode))
attempt("encoding binary", lambda: open(me, "rb", encoding="utf-8"))
attempt("errors binary", lambda: open(me, "rb", errors="strict"))
attempt("newline binary", lambda: open(me, "rb", newline=""))
attempt("unbuffered text", lambda: open(me, "r", buffering=0))
attempt("newline value", lambda: open(me, newline="x"))
attempt("mode type", lambda: open(me, 1))
attempt("encoding type", lambda: open(me, encoding=1))
attempt("file type", lambda: open(1.5))
attempt("file list", lambda: open([]))
attempt("unknown encoding", lambda: open(me, encoding="no-such-codec"))
attempt("exists", lambda: open(me, "x"))
attempt("missing", lambda: open("no/such/dir/file.txt"))
attempt("missing rb", lambda: open("no/such/dir/file.txt", "rb"))
attempt("directory", lambda: open(".", "rb").read())
attempt("null byte", lambda: open("a\0b"))

with open(me) as f:
    print(type(f).__name__, f.mode, f.encoding, f.readable(), f.writable(), f.seekable())
    print(type(f.buffer).__name__, type(f.buffer.raw).__name__, f.buffer.raw.mode)
    first = f.readline()
    print(repr(first), f.tell())
    print(repr(f.readline(5)))
    rest = f.readlines()
    print(len(rest), repr(rest[-1]))
print(f.closed, f.buffer.closed)
attempt("read closed", f.read)
attempt("iter closed", lambda: iter(f))

with open(me, "rb") as f:
    data = f.read()
    print(type(f).__name__, f.mode, len(data) > 100, data[:12])
    print(f.seek(2), f.read(5), f.tell(), f.seek(-3, 2), f.read(), f.peek(1))
    f.seek(0)
    print(f.readline(), f.read1(4))
    attempt("write", lambda: f.write(b"x"))

with open(me, "rb", buffering=0) as f:
    print(type(f).__name__, f.mode, f.closefd, f.read(6), f.readall()[:0])
    attempt("write", lambda: f.write(b"x"))

with open(me, encoding="utf-8") as f:
    lines = list(f)
with open(me, "rt", newline="") as f:
    same = f.readlines()
print(len(lines) == len(same), lines == same)

with open(me) as f:
    count = sum(1 for _ in f)
print(count == len(lines))

raw = io.FileIO(me)
print(raw.mode, raw.readable(), raw.writable(), raw.read(3), raw.tell())
raw.close()
print(repr(raw), raw.closed)
attempt("closed read", raw.read)
attempt("FileIO mode", lambda: io.FileIO(me, "rw"))
attempt("FileIO mode letter", lambda: io.FileIO(me, "z"))
attempt("negative fd", lambda: io.FileIO(-1))
