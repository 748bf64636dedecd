//! Socket addresses between Python and C, as socketmodule.c's
//! `getsockaddrarg` (a Python address for a family to a `sockaddr`) and
//! `makesockaddr` (back), with `setipaddr`'s host name rules: `''` is any
//! address, `'<broadcast>'` the broadcast one, numeric addresses as they
//! are, other names through `getaddrinfo` (a failure is `socket.gaierror`).
//! Families: AF_UNIX (paths and Linux's abstract namespace), AF_INET and
//! AF_INET6.

use std::ffi::{CStr, CString};
use std::mem::{size_of, zeroed};

use super::gai_error;
use crate::builtins::modules::posix::{c_int, fs_value, os_error_with};
use crate::object::exception::{overflow_error, type_error};
use crate::object::{builtin_types, PyErr, PyResult, Value};
use crate::vm::protocol::{self, type_name};
use crate::vm::Vm;

extern "C" {
    // glibc's, which the libc crate does not declare.
    pub(super) fn inet_pton(
        af: libc::c_int,
        src: *const libc::c_char,
        dst: *mut libc::c_void,
    ) -> libc::c_int;
    pub(super) fn inet_ntop(
        af: libc::c_int,
        src: *const libc::c_void,
        dst: *mut libc::c_char,
        size: libc::socklen_t,
    ) -> *const libc::c_char;
    pub(super) fn inet_aton(cp: *const libc::c_char, inp: *mut libc::in_addr) -> libc::c_int;
}

/// A C socket address and its length.
pub(super) struct SockAddr {
    pub storage: libc::sockaddr_storage,
    pub len: libc::socklen_t,
}

impl SockAddr {
    pub fn empty() -> SockAddr {
        SockAddr {
            // SAFETY: sockaddr_storage is plain data; all zeroes is valid.
            storage: unsafe { zeroed() },
            len: size_of::<libc::sockaddr_storage>() as libc::socklen_t,
        }
    }

    pub fn as_ptr(&self) -> *const libc::sockaddr {
        (&self.storage as *const libc::sockaddr_storage).cast()
    }

    pub fn as_mut_ptr(&mut self) -> *mut libc::sockaddr {
        (&mut self.storage as *mut libc::sockaddr_storage).cast()
    }
}

fn plain_error(message: &str) -> PyErr {
    PyErr::with_args(&builtin_types().os_error, vec![Value::str(message)])
}

/// The bytes of a str, bytes or bytearray (a bytes-like object for
/// AF_UNIX paths, which also take str).
fn path_bytes(v: &Value) -> Option<Vec<u8>> {
    let v = match v {
        Value::Instance(i) => i.payload.as_ref()?,
        v => v,
    };
    match v {
        Value::Str(s) => Some(s.as_bytes().to_vec()),
        Value::Bytes(b) => Some(b.to_vec()),
        Value::ByteArray(b) => Some(b.borrow().clone()),
        _ => None,
    }
}

/// `idna_converter`: a host name as bytes (str must be ASCII here; the
/// IDNA codec is not applied to other names).
fn host_bytes(v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Str(s) => Ok(s.as_bytes().to_vec()),
        Value::Bytes(b) => Ok(b.to_vec()),
        Value::ByteArray(b) => Ok(b.borrow().clone()),
        other => Err(type_error(format!(
            "str, bytes or bytearray expected, not {}",
            type_name(other)
        ))),
    }
}

