//! `select` (CPython's `Modules/selectmodule.c`, Linux): `select()` over
//! `fd_set`s, `poll` objects and `epoll` objects on real file descriptors,
//! the `POLL*`/`EPOLL*` constants, `PIPE_BUF`, and `error` (OSError).
//! `selectors.DefaultSelector` is `EpollSelector` on top of this.
//!
//! A wait interrupted by a signal is retried as PEP 475 asks: the Python
//! handlers run first (an exception they raise ends the wait), then the
//! wait goes on for what is left of the timeout.

use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;

use super::posix::{errno, last_error, os_error_with};
use super::time::{round_timeout, seconds_to_ns};
use super::{clinic_bind, functions, getset, native_getsets, native_instance, native_type};
use crate::object::exception::{key_error, overflow_error, type_error, value_error};
use crate::object::function::{m, Args, MethodDef};
use crate::object::native::native_ref;
use crate::object::{builtin_types, PyErr, PyResult, Type, Value};
use crate::vm::protocol;
use crate::vm::Vm;

const CONSTANTS: &[(&str, i64)] = &[
    ("PIPE_BUF", libc::PIPE_BUF as i64),
    ("POLLIN", libc::POLLIN as i64),
    ("POLLPRI", libc::POLLPRI as i64),
    ("POLLOUT", libc::POLLOUT as i64),
    ("POLLERR", libc::POLLERR as i64),
    ("POLLHUP", libc::POLLHUP as i64),
    ("POLLNVAL", libc::POLLNVAL as i64),
    ("POLLRDNORM", libc::POLLRDNORM as i64),
    ("POLLRDBAND", libc::POLLRDBAND as i64),
    ("POLLWRNORM", libc::POLLWRNORM as i64),
    ("POLLWRBAND", libc::POLLWRBAND as i64),
    ("POLLMSG", 0x400),
    ("POLLRDHUP", libc::POLLRDHUP as i64),
    ("EPOLLIN", libc::EPOLLIN as i64),
    ("EPOLLOUT", libc::EPOLLOUT as i64),
    ("EPOLLPRI", libc::EPOLLPRI as i64),
    ("EPOLLERR", libc::EPOLLERR as i64),
    ("EPOLLHUP", libc::EPOLLHUP as i64),
    ("EPOLLET", libc::EPOLLET as u32 as i64),
    ("EPOLLONESHOT", libc::EPOLLONESHOT as i64),
    ("EPOLLEXCLUSIVE", libc::EPOLLEXCLUSIVE as i64),
    ("EPOLLRDHUP", libc::EPOLLRDHUP as i64),
    ("EPOLLRDNORM", libc::EPOLLRDNORM as i64),
    ("EPOLLRDBAND", libc::EPOLLRDBAND as i64),
    ("EPOLLWRNORM", libc::EPOLLWRNORM as i64),
    ("EPOLLWRBAND", libc::EPOLLWRBAND as i64),
    ("EPOLLMSG", libc::EPOLLMSG as i64),
    ("EPOLL_CLOEXEC", libc::EPOLL_CLOEXEC as i64),
];

struct Types {
    poll: Rc<Type>,
    epoll: Rc<Type>,
}

thread_local! {
    static TYPES: OnceCell<Rc<Types>> = const { OnceCell::new() };
}

fn types() -> Rc<Types> {
    TYPES.with(|t| {
        t.get_or_init(|| {
            let poll = native_type("poll", "select", vec![], POLL);
            let epoll = native_type("epoll", "select", vec![], EPOLL);
            // Heap types without Py_TPFLAGS_IMMUTABLETYPE in 3.11.
            poll.immutable.set(false);
            epoll.immutable.set(false);
            native_getsets(&epoll, &[getset("closed", epoll_closed)]);
            Rc::new(Types { poll, epoll })
        })
        .clone()
    })
}

pub fn module() -> Value {
    let mut members: Vec<(&str, Value)> = CONSTANTS
        .iter()
        .map(|(n, v)| (*n, Value::Int(*v)))
        .collect();
    members.extend(functions(&[("select", select), ("poll", poll_new)]));
    members.push(("epoll", Value::Type(types().epoll.clone())));
    members.push(("error", Value::Type(builtin_types().os_error.clone())));
    super::new_module("select", members)
}

