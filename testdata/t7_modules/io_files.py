# open() on a temporary file: every mode letter, text and binary, append,
# exclusive creation, seek/tell, newline translation, encodings, closing.
import os

path = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"py2vm_io_files_{os.getpid()}.txt")


def attempt(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, str(e).replace(path, "<path>"))


def show(f):
    return repr(f).replace(repr(path), "<path>")


try:
    with open(path, "w") as f:
        print(show(f), show(f.buffer), show(f.buffer.raw))
        print(f.write("alpha\n"), f.write("beta\r\ngamma\rdelta"), f.tell())
        print("printed", 42, file=f)
        f.writelines(["x\n", "y\n"])
    with open(path) as f:
        print(f.read())
    with open(path, newline="") as f:
        print(f.readlines())
    with open(path, "rb") as f:
        print(f.read())

    attempt("x existing", lambda: open(path, "x"))
    os.remove(path)
    with open(path, "x") as f:
        print(show(f), f.write("created\n"))
    with open(path, "a") as f:
        print(show(f), f.tell(), f.write("appended\n"))
    with open(path, "a+") as f:
        print(f.tell(), repr(f.read()))
        f.seek(0)
        print(repr(f.read()))
        f.write("more\n")
    with open(path, "r+") as f:
        print(repr(f.read(3)))
        f.seek(0)
        f.write("CRE")
        f.seek(0)
        print(f.readlines())
    with open(path, "w+") as f:
        print(repr(f.read()), f.write("fresh\ntext\n"), f.seek(0), f.readline(), f.tell())
        f.seek(0, 2)
        f.write("end\n")
        f.seek(0)
        print(list(f))
    with open(path, "rb+") as f:
        print(f.read(5), f.seek(0), f.write(b"FRESH"), f.tell())
        f.seek(0)
        print(f.read())
        print(f.truncate(5), f.seek(0, 2))
    with open(path, "ab") as f:
        print(show(f), f.write(b"\x00\xff"), f.tell())
    with open(path, "rb") as f:
        print(f.read(), f.tell())
    with open(path, "wb", buffering=0) as f:
        print(show(f), f.write(b"raw bytes\n"), f.tell())
    with open(path, "rb") as f:
        print(f.read())

    # Newlines and encodings.
    with open(path, "w", newline="\r\n") as f:
        f.write("one\ntwo\n")
    with open(path, "rb") as f:
        print(f.read())
    with open(path, "w", encoding="latin-1") as f:
        f.write("café")
    with open(path, "rb") as f:
        print(f.read())
    attempt("utf-8 read", lambda: open(path, encoding="utf-8").read())
    with open(path, encoding="utf-8", errors="replace") as f:
        print(repr(f.read()))
    with open(path, "w", encoding="ascii") as f:
        attempt("ascii write", lambda: f.write("café"))
    with open(path, "w", encoding="utf-8") as f:
        f.write("ünïcödé\nline two\n")
    with open(path, encoding="utf-8") as f:
        first = f.readline()
        where = f.tell()
        print(repr(first), where, repr(f.readline()))
        f.seek(where)
        print(repr(f.read()))
        f.seek(0)
        print(repr(f.read(3)), f.tell())

    # Closed files.
    f = open(path)
    f.close()
    attempt("read", f.read)
    attempt("readline", f.readline)
    attempt("tell", f.tell)
    attempt("with", lambda: f.__enter__())
    f = open(path, "rb")
    f.close()
    attempt("rb read", f.read)
    attempt("rb seek", lambda: f.seek(0))
    f = open(path, "wb", buffering=0)
    f.close()
    attempt("raw write", lambda: f.write(b"x"))
    print(show(f))

    # Unclosed files are closed (and flushed) when they go away.
    open(path, "w").write("dropped\n")
    print(open(path).read())
finally:
    if os.path.exists(path):
        os.remove(path)
print(os.path.exists(path))
