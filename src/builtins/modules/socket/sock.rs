//! `_socket.socket` (socketmodule.c's `PySocketSockObject`): a socket
//! descriptor with its family, type, protocol and timeout, the class
//! CPython's Lib/socket.py subclasses. Timeouts work as in CPython: a
//! socket with a timeout has a non-blocking descriptor, and each call
//! first waits with `poll` for the time left (`sock_call_ex`); a call
//! interrupted by a signal runs the handlers and is made again (PEP 475).

use std::cell::Cell;

use super::addr::{errno_error, from_python, to_python, SockAddr};
use super::{default_timeout, timeout_arg};
use crate::builtins::modules::posix::{c_int, errno, last_error};
use crate::builtins::modules::{class_arg, clinic_bind, getset, native_instance, GetSet};
use crate::object::exception::{type_error, value_error};
use crate::object::function::{m, Args, MethodDef};
use crate::object::native::native_ref;
use crate::object::{builtin_types, PyErr, PyResult, Type, Value};
use crate::vm::protocol::{self, type_name};
use crate::vm::Vm;

/// A socket's state; `fd` is -1 once closed or detached, `timeout` in
/// nanoseconds, -1 for none (blocking).
pub(super) struct Socket {
    fd: Cell<i32>,
    family: Cell<i32>,
    kind: Cell<i32>,
    proto: Cell<i32>,
    timeout: Cell<i64>,
}

impl Drop for Socket {
    fn drop(&mut self) {
        let fd = self.fd.replace(-1);
        if fd >= 0 {
            // SAFETY: the descriptor is this object's own.
            unsafe { libc::close(fd) };
        }
    }
}

pub(super) const METHODS: &[MethodDef] = &[
    m("__new__", sock_new),
    m("__init__", sock_init),
    m("__repr__", sock_repr),
    m("_accept", sock_accept),
    m("bind", sock_bind).o(),
    m("close", sock_close),
    m("connect", sock_connect).o(),
    m("connect_ex", sock_connect_ex).o(),
    m("detach", sock_detach),
    m("fileno", sock_fileno),
    m("getblocking", sock_getblocking),
    m("getpeername", sock_getpeername),
    m("getsockname", sock_getsockname),
    m("getsockopt", sock_getsockopt),
    m("gettimeout", sock_gettimeout),
    m("listen", sock_listen),
    m("recv", sock_recv),
    m("recv_into", sock_recv_into),
    m("recvfrom", sock_recvfrom),
    m("send", sock_send),
    m("sendall", sock_sendall),
    m("sendto", sock_sendto),
    m("setblocking", sock_setblocking).o(),
    m("setsockopt", sock_setsockopt),
    m("settimeout", sock_settimeout).o(),
    m("shutdown", sock_shutdown).o(),
];

pub(super) const GETSETS: &[GetSet] = &[
    getset("family", |_, a| {
        Ok(Value::Int(i64::from(
            sock_of(&a.positional[0])?.family.get(),
        )))
    }),
    getset("type", |_, a| {
        Ok(Value::Int(i64::from(sock_of(&a.positional[0])?.kind.get())))
    }),
    getset("proto", |_, a| {
        Ok(Value::Int(i64::from(
            sock_of(&a.positional[0])?.proto.get(),
        )))
    }),
    getset("timeout", sock_gettimeout),
];

fn sock_of(v: &Value) -> PyResult<&Socket> {
    native_ref::<Socket>(v)
        .ok_or_else(|| type_error("descriptor requires a '_socket.socket' object"))
}

/// Sets or clears `O_NONBLOCK` (`internal_setblocking`).
fn set_blocking(fd: i32, block: bool) -> PyResult<()> {
    // SAFETY: fcntl on a descriptor number has no memory effects.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags < 0 {
            return Err(last_error());
        }
        let new = if block {
            flags & !libc::O_NONBLOCK
        } else {
            flags | libc::O_NONBLOCK
        };
        if new != flags && libc::fcntl(fd, libc::F_SETFL, new) < 0 {
            return Err(last_error());
        }
    }
    Ok(())
}

impl Socket {
    fn unset() -> Socket {
        Socket {
            fd: Cell::new(-1),
            family: Cell::new(libc::AF_INET),
            kind: Cell::new(libc::SOCK_STREAM),
            proto: Cell::new(0),
            timeout: Cell::new(-1),
        }
    }

