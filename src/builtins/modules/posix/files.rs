//! Paths and directories of `posix`: `stat`/`lstat`/`fstat` and
//! `stat_result`, `statvfs`, `getcwd`, `chdir`, `listdir`, `scandir` with
//! its iterator and `DirEntry` objects, `mkdir`, `rmdir`, `unlink`,
//! `rename`, `replace`, `access`, `utime`, `chmod`, `symlink`, `readlink`,
//! `link`, `truncate` (posixmodule.c's functions of the same names).

use std::cell::{Cell, OnceCell, RefCell};
use std::ffi::CString;
use std::rc::Rc;

use num_bigint::BigInt;

use super::{
    bind, c_int, fd_arg, flag, fs_value, last_error, no_args, no_dir_fd, os_error_with, path_arg,
    path_error, PathArg,
};
use crate::builtins::modules::{native_getter, native_instance, native_type};
use crate::builtins::structseq::{self, Desc, Field, UNNAMED};
use crate::object::exception::{not_implemented_error, stop_iteration, type_error, value_error};
use crate::object::function::{m, Args, MethodDef, NativeFn};
use crate::object::native::native_ref;
use crate::object::{PyResult, Type, Value};
use crate::vm::protocol;
use crate::vm::Vm;

pub(super) const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("stat", stat),
    ("lstat", lstat),
    ("fstat", fstat),
    ("statvfs", statvfs),
    ("fstatvfs", fstatvfs),
    ("getcwd", getcwd),
    ("getcwdb", getcwdb),
    ("chdir", chdir),
    ("listdir", listdir),
    ("scandir", scandir),
    ("mkdir", mkdir),
    ("rmdir", rmdir),
    ("unlink", unlink),
    ("remove", remove),
    ("rename", rename),
    ("replace", replace),
    ("access", access),
    ("utime", utime),
    ("chmod", chmod),
    ("symlink", symlink),
    ("readlink", readlink),
    ("link", link),
    ("truncate", truncate),
];

struct Types {
    dir_entry: Rc<Type>,
    scandir_iterator: Rc<Type>,
}

thread_local! {
    static TYPES: OnceCell<Rc<Types>> = const { OnceCell::new() };
}

fn classes() -> Rc<Types> {
    TYPES.with(|t| {
        t.get_or_init(|| {
            let dir_entry = native_type("DirEntry", "posix", vec![], DIR_ENTRY);
            native_getter(&dir_entry, "name", |_, a| Ok(entry_of(&a)?.name.clone()));
            native_getter(&dir_entry, "path", |_, a| Ok(entry_of(&a)?.path.clone()));
            let scandir_iterator = native_type("ScandirIterator", "posix", vec![], SCANDIR);
            // Heap types without Py_TPFLAGS_IMMUTABLETYPE in 3.11.
            dir_entry.immutable.set(false);
            scandir_iterator.immutable.set(false);
            Rc::new(Types {
                dir_entry,
                scandir_iterator,
            })
        })
        .clone()
    })
}

pub(super) fn types() -> Vec<(&'static str, Value)> {
    vec![
        ("DirEntry", Value::Type(classes().dir_entry.clone())),
        (
            "stat_result",
            Value::Type(structseq::type_for(&STAT_RESULT)),
        ),
        (
            "statvfs_result",
            Value::Type(structseq::type_for(&STATVFS_RESULT)),
        ),
    ]
}

// ------------------------------------------------------------ stat

const fn f(name: &'static str, doc: &'static str) -> Field {
    Field { name, doc }
}

static STAT_RESULT: Desc = Desc {
    name: "os.stat_result",
    doc: "stat_result: Result from stat, fstat, or lstat.",
    fields: &[
        f("st_mode", "protection bits"),
        f("st_ino", "inode"),
        f("st_dev", "device"),
        f("st_nlink", "number of hard links"),
        f("st_uid", "user ID of owner"),
        f("st_gid", "group ID of owner"),
        f("st_size", "total size, in bytes"),
        f(UNNAMED, "integer time of last access"),
        f(UNNAMED, "integer time of last modification"),
        f(UNNAMED, "integer time of last change"),
        f("st_atime", "time of last access"),
        f("st_mtime", "time of last modification"),
        f("st_ctime", "time of last change"),
        f("st_atime_ns", "time of last access in nanoseconds"),
        f("st_mtime_ns", "time of last modification in nanoseconds"),
        f("st_ctime_ns", "time of last change in nanoseconds"),
        f("st_blksize", "blocksize for filesystem I/O"),
        f("st_blocks", "number of blocks allocated"),
        f("st_rdev", "device type (if inode device)"),
    ],
    n_in_sequence: 10,
    instantiable: true,
};