// ------------------------------------------------------------ helpers

/// `PyObject_AsFileDescriptor`: an int, or what `fileno()` returns; not
/// negative.
pub(super) fn as_file_descriptor(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let is_int = matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
        || protocol::type_of(v).is_subtype(&builtin_types().int);
    let fd = if is_int {
        super::posix::c_int(vm, v)?
    } else {
        let method = match protocol::getattr(vm, v, "fileno") {
            Ok(f) => f,
            Err(e) if e.is_instance(&builtin_types().attribute_error) => {
                return Err(type_error(
                    "argument must be an int, or have a fileno() method.",
                ))
            }
            Err(e) => return Err(e),
        };
        let r = vm.call(&method, vec![])?;
        if !matches!(r, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
            && !protocol::type_of(&r).is_subtype(&builtin_types().int)
        {
            return Err(type_error("fileno() returned a non-integer"));
        }
        super::posix::c_int(vm, &r)?
    };
    if fd < 0 {
        return Err(value_error(format!(
            "file descriptor cannot be a negative integer ({fd})"
        )));
    }
    Ok(fd)
}

/// A timeout in nanoseconds from `seconds` (`_PyTime_FromSecondsObject`
/// rounded away from zero), `None` for None; a TypeError becomes
/// `type_message`.
fn timeout_ns(vm: &mut Vm, v: &Value, type_message: &str, millis: bool) -> PyResult<Option<i64>> {
    if matches!(v, Value::None) {
        return Ok(None);
    }
    let r = if millis {
        millis_to_ns(vm, v)
    } else {
        seconds_to_ns(vm, v, round_timeout)
    };
    match r {
        Ok(ns) => Ok(Some(ns)),
        Err(e) if e.is_instance(&builtin_types().type_error) => Err(type_error(type_message)),
        Err(e) => Err(e),
    }
}

/// `_PyTime_FromMillisecondsObject`: milliseconds as a float or an int.
fn millis_to_ns(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let float = match v {
        Value::Float(f) => Some(*f),
        Value::Instance(i) => match &i.payload {
            Some(Value::Float(f)) => Some(*f),
            _ => None,
        },
        _ => None,
    };
    let overflow = || overflow_error("timestamp too large to convert to C _PyTime_t");
    if let Some(d) = float {
        if d.is_nan() {
            return Err(value_error("Invalid value NaN (not a number)"));
        }
        let ns = round_timeout(d * 1e6);
        if !(-9.223372036854776e18..9.223372036854776e18).contains(&ns) {
            return Err(overflow());
        }
        return Ok(ns as i64);
    }
    match protocol::number::number_index(vm, v)? {
        Value::Int(i) => i.checked_mul(1_000_000).ok_or_else(overflow),
        _ => Err(overflow()),
    }
}

/// Nanoseconds as whole milliseconds, rounded up (`_PyTime_AsMilliseconds`
/// with `_PyTime_ROUND_TIMEOUT`), as a C int.
fn ns_to_ms(ns: i64) -> PyResult<i32> {
    let ms = ns.div_euclid(1_000_000) + i64::from(ns.rem_euclid(1_000_000) != 0);
    i32::try_from(ms).map_err(|_| overflow_error("Python int too large to convert to C int"))
}

fn monotonic_ns() -> i64 {
    // SAFETY: clock_gettime fills the timespec it is given.
    let mut ts: libc::timespec = unsafe { std::mem::zeroed() };
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec * 1_000_000_000 + ts.tv_nsec
}

/// Runs a waiting system call as PEP 475 says: on EINTR the signal
/// handlers run (their exception ends the wait) and the call is made
/// again with the time left of `timeout` (nanoseconds, `None` for ever).
/// `call` gets the time left and returns the system call's result.
pub(super) fn wait_retrying(
    vm: &mut Vm,
    timeout: Option<i64>,
    mut call: impl FnMut(Option<i64>) -> libc::c_int,
) -> PyResult<libc::c_int> {
    let deadline = timeout.map(|t| monotonic_ns().saturating_add(t.max(0)));
    let mut left = timeout;
    loop {
        let r = call(left);
        if r >= 0 {
            return Ok(r);
        }
        if errno() != libc::EINTR {
            return Err(last_error());
        }
        vm.run_signal_handlers()?;
        if let Some(d) = deadline {
            let t = d - monotonic_ns();
            if t < 0 {
                return Ok(0);
            }
            left = Some(t);
        }
    }
}

fn closed_epoll() -> PyErr {
    value_error("I/O operation on closed epoll object")
}

// ------------------------------------------------------------ select()

/// `select(rlist, wlist, xlist, timeout=None)`: the objects of each list
/// whose descriptors are ready, as three lists.
fn select(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if !a.keywords.is_empty() {
        return Err(type_error("select() takes no keyword arguments"));
    }
    let n = a.positional.len();
    if !(3..=4).contains(&n) {
        return Err(type_error(format!(
            "select expected {} arguments, got {n}",
            if n < 3 { "at least 3" } else { "at most 4" }
        )));
    }
    let timeout = match a.positional.get(3) {
        None => None,
        Some(v) => timeout_ns(vm, v, "timeout must be a float or None", false)?,
    };
    if timeout.is_some_and(|t| t < 0) {
        return Err(value_error("timeout must be non-negative"));
    }
    let mut lists = Vec::with_capacity(3);
    for seq in &a.positional[..3] {
        let items = match seq {
            Value::List(l) => l.borrow().clone(),
            Value::Tuple(t) => t.to_vec(),
            other => match protocol::collect(vm, other) {
                Ok(items) => items,
                Err(e) if e.is_instance(&builtin_types().type_error) => {
                    return Err(type_error("arguments 1-3 must be sequences"))
                }
                Err(e) => return Err(e),
            },
        };
        let mut entries = Vec::with_capacity(items.len());
        for item in items {
            let fd = as_file_descriptor(vm, &item)?;
            if fd >= libc::FD_SETSIZE as i32 {
                return Err(value_error("filedescriptor out of range in select()"));
            }
            entries.push((fd, item));
        }
        lists.push(entries);
    }
    // SAFETY: fd_sets are plain bit arrays, zeroed then filled with
    // descriptors checked against FD_SETSIZE above.
    let fill = |entries: &[(i32, Value)]| {
        let mut set: libc::fd_set = unsafe { std::mem::zeroed() };
        unsafe { libc::FD_ZERO(&mut set) };
        for (fd, _) in entries {
            unsafe { libc::FD_SET(*fd, &mut set) };
        }
        set
    };
    let max = lists
        .iter()
        .flatten()
        .map(|(fd, _)| *fd)
        .max()
        .unwrap_or(-1);
    let mut sets = [fill(&lists[0]), fill(&lists[1]), fill(&lists[2])];
    wait_retrying(vm, timeout, |left| {
        sets = [fill(&lists[0]), fill(&lists[1]), fill(&lists[2])];
        let mut tv = left.map(|ns| libc::timeval {
            tv_sec: ns / 1_000_000_000,
            tv_usec: (ns % 1_000_000_000 + 999) / 1000,
        });
        let tvp = tv
            .as_mut()
            .map_or(std::ptr::null_mut(), |t| t as *mut libc::timeval);
        let [r, w, x] = &mut sets;
        // SAFETY: three valid fd_sets and an optional timeval.
        unsafe { libc::select(max + 1, r, w, x, tvp) }
    })?;
    let mut out = Vec::with_capacity(3);
    for (entries, set) in lists.iter().zip(sets.iter()) {
        let ready = entries
            .iter()
            // SAFETY: FD_ISSET reads the set for a descriptor in range.
            .filter(|(fd, _)| unsafe { libc::FD_ISSET(*fd, set) })
            .map(|(_, v)| v.clone())
            .collect();
        out.push(Value::list(ready));
    }
    Ok(Value::tuple(out))
}

// ------------------------------------------------------------ poll

/// A `poll` object: the registered descriptors with their event masks,
/// in registration order (CPython keeps them in a dict).
struct Poll {
    fds: RefCell<Vec<(i32, i16)>>,
}

fn poll_new(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    if !a.positional.is_empty() || !a.keywords.is_empty() {
        return Err(type_error("poll() takes no arguments"));
    }
    Ok(native_instance(
        &types().poll,
        Poll {
            fds: RefCell::new(Vec::new()),
        },
    ))
}

fn poll_of(v: &Value) -> PyResult<&Poll> {
    native_ref::<Poll>(v).ok_or_else(|| type_error("descriptor requires a 'select.poll' object"))
}

/// An event mask as a C unsigned short.
fn ushort_mask(vm: &mut Vm, v: &Value) -> PyResult<i16> {
    match protocol::number::number_index(vm, v)? {
        Value::Int(i) if (0..=0xffff).contains(&i) => Ok(i as u16 as i16),
        Value::Int(i) if i < 0 => Err(overflow_error("Python int too small for C unsigned short")),
        _ => Err(overflow_error("Python int too large for C unsigned short")),
    }
}

fn poll_register(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = poll_of(&a.positional[0])?;
    let v = clinic_bind(
        "register",
        &a.positional[1..],
        a.keywords,
        &["fd", "eventmask"],
        1,
        2,
    )?;
    let fd = as_file_descriptor(vm, v[0].as_ref().expect("required"))?;
    let mask = match &v[1] {
        Some(m) => ushort_mask(vm, m)?,
        None => libc::POLLIN | libc::POLLPRI | libc::POLLOUT,
    };
    let mut fds = p.fds.borrow_mut();
    match fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(entry) => entry.1 = mask,
        None => fds.push((fd, mask)),
    }
    Ok(Value::None)
}

