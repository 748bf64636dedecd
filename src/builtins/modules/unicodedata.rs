//! `unicodedata` (Modules/unicodedata.c): the module functions answer from
//! Unicode 14.0.0, the methods of `unicodedata.UCD` objects from their
//! version (`ucd_3_2_0`, the only one, for IDNA and stringprep). The
//! database itself is `object::unicodedata`.

use std::cell::OnceCell;
use std::rc::Rc;

use super::{native_getter, native_instance, native_type, new_module};
use crate::object::exception::{key_error, type_error, value_error};
use crate::object::function::{m, Args, MethodDef, NativeFn};
use crate::object::native::native_ref;
use crate::object::unicodedata::{self as ucd, Form, Lookup, Version};
use crate::object::{PyResult, Type, Value};
use crate::vm::protocol;
use crate::vm::Vm;

/// A `unicodedata.UCD` object's state (`PreviousDBVersion`).
struct Ucd {
    version: Version,
}

thread_local! {
    static UCD_TYPE: OnceCell<Rc<Type>> = const { OnceCell::new() };
}

fn ucd_type() -> Rc<Type> {
    UCD_TYPE.with(|t| {
        t.get_or_init(|| {
            let t = native_type("UCD", "unicodedata", vec![], &methods());
            t.final_class.set(true);
            protocol::dict_set_str_plain(&t, "__slots__", Value::tuple(vec![]));
            native_getter(&t, "unidata_version", |_, a| {
                let v = receiver(&a.positional[0])?;
                Ok(Value::str(v.unidata_version()))
            });
            t
        })
        .clone()
    })
}

/// The functions, each as a module function (`false`: the current
/// version) and as a UCD method (`true`: its object's version).
macro_rules! table {
    ($($name:literal => $f:ident),* $(,)?) => {
        const FUNCTIONS: &[(&str, NativeFn, NativeFn)] = &[
            $(($name, $f::<false>, $f::<true>)),*
        ];
    };
}

table! {
    "decimal" => decimal,
    "digit" => digit,
    "numeric" => numeric,
    "category" => category,
    "bidirectional" => bidirectional,
    "combining" => combining,
    "mirrored" => mirrored,
    "east_asian_width" => east_asian_width,
    "decomposition" => decomposition,
    "name" => name,
    "lookup" => lookup,
    "is_normalized" => is_normalized,
    "normalize" => normalize,
}

fn methods() -> Vec<MethodDef> {
    let mut defs: Vec<MethodDef> = FUNCTIONS.iter().map(|&(n, _, f)| m(n, f)).collect();
    defs.push(m("__new__", |_, _| {
        Err(type_error("cannot create 'unicodedata.UCD' instances"))
    }));
    defs
}

pub fn module() -> Value {
    let mut members: Vec<(&str, Value)> = FUNCTIONS
        .iter()
        .map(|&(n, f, _)| (n, protocol::native(n, f, None)))
        .collect();
    let class = ucd_type();
    members.push(("UCD", Value::Type(class.clone())));
    members.push((
        "ucd_3_2_0",
        native_instance(
            &class,
            Ucd {
                version: Version::V3_2_0,
            },
        ),
    ));
    members.push((
        "unidata_version",
        Value::str(Version::Current.unidata_version()),
    ));
    members.push((
        "__doc__",
        Value::str(
            "This module provides access to the Unicode Character Database which\n\
             defines character properties for all Unicode characters. The data in\n\
             this database is based on the UnicodeData.txt file version\n\
             14.0.0 which is publicly available from ftp://ftp.unicode.org/.\n\
             \n\
             The module uses the same names and symbols as defined by the\n\
             UnicodeData File Format 14.0.0.",
        ),
    ));
    new_module("unicodedata", members)
}

fn receiver(v: &Value) -> PyResult<Version> {
    native_ref::<Ucd>(v)
        .map(|u| u.version)
        .ok_or_else(|| type_error("descriptor requires a 'unicodedata.UCD' object"))
}

/// The version answering and the arguments after the receiver.
fn split<'a, const METHOD: bool>(a: &Args<'a>) -> PyResult<(Version, &'a [Value])> {
    if METHOD {
        let (first, rest) = a
            .positional
            .split_first()
            .ok_or_else(|| type_error("descriptor needs an argument"))?;
        Ok((receiver(first)?, rest))
    } else {
        Ok((Version::Current, a.positional))
    }
}

