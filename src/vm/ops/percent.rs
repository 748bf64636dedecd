//! printf-style `%` formatting of str and bytes, as CPython 3.11's
//! `PyUnicode_Format` (unicodeobject.c) and `_PyBytes_FormatEx`
//! (bytesobject.c): `%[(key)][flags][width][.precision][length]type`.
//!
//! Both run one engine over code points; a bytes format string is taken as
//! Latin-1 (one char per byte) and converted back at the end.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::arith::{big, float_of_int, is_int};
use crate::object::exception::{key_error, overflow_error, type_error, value_error};
use crate::object::float_format::{double_to_string, Flags};
use crate::object::{PyResult, Value};
use crate::vm::protocol::{self, type_name};
use crate::vm::Vm;

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Str,
    Bytes,
}

/// `str % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let out = run(vm, &chars, args, Mode::Str)?;
    Ok(out.into_iter().collect())
}

/// `bytes % args` (and bytearray).
pub fn percent_format_bytes(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let chars: Vec<char> = fmt.iter().map(|&b| b as char).collect();
    let out = run(vm, &chars, args, Mode::Bytes)?;
    // Every char written in bytes mode is below 256.
    Ok(out.into_iter().map(|c| c as u32 as u8).collect())
}

/// The argument list: a tuple's items, or the one non-tuple argument.
struct ArgState<'a> {
    args: &'a Value,
    tuple: Option<&'a [Value]>,
    /// `argidx` and `arglen` as in unicodeobject.c (`-2`/`-1` for a
    /// single non-tuple argument).
    idx: isize,
    len: isize,
    dict: Option<&'a Value>,
}

impl<'a> ArgState<'a> {
    fn next(&mut self) -> PyResult<Value> {
        if self.idx < self.len {
            let i = self.idx;
            self.idx += 1;
            return Ok(match self.tuple {
                Some(t) if self.len >= 0 => t[i as usize].clone(),
                _ => self.args.clone(),
            });
        }
        Err(type_error("not enough arguments for format string"))
    }
}

struct Conv {
    left: bool,
    sign: bool,
    blank: bool,
    alt: bool,
    zero: bool,
    width: Option<usize>,
    prec: Option<usize>,
}

fn is_mapping(v: &Value) -> bool {
    match v {
        Value::Dict(_) => true,
        Value::Tuple(_) | Value::Str(_) => false,
        Value::Instance(_) => protocol::user_dunder(v, "__getitem__").is_some(),
        _ => false,
    }
}

fn run(vm: &mut Vm, f: &[char], args: &Value, mode: Mode) -> PyResult<Vec<char>> {
    let tuple = match args {
        Value::Tuple(t) => Some(&t[..]),
        _ => None,
    };
    let mut st = ArgState {
        args,
        tuple,
        idx: if tuple.is_some() { 0 } else { -2 },
        len: tuple.map_or(-1, |t| t.len() as isize),
        dict: is_mapping(args).then_some(args),
    };
    let mut out: Vec<char> = Vec::with_capacity(f.len());
    let mut i = 0;
    while i < f.len() {
        if f[i] != '%' {
            out.push(f[i]);
            i += 1;
            continue;
        }
        i += 1;
        let mut value = None;
        if f.get(i) == Some(&'(') {
            let Some(d) = st.dict else {
                return Err(type_error("format requires a mapping"));
            };
            i += 1;
            let start = i;
            let mut depth = 1;
            while i < f.len() {
                match f[i] {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err(value_error("incomplete format key"));
            }
            let key_text: String = f[start..i].iter().collect();
            i += 1;
            let key = match mode {
                Mode::Str => Value::str(&key_text),
                Mode::Bytes => Value::Bytes(key_text.chars().map(|c| c as u32 as u8).collect()),
            };
            value = Some(match d {
                Value::Dict(dd) => {
                    protocol::dict_lookup(vm, dd, &key)?.ok_or_else(|| key_error(key.clone()))?
                }
                other => protocol::getitem(vm, other, &key)?,
            });
            st.len = -1;
            st.idx = -2;
        }
        let mut c = Conv {
            left: false,
            sign: false,
            blank: false,
            alt: false,
            zero: false,
            width: None,
            prec: None,
        };
        while let Some(&ch) = f.get(i) {
            match ch {
                '-' => c.left = true,
                '+' => c.sign = true,
                ' ' => c.blank = true,
                '#' => c.alt = true,
                '0' => c.zero = true,
                _ => break,
            }
            i += 1;
        }
        if f.get(i) == Some(&'*') {
            let w = star_arg(&mut st)?;
            if w < 0 {
                c.left = true;
            }
            c.width = Some(w.unsigned_abs() as usize);
            i += 1;
        } else {
            c.width = digits(f, &mut i)?;
        }
        if f.get(i) == Some(&'.') {
            i += 1;
            if f.get(i) == Some(&'*') {
                let p = star_arg(&mut st)?;
                c.prec = Some(p.max(0) as usize);
                i += 1;
            } else {
                c.prec = Some(digits(f, &mut i)?.unwrap_or(0));
            }
        }
        super::format_spec::check_field(c.width)?;
        super::format_spec::check_field(c.prec)?;
        while matches!(f.get(i), Some('h' | 'l' | 'L')) {
            i += 1;
        }
        let Some(&kind) = f.get(i) else {
            return Err(value_error("incomplete format"));
        };
        i += 1;
        if kind == '%' {
            out.push('%');
            continue;
        }
        let v = match value.take() {
            Some(v) => v,
            None => st.next()?,
        };
        let text = convert(vm, &v, kind, &c, mode, i - 1)?;
        out.extend(text);
    }
    if st.idx < st.len && st.dict.is_none() {
        return Err(type_error(match mode {
            Mode::Str => "not all arguments converted during string formatting",
            Mode::Bytes => "not all arguments converted during bytes formatting",
        }));
    }
    Ok(out)
}

fn star_arg(st: &mut ArgState) -> PyResult<i64> {
    let v = st.next()?;
    if !is_int(&v) {
        return Err(type_error("* wants int"));
    }
    big(&v)
        .and_then(|b| b.to_i64())
        .filter(|n| n.unsigned_abs() <= isize::MAX as u64)
        .ok_or_else(|| value_error("width too big"))
}

fn digits(f: &[char], i: &mut usize) -> PyResult<Option<usize>> {
    let start = *i;
    let mut n: usize = 0;
    while let Some(d) = f.get(*i).and_then(|c| c.to_digit(10)) {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d as usize))
            .ok_or_else(|| value_error("width too big"))?;
        *i += 1;
    }
    Ok((*i > start).then_some(n))
}

