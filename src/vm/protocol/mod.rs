//! The object protocols the opcodes use: types, attributes, calls, items,
//! iteration, truth, equality and hashing. Where a user class defines a dunder,
//! it runs through `Vm::call` (a nested loop on the same frame stack).

mod call;

pub use call::{call, check_init_result, function_frame, is_callable, is_slot_name, CallOutcome};

use crate::object::generator::{AwaitKind, GenKind};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use crate::pyc::CodeObject;

use super::frame::Frame;
use super::Vm;
use crate::object::exception::{
    index_error, key_error, not_implemented_error, type_error, ExceptionObject,
};
use crate::object::function::{Args, Builtin, CodeValues, Function, HashedName, NativeFn};
use crate::object::hash;
use crate::object::iter::{DictView, IterState};
use crate::object::types::{builtin_types, Instance, InstanceFacts, Kind, LookupKind, Type};
use crate::object::{Dict, PyErr, PyResult, Value};
use crate::pyc::{Constant, PyString};

pub use crate::object::hash::{str_hash, HASH_KEY};

pub(crate) fn str_key_eq(a: &Value, b: &Value) -> PyResult<bool> {
    Ok(matches!((a, b), (Value::Str(x), Value::Str(y)) if x == y))
}

pub fn dict_get_str(d: &Rc<RefCell<Dict>>, name: &str) -> Option<Value> {
    d.borrow().get_str(str_hash(name), name)
}

pub fn dict_set_str(d: &Rc<RefCell<Dict>>, name: &str, value: Value) {
    let _ = d
        .borrow_mut()
        .insert(str_hash(name), Value::str(name), value, &mut str_key_eq);
}

pub fn dict_del_str(d: &Rc<RefCell<Dict>>, name: &str) -> Option<Value> {
    d.borrow_mut()
        .remove(str_hash(name), &Value::str(name), &mut str_key_eq)
        .ok()
        .flatten()
}

pub fn plain_get_str(d: &Dict, name: &str) -> Option<Value> {
    d.get_str(str_hash(name), name)
}

pub fn plain_set_str(d: &mut Dict, name: &str, value: Value) {
    let _ = d.insert(str_hash(name), Value::str(name), value, &mut str_key_eq);
}

/// Sets an attribute directly in a type's own dict.
pub fn dict_set_str_plain(t: &Rc<Type>, name: &str, value: Value) {
    plain_set_str(&mut t.dict.borrow_mut(), name, value);
}

/// An attribute in `t`'s own dict only (no MRO, no native methods).
pub fn plain_lookup(t: &Rc<Type>, name: &str) -> Option<Value> {
    plain_get_str(&t.dict.borrow(), name)
}

pub fn new_dict() -> Value {
    Value::Dict(Rc::new(RefCell::new(Dict::new())))
}

thread_local! {
    /// Keyed by the code object's address; the entry holds its code object so
    /// that address cannot be reused by another one. Code made by `exec` in a
    /// loop therefore stays alive for the run.
    static CODE_VALUES: RefCell<std::collections::HashMap<usize, Rc<CodeValues>, BuildFx>> =
        RefCell::default();
}

type BuildFx = std::hash::BuildHasherDefault<rustc_hash::FxHasher>;

/// `code`'s [`CodeValues`], shared by every frame running `code`.
pub fn code_values(code: &Arc<CodeObject>) -> Rc<CodeValues> {
    let key = Arc::as_ptr(code) as usize;
    CODE_VALUES.with(|cache| {
        if let Some(values) = cache.borrow().get(&key) {
            return values.clone();
        }
        let values = Rc::new(CodeValues {
            code: code.clone(),
            consts: code
                .consts
                .iter()
                .map(|c| match c {
                    // Short str constants are shared like names (CPython
                    // interns identifier-like ones), so equal constants
                    // of different functions compare by pointer.
                    Constant::Str(PyString::Text(s)) if s.len() <= 32 => Value::Str(interned(s)),
                    other => constant_value(other),
                })
                .collect(),
            names: code
                .names
                .iter()
                .map(|n| HashedName {
                    text: interned(n),
                    hash: str_hash(n),
                })
                .collect(),
            instructions: code.decoded.vm_instructions(),
            attr_sites: crate::vm::inline_cache::new_sites(code.decoded.instructions.len()),
        });
        cache.borrow_mut().insert(key, values.clone());
        values
    })
}

/// One shared `Rc<str>` per distinct name in all code objects' `co_names`,
/// so the attribute keys one code object stores are pointer-equal to the
/// names another loads (a key comparison is then a pointer comparison).
pub fn interned(name: &str) -> Rc<str> {
    thread_local! {
        static NAMES: RefCell<std::collections::HashSet<Rc<str>, BuildFx>> = RefCell::default();
    }
    NAMES.with(|names| {
        let mut names = names.borrow_mut();
        if let Some(n) = names.get(name) {
            return n.clone();
        }
        let n: Rc<str> = Rc::from(name);
        names.insert(n.clone());
        n
    })
}

/// The [`CodeValues`] of the code `func` runs now (remembered on the
/// function; `__code__` may have been replaced since).
pub fn function_values(func: &Function, code: &Arc<CodeObject>) -> Rc<CodeValues> {
    if let Some(values) = &*func.values.borrow() {
        if Arc::ptr_eq(&values.code, code) {
            return values.clone();
        }
    }
    let values = code_values(code);
    *func.values.borrow_mut() = Some(values.clone());
    values
}

