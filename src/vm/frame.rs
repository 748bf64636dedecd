//! A frame: one activation of a code object, with everything the observer may
//! inspect (instruction pointer, value stack, locals) stored here rather than
//! in the loop's local variables.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use crate::object::{Dict, Value};
use crate::pyc::CodeObject;

/// What the loop does with a frame's return value. Set by whoever pushed the
/// frame; the loop's single return path reads it.
pub enum ReturnAction {
    /// Push the value on the caller's stack (an ordinary call).
    Push,
    /// The frame was pushed by native code running a nested loop: hand the
    /// value back to it. Only the bottom frame of a nested `run_until` has this.
    ReturnToNative,
    /// `__init__` of a class being instantiated: the result must be None; push
    /// the instance instead.
    InitCheck(Value),
    /// A generator frame resumed by FOR_ITER: a yield pushes the value on the
    /// caller's stack; a return pops the generator and jumps to `jump`.
    GenForIter { jump: usize },
    /// A generator frame resumed by SEND (`yield from`, `await`): a yield
    /// pushes the value; a return replaces the receiver with the result and
    /// jumps to `jump`.
    GenSend { jump: usize },
    /// An async generator frame resumed by SEND on one of its awaitables
    /// (`asend`/`__anext__`, `athrow`, `aclose`): what it yields, returns or
    /// raises goes through the awaitable (`vm::coro::post`) first.
    AsyncGenSend {
        jump: usize,
        awaitable: Rc<crate::object::generator::GenAwaitable>,
    },
}

pub struct Frame {
    /// A serial number unique within the thread, so an observer can tell
    /// activations apart (a generator's frame keeps it across suspensions).
    pub id: u64,
    pub code: Arc<CodeObject>,
    /// Index (in `code.decoded.instructions`) of the next instruction.
    pub ip: usize,
    /// Index of the instruction being executed (for tracebacks and handlers).
    pub current: usize,
    pub stack: Vec<Value>,
    /// `co_localsplusnames` slots: arguments, locals, cells, free variables.
    pub fast: Vec<Option<Value>>,
    pub globals: Rc<RefCell<Dict>>,
    /// The namespace of module and class bodies (LOAD_NAME / STORE_NAME).
    pub locals: Option<Rc<RefCell<Dict>>>,
    /// Names given by KW_NAMES for the next CALL.
    pub kw_names: Option<Rc<[Value]>>,
    pub return_action: ReturnAction,
    /// The function being run (for `super()` and `__class__`), if any.
    pub function: Option<Value>,
    /// The generator this frame belongs to, if it is a generator's frame.
    pub generator: Option<std::rc::Weak<crate::object::generator::Generator>>,
}

thread_local! {
    static NEXT_FRAME_ID: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

fn next_frame_id() -> u64 {
    NEXT_FRAME_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    })
}

impl Frame {
    pub fn new(
        code: Arc<CodeObject>,
        globals: Rc<RefCell<Dict>>,
        locals: Option<Rc<RefCell<Dict>>>,
        return_action: ReturnAction,
    ) -> Frame {
        let n = code.localsplusnames.len();
        Frame {
            id: next_frame_id(),
            stack: Vec::with_capacity(code.stacksize as usize),
            code,
            ip: 0,
            current: 0,
            fast: vec![None; n],
            globals,
            locals,
            kw_names: None,
            return_action,
            function: None,
            generator: None,
        }
    }

    /// The line of the instruction being executed.
    pub fn line(&self) -> Option<i32> {
        let instr = self.code.decoded.instructions.get(self.current)?;
        self.code.decoded.location_at(instr.offset).line
    }

    pub fn offset(&self) -> u32 {
        self.code
            .decoded
            .instructions
            .get(self.current)
            .map_or(0, |i| i.offset)
    }
}
