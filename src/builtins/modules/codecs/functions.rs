//! The codec functions of `_codecs` the `encodings` modules wrap:
//! `*_decode(data, errors=None, final=False)` returning `(str, consumed)`
//! and `*_encode(str, errors=None)` returning `(bytes, length)`, with
//! Argument Clinic's positional-only parsing and messages.

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::codecs::{self, CodecError, Errors, Mapped};
use crate::object::exception::{type_error, PyErr};
use crate::object::function::{Args, NativeFn};
use crate::object::{builtin_types, PyResult, Value};
use crate::vm::protocol::{self, type_name};
use crate::vm::Vm;

use super::{arg_type, custom_handler, positional, str_param};

pub(super) const CODEC_FUNCTIONS: &[(&str, NativeFn)] = &[
    ("utf_8_encode", |vm, a| {
        encoder(vm, a, "utf_8_encode", Enc::Utf8)
    }),
    ("utf_8_decode", |vm, a| {
        utf_decoder(vm, a, "utf_8_decode", Dec::Utf8)
    }),
    ("utf_7_encode", |vm, a| {
        encoder(vm, a, "utf_7_encode", Enc::Utf7)
    }),
    ("utf_7_decode", |vm, a| {
        utf_decoder(vm, a, "utf_7_decode", Dec::Utf7)
    }),
    ("utf_16_encode", |vm, a| {
        ordered_encoder(vm, a, "utf_16_encode", 2)
    }),
    ("utf_16_le_encode", |vm, a| {
        encoder(vm, a, "utf_16_le_encode", Enc::Utf16(-1))
    }),
    ("utf_16_be_encode", |vm, a| {
        encoder(vm, a, "utf_16_be_encode", Enc::Utf16(1))
    }),
    ("utf_16_decode", |vm, a| {
        utf_decoder(vm, a, "utf_16_decode", Dec::Utf16(0))
    }),
    ("utf_16_le_decode", |vm, a| {
        utf_decoder(vm, a, "utf_16_le_decode", Dec::Utf16(-1))
    }),
    ("utf_16_be_decode", |vm, a| {
        utf_decoder(vm, a, "utf_16_be_decode", Dec::Utf16(1))
    }),
    ("utf_16_ex_decode", |vm, a| {
        ex_decoder(vm, a, "utf_16_ex_decode", 2)
    }),
    ("utf_32_encode", |vm, a| {
        ordered_encoder(vm, a, "utf_32_encode", 4)
    }),
    ("utf_32_le_encode", |vm, a| {
        encoder(vm, a, "utf_32_le_encode", Enc::Utf32(-1))
    }),
    ("utf_32_be_encode", |vm, a| {
        encoder(vm, a, "utf_32_be_encode", Enc::Utf32(1))
    }),
    ("utf_32_decode", |vm, a| {
        utf_decoder(vm, a, "utf_32_decode", Dec::Utf32(0))
    }),
    ("utf_32_le_decode", |vm, a| {
        utf_decoder(vm, a, "utf_32_le_decode", Dec::Utf32(-1))
    }),
    ("utf_32_be_decode", |vm, a| {
        utf_decoder(vm, a, "utf_32_be_decode", Dec::Utf32(1))
    }),
    ("utf_32_ex_decode", |vm, a| {
        ex_decoder(vm, a, "utf_32_ex_decode", 4)
    }),
    ("latin_1_encode", |vm, a| {
        encoder(vm, a, "latin_1_encode", Enc::Latin1)
    }),
    ("latin_1_decode", |vm, a| {
        simple_decoder(vm, a, "latin_1_decode", Dec::Latin1)
    }),
    ("ascii_encode", |vm, a| {
        encoder(vm, a, "ascii_encode", Enc::Ascii)
    }),
    ("ascii_decode", |vm, a| {
        simple_decoder(vm, a, "ascii_decode", Dec::Ascii)
    }),
    ("unicode_escape_encode", |vm, a| {
        encoder(vm, a, "unicode_escape_encode", Enc::UnicodeEscape)
    }),
    ("unicode_escape_decode", |vm, a| {
        escape_decoder(vm, a, "unicode_escape_decode", Dec::UnicodeEscape)
    }),
    ("raw_unicode_escape_encode", |vm, a| {
        encoder(vm, a, "raw_unicode_escape_encode", Enc::RawUnicodeEscape)
    }),
    ("raw_unicode_escape_decode", |vm, a| {
        escape_decoder(vm, a, "raw_unicode_escape_decode", Dec::RawUnicodeEscape)
    }),
    ("charmap_encode", charmap_encode),
    ("charmap_decode", charmap_decode),
    ("charmap_build", charmap_build),
    ("escape_encode", escape_encode),
    ("escape_decode", escape_decode),
    ("readbuffer_encode", readbuffer_encode),
];

