//! Generator, coroutine and async generator objects: a suspended frame owned
//! by the object. Resuming moves the frame onto the VM's frame stack;
//! YIELD_VALUE moves it back (DESIGN §3).
//!
//! Also the awaitables an async generator hands out (`asend()`/`__anext__()`,
//! `athrow()`, `aclose()`), the `coroutine_wrapper` of `coro.__await__()`, and
//! finalization: a suspended generator whose last reference goes away is queued
//! (its frame moved into [`PENDING_FINALIZERS`]) and the interpreter loop
//! closes it at the next instruction boundary, as CPython's `gen_dealloc`
//! does immediately.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use crate::pyc::CodeObject;
use crate::vm::frame::Frame;

use super::value::Value;

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

/// Which of the three frame-owning objects this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

impl GenKind {
    /// CPython's type name.
    pub fn type_name(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async_generator",
        }
    }
}

pub struct Generator {
    pub kind: GenKind,
    pub code: Arc<CodeObject>,
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    /// The frame while suspended (or not yet started); `None` while running
    /// (it is on the frame stack) or once closed.
    pub frame: RefCell<Option<Box<Frame>>>,
    pub state: Cell<GenState>,
    /// The exception this generator is handling while suspended
    /// (`gi_exc_state`), and the resumer's while it runs.
    pub exc_state: RefCell<Option<Value>>,
    pub caller_exc: RefCell<Option<Value>>,
    /// Async generators: an `asend`/`athrow` awaitable is in progress
    /// (`ag_running_async`), and `aclose()` has begun (`ag_closed`).
    pub running_async: Cell<bool>,
    pub ag_closed: Cell<bool>,
    /// Async generators: the hooks of `sys.set_asyncgen_hooks` were applied
    /// (at the first `__anext__`/`asend`/`athrow`/`aclose`), and the
    /// finalizer kept then (`ag_hooks_inited`, `ag_origin_or_finalizer`).
    pub hooks_inited: Cell<bool>,
    pub finalizer: RefCell<Option<Value>>,
    /// Its number in the VM's live-generator registry (0 until registered);
    /// what the debugger's views call it (`g3`).
    pub serial: Cell<u64>,
}

impl Generator {
    pub fn new(kind: GenKind, code: Arc<CodeObject>, name: Rc<str>, qualname: Rc<str>) -> Self {
        Generator {
            kind,
            code,
            name: RefCell::new(name),
            qualname: RefCell::new(qualname),
            frame: RefCell::new(None),
            state: Cell::new(GenState::Created),
            exc_state: RefCell::new(None),
            caller_exc: RefCell::new(None),
            running_async: Cell::new(false),
            serial: Cell::new(0),
            ag_closed: Cell::new(false),
            hooks_inited: Cell::new(false),
            finalizer: RefCell::new(None),
        }
    }
}

/// A generator that became unreachable while it still had a frame: the loop
/// closes it (or warns that a coroutine was never awaited) at a safe point.
pub struct PendingFinalizer {
    pub kind: GenKind,
    pub code: Arc<CodeObject>,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub frame: Box<Frame>,
    pub state: GenState,
    /// An async generator's `sys.set_asyncgen_hooks` finalizer: called with
    /// the generator instead of closing it.
    pub finalizer: Option<Value>,
}

thread_local! {
    /// Generators dropped while suspended, waiting to be closed.
    pub static PENDING_FINALIZERS: RefCell<Vec<PendingFinalizer>> = const { RefCell::new(Vec::new()) };
    /// Set when `PENDING_FINALIZERS` is non-empty (a cheap check per instruction).
    pub static FINALIZERS_PENDING: Cell<bool> = const { Cell::new(false) };
}

/// Whether a suspended frame has anything to run when closed: a handler
/// (`try`/`with`/`finally`) around the instruction it is paused at.
fn needs_close(frame: &Frame) -> bool {
    let offset = frame.offset();
    crate::bytecode::exception_table::handler_for(&frame.code().decoded.exception_table, offset)
        .is_some()
}

impl Drop for Generator {
    fn drop(&mut self) {
        let state = self.state.get();
        let Some(frame) = self.frame.get_mut().take() else {
            return;
        };
        let finalizer = match self.kind {
            GenKind::AsyncGenerator if !self.ag_closed.get() => self.finalizer.get_mut().take(),
            _ => None,
        };
        let wanted = match state {
            _ if finalizer.is_some() => matches!(state, GenState::Suspended | GenState::Created),
            GenState::Suspended => needs_close(&frame),
            GenState::Created => self.kind == GenKind::Coroutine,
            _ => false,
        };
        if !wanted {
            return;
        }
        let pending = PendingFinalizer {
            kind: self.kind,
            code: self.code.clone(),
            name: self.name.borrow().clone(),
            qualname: self.qualname.borrow().clone(),
            frame,
            state,
            finalizer,
        };
        // During thread teardown the queue may be gone: nothing to do then.
        let _ = PENDING_FINALIZERS.try_with(|q| q.borrow_mut().push(pending));
        let _ = FINALIZERS_PENDING.try_with(|f| f.set(true));
    }
}

/// Awaitable state (`AWAITABLE_STATE_*` in genobject.c).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AwaitState {
    Init,
    Iter,
    Closed,
}

/// What an awaitable handed out by a coroutine or async generator does.
pub enum AwaitKind {
    /// `coro.__await__()`: send/throw/close go straight to the coroutine.
    CoroWrapper,
    /// `agen.asend(v)` / `agen.__anext__()` (v = None).
    ASend(Value),
    /// `agen.athrow(typ[, val[, tb]])`: the arguments, checked when it runs.
    AThrow(Vec<Value>),
    /// `agen.aclose()`.
    AClose,
}

pub struct GenAwaitable {
    pub gen: Rc<Generator>,
    pub kind: AwaitKind,
    pub state: Cell<AwaitState>,
}

impl GenAwaitable {
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            AwaitKind::CoroWrapper => "coroutine_wrapper",
            AwaitKind::ASend(_) => "async_generator_asend",
            AwaitKind::AThrow(_) | AwaitKind::AClose => "async_generator_athrow",
        }
    }
}
