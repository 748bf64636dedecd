//! Numbers: BINARY_OP and unary operators, with CPython's semantics (floor
//! division and modulo round toward -inf, ints never overflow, int/float
//! comparisons are exact) and user dunders with reflected operands and
//! NotImplemented. Comparisons are in `compare`.

use std::cmp::Ordering;
use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::bytecode::dis::NB_OPS;
use crate::bytecode::Opcode;
use crate::object::exception::{overflow_error, type_error, value_error, zero_division_error};
use crate::object::PyErr;
use crate::object::{PyResult, Value};
use crate::vm::eval::Flow;
use crate::vm::frame::{PendingBinaryOp, ReturnAction};
use crate::vm::protocol::CallOutcome;
use crate::vm::protocol::{self, type_name, user_dunder};
use crate::vm::Vm;

/// A Python int of any size.
pub fn big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

pub fn from_big(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::BigInt(Rc::new(b)),
    }
}

pub fn int_value(v: &Value) -> Value {
    match v {
        Value::Bool(b) => Value::Int(*b as i64),
        other => other.clone(),
    }
}

pub fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

pub fn to_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::BigInt(b) => Some(b.to_f64().unwrap_or(f64::INFINITY)),
        Value::Float(f) => Some(*f),
        _ => None,
    }
}

/// An int or float as a float; OverflowError for an int too large.
pub fn float_of_int(v: &Value) -> PyResult<f64> {
    match v {
        Value::BigInt(b) => {
            let f = b.to_f64().unwrap_or(f64::INFINITY);
            if f.is_infinite() {
                Err(overflow_error("int too large to convert to float"))
            } else {
                Ok(f)
            }
        }
        other => Ok(to_f64(other).unwrap_or(0.0)),
    }
}

/// Exact numeric comparison of ints, bools and floats; `None` involving NaN.
pub fn num_cmp(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y),
        (Value::Float(x), other) if is_int(other) => float_int_cmp(*x, other),
        (other, Value::Float(y)) if is_int(other) => {
            float_int_cmp(*y, other).map(Ordering::reverse)
        }
        _ => Some(big(a)?.cmp(&big(b)?)),
    }
}

fn float_int_cmp(f: f64, i: &Value) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Greater
        } else {
            Ordering::Less
        });
    }
    let fl = f.floor();
    let int = big(i)?;
    let floor_big = crate::vm::protocol::number::float_to_big(fl);
    match floor_big.cmp(&int) {
        Ordering::Equal if f > fl => Some(Ordering::Greater),
        other => Some(other),
    }
}

pub fn index_of(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(crate::object::exception::index_error(
            "cannot fit 'int' into an index-sized integer",
        )),
        other => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(other)
        ))),
    }
}

/// BINARY_OP with argument `arg` (an index into `NB_OPS`).
/// BINARY_OP on two machine ints, two floats, or a float and an int exact
/// in a double: the builtin arithmetic without the general protocol's
/// checks. `Ok(None)` when the general path must decide (overflow into a big
/// int, other operators, other types).
#[inline(always)]
pub fn fast_binary(arg: usize, lhs: &Value, rhs: &Value) -> PyResult<Option<Value>> {
    // In-place forms (13..) behave the same for immutable numbers.
    let base = if arg >= 13 { arg - 13 } else { arg };
    const EXACT: u64 = 1 << 53;
    match (lhs, rhs) {
        (Value::Int(a), Value::Int(b)) => int_fast(base, *a, *b),
        (Value::Float(a), Value::Float(b)) => float_fast(base, *a, *b),
        (Value::Float(a), Value::Int(b)) if b.unsigned_abs() < EXACT => {
            float_fast(base, *a, *b as f64)
        }
        (Value::Int(a), Value::Float(b)) if a.unsigned_abs() < EXACT => {
            float_fast(base, *a as f64, *b)
        }
        _ => Ok(None),
    }
}

#[inline(always)]
fn float_fast(base: usize, a: f64, b: f64) -> PyResult<Option<Value>> {
    Ok(float_simple(base, a, b).map(Value::Float))
}

