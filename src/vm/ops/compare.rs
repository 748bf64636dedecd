//! Rich comparison: COMPARE_OP's fast path for ints, floats and strs, the
//! comparisons of builtin values, and user comparison methods in
//! `do_richcompare`'s order (object.c), run as frames when COMPARE_OP
//! triggers them and in nested loops when native code compares.

use std::cmp::Ordering;
use std::rc::Rc;

use super::arith::{is_int, num_cmp};
use crate::object::exception::type_error;
use crate::object::{PyResult, Value};
use crate::vm::eval::Flow;
use crate::vm::frame::{PendingCompare, ReturnAction};
use crate::vm::protocol::{self, type_name, user_dunder, CallOutcome};
use crate::vm::Vm;

/// The comparison methods in COMPARE_OP's argument order (< <= == != > >=).
const NAMES: [&str; 6] = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];
/// The reflected operation of each (`_Py_SwappedOp`).
const SWAPPED: [usize; 6] = [4, 5, 2, 3, 0, 1];
const EQ: usize = 2;
const NE: usize = 3;

/// COMPARE_OP on two machine ints, two floats or two strs, in the loop.
#[inline(always)]
pub fn fast_compare(op: usize, lhs: &Value, rhs: &Value) -> Option<bool> {
    let ord = match (lhs, rhs) {
        (Value::Int(a), Value::Int(b)) => Some(a.cmp(b)),
        (Value::Float(a), Value::Float(b)) => a.partial_cmp(b),
        // Equality needs no ordering: equal lengths first, then the bytes,
        // and interned names and constants are often the same object.
        (Value::Str(a), Value::Str(b)) if op == 2 || op == 3 => {
            let equal = std::rc::Rc::ptr_eq(a, b) || **a == **b;
            return Some(equal == (op == 2));
        }
        (Value::Str(a), Value::Str(b)) => Some(a.cmp(b)),
        _ => return None,
    };
    Some(ordering_result(ord, op))
}

/// Rich comparison (`PyObject_RichCompare`) run from native code: builtin
/// values compared here, user methods in `do_richcompare`'s order in nested
/// loops. COMPARE_OP runs the user methods as frames instead
/// ([`compare_op_flat`]) when [`runs_flat`] says it may.
pub fn compare(vm: &mut Vm, a: &Value, b: &Value, op: usize) -> PyResult<Value> {
    {
        use crate::object::iter::DictView as V;
        let setlike = |v: &Value| {
            matches!(v, Value::DictView(view) if view.1 != V::Values)
                || matches!(v, Value::Set(_) | Value::FrozenSet(_))
        };
        let is_view = |v: &Value| matches!(v, Value::DictView(view) if view.1 != V::Values);
        if (is_view(a) || is_view(b)) && setlike(a) && setlike(b) {
            let sa = protocol::collect(vm, a)?;
            let sa = protocol::new_set(vm, sa)?;
            let sb = protocol::collect(vm, b)?;
            let sb = protocol::new_set(vm, sb)?;
            return compare(vm, &sa, &sb, op);
        }
    }
    if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
        let overridden =
            user_dunder(a, NAMES[op]).is_some() || user_dunder(b, NAMES[SWAPPED[op]]).is_some();
        let pa = protocol::builtin_payload(a, NAMES[op]);
        let pb = protocol::builtin_payload(b, NAMES[SWAPPED[op]]);
        if !overridden && (pa.is_some() || pb.is_some()) {
            let a2 = pa.unwrap_or_else(|| a.clone());
            let b2 = pb.unwrap_or_else(|| b.clone());
            return compare(vm, &a2, &b2, op);
        }
    }
    if let Some(r) = builtin_compare(vm, a, b, op)? {
        return Ok(Value::Bool(r));
    }
    let mut stage = Some(CompareStage::RhsFirst);
    while let Some((slot, next)) = next_compare_slot(op, a, b, stage) {
        let result = match slot {
            Slot::Known(v) => v,
            Slot::Call(method, args, invert) => {
                let r = vm.call(&method, args.to_vec())?;
                settle(vm, r, invert)?
            }
        };
        if !matches!(result, Value::NotImplemented) {
            return Ok(result);
        }
        stage = next;
    }
    default_compare(op, a, b)
}

/// Where a comparison is in `do_richcompare`'s order: the right operand's
/// reflected method first when its type is a proper subclass of the left's
/// (whether or not it overrides the method), then the left's, then the
/// right's reflected one (unless it went first), then the default.
#[derive(Clone, Copy, Debug)]
pub enum CompareStage {
    RhsFirst,
    Forward,
    Reflected,
}