    /// `init_sockobject`: the type without the SOCK_NONBLOCK/SOCK_CLOEXEC
    /// flags, and the default timeout unless SOCK_NONBLOCK asked for none.
    fn init(&self, fd: i32, family: i32, kind: i32, proto: i32) -> PyResult<()> {
        self.fd.set(fd);
        self.family.set(family);
        self.kind
            .set(kind & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC));
        self.proto.set(proto);
        if kind & libc::SOCK_NONBLOCK != 0 {
            self.timeout.set(0);
        } else {
            let t = default_timeout();
            self.timeout.set(t);
            if t >= 0 {
                set_blocking(fd, false)?;
            }
        }
        Ok(())
    }
}

/// A new `_socket.socket` of class `class` around `fd`.
pub(super) fn new_socket(
    class: &std::rc::Rc<Type>,
    fd: i32,
    family: i32,
    kind: i32,
    proto: i32,
) -> PyResult<Value> {
    let s = Socket::unset();
    let r = s.init(fd, family, kind, proto);
    let v = native_instance(class, s);
    r.map(|_| v)
}

fn sock_new(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let cls = class_arg(&a)?;
    Ok(native_instance(&cls, Socket::unset()))
}

/// An int option of the socket `fd` (`getsockopt(SOL_SOCKET, opt)`).
fn int_option(fd: i32, level: i32, opt: i32) -> PyResult<i32> {
    let mut v: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: an int and its length.
    if unsafe {
        libc::getsockopt(
            fd,
            level,
            opt,
            (&mut v as *mut libc::c_int).cast(),
            &mut len,
        )
    } < 0
    {
        return Err(last_error());
    }
    Ok(v)
}

/// `socket(family=-1, type=-1, proto=-1, fileno=None)`: a new socket, or
/// one around `fileno`, whose family, type and protocol are asked from
/// the system when not given.
fn sock_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let this = &a.positional[0];
    let s = sock_of(this)?;
    let names = ["family", "type", "proto", "fileno"];
    let v = clinic_bind("socket", &a.positional[1..], a.keywords, &names, 0, 4)?;
    let mut arg = |i: usize| -> PyResult<i32> {
        match &v[i] {
            Some(x) => c_int(vm, x),
            None => Ok(-1),
        }
    };
    let (mut family, mut kind, mut proto) = (arg(0)?, arg(1)?, arg(2)?);
    let fd = match v[3].as_ref().filter(|f| !matches!(f, Value::None)) {
        Some(f) => {
            if matches!(f, Value::Float(_)) {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name(f)
                )));
            }
            let fd = c_int(vm, f)?;
            if fd < 0 {
                return Err(value_error("negative file descriptor"));
            }
            if family == -1 {
                let mut addr = SockAddr::empty();
                // SAFETY: a sockaddr_storage and its length.
                if unsafe { libc::getsockname(fd, addr.as_mut_ptr(), &mut addr.len) } < 0 {
                    return Err(last_error());
                }
                family = i32::from(addr.storage.ss_family);
            }
            if kind == -1 {
                kind = int_option(fd, libc::SOL_SOCKET, libc::SO_TYPE)?;
            }
            if proto == -1 {
                proto = int_option(fd, libc::SOL_SOCKET, libc::SO_PROTOCOL)?;
            }
            fd
        }
        None => {
            if family == -1 {
                family = libc::AF_INET;
            }
            if kind == -1 {
                kind = libc::SOCK_STREAM;
            }
            if proto == -1 {
                proto = 0;
            }
            // SAFETY: socket(2) has no memory effects.
            let fd = unsafe { libc::socket(family, kind | libc::SOCK_CLOEXEC, proto) };
            if fd < 0 {
                return Err(last_error());
            }
            fd
        }
    };
    let old = s.fd.replace(-1);
    if old >= 0 && old != fd {
        // SAFETY: the old descriptor was this object's own.
        unsafe { libc::close(old) };
    }
    s.init(fd, family, kind, proto)?;
    Ok(Value::None)
}

fn sock_repr(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = sock_of(&a.positional[0])?;
    Ok(Value::str(&format!(
        "<socket object, fd={}, family={}, type={}, proto={}>",
        s.fd.get(),
        s.family.get(),
        s.kind.get(),
        s.proto.get()
    )))
}

fn timed_out() -> PyErr {
    PyErr::new(&builtin_types().timeout_error, "timed out")
}

fn monotonic_ns() -> i64 {
    // SAFETY: clock_gettime fills the timespec.
    let mut ts: libc::timespec = unsafe { std::mem::zeroed() };
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec * 1_000_000_000 + ts.tv_nsec
}