pub fn binary_op(vm: &mut Vm, arg: usize, lhs: Value, rhs: Value) -> PyResult<Value> {
    let inplace = arg >= 13;
    let base = if inplace { arg - 13 } else { arg };
    // `int | str`: a types.UnionType (type_or).
    if base == 7 && matches!(lhs, Value::Type(_) | Value::None | Value::Instance(_)) {
        if let Some(u) = crate::builtins::isinstance::union_or(vm, &lhs, &rhs)? {
            return Ok(u);
        }
    }
    // `d |= mapping_or_pairs` is `d.update(...)` in place (dict_ior).
    if inplace
        && base == 7
        && matches!(lhs, Value::Dict(_))
        && (matches!(rhs, Value::Dict(_)) || user_dunder(&rhs, "__ror__").is_none())
    {
        let update = protocol::getattr(vm, &lhs, "update")?;
        vm.call(&update, vec![rhs])?;
        return Ok(lhs);
    }
    // Set operations on keys/items views give sets (dictviews_*).
    if matches!(base, 1 | 7 | 10 | 12) {
        let setlike = |v: &Value| matches!(v, Value::DictView(view) if view.1 != crate::object::iter::DictView::Values);
        if setlike(&lhs) || setlike(&rhs) {
            let as_set = |vm: &mut Vm, v: Value| -> PyResult<Value> {
                match v {
                    Value::Set(_) | Value::FrozenSet(_) => Ok(v),
                    other => {
                        let items = protocol::collect(vm, &other)?;
                        protocol::new_set(vm, items)
                    }
                }
            };
            let l = as_set(vm, lhs)?;
            let r = as_set(vm, rhs)?;
            return binary_op(vm, base, l, r);
        }
    }
    // An instance of a builtin subclass that does not override the
    // in-place operator keeps its base's (`class D(dict)` with its own
    // `__or__`: `d |= x` is still dict_ior on d's dict).
    if inplace && matches!(lhs, Value::Instance(_)) {
        if let Some(p) = protocol::builtin_payload(&lhs, INPLACE_DUNDERS[base]) {
            if protocol::lookup(&protocol::type_of(&p), INPLACE_DUNDERS[base]).is_some() {
                let result = binary_op(vm, arg, p.clone(), rhs)?;
                return Ok(if result.is(&p) { lhs } else { result });
            }
        }
    }
    // Instances of builtin subclasses: operate on their builtin payload
    // unless the class overrides the operator (only instances pay for it).
    if matches!(lhs, Value::Instance(_)) || matches!(rhs, Value::Instance(_)) {
        let pl = protocol::builtin_payload(&lhs, FORWARD_DUNDERS[base]);
        let pr = protocol::builtin_payload(&rhs, REFLECTED_DUNDERS[base]);
        let overridden = user_dunder(&lhs, FORWARD_DUNDERS[base]).is_some()
            || user_dunder(&lhs, INPLACE_DUNDERS[base]).is_some()
            || user_dunder(&rhs, REFLECTED_DUNDERS[base]).is_some();
        if !overridden && (pl.is_some() || pr.is_some()) {
            let l = pl.unwrap_or_else(|| lhs.clone());
            let r = pr.unwrap_or_else(|| rhs.clone());
            let plain = |v: &Value| !matches!(v, Value::Instance(_));
            if plain(&l) || plain(&r) {
                let result = binary_op(vm, arg, l.clone(), r)?;
                // An in-place operator that mutated the payload returns
                // the instance itself (`list.__iadd__` returns self).
                if inplace && result.is(&l) && !l.is(&lhs) {
                    return Ok(lhs);
                }
                return Ok(result);
            }
        }
    }
    // Fast paths for machine ints and floats.
    if let (Value::Bool(a), Value::Bool(b), 1 | 7 | 12) = (&lhs, &rhs, base) {
        return Ok(Value::Bool(match base {
            1 => a & b,
            7 => a | b,
            _ => a ^ b,
        }));
    }
    if let (Value::Int(a), Value::Int(b)) = (&lhs, &rhs) {
        if let Some(v) = int_fast(base, *a, *b)? {
            return Ok(v);
        }
    }
    if base == 6 && user_dunder(&rhs, "__rmod__").is_none() {
        match &lhs {
            Value::Str(fmt) => return Ok(Value::str(&super::text::percent_format(vm, fmt, &rhs)?)),
            Value::Bytes(fmt) => {
                let out = super::percent::percent_format_bytes(vm, fmt, &rhs)?;
                return Ok(Value::Bytes(out.into()));
            }
            Value::ByteArray(fmt) => {
                let fmt = fmt.borrow().clone();
                let out = super::percent::percent_format_bytes(vm, &fmt, &rhs)?;
                return Ok(Value::ByteArray(Rc::new(std::cell::RefCell::new(out))));
            }
            _ => {}
        }
    }
    if matches!(lhs, Value::Bytes(_) | Value::ByteArray(_))
        || matches!(rhs, Value::Bytes(_) | Value::ByteArray(_))
    {
        if let Some(v) = super::bytes::binary(vm, base, inplace, &lhs, &rhs)? {
            return Ok(v);
        }
    }
    if let Some(v) = builtin_binary(base, &lhs, &rhs)? {
        // Lists extend in place for +=.
        if inplace && base == 0 {
            if let (Value::List(l), Value::List(_)) = (&lhs, &rhs) {
                let items = match &v {
                    Value::List(n) => n.borrow().clone(),
                    _ => unreachable!(),
                };
                *l.borrow_mut() = items;
                return Ok(lhs);
            }
        }
        // `l *= n` repeats the list in place (list_inplace_repeat), and
        // `s |= t`, `&=`, `-=`, `^=` change the set itself (set_ior...).
        match (&lhs, &v) {
            (Value::List(l), Value::List(n)) if inplace && base == 5 => {
                let items = n.borrow().clone();
                *l.borrow_mut() = items;
                return Ok(lhs);
            }
            (Value::Set(s), Value::Set(n)) if inplace && matches!(base, 1 | 7 | 10 | 12) => {
                let table = n.borrow().clone();
                *s.borrow_mut() = table;
                return Ok(lhs);
            }
            _ => {}
        }
        return Ok(v);
    }
    if inplace {
        if let (Value::List(l), _) = (&lhs, &rhs) {
            if base == 0 {
                let items = protocol::collect(vm, &rhs)?;
                l.borrow_mut().extend(items);
                return Ok(lhs);
            }
        }
    }
    let mut stage = Some(DunderStage::Inplace);
    while let Some((method, args, next)) = next_binary_dunder(arg, &lhs, &rhs, stage) {
        let r = vm.call(&method, args)?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
        stage = next;
    }
    Err(binary_op_error(arg, &lhs, &rhs))
}

