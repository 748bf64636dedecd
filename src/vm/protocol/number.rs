//! Integer conversions of the number protocol: `__index__`
//! (`PyNumber_Index`), machine-sized indexes (`PyNumber_AsSsize_t`), and
//! subscripts of builtin sequences given as objects with `__index__`.

use std::rc::Rc;

use num_bigint::BigInt;

use super::{builtin_payload, call_dunder, type_name, user_dunder};
use crate::object::exception::{index_error, overflow_error, type_error, value_error};
use crate::object::{PyErr, PyResult, Value};
use crate::vm::ops::arith::{big, from_big};
use crate::vm::Vm;

/// `operator.index(v)` (abstract.c's `PyNumber_Index`): an int as it is
/// (a bool as 0 or 1), else what the type's `__index__` returns.
pub fn number_index(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::Int(_) | Value::BigInt(_) => return Ok(v.clone()),
        Value::Bool(b) => return Ok(Value::Int(*b as i64)),
        _ => {}
    }
    if let Some(p) = builtin_payload(v, "__index__") {
        if matches!(p, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
            return number_index(vm, &p);
        }
    }
    match call_dunder(vm, v, "__index__", vec![])? {
        Some(r @ (Value::Int(_) | Value::BigInt(_))) => Ok(r),
        Some(Value::Bool(b)) => Ok(Value::Int(b as i64)),
        Some(r) => Err(type_error(format!(
            "__index__ returned non-int (type {})",
            type_name(&r)
        ))),
        None => Err(not_an_integer(v)),
    }
}

/// [`number_index`] as a big int.
pub fn index_big(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    let i = number_index(vm, v)?;
    Ok(big(&i).unwrap_or_default())
}

/// `PyNumber_AsSsize_t(v, exc)`: an index that must fit a machine word;
/// `overflow` makes the error for one that does not (IndexError for
/// subscripts, OverflowError for lengths and counts).
pub fn as_ssize(vm: &mut Vm, v: &Value, overflow: fn(String) -> PyErr) -> PyResult<i64> {
    match number_index(vm, v)? {
        Value::Int(i) => Ok(i),
        _ => Err(overflow(format!(
            "cannot fit '{}' into an index-sized integer",
            type_name(v)
        ))),
    }
}

/// [`as_ssize`] raising OverflowError.
pub fn as_ssize_overflow(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    as_ssize(vm, v, overflow_error)
}

/// What a `__len__` returned, as a length (typeobject.c's
/// `slot_sq_length`): an index (`__index__`), not negative (checked first),
/// fitting a machine word.
pub fn length_result(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    match number_index(vm, v)? {
        Value::Int(n) if n >= 0 => Ok(n as usize),
        Value::BigInt(b) if b.sign() != num_bigint::Sign::Minus => Err(overflow_error(
            "cannot fit 'int' into an index-sized integer",
        )),
        _ => Err(value_error("__len__() should return >= 0")),
    }
}

/// [`as_ssize`] raising IndexError.
pub fn as_ssize_index(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    as_ssize(vm, v, index_error)
}

#[cold]
pub fn not_an_integer(v: &Value) -> PyErr {
    type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        type_name(v)
    ))
}

/// A subscript of a builtin sequence with its `__index__` objects replaced
/// by ints (`_PyIndex_Check` then `PyNumber_AsSsize_t`, and
/// `_PyEval_SliceIndex` for slice bounds); `None` when nothing changes.
pub fn sequence_key(vm: &mut Vm, container: &Value, key: &Value) -> PyResult<Option<Value>> {
    if !matches!(
        container,
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) | Value::Range(_)
    ) {
        return Ok(None);
    }
    // An object with a user `__index__`, or an instance of an int
    // subclass (`_NamedIntConstant`), which inherits int's.
    let has_index = |v: &Value| match v {
        Value::Instance(i) => {
            matches!(
                i.payload,
                Some(Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
            ) || user_dunder(v, "__index__").is_some()
        }
        _ => false,
    };
    let is_range = matches!(container, Value::Range(_));
    // Indexes of machine-word sequences must fit a machine word
    // (PyNumber_AsSsize_t(key, PyExc_IndexError)); ranges take any int.
    let too_big = |k: &Value| {
        index_error(format!(
            "cannot fit '{}' into an index-sized integer",
            type_name(k)
        ))
    };
    // `_PyNumber_Index`: an int (subclass) is its own index; its
    // `__index__` is not asked.
    let int_payload = |v: &Value| match v {
        Value::Instance(i) => match &i.payload {
            Some(p @ (Value::Int(_) | Value::BigInt(_))) => Some(p.clone()),
            Some(Value::Bool(b)) => Some(Value::Int(*b as i64)),
            _ => None,
        },
        _ => None,
    };
    let index_of = |vm: &mut Vm, v: &Value| match int_payload(v) {
        Some(i) => Ok(i),
        None => number_index(vm, v),
    };
    match key {
        Value::BigInt(_) if !is_range => Err(too_big(key)),
        k if has_index(k) => match index_of(vm, k)? {
            Value::BigInt(_) if !is_range => Err(too_big(k)),
            i => Ok(Some(i)),
        },
        Value::Slice(s) if s.iter().any(has_index) => {
            let mut parts = [Value::None, Value::None, Value::None];
            for (part, v) in parts.iter_mut().zip(s.iter()) {
                *part = if has_index(v) {
                    index_of(vm, v)?
                } else {
                    v.clone()
                };
            }
            Ok(Some(Value::Slice(Rc::new(parts))))
        }
        _ => Ok(None),
    }
}

/// A float truncated to an int, exactly (`float.__int__`).
pub fn float_to_int(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    Ok(if t.abs() < 9.2e18 {
        Value::Int(t as i64)
    } else {
        from_big(float_to_big(t))
    })
}

/// A finite float as `(mantissa, exponent)` with `f == mantissa * 2**exponent`.
pub fn decompose(f: f64) -> (i64, i64) {
    let bits = f.to_bits();
    let raw_exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = (bits & ((1 << 52) - 1)) as i64;
    let (m, e) = if raw_exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), raw_exp - 1075)
    };
    (if f.is_sign_negative() { -m } else { m }, e)
}

/// An integral finite float as an exact big integer.
pub fn float_to_big(f: f64) -> BigInt {
    let (m, e) = decompose(f);
    let m = BigInt::from(m);
    if e >= 0 {
        m << e as usize
    } else {
        // Integral, so the shifted-out bits are zero (and >> floors).
        m >> (-e) as usize
    }
}
