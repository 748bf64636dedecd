//! `binascii` (Modules/binascii.c and Python/pystrhex.c): hex, base64,
//! uuencode and quoted-printable coding, `crc32` and `crc_hqx`, and the
//! module's `Error` (a ValueError) and `Incomplete`, with CPython 3.11's
//! argument conversions and messages.

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::exception::{overflow_error, type_error, value_error};
use crate::object::function::Args;
use crate::object::{builtin_types, Dict, PyErr, PyResult, Type, Value};
use crate::vm::protocol::{self, type_name};
use crate::vm::Vm;

use super::clinic_bind;

thread_local! {
    /// `binascii.Error` and `binascii.Incomplete`.
    static ERRORS: RefCell<Option<(Rc<Type>, Rc<Type>)>> = const { RefCell::new(None) };
}

fn exception_class(vm: &mut Vm, name: &str, base: &Rc<Type>) -> PyResult<Rc<Type>> {
    let ns = Rc::new(RefCell::new(Dict::new()));
    protocol::dict_set_str(&ns, "__module__", Value::str("binascii"));
    match crate::builtins::create_type(vm, name, &[Value::Type(base.clone())], &ns, None, &[])? {
        Value::Type(t) => Ok(t),
        _ => Err(type_error("binascii: not a class")),
    }
}

fn errors(vm: &mut Vm) -> PyResult<(Rc<Type>, Rc<Type>)> {
    if let Some(e) = ERRORS.with(|e| e.borrow().clone()) {
        return Ok(e);
    }
    let b = builtin_types();
    let error = exception_class(vm, "Error", &b.value_error)?;
    let incomplete = exception_class(vm, "Incomplete", &b.exception)?;
    ERRORS.with(|e| *e.borrow_mut() = Some((error.clone(), incomplete.clone())));
    Ok((error, incomplete))
}

/// `binascii.Error(message)`.
#[cold]
fn error(message: impl Into<String>) -> PyErr {
    let class = ERRORS
        .with(|e| e.borrow().as_ref().map(|e| e.0.clone()))
        .unwrap_or_else(|| builtin_types().value_error.clone());
    PyErr::new(&class, message)
}

const DOC: &str = "Conversion between binary data and ASCII";

/// The `binascii` module object.
pub fn module(vm: &mut Vm) -> PyResult<Value> {
    let (error, incomplete) = errors(vm)?;
    let mut members = vec![
        ("__doc__", Value::str(DOC)),
        ("Error", Value::Type(error)),
        ("Incomplete", Value::Type(incomplete)),
    ];
    members.extend(super::functions(&[
        ("a2b_uu", a2b_uu),
        ("b2a_uu", b2a_uu),
        ("a2b_base64", a2b_base64),
        ("b2a_base64", b2a_base64),
        ("crc_hqx", crc_hqx),
        ("crc32", crc32),
        ("b2a_hex", b2a_hex),
        ("hexlify", hexlify),
        ("a2b_hex", a2b_hex),
        ("unhexlify", unhexlify),
        ("a2b_qp", a2b_qp),
        ("b2a_qp", b2a_qp),
    ]));
    Ok(super::new_module("binascii", members))
}

// ---------------------------------------------------------------- arguments

/// The bytes of a bytes-like object (`y*`).
fn buffer_bytes(v: &Value) -> Option<Vec<u8>> {
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

/// A `Py_buffer` argument.
fn data_arg(v: &Value) -> PyResult<Vec<u8>> {
    buffer_bytes(v).ok_or_else(|| {
        type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(v)
        ))
    })
}

/// `ascii_buffer_converter`: a bytes-like object or an ASCII str.
fn ascii_arg(v: &Value) -> PyResult<Vec<u8>> {
    let s = match v {
        Value::Str(s) => Some(s.clone()),
        Value::Instance(i) => match &i.payload {
            Some(Value::Str(s)) => Some(s.clone()),
            _ => None,
        },
        _ => None,
    };
    if let Some(s) = s {
        if !s.is_ascii() {
            return Err(value_error(
                "string argument should contain only ASCII characters",
            ));
        }
        return Ok(s.as_bytes().to_vec());
    }
    buffer_bytes(v).ok_or_else(|| {
        type_error(format!(
            "argument should be bytes, buffer or ASCII string, not '{}'",
            type_name(v)
        ))
    })
}