#[derive(Clone, Copy)]
enum Enc {
    Utf8,
    Utf7,
    Utf16(i32),
    Utf32(i32),
    Latin1,
    Ascii,
    UnicodeEscape,
    RawUnicodeEscape,
}

#[derive(Clone, Copy)]
enum Dec {
    Utf8,
    Utf7,
    Utf16(i32),
    Utf32(i32),
    Latin1,
    Ascii,
    UnicodeEscape,
    RawUnicodeEscape,
}

/// The bytes of a bytes-like argument (`y*`; `s*` also takes str, as
/// UTF-8).
fn data_arg(fname: &str, v: &Value, allow_str: bool) -> PyResult<Vec<u8>> {
    match v {
        Value::Bytes(b) => Ok(b.to_vec()),
        Value::ByteArray(b) => Ok(b.borrow().clone()),
        Value::Str(s) if allow_str => Ok(s.as_bytes().to_vec()),
        Value::Instance(i) if i.payload.is_some() => match &i.payload {
            Some(p) => data_arg(fname, p, allow_str),
            None => Err(type_error("")),
        },
        _ if allow_str => Err(type_error(format!(
            "{fname}() argument 1 must be str or bytes-like object, not {}",
            type_name(v)
        ))),
        _ => Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(v)
        ))),
    }
}

/// The `errors` argument (`z`): a str, or None for strict.
fn errors_arg(fname: &str, n: usize, v: Option<&Value>) -> PyResult<String> {
    match v {
        None | Some(Value::None) => Ok("strict".into()),
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(v) => Err(arg_type(fname, n, "str or None", v)),
    }
}

fn int_arg(fname: &str, n: usize, v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(Value::Int(i)) => Ok(*i),
        Some(Value::Bool(b)) => Ok(*b as i64),
        Some(v) => Err(type_error(format!(
            "{fname}() argument {n} must be int, not {}",
            type_name(v)
        ))),
    }
}

/// Runs `f` with the `errors` handler (builtin, or registered and called
/// back in Python), turning a codec failure into its exception.
fn with_errors<T>(
    vm: &mut Vm,
    errors: &str,
    encoding: bool,
    f: impl FnOnce(&mut Errors, &RefCell<&mut Vm>) -> Result<T, CodecError>,
) -> PyResult<T> {
    let cell = RefCell::new(vm);
    let mut handler = custom_handler(&cell, errors, encoding);
    let mut errs = Errors {
        name: errors,
        custom: Some(&mut handler),
    };
    f(&mut errs, &cell).map_err(CodecError::into_exception)
}

fn pair(first: Value, n: usize) -> Value {
    Value::tuple(vec![first, Value::Int(n as i64)])
}

fn encoder(vm: &mut Vm, a: Args, fname: &str, enc: Enc) -> PyResult<Value> {
    let args = positional(fname, &a, 1, 2)?;
    let s = str_param(fname, 1, &args[0])?;
    let errors = errors_arg(fname, 2, args.get(1))?;
    encode_as(vm, &s, &errors, enc)
}

