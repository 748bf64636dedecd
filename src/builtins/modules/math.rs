//! The `math` module, after CPython 3.11's Modules/mathmodule.c: float
//! functions with its domain/range errors (`math_1`), exact `fsum`
//! (Shewchuk's algorithm, `math_fsum`), and the integer functions (`gcd`,
//! `lcm`, `isqrt`, `factorial`, `comb`, `perm`, `prod`).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::{functions, new_module};
use crate::builtins::kwarg;
use crate::builtins::numbers::{float_to_int, fresh_nan};
use crate::object::exception::{overflow_error, type_error, value_error, zero_division_error};
use crate::object::function::Args;
use crate::object::{PyErr, PyResult, Value};
use crate::vm::ops::arith::{big, float_of_int, from_big, is_int};
use crate::vm::ops::{self};
use crate::vm::protocol::{self, type_name};
use crate::vm::Vm;

pub fn module() -> Value {
    let mut members = vec![
        ("pi", Value::Float(std::f64::consts::PI)),
        ("e", Value::Float(std::f64::consts::E)),
        ("tau", Value::Float(std::f64::consts::TAU)),
        ("inf", Value::Float(f64::INFINITY)),
        ("nan", Value::Float(fresh_nan(false))),
    ];
    members.extend(functions(&[
        ("sqrt", |vm, a| math_1(vm, &a, f64::sqrt, false)),
        ("exp", |vm, a| math_1(vm, &a, f64::exp, true)),
        ("expm1", |vm, a| math_1(vm, &a, f64::exp_m1, true)),
        ("log1p", |vm, a| math_1(vm, &a, f64::ln_1p, false)),
        ("sin", |vm, a| math_1(vm, &a, f64::sin, false)),
        ("cos", |vm, a| math_1(vm, &a, f64::cos, false)),
        ("tan", |vm, a| math_1(vm, &a, f64::tan, false)),
        ("asin", |vm, a| math_1(vm, &a, f64::asin, false)),
        ("acos", |vm, a| math_1(vm, &a, f64::acos, false)),
        ("atan", |vm, a| math_1(vm, &a, f64::atan, false)),
        ("sinh", |vm, a| math_1(vm, &a, f64::sinh, true)),
        ("cosh", |vm, a| math_1(vm, &a, f64::cosh, true)),
        ("tanh", |vm, a| math_1(vm, &a, f64::tanh, false)),
        ("asinh", |vm, a| math_1(vm, &a, f64::asinh, false)),
        ("acosh", |vm, a| math_1(vm, &a, f64::acosh, false)),
        ("atanh", |vm, a| math_1(vm, &a, f64::atanh, false)),
        ("fabs", |vm, a| math_1(vm, &a, f64::abs, false)),
        ("degrees", |vm, a| {
            math_1(vm, &a, |x| x * (180.0 / std::f64::consts::PI), true)
        }),
        ("radians", |vm, a| {
            math_1(vm, &a, |x| x * (std::f64::consts::PI / 180.0), true)
        }),
        ("floor", |vm, a| rounding(vm, &a, "__floor__", f64::floor)),
        ("ceil", |vm, a| rounding(vm, &a, "__ceil__", f64::ceil)),
        ("trunc", |vm, a| rounding(vm, &a, "__trunc__", f64::trunc)),
        ("log", log),
        ("log2", |vm, a| {
            let x = one(&a, "log2")?;
            log_helper(vm, x, f64::log2)
        }),
        ("log10", |vm, a| {
            let x = one(&a, "log10")?;
            log_helper(vm, x, f64::log10)
        }),
        ("atan2", |vm, a| {
            let (y, x) = two_floats(vm, &a, "atan2")?;
            Ok(Value::Float(y.atan2(x)))
        }),
        ("copysign", |vm, a| {
            let (x, y) = two_floats(vm, &a, "copysign")?;
            Ok(Value::Float(x.copysign(y)))
        }),
        ("fmod", |vm, a| {
            let (x, y) = two_floats(vm, &a, "fmod")?;
            if y.is_infinite() && x.is_finite() {
                return Ok(Value::Float(x));
            }
            check(x % y, &[x, y], false)
        }),
        ("remainder", |vm, a| {
            let (x, y) = two_floats(vm, &a, "remainder")?;
            if x.is_nan() || y.is_nan() {
                return Ok(Value::Float(f64::NAN));
            }
            if x.is_infinite() || y == 0.0 {
                return Err(domain_error());
            }
            if y.is_infinite() {
                return Ok(Value::Float(x));
            }
            // IEEE remainder: x - n*y with n the nearest integer, ties even.
            let n = (x / y).round_ties_even();
            let r = x - n * y;
            Ok(Value::Float(if r == 0.0 { 0.0f64.copysign(x) } else { r }))
        }),
        ("pow", |vm, a| {
            let (x, y) = two_floats(vm, &a, "pow")?;
            if x == 0.0 && y < 0.0 && y.is_finite() {
                return Err(domain_error());
            }
            check(x.powf(y), &[x, y], true)
        }),
        ("hypot", |vm, a| {
            let xs = floats(vm, a.positional)?;
            Ok(Value::Float(vector_norm(&xs)))
        }),
        ("dist", |vm, a| {
            let [p, q] = a.positional else {
                return Err(type_error(format!(
                    "dist expected 2 arguments, got {}",
                    a.positional.len()
                )));
            };
            let p = protocol::collect(vm, p)?;
            let q = protocol::collect(vm, q)?;
            if p.len() != q.len() {
                return Err(value_error(
                    "both points must have the same number of dimensions",
                ));
            }
            let (p, q) = (floats(vm, &p)?, floats(vm, &q)?);
            let d: Vec<f64> = p.iter().zip(&q).map(|(x, y)| x - y).collect();
            Ok(Value::Float(vector_norm(&d)))
        }),
        ("isnan", |vm, a| {
            Ok(Value::Bool(one_float(vm, &a, "isnan")?.is_nan()))
        }),
        ("isinf", |vm, a| {
            Ok(Value::Bool(one_float(vm, &a, "isinf")?.is_infinite()))
        }),
        ("isfinite", |vm, a| {
            Ok(Value::Bool(one_float(vm, &a, "isfinite")?.is_finite()))
        }),
        ("isclose", isclose),
        ("modf", |vm, a| {
            let x = one_float(vm, &a, "modf")?;
            let (frac, int) = if x.is_infinite() {
                (0.0f64.copysign(x), x)
            } else {
                (x.fract(), x.trunc())
            };
            Ok(Value::tuple(vec![Value::Float(frac), Value::Float(int)]))
        }),
        ("frexp", |vm, a| {
            let (m, e) = frexp(one_float(vm, &a, "frexp")?);
            Ok(Value::tuple(vec![Value::Float(m), Value::Int(e)]))
        }),
        ("ldexp", |vm, a| {
            let x = one_float(vm, &a, "ldexp")?;
            let e = index_big(vm, a.positional.get(1).unwrap_or(&Value::None))?;
            let e = e
                .to_i64()
                .unwrap_or(if e.is_negative() { i64::MIN } else { i64::MAX });
            let r = ldexp(x, e);
            if r.is_infinite() && x.is_finite() {
                return Err(overflow_error("math range error"));
            }
            Ok(Value::Float(r))
        }),
        ("ulp", |vm, a| {
            let x = one_float(vm, &a, "ulp")?.abs();
            if !x.is_finite() {
                return Ok(Value::Float(x));
            }
            let next = f64::from_bits(x.to_bits() + 1);
            if next.is_infinite() {
                return Ok(Value::Float(x - f64::from_bits(x.to_bits() - 1)));
            }
            Ok(Value::Float(next - x))
        }),
        ("fsum", fsum),
        ("gcd", |vm, a| {
            let mut g = BigInt::zero();
            for v in a.positional {
                g = g.gcd(&index_big(vm, v)?);
            }
            Ok(from_big(g))
        }),
        ("lcm", |vm, a| {
            let mut l = BigInt::one();
            for v in a.positional {
                let n = index_big(vm, v)?;
                if n.is_zero() || l.is_zero() {
                    l = BigInt::zero();
                    continue;
                }
                l = (&l / l.gcd(&n) * &n).abs();
            }
            Ok(from_big(l))
        }),
        ("isqrt", |vm, a| {
            let n = index_big(vm, one(&a, "isqrt")?)?;
            if n.is_negative() {
                return Err(value_error("isqrt() argument must be nonnegative"));
            }
            Ok(from_big(n.sqrt()))
        }),
        ("factorial", |vm, a| {
            let n = index_big(vm, one(&a, "factorial")?)?;
            if n.is_negative() {
                return Err(value_error("factorial() not defined for negative values"));
            }
            let n = n.to_u64().ok_or_else(|| {
                overflow_error("factorial() argument should not exceed 9223372036854775807")
            })?;
            Ok(from_big(falling_factorial(&BigInt::from(n), n)))
        }),
        ("comb", |vm, a| {
            let (n, k) = n_k(vm, &a, "comb")?;
            if k > n {
                return Ok(Value::Int(0));
            }
            let k = k.clone().min(&n - &k);
            let k = small_k(&k)?;
            Ok(from_big(
                falling_factorial(&n, k) / falling_factorial(&BigInt::from(k), k),
            ))
        }),
        ("perm", |vm, a| {
            let (n, k) = n_k(vm, &a, "perm")?;
            if k > n {
                return Ok(Value::Int(0));
            }
            Ok(from_big(falling_factorial(&n, small_k(&k)?)))
        }),
        ("prod", prod),
    ]));
    new_module("math", members)
}

