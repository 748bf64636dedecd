//! Truth tests of instances of Python classes (`PyObject_IsTrue`): the
//! class's `__bool__`, else its `__len__`, with CPython's checks of what
//! they return. The truth-testing opcodes run a Python method as a frame
//! ([`truth_flat`]); native code runs it in a nested loop
//! ([`instance_truth`]).

use crate::object::exception::type_error;
use crate::object::{PyResult, Value};
use crate::vm::frame::{ReturnAction, TruthMethod, TruthUse};
use crate::vm::protocol::{self, call_dunder, type_name, user_dunder, CallOutcome};
use crate::vm::Vm;

/// The truth of what the truth method returned: `__bool__` must return a
/// bool (typeobject.c's `slot_nb_bool`); `__len__` a length
/// (`slot_sq_length`), true when not zero.
pub fn truth_of_result(vm: &mut Vm, result: Value, method: TruthMethod) -> PyResult<bool> {
    match (method, result) {
        (TruthMethod::Bool, Value::Bool(b)) => Ok(b),
        (TruthMethod::Bool, other) => Err(not_a_bool(&other)),
        (TruthMethod::Len, r) => Ok(protocol::number::length_result(vm, &r)? != 0),
    }
}

#[cold]
fn not_a_bool(v: &Value) -> crate::object::PyErr {
    type_error(format!(
        "__bool__ should return bool, returned {}",
        type_name(v)
    ))
}

/// The truth of an instance or exception whose class may define `__bool__`
/// or `__len__`, running the method in a nested loop (for native code).
pub fn instance_truth(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    if let Some(r) = call_dunder(vm, v, "__bool__", vec![])? {
        return truth_of_result(vm, r, TruthMethod::Bool);
    }
    match call_dunder(vm, v, "__len__", vec![])? {
        Some(r) => truth_of_result(vm, r, TruthMethod::Len),
        None => Ok(true),
    }
}

/// The truth test of an opcode (`used` says which) on an instance: `None`
/// when it is an instance of a Python class whose `__bool__` (or `__len__`)
/// is a Python function, whose frame is now on the stack and returns
/// through [`ReturnAction::Truth`]; else `Some(truth)`, found here.
pub fn truth_flat(vm: &mut Vm, v: &Value, used: TruthUse) -> PyResult<Option<bool>> {
    let Value::Instance(i) = v else {
        return protocol::truthy(vm, v).map(Some);
    };
    if i.payload.is_some() {
        return protocol::truthy(vm, v).map(Some);
    }
    let (f, method) = match user_dunder(v, "__bool__") {
        Some(f) => (f, TruthMethod::Bool),
        None => match user_dunder(v, "__len__") {
            Some(f) => (f, TruthMethod::Len),
            // Neither: true, as for any object (`PyObject_IsTrue`).
            None => return Ok(Some(true)),
        },
    };
    if !matches!(f, Value::Function(_)) {
        return instance_truth(vm, v).map(Some);
    }
    match super::dunder_call(vm, f, [v.clone()])? {
        CallOutcome::Frame(mut frame) => {
            frame.return_action = ReturnAction::Truth { used, method };
            vm.push_frame(frame)?;
            Ok(None)
        }
        CallOutcome::Value(r) => truth_of_result(vm, r, method).map(Some),
    }
}

/// A truth method run by `used`'s instruction returned `result`: check it,
/// then jump, pop or push as that instruction does.
pub fn truth_returned(
    vm: &mut Vm,
    used: TruthUse,
    method: TruthMethod,
    result: Value,
) -> PyResult<()> {
    let truth = truth_of_result(vm, result, method)?;
    let caller = vm.frames.last_mut().expect("caller");
    match used {
        TruthUse::Jump { when, to } => {
            if truth == when {
                caller.ip = to;
            }
        }
        TruthUse::JumpOrPop { when, to } => {
            if truth == when {
                caller.ip = to;
            } else {
                caller.stack.pop();
            }
        }
        TruthUse::Not => caller.stack.push(Value::Bool(!truth)),
    }
    Ok(())
}