/// The runtime value of a code object constant.
pub fn constant_value(c: &Constant) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Ellipsis => Value::Ellipsis,
        Constant::StopIteration => Value::Type(builtin_types().stop_iteration.clone()),
        Constant::Int(i) => Value::Int(*i),
        Constant::BigInt(b) => Value::BigInt(Rc::new((**b).clone())),
        Constant::Float(f) => Value::Float(*f),
        Constant::Complex { re, im } => Value::Complex(*re, *im),
        Constant::Bytes(b) => Value::Bytes(Rc::from(&b[..])),
        Constant::Str(PyString::Text(s)) => Value::Str(Rc::from(&**s)),
        Constant::Str(s) => Value::str(&s.to_string_lossy()),
        Constant::Tuple(items) => Value::tuple(items.iter().map(constant_value).collect()),
        Constant::List(items) => Value::list(items.iter().map(constant_value).collect()),
        Constant::FrozenSet(items) | Constant::Set(items) => {
            let mut d = Dict::new();
            for item in items.iter() {
                let v = constant_value(item);
                let h = builtin_hash(&v).unwrap_or(0);
                let _ = d.insert(h, v, Value::None, &mut builtin_eq_cb);
            }
            if matches!(c, Constant::Set(_)) {
                Value::Set(Rc::new(RefCell::new(d)))
            } else {
                Value::FrozenSet(Rc::new(d))
            }
        }
        Constant::Dict(pairs) => {
            let mut d = Dict::new();
            for (k, v) in pairs.iter() {
                let k = constant_value(k);
                let h = builtin_hash(&k).unwrap_or(0);
                let _ = d.insert(h, k, constant_value(v), &mut builtin_eq_cb);
            }
            Value::Dict(Rc::new(RefCell::new(d)))
        }
        Constant::Code(code) => Value::Code(code.clone()),
    }
}

fn builtin_eq_cb(a: &Value, b: &Value) -> PyResult<bool> {
    Ok(builtin_eq(a, b).unwrap_or(false))
}

/// The type of a value.
pub fn type_of(v: &Value) -> Rc<Type> {
    // Instances first: they are the common case and need no registry access.
    match v {
        Value::Instance(i) => return i.class.borrow().clone(),
        Value::Exception(e) => return e.class.clone(),
        _ => {}
    }
    let t = builtin_types();
    match v {
        Value::Null | Value::None => t.none_type.clone(),
        Value::NotImplemented => t.not_implemented_type.clone(),
        Value::Ellipsis => t.ellipsis.clone(),
        Value::Bool(_) => t.bool_.clone(),
        Value::Int(_) | Value::BigInt(_) => t.int.clone(),
        Value::Float(_) => t.float.clone(),
        Value::Complex(..) => t.complex.clone(),
        Value::Str(_) => t.str_.clone(),
        Value::Bytes(_) => t.bytes.clone(),
        Value::ByteArray(_) => t.bytearray.clone(),
        Value::Tuple(_) => t.tuple.clone(),
        Value::List(_) => t.list.clone(),
        Value::Dict(_) => t.dict.clone(),
        Value::Set(_) => t.set.clone(),
        Value::FrozenSet(_) => t.frozenset.clone(),
        Value::Range(_) => t.range.clone(),
        Value::Slice(_) => t.slice.clone(),
        Value::Function(_) => t.function.clone(),
        Value::BoundMethod(_) => t.method.clone(),
        Value::Builtin(b) => match (&b.owner, &b.receiver) {
            // descrobject.c's descriptor types for a builtin type's methods.
            // `object.__new__` is a builtin function bound to its type.
            (Some(_), None) if b.name == "__new__" => t.builtin_function.clone(),
            (Some(_), None) if call::is_slot_name(b.name) => t.wrapper_descriptor.clone(),
            (Some(_), None) => t.method_descriptor.clone(),
            (Some(_), Some(_)) if call::is_slot_name(b.name) => t.method_wrapper.clone(),
            _ => t.builtin_function.clone(),
        },
        Value::Type(ty) => match ty.metaclass.borrow().as_ref() {
            Some(Value::Type(meta)) => meta.clone(),
            _ => t.type_.clone(),
        },
        Value::Instance(i) => i.class.borrow().clone(),
        Value::Exception(e) => e.class.clone(),
        Value::Iterator(state) => iterator_type(iterator_type_name(&state.borrow())),
        Value::Generator(g) => match g.kind {
            GenKind::Generator => t.generator.clone(),
            GenKind::Coroutine => t.coroutine.clone(),
            GenKind::AsyncGenerator => t.async_generator.clone(),
        },
        Value::GenAwaitable(a) => match a.kind {
            AwaitKind::CoroWrapper => t.coroutine_wrapper.clone(),
            AwaitKind::ASend(_) => t.async_generator_asend.clone(),
            _ => t.async_generator_athrow.clone(),
        },
        Value::AsyncGenWrapped(_) | Value::Native(_) => t.object.clone(),
        Value::DictView(v) => match v.1 {
            DictView::Keys => t.dict_keys.clone(),
            DictView::Values => t.dict_values.clone(),
            DictView::Items => t.dict_items.clone(),
        },
        Value::Cell(_) => t.cell.clone(),
        Value::Code(_) => t.code.clone(),
        Value::Module(_) => t.module.clone(),
        Value::StaticMethod(_) => t.staticmethod.clone(),
        Value::ClassMethod(f) => match &**f {
            Value::Builtin(b) if b.owner.is_some() => t.classmethod_descriptor.clone(),
            _ => t.classmethod.clone(),
        },
        Value::Property(_) => t.property.clone(),
        Value::Super(_) => t.super_.clone(),
    }
}

pub fn type_name(v: &Value) -> Rc<str> {
    match v {
        Value::Iterator(state) => return Rc::from(iterator_type_name(&state.borrow())),
        // Struct sequences are named by their dotted `tp_name`, as CPython's
        // messages name static types.
        Value::Instance(i) if matches!(i.payload, Some(Value::Tuple(_))) => {
            if let Some(name) = crate::builtins::structseq::tp_name(&i.class.borrow()) {
                return Rc::from(name);
            }
        }
        _ => {}
    }
    let t = type_of(v);
    crate::object::native::tp_name(&t).unwrap_or_else(|| t.name.clone())
}

