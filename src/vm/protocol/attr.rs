//! Attribute access: the descriptor protocol, `getattr`/`setattr`/`delattr`,
//! attributes stored outside dicts, `super()` lookups and LOAD_METHOD.

#![allow(unused_imports)]

use super::*;
use crate::object::exception::{attribute_error, type_error, value_error};
use crate::object::function::{BoundMethod, Builtin};
use crate::object::types::{builtin_types, Kind, Type};
use crate::object::{PyErr, PyResult, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// Binds a class attribute found by lookup to `obj` (the descriptor protocol
/// for functions, builtins, classmethod, staticmethod and property).
pub(crate) fn bind(vm: &mut Vm, attr: Value, obj: &Value, owner: &Rc<Type>) -> PyResult<Value> {
    Ok(match attr {
        Value::Function(_) => Value::BoundMethod(Rc::new(BoundMethod {
            function: attr,
            receiver: obj.clone(),
        })),
        Value::Builtin(b) if b.receiver.is_none() && b.owner.is_some() => b.bound_to(obj.clone()),
        Value::StaticMethod(f) => (*f).clone(),
        Value::ClassMethod(f) => class_bound(&f, Value::Type(owner.clone())),
        Value::Property(p) => {
            if p.fget.is_none() {
                return Err(attribute_error("property has no getter"));
            }
            vm.call(&p.fget, vec![obj.clone()])?
        }
        Value::Instance(_) => match lookup(&type_of(&attr), "__get__") {
            Some(get) => vm.call(
                &get,
                vec![attr.clone(), obj.clone(), Value::Type(owner.clone())],
            )?,
            None => attr,
        },
        other => other,
    })
}

/// A class method bound to its class: a native one becomes a builtin
/// method of the class (`dict.fromkeys`), a Python one a bound method.
fn class_bound(f: &Value, class: Value) -> Value {
    match f {
        Value::Builtin(b) => b.bound_to(class),
        other => Value::BoundMethod(Rc::new(BoundMethod {
            function: other.clone(),
            receiver: class,
        })),
    }
}

pub(crate) fn is_data_descriptor(attr: &Value) -> bool {
    match attr {
        Value::Property(_) => true,
        Value::Instance(_) if is_builtin_attribute(attr) => false,
        Value::Instance(_) => {
            lookup(&type_of(attr), "__set__").is_some()
                || lookup(&type_of(attr), "__delete__").is_some()
        }
        _ => false,
    }
}

/// A getset or member descriptor of a builtin type (`int.real`,
/// `function.__globals__`). The object answers for these itself
/// (`special_attr`, and the native setters): the descriptor serves
/// `T.name`, `T.__dict__`, `dir(T)` and explicit `__get__` calls, and the
/// attribute protocol passes over it for instances.
pub(crate) fn is_builtin_attribute(attr: &Value) -> bool {
    let Value::Instance(i) = attr else {
        return false;
    };
    let class = i.class.borrow();
    if !matches!(&*class.name, "getset_descriptor" | "member_descriptor") {
        return false;
    }
    matches!(plain_get_str(&i.dict.borrow(), "__objclass__"),
        Some(Value::Type(owner)) if owner.kind != Kind::User)
}

/// Where the fast path found an instance attribute.
pub enum InstanceAttr {
    /// In the instance's own dict.
    Own(Value),
    /// On the class (to be bound to the instance); data descriptors come
    /// here even when the instance dict has the name, as in
    /// `PyObject_GenericGetAttr`.
    Class(Value, Rc<Type>),
}

/// LOAD_ATTR / LOAD_METHOD's fast path: `obj.name` for an instance of a class
/// that keeps `object`'s attribute protocol, with the name's hash known.
/// `None` when the general path must decide (another kind of object, a
/// class with `__getattribute__`/`__getattr__`, a dunder name such as
/// `__class__` or `__dict__`, or no such attribute, so the error is built in
/// one place).
pub fn instance_attr(obj: &Value, name: &HashedName) -> Option<InstanceAttr> {
    let Value::Instance(inst) = obj else {
        return None;
    };
    if name.text.starts_with("__") {
        return None;
    }
    let class = inst.class.borrow().clone();
    if !instance_facts(&class).plain_getattr {
        return None;
    }
    let class_attr = lookup_hashed(&class, &name.text, name.hash);
    if let Some(a) = &class_attr {
        if is_data_descriptor(a) {
            return Some(InstanceAttr::Class(a.clone(), class));
        }
    }
    if let Some(v) = inst.dict.borrow().get_str(name.hash, &name.text) {
        return Some(InstanceAttr::Own(v));
    }
    class_attr.map(|a| InstanceAttr::Class(a, class))
}

/// STORE_ATTR's fast path: `obj.name = value` into the instance dict when
/// nothing on the class intercepts it. Gives the value back when the general
/// path must run.
pub fn store_instance_attr(obj: &Value, name: &HashedName, value: Value) -> Option<Value> {
    let Value::Instance(inst) = obj else {
        return Some(value);
    };
    if name.text.starts_with("__") {
        return Some(value);
    }
    let class = inst.class.borrow().clone();
    let facts = instance_facts(&class);
    if !facts.plain_setattr {
        return Some(value);
    }
    if let Some(slots) = &facts.slots {
        if !slots.iter().any(|s| **s == *name.text) {
            return Some(value);
        }
    }
    if let Some(a) = lookup_hashed(&class, &name.text, name.hash) {
        if is_data_descriptor(&a) {
            return Some(value);
        }
    }
    let key = Value::Str(name.text.clone());
    let _ = inst
        .dict
        .borrow_mut()
        .insert(name.hash, key, value, &mut str_key_eq);
    None
}

/// `getattr(obj, name)`.
pub fn getattr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Value> {
    // typeobject.c's slot_tp_getattr_hook: __getattribute__ (or the
    // generic lookup), then __getattr__ on AttributeError.
    let found = match user_dunder(obj, "__getattribute__") {
        Some(ga) => vm.call(&ga, vec![obj.clone(), Value::str(name)]),
        None => generic_getattr(vm, obj, name),
    };
    match found {
        // moduleobject.c's module_getattro: a module's own `__getattr__`
        // (PEP 562) answers for the names its dict lacks.
        Err(e)
            if matches!(obj, Value::Module(_))
                && e.is_instance(&builtin_types().attribute_error) =>
        {
            let Value::Module(m) = obj else {
                unreachable!()
            };
            match dict_get_str(&m.dict, "__getattr__") {
                Some(ga) => vm.call(&ga, vec![Value::str(name)]),
                None => Err(e),
            }
        }
        Err(e) if e.is_instance(&builtin_types().attribute_error) => {
            match user_dunder(obj, "__getattr__") {
                Some(ga) => vm.call(&ga, vec![obj.clone(), Value::str(name)]),
                None => Err(e),
            }
        }
        other => other,
    }
}

/// `object.__getattribute__`.
pub fn generic_getattr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Value> {
    if let Value::Type(t) = obj {
        return type_getattr(vm, t, name);
    }
    if let Some(v) = special_attr(vm, obj, name)? {
        return Ok(v);
    }
    let t = type_of(obj);
    let class_attr = lookup(&t, name);
    if let Some(a) = &class_attr {
        if is_data_descriptor(a) {
            return bind(vm, a.clone(), obj, &t);
        }
    }
    let inst_dict = match obj {
        Value::Instance(i) => plain_get_str(&i.dict.borrow(), name),
        Value::Exception(e) => plain_get_str(&e.dict.borrow(), name),
        Value::Function(f) => f
            .dict
            .borrow()
            .as_ref()
            .and_then(|d| plain_get_str(&d.borrow(), name)),
        Value::Module(m) => dict_get_str(&m.dict, name),
        _ => None,
    };
    if let Some(v) = inst_dict {
        return Ok(v);
    }
    if let Some(a) = class_attr {
        return bind(vm, a, obj, &t);
    }
    Err(no_attribute(obj, name))
}

#[cold]
pub fn no_attribute(obj: &Value, name: &str) -> PyErr {
    let err = no_attribute_message(obj, name);
    // AttributeError.name and .obj (what "Did you mean" is computed from).
    let mut d = err.0.dict.borrow_mut();
    plain_set_str(&mut d, "name", Value::str(name));
    plain_set_str(&mut d, "obj", obj.clone());
    drop(d);
    err
}

fn no_attribute_message(obj: &Value, name: &str) -> PyErr {
    match obj {
        Value::Module(m) => {
            attribute_error(format!("module '{}' has no attribute '{name}'", m.name))
        }
        Value::Type(t) => attribute_error(format!(
            "type object '{}' has no attribute '{name}'",
            crate::object::native::display_name(t)
        )),
        _ => attribute_error(format!(
            "'{}' object has no attribute '{name}'",
            type_name(obj)
        )),
    }
}

pub(super) fn type_getattr(vm: &mut Vm, t: &Rc<Type>, name: &str) -> PyResult<Value> {
    match name {
        "__name__" => {
            let renamed = t.renamed.borrow().clone();
            return Ok(Value::Str(renamed.unwrap_or_else(|| t.name.clone())));
        }
        "__class__" => return Ok(Value::Type(type_of(&Value::Type(t.clone())))),
        "__qualname__" => return Ok(Value::Str(t.qualname.borrow().clone())),
        "__mro__" => return Ok(Value::tuple(t.mro().into_iter().map(Value::Type).collect())),
        "__bases__" => {
            return Ok(Value::tuple(
                t.bases.iter().cloned().map(Value::Type).collect(),
            ));
        }
        "__base__" => return Ok(t.bases.first().cloned().map_or(Value::None, Value::Type)),
        "__dict__" => {
            let d = crate::builtins::slots::namespace_view(t);
            return Ok(crate::builtins::mappingproxy::new_mappingproxy(d));
        }
        _ => {}
    }
    if let Some(attr) = lookup(t, name) {
        return Ok(match attr {
            Value::StaticMethod(f) => (*f).clone(),
            Value::ClassMethod(f) => class_bound(&f, Value::Type(t.clone())),
            Value::Instance(_) => match lookup(&type_of(&attr), "__get__") {
                Some(get) => vm.call(
                    &get,
                    vec![attr.clone(), Value::None, Value::Type(t.clone())],
                )?,
                None => attr,
            },
            other => other,
        });
    }
    if let Some(d) = crate::builtins::slots::slot_descriptor(t, name) {
        return Ok(d);
    }
    // Then the metaclass (methods defined on a metaclass apply to classes).
    let meta = type_of(&Value::Type(t.clone()));
    if let Some(attr) = lookup(&meta, name) {
        return bind(vm, attr, &Value::Type(t.clone()), &meta);
    }
    Err(no_attribute(&Value::Type(t.clone()), name))
}

/// What a builtin object answers for one of its own attributes (the
/// getset and member descriptors of builtin types read it): the fields
/// `special_attr` knows, a type's own fields.
pub fn native_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Value> {
    if let Some(v) = special_attr(vm, obj, name)? {
        return Ok(v);
    }
    // An instance of a subclass: what the builtin value it extends answers.
    if let Value::Instance(i) = obj {
        if let Some(p) = &i.payload {
            if let Some(v) = special_attr(vm, p, name)? {
                return Ok(v);
            }
        }
    }
    match (obj, name) {
        (
            Value::Type(t),
            "__name__" | "__qualname__" | "__mro__" | "__bases__" | "__base__" | "__dict__",
        ) => type_getattr(vm, t, name),
        _ => Err(no_attribute(obj, name)),
    }
}

/// Attributes stored outside dicts (`__class__`, a function's `__name__`, an
/// exception's `args`...).
pub(super) fn special_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    if name == "__class__" {
        // A class attribute named __class__ shadows object's descriptor.
        let shadowed = matches!(obj, Value::Instance(_))
            && type_of(obj)
                .mro()
                .iter()
                .any(|c| c.kind == Kind::User && plain_get_str(&c.dict.borrow(), name).is_some());
        if !shadowed {
            return Ok(Some(Value::Type(type_of(obj))));
        }
    }
    Ok(match (obj, name) {
        (Value::Instance(i), "__dict__") if class_slots(&type_of(obj)).is_none() => {
            let slots = crate::builtins::slots::slot_names_in_mro(&type_of(obj));
            if slots.is_empty() {
                Some(Value::Dict(i.dict.clone()))
            } else {
                // Slot values share the dict here; __dict__ shows the rest.
                let d = crate::builtins::slots::dict_without_slots(&i.dict.borrow(), &slots);
                Some(Value::Dict(Rc::new(RefCell::new(d))))
            }
        }
        (Value::Function(f), "__name__") => Some(Value::Str(f.name.borrow().clone())),
        (Value::Function(f), "__qualname__") => Some(Value::Str(f.qualname.borrow().clone())),
        (Value::Function(f), "__doc__") => Some(f.doc.borrow().clone()),
        (Value::Function(f), "__defaults__") => Some(
            f.defaults
                .borrow()
                .as_ref()
                .map_or(Value::None, |d| Value::Tuple(d.clone())),
        ),
        (Value::Function(f), "__kwdefaults__") => {
            Some(f.kwdefaults.borrow().clone().unwrap_or(Value::None))
        }
        (Value::Function(f), "__code__") => Some(Value::Code(f.code())),
        (Value::Function(f), "__module__") => Some(
            f.module
                .borrow()
                .clone()
                .or_else(|| dict_get_str(&f.globals, "__name__"))
                .unwrap_or(Value::None),
        ),
        (Value::Function(f), "__annotations__") => {
            let mut ann = f.annotations.borrow_mut();
            Some(ann.get_or_insert_with(new_dict).clone())
        }
        (Value::Function(f), "__dict__") => Some(Value::Dict(f.attributes())),
        (Value::Function(f), "__globals__") => Some(Value::Dict(f.globals.clone())),
        (Value::Function(f), "__closure__") => Some(
            f.closure
                .as_ref()
                .map_or(Value::None, |c| Value::Tuple(c.clone())),
        ),
        (Value::Code(c), _) => code_attr(c, name),
        (Value::Cell(c), "cell_contents") => match c.borrow().clone() {
            Some(v) => Some(v),
            None => return Err(crate::object::exception::value_error("Cell is empty")),
        },
        (Value::BoundMethod(m), "__self__") => Some(m.receiver.clone()),
        (Value::BoundMethod(m), "__func__") => Some(m.function.clone()),
        (Value::BoundMethod(m), "__name__" | "__qualname__" | "__doc__") => {
            Some(getattr(vm, &m.function, name)?)
        }
        (Value::Builtin(b), "__name__") => Some(Value::str(b.name)),
        (Value::Builtin(b), "__qualname__") => Some(Value::str(&match &b.owner {
            Some(owner) => format!("{}.{}", owner.name, b.name),
            None => b.name.to_string(),
        })),
        (Value::Builtin(b), "__objclass__") if b.receiver.is_none() && b.owner.is_some() => {
            b.owner.clone().map(Value::Type)
        }
        (Value::Builtin(b), "__self__") => Some(match &b.receiver {
            Some(r) => r.clone(),
            None if is_builtins_function(vm, b) => {
                dict_get_str(&vm.modules, "builtins").unwrap_or(Value::None)
            }
            None => Value::None,
        }),
        (Value::Builtin(b), "__text_signature__") => {
            let sig = match &b.owner {
                Some(t) => crate::object::text_signatures::text_signature(&t.name, b.name),
                None if is_builtins_function(vm, b) => {
                    crate::object::text_signatures::text_signature("", b.name)
                }
                None => None,
            };
            Some(sig.map_or(Value::None, Value::str))
        }
        // Builtins carry no docstrings here.
        (Value::Builtin(_), "__doc__") => Some(Value::None),
        (Value::Exception(e), "args") => Some(Value::Tuple(e.args.borrow().clone())),
        (Value::Exception(e), "name" | "obj")
            if e.class.is_subtype(&builtin_types().attribute_error)
                || (name == "name" && e.class.is_subtype(&builtin_types().name_error)) =>
        {
            Some(plain_get_str(&e.dict.borrow(), name).unwrap_or(Value::None))
        }
        // ImportError(msg, name=None, path=None) (importer sets name, path).
        (Value::Exception(e), "name" | "path" | "msg")
            if e.class.is_subtype(&builtin_types().import_error) =>
        {
            let args = e.args.borrow();
            match (name, &args[..]) {
                ("msg", [msg]) => Some(msg.clone()),
                ("msg", _) => Some(Value::None),
                _ => Some(plain_get_str(&e.dict.borrow(), name).unwrap_or(Value::None)),
            }
        }
        (Value::Exception(e), "message" | "exceptions")
            if crate::vm::ops::exc_group::is_group(e) =>
        {
            crate::vm::ops::exc_group::group_attr(vm, e, name)?
        }
        (Value::Exception(e), "__cause__") => Some(e.cause.borrow().clone().unwrap_or(Value::None)),
        (Value::Exception(e), "__context__") => {
            Some(e.context.borrow().clone().unwrap_or(Value::None))
        }
        (Value::Exception(e), "__suppress_context__") => {
            Some(Value::Bool(e.suppress_context.get()))
        }
        (Value::Exception(e), "__traceback__") => Some(crate::vm::frame_object::traceback_chain(
            vm,
            &e.traceback.borrow(),
        )),
        (Value::Exception(e), "value") if e.class.is_subtype(&builtin_types().stop_iteration) => {
            Some(e.args.borrow().first().cloned().unwrap_or(Value::None))
        }
        (Value::Exception(e), "errno" | "strerror" | "filename" | "filename2")
            if e.class.is_subtype(&builtin_types().os_error) =>
        {
            let args = e.args.borrow().clone();
            let index = match name {
                "errno" => 0,
                "strerror" => 1,
                "filename" => 2,
                _ => 4,
            };
            Some(if (2..=5).contains(&args.len()) {
                args.get(index).cloned().unwrap_or(Value::None)
            } else {
                Value::None
            })
        }
        (
            Value::Exception(e),
            "msg" | "filename" | "lineno" | "offset" | "text" | "end_lineno" | "end_offset",
        ) if e.class.is_subtype(&builtin_types().syntax_error) => {
            let args = e.args.borrow().clone();
            if name == "msg" {
                Some(args.first().cloned().unwrap_or(Value::None))
            } else {
                let index = [
                    "filename",
                    "lineno",
                    "offset",
                    "text",
                    "end_lineno",
                    "end_offset",
                ]
                .iter()
                .position(|n| *n == name)
                .unwrap_or(0);
                Some(match args.get(1) {
                    Some(Value::Tuple(d)) if args.len() == 2 => {
                        d.get(index).cloned().unwrap_or(Value::None)
                    }
                    _ => Value::None,
                })
            }
        }
        // UnicodeError's members (set by its __init__ from the arguments,
        // writable, so an assigned value wins).
        (Value::Exception(e), "encoding" | "object" | "start" | "end" | "reason")
            if e.class.is_subtype(&builtin_types().unicode_error) =>
        {
            if let Some(v) = plain_get_str(&e.dict.borrow(), name) {
                return Ok(Some(v));
            }
            Some(crate::vm::ops::unicode_error_member(e, name).unwrap_or(Value::None))
        }
        (Value::Exception(e), "code") if e.class.is_subtype(&builtin_types().system_exit) => {
            let args = e.args.borrow().clone();
            Some(match args.len() {
                0 => Value::None,
                1 => args[0].clone(),
                _ => Value::Tuple(args),
            })
        }
        (Value::Generator(g), "__name__") => Some(Value::Str(g.name.borrow().clone())),
        (Value::Generator(g), "__qualname__") => Some(Value::Str(g.qualname.borrow().clone())),
        (Value::Generator(g), _) => crate::vm::generator::gen_attr(g, name),
        (Value::GenAwaitable(a), "gi_running" | "cr_running") => Some(Value::Bool(
            a.gen.state.get() == crate::object::generator::GenState::Running,
        )),
        (Value::Module(m), "__name__") => Some(Value::Str(m.name.clone())),
        (Value::Module(m), "__dict__") => Some(Value::Dict(m.dict.clone())),
        (Value::Property(p), "fget") => Some(p.fget.clone()),
        (Value::Property(p), "fset") => Some(p.fset.clone()),
        (Value::Property(p), "fdel") => Some(p.fdel.clone()),
        (Value::Property(p), "__doc__") => Some(p.doc.clone()),
        (Value::StaticMethod(f) | Value::ClassMethod(f), "__func__") => Some((**f).clone()),
        (Value::Range(r), "start" | "stop" | "step") => {
            let (start, stop, step) = r.bounds();
            let v = match name {
                "start" => start,
                "stop" => stop,
                _ => step,
            };
            Some(crate::vm::ops::arith::from_big(v))
        }
        (Value::Slice(s), "start") => Some(s[0].clone()),
        (Value::Slice(s), "stop") => Some(s[1].clone()),
        (Value::Slice(s), "step") => Some(s[2].clone()),
        (Value::Complex(re, _), "real") => Some(Value::Float(*re)),
        (Value::Complex(_, im), "imag") => Some(Value::Float(*im)),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "real" | "numerator") => {
            Some(crate::vm::ops::int_value(obj))
        }
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "imag") => Some(Value::Int(0)),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "denominator") => Some(Value::Int(1)),
        (Value::Float(f), "real") => Some(Value::Float(*f)),
        (Value::Float(_), "imag") => Some(Value::Float(0.0)),
        (Value::Super(s), _) => Some(super_getattr(vm, &s.0, &s.1, name)?),
        _ => None,
    })
}

