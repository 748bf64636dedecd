//! Numeric builtins: the `int`, `float` and `complex` constructors (with
//! CPython's string grammars), `round`, `divmod` and `pow`, and exact
//! float-to-int conversion.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

use super::kwarg;
use crate::object::exception::{overflow_error, type_error, value_error, zero_division_error};
use crate::object::function::Args;
use crate::object::{PyResult, Value};
use crate::vm::ops::arith::{big, float_divmod, floor_divmod_big, from_big, is_int, to_f64};
use crate::vm::ops::{self, index_of};
use crate::vm::protocol::{self, type_name};
use crate::vm::Vm;

/// `int(x)` / `int(s, base)`.
pub fn new_int(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    if args.positional.len() > 2 {
        return Err(type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            args.positional.len()
        )));
    }
    let first = args.positional.first().or_else(|| kwarg(args, "x"));
    let base = args.positional.get(1).or_else(|| kwarg(args, "base"));
    let Some(v) = first else {
        if base.is_some() {
            return Err(type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    let text = string_like(v);
    match (text, base) {
        (Some(s), base) => {
            let base = match base {
                Some(b) => index_of(b)?,
                None => 10,
            };
            if base != 0 && !(2..=36).contains(&base) {
                return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            parse_int(&s, base as u32).ok_or_else(|| {
                value_error(format!(
                    "invalid literal for int() with base {base}: {}",
                    literal_repr(v, &s)
                ))
            })
        }
        (None, None) => int_of(vm, v),
        (None, Some(_)) => Err(type_error(
            "int() can't convert non-string with explicit base",
        )),
    }
}

/// The text of a str, bytes or bytearray argument to `int()`/`float()`.
fn string_like(v: &Value) -> Option<String> {
    match v {
        Value::Str(s) => Some(s.to_string()),
        Value::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
        Value::ByteArray(b) => Some(String::from_utf8_lossy(&b.borrow()).into_owned()),
        _ => None,
    }
}

/// How an unparsable argument appears in the error: `repr()` of the object.
fn literal_repr(v: &Value, s: &str) -> String {
    match v {
        Value::Bytes(b) => crate::object::repr::repr_bytes(b),
        Value::ByteArray(b) => format!(
            "bytearray({})",
            crate::object::repr::repr_bytes(&b.borrow())
        ),
        _ => crate::object::repr::repr_str(s.chars().map(|c| c as u32)),
    }
}

/// `int(x)` for a non-string: ints, floats (truncated), `__int__`,
/// `__index__`, `__trunc__`.
pub fn int_of(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(match v {
        Value::Int(_) | Value::BigInt(_) => v.clone(),
        Value::Bool(b) => Value::Int(*b as i64),
        Value::Float(f) => float_to_int(*f)?,
        other => {
            for name in ["__int__", "__index__", "__trunc__"] {
                if let Some(i) = protocol::call_dunder(vm, other, name, vec![])? {
                    return Ok(i);
                }
            }
            if let Some(p) = protocol::builtin_payload(other, "__int__") {
                return int_of(vm, &p);
            }
            return Err(type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                type_name(other)
            )));
        }
    })
}

pub use crate::vm::protocol::number::{decompose, float_to_big, float_to_int};

/// CPython's `PyLong_FromString`: optional sign, a base prefix (`0x`, `0o`,
/// `0b`) when the base allows it, digits with single underscores between
/// them, surrounding whitespace. `None` when malformed.
pub fn parse_int(s: &str, base: u32) -> Option<Value> {
    let t = s.trim_matches(crate::object::chars::is_space);
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let prefix = t.get(..2).map(|p| p.to_ascii_lowercase());
    let base0 = base == 0;
    let (base, digits, prefixed) = match (base, prefix.as_deref()) {
        (0 | 16, Some("0x")) => (16, &t[2..], true),
        (0 | 8, Some("0o")) => (8, &t[2..], true),
        (0 | 2, Some("0b")) => (2, &t[2..], true),
        (0, _) => (10, t, false),
        (b, _) => (b, t, false),
    };
    // After a prefix one underscore may come first (`0x_ff`).
    let digits = match digits.strip_prefix('_') {
        Some(rest) if prefixed => rest,
        _ => digits,
    };
    let mut clean = String::with_capacity(digits.len());
    let mut prev_underscore = true; // no leading underscore
    for c in digits.chars() {
        if c == '_' {
            if prev_underscore {
                return None;
            }
            prev_underscore = true;
            continue;
        }
        let d = c
            .to_digit(36)
            .or_else(|| crate::object::chars::decimal_value(c))?;
        if d >= base {
            return None;
        }
        clean.push(std::char::from_digit(d, 36)?);
        prev_underscore = false;
    }
    if clean.is_empty() || prev_underscore {
        return None;
    }
    // Base 0 without a prefix: no leading zeros on a nonzero number.
    if base0 && !prefixed && clean.starts_with('0') && clean.bytes().any(|c| c != b'0') {
        return None;
    }
    let n = BigInt::parse_bytes(clean.as_bytes(), base)?;
    Some(from_big(if neg { -n } else { n }))
}

/// `float(x)`.
pub fn new_float(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let Some(v) = args.positional.first() else {
        return Ok(Value::Float(0.0));
    };
    if let Some(s) = string_like(v) {
        return parse_float(&s).map(Value::Float).ok_or_else(|| {
            value_error(format!(
                "could not convert string to float: {}",
                literal_repr(v, &s)
            ))
        });
    }
    match v {
        Value::Float(f) => Ok(Value::Float(*f)),
        v if is_int(v) => Ok(Value::Float(ops::arith::float_of_int(v)?)),
        v => {
            for name in ["__float__", "__index__"] {
                if let Some(f) = protocol::call_dunder(vm, v, name, vec![])? {
                    return match f {
                        Value::Float(_) => Ok(f),
                        f if is_int(&f) && name == "__index__" => {
                            Ok(Value::Float(ops::arith::float_of_int(&f)?))
                        }
                        other => Err(type_error(format!(
                            "{}.{name} returned non-float (type {})",
                            type_name(v),
                            type_name(&other)
                        ))),
                    };
                }
            }
            if let Some(p) = protocol::builtin_payload(v, "__float__") {
                return new_float(
                    vm,
                    &Args {
                        positional: &[p],
                        keywords: &[],
                    },
                );
            }
            Err(type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                type_name(v)
            )))
        }
    }
}

