//! Format strings and the packing and unpacking of single items
//! (Modules/_struct.c's `prepare_s`, its three `formatdef` tables and the
//! `[nlb][pu]_*` routines), for an x86-64 host: native sizes and
//! alignment as its C compiler's, `=` the same as `<`, and CPython's swap
//! of the little-endian table's routines for the native ones where the
//! sizes agree (so `<h` words its range error as native `h` does).

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::object::exception::{overflow_error, system_error};
use crate::object::{builtin_types, PyErr, PyResult, Value};
use crate::vm::protocol;
use crate::vm::Vm;

use super::struct_error;

/// The table a format's first character chooses (`whichtable`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Table {
    /// `@` or nothing: native sizes and alignment.
    Native,
    /// `<` and `=`: standard sizes, little-endian.
    Little,
    /// `>` and `!`: standard sizes, big-endian.
    Big,
}

/// One run of a format (`formatcode`): `repeat` items of `size` bytes
/// from `offset` (one item of `size` bytes for `s` and `p`).
#[derive(Clone, Copy, Debug)]
pub struct Code {
    pub format: u8,
    pub offset: usize,
    pub size: usize,
    pub repeat: usize,
}

/// A compiled format (a `PyStructObject`'s fields).
#[derive(Debug)]
pub struct Parsed {
    pub table: Table,
    /// The format as given (bytes; a str format is its ASCII encoding).
    pub format: Vec<u8>,
    pub size: usize,
    /// The number of values packed or unpacked.
    pub len: usize,
    pub codes: Vec<Code>,
}

const SSIZE_MAX: usize = i64::MAX as usize;

/// The size and alignment of format character `c` in `table`; `None` for a
/// character the table does not have (`getentry`).
fn entry(table: Table, c: u8) -> Option<(usize, usize)> {
    if table == Table::Native {
        return Some(match c {
            b'x' | b'b' | b'B' | b'c' | b's' | b'p' | b'?' => (1, 0),
            b'h' | b'H' | b'e' => (2, 2),
            b'i' | b'I' | b'f' => (4, 4),
            b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'd' | b'P' => (8, 8),
            _ => return None,
        });
    }
    Some(match c {
        b'x' | b'b' | b'B' | b'c' | b's' | b'p' | b'?' => (1, 0),
        b'h' | b'H' | b'e' => (2, 0),
        b'i' | b'I' | b'l' | b'L' | b'f' => (4, 0),
        b'q' | b'Q' | b'd' => (8, 0),
        _ => return None,
    })
}

fn total_size_error() -> PyErr {
    struct_error("total struct size too long")
}

/// `prepare_s`: compiles `format` (bytes).
pub fn parse(format: &[u8]) -> PyResult<Parsed> {
    if format.contains(&0) {
        return Err(struct_error("embedded null character"));
    }
    let (table, body) = match format.first() {
        Some(b'<') | Some(b'=') => (Table::Little, &format[1..]),
        Some(b'>') | Some(b'!') => (Table::Big, &format[1..]),
        Some(b'@') => (Table::Native, &format[1..]),
        _ => (Table::Native, format),
    };
    let mut codes = Vec::new();
    let mut size: usize = 0;
    let mut len: usize = 0;
    let mut i = 0;
    while i < body.len() {
        let mut c = body[i];
        i += 1;
        if c.is_ascii_whitespace() || c == 0x0b {
            continue;
        }
        let num = if c.is_ascii_digit() {
            let mut num = (c - b'0') as usize;
            loop {
                match body.get(i) {
                    Some(d) if d.is_ascii_digit() => {
                        let d = (d - b'0') as usize;
                        if num >= SSIZE_MAX / 10 && (num > SSIZE_MAX / 10 || d > SSIZE_MAX % 10) {
                            return Err(total_size_error());
                        }
                        num = num * 10 + d;
                        i += 1;
                    }
                    Some(d) => {
                        c = *d;
                        i += 1;
                        break;
                    }
                    None => {
                        return Err(struct_error("repeat count given without format specifier"))
                    }
                }
            }
            num
        } else {
            1
        };
        let (itemsize, alignment) =
            entry(table, c).ok_or_else(|| struct_error("bad char in struct format"))?;
        match c {
            b's' | b'p' => len += 1,
            b'x' => {}
            _ => len += num,
        }
        if alignment > 0 && size > 0 {
            let extra = (alignment - 1) - (size - 1) % alignment;
            if extra > SSIZE_MAX - size {
                return Err(total_size_error());
            }
            size += extra;
        }
        if num > (SSIZE_MAX - size) / itemsize {
            return Err(total_size_error());
        }
        match c {
            b's' | b'p' => codes.push(Code {
                format: c,
                offset: size,
                size: num,
                repeat: 1,
            }),
            b'x' => {}
            _ if num > 0 => codes.push(Code {
                format: c,
                offset: size,
                size: itemsize,
                repeat: num,
            }),
            _ => {}
        }
        size += num * itemsize;
    }
    Ok(Parsed {
        table,
        format: format.to_vec(),
        size,
        len,
        codes,
    })
}

