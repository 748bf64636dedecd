//! `int`, `float` and `complex`: their methods (longobject.c,
//! floatobject.c, complexobject.c).

use super::*;

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};

use crate::object::exception::overflow_error;

/// Methods of `Int`, `Bool` (kind Int | Bool).
pub static INT_METHODS: &[MethodDef] = &[
    m("bit_length", int_bit_length),
    m("to_bytes", int_to_bytes),
    m("from_bytes", int_from_bytes).class(),
    m("conjugate", |_, a| Ok(ops::int_value(&a.positional[0]))),
    m("bit_count", |_, a| {
        let n = ops::arith::big(&a.positional[0]).unwrap_or_default();
        let ones: u64 = n
            .magnitude()
            .to_u64_digits()
            .iter()
            .map(|d| d.count_ones() as u64)
            .sum();
        Ok(Value::Int(ones as i64))
    }),
    m("as_integer_ratio", |_, a| {
        Ok(Value::tuple(vec![
            ops::int_value(&a.positional[0]),
            Value::Int(1),
        ]))
    }),
];

/// Methods of `Float` (kind Float).
pub static FLOAT_METHODS: &[MethodDef] = &[
    m("is_integer", |_, a| {
        Ok(Value::Bool(
            matches!(a.positional[0], Value::Float(f) if f.fract() == 0.0 && f.is_finite()),
        ))
    }),
    m("hex", float_hex),
    m("__getformat__", float_getformat).o().class(),
    m("as_integer_ratio", float_as_integer_ratio),
    m("fromhex", float_fromhex).class(),
    m("conjugate", |_, a| Ok(a.positional[0].clone())),
];

/// `float.__getformat__(typestr)`: how `double` and `float` are stored.
pub(super) fn float_getformat(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let arg = match a.positional {
        [_, arg] => arg,
        other => {
            return Err(type_error(format!(
                "float.__getformat__() takes exactly one argument ({} given)",
                other.len().saturating_sub(1)
            )))
        }
    };
    let Value::Str(s) = arg else {
        let name = match arg {
            Value::None => "None".into(),
            other => protocol::type_name(other),
        };
        return Err(type_error(format!(
            "__getformat__() argument must be str, not {name}"
        )));
    };
    match &**s {
        "double" | "float" if cfg!(target_endian = "big") => Ok(Value::str("IEEE, big-endian")),
        "double" | "float" => Ok(Value::str("IEEE, little-endian")),
        _ => Err(value_error(
            "__getformat__() argument 1 must be 'double' or 'float'",
        )),
    }
}

pub(super) fn int_bit_length(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = ops::arith::big(&args.positional[0]).unwrap_or_default();
    Ok(Value::Int(n.bits() as i64))
}

pub(super) fn int_to_bytes(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = ops::arith::big(&args.positional[0]).unwrap_or_default();
    let length = args
        .positional
        .get(1)
        .or_else(|| kwarg(&args, "length"))
        .map(index_of)
        .transpose()?
        .unwrap_or(1) as usize;
    let order = args
        .positional
        .get(2)
        .or_else(|| kwarg(&args, "byteorder"))
        .map(protocol::str_arg)
        .transpose()?
        .unwrap_or_else(|| "big".into());
    let signed = kwarg(&args, "signed").is_some_and(|v| matches!(v, Value::Bool(true)));
    let mut bytes = if signed {
        n.to_signed_bytes_le()
    } else {
        if num_traits::Signed::is_negative(&n) {
            return Err(crate::object::exception::overflow_error(
                "can't convert negative int to unsigned",
            ));
        }
        n.to_bytes_le().1
    };
    if bytes.len() > length && !(bytes.len() == 1 && bytes[0] == 0 && length == 0) {
        return Err(crate::object::exception::overflow_error(
            "int too big to convert",
        ));
    }
    let fill = if signed && num_traits::Signed::is_negative(&n) {
        0xff
    } else {
        0
    };
    bytes.resize(length, fill);
    if order == "big" {
        bytes.reverse();
    }
    Ok(Value::Bytes(Rc::from(bytes)))
}

pub(super) fn int_from_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // Called on the class: positional[0] is the bytes when bound to `int`.
    let data = args
        .positional
        .iter()
        .find(|v| matches!(v, Value::Bytes(_) | Value::List(_)))
        .cloned()
        .unwrap_or(Value::Bytes(Rc::from(Vec::new())));
    let mut bytes: Vec<u8> = match data {
        Value::Bytes(b) => b.to_vec(),
        other => protocol::collect(vm, &other)?
            .iter()
            .map(|v| index_of(v).map(|i| i as u8))
            .collect::<PyResult<_>>()?,
    };
    let order = args
        .positional
        .iter()
        .rev()
        .find_map(|v| {
            if let Value::Str(s) = v {
                Some(s.to_string())
            } else {
                None
            }
        })
        .or_else(|| kwarg(&args, "byteorder").and_then(|v| protocol::str_arg(v).ok()))
        .unwrap_or_else(|| "big".into());
    if order == "big" {
        bytes.reverse();
    }
    let signed = kwarg(&args, "signed").is_some_and(|v| matches!(v, Value::Bool(true)));
    let n = if signed {
        num_bigint::BigInt::from_signed_bytes_le(&bytes)
    } else {
        num_bigint::BigInt::from_bytes_le(num_bigint::Sign::Plus, &bytes)
    };
    Ok(ops::arith::from_big(n))
}

