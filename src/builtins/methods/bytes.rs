//! Methods of `bytes` and `bytearray` (Objects/bytes_methods.c,
//! bytesobject.c, bytearrayobject.c): the shared ASCII-only text methods,
//! which return the receiver's type, and bytearray's mutators. Also the
//! two constructors.

use std::rc::Rc;

use super::*;
use crate::object::codecs::CodecError;
use crate::object::PyErr;
use crate::vm::ops::bytes::{
    byte_value, bytearray, bytes_data, bytes_from_iterable, find as find_sub, same_kind,
};

/// The receiver's bytes.
fn data(a: &Args) -> PyResult<Rc<[u8]>> {
    a.positional
        .first()
        .and_then(bytes_data)
        .ok_or_else(|| type_error("descriptor requires a 'bytes' object"))
}

fn receiver<'a>(a: &'a Args) -> &'a Value {
    &a.positional[0]
}

fn arg<'a>(a: &'a Args, i: usize, name: &str) -> PyResult<&'a Value> {
    a.positional
        .get(i)
        .or_else(|| super::super::kwarg(a, name))
        .ok_or_else(|| type_error(format!("missing required argument '{name}'")))
}

/// A bytes-like argument (`b"x"` or a bytearray).
fn bytes_arg(v: &Value) -> PyResult<Rc<[u8]>> {
    bytes_data(v).ok_or_else(|| {
        type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(v)
        ))
    })
}