// ------------------------------------------------------------------ packing

/// Whether `v` is an int or has `__index__` (`PyLong_Check || PyIndex_Check`).
fn is_index(v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => true,
        Value::Instance(i) => {
            matches!(
                i.payload,
                Some(Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
            ) || protocol::user_dunder(v, "__index__").is_some()
        }
        _ => false,
    }
}

/// `PyLong_Check(v)`: an int (or a bool, or an int subclass's object).
fn is_int(v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => true,
        Value::Instance(i) => matches!(
            i.payload,
            Some(Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
        ),
        _ => false,
    }
}

/// `get_pylong`: the int value of an integer argument.
fn get_pylong(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if !is_index(v) {
        return Err(struct_error("required argument is not an integer"));
    }
    protocol::number::index_big(vm, v)
}

fn out_of_range() -> PyErr {
    struct_error("argument out of range")
}

/// `get_long` (and `get_longlong`, `get_ssize_t`: all 64 bits here).
fn get_long(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    get_pylong(vm, v)?.to_i64().ok_or_else(out_of_range)
}

/// `get_ulong` (and `get_ulonglong`, `get_size_t`).
fn get_ulong(vm: &mut Vm, v: &Value) -> PyResult<u64> {
    get_pylong(vm, v)?.to_u64().ok_or_else(out_of_range)
}

/// `_range_error`: the limits of a `size`-byte integer.
fn range_error(format: u8, size: usize, unsigned: bool) -> PyErr {
    let ulargest: u64 = u64::MAX >> ((8 - size) * 8);
    let c = format as char;
    if unsigned {
        struct_error(format!("'{c}' format requires 0 <= number <= {ulargest}"))
    } else {
        let largest = (ulargest >> 1) as i64;
        struct_error(format!(
            "'{c}' format requires {} <= number <= {largest}",
            !largest
        ))
    }
}

/// `PyFloat_AsDouble` for `e`, `f` and `d`: any failure is the one error.
fn get_double(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    super::super::math::as_float(vm, v)
        .map_err(|_| struct_error("required argument is not a float"))
}

fn put(out: &mut [u8], x: u64, size: usize, big: bool) {
    let bytes = x.to_le_bytes();
    for k in 0..size {
        let b = bytes[k];
        if big {
            out[size - 1 - k] = b;
        } else {
            out[k] = b;
        }
    }
}

/// `PyFloat_Pack2`: a half-precision float, rounding to even.
pub fn pack_half(x: f64) -> PyResult<u16> {
    let overflow = || overflow_error("float too large to pack with e format");
    let (sign, mut e, mut bits): (u16, i32, u16);
    if x == 0.0 {
        sign = x.is_sign_negative() as u16;
        e = 0;
        bits = 0;
    } else if x.is_infinite() {
        sign = (x < 0.0) as u16;
        e = 0x1f;
        bits = 0;
    } else if x.is_nan() {
        sign = x.is_sign_negative() as u16;
        e = 0x1f;
        bits = 512;
    } else {
        sign = (x < 0.0) as u16;
        let a = x.abs();
        let (mut f, exp) = frexp(a);
        f *= 2.0;
        e = exp - 1;
        if e >= 16 {
            return Err(overflow());
        } else if e < -25 {
            f = 0.0;
            e = 0;
        } else if e < -14 {
            f = ldexp(f, 14 + e);
            e = 0;
        } else {
            e += 15;
            f -= 1.0;
        }
        f *= 1024.0;
        bits = f as u16;
        let rest = f - bits as f64;
        if rest > 0.5 || (rest == 0.5 && bits % 2 == 1) {
            bits += 1;
            if bits == 1024 {
                bits = 0;
                e += 1;
                if e == 31 {
                    return Err(overflow());
                }
            }
        }
    }
    Ok(bits | ((e as u16) << 10) | (sign << 15))
}