/// A binary builtin's user methods (`divmod()`'s `__divmod__` and
/// `__rdivmod__`) in `binary_op1`'s order: the right operand's reflected
/// method first when its type is a proper subclass of the left's, then the
/// left's method, then the right's. `None` when none applies.
pub fn call_binary_dunders(
    vm: &mut Vm,
    lhs: &Value,
    rhs: &Value,
    forward: &str,
    reflected: &str,
) -> PyResult<Option<Value>> {
    let (tl, tr) = (protocol::type_of(lhs), protocol::type_of(rhs));
    let same_type = Rc::ptr_eq(&tl, &tr);
    let refl = user_dunder(rhs, reflected).filter(|_| !same_type);
    let rhs_first = refl.is_some() && tr.is_subtype(&tl);
    let mut order = Vec::with_capacity(2);
    if rhs_first {
        order.push((refl.clone(), rhs, lhs));
    }
    order.push((user_dunder(lhs, forward), lhs, rhs));
    if !rhs_first {
        order.push((refl, rhs, lhs));
    }
    for (method, a, b) in order {
        if let Some(m) = method {
            let r = vm.call(&m, vec![a.clone(), b.clone()])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(Some(r));
            }
        }
    }
    Ok(None)
}

/// Where a binary operator is in trying user methods, in `binary_op1`'s
/// order (abstract.c): `__iop__`, a subclass's `__rop__`, `__op__`, `__rop__`.
#[derive(Clone, Copy, Debug)]
pub enum DunderStage {
    Inplace,
    RhsFirst,
    Forward,
    Reflected,
}