static STATVFS_RESULT: Desc = Desc {
    name: "os.statvfs_result",
    doc: "statvfs_result: Result from statvfs or fstatvfs.",
    fields: &[
        f("f_bsize", ""),
        f("f_frsize", ""),
        f("f_blocks", ""),
        f("f_bfree", ""),
        f("f_bavail", ""),
        f("f_files", ""),
        f("f_ffree", ""),
        f("f_favail", ""),
        f("f_flag", ""),
        f("f_namemax", ""),
        f("f_fsid", ""),
    ],
    n_in_sequence: 10,
    instantiable: true,
};

fn int_u64(v: u64) -> Value {
    match i64::try_from(v) {
        Ok(i) => Value::Int(i),
        Err(_) => Value::BigInt(Rc::new(BigInt::from(v))),
    }
}

/// `_pystat_fromstructstat`.
fn stat_result(st: &libc::stat) -> Value {
    let times = [
        (st.st_atime, st.st_atime_nsec),
        (st.st_mtime, st.st_mtime_nsec),
        (st.st_ctime, st.st_ctime_nsec),
    ];
    let mut values = vec![
        Value::Int(st.st_mode as i64),
        int_u64(st.st_ino),
        int_u64(st.st_dev),
        int_u64(st.st_nlink),
        Value::Int(st.st_uid as i64),
        Value::Int(st.st_gid as i64),
        Value::Int(st.st_size),
    ];
    values.extend(times.iter().map(|(s, _)| Value::Int(*s)));
    // fill_time: the float is `sec + nsec * 1e-9`, the int `sec * 10**9 + nsec`.
    values.extend(
        times
            .iter()
            .map(|(s, ns)| Value::Float(*s as f64 + *ns as f64 * 1e-9)),
    );
    values.extend(times.iter().map(|(s, ns)| {
        let total = i128::from(*s) * 1_000_000_000 + i128::from(*ns);
        match i64::try_from(total) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::BigInt(Rc::new(BigInt::from(total))),
        }
    }));
    values.push(Value::Int(st.st_blksize));
    values.push(Value::Int(st.st_blocks));
    values.push(int_u64(st.st_rdev));
    structseq::new(&STAT_RESULT, values)
}

/// `stat`/`lstat`/`fstat` of a converted path, the struct as the system
/// filled it or the errno.
fn raw_stat(path: &PathArg, follow: bool) -> Result<libc::stat, i32> {
    // SAFETY: `st` is plain data the call fills; the path is a valid C string.
    unsafe {
        let mut st: libc::stat = std::mem::zeroed();
        let r = match path.fd {
            Some(fd) => libc::fstat(fd, &mut st),
            None if follow => libc::stat(path.as_ptr(), &mut st),
            None => libc::lstat(path.as_ptr(), &mut st),
        };
        if r == 0 {
            Ok(st)
        } else {
            Err(super::errno())
        }
    }
}

fn do_stat(path: &PathArg, follow: bool) -> PyResult<Value> {
    raw_stat(path, follow)
        .map(|st| stat_result(&st))
        .map_err(|_| path_error(path))
}

/// `stat(path, *, dir_fd=None, follow_symlinks=True)`.
fn stat(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind(
        "stat",
        a.positional,
        a.keywords,
        &["path", "dir_fd", "follow_symlinks"],
        1,
        1,
    )?;
    let path = path_arg(vm, v[0].as_ref(), "stat", "path", true, false)?;
    no_dir_fd("stat", &v[1])?;
    let follow = flag(vm, &v[2], true)?;
    if path.fd.is_some() && !follow {
        return Err(value_error(
            "stat: cannot use fd and follow_symlinks together",
        ));
    }
    do_stat(&path, follow)
}

/// `lstat(path, *, dir_fd=None)`.
fn lstat(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind("lstat", a.positional, a.keywords, &["path", "dir_fd"], 1, 1)?;
    let path = path_arg(vm, v[0].as_ref(), "lstat", "path", false, false)?;
    no_dir_fd("lstat", &v[1])?;
    do_stat(&path, false)
}

