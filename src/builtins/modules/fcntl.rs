//! `fcntl` (CPython's `Modules/fcntlmodule.c`, Linux): `fcntl`, `ioctl`,
//! `flock` and `lockf` on real descriptors, and the constants (generated
//! from python3.11's module on Linux, in its order). An int argument is
//! passed as it is; a bytes-like one is copied into a buffer of at most
//! 1024 bytes whose contents after the call are returned, as CPython does.
//! Calls interrupted by a signal run the handlers and are retried (PEP 475).

use super::posix::{c_int, errno, last_error};
use super::select::as_file_descriptor;
use super::{clinic_bind, functions, new_module};
use crate::object::exception::{type_error, value_error};
use crate::object::function::Args;
use crate::object::{builtin_types, PyResult, Value};
use crate::vm::protocol::{self, type_name};
use crate::vm::Vm;

const CONSTANTS: &[(&str, i64)] = &[
    ("LOCK_SH", 1),
    ("LOCK_EX", 2),
    ("LOCK_NB", 4),
    ("LOCK_UN", 8),
    ("LOCK_MAND", 32),
    ("LOCK_READ", 64),
    ("LOCK_WRITE", 128),
    ("LOCK_RW", 192),
    ("F_DUPFD", 0),
    ("F_DUPFD_CLOEXEC", 1030),
    ("F_GETFD", 1),
    ("F_SETFD", 2),
    ("F_GETFL", 3),
    ("F_SETFL", 4),
    ("F_GETLK", 5),
    ("F_SETLK", 6),
    ("F_SETLKW", 7),
    ("F_OFD_GETLK", 36),
    ("F_OFD_SETLK", 37),
    ("F_OFD_SETLKW", 38),
    ("F_GETOWN", 9),
    ("F_SETOWN", 8),
    ("F_GETSIG", 11),
    ("F_SETSIG", 10),
    ("F_RDLCK", 0),
    ("F_WRLCK", 1),
    ("F_UNLCK", 2),
    ("F_GETLK64", 5),
    ("F_SETLK64", 6),
    ("F_SETLKW64", 7),
    ("FASYNC", 8192),
    ("F_SETLEASE", 1024),
    ("F_GETLEASE", 1025),
    ("F_NOTIFY", 1026),
    ("F_EXLCK", 4),
    ("F_SHLCK", 8),
    ("F_SETPIPE_SZ", 1031),
    ("F_GETPIPE_SZ", 1032),
    ("FD_CLOEXEC", 1),
    ("DN_ACCESS", 1),
    ("DN_MODIFY", 2),
    ("DN_CREATE", 4),
    ("DN_DELETE", 8),
    ("DN_RENAME", 16),
    ("DN_ATTRIB", 32),
    ("DN_MULTISHOT", 2147483648),
    ("F_ADD_SEALS", 1033),
    ("F_GET_SEALS", 1034),
    ("F_SEAL_SEAL", 1),
    ("F_SEAL_SHRINK", 2),
    ("F_SEAL_GROW", 4),
    ("F_SEAL_WRITE", 8),
];

/// `FCNTL_BUFSZ`: the largest buffer argument.
const BUFSZ: usize = 1024;

pub fn module() -> Value {
    let mut members: Vec<(&str, Value)> = CONSTANTS
        .iter()
        .map(|(n, v)| (*n, Value::Int(*v)))
        .collect();
    members.extend(functions(&[
        ("fcntl", fcntl),
        ("ioctl", ioctl),
        ("flock", flock),
        ("lockf", lockf),
    ]));
    new_module("fcntl", members)
}

/// Runs a system call again after EINTR, once the signal handlers ran.
fn retrying(vm: &mut Vm, mut call: impl FnMut() -> libc::c_int) -> PyResult<libc::c_int> {
    loop {
        let r = call();
        if r != -1 {
            return Ok(r);
        }
        if errno() != libc::EINTR {
            return Err(last_error());
        }
        vm.run_signal_handlers()?;
    }
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
        || protocol::type_of(v).is_subtype(&builtin_types().int)
}

/// The bytes of a read-only buffer argument (bytes, bytearray, str).
fn buffer_arg(v: &Value) -> Option<Vec<u8>> {
    let inner = match v {
        Value::Instance(i) => i.payload.as_ref().unwrap_or(v),
        v => v,
    };
    match inner {
        Value::Str(s) => Some(s.as_bytes().to_vec()),
        other => crate::vm::ops::bytes::bytes_data(other).map(|b| b.to_vec()),
    }
}

/// `fcntl(fd, cmd, arg=0)`: the call's result for an int argument, the
/// buffer after the call for a bytes-like one.
fn fcntl(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = clinic_bind(
        "fcntl",
        a.positional,
        a.keywords,
        &["fd", "cmd", "arg"],
        2,
        3,
    )?;
    let fd = as_file_descriptor(vm, v[0].as_ref().expect("required"))?;
    let cmd = c_int(vm, v[1].as_ref().expect("required"))?;
    match &v[2] {
        Some(arg) if !is_int(arg) => match buffer_arg(arg) {
            Some(mut buf) => {
                if buf.len() > BUFSZ {
                    return Err(value_error("fcntl string arg too long"));
                }
                let len = buf.len();
                buf.resize(BUFSZ, 0);
                // SAFETY: a buffer of BUFSZ bytes.
                retrying(vm, || unsafe { libc::fcntl(fd, cmd, buf.as_mut_ptr()) })?;
                buf.truncate(len);
                Ok(Value::Bytes(buf.into()))
            }
            None => Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(arg)
            ))),
        },
        arg => {
            let n = match arg {
                Some(x) => c_int(vm, x)?,
                None => 0,
            };
            // SAFETY: an int argument has no memory effects.
            let r = retrying(vm, || unsafe { libc::fcntl(fd, cmd, n) })?;
            Ok(Value::Int(i64::from(r)))
        }
    }
}