/// The next user method to try for operator `arg` from `stage` on: the
/// method, its arguments, and the stage after it. `None` when all are tried.
pub fn next_binary_dunder(
    arg: usize,
    lhs: &Value,
    rhs: &Value,
    stage: Option<DunderStage>,
) -> Option<(Value, Vec<Value>, Option<DunderStage>)> {
    let inplace = arg >= 13;
    let base = if inplace { arg - 13 } else { arg };
    let (tl, tr) = (protocol::type_of(lhs), protocol::type_of(rhs));
    let same_type = Rc::ptr_eq(&tl, &tr);
    // The right operand's method is tried only for another type, and first
    // when that type is a subclass of the left's.
    let reflected = user_dunder(rhs, REFLECTED_DUNDERS[base]).filter(|_| !same_type);
    let rhs_first = reflected.is_some() && tr.is_subtype(&tl);
    let mut stage = stage?;
    loop {
        use DunderStage::*;
        let (found, next) = match stage {
            Inplace => (
                inplace
                    .then(|| user_dunder(lhs, INPLACE_DUNDERS[base]))
                    .flatten()
                    .map(|f| (f, vec![lhs.clone(), rhs.clone()])),
                Some(RhsFirst),
            ),
            RhsFirst => (
                reflected
                    .clone()
                    .filter(|_| rhs_first)
                    .map(|f| (f, vec![rhs.clone(), lhs.clone()])),
                Some(Forward),
            ),
            Forward => (
                user_dunder(lhs, FORWARD_DUNDERS[base])
                    .map(|f| (f, vec![lhs.clone(), rhs.clone()])),
                Some(Reflected),
            ),
            Reflected => (
                reflected
                    .clone()
                    .filter(|_| !rhs_first)
                    .map(|f| (f, vec![rhs.clone(), lhs.clone()])),
                None,
            ),
        };
        if let Some((method, args)) = found {
            return Some((method, args, next));
        }
        stage = next?;
    }
}

/// The TypeError of an operator no operand supports.
#[cold]
pub fn binary_op_error(arg: usize, lhs: &Value, rhs: &Value) -> PyErr {
    let base = if arg >= 13 { arg - 13 } else { arg };
    if base == 0
        && matches!(
            lhs,
            Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)
        )
    {
        let l = type_name(lhs);
        return type_error(format!(
            "can only concatenate {l} (not \"{}\") to {l}",
            type_name(rhs)
        ));
    }
    // sq_repeat of a sequence with a non-index count (abstract.c's
    // sequence_repeat).
    let sequence = |v: &Value| {
        matches!(
            v,
            Value::Str(_)
                | Value::Bytes(_)
                | Value::ByteArray(_)
                | Value::List(_)
                | Value::Tuple(_)
        )
    };
    if base == 5 && (sequence(lhs) || sequence(rhs)) {
        let count = if sequence(lhs) { rhs } else { lhs };
        return type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            type_name(count)
        ));
    }
    // PyNumber_Power reports as ternary_op(..., "** or pow()").
    let op = if arg == 8 { "** or pow()" } else { NB_OPS[arg] };
    type_error(format!(
        "unsupported operand type(s) for {op}: '{}' and '{}'",
        type_name(lhs),
        type_name(rhs)
    ))
}

/// BINARY_OP running the operator's user methods as frames on the loop's
/// stack (DESIGN §3: no Rust recursion, every instruction steppable), from
/// `stage` on. A method returning NotImplemented comes back here through
/// [`ReturnAction::BinaryOp`].
pub fn binary_op_flat(
    vm: &mut Vm,
    arg: usize,
    lhs: Value,
    rhs: Value,
    mut stage: Option<DunderStage>,
) -> PyResult<Flow> {
    while let Some((method, args, next)) = next_binary_dunder(arg, &lhs, &rhs, stage) {
        let result = match super::dunder_call(vm, method, args)? {
            CallOutcome::Frame(mut frame) => {
                frame.return_action = ReturnAction::BinaryOp(Box::new(PendingBinaryOp {
                    arg,
                    lhs,
                    rhs,
                    next,
                }));
                vm.push_frame(frame)?;
                return Ok(Flow::Called);
            }
            CallOutcome::Value(v) => v,
        };
        if !matches!(result, Value::NotImplemented) {
            vm.frames.last_mut().expect("frame").stack.push(result);
            return Ok(Flow::Next);
        }
        stage = next;
    }
    Err(binary_op_error(arg, &lhs, &rhs))
}

/// Whether BINARY_OP may run the operator's user methods as frames on the
/// loop's stack (`binary_op_flat`): the left operand is an instance of a
/// Python class and neither operand extends a builtin type, so no builtin
/// behaviour comes before the user methods.
pub fn runs_flat(lhs: &Value, rhs: &Value) -> bool {
    match (lhs, rhs) {
        (Value::Instance(l), Value::Instance(r)) => l.payload.is_none() && r.payload.is_none(),
        (Value::Instance(l), _) => l.payload.is_none(),
        _ => false,
    }
}