/// `fstat(fd)`.
fn fstat(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind("fstat", a.positional, a.keywords, &["fd"], 1, 1)?;
    let fd = fd_arg(vm, v[0].as_ref().expect("required"))?;
    raw_stat(&fd_path(fd), true)
        .map(|st| stat_result(&st))
        .map_err(|_| last_error())
}

fn fd_path(fd: i32) -> PathArg {
    PathArg {
        c: CString::default(),
        bytes: false,
        object: Value::Int(fd as i64),
        fd: Some(fd),
    }
}

fn statvfs_result(st: &libc::statvfs) -> Value {
    structseq::new(
        &STATVFS_RESULT,
        vec![
            int_u64(st.f_bsize),
            int_u64(st.f_frsize),
            int_u64(st.f_blocks),
            int_u64(st.f_bfree),
            int_u64(st.f_bavail),
            int_u64(st.f_files),
            int_u64(st.f_ffree),
            int_u64(st.f_favail),
            int_u64(st.f_flag),
            int_u64(st.f_namemax),
            int_u64(st.f_fsid),
        ],
    )
}

/// `statvfs(path)` (a path only: `fstatvfs` takes descriptors).
fn statvfs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind("statvfs", a.positional, a.keywords, &["path"], 1, 1)?;
    let path = path_arg(vm, v[0].as_ref(), "statvfs", "path", false, false)?;
    // SAFETY: plain data filled by the call.
    unsafe {
        let mut st: libc::statvfs = std::mem::zeroed();
        if libc::statvfs(path.as_ptr(), &mut st) != 0 {
            return Err(path_error(&path));
        }
        Ok(statvfs_result(&st))
    }
}

fn fstatvfs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind("fstatvfs", a.positional, a.keywords, &["fd"], 1, 1)?;
    let fd = fd_arg(vm, v[0].as_ref().expect("required"))?;
    // SAFETY: plain data filled by the call.
    unsafe {
        let mut st: libc::statvfs = std::mem::zeroed();
        if libc::fstatvfs(fd, &mut st) != 0 {
            return Err(last_error());
        }
        Ok(statvfs_result(&st))
    }
}

// ------------------------------------------------------------ cwd

fn cwd_bytes() -> PyResult<Vec<u8>> {
    use std::os::unix::ffi::OsStringExt;
    std::env::current_dir()
        .map(|p| p.into_os_string().into_vec())
        .map_err(|e| os_error_with(e.raw_os_error().unwrap_or(0), None, None))
}

fn getcwd(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_args("posix.getcwd", &a)?;
    Ok(fs_value(&cwd_bytes()?, false))
}

fn getcwdb(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_args("posix.getcwdb", &a)?;
    Ok(fs_value(&cwd_bytes()?, true))
}

/// `chdir(path)`: a path or a directory's descriptor (`fchdir`).
fn chdir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind("chdir", a.positional, a.keywords, &["path"], 1, 1)?;
    let path = path_arg(vm, v[0].as_ref(), "chdir", "path", true, false)?;
    // SAFETY: a valid C string or descriptor.
    let r = unsafe {
        match path.fd {
            Some(fd) => libc::fchdir(fd),
            None => libc::chdir(path.as_ptr()),
        }
    };
    check(r, &path)
}

fn check(r: libc::c_int, path: &PathArg) -> PyResult<Value> {
    if r == 0 {
        Ok(Value::None)
    } else {
        Err(path_error(path))
    }
}

// ------------------------------------------------------------ directories

/// An open directory stream (`DIR *`), closed when dropped.
struct Dir(*mut libc::DIR);

impl Dir {
    /// `opendir(path)`, or `fdopendir` on a duplicate of the descriptor,
    /// rewound (so the caller's descriptor keeps its own position).
    fn open(path: &PathArg) -> PyResult<Dir> {
        // SAFETY: valid C string / descriptor; a failed dup or fdopendir
        // leaves nothing open (the dup is closed on failure).
        unsafe {
            let dir = match path.fd {
                Some(fd) => {
                    let copy = libc::dup(fd);
                    if copy < 0 {
                        return Err(last_error());
                    }
                    let d = libc::fdopendir(copy);
                    if d.is_null() {
                        let e = super::errno();
                        libc::close(copy);
                        return Err(os_error_with(e, None, None));
                    }
                    libc::rewinddir(d);
                    d
                }
                None => libc::opendir(path.as_ptr()),
            };
            if dir.is_null() {
                return Err(path_error(path));
            }
            Ok(Dir(dir))
        }
    }