fn poll_modify(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = poll_of(&a.positional[0])?;
    let v = clinic_bind(
        "modify",
        &a.positional[1..],
        a.keywords,
        &["fd", "eventmask"],
        2,
        2,
    )?;
    let fd = as_file_descriptor(vm, v[0].as_ref().expect("required"))?;
    let mask = ushort_mask(vm, v[1].as_ref().expect("required"))?;
    let mut fds = p.fds.borrow_mut();
    match fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(entry) => entry.1 = mask,
        None => return Err(os_error_with(libc::ENOENT, None, None)),
    }
    Ok(Value::None)
}

fn poll_unregister(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = poll_of(&a.positional[0])?;
    let fd = as_file_descriptor(vm, &a.positional[1])?;
    let mut fds = p.fds.borrow_mut();
    match fds.iter().position(|(f, _)| *f == fd) {
        Some(i) => {
            fds.remove(i);
            Ok(Value::None)
        }
        None => Err(key_error(a.positional[1].clone())),
    }
}

/// `poll(timeout=None)`: `(fd, events)` pairs for the ready descriptors;
/// the timeout is in milliseconds, None or negative to wait for ever.
fn poll_poll(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = poll_of(&a.positional[0])?;
    let v = clinic_bind("poll", &a.positional[1..], a.keywords, &["timeout"], 0, 1)?;
    let timeout = match &v[0] {
        None => None,
        Some(t) => timeout_ns(vm, t, "timeout must be an integer or None", true)?,
    };
    let timeout = timeout.filter(|t| *t >= 0);
    if let Some(t) = timeout {
        ns_to_ms(t)?;
    }
    let mut ufds: Vec<libc::pollfd> = p
        .fds
        .borrow()
        .iter()
        .map(|&(fd, events)| libc::pollfd {
            fd,
            events,
            revents: 0,
        })
        .collect();
    let n = wait_retrying(vm, timeout, |left| {
        let ms = left.map_or(-1, |t| ns_to_ms(t).unwrap_or(i32::MAX));
        // SAFETY: `ufds` is a valid array of its length.
        unsafe { libc::poll(ufds.as_mut_ptr(), ufds.len() as libc::nfds_t, ms) }
    })?;
    let mut out = Vec::with_capacity(n as usize);
    for u in ufds.iter().filter(|u| u.revents != 0) {
        out.push(Value::tuple(vec![
            Value::Int(i64::from(u.fd)),
            Value::Int(i64::from(u.revents as u16)),
        ]));
    }
    Ok(Value::list(out))
}

