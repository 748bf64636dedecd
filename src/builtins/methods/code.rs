//! Methods of code objects (CPython's `Objects/codeobject.c`): `replace`,
//! `co_lines`, `co_positions`, `_varname_from_oparg`. The `co_*` data
//! attributes are `protocol::attr::code_attr`'s.

use std::sync::Arc;

use crate::bytecode::decode::Decoded;
use crate::object::exception::{type_error, value_error};
use crate::object::function::{m, Args, MethodDef};
use crate::object::{PyResult, Value};
use crate::pyc::code::{local_kind, CodeObject, Constant, PyString};
use crate::vm::protocol::{self, type_name};
use crate::vm::Vm;

pub const CODE: &[MethodDef] = &[
    m("replace", replace),
    m("co_lines", co_lines),
    m("co_positions", co_positions),
    m("_varname_from_oparg", varname_from_oparg).o(),
];

fn this(a: &Args) -> PyResult<Arc<CodeObject>> {
    match a.positional.first() {
        Some(Value::Code(c)) => Ok(c.clone()),
        other => Err(type_error(format!(
            "descriptor requires a 'code' object but received '{}'",
            other.map_or_else(|| "nothing".into(), |v| type_name(v).to_string())
        ))),
    }
}

fn int_arg(name: &str, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        other => Err(type_error(format!(
            "replace() argument '{name}' must be int, not {}",
            type_name(other)
        ))),
    }
}

fn u32_arg(name: &str, v: &Value) -> PyResult<u32> {
    u32::try_from(int_arg(name, v)?)
        .map_err(|_| value_error(format!("replace() argument '{name}' out of range")))
}

fn str_arg(name: &str, v: &Value) -> PyResult<Arc<str>> {
    match v {
        Value::Str(s) => Ok(Arc::from(&**s)),
        other => Err(type_error(format!(
            "replace() argument '{name}' must be str, not {}",
            type_name(other)
        ))),
    }
}

fn bytes_arg(name: &str, v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Bytes(b) => Ok(b.to_vec()),
        other => Err(type_error(format!(
            "replace() argument '{name}' must be bytes, not {}",
            type_name(other)
        ))),
    }
}

fn str_tuple_arg(name: &str, v: &Value) -> PyResult<Vec<Arc<str>>> {
    let Value::Tuple(items) = v else {
        return Err(type_error(format!(
            "replace() argument '{name}' must be tuple, not {}",
            type_name(v)
        )));
    };
    items
        .iter()
        .map(|i| match i {
            Value::Str(s) => Ok(Arc::from(&**s)),
            _ => Err(type_error(
                "name tuples must contain only strings, not 'int'",
            )),
        })
        .collect()
}

/// A constant a code object can hold, from its value.
fn constant(v: &Value) -> PyResult<Constant> {
    Ok(match v {
        Value::None => Constant::None,
        Value::Bool(b) => Constant::Bool(*b),
        Value::Ellipsis => Constant::Ellipsis,
        Value::Int(i) => Constant::Int(*i),
        Value::BigInt(b) => Constant::BigInt(Arc::new((**b).clone())),
        Value::Float(f) => Constant::Float(*f),
        Value::Complex(re, im) => Constant::Complex { re: *re, im: *im },
        Value::Bytes(b) => Constant::Bytes(Arc::from(&b[..])),
        Value::Str(s) => Constant::Str(PyString::Text(Arc::from(&**s))),
        Value::Tuple(items) => Constant::Tuple(
            items
                .iter()
                .map(constant)
                .collect::<PyResult<Vec<_>>>()?
                .into(),
        ),
        Value::Code(c) => Constant::Code(c.clone()),
        other => {
            return Err(type_error(format!(
                "code constants must be constants, not '{}'",
                type_name(other)
            )))
        }
    })
}

/// Renames the locals-plus slots of one kind to `names` (same number).
fn rename(code: &mut CodeObject, kind: u8, names: Vec<Arc<str>>, what: &str) -> PyResult<()> {
    let slots: Vec<usize> = (0..code.localsplusnames.len())
        .filter(|&i| code.localspluskinds[i] & kind != 0)
        .collect();
    if slots.len() != names.len() {
        return Err(value_error(format!(
            "code: {what} must keep its {} names in py2vm",
            slots.len()
        )));
    }
    for (slot, name) in slots.into_iter().zip(names) {
        code.localsplusnames[slot] = name;
    }
    Ok(())
}

