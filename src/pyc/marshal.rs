//! A reader for CPython 3.11's marshal format (`Python/marshal.c`, `r_object`),
//! covering every type a code object can contain.
//!
//! It never panics and never allocates more than the input can justify: every
//! length is checked against the bytes that remain, nesting is bounded like
//! marshal.c's `MAX_MARSHAL_STACK_DEPTH`, and every error says at which byte it
//! broke and what was expected there.

use std::sync::Arc;

use num_bigint::BigInt;

use super::code::{CodeObject, Constant, PyString};
use super::error::MarshalError;
use crate::bytecode::decode::Decoded;
use crate::object::hash::{set_iteration_order, HashKey};

const TYPE_NULL: u8 = b'0';
const TYPE_NONE: u8 = b'N';
const TYPE_FALSE: u8 = b'F';
const TYPE_TRUE: u8 = b'T';
const TYPE_STOPITER: u8 = b'S';
const TYPE_ELLIPSIS: u8 = b'.';
const TYPE_INT: u8 = b'i';
const TYPE_INT64: u8 = b'I';
const TYPE_FLOAT: u8 = b'f';
const TYPE_BINARY_FLOAT: u8 = b'g';
const TYPE_COMPLEX: u8 = b'x';
const TYPE_BINARY_COMPLEX: u8 = b'y';
const TYPE_LONG: u8 = b'l';
const TYPE_STRING: u8 = b's';
const TYPE_INTERNED: u8 = b't';
const TYPE_REF: u8 = b'r';
const TYPE_TUPLE: u8 = b'(';
const TYPE_LIST: u8 = b'[';
const TYPE_DICT: u8 = b'{';
const TYPE_CODE: u8 = b'c';
const TYPE_UNICODE: u8 = b'u';
const TYPE_SET: u8 = b'<';
const TYPE_FROZENSET: u8 = b'>';
const TYPE_ASCII: u8 = b'a';
const TYPE_ASCII_INTERNED: u8 = b'A';
const TYPE_SMALL_TUPLE: u8 = b')';
const TYPE_SHORT_ASCII: u8 = b'z';
const TYPE_SHORT_ASCII_INTERNED: u8 = b'Z';
const FLAG_REF: u8 = 0x80;

/// Deeper nesting is refused. marshal.c allows 2000 levels; we allow 1000,
/// which keeps this recursive reader (about 1 KiB of stack per level) inside
/// the 2 MiB a spawned Rust thread gets. CPython's parser refuses nesting far
/// shallower than this, so no compiled code object comes near it.
const MAX_DEPTH: usize = 1000;

/// Ends the py2vm trailer that may follow the marshal data of a `.pyc`.
///
/// CPython's marshal writes set elements sorted by their marshalled bytes, so
/// the iteration order CPython saw when it compiled the file (which `dis` shows
/// and a `for` over a set literal follows) is lost. When py2vm compiles a file it
/// appends that order after the marshal data; `marshal.loads` ignores trailing
/// bytes, so CPython still reads the file. Layout, all integers u32 LE:
/// `count, then per frozenset: n, then n × (len, repr of an element in UTF-8)`,
/// then the byte length of all that, then this tag. Elements are named by their
/// `repr` because marshal's sort key depends on reference counts in the
/// compiling process, which we cannot reproduce.
pub const SET_ORDER_TAG: &[u8] = b"\0py2vm-set-order-2\0";

/// Iteration orders from the trailer: sorted element reprs → reprs in order.
type SetOrders = std::collections::HashMap<Vec<String>, Vec<String>>;

/// Reads one marshalled object from `data`, which starts at byte `base` of its
/// file (so errors name file offsets). Returns the object and the number of bytes
/// it used.
pub fn read_object(data: &[u8], base: usize) -> Result<(Constant, usize), MarshalError> {
    let mut reader = Reader::new(data, base);
    let value = reader.object(0)?.ok_or(MarshalError::Invalid {
        offset: base,
        what: "a NULL object where a value was expected".into(),
    })?;
    Ok((value, reader.pos))
}

