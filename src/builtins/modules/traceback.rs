//! The `traceback` module: printing and formatting exceptions as
//! Lib/traceback.py does (`print_exc`, `format_exc`, `print_exception`,
//! `format_exception`, `format_exception_only`), through the same printer
//! as an uncaught exception (`vm::traceback`, in its `Module` flavor).
//!
//! Lists come back one line per item, where traceback.py groups a frame's
//! lines into one string; `"".join(...)` reads the same.

use super::{functions, new_module};
use crate::builtins::{allow_keywords, kwarg};
use crate::object::exception::type_error;
use crate::object::function::Args;
use crate::object::{PyErr, PyResult, Value};
use crate::vm::{protocol, traceback, Vm};

pub fn module() -> Value {
    new_module(
        "traceback",
        functions(&[
            ("print_exc", print_exc),
            ("format_exc", format_exc),
            ("print_exception", print_exception),
            ("format_exception", format_exception),
            ("format_exception_only", format_exception_only),
            ("clear_frames", clear_frames),
        ]),
    )
}

/// `limit` as traceback.py takes it: None, or an int (negative: the last
/// frames).
fn limit_arg(args: &Args, position: usize) -> PyResult<Option<isize>> {
    let v = kwarg(args, "limit").or_else(|| args.positional.get(position));
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(n)) => Ok(Some(*n as isize)),
        Some(Value::Bool(b)) => Ok(Some(*b as isize)),
        Some(other) => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            protocol::type_name(other)
        ))),
    }
}

fn chain_arg(vm: &mut Vm, args: &Args, position: usize) -> PyResult<bool> {
    match kwarg(args, "chain").or_else(|| args.positional.get(position)) {
        None => Ok(true),
        Some(v) => protocol::truthy(vm, v),
    }
}

/// The report for `value` (the exception, or None: `NoneType: None`).
fn report(vm: &mut Vm, value: &Value, limit: Option<isize>, chain: bool) -> String {
    match value {
        Value::Exception(e) => {
            traceback::format_exception_module(vm, &PyErr(e.clone()), limit, chain)
        }
        _ => "NoneType: None\n".to_string(),
    }
}

/// `print(text, file=file, end="")`: to `file`, or to stderr.
fn write_to(vm: &mut Vm, file: Option<&Value>, text: &str) -> PyResult<Value> {
    match file {
        Some(f) if !f.is_none() => {
            let write = protocol::getattr(vm, f, "write")?;
            vm.call(&write, vec![Value::str(text)])?;
        }
        _ => vm.write_stderr(text),
    }
    Ok(Value::None)
}

fn lines(text: &str) -> Value {
    Value::list(text.split_inclusive('\n').map(Value::str).collect())
}

/// The exception `sys.exc_info()` would give.
fn handled(vm: &Vm) -> Value {
    vm.handled.clone().unwrap_or(Value::None)
}

/// `(exc, /, value=_sentinel, tb=_sentinel, ...)`: the exception is `exc`
/// alone, or `value` in the old three-argument form.
fn exception_arg(args: &Args, fname: &str) -> PyResult<Value> {
    let value = kwarg(args, "value").or_else(|| args.positional.get(1));
    match (args.positional.first(), value) {
        (_, Some(v)) => Ok(v.clone()),
        (Some(exc), None) => Ok(exc.clone()),
        (None, None) => Err(type_error(format!(
            "{fname}() missing required positional argument: 'exc'"
        ))),
    }
}

fn print_exc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    allow_keywords(&args, "print_exc", &["limit", "file", "chain"])?;
    let limit = limit_arg(&args, 0)?;
    let chain = chain_arg(vm, &args, 2)?;
    let text = report(vm, &handled(vm), limit, chain);
    let file = kwarg(&args, "file")
        .or_else(|| args.positional.get(1))
        .cloned();
    write_to(vm, file.as_ref(), &text)
}

fn format_exc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    allow_keywords(&args, "format_exc", &["limit", "chain"])?;
    let limit = limit_arg(&args, 0)?;
    let chain = chain_arg(vm, &args, 1)?;
    Ok(Value::str(&report(vm, &handled(vm), limit, chain)))
}

fn print_exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    allow_keywords(
        &args,
        "print_exception",
        &["value", "tb", "limit", "file", "chain"],
    )?;
    let exc = exception_arg(&args, "print_exception")?;
    let limit = limit_arg(&args, 3)?;
    let chain = chain_arg(vm, &args, 5)?;
    let text = report(vm, &exc, limit, chain);
    let file = kwarg(&args, "file")
        .or_else(|| args.positional.get(4))
        .cloned();
    write_to(vm, file.as_ref(), &text)
}

fn format_exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    allow_keywords(
        &args,
        "format_exception",
        &["value", "tb", "limit", "chain"],
    )?;
    let exc = exception_arg(&args, "format_exception")?;
    let limit = limit_arg(&args, 3)?;
    let chain = chain_arg(vm, &args, 4)?;
    Ok(lines(&report(vm, &exc, limit, chain)))
}

fn format_exception_only(vm: &mut Vm, args: Args) -> PyResult<Value> {
    allow_keywords(&args, "format_exception_only", &["value"])?;
    let exc = exception_arg(&args, "format_exception_only")?;
    let text = match &exc {
        Value::Exception(e) => traceback::format_exception_only(vm, &PyErr(e.clone())),
        _ => "NoneType: None\n".to_string(),
    };
    Ok(lines(&text))
}

/// `clear_frames(tb)`: `tb_frame.clear()` for each frame of the chain,
/// ignoring the RuntimeError of a frame still running (as traceback.py).
fn clear_frames(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut tb = args.positional.first().cloned().unwrap_or(Value::None);
    while !tb.is_none() {
        let frame = protocol::getattr(vm, &tb, "tb_frame")?;
        if let Ok(clear) = protocol::getattr(vm, &frame, "clear") {
            match vm.call(&clear, vec![]) {
                Err(e) if e.is_instance(&crate::object::builtin_types().runtime_error) => {}
                other => {
                    other?;
                }
            }
        }
        tb = protocol::getattr(vm, &tb, "tb_next")?;
    }
    Ok(Value::None)
}
