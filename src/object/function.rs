//! Functions (Python code plus defaults, closure and globals), bound methods and
//! builtin (native) functions.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use super::dict::Dict;
use super::exception::type_error;
use super::value::Value;
use super::{PyErr, PyResult};
use crate::pyc::CodeObject;

/// What the loop needs of a code object in runtime form, made once per code
/// object (`vm::protocol::code_values`): constants as values (LOAD_CONST is
/// then a reference-count increment, and equal constants in one code object
/// are one object as in CPython) and names as str values with their hashes
/// (attribute and global lookups then hash nothing).
pub struct CodeValues {
    pub code: Arc<CodeObject>,
    pub consts: Box<[Value]>,
    pub names: Box<[HashedName]>,
    /// The instructions as the loop reads them.
    pub instructions: Box<[crate::bytecode::decode::VmInstruction]>,
    /// One inline cache per instruction, used by the attribute opcodes.
    pub attr_sites: crate::vm::inline_cache::AttrSites,
}

/// A name from `co_names`, ready to be a dict key.
pub struct HashedName {
    pub text: Rc<str>,
    pub hash: i64,
}

pub struct Function {
    /// `__code__` (replaceable, as `types.coroutine` does).
    pub code: RefCell<Arc<CodeObject>>,
    /// The runtime form of `code`, filled on the first call.
    pub values: RefCell<Option<Rc<CodeValues>>>,
    pub globals: Rc<RefCell<Dict>>,
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    pub defaults: RefCell<Option<Rc<[Value]>>>,
    pub kwdefaults: RefCell<Option<Value>>,
    pub closure: Option<Rc<[Value]>>,
    pub annotations: RefCell<Option<Value>>,
    /// `__dict__`, shared with the dict object Python code sees
    /// (`functools.update_wrapper` updates `wrapper.__dict__` in place).
    pub dict: Rc<RefCell<Dict>>,
    /// `__doc__` and `__module__` once assigned: CPython keeps them in the
    /// function object, not in its `__dict__`.
    pub slot_attrs: RefCell<Dict>,
    pub doc: Value,
}

impl Function {
    pub fn code(&self) -> Arc<CodeObject> {
        self.code.borrow().clone()
    }
}

pub struct BoundMethod {
    pub function: Value,
    pub receiver: Value,
}

/// Positional and keyword arguments of a native call.
pub struct Args<'a> {
    pub positional: &'a [Value],
    pub keywords: &'a [(Rc<str>, Value)],
}

pub type NativeFn = fn(&mut crate::vm::Vm, Args) -> PyResult<Value>;

pub struct Builtin {
    pub name: &'static str,
    pub func: NativeFn,
    /// The object a builtin method is bound to (`[].append` knows its list).
    pub receiver: Option<Value>,
    /// The builtin type whose method this is, when known (error messages
    /// name it: `unbound method dict.get() needs an argument`).
    pub owner: Option<Rc<super::types::Type>>,
    /// Positional arguments needed before `func` may run.
    pub arity: Arity,
}

/// How a method is bound when looked up (CPython's `METH_CLASS`/`METH_STATIC`
/// flags of a `PyMethodDef`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MethodKind {
    /// Bound to the instance (`method_descriptor`).
    Instance,
    /// Bound to the class, through an instance too (`classmethod_descriptor`).
    Class,
    /// Bound to nothing (`str.maketrans`, a `staticmethod`).
    Static,
}

/// Which calling convention's words a missing-argument TypeError uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgStyle {
    /// `f() takes at least N arguments (M given)`.
    Generic,
    /// `METH_O`: `T.f() takes exactly one argument (M given)`.
    O,
    /// Argument Clinic's positional check: `f expected at least N arguments, got M`.
    Clinic,
    /// Argument Clinic with a fixed count: `f expected N arguments, got M`.
    ClinicExact,
}

/// The positional arguments a native callable needs before it may index
/// them (the receiver counted), and how a shortfall is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Arity {
    pub min: u8,
    pub style: ArgStyle,
}

