//! bytes and bytearray in the object protocols: item access (bytearray's
//! item and slice assignment and deletion as Objects/bytearrayobject.c),
//! `in`, concatenation, repetition and comparison between the two types.

use std::cell::RefCell;
use std::rc::Rc;

use super::arith::{big, is_int};
use super::seq::{normalize_index, slice_indices};
use crate::object::exception::{index_error, type_error, value_error};
use crate::object::{PyResult, Value};
use crate::vm::protocol::{self, type_name};
use crate::vm::Vm;

/// The bytes of a bytes or bytearray (a copy for a bytearray).
pub fn bytes_data(v: &Value) -> Option<Rc<[u8]>> {
    match v {
        Value::Bytes(b) => Some(b.clone()),
        Value::ByteArray(b) => Some(Rc::from(b.borrow().as_slice())),
        _ => None,
    }
}

/// A new bytearray value.
pub fn bytearray(data: Vec<u8>) -> Value {
    Value::ByteArray(Rc::new(RefCell::new(data)))
}

/// A value of the same type as `like` (bytes or bytearray) holding `data`.
pub fn same_kind(like: &Value, data: Vec<u8>) -> Value {
    match like {
        Value::ByteArray(_) => bytearray(data),
        _ => Value::Bytes(Rc::from(data)),
    }
}

/// `b[key]`: an int for an index, the same type for a slice.
pub fn getitem(container: &Value, data: &[u8], key: &Value) -> PyResult<Value> {
    let array = matches!(container, Value::ByteArray(_));
    if let Value::Slice(s) = key {
        let (start, _, step, count) = slice_indices(s, data.len())?;
        let picked: Vec<u8> = (0..count)
            .map(|k| data[(start + k as i64 * step) as usize])
            .collect();
        return Ok(same_kind(container, picked));
    }
    let name = if array { "bytearray" } else { "byte" };
    let i = index(key).map_err(|_| {
        type_error(format!(
            "{name} indices must be integers or slices, not {}",
            type_name(key)
        ))
    })?;
    normalize_index(i, data.len())
        .map(|i| Value::Int(data[i] as i64))
        .ok_or_else(|| {
            index_error(if array {
                "bytearray index out of range"
            } else {
                "index out of range"
            })
        })
}

fn index(v: &Value) -> PyResult<i64> {
    super::index_of(v)
}

/// A value that must be one byte (`bytearray.append`, item assignment).
pub fn byte_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let n = match v {
        v if is_int(v) => big(v).unwrap_or_default(),
        other => match protocol::call_dunder(vm, other, "__index__", vec![])? {
            Some(r) if is_int(&r) => big(&r).unwrap_or_default(),
            _ => {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name(other)
                )))
            }
        },
    };
    num_traits::ToPrimitive::to_u8(&n).ok_or_else(|| value_error("byte must be in range(0, 256)"))
}

/// The bytes of a value assigned to a bytearray slice or given to
/// `extend`: bytes-like, or an iterable of ints (not a str or an int).
pub fn bytes_from_iterable(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(d) = bytes_data(v) {
        return Ok(d.to_vec());
    }
    if matches!(v, Value::Str(_)) || is_int(v) {
        return Err(type_error(
            "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
        ));
    }
    let items = protocol::collect(vm, v)?;
    items.iter().map(|x| byte_value(vm, x)).collect()
}

/// `ba[key] = value`.
pub fn setitem(vm: &mut Vm, ba: &Rc<RefCell<Vec<u8>>>, key: &Value, value: &Value) -> PyResult<()> {
    if let Value::Slice(s) = key {
        let new = if is_int(value) {
            return Err(type_error(
                "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
            ));
        } else {
            bytes_from_iterable(vm, value)?
        };
        return super::seq::assign_slice(&mut ba.borrow_mut(), s, new, "bytes");
    }
    let i = index(key).map_err(|_| {
        type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            type_name(key)
        ))
    })?;
    let x = byte_value(vm, value)?;
    let mut data = ba.borrow_mut();
    let n = data.len();
    match normalize_index(i, n) {
        Some(i) => {
            data[i] = x;
            Ok(())
        }
        None => Err(index_error("bytearray index out of range")),
    }
}

