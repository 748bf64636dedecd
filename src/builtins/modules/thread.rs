//! `_thread` (CPython's `Modules/_threadmodule.c`) for py2vm's one thread:
//! locks (`allocate_lock`, `LockType`), re-entrant locks (`RLock`),
//! `get_ident`, `get_native_id`, `_local`, `_count`, `TIMEOUT_MAX`,
//! `error`. Starting a thread raises RuntimeError ("can't start new
//! thread", CPython's message when the system refuses one). A blocking
//! acquire of a lock that is held can never succeed with no other thread
//! to release it: with a timeout it waits that long and fails, as CPython;
//! without one it raises RuntimeError instead of hanging for ever.

use std::cell::{Cell, OnceCell};
use std::rc::Rc;

use super::{functions, native_instance, native_type, new_module};
use crate::object::exception::{overflow_error, type_error, value_error, PyErr};
use crate::object::function::{m, Args, MethodDef};
use crate::object::native::native_ref;
use crate::object::{builtin_types, PyResult, Type, Value};
use crate::vm::protocol::{self, type_name};
use crate::vm::Vm;

/// `PY_TIMEOUT_MAX` in seconds, as `_thread.TIMEOUT_MAX` reports it.
const TIMEOUT_MAX: f64 = 9_223_372_036.0;

struct Types {
    lock: Rc<Type>,
    rlock: Rc<Type>,
    local: Rc<Type>,
}

thread_local! {
    static TYPES: OnceCell<Rc<Types>> = const { OnceCell::new() };
}

fn types() -> Rc<Types> {
    TYPES.with(|t| {
        t.get_or_init(|| {
            let lock = native_type("lock", "_thread", vec![], LOCK);
            let rlock = native_type("RLock", "_thread", vec![], RLOCK);
            let local = native_type("_local", "_thread", vec![], LOCAL);
            Rc::new(Types { lock, rlock, local })
        })
        .clone()
    })
}

pub fn module() -> Value {
    let t = types();
    let mut members = functions(&[
        ("allocate_lock", allocate_lock),
        ("allocate", allocate_lock),
        ("_set_sentinel", allocate_lock),
        ("get_ident", get_ident),
        ("get_native_id", get_native_id),
        ("_count", count),
        ("start_new_thread", start_new_thread),
        ("start_new", start_new_thread),
        ("exit", exit),
        ("exit_thread", exit),
        ("stack_size", stack_size),
    ]);
    members.push(("LockType", Value::Type(t.lock.clone())));
    members.push(("RLock", Value::Type(t.rlock.clone())));
    members.push(("_local", Value::Type(t.local.clone())));
    members.push(("TIMEOUT_MAX", Value::Float(TIMEOUT_MAX)));
    members.push(("error", Value::Type(builtin_types().runtime_error.clone())));
    new_module("_thread", members)
}

/// The one thread's identifier (what `pthread_self` would give; any
/// stable nonzero number serves, as programs only compare them).
fn ident() -> i64 {
    0x7f00_0000_0000 + i64::from(std::process::id()) * 0x1000
}

fn get_ident(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::Int(ident()))
}

/// The main thread's kernel id is the process id.
fn get_native_id(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::Int(i64::from(std::process::id())))
}

fn count(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::Int(0))
}

fn start_new_thread(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.positional.len() < 2 {
        return Err(type_error(format!(
            "start_new_thread expected at least 2 arguments, got {}",
            a.positional.len()
        )));
    }
    Err(PyErr::new(
        &builtin_types().runtime_error,
        "can't start new thread",
    ))
}

fn exit(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Err(PyErr::new(&builtin_types().system_exit, ""))
}

fn stack_size(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    match a.positional.first() {
        None | Some(Value::Int(0)) => Ok(Value::Int(0)),
        Some(Value::Int(n)) if *n < 32768 => Err(value_error("size not valid: 32768 bytes")),
        Some(Value::Int(_)) => Ok(Value::Int(0)),
        Some(other) => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(other)
        ))),
    }
}

// --------------------------------------------------------------- locks

struct Lock {
    locked: Cell<bool>,
}

struct RLock {
    /// Thread that holds it (0: none) and how many times.
    owner: Cell<i64>,
    count: Cell<u64>,
}

fn allocate_lock(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(new_lock())
}