const POLL: &[MethodDef] = &[
    m("__new__", |_, _| {
        Err(type_error("cannot create 'select.poll' instances"))
    }),
    m("register", poll_register),
    m("modify", poll_modify),
    m("unregister", poll_unregister).o(),
    m("poll", poll_poll),
];

// ------------------------------------------------------------ epoll

/// An `epoll` object: its descriptor, -1 once closed.
struct Epoll {
    fd: Cell<i32>,
}

impl Drop for Epoll {
    fn drop(&mut self) {
        let fd = self.fd.replace(-1);
        if fd >= 0 {
            // SAFETY: the descriptor is this object's own.
            unsafe { libc::close(fd) };
        }
    }
}

fn epoll_of(v: &Value) -> PyResult<&Epoll> {
    native_ref::<Epoll>(v).ok_or_else(|| type_error("descriptor requires a 'select.epoll' object"))
}

/// The descriptor of an epoll object that is still open.
fn open_epoll(v: &Value) -> PyResult<i32> {
    match epoll_of(v)?.fd.get() {
        fd if fd < 0 => Err(closed_epoll()),
        fd => Ok(fd),
    }
}

/// `epoll(sizehint=-1, flags=0)`.
fn epoll_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let cls = super::class_arg(&a)?;
    let v = clinic_bind(
        "epoll",
        &a.positional[1..],
        a.keywords,
        &["sizehint", "flags"],
        0,
        2,
    )?;
    let sizehint = match &v[0] {
        Some(s) => super::posix::c_int(vm, s)?,
        None => -1,
    };
    if sizehint == 0 || sizehint < -1 {
        return Err(value_error("negative sizehint"));
    }
    let flags = match &v[1] {
        Some(f) => super::posix::c_int(vm, f)?,
        None => 0,
    };
    if flags != 0 && flags != libc::EPOLL_CLOEXEC {
        return Err(PyErr::with_args(
            &builtin_types().os_error,
            vec![Value::str("invalid flags")],
        ));
    }
    // SAFETY: epoll_create1 has no memory effects.
    let fd = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
    if fd < 0 {
        return Err(last_error());
    }
    Ok(native_instance(&cls, Epoll { fd: Cell::new(fd) }))
}

