//! `types.SimpleNamespace` (CPython's `Objects/namespaceobject.c`): the
//! class of `sys.implementation`, which CPython's `types` module names.

use std::cell::RefCell;
use std::rc::Rc;

use super::native_class;
use crate::object::exception::type_error;
use crate::object::function::Args;
use crate::object::{PyResult, Value};
use crate::vm::protocol;
use crate::vm::Vm;

thread_local! {
    static SIMPLE_NAMESPACE: Rc<crate::object::Type> = native_class(
        "SimpleNamespace",
        "types",
        &[
            ("__init__", namespace_init),
            ("__repr__", namespace_repr),
            ("__eq__", namespace_eq),
        ],
    );
}

pub fn simple_namespace() -> Rc<crate::object::Type> {
    SIMPLE_NAMESPACE.with(|t| t.clone())
}

fn namespace_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = &args.positional[0];
    if args.positional.len() > 1 {
        return Err(type_error(format!(
            "SimpleNamespace() takes no positional arguments, got {}",
            args.positional.len() - 1
        )));
    }
    for (k, v) in args.keywords {
        protocol::setattr(vm, me, k, v.clone())?;
    }
    Ok(Value::None)
}

fn namespace_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = &args.positional[0];
    let t = protocol::type_of(me);
    let name = if Rc::ptr_eq(&t, &simple_namespace()) {
        "namespace".to_string()
    } else {
        t.name.to_string()
    };
    let items = match me {
        Value::Instance(i) => i.dict.borrow().items(),
        _ => vec![],
    };
    let mut parts = Vec::new();
    for (k, v) in items {
        let key = protocol::str_of(vm, &k)?;
        parts.push(format!("{key}={}", protocol::repr(vm, &v)?));
    }
    Ok(Value::str(&format!("{name}({})", parts.join(", "))))
}

fn namespace_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.positional else {
        return Err(type_error(format!(
            "expected 1 argument, got {}",
            args.positional.len().saturating_sub(1)
        )));
    };
    let ns = simple_namespace();
    match (a, b) {
        (Value::Instance(x), Value::Instance(y)) if protocol::type_of(b).is_subtype(&ns) => {
            let dx = Value::Dict(Rc::new(RefCell::new(x.dict.borrow().clone())));
            let dy = Value::Dict(Rc::new(RefCell::new(y.dict.borrow().clone())));
            Ok(Value::Bool(protocol::eq(vm, &dx, &dy)?))
        }
        _ => Ok(Value::NotImplemented),
    }
}
