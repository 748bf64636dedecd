//! The state of objects whose classes native modules define (`deque`,
//! `itertools.count`, `weakref.ref`, `_io.StringIO`...), as the C structs
//! behind CPython's `PyObject_HEAD` in `Modules/*.c`.
//!
//! Such an object is an [`Instance`](super::types::Instance) of its class
//! whose payload is a [`Value::Native`](super::Value::Native): the same shape
//! as an instance of a Python subclass of it (`class D(deque)`), so
//! attribute lookup, dunder dispatch and `isinstance` treat both alike. The
//! class's methods (native functions in its dict) reach the state with
//! [`native_ref`].

use std::any::Any;
use std::rc::Rc;

use super::Value;

/// What a native class keeps in each of its objects. Interior mutability
/// (`RefCell`, `Cell`) is the implementor's: the VM is single-threaded.
pub trait NativeData: Any {
    fn as_any(&self) -> &dyn Any;
}

/// Every `'static` type may be a native object's state.
impl<T: Any> NativeData for T {
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The native state of `v` if it is (an instance whose payload is) a `T`.
pub fn native_ref<T: Any>(v: &Value) -> Option<&T> {
    // `(**n)`: the state itself; `n.as_any()` would be the `Rc`'s own
    // blanket `NativeData` impl, and no `T` is ever an `Rc<dyn NativeData>`.
    match v {
        Value::Native(n) => (**n).as_any().downcast_ref::<T>(),
        Value::Instance(i) => match &i.payload {
            Some(Value::Native(n)) => (**n).as_any().downcast_ref::<T>(),
            _ => None,
        },
        _ => None,
    }
}

/// The shared state of `v` itself (to keep it alive apart from the object).
pub fn native_rc(v: &Value) -> Option<Rc<dyn NativeData>> {
    match v {
        Value::Native(n) => Some(n.clone()),
        Value::Instance(i) => match &i.payload {
            Some(Value::Native(n)) => Some(n.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// The dotted name of a native module's class (`collections.deque`);
/// `None` for other types, whose messages use `__name__`.
pub fn tp_name(t: &super::Type) -> Option<Rc<str>> {
    t.tp_name.get().cloned()
}

/// The name messages and descriptor reprs give a type: its dotted
/// `tp_name` if it has one, else `__name__` (`Py_TYPE(x)->tp_name`).
pub fn display_name(t: &super::Type) -> Rc<str> {
    t.tp_name.get().cloned().unwrap_or_else(|| t.name.clone())
}