/// A C `int` argument (`_PyLong_AsInt`), also the flags Clinic converts
/// with `bool(accept={int})`.
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if matches!(v, Value::Float(_)) {
        return Err(type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    match protocol::number::number_index(vm, v)? {
        Value::Int(i) if i32::try_from(i).is_ok() => Ok(i),
        _ => Err(overflow_error("Python int too large to convert to C int")),
    }
}

fn flag(vm: &mut Vm, v: &Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        None => Ok(default),
        Some(v) => Ok(int_arg(vm, v)? != 0),
    }
}

/// An `unsigned_int(bitwise=True)` argument: the int's low 32 bits.
fn bitwise_u32(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    if matches!(v, Value::Float(_)) {
        return Err(type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let n = protocol::number::index_big(vm, v)?;
    let (_, digits) = (n & num_bigint::BigInt::from(u32::MAX)).to_u32_digits();
    Ok(digits.first().copied().unwrap_or(0))
}

/// `METH_O`: exactly one positional argument.
fn one_arg<'a>(name: &str, a: &Args<'a>) -> PyResult<&'a Value> {
    if !a.keywords.is_empty() {
        return Err(type_error(format!(
            "binascii.{name}() takes no keyword arguments"
        )));
    }
    let positional: &'a [Value] = a.positional;
    match positional {
        [v] => Ok(v),
        _ => Err(type_error(format!(
            "binascii.{name}() takes exactly one argument ({} given)",
            positional.len()
        ))),
    }
}

/// `(data, /, *, flag=...)`: the data positional-only, the flag by
/// keyword only.
fn posonly_data(name: &str, a: &Args, flag: &str) -> PyResult<Vec<Option<Value>>> {
    if a.positional.is_empty() {
        return Err(type_error(format!(
            "{name}() takes exactly 1 positional argument (0 given)"
        )));
    }
    clinic_bind(name, a.positional, a.keywords, &["", flag], 1, 1)
}

fn bytes(v: Vec<u8>) -> Value {
    Value::Bytes(v.into())
}

// ----------------------------------------------------------------- uuencode

fn a2b_uu(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let data = ascii_arg(one_arg("a2b_uu", &a)?)?;
    // The first byte is the length; an empty argument reads its NUL
    // terminator.
    let first = data.first().copied().unwrap_or(0);
    let mut bin_len = (first.wrapping_sub(b' ') & 0o77) as usize;
    let mut out = Vec::with_capacity(bin_len);
    let mut rest: &[u8] = if data.is_empty() { &[] } else { &data[1..] };
    let (mut leftchar, mut leftbits) = (0u32, 0u32);
    while bin_len > 0 {
        let c = match rest.split_first() {
            Some((c, tail)) => {
                rest = tail;
                *c
            }
            None => b'\n',
        };
        let ch = if c == b'\n' || c == b'\r' {
            0
        } else {
            if !(b' '..=b' ' + 64).contains(&c) {
                return Err(error("Illegal char"));
            }
            (c - b' ') & 0o77
        };
        leftchar = (leftchar << 6) | ch as u32;
        leftbits += 6;
        if leftbits >= 8 {
            leftbits -= 8;
            out.push((leftchar >> leftbits) as u8);
            leftchar &= (1 << leftbits) - 1;
            bin_len -= 1;
        }
    }
    if rest
        .iter()
        .any(|&c| c != b' ' && c != b' ' + 64 && c != b'\n' && c != b'\r')
    {
        return Err(error("Trailing garbage"));
    }
    Ok(bytes(out))
}

