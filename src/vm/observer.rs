//! The observer the loop calls before each instruction (DESIGN §3): the
//! debugger controller is one, `run` uses [`NoObserver`], tests use
//! [`RecordingObserver`].

use serde::Serialize;

use super::Vm;

/// What the observer wants the loop to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    Continue,
    /// Stop the program (the loop raises a `KeyboardInterrupt`-like abort).
    Abort,
}

pub trait Observer {
    /// Called with the top frame about to execute `frame.code.decoded.instructions[frame.ip]`.
    fn before_instruction(&mut self, vm: &Vm) -> Control;
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
            if let Some(instr) = frame.code.decoded.instructions.get(frame.ip) {
                self.steps.push(Step {
                    opname: instr.op.name().into_owned(),
                    offset: instr.offset,
                    depth: vm.frames.len(),
                    function: frame.code.qualname.to_string(),
                });
            }
        }
        Control::Continue
    }
}