#[cold]
fn domain_error() -> PyErr {
    value_error("math domain error")
}

/// `math_1`'s checks on a result: NaN from non-NaN inputs is a domain
/// error, infinity from finite inputs a range (or domain) error.
fn check(r: f64, inputs: &[f64], can_overflow: bool) -> PyResult<Value> {
    if r.is_nan() && !inputs.iter().any(|x| x.is_nan()) {
        return Err(domain_error());
    }
    if r.is_infinite() && inputs.iter().all(|x| x.is_finite()) {
        return Err(if can_overflow {
            overflow_error("math range error")
        } else {
            domain_error()
        });
    }
    Ok(Value::Float(r))
}

fn one<'a>(a: &'a Args, name: &str) -> PyResult<&'a Value> {
    match a.positional {
        [x] => Ok(x),
        _ => Err(type_error(format!(
            "math.{name}() takes exactly one argument ({} given)",
            a.positional.len()
        ))),
    }
}

fn one_float(vm: &mut Vm, a: &Args, name: &str) -> PyResult<f64> {
    let x = a
        .positional
        .first()
        .ok_or_else(|| type_error(format!("{name}() takes at least 1 argument (0 given)")))?;
    as_float(vm, x)
}

fn two_floats(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(f64, f64)> {
    match a.positional {
        [x, y] => Ok((as_float(vm, x)?, as_float(vm, y)?)),
        _ => Err(type_error(format!(
            "{name} expected 2 arguments, got {}",
            a.positional.len()
        ))),
    }
}

fn floats(vm: &mut Vm, vs: &[Value]) -> PyResult<Vec<f64>> {
    vs.iter().map(|v| as_float(vm, v)).collect()
}

fn math_1(vm: &mut Vm, a: &Args, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<Value> {
    let x = a
        .positional
        .first()
        .ok_or_else(|| type_error("math function takes exactly one argument (0 given)"))?;
    let x = as_float(vm, x)?;
    check(f(x), &[x], can_overflow)
}

/// `PyFloat_AsDouble`: floats, ints, `__float__`, `__index__`.
pub fn as_float(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => return Ok(*f),
        v if is_int(v) => return float_of_int(v),
        _ => {}
    }
    if let Some(r) = protocol::call_dunder(vm, v, "__float__", vec![])? {
        return match r {
            Value::Float(f) => Ok(f),
            other => Err(type_error(format!(
                "{}.__float__ returned non-float (type {})",
                type_name(v),
                type_name(&other)
            ))),
        };
    }
    if let Some(r) = protocol::call_dunder(vm, v, "__index__", vec![])? {
        return float_of_int(&r);
    }
    if let Some(p) = protocol::builtin_payload(v, "__float__") {
        return as_float(vm, &p);
    }
    Err(type_error(format!(
        "must be real number, not {}",
        type_name(v)
    )))
}

/// `PyNumber_Index`: ints and `__index__`.
fn index_big(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(n) = big(v) {
        return Ok(n);
    }
    if let Some(r) = protocol::call_dunder(vm, v, "__index__", vec![])? {
        if let Some(n) = big(&r) {
            return Ok(n);
        }
    }
    if let Some(n) = protocol::builtin_payload(v, "__index__")
        .as_ref()
        .and_then(big)
    {
        return Ok(n);
    }
    Err(type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        type_name(v)
    )))
}

