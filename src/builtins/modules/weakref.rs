//! `_weakref`, as CPython's `Modules/_weakref.c` and
//! `Objects/weakrefobject.c`: `ref` (`weakref.ReferenceType`), the proxy
//! types, `getweakrefcount`, `getweakrefs`, `proxy` and
//! `_remove_dead_weakref`. The references' state and registry are
//! `object::weakref`'s; this module gives them their Python classes.

use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;

use super::{functions, native_instance, native_type, new_module};
use crate::object::exception::{type_error, PyErr};
use crate::object::function::{m, Args, MethodDef};
use crate::object::native::native_ref;
use crate::object::weakref::{self, WeakRefState, WeakTarget};
use crate::object::{builtin_types, PyResult, Type, Value};
use crate::vm::protocol::{self, type_name};
use crate::vm::Vm;

struct Types {
    reference: Rc<Type>,
    proxy: Rc<Type>,
    callable_proxy: Rc<Type>,
}

thread_local! {
    static TYPES: OnceCell<Rc<Types>> = const { OnceCell::new() };
}

fn types() -> Rc<Types> {
    TYPES.with(|t| {
        t.get_or_init(|| {
            let proxy_methods: Vec<MethodDef> = PROXY.to_vec();
            let mut callable: Vec<MethodDef> = PROXY.to_vec();
            callable.push(m("__call__", proxy_call));
            let reference = native_type("ReferenceType", "weakref", vec![], REF);
            super::native_getter(&reference, "__callback__", ref_callback_attr);
            let types = Types {
                reference,
                proxy: native_type("ProxyType", "weakref", vec![], &proxy_methods),
                callable_proxy: native_type("CallableProxyType", "weakref", vec![], &callable),
            };
            for t in [&types.proxy, &types.callable_proxy] {
                protocol::dict_set_str_plain(t, "__hash__", Value::None);
            }
            Rc::new(types)
        })
        .clone()
    })
}

pub fn module() -> Value {
    let t = types();
    let mut members = functions(&[
        ("getweakrefcount", getweakrefcount),
        ("getweakrefs", getweakrefs),
        ("proxy", proxy),
        ("_remove_dead_weakref", remove_dead_weakref),
    ]);
    members.push(("ref", Value::Type(t.reference.clone())));
    members.push(("ReferenceType", Value::Type(t.reference.clone())));
    members.push(("ProxyType", Value::Type(t.proxy.clone())));
    members.push(("CallableProxyType", Value::Type(t.callable_proxy.clone())));
    new_module("_weakref", members)
}

const REF: &[MethodDef] = &[
    m("__new__", ref_new).at_least(1),
    m("__init__", ref_init).at_least(1),
    m("__call__", ref_call),
    m("__hash__", ref_hash),
    m("__eq__", ref_eq).o(),
    m("__ne__", ref_ne).o(),
    m("__repr__", ref_repr),
    m("__class_getitem__", class_getitem).class().o(),
];

fn state(v: &Value) -> PyResult<&WeakRefState> {
    native_ref::<WeakRefState>(v)
        .ok_or_else(|| type_error(format!("expected a weak reference, got '{}'", type_name(v))))
}

fn cannot_reference(v: &Value) -> PyErr {
    type_error(format!(
        "cannot create weak reference to '{}' object",
        type_name(v)
    ))
}

/// What can be weakly referenced: instances of classes (not `object()`
/// itself, nor instances of exception classes, which are not instances
/// here), functions, methods, types, sets, generators, code, modules.
fn target_of(v: &Value) -> PyResult<WeakTarget> {
    if let Value::Instance(i) = v {
        if Rc::ptr_eq(&i.class.borrow(), &builtin_types().object) {
            return Err(cannot_reference(v));
        }
    }
    WeakTarget::new(v).ok_or_else(|| cannot_reference(v))
}

/// `ref.__new__(type, ob, callback=None)`: a basic reference (no callback,
/// exactly `ref`) to an object is shared, as `weakref___new__` does.
fn ref_new(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    crate::builtins::allow_keywords(&a, "__new__", &[])?;
    let [Value::Type(cls), ob, rest @ ..] = a.positional else {
        return Err(type_error("ref.__new__(X): X is not a type object"));
    };
    if rest.len() > 1 {
        return Err(type_error(format!(
            "__new__ expected at most 2 arguments, got {}",
            rest.len() + 1
        )));
    }
    let callback = rest.first().filter(|c| !matches!(c, Value::None)).cloned();
    let target = target_of(ob)?;
    let t = types();
    if callback.is_none() && Rc::ptr_eq(cls, &t.reference) {
        if let Some(existing) = weakref::references(ob).into_iter().find(|r| {
            Rc::ptr_eq(&protocol::type_of(r), &t.reference)
                && state(r).is_ok_and(|s| s.callback.borrow().is_none())
        }) {
            return Ok(existing);
        }
    }
    let r = native_instance(
        cls,
        WeakRefState {
            target,
            callback: RefCell::new(callback),
            hash: Cell::new(None),
            proxy: false,
        },
    );
    weakref::register(ob, &r);
    Ok(r)
}

