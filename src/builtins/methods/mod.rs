//! Builtin types' behaviour, one file per type family (`list.rs`,
//! `dict.rs`, `set.rs`, `number.rs`, `str.rs`, `bytes.rs`, `object.rs`,
//! `descr.rs`, `iter.rs`; coroutines' in `vm::coro`), as CPython's
//! `Objects/*.c`: each holds `MethodDef` tables and the natives behind
//! them; `wrappers.rs` holds the slot wrappers. This file says which
//! tables, data attributes and `__new__` each builtin type has and puts
//! them in its namespace (`ready`, as `PyType_Ready`). A method's receiver
//! is `args.positional[0]`.

use std::cell::RefCell;
use std::rc::Rc;

use super::kwarg;
use crate::object::exception::{index_error, key_error, type_error, value_error};
use crate::object::function::{m, Args, Builtin, MethodDef, MethodKind};
use crate::object::iter::DictView;
use crate::object::types::{Kind, Type};
use crate::object::{builtin_types, PyResult, Value};
use crate::vm::ops::{self, index_of};
use crate::vm::protocol::{self, type_name};
use crate::vm::Vm;

pub mod bytes;
mod code;
mod descr;
mod dict;
mod iter;
mod list;
mod number;
mod object;
mod set;
mod str;
pub mod wrappers;

use self::descr::*;
use self::dict::*;
use self::iter::*;
use self::list::*;
use self::number::*;
use self::object::*;
use self::set::*;
pub use super::str_format::str_format;

/// A builtin type's method tables in lookup order (an earlier table's
/// definition of a name wins): what `PyTypeObject`'s `tp_methods` and
/// slot tables are to CPython. Types that share a `Kind` get their tables
/// once, on the type that owns them (`BaseException` for the exceptions,
/// `int` for `bool`'s inherited methods).
fn tables_of(t: &Type) -> Vec<&'static [MethodDef]> {
    use self::bytes::{
        ANYBYTES_METHODS, BYTES_ONLY_METHODS, BYTE_ARRAY_METHODS, MEMORY_VIEW_METHODS,
    };
    use self::str::STR_METHODS;
    use crate::vm::coro::*;
    use wrappers::*;
    match t.kind {
        Kind::Object if &*t.name == "object" => vec![OBJECT_METHODS, OBJECT_ORDER],
        Kind::Type => vec![TYPE_METHODS, OR],
        Kind::Int => vec![
            INT_METHODS,
            INT_REPR,
            HASH,
            COMPARE,
            ARITHMETIC,
            REAL,
            INTEGRAL,
            BITWISE,
            BOOL,
            INT_ROUNDING,
        ],
        Kind::Bool => vec![REPR, BITWISE],
        Kind::Float => vec![
            FLOAT_METHODS,
            REPR,
            HASH,
            COMPARE,
            ARITHMETIC,
            REAL,
            BOOL,
            FLOAT_ROUNDING,
        ],
        Kind::Complex => vec![COMPLEX_METHODS, REPR, HASH, COMPARE, ARITHMETIC, BOOL],
        Kind::Str => vec![
            STR_METHODS,
            REPR,
            HASH,
            STR,
            COMPARE,
            ITER,
            MOD,
            LEN,
            GETITEM,
            SEQUENCE_OPS,
            CONTAINS,
        ],
        Kind::Bytes => vec![
            ANYBYTES_METHODS,
            BYTES_ONLY_METHODS,
            REPR,
            HASH,
            STR,
            COMPARE,
            ITER,
            MOD,
            LEN,
            GETITEM,
            SEQUENCE_OPS,
            CONTAINS,
        ],
        Kind::ByteArray => vec![
            BYTE_ARRAY_METHODS,
            ANYBYTES_METHODS,
            REPR,
            STR,
            COMPARE,
            ITER,
            MOD,
            LEN,
            GETITEM,
            SETITEM,
            SEQUENCE_OPS,
            CONTAINS,
            INPLACE_SEQUENCE,
        ],
        Kind::MemoryView => vec![
            MEMORY_VIEW_METHODS,
            REPR,
            HASH,
            COMPARE,
            ITER,
            LEN,
            GETITEM,
            SETITEM,
        ],
        Kind::List => vec![
            LIST_METHODS,
            REPR,
            COMPARE,
            ITER,
            LEN,
            GETITEM,
            SETITEM,
            SEQUENCE_OPS,
            CONTAINS,
            INPLACE_SEQUENCE,
            REVERSED,
            CLASS_GETITEM,
        ],
        Kind::Tuple => vec![
            TUPLE_METHODS,
            REPR,
            HASH,
            COMPARE,
            ITER,
            LEN,
            GETITEM,
            SEQUENCE_OPS,
            CONTAINS,
            CLASS_GETITEM,
        ],
        Kind::Dict => vec![
            DICT_METHODS,
            REPR,
            COMPARE,
            ITER,
            OR,
            IOR,
            LEN,
            GETITEM,
            SETITEM,
            CONTAINS,
            REVERSED,
            CLASS_GETITEM,
        ],
        Kind::Set => vec![
            SET_METHODS,
            ANYSET_METHODS,
            REPR,
            COMPARE,
            ITER,
            SUBTRACT,
            BITWISE,
            INPLACE_SET,
            LEN,
            CONTAINS,
            CLASS_GETITEM,
        ],
        Kind::FrozenSet => vec![
            ANYSET_METHODS,
            REPR,
            HASH,
            COMPARE,
            ITER,
            SUBTRACT,
            BITWISE,
            LEN,
            CONTAINS,
            CLASS_GETITEM,
        ],
        Kind::Range => vec![
            RANGE_METHODS,
            REPR,
            HASH,
            COMPARE,
            ITER,
            BOOL,
            LEN,
            GETITEM,
            CONTAINS,
            REVERSED,
        ],
        Kind::Slice => vec![SLICE_METHODS, REPR, COMPARE],
        Kind::Iterator => vec![ITERATOR_METHODS, SELF_ITER, NEXT],
        Kind::DictView if &*t.name == "dict_values" => vec![REPR, ITER, LEN, REVERSED],
        Kind::DictView => vec![
            DICT_VIEW_METHODS,
            REPR,
            COMPARE,
            ITER,
            SUBTRACT,
            BITWISE,
            LEN,
            CONTAINS,
            REVERSED,
        ],
        Kind::Generator => vec![GENERATOR_METHODS, REPR],
        Kind::Coroutine => vec![COROUTINE_METHODS, REPR],
        Kind::AsyncGenerator => vec![ASYNC_GENERATOR_METHODS, REPR],
        Kind::CoroWrapper => vec![AWAITABLE_METHODS, CORO_WRAPPER_METHODS],
        Kind::AsyncGenASend | Kind::AsyncGenAThrow => vec![AWAITABLE_METHODS, ASEND_ATHROW_METHODS],
        Kind::Function => vec![FUNCTION_METHODS, REPR, CALL],
        Kind::BuiltinFunction if matches!(&*t.name, "method_descriptor" | "wrapper_descriptor") => {
            vec![REPR, CALL, DESCRIPTOR_GET]
        }
        Kind::ClassMethod if &*t.name == "classmethod_descriptor" => {
            vec![REPR, CALL, CLASS_DESCRIPTOR_GET]
        }
        Kind::BuiltinFunction | Kind::Method => vec![REPR, CALL],
        Kind::Property => vec![PROPERTY_METHODS],
        Kind::Exception if &*t.name == "BaseException" => vec![EXCEPTION_METHODS],
        Kind::NoneType => vec![REPR, BOOL],
        Kind::Code => vec![REPR, code::CODE],
        Kind::NotImplementedType | Kind::Ellipsis | Kind::Cell => vec![REPR],
        _ => vec![],
    }
}