/// What one operand's `tp_richcompare` does for a comparison.
enum Slot {
    /// Call the method with these arguments; `true`: negate the result
    /// unless it is NotImplemented (object.__ne__ delegating to `__eq__`).
    Call(Value, [Value; 2], bool),
    /// The answer, without calling anything (object.__eq__ of an object
    /// with itself).
    Known(Value),
}

/// `slot_tp_richcompare(x, y, op)` for a value whose class may define
/// comparison methods; `None` where it gives NotImplemented without calling
/// Python. A class that does not define the method inherits object's
/// (`object_richcompare`): `==` is identity, `!=` negates the class's own
/// `__eq__` (or is identity), orderings are NotImplemented. Builtin values
/// compared with instances of Python classes always give NotImplemented.
fn slot(x: &Value, y: &Value, op: usize) -> Option<Slot> {
    if !matches!(x, Value::Instance(_) | Value::Exception(_) | Value::Type(_)) {
        return None;
    }
    let args = || [x.clone(), y.clone()];
    if let Some(method) = user_dunder(x, NAMES[op]) {
        return Some(Slot::Call(method, args(), false));
    }
    match op {
        EQ => x.is(y).then_some(Slot::Known(Value::Bool(true))),
        NE => match user_dunder(x, NAMES[EQ]) {
            Some(eq) => Some(Slot::Call(eq, args(), true)),
            None => x.is(y).then_some(Slot::Known(Value::Bool(false))),
        },
        _ => None,
    }
}

/// The next operand method to run for comparison `op` from `stage` on,
/// and the stage after it; `None` when only the default is left.
fn next_compare_slot(
    op: usize,
    lhs: &Value,
    rhs: &Value,
    stage: Option<CompareStage>,
) -> Option<(Slot, Option<CompareStage>)> {
    let (tl, tr) = (protocol::type_of(lhs), protocol::type_of(rhs));
    let rhs_first = !Rc::ptr_eq(&tl, &tr) && tr.is_subtype(&tl);
    let mut stage = stage?;
    loop {
        use CompareStage::*;
        let (found, next) = match stage {
            RhsFirst => (
                rhs_first.then(|| slot(rhs, lhs, SWAPPED[op])).flatten(),
                Some(Forward),
            ),
            Forward => (slot(lhs, rhs, op), Some(Reflected)),
            Reflected => (
                (!rhs_first).then(|| slot(rhs, lhs, SWAPPED[op])).flatten(),
                None,
            ),
        };
        if let Some(found) = found {
            return Some((found, next));
        }
        stage = next?;
    }
}

/// A comparison method's result as its operand's slot gives it: negated
/// (by truth, `PyObject_IsTrue`) when object.__ne__ delegated to `__eq__`.
fn settle(vm: &mut Vm, result: Value, invert: bool) -> PyResult<Value> {
    if !invert || matches!(result, Value::NotImplemented) {
        return Ok(result);
    }
    Ok(Value::Bool(!protocol::truthy(vm, &result)?))
}

/// `do_richcompare`'s answer when every method gave NotImplemented.
fn default_compare(op: usize, a: &Value, b: &Value) -> PyResult<Value> {
    match op {
        EQ => Ok(Value::Bool(a.is(b))),
        NE => Ok(Value::Bool(!a.is(b))),
        _ => Err(type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            crate::bytecode::dis::CMP_OPS[op],
            type_name(a),
            type_name(b)
        ))),
    }
}

/// Whether COMPARE_OP may run the operands' comparison methods as frames
/// ([`compare_op_flat`]): one operand is an instance of a Python class that
/// extends no builtin type, and neither extends one, so no builtin
/// comparison comes first (for these, [`compare`] reaches the same methods
/// in the same order).
#[inline]
fn runs_flat(lhs: &Value, rhs: &Value) -> bool {
    let plain = |v: &Value| matches!(v, Value::Instance(i) if i.payload.is_none());
    let extends_builtin = |v: &Value| matches!(v, Value::Instance(i) if i.payload.is_some());
    (plain(lhs) || plain(rhs)) && !extends_builtin(lhs) && !extends_builtin(rhs)
}

/// COMPARE_OP past its fast path: user methods as frames when
/// [`runs_flat`], else [`compare`]. Out of line, so that the loop's code
/// for the fast path stays as it was.
#[inline(never)]
pub fn compare_op(vm: &mut Vm, op: usize, lhs: Value, rhs: Value) -> PyResult<Flow> {
    if runs_flat(&lhs, &rhs) {
        return compare_op_flat(vm, op, lhs, rhs, Some(CompareStage::RhsFirst));
    }
    let result = compare(vm, &lhs, &rhs, op)?;
    vm.frames.last_mut().expect("frame").stack.push(result);
    Ok(Flow::Next)
}

