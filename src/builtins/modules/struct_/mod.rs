//! `_struct` (Modules/_struct.c): `Struct` objects, the module functions
//! over a cache of them, `_struct.unpack_iterator` and `struct.error`,
//! with CPython 3.11's messages, under CPython's `struct.py`. Formats and
//! single items are in `format`.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use crate::object::exception::{overflow_error, stop_iteration, type_error};
use crate::object::function::{m, Args, MethodDef};
use crate::object::native::native_ref;
use crate::object::{builtin_types, Dict, PyErr, PyResult, Type, Value};
use crate::vm::protocol::{self, type_name};
use crate::vm::Vm;

use super::{class_arg, clinic_bind, getset, native_getsets, native_instance, native_type};

mod format;

use format::{pack_item, parse, unpack_item, Parsed};

struct Types {
    error: Rc<Type>,
    structure: Rc<Type>,
    unpack_iter: Rc<Type>,
}

/// The format cache's key: whether the format is a str, and its bytes.
type CacheKey = (bool, Vec<u8>);

thread_local! {
    static TYPES: RefCell<Option<Rc<Types>>> = const { RefCell::new(None) };
    /// The module functions' cache of compiled formats (`cache` in
    /// `_structmodulestate`), keyed by whether the format is a str and its
    /// bytes.
    static CACHE: RefCell<HashMap<CacheKey, Rc<Parsed>>> = RefCell::new(HashMap::new());
}

const MAXCACHE: usize = 100;

fn types(vm: &mut Vm) -> PyResult<Rc<Types>> {
    if let Some(t) = TYPES.with(|t| t.borrow().clone()) {
        return Ok(t);
    }
    // `PyErr_NewException("struct.error", NULL, NULL)`.
    let ns = Rc::new(RefCell::new(Dict::new()));
    protocol::dict_set_str(&ns, "__module__", Value::str("struct"));
    let error = crate::builtins::create_type(
        vm,
        "error",
        &[Value::Type(builtin_types().exception.clone())],
        &ns,
        None,
        &[],
    )?;
    let Value::Type(error) = error else {
        return Err(type_error("struct.error is not a class"));
    };
    let structure = native_type("Struct", "_struct", vec![], STRUCT_METHODS);
    native_getsets(
        &structure,
        &[getset("format", struct_format), getset("size", struct_size)],
    );
    protocol::dict_set_str_plain(&structure, "__doc__", Value::str(STRUCT_DOC));
    let unpack_iter = native_type("unpack_iterator", "_struct", vec![], UNPACK_ITER_METHODS);
    unpack_iter.final_class.set(true);
    let t = Rc::new(Types {
        error,
        structure,
        unpack_iter,
    });
    TYPES.with(|c| *c.borrow_mut() = Some(t.clone()));
    Ok(t)
}

/// `struct.error(message)`.
#[cold]
fn struct_error(message: impl Into<String>) -> PyErr {
    let class = TYPES
        .with(|t| t.borrow().as_ref().map(|t| t.error.clone()))
        .unwrap_or_else(|| builtin_types().exception.clone());
    PyErr::new(&class, message)
}

const DOC: &str = "Functions to convert between Python values and C structs.
Python bytes objects are used to hold the data representing the C struct
and also as format strings (explained below) to describe the layout of data
in the C struct.

The optional first format char indicates byte order, size and alignment:
  @: native order, size & alignment (default)
  =: native order, std. size & alignment
  <: little-endian, std. size & alignment
  >: big-endian, std. size & alignment
  !: same as >

The remaining chars indicate types of args and must match exactly;
these can be preceded by a decimal repeat count:
  x: pad byte (no data); c:char; b:signed byte; B:unsigned byte;
  ?: _Bool (requires C99; if not available, char is used instead)
  h:short; H:unsigned short; i:int; I:unsigned int;
  l:long; L:unsigned long; f:float; d:double; e:half-float.
Special cases (preceding decimal count indicates length):
  s:string (array of char); p: pascal string (with count byte).
Special cases (only available in native format):
  n:ssize_t; N:size_t;
  P:an integer type that is wide enough to hold a pointer.
