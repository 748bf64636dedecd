//! `__slots__`: the checks `type_new` makes of them, the
//! `member_descriptor` objects `C.slot` gives and the `getset_descriptor`s
//! for `__dict__`/`__weakref__` (descrobject.c), and the entries `type_new`
//! adds to a new class's namespace.
//!
//! Slot values live in the instance dict like other attributes (the
//! attribute fast paths rely on it); classes keep no descriptor in their
//! namespace, so `C.name` makes one on demand, and `__dict__` of an instance
//! whose class also has a dict leaves the slot values out.

use std::rc::Rc;

use crate::object::exception::{attribute_error, type_error, value_error};
use crate::object::function::NativeFn;
use crate::object::types::{Kind, Type};
use crate::object::{Dict, PyResult, Value};
use crate::vm::protocol::{self, type_name};
use crate::vm::Vm;

thread_local! {
    static MEMBER_DESCRIPTOR: Rc<Type> =
        super::modules::native_class("member_descriptor", "builtins", METHODS);
}

thread_local! {
    static GETSET_DESCRIPTOR: Rc<Type> =
        super::modules::native_class("getset_descriptor", "builtins", GETSET_METHODS);
}

/// `types.MemberDescriptorType`.
pub fn member_descriptor_type() -> Rc<Type> {
    MEMBER_DESCRIPTOR.with(Rc::clone)
}

/// `types.GetSetDescriptorType`.
pub fn getset_descriptor_type() -> Rc<Type> {
    GETSET_DESCRIPTOR.with(Rc::clone)
}

/// What `type_new` and `PyType_Ready` add to a new class's namespace, in
/// their order: `__dict__` and `__weakref__` descriptors when the class adds
/// those to its instances, and `__doc__` (None) when the body set none;
/// `__qualname__` leaves the namespace (it is the type's own field).
pub fn finish_namespace(t: &Rc<Type>) {
    let own: Option<Vec<Rc<str>>> =
        protocol::plain_get_str(&t.dict.borrow(), "__slots__").map(|_| own_slots(t));
    let lists = |name: &str| own.as_ref().is_none_or(|s| s.iter().any(|x| &**x == name));
    let bases_have = |what: &str| {
        t.mro().iter().skip(1).any(|c| match c.kind {
            Kind::User => match what {
                "__dict__" => crate::vm::protocol::attr_class_slots(c).is_none(),
                _ => c.mro().iter().filter(|m| m.kind == Kind::User).any(|m| {
                    protocol::plain_get_str(&m.dict.borrow(), "__slots__").is_none()
                        || own_slots(m).iter().any(|x| &**x == "__weakref__")
                }),
            },
            Kind::Exception => what == "__dict__",
            // Variable-size instances cannot take a weakref slot.
            Kind::Int | Kind::Bool | Kind::Tuple | Kind::Bytes => what == "__weakref__",
            _ => false,
        })
    };
    let mut dict = t.dict.borrow_mut();
    let qualname_hash = protocol::str_hash("__qualname__");
    let _ = dict.remove(
        qualname_hash,
        &Value::str("__qualname__"),
        &mut protocol::str_key_eq,
    );
    for name in ["__dict__", "__weakref__"] {
        if lists(name) && !bases_have(name) {
            let d = protocol::new_instance(&GETSET_DESCRIPTOR.with(Rc::clone));
            if let Value::Instance(i) = &d {
                let mut attrs = i.dict.borrow_mut();
                protocol::plain_set_str(&mut attrs, "__name__", Value::str(name));
                protocol::plain_set_str(&mut attrs, "__objclass__", Value::Type(t.clone()));
            }
            protocol::plain_set_str(&mut dict, name, d);
        }
    }
    if protocol::plain_get_str(&dict, "__doc__").is_none() {
        protocol::plain_set_str(&mut dict, "__doc__", Value::None);
    }
}