/// Reads a code object followed by an optional set-order trailer, as py2vm
/// writes `.pyc` bodies. `filename`, when given, replaces every `co_filename`
/// (as importlib's `_fix_co_filename` does for a cached pyc).
pub fn read_code_with_trailer(
    data: &[u8],
    base: usize,
    filename: Option<&str>,
) -> Result<Arc<CodeObject>, MarshalError> {
    let mut reader = Reader::new(data, base);
    reader.filename = filename.map(Arc::from);
    reader.set_orders = parse_set_order_trailer(data);
    match reader.object(0)? {
        Some(Constant::Code(code)) => Ok(code),
        _ => Err(MarshalError::Invalid {
            offset: base,
            what: "the .pyc body is not a code object".into(),
        }),
    }
}

fn parse_set_order_trailer(data: &[u8]) -> Option<SetOrders> {
    let rest = data.strip_suffix(SET_ORDER_TAG)?;
    let (rest, len) = rest.split_last_chunk::<4>()?;
    let len = u32::from_le_bytes(*len) as usize;
    let mut payload = rest.get(rest.len().checked_sub(len)?..)?;
    fn take<'a>(payload: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
        let (head, tail) = (payload.get(..n)?, payload.get(n..)?);
        *payload = tail;
        Some(head)
    }
    fn u32_next(payload: &mut &[u8]) -> Option<usize> {
        let b = take(payload, 4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }
    let mut orders = SetOrders::new();
    for _ in 0..u32_next(&mut payload)? {
        let n = u32_next(&mut payload)?;
        let mut order = Vec::new();
        for _ in 0..n {
            let len = u32_next(&mut payload)?;
            let text = take(&mut payload, len)?;
            order.push(String::from_utf8(text.to_vec()).ok()?);
        }
        let mut key = order.clone();
        key.sort();
        orders.entry(key).or_insert(order);
    }
    Some(orders)
}

/// Encodes iteration orders (element reprs) as the trailer [`SET_ORDER_TAG`]
/// describes.
pub fn encode_set_order_trailer(orders: &[Vec<String>]) -> Vec<u8> {
    let mut payload = (orders.len() as u32).to_le_bytes().to_vec();
    for order in orders {
        payload.extend_from_slice(&(order.len() as u32).to_le_bytes());
        for repr in order {
            payload.extend_from_slice(&(repr.len() as u32).to_le_bytes());
            payload.extend_from_slice(repr.as_bytes());
        }
    }
    let len = payload.len() as u32;
    payload.extend_from_slice(&len.to_le_bytes());
    payload.extend_from_slice(SET_ORDER_TAG);
    payload
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    base: usize,
    /// Objects flagged with FLAG_REF, by index; `None` while still being read.
    refs: Vec<Option<Constant>>,
    set_orders: Option<SetOrders>,
    filename: Option<Arc<str>>,
    hash_key: HashKey,
}

impl<'a> Reader<'a> {
    fn new(data: &'a [u8], base: usize) -> Self {
        Reader {
            data,
            pos: 0,
            base,
            refs: Vec::new(),
            set_orders: None,
            filename: None,
            hash_key: HashKey::from_env(),
        }
    }

    fn offset(&self) -> usize {
        self.base + self.pos
    }

    fn invalid<T>(&self, at: usize, what: impl Into<String>) -> Result<T, MarshalError> {
        Err(MarshalError::Invalid {
            offset: self.base + at,
            what: what.into(),
        })
    }

