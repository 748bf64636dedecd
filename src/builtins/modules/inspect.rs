//! A subset of `inspect`: generator and coroutine states and the
//! `is*` predicates for generators, coroutines and async generators.

use super::{functions, new_module};
use crate::object::exception::{attribute_error, type_error};
use crate::object::function::Args;
use crate::object::generator::{GenKind, GenState};
use crate::object::{PyResult, Value};
use crate::pyc::code::flags;
use crate::vm::protocol;
use crate::vm::Vm;

pub fn module() -> Value {
    let mut members = vec![
        ("GEN_CREATED", Value::str("GEN_CREATED")),
        ("GEN_RUNNING", Value::str("GEN_RUNNING")),
        ("GEN_SUSPENDED", Value::str("GEN_SUSPENDED")),
        ("GEN_CLOSED", Value::str("GEN_CLOSED")),
        ("CORO_CREATED", Value::str("CORO_CREATED")),
        ("CORO_RUNNING", Value::str("CORO_RUNNING")),
        ("CORO_SUSPENDED", Value::str("CORO_SUSPENDED")),
        ("CORO_CLOSED", Value::str("CORO_CLOSED")),
        ("CO_OPTIMIZED", Value::Int(flags::OPTIMIZED as i64)),
        ("CO_NEWLOCALS", Value::Int(flags::NEWLOCALS as i64)),
        ("CO_VARARGS", Value::Int(flags::VARARGS as i64)),
        ("CO_VARKEYWORDS", Value::Int(flags::VARKEYWORDS as i64)),
        ("CO_NESTED", Value::Int(flags::NESTED as i64)),
        ("CO_GENERATOR", Value::Int(flags::GENERATOR as i64)),
        ("CO_NOFREE", Value::Int(flags::NOFREE as i64)),
        ("CO_COROUTINE", Value::Int(flags::COROUTINE as i64)),
        (
            "CO_ITERABLE_COROUTINE",
            Value::Int(flags::ITERABLE_COROUTINE as i64),
        ),
        (
            "CO_ASYNC_GENERATOR",
            Value::Int(flags::ASYNC_GENERATOR as i64),
        ),
    ];
    members.extend(functions(&[
        ("getgeneratorstate", |_, a| {
            state(&a, GenKind::Generator, "GEN", "gi")
        }),
        ("getcoroutinestate", |_, a| {
            state(&a, GenKind::Coroutine, "CORO", "cr")
        }),
        ("getgeneratorlocals", getgeneratorlocals),
        ("unwrap", unwrap),
        ("isgenerator", |_, a| {
            Ok(Value::Bool(is_kind(&a, GenKind::Generator)))
        }),
        ("iscoroutine", |_, a| {
            Ok(Value::Bool(is_kind(&a, GenKind::Coroutine)))
        }),
        ("isasyncgen", |_, a| {
            Ok(Value::Bool(is_kind(&a, GenKind::AsyncGenerator)))
        }),
        ("isgeneratorfunction", |_, a| {
            Ok(Value::Bool(has_flag(&a, flags::GENERATOR)))
        }),
        ("iscoroutinefunction", |_, a| {
            Ok(Value::Bool(has_flag(&a, flags::COROUTINE)))
        }),
        ("isasyncgenfunction", |_, a| {
            Ok(Value::Bool(has_flag(&a, flags::ASYNC_GENERATOR)))
        }),
        ("isawaitable", isawaitable),
        ("isfunction", |_, a| {
            Ok(Value::Bool(matches!(first(&a)?, Value::Function(_))))
        }),
        ("ismethod", |_, a| {
            Ok(Value::Bool(matches!(first(&a)?, Value::BoundMethod(_))))
        }),
        ("isclass", |_, a| {
            Ok(Value::Bool(matches!(first(&a)?, Value::Type(_))))
        }),
        ("ismodule", |_, a| {
            Ok(Value::Bool(matches!(first(&a)?, Value::Module(_))))
        }),
        ("isbuiltin", |_, a| {
            Ok(Value::Bool(matches!(first(&a)?, Value::Builtin(_))))
        }),
        ("iscode", |_, a| {
            Ok(Value::Bool(matches!(first(&a)?, Value::Code(_))))
        }),
    ]));
    new_module("inspect", members)
}

