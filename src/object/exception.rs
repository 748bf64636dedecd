//! Exception objects and `PyErr`, the Python-exception error channel.
//!
//! An exception is an object of a class derived from `BaseException`; it keeps
//! its args, attributes, traceback and chaining links as CPython's do.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use super::dict::Dict;
use super::types::{builtin_types, Type};
use super::value::Value;
use crate::pyc::CodeObject;

/// One traceback line: a code object and the offset of the instruction.
#[derive(Clone)]
pub struct TracebackEntry {
    pub code: Arc<CodeObject>,
    pub offset: u32,
    /// The local variables of a frame this exception left: they live as
    /// long as the traceback does, as a CPython frame object's do (its
    /// `tb_frame`), so what they hold is finalized when the exception goes.
    pub locals: Option<Rc<Vec<Option<Value>>>>,
    /// The frame's globals (`tb_frame.f_globals`), where an uncaught
    /// NameError looks for a name to suggest; weak, so that an exception kept
    /// in a global does not keep its module alive.
    pub globals: std::rc::Weak<RefCell<Dict>>,
}

pub struct ExceptionObject {
    pub class: Rc<Type>,
    pub args: RefCell<Rc<[Value]>>,
    pub dict: RefCell<Dict>,
    pub traceback: RefCell<Vec<TracebackEntry>>,
    pub cause: RefCell<Option<Value>>,
    pub context: RefCell<Option<Value>>,
    pub suppress_context: Cell<bool>,
    /// An exception group's `exceptions`, fixed when it is made (its
    /// `args` keep the sequence as given, which may change later).
    pub group: RefCell<Option<Rc<[Value]>>>,
}

impl ExceptionObject {
    pub fn new(class: Rc<Type>, args: Vec<Value>) -> Rc<ExceptionObject> {
        Rc::new(ExceptionObject {
            class,
            args: RefCell::new(Rc::from(args)),
            dict: RefCell::new(Dict::new()),
            traceback: RefCell::new(Vec::new()),
            cause: RefCell::new(None),
            context: RefCell::new(None),
            suppress_context: Cell::new(false),
            group: RefCell::new(None),
        })
    }
}

/// A raised Python exception travelling up the Rust call chain.
#[derive(Clone)]
pub struct PyErr(pub Rc<ExceptionObject>);

pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    pub fn new(class: &Rc<Type>, message: impl Into<String>) -> PyErr {
        PyErr(ExceptionObject::new(
            class.clone(),
            vec![Value::str(&message.into())],
        ))
    }

    pub fn with_args(class: &Rc<Type>, args: Vec<Value>) -> PyErr {
        PyErr(ExceptionObject::new(class.clone(), args))
    }

    pub fn value(&self) -> Value {
        Value::Exception(self.0.clone())
    }

    pub fn is_instance(&self, class: &Rc<Type>) -> bool {
        self.0.class.is_subtype(class)
    }
}

macro_rules! error_constructors {
    ($($fn_name:ident => $field:ident),* $(,)?) => {
        $(
            #[cold]
            pub fn $fn_name(message: impl Into<String>) -> PyErr {
                PyErr::new(&builtin_types().$field, message)
            }
        )*
    };
}

error_constructors! {
    type_error => type_error,
    value_error => value_error,
    index_error => index_error,
    name_error => name_error,
    attribute_error => attribute_error,
    zero_division_error => zero_division_error,
    overflow_error => overflow_error,
    runtime_error => runtime_error,
    recursion_error => recursion_error,
    system_error => system_error,
    unbound_local_error => unbound_local_error,
    not_implemented_error => not_implemented_error,
    assertion_error => assertion_error,
    import_error => import_error,
    module_not_found_error => module_not_found_error,
}

#[cold]
pub fn key_error(key: Value) -> PyErr {
    PyErr::with_args(&builtin_types().key_error, vec![key])
}

#[cold]
pub fn stop_iteration(value: Option<Value>) -> PyErr {
    PyErr::with_args(&builtin_types().stop_iteration, value.into_iter().collect())
}