/// `epoll.fromfd(fd)`: an epoll object owning the descriptor `fd`.
fn epoll_fromfd(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let cls = super::class_arg(&a)?;
    let v = clinic_bind("fromfd", &a.positional[1..], a.keywords, &["fd"], 1, 1)?;
    let fd = super::posix::c_int(vm, v[0].as_ref().expect("required"))?;
    Ok(native_instance(&cls, Epoll { fd: Cell::new(fd) }))
}

fn epoll_close(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let e = epoll_of(&a.positional[0])?;
    let fd = e.fd.replace(-1);
    // SAFETY: the descriptor is this object's own.
    if fd >= 0 && unsafe { libc::close(fd) } < 0 {
        return Err(last_error());
    }
    Ok(Value::None)
}

fn epoll_closed(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(Value::Bool(epoll_of(&a.positional[0])?.fd.get() < 0))
}

fn epoll_fileno(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(Value::Int(i64::from(open_epoll(&a.positional[0])?)))
}

/// An event mask as a C unsigned int.
fn uint_mask(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    match protocol::number::number_index(vm, v)? {
        Value::Int(i) if (0..=0xffff_ffff).contains(&i) => Ok(i as u32),
        Value::Int(i) if (i32::MIN as i64..0).contains(&i) => Ok(i as i32 as u32),
        _ => Err(overflow_error(
            "Python int too large to convert to C unsigned int",
        )),
    }
}