/// `co_*` attributes of a code object.
pub(super) fn code_attr(c: &std::sync::Arc<crate::pyc::CodeObject>, name: &str) -> Option<Value> {
    let strs = |items: Vec<&str>| Value::tuple(items.into_iter().map(Value::str).collect());
    Some(match name {
        "co_name" => Value::str(&c.name),
        "co_qualname" => Value::str(&c.qualname),
        "co_filename" => Value::str(&c.filename),
        "co_firstlineno" => Value::Int(c.firstlineno as i64),
        "co_argcount" => Value::Int(c.argcount as i64),
        "co_posonlyargcount" => Value::Int(c.posonlyargcount as i64),
        "co_kwonlyargcount" => Value::Int(c.kwonlyargcount as i64),
        "co_stacksize" => Value::Int(c.stacksize as i64),
        "co_flags" => Value::Int(c.flags as i64),
        "co_nlocals" => Value::Int(c.varnames().count() as i64),
        "co_consts" => Value::tuple(c.consts.iter().map(constant_value).collect()),
        "co_names" => strs(c.names.iter().map(|s| &**s).collect()),
        "co_varnames" => strs(c.varnames().collect()),
        "co_cellvars" => strs(c.cellvars().collect()),
        "co_freevars" => strs(c.freevars().collect()),
        "co_code" => Value::Bytes(Rc::from(&c.code[..])),
        "co_linetable" => Value::Bytes(Rc::from(&c.linetable[..])),
        "co_exceptiontable" => Value::Bytes(Rc::from(&c.exceptiontable[..])),
        _ => return None,
    })
}