/// Operator methods in `_nb_ops` order (add and floordiv lshift matmul mul
/// mod or pow rshift sub truediv xor), as BINARY_OP's argument numbers them.
const FORWARD_DUNDERS: [&str; 13] = [
    "__add__",
    "__and__",
    "__floordiv__",
    "__lshift__",
    "__matmul__",
    "__mul__",
    "__mod__",
    "__or__",
    "__pow__",
    "__rshift__",
    "__sub__",
    "__truediv__",
    "__xor__",
];
const REFLECTED_DUNDERS: [&str; 13] = [
    "__radd__",
    "__rand__",
    "__rfloordiv__",
    "__rlshift__",
    "__rmatmul__",
    "__rmul__",
    "__rmod__",
    "__ror__",
    "__rpow__",
    "__rrshift__",
    "__rsub__",
    "__rtruediv__",
    "__rxor__",
];
const INPLACE_DUNDERS: [&str; 13] = [
    "__iadd__",
    "__iand__",
    "__ifloordiv__",
    "__ilshift__",
    "__imatmul__",
    "__imul__",
    "__imod__",
    "__ior__",
    "__ipow__",
    "__irshift__",
    "__isub__",
    "__itruediv__",
    "__ixor__",
];

#[inline(always)]
fn int_fast(op: usize, a: i64, b: i64) -> PyResult<Option<Value>> {
    Ok(match op {
        0 => a.checked_add(b).map(Value::Int),
        10 => a.checked_sub(b).map(Value::Int),
        5 => a.checked_mul(b).map(Value::Int),
        1 => Some(Value::Int(a & b)),
        7 => Some(Value::Int(a | b)),
        12 => Some(Value::Int(a ^ b)),
        2 | 6 if b == 0 => {
            return Err(zero_division_error(if op == 2 {
                "integer division or modulo by zero"
            } else {
                "integer modulo by zero"
            }))
        }
        2 => a.checked_div_euclid(b).map(|_| Value::Int(floor_div(a, b))),
        6 => a.checked_rem(b).map(|_| Value::Int(floor_mod(a, b))),
        // Exact in a double, so one rounding, as the big-int path gives.
        11 if b != 0 && a.unsigned_abs() < 1 << 53 && b.unsigned_abs() < 1 << 53 => {
            Some(Value::Float(a as f64 / b as f64))
        }
        11 => Some(Value::Float(true_div_int(
            &BigInt::from(a),
            &BigInt::from(b),
        )?)),
        _ => None,
    })
}

