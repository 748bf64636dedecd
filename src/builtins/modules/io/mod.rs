//! The `_io` module, native as CPython's (Modules/_io/*.c), which
//! CPython's own `Lib/io.py` stands on: the abstract bases (`iobase`),
//! `FileIO` on real file descriptors (`fileio`), `BytesIO` (`bytesio`),
//! `StringIO` (`stringio`), the buffered classes (`bufferedio`),
//! `TextIOWrapper` and `IncrementalNewlineDecoder` (`textio`), and here
//! `open` (`_io_open_impl`), `open_code`, `text_encoding`.
//!
//! As in C, the classes call each other (and a Python subclass's
//! overrides) through attribute lookup and `Vm::call`; no state borrow is
//! held across such a call. Data attributes CPython exposes as getsets
//! (`closed`, `name`, `mode`...) are properties whose getter is native
//! ([`super::native_getsets`]).

use super::class_arg;
use std::cell::RefCell;
use std::rc::Rc;

use crate::object::exception::type_error;
use crate::object::function::Args;
use crate::object::native::native_ref;
use crate::object::{builtin_types, PyErr, PyResult, Type, Value};
use crate::vm::protocol::{self, type_name};
use crate::vm::Vm;

mod bufferedio;
mod bytesio;
mod fileio;
mod iobase;
mod open;
mod stringio;
mod textio;

/// `DEFAULT_BUFFER_SIZE` (8 KiB, as CPython's).
pub const DEFAULT_BUFFER_SIZE: usize = 8192;

/// The module's classes, made once per thread so `type(x)` is always the
/// same class object.
pub(super) struct Types {
    pub iobase: Rc<Type>,
    pub rawiobase: Rc<Type>,
    pub bufferediobase: Rc<Type>,
    pub textiobase: Rc<Type>,
    pub fileio: Rc<Type>,
    pub bytesio: Rc<Type>,
    pub stringio: Rc<Type>,
    pub buffered_reader: Rc<Type>,
    pub buffered_writer: Rc<Type>,
    pub buffered_random: Rc<Type>,
    pub buffered_rwpair: Rc<Type>,
    pub textiowrapper: Rc<Type>,
    pub nldecoder: Rc<Type>,
}

thread_local! {
    static TYPES: RefCell<Option<Rc<Types>>> = const { RefCell::new(None) };
    /// `io.UnsupportedOperation`, a class made by calling `type` (as
    /// `PyInit__io` does), so it is set when the module is first made.
    static UNSUPPORTED: RefCell<Option<Rc<Type>>> = const { RefCell::new(None) };
}

pub(super) fn types() -> Rc<Types> {
    TYPES.with(|t| {
        t.borrow_mut()
            .get_or_insert_with(|| Rc::new(make_types()))
            .clone()
    })
}

fn class(
    name: &str,
    bases: Vec<Rc<Type>>,
    methods: &[crate::object::function::MethodDef],
    getsets: &[super::GetSet],
) -> Rc<Type> {
    let t = super::native_type(name, "_io", bases, methods);
    super::native_getsets(&t, getsets);
    t
}

fn make_types() -> Types {
    let iobase = class("_IOBase", vec![], iobase::IOBASE, iobase::IOBASE_GETSETS);
    let rawiobase = class("_RawIOBase", vec![iobase.clone()], iobase::RAWIOBASE, &[]);
    let bufferediobase = class(
        "_BufferedIOBase",
        vec![iobase.clone()],
        bufferedio::BUFFEREDIOBASE,
        &[],
    );
    let textiobase = class(
        "_TextIOBase",
        vec![iobase.clone()],
        textio::TEXTIOBASE,
        textio::TEXTIOBASE_GETSETS,
    );
    let buffered = |name: &str| {
        class(
            name,
            vec![bufferediobase.clone()],
            bufferedio::BUFFERED,
            bufferedio::BUFFERED_GETSETS,
        )
    };
    Types {
        fileio: class(
            "FileIO",
            vec![rawiobase.clone()],
            fileio::FILEIO,
            fileio::FILEIO_GETSETS,
        ),
        bytesio: class(
            "BytesIO",
            vec![bufferediobase.clone()],
            bytesio::BYTESIO,
            bytesio::BYTESIO_GETSETS,
        ),
        stringio: class(
            "StringIO",
            vec![textiobase.clone()],
            stringio::STRINGIO,
            stringio::STRINGIO_GETSETS,
        ),
        buffered_reader: buffered("BufferedReader"),
        buffered_writer: buffered("BufferedWriter"),
        buffered_random: buffered("BufferedRandom"),
        buffered_rwpair: class(
            "BufferedRWPair",
            vec![bufferediobase.clone()],
            bufferedio::RWPAIR,
            bufferedio::RWPAIR_GETSETS,
        ),
        textiowrapper: class(
            "TextIOWrapper",
            vec![textiobase.clone()],
            textio::TEXTIOWRAPPER,
            textio::TEXTIOWRAPPER_GETSETS,
        ),
        nldecoder: class(
            "IncrementalNewlineDecoder",
            vec![],
            textio::NLDECODER,
            textio::NLDECODER_GETSETS,
        ),
        iobase,
        rawiobase,
        bufferediobase,
        textiobase,
    }
}

