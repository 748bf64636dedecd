# Raw file descriptors, the environment, fspath, and the small process calls.
import os

PATH = "/tmp/py2vm_test_os_fds.bin"
if os.path.exists(PATH):
    os.unlink(PATH)

fd = os.open(PATH, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
print(os.write(fd, b"hello world"), os.write(fd, bytearray(b"!!")))
print(os.lseek(fd, 0, os.SEEK_CUR), os.lseek(fd, 0, os.SEEK_SET))
print(os.read(fd, 5), os.read(fd, 100), os.read(fd, 10))
print(os.lseek(fd, -3, os.SEEK_END), os.read(fd, 3))
os.ftruncate(fd, 4)
os.lseek(fd, 0, os.SEEK_SET)
print(os.read(fd, 100), os.fstat(fd).st_size)
os.fsync(fd)
print(os.isatty(fd), os.get_inheritable(fd), os.get_blocking(fd), os.device_encoding(fd))
os.set_inheritable(fd, True)
os.set_blocking(fd, False)
print(os.get_inheritable(fd), os.get_blocking(fd))
fd2 = os.dup(fd)
print(fd2 != fd, os.get_inheritable(fd2))
fd3 = os.open("/dev/null", os.O_RDONLY)
print(os.dup2(fd, fd3) == fd3, os.get_inheritable(fd3), os.dup2(fd, fd3, inheritable=False) == fd3, os.get_inheritable(fd3))
for f in (fd, fd2, fd3):
    os.close(f)
os.unlink(PATH)

r, w = os.pipe()
print(os.write(w, b"through the pipe"), os.read(r, 7), os.read(r, 100))
os.close(w)
print(os.read(r, 10))
os.close(r)

os.environ["PY2VM_TEST_VAR"] = "value 1"
print(os.environ["PY2VM_TEST_VAR"], os.getenv("PY2VM_TEST_VAR"), os.environb[b"PY2VM_TEST_VAR"])
print("PY2VM_TEST_VAR" in os.environ, os.getenv("PY2VM_NO_SUCH", "default"))
del os.environ["PY2VM_TEST_VAR"]
print("PY2VM_TEST_VAR" in os.environ, os.environ.get("PY2VM_TEST_VAR"))
os.environ.setdefault("PY2VM_TEST_VAR2", "x")
print(os.environ.pop("PY2VM_TEST_VAR2"), type(os.environ).__name__)
try:
    os.environ["PY2VM_TEST_VAR3"]
except KeyError as e:
    print("KeyError", e)
import posix
print(type(posix.environ).__name__, all(type(k) is bytes for k in posix.environ))


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


print(os.fspath(P("some/where")), os.fspath(P(b"bytes")), os.fspath("s"), os.fspath(b"b"))
print(os.path.join(P("a"), "b"), os.fsencode(P("x")), os.fsdecode(b"y"))
print(os.path.exists(P("/")), isinstance(P("a"), os.PathLike))
try:
    os.fspath(P(3))
except TypeError as e:
    print("TypeError", e)

print(os.getpid() > 0, os.getppid() > 0, os.getuid() >= 0, os.getgid() >= 0,
      os.geteuid() == os.getuid(), os.getegid() == os.getgid())
old = os.umask(0o027)
print(oct(os.umask(old)))
print(len(os.urandom(16)), os.urandom(0))
print(isinstance(os.cpu_count(), int) and os.cpu_count() > 0)
u = os.uname()
print(u.sysname, len(u) == 5, type(u).__name__, u[0] == u.sysname)
t = os.times()
print(len(t), type(t).__name__, all(isinstance(x, float) for x in t), t.elapsed >= 0)
print(os.waitstatus_to_exitcode(0), os.waitstatus_to_exitcode(3 << 8), os.waitstatus_to_exitcode(9))
os.register_at_fork(before=lambda: None)
try:
    os.register_at_fork()
except TypeError as e:
    print("TypeError", e)
try:
    os.register_at_fork(before=1)
except TypeError as e:
    print("TypeError", e)
ts = os.terminal_size((80, 24))
print(ts, ts.columns, ts.lines)
print(os.name, os.sep, os.pathsep, os.curdir, os.pardir, os.linesep == "\n", os.devnull)
print(os.F_OK, os.R_OK, os.W_OK, os.X_OK, os.SEEK_SET, os.SEEK_CUR, os.SEEK_END)
print(os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.O_CREAT, os.O_EXCL, os.O_TRUNC, os.O_APPEND)
print(os.stat in os.supports_fd, os.stat in os.supports_follow_symlinks, os.listdir in os.supports_fd)