/// `setipaddr`: the address `name` stands for in family `af` (AF_INET or
/// AF_INET6), written into `out`.
pub(super) fn set_ip_addr(name: &[u8], af: i32, out: &mut SockAddr) -> PyResult<()> {
    // SAFETY (whole function): the storage is large enough for either
    // family's address structure, and every pointer handed to libc points
    // at a live local.
    if name.is_empty() {
        // Any address: getaddrinfo(NULL, "0", AI_PASSIVE) gives all zeroes.
        out.storage = unsafe { zeroed() };
        out.storage.ss_family = af as libc::sa_family_t;
        out.len = addr_len(af);
        return Ok(());
    }
    if name == b"<broadcast>" || name == b"255.255.255.255" {
        if af != libc::AF_INET && af != libc::AF_UNSPEC {
            return Err(plain_error("address family mismatched"));
        }
        let sin = unsafe { &mut *(out.as_mut_ptr() as *mut libc::sockaddr_in) };
        sin.sin_family = libc::AF_INET as libc::sa_family_t;
        sin.sin_addr.s_addr = libc::INADDR_BROADCAST.to_be();
        out.len = addr_len(libc::AF_INET);
        return Ok(());
    }
    let Ok(cname) = CString::new(name) else {
        return Err(type_error("host name must not contain null character"));
    };
    if af == libc::AF_INET || af == libc::AF_UNSPEC {
        let mut a: libc::in_addr = unsafe { zeroed() };
        if unsafe {
            inet_pton(
                libc::AF_INET,
                cname.as_ptr(),
                (&mut a as *mut libc::in_addr).cast(),
            )
        } == 1
        {
            let sin = unsafe { &mut *(out.as_mut_ptr() as *mut libc::sockaddr_in) };
            sin.sin_family = libc::AF_INET as libc::sa_family_t;
            sin.sin_addr = a;
            out.len = addr_len(libc::AF_INET);
            return Ok(());
        }
    }
    if af == libc::AF_INET6 || af == libc::AF_UNSPEC {
        let mut a: libc::in6_addr = unsafe { zeroed() };
        if unsafe {
            inet_pton(
                libc::AF_INET6,
                cname.as_ptr(),
                (&mut a as *mut libc::in6_addr).cast(),
            )
        } == 1
        {
            let sin6 = unsafe { &mut *(out.as_mut_ptr() as *mut libc::sockaddr_in6) };
            sin6.sin6_family = libc::AF_INET6 as libc::sa_family_t;
            sin6.sin6_addr = a;
            out.len = addr_len(libc::AF_INET6);
            return Ok(());
        }
    }
    let mut hints: libc::addrinfo = unsafe { zeroed() };
    hints.ai_family = af;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    let err = unsafe { libc::getaddrinfo(cname.as_ptr(), std::ptr::null(), &hints, &mut res) };
    if err != 0 {
        return Err(gai_error(err));
    }
    unsafe {
        let ai = &*res;
        let n = (ai.ai_addrlen as usize).min(size_of::<libc::sockaddr_storage>());
        std::ptr::copy_nonoverlapping(ai.ai_addr as *const u8, out.as_mut_ptr() as *mut u8, n);
        out.len = n as libc::socklen_t;
        libc::freeaddrinfo(res);
    }
    Ok(())
}

fn addr_len(af: i32) -> libc::socklen_t {
    (if af == libc::AF_INET6 {
        size_of::<libc::sockaddr_in6>()
    } else {
        size_of::<libc::sockaddr_in>()
    }) as libc::socklen_t
}

/// A port number, 0-65535.
fn port_arg(vm: &mut Vm, v: &Value, caller: &str) -> PyResult<u16> {
    let out_of_range = || overflow_error(format!("{caller}(): port must be 0-65535."));
    let port = c_int(vm, v).map_err(|e| {
        if e.is_instance(&builtin_types().overflow_error) {
            out_of_range()
        } else {
            e
        }
    })?;
    u16::try_from(port).map_err(|_| out_of_range())
}

/// `getsockaddrarg`: `address` for a socket of `family`, as a C address.
pub(super) fn from_python(
    vm: &mut Vm,
    family: i32,
    address: &Value,
    caller: &str,
) -> PyResult<SockAddr> {
    let mut out = SockAddr::empty();
    match family {
        libc::AF_UNIX => {
            let Some(mut path) = path_bytes(address) else {
                return Err(type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    type_name(address)
                )));
            };
            // SAFETY: the storage holds a sockaddr_un.
            let sun = unsafe { &mut *(out.as_mut_ptr() as *mut libc::sockaddr_un) };
            let abstract_ns = path.first() == Some(&0);
            if (!abstract_ns && path.len() >= sun.sun_path.len())
                || (abstract_ns && path.len() > sun.sun_path.len())
            {
                return Err(plain_error("AF_UNIX path too long"));
            }
            if !abstract_ns {
                path.push(0);
            }
            sun.sun_family = libc::AF_UNIX as libc::sa_family_t;
            for (d, s) in sun.sun_path.iter_mut().zip(&path) {
                *d = *s as libc::c_char;
            }
            out.len =
                (std::mem::offset_of!(libc::sockaddr_un, sun_path) + path.len()) as libc::socklen_t;
            Ok(out)
        }
        libc::AF_INET => {
            let Value::Tuple(t) = address else {
                return Err(type_error(format!(
                    "{caller}(): AF_INET address must be tuple, not {}",
                    type_name(address)
                )));
            };
            if t.len() != 2 {
                return Err(type_error("AF_INET address must be a pair (host, port)"));
            }
            let host = host_bytes(&t[0])?;
            let port = port_arg(vm, &t[1], caller)?;
            set_ip_addr(&host, libc::AF_INET, &mut out)?;
            // SAFETY: set_ip_addr wrote a sockaddr_in.
            let sin = unsafe { &mut *(out.as_mut_ptr() as *mut libc::sockaddr_in) };
            sin.sin_port = port.to_be();
            Ok(out)
        }
        libc::AF_INET6 => {
            let Value::Tuple(t) = address else {
                return Err(type_error(format!(
                    "{caller}(): AF_INET6 address must be tuple, not {}",
                    type_name(address)
                )));
            };
            if !(2..=4).contains(&t.len()) {
                return Err(type_error(
                    "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])",
                ));
            }
            let host = host_bytes(&t[0])?;
            let port = port_arg(vm, &t[1], caller)?;
            let flowinfo = match t.get(2) {
                Some(v) => protocol::number::as_ssize_overflow(vm, v)?,
                None => 0,
            };
            if !(0..=0xfffff).contains(&flowinfo) {
                return Err(overflow_error(format!(
                    "{caller}(): flowinfo must be 0-1048575."
                )));
            }
            let scope_id = match t.get(3) {
                Some(v) => protocol::number::as_ssize_overflow(vm, v)? as u32,
                None => 0,
            };
            set_ip_addr(&host, libc::AF_INET6, &mut out)?;
            // SAFETY: set_ip_addr wrote a sockaddr_in6.
            let sin6 = unsafe { &mut *(out.as_mut_ptr() as *mut libc::sockaddr_in6) };
            sin6.sin6_port = port.to_be();
            sin6.sin6_flowinfo = (flowinfo as u32).to_be();
            sin6.sin6_scope_id = scope_id;
            Ok(out)
        }
        _ => Err(plain_error(&format!("{caller}(): bad family"))),
    }
}

