//! `marshal` as CPython's Python/marshal.c for values: `dumps` writes
//! version-4 data without references (any marshal reader takes it),
//! `loads` reads with the `.pyc` reader (`pyc::marshal`). Code objects
//! cannot be written (py2vm has no writer for them: ValueError, as for an
//! unmarshallable object). `_ast::wire` writes trees with the same writer.

use num_bigint::{BigInt, Sign};

use super::{functions, new_module};
use crate::object::exception::{type_error, value_error};
use crate::object::function::Args;
use crate::object::{PyResult, Value};
use crate::vm::protocol;
use crate::vm::Vm;

pub fn module() -> Value {
    let mut members = functions(&[("dumps", dumps), ("loads", loads)]);
    members.push(("version", Value::Int(4)));
    new_module("marshal", members)
}

fn dumps(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Some(v) = a.positional.first() else {
        return Err(type_error(
            "dumps() missing required argument 'value' (pos 1)",
        ));
    };
    let mut out = Vec::new();
    write(vm, v, &mut out, 0, &|_, _, _, _| {
        Err(value_error("unmarshallable object"))
    })?;
    Ok(Value::Bytes(out.into()))
}

fn loads(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let data: Vec<u8> = match a.positional.first() {
        Some(Value::Bytes(b)) => b.to_vec(),
        Some(Value::ByteArray(b)) => b.borrow().clone(),
        Some(other) => {
            return Err(type_error(format!(
                "a bytes-like object is required, not '{}'",
                protocol::type_name(other)
            )))
        }
        None => {
            return Err(type_error(
                "loads() missing required argument 'bytes' (pos 1)",
            ))
        }
    };
    if data.is_empty() {
        return Err(crate::object::PyErr::new(
            &crate::object::builtin_types().eof_error,
            "EOF read where object expected",
        ));
    }
    match crate::pyc::marshal::read_object(&data, 0) {
        Ok((c, _)) => Ok(protocol::constant_value(&c)),
        Err(_) => Err(value_error("bad marshal data (unknown type code)")),
    }
}

/// How objects marshal cannot write itself are written (or refused).
pub type Other<'a> = &'a dyn Fn(&mut Vm, &Value, &mut Vec<u8>, usize) -> PyResult<()>;

pub fn write_len(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u32).to_le_bytes());
}

pub fn write_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'u');
    write_len(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

fn write_bigint(out: &mut Vec<u8>, n: &BigInt) {
    // TYPE_LONG: a signed count of base-2**15 digits, then the digits,
    // least significant first.
    let (sign, mag) = n.to_u32_digits();
    let mut digits = Vec::new();
    let mut acc: u64 = 0;
    let mut bits = 0;
    for d in mag {
        acc |= (d as u64) << bits;
        bits += 32;
        while bits >= 15 {
            digits.push((acc & 0x7fff) as u16);
            acc >>= 15;
            bits -= 15;
        }
    }
    if bits > 0 {
        digits.push(acc as u16);
    }
    while digits.last() == Some(&0) {
        digits.pop();
    }
    out.push(b'l');
    let count = digits.len() as i32;
    let count = if sign == Sign::Minus { -count } else { count };
    out.extend_from_slice(&count.to_le_bytes());
    for d in digits {
        out.extend_from_slice(&d.to_le_bytes());
    }
}

fn write_items(
    vm: &mut Vm,
    code: u8,
    items: &[Value],
    out: &mut Vec<u8>,
    depth: usize,
    other: Other,
) -> PyResult<()> {
    out.push(code);
    write_len(out, items.len());
    for item in items {
        write(vm, item, out, depth + 1, other)?;
    }
    Ok(())
}

/// Writes `v` in marshal's format; `other` handles what marshal does not.
pub fn write(
    vm: &mut Vm,
    v: &Value,
    out: &mut Vec<u8>,
    depth: usize,
    other: Other,
) -> PyResult<()> {
    if depth > 2000 {
        return Err(value_error("object too deeply nested to marshal"));
    }
    match v {
        Value::None => out.push(b'N'),
        Value::Bool(true) => out.push(b'T'),
        Value::Bool(false) => out.push(b'F'),
        Value::Ellipsis => out.push(b'.'),
        Value::Int(i) => match i32::try_from(*i) {
            Ok(small) => {
                out.push(b'i');
                out.extend_from_slice(&small.to_le_bytes());
            }
            Err(_) => write_bigint(out, &BigInt::from(*i)),
        },
        Value::BigInt(b) => write_bigint(out, b),
        Value::Float(f) => {
            out.push(b'g');
            out.extend_from_slice(&f.to_le_bytes());
        }
        Value::Complex(re, im) => {
            out.push(b'y');
            out.extend_from_slice(&re.to_le_bytes());
            out.extend_from_slice(&im.to_le_bytes());
        }
        Value::Str(s) => write_str(out, s),
        Value::Bytes(b) => {
            out.push(b's');
            write_len(out, b.len());
            out.extend_from_slice(b);
        }
        Value::Tuple(items) => write_items(vm, b'(', items, out, depth, other)?,
        Value::List(items) => {
            let items = items.borrow().clone();
            write_items(vm, b'[', &items, out, depth, other)?
        }
        Value::FrozenSet(d) => write_items(vm, b'>', &d.keys(), out, depth, other)?,
        Value::Set(d) => {
            let keys = d.borrow().keys();
            write_items(vm, b'<', &keys, out, depth, other)?
        }
        Value::Dict(d) => {
            let items = d.borrow().items();
            out.push(b'{');
            for (k, item) in items {
                write(vm, &k, out, depth + 1, other)?;
                write(vm, &item, out, depth + 1, other)?;
            }
            out.push(b'0');
        }
        _ => other(vm, v, out, depth)?,
    }
    Ok(())
}
