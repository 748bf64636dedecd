//! `_codecs` (Modules/_codecsmodule.c over Python/codecs.c): the codec
//! search registry (`register`, `unregister`, `lookup`),
//! generic `encode`/`decode`, the error handler registry (`register_error`,
//! `lookup_error`, with the builtin handlers as Python-callable functions)
//! and the codec functions the `encodings` package wraps, on the codecs of
//! `object::codecs`. `str.encode` and `bytes.decode` come here too
//! ([`encode_text`], [`decode_text`]): native codecs first, the registry
//! for the rest (`'€'.encode('cp1252')` runs `encodings.cp1252`).

mod functions;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::object::codecs::{self, CodecError, Errors, Repl};
use crate::object::exception::{type_error, PyErr};
use crate::object::function::Args;
use crate::object::{builtin_types, Kind, PyResult, Value};
use crate::vm::protocol::{self, type_name};
use crate::vm::Vm;

use super::{functions as native_functions, new_module};

/// The interpreter's codec state (CPython's `interp->codec_*`).
#[derive(Default)]
pub struct Registry {
    search: Vec<Value>,
    cache: HashMap<String, Value>,
    errors: HashMap<String, Value>,
    initialized: bool,
}

/// `_PyCodecRegistry_Init`: the builtin error handlers, then `encodings`
/// is imported (it registers its search function).
fn init(vm: &mut Vm) -> PyResult<()> {
    if vm.codecs.initialized {
        return Ok(());
    }
    vm.codecs.initialized = true;
    for (name, f) in BUILTIN_HANDLERS {
        let func = protocol::native(f.0, f.1, None);
        vm.codecs.errors.insert(name.to_string(), func);
    }
    if let Err(e) = super::importer::import_absolute(vm, "encodings") {
        vm.codecs.initialized = false;
        return Err(e);
    }
    Ok(())
}

type Handler = (&'static str, crate::object::function::NativeFn);

const BUILTIN_HANDLERS: [(&str, Handler); 8] = [
    ("strict", ("strict_errors", strict_errors)),
    ("ignore", ("ignore_errors", ignore_errors)),
    ("replace", ("replace_errors", replace_errors)),
    (
        "xmlcharrefreplace",
        ("xmlcharrefreplace_errors", xmlcharrefreplace_errors),
    ),
    (
        "backslashreplace",
        ("backslashreplace_errors", backslashreplace_errors),
    ),
    ("namereplace", ("namereplace_errors", namereplace_errors)),
    ("surrogateescape", ("surrogateescape", strict_errors)),
    ("surrogatepass", ("surrogatepass", strict_errors)),
];

/// `_codecs`, created on first import.
pub fn module() -> Value {
    let mut members = native_functions(&[
        ("register", register),
        ("unregister", unregister),
        ("lookup", lookup_fn),
        ("encode", encode_fn),
        ("decode", decode_fn),
        ("register_error", register_error),
        ("lookup_error", lookup_error),
    ]);
    members.extend(native_functions(functions::CODEC_FUNCTIONS));
    new_module("_codecs", members)
}

/// A `str` argument of a `_codecs` function.
fn str_param(fname: &str, n: usize, v: &Value) -> PyResult<Rc<str>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        Value::Instance(i) => match &i.payload {
            Some(Value::Str(s)) => Ok(s.clone()),
            _ => Err(arg_type(fname, n, "str", v)),
        },
        _ => Err(arg_type(fname, n, "str", v)),
    }
}

/// Clinic's message for an argument of the wrong type (`n` 0: the only
/// parameter).
fn arg_type(fname: &str, n: usize, what: &str, v: &Value) -> PyErr {
    let which = if n == 0 {
        "argument".to_string()
    } else {
        format!("argument {n}")
    };
    type_error(format!(
        "{fname}() {which} must be {what}, not {}",
        type_name(v)
    ))
}