fn epoll_ctl(
    vm: &mut Vm,
    a: &Args,
    fname: &str,
    op: libc::c_int,
    with_mask: Option<bool>,
) -> PyResult<Value> {
    let epfd = open_epoll(&a.positional[0])?;
    let (names, required): (&[&str], usize) = match with_mask {
        None => (&["fd"], 1),
        Some(true) => (&["fd", "eventmask"], 2),
        Some(false) => (&["fd", "eventmask"], 1),
    };
    let v = clinic_bind(
        fname,
        &a.positional[1..],
        a.keywords,
        names,
        required,
        names.len(),
    )?;
    let fd = as_file_descriptor(vm, v[0].as_ref().expect("required"))?;
    let events = match v.get(1).cloned().flatten() {
        Some(m) => uint_mask(vm, &m)?,
        None => (libc::EPOLLIN | libc::EPOLLPRI | libc::EPOLLOUT) as u32,
    };
    let mut ev = libc::epoll_event {
        events,
        u64: fd as u64,
    };
    // SAFETY: a valid event structure (ignored by EPOLL_CTL_DEL).
    if unsafe { libc::epoll_ctl(epfd, op, fd, &mut ev) } < 0 {
        return Err(last_error());
    }
    Ok(Value::None)
}

fn epoll_register(vm: &mut Vm, a: Args) -> PyResult<Value> {
    epoll_ctl(vm, &a, "register", libc::EPOLL_CTL_ADD, Some(false))
}

fn epoll_modify(vm: &mut Vm, a: Args) -> PyResult<Value> {
    epoll_ctl(vm, &a, "modify", libc::EPOLL_CTL_MOD, Some(true))
}

fn epoll_unregister(vm: &mut Vm, a: Args) -> PyResult<Value> {
    epoll_ctl(vm, &a, "unregister", libc::EPOLL_CTL_DEL, None)
}

/// `poll(timeout=None, maxevents=-1)`: `(fd, events)` pairs; the timeout
/// in seconds, None or negative to wait for ever.
fn epoll_poll(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let epfd = open_epoll(&a.positional[0])?;
    let v = clinic_bind(
        "poll",
        &a.positional[1..],
        a.keywords,
        &["timeout", "maxevents"],
        0,
        2,
    )?;
    let timeout = match &v[0] {
        None => None,
        Some(t) => timeout_ns(vm, t, "timeout must be an integer or None", false)?,
    };
    let timeout = timeout.filter(|t| *t >= 0);
    if let Some(t) = timeout {
        ns_to_ms(t)?;
    }
    let maxevents = match &v[1] {
        Some(n) => super::posix::c_int(vm, n)?,
        None => -1,
    };
    let maxevents = match maxevents {
        -1 => libc::FD_SETSIZE as i32 - 1,
        n if n < 1 => {
            return Err(value_error(format!(
                "maxevents must be greater than 0, got {n}"
            )))
        }
        n => n,
    };
    let mut events = vec![libc::epoll_event { events: 0, u64: 0 }; maxevents as usize];
    let n = wait_retrying(vm, timeout, |left| {
        let ms = left.map_or(-1, |t| ns_to_ms(t).unwrap_or(i32::MAX));
        // SAFETY: `events` holds `maxevents` entries.
        unsafe { libc::epoll_wait(epfd, events.as_mut_ptr(), maxevents, ms) }
    })?;
    let out = events[..n as usize]
        .iter()
        .map(|e| {
            let (data, mask) = (e.u64, e.events);
            Value::tuple(vec![
                Value::Int(i64::from(data as i32)),
                Value::Int(i64::from(mask)),
            ])
        })
        .collect();
    Ok(Value::list(out))
}

fn epoll_enter(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    open_epoll(&a.positional[0])?;
    Ok(a.positional[0].clone())
}

fn epoll_exit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    epoll_close(
        vm,
        Args {
            positional: &a.positional[..1],
            keywords: &[],
        },
    )
}

const EPOLL: &[MethodDef] = &[
    m("__new__", epoll_new),
    m("fromfd", epoll_fromfd).class(),
    m("close", epoll_close),
    m("fileno", epoll_fileno),
    m("register", epoll_register),
    m("modify", epoll_modify),
    m("unregister", epoll_unregister),
    m("poll", epoll_poll),
    m("__enter__", epoll_enter),
    m("__exit__", epoll_exit),
];