/// The text of an IPv4 or IPv6 address (`inet_ntop`).
pub(super) fn ntop(af: i32, src: *const libc::c_void) -> String {
    let mut buf = [0 as libc::c_char; 64];
    // SAFETY: the buffer is larger than INET6_ADDRSTRLEN; `src` points at
    // an address of the family.
    unsafe {
        if inet_ntop(af, src, buf.as_mut_ptr(), buf.len() as libc::socklen_t).is_null() {
            return String::new();
        }
        CStr::from_ptr(buf.as_ptr()).to_string_lossy().into_owned()
    }
}

/// `makesockaddr`: a C address as Python sees it (None when empty).
pub(super) fn to_python(addr: &SockAddr) -> Value {
    if addr.len == 0 {
        return Value::None;
    }
    let family = i32::from(addr.storage.ss_family);
    match family {
        libc::AF_UNIX => {
            // SAFETY: the storage holds a sockaddr_un.
            let sun = unsafe { &*(addr.as_ptr() as *const libc::sockaddr_un) };
            let offset = std::mem::offset_of!(libc::sockaddr_un, sun_path);
            let path: Vec<u8> = sun.sun_path.iter().map(|c| *c as u8).collect();
            let len = (addr.len as usize).saturating_sub(offset).min(path.len());
            if len > 0 && path[0] == 0 {
                return Value::Bytes(path[..len].into());
            }
            let end = path.iter().position(|&b| b == 0).unwrap_or(path.len());
            fs_value(&path[..end], false)
        }
        libc::AF_INET => {
            // SAFETY: the storage holds a sockaddr_in.
            let sin = unsafe { &*(addr.as_ptr() as *const libc::sockaddr_in) };
            let host = ntop(
                libc::AF_INET,
                (&sin.sin_addr as *const libc::in_addr).cast(),
            );
            Value::tuple(vec![
                Value::str(&host),
                Value::Int(i64::from(u16::from_be(sin.sin_port))),
            ])
        }
        libc::AF_INET6 => {
            // SAFETY: the storage holds a sockaddr_in6.
            let sin6 = unsafe { &*(addr.as_ptr() as *const libc::sockaddr_in6) };
            let host = ntop(
                libc::AF_INET6,
                (&sin6.sin6_addr as *const libc::in6_addr).cast(),
            );
            Value::tuple(vec![
                Value::str(&host),
                Value::Int(i64::from(u16::from_be(sin6.sin6_port))),
                Value::Int(i64::from(u32::from_be(sin6.sin6_flowinfo))),
                Value::Int(i64::from(sin6.sin6_scope_id)),
            ])
        }
        _ => {
            // SAFETY: every address starts as a sockaddr.
            let sa = unsafe { &*addr.as_ptr() };
            let data: Vec<u8> = sa.sa_data.iter().map(|c| *c as u8).collect();
            Value::tuple(vec![
                Value::Int(i64::from(family)),
                Value::Bytes(data.into()),
            ])
        }
    }
}

/// The OSError for errno `code`.
pub(super) fn errno_error(code: i32) -> PyErr {
    os_error_with(code, None, None)
}
