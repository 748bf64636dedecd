//! File descriptors of `posix`: `open`, `close`, `closerange`, `read`,
//! `write`, `lseek`, `fsync`, `ftruncate`, `isatty`, `pipe`, `dup`, `dup2`,
//! the inheritable and blocking flags, `device_encoding`,
//! `get_terminal_size` with `terminal_size`, and `urandom`.

use super::{bind, c_int, fd_arg, flag, last_error, no_dir_fd, path_arg, path_error, ssize_arg};
use crate::builtins::structseq::{self, Desc, Field};
use crate::object::exception::{overflow_error, type_error, value_error};
use crate::object::function::{Args, NativeFn};
use crate::object::{PyResult, Value};
use crate::vm::protocol::type_name;
use crate::vm::Vm;

pub(super) const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("open", open),
    ("close", close),
    ("closerange", closerange),
    ("read", read),
    ("write", write),
    ("lseek", lseek),
    ("fsync", fsync),
    ("ftruncate", ftruncate),
    ("isatty", isatty),
    ("pipe", pipe),
    ("dup", dup),
    ("dup2", dup2),
    ("get_inheritable", get_inheritable),
    ("set_inheritable", set_inheritable),
    ("get_blocking", get_blocking),
    ("set_blocking", set_blocking),
    ("device_encoding", device_encoding),
    ("get_terminal_size", get_terminal_size),
    ("urandom", urandom),
];

pub(super) fn types() -> Vec<(&'static str, Value)> {
    vec![(
        "terminal_size",
        Value::Type(structseq::type_for(&TERMINAL_SIZE)),
    )]
}

static TERMINAL_SIZE: Desc = Desc {
    name: "os.terminal_size",
    doc: "A tuple of (columns, lines) for holding terminal window size",
    fields: &[
        Field {
            name: "columns",
            doc: "width of the terminal window in characters",
        },
        Field {
            name: "lines",
            doc: "height of the terminal window in characters",
        },
    ],
    n_in_sequence: 2,
    instantiable: true,
};

/// One required descriptor argument named `fd`.
fn one_fd(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<i32> {
    let v = bind(fname, a.positional, a.keywords, &["fd"], 1, 1)?;
    fd_arg(vm, v[0].as_ref().expect("required"))
}

fn ok_or_error(r: libc::c_int) -> PyResult<Value> {
    if r < 0 {
        Err(last_error())
    } else {
        Ok(Value::None)
    }
}

/// `open(path, flags, mode=0o777, *, dir_fd=None)`: the new descriptor,
/// not inheritable (`O_CLOEXEC`, PEP 446).
fn open(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let names = ["path", "flags", "mode", "dir_fd"];
    let v = bind("open", a.positional, a.keywords, &names, 2, 3)?;
    let path = path_arg(vm, v[0].as_ref(), "open", "path", false, false)?;
    let flags = c_int(vm, v[1].as_ref().expect("required"))?;
    let mode = match &v[2] {
        Some(m) => c_int(vm, m)?,
        None => 0o777,
    };
    no_dir_fd("open", &v[3])?;
    // SAFETY: a valid C string.
    let fd = unsafe { libc::open(path.as_ptr(), flags | libc::O_CLOEXEC, mode as libc::c_uint) };
    if fd < 0 {
        return Err(path_error(&path));
    }
    Ok(Value::Int(fd as i64))
}

fn close(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let fd = one_fd(vm, &a, "close")?;
    // SAFETY: closing a number is harmless to memory safety.
    ok_or_error(unsafe { libc::close(fd) })
}

/// `closerange(fd_low, fd_high)`: errors ignored, as CPython.
fn closerange(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind(
        "closerange",
        a.positional,
        a.keywords,
        &["fd_low", "fd_high"],
        2,
        2,
    )?;
    let low = c_int(vm, v[0].as_ref().expect("required"))?.max(0);
    let high = c_int(vm, v[1].as_ref().expect("required"))?;
    for fd in low..high {
        // SAFETY: as close.
        unsafe { libc::close(fd) };
    }
    Ok(Value::None)
}

/// `read(fd, length)`: at most `length` bytes (fewer at the end).
fn read(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind("read", a.positional, a.keywords, &["fd", "length"], 2, 2)?;
    let fd = fd_arg(vm, v[0].as_ref().expect("required"))?;
    let length = ssize_arg(vm, v[1].as_ref().expect("required"))?;
    if length < 0 {
        // SAFETY: errno is thread-local.
        unsafe { *libc::__errno_location() = libc::EINVAL };
        return Err(last_error());
    }
    let mut buf = Vec::new();
    buf.try_reserve_exact(length as usize)
        .map_err(|_| no_memory())?;
    buf.resize(length as usize, 0);
    // SAFETY: the buffer holds `length` bytes.
    let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
    if n < 0 {
        return Err(last_error());
    }
    buf.truncate(n as usize);
    Ok(Value::Bytes(buf.into()))
}

/// `write(fd, data)`: how many bytes were written.
fn write(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind("write", a.positional, a.keywords, &["fd", "data"], 2, 2)?;
    let fd = fd_arg(vm, v[0].as_ref().expect("required"))?;
    let data = v[1].as_ref().expect("required");
    let Some(bytes) = crate::vm::ops::bytes::bytes_data(data) else {
        return Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(data)
        )));
    };
    // SAFETY: the slice is valid for its length.
    let n = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) };
    if n < 0 {
        return Err(last_error());
    }
    Ok(Value::Int(n as i64))
}