fn encode_as(vm: &mut Vm, s: &str, errors: &str, enc: Enc) -> PyResult<Value> {
    let out = with_errors(vm, errors, true, |errs, _| match enc {
        Enc::Utf8 => codecs::utf8_encode(s, errs),
        Enc::Utf7 => codecs::utf7_encode(s, errs),
        Enc::Utf16(o) => Ok(codecs::utf16_encode(s, o)),
        Enc::Utf32(o) => Ok(codecs::utf32_encode(s, o)),
        Enc::Latin1 => codecs::limited_encode(s, 0x100, errs),
        Enc::Ascii => codecs::limited_encode(s, 0x80, errs),
        Enc::UnicodeEscape => Ok(codecs::unicode_escape_encode(s)),
        Enc::RawUnicodeEscape => Ok(codecs::raw_unicode_escape_encode(s)),
    })?;
    Ok(pair(Value::Bytes(out.into()), s.chars().count()))
}

/// `utf_16_encode(str, errors=None, byteorder=0)` (and utf_32).
fn ordered_encoder(vm: &mut Vm, a: Args, fname: &str, width: u8) -> PyResult<Value> {
    let args = positional(fname, &a, 1, 3)?;
    let s = str_param(fname, 1, &args[0])?;
    let errors = errors_arg(fname, 2, args.get(1))?;
    let order = int_arg(fname, 3, args.get(2), 0)?.signum() as i32;
    let enc = if width == 2 {
        Enc::Utf16(order)
    } else {
        Enc::Utf32(order)
    };
    encode_as(vm, &s, &errors, enc)
}

fn decode_as(
    vm: &mut Vm,
    data: &[u8],
    errors: &str,
    dec: Dec,
    final_: bool,
) -> PyResult<(String, usize, i32)> {
    with_errors(vm, errors, false, |errs, _| {
        let two = |(s, n)| (s, n, 0);
        Ok(match dec {
            Dec::Utf8 => two(codecs::utf8_decode(data, errs, final_)?),
            Dec::Utf7 => two(codecs::utf7_decode(data, errs, final_)?),
            Dec::Utf16(o) => codecs::utf16_decode(data, errs, o, final_)?,
            Dec::Utf32(o) => codecs::utf32_decode(data, errs, o, final_)?,
            Dec::Latin1 => (codecs::latin1_decode(data), data.len(), 0),
            Dec::Ascii => (codecs::ascii_decode(data, errs)?, data.len(), 0),
            Dec::UnicodeEscape => two(codecs::unicode_escape_decode(data, errs, final_)?),
            Dec::RawUnicodeEscape => two(codecs::raw_unicode_escape_decode(data, errs, final_)?),
        })
    })
}

/// `*_decode(data, errors=None, final=False)`.
fn utf_decoder(vm: &mut Vm, a: Args, fname: &str, dec: Dec) -> PyResult<Value> {
    let args = positional(fname, &a, 1, 3)?;
    let data = data_arg(fname, &args[0], false)?;
    let errors = errors_arg(fname, 2, args.get(1))?;
    let final_ = int_arg(fname, 3, args.get(2), 0)? != 0;
    let (s, n, _) = decode_as(vm, &data, &errors, dec, final_)?;
    Ok(pair(Value::str(&s), n))
}

/// `latin_1_decode(data, errors=None)`, `ascii_decode`.
fn simple_decoder(vm: &mut Vm, a: Args, fname: &str, dec: Dec) -> PyResult<Value> {
    let args = positional(fname, &a, 1, 2)?;
    let data = data_arg(fname, &args[0], false)?;
    let errors = errors_arg(fname, 2, args.get(1))?;
    let (s, n, _) = decode_as(vm, &data, &errors, dec, true)?;
    Ok(pair(Value::str(&s), n))
}