/// The type of a builtin iterator (one per CPython iterator type name).
/// The builtin iterator type called `name` (made and readied on first use).
pub fn iterator_type(name: &'static str) -> Rc<Type> {
    thread_local! {
        static TYPES: RefCell<Vec<(&'static str, Rc<Type>)>> = const { RefCell::new(Vec::new()) };
    }
    TYPES.with(|types| {
        if let Some((_, t)) = types.borrow().iter().find(|(n, _)| *n == name) {
            return t.clone();
        }
        let t = Type::new(name, Kind::Iterator, vec![builtin_types().object.clone()]);
        crate::object::types::type_ready(&t);
        types.borrow_mut().push((name, t.clone()));
        t
    })
}

/// CPython's names for its builtin iterator types.
pub fn iterator_type_name(state: &IterState) -> &'static str {
    match state {
        IterState::List { .. } => "list_iterator",
        IterState::Values { name, .. } => name,
        IterState::Range { .. } => "range_iterator",
        IterState::BigRange { .. } => "longrange_iterator",
        IterState::Dict {
            view: DictView::Keys,
            ..
        } => "dict_keyiterator",
        IterState::Dict {
            view: DictView::Values,
            ..
        } => "dict_valueiterator",
        IterState::Dict {
            view: DictView::Items,
            ..
        } => "dict_itemiterator",
        IterState::Enumerate { .. } => "enumerate",
        IterState::Zip { .. } => "zip",
        IterState::Map { .. } => "map",
        IterState::Filter { .. } => "filter",
        IterState::Reversed { name, .. } => name,
        IterState::ReversedSequence { .. } => "reversed",
        IterState::Callable { .. } => "callable_iterator",
        IterState::Sequence { .. } => "iterator",
        IterState::Exhausted(name) => name,
    }
}

/// Looks `name` up along the MRO of `t` (`_PyType_Lookup`).
pub fn lookup(t: &Rc<Type>, name: &str) -> Option<Value> {
    lookup_hashed(t, name, str_hash(name))
}

/// [`lookup`] for a name whose str hash is known.
pub fn lookup_hashed(t: &Rc<Type>, name: &str, hash: i64) -> Option<Value> {
    t.cached_lookup(name, hash, LookupKind::Full, || {
        t.mro
            .borrow()
            .iter()
            .find_map(|c| c.dict.borrow().get_str(hash, name))
    })
}

/// A user-defined dunder on the value's class (not on builtin bases).
pub fn user_dunder(v: &Value, name: &str) -> Option<Value> {
    let t = match v {
        Value::Instance(i) => i.class.borrow().clone(),
        Value::Exception(e) => e.class.clone(),
        Value::Type(_) => type_of(v),
        _ => return None,
    };
    if t.kind != Kind::User && !matches!(v, Value::Type(_)) {
        return None;
    }
    let hash = str_hash(name);
    t.cached_lookup(name, hash, LookupKind::UserOnly, || {
        t.mro
            .borrow()
            .iter()
            .filter(|c| c.kind == Kind::User)
            .find_map(|c| c.dict.borrow().get_str(hash, name))
    })
}

/// What a user class's instances do differently from `object`'s attribute
/// protocol (see [`InstanceFacts`]).
pub fn instance_facts(t: &Rc<Type>) -> InstanceFacts {
    t.instance_facts(|| {
        let defines = |name: &str| {
            let hash = str_hash(name);
            t.mro
                .borrow()
                .iter()
                .filter(|c| c.kind == Kind::User)
                .any(|c| c.dict.borrow().get_str(hash, name).is_some())
        };
        InstanceFacts {
            plain_getattr: !defines("__getattribute__") && !defines("__getattr__"),
            plain_setattr: !defines("__setattr__"),
            slots: attr::class_slots(t).map(Rc::from),
            plain_init: plain_init(t),
        }
    })
}

/// See [`InstanceFacts::plain_init`].
fn plain_init(t: &Rc<Type>) -> Option<Value> {
    let user_metaclass =
        matches!(t.metaclass.borrow().as_ref(), Some(Value::Type(m)) if m.kind == Kind::User);
    if t.kind != Kind::User || user_metaclass || t.base_kind() != Kind::Object {
        return None;
    }
    // `object.__new__` (owned by `object`), not a native module's class's
    // `__new__` (owned by a user-kind type), which must run.
    if !matches!(lookup(t, "__new__"), Some(Value::Builtin(b))
        if b.owner.as_ref().is_none_or(|o| o.kind != Kind::User))
    {
        return None;
    }
    lookup(t, "__init__").filter(|init| matches!(init, Value::Function(_)))
}

/// Calls a user dunder if the class defines one: `Some(result)`. A
/// staticmethod is called without the instance (its `__get__` gives the
/// plain function, as `lookup_maybe_method` does).
pub fn call_dunder(
    vm: &mut Vm,
    v: &Value,
    name: &str,
    args: Vec<Value>,
) -> PyResult<Option<Value>> {
    match user_dunder(v, name) {
        Some(Value::StaticMethod(f)) => Ok(Some(vm.call(&f, args)?)),
        Some(f) => {
            let mut all = vec![v.clone()];
            all.extend(args);
            Ok(Some(vm.call(&f, all)?))
        }
        None => Ok(None),
    }
}

/// A native function (a builtin, a module function): it checks its own
/// arguments.
pub fn native(name: &'static str, func: NativeFn, receiver: Option<Value>) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name,
        func,
        receiver,
        owner: None,
        arity: crate::object::function::Arity::ANY,
    }))
}

/// A native method of a class (`owner`), bound when looked up on an
/// instance as a method descriptor is; a plain [`native`] function (a
/// module's, a builtin) is not bound, as CPython's builtin functions are
/// not descriptors.
pub fn native_method(name: &'static str, func: NativeFn, owner: &Rc<Type>) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name,
        func,
        receiver: None,
        owner: Some(owner.clone()),
        arity: crate::object::function::Arity::ANY,
    }))
}

pub(crate) mod attr;
pub mod number;
pub mod range;
mod text;
pub use attr::*;
pub use text::{repr, str_of};

pub fn str_arg(v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        other => Err(type_error(format!(
            "expected str, got {}",
            type_name(other)
        ))),
    }
}

// ---------------------------------------------------------------- truth, equality, hashing

