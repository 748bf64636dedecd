//! `types.GenericAlias`: what `list[int]` makes (genericaliasobject.c), and
//! subscripting classes (`__class_getitem__`).

use std::rc::Rc;

use crate::object::exception::type_error;
use crate::object::function::NativeFn;
use crate::object::types::{Kind, Type};
use crate::object::{PyResult, Value};
use crate::vm::protocol;
use crate::vm::Vm;

/// `types.GenericAlias`.
pub fn generic_alias_type() -> Rc<Type> {
    GENERIC_ALIAS.with(Rc::clone)
}

thread_local! {
    static GENERIC_ALIAS: Rc<Type> = super::modules::native_class("GenericAlias", "types", METHODS);
}

const METHODS: &[(&str, NativeFn)] = &[
    ("__repr__", |vm, a| {
        let (origin, args) = parts(vm, a.positional.first())?;
        let mut items = Vec::new();
        for arg in args {
            items.push(repr_item(vm, &arg)?);
        }
        let head = repr_item(vm, &origin)?;
        Ok(Value::str(&format!("{head}[{}]", items.join(", "))))
    }),
    ("__or__", |vm, a| match a.positional {
        [x, y] => {
            Ok(crate::builtins::isinstance::union_or(vm, x, y)?.unwrap_or(Value::NotImplemented))
        }
        _ => Err(type_error("__or__ expected 1 argument")),
    }),
    ("__ror__", |vm, a| match a.positional {
        [x, y] => {
            Ok(crate::builtins::isinstance::union_or(vm, y, x)?.unwrap_or(Value::NotImplemented))
        }
        _ => Err(type_error("__ror__ expected 1 argument")),
    }),
    ("__call__", |vm, a| {
        let (origin, _) = parts(vm, a.positional.first())?;
        vm.call_kw(&origin, a.positional[1..].to_vec(), a.keywords.to_vec())
    }),
];

/// Whether `v` is a `types.GenericAlias`.
pub fn is_alias(v: &Value) -> bool {
    matches!(v, Value::Instance(i) if Rc::ptr_eq(&i.class.borrow(), &GENERIC_ALIAS.with(Rc::clone)))
}

/// `(__origin__, __args__)` of an alias.
fn parts(vm: &mut Vm, alias: Option<&Value>) -> PyResult<(Value, Vec<Value>)> {
    let alias = alias.ok_or_else(|| type_error("GenericAlias method needs an alias"))?;
    let origin = protocol::getattr(vm, alias, "__origin__")?;
    let args = protocol::getattr(vm, alias, "__args__")?;
    Ok((origin, protocol::collect(vm, &args)?))
}

/// genericaliasobject.c's `ga_repr_item`: a class by its qualified name
/// (without `builtins.`), `...`, or the item's repr.
fn repr_item(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Ellipsis => Ok("...".into()),
        Value::Type(t) => {
            let qualname = t.qualname.borrow().clone();
            if t.kind != Kind::User {
                return Ok(t.name.to_string());
            }
            match protocol::lookup(t, "__module__") {
                Some(Value::Str(m)) if &*m != "builtins" => Ok(format!("{m}.{qualname}")),
                _ => Ok(qualname.to_string()),
            }
        }
        other => protocol::repr(vm, other),
    }
}

/// `types.GenericAlias(origin, args)`: what `list[int]` makes
/// (`__class_getitem__` of the builtin containers).
pub fn new_alias(vm: &mut Vm, origin: Value, key: &Value) -> PyResult<Value> {
    let alias = protocol::new_instance(&GENERIC_ALIAS.with(Rc::clone));
    let args = match key {
        Value::Tuple(_) => key.clone(),
        other => Value::tuple(vec![other.clone()]),
    };
    protocol::setattr(vm, &alias, "__origin__", origin)?;
    protocol::setattr(vm, &alias, "__args__", args)?;
    Ok(alias)
}

/// `cls[key]`: the class's `__class_getitem__`, else a generic alias for
/// the builtin containers and `type`.
pub fn class_getitem(vm: &mut Vm, t: &Rc<Type>, key: &Value) -> PyResult<Value> {
    let class = Value::Type(t.clone());
    if let Some(f) = protocol::lookup(t, "__class_getitem__") {
        let f = match f {
            Value::ClassMethod(f) => (*f).clone(),
            other => other,
        };
        return vm.call(&f, vec![class, key.clone()]);
    }
    if t.kind == Kind::Type {
        return new_alias(vm, class, key);
    }
    Err(type_error(format!(
        "type '{}' is not subscriptable",
        t.name
    )))
}