/// `unicode_escape_decode(data, errors=None, final=True)` (data may be
/// str).
fn escape_decoder(vm: &mut Vm, a: Args, fname: &str, dec: Dec) -> PyResult<Value> {
    let args = positional(fname, &a, 1, 3)?;
    let data = data_arg(fname, &args[0], true)?;
    let errors = errors_arg(fname, 2, args.get(1))?;
    let final_ = int_arg(fname, 3, args.get(2), 1)? != 0;
    let (s, n, _) = decode_as(vm, &data, &errors, dec, final_)?;
    Ok(pair(Value::str(&s), n))
}

/// `utf_16_ex_decode(data, errors=None, byteorder=0, final=False)`:
/// `(str, consumed, byteorder)`.
fn ex_decoder(vm: &mut Vm, a: Args, fname: &str, width: u8) -> PyResult<Value> {
    let args = positional(fname, &a, 1, 4)?;
    let data = data_arg(fname, &args[0], false)?;
    let errors = errors_arg(fname, 2, args.get(1))?;
    let order = int_arg(fname, 3, args.get(2), 0)?.signum() as i32;
    let final_ = int_arg(fname, 4, args.get(3), 0)? != 0;
    let dec = if width == 2 {
        Dec::Utf16(order)
    } else {
        Dec::Utf32(order)
    };
    let (s, n, bo) = decode_as(vm, &data, &errors, dec, final_)?;
    Ok(Value::tuple(vec![
        Value::str(&s),
        Value::Int(n as i64),
        Value::Int(bo as i64),
    ]))
}

/// `charmap_decode(data, errors=None, mapping=None)`: a str table (U+FFFE
/// undefined) or any mapping from byte values.
fn charmap_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let fname = "charmap_decode";
    let args = positional(fname, &a, 1, 3)?;
    let data = data_arg(fname, &args[0], false)?;
    let errors = errors_arg(fname, 2, args.get(1))?;
    let mapping = args.get(2).cloned().unwrap_or(Value::None);
    let s = match &mapping {
        Value::None => return Ok(pair(Value::str(&codecs::latin1_decode(&data)), data.len())),
        Value::Str(table) => {
            let table: Vec<char> = table.chars().collect();
            with_errors(vm, &errors, false, |errs, _| {
                codecs::charmap_decode(&data, errs, |b| {
                    Ok(match table.get(b as usize) {
                        Some('\u{fffe}') | None => Mapped::Undefined,
                        Some(c) => Mapped::Text(c.to_string()),
                    })
                })
            })?
        }
        _ => with_errors(vm, &errors, false, |errs, cell| {
            codecs::charmap_decode(&data, errs, |b| {
                let mut guard = cell.borrow_mut();
                map_byte(&mut guard, &mapping, b).map_err(CodecError::Raised)
            })
        })?,
    };
    Ok(pair(Value::str(&s), data.len()))
}

/// `mapping[byte]` for charmap decoding.
fn map_byte(vm: &mut Vm, mapping: &Value, b: u8) -> PyResult<Mapped> {
    let v = match protocol::getitem(vm, mapping, &Value::Int(b as i64)) {
        Ok(v) => v,
        Err(e) if e.is_instance(&builtin_types().lookup_error) => return Ok(Mapped::Undefined),
        Err(e) => return Err(e),
    };
    Ok(match v {
        Value::None => Mapped::Undefined,
        Value::Int(i) => match u32::try_from(i).ok().and_then(char::from_u32) {
            Some('\u{fffe}') => Mapped::Undefined,
            Some(c) => Mapped::Text(c.to_string()),
            None => return Err(type_error("character mapping must be in range(0x110000)")),
        },
        Value::Str(s) if &*s == "\u{fffe}" => Mapped::Undefined,
        Value::Str(s) => Mapped::Text(s.to_string()),
        _ => {
            return Err(type_error(
                "character mapping must return integer, None or str",
            ))
        }
    })
}

