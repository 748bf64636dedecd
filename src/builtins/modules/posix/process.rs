//! The process side of `posix`: ids, `umask`, the environment (`environ`,
//! `putenv`, `unsetenv`), `strerror`, `fspath`, `kill`, `_exit`,
//! `cpu_count`, `uname` and `times` with their result types,
//! `waitstatus_to_exitcode`, `register_at_fork`.
//!
//! py2vm never forks, so the callables `register_at_fork` accepts are
//! kept (alive, as CPython keeps them) and never called.

use std::cell::RefCell;
use std::ffi::{CStr, CString};

use super::{bind, c_int, fspath_value, last_error, strerror_text};
use crate::builtins::structseq::{self, Desc, Field};
use crate::object::exception::{type_error, value_error};
use crate::object::function::{Args, NativeFn};
use crate::object::{Dict, PyResult, Value};
use crate::vm::protocol::{self, type_name};
use crate::vm::Vm;

pub(super) const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("getpid", |_, a| {
        id("getpid", &a, || unsafe { libc::getpid() } as i64)
    }),
    ("getppid", |_, a| {
        id("getppid", &a, || unsafe { libc::getppid() } as i64)
    }),
    ("getuid", |_, a| {
        id("getuid", &a, || unsafe { libc::getuid() } as i64)
    }),
    ("geteuid", |_, a| {
        id("geteuid", &a, || unsafe { libc::geteuid() } as i64)
    }),
    ("getgid", |_, a| {
        id("getgid", &a, || unsafe { libc::getgid() } as i64)
    }),
    ("getegid", |_, a| {
        id("getegid", &a, || unsafe { libc::getegid() } as i64)
    }),
    ("umask", umask),
    ("putenv", putenv),
    ("unsetenv", unsetenv),
    ("strerror", strerror),
    ("fspath", fspath),
    ("kill", kill),
    ("_exit", exit),
    ("cpu_count", cpu_count),
    ("uname", uname),
    ("times", times),
    ("waitstatus_to_exitcode", waitstatus_to_exitcode),
    ("waitpid", waitpid),
    ("WIFEXITED", |vm, a| {
        status_test(vm, a, "WIFEXITED", |s| i64::from(libc::WIFEXITED(s)), true)
    }),
    ("WEXITSTATUS", |vm, a| {
        status_test(
            vm,
            a,
            "WEXITSTATUS",
            |s| i64::from(libc::WEXITSTATUS(s)),
            false,
        )
    }),
    ("WIFSIGNALED", |vm, a| {
        status_test(
            vm,
            a,
            "WIFSIGNALED",
            |s| i64::from(libc::WIFSIGNALED(s)),
            true,
        )
    }),
    ("WTERMSIG", |vm, a| {
        status_test(vm, a, "WTERMSIG", |s| i64::from(libc::WTERMSIG(s)), false)
    }),
    ("WIFSTOPPED", |vm, a| {
        status_test(
            vm,
            a,
            "WIFSTOPPED",
            |s| i64::from(libc::WIFSTOPPED(s)),
            true,
        )
    }),
    ("WSTOPSIG", |vm, a| {
        status_test(vm, a, "WSTOPSIG", |s| i64::from(libc::WSTOPSIG(s)), false)
    }),
    ("WIFCONTINUED", |vm, a| {
        status_test(
            vm,
            a,
            "WIFCONTINUED",
            |s| i64::from(libc::WIFCONTINUED(s)),
            true,
        )
    }),
    ("WCOREDUMP", |vm, a| {
        status_test(vm, a, "WCOREDUMP", |s| i64::from(libc::WCOREDUMP(s)), true)
    }),
    ("register_at_fork", register_at_fork),
];

pub(super) fn types() -> Vec<(&'static str, Value)> {
    vec![
        (
            "uname_result",
            Value::Type(structseq::type_for(&UNAME_RESULT)),
        ),
        (
            "times_result",
            Value::Type(structseq::type_for(&TIMES_RESULT)),
        ),
    ]
}

const fn f(name: &'static str, doc: &'static str) -> Field {
    Field { name, doc }
}

static UNAME_RESULT: Desc = Desc {
    name: "posix.uname_result",
    doc: "uname_result: Result from os.uname().",
    fields: &[
        f("sysname", "operating system name"),
        f(
            "nodename",
            "name of machine on network (implementation-defined)",
        ),
        f("release", "operating system release"),
        f("version", "operating system version"),
        f("machine", "hardware identifier"),
    ],
    n_in_sequence: 5,
    instantiable: true,
};

static TIMES_RESULT: Desc = Desc {
    name: "posix.times_result",
    doc: "times_result: Result from os.times().",
    fields: &[
        f("user", "user time"),
        f("system", "system time"),
        f("children_user", "user time of children"),
        f("children_system", "system time of children"),
        f(
            "elapsed",
            "elapsed time since an arbitrary point in the past",
        ),
    ],
    n_in_sequence: 5,
    instantiable: true,
};