    /// The next entry other than `.` and `..`: its name, `d_type` and inode.
    fn next(&self) -> Result<Option<(Vec<u8>, u8, u64)>, i32> {
        loop {
            // SAFETY: the stream is open; errno is reset to tell the end
            // from an error, as posixmodule.c does.
            unsafe {
                *libc::__errno_location() = 0;
                let ent = libc::readdir(self.0);
                if ent.is_null() {
                    let e = super::errno();
                    return if e == 0 { Ok(None) } else { Err(e) };
                }
                let name = std::ffi::CStr::from_ptr((*ent).d_name.as_ptr()).to_bytes();
                if name == b"." || name == b".." {
                    continue;
                }
                return Ok(Some((name.to_vec(), (*ent).d_type, (*ent).d_ino)));
            }
        }
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        // SAFETY: opened by opendir/fdopendir and closed only here.
        unsafe {
            libc::closedir(self.0);
        }
    }
}

/// `listdir(path=None)`: names in the directory's order, bytes for a
/// bytes path; a descriptor lists that directory (str names).
fn listdir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind("listdir", a.positional, a.keywords, &["path"], 0, 1)?;
    let path = path_arg(vm, v[0].as_ref(), "listdir", "path", true, true)?;
    let dir = Dir::open(&path)?;
    let mut names = Vec::new();
    loop {
        match dir.next() {
            Ok(Some((name, _, _))) => names.push(fs_value(&name, path.bytes)),
            Ok(None) => break,
            Err(e) => return Err(entry_error(e, &path)),
        }
    }
    Ok(Value::list(names))
}

fn entry_error(code: i32, path: &PathArg) -> crate::object::PyErr {
    match path.fd {
        Some(_) => os_error_with(code, None, None),
        None => os_error_with(code, Some(&path.object), None),
    }
}

/// `ScandirIterator`'s state: the open stream (None once closed), the
/// directory as given (to join entry paths to) and its descriptor.
struct Scandir {
    dir: RefCell<Option<Dir>>,
    path: PathArg,
}

/// `DirEntry`'s state (posixmodule.c's `DirEntry`): what `readdir` said,
/// and `stat` results fetched on demand and kept.
struct Entry {
    name: Value,
    path: Value,
    d_type: u8,
    ino: u64,
    /// The directory's descriptor when `scandir` was given one.
    dir_fd: Option<i32>,
    stat: RefCell<Option<Value>>,
    lstat: RefCell<Option<Value>>,
    mode: Cell<Option<u32>>,
}

/// `scandir(path=None)`.
fn scandir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind("scandir", a.positional, a.keywords, &["path"], 0, 1)?;
    let path = path_arg(vm, v[0].as_ref(), "scandir", "path", true, true)?;
    let dir = Dir::open(&path)?;
    Ok(native_instance(
        &classes().scandir_iterator,
        Scandir {
            dir: RefCell::new(Some(dir)),
            path,
        },
    ))
}

fn scandir_of<'a>(a: &'a Args) -> PyResult<&'a Scandir> {
    native_ref::<Scandir>(&a.positional[0])
        .ok_or_else(|| type_error("descriptor requires a 'posix.ScandirIterator' object"))
}

fn scandir_next(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let it = scandir_of(&a)?;
    let next = match &*it.dir.borrow() {
        None => return Err(stop_iteration(None)),
        Some(d) => d.next(),
    };
    let (name, d_type, ino) = match next {
        Ok(Some(e)) => e,
        Ok(None) => {
            it.dir.borrow_mut().take();
            return Err(stop_iteration(None));
        }
        Err(e) => {
            it.dir.borrow_mut().take();
            return Err(entry_error(e, &it.path));
        }
    };
    let path = match it.path.fd {
        Some(_) => fs_value(&name, false),
        None => {
            // join_path_filename: `dir/name`, no doubled separator.
            let mut joined = it.path.c.as_bytes().to_vec();
            if !joined.ends_with(b"/") {
                joined.push(b'/');
            }
            joined.extend_from_slice(&name);
            fs_value(&joined, it.path.bytes)
        }
    };
    Ok(native_instance(
        &classes().dir_entry,
        Entry {
            name: fs_value(&name, it.path.bytes),
            path,
            d_type,
            ino,
            dir_fd: it.path.fd,
            stat: RefCell::new(None),
            lstat: RefCell::new(None),
            mode: Cell::new(None),
        },
    ))
}