pub(super) fn float_hex(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Float(f) = args.positional[0] else {
        return Err(type_error("float.hex needs a float"));
    };
    if !f.is_finite() {
        return Ok(Value::str(&crate::object::repr::repr_float(f)));
    }
    if f == 0.0 {
        return Ok(Value::str(if f.is_sign_negative() {
            "-0x0.0p+0"
        } else {
            "0x0.0p+0"
        }));
    }
    let bits = f.to_bits();
    let sign = if f < 0.0 { "-" } else { "" };
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    // Always the 13 hex digits of the 52 fraction bits (floatobject.c
    // float_hex_impl).
    let m = format!("{mant:013x}");
    Ok(Value::str(&format!(
        "{sign}0x{lead}.{m}p{}{}",
        if e < 0 { "-" } else { "+" },
        e.abs()
    )))
}

/// Methods of `complex`.
pub static COMPLEX_METHODS: &[MethodDef] = &[
    m("__complex__", |_, a| match a.positional[0] {
        Value::Complex(re, im) => Ok(Value::Complex(re, im)),
        ref other => Err(type_error(format!(
            "descriptor '__complex__' for 'complex' objects doesn't apply to a '{}' object",
            type_name(other)
        ))),
    }),
    m("conjugate", |_, a| match a.positional[0] {
        Value::Complex(re, im) => Ok(Value::Complex(re, -im)),
        _ => Err(type_error(
            "descriptor 'conjugate' requires a 'complex' object",
        )),
    }),
];

pub(super) fn float_as_integer_ratio(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Value::Float(f) = a.positional[0] else {
        return Err(type_error("descriptor requires a 'float' object"));
    };
    if f.is_infinite() {
        return Err(overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(value_error("cannot convert NaN to integer ratio"));
    }
    let bits = f.to_bits();
    let sign = if bits >> 63 == 1 { -1 } else { 1 };
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut mant, mut e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    };
    if mant == 0 {
        return Ok(Value::tuple(vec![Value::Int(0), Value::Int(1)]));
    }
    while mant & 1 == 0 && e < 0 {
        mant >>= 1;
        e += 1;
    }
    let mut num = BigInt::from(mant) * sign;
    let mut den = BigInt::from(1);
    if e > 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    Ok(Value::tuple(vec![big_value(num), big_value(den)]))
}

pub(super) fn big_value(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::BigInt(Rc::new(b)),
    }
}

pub(super) fn float_fromhex(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = match a.positional.last() {
        Some(Value::Str(s)) if a.positional.len() >= 2 => s.clone(),
        Some(other) => {
            return Err(type_error(format!(
                "bad argument type for built-in operation: {}",
                type_name(other)
            )))
        }
        None => return Err(type_error("fromhex() takes exactly one argument")),
    };
    parse_hex_float(s.trim())
        .ok_or_else(|| value_error("invalid hexadecimal floating-point string"))
        .and_then(|r| r)
        .map(Value::Float)
}

pub(super) fn parse_hex_float(s: &str) -> Option<PyResult<f64>> {
    let lower = s.to_ascii_lowercase();
    let (neg, body) = match lower.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, lower.strip_prefix('+').unwrap_or(&lower)),
    };
    let sign = if neg { -1.0 } else { 1.0 };
    match body {
        "inf" | "infinity" => return Some(Ok(sign * f64::INFINITY)),
        "nan" => return Some(Ok(f64::NAN)),
        _ => {}
    }
    let body = body.strip_prefix("0x").unwrap_or(body);
    let (mant, exp) = match body.split_once('p') {
        Some((m, e)) => (m, e.parse::<i64>().ok()?),
        None => (body, 0),
    };
    let (int_part, frac_part) = match mant.split_once('.') {
        Some((i, f)) => (i, f),
        None => (mant, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    let mut value = BigInt::zero();
    for c in int_part.chars().chain(frac_part.chars()) {
        value = value * 16 + c.to_digit(16)?;
    }
    let e = exp - 4 * frac_part.len() as i64;
    // Exact scaling: value * 2**e, rounded once.
    let f = if value.is_zero() {
        0.0
    } else {
        let bits = value.bits() as i64;
        if bits + e > 1025 {
            return Some(Err(overflow_error(
                "hexadecimal value too large to represent as a float",
            )));
        }
        let shift = bits - 55;
        let (m, e2) = if shift > 0 {
            let lost: BigInt = &value & ((BigInt::from(1) << shift as usize) - 1);
            let mut m: BigInt = &value >> shift as usize;
            if !lost.is_zero() {
                m |= BigInt::from(1);
            }
            (m, e + shift)
        } else {
            (value, e)
        };
        let mf = m.to_f64()?;
        mf * 2f64.powi(e2.clamp(-2000, 2000) as i32)
    };
    Some(Ok(sign * f))
}
