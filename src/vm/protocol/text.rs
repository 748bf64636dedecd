//! `repr()` and `str()` as the protocol gives them: `str` of exceptions
//! (their args, KeyError's repr, OSError's errno form, SyntaxError's
//! location, exception groups), `__str__` of instances, `repr` otherwise.

use super::{call_dunder, str_arg, type_name};
use crate::object::exception::type_error;
use crate::object::types::builtin_types;
use crate::object::{PyResult, Value};
use crate::vm::Vm;

pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    crate::vm::ops::repr(vm, v)
}

pub fn str_of(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        Value::Exception(e) => {
            if let Some(r) = call_dunder(vm, v, "__str__", vec![])? {
                return str_arg(&r);
            }
            if crate::vm::ops::exc_group::is_group(e) {
                return crate::vm::ops::exc_group::group_str(vm, v);
            }
            let args = e.args.borrow().clone();
            if e.class.is_subtype(&builtin_types().key_error) && args.len() == 1 {
                return repr(vm, &args[0]);
            }
            if e.class.is_subtype(&builtin_types().os_error) && (2..=5).contains(&args.len()) {
                let errno = str_of(vm, &args[0])?;
                let strerror = str_of(vm, &args[1])?;
                // OSError_str: `filename -> filename2` when both are set.
                return Ok(match (args.get(2), args.get(4)) {
                    (Some(f), Some(f2)) if !f.is_none() && !f2.is_none() => format!(
                        "[Errno {errno}] {strerror}: {} -> {}",
                        repr(vm, f)?,
                        repr(vm, f2)?
                    ),
                    (Some(f), _) if !f.is_none() => {
                        format!("[Errno {errno}] {strerror}: {}", repr(vm, f)?)
                    }
                    _ => format!("[Errno {errno}] {strerror}"),
                });
            }
            if e.class.is_subtype(&builtin_types().unicode_error) {
                if let Some(s) = crate::vm::ops::unicode_error_str(e) {
                    return Ok(s);
                }
            }
            if e.class.is_subtype(&builtin_types().syntax_error) && args.len() == 2 {
                if let Value::Tuple(d) = &args[1] {
                    if let [Value::Str(file), Value::Int(line), ..] = &d[..] {
                        let msg = str_of(vm, &args[0])?;
                        let base = file.rsplit('/').next().unwrap_or(file);
                        return Ok(format!("{msg} ({base}, line {line})"));
                    }
                }
            }
            match args.len() {
                0 => Ok(String::new()),
                1 => str_of(vm, &args[0]),
                _ => repr(vm, &Value::Tuple(args)),
            }
        }
        Value::Instance(_) => match call_dunder(vm, v, "__str__", vec![])? {
            Some(Value::Str(s)) => Ok(s.to_string()),
            Some(other) => Err(type_error(format!(
                "__str__ returned non-string (type {})",
                type_name(&other)
            ))),
            None => repr(vm, v),
        },
        _ => repr(vm, v),
    }
}