/// The needle of find/count/index: bytes-like or one byte as an int.
fn needle(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(d) = bytes_data(v) {
        return Ok(d.to_vec());
    }
    if crate::vm::ops::arith::is_int(v) {
        return Ok(vec![byte_value(vm, v)?]);
    }
    Err(type_error(format!(
        "argument should be integer or bytes-like object, not '{}'",
        type_name(v)
    )))
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn list_of(like: &Value, parts: Vec<Vec<u8>>) -> Value {
    Value::list(parts.into_iter().map(|p| same_kind(like, p)).collect())
}

/// `memoryview(obj)`: a view of a bytes or bytearray.
pub fn memoryview(t: &Rc<crate::object::Type>, a: &Args) -> PyResult<Value> {
    let obj = arg(a, 0, "object")?;
    let target = match obj {
        Value::Bytes(_) | Value::ByteArray(_) => obj.clone(),
        Value::Instance(i) if protocol::type_of(obj).kind == Kind::MemoryView => {
            i.payload.clone().unwrap_or(Value::None)
        }
        other => {
            return Err(type_error(format!(
                "memoryview: a bytes-like object is required, not '{}'",
                type_name(other)
            )))
        }
    };
    Ok(protocol::new_instance_with_payload(t, target))
}

/// Methods of `Bytes` (kind Bytes).
pub static ANYBYTES_METHODS: &[MethodDef] = &[
    m("decode", decode),
    m("hex", hex),
    m("fromhex", fromhex).class(),
    m("upper", |_, a| map_bytes(&a, |b| b.to_ascii_uppercase())),
    m("lower", |_, a| map_bytes(&a, |b| b.to_ascii_lowercase())),
    m("swapcase", |_, a| {
        map_bytes(&a, |b| {
            if b.is_ascii_uppercase() {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            }
        })
    }),
    m("capitalize", |_, a| {
        let d = data(&a)?;
        let out: Vec<u8> = d
            .iter()
            .enumerate()
            .map(|(i, b)| {
                if i == 0 {
                    b.to_ascii_uppercase()
                } else {
                    b.to_ascii_lowercase()
                }
            })
            .collect();
        Ok(same_kind(receiver(&a), out))
    }),
    m("title", |_, a| {
        let d = data(&a)?;
        let mut prev_cased = false;
        let out: Vec<u8> = d
            .iter()
            .map(|&b| {
                let r = if prev_cased {
                    b.to_ascii_lowercase()
                } else {
                    b.to_ascii_uppercase()
                };
                prev_cased = b.is_ascii_alphabetic();
                r
            })
            .collect();
        Ok(same_kind(receiver(&a), out))
    }),
    m("isalpha", |_, a| predicate(&a, |b| b.is_ascii_alphabetic())),
    m("isdigit", |_, a| predicate(&a, |b| b.is_ascii_digit())),
    m("isalnum", |_, a| {
        predicate(&a, |b| b.is_ascii_alphanumeric())
    }),
    m("isspace", |_, a| predicate(&a, is_space)),
    m("isascii", |_, a| {
        Ok(Value::Bool(data(&a)?.iter().all(|b| b.is_ascii())))
    }),
    m("isupper", |_, a| {
        let d = data(&a)?;
        Ok(Value::Bool(
            d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase),
        ))
    }),
    m("islower", |_, a| {
        let d = data(&a)?;
        Ok(Value::Bool(
            d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase),
        ))
    }),
    m("istitle", |_, a| {
        let text: String = data(&a)?.iter().map(|&b| b as char).collect();
        Ok(Value::Bool(crate::object::chars::is_titlecased(&text)))
    }),
    m("split", |_, a| split(&a, false)),
    m("rsplit", |_, a| split(&a, true)),
    m("splitlines", |vm, a| {
        let keep = match a
            .positional
            .get(1)
            .or_else(|| super::super::kwarg(&a, "keepends"))
        {
            Some(v) => protocol::truthy(vm, v)?,
            None => false,
        };
        let d = data(&a)?;
        let mut parts = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i < d.len() {
            let eol = match d[i] {
                b'\r' if d.get(i + 1) == Some(&b'\n') => 2,
                b'\r' | b'\n' => 1,
                _ => 0,
            };
            if eol > 0 {
                let end = if keep { i + eol } else { i };
                parts.push(d[start..end].to_vec());
                i += eol;
                start = i;
            } else {
                i += 1;
            }
        }
        if start < d.len() {
            parts.push(d[start..].to_vec());
        }
        Ok(list_of(receiver(&a), parts))
    }),
    m("strip", |_, a| strip(&a, true, true)),
    m("lstrip", |_, a| strip(&a, true, false)),
    m("rstrip", |_, a| strip(&a, false, true)),
    m("join", |vm, a| {
        let sep = data(&a)?;
        let items = protocol::collect(vm, arg(&a, 1, "iterable_of_bytes")?)?;
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(&sep);
            }
            let d = bytes_data(item).ok_or_else(|| {
                type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    type_name(item)
                ))
            })?;
            out.extend_from_slice(&d);
        }
        Ok(same_kind(receiver(&a), out))
    })
    .o(),
    m("replace", |vm, a| {
        let d = data(&a)?;
        let old = bytes_arg(arg(&a, 1, "old")?)?;
        let new = bytes_arg(arg(&a, 2, "new")?)?;
        let count = match a.positional.get(3) {
            Some(v) => index_of(v)?,
            None => -1,
        };
        let _ = vm;
        Ok(same_kind(receiver(&a), replace(&d, &old, &new, count)))
    })
    .clinic(2),
    m("find", |vm, a| search(vm, &a, false, false)).clinic(1),
    m("rfind", |vm, a| search(vm, &a, true, false)).clinic(1),
    m("index", |vm, a| search(vm, &a, false, true)).clinic(1),
    m("rindex", |vm, a| search(vm, &a, true, true)).clinic(1),
    m("count", |vm, a| {
        let d = data(&a)?;
        let sub = needle(vm, arg(&a, 1, "sub")?)?;
        let (lo, hi) = super::str::adjust_indices(&a, 2, d.len())?;
        if hi < lo || hi - lo < sub.len() {
            return Ok(Value::Int(0));
        }
        let region = &d[lo..hi];
        if sub.is_empty() {
            return Ok(Value::Int(region.len() as i64 + 1));
        }
        let mut n = 0;
        let mut i = 0;
        while let Some(p) = find_sub(region, &sub, i) {
            n += 1;
            i = p + sub.len();
        }
        Ok(Value::Int(n))
    })
    .o(),
    m("startswith", |_, a| affix(&a, true)).at_least(1),
    m("endswith", |_, a| affix(&a, false)).at_least(1),
    m("partition", |_, a| partition(&a, false)).o(),
    m("rpartition", |_, a| partition(&a, true)).o(),
    m("center", |_, a| pad(&a, '^')).clinic(1),
    m("ljust", |_, a| pad(&a, '<')).clinic(1),
    m("rjust", |_, a| pad(&a, '>')).clinic(1),
    m("zfill", |_, a| {
        let d = data(&a)?;
        let width = index_of(arg(&a, 1, "width")?)?.max(0) as usize;
        if d.len() >= width {
            return Ok(same_kind(receiver(&a), d.to_vec()));
        }
        let (sign, rest) = match d.first() {
            Some(&c @ (b'+' | b'-')) => (vec![c], &d[1..]),
            _ => (vec![], &d[..]),
        };
        let mut out = sign;
        out.extend(std::iter::repeat_n(b'0', width - d.len()));
        out.extend_from_slice(rest);
        Ok(same_kind(receiver(&a), out))
    })
    .o(),
    m("removeprefix", |_, a| {
        let d = data(&a)?;
        let p = bytes_arg(arg(&a, 1, "prefix")?)?;
        let out = d.strip_prefix(&p[..]).unwrap_or(&d[..]).to_vec();
        Ok(same_kind(receiver(&a), out))
    })
    .o(),
    m("removesuffix", |_, a| {
        let d = data(&a)?;
        let p = bytes_arg(arg(&a, 1, "suffix")?)?;
        let out = d.strip_suffix(&p[..]).unwrap_or(&d[..]).to_vec();
        Ok(same_kind(receiver(&a), out))
    })
    .o(),
    m("expandtabs", |_, a| {
        let d = data(&a)?;
        let tab = match a
            .positional
            .get(1)
            .or_else(|| super::super::kwarg(&a, "tabsize"))
        {
            Some(v) => index_of(v)?,
            None => 8,
        };
        let mut out = Vec::new();
        let mut col = 0i64;
        for &b in d.iter() {
            match b {
                b'\t' if tab > 0 => {
                    let n = tab - col % tab;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
                b'\t' => {}
                b'\n' | b'\r' => {
                    out.push(b);
                    col = 0;
                }
                _ => {
                    out.push(b);
                    col += 1;
                }
            }
        }
        Ok(same_kind(receiver(&a), out))
    }),
    m("translate", |_, a| {
        let d = data(&a)?;
        let table = match arg(&a, 1, "table")? {
            Value::None => None,
            t => Some(bytes_arg(t)?),
        };
        if table.as_ref().is_some_and(|t| t.len() != 256) {
            return Err(value_error("translation table must be 256 characters long"));
        }
        let delete = match a
            .positional
            .get(2)
            .or_else(|| super::super::kwarg(&a, "delete"))
        {
            Some(v) => bytes_arg(v)?.to_vec(),
            None => vec![],
        };
        let out: Vec<u8> = d
            .iter()
            .filter(|b| !delete.contains(b))
            .map(|&b| table.as_ref().map_or(b, |t| t[b as usize]))
            .collect();
        Ok(same_kind(receiver(&a), out))
    }),
    m("maketrans", |_, a| {
        let [from, to] = a.positional else {
            return Err(type_error(format!(
                "maketrans expected 2 arguments, got {}",
                a.positional.len()
            )));
        };
        let (from, to) = (bytes_arg(from)?, bytes_arg(to)?);
        if from.len() != to.len() {
            return Err(value_error("maketrans arguments must have same length"));
        }
        let mut table: Vec<u8> = (0..=255).collect();
        for (f, t) in from.iter().zip(to.iter()) {
            table[*f as usize] = *t;
        }
        Ok(Value::Bytes(Rc::from(table)))
    })
    .static_method(0),
];

