//! `_socket` (CPython's `Modules/socketmodule.c`, Linux): the socket type
//! (`sock.rs`) that Lib/socket.py subclasses, socket addresses (`addr.rs`),
//! `socketpair` (asyncio's self-pipe), the default timeout, the byte-order
//! and address-text functions, `gethostname`, the exceptions (`error` is
//! OSError, `timeout` TimeoutError, `gaierror` and `herror` OSError
//! subclasses) and every integer constant CPython has (`constants.rs`).
//!
//! `getaddrinfo` asks the system's resolver (`getaddrinfo(3)`).
//!
//! Left out, so absent (socket.py checks for them): `sendmsg`/`recvmsg`,
//! `share`, the other name-service look-ups (`gethostbyname`,
//! `getservbyname`...),
//! address families other than AF_UNIX, AF_INET and AF_INET6 (creating
//! such a socket works; their addresses are refused), and `CAPI`.

use std::cell::{Cell, OnceCell, RefCell};
use std::ffi::{CStr, CString};
use std::rc::Rc;

use super::posix::{c_int, last_error};
use super::time::{round_timeout, seconds_to_ns};
use super::{clinic_bind, functions, native_getsets, native_type, new_module};
use crate::object::exception::{overflow_error, type_error, value_error};
use crate::object::function::Args;
use crate::object::{builtin_types, Dict, PyErr, PyResult, Type, Value};
use crate::vm::protocol::{self, type_name};
use crate::vm::Vm;

mod addr;
mod constants;
mod sock;

thread_local! {
    static SOCKET_TYPE: OnceCell<Rc<Type>> = const { OnceCell::new() };
    static GAIERROR: RefCell<Option<Rc<Type>>> = const { RefCell::new(None) };
    /// `defaulttimeout` in nanoseconds, -1 for None.
    static DEFAULT_TIMEOUT: Cell<i64> = const { Cell::new(-1) };
}

fn socket_type() -> Rc<Type> {
    SOCKET_TYPE.with(|t| {
        t.get_or_init(|| {
            let t = native_type("socket", "_socket", vec![], sock::METHODS);
            // A heap type without Py_TPFLAGS_IMMUTABLETYPE in 3.11.
            t.immutable.set(false);
            native_getsets(&t, sock::GETSETS);
            t
        })
        .clone()
    })
}

pub(super) fn default_timeout() -> i64 {
    DEFAULT_TIMEOUT.with(Cell::get)
}

fn exception_class(vm: &mut Vm, name: &str) -> PyResult<Rc<Type>> {
    let ns = Rc::new(RefCell::new(Dict::new()));
    protocol::dict_set_str(&ns, "__module__", Value::str("socket"));
    let base = Value::Type(builtin_types().os_error.clone());
    match crate::builtins::create_type(vm, name, &[base], &ns, None, &[])? {
        Value::Type(t) => Ok(t),
        _ => Err(type_error("_socket: not a class")),
    }
}

pub fn module(vm: &mut Vm) -> PyResult<Value> {
    let gaierror = exception_class(vm, "gaierror")?;
    let herror = exception_class(vm, "herror")?;
    GAIERROR.with(|g| *g.borrow_mut() = Some(gaierror.clone()));
    let mut members: Vec<(&str, Value)> = constants::CONSTANTS
        .iter()
        .map(|(n, v)| (*n, Value::Int(*v)))
        .collect();
    members.extend(functions(&[
        ("socketpair", socketpair),
        ("dup", dup),
        ("close", close),
        ("getdefaulttimeout", getdefaulttimeout),
        ("setdefaulttimeout", setdefaulttimeout),
        ("gethostname", gethostname),
        ("getaddrinfo", getaddrinfo),
        ("htons", htons),
        ("ntohs", htons),
        ("htonl", htonl),
        ("ntohl", htonl),
        ("inet_aton", inet_aton),
        ("inet_ntoa", inet_ntoa),
        ("inet_pton", inet_pton),
        ("inet_ntop", inet_ntop),
    ]));
    let t = socket_type();
    members.push(("socket", Value::Type(t.clone())));
    members.push(("SocketType", Value::Type(t)));
    members.push(("error", Value::Type(builtin_types().os_error.clone())));
    members.push((
        "timeout",
        Value::Type(builtin_types().timeout_error.clone()),
    ));
    members.push(("gaierror", Value::Type(gaierror)));
    members.push(("herror", Value::Type(herror)));
    members.push(("has_ipv6", Value::Bool(true)));
    Ok(new_module("_socket", members))
}