/// `del ba[key]`.
pub fn delitem(ba: &Rc<RefCell<Vec<u8>>>, key: &Value) -> PyResult<()> {
    let mut data = ba.borrow_mut();
    if let Value::Slice(s) = key {
        let (start, _, step, count) = slice_indices(s, data.len())?;
        let mut doomed: Vec<usize> = (0..count)
            .map(|k| (start + k as i64 * step) as usize)
            .collect();
        doomed.sort_unstable();
        for i in doomed.into_iter().rev() {
            data.remove(i);
        }
        return Ok(());
    }
    let i = index(key)?;
    let n = data.len();
    match normalize_index(i, n) {
        Some(i) => {
            data.remove(i);
            Ok(())
        }
        None => Err(index_error("bytearray index out of range")),
    }
}

/// `item in b`: a byte value, or a bytes-like subsequence.
pub fn contains(vm: &mut Vm, data: &[u8], item: &Value) -> PyResult<bool> {
    if let Some(sub) = bytes_data(item) {
        return Ok(find(data, &sub, 0).is_some());
    }
    if is_int(item) || matches!(item, Value::Instance(_)) {
        let b = byte_value(vm, item)?;
        return Ok(data.contains(&b));
    }
    Err(type_error(format!(
        "a bytes-like object is required, not '{}'",
        type_name(item)
    )))
}

/// The first index of `sub` in `data` at or after `from`.
pub fn find(data: &[u8], sub: &[u8], from: usize) -> Option<usize> {
    if sub.is_empty() {
        return (from <= data.len()).then_some(from);
    }
    if from >= data.len() {
        return None;
    }
    data[from..]
        .windows(sub.len())
        .position(|w| w == sub)
        .map(|p| p + from)
}

/// Binary operators with a bytes or bytearray operand: `+`, `*`, the six
/// comparisons are elsewhere (`compare`). `None` when not applicable.
pub fn binary(
    vm: &mut Vm,
    op: usize,
    inplace: bool,
    a: &Value,
    b: &Value,
) -> PyResult<Option<Value>> {
    match op {
        0 => {
            let Some(x) = bytes_data(a) else {
                return Ok(None);
            };
            let Some(y) = bytes_data(b) else {
                if matches!(b, Value::Instance(_)) {
                    return Ok(None);
                }
                return Err(type_error(format!(
                    "can't concat {} to {}",
                    type_name(b),
                    type_name(a)
                )));
            };
            if let (true, Value::ByteArray(ba)) = (inplace, a) {
                ba.borrow_mut().extend_from_slice(&y);
                return Ok(Some(a.clone()));
            }
            let mut out = x.to_vec();
            out.extend_from_slice(&y);
            Ok(Some(same_kind(a, out)))
        }
        5 => {
            let (seq, n) = match (bytes_data(a), bytes_data(b)) {
                (Some(d), None) if is_int(b) => ((a, d), b),
                (None, Some(d)) if is_int(a) => ((b, d), a),
                _ => return Ok(None),
            };
            let k = super::index_of(&super::int_value(n))?.max(0) as usize;
            let total = seq.1.len().checked_mul(k);
            super::format_spec::check_field(Some(total.unwrap_or(usize::MAX)))?;
            if let (true, Value::ByteArray(ba)) = (inplace, a) {
                let copy = ba.borrow().clone();
                *ba.borrow_mut() = copy.repeat(k);
                return Ok(Some(a.clone()));
            }
            let _ = vm;
            Ok(Some(same_kind(seq.0, seq.1.repeat(k))))
        }
        _ => Ok(None),
    }
}

/// Comparisons between any two of bytes and bytearray.
pub fn compare(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    match (a, b) {
        (Value::Bytes(_) | Value::ByteArray(_), Value::Bytes(_) | Value::ByteArray(_)) => {
            Some(bytes_data(a)?.cmp(&bytes_data(b)?))
        }
        _ => None,
    }
}