fn floor_div(a: i64, b: i64) -> i64 {
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

fn floor_mod(a: i64, b: i64) -> i64 {
    let r = a % b;
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

fn true_div_int(a: &BigInt, b: &BigInt) -> PyResult<f64> {
    if b.is_zero() {
        return Err(zero_division_error("division by zero"));
    }
    match (a.to_f64(), b.to_f64()) {
        (Some(x), Some(y)) if x.abs() < 9007199254740992.0 && y.abs() < 9007199254740992.0 => {
            Ok(x / y)
        }
        _ => {
            // Correctly rounded as long_true_divide: an integer quotient of
            // 55-56 bits with a sticky bit for any remainder rounds once
            // when made a double; the power of two is applied exactly.
            let negative = a.is_negative() != b.is_negative();
            let (a, b) = (a.abs(), b.abs());
            if a.is_zero() {
                return Ok(if negative { -0.0 } else { 0.0 });
            }
            let shift = a.bits() as i64 - b.bits() as i64 - 55;
            let (n, d) = if shift >= 0 {
                (a, b << shift as usize)
            } else {
                (a << (-shift) as usize, b)
            };
            let (q, r) = n.div_rem(&d);
            let mut q = q.to_u64().unwrap_or(u64::MAX);
            if !r.is_zero() {
                q |= 1;
            }
            let f = scale_by_power_of_two(q as f64, shift);
            if f.is_infinite() {
                return Err(overflow_error(
                    "integer division result too large for a float",
                ));
            }
            Ok(if negative { -f } else { f })
        }
    }
}

/// `x * 2**e` (C's ldexp), in steps that stay exact until the result itself
/// overflows or becomes subnormal.
fn scale_by_power_of_two(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e as i32)
}

/// Binary operators on builtin types; `None` when the types do not apply.
fn builtin_binary(op: usize, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if is_int(a) && is_int(b) {
        return int_binary(op, &big(a).unwrap(), &big(b).unwrap()).map(Some);
    }
    let a_num = is_int(a) || matches!(a, Value::Float(_));
    let b_num = is_int(b) || matches!(b, Value::Float(_));
    // Floats have no bitwise or matrix operators: those fall through to the
    // error naming the operands' own types ('int' and 'float').
    if a_num && b_num && matches!(op, 0 | 2 | 5 | 6 | 8 | 10 | 11) {
        let (x, y) = (float_of_int(a)?, float_of_int(b)?);
        return float_binary(op, x, y).map(Some);
    }
    if matches!(a, Value::Complex(..)) || matches!(b, Value::Complex(..)) {
        let to_c = |v: &Value| match v {
            Value::Complex(r, i) => Some((*r, *i)),
            other => to_f64(other).map(|f| (f, 0.0)),
        };
        if let (Some(x), Some(y)) = (to_c(a), to_c(b)) {
            return complex_binary(op, x, y);
        }
        return Ok(None);
    }
    Ok(match (op, a, b) {
        (0, Value::Str(x), Value::Str(y)) => {
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            Some(Value::Str(Rc::from(s)))
        }
        (0, Value::List(x), Value::List(y)) => {
            let mut v = x.borrow().clone();
            v.extend(y.borrow().iter().cloned());
            Some(Value::list(v))
        }
        (0, Value::Tuple(x), Value::Tuple(y)) => {
            Some(Value::tuple(x.iter().chain(y.iter()).cloned().collect()))
        }
        (0, Value::Bytes(x), Value::Bytes(y)) => {
            Some(Value::Bytes(x.iter().chain(y.iter()).copied().collect()))
        }
        (5, Value::Str(s), n) | (5, n, Value::Str(s)) if is_int(n) => Some(Value::str(
            &s.repeat(index_of(&int_value(n))?.max(0) as usize),
        )),
        (5, Value::List(l), n) | (5, n, Value::List(l)) if is_int(n) => {
            let items = l.borrow();
            let k = index_of(&int_value(n))?.max(0) as usize;
            let mut out = Vec::with_capacity(items.len() * k);
            for _ in 0..k {
                out.extend(items.iter().cloned());
            }
            Some(Value::list(out))
        }
        (5, Value::Tuple(t), n) | (5, n, Value::Tuple(t)) if is_int(n) => {
            let k = index_of(&int_value(n))?.max(0) as usize;
            let mut out = Vec::with_capacity(t.len() * k);
            for _ in 0..k {
                out.extend(t.iter().cloned());
            }
            Some(Value::tuple(out))
        }
        (5, Value::Bytes(bs), n) if is_int(n) => Some(Value::Bytes(
            bs.repeat(index_of(&int_value(n))?.max(0) as usize).into(),
        )),
        (
            1 | 7 | 12 | 10,
            Value::Set(_) | Value::FrozenSet(_),
            Value::Set(_) | Value::FrozenSet(_),
        ) => Some(super::seq::set_binary(op, a, b)?),
        (7, Value::Dict(x), Value::Dict(y)) => {
            let mut d = x.borrow().clone();
            for e in y.borrow().iter() {
                let mut eq = |p: &Value, q: &Value| Ok(protocol::builtin_eq(p, q).unwrap_or(false));
                d.insert(e.hash, e.key.clone(), e.value.clone(), &mut eq)?;
            }
            Some(Value::Dict(Rc::new(std::cell::RefCell::new(d))))
        }
        _ => None,
    })
}

fn int_binary(op: usize, a: &BigInt, b: &BigInt) -> PyResult<Value> {
    Ok(match op {
        0 => from_big(a + b),
        10 => from_big(a - b),
        5 => from_big(a * b),
        1 => from_big(a & b),
        7 => from_big(a | b),
        12 => from_big(a ^ b),
        2 | 6 => {
            if b.is_zero() {
                return Err(zero_division_error(if op == 2 {
                    "integer division or modulo by zero"
                } else {
                    "integer modulo by zero"
                }));
            }
            let (q, r) = floor_divmod_big(a, b);
            from_big(if op == 2 { q } else { r })
        }
        11 => Value::Float(true_div_int(a, b)?),
        8 => {
            if b.is_negative() {
                let base = a.to_f64().unwrap_or(f64::INFINITY);
                if base == 0.0 {
                    return Err(zero_division_error(
                        "0.0 cannot be raised to a negative power",
                    ));
                }
                return Ok(Value::Float(base.powf(b.to_f64().unwrap_or(0.0))));
            }
            let e = b
                .to_u32()
                .ok_or_else(|| overflow_error("exponent too large"))?;
            from_big(num_traits::pow(a.clone(), e as usize))
        }
        3 | 9 => {
            if b.is_negative() {
                return Err(value_error("negative shift count"));
            }
            let n = b
                .to_usize()
                .ok_or_else(|| overflow_error("too many digits in integer"))?;
            if op == 3 {
                from_big(a << n)
            } else {
                // Arithmetic shift rounds toward -inf, like floor division.
                from_big(floor_divmod_big(a, &(BigInt::one() << n)).0)
            }
        }
        _ => {
            return Err(type_error(format!(
                "unsupported operand type(s) for {}: 'int' and 'int'",
                NB_OPS[op]
            )))
        }
    })
}

pub fn floor_divmod_big(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    let (q, r) = (a / b, a % b);
    if !r.is_zero() && (r.is_negative() != b.is_negative()) {
        (q - 1, r + b)
    } else {
        (q, r)
    }
}

/// The float operators that cannot fail: + - * and / by nonzero.
#[inline(always)]
fn float_simple(op: usize, a: f64, b: f64) -> Option<f64> {
    match op {
        0 => Some(a + b),
        10 => Some(a - b),
        5 => Some(a * b),
        11 if b != 0.0 => Some(a / b),
        // A positive base has none of pow's special cases (no complex
        // result, no division by zero); a non-finite result is left to the
        // general path, which decides between inf and OverflowError.
        8 if a > 0.0 => Some(a.powf(b)).filter(|r| r.is_finite()),
        _ => None,
    }
}

fn float_binary(op: usize, a: f64, b: f64) -> PyResult<Value> {
    if let Some(r) = float_simple(op, a, b) {
        return Ok(Value::Float(r));
    }
    Ok(Value::Float(match op {
        11 => return Err(zero_division_error("float division by zero")),
        2 | 6 => {
            if b == 0.0 {
                return Err(zero_division_error(if op == 2 {
                    "float floor division by zero"
                } else {
                    "float modulo"
                }));
            }
            let (q, r) = float_divmod(a, b);
            if op == 2 {
                q
            } else {
                r
            }
        }
        8 => {
            if a == 0.0 && b < 0.0 {
                return Err(zero_division_error(
                    "0.0 cannot be raised to a negative power",
                ));
            }
            if a < 0.0 && b.fract() != 0.0 {
                let (re, im) = complex_pow((a, 0.0), (b, 0.0))?;
                return Ok(Value::Complex(re, im));
            }
            let r = a.powf(b);
            if r.is_infinite() && a.is_finite() && b.is_finite() {
                return Err(overflow_error("(34, 'Numerical result out of range')"));
            }
            r
        }
        _ => {
            return Err(type_error(format!(
                "unsupported operand type(s) for {}: 'float' and 'float'",
                NB_OPS[op]
            )))
        }
    }))
}

/// Python's float divmod (floatobject.c `_float_div_mod`).
pub fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

fn complex_binary(op: usize, (a, b): (f64, f64), (c, d): (f64, f64)) -> PyResult<Option<Value>> {
    let (re, im) = match op {
        0 => (a + c, b + d),
        10 => (a - c, b - d),
        5 => (a * c - b * d, a * d + b * c),
        11 => {
            if c == 0.0 && d == 0.0 {
                return Err(zero_division_error("complex division by zero"));
            }
            let den = c * c + d * d;
            ((a * c + b * d) / den, (b * c - a * d) / den)
        }
        8 => complex_pow((a, b), (c, d))?,
        _ => return Ok(None),
    };
    Ok(Some(Value::Complex(re, im)))
}

fn complex_pow((a, b): (f64, f64), (c, d): (f64, f64)) -> PyResult<(f64, f64)> {
    if c == 0.0 && d == 0.0 {
        return Ok((1.0, 0.0));
    }
    if a == 0.0 && b == 0.0 {
        if d != 0.0 || c < 0.0 {
            return Err(zero_division_error("0.0 to a negative or complex power"));
        }
        return Ok((0.0, 0.0));
    }
    if d == 0.0 && c.fract() == 0.0 && c.abs() <= 100.0 {
        // Integer powers by repeated multiplication, as complexobject.c does.
        let n = c as i64;
        let mut result = (1.0, 0.0);
        let mut base = (a, b);
        let mut e = n.unsigned_abs();
        while e > 0 {
            if e & 1 == 1 {
                result = (
                    result.0 * base.0 - result.1 * base.1,
                    result.0 * base.1 + result.1 * base.0,
                );
            }
            base = (base.0 * base.0 - base.1 * base.1, 2.0 * base.0 * base.1);
            e >>= 1;
        }
        if n < 0 {
            let den = result.0 * result.0 + result.1 * result.1;
            result = (result.0 / den, -result.1 / den);
        }
        return Ok(result);
    }
    let vabs = a.hypot(b);
    let mut len = vabs.powf(c);
    let at = b.atan2(a);
    let mut phase = at * c;
    if d != 0.0 {
        len /= (at * d).exp();
        phase += d * vabs.ln();
    }
    Ok((len * phase.cos(), len * phase.sin()))
}

pub fn unary_op(vm: &mut Vm, op: Opcode, v: Value) -> PyResult<Value> {
    let (name, symbol) = match op {
        Opcode::UNARY_NEGATIVE => ("__neg__", "-"),
        Opcode::UNARY_POSITIVE => ("__pos__", "+"),
        _ => ("__invert__", "~"),
    };
    match (&v, op) {
        (Value::Int(i), Opcode::UNARY_NEGATIVE) => {
            return Ok(i
                .checked_neg()
                .map_or_else(|| from_big(-BigInt::from(*i)), Value::Int))
        }
        (Value::Int(i), Opcode::UNARY_INVERT) => return Ok(Value::Int(!i)),
        (Value::Bool(b), _) => return unary_op(vm, op, Value::Int(*b as i64)),
        (Value::Int(_), Opcode::UNARY_POSITIVE) | (Value::BigInt(_), Opcode::UNARY_POSITIVE) => {
            return Ok(v)
        }
        (Value::BigInt(b), Opcode::UNARY_NEGATIVE) => return Ok(from_big(-(**b).clone())),
        (Value::BigInt(b), Opcode::UNARY_INVERT) => return Ok(from_big(-(**b).clone() - 1)),
        (Value::Float(f), Opcode::UNARY_NEGATIVE) => return Ok(Value::Float(-f)),
        (Value::Float(f), Opcode::UNARY_POSITIVE) => return Ok(Value::Float(*f)),
        (Value::Complex(r, i), Opcode::UNARY_NEGATIVE) => return Ok(Value::Complex(-r, -i)),
        (Value::Complex(..), Opcode::UNARY_POSITIVE) => return Ok(v),
        _ => {}
    }
    match protocol::call_dunder(vm, &v, name, vec![])? {
        Some(r) => Ok(r),
        // A subclass of a number type: the operator of the value it extends.
        None if protocol::builtin_payload(&v, name)
            .is_some_and(|p| !matches!(p, Value::Instance(_))) =>
        {
            let p = protocol::builtin_payload(&v, name).expect("checked");
            unary_op(vm, op, p)
        }
        None => Err(type_error(format!(
            "bad operand type for unary {symbol}: '{}'",
            type_name(&v)
        ))),
    }
}

/// `pow(base, exp, mod)`.
pub fn pow3(base: &Value, exp: &Value, modulus: &Value) -> PyResult<Value> {
    let (Some(b), Some(e), Some(m)) = (big(base), big(exp), big(modulus)) else {
        return Err(type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    };
    if m.is_zero() {
        return Err(value_error("pow() 3rd argument cannot be 0"));
    }
    let (b, e) = if e.is_negative() {
        let inv = mod_inverse(&b, &m)
            .ok_or_else(|| value_error("base is not invertible for the given modulus"))?;
        (inv, -e)
    } else {
        (b, e)
    };
    let r = b.modpow(&e, &m.abs());
    let r = if m.is_negative() && !r.is_zero() {
        r + &m
    } else {
        r
    };
    let r = if !m.is_negative() && r.is_negative() {
        r + &m
    } else {
        r
    };
    Ok(from_big(r))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let (mut t, mut new_t) = (BigInt::zero(), BigInt::one());
    let m_abs = m.abs();
    let (mut r, mut new_r) = (m_abs.clone(), floor_divmod_big(a, &m_abs).1);
    while !new_r.is_zero() {
        let q = &r / &new_r;
        (t, new_t) = (new_t.clone(), t - &q * &new_t);
        (r, new_r) = (new_r.clone(), r - &q * &new_r);
    }
    if r != BigInt::one() {
        return None;
    }
    Some(floor_divmod_big(&t, &m_abs).1)
}