/// `C.__dict__`'s picture of the namespace: the slots' member descriptors
/// (kept out of the real namespace, see the module comment) where
/// `PyType_Ready` puts them, before the entries [`finish_namespace`] added.
pub fn namespace_view(t: &Rc<Type>) -> Dict {
    let d = t.dict.borrow().clone();
    let slots: Vec<Rc<str>> = own_slots(t)
        .into_iter()
        .filter(|s| &**s != "__dict__" && &**s != "__weakref__")
        .collect();
    if t.kind != Kind::User || slots.is_empty() {
        return d;
    }
    let entries: Vec<(Value, Value)> = d.items();
    let is_added = |(k, v): &(Value, Value)| match k {
        Value::Str(s) if &**s == "__doc__" => v.is_none(),
        Value::Str(s) if &**s == "__dict__" || &**s == "__weakref__" => matches!(
            v,
            Value::Instance(i) if Rc::ptr_eq(&i.class.borrow(), &GETSET_DESCRIPTOR.with(Rc::clone))
        ),
        _ => false,
    };
    let split = entries.len() - entries.iter().rev().take_while(|e| is_added(e)).count();
    let mut out = Dict::new();
    let mut put = |k: Value, v: Value| {
        if let Value::Str(s) = &k {
            let h = protocol::str_hash(s);
            let _ = out.insert(h, k.clone(), v, &mut protocol::str_key_eq);
        }
    };
    for (k, v) in entries[..split].iter().cloned() {
        put(k, v);
    }
    for s in slots {
        if let Some(m) = slot_descriptor(t, &s) {
            put(Value::Str(s), m);
        }
    }
    for (k, v) in entries[split..].iter().cloned() {
        put(k, v);
    }
    out
}

const GETSET_METHODS: &[(&str, NativeFn)] = &[
    ("__get__", |vm, a| match a.positional {
        [d, obj, ..] if !obj.is_none() => {
            let (name, owner) = parts(vm, d)?;
            match obj {
                _ if owner.kind != Kind::User => protocol::native_attr(vm, obj, &name),
                Value::Instance(i) if name == "__dict__" => Ok(Value::Dict(i.dict.clone())),
                _ if name == "__dict__" => Err(protocol::no_attribute(obj, &name)),
                _ => Ok(Value::None),
            }
        }
        [d, ..] => Ok(d.clone()),
        [] => Err(type_error("descriptor '__get__' needs an argument")),
    }),
    ("__set__", |vm, a| match a.positional {
        [d, obj, value] => {
            let (name, _) = parts(vm, d)?;
            match obj {
                Value::Instance(i) if name == "__dict__" => {
                    protocol::set_instance_dict(i, value)?;
                    Ok(Value::None)
                }
                _ => Err(attribute_error(format!(
                    "attribute '{name}' of '{}' objects is not writable",
                    type_name(obj)
                ))),
            }
        }
        _ => Err(type_error("__set__ expected 2 arguments")),
    }),
    ("__repr__", |vm, a| match a.positional.first() {
        Some(d) => {
            let (name, owner) = parts(vm, d)?;
            Ok(Value::str(&format!(
                "<attribute '{name}' of '{}' objects>",
                owner.name
            )))
        }
        None => Err(type_error("descriptor '__repr__' needs an argument")),
    }),
];

/// A `getset_descriptor` (or, with `member`, a `member_descriptor`) for
/// the attribute `name` of a builtin type's instances (`int.real`,
/// `function.__globals__`): reading it through an instance gives what the
/// object itself answers for that name; it cannot be set.
pub fn builtin_attribute(name: &str, owner: &Rc<Type>, member: bool) -> Value {
    if member {
        return member_descriptor(name, owner, None);
    }
    let d = protocol::new_instance(&GETSET_DESCRIPTOR.with(Rc::clone));
    if let Value::Instance(i) = &d {
        let mut attrs = i.dict.borrow_mut();
        protocol::plain_set_str(&mut attrs, "__name__", Value::str(name));
        protocol::plain_set_str(&mut attrs, "__objclass__", Value::Type(owner.clone()));
    }
    d
}