/// Waits until `fd` is readable or writable, up to `deadline` (None: for
/// ever); false on timeout (`internal_select`, retried on EINTR).
fn wait_ready(vm: &mut Vm, fd: i32, writing: bool, deadline: Option<i64>) -> PyResult<bool> {
    loop {
        let ms = match deadline {
            None => -1,
            Some(d) => {
                let left = d - monotonic_ns();
                if left <= 0 {
                    0
                } else {
                    i32::try_from((left + 999_999) / 1_000_000).unwrap_or(i32::MAX)
                }
            }
        };
        let mut p = libc::pollfd {
            fd,
            events: if writing { libc::POLLOUT } else { libc::POLLIN },
            revents: 0,
        };
        // SAFETY: one pollfd.
        let r = unsafe { libc::poll(&mut p, 1, ms) };
        if r < 0 {
            if errno() == libc::EINTR {
                vm.run_signal_handlers()?;
                continue;
            }
            return Err(last_error());
        }
        return Ok(r > 0);
    }
}

/// `sock_call_ex`: runs `op` (a system call returning -1 with errno on
/// failure) as the socket's timeout says, retrying on EINTR after the
/// signal handlers ran, and on EWOULDBLOCK while time is left.
fn sock_call(
    vm: &mut Vm,
    s: &Socket,
    writing: bool,
    deadline: Option<i64>,
    mut op: impl FnMut(i32) -> isize,
) -> PyResult<isize> {
    let timeout = s.timeout.get();
    let deadline = match deadline {
        Some(d) => Some(d),
        None if timeout > 0 => Some(monotonic_ns() + timeout),
        None => None,
    };
    loop {
        if timeout > 0 && !wait_ready(vm, s.fd.get(), writing, deadline)? {
            return Err(timed_out());
        }
        let r = loop {
            let r = op(s.fd.get());
            if r >= 0 {
                return Ok(r);
            }
            if errno() != libc::EINTR {
                break errno();
            }
            vm.run_signal_handlers()?;
        };
        if timeout > 0 && (r == libc::EWOULDBLOCK || r == libc::EAGAIN) {
            continue;
        }
        return Err(errno_error(r));
    }
}

fn sock_accept(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = sock_of(&a.positional[0])?;
    let mut addr = SockAddr::empty();
    let fd = sock_call(vm, s, false, None, |fd| {
        addr.len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        // SAFETY: a sockaddr_storage and its length.
        unsafe { libc::accept4(fd, addr.as_mut_ptr(), &mut addr.len, libc::SOCK_CLOEXEC) as isize }
    })?;
    Ok(Value::tuple(vec![Value::Int(fd as i64), to_python(&addr)]))
}

fn sock_bind(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = sock_of(&a.positional[0])?;
    let addr = from_python(vm, s.family.get(), &a.positional[1], "bind")?;
    // SAFETY: an address and its length.
    if unsafe { libc::bind(s.fd.get(), addr.as_ptr(), addr.len) } < 0 {
        return Err(last_error());
    }
    Ok(Value::None)
}

fn sock_close(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = sock_of(&a.positional[0])?;
    let fd = s.fd.replace(-1);
    // SAFETY: the descriptor is this object's own.
    if fd >= 0 && unsafe { libc::close(fd) } < 0 && errno() != libc::ECONNRESET {
        return Err(last_error());
    }
    Ok(Value::None)
}

/// `internal_connect`: 0 or the errno the connection failed with.
fn connect(vm: &mut Vm, a: &Args, caller: &str) -> PyResult<i32> {
    let s = sock_of(&a.positional[0])?;
    let addr = from_python(vm, s.family.get(), &a.positional[1], caller)?;
    // SAFETY: an address and its length.
    let r = unsafe { libc::connect(s.fd.get(), addr.as_ptr(), addr.len) };
    if r == 0 {
        return Ok(0);
    }
    let mut err = errno();
    if err == libc::EINTR {
        vm.run_signal_handlers()?;
    }
    let wait = s.timeout.get() != 0
        && (err == libc::EINTR || (s.timeout.get() > 0 && err == libc::EINPROGRESS));
    if !wait {
        return Ok(err);
    }
    let deadline = (s.timeout.get() > 0).then(|| monotonic_ns() + s.timeout.get());
    if !wait_ready(vm, s.fd.get(), true, deadline)? {
        return Err(timed_out());
    }
    err = int_option(s.fd.get(), libc::SOL_SOCKET, libc::SO_ERROR)?;
    Ok(err)
}