const DOC: &str = "The io module provides the Python interfaces to stream handling. The
builtin open function is defined in this module.
";

/// The `_io` module object.
pub fn module(vm: &mut Vm) -> PyResult<Value> {
    let unsupported = match UNSUPPORTED.with(|u| u.borrow().clone()) {
        Some(t) => t,
        None => {
            let b = builtin_types();
            let ns = Rc::new(RefCell::new(crate::object::Dict::new()));
            protocol::dict_set_str(&ns, "__module__", Value::str("io"));
            let t = crate::builtins::create_type(
                vm,
                "UnsupportedOperation",
                &[
                    Value::Type(b.os_error.clone()),
                    Value::Type(b.value_error.clone()),
                ],
                &ns,
                None,
                &[],
            )?;
            let Value::Type(t) = t else {
                return Err(type_error("UnsupportedOperation is not a class"));
            };
            UNSUPPORTED.with(|u| *u.borrow_mut() = Some(t.clone()));
            t
        }
    };
    let t = types();
    let classes: [(&str, &Rc<Type>); 13] = [
        ("IncrementalNewlineDecoder", &t.nldecoder),
        ("_IOBase", &t.iobase),
        ("_RawIOBase", &t.rawiobase),
        ("_BufferedIOBase", &t.bufferediobase),
        ("_TextIOBase", &t.textiobase),
        ("FileIO", &t.fileio),
        ("BytesIO", &t.bytesio),
        ("StringIO", &t.stringio),
        ("BufferedReader", &t.buffered_reader),
        ("BufferedWriter", &t.buffered_writer),
        ("BufferedRandom", &t.buffered_random),
        ("BufferedRWPair", &t.buffered_rwpair),
        ("TextIOWrapper", &t.textiowrapper),
    ];
    let mut members = vec![
        ("__doc__", Value::str(DOC)),
        (
            "DEFAULT_BUFFER_SIZE",
            Value::Int(DEFAULT_BUFFER_SIZE as i64),
        ),
        ("UnsupportedOperation", Value::Type(unsupported)),
        (
            "BlockingIOError",
            Value::Type(builtin_types().blocking_io_error.clone()),
        ),
        (
            "open",
            protocol::dict_get_str(&vm.builtins, "open")
                .filter(|o| matches!(o, Value::Builtin(b) if b.name == "open"))
                .unwrap_or_else(open_function),
        ),
        (
            "open_code",
            protocol::native("open_code", open::open_code, None),
        ),
        (
            "text_encoding",
            protocol::native("text_encoding", open::text_encoding, None),
        ),
    ];
    members.extend(classes.iter().map(|(n, c)| (*n, Value::Type((*c).clone()))));
    Ok(super::new_module("_io", members))
}

/// `_io.open`, which is also `builtins.open`.
pub fn open_function() -> Value {
    protocol::native("open", open::open, None)
}

// ---------------------------------------------------------------- errors

/// `io.UnsupportedOperation(message)`.
#[cold]
pub(super) fn unsupported(message: &str) -> PyErr {
    let class = UNSUPPORTED
        .with(|u| u.borrow().clone())
        .unwrap_or_else(|| builtin_types().os_error.clone());
    PyErr::new(&class, message)
}

/// `ValueError("I/O operation on closed file.")`.
#[cold]
pub(super) fn closed_error() -> PyErr {
    crate::object::exception::value_error("I/O operation on closed file.")
}

/// `OSError(message)`.
#[cold]
pub(super) fn os_error_msg(message: impl Into<String>) -> PyErr {
    PyErr::new(&builtin_types().os_error, message)
}

/// `OSError(errno, strerror[, filename])` for a failed system call, the
/// subclass its errno picks, as `PyErr_SetFromErrnoWithFilenameObject`.
#[cold]
pub(super) fn os_error(e: &std::io::Error, filename: Option<Value>) -> PyErr {
    let text = e.to_string();
    let strerror = match text.find(" (os error") {
        Some(at) => &text[..at],
        None => &text,
    };
    let mut args = vec![
        Value::Int(e.raw_os_error().unwrap_or(0) as i64),
        Value::str(strerror),
    ];
    args.extend(filename);
    let class = crate::builtins::os_error_subclass(&builtin_types().os_error, &args);
    PyErr::with_args(&class, args)
}

// ---------------------------------------------------------------- helpers