fn b2a_uu(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = posonly_data("b2a_uu", &a, "backtick")?;
    let data = data_arg(v[0].as_ref().unwrap_or(&Value::None))?;
    let backtick = flag(vm, &v[1], false)?;
    if data.len() > 45 {
        return Err(error("At most 45 bytes at once"));
    }
    let mut out = Vec::with_capacity(2 + data.len() * 2);
    out.push(if backtick && data.is_empty() {
        b'`'
    } else {
        b' ' + data.len() as u8
    });
    let (mut leftchar, mut leftbits) = (0u32, 0u32);
    let mut i = 0;
    while i < data.len() || leftbits != 0 {
        leftchar = (leftchar << 8) | data.get(i).copied().unwrap_or(0) as u32;
        leftbits += 8;
        i += 1;
        while leftbits >= 6 {
            let ch = ((leftchar >> (leftbits - 6)) & 0x3f) as u8;
            leftbits -= 6;
            out.push(if backtick && ch == 0 { b'`' } else { ch + b' ' });
        }
        leftchar &= (1 << leftbits) - 1;
    }
    out.push(b'\n');
    Ok(bytes(out))
}

// ------------------------------------------------------------------- base64

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_value(c: u8) -> Option<u8> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    })
}

fn a2b_base64(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = posonly_data("a2b_base64", &a, "strict_mode")?;
    let data = ascii_arg(v[0].as_ref().unwrap_or(&Value::None))?;
    let strict = flag(vm, &v[1], false)?;
    let mut out = Vec::with_capacity(data.len().div_ceil(4) * 3);
    if strict && data.first() == Some(&b'=') {
        return Err(error("Leading padding not allowed"));
    }
    let mut padding_started = false;
    let (mut quad_pos, mut leftchar, mut pads) = (0, 0u8, 0);
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if quad_pos >= 2 {
                pads += 1;
                if quad_pos + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err(error("Excess data after padding"));
                    }
                    return Ok(bytes(out));
                }
            }
            continue;
        }
        let Some(ch) = b64_value(c) else {
            if strict {
                return Err(error("Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(error("Discontinuous padding not allowed"));
        }
        pads = 0;
        match quad_pos {
            0 => {
                quad_pos = 1;
                leftchar = ch;
            }
            1 => {
                quad_pos = 2;
                out.push((leftchar << 2) | (ch >> 4));
                leftchar = ch & 0x0f;
            }
            2 => {
                quad_pos = 3;
                out.push((leftchar << 4) | (ch >> 2));
                leftchar = ch & 0x03;
            }
            _ => {
                quad_pos = 0;
                out.push((leftchar << 6) | ch);
                leftchar = 0;
            }
        }
    }
    match quad_pos {
        0 => Ok(bytes(out)),
        1 => Err(error(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            out.len() / 3 * 4 + 1
        ))),
        _ => Err(error("Incorrect padding")),
    }
}

fn b2a_base64(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = posonly_data("b2a_base64", &a, "newline")?;
    let data = data_arg(v[0].as_ref().unwrap_or(&Value::None))?;
    let newline = flag(vm, &v[1], true)?;
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = ((b[0] as u32) << 16) | ((b[1] as u32) << 8) | b[2] as u32;
        let chars = [
            B64[(n >> 18) as usize & 63],
            B64[(n >> 12) as usize & 63],
            B64[(n >> 6) as usize & 63],
            B64[n as usize & 63],
        ];
        out.extend_from_slice(&chars[..chunk.len() + 1]);
        out.extend(std::iter::repeat_n(b'=', 3 - chunk.len()));
    }
    if newline {
        out.push(b'\n');
    }
    Ok(bytes(out))
}

// --------------------------------------------------------------------- CRCs

fn crc_hqx(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if !a.keywords.is_empty() {
        return Err(type_error("binascii.crc_hqx() takes no keyword arguments"));
    }
    let [data, crc] = a.positional else {
        return Err(type_error(format!(
            "crc_hqx expected 2 arguments, got {}",
            a.positional.len()
        )));
    };
    let data = data_arg(data)?;
    let mut crc = bitwise_u32(vm, crc)? & 0xffff;
    for b in data {
        let idx = ((crc >> 8) ^ b as u32) & 0xff;
        crc = ((crc << 8) & 0xff00) ^ hqx_entry(idx);
    }
    Ok(Value::Int(crc as i64))
}