/// `lseek(fd, position, whence)`: the new position.
fn lseek(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind(
        "lseek",
        a.positional,
        a.keywords,
        &["fd", "position", "whence"],
        3,
        3,
    )?;
    let fd = fd_arg(vm, v[0].as_ref().expect("required"))?;
    let pos = ssize_arg(vm, v[1].as_ref().expect("required"))?;
    let how = c_int(vm, v[2].as_ref().expect("required"))?;
    // SAFETY: no memory involved.
    let r = unsafe { libc::lseek(fd, pos, how) };
    if r < 0 {
        return Err(last_error());
    }
    Ok(Value::Int(r))
}

/// `fsync(fd)`: an int or an object with `fileno()`.
fn fsync(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind("fsync", a.positional, a.keywords, &["fd"], 1, 1)?;
    let obj = v[0].clone().expect("required");
    let fd = match obj {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => fd_arg(vm, &obj)?,
        other => {
            let fileno = crate::vm::protocol::getattr(vm, &other, "fileno").map_err(|_| {
                type_error("argument must be an int, or have a fileno() method.".to_string())
            })?;
            let r = vm.call(&fileno, vec![])?;
            fd_arg(vm, &r)?
        }
    };
    if fd < 0 {
        return Err(value_error(format!(
            "file descriptor cannot be a negative integer ({fd})"
        )));
    }
    // SAFETY: no memory involved.
    ok_or_error(unsafe { libc::fsync(fd) })
}

fn ftruncate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind(
        "ftruncate",
        a.positional,
        a.keywords,
        &["fd", "length"],
        2,
        2,
    )?;
    let fd = fd_arg(vm, v[0].as_ref().expect("required"))?;
    let length = ssize_arg(vm, v[1].as_ref().expect("required"))?;
    // SAFETY: no memory involved.
    ok_or_error(unsafe { libc::ftruncate(fd, length) })
}

fn isatty(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let fd = one_fd(vm, &a, "isatty")?;
    // SAFETY: no memory involved.
    Ok(Value::Bool(unsafe { libc::isatty(fd) } == 1))
}

/// `pipe()`: `(read_fd, write_fd)`, not inheritable.
fn pipe(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::no_args("pipe", &a)?;
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: room for two descriptors.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } < 0 {
        return Err(last_error());
    }
    Ok(Value::tuple(vec![
        Value::Int(fds[0] as i64),
        Value::Int(fds[1] as i64),
    ]))
}

/// `dup(fd)`: a new, non-inheritable descriptor.
fn dup(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let fd = one_fd(vm, &a, "dup")?;
    // SAFETY: no memory involved.
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if r < 0 {
        return Err(last_error());
    }
    Ok(Value::Int(r as i64))
}

/// `dup2(fd, fd2, inheritable=True)`: `fd2`.
fn dup2(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind(
        "dup2",
        a.positional,
        a.keywords,
        &["fd", "fd2", "inheritable"],
        2,
        3,
    )?;
    let fd = fd_arg(vm, v[0].as_ref().expect("required"))?;
    let fd2 = fd_arg(vm, v[1].as_ref().expect("required"))?;
    let inheritable = flag(vm, &v[2], true)?;
    // SAFETY: no memory involved.
    let r = unsafe {
        if inheritable {
            libc::dup2(fd, fd2)
        } else {
            libc::dup3(fd, fd2, libc::O_CLOEXEC)
        }
    };
    if r < 0 {
        return Err(last_error());
    }
    Ok(Value::Int(r as i64))
}

fn fd_flags(fd: i32, get: libc::c_int) -> PyResult<libc::c_int> {
    // SAFETY: no memory involved.
    let r = unsafe { libc::fcntl(fd, get) };
    if r < 0 {
        Err(last_error())
    } else {
        Ok(r)
    }
}