/// COMPARE_OP running the operands' comparison methods from `stage` on as
/// frames on the loop's stack (DESIGN §3); a method returning
/// NotImplemented comes back here through [`ReturnAction::Compare`].
pub fn compare_op_flat(
    vm: &mut Vm,
    op: usize,
    lhs: Value,
    rhs: Value,
    mut stage: Option<CompareStage>,
) -> PyResult<Flow> {
    while let Some((slot, next)) = next_compare_slot(op, &lhs, &rhs, stage) {
        let result = match slot {
            Slot::Known(v) => v,
            Slot::Call(method, args, invert) => match super::dunder_call(vm, method, args)? {
                CallOutcome::Frame(mut frame) => {
                    frame.return_action = ReturnAction::Compare(Box::new(PendingCompare {
                        op,
                        lhs,
                        rhs,
                        next,
                        invert,
                    }));
                    vm.push_frame(frame)?;
                    return Ok(Flow::Called);
                }
                CallOutcome::Value(r) => settle(vm, r, invert)?,
            },
        };
        if !matches!(result, Value::NotImplemented) {
            vm.frames.last_mut().expect("frame").stack.push(result);
            return Ok(Flow::Next);
        }
        stage = next;
    }
    let result = default_compare(op, &lhs, &rhs)?;
    vm.frames.last_mut().expect("frame").stack.push(result);
    Ok(Flow::Next)
}

/// A comparison method run by COMPARE_OP returned `result`: settle it and
/// either push it or go on with the next method.
pub fn compare_returned(vm: &mut Vm, pending: PendingCompare, result: Value) -> PyResult<()> {
    let PendingCompare {
        op,
        lhs,
        rhs,
        next,
        invert,
    } = pending;
    let result = settle(vm, result, invert)?;
    if matches!(result, Value::NotImplemented) {
        compare_op_flat(vm, op, lhs, rhs, next)?;
    } else {
        vm.frames.last_mut().expect("caller").stack.push(result);
    }
    Ok(())
}

#[inline]
fn ordering_result(ord: Option<Ordering>, op: usize) -> bool {
    match ord {
        None => op == 3,
        Some(o) => match op {
            0 => o == Ordering::Less,
            1 => o != Ordering::Greater,
            2 => o == Ordering::Equal,
            3 => o != Ordering::Equal,
            4 => o == Ordering::Greater,
            _ => o != Ordering::Less,
        },
    }
}

fn builtin_compare(vm: &mut Vm, a: &Value, b: &Value, op: usize) -> PyResult<Option<bool>> {
    let numeric = |v: &Value| is_int(v) || matches!(v, Value::Float(_));
    if numeric(a) && numeric(b) {
        return Ok(Some(ordering_result(num_cmp(a, b), op)));
    }
    if let Some(ord) = super::bytes::compare(a, b) {
        return Ok(Some(ordering_result(Some(ord), op)));
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Ok(Some(ordering_result(Some(x.cmp(y)), op))),
        (Value::Tuple(_), Value::Tuple(_)) | (Value::List(_), Value::List(_)) => {
            let xs = protocol::collect(vm, a)?;
            let ys = protocol::collect(vm, b)?;
            for (x, y) in xs.iter().zip(ys.iter()) {
                if !x.is(y) && !protocol::eq(vm, x, y)? {
                    if op == 2 {
                        return Ok(Some(false));
                    }
                    if op == 3 {
                        return Ok(Some(true));
                    }
                    let r = compare(vm, x, y, op)?;
                    return Ok(Some(protocol::truthy(vm, &r)?));
                }
            }
            Ok(Some(ordering_result(Some(xs.len().cmp(&ys.len())), op)))
        }
        (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
            super::seq::set_compare(vm, a, b, op).map(Some)
        }
        (Value::Dict(x), Value::Dict(y)) if op == 2 || op == 3 => {
            let (xs, ys) = (x.borrow().items(), y.borrow().clone());
            let mut equal = xs.len() == ys.len();
            if equal {
                for (k, v) in xs {
                    let h = protocol::hash_value(vm, &k)?;
                    let found = ys.get(h, &k, &mut protocol::key_eq(vm))?;
                    match found {
                        Some(w) if w.is(&v) || protocol::eq(vm, &v, &w)? => {}
                        _ => {
                            equal = false;
                            break;
                        }
                    }
                }
            }
            Ok(Some(equal == (op == 2)))
        }
        _ if op == 2 || op == 3 => Ok(protocol::builtin_eq(a, b).map(|r| r == (op == 2))),
        _ => Ok(None),
    }
}