/// `ref.__init__(self, ob, callback=None)`: the arguments were `__new__`'s.
fn ref_init(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.positional.len() > 3 {
        return Err(type_error(format!(
            "__init__ expected at most 2 arguments, got {}",
            a.positional.len() - 1
        )));
    }
    Ok(Value::None)
}

fn ref_call(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    crate::builtins::allow_keywords(&a, "weakref", &[])?;
    if a.positional.len() > 1 {
        return Err(type_error(format!(
            "weakref() takes exactly 0 arguments ({} given)",
            a.positional.len() - 1
        )));
    }
    Ok(state(&a.positional[0])?.get().unwrap_or(Value::None))
}

/// `hash(r)`: the referent's, kept once known; a reference that died
/// before being hashed has none.
fn ref_hash(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = state(&a.positional[0])?;
    if let Some(h) = s.hash.get() {
        return Ok(Value::Int(h));
    }
    let Some(target) = s.get() else {
        return Err(type_error("weak object has gone away"));
    };
    let h = protocol::hash_value(vm, &target)?;
    s.hash.set(Some(h));
    Ok(Value::Int(h))
}

/// `weakref_richcompare`: two live references compare their referents,
/// otherwise references are equal only to themselves.
fn ref_compare(vm: &mut Vm, a: &Args, equal: bool) -> PyResult<Value> {
    let (this, other) = (&a.positional[0], &a.positional[1]);
    let (Ok(s), Ok(o)) = (state(this), state(other)) else {
        return Ok(Value::NotImplemented);
    };
    match (s.get(), o.get()) {
        (Some(x), Some(y)) => {
            let same = protocol::eq(vm, &x, &y)?;
            Ok(Value::Bool(same == equal))
        }
        _ => Ok(Value::Bool((this.id() == other.id()) == equal)),
    }
}

fn ref_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    ref_compare(vm, &a, true)
}

fn ref_ne(vm: &mut Vm, a: Args) -> PyResult<Value> {
    ref_compare(vm, &a, false)
}

/// `<weakref at 0x…; to 'C' at 0x…>`, with the referent's `__name__`
/// when it has a str one; `; dead` once it is gone.
fn ref_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let this = &a.positional[0];
    let s = state(this)?;
    let kind = if s.proxy { "weakproxy" } else { "weakref" };
    let Some(target) = s.get() else {
        return Ok(Value::str(&format!("<{kind} at {:#x}; dead>", this.id())));
    };
    let name = match protocol::getattr(vm, &target, "__name__") {
        Ok(Value::Str(n)) if !s.proxy => Some(n),
        Ok(_) => None,
        Err(e) if e.is_instance(&builtin_types().attribute_error) => None,
        Err(e) => return Err(e),
    };
    let head = format!(
        "<{kind} at {:#x}; to '{}' at {:#x}",
        this.id(),
        type_name(&target),
        target.id()
    );
    Ok(Value::str(&match name {
        Some(n) => format!("{head} ({n})>"),
        None => format!("{head}>"),
    }))
}

/// `r.__callback__`: the callback, or None once called (or if none).
fn ref_callback_attr(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = state(&a.positional[0])?;
    let callback = s.callback.borrow().clone();
    Ok(callback.unwrap_or(Value::None))
}

fn class_getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    crate::builtins::generic_alias::new_alias(vm, a.positional[0].clone(), &a.positional[1])
}

fn getweakrefcount(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [ob] = a.positional else {
        return Err(type_error(format!(
            "getweakrefcount() takes exactly one argument ({} given)",
            a.positional.len()
        )));
    };
    Ok(Value::Int(weakref::references(ob).len() as i64))
}

fn getweakrefs(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [ob] = a.positional else {
        return Err(type_error(format!(
            "getweakrefs() takes exactly one argument ({} given)",
            a.positional.len()
        )));
    };
    Ok(Value::list(weakref::references(ob)))
}

