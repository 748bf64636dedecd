//! What `range` objects do as sequences (rangeobject.c): subscripts and
//! slices, `in`, `==`, `hash`, iteration, for machine-word and big ranges.

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::number::{index_big, number_index};
use super::{builtin_hash, type_name};
use crate::object::exception::{index_error, type_error, value_error};
use crate::object::iter::IterState;
use crate::object::value::RangeObj;
use crate::object::{PyResult, Value};
use crate::vm::ops::arith::{big, from_big};
use crate::vm::Vm;

/// `r[key]`: an int index or a slice (which makes another range).
pub fn range_getitem(vm: &mut Vm, r: &RangeObj, key: &Value) -> PyResult<Value> {
    match key {
        Value::Slice(s) => range_slice(vm, r, s),
        Value::Int(i) if r.big.is_none() => {
            let n = r.len();
            let i = if *i < 0 { *i + n } else { *i };
            if i < 0 || i >= n {
                return Err(index_error("range object index out of range"));
            }
            Ok(Value::Int(r.get(i)))
        }
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            let i = big(key).unwrap_or_default();
            match r.item(&i) {
                Some(v) => Ok(from_big(v)),
                None => Err(index_error("range object index out of range")),
            }
        }
        _ => Err(type_error(format!(
            "range indices must be integers or slices, not {}",
            type_name(key)
        ))),
    }
}

/// rangeobject.c's `compute_slice`: the range of the items a slice picks.
fn range_slice(vm: &mut Vm, r: &RangeObj, s: &[Value; 3]) -> PyResult<Value> {
    let (start, stop, step) = slice_indices_big(vm, s, &r.big_len())?;
    let (r_start, _, r_step) = r.bounds();
    let new_start = &r_start + start * &r_step;
    let new_stop = &r_start + stop * &r_step;
    Ok(Value::Range(Rc::new(RangeObj::new_big(
        new_start,
        new_stop,
        r_step * step,
    ))))
}

/// `_PySlice_GetLongIndices`: a slice's start, stop and step for a sequence
/// of `len` items, clamped as for indexing, in big ints.
pub fn slice_indices_big(
    vm: &mut Vm,
    s: &[Value; 3],
    len: &BigInt,
) -> PyResult<(BigInt, BigInt, BigInt)> {
    let step = match &s[2] {
        Value::None => BigInt::one(),
        v => slice_bound(vm, v)?,
    };
    if step.is_zero() {
        return Err(value_error("slice step cannot be zero"));
    }
    let (lower, upper) = if step.is_negative() {
        (-BigInt::one(), len - 1)
    } else {
        (BigInt::zero(), len.clone())
    };
    let mut clamp = |v: &Value, default: &BigInt| -> PyResult<BigInt> {
        if v.is_none() {
            return Ok(default.clone());
        }
        let mut i = slice_bound(vm, v)?;
        if i.is_negative() {
            i += len;
            if i < lower {
                i = lower.clone();
            }
        } else if i > upper {
            i = upper.clone();
        }
        Ok(i)
    };
    let (start, stop) = if step.is_negative() {
        (clamp(&s[0], &upper)?, clamp(&s[1], &lower)?)
    } else {
        (clamp(&s[0], &lower)?, clamp(&s[1], &upper)?)
    };
    Ok((start, stop, step))
}

fn slice_bound(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    number_index(vm, v).map_err(|_| {
        type_error("slice indices must be integers or None or have an __index__ method")
    })?;
    index_big(vm, v)
}

/// `x in r`: arithmetic for ints (and bools), equality otherwise.
pub fn range_contains(vm: &mut Vm, r: &RangeObj, x: &Value) -> PyResult<bool> {
    match x {
        Value::Int(i) if r.big.is_none() => {
            let n = r.len();
            let off = *i as i128 - r.start as i128;
            Ok(n > 0 && off % r.step as i128 == 0 && {
                let k = off / r.step as i128;
                k >= 0 && k < n as i128
            })
        }
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            Ok(r.index_of(&big(x).unwrap_or_default()).is_some())
        }
        _ => {
            let it = range_iter(r);
            let it = Value::Iterator(Rc::new(RefCell::new(it)));
            while let Some(v) = super::next(vm, &it)? {
                if super::eq(vm, &v, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// `range_richcompare`: equal ranges hold the same values.
pub fn range_eq(x: &RangeObj, y: &RangeObj) -> bool {
    if x.big.is_none() && y.big.is_none() {
        return x.len() == y.len()
            && (x.is_empty() || (x.start == y.start && (x.len() == 1 || x.step == y.step)));
    }
    let (len, ylen) = (x.big_len(), y.big_len());
    let ((xs, _, xstep), (ys, _, ystep)) = (x.bounds(), y.bounds());
    len == ylen && (len.is_zero() || (xs == ys && (len.is_one() || xstep == ystep)))
}

/// `range_hash`: the hash of `(len, start, step)` with the parts that do
/// not matter for equality replaced by None.
pub fn range_hash(r: &RangeObj) -> i64 {
    let len = r.big_len();
    let (start, _, step) = r.bounds();
    let parts = if len.is_zero() {
        vec![Value::Int(0), Value::None, Value::None]
    } else if len.is_one() {
        vec![Value::Int(1), from_big(start), Value::None]
    } else {
        vec![from_big(len), from_big(start), from_big(step)]
    };
    builtin_hash(&Value::tuple(parts)).unwrap_or(0)
}

/// A fresh iterator over the range.
pub fn range_iter(r: &RangeObj) -> IterState {
    match &r.big {
        None => IterState::Range {
            next: r.start,
            step: r.step,
            remaining: r.len(),
        },
        Some(b) => IterState::BigRange {
            next: b.start.clone(),
            step: b.step.clone(),
            remaining: b.len.clone(),
        },
    }
}

/// `range(stop)`, `range(start, stop[, step])`.
pub fn new_range(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    if args.is_empty() || args.len() > 3 {
        return Err(type_error(if args.is_empty() {
            "range expected at least 1 argument, got 0".to_string()
        } else {
            format!("range expected at most 3 arguments, got {}", args.len())
        }));
    }
    let mut ints = Vec::with_capacity(3);
    for a in args {
        ints.push(number_index(vm, a)?);
    }
    let (start, stop, step) = match ints.as_slice() {
        [stop] => (Value::Int(0), stop.clone(), Value::Int(1)),
        [start, stop] => (start.clone(), stop.clone(), Value::Int(1)),
        [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
        _ => return Err(type_error("range expected at most 3 arguments")),
    };
    let r = match (&start, &stop, &step) {
        (Value::Int(a), Value::Int(b), Value::Int(c)) => {
            if *c == 0 {
                return Err(value_error("range() arg 3 must not be zero"));
            }
            RangeObj::new(*a, *b, *c)
        }
        _ => {
            let step = big(&step).unwrap_or_default();
            if step.is_zero() {
                return Err(value_error("range() arg 3 must not be zero"));
            }
            RangeObj::new_big(
                big(&start).unwrap_or_default(),
                big(&stop).unwrap_or_default(),
                step,
            )
        }
    };
    Ok(Value::Range(Rc::new(r)))
}

/// `len(r)`: OverflowError when the length does not fit a machine word.
pub fn range_len(r: &RangeObj) -> PyResult<usize> {
    match &r.big {
        None => Ok(r.len() as usize),
        Some(b) => b.len.to_usize().ok_or_else(|| {
            crate::object::exception::overflow_error("Python int too large to convert to C ssize_t")
        }),
    }
}
