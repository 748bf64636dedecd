//! Generator objects: a suspended frame owned by the generator. Resuming moves
//! the frame onto the VM's frame stack; YIELD_VALUE moves it back (DESIGN §3).

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use crate::pyc::CodeObject;
use crate::vm::frame::Frame;

/// `inspect.getgeneratorstate` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    Created,
    Running,
    Suspended,
    Closed,
}

impl GenState {
    pub fn name(self) -> &'static str {
        match self {
            GenState::Created => "GEN_CREATED",
            GenState::Running => "GEN_RUNNING",
            GenState::Suspended => "GEN_SUSPENDED",
            GenState::Closed => "GEN_CLOSED",
        }
    }
}

pub struct Generator {
    pub code: Arc<CodeObject>,
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    /// The frame while suspended (or not yet started); `None` while running
    /// (it is on the frame stack) or once closed.
    pub frame: RefCell<Option<Box<Frame>>>,
    pub state: Cell<GenState>,
}