pub fn truthy(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    if let Some(p) = builtin_payload(v, "__bool__") {
        if user_dunder(v, "__len__").is_none() {
            return truthy(vm, &p);
        }
    }
    Ok(match v {
        Value::None | Value::Null => false,
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::BigInt(_) => true,
        Value::Float(f) => *f != 0.0,
        Value::Complex(re, im) => *re != 0.0 || *im != 0.0,
        Value::Str(s) => !s.is_empty(),
        Value::Bytes(b) => !b.is_empty(),
        Value::ByteArray(b) => !b.borrow().is_empty(),
        Value::Tuple(t) => !t.is_empty(),
        Value::List(l) => !l.borrow().is_empty(),
        Value::Dict(d) | Value::Set(d) => !d.borrow().is_empty(),
        Value::FrozenSet(d) => !d.is_empty(),
        Value::Range(r) => !r.is_empty(),
        Value::DictView(view) => !view.0.borrow().is_empty(),
        Value::Instance(_) | Value::Exception(_) => {
            return super::ops::truth::instance_truth(vm, v)
        }
        _ => true,
    })
}

/// Element-wise [`builtin_eq`] of two sequences (identity first, as
/// CPython's list/tuple comparison); `None` when an element needs Python.
fn builtin_seq_eq(x: &[Value], y: &[Value]) -> Option<bool> {
    if x.len() != y.len() {
        return Some(false);
    }
    for (p, q) in x.iter().zip(y.iter()) {
        if !p.is(q) && !builtin_eq(p, q)? {
            return Some(false);
        }
    }
    Some(true)
}

/// Equality of builtin values without calling Python; `None` when either side
/// needs a user `__eq__`.
pub fn builtin_eq(a: &Value, b: &Value) -> Option<bool> {
    use Value::*;
    Some(match (a, b) {
        (Int(_) | Bool(_) | BigInt(_) | Float(_), Int(_) | Bool(_) | BigInt(_) | Float(_)) => {
            super::ops::num_cmp(a, b) == Some(std::cmp::Ordering::Equal)
        }
        (Complex(r1, i1), Complex(r2, i2)) => r1 == r2 && i1 == i2,
        (Complex(r, i), Int(_) | Float(_) | Bool(_))
        | (Int(_) | Float(_) | Bool(_), Complex(r, i)) => {
            let other = if matches!(a, Complex(..)) { b } else { a };
            *i == 0.0 && super::ops::to_f64(other).is_some_and(|f| f == *r)
        }
        (Str(x), Str(y)) => x == y,
        (Bytes(x), Bytes(y)) => x == y,
        (Bytes(_) | ByteArray(_), Bytes(_) | ByteArray(_)) => {
            super::ops::bytes::compare(a, b) == Some(std::cmp::Ordering::Equal)
        }
        (None, None) | (Ellipsis, Ellipsis) | (NotImplemented, NotImplemented) => true,
        (Tuple(x), Tuple(y)) => return builtin_seq_eq(x, y),
        (List(x), List(y)) => return builtin_seq_eq(&x.borrow(), &y.borrow()),
        (Range(x), Range(y)) => range::range_eq(x, y),
        (Slice(x), Slice(y)) => return builtin_seq_eq(&x[..], &y[..]),
        (Instance(_) | Exception(_), _) | (_, Instance(_) | Exception(_)) => return Option::None,
        (Dict(_) | Set(_) | FrozenSet(_), _) => return Option::None,
        (Type(x), Type(y)) => Rc::ptr_eq(x, y),
        // meth_richcompare / method_richcompare: the same function bound
        // to the same object.
        (Builtin(x), Builtin(y)) => {
            x.func as usize == y.func as usize
                && x.name == y.name
                && match (&x.receiver, &y.receiver) {
                    (Some(r), Some(s)) => r.is(s),
                    (Option::None, Option::None) => true,
                    _ => false,
                }
        }
        (BoundMethod(x), BoundMethod(y)) => {
            x.function.is(&y.function) && x.receiver.is(&y.receiver)
        }
        _ => a.is(b),
    })
}

/// `a == b`, running user `__eq__` (and the reflected one) as needed.
/// `PyObject_RichCompareBool(a, b, Py_EQ)`: identity first, so a NaN
/// equals itself in containers (each NaN `float()` makes has its own payload,
/// standing in for object identity: `numbers::fresh_nan`).
pub fn eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    if let Some(r) = builtin_eq(a, b) {
        return Ok(r);
    }
    let r = compare(vm, a, b, 2)?;
    truthy(vm, &r)
}

/// `hash(v)`.
pub fn hash_value(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(p) = builtin_payload(v, "__hash__") {
        if user_dunder(v, "__eq__").is_none() {
            return hash_value(vm, &p);
        }
    }
    if let Some(h) = builtin_hash(v) {
        return Ok(h);
    }
    match v {
        Value::Instance(_) | Value::Exception(_) => {
            if let Some(h) = user_dunder(v, "__hash__") {
                if h.is_none() {
                    return Err(unhashable(v));
                }
                let r = vm.call(&h, vec![v.clone()])?;
                return match r {
                    Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                    Value::BigInt(b) => Ok(hash::hash_bigint(&b)),
                    _ => Err(type_error("__hash__ method should return an integer")),
                };
            }
            if user_dunder(v, "__eq__").is_some() {
                return Err(unhashable(v));
            }
            Ok((v.id() >> 4) as i64)
        }
        Value::Tuple(items) => {
            let mut hashes = Vec::with_capacity(items.len());
            for item in items.iter() {
                hashes.push(hash_value(vm, item)?);
            }
            Ok(hash::hash_tuple(hashes.into_iter()))
        }
        Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) | Value::ByteArray(_) => {
            Err(unhashable(v))
        }
        _ => Ok((v.id() >> 4) as i64),
    }
}

#[cold]
fn unhashable(v: &Value) -> PyErr {
    type_error(format!("unhashable type: '{}'", type_name(v)))
}