Special case (not in native mode unless 'long long' in platform C):
  q:long long; Q:unsigned long long
Whitespace between formats is ignored.

The variable struct.error is an exception raised on errors.
";

const STRUCT_DOC: &str = "Struct(format)
--

Create a compiled struct object.

Return a new Struct object which writes and reads binary data according to
the format string.

See help(struct) for more on format strings.";

/// The `_struct` module object.
pub fn module(vm: &mut Vm) -> PyResult<Value> {
    let t = types(vm)?;
    let mut members = vec![
        ("__doc__", Value::str(DOC)),
        ("error", Value::Type(t.error.clone())),
        ("Struct", Value::Type(t.structure.clone())),
    ];
    members.extend(super::functions(&[
        ("_clearcache", clearcache),
        ("calcsize", calcsize),
        ("pack", pack),
        ("pack_into", pack_into),
        ("unpack", unpack),
        ("unpack_from", unpack_from),
        ("iter_unpack", iter_unpack),
    ]));
    Ok(super::new_module("_struct", members))
}

// ------------------------------------------------------------------ formats

/// The bytes of a format argument (`Struct___init___impl`): a str's ASCII
/// encoding, or bytes.
fn format_bytes(v: &Value) -> PyResult<(bool, Vec<u8>)> {
    let b = builtin_types();
    let t = protocol::type_of(v);
    let payload = match v {
        Value::Instance(i) => i.payload.clone(),
        other => Some(other.clone()),
    };
    if t.is_subtype(&b.str_) {
        if let Some(Value::Str(s)) = payload {
            let bytes = crate::object::codecs::encode(&s, "ascii", "strict")
                .map_err(crate::builtins::methods::bytes::codec_error)?;
            return Ok((true, bytes));
        }
    }
    if t.is_subtype(&b.bytes) {
        if let Some(Value::Bytes(s)) = payload {
            return Ok((false, s.to_vec()));
        }
    }
    Err(type_error(format!(
        "Struct() argument 1 must be a str or bytes object, not {}",
        type_name(v)
    )))
}

/// `cache_struct_converter`: the compiled format of a module function's
/// format argument, from the cache when it is there.
fn cached(vm: &mut Vm, v: &Value) -> PyResult<Rc<Parsed>> {
    // The cache is a dict: an unhashable format fails there first.
    if !matches!(v, Value::Str(_) | Value::Bytes(_)) {
        protocol::hash_value(vm, v)?;
    }
    let key = format_bytes(v)?;
    if let Some(p) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return Ok(p);
    }
    let parsed = Rc::new(parse(&key.1)?);
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= MAXCACHE {
            c.clear();
        }
        c.insert(key, parsed.clone());
    });
    Ok(parsed)
}

fn clearcache(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    CACHE.with(|c| c.borrow_mut().clear());
    Ok(Value::None)
}

// ------------------------------------------------------------------ buffers

/// A readable buffer: what `y*` accepts (bytes, bytearray, memoryview and
/// their subclasses).
#[derive(Clone)]
enum Buf {
    Bytes(Rc<[u8]>),
    Array(Rc<RefCell<Vec<u8>>>),
}

impl Buf {
    fn len(&self) -> usize {
        match self {
            Buf::Bytes(b) => b.len(),
            Buf::Array(b) => b.borrow().len(),
        }
    }

    /// `len` bytes from `at` (zeros past a bytearray that shrank).
    fn slice(&self, at: usize, len: usize) -> Vec<u8> {
        let mut out = vec![0u8; len];
        let copy = |src: &[u8], out: &mut [u8]| {
            let end = src.len().min(at + len);
            if at < end {
                out[..end - at].copy_from_slice(&src[at..end]);
            }
        };
        match self {
            Buf::Bytes(b) => copy(b, &mut out),
            Buf::Array(b) => copy(&b.borrow(), &mut out),
        }
        out
    }
}

