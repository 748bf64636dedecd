//! `mappingproxy`: the read-only view `C.__dict__` gives of a class
//! namespace (descrobject.c). Ours holds a snapshot of the namespace taken
//! when `__dict__` is read; every method reads that dict.

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::exception::type_error;
use crate::object::function::{Args, NativeFn};
use crate::object::types::Type;
use crate::object::{Dict, PyResult, Value};
use crate::vm::protocol;
use crate::vm::Vm;

/// The `mappingproxy` type (`types.MappingProxyType`).
pub fn mappingproxy_type() -> Rc<Type> {
    MAPPINGPROXY.with(Rc::clone)
}

thread_local! {
    static MAPPINGPROXY: Rc<Type> = super::modules::native_class("mappingproxy", "builtins", METHODS);
}

/// A `mappingproxy` of (a snapshot of) `d`.
pub fn new_mappingproxy(d: Dict) -> Value {
    let t = MAPPINGPROXY.with(Rc::clone);
    protocol::new_instance_with_payload(&t, Value::Dict(Rc::new(RefCell::new(d))))
}

/// The dict a proxy method works on.
fn target(a: &Args) -> PyResult<Value> {
    match a.positional.first() {
        Some(Value::Instance(i)) => match &i.payload {
            Some(d) => Ok(d.clone()),
            _ => Err(type_error("descriptor requires a 'mappingproxy' object")),
        },
        _ => Err(type_error("descriptor requires a 'mappingproxy' object")),
    }
}

/// Calls the dict method `name` on the proxied dict with the other arguments.
fn forward(vm: &mut Vm, a: Args, name: &'static str) -> PyResult<Value> {
    let d = target(&a)?;
    let method = protocol::getattr(vm, &d, name)?;
    let rest = a.positional[1..].to_vec();
    vm.call_kw(&method, rest, a.keywords.to_vec())
}

macro_rules! forwarders {
    ($($name:literal),* $(,)?) => {
        const METHODS: &[(&str, NativeFn)] = &[
            $( ($name, |vm, a| forward(vm, a, $name)), )*
            // `types.MappingProxyType(mapping)`: a live read-only view
            // (mappingproxy_new's check: a mapping, not a sequence).
            ("__new__", |vm, a| {
                let [Value::Type(t), mapping] = a.positional else {
                    return Err(type_error(format!(
                        "mappingproxy() takes exactly one argument ({} given)",
                        a.positional.len().saturating_sub(1)
                    )));
                };
                let is_mapping = match mapping {
                    Value::Dict(_) => true,
                    Value::List(_) | Value::Tuple(_) => false,
                    other => protocol::getattr(vm, other, "__getitem__").is_ok()
                        && protocol::getattr(vm, other, "keys").is_ok(),
                };
                if !is_mapping {
                    return Err(type_error(format!(
                        "mappingproxy() argument must be a mapping, not {}",
                        protocol::type_name(mapping)
                    )));
                }
                Ok(protocol::new_instance_with_payload(t, mapping.clone()))
            }),
            ("__repr__", |vm, a| {
                let d = target(&a)?;
                Ok(Value::str(&format!("mappingproxy({})", protocol::repr(vm, &d)?)))
            }),
            // Read-only: these keep a dict subclass's forwarding away.
            ("__setitem__", |_, _| {
                Err(type_error("'mappingproxy' object does not support item assignment"))
            }),
            ("__delitem__", |_, _| {
                Err(type_error("'mappingproxy' object does not support item deletion"))
            }),
            ("__str__", |vm, a| {
                let d = target(&a)?;
                Ok(Value::str(&protocol::str_of(vm, &d)?))
            }),
        ];
    };
}

forwarders!(
    "__getitem__",
    "__iter__",
    "__len__",
    "__contains__",
    "__eq__",
    "__or__",
    "__reversed__",
    "get",
    "keys",
    "values",
    "items",
    "copy",
);