/// `PyFloat_Unpack2`.
pub fn unpack_half(h: u16) -> f64 {
    let sign = h >> 15 != 0;
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    if e == 0x1f {
        let v = if f == 0.0 { f64::INFINITY } else { f64::NAN };
        return if sign { -v } else { v };
    }
    let mut x = f / 1024.0;
    let exp = if e == 0 {
        -14
    } else {
        x += 1.0;
        e - 15
    };
    x = ldexp(x, exp);
    if sign {
        -x
    } else {
        x
    }
}

/// `frexp` for a finite positive non-zero `x`: `(f, e)` with `x = f * 2**e`
/// and `0.5 <= f < 1`.
fn frexp(x: f64) -> (f64, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (f, e) = frexp(x * 2f64.powi(64));
        return (f, e - 64);
    }
    let f = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (f, exp - 1022)
}

/// `ldexp(x, e)` for the small exponents used here (powers of two in the
/// normal range are exact).
fn ldexp(x: f64, e: i32) -> f64 {
    x * 2f64.powi(e)
}

/// Packs `v` as one item of format `c` into `out` (its `size` bytes).
pub fn pack_item(vm: &mut Vm, table: Table, c: u8, out: &mut [u8], v: &Value) -> PyResult<()> {
    let big = table == Table::Big;
    let size = out.len();
    match c {
        b'c' => {
            let byte = match v {
                Value::Bytes(b) if b.len() == 1 => Some(b[0]),
                Value::Instance(i) => match &i.payload {
                    Some(Value::Bytes(b))
                        if b.len() == 1
                            && protocol::type_of(v).is_subtype(&builtin_types().bytes) =>
                    {
                        Some(b[0])
                    }
                    _ => None,
                },
                _ => None,
            };
            out[0] = byte
                .ok_or_else(|| struct_error("char format requires a bytes object of length 1"))?;
        }
        b'b' => {
            let x = get_long(vm, v)?;
            if !(-128..=127).contains(&x) {
                return Err(struct_error("byte format requires -128 <= number <= 127"));
            }
            out[0] = x as u8;
        }
        b'B' => {
            let x = get_long(vm, v)?;
            if !(0..=255).contains(&x) {
                return Err(struct_error("ubyte format requires 0 <= number <= 255"));
            }
            out[0] = x as u8;
        }
        b'?' => out[0] = protocol::truthy(vm, v)? as u8,
        // Native `h`/`H`, and `<h`/`<H` (the swapped-in native routines).
        b'h' if !big => {
            let x = get_long(vm, v)?;
            if !(-32768..=32767).contains(&x) {
                return Err(struct_error(
                    "short format requires -32768 <= number <= 32767",
                ));
            }
            put(out, x as u64, 2, false);
        }
        b'H' if !big => {
            let x = get_long(vm, v)?;
            if !(0..=65535).contains(&x) {
                return Err(struct_error("ushort format requires 0 <= number <= 65535"));
            }
            put(out, x as u64, 2, false);
        }
        // Signed integers checked against their size (`np_int`, `lp_int`,
        // `bp_int`); 8-byte ones only by `get_long`.
        b'h' | b'i' | b'l' | b'q' | b'n' if !(big && c == b'q') => {
            let x = get_long(vm, v)?;
            if size < 8 {
                let limit = 1i64 << (size * 8 - 1);
                if x < -limit || x >= limit {
                    return Err(range_error(c, size, false));
                }
            }
            put(out, x as u64, size, big);
        }
        b'H' | b'I' | b'L' | b'Q' | b'N' if !(big && c == b'Q') => {
            let x = get_ulong(vm, v)?;
            if size < 8 && x >= 1u64 << (size * 8) {
                return Err(range_error(c, size, true));
            }
            put(out, x, size, big);
        }
        // `bp_longlong`/`bp_ulonglong`: `_PyLong_AsByteArray`, whose
        // OverflowError the caller rewords for an int.
        b'q' | b'Q' => {
            let n = get_pylong(vm, v)?;
            let x = if c == b'q' {
                n.to_i64().map(|x| x as u64)
            } else {
                n.to_u64()
            };
            let x = x.ok_or_else(|| {
                overflow_error(if n.is_negative() && c == b'Q' {
                    "can't convert negative int to unsigned"
                } else {
                    "int too big to convert"
                })
            })?;
            put(out, x, 8, true);
        }
        // `np_void_p`: `PyLong_AsVoidPtr`.
        b'P' => {
            let n = get_pylong(vm, v)?;
            let x = if n.is_negative() {
                n.to_i64().map(|x| x as u64)
            } else {
                n.to_u64()
            };
            let x = x.ok_or_else(|| {
                overflow_error(if n.is_negative() {
                    "Python int too large to convert to C long"
                } else {
                    "Python int too large to convert to C unsigned long"
                })
            })?;
            put(out, x, 8, false);
        }
        b'e' => {
            let x = get_double(vm, v)?;
            put(out, pack_half(x)? as u64, 2, big);
        }
        b'f' => {
            let x = get_double(vm, v)?;
            let y = x as f32;
            // The native routine is a plain C cast; the standard ones
            // (`PyFloat_Pack4`) refuse what becomes an infinity.
            if table != Table::Native && y.is_infinite() && !x.is_infinite() {
                return Err(overflow_error("float too large to pack with f format"));
            }
            put(out, y.to_bits() as u64, 4, big);
        }
        b'd' => {
            let mut x = get_double(vm, v)?;
            if x.is_nan() {
                // `float('nan')` carries a payload standing for its
                // identity here (`builtins::numbers::fresh_nan`); CPython's
                // is the plain quiet NaN.
                x = f64::from_bits(0x7ff8_0000_0000_0000 | (x.to_bits() & (1 << 63)));
            }
            put(out, x.to_bits(), 8, big);
        }
        _ => return Err(system_error("bad struct format code")),
    }
    Ok(())
}