fn scandir_close(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    scandir_of(&a)?.dir.borrow_mut().take();
    Ok(Value::None)
}

const SCANDIR: &[MethodDef] = &[
    m("__iter__", |_, a| Ok(a.positional[0].clone())),
    m("__next__", scandir_next),
    m("close", scandir_close),
    m("__enter__", |_, a| Ok(a.positional[0].clone())),
    m("__exit__", scandir_close),
];

fn entry_of<'a>(a: &'a Args) -> PyResult<&'a Entry> {
    native_ref::<Entry>(&a.positional[0])
        .ok_or_else(|| type_error("descriptor requires a 'posix.DirEntry' object"))
}

pub(super) fn is_dir_entry(v: &Value) -> bool {
    native_ref::<Entry>(v).is_some()
}

pub(super) fn dir_entry_path(v: &Value) -> Value {
    native_ref::<Entry>(v).map_or(Value::None, |e| e.path.clone())
}

impl Entry {
    /// `DirEntry_fetch_stat`: `stat` or `lstat` of the entry (relative to
    /// the descriptor scandir was given, if any).
    fn fetch(&self, follow: bool) -> PyResult<Value> {
        let raw = match &self.path {
            Value::Str(s) => s.as_bytes().to_vec(),
            Value::Bytes(b) => b.to_vec(),
            _ => Vec::new(),
        };
        let c = CString::new(raw).map_err(|_| value_error("embedded null byte"))?;
        // SAFETY: plain data filled by the call; a valid C string.
        unsafe {
            let mut st: libc::stat = std::mem::zeroed();
            let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            let dirfd = self.dir_fd.unwrap_or(libc::AT_FDCWD);
            if libc::fstatat(dirfd, c.as_ptr(), &mut st, flags) != 0 {
                return Err(os_error_with(super::errno(), Some(&self.path), None));
            }
            Ok(stat_result(&st))
        }
    }

    fn lstat(&self) -> PyResult<Value> {
        if let Some(s) = self.lstat.borrow().clone() {
            return Ok(s);
        }
        let s = self.fetch(false)?;
        *self.lstat.borrow_mut() = Some(s.clone());
        Ok(s)
    }

    fn stat(&self, vm: &mut Vm, follow: bool) -> PyResult<Value> {
        if !follow {
            return self.lstat();
        }
        if let Some(s) = self.stat.borrow().clone() {
            return Ok(s);
        }
        let s = if self.is_symlink(vm)? {
            self.fetch(true)?
        } else {
            self.lstat()?
        };
        *self.stat.borrow_mut() = Some(s.clone());
        Ok(s)
    }

    fn is_symlink(&self, vm: &mut Vm) -> PyResult<bool> {
        if self.d_type != libc::DT_UNKNOWN {
            return Ok(self.d_type == libc::DT_LNK);
        }
        let mode = self.mode_of(vm, false)?;
        Ok(mode & libc::S_IFMT == libc::S_IFLNK)
    }

    fn mode_of(&self, vm: &mut Vm, follow: bool) -> PyResult<u32> {
        if !follow {
            if let Some(m) = self.mode.get() {
                return Ok(m);
            }
        }
        let st = if follow {
            self.stat(vm, true)?
        } else {
            self.lstat()?
        };
        let mode = match protocol::getattr(vm, &st, "st_mode")? {
            Value::Int(i) => i as u32,
            _ => 0,
        };
        if !follow {
            self.mode.set(Some(mode));
        }
        Ok(mode)
    }

    /// `DirEntry_test_mode`: from `d_type` when it answers, else from
    /// `stat`; a file that vanished is of no kind (False).
    fn test_mode(&self, vm: &mut Vm, follow: bool, kind: u32) -> PyResult<bool> {
        let need_stat = self.d_type == libc::DT_UNKNOWN || (follow && self.is_symlink(vm)?);
        if !need_stat {
            let dt = if kind == libc::S_IFDIR {
                libc::DT_DIR
            } else {
                libc::DT_REG
            };
            return Ok(self.d_type == dt);
        }
        match self.mode_of(vm, follow) {
            Ok(mode) => Ok(mode & libc::S_IFMT == kind),
            Err(e) if e.is_instance(&crate::object::builtin_types().file_not_found_error) => {
                Ok(false)
            }
            Err(e) => Err(e),
        }
    }
}