/// Positional-only arguments (`_PyArg_CheckPositional`), `min..=max` of
/// them.
fn positional<'a>(fname: &str, a: &'a Args, min: usize, max: usize) -> PyResult<&'a [Value]> {
    if !a.keywords.is_empty() {
        return Err(type_error(format!("{fname}() takes no keyword arguments")));
    }
    let n = a.positional.len();
    if n < min {
        return Err(type_error(format!(
            "{fname} expected {} {min} argument{}, got {n}",
            if min == max { "exactly" } else { "at least" },
            if min == 1 { "" } else { "s" }
        )));
    }
    if n > max {
        return Err(type_error(format!(
            "{fname} expected {} {max} argument{}, got {n}",
            if min == max { "exactly" } else { "at most" },
            if max == 1 { "" } else { "s" }
        )));
    }
    Ok(a.positional)
}

fn register(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [f] = positional("register", &a, 1, 1)? else {
        return Ok(Value::None);
    };
    if !protocol::is_callable(f) {
        return Err(type_error("argument must be callable"));
    }
    init(vm)?;
    vm.codecs.search.push(f.clone());
    Ok(Value::None)
}

fn unregister(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [f] = positional("unregister", &a, 1, 1)? else {
        return Ok(Value::None);
    };
    init(vm)?;
    if let Some(i) = vm.codecs.search.iter().position(|s| s.is(f)) {
        vm.codecs.search.remove(i);
        vm.codecs.cache.clear();
    }
    Ok(Value::None)
}

/// `_PyCodec_Lookup`: the CodecInfo for `encoding`, from the cache or
/// the search functions.
pub fn lookup(vm: &mut Vm, encoding: &str) -> PyResult<Value> {
    init(vm)?;
    let norm = codecs::normalize_encoding(encoding);
    if let Some(v) = vm.codecs.cache.get(&norm) {
        return Ok(v.clone());
    }
    let search = vm.codecs.search.clone();
    if search.is_empty() {
        return Err(PyErr::new(
            &builtin_types().lookup_error,
            "no codec search functions registered: can't find encoding",
        ));
    }
    for f in &search {
        let r = vm.call(f, vec![Value::str(&norm)])?;
        if r.is_none() {
            continue;
        }
        if !protocol::type_of(&r).is_subtype(&builtin_types().tuple) || protocol::len(vm, &r)? != 4
        {
            return Err(type_error("codec search functions must return 4-tuples"));
        }
        vm.codecs.cache.insert(norm, r.clone());
        return Ok(r);
    }
    Err(PyErr::new(
        &builtin_types().lookup_error,
        format!("unknown encoding: {encoding}"),
    ))
}

fn lookup_fn(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [e] = positional("lookup", &a, 1, 1)? else {
        return Ok(Value::None);
    };
    let e = str_param("lookup", 0, e)?;
    lookup(vm, &e)
}

/// Item `i` of a CodecInfo (0 encode, 1 decode).
fn codec_item(vm: &mut Vm, info: &Value, i: i64) -> PyResult<Value> {
    protocol::getitem(vm, info, &Value::Int(i))
}

/// Whether a codec error may be wrapped with the operation and encoding
/// (`_PyErr_TrySetFromCause`): a class whose construction is
/// BaseException's, no instance attributes, args empty or one str.
fn wrappable(e: &PyErr) -> bool {
    let t = builtin_types();
    let exc = &e.0;
    let own_init = [
        &t.os_error,
        &t.unicode_error,
        &t.syntax_error,
        &t.import_error,
        &t.stop_iteration,
        &t.system_exit,
        &t.attribute_error,
        &t.name_error,
        &t.base_exception_group,
    ]
    .iter()
    .any(|c| exc.class.is_subtype(c));
    let python_init = exc.class.mro().iter().any(|c| {
        c.kind == Kind::User
            && ["__init__", "__new__"]
                .iter()
                .any(|n| matches!(protocol::plain_lookup(c, n), Some(Value::Function(_))))
    });
    let args = exc.args.borrow();
    !own_init
        && !python_init
        && exc.dict.borrow().is_empty()
        && (args.is_empty() || (args.len() == 1 && matches!(args[0], Value::Str(_))))
}

/// `wrap_codec_error`: "decoding with 'hex' codec failed (Error: ...)",
/// the original as its cause.
fn wrap(vm: &mut Vm, e: PyErr, operation: &str, encoding: &str) -> PyErr {
    if !wrappable(&e) {
        return e;
    }
    let text = protocol::str_of(vm, &e.value()).unwrap_or_default();
    let msg = format!(
        "{operation} with '{encoding}' codec failed ({}: {text})",
        e.0.class.name
    );
    let new = PyErr::new(&e.0.class, msg);
    *new.0.cause.borrow_mut() = Some(e.value());
    new.0.suppress_context.set(true);
    *new.0.traceback.borrow_mut() = e.0.traceback.borrow().clone();
    new
}