/// `socket.gaierror(code, gai_strerror(code))` for a `getaddrinfo` failure
/// (EAI_SYSTEM: the OSError of errno).
pub(super) fn gai_error(code: i32) -> PyErr {
    if code == libc::EAI_SYSTEM {
        return last_error();
    }
    // SAFETY: gai_strerror returns a static NUL-terminated string.
    let text = unsafe { CStr::from_ptr(libc::gai_strerror(code)) }
        .to_string_lossy()
        .into_owned();
    let class = GAIERROR
        .with(|g| g.borrow().clone())
        .unwrap_or_else(|| builtin_types().os_error.clone());
    PyErr::with_args(&class, vec![Value::Int(i64::from(code)), Value::str(&text)])
}

/// `socket_parse_timeout`: None (-1) or non-negative seconds, in
/// nanoseconds.
pub(super) fn timeout_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if matches!(v, Value::None) {
        return Ok(-1);
    }
    let ns = seconds_to_ns(vm, v, round_timeout)?;
    if ns < 0 {
        return Err(value_error("Timeout value out of range"));
    }
    Ok(ns)
}

/// `socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0)`: two connected
/// `_socket.socket` objects.
fn socketpair(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = clinic_bind(
        "socketpair",
        a.positional,
        a.keywords,
        &["family", "type", "proto"],
        0,
        3,
    )?;
    let mut arg = |i: usize, default: i32| -> PyResult<i32> {
        match &v[i] {
            Some(x) => c_int(vm, x),
            None => Ok(default),
        }
    };
    let family = arg(0, libc::AF_UNIX)?;
    let kind = arg(1, libc::SOCK_STREAM)?;
    let proto = arg(2, 0)?;
    let mut sv = [0 as libc::c_int; 2];
    // SAFETY: an array of two descriptors.
    if unsafe { libc::socketpair(family, kind | libc::SOCK_CLOEXEC, proto, sv.as_mut_ptr()) } < 0 {
        return Err(last_error());
    }
    let t = socket_type();
    let first = sock::new_socket(&t, sv[0], family, kind, proto);
    let second = sock::new_socket(&t, sv[1], family, kind, proto);
    Ok(Value::tuple(vec![first?, second?]))
}