/// `floor`/`ceil`/`trunc`: ints as they are, `__floor__` & co., else the
/// float rounded to an int.
fn rounding(vm: &mut Vm, a: &Args, dunder: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    let v = a
        .positional
        .first()
        .ok_or_else(|| type_error("missing argument"))?;
    if is_int(v) {
        return Ok(ops::int_value(v));
    }
    if let Some(r) = protocol::call_dunder(vm, v, dunder, vec![])? {
        return Ok(r);
    }
    if dunder == "__trunc__" && !matches!(v, Value::Float(_)) {
        if let Some(p) = protocol::builtin_payload(v, dunder) {
            return rounding(
                vm,
                &Args {
                    positional: &[p],
                    keywords: &[],
                },
                dunder,
                f,
            );
        }
        return Err(type_error(format!(
            "type {} doesn't define __trunc__ method",
            type_name(v)
        )));
    }
    let x = as_float(vm, v)?;
    float_to_int(f(x))
}

/// `loghelper`: ints of any size (through their bit length), else floats;
/// non-positive arguments are a domain error.
fn log_helper(vm: &mut Vm, v: &Value, f: fn(f64) -> f64) -> PyResult<Value> {
    if let Value::BigInt(n) = v {
        if !n.is_positive() {
            return Err(domain_error());
        }
        if let Some(x) = n.to_f64().filter(|x| x.is_finite()) {
            return Ok(Value::Float(f(x)));
        }
        // As loghelper with _PyLong_Frexp: x = m * 2**e with m in [0.5, 1),
        // log(x) = log(m) + log(2) * e.
        let e = n.bits();
        let top = (&**n >> (e - 64) as usize).to_u64().unwrap_or(u64::MAX);
        let m = top as f64 / 2f64.powi(64);
        return Ok(Value::Float(f(m) + f(2.0) * e as f64));
    }
    let x = as_float(vm, v)?;
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    if x <= 0.0 {
        return Err(domain_error());
    }
    if x.is_infinite() {
        return Ok(Value::Float(x));
    }
    Ok(Value::Float(f(x)))
}