pub(super) fn super_getattr(
    vm: &mut Vm,
    start: &Rc<Type>,
    obj: &Value,
    name: &str,
) -> PyResult<Value> {
    // typeobject.c's supercheck: a class that derives from `start` is
    // looked up as a class (classmethod-like); anything else, a class
    // whose metaclass derives from `start` included, as an instance.
    let class_level = matches!(obj, Value::Type(t) if t.is_subtype(start));
    let owner = match obj {
        Value::Type(t) if class_level => t.clone(),
        other => type_of(other),
    };
    let mro = owner.mro();
    let pos = mro
        .iter()
        .position(|t| Rc::ptr_eq(t, start))
        .map_or(0, |p| p + 1);
    for t in &mro[pos..] {
        let found = plain_get_str(&t.dict.borrow(), name);
        if let Some(attr) = found {
            return match obj {
                Value::Type(t) if class_level => match attr {
                    Value::ClassMethod(f) => Ok(class_bound(&f, Value::Type(t.clone()))),
                    Value::StaticMethod(f) => Ok((*f).clone()),
                    Value::Builtin(b) if name == "__new__" || b.owner.is_none() => {
                        Ok(Value::Builtin(b))
                    }
                    Value::Builtin(b) => Ok(b.bound_to(obj.clone())),
                    other => Ok(other),
                },
                _ => bind(vm, attr, obj, &owner),
            };
        }
    }
    Err(attribute_error(format!(
        "'super' object has no attribute '{name}'"
    )))
}