fn one_arg<'a>(a: &'a Args, fname: &str) -> PyResult<&'a Value> {
    match (a.positional, a.keywords.is_empty()) {
        ([v], true) => Ok(v),
        (_, false) => Err(type_error(format!("{fname}() takes no keyword arguments"))),
        (args, _) => Err(type_error(format!(
            "{fname}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

/// `dup(fd)`: a new, non-inheritable descriptor for the same socket.
fn dup(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let fd = c_int(vm, one_arg(&a, "dup")?)?;
    // SAFETY: fcntl on a descriptor number has no memory effects.
    let new = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if new < 0 {
        return Err(last_error());
    }
    Ok(Value::Int(i64::from(new)))
}

/// `close(fd)`: ECONNRESET is not an error, as in CPython.
fn close(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let fd = c_int(vm, one_arg(&a, "close")?)?;
    // SAFETY: closing a number has no memory effects.
    if unsafe { libc::close(fd) } < 0 && super::posix::errno() != libc::ECONNRESET {
        return Err(last_error());
    }
    Ok(Value::None)
}

fn getdefaulttimeout(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(match default_timeout() {
        t if t < 0 => Value::None,
        t => Value::Float(t as f64 / 1e9),
    })
}

fn setdefaulttimeout(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let t = timeout_arg(vm, one_arg(&a, "setdefaulttimeout")?)?;
    DEFAULT_TIMEOUT.with(|d| d.set(t));
    Ok(Value::None)
}

fn gethostname(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    let mut buf = [0 as libc::c_char; 1024];
    // SAFETY: a buffer of its length; the result is NUL-terminated below.
    if unsafe { libc::gethostname(buf.as_mut_ptr(), buf.len() - 1) } < 0 {
        return Err(last_error());
    }
    let name = unsafe { CStr::from_ptr(buf.as_ptr()) }.to_bytes().to_vec();
    Ok(super::posix::fs_value(&name, false))
}

/// `getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)`: a list of
/// `(family, type, proto, canonname, sockaddr)` from `getaddrinfo(3)`;
/// a failure is `socket.gaierror`.
fn getaddrinfo(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let names = ["host", "port", "family", "type", "proto", "flags"];
    let v = clinic_bind("getaddrinfo", a.positional, a.keywords, &names, 2, 6)?;
    let host = match v[0].as_ref().expect("required") {
        Value::None => None,
        Value::Str(s) => Some(s.as_bytes().to_vec()),
        Value::Bytes(b) => Some(b.to_vec()),
        other => {
            return Err(type_error(format!(
                "getaddrinfo() argument 1 must be string or None, not {}",
                type_name(other)
            )))
        }
    };
    let port = match v[1].as_ref().expect("required") {
        Value::None => None,
        p @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => {
            let n = protocol::number::as_ssize_overflow(vm, p)?;
            Some(n.to_string().into_bytes())
        }
        Value::Str(s) => Some(s.as_bytes().to_vec()),
        Value::Bytes(b) => Some(b.to_vec()),
        _ => {
            return Err(PyErr::with_args(
                &builtin_types().os_error,
                vec![Value::str("Int or String expected")],
            ))
        }
    };
    let mut int = |i: usize| -> PyResult<i32> {
        match &v[i] {
            Some(x) => c_int(vm, x),
            None => Ok(0),
        }
    };
    // SAFETY: addrinfo is plain data; zeroes are its "no hint" values.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = int(2)?;
    hints.ai_socktype = int(3)?;
    hints.ai_protocol = int(4)?;
    hints.ai_flags = int(5)?;
    let nul = |_| value_error("embedded null character");
    let host = host.map(CString::new).transpose().map_err(nul)?;
    let port = port.map(CString::new).transpose().map_err(nul)?;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: optional C strings, the hints and a result pointer.
    let err = unsafe {
        libc::getaddrinfo(
            host.as_ref().map_or(std::ptr::null(), |h| h.as_ptr()),
            port.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()),
            &hints,
            &mut res,
        )
    };
    if err != 0 {
        return Err(gai_error(err));
    }
    let mut out = Vec::new();
    let mut p = res;
    while !p.is_null() {
        // SAFETY: a node of the list getaddrinfo returned, freed below.
        let ai = unsafe { &*p };
        let mut addr = addr::SockAddr::empty();
        let n = (ai.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
        unsafe {
            std::ptr::copy_nonoverlapping(ai.ai_addr as *const u8, addr.as_mut_ptr() as *mut u8, n)
        };
        addr.len = n as libc::socklen_t;
        let canon = if ai.ai_canonname.is_null() {
            String::new()
        } else {
            unsafe { CStr::from_ptr(ai.ai_canonname) }
                .to_string_lossy()
                .into_owned()
        };
        out.push(Value::tuple(vec![
            Value::Int(i64::from(ai.ai_family)),
            Value::Int(i64::from(ai.ai_socktype)),
            Value::Int(i64::from(ai.ai_protocol)),
            Value::str(&canon),
            addr::to_python(&addr),
        ]));
        p = ai.ai_next;
    }
    // SAFETY: the list getaddrinfo returned, freed once.
    unsafe { libc::freeaddrinfo(res) };
    Ok(Value::list(out))
}

/// A non-negative int argument of at most `max`.
fn unsigned_arg(vm: &mut Vm, v: &Value, max: u64, what: &str) -> PyResult<u64> {
    if !matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
        && !protocol::type_of(v).is_subtype(&builtin_types().int)
    {
        return Err(type_error(format!("expected int, {} found", type_name(v))));
    }
    match protocol::number::number_index(vm, v)? {
        Value::Int(i) if i < 0 => Err(overflow_error(format!(
            "{what}: can't convert negative Python int to C {}",
            if max == 0xffff {
                "16-bit unsigned integer"
            } else {
                "unsigned long"
            }
        ))),
        Value::Int(i) if i as u64 <= max => Ok(i as u64),
        _ => Err(overflow_error(if max == 0xffff {
            format!("{what}: Python int too large to convert to C 16-bit unsigned integer")
        } else {
            "int larger than 32 bits".to_string()
        })),
    }
}

fn htons(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = unsigned_arg(vm, one_arg(&a, "htons")?, 0xffff, "htons")?;
    Ok(Value::Int(i64::from((x as u16).swap_bytes())))
}

fn htonl(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = unsigned_arg(vm, one_arg(&a, "htonl")?, 0xffff_ffff, "htonl")?;
    Ok(Value::Int(i64::from((x as u32).swap_bytes())))
}

fn str_arg(v: &Value, fname: &str, n: usize) -> PyResult<CString> {
    match v {
        Value::Str(s) => {
            CString::new(s.as_bytes()).map_err(|_| value_error("embedded null character"))
        }
        other => Err(type_error(format!(
            "{fname}() argument {n} must be str, not {}",
            type_name(other)
        ))),
    }
}

fn illegal_ip() -> PyErr {
    PyErr::with_args(
        &builtin_types().os_error,
        vec![Value::str("illegal IP address string passed to inet_aton")],
    )
}

/// `inet_aton(string)`: the packed 4 bytes (`inet_aton` accepts the old
/// short forms such as `"127.1"`).
fn inet_aton(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = str_arg(one_arg(&a, "inet_aton")?, "inet_aton", 1)?;
    let mut addr = libc::in_addr { s_addr: 0 };
    // SAFETY: a C string and an in_addr.
    if unsafe { addr::inet_aton(s.as_ptr(), &mut addr) } == 0 {
        return Err(illegal_ip());
    }
    Ok(Value::Bytes(addr.s_addr.to_ne_bytes().to_vec().into()))
}

fn packed_arg(v: &Value, fname: &str) -> PyResult<Vec<u8>> {
    let inner = match v {
        Value::Instance(i) => i.payload.as_ref().unwrap_or(v),
        v => v,
    };
    crate::vm::ops::bytes::bytes_data(inner)
        .map(|b| b.to_vec())
        .ok_or_else(|| {
            type_error(format!(
                "{fname}() argument 1 must be bytes-like object, not {}",
                type_name(v)
            ))
        })
}

fn inet_ntoa(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let packed = packed_arg(one_arg(&a, "inet_ntoa")?, "inet_ntoa")?;
    let Ok(b) = <[u8; 4]>::try_from(packed.as_slice()) else {
        return Err(PyErr::with_args(
            &builtin_types().os_error,
            vec![Value::str("packed IP wrong length for inet_ntoa")],
        ));
    };
    Ok(Value::str(&format!("{}.{}.{}.{}", b[0], b[1], b[2], b[3])))
}

fn family_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let af = c_int(vm, v)?;
    if af != libc::AF_INET && af != libc::AF_INET6 {
        // SAFETY: errno is thread-local.
        unsafe { *libc::__errno_location() = libc::EAFNOSUPPORT };
        return Err(last_error());
    }
    Ok(af)
}

fn two_args<'a>(a: &'a Args, fname: &str) -> PyResult<(&'a Value, &'a Value)> {
    match a.positional {
        [x, y] if a.keywords.is_empty() => Ok((x, y)),
        args => Err(type_error(format!(
            "{fname} expected 2 arguments, got {}",
            args.len()
        ))),
    }
}

/// `inet_pton(family, string)`: the packed address.
fn inet_pton(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (f, s) = two_args(&a, "inet_pton")?;
    let af = family_arg(vm, f)?;
    let s = str_arg(s, "inet_pton", 2)?;
    let mut buf = [0u8; 16];
    // SAFETY: a C string and a buffer large enough for either family.
    match unsafe { addr::inet_pton(af, s.as_ptr(), buf.as_mut_ptr().cast()) } {
        1 => {
            let n = if af == libc::AF_INET { 4 } else { 16 };
            Ok(Value::Bytes(buf[..n].to_vec().into()))
        }
        0 => Err(PyErr::with_args(
            &builtin_types().os_error,
            vec![Value::str("illegal IP address string passed to inet_pton")],
        )),
        _ => Err(last_error()),
    }
}

/// `inet_ntop(family, packed)`: the address as text.
fn inet_ntop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (f, p) = two_args(&a, "inet_ntop")?;
    let af = family_arg(vm, f)?;
    let packed = packed_arg(p, "inet_ntop")?;
    let want = if af == libc::AF_INET { 4 } else { 16 };
    if packed.len() != want {
        return Err(value_error("invalid length of packed IP address string"));
    }
    Ok(Value::str(&addr::ntop(af, packed.as_ptr().cast())))
}