fn set_fd_flag(
    fd: i32,
    get: libc::c_int,
    set: libc::c_int,
    bit: libc::c_int,
    on: bool,
) -> PyResult<Value> {
    let old = fd_flags(fd, get)?;
    let new = if on { old | bit } else { old & !bit };
    if new != old {
        // SAFETY: no memory involved.
        ok_or_error(unsafe { libc::fcntl(fd, set, new) })?;
    }
    Ok(Value::None)
}

fn get_inheritable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let fd = one_fd(vm, &a, "get_inheritable")?;
    Ok(Value::Bool(
        fd_flags(fd, libc::F_GETFD)? & libc::FD_CLOEXEC == 0,
    ))
}

fn set_inheritable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind(
        "set_inheritable",
        a.positional,
        a.keywords,
        &["fd", "inheritable"],
        2,
        2,
    )?;
    let fd = fd_arg(vm, v[0].as_ref().expect("required"))?;
    let on = c_int(vm, v[1].as_ref().expect("required"))? != 0;
    set_fd_flag(fd, libc::F_GETFD, libc::F_SETFD, libc::FD_CLOEXEC, !on)
}

fn get_blocking(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let fd = one_fd(vm, &a, "get_blocking")?;
    Ok(Value::Bool(
        fd_flags(fd, libc::F_GETFL)? & libc::O_NONBLOCK == 0,
    ))
}

fn set_blocking(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind(
        "set_blocking",
        a.positional,
        a.keywords,
        &["fd", "blocking"],
        2,
        2,
    )?;
    let fd = fd_arg(vm, v[0].as_ref().expect("required"))?;
    let on = c_int(vm, v[1].as_ref().expect("required"))? != 0;
    set_fd_flag(fd, libc::F_GETFL, libc::F_SETFL, libc::O_NONBLOCK, !on)
}

/// `device_encoding(fd)`: the locale's encoding for a terminal
/// (`_Py_device_encoding`), None otherwise.
fn device_encoding(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let fd = one_fd(vm, &a, "device_encoding")?;
    // SAFETY: no memory involved.
    if unsafe { libc::isatty(fd) } != 1 {
        return Ok(Value::None);
    }
    // SAFETY: nl_langinfo returns a NUL-terminated string copied at once.
    let codeset = unsafe {
        let p = libc::nl_langinfo(libc::CODESET);
        if p.is_null() {
            String::new()
        } else {
            std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
        }
    };
    // py2vm, like CPython's UTF-8 mode and C.UTF-8 locales, speaks UTF-8.
    let enc = match codeset.as_str() {
        "" | "ANSI_X3.4-1968" => "utf-8".to_string(),
        other => other.to_string(),
    };
    Ok(Value::str(&enc))
}

/// `get_terminal_size(fd=1)`: `TIOCGWINSZ`.
fn get_terminal_size(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind("get_terminal_size", a.positional, a.keywords, &["fd"], 0, 1)?;
    let fd = match &v[0] {
        Some(f) => fd_arg(vm, f)?,
        None => 1,
    };
    // SAFETY: `ws` is plain data the ioctl fills.
    let ws = unsafe {
        let mut ws: libc::winsize = std::mem::zeroed();
        if libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) != 0 {
            return Err(last_error());
        }
        ws
    };
    Ok(structseq::new(
        &TERMINAL_SIZE,
        vec![Value::Int(ws.ws_col as i64), Value::Int(ws.ws_row as i64)],
    ))
}

/// `urandom(size)`: `getrandom`, retried on EINTR.
fn urandom(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind("urandom", a.positional, a.keywords, &["size"], 1, 1)?;
    let size = ssize_arg(vm, v[0].as_ref().expect("required"))?;
    if size < 0 {
        return Err(value_error("negative argument not allowed"));
    }
    let size = usize::try_from(size).map_err(|_| overflow_error("size too large"))?;
    let mut buf = Vec::new();
    buf.try_reserve_exact(size).map_err(|_| no_memory())?;
    buf.resize(size, 0);
    let mut filled = 0;
    while filled < size {
        // SAFETY: the rest of the buffer is writable.
        let n = unsafe { libc::getrandom(buf[filled..].as_mut_ptr().cast(), size - filled, 0) };
        if n < 0 {
            if super::errno() == libc::EINTR {
                continue;
            }
            return Err(last_error());
        }
        filled += n as usize;
    }
    Ok(Value::Bytes(buf.into()))
}

fn no_memory() -> crate::object::PyErr {
    crate::object::PyErr::new(&crate::object::builtin_types().memory_error, "")
}