/// How a function's own name is qualified in METH_O messages.
fn qualified<const METHOD: bool>(fname: &str) -> String {
    if METHOD {
        format!("UCD.{fname}")
    } else {
        format!("unicodedata.{fname}")
    }
}

/// The arguments of a METH_O function.
fn one_arg<'a, const METHOD: bool>(a: &Args<'a>, fname: &str) -> PyResult<(Version, &'a Value)> {
    let (version, args) = split::<METHOD>(a)?;
    if !a.keywords.is_empty() {
        return Err(type_error(format!(
            "{}() takes no keyword arguments",
            qualified::<METHOD>(fname)
        )));
    }
    match args {
        [v] => Ok((version, v)),
        _ => Err(type_error(format!(
            "{}() takes exactly one argument ({} given)",
            qualified::<METHOD>(fname),
            args.len()
        ))),
    }
}

/// The arguments of an Argument Clinic positional-only function taking
/// `min..=max` of them.
fn clinic_args<'a, const METHOD: bool>(
    a: &Args<'a>,
    fname: &str,
    min: usize,
    max: usize,
) -> PyResult<(Version, &'a [Value])> {
    let (version, args) = split::<METHOD>(a)?;
    if !a.keywords.is_empty() {
        return Err(type_error(format!(
            "{}() takes no keyword arguments",
            qualified::<METHOD>(fname)
        )));
    }
    let n = args.len();
    let s = |k: usize| if k == 1 { "" } else { "s" };
    if min == max && n != min {
        return Err(type_error(format!(
            "{fname} expected {min} argument{}, got {n}",
            s(min)
        )));
    }
    if n < min {
        return Err(type_error(format!(
            "{fname} expected at least {min} argument{}, got {n}",
            s(min)
        )));
    }
    if n > max {
        return Err(type_error(format!(
            "{fname} expected at most {max} argument{}, got {n}",
            s(max)
        )));
    }
    Ok((version, args))
}