/// Methods of `ByteArray` (kind ByteArray).
/// What `bytes` has and `bytearray` has not.
pub static BYTES_ONLY_METHODS: &[MethodDef] = &[
    m("__bytes__", |_, a| match &a.positional[0] {
        b @ Value::Bytes(_) => Ok(b.clone()),
        other => Err(type_error(format!(
            "descriptor '__bytes__' for 'bytes' objects doesn't apply to a '{}' object",
            type_name(other)
        ))),
    }),
    m("__getnewargs__", |_, a| match &a.positional[0] {
        b @ Value::Bytes(_) => Ok(Value::tuple(vec![b.clone()])),
        other => Err(type_error(format!(
            "descriptor '__getnewargs__' for 'bytes' objects doesn't apply to a '{}' object",
            type_name(other)
        ))),
    }),
];

pub static BYTE_ARRAY_METHODS: &[MethodDef] = &[
    // bytearray.__init__(source, encoding, errors): the contents replaced.
    m("__init__", |vm, a| {
        let ba = this_bytearray(&a)?;
        let rest = Args {
            positional: &a.positional[1..],
            keywords: a.keywords,
        };
        let Value::ByteArray(fresh) = construct(vm, &rest, true)? else {
            return Err(type_error("bytearray() made no bytearray"));
        };
        let data = fresh.borrow().clone();
        *ba.borrow_mut() = data;
        Ok(Value::None)
    }),
    // The bytes allocated for the contents (plus the trailing NUL CPython
    // keeps).
    m("__alloc__", |_, a| {
        Ok(Value::Int(
            this_bytearray(&a)?.borrow().capacity() as i64 + 1,
        ))
    }),
    m("append", |vm, a| {
        let ba = this_bytearray(&a)?;
        let b = byte_value(vm, arg(&a, 1, "item")?)?;
        ba.borrow_mut().push(b);
        Ok(Value::None)
    })
    .o(),
    m("extend", |vm, a| {
        let ba = this_bytearray(&a)?;
        let src = arg(&a, 1, "iterable_of_ints")?;
        let new = if matches!(src, Value::Str(_)) {
            return Err(type_error("expected iterable of integers; got: 'str'"));
        } else {
            bytes_from_iterable(vm, src)?
        };
        ba.borrow_mut().extend(new);
        Ok(Value::None)
    })
    .o(),
    m("insert", |vm, a| {
        let ba = this_bytearray(&a)?;
        let i = index_of(arg(&a, 1, "index")?)?;
        let b = byte_value(vm, arg(&a, 2, "item")?)?;
        let mut d = ba.borrow_mut();
        let n = d.len() as i64;
        let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
        d.insert(at as usize, b);
        Ok(Value::None)
    })
    .exact(2),
    m("pop", |_, a| {
        let ba = this_bytearray(&a)?;
        let mut d = ba.borrow_mut();
        if d.is_empty() {
            return Err(index_error("pop from empty bytearray"));
        }
        let n = d.len() as i64;
        let i = match a.positional.get(1) {
            Some(v) => index_of(v)?,
            None => -1,
        };
        let i = if i < 0 { i + n } else { i };
        if i < 0 || i >= n {
            return Err(index_error("pop index out of range"));
        }
        Ok(Value::Int(d.remove(i as usize) as i64))
    }),
    m("remove", |vm, a| {
        let ba = this_bytearray(&a)?;
        let b = byte_value(vm, arg(&a, 1, "value")?)?;
        let mut d = ba.borrow_mut();
        match d.iter().position(|x| *x == b) {
            Some(i) => {
                d.remove(i);
                Ok(Value::None)
            }
            None => Err(value_error("value not found in bytearray")),
        }
    })
    .o(),
    m("reverse", |_, a| {
        this_bytearray(&a)?.borrow_mut().reverse();
        Ok(Value::None)
    }),
    m("clear", |_, a| {
        this_bytearray(&a)?.borrow_mut().clear();
        Ok(Value::None)
    }),
    m("copy", |_, a| {
        Ok(bytearray(this_bytearray(&a)?.borrow().clone()))
    }),
];