/// `proxy(object, callback=None)`: a CallableProxyType for a callable.
fn proxy(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (ob, callback) = match a.positional {
        [ob] => (ob, None),
        [ob, cb] => (ob, Some(cb.clone()).filter(|c| !matches!(c, Value::None))),
        _ => {
            return Err(type_error(format!(
                "proxy expected {} 2 arguments, got {}",
                if a.positional.is_empty() {
                    "at least"
                } else {
                    "at most"
                },
                a.positional.len()
            )))
        }
    };
    let target = target_of(ob)?;
    let t = types();
    let class = if protocol::is_callable(ob) {
        &t.callable_proxy
    } else {
        &t.proxy
    };
    let p = native_instance(
        class,
        WeakRefState {
            target,
            callback: RefCell::new(callback),
            hash: Cell::new(None),
            proxy: true,
        },
    );
    weakref::register(ob, &p);
    Ok(p)
}

/// `_remove_dead_weakref(dict, key)`: deletes `dict[key]` if it is a dead
/// reference (WeakValueDictionary's cleanup).
fn remove_dead_weakref(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [d @ Value::Dict(_), key] = a.positional else {
        return Err(type_error("_remove_dead_weakref() argument 1 must be dict"));
    };
    let current = match protocol::getitem(vm, d, key) {
        Ok(v) => v,
        Err(e) if e.is_instance(&builtin_types().key_error) => return Ok(Value::None),
        Err(e) => return Err(e),
    };
    if state(&current).is_ok_and(|s| s.get().is_none()) {
        protocol::delitem(vm, d, key)?;
    }
    Ok(Value::None)
}

// ------------------------------------------------------------------ proxies

/// The referent of a proxy, or ReferenceError once it is gone.
fn referent(v: &Value) -> PyResult<Value> {
    state(v)?.get().ok_or_else(|| {
        PyErr::new(
            &builtin_types().reference_error,
            "weakly-referenced object no longer exists",
        )
    })
}

/// Unwraps proxies among the operands, as `UNWRAP` in weakrefobject.c.
fn unwrap(v: &Value) -> PyResult<Value> {
    match native_ref::<WeakRefState>(v) {
        Some(s) if s.proxy => referent(v),
        _ => Ok(v.clone()),
    }
}

fn proxy_getattribute(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let name = protocol::str_of(vm, &a.positional[1])?;
    let target = referent(&a.positional[0])?;
    protocol::getattr(vm, &target, &name)
}

fn proxy_setattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let name = protocol::str_of(vm, &a.positional[1])?;
    let target = referent(&a.positional[0])?;
    protocol::setattr(vm, &target, &name, a.positional[2].clone())?;
    Ok(Value::None)
}

fn proxy_delattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let name = protocol::str_of(vm, &a.positional[1])?;
    let target = referent(&a.positional[0])?;
    protocol::delattr(vm, &target, &name)?;
    Ok(Value::None)
}

fn proxy_str(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let target = referent(&a.positional[0])?;
    Ok(Value::str(&protocol::str_of(vm, &target)?))
}

fn proxy_bool(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let target = referent(&a.positional[0])?;
    Ok(Value::Bool(protocol::truthy(vm, &target)?))
}

fn proxy_len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let target = referent(&a.positional[0])?;
    Ok(Value::Int(protocol::len(vm, &target)? as i64))
}

fn proxy_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let target = referent(&a.positional[0])?;
    protocol::iter(vm, &target)
}

fn proxy_next(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let target = referent(&a.positional[0])?;
    match protocol::next(vm, &target)? {
        Some(v) => Ok(v),
        None => Err(crate::object::exception::stop_iteration(None)),
    }
}

fn proxy_contains(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let target = referent(&a.positional[0])?;
    let item = unwrap(&a.positional[1])?;
    Ok(Value::Bool(protocol::contains(vm, &target, &item)?))
}

fn proxy_getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let target = referent(&a.positional[0])?;
    protocol::getitem(vm, &target, &unwrap(&a.positional[1])?)
}

fn proxy_setitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let target = referent(&a.positional[0])?;
    let key = unwrap(&a.positional[1])?;
    protocol::setitem(vm, &target, key, a.positional[2].clone())?;
    Ok(Value::None)
}

fn proxy_delitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let target = referent(&a.positional[0])?;
    protocol::delitem(vm, &target, &unwrap(&a.positional[1])?)?;
    Ok(Value::None)
}