fn sock_connect(vm: &mut Vm, a: Args) -> PyResult<Value> {
    match connect(vm, &a, "connect")? {
        0 => Ok(Value::None),
        e => Err(errno_error(e)),
    }
}

fn sock_connect_ex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(Value::Int(i64::from(connect(vm, &a, "connect_ex")?)))
}

fn sock_detach(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = sock_of(&a.positional[0])?;
    Ok(Value::Int(i64::from(s.fd.replace(-1))))
}

fn sock_fileno(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(Value::Int(i64::from(sock_of(&a.positional[0])?.fd.get())))
}

fn sock_getblocking(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(Value::Bool(sock_of(&a.positional[0])?.timeout.get() != 0))
}

fn sock_gettimeout(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(match sock_of(&a.positional[0])?.timeout.get() {
        t if t < 0 => Value::None,
        t => Value::Float(t as f64 / 1e9),
    })
}

fn sock_setblocking(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = sock_of(&a.positional[0])?;
    let block = protocol::truthy(vm, &a.positional[1])?;
    s.timeout.set(if block { -1 } else { 0 });
    set_blocking(s.fd.get(), block)?;
    Ok(Value::None)
}

fn sock_settimeout(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = sock_of(&a.positional[0])?;
    let t = timeout_arg(vm, &a.positional[1])?;
    s.timeout.set(t);
    set_blocking(s.fd.get(), t < 0)?;
    Ok(Value::None)
}

fn name_of(a: &Args, peer: bool) -> PyResult<Value> {
    let s = sock_of(&a.positional[0])?;
    let mut addr = SockAddr::empty();
    // SAFETY: a sockaddr_storage and its length.
    let r = unsafe {
        if peer {
            libc::getpeername(s.fd.get(), addr.as_mut_ptr(), &mut addr.len)
        } else {
            libc::getsockname(s.fd.get(), addr.as_mut_ptr(), &mut addr.len)
        }
    };
    if r < 0 {
        return Err(last_error());
    }
    Ok(to_python(&addr))
}

fn sock_getsockname(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    name_of(&a, false)
}

fn sock_getpeername(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    name_of(&a, true)
}

/// `getsockopt(level, option[, buflen])`: an int, or `buflen` bytes.
fn sock_getsockopt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = sock_of(&a.positional[0])?;
    let v = clinic_bind(
        "getsockopt",
        &a.positional[1..],
        a.keywords,
        &["level", "option", "buflen"],
        2,
        3,
    )?;
    let level = c_int(vm, v[0].as_ref().expect("required"))?;
    let opt = c_int(vm, v[1].as_ref().expect("required"))?;
    let Some(buflen) = &v[2] else {
        return Ok(Value::Int(i64::from(int_option(s.fd.get(), level, opt)?)));
    };
    let buflen = c_int(vm, buflen)?;
    if buflen <= 0 || buflen > 1024 {
        return Err(PyErr::with_args(
            &builtin_types().os_error,
            vec![Value::str("getsockopt buflen out of range")],
        ));
    }
    let mut buf = vec![0u8; buflen as usize];
    let mut len = buflen as libc::socklen_t;
    // SAFETY: a buffer of `len` bytes.
    if unsafe { libc::getsockopt(s.fd.get(), level, opt, buf.as_mut_ptr().cast(), &mut len) } < 0 {
        return Err(last_error());
    }
    buf.truncate(len as usize);
    Ok(Value::Bytes(buf.into()))
}

