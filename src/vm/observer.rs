//! The observer the loop calls before each instruction (DESIGN §3): the
//! debugger controller is one, `run` uses [`NoObserver`], tests use
//! [`RecordingObserver`].

use std::cell::RefCell;
use std::rc::Rc;

use serde::Serialize;

use super::Vm;
use crate::object::PyErr;

/// What the observer wants the loop to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    Continue,
    /// Stop the program (the loop raises a `KeyboardInterrupt`-like abort).
    Abort,
}

pub trait Observer {
    /// Called with the top frame about to execute `frame.code.decoded.instructions[frame.ip]`.
    /// Calls, returns, yields and resumptions are visible here as the
    /// instructions that do them (`RESUME 0`, `RETURN_VALUE`, `YIELD_VALUE`,
    /// `RESUME 1|2`); raised exceptions come through [`Observer::on_exception`].
    fn before_instruction(&mut self, vm: &Vm) -> Control;

    /// Whether [`Observer::on_exception`] should be called (a constant
    /// `false` lets the loop drop the call entirely).
    #[inline(always)]
    fn observes_exceptions(&self) -> bool {
        false
    }

    /// An instruction raised `err` in the top frame (before unwinding). An
    /// exception leaving a nested loop is reported again by the outer loop's
    /// instruction that called into it, as CPython reports it per frame.
    fn on_exception(&mut self, _vm: &Vm, _err: &PyErr) {}
}

/// An observer shared between the top-level loop and the nested loops native
/// code runs (`Vm::nested_observer`), so nothing Python executes is unseen.
#[derive(Clone)]
pub struct SharedObserver(pub Rc<RefCell<dyn Observer>>);

impl Observer for SharedObserver {
    fn before_instruction(&mut self, vm: &Vm) -> Control {
        self.0.borrow_mut().before_instruction(vm)
    }

    fn observes_exceptions(&self) -> bool {
        true
    }

    fn on_exception(&mut self, vm: &Vm, err: &PyErr) {
        self.0.borrow_mut().on_exception(vm, err)
    }
}

/// Observes nothing; `before_instruction` inlines to nothing.
pub struct NoObserver;

impl Observer for NoObserver {
    #[inline(always)]
    fn before_instruction(&mut self, _vm: &Vm) -> Control {
        Control::Continue
    }
}

/// One executed instruction as the recording observer saw it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    pub opname: String,
    pub offset: u32,
    pub depth: usize,
    pub function: String,
}

/// Records every instruction executed (for tests and `trace`).
#[derive(Default)]
pub struct RecordingObserver {
    pub steps: Vec<Step>,
}

impl Observer for RecordingObserver {
    fn before_instruction(&mut self, vm: &Vm) -> Control {
        if let Some(frame) = vm.frames.last() {
            if let Some(instr) = frame.code().decoded.instructions.get(frame.ip) {
                self.steps.push(Step {
                    opname: instr.op.name().into_owned(),
                    offset: instr.offset,
                    depth: vm.frames.len(),
                    function: frame.code().qualname.to_string(),
                });
            }
        }
        Control::Continue
    }
}
