//! The `types` module: names for the interpreter's types, `coroutine` and
//! `SimpleNamespace`.

use std::cell::RefCell;
use std::rc::Rc;

use super::{functions, native_class, new_module};
use crate::object::exception::type_error;
use crate::object::function::Args;
use crate::object::{builtin_types, PyResult, Value};
use crate::pyc::code::flags;
use crate::vm::protocol;
use crate::vm::Vm;

pub fn module() -> Value {
    let t = builtin_types();
    let ty = |x: &Rc<crate::object::Type>| Value::Type(x.clone());
    let mut members = vec![
        ("FunctionType", ty(&t.function)),
        ("LambdaType", ty(&t.function)),
        ("GeneratorType", ty(&t.generator)),
        ("CoroutineType", ty(&t.coroutine)),
        ("AsyncGeneratorType", ty(&t.async_generator)),
        ("MethodType", ty(&t.method)),
        ("BuiltinFunctionType", ty(&t.builtin_function)),
        ("BuiltinMethodType", ty(&t.builtin_function)),
        ("ModuleType", ty(&t.module)),
        ("CodeType", ty(&t.code)),
        ("CellType", ty(&t.cell)),
        ("NoneType", ty(&t.none_type)),
        ("NotImplementedType", ty(&t.not_implemented_type)),
        ("EllipsisType", ty(&t.ellipsis)),
        ("TracebackType", ty(&t.traceback)),
        ("SimpleNamespace", Value::Type(simple_namespace())),
        (
            "FrameType",
            Value::Type(crate::vm::frame_object::frame_type()),
        ),
        (
            "MappingProxyType",
            Value::Type(crate::builtins::mappingproxy::mappingproxy_type()),
        ),
        (
            "GetSetDescriptorType",
            Value::Type(crate::builtins::slots::getset_descriptor_type()),
        ),
        (
            "MemberDescriptorType",
            Value::Type(crate::builtins::slots::member_descriptor_type()),
        ),
        ("MethodDescriptorType", ty(&t.method_descriptor)),
        ("WrapperDescriptorType", ty(&t.wrapper_descriptor)),
        ("MethodWrapperType", ty(&t.method_wrapper)),
        ("ClassMethodDescriptorType", ty(&t.classmethod_descriptor)),
        (
            "GenericAlias",
            Value::Type(crate::builtins::generic_alias::generic_alias_type()),
        ),
        (
            "UnionType",
            Value::Type(crate::builtins::isinstance::union_type()),
        ),
    ];
    members.extend(functions(&[("coroutine", coroutine)]));
    new_module("types", members)
}

/// `types.coroutine(func)`: a generator function's code gets
/// CO_ITERABLE_COROUTINE, so its generators can be awaited.
fn coroutine(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(func) = args.positional.first() else {
        return Err(type_error(
            "coroutine() missing 1 required positional argument: 'func'",
        ));
    };
    if let Value::Function(f) = func {
        let co_flags = f.code().flags;
        if co_flags & (flags::COROUTINE | flags::ITERABLE_COROUTINE) != 0 {
            return Ok(func.clone());
        }
        if co_flags & flags::GENERATOR != 0 {
            let mut code = (*f.code()).clone();
            code.flags |= flags::ITERABLE_COROUTINE;
            *f.code.borrow_mut() = std::sync::Arc::new(code);
            return Ok(func.clone());
        }
    }
    if !crate::vm::protocol::is_callable(func) {
        return Err(type_error("types.coroutine() expects a callable"));
    }
    Ok(func.clone())
}

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
