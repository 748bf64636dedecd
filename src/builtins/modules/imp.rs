//! `_imp` as CPython's Python/import.c exposes it to importlib: py2vm
//! imports natively (`importer`), so this answers importlib's questions
//! about the interpreter (which modules are builtin, the extension
//! suffixes, no frozen modules, no import lock to hold) and creates builtin
//! modules through `provided_module`, enough for `importlib._bootstrap` to
//! set itself up and for `importlib.machinery`.

use super::{functions, importer, new_module};
use crate::object::exception::{import_error, type_error};
use crate::object::function::Args;
use crate::object::{PyResult, Value};
use crate::vm::protocol;
use crate::vm::Vm;

pub fn module() -> Value {
    let mut members = functions(&[
        ("acquire_lock", |_, _| Ok(Value::None)),
        ("release_lock", |_, _| Ok(Value::None)),
        ("lock_held", |_, _| Ok(Value::Bool(false))),
        ("is_builtin", is_builtin),
        ("create_builtin", create_builtin),
        ("exec_builtin", |_, _| Ok(Value::Int(0))),
        ("is_frozen", |_, a| {
            name_arg(&a, "is_frozen")?;
            Ok(Value::Bool(false))
        }),
        ("find_frozen", |_, a| {
            name_arg(&a, "find_frozen")?;
            Ok(Value::None)
        }),
        ("is_frozen_package", no_frozen),
        ("get_frozen_object", no_frozen),
        ("init_frozen", |_, _| Ok(Value::None)),
        ("_frozen_module_names", |_, _| Ok(Value::tuple(vec![]))),
        ("extension_suffixes", |_, _| {
            Ok(Value::list(
                [".cpython-311-x86_64-linux-gnu.so", ".abi3.so", ".so"]
                    .into_iter()
                    .map(Value::str)
                    .collect(),
            ))
        }),
        ("_fix_co_filename", |_, _| Ok(Value::None)),
        ("create_dynamic", |_, _| {
            Err(import_error("py2vm does not load extension modules"))
        }),
        ("exec_dynamic", |_, _| Ok(Value::Int(0))),
    ]);
    members.push(("check_hash_based_pycs", Value::str("default")));
    new_module("_imp", members)
}

fn name_arg(a: &Args, f: &str) -> PyResult<String> {
    match a.positional.first() {
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(other) => Err(type_error(format!(
            "{f}() argument must be str, not {}",
            protocol::type_name(other)
        ))),
        None => Err(type_error(format!(
            "{f}() takes exactly one argument (0 given)"
        ))),
    }
}

fn no_frozen(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let name = name_arg(&a, "get_frozen_object")?;
    Err(import_error(format!(
        "No such frozen object named '{name}'"
    )))
}

/// `is_builtin(name)`: 1 for a builtin module py2vm provides, -1 for the
/// ones that cannot be initialised again (`sys`, `builtins`), 0 otherwise.
fn is_builtin(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let name = name_arg(&a, "is_builtin")?;
    Ok(Value::Int(match name.as_str() {
        "sys" | "builtins" => -1,
        n if importer::is_provided_builtin(n) => 1,
        _ => 0,
    }))
}

/// `create_builtin(spec)`: the builtin module `spec.name` (the one in
/// `sys.modules` if it is there).
fn create_builtin(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Some(spec) = a.positional.first() else {
        return Err(type_error(
            "create_builtin() takes exactly one argument (0 given)",
        ));
    };
    let name = protocol::getattr(vm, spec, "name")?;
    let name = protocol::str_arg(&name)?;
    if let Some(m) = protocol::dict_get_str(&vm.modules, &name) {
        return Ok(m);
    }
    match super::provided_module(vm, &name)? {
        Some(m) if importer::is_provided_builtin(&name) => Ok(m),
        _ => Err(import_error(format!("no built-in module named {name}"))),
    }
}