/// LOAD_METHOD: `(method, self)` for an unbound function found on the class,
/// else `(NULL, attribute)`.
pub fn load_method(vm: &mut Vm, obj: Value, name: &str) -> PyResult<(Value, Value)> {
    if matches!(obj, Value::Instance(_)) && user_dunder(&obj, "__getattribute__").is_none() {
        let t = type_of(&obj);
        if let Some(attr @ Value::Function(_)) = lookup(&t, name) {
            let shadowed = match &obj {
                Value::Instance(i) => plain_get_str(&i.dict.borrow(), name).is_some(),
                _ => false,
            };
            if !shadowed {
                return Ok((attr, obj));
            }
        }
    }
    Ok((Value::Null, getattr(vm, &obj, name)?))
}

pub fn setattr(vm: &mut Vm, obj: &Value, name: &str, value: Value) -> PyResult<()> {
    if let Some(sa) = user_dunder(obj, "__setattr__") {
        vm.call(&sa, vec![obj.clone(), Value::str(name), value])?;
        return Ok(());
    }
    generic_setattr(vm, obj, name, value)
}

/// `object.__setattr__`.
pub fn generic_setattr(vm: &mut Vm, obj: &Value, name: &str, value: Value) -> PyResult<()> {
    let t = type_of(obj);
    if let Some(attr) = lookup(&t, name).filter(|a| !is_builtin_attribute(a)) {
        match &attr {
            Value::Property(p) => {
                if p.fset.is_none() {
                    return Err(attribute_error(format!(
                        "property '{name}' of '{}' object has no setter",
                        t.qualname.borrow()
                    )));
                }
                vm.call(&p.fset, vec![obj.clone(), value])?;
                return Ok(());
            }
            Value::Instance(_) => {
                if let Some(set) = lookup(&type_of(&attr), "__set__") {
                    vm.call(&set, vec![attr.clone(), obj.clone(), value])?;
                    return Ok(());
                }
            }
            _ => {}
        }
    }
    match obj {
        Value::Instance(i) => {
            if let Some(slots) = class_slots(&t) {
                if !slots.iter().any(|s| &**s == name) && name != "__class__" {
                    return Err(attribute_error(format!(
                        "'{}' object has no attribute '{name}'",
                        type_name(obj)
                    )));
                }
            }
            if name == "__dict__" {
                return set_instance_dict(i, &value);
            }
            if name == "__class__" {
                if let Value::Type(c) = value {
                    *i.class.borrow_mut() = c;
                }
                return Ok(());
            }
            plain_set_str(&mut i.dict.borrow_mut(), name, value);
            Ok(())
        }
        Value::Exception(e) => {
            match name {
                "__cause__" => {
                    *e.cause.borrow_mut() = (!value.is_none()).then_some(value);
                    e.suppress_context.set(true);
                }
                "__context__" => *e.context.borrow_mut() = (!value.is_none()).then_some(value),
                "__suppress_context__" => e.suppress_context.set(truthy(vm, &value)?),
                "args" => *e.args.borrow_mut() = Rc::from(collect(vm, &value)?),
                _ => plain_set_str(&mut e.dict.borrow_mut(), name, value),
            }
            Ok(())
        }
        Value::Type(t) if t.immutable.get() => Err(immutable_type(name, t)),
        Value::Type(t) if t.kind == Kind::User => {
            // `__name__` and `__qualname__` are the type's own fields
            // (type_set_name, type_set_qualname), not namespace entries.
            if matches!(name, "__name__" | "__qualname__") {
                let Value::Str(s) = &value else {
                    let current = t.renamed.borrow().clone();
                    return Err(type_error(format!(
                        "can only assign string to {}.{name}, not '{}'",
                        current.unwrap_or_else(|| t.name.clone()),
                        type_name(&value)
                    )));
                };
                if name == "__qualname__" {
                    *t.qualname.borrow_mut() = s.clone();
                } else if s.contains('\0') {
                    return Err(value_error("type name must not contain null characters"));
                } else {
                    *t.renamed.borrow_mut() = Some(s.clone());
                }
                return Ok(());
            }
            plain_set_str(&mut t.dict.borrow_mut(), name, value);
            Ok(())
        }
        Value::Function(f) => {
            match name {
                "__name__" => *f.name.borrow_mut() = Rc::from(str_arg(&value)?),
                "__qualname__" => *f.qualname.borrow_mut() = Rc::from(str_arg(&value)?),
                "__annotations__" => *f.annotations.borrow_mut() = Some(value),
                "__code__" => match value {
                    Value::Code(c) => *f.code.borrow_mut() = c,
                    other => {
                        return Err(type_error(format!(
                            "__code__ must be set to a code object, not '{}'",
                            type_name(&other)
                        )))
                    }
                },
                "__defaults__" => {
                    *f.defaults.borrow_mut() = if value.is_none() {
                        None
                    } else {
                        Some(Rc::from(collect(vm, &value)?))
                    }
                }
                "__doc__" => *f.doc.borrow_mut() = value,
                "__module__" => *f.module.borrow_mut() = Some(value),
                "__dict__" => match value {
                    Value::Dict(d) => *f.dict.borrow_mut() = Some(d),
                    other => {
                        return Err(type_error(format!(
                            "__dict__ must be set to a dictionary, not a '{}'",
                            type_name(&other)
                        )))
                    }
                },
                _ => plain_set_str(&mut f.attributes().borrow_mut(), name, value),
            }
            Ok(())
        }
        Value::Module(m) => {
            dict_set_str(&m.dict, name, value);
            Ok(())
        }
        Value::Generator(g) if matches!(name, "__name__" | "__qualname__") => {
            let Value::Str(s) = value else {
                return Err(type_error(format!("{name} must be set to a string object")));
            };
            if name == "__name__" {
                *g.name.borrow_mut() = s;
            } else {
                *g.qualname.borrow_mut() = s;
            }
            Ok(())
        }
        Value::Type(t) => Err(immutable_type(name, t)),
        _ => Err(attribute_error(format!(
            "'{}' object has no attribute '{name}'",
            type_name(obj)
        ))),
    }
}