/// The names a class's own `__slots__` declares.
pub fn own_slots(t: &Type) -> Vec<Rc<str>> {
    let Some(slots) = protocol::plain_get_str(&t.dict.borrow(), "__slots__") else {
        return Vec::new();
    };
    let items: Vec<Value> = match slots {
        Value::Str(s) => vec![Value::Str(s)],
        Value::Tuple(items) => items.to_vec(),
        Value::List(items) => items.borrow().clone(),
        _ => Vec::new(),
    };
    items
        .into_iter()
        .filter_map(|v| match v {
            Value::Str(s) => Some(s),
            _ => None,
        })
        .collect()
}

/// type_new's checks of a new class's `__slots__`: identifiers, and no
/// class variable of the same name.
pub fn check_slots(vm: &mut Vm, ns: &Rc<std::cell::RefCell<Dict>>) -> PyResult<()> {
    let Some(slots) = protocol::dict_get_str(ns, "__slots__") else {
        return Ok(());
    };
    let items = match slots {
        Value::Str(_) => vec![slots],
        other => protocol::collect(vm, &other)?,
    };
    for item in items {
        let Value::Str(name) = &item else {
            return Err(type_error(format!(
                "__slots__ items must be strings, not '{}'",
                type_name(&item)
            )));
        };
        let identifier = name
            .chars()
            .next()
            .is_some_and(|c| c == '_' || c.is_alphabetic())
            && name.chars().all(|c| c == '_' || c.is_alphanumeric());
        if !identifier {
            return Err(type_error("__slots__ must be identifiers"));
        }
        if &**name != "__dict__"
            && &**name != "__weakref__"
            && protocol::dict_get_str(ns, name).is_some()
        {
            return Err(value_error(format!(
                "'{name}' in __slots__ conflicts with class variable"
            )));
        }
    }
    Ok(())
}

/// `C.name` for a slot some class in C's MRO declares.
pub fn slot_descriptor(t: &Rc<Type>, name: &str) -> Option<Value> {
    if name == "__dict__" || name == "__weakref__" {
        return None;
    }
    let owner = t
        .mro()
        .into_iter()
        .filter(|c| c.kind == Kind::User)
        .find(|c| own_slots(c).iter().any(|s| &**s == name))?;
    Some(member_descriptor(name, &owner, None))
}

/// A `member_descriptor` for the attribute `name` of `owner`'s instances:
/// a slot, or a field of a struct sequence (`builtins::structseq`, whose
/// fields are read-only).
pub fn member_descriptor(name: &str, owner: &Rc<Type>, doc: Option<&str>) -> Value {
    let d = protocol::new_instance(&MEMBER_DESCRIPTOR.with(Rc::clone));
    if let Value::Instance(i) = &d {
        let mut dict = i.dict.borrow_mut();
        protocol::plain_set_str(&mut dict, "__name__", Value::str(name));
        protocol::plain_set_str(&mut dict, "__objclass__", Value::Type(owner.clone()));
        if let Some(doc) = doc {
            protocol::plain_set_str(&mut dict, "__doc__", Value::str(doc));
        }
    }
    d
}

/// Every slot name declared along the MRO (what `__dict__` leaves out).
pub fn slot_names_in_mro(t: &Type) -> Vec<Rc<str>> {
    t.mro
        .borrow()
        .iter()
        .filter(|c| c.kind == Kind::User)
        .flat_map(|c| own_slots(c))
        .collect()
}

/// An instance's `__dict__` without its slot values.
pub fn dict_without_slots(d: &Dict, slots: &[Rc<str>]) -> Dict {
    let mut out = d.clone();
    for s in slots {
        let _ = out.remove(
            protocol::str_hash(s),
            &Value::Str(s.clone()),
            &mut protocol::str_key_eq,
        );
    }
    out
}