/// A bytes or bytearray object, or an object of a subclass of either
/// (`PyBytes_Check || PyByteArray_Check`; not a memoryview).
fn is_bytes_like(v: &Value) -> bool {
    let t = protocol::type_of(v);
    let b = builtin_types();
    t.is_subtype(&b.bytes) || t.is_subtype(&b.bytearray)
}

/// The bytes of a bytes or bytearray argument for `s` and `p`.
pub fn string_arg(v: &Value) -> Option<Vec<u8>> {
    if !is_bytes_like(v) {
        return None;
    }
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

/// Whether an OverflowError packing `v` becomes "int too large to
/// convert" (`s_pack_internal`).
pub fn overflow_is_int(v: &Value) -> bool {
    is_int(v)
}

// ---------------------------------------------------------------- unpacking

fn get(data: &[u8], big: bool) -> u64 {
    let mut x: u64 = 0;
    if big {
        for b in data {
            x = (x << 8) | *b as u64;
        }
    } else {
        for b in data.iter().rev() {
            x = (x << 8) | *b as u64;
        }
    }
    x
}

/// Unpacks one item of format `c` from `data` (its `size` bytes).
pub fn unpack_item(table: Table, c: u8, data: &[u8]) -> Value {
    let big = table == Table::Big;
    let size = data.len();
    let raw = get(data, big);
    match c {
        b'c' => Value::Bytes(data.into()),
        b'?' => Value::Bool(raw != 0),
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
            let shift = 64 - size * 8;
            Value::Int(((raw << shift) as i64) >> shift)
        }
        b'B' | b'H' | b'I' | b'L' | b'Q' | b'N' | b'P' => match i64::try_from(raw) {
            Ok(x) => Value::Int(x),
            Err(_) => Value::BigInt(std::rc::Rc::new(BigInt::from(raw))),
        },
        b'e' => Value::Float(unpack_half(raw as u16)),
        b'f' => Value::Float(f32::from_bits(raw as u32) as f64),
        b'd' => Value::Float(f64::from_bits(raw)),
        _ => Value::None,
    }
}
