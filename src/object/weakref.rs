//! Weak references (CPython's `Objects/weakrefobject.c`): what a
//! `weakref.ref` or `weakref.proxy` holds, and the registry of the
//! references to each object, which `getweakrefs` reads and an instance's
//! drop uses to queue the callbacks (run by the loop between instructions,
//! as `__del__` methods are).
//!
//! Referents are the objects CPython lets be weakly referenced: instances
//! of classes, functions, bound methods, builtin functions, types, sets,
//! frozensets, generators, code objects and modules. Only an instance's
//! death runs callbacks: the other kinds die without notice (their
//! references read as dead).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use super::dict::Dict;
use super::function::{BoundMethod, Builtin, Function};
use super::generator::Generator;
use super::types::{Instance, Type};
use super::value::Module;
use super::Value;
use crate::pyc::CodeObject;

/// A weak pointer to an object of one of the referent kinds.
pub enum WeakTarget {
    Instance(Weak<Instance>),
    Function(Weak<Function>),
    BoundMethod(Weak<BoundMethod>),
    Builtin(Weak<Builtin>),
    Type(Weak<Type>),
    Set(Weak<RefCell<Dict>>),
    FrozenSet(Weak<Dict>),
    Generator(Weak<Generator>),
    Code(std::sync::Weak<CodeObject>),
    Module(Weak<Module>),
}

impl WeakTarget {
    /// A weak pointer to `v`, if it is of a kind that can be referenced.
    pub fn new(v: &Value) -> Option<WeakTarget> {
        Some(match v {
            Value::Instance(r) => WeakTarget::Instance(Rc::downgrade(r)),
            Value::Function(r) => WeakTarget::Function(Rc::downgrade(r)),
            Value::BoundMethod(r) => WeakTarget::BoundMethod(Rc::downgrade(r)),
            Value::Builtin(r) => WeakTarget::Builtin(Rc::downgrade(r)),
            Value::Type(r) => WeakTarget::Type(Rc::downgrade(r)),
            Value::Set(r) => WeakTarget::Set(Rc::downgrade(r)),
            Value::FrozenSet(r) => WeakTarget::FrozenSet(Rc::downgrade(r)),
            Value::Generator(r) => WeakTarget::Generator(Rc::downgrade(r)),
            Value::Code(r) => WeakTarget::Code(std::sync::Arc::downgrade(r)),
            Value::Module(r) => WeakTarget::Module(Rc::downgrade(r)),
            _ => return None,
        })
    }

    /// The object, while it lives.
    pub fn get(&self) -> Option<Value> {
        Some(match self {
            WeakTarget::Instance(w) => Value::Instance(w.upgrade()?),
            WeakTarget::Function(w) => Value::Function(w.upgrade()?),
            WeakTarget::BoundMethod(w) => Value::BoundMethod(w.upgrade()?),
            WeakTarget::Builtin(w) => Value::Builtin(w.upgrade()?),
            WeakTarget::Type(w) => Value::Type(w.upgrade()?),
            WeakTarget::Set(w) => Value::Set(w.upgrade()?),
            WeakTarget::FrozenSet(w) => Value::FrozenSet(w.upgrade()?),
            WeakTarget::Generator(w) => Value::Generator(w.upgrade()?),
            WeakTarget::Code(w) => Value::Code(w.upgrade()?),
            WeakTarget::Module(w) => Value::Module(w.upgrade()?),
        })
    }
}

/// The state of a `weakref.ref` (or proxy) object.
pub struct WeakRefState {
    pub target: WeakTarget,
    /// Called with the reference when an instance referent dies; taken then.
    pub callback: RefCell<Option<Value>>,
    /// The referent's hash, kept once asked (a dead reference still has it).
    pub hash: Cell<Option<i64>>,
    /// Whether this is a proxy (`weakref.proxy`), not a `ref`.
    pub proxy: bool,
}

impl WeakRefState {
    pub fn get(&self) -> Option<Value> {
        self.target.get()
    }
}

thread_local! {
    /// The reference objects made for each referent, by its address.
    static REGISTRY: RefCell<HashMap<usize, Vec<Weak<Instance>>>> = RefCell::new(HashMap::new());
    /// Callbacks due (callback, reference): run by the loop between
    /// instructions.
    pub static PENDING_CALLBACKS: RefCell<Vec<(Value, Value)>> = const { RefCell::new(Vec::new()) };
}

/// The state inside a reference object.
fn state_of(r: &Rc<Instance>) -> Option<&WeakRefState> {
    match &r.payload {
        Some(Value::Native(n)) => n.as_any().downcast_ref::<WeakRefState>(),
        _ => None,
    }
}

/// Records `reference` (an object holding a [`WeakRefState`]) as one of
/// `referent`'s, forgetting references that died or whose referent did (an
/// address freed and reused).
pub fn register(referent: &Value, reference: &Value) {
    let (Value::Instance(r), addr) = (reference, referent.id()) else {
        return;
    };
    if let Value::Instance(i) = referent {
        i.weakly_referenced.set(true);
    }
    REGISTRY.with(|reg| {
        let mut reg = reg.borrow_mut();
        let list = reg.entry(addr).or_default();
        list.retain(|w| {
            w.upgrade().is_some_and(|r| {
                state_of(&r)
                    .and_then(|s| s.get())
                    .is_some_and(|t| t.id() == addr)
            })
        });
        list.push(Rc::downgrade(r));
    });
}

/// The live reference objects to `referent`, oldest first.
pub fn references(referent: &Value) -> Vec<Value> {
    let addr = referent.id();
    REGISTRY.with(|reg| {
        reg.borrow()
            .get(&addr)
            .map(|list| {
                list.iter()
                    .filter_map(Weak::upgrade)
                    .filter(|r| {
                        state_of(r)
                            .and_then(|s| s.get())
                            .is_some_and(|t| t.id() == addr)
                    })
                    .map(Value::Instance)
                    .collect()
            })
            .unwrap_or_default()
    })
}

/// An instance at `addr` is being freed: its references die, and those
/// with callbacks have them queued (newest first, as CPython calls them).
/// Returns whether any was queued.
pub fn referent_died(addr: usize) -> bool {
    let Ok(Some(list)) = REGISTRY.try_with(|reg| reg.borrow_mut().remove(&addr)) else {
        return false;
    };
    let mut due = Vec::new();
    for r in list.iter().rev().filter_map(Weak::upgrade) {
        if let Some(callback) = state_of(&r).and_then(|s| s.callback.borrow_mut().take()) {
            due.push((callback, Value::Instance(r)));
        }
    }
    if due.is_empty() {
        return false;
    }
    PENDING_CALLBACKS
        .try_with(|q| q.borrow_mut().extend(due))
        .is_ok()
}
