//! `posix` (CPython's `Modules/posixmodule.c`, Linux): what `os.py` and
//! everyday programs use from it, on raw file descriptors and paths through
//! the `libc` crate. The families live in `files.rs` (paths, directories,
//! `stat`, `scandir`/`DirEntry`), `fds.rs` (file descriptors, terminals,
//! `urandom`) and `process.rs` (ids, the environment, `uname`, `times`,
//! signals). This file holds what they share: argument conversion as
//! posixmodule.c's `path_converter` and `_PyLong_AsInt`, and OSError
//! construction as `path_error`/`posix_error`.
//!
//! Functions CPython has but py2vm does not are absent, so `os.py`'s
//! `_exists` checks and `_have_functions` tell the truth: `dir_fd` is not
//! supported anywhere (passing one raises NotImplementedError as CPython
//! does on a platform without the `*at` calls).

use std::ffi::{CStr, CString};

use super::{functions, new_module};
use crate::object::exception::{not_implemented_error, overflow_error, type_error, value_error};
use crate::object::{builtin_types, PyErr, PyResult, Value};
use crate::vm::protocol::{self, type_name};
use crate::vm::Vm;

mod fds;
mod files;
mod process;

pub(super) use super::itertools::bind;

pub fn module(vm: &mut Vm) -> PyResult<Value> {
    let mut members = Vec::new();
    members.extend(functions(files::FUNCTIONS));
    members.extend(functions(fds::FUNCTIONS));
    members.extend(functions(process::FUNCTIONS));
    for (name, value) in CONSTANTS {
        members.push((name, Value::Int(*value)));
    }
    members.extend(files::types());
    members.extend(fds::types());
    members.extend(process::types());
    members.push(("environ", process::environ(vm)?));
    members.push(("error", Value::Type(builtin_types().os_error.clone())));
    let have = HAVE_FUNCTIONS.iter().map(|n| Value::str(n)).collect();
    members.push(("_have_functions", Value::list(have)));
    Ok(new_module("posix", members))
}

/// The `HAVE_*` names of `_have_functions` that py2vm really supports:
/// `chdir`, `chmod`, `listdir`/`scandir`, `truncate` and `utime` accept a
/// file descriptor, `stat` takes `follow_symlinks`.
const HAVE_FUNCTIONS: &[&str] = &[
    "HAVE_FCHDIR",
    "HAVE_FCHMOD",
    "HAVE_FDOPENDIR",
    "HAVE_FTRUNCATE",
    "HAVE_FUTIMENS",
    "HAVE_LSTAT",
];

const CONSTANTS: &[(&str, i64)] = &[
    ("F_OK", libc::F_OK as i64),
    ("R_OK", libc::R_OK as i64),
    ("W_OK", libc::W_OK as i64),
    ("X_OK", libc::X_OK as i64),
    ("O_RDONLY", libc::O_RDONLY as i64),
    ("O_WRONLY", libc::O_WRONLY as i64),
    ("O_RDWR", libc::O_RDWR as i64),
    ("O_ACCMODE", libc::O_ACCMODE as i64),
    ("O_APPEND", libc::O_APPEND as i64),
    ("O_CREAT", libc::O_CREAT as i64),
    ("O_EXCL", libc::O_EXCL as i64),
    ("O_TRUNC", libc::O_TRUNC as i64),
    ("O_NONBLOCK", libc::O_NONBLOCK as i64),
    ("O_NDELAY", libc::O_NDELAY as i64),
    ("O_DSYNC", libc::O_DSYNC as i64),
    ("O_SYNC", libc::O_SYNC as i64),
    ("O_FSYNC", libc::O_FSYNC as i64),
    ("O_RSYNC", libc::O_RSYNC as i64),
    ("O_NOCTTY", libc::O_NOCTTY as i64),
    ("O_CLOEXEC", libc::O_CLOEXEC as i64),
    ("O_DIRECTORY", libc::O_DIRECTORY as i64),
    ("O_NOFOLLOW", libc::O_NOFOLLOW as i64),
    ("O_ASYNC", libc::O_ASYNC as i64),
    ("O_DIRECT", libc::O_DIRECT as i64),
    ("O_LARGEFILE", libc::O_LARGEFILE as i64),
    ("O_NOATIME", libc::O_NOATIME as i64),
    ("O_PATH", libc::O_PATH as i64),
    ("O_TMPFILE", libc::O_TMPFILE as i64),
    ("SEEK_SET", libc::SEEK_SET as i64),
    ("SEEK_CUR", libc::SEEK_CUR as i64),
    ("SEEK_END", libc::SEEK_END as i64),
    ("SEEK_DATA", libc::SEEK_DATA as i64),
    ("SEEK_HOLE", libc::SEEK_HOLE as i64),
    ("WNOHANG", libc::WNOHANG as i64),
    ("WUNTRACED", libc::WUNTRACED as i64),
    ("WCONTINUED", libc::WCONTINUED as i64),
    ("WEXITED", libc::WEXITED as i64),
    ("WSTOPPED", libc::WSTOPPED as i64),
    ("WNOWAIT", libc::WNOWAIT as i64),
    ("EX_OK", 0),
    ("EX_USAGE", 64),
    ("EX_DATAERR", 65),
    ("EX_NOINPUT", 66),
    ("EX_NOUSER", 67),
    ("EX_NOHOST", 68),
    ("EX_UNAVAILABLE", 69),
    ("EX_SOFTWARE", 70),
    ("EX_OSERR", 71),
    ("EX_OSFILE", 72),
    ("EX_CANTCREAT", 73),
    ("EX_IOERR", 74),
    ("EX_TEMPFAIL", 75),
    ("EX_PROTOCOL", 76),
    ("EX_NOPERM", 77),
    ("EX_CONFIG", 78),
    ("ST_RDONLY", libc::ST_RDONLY as i64),
    ("ST_NOSUID", libc::ST_NOSUID as i64),
    ("ST_NODEV", libc::ST_NODEV as i64),
    ("ST_NOEXEC", libc::ST_NOEXEC as i64),
    ("ST_SYNCHRONOUS", libc::ST_SYNCHRONOUS as i64),
    ("ST_MANDLOCK", libc::ST_MANDLOCK as i64),
    ("ST_WRITE", libc::ST_WRITE as i64),
    ("ST_APPEND", libc::ST_APPEND as i64),
    ("ST_NOATIME", libc::ST_NOATIME as i64),
    ("ST_NODIRATIME", libc::ST_NODIRATIME as i64),
    ("ST_RELATIME", libc::ST_RELATIME as i64),
    ("GRND_NONBLOCK", libc::GRND_NONBLOCK as i64),
    ("GRND_RANDOM", libc::GRND_RANDOM as i64),
    ("TMP_MAX", 238328),
    ("NGROUPS_MAX", 65536),
];