/// `ioctl(fd, request, arg=0, mutate_flag=True)`: with a bytearray and
/// `mutate_flag`, the buffer is changed in place and the call's result
/// returned; with another bytes-like object, the buffer after the call.
fn ioctl(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let names = ["fd", "request", "arg", "mutate_flag"];
    let v = clinic_bind("ioctl", a.positional, a.keywords, &names, 2, 4)?;
    let fd = as_file_descriptor(vm, v[0].as_ref().expect("required"))?;
    let request = protocol::number::as_ssize_overflow(vm, v[1].as_ref().expect("required"))?;
    let request = request as u32 as libc::c_ulong;
    let mutate = match &v[3] {
        Some(m) => protocol::truthy(vm, m)?,
        None => true,
    };
    match &v[2] {
        Some(arg) if !is_int(arg) => {
            let array = match arg {
                Value::ByteArray(b) => Some(b.clone()),
                Value::Instance(i) => match &i.payload {
                    Some(Value::ByteArray(b)) => Some(b.clone()),
                    _ => None,
                },
                _ => None,
            };
            if let (Some(array), true) = (&array, mutate) {
                let mut buf = array.borrow().clone();
                let len = buf.len();
                buf.resize(len.max(BUFSZ), 0);
                // SAFETY: a buffer of at least BUFSZ bytes.
                let r = retrying(vm, || unsafe { libc::ioctl(fd, request, buf.as_mut_ptr()) })?;
                array.borrow_mut().copy_from_slice(&buf[..len]);
                return Ok(Value::Int(i64::from(r)));
            }
            let Some(mut buf) = buffer_arg(arg) else {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name(arg)
                )));
            };
            if buf.len() > BUFSZ {
                return Err(value_error("ioctl string arg too long"));
            }
            let len = buf.len();
            buf.resize(BUFSZ, 0);
            // SAFETY: a buffer of BUFSZ bytes.
            retrying(vm, || unsafe { libc::ioctl(fd, request, buf.as_mut_ptr()) })?;
            buf.truncate(len);
            Ok(Value::Bytes(buf.into()))
        }
        arg => {
            let n = match arg {
                Some(x) => c_int(vm, x)?,
                None => 0,
            };
            // SAFETY: an int argument has no memory effects.
            let r = retrying(vm, || unsafe {
                libc::ioctl(fd, request, n as libc::c_long)
            })?;
            Ok(Value::Int(i64::from(r)))
        }
    }
}

/// `flock(fd, operation)`.
fn flock(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = clinic_bind(
        "flock",
        a.positional,
        a.keywords,
        &["fd", "operation"],
        2,
        2,
    )?;
    let fd = as_file_descriptor(vm, v[0].as_ref().expect("required"))?;
    let op = c_int(vm, v[1].as_ref().expect("required"))?;
    // SAFETY: flock(2) has no memory effects.
    retrying(vm, || unsafe { libc::flock(fd, op) })?;
    Ok(Value::None)
}

/// `lockf(fd, cmd, len=0, start=0, whence=0)`: `LOCK_UN`, `LOCK_SH` or
/// `LOCK_EX` (with `LOCK_NB` not to wait) over a range, through
/// `fcntl(F_SETLK[W])` as CPython does.
fn lockf(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let names = ["fd", "cmd", "len", "start", "whence"];
    let v = clinic_bind("lockf", a.positional, a.keywords, &names, 2, 5)?;
    let fd = as_file_descriptor(vm, v[0].as_ref().expect("required"))?;
    let code = c_int(vm, v[1].as_ref().expect("required"))?;
    let mut num = |i: usize| -> PyResult<i64> {
        match &v[i] {
            Some(x) => protocol::number::as_ssize_overflow(vm, x),
            None => Ok(0),
        }
    };
    let (len, start, whence) = (num(2)?, num(3)?, num(4)?);
    let kind = match code & !libc::LOCK_NB {
        libc::LOCK_UN => libc::F_UNLCK,
        libc::LOCK_SH => libc::F_RDLCK,
        libc::LOCK_EX => libc::F_WRLCK,
        _ => return Err(value_error("unrecognized lockf argument")),
    };
    // SAFETY: a zeroed flock structure, filled in.
    let mut l: libc::flock = unsafe { std::mem::zeroed() };
    l.l_type = kind as libc::c_short;
    l.l_whence = whence as libc::c_short;
    l.l_start = start;
    l.l_len = len;
    let cmd = if code & libc::LOCK_NB != 0 {
        libc::F_SETLK
    } else {
        libc::F_SETLKW
    };
    // SAFETY: a valid flock structure.
    retrying(vm, || unsafe {
        libc::fcntl(fd, cmd, &l as *const libc::flock)
    })?;
    Ok(Value::None)
}