fn new_lock() -> Value {
    native_instance(
        &types().lock,
        Lock {
            locked: Cell::new(false),
        },
    )
}

fn lock_of(v: &Value) -> PyResult<&Lock> {
    native_ref::<Lock>(v).ok_or_else(|| type_error("descriptor requires a '_thread.lock' object"))
}

fn rlock_of(v: &Value) -> PyResult<&RLock> {
    native_ref::<RLock>(v).ok_or_else(|| type_error("descriptor requires a '_thread.RLock' object"))
}

/// `acquire(blocking=True, timeout=-1)`'s arguments, checked as
/// `lock_acquire_parse_args`: the timeout in seconds, `None` to wait for
/// ever, `Some(0)` not to wait.
fn acquire_args(vm: &mut Vm, a: &Args) -> PyResult<Option<f64>> {
    crate::builtins::allow_keywords(a, "acquire", &["blocking", "timeout"])?;
    let blocking = match a
        .positional
        .get(1)
        .or_else(|| crate::builtins::kwarg(a, "blocking"))
    {
        Some(v) => protocol::truthy(vm, v)?,
        None => true,
    };
    let timeout = match a
        .positional
        .get(2)
        .or_else(|| crate::builtins::kwarg(a, "timeout"))
    {
        Some(Value::Int(i)) => *i as f64,
        Some(Value::Float(f)) => *f,
        Some(Value::Bool(b)) => f64::from(u8::from(*b)),
        Some(other) => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer or float",
                type_name(other)
            )))
        }
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(value_error(
            "can't specify a timeout for a non-blocking call",
        ));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(value_error("timeout value must be positive"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(overflow_error("timeout value is too large"));
    }
    Ok(match (blocking, timeout) {
        (false, _) => Some(0.0),
        (true, t) if t < 0.0 => None,
        (true, t) => Some(t),
    })
}

/// Waiting for a lock no other thread can release.
fn wait_in_vain(timeout: Option<f64>) -> PyResult<Value> {
    match timeout {
        Some(t) => {
            if t > 0.0 {
                std::thread::sleep(std::time::Duration::from_secs_f64(t));
            }
            Ok(Value::Bool(false))
        }
        None => Err(PyErr::new(
            &builtin_types().runtime_error,
            "deadlock: acquiring a lock this thread holds, with no other thread to release it",
        )),
    }
}

fn lock_acquire(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let timeout = acquire_args(vm, &a)?;
    let l = lock_of(&a.positional[0])?;
    if !l.locked.get() {
        l.locked.set(true);
        return Ok(Value::Bool(true));
    }
    wait_in_vain(timeout)
}

fn lock_release(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let l = lock_of(&a.positional[0])?;
    if !l.locked.replace(false) {
        return Err(PyErr::new(
            &builtin_types().runtime_error,
            "release unlocked lock",
        ));
    }
    Ok(Value::None)
}

fn lock_exit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    lock_release(
        vm,
        Args {
            positional: &a.positional[..1],
            keywords: &[],
        },
    )
}

fn lock_locked(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(Value::Bool(lock_of(&a.positional[0])?.locked.get()))
}

fn lock_reinit(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    lock_of(&a.positional[0])?.locked.set(false);
    Ok(Value::None)
}

fn lock_repr(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let this = &a.positional[0];
    let l = lock_of(this)?;
    Ok(Value::str(&format!(
        "<{} {} object at {:#x}>",
        if l.locked.get() { "locked" } else { "unlocked" },
        type_name(this),
        this.id()
    )))
}

fn lock_new(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.positional.len() > 1 || !a.keywords.is_empty() {
        return Err(type_error("lock() takes no arguments"));
    }
    Ok(new_lock())
}

const LOCK: &[MethodDef] = &[
    m("__new__", lock_new),
    m("acquire", lock_acquire),
    m("acquire_lock", lock_acquire),
    m("__enter__", lock_acquire),
    m("release", lock_release),
    m("release_lock", lock_release),
    m("__exit__", lock_exit),
    m("locked", lock_locked),
    m("locked_lock", lock_locked),
    m("_at_fork_reinit", lock_reinit),
    m("__repr__", lock_repr),
];

fn rlock_new(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Some(Value::Type(cls)) = a.positional.first() else {
        return Err(type_error("RLock.__new__(X): X is not a type object"));
    };
    Ok(native_instance(
        cls,
        RLock {
            owner: Cell::new(0),
            count: Cell::new(0),
        },
    ))
}