    fn bytes(&mut self, n: usize, expected: &'static str) -> Result<&'a [u8], MarshalError> {
        match self.data.get(self.pos..).and_then(|rest| rest.get(..n)) {
            Some(slice) => {
                self.pos += n;
                Ok(slice)
            }
            None => Err(MarshalError::Truncated {
                offset: self.offset(),
                expected,
            }),
        }
    }

    fn byte(&mut self, expected: &'static str) -> Result<u8, MarshalError> {
        Ok(self.bytes(1, expected)?[0])
    }

    fn i32(&mut self, expected: &'static str) -> Result<i32, MarshalError> {
        let b = self.bytes(4, expected)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn f64(&mut self, expected: &'static str) -> Result<f64, MarshalError> {
        let b = self.bytes(8, expected)?;
        let mut raw = [0u8; 8];
        raw.copy_from_slice(b);
        Ok(f64::from_le_bytes(raw))
    }

    /// A non-negative 32-bit count whose items need at least `min_item_bytes`
    /// each, checked against what remains so a corrupt count cannot make us
    /// allocate gigabytes.
    fn count(&mut self, what: &'static str, min_item_bytes: usize) -> Result<usize, MarshalError> {
        let at = self.pos;
        let n = self.i32(what)?;
        if n < 0 {
            return self.invalid(at, format!("negative {what} ({n})"));
        }
        let n = n as usize;
        let remaining = self.data.len() - self.pos;
        if n.saturating_mul(min_item_bytes) > remaining {
            return Err(MarshalError::Truncated {
                offset: self.offset(),
                expected: what_items(what),
            });
        }
        Ok(n)
    }

    /// Reads one object. Kept small on the stack (helpers are not inlined)
    /// because it recurses once per nesting level, up to [`MAX_DEPTH`].
    fn object(&mut self, depth: usize) -> Result<Option<Constant>, MarshalError> {
        if depth > MAX_DEPTH {
            return self.invalid(self.pos, "objects nested too deeply");
        }
        let at = self.pos;
        let code = self.byte("a type code")?;
        let flag = code & FLAG_REF != 0;
        let kind = code & !FLAG_REF;
        // Containers reserve their ref slot before reading their items, as
        // marshal.c's r_ref_reserve does, so ref numbers match CPython's.
        let reserved = match kind {
            TYPE_TUPLE | TYPE_SMALL_TUPLE | TYPE_LIST | TYPE_DICT | TYPE_SET | TYPE_FROZENSET
            | TYPE_CODE
                if flag =>
            {
                self.refs.push(None);
                Some(self.refs.len() - 1)
            }
            _ => None,
        };
        let value = match kind {
            TYPE_NULL => return Ok(None),
            TYPE_NONE => Constant::None,
            TYPE_FALSE => Constant::Bool(false),
            TYPE_TRUE => Constant::Bool(true),
            TYPE_STOPITER => Constant::StopIteration,
            TYPE_ELLIPSIS => Constant::Ellipsis,
            TYPE_INT => Constant::Int(self.i32("a 4-byte int")? as i64),
            TYPE_INT64 => {
                let b = self.bytes(8, "an 8-byte int")?;
                let mut raw = [0u8; 8];
                raw.copy_from_slice(b);
                Constant::Int(i64::from_le_bytes(raw))
            }
            TYPE_LONG => self.long()?,
            TYPE_FLOAT => Constant::Float(self.text_float()?),
            TYPE_BINARY_FLOAT => Constant::Float(self.f64("an 8-byte float")?),
            TYPE_COMPLEX => {
                let re = self.text_float()?;
                let im = self.text_float()?;
                Constant::Complex { re, im }
            }
            TYPE_BINARY_COMPLEX => {
                let re = self.f64("an 8-byte float (real part)")?;
                let im = self.f64("an 8-byte float (imaginary part)")?;
                Constant::Complex { re, im }
            }
            TYPE_STRING => {
                let n = self.count("bytes length", 1)?;
                Constant::Bytes(Arc::from(self.bytes(n, "bytes data")?))
            }
            TYPE_UNICODE | TYPE_INTERNED => {
                let n = self.count("string length", 1)?;
                let start = self.pos;
                let raw = self.bytes(n, "UTF-8 string data")?;
                match decode_utf8_surrogatepass(raw) {
                    Some(s) => Constant::Str(s),
                    None => return self.invalid(start, "string is not valid UTF-8"),
                }
            }
            TYPE_ASCII | TYPE_ASCII_INTERNED => {
                let n = self.count("string length", 1)?;
                self.ascii(n)?
            }
            TYPE_SHORT_ASCII | TYPE_SHORT_ASCII_INTERNED => {
                let n = self.byte("a string length byte")? as usize;
                self.ascii(n)?
            }
            TYPE_SMALL_TUPLE => {
                let n = self.byte("a tuple length byte")? as usize;
                Constant::Tuple(self.items(n, depth)?.into())
            }
            TYPE_TUPLE => {
                let n = self.count("tuple length", 1)?;
                Constant::Tuple(self.items(n, depth)?.into())
            }
            TYPE_LIST => {
                let n = self.count("list length", 1)?;
                Constant::List(self.items(n, depth)?.into())
            }
            TYPE_SET => {
                let n = self.count("set size", 1)?;
                let items = self.items(n, depth)?;
                Constant::Set(self.apply_set_order(items).into())
            }
            TYPE_FROZENSET => {
                let n = self.count("frozenset size", 1)?;
                let items = self.items(n, depth)?;
                Constant::FrozenSet(self.apply_set_order(items).into())
            }
            TYPE_DICT => self.dict(depth)?,
            TYPE_CODE => Constant::Code(Arc::new(self.code(depth)?)),
            TYPE_REF => {
                let n = self.i32("a 4-byte ref index")?;
                return match usize::try_from(n).ok().and_then(|i| self.refs.get(i)) {
                    Some(Some(value)) => Ok(Some(value.clone())),
                    Some(None) => {
                        self.invalid(at, format!("ref {n} points to an object still being read"))
                    }
                    None => self.invalid(
                        at,
                        format!("ref {n} is out of range ({} refs so far)", self.refs.len()),
                    ),
                };
            }
            _ => {
                return Err(MarshalError::UnknownType {
                    offset: self.base + at,
                    code,
                })
            }
        };
        if flag {
            match reserved {
                Some(slot) => self.refs[slot] = Some(value.clone()),
                None => self.refs.push(Some(value.clone())),
            }
        }
        Ok(Some(value))
    }

    #[inline(never)]
    fn items(&mut self, n: usize, depth: usize) -> Result<Vec<Constant>, MarshalError> {
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            let at = self.pos;
            match self.object(depth + 1)? {
                Some(item) => items.push(item),
                None => return self.invalid(at, "NULL object inside a container"),
            }
        }
        Ok(items)
    }

    #[inline(never)]
    fn dict(&mut self, depth: usize) -> Result<Constant, MarshalError> {
        let mut pairs = Vec::new();
        loop {
            let Some(key) = self.object(depth + 1)? else {
                break;
            };
            let at = self.pos;
            match self.object(depth + 1)? {
                Some(value) => pairs.push((key, value)),
                None => return self.invalid(at, "NULL dict value"),
            }
        }
        Ok(Constant::Dict(pairs.into()))
    }

    /// Puts a set's items in the order CPython iterates them: the order the
    /// trailer recorded for exactly these elements, else the order CPython's
    /// own `marshal.loads` produces by adding them in stored order.
    #[inline(never)]
    fn apply_set_order(&self, items: Vec<Constant>) -> Vec<Constant> {
        match self.recorded_set_order(&items) {
            Some(order) => reorder(items, &order),
            None => loaded_set_order(items, self.hash_key),
        }
    }

    fn recorded_set_order(&self, items: &[Constant]) -> Option<Vec<usize>> {
        let orders = self.set_orders.as_ref()?;
        let reprs: Vec<String> = items.iter().map(Constant::repr).collect();
        let mut key = reprs.clone();
        key.sort();
        let order = orders.get(&key)?;
        let mut taken = vec![false; items.len()];
        order
            .iter()
            .map(|want| {
                let i = (0..reprs.len()).find(|&i| !taken[i] && reprs[i] == *want)?;
                taken[i] = true;
                Some(i)
            })
            .collect()
    }

    #[inline(never)]
    fn ascii(&mut self, n: usize) -> Result<Constant, MarshalError> {
        let start = self.pos;
        let raw = self.bytes(n, "ASCII string data")?;
        match std::str::from_utf8(raw) {
            Ok(s) if s.is_ascii() => Ok(Constant::Str(PyString::Text(Arc::from(s)))),
            _ => self.invalid(start, "ASCII string holds a non-ASCII byte"),
        }
    }

    #[inline(never)]
    fn text_float(&mut self) -> Result<f64, MarshalError> {
        let n = self.byte("a float length byte")? as usize;
        let start = self.pos;
        let raw = self.bytes(n, "float text")?;
        let text = std::str::from_utf8(raw).unwrap_or("");
        match parse_python_float(text) {
            Some(f) => Ok(f),
            None => self.invalid(start, format!("bad float text {text:?}")),
        }
    }

    /// `TYPE_LONG`: a signed digit count, then base-2**15 digits, least
    /// significant first (marshal.c's `r_PyLong`).
    #[inline(never)]
    fn long(&mut self) -> Result<Constant, MarshalError> {
        let at = self.pos;
        let n = self.i32("a 4-byte digit count")?;
        let count = n.unsigned_abs() as usize;
        if count.saturating_mul(2) > self.data.len() - self.pos {
            return Err(MarshalError::Truncated {
                offset: self.offset(),
                expected: "big-integer digits",
            });
        }
        let mut digits = Vec::with_capacity(count);
        for _ in 0..count {
            let digit_at = self.pos;
            let b = self.bytes(2, "a 2-byte big-integer digit")?;
            let digit = u16::from_le_bytes([b[0], b[1]]);
            if digit >= 1 << 15 {
                return self.invalid(digit_at, "bad marshal data (digit out of range in long)");
            }
            digits.push(digit);
        }
        if digits.last() == Some(&0) {
            return self.invalid(at, "bad marshal data (unnormalized long data)");
        }
        let mut magnitude = BigInt::from(0u8);
        for &d in digits.iter().rev() {
            magnitude = (magnitude << 15u32) + BigInt::from(d);
        }
        let value = if n < 0 { -magnitude } else { magnitude };
        Ok(constant_from_bigint(value))
    }

    #[inline(never)]
    fn code(&mut self, depth: usize) -> Result<CodeObject, MarshalError> {
        let start = self.pos;
        let argcount = self.u32_field("co_argcount")?;
        let posonlyargcount = self.u32_field("co_posonlyargcount")?;
        let kwonlyargcount = self.u32_field("co_kwonlyargcount")?;
        let stacksize = self.u32_field("co_stacksize")?;
        let flags = self.i32("co_flags")? as u32;
        let code = self.bytes_field(depth, "co_code")?;
        let consts = match self.field(depth, "co_consts")? {
            Constant::Tuple(items) => items.to_vec(),
            _ => return self.invalid(start, "co_consts is not a tuple"),
        };
        let names = self.name_tuple(depth, "co_names")?;
        let localsplusnames = self.name_tuple(depth, "co_localsplusnames")?;
        let localspluskinds = self.bytes_field(depth, "co_localspluskinds")?;
        let stored_filename = self.name(depth, "co_filename")?;
        let filename = self.filename.clone().unwrap_or(stored_filename);
        let name = self.name(depth, "co_name")?;
        let qualname = self.name(depth, "co_qualname")?;
        let firstlineno = self.i32("co_firstlineno")?;
        let linetable = self.bytes_field(depth, "co_linetable")?;
        let exceptiontable = self.bytes_field(depth, "co_exceptiontable")?;
        if code.len() % 2 != 0 {
            return self.invalid(
                start,
                format!("co_code of {name} has odd length {}", code.len()),
            );
        }
        if localspluskinds.len() != localsplusnames.len() {
            return self.invalid(
                start,
                format!("co_localspluskinds of {name} does not match co_localsplusnames"),
            );
        }
        let decoded = Decoded::new(&code, firstlineno, &linetable, &exceptiontable);
        Ok(CodeObject {
            argcount,
            posonlyargcount,
            kwonlyargcount,
            stacksize,
            flags,
            code,
            consts,
            names,
            localsplusnames,
            localspluskinds,
            filename,
            name,
            qualname,
            firstlineno,
            linetable,
            exceptiontable,
            decoded,
        })
    }

    fn u32_field(&mut self, what: &'static str) -> Result<u32, MarshalError> {
        let at = self.pos;
        let n = self.i32(what)?;
        u32::try_from(n).or_else(|_| self.invalid(at, format!("negative {what} ({n})")))
    }

    fn field(&mut self, depth: usize, what: &'static str) -> Result<Constant, MarshalError> {
        let at = self.pos;
        match self.object(depth + 1)? {
            Some(v) => Ok(v),
            None => self.invalid(at, format!("NULL {what}")),
        }
    }

    fn bytes_field(&mut self, depth: usize, what: &'static str) -> Result<Vec<u8>, MarshalError> {
        let at = self.pos;
        match self.field(depth, what)? {
            Constant::Bytes(b) => Ok(b.to_vec()),
            _ => self.invalid(at, format!("{what} is not bytes")),
        }
    }

    fn name(&mut self, depth: usize, what: &'static str) -> Result<Arc<str>, MarshalError> {
        let at = self.pos;
        match self.field(depth, what)? {
            Constant::Str(PyString::Text(s)) => Ok(s),
            _ => self.invalid(at, format!("{what} is not a str")),
        }
    }

    fn name_tuple(
        &mut self,
        depth: usize,
        what: &'static str,
    ) -> Result<Vec<Arc<str>>, MarshalError> {
        let at = self.pos;
        let Constant::Tuple(items) = self.field(depth, what)? else {
            return self.invalid(at, format!("{what} is not a tuple"));
        };
        items
            .iter()
            .map(|item| match item {
                Constant::Str(PyString::Text(s)) => Ok(s.clone()),
                _ => self.invalid(at, format!("{what} holds a non-str item")),
            })
            .collect()
    }
}

/// `items` rearranged so that position k holds `items[order[k]]`.
fn reorder(items: Vec<Constant>, order: &[usize]) -> Vec<Constant> {
    let mut slots: Vec<Option<Constant>> = items.into_iter().map(Some).collect();
    order.iter().filter_map(|&i| slots[i].take()).collect()
}

/// The order CPython gives a set it fills with `items` one by one (what
/// `marshal.loads` does), when every item's hash is known; else `items` as is.
fn loaded_set_order(items: Vec<Constant>, key: HashKey) -> Vec<Constant> {
    let hashes: Option<Vec<i64>> = items.iter().map(|c| c.cpython_hash(key)).collect();
    match hashes {
        Some(hashes) => reorder(items, &set_iteration_order(&hashes)),
        None => items,
    }
}

fn what_items(what: &'static str) -> &'static str {
    match what {
        "bytes length" => "bytes data",
        "string length" => "string data",
        "tuple length" => "tuple items",
        "list length" => "list items",
        "set size" | "frozenset size" => "set items",
        _ => "more data",
    }
}

/// A big integer as a constant: machine-sized when it fits.
fn constant_from_bigint(value: BigInt) -> Constant {
    match i64::try_from(&value) {
        Ok(small) => Constant::Int(small),
        Err(_) => Constant::BigInt(Arc::new(value)),
    }
}

/// Parses the text marshal writes for `TYPE_FLOAT` (`repr` of a float),
/// including `inf`, `-inf` and `nan`.
fn parse_python_float(text: &str) -> Option<f64> {
    match text.to_ascii_lowercase().as_str() {
        "inf" | "+inf" | "infinity" => Some(f64::INFINITY),
        "-inf" | "-infinity" => Some(f64::NEG_INFINITY),
        "nan" | "+nan" | "-nan" => Some(f64::NAN),
        other => other.parse().ok(),
    }
}

/// Decodes UTF-8 as CPython's `surrogatepass` error handler does: lone
/// surrogates (encoded as 3-byte sequences) are kept.
pub fn decode_utf8_surrogatepass(raw: &[u8]) -> Option<PyString> {
    if let Ok(s) = std::str::from_utf8(raw) {
        return Some(PyString::Text(Arc::from(s)));
    }
    let mut cps = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let b0 = raw[i];
        let (cp, len) = match b0 {
            0x00..=0x7F => (b0 as u32, 1),
            0xC2..=0xDF => (((b0 as u32 & 0x1F) << 6) | cont(raw, i + 1)?, 2),
            0xE0..=0xEF => {
                let cp = ((b0 as u32 & 0x0F) << 12) | (cont(raw, i + 1)? << 6) | cont(raw, i + 2)?;
                if cp < 0x800 {
                    return None;
                }
                (cp, 3)
            }
            0xF0..=0xF4 => {
                let cp = ((b0 as u32 & 0x07) << 18)
                    | (cont(raw, i + 1)? << 12)
                    | (cont(raw, i + 2)? << 6)
                    | cont(raw, i + 3)?;
                if !(0x10000..=0x10FFFF).contains(&cp) {
                    return None;
                }
                (cp, 4)
            }
            _ => return None,
        };
        cps.push(cp);
        i += len;
    }
    Some(PyString::WithSurrogates(cps.into()))
}

fn cont(raw: &[u8], i: usize) -> Option<u32> {
    match raw.get(i) {
        Some(&b) if b & 0xC0 == 0x80 => Some(b as u32 & 0x3F),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_order_trailer_round_trips_and_rejects_garbage() {
        let orders = vec![
            vec!["'b'".to_string(), "'a'".to_string()],
            vec!["(1, 2)".to_string(), "3".to_string()],
        ];
        let mut data = b"marshal data".to_vec();
        data.extend(encode_set_order_trailer(&orders));
        let parsed = parse_set_order_trailer(&data).unwrap();
        assert_eq!(
            parsed[&vec!["'a'".to_string(), "'b'".to_string()]],
            orders[0]
        );
        assert_eq!(
            parsed[&vec!["(1, 2)".to_string(), "3".to_string()]],
            orders[1]
        );
        assert!(parse_set_order_trailer(b"no trailer").is_none());
        // A length pointing before the start of the data.
        let mut bad = u32::MAX.to_le_bytes().to_vec();
        bad.extend_from_slice(SET_ORDER_TAG);
        assert!(parse_set_order_trailer(&bad).is_none());
    }

    #[test]
    fn surrogates_survive_decoding() {
        let s = decode_utf8_surrogatepass(b"a\xed\xa0\x80b").unwrap();
        assert_eq!(
            s.code_points().collect::<Vec<_>>(),
            vec![0x61, 0xD800, 0x62]
        );
        assert!(decode_utf8_surrogatepass(b"\xff").is_none());
        assert!(
            decode_utf8_surrogatepass(b"\xe0\x80\x80").is_none(),
            "overlong"
        );
    }

    #[test]
    fn refs_to_unfinished_objects_and_deep_nesting_are_errors() {
        // A tuple (flagged) whose item is a ref to itself.
        let data = [TYPE_SMALL_TUPLE | FLAG_REF, 1, TYPE_REF, 0, 0, 0, 0];
        let err = read_object(&data, 0).unwrap_err();
        assert!(err.to_string().contains("still being read"), "{err}");
        let deep: Vec<u8> = std::iter::repeat_n([TYPE_SMALL_TUPLE, 1], 3000)
            .flatten()
            .collect();
        // On a thread with the default 2 MiB stack, as tests and servers use.
        let err = read_object(&deep, 16).unwrap_err();
        assert!(err.to_string().contains("nested too deeply"), "{err}");
    }

    #[test]
    fn longs_are_read_in_15_bit_digits() {
        // -(1 + 2 * 2**15) as two digits.
        let data = [TYPE_LONG, 0xfe, 0xff, 0xff, 0xff, 1, 0, 2, 0];
        assert_eq!(read_object(&data, 0).unwrap().0.repr(), "-65537");
        let unnormalized = [TYPE_LONG, 1, 0, 0, 0, 0, 0];
        assert!(read_object(&unnormalized, 0).is_err());
    }
}