/// `setsockopt(level, option, value)` with an int or a bytes-like value,
/// or `setsockopt(level, option, None, optlen)`.
fn sock_setsockopt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = sock_of(&a.positional[0])?;
    if !a.keywords.is_empty() {
        return Err(type_error("setsockopt() takes no keyword arguments"));
    }
    let args = &a.positional[1..];
    if !(3..=4).contains(&args.len()) {
        return Err(type_error(format!(
            "setsockopt expected {} arguments, got {}",
            if args.len() < 3 {
                "at least 3"
            } else {
                "at most 4"
            },
            args.len()
        )));
    }
    let level = c_int(vm, &args[0])?;
    let opt = c_int(vm, &args[1])?;
    // SAFETY (each call): a buffer of the length given.
    let r = match (&args[2], args.get(3)) {
        (Value::None, Some(optlen)) => {
            let optlen = c_int(vm, optlen)?;
            unsafe {
                libc::setsockopt(
                    s.fd.get(),
                    level,
                    opt,
                    std::ptr::null(),
                    optlen as libc::socklen_t,
                )
            }
        }
        (v, None) if is_int(v) => {
            let flag = c_int(vm, v)?;
            unsafe {
                libc::setsockopt(
                    s.fd.get(),
                    level,
                    opt,
                    (&flag as *const libc::c_int).cast(),
                    std::mem::size_of::<libc::c_int>() as libc::socklen_t,
                )
            }
        }
        (v, None) => {
            let data = bytes_arg(v)?;
            unsafe {
                libc::setsockopt(
                    s.fd.get(),
                    level,
                    opt,
                    data.as_ptr().cast(),
                    data.len() as libc::socklen_t,
                )
            }
        }
        (_, Some(_)) => {
            return Err(type_error(
                "setsockopt() takes 3 arguments unless the value is None",
            ))
        }
    };
    if r < 0 {
        return Err(last_error());
    }
    Ok(Value::None)
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
        || protocol::type_of(v).is_subtype(&builtin_types().int)
}

/// A bytes-like argument (`y*`).
fn bytes_arg(v: &Value) -> PyResult<std::rc::Rc<[u8]>> {
    let inner = match v {
        Value::Instance(i) => i.payload.as_ref().unwrap_or(v),
        v => v,
    };
    crate::vm::ops::bytes::bytes_data(inner).ok_or_else(|| {
        type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(v)
        ))
    })
}

fn sock_listen(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = sock_of(&a.positional[0])?;
    let v = clinic_bind("listen", &a.positional[1..], a.keywords, &["backlog"], 0, 1)?;
    let backlog = match &v[0] {
        Some(b) => c_int(vm, b)?.max(0),
        None => libc::SOMAXCONN.min(128),
    };
    // SAFETY: listen(2) has no memory effects.
    if unsafe { libc::listen(s.fd.get(), backlog) } < 0 {
        return Err(last_error());
    }
    Ok(Value::None)
}

fn flags_arg(vm: &mut Vm, v: Option<&Option<Value>>) -> PyResult<i32> {
    match v.and_then(|v| v.as_ref()) {
        Some(f) => c_int(vm, f),
        None => Ok(0),
    }
}