fn id(fname: &str, a: &Args, get: impl FnOnce() -> i64) -> PyResult<Value> {
    super::no_args(&format!("posix.{fname}"), a)?;
    Ok(Value::Int(get()))
}

/// `posix.environ`: the environment at start-up as a dict of bytes to
/// bytes (os.py wraps it in `os.environ`, whose changes call `putenv`).
pub(super) fn environ(vm: &mut Vm) -> PyResult<Value> {
    use std::os::unix::ffi::OsStrExt;
    let dict = std::rc::Rc::new(RefCell::new(Dict::new()));
    for (k, v) in std::env::vars_os() {
        let key = Value::Bytes(k.as_bytes().into());
        let value = Value::Bytes(v.as_bytes().into());
        protocol::dict_insert(vm, &dict, key, value)?;
    }
    Ok(Value::Dict(dict))
}

/// `PyUnicode_FSConverter`: str (encoded) or bytes, or os.PathLike, as a
/// C string.
fn fs_converter(vm: &mut Vm, v: &Value) -> PyResult<CString> {
    let raw = match fspath_value(vm, v)? {
        Some(Value::Str(s)) => s.as_bytes().to_vec(),
        Some(Value::Bytes(b)) => b.to_vec(),
        _ => {
            return Err(type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                type_name(v)
            )))
        }
    };
    CString::new(raw).map_err(|_| value_error("embedded null byte"))
}

/// `putenv(name, value)` (`setenv`).
fn putenv(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind("putenv", a.positional, a.keywords, &["name", "value"], 2, 2)?;
    let name = fs_converter(vm, v[0].as_ref().expect("required"))?;
    let value = fs_converter(vm, v[1].as_ref().expect("required"))?;
    if name.as_bytes().contains(&b'=') {
        return Err(value_error("illegal environment variable name"));
    }
    // SAFETY: valid C strings; py2vm runs Python on one thread.
    if unsafe { libc::setenv(name.as_ptr(), value.as_ptr(), 1) } != 0 {
        return Err(last_error());
    }
    Ok(Value::None)
}

/// `unsetenv(name)`.
fn unsetenv(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind("unsetenv", a.positional, a.keywords, &["name"], 1, 1)?;
    let name = fs_converter(vm, v[0].as_ref().expect("required"))?;
    // SAFETY: a valid C string; one thread.
    if unsafe { libc::unsetenv(name.as_ptr()) } != 0 {
        return Err(last_error());
    }
    Ok(Value::None)
}

fn umask(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind("umask", a.positional, a.keywords, &["mask"], 1, 1)?;
    let mask = c_int(vm, v[0].as_ref().expect("required"))?;
    // SAFETY: no memory involved.
    Ok(Value::Int(
        unsafe { libc::umask(mask as libc::mode_t) } as i64
    ))
}

fn strerror(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind("strerror", a.positional, a.keywords, &["code"], 1, 1)?;
    let code = c_int(vm, v[0].as_ref().expect("required"))?;
    Ok(Value::str(&strerror_text(code)))
}

/// `fspath(path)` (`PyOS_FSPath`).
fn fspath(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind("fspath", a.positional, a.keywords, &["path"], 1, 1)?;
    let path = v[0].as_ref().expect("required");
    fspath_value(vm, path)?.ok_or_else(|| {
        type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            type_name(path)
        ))
    })
}

/// `kill(pid, signal)`.
fn kill(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind("kill", a.positional, a.keywords, &["pid", "signal"], 2, 2)?;
    let pid = c_int(vm, v[0].as_ref().expect("required"))?;
    let sig = c_int(vm, v[1].as_ref().expect("required"))?;
    // SAFETY: no memory involved.
    if unsafe { libc::kill(pid, sig) } != 0 {
        return Err(last_error());
    }
    Ok(Value::None)
}

/// `_exit(status)`: ends the process at once, nothing flushed.
fn exit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind("_exit", a.positional, a.keywords, &["status"], 1, 1)?;
    let status = c_int(vm, v[0].as_ref().expect("required"))?;
    // SAFETY: ends the process; nothing runs after it.
    unsafe { libc::_exit(status) }
}

/// `cpu_count()`: online processors, None if unknown.
fn cpu_count(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::no_args("cpu_count", &a)?;
    // SAFETY: no memory involved.
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    Ok(if n >= 1 {
        Value::Int(n as i64)
    } else {
        Value::None
    })
}