/// `crctab_hqx[i]`: CRC-CCITT (polynomial 0x1021) of the byte `i`.
fn hqx_entry(i: u32) -> u32 {
    let mut c = i << 8;
    for _ in 0..8 {
        c = if c & 0x8000 != 0 {
            (c << 1) ^ 0x1021
        } else {
            c << 1
        };
    }
    c & 0xffff
}

fn crc32(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if !a.keywords.is_empty() {
        return Err(type_error("binascii.crc32() takes no keyword arguments"));
    }
    let n = a.positional.len();
    if n < 1 {
        return Err(type_error("crc32 expected at least 1 argument, got 0"));
    }
    if n > 2 {
        return Err(type_error(format!(
            "crc32 expected at most 2 arguments, got {n}"
        )));
    }
    let data = data_arg(&a.positional[0])?;
    let start = match a.positional.get(1) {
        Some(v) => bitwise_u32(vm, v)?,
        None => 0,
    };
    let mut crc = !start;
    for b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    Ok(Value::Int(!crc as i64))
}

// ---------------------------------------------------------------------- hex

const HEX: &[u8; 16] = b"0123456789abcdef";

/// `_Py_strhex_bytes_with_sep`.
fn hex_with_sep(
    vm: &mut Vm,
    data: &[u8],
    sep: Option<&Value>,
    per: Option<&Value>,
) -> PyResult<Value> {
    let mut group = match per {
        Some(v) => int_arg(vm, v)?,
        None => 1,
    };
    let mut sep_char = 0u8;
    match sep {
        Some(sep) => {
            let len = protocol::len(vm, sep)?;
            if len != 1 {
                return Err(value_error("sep must be length 1."));
            }
            let t = protocol::type_of(sep);
            let b = builtin_types();
            let payload = match sep {
                Value::Instance(i) => i.payload.clone(),
                other => Some(other.clone()),
            };
            match payload {
                Some(Value::Str(s)) if t.is_subtype(&b.str_) => {
                    let c = s.chars().next().unwrap_or('\0') as u32;
                    if c > 0xff {
                        return Err(value_error("sep must be ASCII."));
                    }
                    sep_char = c as u8;
                }
                Some(Value::Bytes(s)) if t.is_subtype(&b.bytes) => sep_char = s[0],
                _ => return Err(type_error("sep must be str or bytes.")),
            }
        }
        None => group = 0,
    }
    let n = data.len();
    let abs = group.unsigned_abs() as usize;
    let mut out = Vec::with_capacity(n * 3);
    let push = |out: &mut Vec<u8>, c: u8| {
        out.push(HEX[(c >> 4) as usize]);
        out.push(HEX[(c & 15) as usize]);
    };
    if group == 0 || n == 0 {
        for &c in data {
            push(&mut out, c);
        }
    } else {
        // Groups of `abs` bytes counted from the left (negative) or the
        // right (positive); the odd group is at the other end.
        let first = if group < 0 {
            abs.min(n)
        } else {
            match n % abs {
                0 => abs,
                r => r,
            }
        };
        let mut at = 0;
        let mut size = first;
        while at < n {
            if at > 0 {
                out.push(sep_char);
            }
            for &c in &data[at..(at + size).min(n)] {
                push(&mut out, c);
            }
            at += size;
            size = abs;
        }
    }
    Ok(bytes(out))
}

fn hex_impl(vm: &mut Vm, a: Args, name: &str) -> PyResult<Value> {
    let v = clinic_bind(
        name,
        a.positional,
        a.keywords,
        &["data", "sep", "bytes_per_sep"],
        1,
        3,
    )?;
    let data = data_arg(v[0].as_ref().unwrap_or(&Value::None))?;
    hex_with_sep(vm, &data, v[1].as_ref(), v[2].as_ref())
}

fn b2a_hex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    hex_impl(vm, a, "b2a_hex")
}

fn hexlify(vm: &mut Vm, a: Args) -> PyResult<Value> {
    hex_impl(vm, a, "hexlify")
}

fn unhex(data: &[u8]) -> PyResult<Value> {
    if !data.len().is_multiple_of(2) {
        return Err(error("Odd-length string"));
    }
    let digit = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks(2) {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(error("Non-hexadecimal digit found")),
        }
    }
    Ok(bytes(out))
}