/// The native state of a method's receiver.
fn this<'a, T: 'static>(args: &Args<'a>) -> PyResult<&'a T> {
    let positional: &'a [Value] = args.positional;
    positional.first().and_then(native_ref::<T>).ok_or_else(|| {
        crate::object::exception::value_error("I/O operation on uninitialized object")
    })
}

/// The receiver itself.
fn receiver(args: &Args) -> Value {
    args.positional.first().cloned().unwrap_or(Value::None)
}

/// `obj.name(*args)`.
fn call_method(vm: &mut Vm, obj: &Value, name: &str, args: Vec<Value>) -> PyResult<Value> {
    let f = protocol::getattr(vm, obj, name)?;
    vm.call(&f, args)
}

/// `obj.name` or None when it has no such attribute (other errors pass).
fn lookup_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    match protocol::getattr(vm, obj, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is_instance(&builtin_types().attribute_error) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The truth of `obj.name()`.
fn call_bool(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<bool> {
    let r = call_method(vm, obj, name, vec![])?;
    protocol::truthy(vm, &r)
}

/// The bytes of a bytes-like object (bytes, bytearray, memoryview, or a
/// subclass of bytes or bytearray); None for anything else.
fn bytes_of(v: &Value) -> Option<Vec<u8>> {
    match v {
        Value::Bytes(b) => Some(b.to_vec()),
        Value::ByteArray(b) => Some(b.borrow().clone()),
        Value::Instance(i) => match &i.payload {
            Some(Value::Bytes(b)) => Some(b.to_vec()),
            Some(Value::ByteArray(b)) => Some(b.borrow().clone()),
            _ => None,
        },
        _ => None,
    }
}

/// `PyObject_GetBuffer`'s TypeError for a non-bytes-like argument.
fn need_bytes(v: &Value) -> PyResult<Vec<u8>> {
    bytes_of(v).ok_or_else(|| {
        type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(v)
        ))
    })
}

/// The writable buffer of `readinto`'s argument (a bytearray, or a
/// memoryview of one).
fn writable_buffer(v: &Value, fname: &str) -> PyResult<Rc<RefCell<Vec<u8>>>> {
    match v {
        Value::ByteArray(b) => Ok(b.clone()),
        Value::Instance(i) => match &i.payload {
            Some(Value::ByteArray(b)) => Ok(b.clone()),
            _ => Err(read_write_error(v, fname)),
        },
        _ => Err(read_write_error(v, fname)),
    }
}

#[cold]
fn read_write_error(v: &Value, fname: &str) -> PyErr {
    type_error(format!(
        "{fname}() argument must be read-write bytes-like object, not {}",
        type_name(v)
    ))
}

/// `_Py_convert_optional_to_ssize_t`: a size argument that may be None
/// (then -1).
fn optional_size(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(-1),
        Some(v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => {
            protocol::number::as_ssize_overflow(vm, v)
        }
        Some(v @ Value::Instance(i))
            if matches!(
                i.payload,
                Some(Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
            ) || protocol::user_dunder(v, "__index__").is_some() =>
        {
            protocol::number::as_ssize_overflow(vm, v)
        }
        Some(v) => Err(size_type_error(v)),
    }
}

#[cold]
fn size_type_error(v: &Value) -> PyErr {
    type_error(format!(
        "argument should be integer or None, not '{}'",
        type_name(v)
    ))
}

/// An `int` argument (`PyLong_AsSsize_t` after `__index__`).
fn index_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if matches!(v, Value::Float(_)) {
        return Err(type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    protocol::number::as_ssize_overflow(vm, v)
}

/// Whether `v` is a `str` (or a subclass's instance); its text.
fn str_of(v: &Value) -> Option<Rc<str>> {
    match v {
        Value::Str(s) => Some(s.clone()),
        Value::Instance(i) => match &i.payload {
            Some(Value::Str(s)) => Some(s.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// The `__IOBase_closed` flag iobase.c keeps in the instance dict.
fn iobase_is_closed(v: &Value) -> bool {
    match v {
        Value::Instance(i) => matches!(
            protocol::plain_get_str(&i.dict.borrow(), "__IOBase_closed"),
            Some(Value::Bool(true))
        ),
        _ => false,
    }
}

fn set_iobase_closed(v: &Value) {
    if let Value::Instance(i) = v {
        protocol::plain_set_str(
            &mut i.dict.borrow_mut(),
            "__IOBase_closed",
            Value::Bool(true),
        );
    }
}

/// Whether the class of `v` is exactly `t` (not a Python subclass).
fn exact(v: &Value, t: &Rc<Type>) -> bool {
    Rc::ptr_eq(&protocol::type_of(v), t)
}

/// `bytes(data)`.
fn bytes_value(data: Vec<u8>) -> Value {
    Value::Bytes(Rc::from(data))
}

/// `repr()` of a str.
fn str_repr(s: &str) -> String {
    crate::object::repr::repr_str(s.chars().map(|c| c as u32))
}