/// [`class_slots`] for the builtins' class machinery.
pub fn attr_class_slots(t: &Rc<Type>) -> Option<Vec<Rc<str>>> {
    class_slots(t)
}

/// `obj.__dict__ = d`. Shares nothing with `d` (the instance owns its
/// dict); its contents become the instance's attributes.
pub fn set_instance_dict(inst: &crate::object::types::Instance, value: &Value) -> PyResult<()> {
    let Value::Dict(d) = value else {
        return Err(type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            type_name(value)
        )));
    };
    let copy = d.borrow().clone();
    *inst.dict.borrow_mut() = copy;
    Ok(())
}

pub(super) fn class_slots(t: &Rc<Type>) -> Option<Vec<Rc<str>>> {
    let mut all = Vec::new();
    for c in t.mro.borrow().iter().filter(|c| c.kind == Kind::User) {
        let slots = match plain_get_str(&c.dict.borrow(), "__slots__") {
            Some(slots) => slots,
            // Struct sequences have no instance dict (nor slots).
            None if crate::builtins::structseq::is_structseq_type(c) => continue,
            None => return None,
        };
        match slots {
            Value::Str(s) => all.push(s),
            Value::Tuple(items) => all.extend(items.iter().filter_map(|v| {
                if let Value::Str(s) = v {
                    Some(s.clone())
                } else {
                    None
                }
            })),
            Value::List(items) => all.extend(items.borrow().iter().filter_map(|v| {
                if let Value::Str(s) = v {
                    Some(s.clone())
                } else {
                    None
                }
            })),
            _ => return None,
        }
    }
    if all.iter().any(|s| &**s == "__dict__") {
        return None;
    }
    Some(all)
}

