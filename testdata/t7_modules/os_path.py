# os.path (CPython's posixpath and genericpath) over py2vm's posix module.
import os
import os.path as p

BASE = "/tmp/py2vm_test_os_path"


def clean(top):
    if not p.lexists(top):
        return
    for root, dirs, files in os.walk(top, topdown=False):
        for n in files:
            os.unlink(p.join(root, n))
        for n in dirs:
            q = p.join(root, n)
            os.unlink(q) if p.islink(q) else os.rmdir(q)
    os.rmdir(top)


def touch(path, data=b""):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.write(fd, data)
    os.close(fd)


clean(BASE)
os.mkdir(BASE)
old = os.getcwd()
os.chdir(BASE)
try:
    print(p.join("a", "b", "c.txt"), p.join("/x", "/y"), p.join("a/", "b"))
    print(p.split("a/b/c.txt"), p.split("c"), p.split("/"))
    print(p.splitext("a/b.tar.gz"), p.splitext(".bashrc"), p.splitext("noext"))
    print(p.basename("/a/b/"), p.dirname("/a/b/c"), p.normpath("a//b/./c/../d"))
    print(p.isabs("/a"), p.isabs("a"), p.commonpath(["/a/b/c", "/a/b/d"]))
    print(p.commonprefix(["interstellar", "internet"]))
    os.makedirs("d1/d2")
    touch("d1/f.txt", b"12345")
    os.symlink("d1/f.txt", "link")
    print(p.exists("d1"), p.exists("nope"), p.isdir("d1"), p.isdir("d1/f.txt"))
    print(p.isfile("d1/f.txt"), p.isfile("d1"), p.islink("link"), p.islink("d1"))
    print(p.getsize("d1/f.txt"), p.getsize("link"), p.lexists("link"))
    print(p.abspath("d1/d2") == p.join(BASE, "d1", "d2"))
    print(p.abspath(b"d1") == p.join(BASE, "d1").encode())
    print(p.realpath("link") == p.join(BASE, "d1", "f.txt"))
    print(p.relpath(p.join(BASE, "d1", "d2"), BASE), p.relpath("d1", "d1/d2"))
    print(p.samefile("link", "d1/f.txt"), p.ismount("/"), p.ismount("d1"))
    os.environ["HOME"] = "/home/tester"
    print(p.expanduser("~/x"), p.expanduser("x~"), p.expanduser(b"~/y"))
    print(p.getmtime("d1/f.txt") == os.stat("d1/f.txt").st_mtime)
    try:
        p.getsize("nope")
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename)
finally:
    os.chdir(old)
    clean(BASE)
print(p.exists(BASE))