fn uname(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::no_args("posix.uname", &a)?;
    // SAFETY: plain data the call fills with NUL-terminated fields.
    let u = unsafe {
        let mut u: libc::utsname = std::mem::zeroed();
        if libc::uname(&mut u) != 0 {
            return Err(last_error());
        }
        u
    };
    let field = |c: &[libc::c_char]| {
        // SAFETY: uname NUL-terminates every field within its array.
        let s = unsafe { CStr::from_ptr(c.as_ptr()) };
        super::fs_value(s.to_bytes(), false)
    };
    Ok(structseq::new(
        &UNAME_RESULT,
        vec![
            field(&u.sysname),
            field(&u.nodename),
            field(&u.release),
            field(&u.version),
            field(&u.machine),
        ],
    ))
}

fn times(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::no_args("posix.times", &a)?;
    // SAFETY: plain data the call fills.
    let (t, elapsed, ticks) = unsafe {
        let mut t: libc::tms = std::mem::zeroed();
        let elapsed = libc::times(&mut t);
        if elapsed == (-1i64) as libc::clock_t {
            return Err(last_error());
        }
        (t, elapsed, libc::sysconf(libc::_SC_CLK_TCK) as f64)
    };
    let s = |v: libc::clock_t| Value::Float(v as f64 / ticks);
    Ok(structseq::new(
        &TIMES_RESULT,
        vec![
            s(t.tms_utime),
            s(t.tms_stime),
            s(t.tms_cutime),
            s(t.tms_cstime),
            s(elapsed),
        ],
    ))
}

/// `waitpid(pid, options)`: `(pid, status)`; interrupted by a signal, the
/// handlers run and the wait goes on (PEP 475).
fn waitpid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if !a.keywords.is_empty() {
        return Err(type_error("waitpid() takes no keyword arguments"));
    }
    let [pid, options] = a.positional else {
        return Err(type_error(format!(
            "waitpid expected 2 arguments, got {}",
            a.positional.len()
        )));
    };
    let pid = c_int(vm, pid)?;
    let options = c_int(vm, options)?;
    let mut status: libc::c_int = 0;
    loop {
        // SAFETY: an int for the status.
        let r = unsafe { libc::waitpid(pid, &mut status, options) };
        if r >= 0 {
            return Ok(Value::tuple(vec![
                Value::Int(i64::from(r)),
                Value::Int(i64::from(status)),
            ]));
        }
        if super::errno() != libc::EINTR {
            return Err(last_error());
        }
        vm.run_signal_handlers()?;
    }
}

/// `WIFEXITED(status)` and the other wait-status macros: a bool (`test`)
/// or an int.
fn status_test(
    vm: &mut Vm,
    a: Args,
    fname: &str,
    f: fn(i32) -> i64,
    test: bool,
) -> PyResult<Value> {
    let v = bind(fname, a.positional, a.keywords, &["status"], 1, 1)?;
    let status = c_int(vm, v[0].as_ref().expect("required"))?;
    let r = f(status);
    Ok(if test {
        Value::Bool(r != 0)
    } else {
        Value::Int(r)
    })
}

/// `waitstatus_to_exitcode(status)`: the exit code, or minus the signal.
fn waitstatus_to_exitcode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind(
        "waitstatus_to_exitcode",
        a.positional,
        a.keywords,
        &["status"],
        1,
        1,
    )?;
    let status = c_int(vm, v[0].as_ref().expect("required"))?;
    if libc::WIFEXITED(status) {
        return Ok(Value::Int(libc::WEXITSTATUS(status) as i64));
    }
    if libc::WIFSIGNALED(status) {
        return Ok(Value::Int(-(libc::WTERMSIG(status) as i64)));
    }
    if libc::WIFSTOPPED(status) {
        return Err(value_error(format!(
            "process stopped by delivery of signal {}",
            libc::WSTOPSIG(status)
        )));
    }
    Err(value_error(format!("invalid wait status: {status}")))
}

thread_local! {
    /// What `register_at_fork` was given (kept, never called: no fork).
    static AT_FORK: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

/// `register_at_fork(*, before=None, after_in_child=None, after_in_parent=None)`.
fn register_at_fork(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let names = ["before", "after_in_child", "after_in_parent"];
    let v = bind("register_at_fork", a.positional, a.keywords, &names, 0, 0)?;
    if v.iter().all(|x| x.as_ref().is_none_or(Value::is_none)) {
        return Err(type_error("At least one argument is required."));
    }
    for (name, value) in names.iter().zip(&v) {
        if let Some(f) = value.as_ref().filter(|x| !x.is_none()) {
            if !protocol::is_callable(f) {
                return Err(type_error(format!(
                    "'{name}' must be callable, not {}",
                    type_name(f)
                )));
            }
        }
    }
    AT_FORK.with(|k| k.borrow_mut().extend(v.into_iter().flatten()));
    Ok(Value::None)
}