/// One conversion, padded.
fn convert(
    vm: &mut Vm,
    v: &Value,
    kind: char,
    c: &Conv,
    mode: Mode,
    index: usize,
) -> PyResult<Vec<char>> {
    match kind {
        's' | 'r' | 'a' | 'b' => {
            let mut t: Vec<char> = match (mode, kind) {
                (Mode::Str, 's') => protocol::str_of(vm, v)?.chars().collect(),
                (Mode::Str, 'r') => super::repr(vm, v)?.chars().collect(),
                (_, 'r' | 'a') => super::text::ascii(&super::repr(vm, v)?).chars().collect(),
                (Mode::Bytes, 's' | 'b') => bytes_arg(vm, v)?.iter().map(|&b| b as char).collect(),
                _ => return Err(unsupported(kind, index)),
            };
            if let Some(p) = c.prec {
                t.truncate(p);
            }
            Ok(pad(c, Vec::new(), t, false))
        }
        'c' => {
            let ch = match (mode, v) {
                (Mode::Str, Value::Str(s)) if s.chars().count() == 1 => s.chars().next(),
                (Mode::Bytes, Value::Bytes(b)) if b.len() == 1 => Some(b[0] as char),
                (Mode::Bytes, Value::ByteArray(b)) if b.borrow().len() == 1 => {
                    Some(b.borrow()[0] as char)
                }
                (_, v) if is_int(v) => {
                    let n = big(v).unwrap_or_default();
                    let limit = if mode == Mode::Str { 0x110000 } else { 256 };
                    match n.to_u32().filter(|x| *x < limit) {
                        Some(x) if mode == Mode::Bytes => Some(x as u8 as char),
                        Some(x) => char::from_u32(x),
                        None if mode == Mode::Str => {
                            return Err(overflow_error("%c arg not in range(0x110000)"))
                        }
                        None => return Err(overflow_error("%c arg not in range(256)")),
                    }
                }
                _ => None,
            };
            let Some(ch) = ch else {
                return Err(type_error(match mode {
                    Mode::Str => "%c requires int or char".to_string(),
                    Mode::Bytes => "%c requires an integer in range(256) or a single byte".into(),
                }));
            };
            Ok(pad(c, Vec::new(), vec![ch], false))
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let n = int_arg(vm, v, kind)?;
            let (base, prefix) = match kind {
                'o' => (8, "0o"),
                'x' => (16, "0x"),
                'X' => (16, "0X"),
                _ => (10, ""),
            };
            let mut digits = n.abs().to_str_radix(base);
            if kind == 'X' {
                digits = digits.to_uppercase();
            }
            if let Some(p) = c.prec {
                if digits.len() < p {
                    digits = format!("{}{digits}", "0".repeat(p - digits.len()));
                }
            }
            let mut head = sign_of(n.is_negative(), c);
            if c.alt && base != 10 {
                head.extend(prefix.chars());
            }
            Ok(pad(c, head, digits.chars().collect(), true))
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = float_arg(vm, v)?;
            let flags = Flags {
                alt: c.alt,
                ..Flags::default()
            };
            let s = double_to_string(x, kind, c.prec.unwrap_or(6), flags);
            let (neg, body) = match s.strip_prefix('-') {
                Some(rest) => (true, rest.to_string()),
                None => (false, s),
            };
            // inf and nan are never zero-padded.
            let numeric = x.is_finite();
            Ok(pad(c, sign_of(neg, c), body.chars().collect(), numeric))
        }
        _ => Err(unsupported(kind, index)),
    }
}