// ------------------------------------------------------------ errors

/// The current `errno`.
pub(super) fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// `strerror(code)` as C gives it.
pub(super) fn strerror_text(code: i32) -> String {
    // SAFETY: strerror returns a pointer to a NUL-terminated string that
    // stays valid until the next call on this thread; it is copied at once.
    unsafe {
        let p = libc::strerror(code);
        if p.is_null() {
            return format!("Unknown error {code}");
        }
        CStr::from_ptr(p).to_string_lossy().into_owned()
    }
}

/// `OSError(errno, strerror[, filename[, None, filename2]])`, the subclass
/// the errno picks (FileNotFoundError...), as `path_error2` raises it.
pub(in crate::builtins::modules) fn os_error_with(
    code: i32,
    filename: Option<&Value>,
    filename2: Option<&Value>,
) -> PyErr {
    let mut args = vec![Value::Int(code as i64), Value::str(&strerror_text(code))];
    if let Some(f) = filename {
        args.push(f.clone());
        if let Some(f2) = filename2 {
            args.push(Value::None);
            args.push(f2.clone());
        }
    }
    let class = crate::builtins::os_error_subclass(&builtin_types().os_error, &args);
    PyErr::with_args(&class, args)
}

/// `posix_error()`: the OSError for the current `errno`, without a filename.
pub(in crate::builtins::modules) fn last_error() -> PyErr {
    os_error_with(errno(), None, None)
}

/// `path_error()`: the OSError for the current `errno`, naming `path`
/// (not when it is a file descriptor).
pub(super) fn path_error(path: &PathArg) -> PyErr {
    let code = errno();
    match path.fd {
        Some(_) => os_error_with(code, None, None),
        None => os_error_with(code, Some(&path.object), None),
    }
}

// ------------------------------------------------------------ arguments

/// A converted `path` argument (posixmodule.c's `path_t`): the bytes to
/// hand the system, whether results should be bytes, the object errors
/// name, or a file descriptor.
pub(super) struct PathArg {
    pub c: CString,
    pub bytes: bool,
    pub object: Value,
    pub fd: Option<i32>,
}

impl PathArg {
    pub fn as_ptr(&self) -> *const libc::c_char {
        self.c.as_ptr()
    }
}

/// `os.fspath(v)` (`PyOS_FSPath`): str and bytes as they are, else the
/// result of `__fspath__`, which must be str or bytes.
pub(super) fn fspath_value(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    if matches!(v, Value::Str(_) | Value::Bytes(_)) {
        return Ok(Some(v.clone()));
    }
    if let Some(p @ (Value::Str(_) | Value::Bytes(_))) = protocol::builtin_payload(v, "__fspath__")
    {
        if protocol::user_dunder(v, "__fspath__").is_none() {
            return Ok(Some(p));
        }
    }
    if matches!(v, Value::Instance(_)) && files::is_dir_entry(v) {
        return Ok(Some(files::dir_entry_path(v)));
    }
    match protocol::call_dunder(vm, v, "__fspath__", vec![])? {
        Some(r @ (Value::Str(_) | Value::Bytes(_))) => Ok(Some(r)),
        Some(r) => Err(type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            type_name(v),
            type_name(&r)
        ))),
        None => Ok(None),
    }
}