/// A float literal as `float()` accepts it: whitespace, sign, digits with
/// single underscores between digits, `inf`/`infinity`/`nan`.
pub fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim_matches(crate::object::chars::is_space);
    let (f, used) = float_prefix(t, true)?;
    (used == t.len()).then_some(f)
}

/// The longest float literal at the start of `s`: its value and length.
fn float_prefix(s: &str, underscores: bool) -> Option<(f64, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    let neg = match b.first() {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let rest = s[i..].to_ascii_lowercase();
    for word in ["infinity", "inf"] {
        if rest.starts_with(word) {
            let v = if neg {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            };
            return Some((v, i + word.len()));
        }
    }
    if rest.starts_with("nan") {
        return Some((fresh_nan(neg), i + 3));
    }
    let mut text = String::new();
    if neg {
        text.push('-');
    }
    // digits [. digits] [e [sign] digits]; underscores only between digits.
    let digits = |i: &mut usize, text: &mut String| -> Option<usize> {
        let start = *i;
        while *i < b.len() {
            match b[*i] {
                c @ b'0'..=b'9' => {
                    text.push(c as char);
                    *i += 1;
                }
                b'_' if underscores
                    && *i > start
                    && b[*i - 1].is_ascii_digit()
                    && b.get(*i + 1).is_some_and(u8::is_ascii_digit) =>
                {
                    *i += 1
                }
                _ => break,
            }
        }
        Some(*i - start)
    };
    let int_digits = digits(&mut i, &mut text)?;
    let mut frac_digits = 0;
    if b.get(i) == Some(&b'.') {
        let mut j = i + 1;
        let mut t2 = text.clone();
        t2.push('.');
        frac_digits = digits(&mut j, &mut t2)?;
        if int_digits + frac_digits > 0 {
            i = j;
            text = t2;
        }
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        let mut t2 = text.clone();
        t2.push('e');
        if let Some(&c @ (b'+' | b'-')) = b.get(j) {
            t2.push(c as char);
            j += 1;
        }
        if digits(&mut j, &mut t2)? > 0 {
            i = j;
            text = t2;
        }
    }
    text.parse::<f64>().ok().map(|f| (f, i))
}

thread_local! {
    static NAN_COUNTER: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A quiet NaN with a payload no other NaN from here has. CPython's floats
/// are objects, so two `float('nan')` are different objects and a list
/// holding one finds it by identity (`[x] == [x]`, `[x].count(x)`), but not
/// the other; values here have no identity, so the payload stands in for
/// it (`Value::is` compares float bits). Arithmetic NaNs keep the default.
pub fn fresh_nan(negative: bool) -> f64 {
    let n = NAN_COUNTER.with(|c| {
        let n = c.get().wrapping_add(1);
        c.set(n);
        n
    });
    let bits = 0x7ff8_0000_0000_0000u64 | (n & 0x0007_ffff_ffff_ffff);
    let f = f64::from_bits(bits);
    if negative {
        -f
    } else {
        f
    }
}

/// `complex(real, imag)` / `complex(string)`.
pub fn new_complex(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let real = args.positional.first().or_else(|| kwarg(args, "real"));
    let imag = args.positional.get(1).or_else(|| kwarg(args, "imag"));
    let Some(real) = real else {
        let (re, im) = match imag {
            Some(i) => complex_part(vm, i, "second")?,
            None => (0.0, 0.0),
        };
        return Ok(Value::Complex(0.0 - im, 0.0 + re));
    };
    if let Value::Str(s) = real {
        if imag.is_some() {
            return Err(type_error(
                "complex() can't take second arg if first is a string",
            ));
        }
        let (re, im) =
            parse_complex(s).ok_or_else(|| value_error("complex() arg is a malformed string"))?;
        return Ok(Value::Complex(re, im));
    }
    if let Some(Value::Str(_)) = imag {
        return Err(type_error("complex() second arg can't be a string"));
    }
    let (mut re, ai) = complex_part(vm, real, "first")?;
    let real_is_complex = matches!(real, Value::Complex(..)) || ai != 0.0;
    let Some(imag) = imag else {
        return Ok(Value::Complex(re, ai));
    };
    let (mut im, bi) = complex_part(vm, imag, "second")?;
    // complex_new: only a complex part contributes its imaginary half, so
    // complex(0.0, -0.0) keeps the sign of its zero.
    if matches!(imag, Value::Complex(..)) {
        re -= bi;
    }
    if real_is_complex {
        im += ai;
    }
    Ok(Value::Complex(re, im))
}

/// One argument of `complex()` as (re, im): numbers, `__complex__`,
/// `__float__`, `__index__`.
fn complex_part(vm: &mut Vm, v: &Value, which: &str) -> PyResult<(f64, f64)> {
    match v {
        Value::Complex(r, i) => return Ok((*r, *i)),
        Value::Float(f) => return Ok((*f, 0.0)),
        v if is_int(v) => return Ok((ops::arith::float_of_int(v)?, 0.0)),
        _ => {}
    }
    if let Some(c) = protocol::call_dunder(vm, v, "__complex__", vec![])? {
        return match c {
            Value::Complex(r, i) => Ok((r, i)),
            other => Err(type_error(format!(
                "__complex__ returned non-complex (type {})",
                type_name(&other)
            ))),
        };
    }
    for name in ["__float__", "__index__"] {
        if let Some(f) = protocol::call_dunder(vm, v, name, vec![])? {
            return Ok((to_f64(&f).unwrap_or(0.0), 0.0));
        }
    }
    if let Some(p) = protocol::builtin_payload(v, "__float__") {
        return complex_part(vm, &p, which);
    }
    Err(type_error(format!(
        "complex() {which} argument must be a string or a number, not '{}'",
        type_name(v)
    )))
}

/// complexobject.c's `complex_from_string_inner`: `<float>`, `<float>j`,
/// `<float><signed-float>j`, a bare `j` with optional sign, in optional
/// parentheses, with surrounding whitespace.
pub fn parse_complex(s: &str) -> Option<(f64, f64)> {
    let mut t = s.trim_matches(crate::object::chars::is_space);
    if let Some(inner) = t.strip_prefix('(') {
        t = inner
            .strip_suffix(')')?
            .trim_matches(crate::object::chars::is_space);
    }
    let is_j = |t: &str| matches!(t.as_bytes().first(), Some(b'j' | b'J'));
    let (re, im, rest) = match float_prefix(t, true) {
        Some((z, n)) => {
            let rest = &t[n..];
            match rest.as_bytes().first() {
                Some(b'+' | b'-') => {
                    let (y, m) = match float_prefix(rest, true) {
                        Some(p) => p,
                        None => (if rest.starts_with('+') { 1.0 } else { -1.0 }, 1),
                    };
                    let rest = &rest[m..];
                    if !is_j(rest) {
                        return None;
                    }
                    (z, y, &rest[1..])
                }
                Some(b'j' | b'J') => (0.0, z, &rest[1..]),
                _ => (z, 0.0, rest),
            }
        }
        None => {
            let (y, rest) = match t.as_bytes().first() {
                Some(b'+') => (1.0, &t[1..]),
                Some(b'-') => (-1.0, &t[1..]),
                _ => (1.0, t),
            };
            if !is_j(rest) {
                return None;
            }
            (0.0, y, &rest[1..])
        }
    };
    rest.is_empty().then_some((re, im))
}

/// `round(x, ndigits)`: half to even, as CPython.
pub fn round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(x) = args.positional.first().or_else(|| kwarg(&args, "number")) else {
        return Err(type_error(
            "round() missing required argument 'number' (pos 1)",
        ));
    };
    let nd = args
        .positional
        .get(1)
        .or_else(|| kwarg(&args, "ndigits"))
        .filter(|v| !v.is_none());
    if let Some(r) = protocol::call_dunder(vm, x, "__round__", nd.cloned().into_iter().collect())? {
        return Ok(r);
    }
    let x = protocol::builtin_payload(x, "__round__").unwrap_or_else(|| x.clone());
    match (&x, nd) {
        (v, None) if is_int(v) => Ok(ops::int_value(v)),
        (v, Some(n)) if is_int(v) => {
            let n = index_of(n)?;
            if n >= 0 {
                return Ok(ops::int_value(v));
            }
            let p = num_traits::pow(BigInt::from(10), n.unsigned_abs() as usize);
            let v = big(v).unwrap_or_default();
            Ok(from_big(round_half_even(&v, &p) * p))
        }
        (Value::Float(f), None) => float_to_int(f.round_ties_even()),
        (Value::Float(f), Some(n)) => {
            let n = index_of(n)?;
            Ok(Value::Float(round_float(*f, n)?))
        }
        (other, _) => Err(type_error(format!(
            "type {} doesn't define __round__ method",
            type_name(other)
        ))),
    }
}

/// `num / den` rounded to an integer, ties to even (`den > 0`).
fn round_half_even(num: &BigInt, den: &BigInt) -> BigInt {
    let (q, r) = floor_divmod_big(num, den);
    let twice: BigInt = &r * 2;
    if twice > *den || (twice == *den && q.is_odd()) {
        q + 1
    } else {
        q
    }
}

/// `round(f, n)` correctly rounded, as floatobject.c's `double_round`: the
/// exact binary value is rounded to `n` decimal places half to even, and the
/// decimal result converted back with correct rounding.
fn round_float(f: f64, n: i64) -> PyResult<f64> {
    // NDIGITS_MAX and NDIGITS_MIN in floatobject.c.
    if !f.is_finite() || f == 0.0 || n > 323 {
        return Ok(f);
    }
    if n < -308 {
        return Ok(0.0f64.copysign(f));
    }
    let (m, e) = decompose(f);
    let mut num = BigInt::from(m);
    let mut den = BigInt::one();
    if e >= 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    let p = num_traits::pow(BigInt::from(10), n.unsigned_abs() as usize);
    if n >= 0 {
        num *= p;
    } else {
        den *= p;
    }
    let q = round_half_even(&num, &den);
    if q.is_zero() {
        return Ok(0.0f64.copysign(f));
    }
    let r: f64 = format!("{q}e{}", -n).parse().unwrap_or(f64::INFINITY);
    if r.is_infinite() {
        return Err(overflow_error("rounded value too large to represent"));
    }
    Ok(r)
}

/// `divmod(a, b)`: builtin numbers directly, else `__divmod__` /
/// `__rdivmod__` in `binary_op1`'s order.
pub fn divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.positional else {
        return Err(type_error(format!(
            "divmod expected 2 arguments, got {}",
            args.positional.len()
        )));
    };
    let plain = |v: &Value, name| protocol::builtin_payload(v, name).unwrap_or_else(|| v.clone());
    if let Some(r) = builtin_divmod(&plain(a, "__divmod__"), &plain(b, "__rdivmod__"))? {
        return Ok(r);
    }
    if let Some(r) = ops::arith::call_binary_dunders(vm, a, b, "__divmod__", "__rdivmod__")? {
        return Ok(r);
    }
    Err(type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        type_name(a),
        type_name(b)
    )))
}