/// `_PyCodec_EncodeInternal` / `_PyCodec_DecodeInternal`: calls item
/// `which` of the codec and unpacks its `(object, length)` result.
fn run_codec(
    vm: &mut Vm,
    info: &Value,
    which: i64,
    object: Value,
    encoding: &str,
    errors: Option<&str>,
) -> PyResult<Value> {
    let func = codec_item(vm, info, which)?;
    let mut args = vec![object];
    if let Some(e) = errors {
        args.push(Value::str(e));
    }
    let operation = if which == 0 { "encoding" } else { "decoding" };
    let r = match vm.call(&func, args) {
        Ok(r) => r,
        Err(e) => return Err(wrap(vm, e, operation, encoding)),
    };
    if !protocol::type_of(&r).is_subtype(&builtin_types().tuple) || protocol::len(vm, &r)? != 2 {
        return Err(type_error(if which == 0 {
            "encoder must return a tuple (object, integer)"
        } else {
            "decoder must return a tuple (object,integer)"
        }));
    }
    protocol::getitem(vm, &r, &Value::Int(0))
}

/// `encode(obj, encoding='utf-8', errors='strict')` and `decode(...)`.
fn generic(vm: &mut Vm, a: Args, which: i64) -> PyResult<Value> {
    let fname = if which == 0 { "encode" } else { "decode" };
    let bound = super::clinic_bind(
        fname,
        a.positional,
        a.keywords,
        &["obj", "encoding", "errors"],
        1,
        3,
    )?;
    let obj = bound[0].clone().unwrap_or(Value::None);
    let encoding = match &bound[1] {
        Some(v) => str_param(fname, 2, v)?.to_string(),
        None => "utf-8".to_string(),
    };
    let errors = match &bound[2] {
        Some(v) => str_param(fname, 3, v)?.to_string(),
        None => "strict".to_string(),
    };
    let info = lookup(vm, &encoding)?;
    run_codec(vm, &info, which, obj, &encoding, Some(&errors))
}

fn encode_fn(vm: &mut Vm, a: Args) -> PyResult<Value> {
    generic(vm, a, 0)
}

fn decode_fn(vm: &mut Vm, a: Args) -> PyResult<Value> {
    generic(vm, a, 1)
}

/// `_PyCodec_LookupTextEncoding`: a codec whose `_is_text_encoding` is
/// false is refused for `str.encode`/`bytes.decode`.
fn lookup_text_encoding(vm: &mut Vm, encoding: &str, alternate: &str) -> PyResult<Value> {
    let info = lookup(vm, encoding)?;
    if let Ok(flag) = protocol::getattr(vm, &info, "_is_text_encoding") {
        if !protocol::truthy(vm, &flag)? {
            return Err(PyErr::new(
                &builtin_types().lookup_error,
                format!(
                    "'{encoding}' is not a text encoding; use {alternate} to handle arbitrary codecs"
                ),
            ));
        }
    }
    Ok(info)
}

/// `str.encode(encoding, errors)` (PyUnicode_AsEncodedString).
pub fn encode_text(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    if let Some((codec, _)) = codecs::native_codec(encoding) {
        let cell = RefCell::new(&mut *vm);
        let mut handler = custom_handler(&cell, errors, true);
        let mut errs = Errors {
            name: errors,
            custom: Some(&mut handler),
        };
        return codecs::encode_with(codec, s, &mut errs).map_err(CodecError::into_exception);
    }
    let info = lookup_text_encoding(vm, encoding, "codecs.encode()")?;
    let v = run_codec(vm, &info, 0, Value::str(s), encoding, Some(errors))?;
    match &v {
        Value::Bytes(b) => Ok(b.to_vec()),
        Value::ByteArray(b) => Ok(b.borrow().clone()),
        _ => Err(type_error(format!(
            "'{encoding}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
            type_name(&v)
        ))),
    }
}

