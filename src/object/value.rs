//! `Value`: one Python object reference, cheap to clone (small ints, floats and
//! singletons inline; everything else behind an `Rc`).
//!
//! The VM is single-threaded (the debugger observes it from the same thread),
//! so shared mutable objects are `Rc<RefCell<…>>`.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use num_bigint::BigInt;

use super::dict::Dict;
use super::exception::ExceptionObject;
use super::function::{BoundMethod, Builtin, Function};
use super::generator::{GenAwaitable, Generator};
use super::iter::IterState;
use super::types::{Instance, Type};
use crate::pyc::CodeObject;

pub enum Value {
    /// CPython's NULL on the value stack (PUSH_NULL, LOAD_GLOBAL's flag); never
    /// visible to Python code.
    Null,
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    Int(i64),
    BigInt(Rc<BigInt>),
    Float(f64),
    Complex(f64, f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    /// `bytearray`: mutable bytes.
    ByteArray(Rc<RefCell<Vec<u8>>>),
    Tuple(Rc<[Value]>),
    List(Rc<RefCell<Vec<Value>>>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<Dict>>),
    FrozenSet(Rc<Dict>),
    Range(Rc<RangeObj>),
    Slice(Rc<[Value; 3]>),
    Function(Rc<Function>),
    BoundMethod(Rc<BoundMethod>),
    Builtin(Rc<Builtin>),
    Type(Rc<Type>),
    Instance(Rc<Instance>),
    Exception(Rc<ExceptionObject>),
    Iterator(Rc<RefCell<IterState>>),
    /// `dict.keys()`, `.values()`, `.items()`: live views of a dict.
    DictView(Rc<(Rc<RefCell<Dict>>, super::iter::DictView)>),
    /// A generator, coroutine or async generator (`Generator::kind`).
    Generator(Rc<Generator>),
    /// `coroutine_wrapper`, `async_generator_asend`, `async_generator_athrow`.
    GenAwaitable(Rc<GenAwaitable>),
    /// ASYNC_GEN_WRAP's marker around a value an async generator yields; never
    /// visible to Python code (the asend/athrow awaitable unwraps it).
    AsyncGenWrapped(Rc<Value>),
    Cell(Rc<RefCell<Option<Value>>>),
    Code(Arc<CodeObject>),
    Module(Rc<Module>),
    /// `staticmethod`, `classmethod` and `property` wrap a callable.
    StaticMethod(Rc<Value>),
    ClassMethod(Rc<Value>),
    Property(Rc<Property>),
    /// `super()` bound to a class and an object.
    Super(Rc<(Rc<Type>, Value)>),
    /// The state of an object of a native module's class (see
    /// `object::native`): only ever the payload of an `Instance`, never
    /// visible to Python code by itself.
    Native(Rc<dyn super::native::NativeData>),
}

/// Written out rather than derived so it is always inlined: cloning a value
/// (LOAD_FAST, every stack copy) is the commonest thing the loop does, and an
/// out-of-line call returns the 24 bytes through memory, which the next load
/// stalls on.
impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        match self {
            Value::Null => Value::Null,
            Value::None => Value::None,
            Value::NotImplemented => Value::NotImplemented,
            Value::Ellipsis => Value::Ellipsis,
            Value::Bool(x0) => Value::Bool(*x0),
            Value::Int(x0) => Value::Int(*x0),
            Value::BigInt(x0) => Value::BigInt(x0.clone()),
            Value::Float(x0) => Value::Float(*x0),
            Value::Complex(x0, x1) => Value::Complex(*x0, *x1),
            Value::Str(x0) => Value::Str(x0.clone()),
            Value::Bytes(x0) => Value::Bytes(x0.clone()),
            Value::ByteArray(x0) => Value::ByteArray(x0.clone()),
            Value::Tuple(x0) => Value::Tuple(x0.clone()),
            Value::List(x0) => Value::List(x0.clone()),
            Value::Dict(x0) => Value::Dict(x0.clone()),
            Value::Set(x0) => Value::Set(x0.clone()),
            Value::FrozenSet(x0) => Value::FrozenSet(x0.clone()),
            Value::Range(x0) => Value::Range(x0.clone()),
            Value::Slice(x0) => Value::Slice(x0.clone()),
            Value::Function(x0) => Value::Function(x0.clone()),
            Value::BoundMethod(x0) => Value::BoundMethod(x0.clone()),
            Value::Builtin(x0) => Value::Builtin(x0.clone()),
            Value::Type(x0) => Value::Type(x0.clone()),
            Value::Instance(x0) => Value::Instance(x0.clone()),
            Value::Exception(x0) => Value::Exception(x0.clone()),
            Value::Iterator(x0) => Value::Iterator(x0.clone()),
            Value::DictView(x0) => Value::DictView(x0.clone()),
            Value::Generator(x0) => Value::Generator(x0.clone()),
            Value::GenAwaitable(x0) => Value::GenAwaitable(x0.clone()),
            Value::AsyncGenWrapped(x0) => Value::AsyncGenWrapped(x0.clone()),
            Value::Cell(x0) => Value::Cell(x0.clone()),
            Value::Code(x0) => Value::Code(x0.clone()),
            Value::Module(x0) => Value::Module(x0.clone()),
            Value::StaticMethod(x0) => Value::StaticMethod(x0.clone()),
            Value::ClassMethod(x0) => Value::ClassMethod(x0.clone()),
            Value::Property(x0) => Value::Property(x0.clone()),
            Value::Super(x0) => Value::Super(x0.clone()),
            Value::Native(x0) => Value::Native(x0.clone()),
        }
    }
}