/// `hash()` of values that never run Python code.
pub fn builtin_hash(v: &Value) -> Option<i64> {
    Some(match v {
        Value::None => 0x7f00_0000_2000 >> 4,
        Value::Bool(b) => *b as i64,
        Value::Int(i) => hash::hash_i64(*i),
        Value::BigInt(b) => hash::hash_bigint(b),
        Value::Float(f) => hash::hash_float(*f).unwrap_or(0),
        Value::Complex(re, im) => hash::hash_complex(*re, *im).unwrap_or(0),
        Value::Str(s) => str_hash(s),
        Value::Bytes(b) => HASH_KEY.with(|k| hash::hash_bytes(*k, b)),
        Value::Tuple(items) => {
            let hashes: Option<Vec<i64>> = items.iter().map(builtin_hash).collect();
            hash::hash_tuple(hashes?.into_iter())
        }
        Value::FrozenSet(d) => {
            let mut h: u64 = 0;
            for e in d.iter() {
                let x = e.hash as u64;
                h ^= ((x ^ 89869747) ^ (x << 16)).wrapping_mul(3644798167);
            }
            h as i64
        }
        Value::Type(t) => (Rc::as_ptr(t) as usize >> 4) as i64,
        // meth_hash: the receiver's identity and the function's.
        Value::Builtin(b) => {
            let own = b.receiver.as_ref().map_or(0, |r| r.id() >> 4);
            (own ^ (b.func as usize >> 4)) as i64
        }
        Value::Function(_) | Value::Code(_) | Value::Module(_) => (v.id() >> 4) as i64,
        Value::Range(r) => range::range_hash(r),
        _ => return None,
    })
}

/// Key equality for dicts and sets: builtin first, user `__eq__` otherwise.
pub fn key_eq(vm: &mut Vm) -> impl FnMut(&Value, &Value) -> PyResult<bool> + '_ {
    move |a, b| match builtin_eq(a, b) {
        Some(r) => Ok(r),
        None => eq(vm, a, b),
    }
}

/// Rich comparison (`COMPARE_OP` arg: < <= == != > >=).
pub fn compare(vm: &mut Vm, a: &Value, b: &Value, op: usize) -> PyResult<Value> {
    super::ops::compare(vm, a, b, op)
}

// ---------------------------------------------------------------- containers

pub fn new_set(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let set = Value::Set(Rc::new(RefCell::new(Dict::new())));
    for item in items {
        set_add(vm, &set, item)?;
    }
    Ok(set)
}

pub fn set_add(vm: &mut Vm, set: &Value, item: Value) -> PyResult<()> {
    match set {
        Value::Set(d) => dict_insert(vm, d, item, Value::None),
        _ => Err(type_error("set_add on a non-set")),
    }
}

pub fn dict_lookup(vm: &mut Vm, d: &Rc<RefCell<Dict>>, key: &Value) -> PyResult<Option<Value>> {
    let h = hash_value(vm, key)?;
    if let Some(r) = fast_lookup(d, h, key) {
        return Ok(r);
    }
    let snapshot = d.borrow().clone();
    let r = snapshot.get(h, key, &mut key_eq(vm));
    r
}

/// Inserts in place when no comparison needs Python code (the same builtin
/// comparisons then decide the same way); gives the key and value back
/// otherwise.
pub(crate) fn dict_insert_hashed(
    d: &Rc<RefCell<Dict>>,
    h: i64,
    key: Value,
    value: Value,
) -> Option<(Value, Value)> {
    if fast_lookup(d, h, &key).is_none() {
        return Some((key, value));
    }
    let mut eq = |a: &Value, b: &Value| Ok(builtin_eq(a, b).unwrap_or(false));
    let inserted = d.borrow_mut().insert(h, key, value, &mut eq);
    debug_assert!(inserted.is_ok(), "builtin comparisons do not fail");
    None
}

/// A lookup that needs no Python code (all compared keys builtin).
pub(crate) fn fast_lookup(d: &Rc<RefCell<Dict>>, h: i64, key: &Value) -> Option<Option<Value>> {
    let mut needs_python = false;
    let r = d.borrow().get(h, key, &mut |a, b| match builtin_eq(a, b) {
        Some(r) => Ok(r),
        None => {
            needs_python = true;
            Ok(false)
        }
    });
    if needs_python {
        None
    } else {
        r.ok()
    }
}

pub fn dict_insert(vm: &mut Vm, d: &Rc<RefCell<Dict>>, key: Value, value: Value) -> PyResult<()> {
    let h = hash_value(vm, &key)?;
    let Some((key, value)) = dict_insert_hashed(d, h, key, value) else {
        return Ok(());
    };
    // A user __eq__ may look at (or change) this dict: compare on a copy.
    let mut copy = d.borrow().clone();
    copy.insert(h, key, value, &mut key_eq(vm))?;
    *d.borrow_mut() = copy;
    Ok(())
}

pub fn dict_remove(vm: &mut Vm, d: &Rc<RefCell<Dict>>, key: &Value) -> PyResult<Option<Value>> {
    let h = hash_value(vm, key)?;
    // When no comparison needs Python code, remove in place (the same
    // builtin comparisons decide the same way); otherwise a user __eq__ may
    // look at or change this dict, so work on a copy.
    if fast_lookup(d, h, key).is_some() {
        let mut eq = |a: &Value, b: &Value| Ok(builtin_eq(a, b).unwrap_or(false));
        let removed = d.borrow_mut().remove(h, key, &mut eq)?;
        return Ok(removed);
    }
    let mut copy = d.borrow().clone();
    let r = copy.remove(h, key, &mut key_eq(vm))?;
    *d.borrow_mut() = copy;
    Ok(r)
}

/// The state of a memoryview cast to another format.
fn cast_view(v: &Value) -> Option<&crate::object::memoryview::CastView> {
    match v {
        Value::Instance(i) if matches!(i.payload, Some(Value::Native(_))) => {
            crate::object::native::native_ref(v)
        }
        _ => None,
    }
}