fn this_bytearray(a: &Args) -> PyResult<Rc<std::cell::RefCell<Vec<u8>>>> {
    match a.positional.first() {
        Some(Value::ByteArray(b)) => Ok(b.clone()),
        _ => Err(type_error("descriptor requires a 'bytearray' object")),
    }
}

fn map_bytes(a: &Args, f: impl Fn(u8) -> u8) -> PyResult<Value> {
    let out: Vec<u8> = data(a)?.iter().map(|&b| f(b)).collect();
    Ok(same_kind(receiver(a), out))
}

fn predicate(a: &Args, f: impl Fn(u8) -> bool) -> PyResult<Value> {
    let d = data(a)?;
    Ok(Value::Bool(!d.is_empty() && d.iter().all(|&b| f(b))))
}

fn replace(d: &[u8], old: &[u8], new: &[u8], count: i64) -> Vec<u8> {
    let mut out = Vec::with_capacity(d.len());
    let mut left = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    if old.is_empty() {
        // Insert `new` before every byte and at the end, up to count times.
        for &b in d {
            if left > 0 {
                out.extend_from_slice(new);
                left -= 1;
            }
            out.push(b);
        }
        if left > 0 {
            out.extend_from_slice(new);
        }
        return out;
    }
    let mut i = 0;
    while left > 0 {
        match find_sub(d, old, i) {
            Some(p) => {
                out.extend_from_slice(&d[i..p]);
                out.extend_from_slice(new);
                i = p + old.len();
                left -= 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&d[i..]);
    out
}

fn search(vm: &mut Vm, a: &Args, from_right: bool, raise: bool) -> PyResult<Value> {
    let d = data(a)?;
    let sub = needle(vm, arg(a, 1, "sub")?)?;
    let (lo, hi) = super::str::adjust_indices(a, 2, d.len())?;
    let found = if hi < lo || hi - lo < sub.len() {
        None
    } else {
        let region = &d[lo..hi];
        if from_right {
            (0..=region.len() - sub.len())
                .rev()
                .find(|&p| region[p..p + sub.len()] == sub[..])
        } else {
            find_sub(region, &sub, 0)
        }
        .map(|p| p + lo)
    };
    match found {
        Some(p) => Ok(Value::Int(p as i64)),
        None if raise => Err(value_error("subsection not found")),
        None => Ok(Value::Int(-1)),
    }
}

fn split(a: &Args, from_right: bool) -> PyResult<Value> {
    let d = data(a)?;
    let sep = match a
        .positional
        .get(1)
        .or_else(|| super::super::kwarg(a, "sep"))
    {
        None | Some(Value::None) => None,
        Some(v) => Some(bytes_arg(v)?),
    };
    let maxsplit = match a
        .positional
        .get(2)
        .or_else(|| super::super::kwarg(a, "maxsplit"))
    {
        Some(v) => index_of(v)?,
        None => -1,
    };
    let mut left = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        Some(sep) => {
            if sep.is_empty() {
                return Err(value_error("empty separator"));
            }
            if from_right {
                let mut end = d.len();
                while left > 0 {
                    let hay = &d[..end];
                    let pos = (0..=hay.len().saturating_sub(sep.len()))
                        .rev()
                        .find(|&p| hay.len() >= sep.len() && hay[p..p + sep.len()] == sep[..]);
                    match pos {
                        Some(p) => {
                            parts.push(d[p + sep.len()..end].to_vec());
                            end = p;
                            left -= 1;
                        }
                        None => break,
                    }
                }
                parts.push(d[..end].to_vec());
                parts.reverse();
            } else {
                let mut start = 0;
                while left > 0 {
                    match find_sub(&d, &sep, start) {
                        Some(p) => {
                            parts.push(d[start..p].to_vec());
                            start = p + sep.len();
                            left -= 1;
                        }
                        None => break,
                    }
                }
                parts.push(d[start..].to_vec());
            }
        }
        None => {
            // Runs of ASCII whitespace; no empty strings.
            let words: Vec<(usize, usize)> = {
                let mut w = Vec::new();
                let mut i = 0;
                while i < d.len() {
                    while i < d.len() && is_space(d[i]) {
                        i += 1;
                    }
                    let s = i;
                    while i < d.len() && !is_space(d[i]) {
                        i += 1;
                    }
                    if i > s {
                        w.push((s, i));
                    }
                }
                w
            };
            if words.len() > left {
                if from_right {
                    // The unsplit head keeps its leading whitespace.
                    let cut = words.len() - left;
                    parts.push(d[..words[cut - 1].1].to_vec());
                    for &(s, e) in &words[cut..] {
                        parts.push(d[s..e].to_vec());
                    }
                } else {
                    // The unsplit tail keeps its trailing whitespace.
                    for &(s, e) in &words[..left] {
                        parts.push(d[s..e].to_vec());
                    }
                    parts.push(d[words[left].0..].to_vec());
                }
            } else {
                for &(s, e) in &words {
                    parts.push(d[s..e].to_vec());
                }
            }
        }
    }
    Ok(list_of(receiver(a), parts))
}

fn strip(a: &Args, left: bool, right: bool) -> PyResult<Value> {
    let d = data(a)?;
    let chars: Option<Rc<[u8]>> = match a.positional.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(bytes_arg(v)?),
    };
    let strip_it = |b: &u8| match &chars {
        Some(c) => c.contains(b),
        None => is_space(*b),
    };
    let mut s = 0;
    let mut e = d.len();
    if left {
        while s < e && strip_it(&d[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip_it(&d[e - 1]) {
            e -= 1;
        }
    }
    Ok(same_kind(receiver(a), d[s..e].to_vec()))
}

fn affix(a: &Args, start: bool) -> PyResult<Value> {
    let d = data(a)?;
    let (lo, hi) = super::str::adjust_indices(a, 2, d.len())?;
    let candidates: Vec<Rc<[u8]>> = match arg(a, 1, "prefix")? {
        Value::Tuple(t) => t.iter().map(bytes_arg).collect::<PyResult<_>>()?,
        v => vec![bytes_data(v).ok_or_else(|| {
            type_error(format!(
                "{} first arg must be bytes or a tuple of bytes, not {}",
                if start { "startswith" } else { "endswith" },
                type_name(v)
            ))
        })?],
    };
    Ok(Value::Bool(candidates.iter().any(|p| {
        if hi < lo || hi - lo < p.len() {
            return false;
        }
        let region = &d[lo..hi];
        if start {
            region.starts_with(p)
        } else {
            region.ends_with(p)
        }
    })))
}

fn partition(a: &Args, from_right: bool) -> PyResult<Value> {
    let d = data(a)?;
    let sep = bytes_arg(arg(a, 1, "sep")?)?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let pos = if from_right {
        (0..=d.len().saturating_sub(sep.len()))
            .rev()
            .find(|&p| d.len() >= sep.len() && d[p..p + sep.len()] == sep[..])
    } else {
        find_sub(&d, &sep, 0)
    };
    let like = receiver(a);
    let parts = match pos {
        Some(p) => [d[..p].to_vec(), sep.to_vec(), d[p + sep.len()..].to_vec()],
        None if from_right => [vec![], vec![], d.to_vec()],
        None => [d.to_vec(), vec![], vec![]],
    };
    Ok(Value::tuple(
        parts.into_iter().map(|p| same_kind(like, p)).collect(),
    ))
}

fn pad(a: &Args, align: char) -> PyResult<Value> {
    let d = data(a)?;
    let width = index_of(arg(a, 1, "width")?)?.max(0) as usize;
    let fill = match a.positional.get(2) {
        None => b' ',
        Some(v) => match bytes_data(v) {
            Some(f) if f.len() == 1 => f[0],
            _ => {
                return Err(type_error(format!(
                    "{}() argument 2 must be a byte string of length 1, not {}",
                    match align {
                        '<' => "ljust",
                        '>' => "rjust",
                        _ => "center",
                    },
                    type_name(v)
                )))
            }
        },
    };
    if d.len() >= width {
        return Ok(same_kind(receiver(a), d.to_vec()));
    }
    let total = width - d.len();
    let left = match align {
        '<' => 0,
        '>' => total,
        // As str.center: the odd extra goes left when the width is odd.
        _ => total / 2 + (total & width & 1),
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(&d);
    out.extend(std::iter::repeat_n(fill, total - left));
    Ok(same_kind(receiver(a), out))
}

/// The exception a codec failure raises.
pub fn codec_error(e: CodecError) -> PyErr {
    e.into_exception()
}

/// `(encoding, errors)` arguments at `a.positional[i..]` or by keyword.
pub fn codec_args(a: &Args, i: usize) -> PyResult<(String, String)> {
    let get = |k: usize, name: &str, default: &str| -> PyResult<String> {
        match a.positional.get(k).or_else(|| super::super::kwarg(a, name)) {
            None => Ok(default.to_string()),
            Some(Value::Str(s)) => Ok(s.to_string()),
            Some(v) => Err(type_error(format!(
                "{name}() argument must be str, not {}",
                type_name(v)
            ))),
        }
    };
    Ok((
        get(i, "encoding", "utf-8")?,
        get(i + 1, "errors", "strict")?,
    ))
}

fn decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let d = data(&a)?;
    let (encoding, errors) = codec_args(&a, 1)?;
    let s = crate::builtins::modules::codecs::decode_text(vm, &d, &encoding, &errors)?;
    Ok(Value::str(&s))
}

pub(super) fn hex(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let d = data(&a)?;
    let sep = a
        .positional
        .get(1)
        .or_else(|| super::super::kwarg(&a, "sep"));
    let hexes: Vec<String> = d.iter().map(|x| format!("{x:02x}")).collect();
    Ok(Value::str(&match sep {
        Some(Value::Str(s)) => hexes.join(s),
        Some(v @ (Value::Bytes(_) | Value::ByteArray(_))) => {
            let s: String = bytes_data(v)
                .unwrap_or_default()
                .iter()
                .map(|&b| b as char)
                .collect();
            hexes.join(&s)
        }
        _ => hexes.concat(),
    }))
}

/// `bytes.fromhex(s)` / `bytearray.fromhex(s)`: a classmethod.
fn fromhex(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Some(Value::Str(s)) = a.positional.last() else {
        return Err(type_error("fromhex() argument must be str"));
    };
    let mut out = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16);
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => {
                let pos = if hi.is_none() { i } else { i + 1 };
                return Err(value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {pos}"
                )));
            }
        }
        i += 2;
    }
    let array = matches!(a.positional.first(), Some(Value::Type(t)) if t.kind == Kind::ByteArray);
    Ok(if array {
        bytearray(out)
    } else {
        Value::Bytes(Rc::from(out))
    })
}

