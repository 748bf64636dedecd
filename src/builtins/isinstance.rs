//! `isinstance` and `issubclass` as abstract.c's `PyObject_IsInstance` and
//! `PyObject_IsSubclass` (tuples, unions, `__instancecheck__` /
//! `__subclasscheck__` on the metaclass, `__class__` and `__bases__` of
//! objects that are not classes), and `types.UnionType` (`int | str`).

use std::rc::Rc;

use crate::object::exception::type_error;
use crate::object::function::{Args, NativeFn};
use crate::object::types::{Kind, Type};
use crate::object::{builtin_types, PyResult, Value};
use crate::vm::protocol::{self, type_of};
use crate::vm::Vm;

/// `types.UnionType`.
pub fn union_type() -> Rc<Type> {
    UNION_TYPE.with(Rc::clone)
}

thread_local! {
    static UNION_TYPE: Rc<Type> = super::modules::native_class("UnionType", "types", UNION_METHODS);
}

const INSTANCE_ARG2: &str = "isinstance() arg 2 must be a type, a tuple of types, or a union";
const SUBCLASS_ARG2: &str = "issubclass() arg 2 must be a class, a tuple of classes, or a union";

pub fn isinstance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj, cls] = args.positional else {
        return Err(type_error(format!(
            "isinstance expected 2 arguments, got {}",
            args.positional.len()
        )));
    };
    Ok(Value::Bool(object_isinstance(vm, obj, cls)?))
}

pub fn issubclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [derived, cls] = args.positional else {
        return Err(type_error(format!(
            "issubclass expected 2 arguments, got {}",
            args.positional.len()
        )));
    };
    Ok(Value::Bool(object_issubclass(vm, derived, cls)?))
}

/// The `__args__` of a `types.UnionType`.
fn union_args(v: &Value) -> Option<Value> {
    let Value::Instance(i) = v else {
        return None;
    };
    if !Rc::ptr_eq(&i.class.borrow(), &UNION_TYPE.with(Rc::clone)) {
        return None;
    }
    protocol::plain_get_str(&i.dict.borrow(), "__args__")
}