/// `bytes.decode(encoding, errors)` (PyUnicode_Decode).
pub fn decode_text(vm: &mut Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    if let Some((codec, _)) = codecs::native_codec(encoding) {
        let cell = RefCell::new(&mut *vm);
        let mut handler = custom_handler(&cell, errors, false);
        let mut errs = Errors {
            name: errors,
            custom: Some(&mut handler),
        };
        return codecs::decode_with(codec, data, &mut errs).map_err(CodecError::into_exception);
    }
    let info = lookup_text_encoding(vm, encoding, "codecs.decode()")?;
    let v = run_codec(
        vm,
        &info,
        1,
        Value::Bytes(data.into()),
        encoding,
        Some(errors),
    )?;
    match &v {
        Value::Str(s) => Ok(s.to_string()),
        _ => Err(type_error(format!(
            "'{encoding}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
            type_name(&v)
        ))),
    }
}

/// `PyCodec_LookupError`.
pub fn lookup_error_handler(vm: &mut Vm, name: &str) -> PyResult<Value> {
    init(vm)?;
    vm.codecs.errors.get(name).cloned().ok_or_else(|| {
        PyErr::new(
            &builtin_types().lookup_error,
            format!("unknown error handler name '{name}'"),
        )
    })
}

/// The hook native codecs call for an error handler that is not builtin:
/// the registered handler is called with the exception and must return
/// `(replacement, position)`.
fn custom_handler<'a, 'v>(
    vm: &'a RefCell<&'v mut Vm>,
    name: &'a str,
    encoding: bool,
) -> impl FnMut(CodecError) -> Result<(Repl, i64), CodecError> + use<'a, 'v> {
    move |exc| {
        let mut guard = vm.borrow_mut();
        let vm: &mut Vm = &mut guard;
        let handler = lookup_error_handler(vm, name).map_err(CodecError::Raised)?;
        let exc = exc.into_exception().value();
        let r = vm.call(&handler, vec![exc]).map_err(CodecError::Raised)?;
        let bad = || {
            CodecError::Type(if encoding {
                "encoding error handler must return (str/bytes, int) tuple".into()
            } else {
                "decoding error handler must return (str, int) tuple".into()
            })
        };
        let Value::Tuple(items) = &r else {
            return Err(bad());
        };
        let [rep, Value::Int(pos)] = &items[..] else {
            return Err(bad());
        };
        let repl = match rep {
            Value::Str(s) => Repl::Text(s.to_string()),
            Value::Bytes(b) if encoding => Repl::Bytes(b.to_vec()),
            _ => return Err(bad()),
        };
        Ok((repl, *pos))
    }
}

fn register_error(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [name, handler] = positional("register_error", &a, 2, 2)? else {
        return Ok(Value::None);
    };
    let name = str_param("register_error", 1, name)?;
    if !protocol::is_callable(handler) {
        return Err(type_error("handler must be callable"));
    }
    init(vm)?;
    vm.codecs.errors.insert(name.to_string(), handler.clone());
    Ok(Value::None)
}

fn lookup_error(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [name] = positional("lookup_error", &a, 1, 1)? else {
        return Ok(Value::None);
    };
    let name = str_param("lookup_error", 0, name)?;
    lookup_error_handler(vm, &name)
}

// ------------------------------------------------ builtin error handlers

/// The failure a builtin handler was given.
enum Failure {
    Encode(Vec<char>, usize, usize),
    Decode(Vec<u8>, usize, usize),
    Translate(Vec<char>, usize, usize),
}

