//! A frame: one activation of a code object, with everything the observer may
//! inspect (instruction pointer, value stack, locals) stored here rather than
//! in the loop's local variables.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use crate::object::function::CodeValues;
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
    /// A user operator method run by BINARY_OP: NotImplemented moves on to
    /// the operator's next method; anything else is the result.
    BinaryOp(Box<PendingBinaryOp>),
    /// A user comparison method run by COMPARE_OP: NotImplemented moves on
    /// to the next method in `do_richcompare`'s order; anything else is the
    /// result.
    Compare(Box<PendingCompare>),
    /// A user `__next__` run by FOR_ITER: a return pushes the value on the
    /// caller's stack; StopIteration leaving the frame (see `Vm::unwind`)
    /// pops the iterator and jumps to `jump`, the loop's exit.
    ForIterNext { jump: usize },
    /// A user `__bool__` or `__len__` run by a truth test: its result is
    /// checked and made a bool, which `used` then acts on.
    Truth { used: TruthUse, method: TruthMethod },
    /// An async generator frame resumed by SEND on one of its awaitables
    /// (`asend`/`__anext__`, `athrow`, `aclose`): what it yields, returns or
    /// raises goes through the awaitable (`vm::coro::post`) first.
    AsyncGenSend {
        jump: usize,
        awaitable: Rc<crate::object::generator::GenAwaitable>,
    },
}

/// A frame's value stack: a `Vec` whose `push` is always inlined. The
/// instruction loop is too big for the inliner to take `Vec::push` into it,
/// and the out-of-line call (with its spill and reload of the 24-byte value)
/// cost about a tenth of the run time on call-heavy benchmarks.
#[derive(Default)]
pub struct ValueStack(Vec<Value>);

impl ValueStack {
    pub fn with_capacity(n: usize) -> ValueStack {
        ValueStack(Vec::with_capacity(n))
    }

    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        if self.0.len() == self.0.capacity() {
            self.grow();
        }
        let len = self.0.len();
        // SAFETY: `len < capacity` after the check above, so the slot is
        // allocated and unused; `set_len` then covers exactly the written slot.
        unsafe {
            self.0.as_mut_ptr().add(len).write(v);
            self.0.set_len(len + 1);
        }
    }

    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        self.0.reserve(1);
    }
}

impl std::ops::Deref for ValueStack {
    type Target = Vec<Value>;
    fn deref(&self) -> &Vec<Value> {
        &self.0
    }
}

impl std::ops::DerefMut for ValueStack {
    fn deref_mut(&mut self) -> &mut Vec<Value> {
        &mut self.0
    }
}

/// What BINARY_OP still has to try if the running operator method returns
/// NotImplemented.
pub struct PendingBinaryOp {
    pub arg: usize,
    pub lhs: Value,
    pub rhs: Value,
    pub next: Option<crate::vm::ops::arith::DunderStage>,
}

/// What COMPARE_OP still has to do when the running comparison method
/// returns: `invert` (object.__ne__ delegating to a user `__eq__`) negates
/// the result; NotImplemented moves on to stage `next`.
pub struct PendingCompare {
    pub op: usize,
    pub lhs: Value,
    pub rhs: Value,
    pub next: Option<crate::vm::ops::compare::CompareStage>,
    pub invert: bool,
}

/// The instruction a truth test belongs to, and what it does with the truth.
#[derive(Clone, Copy, Debug)]
pub enum TruthUse {
    /// POP_JUMP_*_IF_TRUE/FALSE (the value already popped): jump to `to`
    /// when the truth is `when`.
    Jump { when: bool, to: usize },
    /// JUMP_IF_TRUE_OR_POP / JUMP_IF_FALSE_OR_POP (the value still on the
    /// stack): jump to `to` keeping it when the truth is `when`, else pop it.
    JumpOrPop { when: bool, to: usize },
    /// UNARY_NOT (the value already popped): push the negated truth.
    Not,
}

/// Which method an instance's truth comes from (`PyObject_IsTrue`:
/// `nb_bool`, else the length).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TruthMethod {
    Bool,
    Len,
}

/// A frame's two vectors, kept by the VM between calls.
pub type FrameParts = (ValueStack, Vec<Option<Value>>);

pub struct Frame {
    /// A serial number unique within the thread, so an observer can tell
    /// activations apart (a generator's frame keeps it across suspensions).
    pub id: u64,
    /// The code object run (in `values`, which holds it: one reference
    /// count per call instead of two), its constants and names in runtime
    /// form, and its inline caches.
    pub values: Rc<CodeValues>,
    /// Index (in `code.decoded.instructions`) of the next instruction.
    pub ip: usize,
    /// Index of the instruction being executed (for tracebacks and handlers).
    pub current: usize,
    pub stack: ValueStack,
    /// `co_localsplusnames` slots: arguments, locals, cells, free variables.
    pub fast: Vec<Option<Value>>,
    pub globals: Rc<RefCell<Dict>>,
    /// The namespace of module and class bodies (LOAD_NAME / STORE_NAME).
    pub locals: Option<Rc<RefCell<Dict>>>,
    /// A namespace that is not exactly a dict (a class body whose
    /// metaclass's `__prepare__` made another mapping, such as enum's
    /// `_EnumDict`): the name instructions go through its `__getitem__`,
    /// `__setitem__` and `__delitem__`, as ceval.c does when `f_locals` is
    /// not `PyDict_CheckExact`. `locals` is then None.
    pub locals_mapping: Option<Box<Value>>,
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
    /// The code object this frame runs.
    #[inline(always)]
    pub fn code(&self) -> &Arc<CodeObject> {
        &self.values.code
    }

    pub fn new(
        code: Arc<CodeObject>,
        globals: Rc<RefCell<Dict>>,
        locals: Option<Rc<RefCell<Dict>>>,
        return_action: ReturnAction,
    ) -> Frame {
        let n = code.localsplusnames.len();
        Frame {
            id: next_frame_id(),
            stack: ValueStack::with_capacity(code.stacksize as usize),
            values: crate::vm::protocol::code_values(&code),
            ip: 0,
            current: 0,
            fast: vec![None; n],
            globals,
            locals,
            locals_mapping: None,
            kw_names: None,
            return_action,
            function: None,
            generator: None,
        }
    }

    /// A function's frame whose fast locals (arguments first) are bound.
    pub fn with_arguments(
        values: Rc<CodeValues>,
        globals: Rc<RefCell<Dict>>,
        fast: Vec<Option<Value>>,
        function: Value,
    ) -> Frame {
        let stack = ValueStack::with_capacity(values.code.stacksize as usize);
        Frame::with_parts(values, globals, (stack, fast), function, ReturnAction::Push)
    }

    /// As [`Frame::with_arguments`], with a value stack (empty, perhaps
    /// recycled) supplied too.
    pub fn with_parts(
        values: Rc<CodeValues>,
        globals: Rc<RefCell<Dict>>,
        (stack, fast): FrameParts,
        function: Value,
        return_action: ReturnAction,
    ) -> Frame {
        Frame {
            id: next_frame_id(),
            stack,
            values,
            ip: 0,
            current: 0,
            fast,
            globals,
            locals: None,
            locals_mapping: None,
            kw_names: None,
            return_action,
            function: Some(function),
            generator: None,
        }
    }

    /// The line of the instruction being executed.
    pub fn line(&self) -> Option<i32> {
        let instr = self.code().decoded.instructions.get(self.current)?;
        self.code().decoded.location_at(instr.offset).line
    }

    pub fn offset(&self) -> u32 {
        self.code()
            .decoded
            .instructions
            .get(self.current)
            .map_or(0, |i| i.offset)
    }
}