fn builtin_divmod(a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if let (Some(x), Some(y)) = (big(a), big(b)) {
        if y.is_zero() {
            return Err(zero_division_error("integer division or modulo by zero"));
        }
        let (q, r) = floor_divmod_big(&x, &y);
        return Ok(Some(Value::tuple(vec![from_big(q), from_big(r)])));
    }
    let num = |v: &Value| is_int(v) || matches!(v, Value::Float(_));
    if num(a) && num(b) {
        let x = ops::arith::float_of_int(a)?;
        let y = ops::arith::float_of_int(b)?;
        if y == 0.0 {
            return Err(zero_division_error("float divmod()"));
        }
        let (q, r) = float_divmod(x, y);
        return Ok(Some(Value::tuple(vec![Value::Float(q), Value::Float(r)])));
    }
    Ok(None)
}

/// `pow(base, exp, mod=None)`; all three may be given by keyword.
pub fn pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut params: [Option<Value>; 3] = [None, None, None];
    if args.positional.len() > 3 {
        return Err(type_error(format!(
            "pow() takes at most 3 arguments ({} given)",
            args.positional.len()
        )));
    }
    for (slot, v) in params.iter_mut().zip(args.positional) {
        *slot = Some(v.clone());
    }
    for (name, v) in args.keywords {
        let i = match &**name {
            "base" => 0,
            "exp" => 1,
            "mod" => 2,
            other => {
                return Err(type_error(format!(
                    "'{other}' is an invalid keyword argument for pow()"
                )))
            }
        };
        if params[i].is_some() {
            return Err(type_error(format!(
                "argument for pow() given by name ('{name}') and position ({})",
                i + 1
            )));
        }
        params[i] = Some(v.clone());
    }
    match params {
        [Some(b), Some(e), Some(m)] if !m.is_none() => {
            // Three-argument power never uses __rpow__ (typeobject.c's
            // slot_nb_power).
            if let Some(r) = protocol::call_dunder(vm, &b, "__pow__", vec![e.clone(), m.clone()])? {
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
            ops::arith::pow3(&b, &e, &m)
        }
        [Some(b), Some(e), _] => ops::binary_op(vm, 8, b, e),
        [_, None, _] if params[0].is_some() => {
            Err(type_error("pow() missing required argument 'exp' (pos 2)"))
        }
        _ => Err(type_error("pow() missing required argument 'base' (pos 1)")),
    }
}