impl Arity {
    /// No requirement: the function checks its own arguments.
    pub const ANY: Arity = Arity {
        min: 0,
        style: ArgStyle::Generic,
    };
}

/// One entry of a builtin type's method table (CPython's `PyMethodDef`):
/// installed into the type's namespace when the builtins are set up, so
/// attribute lookup, `dir()`, `hasattr` and `vars()` all read the same
/// answer.
#[derive(Clone, Copy)]
pub struct MethodDef {
    pub name: &'static str,
    pub func: NativeFn,
    pub kind: MethodKind,
    pub arity: Arity,
}

/// A method that takes only its receiver (more with `.o()`, `.clinic(n)`...).
pub const fn m(name: &'static str, func: NativeFn) -> MethodDef {
    MethodDef {
        name,
        func,
        kind: MethodKind::Instance,
        arity: Arity {
            min: 1,
            style: ArgStyle::Generic,
        },
    }
}

impl MethodDef {
    /// `METH_O`: exactly one argument besides the receiver.
    pub const fn o(self) -> MethodDef {
        self.with_arity(2, ArgStyle::O)
    }

    /// At least `n` arguments besides the receiver, checked Clinic-style.
    pub const fn clinic(self, n: u8) -> MethodDef {
        self.with_arity(n + 1, ArgStyle::Clinic)
    }

    /// Exactly `n` arguments besides the receiver, checked Clinic-style.
    pub const fn exact(self, n: u8) -> MethodDef {
        self.with_arity(n + 1, ArgStyle::ClinicExact)
    }

    /// At least `n` arguments besides the receiver.
    pub const fn at_least(self, n: u8) -> MethodDef {
        self.with_arity(n + 1, ArgStyle::Generic)
    }

    /// A static method: no receiver, `n` arguments at least.
    pub const fn static_method(self, n: u8) -> MethodDef {
        MethodDef {
            kind: MethodKind::Static,
            arity: Arity {
                min: n,
                style: ArgStyle::Generic,
            },
            ..self
        }
    }

    /// A class method: the class is its first argument.
    pub const fn class(self) -> MethodDef {
        MethodDef {
            kind: MethodKind::Class,
            ..self
        }
    }

    const fn with_arity(self, min: u8, style: ArgStyle) -> MethodDef {
        MethodDef {
            arity: Arity { min, style },
            ..self
        }
    }
}

impl Builtin {
    /// The TypeError of a native callable called with fewer positional
    /// arguments than its [`Arity`] needs (`given` counts the receiver), worded
    /// as CPython's calling convention for that method words it.
    #[cold]
    pub fn too_few_args(&self, given: usize) -> PyErr {
        let b = self;
        let owner = b.owner.as_ref().map(|t| t.name.clone());
        let qualname = match &owner {
            Some(t) => format!("{t}.{}", b.name),
            None => b.name.to_string(),
        };
        if given == 0 && b.receiver.is_none() && b.arity.min > 0 {
            // descrobject.c's descr_check on a method descriptor.
            return type_error(format!("unbound method {qualname}() needs an argument"));
        }
        let n = given.saturating_sub(1);
        let needed = (b.arity.min as usize).saturating_sub(1);
        let s = if needed == 1 { "" } else { "s" };
        type_error(match b.arity.style {
            ArgStyle::O => format!("{qualname}() takes exactly one argument ({n} given)"),
            ArgStyle::Clinic => {
                format!("{} expected at least {needed} argument{s}, got {n}", b.name)
            }
            ArgStyle::ClinicExact => format!("{} expected {needed} argument{s}, got {n}", b.name),
            ArgStyle::Generic => format!(
                "{}() takes at least {needed} argument{s} ({n} given)",
                b.name
            ),
        })
    }

    /// This native function bound to `receiver` (`[].append`, a class
    /// method bound to its class).
    pub fn bound_to(&self, receiver: Value) -> Value {
        Value::Builtin(Rc::new(Builtin {
            name: self.name,
            func: self.func,
            receiver: Some(receiver),
            owner: self.owner.clone(),
            arity: self.arity,
        }))
    }
}