pub fn getitem(vm: &mut Vm, container: &Value, key: &Value) -> PyResult<Value> {
    if let Some(c) = cast_view(container) {
        let n = c.len() as i64;
        let i = match key {
            Value::Slice(_) => {
                return Err(not_implemented_error(
                    "memoryview: slicing a cast view is not supported",
                ))
            }
            k => number::as_ssize_index(vm, k)?,
        };
        let i = if i < 0 { i + n } else { i };
        if i < 0 || i >= n {
            return Err(index_error("index out of bounds on dimension 1"));
        }
        return Ok(c.item(&c.bytes(), i as usize));
    }
    if let Some(p) = builtin_payload(container, "__getitem__") {
        if matches!(key, Value::Slice(_)) && type_of(container).kind == Kind::MemoryView {
            // A slice of a memoryview is a memoryview (of a copy, here).
            let part = getitem(vm, &p, key)?;
            return Ok(new_instance_with_payload(&builtin_types().memoryview, part));
        }
        return match getitem(vm, &p, key) {
            Err(e) if e.is_instance(&builtin_types().key_error) && matches!(p, Value::Dict(_)) => {
                match call_dunder(vm, container, "__missing__", vec![key.clone()])? {
                    Some(v) => Ok(v),
                    None => Err(e),
                }
            }
            other => other,
        };
    }
    if let Some(k) = number::sequence_key(vm, container, key)? {
        return getitem(vm, container, &k);
    }
    match container {
        Value::List(l) => {
            if let Value::Slice(s) = key {
                let picked = super::ops::slice_items(vm, &l.borrow(), s)?;
                return Ok(Value::list(picked));
            }
            let i = super::ops::index_of(key).map_err(|_| list_index_type("list", key))?;
            let l = l.borrow();
            super::ops::normalize_index(i, l.len())
                .map(|i| l[i].clone())
                .ok_or_else(|| index_error("list index out of range"))
        }
        Value::Tuple(t) => {
            if let Value::Slice(s) = key {
                return Ok(Value::tuple(super::ops::slice_items(vm, t, s)?));
            }
            let i = super::ops::index_of(key).map_err(|_| list_index_type("tuple", key))?;
            super::ops::normalize_index(i, t.len())
                .map(|i| t[i].clone())
                .ok_or_else(|| index_error("tuple index out of range"))
        }
        Value::Str(s) => super::ops::str_getitem(vm, s, key),
        Value::Bytes(b) => super::ops::bytes::getitem(container, b, key),
        Value::ByteArray(b) => {
            let data = b.borrow().clone();
            super::ops::bytes::getitem(container, &data, key)
        }
        Value::Range(r) => range::range_getitem(vm, r, key),
        Value::Dict(d) => match dict_lookup(vm, d, key)? {
            Some(v) => Ok(v),
            None => {
                if let Some(r) = call_dunder(vm, container, "__missing__", vec![key.clone()])? {
                    return Ok(r);
                }
                Err(key_error(key.clone()))
            }
        },
        Value::Instance(_) => match call_dunder(vm, container, "__getitem__", vec![key.clone()])? {
            Some(v) => Ok(v),
            None => Err(type_error(format!(
                "'{}' object is not subscriptable",
                type_name(container)
            ))),
        },
        // PyObject_GetItem: the metaclass's __getitem__ (enum's
        // `Color["RED"]`) before the class's __class_getitem__.
        Value::Type(t) => match call_dunder(vm, container, "__getitem__", vec![key.clone()])? {
            Some(v) => Ok(v),
            None => crate::builtins::generic_alias::class_getitem(vm, t, key),
        },
        _ => Err(type_error(format!(
            "'{}' object is not subscriptable",
            type_name(container)
        ))),
    }
}

#[cold]
fn list_index_type(kind: &str, key: &Value) -> PyErr {
    type_error(format!(
        "{kind} indices must be integers or slices, not {}",
        type_name(key)
    ))
}

pub fn setitem(vm: &mut Vm, container: &Value, key: Value, value: Value) -> PyResult<()> {
    if let Some(p) = builtin_payload(container, "__setitem__") {
        return setitem(vm, &p, key, value);
    }
    if let Some(k) = number::sequence_key(vm, container, &key)? {
        return setitem(vm, container, k, value);
    }
    match container {
        Value::List(l) => {
            if let Value::Slice(s) = &key {
                // PySequence_Fast(v, "can only assign an iterable")
                let it = iter(vm, &value).map_err(|e| {
                    if e.is_instance(&builtin_types().type_error) {
                        type_error("can only assign an iterable")
                    } else {
                        e
                    }
                })?;
                let items = collect(vm, &it)?;
                return super::ops::list_set_slice(vm, l, s, items);
            }
            let i = super::ops::index_of(&key).map_err(|_| list_index_type("list", &key))?;
            let mut l = l.borrow_mut();
            let n = l.len();
            match super::ops::normalize_index(i, n) {
                Some(i) => {
                    l[i] = value;
                    Ok(())
                }
                None => Err(index_error("list assignment index out of range")),
            }
        }
        Value::Dict(d) => dict_insert(vm, d, key, value),
        Value::ByteArray(b) => super::ops::bytes::setitem(vm, b, &key, &value),
        Value::Instance(_) => match call_dunder(vm, container, "__setitem__", vec![key, value])? {
            Some(_) => Ok(()),
            None => Err(type_error(format!(
                "'{}' object does not support item assignment",
                type_name(container)
            ))),
        },
        _ => Err(type_error(format!(
            "'{}' object does not support item assignment",
            type_name(container)
        ))),
    }
}