fn buffer_of(v: &Value) -> Option<Buf> {
    match v {
        Value::Bytes(b) => Some(Buf::Bytes(b.clone())),
        Value::ByteArray(b) => Some(Buf::Array(b.clone())),
        Value::Instance(i) => match &i.payload {
            Some(Value::Bytes(b)) => Some(Buf::Bytes(b.clone())),
            Some(Value::ByteArray(b)) => Some(Buf::Array(b.clone())),
            _ => None,
        },
        _ => None,
    }
}

fn readable(v: &Value) -> PyResult<Buf> {
    buffer_of(v).ok_or_else(|| {
        type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(v)
        ))
    })
}

/// `w*`: a writable buffer (a bytearray, or a memoryview of one).
fn writable(v: &Value) -> PyResult<Rc<RefCell<Vec<u8>>>> {
    match buffer_of(v) {
        Some(Buf::Array(b)) => Ok(b),
        _ => Err(type_error(format!(
            "argument must be read-write bytes-like object, not {}",
            type_name(v)
        ))),
    }
}

/// A `Py_ssize_t` argument converted by Argument Clinic.
fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if matches!(v, Value::Float(_)) {
        return Err(type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    match protocol::number::number_index(vm, v)? {
        Value::Int(i) => Ok(i),
        _ => Err(overflow_error(
            "Python int too large to convert to C ssize_t",
        )),
    }
}

// ------------------------------------------------------------ pack, unpack

/// `PyErr_NoMemory()`.
fn no_memory() -> PyErr {
    PyErr::with_args(&builtin_types().memory_error, vec![])
}

/// Past this a bytes object is refused as CPython's allocation of it
/// would fail (the allocator here overcommits, and zeroing terabytes
/// would exhaust the machine instead).
const MAX_ALLOC: usize = 1 << 32;

/// A zeroed buffer of `n` bytes, or a MemoryError.
fn zeroed(n: usize) -> PyResult<Vec<u8>> {
    if n > MAX_ALLOC {
        return Err(no_memory());
    }
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| no_memory())?;
    v.resize(n, 0);
    Ok(v)
}

/// `s_pack_internal`: packs `args` (as many as the format's items) into
/// `out` (the format's size, zeroed).
fn pack_internal(vm: &mut Vm, p: &Parsed, args: &[Value], out: &mut [u8]) -> PyResult<()> {
    let mut i = 0;
    for code in &p.codes {
        for k in 0..code.repeat {
            let v = &args[i];
            i += 1;
            let at = code.offset + k * code.size;
            let res = &mut out[at..at + code.size];
            match code.format {
                b's' | b'p' => {
                    let Some(data) = format::string_arg(v) else {
                        return Err(struct_error(format!(
                            "argument for '{}' must be a bytes object",
                            code.format as char
                        )));
                    };
                    if code.format == b's' {
                        let n = data.len().min(code.size);
                        res[..n].copy_from_slice(&data[..n]);
                    } else if code.size > 0 {
                        let n = data.len().min(code.size - 1);
                        res[1..1 + n].copy_from_slice(&data[..n]);
                        res[0] = n.min(255) as u8;
                    }
                }
                c => {
                    if let Err(e) = pack_item(vm, p.table, c, res, v) {
                        if format::overflow_is_int(v)
                            && e.is_instance(&builtin_types().overflow_error)
                        {
                            return Err(struct_error("int too large to convert"));
                        }
                        return Err(e);
                    }
                }
            }
        }
    }
    Ok(())
}

fn pack_with(vm: &mut Vm, p: &Parsed, args: &[Value]) -> PyResult<Value> {
    if args.len() != p.len {
        return Err(struct_error(format!(
            "pack expected {} items for packing (got {})",
            p.len,
            args.len()
        )));
    }
    let mut out = zeroed(p.size)?;
    pack_internal(vm, p, args, &mut out)?;
    Ok(Value::Bytes(out.into()))
}

