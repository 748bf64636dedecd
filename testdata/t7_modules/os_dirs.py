# listdir, scandir and DirEntry, walk, makedirs/removedirs, stat results.
import os
import stat

BASE = "/tmp/py2vm_test_os_dirs"


def clean(top):
    if not os.path.lexists(top):
        return
    for root, dirs, files in os.walk(top, topdown=False):
        for n in files:
            os.unlink(os.path.join(root, n))
        for n in dirs:
            q = os.path.join(root, n)
            os.unlink(q) if os.path.islink(q) else os.rmdir(q)
    os.rmdir(top)


def touch(path, data=b""):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.write(fd, data)
    os.close(fd)


clean(BASE)
os.makedirs(os.path.join(BASE, "sub", "deep"))
touch(os.path.join(BASE, "a.txt"), b"hello")
touch(os.path.join(BASE, "sub", "b.bin"), bytes(range(10)))
os.symlink("a.txt", os.path.join(BASE, "ln"))
os.symlink("sub", os.path.join(BASE, "dirlink"))

print(sorted(os.listdir(BASE)))
print(sorted(os.listdir(os.fsencode(BASE))))
fd = os.open(BASE, os.O_RDONLY)
print(sorted(os.listdir(fd)))
os.close(fd)
old = os.getcwd()
os.chdir(BASE)
print(sorted(os.listdir()), sorted(os.listdir(".")))
with os.scandir() as it:
    print(sorted(e.path for e in it))
os.chdir(old)

with os.scandir(BASE) as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(e.name, e.path == os.path.join(BASE, e.name), e.is_dir(), e.is_file(),
          e.is_symlink(), e.is_dir(follow_symlinks=False),
          e.inode() == os.lstat(e.path).st_ino, os.fspath(e) == e.path)
print(repr(entries[0]), type(entries[0]).__name__, isinstance(entries[0], os.DirEntry))
print(entries[0].stat().st_size, stat.S_ISLNK(entries[3].stat(follow_symlinks=False).st_mode))
with os.scandir(os.fsencode(BASE)) as it:
    print(sorted(e.name for e in it))
it = os.scandir(BASE)
next(it)
it.close()
print(list(it))

for root, dirs, files in os.walk(BASE):
    dirs.sort()
    print(os.path.relpath(root, BASE), dirs, sorted(files))
print([os.path.relpath(r, BASE) for r, d, f in os.walk(BASE, topdown=False)][-1])

st = os.stat(os.path.join(BASE, "a.txt"))
print(type(st).__name__, len(st), st.n_fields, st.n_sequence_fields)
print(st.st_size, st[stat.ST_SIZE], stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode))
print(stat.S_IMODE(st.st_mode) == 0o644 & ~os.umask(0o022), st.st_nlink, st.st_uid == os.getuid())
print(isinstance(st.st_mtime, float), isinstance(st[stat.ST_MTIME], int), st.st_mtime_ns // 10**9 == st[8])
print(st.st_blocks >= 0, st.st_blksize > 0, st == os.stat(os.path.join(BASE, "a.txt")))
print(stat.filemode(st.st_mode), stat.filemode(os.lstat(os.path.join(BASE, "ln")).st_mode)[0])
print(os.stat(os.path.join(BASE, "ln")).st_ino == st.st_ino, os.lstat(os.path.join(BASE, "ln")).st_ino == st.st_ino)
fd = os.open(os.path.join(BASE, "a.txt"), os.O_RDONLY)
print(os.fstat(fd).st_size, os.stat(fd).st_ino == st.st_ino)
os.close(fd)
os.utime(os.path.join(BASE, "a.txt"), (1000000000, 1234567890.5))
st = os.stat(os.path.join(BASE, "a.txt"))
print(st.st_atime, st.st_mtime, st.st_mtime_ns, st[8])
os.utime(os.path.join(BASE, "a.txt"), ns=(5, 7 * 10**9 + 3))
print(os.stat(os.path.join(BASE, "a.txt")).st_mtime_ns)
os.chmod(os.path.join(BASE, "a.txt"), 0o600)
print(oct(stat.S_IMODE(os.stat(os.path.join(BASE, "a.txt")).st_mode)))
print(os.readlink(os.path.join(BASE, "ln")), os.readlink(os.fsencode(os.path.join(BASE, "ln"))))
os.link(os.path.join(BASE, "a.txt"), os.path.join(BASE, "hard"))
print(os.stat(os.path.join(BASE, "a.txt")).st_nlink)
os.truncate(os.path.join(BASE, "hard"), 2)
print(os.path.getsize(os.path.join(BASE, "a.txt")))

os.makedirs(os.path.join(BASE, "m1", "m2", "m3"))
os.makedirs(os.path.join(BASE, "m1", "m2"), exist_ok=True)
try:
    os.makedirs(os.path.join(BASE, "m1", "m2"))
except FileExistsError as e:
    print("FileExistsError", e.errno, os.path.relpath(e.filename, BASE))
os.removedirs(os.path.join(BASE, "m1", "m2", "m3"))
print(os.path.exists(os.path.join(BASE, "m1")))
clean(BASE)
print(os.path.exists(BASE))