/// `path_converter`: a str, bytes or os.PathLike path (an int too when
/// `allow_fd`), checked for NUL bytes. `nullable` lets None through as
/// `.` (listdir, scandir).
pub(super) fn path_arg(
    vm: &mut Vm,
    v: Option<&Value>,
    fname: &str,
    argname: &str,
    allow_fd: bool,
    nullable: bool,
) -> PyResult<PathArg> {
    let v = match v {
        Some(Value::None) | None if nullable => {
            return Ok(PathArg {
                c: CString::new(".").expect("no NUL"),
                bytes: false,
                object: Value::None,
                fd: None,
            })
        }
        Some(v) => v,
        None => {
            return Err(type_error(format!(
                "{fname}() missing required argument '{argname}' (pos 1)"
            )))
        }
    };
    if allow_fd && is_int_like(v) {
        let fd = fd_arg(vm, v)?;
        return Ok(PathArg {
            c: CString::default(),
            bytes: false,
            object: v.clone(),
            fd: Some(fd),
        });
    }
    let Some(path) = fspath_value(vm, v)? else {
        let what = match (allow_fd, nullable) {
            (true, true) => "string, bytes, os.PathLike, integer or None",
            (true, false) => "string, bytes, os.PathLike or integer",
            (false, true) => "string, bytes, os.PathLike or None",
            (false, false) => "string, bytes or os.PathLike",
        };
        return Err(type_error(format!(
            "{fname}: {argname} should be {what}, not {}",
            type_name(v)
        )));
    };
    let (raw, bytes) = match &path {
        Value::Str(s) => {
            if s.contains('\0') {
                return Err(value_error("embedded null byte"));
            }
            (s.as_bytes().to_vec(), false)
        }
        Value::Bytes(b) => (b.to_vec(), true),
        _ => unreachable!("fspath_value gives str or bytes"),
    };
    let c = CString::new(raw)
        .map_err(|_| value_error(format!("{fname}: embedded null character in {argname}")))?;
    Ok(PathArg {
        c,
        bytes,
        object: path,
        fd: None,
    })
}

fn is_int_like(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
        || (matches!(v, Value::Instance(_))
            && protocol::type_of(v).is_subtype(&builtin_types().int))
}

/// `_PyLong_AsInt` of an `__index__` object: a C int.
pub(super) fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    if let Value::Float(_) = v {
        return Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        )));
    }
    match protocol::number::number_index(vm, v)? {
        Value::Int(i) => {
            i32::try_from(i).map_err(|_| overflow_error("Python int too large to convert to C int"))
        }
        _ => Err(overflow_error("Python int too large to convert to C int")),
    }
}

/// A file descriptor argument (`_PyLong_FileDescriptor_Converter`'s
/// C int; negative ones reach the system call, which fails with EBADF).
pub(super) fn fd_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    c_int(vm, v)
}

/// A `Py_ssize_t` argument (`__index__`, OverflowError beyond a word).
pub(super) fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    protocol::number::as_ssize_overflow(vm, v)
}

/// Rejects a `dir_fd` other than None: py2vm has no `*at` calls.
pub(super) fn no_dir_fd(fname: &str, v: &Option<Value>) -> PyResult<()> {
    match v {
        None | Some(Value::None) => Ok(()),
        Some(_) => Err(not_implemented_error(format!(
            "{fname}: dir_fd unavailable on this platform"
        ))),
    }
}

/// A `follow_symlinks`-like boolean keyword (default `default`).
pub(super) fn flag(vm: &mut Vm, v: &Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        None => Ok(default),
        Some(v) => protocol::truthy(vm, v),
    }
}

/// A file name read from the system, as str (decoded with
/// surrogateescape, as `PyUnicode_DecodeFSDefault`) or bytes.
pub(super) fn fs_value(raw: &[u8], bytes: bool) -> Value {
    if bytes {
        return Value::Bytes(raw.into());
    }
    match std::str::from_utf8(raw) {
        Ok(s) => Value::str(s),
        Err(_) => match crate::object::codecs::decode(raw, "utf-8", "surrogateescape") {
            Ok(s) => Value::str(&s),
            Err(_) => Value::str(&String::from_utf8_lossy(raw)),
        },
    }
}

/// Calls that take no arguments (`METH_NOARGS`).
pub(super) fn no_args(fname: &str, a: &crate::object::function::Args) -> PyResult<()> {
    let n = a.positional.len() + a.keywords.len();
    if n == 0 {
        Ok(())
    } else if !a.keywords.is_empty() && a.positional.is_empty() {
        Err(type_error(format!("{fname}() takes no keyword arguments")))
    } else {
        Err(type_error(format!(
            "{fname}() takes no arguments ({n} given)"
        )))
    }
}