/// `s_pack_into`: `args` are the buffer, the offset and the items.
fn pack_into_with(vm: &mut Vm, p: &Parsed, args: &[Value]) -> PyResult<Value> {
    if args.len() != p.len + 2 {
        return Err(struct_error(match args.len() {
            0 => "pack_into expected buffer argument".to_string(),
            1 => "pack_into expected offset argument".to_string(),
            n => format!(
                "pack_into expected {} items for packing (got {})",
                p.len,
                n - 2
            ),
        }));
    }
    let buffer = writable(&args[0])?;
    let mut offset = protocol::number::as_ssize_index(vm, &args[1])?;
    let len = buffer.borrow().len() as i64;
    let size = p.size as i64;
    if offset < 0 {
        if offset + size > 0 {
            return Err(struct_error(format!(
                "no space to pack {size} bytes at offset {offset}"
            )));
        }
        if offset + len < 0 {
            return Err(struct_error(format!(
                "offset {offset} out of range for {len}-byte buffer"
            )));
        }
        offset += len;
    }
    if len - offset < size {
        return Err(struct_error(format!(
            "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {offset} (actual buffer size is {len})",
            (size as u64).wrapping_add(offset as u64)
        )));
    }
    // Packed aside (packing may run Python code) and copied in, also when
    // an item fails: CPython zeroes the region and writes as it goes.
    let mut out = zeroed(p.size)?;
    let r = pack_internal(vm, p, &args[2..], &mut out);
    let at = offset as usize;
    let mut b = buffer.borrow_mut();
    if at + out.len() <= b.len() {
        b[at..at + out.len()].copy_from_slice(&out);
    }
    r.map(|_| Value::None)
}

/// `s_unpack_internal`: the values packed at the start of `data`.
fn unpack_internal(p: &Parsed, data: &[u8]) -> PyResult<Value> {
    let mut items = Vec::with_capacity(p.len.min(data.len() + 1));
    for code in &p.codes {
        for k in 0..code.repeat {
            let at = code.offset + k * code.size;
            let res = &data[at..at + code.size];
            items.push(match code.format {
                b's' => Value::Bytes(res.into()),
                b'p' => {
                    if code.size == 0 {
                        return Err(crate::object::exception::system_error(
                            "Negative size passed to PyBytes_FromStringAndSize",
                        ));
                    }
                    let n = (res[0] as usize).min(code.size - 1);
                    Value::Bytes(res[1..1 + n].into())
                }
                c => unpack_item(p.table, c, res),
            });
        }
    }
    Ok(Value::tuple(items))
}

fn unpack_with(p: &Parsed, buffer: &Value) -> PyResult<Value> {
    let buf = readable(buffer)?;
    if buf.len() != p.size {
        return Err(struct_error(format!(
            "unpack requires a buffer of {} bytes",
            p.size
        )));
    }
    unpack_internal(p, &buf.slice(0, p.size))
}

fn unpack_from_with(
    vm: &mut Vm,
    p: &Parsed,
    buffer: &Value,
    offset: Option<&Value>,
) -> PyResult<Value> {
    let buf = readable(buffer)?;
    let mut offset = match offset {
        Some(v) => ssize_arg(vm, v)?,
        None => 0,
    };
    let len = buf.len() as i64;
    let size = p.size as i64;
    if offset < 0 {
        if offset + size > 0 {
            return Err(struct_error(format!(
                "not enough data to unpack {size} bytes at offset {offset}"
            )));
        }
        if offset + len < 0 {
            return Err(struct_error(format!(
                "offset {offset} out of range for {len}-byte buffer"
            )));
        }
        offset += len;
    }
    if len - offset < size {
        return Err(struct_error(format!(
            "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {offset} (actual buffer size is {len})",
            (size as u64).wrapping_add(offset as u64)
        )));
    }
    unpack_internal(p, &buf.slice(offset as usize, p.size))
}

/// `Struct.iter_unpack`: an `unpack_iterator` over `buffer`.
fn iter_unpack_with(vm: &mut Vm, p: Rc<Parsed>, buffer: &Value) -> PyResult<Value> {
    if p.size == 0 {
        return Err(struct_error(
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    let buf = readable(buffer)?;
    let len = buf.len();
    if len % p.size != 0 {
        return Err(struct_error(format!(
            "iterative unpacking requires a buffer of a multiple of {} bytes",
            p.size
        )));
    }
    let t = types(vm)?;
    Ok(native_instance(
        &t.unpack_iter,
        UnpackIter {
            parsed: p,
            buf: RefCell::new(Some(buf)),
            len,
            index: Cell::new(0),
        },
    ))
}

// ---------------------------------------------------------- module functions

fn no_keywords(name: &str, a: &Args) -> PyResult<()> {
    if a.keywords.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!("{name}() takes no keyword arguments")))
    }
}

