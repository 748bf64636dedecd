# OSError subclasses from posix calls: errno, strerror, filename(s), messages.
import errno
import os

BASE = "/tmp/py2vm_test_os_errors"


def show(f, *args):
    try:
        f(*args)
        print(f.__name__, "ok")
    except Exception as e:
        text = str(e).replace(BASE, "<tmp>")
        fn = getattr(e, "filename", None)
        fn2 = getattr(e, "filename2", None)
        if isinstance(fn, str):
            fn = fn.replace(BASE, "<tmp>")
        if isinstance(fn2, str):
            fn2 = fn2.replace(BASE, "<tmp>")
        print(f.__name__, type(e).__name__, getattr(e, "errno", None), fn, fn2, text)


if os.path.isdir(BASE):
    for n in os.listdir(BASE):
        q = os.path.join(BASE, n)
        os.rmdir(q) if os.path.isdir(q) else os.unlink(q)
    os.rmdir(BASE)
os.mkdir(BASE)
j = lambda *n: os.path.join(BASE, *n)
fd = os.open(j("f"), os.O_CREAT | os.O_WRONLY, 0o644)
os.close(fd)
os.mkdir(j("d"))

show(os.remove, j("missing"))
show(os.unlink, j("d"))
show(os.rmdir, j("f"))
show(os.rmdir, j("missing"))
show(os.mkdir, j("d"))
show(os.rename, j("missing"), j("other"))
show(os.replace, j("missing"), j("other"))
show(os.rename, j("d"), j("f"))
show(os.listdir, j("f"))
show(os.listdir, j("missing"))
show(os.scandir, j("missing"))
show(os.stat, j("missing"))
show(os.lstat, j("missing", "x"))
show(os.chdir, j("missing"))
show(os.readlink, j("f"))
show(os.open, j("missing"), os.O_RDONLY)
show(os.open, j("f"), os.O_CREAT | os.O_EXCL | os.O_WRONLY)
show(os.symlink, j("f"), j("d"))
show(os.close, -1)
show(os.fstat, 9999)
show(os.read, -5, 1)
show(os.stat, "a\0b")
show(os.stat, b"a\0b")
show(os.stat, 1.5)
show(os.listdir, [1])
show(os.mkdir, 3)
show(os.close, 2 ** 40)
show(os.close, "x")
show(os.urandom, -1)
show(os.strerror, errno.ENOENT)
show(os.fspath, 3)
show(os.putenv, "a=b", "c")
show(os.waitstatus_to_exitcode, 0x7F)
show(os.kill, 2 ** 22 + 12345, 0)
show(os.access, j("f"), os.R_OK)
print(os.access(j("f"), os.F_OK), os.access(j("missing"), os.F_OK), os.access(j("f"), os.X_OK))
os.rename(j("f"), j("g"))
os.replace(j("g"), j("h"))
print(sorted(os.listdir(BASE)))
os.remove(j("h"))
os.rmdir(j("d"))
os.rmdir(BASE)

print(OSError(2, "x").__class__.__name__, OSError(errno.EPIPE, "x").__class__.__name__,
      OSError(errno.EAGAIN, "x").__class__.__name__, OSError(errno.ESRCH, "x").__class__.__name__,
      OSError(errno.ECONNREFUSED, "x").__class__.__name__, OSError(errno.ECHILD, "x").__class__.__name__)
print(issubclass(BrokenPipeError, ConnectionError), os.error is OSError)
print(errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EAGAIN == errno.EWOULDBLOCK)
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EWOULDBLOCK], errno.errorcode[errno.EDEADLK])
print(len(errno.errorcode) > 100, sorted(n for n in dir(errno) if n.startswith("EN"))[:6])
print(os.strerror(errno.EEXIST), os.strerror(99999))