fn a2b_hex(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    unhex(&ascii_arg(one_arg("a2b_hex", &a)?)?)
}

fn unhexlify(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    unhex(&ascii_arg(one_arg("unhexlify", &a)?)?)
}

// --------------------------------------------------------- quoted-printable

fn a2b_qp(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = clinic_bind(
        "a2b_qp",
        a.positional,
        a.keywords,
        &["data", "header"],
        1,
        2,
    )?;
    let data = ascii_arg(v[0].as_ref().unwrap_or(&Value::None))?;
    let header = flag(vm, &v[1], false)?;
    let n = data.len();
    let mut out = Vec::with_capacity(n);
    let mut i = 0;
    let hex = |c: u8| (c as char).to_digit(16);
    while i < n {
        let c = data[i];
        if c == b'=' {
            i += 1;
            if i >= n {
                break;
            }
            if data[i] == b'\n' || data[i] == b'\r' {
                // A soft line break.
                if data[i] != b'\n' {
                    while i < n && data[i] != b'\n' {
                        i += 1;
                    }
                }
                if i < n {
                    i += 1;
                }
            } else if data[i] == b'=' {
                out.push(b'=');
                i += 1;
            } else if i + 1 < n && hex(data[i]).is_some() && hex(data[i + 1]).is_some() {
                let h = hex(data[i]).unwrap_or(0);
                let l = hex(data[i + 1]).unwrap_or(0);
                out.push((h * 16 + l) as u8);
                i += 2;
            } else {
                out.push(b'=');
            }
        } else if header && c == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(bytes(out))
}

const MAXLINESIZE: usize = 76;

fn b2a_qp(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = clinic_bind(
        "b2a_qp",
        a.positional,
        a.keywords,
        &["data", "quotetabs", "istext", "header"],
        1,
        4,
    )?;
    let data = data_arg(v[0].as_ref().unwrap_or(&Value::None))?;
    let quotetabs = flag(vm, &v[1], false)?;
    let istext = flag(vm, &v[2], true)?;
    let header = flag(vm, &v[3], false)?;
    let n = data.len();
    // CRLF line ends if the first line ends so.
    let crlf =
        matches!(data.iter().position(|&c| c == b'\n'), Some(p) if p > 0 && data[p - 1] == b'\r');
    let hex_upper = |c: u8| {
        const H: &[u8; 16] = b"0123456789ABCDEF";
        [H[(c >> 4) as usize], H[(c & 15) as usize]]
    };
    let mut out: Vec<u8> = Vec::with_capacity(n * 3);
    let soft_break = |out: &mut Vec<u8>| {
        out.push(b'=');
        if crlf {
            out.push(b'\r');
        }
        out.push(b'\n');
    };
    let mut linelen = 0;
    let mut i = 0;
    while i < n {
        let c = data[i];
        let at_end = i + 1 == n;
        let next = data.get(i + 1).copied();
        let encode = c > 126
            || c == b'='
            || (header && c == b'_')
            || (c == b'.' && linelen == 0 && (at_end || matches!(next, Some(b'\n' | b'\r' | 0))))
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && at_end)
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if encode {
            if linelen + 3 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            out.push(b'=');
            out.extend_from_slice(&hex_upper(c));
            i += 1;
            linelen += 3;
        } else if istext && (c == b'\n' || (c == b'\r' && next == Some(b'\n'))) {
            linelen = 0;
            // Whitespace at the end of a line is encoded.
            if let Some(&last) = out.last() {
                if last == b' ' || last == b'\t' {
                    out.pop();
                    out.push(b'=');
                    out.extend_from_slice(&hex_upper(last));
                }
            }
            if crlf {
                out.push(b'\r');
            }
            out.push(b'\n');
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if !at_end && next != Some(b'\n') && linelen + 1 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            linelen += 1;
            if header && c == b' ' {
                out.push(b'_');
            } else {
                out.push(c);
            }
            i += 1;
        }
    }
    Ok(bytes(out))
}
