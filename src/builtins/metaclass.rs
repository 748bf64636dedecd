//! Metaclasses: which metaclass a new class gets, and `type`'s own
//! `__new__`/`__init__`/`__call__` as metaclasses derived from `type` reach
//! them (typeobject.c's `_PyType_CalculateMetaclass`, `type_new`,
//! `type_init`, `type_call`).

use std::rc::Rc;

use crate::object::exception::type_error;
use crate::object::function::Args;
use crate::object::types::{Kind, Type};
use crate::object::{builtin_types, PyResult, Value};
use crate::vm::protocol::{self, type_name, CallOutcome};
use crate::vm::Vm;

/// `_PyType_CalculateMetaclass`: the most derived of `meta` and the
/// metaclasses of `bases`; a TypeError when they are not in one line.
pub fn calculate_metaclass(meta: &Rc<Type>, bases: &[Value]) -> PyResult<Rc<Type>> {
    let mut winner = meta.clone();
    for base in bases {
        let t = protocol::type_of(base);
        if winner.is_subtype(&t) {
            continue;
        }
        if t.is_subtype(&winner) {
            winner = t;
            continue;
        }
        return Err(type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) \
             subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// The metaclass a class statement or `type(name, bases, ns)` starts from:
/// the explicit one, else the type of the first base, else `type`.
pub fn initial_metaclass(explicit: Option<&Value>, bases: &[Value]) -> Option<Value> {
    match explicit {
        Some(m) => Some(m.clone()),
        None => Some(Value::Type(match bases.first() {
            Some(b) => protocol::type_of(b),
            None => builtin_types().type_.clone(),
        })),
    }
}

/// `type.__new__(metatype, name, bases, ns, **kwargs)`: when a base's
/// metaclass is more derived and has its own `__new__`, that one makes the
/// class, as `type_new` hands over to `winner->tp_new`.
pub fn type_new(
    vm: &mut Vm,
    metatype: &Rc<Type>,
    args: &[Value],
    kwargs: &[(Rc<str>, Value)],
) -> PyResult<Value> {
    let [name, bases, ns] = args else {
        return Err(type_error("type.__new__() takes exactly 3 arguments"));
    };
    // type_new's argument clinic: (str, tuple, dict).
    let wrong = |n: usize, want: &str, v: &Value| {
        type_error(format!(
            "type.__new__() argument {n} must be {want}, not {}",
            type_name(v)
        ))
    };
    let Value::Str(name_str) = name else {
        return Err(wrong(1, "str", name));
    };
    let Value::Tuple(bases_tuple) = bases else {
        return Err(wrong(2, "tuple", bases));
    };
    let Value::Dict(ns) = ns else {
        return Err(wrong(3, "dict", ns));
    };
    let name = name_str.to_string();
    let bases = bases_tuple.to_vec();
    let winner = calculate_metaclass(metatype, &bases)?;
    if !Rc::ptr_eq(&winner, metatype) {
        if let Some(new) = user_new(&winner) {
            let mut all = vec![Value::Type(winner.clone())];
            all.extend(args.iter().cloned());
            return vm.call_kw(&new, all, kwargs.to_vec());
        }
    }
    let meta = (winner.kind == Kind::User).then(|| Value::Type(winner.clone()));
    super::create_type(vm, &name, &bases, ns, meta, kwargs)
}

/// A `__new__` a metaclass written in Python defines (unwrapped).
fn user_new(meta: &Rc<Type>) -> Option<Value> {
    match protocol::lookup(meta, "__new__")? {
        Value::Builtin(_) => None,
        Value::StaticMethod(f) => Some((*f).clone()),
        other => Some(other),
    }
}

/// `type.__new__` as a native method: `type.__new__(M, name, bases, ns)`
/// or `type.__new__(type, obj)`.
pub fn type_new_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.positional {
        [_, v] => Ok(Value::Type(protocol::type_of(v))),
        [Value::Type(meta), rest @ ..] => type_new(vm, meta, rest, args.keywords),
        [other, ..] => Err(type_error(format!(
            "type.__new__(X): X is not a type object ({})",
            type_name(other)
        ))),
        [] => Err(type_error("type.__new__(): not enough arguments")),
    }
}

/// `type.__init__(cls, ...)`: checks the argument count only.
pub fn type_init_method(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.positional.len() {
        2 | 4 => Ok(Value::None),
        _ => Err(type_error("type.__init__() takes 1 or 3 arguments")),
    }
}

/// `type.__call__(cls, *args, **kwargs)`: what `super().__call__` in a
/// metaclass runs: `__new__` and `__init__` without the metaclass's own
/// `__call__`.
pub fn type_call_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Type(t)) = args.positional.first() else {
        return Err(type_error("descriptor '__call__' requires a 'type' object"));
    };
    let outcome = super::construct_default(
        vm,
        t.clone(),
        args.positional[1..].to_vec(),
        args.keywords.to_vec(),
    )?;
    match outcome {
        CallOutcome::Value(v) => Ok(v),
        CallOutcome::Frame(frame) => vm.run_frame(frame),
    }
}