fn expect_args(name: &str, a: &Args, n: usize) -> PyResult<()> {
    no_keywords(&format!("_struct.{name}"), a)?;
    let got = a.positional.len();
    if got != n {
        return Err(type_error(format!(
            "{name} expected {n} arguments, got {got}"
        )));
    }
    Ok(())
}

fn calcsize(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_keywords("_struct.calcsize", &a)?;
    let [fmt] = a.positional else {
        return Err(type_error(format!(
            "_struct.calcsize() takes exactly one argument ({} given)",
            a.positional.len()
        )));
    };
    Ok(Value::Int(cached(vm, fmt)?.size as i64))
}

fn pack(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_keywords("_struct.pack", &a)?;
    let Some((fmt, rest)) = a.positional.split_first() else {
        return Err(type_error("missing format argument"));
    };
    let p = cached(vm, fmt)?;
    pack_with(vm, &p, rest)
}

fn pack_into(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_keywords("_struct.pack_into", &a)?;
    let Some((fmt, rest)) = a.positional.split_first() else {
        return Err(type_error("missing format argument"));
    };
    let p = cached(vm, fmt)?;
    pack_into_with(vm, &p, rest)
}

fn unpack(vm: &mut Vm, a: Args) -> PyResult<Value> {
    expect_args("unpack", &a, 2)?;
    let p = cached(vm, &a.positional[0])?;
    unpack_with(&p, &a.positional[1])
}

fn unpack_from(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.positional.is_empty() {
        return Err(type_error(
            "unpack_from() takes at least 1 positional argument (0 given)",
        ));
    }
    let bound = clinic_bind(
        "unpack_from",
        a.positional,
        a.keywords,
        &["", "buffer", "offset"],
        2,
        3,
    )?;
    let p = cached(vm, &a.positional[0])?;
    let buffer = bound[1].clone().unwrap_or(Value::None);
    unpack_from_with(vm, &p, &buffer, bound[2].as_ref())
}

fn iter_unpack(vm: &mut Vm, a: Args) -> PyResult<Value> {
    expect_args("iter_unpack", &a, 2)?;
    let p = cached(vm, &a.positional[0])?;
    iter_unpack_with(vm, p, &a.positional[1])
}

// ------------------------------------------------------------------ Struct

/// A `Struct` object: its compiled format (`None` until `__init__`).
struct StructObj(RefCell<Option<Rc<Parsed>>>);

static STRUCT_METHODS: &[MethodDef] = &[
    m("__new__", struct_new),
    m("__init__", struct_init),
    m("pack", |vm, a| {
        no_keywords("Struct.pack", &a)?;
        let p = parsed(&a)?;
        pack_with(vm, &p, &a.positional[1..])
    }),
    m("pack_into", |vm, a| {
        no_keywords("Struct.pack_into", &a)?;
        let p = parsed(&a)?;
        pack_into_with(vm, &p, &a.positional[1..])
    }),
    m("unpack", |_, a| {
        exactly_one("Struct.unpack", &a)?;
        let p = parsed(&a)?;
        unpack_with(&p, &a.positional[1])
    })
    .o(),
    m("unpack_from", |vm, a| {
        let p = parsed(&a)?;
        let bound = clinic_bind(
            "unpack_from",
            &a.positional[1..],
            a.keywords,
            &["buffer", "offset"],
            1,
            2,
        )?;
        let buffer = bound[0].clone().unwrap_or(Value::None);
        unpack_from_with(vm, &p, &buffer, bound[1].as_ref())
    }),
    m("iter_unpack", |vm, a| {
        exactly_one("Struct.iter_unpack", &a)?;
        let p = parsed(&a)?;
        iter_unpack_with(vm, p, &a.positional[1])
    })
    .o(),
    m("__sizeof__", |_, a| {
        let p = parsed(&a)?;
        Ok(Value::Int(56 + 32 * (p.codes.len() as i64 + 1)))
    }),
];