/// The text of a str (or str subclass) value.
fn str_value(v: &Value) -> Option<Rc<str>> {
    match v {
        Value::Str(s) => Some(s.clone()),
        Value::Instance(i) => match &i.payload {
            Some(Value::Str(s)) => Some(s.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// Clinic's `int(accept={str})` converter for a character: the code point
/// of a one-character str. `which` is "argument" or "argument 1".
fn char_arg(v: &Value, fname: &str, which: &str) -> PyResult<u32> {
    let s = str_value(v);
    let mut chars = s.as_deref().unwrap_or("").chars();
    match (s.is_some(), chars.next(), chars.next()) {
        (true, Some(c), None) => Ok(c as u32),
        _ => Err(type_error(format!(
            "{fname}() {which} must be a unicode character, not {}",
            protocol::type_name(v)
        ))),
    }
}

/// `decimal`, `digit`, `numeric` and `name`: a character and a default.
fn with_default<const METHOD: bool>(
    a: &Args,
    fname: &str,
) -> PyResult<(Version, u32, Option<Value>)> {
    let (version, args) = clinic_args::<METHOD>(a, fname, 1, 2)?;
    let cp = char_arg(&args[0], fname, "argument 1")?;
    Ok((version, cp, args.get(1).cloned()))
}

fn or_default(value: Option<Value>, default: Option<Value>, message: &str) -> PyResult<Value> {
    match value.or(default) {
        Some(v) => Ok(v),
        None => Err(value_error(message)),
    }
}

fn decimal<const METHOD: bool>(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (version, cp, default) = with_default::<METHOD>(&a, "decimal")?;
    let value = ucd::decimal(version, cp).map(|d| Value::Int(d as i64));
    or_default(value, default, "not a decimal")
}

fn digit<const METHOD: bool>(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, cp, default) = with_default::<METHOD>(&a, "digit")?;
    let value = ucd::digit(cp).map(|d| Value::Int(d as i64));
    or_default(value, default, "not a digit")
}

fn numeric<const METHOD: bool>(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (version, cp, default) = with_default::<METHOD>(&a, "numeric")?;
    let value = ucd::numeric(version, cp).map(Value::Float);
    or_default(value, default, "not a numeric character")
}

fn name<const METHOD: bool>(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (version, cp, default) = with_default::<METHOD>(&a, "name")?;
    let value = ucd::name(version, cp).map(|n| Value::str(&n));
    or_default(value, default, "no such name")
}

/// A METH_O function of one character.
fn char_fn<const METHOD: bool>(a: &Args, fname: &str) -> PyResult<(Version, u32)> {
    let (version, v) = one_arg::<METHOD>(a, fname)?;
    Ok((version, char_arg(v, fname, "argument")?))
}

fn category<const METHOD: bool>(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (version, cp) = char_fn::<METHOD>(&a, "category")?;
    Ok(Value::str(ucd::category(version, cp)))
}

fn bidirectional<const METHOD: bool>(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (version, cp) = char_fn::<METHOD>(&a, "bidirectional")?;
    Ok(Value::str(ucd::bidirectional(version, cp)))
}

fn combining<const METHOD: bool>(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (version, cp) = char_fn::<METHOD>(&a, "combining")?;
    Ok(Value::Int(ucd::combining(version, cp) as i64))
}

fn mirrored<const METHOD: bool>(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (version, cp) = char_fn::<METHOD>(&a, "mirrored")?;
    Ok(Value::Int(ucd::mirrored(version, cp) as i64))
}

fn east_asian_width<const METHOD: bool>(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (version, cp) = char_fn::<METHOD>(&a, "east_asian_width")?;
    Ok(Value::str(ucd::east_asian_width(version, cp)))
}

fn decomposition<const METHOD: bool>(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (version, cp) = char_fn::<METHOD>(&a, "decomposition")?;
    Ok(Value::str(&ucd::decomposition(version, cp)))
}

/// `lookup(name)`: the name as str or read-only bytes.
fn lookup<const METHOD: bool>(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (version, v) = one_arg::<METHOD>(&a, "lookup")?;
    let bytes: Vec<u8> = if let Some(s) = str_value(v) {
        s.as_bytes().to_vec()
    } else {
        match v {
            Value::Bytes(b) => b.to_vec(),
            Value::Instance(i) if matches!(i.payload, Some(Value::Bytes(_))) => match &i.payload {
                Some(Value::Bytes(b)) => b.to_vec(),
                _ => Vec::new(),
            },
            _ if matches!(v, Value::ByteArray(_)) || &*protocol::type_name(v) == "memoryview" => {
                return Err(type_error(format!(
                    "lookup() argument must be read-only bytes-like object, not {}",
                    protocol::type_name(v)
                )))
            }
            _ => {
                return Err(type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    protocol::type_name(v)
                )))
            }
        }
    };
    match ucd::lookup(version, &bytes) {
        Lookup::Char(c) => Ok(Value::str(c.encode_utf8(&mut [0; 4]))),
        Lookup::Sequence(s) => Ok(Value::str(s)),
        Lookup::TooLong => Err(key_error(Value::str("name too long"))),
        Lookup::Undefined => {
            // `%s` of the name: up to its first NUL.
            let shown = bytes.split(|&b| b == 0).next().unwrap_or(&[]);
            Err(key_error(Value::str(&format!(
                "undefined character name '{}'",
                String::from_utf8_lossy(shown)
            ))))
        }
    }
}

/// The form and string of `normalize`/`is_normalized`.
fn form_args<const METHOD: bool>(a: &Args, fname: &str) -> PyResult<(Version, Rc<str>, Rc<str>)> {
    let (version, args) = clinic_args::<METHOD>(a, fname, 2, 2)?;
    let mut strs = Vec::new();
    for (i, v) in args.iter().enumerate() {
        strs.push(str_value(v).ok_or_else(|| {
            type_error(format!(
                "{fname}() argument {} must be str, not {}",
                i + 1,
                protocol::type_name(v)
            ))
        })?);
    }
    Ok((version, strs[0].clone(), strs[1].clone()))
}

fn parse_form(form: &str) -> PyResult<Form> {
    Form::from_name(form).ok_or_else(|| value_error("invalid normalization form"))
}

fn is_normalized<const METHOD: bool>(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (version, form, input) = form_args::<METHOD>(&a, "is_normalized")?;
    if input.is_empty() {
        return Ok(Value::Bool(true));
    }
    let form = parse_form(&form)?;
    Ok(Value::Bool(ucd::is_normalized(version, form, &input)))
}

fn normalize<const METHOD: bool>(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (version, form, input) = form_args::<METHOD>(&a, "normalize")?;
    if input.is_empty() {
        return Ok(Value::str(""));
    }
    let form = parse_form(&form)?;
    Ok(match ucd::normalize(version, form, &input) {
        Some(s) => Value::str(&s),
        // `PyUnicode_FromObject`: the same str, or a str subclass's value.
        None => Value::Str(input),
    })
}