fn rlock_acquire(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let timeout = acquire_args(vm, &a)?;
    let r = rlock_of(&a.positional[0])?;
    if r.count.get() == 0 || r.owner.get() == ident() {
        let count = r
            .count
            .get()
            .checked_add(1)
            .ok_or_else(|| overflow_error("Internal lock count overflowed"))?;
        r.owner.set(ident());
        r.count.set(count);
        return Ok(Value::Bool(true));
    }
    wait_in_vain(timeout)
}

fn rlock_release(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = rlock_of(&a.positional[0])?;
    if r.count.get() == 0 || r.owner.get() != ident() {
        return Err(PyErr::new(
            &builtin_types().runtime_error,
            "cannot release un-acquired lock",
        ));
    }
    r.count.set(r.count.get() - 1);
    if r.count.get() == 0 {
        r.owner.set(0);
    }
    Ok(Value::None)
}

fn rlock_exit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    rlock_release(
        vm,
        Args {
            positional: &a.positional[..1],
            keywords: &[],
        },
    )
}

fn rlock_is_owned(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = rlock_of(&a.positional[0])?;
    Ok(Value::Bool(r.count.get() > 0 && r.owner.get() == ident()))
}

/// `_release_save()`: releases entirely, returning `(count, owner)`.
fn rlock_release_save(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = rlock_of(&a.positional[0])?;
    if r.count.get() == 0 {
        return Err(PyErr::new(
            &builtin_types().runtime_error,
            "cannot release un-acquired lock",
        ));
    }
    let state = Value::tuple(vec![
        Value::Int(r.count.get() as i64),
        Value::Int(r.owner.get()),
    ]);
    r.count.set(0);
    r.owner.set(0);
    Ok(state)
}

/// `_acquire_restore((count, owner))`.
fn rlock_acquire_restore(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = rlock_of(&a.positional[0])?;
    let Some(Value::Tuple(state)) = a.positional.get(1) else {
        return Err(type_error("_acquire_restore() argument must be tuple"));
    };
    let (Some(Value::Int(count)), Some(Value::Int(owner))) = (state.first(), state.get(1)) else {
        return Err(type_error("_acquire_restore() needs (count, owner)"));
    };
    if r.count.get() > 0 && r.owner.get() != ident() {
        return wait_in_vain(None);
    }
    r.count.set(*count as u64);
    r.owner.set(*owner);
    Ok(Value::None)
}

fn rlock_repr(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let this = &a.positional[0];
    let r = rlock_of(this)?;
    Ok(Value::str(&format!(
        "<{} {} object owner={} count={} at {:#x}>",
        if r.count.get() > 0 {
            "locked"
        } else {
            "unlocked"
        },
        type_name(this),
        r.owner.get(),
        r.count.get(),
        this.id()
    )))
}

const RLOCK: &[MethodDef] = &[
    m("__new__", rlock_new),
    m("acquire", rlock_acquire),
    m("__enter__", rlock_acquire),
    m("release", rlock_release),
    m("__exit__", rlock_exit),
    m("_is_owned", rlock_is_owned),
    m("_release_save", rlock_release_save),
    m("_acquire_restore", rlock_acquire_restore).o(),
    m("_at_fork_reinit", |_, a| {
        let r = rlock_of(&a.positional[0])?;
        r.owner.set(0);
        r.count.set(0);
        Ok(Value::None)
    }),
    m("__repr__", rlock_repr),
];

// --------------------------------------------------------------- _local

/// `_local()`: with one thread, an object whose attributes are simply its
/// own. Arguments are refused unless a subclass defines `__init__`.
fn local_new(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Some(Value::Type(cls)) = a.positional.first() else {
        return Err(type_error("_local.__new__(X): X is not a type object"));
    };
    let has_args = a.positional.len() > 1 || !a.keywords.is_empty();
    let own_init =
        protocol::lookup(cls, "__init__").is_some_and(|i| !matches!(i, Value::Builtin(_)));
    if has_args && !own_init {
        return Err(type_error("Initialization arguments are not supported"));
    }
    Ok(protocol::new_instance(cls))
}

const LOCAL: &[MethodDef] = &[m("__new__", local_new)];