/// `abs(x)`.
pub fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.positional else {
        return Err(type_error(format!(
            "abs() takes exactly one argument ({} given)",
            args.positional.len()
        )));
    };
    Ok(match x {
        Value::Int(i) => i
            .checked_abs()
            .map_or_else(|| from_big(BigInt::from(*i).abs()), Value::Int),
        Value::Bool(b) => Value::Int(*b as i64),
        Value::BigInt(b) => from_big(b.abs()),
        Value::Float(f) => Value::Float(f.abs()),
        Value::Complex(re, im) => {
            let r = re.hypot(*im);
            if r.is_infinite() && re.is_finite() && im.is_finite() {
                return Err(overflow_error("absolute value too large"));
            }
            Value::Float(r)
        }
        other => match protocol::call_dunder(vm, other, "__abs__", vec![])? {
            Some(v) => v,
            None => match protocol::builtin_payload(other, "__abs__") {
                Some(p) => {
                    return abs(
                        vm,
                        Args {
                            positional: &[p],
                            keywords: &[],
                        },
                    )
                }
                None => {
                    return Err(type_error(format!(
                        "bad operand type for abs(): '{}'",
                        type_name(other)
                    )))
                }
            },
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complex_strings() {
        assert_eq!(parse_complex("3-4j"), Some((3.0, -4.0)));
        assert_eq!(parse_complex(" ( -j ) "), Some((0.0, -1.0)));
        assert_eq!(parse_complex("1e3+2.5e-1J"), Some((1000.0, 0.25)));
        assert_eq!(parse_complex("1+"), None);
        assert_eq!(parse_complex("j1"), None);
    }

    #[test]
    fn float_strings() {
        assert_eq!(parse_float("1_0.5"), Some(10.5));
        assert_eq!(parse_float(" -2.5e3 "), Some(-2500.0));
        assert_eq!(parse_float("1.2.3"), None);
        assert_eq!(parse_float("1__0"), None);
        assert_eq!(parse_float("."), None);
        assert_eq!(parse_float("5."), Some(5.0));
    }

    #[test]
    fn rounding() {
        assert_eq!(round_float(2.675, 2).ok(), Some(2.67));
        assert_eq!(round_float(1e300, -300).ok(), Some(1e300));
        assert_eq!(round_float(0.125, 2).ok(), Some(0.12));
    }
}