/// `METH_O`'s check: one argument besides the receiver.
fn exactly_one(name: &str, a: &Args) -> PyResult<()> {
    no_keywords(name, a)?;
    let n = a.positional.len().saturating_sub(1);
    if n != 1 {
        return Err(type_error(format!(
            "{name}() takes exactly one argument ({n} given)"
        )));
    }
    Ok(())
}

fn struct_of<'a>(a: &Args<'a>) -> PyResult<&'a StructObj> {
    let positional: &'a [Value] = a.positional;
    positional
        .first()
        .and_then(native_ref::<StructObj>)
        .ok_or_else(|| type_error("descriptor requires a '_struct.Struct' object"))
}

/// The receiver's compiled format (an empty one before `__init__`).
fn parsed(a: &Args) -> PyResult<Rc<Parsed>> {
    let s = struct_of(a)?;
    let p = s.0.borrow().clone();
    Ok(p.unwrap_or_else(|| {
        Rc::new(Parsed {
            table: format::Table::Native,
            format: Vec::new(),
            size: 0,
            len: 0,
            codes: Vec::new(),
        })
    }))
}

fn struct_new(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let cls = class_arg(&a)?;
    Ok(native_instance(&cls, StructObj(RefCell::new(None))))
}

fn struct_init(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = struct_of(&a)?;
    let bound = clinic_bind("Struct", &a.positional[1..], a.keywords, &["format"], 1, 1)?;
    let fmt = bound[0].clone().unwrap_or(Value::None);
    let (_, bytes) = format_bytes(&fmt)?;
    let p = parse(&bytes)?;
    *s.0.borrow_mut() = Some(Rc::new(p));
    Ok(Value::None)
}

fn struct_format(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = struct_of(&a)?;
    let p = s.0.borrow().clone();
    Ok(match p {
        Some(p) => Value::str(&String::from_utf8_lossy(&p.format)),
        None => Value::None,
    })
}

fn struct_size(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = struct_of(&a)?;
    let p = s.0.borrow().clone();
    Ok(Value::Int(p.map_or(-1, |p| p.size as i64)))
}

// --------------------------------------------------------- unpack_iterator

/// An `_struct.unpack_iterator`: the format, the buffer (released when
/// exhausted), its length when the iterator was made, the next offset.
struct UnpackIter {
    parsed: Rc<Parsed>,
    buf: RefCell<Option<Buf>>,
    len: usize,
    index: Cell<usize>,
}

fn iter_of<'a>(a: &Args<'a>) -> PyResult<&'a UnpackIter> {
    let positional: &'a [Value] = a.positional;
    positional
        .first()
        .and_then(native_ref::<UnpackIter>)
        .ok_or_else(|| type_error("descriptor requires a '_struct.unpack_iterator' object"))
}

static UNPACK_ITER_METHODS: &[MethodDef] = &[
    m("__new__", |_, a| {
        let cls = class_arg(&a)?;
        Err(type_error(format!("Cannot create '{} objects", cls.name)))
    }),
    m("__iter__", |_, a| Ok(a.positional[0].clone())),
    m("__next__", |_, a| {
        let it = iter_of(&a)?;
        let buf = it.buf.borrow().clone();
        let Some(buf) = buf else {
            return Err(stop_iteration(None));
        };
        let size = it.parsed.size;
        let at = it.index.get();
        if at + size > it.len {
            *it.buf.borrow_mut() = None;
            return Err(stop_iteration(None));
        }
        it.index.set(at + size);
        unpack_internal(&it.parsed, &buf.slice(at, size))
    }),
    m("__length_hint__", |_, a| {
        let it = iter_of(&a)?;
        if it.buf.borrow().is_none() {
            return Ok(Value::Int(0));
        }
        Ok(Value::Int(
            ((it.len - it.index.get()) / it.parsed.size) as i64,
        ))
    }),
];