/// `code.replace(*, co_argcount=-1, ...)`: a copy with the named fields
/// changed (the instructions decoded again if the bytecode, its tables or
/// its constants change).
fn replace(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let mut code = (*this(&a)?).clone();
    if a.positional.len() > 1 {
        return Err(type_error(format!(
            "replace() takes 0 positional arguments but {} were given",
            a.positional.len() - 1
        )));
    }
    let mut redecode = false;
    for (key, v) in a.keywords {
        let k = &**key;
        match k {
            "co_argcount" => code.argcount = u32_arg(k, v)?,
            "co_posonlyargcount" => code.posonlyargcount = u32_arg(k, v)?,
            "co_kwonlyargcount" => code.kwonlyargcount = u32_arg(k, v)?,
            "co_nlocals" => {
                u32_arg(k, v)?;
            }
            "co_stacksize" => code.stacksize = u32_arg(k, v)?,
            "co_flags" => code.flags = u32_arg(k, v)?,
            "co_firstlineno" => {
                code.firstlineno = i32::try_from(int_arg(k, v)?)
                    .map_err(|_| value_error("replace() argument 'co_firstlineno' out of range"))?;
                redecode = true;
            }
            "co_code" => {
                code.code = bytes_arg(k, v)?;
                redecode = true;
            }
            "co_linetable" => {
                code.linetable = bytes_arg(k, v)?;
                redecode = true;
            }
            "co_exceptiontable" => {
                code.exceptiontable = bytes_arg(k, v)?;
                redecode = true;
            }
            "co_consts" => {
                let Value::Tuple(items) = v else {
                    return Err(type_error(format!(
                        "replace() argument 'co_consts' must be tuple, not {}",
                        type_name(v)
                    )));
                };
                code.consts = items.iter().map(constant).collect::<PyResult<_>>()?;
            }
            "co_names" => code.names = str_tuple_arg(k, v)?,
            "co_varnames" => rename(&mut code, local_kind::LOCAL, str_tuple_arg(k, v)?, k)?,
            "co_cellvars" => rename(&mut code, local_kind::CELL, str_tuple_arg(k, v)?, k)?,
            "co_freevars" => rename(&mut code, local_kind::FREE, str_tuple_arg(k, v)?, k)?,
            "co_filename" => code.filename = str_arg(k, v)?,
            "co_name" => code.name = str_arg(k, v)?,
            "co_qualname" => code.qualname = str_arg(k, v)?,
            other => {
                return Err(type_error(format!(
                    "replace() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    if code.code.len() % 2 != 0 {
        return Err(value_error("code: co_code is malformed"));
    }
    if redecode {
        code.decoded = Decoded::new(
            &code.code,
            code.firstlineno,
            &code.linetable,
            &code.exceptiontable,
        );
    }
    Ok(Value::Code(Arc::new(code)))
}

fn opt_int(v: Option<i32>) -> Value {
    v.map_or(Value::None, |x| Value::Int(x as i64))
}

/// `co_lines()`: an iterator of `(start, end, line)`.
fn co_lines(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let c = this(&a)?;
    let items = crate::bytecode::locations::co_lines(&c.linetable, c.firstlineno)
        .into_iter()
        .map(|(start, end, line)| {
            Value::tuple(vec![
                Value::Int(start as i64),
                Value::Int(end as i64),
                opt_int(line),
            ])
        })
        .collect();
    protocol::iter(vm, &Value::list(items))
}

/// `co_positions()`: `(line, end_line, column, end_column)` per code unit.
fn co_positions(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let c = this(&a)?;
    let items = (0..c.code.len() / 2)
        .map(|unit| {
            let l = c.decoded.location_at(unit as u32 * 2);
            Value::tuple(vec![
                opt_int(l.line),
                opt_int(l.end_line),
                opt_int(l.column),
                opt_int(l.end_column),
            ])
        })
        .collect();
    protocol::iter(vm, &Value::list(items))
}

fn varname_from_oparg(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let c = this(&a)?;
    let i = crate::vm::ops::index_of(&a.positional[1])?;
    usize::try_from(i)
        .ok()
        .and_then(|i| c.localsplus_name(i))
        .map(Value::str)
        .ok_or_else(|| crate::object::exception::index_error("tuple index out of range"))
}
