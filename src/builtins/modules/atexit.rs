//! `atexit` (CPython's `Modules/atexitmodule.c`): functions to run when the
//! program ends, kept in `Vm::exit_callbacks` and run by the VM after the
//! main module (and its traceback, if it failed), last registered first.

use super::{functions, new_module};
use crate::object::exception::type_error;
use crate::object::function::Args;
use crate::object::{PyResult, Value};
use crate::vm::protocol;
use crate::vm::Vm;

pub fn module() -> Value {
    new_module(
        "atexit",
        functions(&[
            ("register", register),
            ("unregister", unregister),
            ("_run_exitfuncs", run_exitfuncs),
            ("_clear", clear),
            ("_ncallbacks", ncallbacks),
        ]),
    )
}

/// `register(func, *args, **kwargs)`: returns `func`, so it decorates.
fn register(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Some(func) = a.positional.first() else {
        return Err(type_error("register() takes at least 1 argument (0 given)"));
    };
    if !protocol::is_callable(func) {
        return Err(type_error("the first argument must be callable"));
    }
    vm.exit_callbacks.push((
        func.clone(),
        a.positional[1..].to_vec(),
        a.keywords.to_vec(),
    ));
    Ok(func.clone())
}

/// `unregister(func)`: drops every registration of `func` (compared with
/// `==`, as CPython does).
fn unregister(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [func] = a.positional else {
        return Err(type_error(format!(
            "atexit.unregister() takes exactly one argument ({} given)",
            a.positional.len()
        )));
    };
    let callbacks = std::mem::take(&mut vm.exit_callbacks);
    let mut kept = Vec::with_capacity(callbacks.len());
    let mut result = Ok(());
    for entry in callbacks {
        match result.is_ok().then(|| protocol::eq(vm, &entry.0, func)) {
            Some(Ok(true)) => {}
            Some(Err(e)) => {
                result = Err(e);
                kept.push(entry);
            }
            _ => kept.push(entry),
        }
    }
    // Callbacks registered by an `__eq__` that ran meanwhile stay too.
    kept.append(&mut vm.exit_callbacks);
    vm.exit_callbacks = kept;
    result.map(|()| Value::None)
}

fn run_exitfuncs(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    vm.run_exit_callbacks(crate::vm::Outcome::Exit(0));
    Ok(Value::None)
}

fn clear(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    vm.exit_callbacks.clear();
    Ok(Value::None)
}

fn ncallbacks(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::Int(vm.exit_callbacks.len() as i64))
}