/// The getset (first) and member (second) descriptors of a builtin type,
/// as python3.11 lists them in the type's `__dict__`, where the objects
/// answer for them (`vm::protocol::native_attr`).
fn attributes_of(t: &Type) -> (&'static [&'static str], &'static [&'static str]) {
    match t.kind {
        Kind::Int => (&["real", "imag", "numerator", "denominator"], &[]),
        Kind::Float => (&["real", "imag"], &[]),
        Kind::Complex => (&[], &["real", "imag"]),
        Kind::Function => (
            &[
                "__code__",
                "__defaults__",
                "__kwdefaults__",
                "__annotations__",
                "__dict__",
                "__name__",
                "__qualname__",
            ],
            &["__closure__", "__doc__", "__globals__", "__module__"],
        ),
        Kind::Exception if &*t.name == "BaseException" => (
            &["args", "__traceback__", "__context__", "__cause__"],
            &["__suppress_context__"],
        ),
        Kind::Property => (&[], &["fget", "fset", "fdel", "__doc__"]),
        Kind::Slice => (&[], &["start", "stop", "step"]),
        Kind::Range => (&[], &["start", "stop", "step"]),
        Kind::Cell => (&["cell_contents"], &[]),
        Kind::Generator => (&["__name__", "__qualname__", "gi_running"], &[]),
        Kind::Method => (&[], &["__func__", "__self__"]),
        Kind::BuiltinFunction => (&["__self__"], &[]),
        Kind::Type => (
            &["__name__", "__qualname__", "__bases__", "__dict__"],
            &["__base__", "__mro__"],
        ),
        Kind::Object if &*t.name == "object" => (&["__class__"], &[]),
        Kind::Module => (&[], &["__dict__"]),
        Kind::MemoryView => (
            &[
                "obj",
                "nbytes",
                "readonly",
                "itemsize",
                "format",
                "ndim",
                "shape",
                "strides",
                "suboffsets",
                "c_contiguous",
                "f_contiguous",
                "contiguous",
            ],
            &[],
        ),
        _ => (&[], &[]),
    }
}