fn failure(vm: &mut Vm, a: &Args) -> PyResult<Failure> {
    let Some(exc) = a.positional.first() else {
        return Err(type_error("function takes exactly 1 argument (0 given)"));
    };
    let t = builtin_types();
    let cls = protocol::type_of(exc);
    let kind = if cls.is_subtype(&t.unicode_encode_error) {
        0
    } else if cls.is_subtype(&t.unicode_decode_error) {
        1
    } else if cls.is_subtype(&t.unicode_translate_error) {
        2
    } else {
        return Err(type_error(format!(
            "don't know how to handle {} in error callback",
            cls.name
        )));
    };
    let object = protocol::getattr(vm, exc, "object")?;
    let int = |vm: &mut Vm, n: &str| -> PyResult<i64> {
        match protocol::getattr(vm, exc, n)? {
            Value::Int(i) => Ok(i),
            v => Err(type_error(format!(
                "{n} attribute must be int, not {}",
                type_name(&v)
            ))),
        }
    };
    let (start, end) = (int(vm, "start")?, int(vm, "end")?);
    // PyUnicodeEncodeError_GetStart/GetEnd's clamping, kept inside the
    // object (an empty one gives an empty range).
    let clamp = |len: usize| {
        let len = len as i64;
        let s = start.max(0).min((len - 1).max(0));
        let e = end.max(1).min(len).max(s);
        (s as usize, e as usize)
    };
    if kind == 1 {
        let data = crate::vm::ops::bytes::bytes_data(&object)
            .ok_or_else(|| type_error("object attribute must be bytes"))?;
        let (start, end) = clamp(data.len());
        return Ok(Failure::Decode(data.to_vec(), start, end));
    }
    let Value::Str(s) = object else {
        return Err(type_error("object attribute must be unicode"));
    };
    let chars: Vec<char> = s.chars().collect();
    let (start, end) = clamp(chars.len());
    Ok(if kind == 0 {
        Failure::Encode(chars, start, end)
    } else {
        Failure::Translate(chars, start, end)
    })
}

fn answer(text: String, end: usize) -> PyResult<Value> {
    Ok(Value::tuple(vec![
        Value::str(&text),
        Value::Int(end as i64),
    ]))
}

fn cant_handle(vm: &mut Vm, a: &Args) -> PyErr {
    let name = a
        .positional
        .first()
        .map(|v| protocol::type_of(v).name.clone())
        .unwrap_or_else(|| Rc::from("object"));
    let _ = vm;
    type_error(format!("don't know how to handle {name} in error callback"))
}

fn strict_errors(vm: &mut Vm, a: Args) -> PyResult<Value> {
    match a.positional.first() {
        Some(Value::Exception(e)) => Err(PyErr(e.clone())),
        Some(_) => Err(type_error("codec must pass exception instance")),
        None => Err(cant_handle(vm, &a)),
    }
}

fn ignore_errors(vm: &mut Vm, a: Args) -> PyResult<Value> {
    match failure(vm, &a)? {
        Failure::Encode(_, _, end) | Failure::Decode(_, _, end) | Failure::Translate(_, _, end) => {
            answer(String::new(), end)
        }
    }
}

fn replace_errors(vm: &mut Vm, a: Args) -> PyResult<Value> {
    match failure(vm, &a)? {
        Failure::Encode(_, start, end) => answer("?".repeat(end - start), end),
        Failure::Decode(_, _, end) => answer("\u{fffd}".into(), end),
        Failure::Translate(_, start, end) => answer("\u{fffd}".repeat(end - start), end),
    }
}

fn backslashreplace_errors(vm: &mut Vm, a: Args) -> PyResult<Value> {
    match failure(vm, &a)? {
        Failure::Encode(c, start, end) | Failure::Translate(c, start, end) => answer(
            c[start..end]
                .iter()
                .map(|c| codecs::escape(*c as u32))
                .collect(),
            end,
        ),
        Failure::Decode(b, start, end) => answer(
            b[start..end]
                .iter()
                .map(|x| format!("\\x{x:02x}"))
                .collect(),
            end,
        ),
    }
}

fn xmlcharrefreplace_errors(vm: &mut Vm, a: Args) -> PyResult<Value> {
    match failure(vm, &a)? {
        Failure::Encode(c, start, end) => answer(
            c[start..end]
                .iter()
                .map(|c| format!("&#{};", *c as u32))
                .collect(),
            end,
        ),
        _ => Err(cant_handle(vm, &a)),
    }
}

/// namereplace: `\N{NAME}`, or the `\x`/`\u`/`\U` escape of a character
/// without a name.
fn namereplace_errors(vm: &mut Vm, a: Args) -> PyResult<Value> {
    match failure(vm, &a)? {
        Failure::Encode(c, start, end) => answer(
            c[start..end]
                .iter()
                .map(|c| codecs::name_escape(*c as u32))
                .collect(),
            end,
        ),
        _ => Err(cant_handle(vm, &a)),
    }
}