pub fn delitem(vm: &mut Vm, container: &Value, key: &Value) -> PyResult<()> {
    if let Some(p) = builtin_payload(container, "__delitem__") {
        return delitem(vm, &p, key);
    }
    if let Some(k) = number::sequence_key(vm, container, key)? {
        return delitem(vm, container, &k);
    }
    match container {
        Value::List(l) => {
            if let Value::Slice(s) = key {
                return super::ops::list_del_slice(vm, l, s);
            }
            let i = super::ops::index_of(key)?;
            let mut l = l.borrow_mut();
            let n = l.len();
            match super::ops::normalize_index(i, n) {
                Some(i) => {
                    l.remove(i);
                    Ok(())
                }
                None => Err(index_error("list assignment index out of range")),
            }
        }
        Value::Dict(d) => match dict_remove(vm, d, key)? {
            Some(_) => Ok(()),
            None => Err(key_error(key.clone())),
        },
        Value::ByteArray(b) => super::ops::bytes::delitem(b, key),
        Value::Instance(_) => match call_dunder(vm, container, "__delitem__", vec![key.clone()])? {
            Some(_) => Ok(()),
            None => Err(type_error(format!(
                "'{}' object doesn't support item deletion",
                type_name(container)
            ))),
        },
        _ => Err(type_error(format!(
            "'{}' object doesn't support item deletion",
            type_name(container)
        ))),
    }
}