/// `log(x[, base])`.
fn log(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, base) = match a.positional {
        [x] => (x, None),
        [x, b] => (x, Some(b)),
        _ => {
            return Err(type_error(format!(
                "log expected 1 or 2 arguments, got {}",
                a.positional.len()
            )))
        }
    };
    let num = log_helper(vm, x, f64::ln)?;
    let Some(base) = base else {
        return Ok(num);
    };
    let den = log_helper(vm, base, f64::ln)?;
    let (Value::Float(n), Value::Float(d)) = (num, den) else {
        return Err(domain_error());
    };
    if d == 0.0 {
        return Err(zero_division_error("float division by zero"));
    }
    Ok(Value::Float(n / d))
}

/// `isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`.
fn isclose(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, y) = two_floats(vm, &a, "isclose")?;
    let rel = match kwarg(&a, "rel_tol") {
        Some(v) => as_float(vm, v)?,
        None => 1e-9,
    };
    let abs = match kwarg(&a, "abs_tol") {
        Some(v) => as_float(vm, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::Bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (y - x).abs();
    Ok(Value::Bool(
        diff <= (rel * y).abs() || diff <= (rel * x).abs() || diff <= abs,
    ))
}

/// `fsum(iterable)`: the correctly rounded sum, as `math_fsum` (Shewchuk's
/// partials with half-even correction across them).
fn fsum(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let items = protocol::collect(vm, one(&a, "fsum")?)?;
    let mut p: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    for item in &items {
        let mut x = as_float(vm, item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // From an inf or nan summand, or intermediate overflow.
                if xsave.is_finite() {
                    return Err(overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special_sum));
    }
    let mut hi = 0.0;
    let mut n = p.len();
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

/// `prod(iterable, *, start=1)` with the `*` operator of the items.
fn prod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let items = protocol::collect(vm, one(&a, "prod")?)?;
    let mut acc = kwarg(&a, "start").cloned().unwrap_or(Value::Int(1));
    for item in items {
        acc = ops::binary_op(vm, 5, acc, item)?;
    }
    Ok(acc)
}

fn n_k(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(BigInt, BigInt)> {
    let (n, k) = match a.positional {
        [n, k] if !(name == "perm" && k.is_none()) => (n, Some(k)),
        [n] | [n, _] if name == "perm" => (n, None),
        _ => {
            return Err(type_error(format!(
                "{name} expected 2 arguments, got {}",
                a.positional.len()
            )))
        }
    };
    let n = index_big(vm, n)?;
    let k = match k {
        Some(k) => index_big(vm, k)?,
        None => n.clone(),
    };
    if n.is_negative() {
        return Err(value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

/// `k` as a machine int (mathmodule.c: "k must not exceed ...").
fn small_k(k: &BigInt) -> PyResult<u64> {
    k.to_u64()
        .filter(|k| *k <= i64::MAX as u64)
        .ok_or_else(|| overflow_error(format!("k must not exceed {}", i64::MAX)))
}

/// `n * (n-1) * ... * (n-k+1)`, by binary splitting over the factors.
fn falling_factorial(n: &BigInt, k: u64) -> BigInt {
    // The product of n-hi+1 ..= n-lo (offsets lo..hi from the top).
    fn product(n: &BigInt, lo: u64, hi: u64) -> BigInt {
        if hi - lo <= 8 {
            let mut acc = BigInt::one();
            for off in lo..hi {
                acc *= n - off;
            }
            return acc;
        }
        let mid = lo + (hi - lo) / 2;
        product(n, lo, mid) * product(n, mid, hi)
    }
    if k == 0 {
        return BigInt::one();
    }
    product(n, 0, k)
}

fn frexp(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (mut m, mut e) = (x, 0i64);
    // Scale subnormals into the normal range first.
    if m.abs() < f64::MIN_POSITIVE {
        m *= 2f64.powi(54);
        e -= 54;
    }
    let bits = m.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    e += exp - 1022;
    let mbits = (bits & !(0x7ffu64 << 52)) | (1022u64 << 52);
    (f64::from_bits(mbits), e)
}

fn ldexp(x: f64, e: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let e = e.clamp(-2200, 2200) as i32;
    // Two steps keep intermediate powers of two representable.
    let half = e / 2;
    x * 2f64.powi(half) * 2f64.powi(e - half)
}

/// The Euclidean norm, scaled by the largest magnitude to avoid overflow
/// (infinities win over NaNs, as `vector_norm`).
fn vector_norm(xs: &[f64]) -> f64 {
    let mut max = 0.0f64;
    let mut nan = false;
    for x in xs {
        let a = x.abs();
        if a.is_nan() {
            nan = true;
        }
        if a > max {
            max = a;
        }
    }
    if max.is_infinite() {
        return f64::INFINITY;
    }
    if nan {
        return f64::NAN;
    }
    if max == 0.0 || xs.len() <= 1 {
        return max;
    }
    if xs.len() == 2 {
        return xs[0].hypot(xs[1]);
    }
    let sum: f64 = xs.iter().map(|x| (x / max) * (x / max)).sum();
    max * sum.sqrt()
}