/// `bytes(...)` and `bytearray(...)`: from nothing, a str with an
/// encoding, a count of zero bytes, a bytes-like object, `__bytes__`, or
/// an iterable of ints.
pub fn construct(vm: &mut Vm, a: &Args, array: bool) -> PyResult<Value> {
    let source = a
        .positional
        .first()
        .or_else(|| super::super::kwarg(a, "source"));
    let encoding_given = a.positional.len() > 1
        || super::super::kwarg(a, "encoding").is_some()
        || super::super::kwarg(a, "errors").is_some();
    let make = |d: Vec<u8>| {
        if array {
            bytearray(d)
        } else {
            Value::Bytes(Rc::from(d))
        }
    };
    let Some(source) = source else {
        if encoding_given {
            return Err(type_error("encoding or errors without sequence argument"));
        }
        return Ok(make(Vec::new()));
    };
    if let Value::Str(s) = source {
        if !encoding_given {
            return Err(type_error("string argument without an encoding"));
        }
        let (encoding, errors) = codec_args(a, 1)?;
        return Ok(make(crate::builtins::modules::codecs::encode_text(
            vm, s, &encoding, &errors,
        )?));
    }
    if encoding_given {
        return Err(type_error(
            if matches!(a.positional.get(1), Some(Value::Str(_)))
                || super::super::kwarg(a, "encoding").is_some()
            {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            },
        ));
    }
    if let Some(d) = bytes_data(source) {
        return Ok(make(d.to_vec()));
    }
    if crate::vm::ops::arith::is_int(source) {
        let n = index_of(source)?;
        if n < 0 {
            return Err(value_error("negative count"));
        }
        crate::vm::ops::format_spec::check_field(Some(n as usize))?;
        return Ok(make(vec![0; n as usize]));
    }
    if !array {
        if let Some(r) = protocol::call_dunder(vm, source, "__bytes__", vec![])? {
            return match r {
                Value::Bytes(_) => Ok(r),
                other => Err(type_error(format!(
                    "__bytes__ returned non-bytes (type {})",
                    type_name(&other)
                ))),
            };
        }
    }
    if protocol::call_dunder(vm, source, "__index__", vec![])?.is_some() {
        let n = crate::vm::ops::arith::big(
            &protocol::call_dunder(vm, source, "__index__", vec![])?.unwrap_or(Value::Int(0)),
        )
        .unwrap_or_default();
        let n =
            num_traits::ToPrimitive::to_usize(&n).ok_or_else(|| value_error("negative count"))?;
        return Ok(make(vec![0; n]));
    }
    let items = protocol::collect(vm, source).map_err(|_| {
        type_error(format!(
            "cannot convert '{}' object to {}",
            type_name(source),
            if array { "bytearray" } else { "bytes" }
        ))
    })?;
    let mut out = Vec::with_capacity(items.len());
    for x in &items {
        let n = match crate::vm::ops::arith::big(x) {
            Some(n) => n,
            None => crate::vm::ops::arith::big(
                &protocol::call_dunder(vm, x, "__index__", vec![])?.ok_or_else(|| {
                    type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        type_name(x)
                    ))
                })?,
            )
            .unwrap_or_default(),
        };
        out.push(num_traits::ToPrimitive::to_u8(&n).ok_or_else(|| {
            value_error(if array {
                "byte must be in range(0, 256)"
            } else {
                "bytes must be in range(0, 256)"
            })
        })?);
    }
    Ok(make(out))
}
