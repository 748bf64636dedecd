//! The state of a `memoryview` cast to another item format
//! (`memoryview(b).cast('I')`, Objects/memoryobject.c): the bytes or
//! bytearray it views and the `struct` format of its items. A plain view
//! (format `'B'`) needs none: its payload is the viewed object itself.

use std::rc::Rc;

use super::Value;

/// A one-dimensional, C-contiguous view whose items are `format` values.
pub struct CastView {
    /// The bytes or bytearray viewed.
    pub obj: Value,
    pub format: Rc<str>,
    pub itemsize: usize,
}

/// The size of one item of a native single-character format
/// (memoryobject.c's `get_native_fmtchar`), an optional `@` before it.
pub fn format_size(format: &str) -> Option<usize> {
    let f = format.strip_prefix('@').unwrap_or(format);
    Some(match f {
        "c" | "b" | "B" | "?" => 1,
        "h" | "H" | "e" => 2,
        "i" | "I" | "f" => 4,
        "l" | "L" | "q" | "Q" | "n" | "N" | "d" | "P" => 8,
        _ => return None,
    })
}

impl CastView {
    /// The viewed bytes as they are now.
    pub fn bytes(&self) -> Rc<[u8]> {
        match &self.obj {
            Value::Bytes(b) => b.clone(),
            Value::ByteArray(b) => Rc::from(b.borrow().as_slice()),
            _ => Rc::from(&[][..]),
        }
    }

    /// The number of items.
    pub fn len(&self) -> usize {
        self.bytes().len() / self.itemsize.max(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Item `i` of `data` (the viewed bytes), unpacked as `struct` would
    /// in native byte order.
    pub fn item(&self, data: &[u8], i: usize) -> Value {
        let size = self.itemsize;
        let b = &data[i * size..(i + 1) * size];
        let word = |n: usize| {
            let mut buf = [0u8; 8];
            buf[..n].copy_from_slice(&b[..n]);
            u64::from_ne_bytes(buf)
        };
        let f = self.format.strip_prefix('@').unwrap_or(&self.format);
        match f {
            "b" => Value::Int(b[0] as i8 as i64),
            "c" => Value::Bytes(Rc::from(&b[..1])),
            "?" => Value::Bool(b[0] != 0),
            "h" => Value::Int(i16::from_ne_bytes([b[0], b[1]]) as i64),
            "H" => Value::Int(u16::from_ne_bytes([b[0], b[1]]) as i64),
            "i" => Value::Int(i32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
            "I" => Value::Int(u32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
            "l" | "q" | "n" => Value::Int(word(8) as i64),
            "L" | "Q" | "N" | "P" => match i64::try_from(word(8)) {
                Ok(i) => Value::Int(i),
                Err(_) => Value::BigInt(Rc::new(num_bigint::BigInt::from(word(8)))),
            },
            "f" => Value::Float(f32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as f64),
            "d" => Value::Float(f64::from_bits(word(8))),
            "e" => Value::Float(half_to_f64(u16::from_ne_bytes([b[0], b[1]]))),
            _ => Value::Int(b[0] as i64),
        }
    }

    /// Every item, in order.
    pub fn items(&self) -> Vec<Value> {
        let data = self.bytes();
        (0..self.len()).map(|i| self.item(&data, i)).collect()
    }
}

/// An IEEE 754 half-precision value.
fn half_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1f) as i32;
    let frac = (h & 0x3ff) as f64;
    sign * match exp {
        0 => frac * 2f64.powi(-24),
        31 if frac == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        e => (1.0 + frac / 1024.0) * 2f64.powi(e - 15),
    }
}