pub fn delattr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<()> {
    if let Some(da) = user_dunder(obj, "__delattr__") {
        vm.call(&da, vec![obj.clone(), Value::str(name)])?;
        return Ok(());
    }
    generic_delattr(vm, obj, name)
}

/// `type_setattro`'s refusal for a builtin or immutable native type (for
/// deletion too).
fn immutable_type(name: &str, t: &Type) -> PyErr {
    type_error(format!(
        "cannot set '{name}' attribute of immutable type '{}'",
        t.tp_name.get().unwrap_or(&t.name)
    ))
}

/// `object.__delattr__`.
pub fn generic_delattr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<()> {
    let t = type_of(obj);
    if let Some(Value::Property(p)) = lookup(&t, name) {
        if p.fdel.is_none() {
            return Err(attribute_error(format!(
                "property '{name}' of '{}' object has no deleter",
                t.qualname.borrow()
            )));
        }
        vm.call(&p.fdel, vec![obj.clone()])?;
        return Ok(());
    }
    if let Some(attr @ Value::Instance(_)) = lookup(&t, name).filter(|a| !is_builtin_attribute(a)) {
        if let Some(delete) = lookup(&type_of(&attr), "__delete__") {
            vm.call(&delete, vec![attr, obj.clone()])?;
            return Ok(());
        }
    }
    let removed = match obj {
        Value::Instance(i) => {
            i.dict
                .borrow_mut()
                .remove(str_hash(name), &Value::str(name), &mut str_key_eq)?
        }
        Value::Type(t) if t.kind != Kind::User || t.immutable.get() => {
            return Err(immutable_type(name, t))
        }
        Value::Type(t) => {
            t.dict
                .borrow_mut()
                .remove(str_hash(name), &Value::str(name), &mut str_key_eq)?
        }
        Value::Module(m) => dict_del_str(&m.dict, name),
        Value::Function(f) => {
            let dict = f.dict.borrow().clone();
            match dict {
                Some(d) => {
                    d.borrow_mut()
                        .remove(str_hash(name), &Value::str(name), &mut str_key_eq)?
                }
                None => None,
            }
        }
        Value::Exception(e) => {
            e.dict
                .borrow_mut()
                .remove(str_hash(name), &Value::str(name), &mut str_key_eq)?
        }
        _ => None,
    };
    removed.map(|_| ()).ok_or_else(|| {
        // An empty slot: member_descriptor's __delete__ names just the slot.
        let slot = matches!(obj, Value::Instance(_))
            && crate::builtins::slots::slot_names_in_mro(&t)
                .iter()
                .any(|s| &**s == name);
        if slot {
            attribute_error(name)
        } else {
            no_attribute(obj, name)
        }
    })
}

/// Whether `b` is a function of the `builtins` module (`len`, `print`),
/// whose `__self__` is that module, as a C module function's is.
fn is_builtins_function(vm: &Vm, b: &Rc<crate::object::function::Builtin>) -> bool {
    b.owner.is_none()
        && b.receiver.is_none()
        && matches!(dict_get_str(&vm.builtins, b.name), Some(Value::Builtin(x)) if Rc::ptr_eq(&x, b))
}