pub use super::range::RangeObj;

pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
}

pub struct Module {
    pub name: Rc<str>,
    pub dict: Rc<RefCell<Dict>>,
}

impl Value {
    /// Drops the value with the "nothing to free" test inlined: `Value`'s
    /// drop glue is an out-of-line call, which the instruction loop would
    /// otherwise make for every int or float it pops.
    #[inline(always)]
    pub fn discard(self) {
        if matches!(
            self,
            Value::Null
                | Value::None
                | Value::NotImplemented
                | Value::Ellipsis
                | Value::Bool(_)
                | Value::Int(_)
                | Value::Float(_)
                | Value::Complex(..)
        ) {
            std::mem::forget(self);
        } else {
            drop(self);
        }
    }

    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::from(items))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// Identity (`is`): same singleton, same small value, or same object.
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (Null, Null)
            | (None, None)
            | (NotImplemented, NotImplemented)
            | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            // Ints are values here, so aliasing (`y = x; y is x`) must hold;
            // distinct equal ints compare identical (CPython: only small ones).
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Str(a), Str(b)) => Rc::ptr_eq(a, b) || (a.len() <= 1 && a == b),
            (BigInt(a), BigInt(b)) => Rc::ptr_eq(a, b),
            (Bytes(a), Bytes(b)) => Rc::ptr_eq(a, b),
            (ByteArray(a), ByteArray(b)) => Rc::ptr_eq(a, b),
            (Tuple(a), Tuple(b)) => Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty()),
            (List(a), List(b)) => Rc::ptr_eq(a, b),
            (Dict(a), Dict(b)) | (Set(a), Set(b)) => Rc::ptr_eq(a, b),
            (FrozenSet(a), FrozenSet(b)) => Rc::ptr_eq(a, b),
            (Range(a), Range(b)) => Rc::ptr_eq(a, b),
            (Function(a), Function(b)) => Rc::ptr_eq(a, b),
            (BoundMethod(a), BoundMethod(b)) => Rc::ptr_eq(a, b),
            (Builtin(a), Builtin(b)) => Rc::ptr_eq(a, b),
            (Type(a), Type(b)) => Rc::ptr_eq(a, b),
            (Instance(a), Instance(b)) => Rc::ptr_eq(a, b),
            (Exception(a), Exception(b)) => Rc::ptr_eq(a, b),
            (Iterator(a), Iterator(b)) => Rc::ptr_eq(a, b),
            (Generator(a), Generator(b)) => Rc::ptr_eq(a, b),
            (GenAwaitable(a), GenAwaitable(b)) => Rc::ptr_eq(a, b),
            (DictView(a), DictView(b)) => Rc::ptr_eq(a, b),
            (Cell(a), Cell(b)) => Rc::ptr_eq(a, b),
            (Code(a), Code(b)) => Arc::ptr_eq(a, b),
            (Module(a), Module(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// An address-like identity for `id()` and default reprs.
    pub fn id(&self) -> usize {
        use Value::*;
        match self {
            List(r) => Rc::as_ptr(r) as *const u8 as usize,
            ByteArray(r) => Rc::as_ptr(r) as *const u8 as usize,
            Dict(r) | Set(r) => Rc::as_ptr(r) as *const u8 as usize,
            Instance(r) => Rc::as_ptr(r) as *const u8 as usize,
            Exception(r) => Rc::as_ptr(r) as *const u8 as usize,
            Function(r) => Rc::as_ptr(r) as *const u8 as usize,
            Type(r) => Rc::as_ptr(r) as *const u8 as usize,
            Tuple(r) => r.as_ptr() as usize,
            Str(r) => r.as_ptr() as usize,
            Builtin(r) => Rc::as_ptr(r) as *const u8 as usize,
            Iterator(r) => Rc::as_ptr(r) as *const u8 as usize,
            Generator(r) => Rc::as_ptr(r) as *const u8 as usize,
            GenAwaitable(r) => Rc::as_ptr(r) as *const u8 as usize,
            DictView(r) => Rc::as_ptr(r) as *const u8 as usize,
            Module(r) => Rc::as_ptr(r) as *const u8 as usize,
            Int(i) => (*i as usize)
                .wrapping_mul(32)
                .wrapping_add(0x7f00_0000_0000),
            Bool(b) => 0x7f00_0000_1000 + *b as usize * 32,
            None => 0x7f00_0000_2000,
            _ => self as *const Value as usize,
        }
    }
}