/// `T.__new__(cls, *args)` of a builtin type with a constructor: a new
/// `T` when `cls` is `T` itself, else an instance of the subclass `cls`
/// extending a new `T` (as `object.__new__` makes one).
static NEW: &[MethodDef] = &[m("__new__", |vm, a| match a.positional.first() {
    Some(Value::Type(t)) if t.kind != Kind::User => super::functions::construct_builtin(
        vm,
        t,
        Args {
            positional: &a.positional[1..],
            keywords: a.keywords,
        },
    ),
    Some(Value::Type(t)) => super::new_object(vm, t, &a.positional[1..], a.keywords),
    Some(other) => Err(type_error(format!(
        "__new__(X): X is not a type object ({})",
        type_name(other)
    ))),
    None => Err(type_error("__new__(): not enough arguments")),
})];

/// Whether the builtin type has a constructor of its own (`tp_new`), which
/// `__new__` in its namespace exposes.
fn constructible(t: &Type) -> bool {
    match t.kind {
        Kind::Int
        | Kind::Float
        | Kind::Complex
        | Kind::Str
        | Kind::Bytes
        | Kind::ByteArray
        | Kind::List
        | Kind::Tuple
        | Kind::Dict
        | Kind::Set
        | Kind::FrozenSet
        | Kind::Range
        | Kind::Slice
        | Kind::MemoryView
        | Kind::Property
        | Kind::StaticMethod
        | Kind::ClassMethod
        | Kind::Super => !matches!(&*t.name, "classmethod_descriptor"),
        Kind::Bool => true,
        Kind::Exception => &*t.name == "BaseException",
        Kind::Iterator => super::functions::ITERATOR_CLASSES
            .iter()
            .any(|(n, _)| **n == *t.name),
        _ => false,
    }
}

/// Whether instances of this builtin type are unhashable (`__hash__` is
/// None in its namespace, as `PyObject_HashNotImplemented` marks it).
fn unhashable(t: &Type) -> bool {
    matches!(
        t.kind,
        Kind::List | Kind::Dict | Kind::Set | Kind::ByteArray | Kind::Slice
    ) || (t.kind == Kind::DictView && &*t.name != "dict_values")
}

/// What a `MethodDef` of type `t` is in its namespace: a method descriptor
/// owned by `t`, a class method, or (a plain builtin function of the type)
/// a static method.
pub fn method_value(def: &MethodDef, t: &Rc<Type>) -> Value {
    let f = Value::Builtin(Rc::new(Builtin {
        name: def.name,
        func: def.func,
        receiver: None,
        owner: (def.kind != MethodKind::Static).then(|| t.clone()),
        arity: def.arity,
    }));
    match def.kind {
        MethodKind::Instance => f,
        MethodKind::Class => Value::ClassMethod(Rc::new(f)),
        MethodKind::Static => Value::StaticMethod(Rc::new(f)),
    }
}

/// Puts a builtin type's methods and slot wrappers into its namespace
/// (`PyType_Ready`'s `add_methods` and `add_operators`): from then on
/// attribute lookup only walks MRO namespaces.
pub fn ready(t: &Rc<Type>) {
    let mut dict = t.dict.borrow_mut();
    for table in tables_of(t) {
        for def in table.iter() {
            let hash = protocol::str_hash(def.name);
            if dict.get_str(hash, def.name).is_some() {
                continue;
            }
            protocol::plain_set_str(&mut dict, def.name, method_value(def, t));
        }
    }
    if unhashable(t) {
        protocol::plain_set_str(&mut dict, "__hash__", Value::None);
    }
    if constructible(t)
        && dict
            .get_str(protocol::str_hash("__new__"), "__new__")
            .is_none()
    {
        for def in NEW {
            let f = Value::Builtin(Rc::new(Builtin {
                name: def.name,
                func: def.func,
                receiver: None,
                owner: Some(t.clone()),
                arity: def.arity,
            }));
            protocol::plain_set_str(&mut dict, def.name, f);
        }
    }
    // Builtins carry no docstrings here; the name is there, as in CPython.
    if dict
        .get_str(protocol::str_hash("__doc__"), "__doc__")
        .is_none()
    {
        protocol::plain_set_str(&mut dict, "__doc__", Value::None);
    }
    let (getsets, members) = attributes_of(t);
    for (names, member) in [(getsets, false), (members, true)] {
        for name in names {
            if dict.get_str(protocol::str_hash(name), name).is_none() {
                let d = super::slots::builtin_attribute(name, t, member);
                protocol::plain_set_str(&mut dict, name, d);
            }
        }
    }
}