#[cold]
fn unsupported(kind: char, index: usize) -> crate::object::PyErr {
    let shown = if (kind as u32) < 128 { kind } else { '?' };
    value_error(format!(
        "unsupported format character '{shown}' (0x{:x}) at index {index}",
        kind as u32
    ))
}

fn sign_of(negative: bool, c: &Conv) -> Vec<char> {
    if negative {
        vec!['-']
    } else if c.sign {
        vec!['+']
    } else if c.blank {
        vec![' ']
    } else {
        vec![]
    }
}

/// Width padding: spaces on the left (right with `-`), or zeros between
/// the sign/prefix and the digits with `0` on a number.
fn pad(c: &Conv, head: Vec<char>, body: Vec<char>, numeric: bool) -> Vec<char> {
    let len = head.len() + body.len();
    let width = c.width.unwrap_or(0);
    let mut out = Vec::with_capacity(width.max(len));
    if len >= width {
        out.extend(head);
        out.extend(body);
        return out;
    }
    let n = width - len;
    if c.left {
        out.extend(head);
        out.extend(body);
        out.extend(std::iter::repeat_n(' ', n));
    } else if c.zero && numeric {
        out.extend(head);
        out.extend(std::iter::repeat_n('0', n));
        out.extend(body);
    } else {
        out.extend(std::iter::repeat_n(' ', n));
        out.extend(head);
        out.extend(body);
    }
    out
}

/// The integer `%d`/`%x`/... formats: ints, floats truncated for `%d`,
/// `__index__` (and `__int__` for `%d`).
fn int_arg(vm: &mut Vm, v: &Value, kind: char) -> PyResult<BigInt> {
    if let Some(n) = big(v) {
        return Ok(n);
    }
    let decimal = matches!(kind, 'd' | 'i' | 'u');
    if let (true, Value::Float(f)) = (decimal, v) {
        let n = crate::vm::protocol::number::float_to_int(*f)?;
        return Ok(big(&n).unwrap_or_default());
    }
    if let Some(p) = protocol::builtin_payload(v, "__index__") {
        if let Some(n) = big(&p) {
            return Ok(n);
        }
    }
    let names: &[&str] = if decimal {
        &["__index__", "__int__"]
    } else {
        &["__index__"]
    };
    for name in names {
        if let Some(r) = protocol::call_dunder(vm, v, name, vec![])? {
            if let Some(n) = big(&r) {
                return Ok(n);
            }
        }
    }
    Err(type_error(if decimal {
        format!(
            "%{kind} format: a real number is required, not {}",
            type_name(v)
        )
    } else {
        format!(
            "%{kind} format: an integer is required, not {}",
            type_name(v)
        )
    }))
}

fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        v if is_int(v) => float_of_int(v),
        v => {
            if let Some(Value::Float(f)) = protocol::call_dunder(vm, v, "__float__", vec![])? {
                return Ok(f);
            }
            if let Some(p) = protocol::builtin_payload(v, "__float__") {
                return float_arg(vm, &p);
            }
            Err(type_error(format!(
                "must be real number, not {}",
                type_name(v)
            )))
        }
    }
}

/// `%s`/`%b` in bytes formatting: a bytes-like object or `__bytes__`.
fn bytes_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Bytes(b) => return Ok(b.to_vec()),
        Value::ByteArray(b) => return Ok(b.borrow().clone()),
        _ => {}
    }
    if let Some(Value::Bytes(b)) = protocol::call_dunder(vm, v, "__bytes__", vec![])? {
        return Ok(b.to_vec());
    }
    Err(type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        type_name(v)
    )))
}
