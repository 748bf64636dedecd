//! `collections.defaultdict` (`defdict_*` of _collectionsmodule.c): a
//! subclass of dict whose instances are dict payloads like those of any
//! Python subclass of dict, so `d[k]` finds `__missing__` the usual way.
//! `default_factory` is a slot (a `member_descriptor`, as CPython's
//! `defdict_members`), which keeps it out of the mapping and gives the
//! objects no `__dict__`.

use std::rc::Rc;

use super::{no_args, one_arg, short_type_name, types};
use crate::object::exception::{key_error, type_error};
use crate::object::function::{m, Args, MethodDef};
use crate::object::types::{builtin_types, Type};
use crate::object::{PyResult, Value};
use crate::vm::protocol;
use crate::vm::Vm;

const FACTORY: &str = "default_factory";

/// The factory of `dd` (None when unset: `defaultdict.__new__` without
/// `__init__`).
fn factory(dd: &Value) -> Value {
    match dd {
        Value::Instance(i) => protocol::plain_get_str(&i.dict.borrow(), FACTORY),
        _ => None,
    }
    .unwrap_or(Value::None)
}

fn set_factory(dd: &Value, f: Value) {
    if let Value::Instance(i) = dd {
        protocol::plain_set_str(&mut i.dict.borrow_mut(), FACTORY, f);
    }
}

fn is_defaultdict(v: &Value) -> bool {
    types(|t| protocol::type_of(v).is_subtype(&t.defaultdict))
}

/// A method of `dict` itself, called on `dd`'s dict.
fn dict_method(vm: &mut Vm, name: &str, args: Vec<Value>) -> PyResult<Value> {
    let f = protocol::lookup(&builtin_types().dict, name).expect("a dict method");
    vm.call(&f, args)
}

pub(super) static METHODS: &[MethodDef] = &[
    m("__init__", defdict_init),
    // defdict_missing
    m("__missing__", |vm, a| {
        let key = one_arg(&a, "defaultdict.__missing__")?;
        let dd = &a.positional[0];
        let f = factory(dd);
        if f.is_none() {
            return Err(key_error(key.clone()));
        }
        let value = vm.call(&f, vec![])?;
        protocol::setitem(vm, dd, key.clone(), value.clone())?;
        Ok(value)
    })
    .o(),
    m("copy", |vm, a| {
        no_args(&a, "defaultdict.copy")?;
        new_like(vm, &a.positional[0], a.positional[0].clone())
    }),
    m("__copy__", |vm, a| {
        no_args(&a, "defaultdict.__copy__")?;
        new_like(vm, &a.positional[0], a.positional[0].clone())
    }),
    // defdict_reduce: (class, (factory,), None, None, iter(items))
    m("__reduce__", |vm, a| {
        no_args(&a, "defaultdict.__reduce__")?;
        let dd = &a.positional[0];
        let f = factory(dd);
        let args = if f.is_none() { vec![] } else { vec![f] };
        let items = protocol::getattr(vm, dd, "items")?;
        let items = vm.call(&items, vec![])?;
        let it = protocol::iter(vm, &items)?;
        Ok(Value::tuple(vec![
            Value::Type(protocol::type_of(dd)),
            Value::tuple(args),
            Value::None,
            Value::None,
            it,
        ]))
    }),
    m("__class_getitem__", |vm, a| {
        crate::builtins::generic_alias::new_alias(vm, a.positional[0].clone(), &a.positional[1])
    })
    .o()
    .class(),
    m("__repr__", defdict_repr),
    m("__or__", |vm, a| {
        defdict_or(vm, &a.positional[0], &a.positional[1])
    })
    .exact(1),
    m("__ror__", |vm, a| {
        defdict_or(vm, &a.positional[1], &a.positional[0])
    })
    .exact(1),
];

/// What defdict_type adds besides its methods: the `default_factory`
/// member and the docstring.
pub(super) fn add_attributes(t: &Rc<Type>) {
    protocol::dict_set_str_plain(t, "__slots__", Value::tuple(vec![Value::str(FACTORY)]));
    protocol::dict_set_str_plain(
        t,
        "__doc__",
        Value::str(
            "defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\n\
             The default factory is called without arguments to produce\n\
             a new value when a key is not present, in __getitem__ only.\n\
             A defaultdict compares equal to a dict with the same items.\n\
             All remaining arguments are treated the same as if they were\n\
             passed to the dict constructor, including keyword arguments.\n",
        ),
    );
}

/// `defdict_init`: the first positional argument is the factory, the rest
/// go to `dict.__init__`.
fn defdict_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let dd = &a.positional[0];
    let f = a.positional.get(1).cloned().unwrap_or(Value::None);
    if !f.is_none() && !protocol::is_callable(&f) {
        return Err(type_error("first argument must be callable or None"));
    }
    set_factory(dd, f);
    let mut args = vec![dd.clone()];
    args.extend(a.positional.iter().skip(2).cloned());
    let init = protocol::lookup(&builtin_types().dict, "__init__").expect("dict.__init__");
    vm.call_kw(&init, args, a.keywords.to_vec())?;
    Ok(Value::None)
}

/// `new_defdict`: `type(dd)(dd.default_factory, arg)`, as `copy()` and `|`
/// make their results (a subclass with another constructor overrides them).
fn new_like(vm: &mut Vm, dd: &Value, arg: Value) -> PyResult<Value> {
    let class = Value::Type(protocol::type_of(dd));
    vm.call(&class, vec![factory(dd), arg])
}

/// `defdict_repr`: `defaultdict(<class 'list'>, {...})`, named by the
/// object's class; a factory whose repr comes back to itself is `...`.
fn defdict_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let dd = &a.positional[0];
    let base = match dd {
        Value::Instance(i) => match &i.payload {
            Some(d @ Value::Dict(_)) => protocol::repr(vm, d)?,
            _ => "{}".to_string(),
        },
        _ => {
            return Err(type_error(
                "descriptor requires a 'collections.defaultdict' object",
            ))
        }
    };
    let f = factory(dd);
    let f_repr = if f.is_none() {
        "None".to_string()
    } else {
        crate::vm::ops::text::repr_guarded(vm, &f, "...", |vm| protocol::repr(vm, &f))?
    };
    Ok(Value::str(&format!(
        "{}({f_repr}, {base})",
        short_type_name(dd)
    )))
}

/// `defdict_or`: `left | right` where one side is a defaultdict and the
/// other a dict; the result is a new object of the defaultdict's class.
fn defdict_or(vm: &mut Vm, left: &Value, right: &Value) -> PyResult<Value> {
    let (dd, other) = if is_defaultdict(left) {
        (left, right)
    } else {
        (right, left)
    };
    if !protocol::type_of(other).is_subtype(&builtin_types().dict) {
        return Ok(Value::NotImplemented);
    }
    let new = new_like(vm, dd, left.clone())?;
    dict_method(vm, "update", vec![new.clone(), right.clone()])?;
    Ok(new)
}