fn follow_arg(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<bool> {
    let v = bind(
        fname,
        &a.positional[1..],
        a.keywords,
        &["follow_symlinks"],
        0,
        0,
    )?;
    flag(vm, &v[0], true)
}

fn entry_is_dir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let follow = follow_arg(vm, &a, "is_dir")?;
    Ok(Value::Bool(entry_of(&a)?.test_mode(
        vm,
        follow,
        libc::S_IFDIR,
    )?))
}

fn entry_is_file(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let follow = follow_arg(vm, &a, "is_file")?;
    Ok(Value::Bool(entry_of(&a)?.test_mode(
        vm,
        follow,
        libc::S_IFREG,
    )?))
}

fn entry_is_symlink(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_args(
        "is_symlink",
        &Args {
            positional: &a.positional[1..],
            keywords: a.keywords,
        },
    )?;
    Ok(Value::Bool(entry_of(&a)?.is_symlink(vm)?))
}

fn entry_stat(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let follow = follow_arg(vm, &a, "stat")?;
    entry_of(&a)?.stat(vm, follow)
}

fn entry_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let name = entry_of(&a)?.name.clone();
    Ok(Value::str(&format!(
        "<DirEntry {}>",
        protocol::repr(vm, &name)?
    )))
}

const DIR_ENTRY: &[MethodDef] = &[
    m("is_dir", entry_is_dir),
    m("is_file", entry_is_file),
    m("is_symlink", entry_is_symlink),
    m("stat", entry_stat),
    m("inode", |_, a| Ok(int_u64(entry_of(&a)?.ino))),
    m("__fspath__", |_, a| Ok(entry_of(&a)?.path.clone())),
    m("__repr__", entry_repr),
    m("__new__", |_, _| {
        Err(type_error("cannot create 'posix.DirEntry' instances"))
    }),
];

// ------------------------------------------------------------ changes

/// `mkdir(path, mode=0o777, *, dir_fd=None)`.
fn mkdir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind(
        "mkdir",
        a.positional,
        a.keywords,
        &["path", "mode", "dir_fd"],
        1,
        2,
    )?;
    let path = path_arg(vm, v[0].as_ref(), "mkdir", "path", false, false)?;
    let mode = match &v[1] {
        Some(m) => c_int(vm, m)?,
        None => 0o777,
    };
    no_dir_fd("mkdir", &v[2])?;
    // SAFETY: a valid C string.
    check(
        unsafe { libc::mkdir(path.as_ptr(), mode as libc::mode_t) },
        &path,
    )
}

/// One-path calls taking `(path, *, dir_fd=None)`.
fn one_path(
    vm: &mut Vm,
    a: &Args,
    fname: &str,
    call: unsafe extern "C" fn(*const libc::c_char) -> libc::c_int,
) -> PyResult<Value> {
    let v = bind(fname, a.positional, a.keywords, &["path", "dir_fd"], 1, 1)?;
    let path = path_arg(vm, v[0].as_ref(), fname, "path", false, false)?;
    no_dir_fd(fname, &v[1])?;
    // SAFETY: a valid C string.
    check(unsafe { call(path.as_ptr()) }, &path)
}

fn rmdir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    one_path(vm, &a, "rmdir", libc::rmdir)
}

fn unlink(vm: &mut Vm, a: Args) -> PyResult<Value> {
    one_path(vm, &a, "unlink", libc::unlink)
}

fn remove(vm: &mut Vm, a: Args) -> PyResult<Value> {
    one_path(vm, &a, "remove", libc::unlink)
}

/// Two-path calls (`rename`, `replace`, `link`, `symlink`): both paths
/// converted, both named by the error (`path_error2`).
fn two_paths(
    vm: &mut Vm,
    fname: &str,
    src: Option<&Value>,
    dst: Option<&Value>,
    call: impl FnOnce(&PathArg, &PathArg) -> libc::c_int,
) -> PyResult<Value> {
    let src = path_arg(vm, src, fname, "src", false, false)?;
    let dst = path_arg(vm, dst, fname, "dst", false, false)?;
    if src.bytes != dst.bytes {
        return Err(type_error(format!(
            "{fname}: src and dst must be the same type"
        )));
    }
    if call(&src, &dst) == 0 {
        Ok(Value::None)
    } else {
        Err(os_error_with(
            super::errno(),
            Some(&src.object),
            Some(&dst.object),
        ))
    }
}

