//! More methods of builtin types: `range.index/count`, the set `*_update`
//! methods, `int.bit_count`, `float.as_integer_ratio/fromhex`,
//! `complex.conjugate`, `bytes.fromhex/hex/decode`, `str.maketrans/translate/
//! istitle/isprintable`. (methods.rs holds the rest.)

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};

use crate::object::exception::{overflow_error, type_error, value_error};
use crate::object::function::{m, Args, MethodDef};

use crate::object::{builtin_types, PyResult, Value};
use crate::vm::ops;
use crate::vm::protocol::{self, type_name};
use crate::vm::Vm;

/// Methods of `DictView` (kind DictView).
pub static EXTRA_DICT_VIEW_METHODS: &[MethodDef] = &[
    m("isdisjoint", |vm, a| {
        let other = a.positional.get(1).cloned().unwrap_or(Value::None);
        for item in protocol::collect(vm, &other)? {
            if protocol::contains(vm, &a.positional[0], &item)? {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    }).o(),
];

/// Methods of `Iterator` (kind Iterator).
pub static EXTRA_ITERATOR_METHODS: &[MethodDef] = &[
    m("__length_hint__", iterator_length_hint),
];

/// Methods of `Function` (kind Function).
pub static EXTRA_FUNCTION_METHODS: &[MethodDef] = &[
    // funcobject.c's func_descr_get: bind to an instance, or the
    // function itself when there is none.
    m("__get__", |_, a| match a.positional {
        [f, obj, ..] if !obj.is_none() => Ok(Value::BoundMethod(Rc::new(
            crate::object::function::BoundMethod {
                function: f.clone(),
                receiver: obj.clone(),
            },
        ))),
        [f, ..] => Ok(f.clone()),
        [] => Err(type_error("descriptor '__get__' needs an argument")),
    }),
];

/// Methods of `Range` (kind Range).
pub static EXTRA_RANGE_METHODS: &[MethodDef] = &[
    m("index", range_index).clinic(1),
    m("count", range_count).o(),
];

/// Methods of `Set` (kind Set).
pub static EXTRA_SET_METHODS: &[MethodDef] = &[
    m("difference_update", |vm, a| set_update_with(vm, a, 10)),
    m("intersection_update", |vm, a| set_update_with(vm, a, 1)),
    m("symmetric_difference_update", |vm, a| set_update_with(vm, a, 12)),
];

/// Methods of `Int`, `Bool` (kind Int | Bool).
pub static EXTRA_INT_METHODS: &[MethodDef] = &[
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

/// Methods of `Complex` (kind Complex).
pub static EXTRA_COMPLEX_METHODS: &[MethodDef] = &[
    m("conjugate", |_, a| match a.positional[0] {
        Value::Complex(re, im) => Ok(Value::Complex(re, -im)),
        _ => Err(type_error(
            "descriptor 'conjugate' requires a 'complex' object",
        )),
    }),
];

/// Methods of `Float` (kind Float).
pub static EXTRA_FLOAT_METHODS: &[MethodDef] = &[
    m("as_integer_ratio", float_as_integer_ratio),
    m("fromhex", float_fromhex).class(),
    m("conjugate", |_, a| Ok(a.positional[0].clone())),
];

/// Methods of `Str` (kind Str).
pub static EXTRA_STR_METHODS: &[MethodDef] = &[
    m("maketrans", str_maketrans).class(),
    m("translate", str_translate),
    m("istitle", |_, a| Ok(Value::Bool(istitle(&this_str(&a)?)))),
    m("isprintable", |_, a| {
        let s = this_str(&a)?;
        Ok(Value::Bool(
            s.chars()
                .all(|c| crate::object::repr::is_printable(c as u32)),
        ))
    }),
];

/// Builtin classmethods among these.
pub fn is_classmethod(name: &str) -> bool {
    matches!(name, "fromhex" | "maketrans")
}

fn this_str(a: &Args) -> PyResult<Rc<str>> {
    match a.positional.first() {
        Some(Value::Str(s)) => Ok(s.clone()),
        _ => Err(type_error("descriptor requires a 'str' object")),
    }
}

/// `__length_hint__` of the builtin iterators that know how much is left
/// (listobject.c's `listiter_len`, `listreviter_len`, rangeobject.c's ...).
fn iterator_length_hint(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    use crate::object::iter::IterState;
    let Some(Value::Iterator(it)) = a.positional.first() else {
        return Err(type_error("descriptor '__length_hint__' needs an iterator"));
    };
    let left = match &*it.borrow() {
        IterState::List { list, index } => list.borrow().len().saturating_sub(*index),
        IterState::Values { items, index, .. } => items.len().saturating_sub(*index),
        IterState::Reversed { index, .. } => *index,
        IterState::ReversedSequence { index, .. } => (*index + 1).max(0) as usize,
        IterState::Range { remaining, .. } => (*remaining).max(0) as usize,
        IterState::BigRange { remaining, .. } => {
            return Ok(crate::vm::ops::arith::from_big(remaining.clone()))
        }
        IterState::Dict { dict, pos, .. } => dict.borrow().len().saturating_sub(*pos),
        IterState::Exhausted(_) => 0,
        _ => return Ok(Value::NotImplemented),
    };
    Ok(Value::Int(left as i64))
}

fn range_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (Some(Value::Range(r)), Some(x)) = (a.positional.first(), a.positional.get(1)) else {
        return Err(type_error("index() takes exactly one argument"));
    };
    if let Some(i) = ops::arith::big(x) {
        return match r.index_of(&i) {
            Some(k) => Ok(ops::arith::from_big(k)),
            None => Err(value_error(format!("{i} is not in range"))),
        };
    }
    let it = protocol::iter(vm, &a.positional[0])?;
    let mut k = 0;
    while let Some(v) = protocol::next(vm, &it)? {
        if protocol::eq(vm, &v, x)? {
            return Ok(Value::Int(k));
        }
        k += 1;
    }
    Err(value_error(format!(
        "{} is not in range",
        protocol::repr(vm, x)?
    )))
}

fn range_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (Some(Value::Range(_)), Some(x)) = (a.positional.first(), a.positional.get(1)) else {
        return Err(type_error("count() takes exactly one argument"));
    };
    if let Value::Int(_) | Value::BigInt(_) | Value::Bool(_) = x {
        let found = protocol::contains(vm, &a.positional[0], x)?;
        return Ok(Value::Int(found as i64));
    }
    let it = protocol::iter(vm, &a.positional[0])?;
    let mut n = 0;
    while let Some(v) = protocol::next(vm, &it)? {
        if protocol::eq(vm, &v, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn set_update_with(vm: &mut Vm, a: Args, op: usize) -> PyResult<Value> {
    let target = a.positional[0].clone();
    let mut acc = target.clone();
    for other in &a.positional[1..] {
        let items = protocol::collect(vm, other)?;
        let other = protocol::new_set(vm, items)?;
        acc = ops::seq::set_binary(op, &acc, &other)?;
    }
    if let (Value::Set(t), Value::Set(n)) = (&target, &acc) {
        if !Rc::ptr_eq(t, n) {
            let new = n.borrow().clone();
            *t.borrow_mut() = new;
        }
    }
    Ok(Value::None)
}

fn float_as_integer_ratio(_vm: &mut Vm, a: Args) -> PyResult<Value> {
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

fn big_value(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::BigInt(Rc::new(b)),
    }
}

fn float_fromhex(_vm: &mut Vm, a: Args) -> PyResult<Value> {
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

fn parse_hex_float(s: &str) -> Option<PyResult<f64>> {
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

fn str_maketrans(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // Called on the class: positional[0] is `str`.
    let args = &a.positional[1..];
    let table = protocol::new_dict();
    let Value::Dict(d) = &table else {
        unreachable!()
    };
    match args {
        [Value::Dict(src)] => {
            for (k, v) in src.borrow().items() {
                let key = match &k {
                    Value::Str(s) if s.chars().count() == 1 => {
                        Value::Int(s.chars().next().unwrap() as i64)
                    }
                    Value::Int(_) => k.clone(),
                    _ => {
                        return Err(value_error(
                            "string keys in translate table must be of length 1",
                        ))
                    }
                };
                protocol::dict_insert(vm, d, key, v)?;
            }
        }
        [_] => {
            return Err(type_error(
                "if you give only one argument to maketrans it must be a dict",
            ))
        }
        [Value::Str(x), Value::Str(y), rest @ ..] => {
            if x.chars().count() != y.chars().count() {
                return Err(value_error(
                    "the first two maketrans arguments must have equal length",
                ));
            }
            for (cx, cy) in x.chars().zip(y.chars()) {
                protocol::dict_insert(vm, d, Value::Int(cx as i64), Value::Int(cy as i64))?;
            }
            if let Some(Value::Str(z)) = rest.first() {
                for c in z.chars() {
                    protocol::dict_insert(vm, d, Value::Int(c as i64), Value::None)?;
                }
            }
        }
        _ => return Err(type_error("maketrans() argument 2 must be str")),
    }
    Ok(table)
}

fn str_translate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = this_str(&a)?;
    let Some(table) = a.positional.get(1) else {
        return Err(type_error(
            "translate() takes exactly one argument (0 given)",
        ));
    };
    let mut out = String::new();
    for c in s.chars() {
        match protocol::getitem(vm, table, &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(Value::Int(i)) => match u32::try_from(i).ok().and_then(char::from_u32) {
                Some(ch) => out.push(ch),
                None => return Err(value_error("character mapping must be in range(0x110000)")),
            },
            Ok(Value::Str(t)) => out.push_str(&t),
            Ok(_) => {
                return Err(type_error(
                    "character mapping must return integer, None or str",
                ))
            }
            Err(e) if e.is_instance(&builtin_types().lookup_error) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(Value::str(&out))
}

fn istitle(s: &str) -> bool {
    crate::object::chars::is_titlecased(s)
}