/// `PyObject_IsInstance`.
pub fn object_isinstance(vm: &mut Vm, obj: &Value, cls: &Value) -> PyResult<bool> {
    if let Value::Type(c) = cls {
        if Rc::ptr_eq(&type_of(obj), c) {
            return Ok(true);
        }
        if protocol::user_dunder(cls, "__instancecheck__").is_none() {
            return recursive_isinstance(vm, obj, cls);
        }
    }
    if let Some(args) = union_args(cls) {
        return object_isinstance(vm, obj, &args);
    }
    if let Value::Tuple(items) = cls {
        for item in items.iter() {
            if object_isinstance(vm, obj, item)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(check) = protocol::user_dunder(cls, "__instancecheck__") {
        let r = vm.call(&check, vec![cls.clone(), obj.clone()])?;
        return protocol::truthy(vm, &r);
    }
    recursive_isinstance(vm, obj, cls)
}

/// abstract.c's `object_isinstance`: the type, then `__class__`.
fn recursive_isinstance(vm: &mut Vm, obj: &Value, cls: &Value) -> PyResult<bool> {
    if let Value::Type(c) = cls {
        if type_of(obj).is_subtype(c) {
            return Ok(true);
        }
        return match class_attr(vm, obj)? {
            Some(Value::Type(icls)) if !Rc::ptr_eq(&icls, &type_of(obj)) => Ok(icls.is_subtype(c)),
            _ => Ok(false),
        };
    }
    if bases_of(vm, cls)?.is_none() {
        return Err(type_error(INSTANCE_ARG2));
    }
    match class_attr(vm, obj)? {
        Some(icls) => abstract_issubclass(vm, &icls, cls, 0),
        None => Ok(false),
    }
}

/// `obj.__class__`, when it has one.
fn class_attr(vm: &mut Vm, obj: &Value) -> PyResult<Option<Value>> {
    match protocol::getattr(vm, obj, "__class__") {
        Ok(c) => Ok(Some(c)),
        Err(e) if e.is_instance(&builtin_types().attribute_error) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `cls.__bases__` when it is a tuple (abstract.c's `abstract_get_bases`).
fn bases_of(vm: &mut Vm, cls: &Value) -> PyResult<Option<Vec<Value>>> {
    if let Value::Type(t) = cls {
        return Ok(Some(t.bases.iter().cloned().map(Value::Type).collect()));
    }
    match protocol::getattr(vm, cls, "__bases__") {
        Ok(Value::Tuple(t)) => Ok(Some(t.to_vec())),
        Ok(_) => Ok(None),
        Err(e) if e.is_instance(&builtin_types().attribute_error) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Walks `__bases__` (for objects that pose as classes).
fn abstract_issubclass(vm: &mut Vm, derived: &Value, cls: &Value, depth: usize) -> PyResult<bool> {
    // `__bases__` of objects posing as classes may form a cycle.
    if depth > vm.recursion_limit {
        return Err(crate::object::exception::recursion_error(
            "maximum recursion depth exceeded in __subclasscheck__",
        ));
    }
    if derived.is(cls) {
        return Ok(true);
    }
    if let (Value::Type(d), Value::Type(c)) = (derived, cls) {
        return Ok(d.is_subtype(c));
    }
    let Some(bases) = bases_of(vm, derived)? else {
        return Ok(false);
    };
    for b in bases {
        if abstract_issubclass(vm, &b, cls, depth + 1)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `PyObject_IsSubclass`.
pub fn object_issubclass(vm: &mut Vm, derived: &Value, cls: &Value) -> PyResult<bool> {
    if let Value::Type(_) = cls {
        if protocol::user_dunder(cls, "__subclasscheck__").is_none() {
            return recursive_issubclass(vm, derived, cls);
        }
    }
    if let Some(args) = union_args(cls) {
        return object_issubclass(vm, derived, &args);
    }
    if let Value::Tuple(items) = cls {
        for item in items.iter() {
            if object_issubclass(vm, derived, item)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(check) = protocol::user_dunder(cls, "__subclasscheck__") {
        let r = vm.call(&check, vec![cls.clone(), derived.clone()])?;
        return protocol::truthy(vm, &r);
    }
    recursive_issubclass(vm, derived, cls)
}

fn recursive_issubclass(vm: &mut Vm, derived: &Value, cls: &Value) -> PyResult<bool> {
    if let (Value::Type(d), Value::Type(c)) = (derived, cls) {
        return Ok(d.is_subtype(c));
    }
    if bases_of(vm, derived)?.is_none() {
        return Err(type_error("issubclass() arg 1 must be a class"));
    }
    if bases_of(vm, cls)?.is_none() {
        return Err(type_error(SUBCLASS_ARG2));
    }
    abstract_issubclass(vm, derived, cls, 0)
}

// ------------------------------------------------------------ types.UnionType

/// What `|` may join into a union (unionobject.c's `is_unionable`).
fn unionable(v: &Value) -> bool {
    matches!(v, Value::None | Value::Type(_))
        || union_args(v).is_some()
        || super::generic_alias::is_alias(v)
}

/// `a | b` for classes, None and unions: a `types.UnionType` of their
/// members, flattened and without repeats; `None` when `|` means
/// something else here.
pub fn union_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if !unionable(a) || !unionable(b) {
        return Ok(None);
    }
    // A metaclass's own `|` comes first.
    let meta_has = |v: &Value, name: &str| {
        matches!(v, Value::Type(_)) && protocol::user_dunder(v, name).is_some()
    };
    if meta_has(a, "__or__") || meta_has(b, "__ror__") {
        return Ok(None);
    }
    let mut members: Vec<Value> = Vec::new();
    for side in [a, b] {
        let parts = match union_args(side) {
            Some(args) => protocol::collect(vm, &args)?,
            None => vec![side.clone()],
        };
        for p in parts {
            let p = match p {
                Value::None => Value::Type(builtin_types().none_type.clone()),
                other => other,
            };
            if !members.iter().any(|m| m.is(&p)) {
                members.push(p);
            }
        }
    }
    if members.len() == 1 {
        return Ok(Some(members.remove(0)));
    }
    let u = protocol::new_instance(&UNION_TYPE.with(Rc::clone));
    if let Value::Instance(i) = &u {
        protocol::plain_set_str(&mut i.dict.borrow_mut(), "__args__", Value::tuple(members));
    }
    Ok(Some(u))
}

const UNION_METHODS: &[(&str, NativeFn)] = &[
    ("__repr__", |vm, a| {
        let args = a.positional.first().and_then(union_args);
        let Some(args) = args else {
            return Err(type_error("descriptor '__repr__' needs a union"));
        };
        let mut parts = Vec::new();
        for m in protocol::collect(vm, &args)? {
            parts.push(match &m {
                Value::Type(t) if t.kind == Kind::NoneType => "None".to_string(),
                v if super::generic_alias::is_alias(v) => protocol::repr(vm, v)?,
                Value::Type(t) if t.kind != Kind::User => t.name.to_string(),
                Value::Type(t) => match protocol::lookup(t, "__module__") {
                    Some(Value::Str(m)) if &*m != "builtins" => {
                        format!("{m}.{}", t.qualname.borrow())
                    }
                    _ => t.qualname.borrow().to_string(),
                },
                other => protocol::repr(vm, other)?,
            });
        }
        Ok(Value::str(&parts.join(" | ")))
    }),
    ("__or__", |vm, a| match a.positional {
        [x, y] => Ok(union_or(vm, x, y)?.unwrap_or(Value::NotImplemented)),
        _ => Err(type_error("__or__ expected 1 argument")),
    }),
    ("__ror__", |vm, a| match a.positional {
        [x, y] => Ok(union_or(vm, y, x)?.unwrap_or(Value::NotImplemented)),
        _ => Err(type_error("__ror__ expected 1 argument")),
    }),
    ("__eq__", |vm, a| match a.positional {
        [x, y] => match (union_args(x), union_args(y)) {
            (Some(p), Some(q)) => {
                let (p, q) = (protocol::collect(vm, &p)?, protocol::collect(vm, &q)?);
                Ok(Value::Bool(
                    p.len() == q.len() && p.iter().all(|m| q.iter().any(|n| n.is(m))),
                ))
            }
            _ => Ok(Value::NotImplemented),
        },
        _ => Err(type_error("__eq__ expected 1 argument")),
    }),
];