fn proxy_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let target = referent(&a.positional[0])?;
    vm.call_kw(&target, a.positional[1..].to_vec(), a.keywords.to_vec())
}

fn proxy_compare(vm: &mut Vm, a: &Args, op: usize) -> PyResult<Value> {
    let x = unwrap(&a.positional[0])?;
    let y = unwrap(&a.positional[1])?;
    protocol::compare(vm, &x, &y, op)
}

macro_rules! proxy_binary {
    ($($name:ident = $nb:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, a: Args) -> PyResult<Value> {
                let x = unwrap(&a.positional[0])?;
                let y = unwrap(&a.positional[1])?;
                crate::vm::ops::arith::binary_op(vm, $nb, x, y)
            }
        )*
    };
}

// NB_* operand codes of BINARY_OP (Include/opcode.h).
proxy_binary! {
    proxy_add = 0; proxy_and = 1; proxy_floordiv = 2; proxy_lshift = 3;
    proxy_matmul = 4; proxy_mul = 5; proxy_mod = 6; proxy_or = 7;
    proxy_pow = 8; proxy_rshift = 9; proxy_sub = 10; proxy_truediv = 11;
    proxy_xor = 12;
}

macro_rules! proxy_reflected {
    ($($name:ident = $nb:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, a: Args) -> PyResult<Value> {
                let x = unwrap(&a.positional[0])?;
                let y = unwrap(&a.positional[1])?;
                crate::vm::ops::arith::binary_op(vm, $nb, y, x)
            }
        )*
    };
}

proxy_reflected! {
    proxy_radd = 0; proxy_rsub = 10; proxy_rmul = 5; proxy_rtruediv = 11;
}

fn proxy_lt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    proxy_compare(vm, &a, 0)
}
fn proxy_le(vm: &mut Vm, a: Args) -> PyResult<Value> {
    proxy_compare(vm, &a, 1)
}
fn proxy_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    proxy_compare(vm, &a, 2)
}
fn proxy_ne(vm: &mut Vm, a: Args) -> PyResult<Value> {
    proxy_compare(vm, &a, 3)
}
fn proxy_gt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    proxy_compare(vm, &a, 4)
}
fn proxy_ge(vm: &mut Vm, a: Args) -> PyResult<Value> {
    proxy_compare(vm, &a, 5)
}

fn proxy_neg(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = referent(&a.positional[0])?;
    crate::vm::ops::arith::unary_op(vm, crate::bytecode::Opcode::UNARY_NEGATIVE, x)
}

fn proxy_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = referent(&a.positional[0])?;
    protocol::number::number_index(vm, &x)
}

const PROXY: &[MethodDef] = &[
    m("__getattribute__", proxy_getattribute).o(),
    m("__setattr__", proxy_setattr).exact(2),
    m("__delattr__", proxy_delattr).o(),
    m("__repr__", ref_repr),
    m("__str__", proxy_str),
    m("__bool__", proxy_bool),
    m("__len__", proxy_len),
    m("__iter__", proxy_iter),
    m("__next__", proxy_next),
    m("__contains__", proxy_contains).o(),
    m("__getitem__", proxy_getitem).o(),
    m("__setitem__", proxy_setitem).exact(2),
    m("__delitem__", proxy_delitem).o(),
    m("__lt__", proxy_lt).o(),
    m("__le__", proxy_le).o(),
    m("__eq__", proxy_eq).o(),
    m("__ne__", proxy_ne).o(),
    m("__gt__", proxy_gt).o(),
    m("__ge__", proxy_ge).o(),
    m("__add__", proxy_add).o(),
    m("__sub__", proxy_sub).o(),
    m("__mul__", proxy_mul).o(),
    m("__matmul__", proxy_matmul).o(),
    m("__truediv__", proxy_truediv).o(),
    m("__floordiv__", proxy_floordiv).o(),
    m("__mod__", proxy_mod).o(),
    m("__pow__", proxy_pow).o(),
    m("__lshift__", proxy_lshift).o(),
    m("__rshift__", proxy_rshift).o(),
    m("__and__", proxy_and).o(),
    m("__or__", proxy_or).o(),
    m("__xor__", proxy_xor).o(),
    m("__radd__", proxy_radd).o(),
    m("__rsub__", proxy_rsub).o(),
    m("__rmul__", proxy_rmul).o(),
    m("__rtruediv__", proxy_rtruediv).o(),
    m("__neg__", proxy_neg),
    m("__index__", proxy_index),
];