/// `charmap_encode(str, errors=None, mapping=None)`.
fn charmap_encode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let fname = "charmap_encode";
    let args = positional(fname, &a, 1, 3)?;
    let s = str_param(fname, 1, &args[0])?;
    let errors = errors_arg(fname, 2, args.get(1))?;
    let mapping = args.get(2).cloned().unwrap_or(Value::None);
    if mapping.is_none() {
        return encode_as(vm, &s, &errors, Enc::Latin1);
    }
    // A mapping error (a bad value) stops the encoding; kept aside since
    // the codec's map answers only "encodable or not".
    let failure: RefCell<Option<PyErr>> = RefCell::new(None);
    let out = with_errors(vm, &errors, true, |errs, cell| {
        codecs::charmap_like_encode(&s, "charmap", "character maps to <undefined>", errs, |c| {
            if failure.borrow().is_some() {
                return Some(Vec::new());
            }
            let mut guard = cell.borrow_mut();
            match map_char(&mut guard, &mapping, c) {
                Ok(r) => r,
                Err(e) => {
                    *failure.borrow_mut() = Some(e);
                    Some(Vec::new())
                }
            }
        })
    })?;
    if let Some(e) = failure.into_inner() {
        return Err(e);
    }
    Ok(pair(Value::Bytes(out.into()), s.chars().count()))
}

/// `mapping[ord(c)]` for charmap encoding: the bytes, or `None` when
/// undefined.
fn map_char(vm: &mut Vm, mapping: &Value, c: char) -> PyResult<Option<Vec<u8>>> {
    let v = match protocol::getitem(vm, mapping, &Value::Int(c as i64)) {
        Ok(v) => v,
        Err(e) if e.is_instance(&builtin_types().lookup_error) => return Ok(None),
        Err(e) => return Err(e),
    };
    match &v {
        Value::None => Ok(None),
        Value::Int(i) => match u8::try_from(*i) {
            Ok(b) => Ok(Some(vec![b])),
            Err(_) => Err(type_error("character mapping must be in range(256)")),
        },
        Value::Bytes(b) => Ok(Some(b.to_vec())),
        _ => Err(type_error(format!(
            "character mapping must return integer, bytes or None, not {}",
            type_name(&v)
        ))),
    }
}

/// `charmap_build(decoding_table)`: the encoding map, as a dict from
/// code points to byte values.
fn charmap_build(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let args = positional("charmap_build", &a, 1, 1)?;
    let table = str_param("charmap_build", 0, &args[0])?;
    let d = protocol::new_dict();
    for (i, c) in table.chars().enumerate() {
        if c != '\u{fffe}' {
            protocol::setitem(vm, &d, Value::Int(c as i64), Value::Int(i as i64))?;
        }
    }
    Ok(d)
}

fn escape_encode(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let args = positional("escape_encode", &a, 1, 2)?;
    let Value::Bytes(data) = &args[0] else {
        return Err(arg_type("escape_encode", 1, "bytes", &args[0]));
    };
    errors_arg("escape_encode", 2, args.get(1))?;
    Ok(pair(
        Value::Bytes(codecs::escape_encode(data).into()),
        data.len(),
    ))
}

fn escape_decode(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let args = positional("escape_decode", &a, 1, 2)?;
    let data = data_arg("escape_decode", &args[0], true)?;
    let errors = errors_arg("escape_decode", 2, args.get(1))?;
    let out = codecs::escape_decode(&data, &errors).map_err(CodecError::into_exception)?;
    Ok(pair(Value::Bytes(Rc::from(out)), data.len()))
}

fn readbuffer_encode(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let args = positional("readbuffer_encode", &a, 1, 2)?;
    let data = data_arg("readbuffer_encode", &args[0], true)?;
    errors_arg("readbuffer_encode", 2, args.get(1))?;
    let n = data.len();
    Ok(pair(Value::Bytes(data.into()), n))
}