fn rename_like(vm: &mut Vm, a: Args, fname: &str) -> PyResult<Value> {
    let names = ["src", "dst", "src_dir_fd", "dst_dir_fd"];
    let v = bind(fname, a.positional, a.keywords, &names, 2, 2)?;
    no_dir_fd(fname, &v[2])?;
    no_dir_fd(fname, &v[3])?;
    // SAFETY: valid C strings.
    two_paths(vm, fname, v[0].as_ref(), v[1].as_ref(), |s, d| unsafe {
        libc::rename(s.as_ptr(), d.as_ptr())
    })
}

fn rename(vm: &mut Vm, a: Args) -> PyResult<Value> {
    rename_like(vm, a, "rename")
}

fn replace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    rename_like(vm, a, "replace")
}

/// `link(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True)`.
fn link(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let names = ["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"];
    let v = bind("link", a.positional, a.keywords, &names, 2, 2)?;
    no_dir_fd("link", &v[2])?;
    no_dir_fd("link", &v[3])?;
    let follow = flag(vm, &v[4], true)?;
    let flags = if follow { libc::AT_SYMLINK_FOLLOW } else { 0 };
    // SAFETY: valid C strings.
    two_paths(vm, "link", v[0].as_ref(), v[1].as_ref(), |s, d| unsafe {
        libc::linkat(
            libc::AT_FDCWD,
            s.as_ptr(),
            libc::AT_FDCWD,
            d.as_ptr(),
            flags,
        )
    })
}

/// `symlink(src, dst, target_is_directory=False, *, dir_fd=None)`.
fn symlink(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let names = ["src", "dst", "target_is_directory", "dir_fd"];
    let v = bind("symlink", a.positional, a.keywords, &names, 2, 3)?;
    no_dir_fd("symlink", &v[3])?;
    // SAFETY: valid C strings.
    two_paths(vm, "symlink", v[0].as_ref(), v[1].as_ref(), |s, d| unsafe {
        libc::symlink(s.as_ptr(), d.as_ptr())
    })
}

/// `readlink(path, *, dir_fd=None)`: bytes for a bytes path.
fn readlink(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind(
        "readlink",
        a.positional,
        a.keywords,
        &["path", "dir_fd"],
        1,
        1,
    )?;
    let path = path_arg(vm, v[0].as_ref(), "readlink", "path", false, false)?;
    no_dir_fd("readlink", &v[1])?;
    let mut buf = vec![0u8; libc::PATH_MAX as usize + 1];
    // SAFETY: the buffer is as long as said.
    let n = unsafe { libc::readlink(path.as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
    if n < 0 {
        return Err(path_error(&path));
    }
    buf.truncate(n as usize);
    Ok(fs_value(&buf, path.bytes))
}

/// `access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True)`.
fn access(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let names = ["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"];
    let v = bind("access", a.positional, a.keywords, &names, 2, 2)?;
    let path = path_arg(vm, v[0].as_ref(), "access", "path", false, false)?;
    let mode = c_int(vm, v[1].as_ref().expect("required"))?;
    no_dir_fd("access", &v[2])?;
    if flag(vm, &v[3], false)? {
        return Err(not_implemented_error(
            "access: effective_ids unavailable on this platform",
        ));
    }
    if !flag(vm, &v[4], true)? {
        return Err(not_implemented_error(
            "access: follow_symlinks unavailable on this platform",
        ));
    }
    // SAFETY: a valid C string.
    Ok(Value::Bool(
        unsafe { libc::access(path.as_ptr(), mode) } == 0,
    ))
}

/// `chmod(path, mode, *, dir_fd=None, follow_symlinks=True)`; a
/// descriptor uses `fchmod`.
fn chmod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let names = ["path", "mode", "dir_fd", "follow_symlinks"];
    let v = bind("chmod", a.positional, a.keywords, &names, 2, 2)?;
    let path = path_arg(vm, v[0].as_ref(), "chmod", "path", true, false)?;
    let mode = c_int(vm, v[1].as_ref().expect("required"))? as libc::mode_t;
    no_dir_fd("chmod", &v[2])?;
    if !flag(vm, &v[3], true)? {
        return Err(not_implemented_error(
            "chmod: follow_symlinks unavailable on this platform",
        ));
    }
    // SAFETY: a valid C string or descriptor.
    let r = unsafe {
        match path.fd {
            Some(fd) => libc::fchmod(fd, mode),
            None => libc::chmod(path.as_ptr(), mode),
        }
    };
    check(r, &path)
}

/// `truncate(path, length)`; a descriptor uses `ftruncate`.
fn truncate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind(
        "truncate",
        a.positional,
        a.keywords,
        &["path", "length"],
        2,
        2,
    )?;
    let path = path_arg(vm, v[0].as_ref(), "truncate", "path", true, false)?;
    let length = super::ssize_arg(vm, v[1].as_ref().expect("required"))?;
    // SAFETY: a valid C string or descriptor.
    let r = unsafe {
        match path.fd {
            Some(fd) => libc::ftruncate(fd, length),
            None => libc::truncate(path.as_ptr(), length),
        }
    };
    check(r, &path)
}