fn first<'a>(a: &'a Args) -> PyResult<&'a Value> {
    a.positional
        .first()
        .ok_or_else(|| type_error("missing required argument"))
}

fn state(a: &Args, kind: GenKind, prefix: &str, attr: &str) -> PyResult<Value> {
    let v = first(a)?;
    let g = match v {
        Value::Generator(g) if g.kind == kind => g,
        other => {
            return Err(attribute_error(format!(
                "'{}' object has no attribute '{attr}_running'",
                protocol::type_name(other)
            )))
        }
    };
    let name = match g.state.get() {
        GenState::Created => "CREATED",
        GenState::Running => "RUNNING",
        GenState::Suspended => "SUSPENDED",
        GenState::Closed => "CLOSED",
    };
    Ok(Value::str(&format!("{prefix}_{name}")))
}

fn is_kind(a: &Args, kind: GenKind) -> bool {
    matches!(a.positional.first(), Some(Value::Generator(g)) if g.kind == kind)
}

fn function_code(v: &Value) -> Option<std::sync::Arc<crate::pyc::CodeObject>> {
    match v {
        Value::Function(f) => Some(f.code()),
        Value::BoundMethod(m) => function_code(&m.function),
        Value::StaticMethod(f) | Value::ClassMethod(f) => function_code(f),
        _ => None,
    }
}

fn has_flag(a: &Args, flag: u32) -> bool {
    a.positional
        .first()
        .and_then(function_code)
        .is_some_and(|c| c.flags & flag != 0)
}

fn isawaitable(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = first(&a)?;
    Ok(Value::Bool(match v {
        Value::Generator(g) => {
            g.kind == GenKind::Coroutine
                || (g.kind == GenKind::Generator && g.code.flags & flags::ITERABLE_COROUTINE != 0)
        }
        Value::GenAwaitable(_) => true,
        _ => protocol::lookup(&protocol::type_of(v), "__await__").is_some(),
    }))
}

/// `unwrap(func, *, stop=None)`: follows the `__wrapped__` chain (not
/// through classes) until `stop(f)` is true or there is none; a chain
/// that loops, or is longer than the recursion limit, is a ValueError.
fn unwrap(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = super::clinic_bind("unwrap", a.positional, a.keywords, &["func", "stop"], 1, 1)?;
    let original = v[0].clone().expect("required");
    let stop = v[1].clone().filter(|s| !s.is_none());
    let mut func = original.clone();
    let mut seen = vec![func.id()];
    loop {
        if matches!(func, Value::Type(_)) {
            break;
        }
        let wrapped = match protocol::getattr(vm, &func, "__wrapped__") {
            Ok(w) => w,
            Err(e) if e.is_instance(&crate::object::builtin_types().attribute_error) => break,
            Err(e) => return Err(e),
        };
        if let Some(stop) = &stop {
            let r = vm.call(stop, vec![func.clone()])?;
            if protocol::truthy(vm, &r)? {
                break;
            }
        }
        func = wrapped;
        if seen.contains(&func.id()) || seen.len() >= vm.recursion_limit {
            let r = protocol::repr(vm, &original)?;
            return Err(crate::object::exception::value_error(format!(
                "wrapper loop when unwrapping {r}"
            )));
        }
        seen.push(func.id());
    }
    Ok(func)
}

fn getgeneratorlocals(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = first(&a)?;
    let Value::Generator(g) = v else {
        return Err(type_error(format!(
            "{} is not a Python generator",
            protocol::repr(_vm, v)?
        )));
    };
    let d = protocol::new_dict();
    if let (Value::Dict(dict), Some(frame)) = (&d, g.frame.borrow().as_ref()) {
        for (i, name) in frame.code().localsplusnames.iter().enumerate() {
            let value = match &frame.fast[i] {
                Some(Value::Cell(c)) => c.borrow().clone(),
                other => other.clone(),
            };
            if let Some(value) = value {
                protocol::dict_set_str(dict, name, value);
            }
        }
    }
    Ok(d)
}