fn recv_size(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<usize> {
    let n = protocol::number::as_ssize_overflow(vm, v)?;
    if n < 0 {
        return Err(value_error(format!("negative buffersize in {fname}")));
    }
    Ok(n as usize)
}

/// `recv(bufsize[, flags])`: at most `bufsize` bytes.
fn sock_recv(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = sock_of(&a.positional[0])?;
    let v = clinic_bind(
        "recv",
        &a.positional[1..],
        a.keywords,
        &["bufsize", "flags"],
        1,
        2,
    )?;
    let n = recv_size(vm, v[0].as_ref().expect("required"), "recv")?;
    let flags = flags_arg(vm, v.get(1))?;
    let mut buf = vec![0u8; n];
    let got = sock_call(vm, s, false, None, |fd| {
        // SAFETY: a buffer of its length.
        unsafe { libc::recv(fd, buf.as_mut_ptr().cast(), buf.len(), flags) }
    })?;
    buf.truncate(got as usize);
    Ok(Value::Bytes(buf.into()))
}

/// `recvfrom(bufsize[, flags])`: `(data, address)`.
fn sock_recvfrom(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = sock_of(&a.positional[0])?;
    let v = clinic_bind(
        "recvfrom",
        &a.positional[1..],
        a.keywords,
        &["bufsize", "flags"],
        1,
        2,
    )?;
    let n = recv_size(vm, v[0].as_ref().expect("required"), "recvfrom")?;
    let flags = flags_arg(vm, v.get(1))?;
    let mut buf = vec![0u8; n];
    let mut addr = SockAddr::empty();
    let got = sock_call(vm, s, false, None, |fd| {
        addr.len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        // SAFETY: a buffer of its length, an address and its length.
        unsafe {
            libc::recvfrom(
                fd,
                buf.as_mut_ptr().cast(),
                buf.len(),
                flags,
                addr.as_mut_ptr(),
                &mut addr.len,
            )
        }
    })?;
    buf.truncate(got as usize);
    Ok(Value::tuple(vec![
        Value::Bytes(buf.into()),
        to_python(&addr),
    ]))
}

/// `recv_into(buffer[, nbytes[, flags]])`: how many bytes were read into
/// the writable buffer.
fn sock_recv_into(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = sock_of(&a.positional[0])?;
    let v = clinic_bind(
        "recv_into",
        &a.positional[1..],
        a.keywords,
        &["buffer", "nbytes", "flags"],
        1,
        3,
    )?;
    let target = v[0].as_ref().expect("required");
    let array = match target {
        Value::ByteArray(b) => b.clone(),
        Value::Instance(i) => match &i.payload {
            Some(Value::ByteArray(b)) => b.clone(),
            _ => return Err(not_writable(target)),
        },
        _ => return Err(not_writable(target)),
    };
    let len = array.borrow().len();
    let n = match &v[1] {
        Some(n) => protocol::number::as_ssize_overflow(vm, n)?,
        None => 0,
    };
    if n < 0 {
        return Err(value_error("negative buffersize in recv_into"));
    }
    let n = if n == 0 { len } else { n as usize };
    if n > len {
        return Err(value_error("buffer too small for requested bytes"));
    }
    let flags = flags_arg(vm, v.get(2))?;
    let mut buf = vec![0u8; n];
    let got = sock_call(vm, s, false, None, |fd| {
        // SAFETY: a buffer of its length.
        unsafe { libc::recv(fd, buf.as_mut_ptr().cast(), buf.len(), flags) }
    })? as usize;
    let mut array = array.borrow_mut();
    let got = got.min(array.len());
    array[..got].copy_from_slice(&buf[..got]);
    Ok(Value::Int(got as i64))
}

#[cold]
fn not_writable(v: &Value) -> PyErr {
    type_error(format!(
        "recv_into() argument 1 must be read-write bytes-like object, not {}",
        type_name(v)
    ))
}

/// `send(data[, flags])`: how many bytes were sent.
fn sock_send(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = sock_of(&a.positional[0])?;
    let v = clinic_bind(
        "send",
        &a.positional[1..],
        a.keywords,
        &["data", "flags"],
        1,
        2,
    )?;
    let data = bytes_arg(v[0].as_ref().expect("required"))?;
    let flags = flags_arg(vm, v.get(1))?;
    let n = sock_call(vm, s, true, None, |fd| {
        // SAFETY: a buffer of its length.
        unsafe { libc::send(fd, data.as_ptr().cast(), data.len(), flags) }
    })?;
    Ok(Value::Int(n as i64))
}

/// `sendall(data[, flags])`: sends everything, running signal handlers
/// between the pieces; the timeout is for the whole call.
fn sock_sendall(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = sock_of(&a.positional[0])?;
    let v = clinic_bind(
        "sendall",
        &a.positional[1..],
        a.keywords,
        &["data", "flags"],
        1,
        2,
    )?;
    let data = bytes_arg(v[0].as_ref().expect("required"))?;
    let flags = flags_arg(vm, v.get(1))?;
    let deadline = (s.timeout.get() > 0).then(|| monotonic_ns() + s.timeout.get());
    let mut sent = 0;
    while sent < data.len() {
        let rest = &data[sent..];
        let n = sock_call(vm, s, true, deadline, |fd| {
            // SAFETY: a buffer of its length.
            unsafe { libc::send(fd, rest.as_ptr().cast(), rest.len(), flags) }
        })?;
        sent += n as usize;
        vm.run_signal_handlers()?;
    }
    Ok(Value::None)
}

/// `sendto(data[, flags], address)`.
fn sock_sendto(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = sock_of(&a.positional[0])?;
    let args = &a.positional[1..];
    let (data, flags, address) = match args {
        [d, addr] => (d, 0, addr),
        [d, f, addr] => (d, c_int(vm, f)?, addr),
        _ => {
            return Err(type_error(format!(
                "sendto() takes 2 or 3 arguments ({} given)",
                args.len()
            )))
        }
    };
    let data = bytes_arg(data)?;
    let addr = from_python(vm, s.family.get(), address, "sendto")?;
    let n = sock_call(vm, s, true, None, |fd| {
        // SAFETY: a buffer of its length, an address and its length.
        unsafe {
            libc::sendto(
                fd,
                data.as_ptr().cast(),
                data.len(),
                flags,
                addr.as_ptr(),
                addr.len,
            )
        }
    })?;
    Ok(Value::Int(n as i64))
}

fn sock_shutdown(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = sock_of(&a.positional[0])?;
    let how = c_int(vm, &a.positional[1])?;
    // SAFETY: shutdown(2) has no memory effects.
    if unsafe { libc::shutdown(s.fd.get(), how) } < 0 {
        return Err(last_error());
    }
    Ok(Value::None)
}