/// A time in seconds (int or float) as a `timespec`, rounded down as
/// `_PyTime_ObjectToTimespec(..., _PyTime_ROUND_FLOOR)`.
fn timespec_of(vm: &mut Vm, v: &Value) -> PyResult<libc::timespec> {
    let secs = match v {
        Value::Float(f) => {
            if !f.is_finite() {
                return Err(value_error("Invalid value NaN (not a number)"));
            }
            *f
        }
        _ => {
            let i = protocol::number::as_ssize_overflow(vm, v)?;
            return Ok(libc::timespec {
                tv_sec: i,
                tv_nsec: 0,
            });
        }
    };
    let floor = secs.floor();
    let mut nsec = ((secs - floor) * 1e9).floor() as i64;
    let mut sec = floor as i64;
    if nsec >= 1_000_000_000 {
        sec += 1;
        nsec -= 1_000_000_000;
    }
    Ok(libc::timespec {
        tv_sec: sec,
        tv_nsec: nsec,
    })
}

fn ns_timespec(vm: &mut Vm, v: &Value) -> PyResult<libc::timespec> {
    let big = protocol::number::index_big(vm, v)?;
    let billion = BigInt::from(1_000_000_000);
    let (q, r) = num_integer::Integer::div_mod_floor(&big, &billion);
    let sec = i64::try_from(&q).map_err(|_| {
        crate::object::exception::overflow_error("timestamp too large to convert to C _PyTime_t")
    })?;
    let nsec = i64::try_from(&r).unwrap_or(0);
    Ok(libc::timespec {
        tv_sec: sec,
        tv_nsec: nsec,
    })
}

/// `utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True)`.
fn utime(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let names = ["path", "times", "ns", "dir_fd", "follow_symlinks"];
    let v = bind("utime", a.positional, a.keywords, &names, 1, 2)?;
    let path = path_arg(vm, v[0].as_ref(), "utime", "path", true, false)?;
    let times = v[1].clone().filter(|t| !t.is_none());
    no_dir_fd("utime", &v[3])?;
    let follow = flag(vm, &v[4], true)?;
    if times.is_some() && v[2].is_some() {
        return Err(value_error(
            "utime: you may specify either 'times' or 'ns' but not both",
        ));
    }
    let now = libc::timespec {
        tv_sec: 0,
        tv_nsec: libc::UTIME_NOW,
    };
    let mut ts = [now, now];
    if let Some(t) = times {
        let Value::Tuple(items) = &t else {
            return Err(type_error(
                "utime: 'times' must be either a tuple of two ints or None",
            ));
        };
        if items.len() != 2 {
            return Err(type_error(
                "utime: 'times' must be either a tuple of two ints or None",
            ));
        }
        ts = [timespec_of(vm, &items[0])?, timespec_of(vm, &items[1])?];
    } else if let Some(ns) = &v[2] {
        let Value::Tuple(items) = ns else {
            return Err(type_error("utime: 'ns' must be a tuple of two ints"));
        };
        if items.len() != 2 {
            return Err(type_error("utime: 'ns' must be a tuple of two ints"));
        }
        ts = [ns_timespec(vm, &items[0])?, ns_timespec(vm, &items[1])?];
    }
    if path.fd.is_some() && !follow {
        return Err(value_error(
            "utime: cannot use fd and follow_symlinks together",
        ));
    }
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    // SAFETY: two timespecs and a valid C string or descriptor.
    let r = unsafe {
        match path.fd {
            Some(fd) => libc::futimens(fd, ts.as_ptr()),
            None => libc::utimensat(libc::AT_FDCWD, path.as_ptr(), ts.as_ptr(), flags),
        }
    };
    check(r, &path)
}