pub fn contains(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    if let Value::DictView(view) = container {
        let d = view.0.clone();
        return match view.1 {
            DictView::Keys => Ok(dict_lookup(vm, &d, item)?.is_some()),
            DictView::Items => match item {
                Value::Tuple(t) if t.len() == 2 => match dict_lookup(vm, &d, &t[0])? {
                    Some(v) => eq(vm, &v, &t[1]),
                    None => Ok(false),
                },
                _ => Ok(false),
            },
            DictView::Values => {
                let values = d.borrow().values();
                for v in values {
                    if eq(vm, &v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        };
    }
    if let Some(p) = builtin_payload(container, "__contains__") {
        if user_dunder(container, "__iter__").is_none() {
            return contains(vm, &p, item);
        }
    }
    match container {
        Value::Str(s) => match item {
            Value::Str(sub) => Ok(s.contains(&**sub)),
            _ => Err(type_error(format!(
                "'in <string>' requires string as left operand, not {}",
                type_name(item)
            ))),
        },
        Value::Dict(d) | Value::Set(d) => Ok(dict_lookup(vm, d, item)?.is_some()),
        Value::Bytes(_) | Value::ByteArray(_) => {
            let data = super::ops::bytes::bytes_data(container).unwrap_or_default();
            super::ops::bytes::contains(vm, &data, item)
        }
        Value::FrozenSet(d) => {
            let h = hash_value(vm, item)?;
            Ok(d.get(h, item, &mut key_eq(vm))?.is_some())
        }
        Value::Range(r) => range::range_contains(vm, r, item),
        Value::Instance(_) | Value::Type(_) => {
            if let Some(r) = call_dunder(vm, container, "__contains__", vec![item.clone()])? {
                return truthy(vm, &r);
            }
            iter_search(vm, container, item)
        }
        _ => iter_search(vm, container, item),
    }
}

/// `in` by iteration (abstract.c's `_PySequence_IterSearch`): stops at the
/// first equal item.
fn iter_search(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    let it = iter(vm, container).map_err(|e| {
        if e.is_instance(&builtin_types().type_error) {
            type_error(format!(
                "argument of type '{}' is not iterable",
                type_name(container)
            ))
        } else {
            e
        }
    })?;
    while let Some(v) = next(vm, &it)? {
        if v.is(item) || eq(vm, &v, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

pub fn len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    if let Value::DictView(view) = v {
        return Ok(view.0.borrow().len());
    }
    if let Some(p) = builtin_payload(v, "__len__") {
        return len(vm, &p);
    }
    Ok(match v {
        Value::Str(s) => s.chars().count(),
        Value::Bytes(b) => b.len(),
        Value::ByteArray(b) => b.borrow().len(),
        Value::Tuple(t) => t.len(),
        Value::List(l) => l.borrow().len(),
        Value::Dict(d) | Value::Set(d) => d.borrow().len(),
        Value::FrozenSet(d) => d.len(),
        Value::Range(r) => range::range_len(r)?,
        Value::Instance(_) if cast_view(v).is_some() => cast_view(v).map_or(0, |c| c.len()),
        Value::Instance(_) | Value::Type(_) => match call_dunder(vm, v, "__len__", vec![])? {
            Some(n) => number::length_result(vm, &n)?,
            None => {
                return Err(type_error(format!(
                    "object of type '{}' has no len()",
                    type_name(v)
                )))
            }
        },
        _ => {
            return Err(type_error(format!(
                "object of type '{}' has no len()",
                type_name(v)
            )))
        }
    })
}

// ---------------------------------------------------------------- iteration

pub fn iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Some(c) = cast_view(v) {
        return iter(vm, &Value::tuple(c.items()));
    }
    if let Value::DictView(view) = v {
        let len = view.0.borrow().len();
        return Ok(Value::Iterator(Rc::new(RefCell::new(IterState::Dict {
            dict: view.0.clone(),
            pos: 0,
            view: view.1,
            len,
        }))));
    }
    if let Some(p) = builtin_payload(v, "__iter__") {
        // An instance of a subclass of an iterator type is its own iterator
        // (PyObject_SelfIter), so its own `__next__` is what runs.
        if matches!(p, Value::Iterator(_)) {
            return Ok(v.clone());
        }
        return iter(vm, &p);
    }
    let state = match v {
        Value::List(l) => IterState::List {
            list: l.clone(),
            index: 0,
        },
        Value::Tuple(t) => IterState::Values {
            items: t.clone(),
            index: 0,
            name: "tuple_iterator",
        },
        Value::Str(s) => IterState::Values {
            items: s
                .chars()
                .map(|c| Value::str(c.encode_utf8(&mut [0; 4])))
                .collect(),
            index: 0,
            name: if s.is_ascii() {
                "str_ascii_iterator"
            } else {
                "str_iterator"
            },
        },
        Value::Bytes(b) => IterState::Values {
            items: b.iter().map(|&x| Value::Int(x as i64)).collect(),
            index: 0,
            name: "bytes_iterator",
        },
        Value::ByteArray(b) => IterState::Values {
            items: b.borrow().iter().map(|&x| Value::Int(x as i64)).collect(),
            index: 0,
            name: "bytearray_iterator",
        },
        Value::Range(r) => range::range_iter(r),
        Value::Dict(d) => IterState::Dict {
            dict: d.clone(),
            pos: 0,
            view: DictView::Keys,
            len: d.borrow().len(),
        },
        Value::Set(d) => IterState::Values {
            items: d.borrow().set_order_keys().into(),
            index: 0,
            name: "set_iterator",
        },
        Value::FrozenSet(d) => IterState::Values {
            items: d.set_order_keys().into(),
            index: 0,
            name: "set_iterator",
        },
        Value::Iterator(_) => return Ok(v.clone()),
        Value::Generator(g) if g.kind == GenKind::Generator => return Ok(v.clone()),
        Value::GenAwaitable(_) => return Ok(v.clone()),
        Value::Instance(_) | Value::Type(_) => {
            if let Some(it) = call_dunder(vm, v, "__iter__", vec![])? {
                let is_iter = match &it {
                    Value::Iterator(_) | Value::GenAwaitable(_) => true,
                    Value::Generator(g) => g.kind == GenKind::Generator,
                    other => lookup(&type_of(other), "__next__").is_some(),
                };
                if !is_iter {
                    return Err(type_error(format!(
                        "iter() returned non-iterator of type '{}'",
                        type_name(&it)
                    )));
                }
                return Ok(it);
            }
            if user_dunder(v, "__getitem__").is_some() {
                IterState::Sequence {
                    seq: v.clone(),
                    index: 0,
                }
            } else {
                return Err(not_iterable(v));
            }
        }
        _ => return Err(not_iterable(v)),
    };
    Ok(Value::Iterator(Rc::new(RefCell::new(state))))
}

#[cold]
fn not_iterable(v: &Value) -> PyErr {
    type_error(format!("'{}' object is not iterable", type_name(v)))
}

/// Advances an iterator: `Ok(None)` when exhausted.
pub fn next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    match it {
        Value::Iterator(state) => super::ops::iterator_next(vm, state),
        Value::Generator(g) if g.kind == GenKind::Generator => {
            match super::generator::resume(vm, g, super::generator::Resume::Send(Value::None))? {
                super::generator::GenResult::Yielded(v) => Ok(Some(v)),
                super::generator::GenResult::Returned(_) => Ok(None),
            }
        }
        Value::GenAwaitable(aw) => {
            use super::coro::{awaitable_resume_native, AwaitResult};
            match awaitable_resume_native(vm, aw, super::generator::Resume::Send(Value::None))? {
                AwaitResult::Yield(v) => Ok(Some(v)),
                AwaitResult::Complete(_) => Ok(None),
                AwaitResult::Raise(e) => Err(e),
            }
        }
        Value::Instance(i) => match user_dunder(it, "__next__") {
            Some(f) => match vm.call(&f, vec![it.clone()]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.is_instance(&builtin_types().stop_iteration) => Ok(None),
                Err(e) => Err(e),
            },
            None if matches!(i.payload, Some(Value::Iterator(_))) => {
                next(vm, i.payload.as_ref().expect("matched"))
            }
            None => Err(type_error(format!(
                "'{}' object is not an iterator",
                type_name(it)
            ))),
        },
        _ => Err(type_error(format!(
            "'{}' object is not an iterator",
            type_name(it)
        ))),
    }
}

/// `operator.length_hint(v, 0)` for an instance of a user class
/// (abstract.c's `PyObject_LengthHint`): `__len__`, else `__length_hint__`;
/// a TypeError from either means "no hint".
pub fn length_hint(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let hint = if user_dunder(v, "__len__").is_some() {
        len(vm, v).map(Some)
    } else {
        match call_dunder(vm, v, "__length_hint__", vec![]) {
            Ok(Some(Value::NotImplemented)) | Ok(None) => Ok(None),
            Ok(Some(n)) => crate::vm::ops::index_of(&n).map(|n| Some(n.max(0) as usize)),
            Err(e) => Err(e),
        }
    };
    match hint {
        Ok(n) => Ok(n.unwrap_or(0)),
        Err(e) if e.is_instance(&builtin_types().type_error) => Ok(0),
        Err(e) => Err(e),
    }
}

/// All items of an iterable.
pub fn collect(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    match v {
        Value::List(l) => return Ok(l.borrow().clone()),
        Value::Tuple(t) => return Ok(t.to_vec()),
        _ => {}
    }
    let it = iter(vm, v)?;
    let mut out = Vec::new();
    while let Some(x) = next(vm, &it)? {
        out.push(x);
    }
    Ok(out)
}

/// An exception instance of `class` made from `args` (no Python `__init__`).
pub fn new_exception(class: &Rc<Type>, args: Vec<Value>) -> Value {
    Value::Exception(ExceptionObject::new(class.clone(), args))
}

pub fn new_instance(class: &Rc<Type>) -> Value {
    Value::Instance(Rc::new(Instance {
        class: RefCell::new(class.clone()),
        dict: Rc::new(RefCell::new(Dict::new())),
        payload: None,
        finalized: std::cell::Cell::new(false),
        weakly_referenced: std::cell::Cell::new(false),
    }))
}

pub fn new_instance_with_payload(class: &Rc<Type>, payload: Value) -> Value {
    Value::Instance(Rc::new(Instance {
        class: RefCell::new(class.clone()),
        dict: Rc::new(RefCell::new(Dict::new())),
        payload: Some(payload),
        finalized: std::cell::Cell::new(false),
        weakly_referenced: std::cell::Cell::new(false),
    }))
}

/// The builtin value a builtin-subclass instance extends, when the class does
/// not override `dunder` (None: use the instance's own protocol).
/// A native module's object (`Value::Native` payload) extends no builtin
/// value: it is the instance itself, with `object`'s protocol.
pub fn builtin_payload(v: &Value, dunder: &str) -> Option<Value> {
    match v {
        Value::Instance(i) => match &i.payload {
            Some(Value::Native(_)) => None,
            Some(p) if user_dunder(v, dunder).is_none() => Some(p.clone()),
            _ => None,
        },
        _ => None,
    }
}