/// `(name, objclass)` of a member descriptor.
fn parts(vm: &mut Vm, d: &Value) -> PyResult<(String, Rc<Type>)> {
    let name = protocol::getattr(vm, d, "__name__")?;
    let name = protocol::str_arg(&name)?;
    match protocol::getattr(vm, d, "__objclass__")? {
        Value::Type(t) => Ok((name, t)),
        _ => Err(type_error("member_descriptor without a class")),
    }
}

/// descrobject.c's `descr_check`: the object must be an instance of the
/// class that declared the slot. Gives the slot's name and that class.
fn checked(vm: &mut Vm, d: &Value, obj: &Value) -> PyResult<(String, Rc<Type>)> {
    let (name, owner) = parts(vm, d)?;
    if !protocol::type_of(obj).is_subtype(&owner) {
        return Err(type_error(format!(
            "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
            owner_name(&owner),
            type_name(obj)
        )));
    }
    Ok((name, owner))
}

/// The class's name as CPython's descriptors print it (`tp_name`).
fn owner_name(owner: &Type) -> Rc<str> {
    super::structseq::tp_name(owner).map_or_else(
        || crate::object::native::tp_name(owner).unwrap_or_else(|| owner.name.clone()),
        Rc::from,
    )
}

const METHODS: &[(&str, NativeFn)] = &[
    ("__get__", |vm, a| match a.positional {
        [d, obj, ..] if !obj.is_none() => {
            let (name, owner) = checked(vm, d, obj)?;
            if let Some(v) = super::structseq::member_get(&owner, &name, obj) {
                return Ok(v);
            }
            if owner.kind != Kind::User {
                // A member of a builtin type (`function.__globals__`).
                return protocol::native_attr(vm, obj, &name);
            }
            match obj {
                Value::Instance(i) => protocol::plain_get_str(&i.dict.borrow(), &name)
                    .ok_or_else(|| protocol::no_attribute(obj, &name)),
                _ => Err(protocol::no_attribute(obj, &name)),
            }
        }
        [d, ..] => Ok(d.clone()),
        [] => Err(type_error("descriptor '__get__' needs an argument")),
    }),
    ("__set__", |vm, a| match a.positional {
        [d, obj, value] => {
            let (name, owner) = checked(vm, d, obj)?;
            if super::structseq::is_field(&owner, &name) || owner.kind != Kind::User {
                return Err(super::structseq::readonly());
            }
            match obj {
                Value::Instance(i) => {
                    protocol::plain_set_str(&mut i.dict.borrow_mut(), &name, value.clone());
                    Ok(Value::None)
                }
                _ => Err(protocol::no_attribute(obj, &name)),
            }
        }
        _ => Err(type_error("__set__ expected 2 arguments")),
    }),
    ("__delete__", |vm, a| match a.positional {
        [d, obj] => {
            let (name, owner) = checked(vm, d, obj)?;
            if super::structseq::is_field(&owner, &name) {
                return Err(super::structseq::readonly());
            }
            let removed = match obj {
                Value::Instance(i) => i.dict.borrow_mut().remove(
                    protocol::str_hash(&name),
                    &Value::str(&name),
                    &mut protocol::str_key_eq,
                )?,
                _ => None,
            };
            removed
                .map(|_| Value::None)
                .ok_or_else(|| attribute_error(name))
        }
        _ => Err(type_error("__delete__ expected 1 argument")),
    }),
    ("__repr__", |vm, a| match a.positional.first() {
        Some(d) => {
            let (name, owner) = parts(vm, d)?;
            Ok(Value::str(&format!(
                "<member '{name}' of '{}' objects>",
                owner_name(&owner)
            )))
        }
        None => Err(type_error("descriptor '__repr__' needs an argument")),
    }),
];
