//! The codecs CPython writes in C (Objects/unicodeobject.c, Python/codecs.c):
//! utf-8, utf-7, utf-16 and utf-32 with byte orders, ascii, latin-1,
//! charmap, unicode_escape, raw_unicode_escape and the bytes escape codec,
//! each stateful (`final`) as `_codecs` needs, with the builtin error
//! handlers (`strict`, `ignore`, `replace`, `backslashreplace`,
//! `xmlcharrefreplace`, `namereplace`, `surrogateescape`, `surrogatepass`)
//! and a hook for the handlers Python code registers
//! (`codecs.register_error`), with CPython's reasons and error ranges.
//!
//! Pure functions; the caller turns a [`CodecError`] into the exception
//! and supplies the custom-handler hook (which calls into Python).

mod escape;
mod utf;

pub use escape::{
    escape_decode, escape_encode, raw_unicode_escape_decode, raw_unicode_escape_encode,
    unicode_escape_decode, unicode_escape_encode,
};
pub use utf::{
    utf16_decode, utf16_encode, utf32_decode, utf32_encode, utf7_decode, utf7_encode, utf8_decode,
    utf8_encode,
};

use super::exception::PyErr;

/// Why a codec call failed, as the exception CPython raises.
pub enum CodecError {
    /// `LookupError`: unknown encoding or error handler.
    Lookup(String),
    /// `UnicodeEncodeError(encoding, object, start, end, reason)`.
    Encode {
        encoding: String,
        object: String,
        start: usize,
        end: usize,
        reason: String,
    },
    /// `UnicodeDecodeError(encoding, object, start, end, reason)`.
    Decode {
        encoding: String,
        object: Vec<u8>,
        start: usize,
        end: usize,
        reason: String,
    },
    /// `TypeError` with its message.
    Type(String),
    /// `ValueError` with its message.
    Value(String),
    /// An exception raised by Python code (a custom error handler).
    Raised(PyErr),
}

impl std::fmt::Debug for CodecError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl PartialEq for CodecError {
    fn eq(&self, other: &CodecError) -> bool {
        self.message() == other.message()
    }
}

impl CodecError {
    /// The exception CPython raises for it.
    pub fn into_exception(self) -> PyErr {
        use super::exception::{type_error, value_error};
        use super::Value;
        let t = super::builtin_types();
        match self {
            CodecError::Lookup(m) => PyErr::new(&t.lookup_error, m),
            CodecError::Encode {
                encoding,
                object,
                start,
                end,
                reason,
            } => PyErr::with_args(
                &t.unicode_encode_error,
                vec![
                    Value::str(&encoding),
                    Value::str(&object),
                    Value::Int(start as i64),
                    Value::Int(end as i64),
                    Value::str(&reason),
                ],
            ),
            CodecError::Decode {
                encoding,
                object,
                start,
                end,
                reason,
            } => PyErr::with_args(
                &t.unicode_decode_error,
                vec![
                    Value::str(&encoding),
                    Value::Bytes(object.into()),
                    Value::Int(start as i64),
                    Value::Int(end as i64),
                    Value::str(&reason),
                ],
            ),
            CodecError::Type(m) => type_error(m),
            CodecError::Value(m) => value_error(m),
            CodecError::Raised(e) => e,
        }
    }

    /// The exception's `str()`, as UnicodeEncodeError_str and
    /// UnicodeDecodeError_str word it.
    pub fn message(&self) -> String {
        match self {
            CodecError::Lookup(m) | CodecError::Type(m) | CodecError::Value(m) => m.clone(),
            CodecError::Encode {
                encoding,
                object,
                start,
                end,
                reason,
            } => encode_message(encoding, object, *start, *end, reason),
            CodecError::Decode {
                encoding,
                object,
                start,
                end,
                reason,
            } => decode_message(encoding, object, *start, *end, reason),
            CodecError::Raised(_) => String::from("<exception>"),
        }
    }
}

/// UnicodeEncodeError_str.
pub fn encode_message(encoding: &str, object: &str, start: usize, end: usize, why: &str) -> String {
    match object.chars().nth(start) {
        Some(c) if end == start + 1 => format!(
            "'{encoding}' codec can't encode character '{}' in position {start}: {why}",
            escape(c as u32)
        ),
        _ => format!(
            "'{encoding}' codec can't encode characters in position {start}-{}: {why}",
            end as i64 - 1
        ),
    }
}

/// UnicodeDecodeError_str.
pub fn decode_message(
    encoding: &str,
    object: &[u8],
    start: usize,
    end: usize,
    why: &str,
) -> String {
    match object.get(start) {
        Some(b) if end == start + 1 => {
            format!("'{encoding}' codec can't decode byte 0x{b:02x} in position {start}: {why}")
        }
        _ => format!(
            "'{encoding}' codec can't decode bytes in position {start}-{}: {why}",
            end as i64 - 1
        ),
    }
}

/// What an encode error handler gives back: text (encoded by the codec
/// itself) or bytes (written as they are).
pub enum Repl {
    Text(String),
    Bytes(Vec<u8>),
}

/// A Python-level error handler: called with the UnicodeEncodeError or
/// UnicodeDecodeError (as [`CodecError::Encode`] / [`CodecError::Decode`])
/// when `errors` names no builtin handler; answers the replacement and
/// the position to continue at (negative counts from the end).
pub type CustomHandler<'a> = dyn FnMut(CodecError) -> Result<(Repl, i64), CodecError> + 'a;

/// The `errors` argument of a codec: a builtin handler's name, handled
/// here, or any other name, handed to `custom` (a LookupError without it).
pub struct Errors<'a> {
    pub name: &'a str,
    pub custom: Option<&'a mut CustomHandler<'a>>,
}

impl<'a> Errors<'a> {
    pub fn named(name: &'a str) -> Errors<'a> {
        Errors { name, custom: None }
    }

    fn call_custom(&mut self, exc: CodecError, len: usize) -> Result<(Repl, usize), CodecError> {
        let Some(custom) = self.custom.as_mut() else {
            return Err(CodecError::Lookup(format!(
                "unknown error handler name '{}'",
                self.name
            )));
        };
        let (repl, pos) = custom(exc)?;
        let pos = if pos < 0 { len as i64 + pos } else { pos };
        if pos < 0 || pos > len as i64 {
            return Err(CodecError::Raised(super::exception::index_error(format!(
                "position {pos} from error handler out of bounds"
            ))));
        }
        Ok((repl, pos as usize))
    }

    /// An unencodable run `chars[start..end]`: the replacement and where
    /// to go on.
    pub fn on_encode(
        &mut self,
        encoding: &str,
        chars: &[char],
        start: usize,
        end: usize,
        reason: &str,
    ) -> Result<(Repl, usize), CodecError> {
        let bad = &chars[start..end];
        let text = |s: String| Ok((Repl::Text(s), end));
        match self.name {
            "ignore" => text(String::new()),
            "replace" => text("?".repeat(end - start)),
            "backslashreplace" => text(bad.iter().map(|c| escape(*c as u32)).collect()),
            "namereplace" => text(bad.iter().map(|c| name_escape(*c as u32)).collect()),
            "xmlcharrefreplace" => text(bad.iter().map(|c| format!("&#{};", *c as u32)).collect()),
            name => {
                let exc = CodecError::Encode {
                    encoding: encoding.to_string(),
                    object: chars.iter().collect(),
                    start,
                    end,
                    reason: reason.to_string(),
                };
                if matches!(name, "strict" | "surrogateescape" | "surrogatepass") {
                    return Err(exc);
                }
                self.call_custom(exc, chars.len())
            }
        }
    }

    /// An undecodable range `data[start..end]`: the replacement text and
    /// where to go on.
    pub fn on_decode(
        &mut self,
        encoding: &str,
        data: &[u8],
        start: usize,
        end: usize,
        reason: &str,
    ) -> Result<(String, usize), CodecError> {
        match self.name {
            "ignore" => Ok((String::new(), end)),
            "replace" => Ok(("\u{fffd}".to_string(), end)),
            "backslashreplace" => Ok((
                data[start..end]
                    .iter()
                    .map(|b| format!("\\x{b:02x}"))
                    .collect(),
                end,
            )),
            "xmlcharrefreplace" | "namereplace" => Err(CodecError::Type(
                "don't know how to handle UnicodeDecodeError in error callback".into(),
            )),
            name => {
                let exc = CodecError::Decode {
                    encoding: encoding.to_string(),
                    object: data.to_vec(),
                    start,
                    end,
                    reason: reason.to_string(),
                };
                // py2vm's str holds no lone surrogates, which is what
                // surrogateescape and surrogatepass would decode to.
                if matches!(name, "strict" | "surrogateescape" | "surrogatepass") {
                    return Err(exc);
                }
                match self.call_custom(exc, data.len())? {
                    (Repl::Text(s), pos) => Ok((s, pos)),
                    (Repl::Bytes(_), _) => Err(CodecError::Type(
                        "decoding error handler must return (str, int) tuple".into(),
                    )),
                }
            }
        }
    }
}

/// Writes an encode handler's replacement: bytes as they are, text
/// through `one` (the codec's own encoding of a character); a character
/// it cannot encode raises the original error, as CPython does.
pub(crate) fn put_replacement(
    out: &mut Vec<u8>,
    repl: Repl,
    mut one: impl FnMut(char, &mut Vec<u8>) -> bool,
    original: impl FnOnce() -> CodecError,
) -> Result<(), CodecError> {
    match repl {
        Repl::Bytes(b) => out.extend_from_slice(&b),
        Repl::Text(s) => {
            for c in s.chars() {
                if !one(c, out) {
                    return Err(original());
                }
            }
        }
    }
    Ok(())
}

/// The `\xNN`, `\uNNNN` or `\UNNNNNNNN` form of a code point.
pub fn escape(cp: u32) -> String {
    if cp < 0x100 {
        format!("\\x{cp:02x}")
    } else if cp < 0x10000 {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    }
}

/// `namereplace`'s replacement for `cp` (PyCodec_NameReplaceErrors):
/// `\N{NAME}`, or its backslash escape if it has no name.
pub fn name_escape(cp: u32) -> String {
    match super::unicodedata::name_with_aliases(cp) {
        Some(name) => format!("\\N{{{name}}}"),
        None => escape(cp),
    }
}

/// A codec this module implements, by name.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
    /// Byte order: 0 native with a BOM, -1 little, 1 big endian.
    Utf16(i32),
    Utf32(i32),
}

/// `_Py_normalize_encoding`: lower case, runs of characters other than
/// ASCII letters, digits and dots become one `_` (none at either end).
pub fn normalize_encoding(encoding: &str) -> String {
    let mut out = String::with_capacity(encoding.len());
    let mut punct = false;
    for b in encoding.bytes() {
        if b.is_ascii_alphanumeric() || b == b'.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            punct = false;
            out.push(b.to_ascii_lowercase() as char);
        } else {
            punct = true;
        }
    }
    out
}

/// The codecs `str.encode` and `bytes.decode` run natively (CPython's
/// fast paths in PyUnicode_Decode / PyUnicode_AsEncodedString), by any of
/// their usual names; `None` for others, which go through the registry.
pub fn native_codec(encoding: &str) -> Option<(Codec, &'static str)> {
    let norm = normalize_encoding(encoding);
    Some(match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => (Codec::Utf8, "utf-8"),
        "ascii" | "us_ascii" | "646" => (Codec::Ascii, "ascii"),
        "latin_1" | "latin1" | "iso_8859_1" | "iso8859_1" | "8859" | "l1" | "cp819" | "latin" => {
            (Codec::Latin1, "latin-1")
        }
        "utf_16" | "utf16" => (Codec::Utf16(0), "utf-16"),
        "utf_16_le" | "utf_16le" => (Codec::Utf16(-1), "utf-16-le"),
        "utf_16_be" | "utf_16be" => (Codec::Utf16(1), "utf-16-be"),
        "utf_32" | "utf32" => (Codec::Utf32(0), "utf-32"),
        "utf_32_le" | "utf_32le" => (Codec::Utf32(-1), "utf-32-le"),
        "utf_32_be" | "utf_32be" => (Codec::Utf32(1), "utf-32-be"),
        _ => return None,
    })
}

fn lookup(encoding: &str) -> Result<Codec, CodecError> {
    native_codec(encoding)
        .map(|(c, _)| c)
        .ok_or_else(|| CodecError::Lookup(format!("unknown encoding: {encoding}")))
}

/// Encodes with a native codec.
pub fn encode_with(codec: Codec, s: &str, errors: &mut Errors) -> Result<Vec<u8>, CodecError> {
    Ok(match codec {
        Codec::Utf8 => utf8_encode(s, errors)?,
        Codec::Ascii => limited_encode(s, 0x80, errors)?,
        Codec::Latin1 => limited_encode(s, 0x100, errors)?,
        Codec::Utf16(order) => utf16_encode(s, order),
        Codec::Utf32(order) => utf32_encode(s, order),
    })
}

/// Decodes everything with a native codec.
pub fn decode_with(codec: Codec, b: &[u8], errors: &mut Errors) -> Result<String, CodecError> {
    Ok(match codec {
        Codec::Utf8 => utf8_decode(b, errors, true)?.0,
        Codec::Ascii => ascii_decode(b, errors)?,
        Codec::Latin1 => latin1_decode(b),
        Codec::Utf16(order) => utf16_decode(b, errors, order, true)?.0,
        Codec::Utf32(order) => utf32_decode(b, errors, order, true)?.0,
    })
}

/// `str.encode(encoding, errors)` with a native codec and a builtin handler.
pub fn encode(s: &str, encoding: &str, errors: &str) -> Result<Vec<u8>, CodecError> {
    encode_with(lookup(encoding)?, s, &mut Errors::named(errors))
}

/// `bytes.decode(encoding, errors)` with a native codec and a builtin handler.
pub fn decode(b: &[u8], encoding: &str, errors: &str) -> Result<String, CodecError> {
    decode_with(lookup(encoding)?, b, &mut Errors::named(errors))
}

/// ascii and latin-1 encoding: characters below `limit` are their byte.
pub fn limited_encode(s: &str, limit: u32, errors: &mut Errors) -> Result<Vec<u8>, CodecError> {
    let encoding = if limit == 0x80 { "ascii" } else { "latin-1" };
    let reason = format!("ordinal not in range({limit})");
    charmap_like_encode(s, encoding, &reason, errors, |c| {
        ((c as u32) < limit).then(|| vec![c as u32 as u8])
    })
}

/// Encodes character by character with `map` (`None`: unencodable),
/// handing each run of unencodable characters to the error handler.
pub fn charmap_like_encode(
    s: &str,
    encoding: &str,
    reason: &str,
    errors: &mut Errors,
    mut map: impl FnMut(char) -> Option<Vec<u8>>,
) -> Result<Vec<u8>, CodecError> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some(b) = map(chars[i]) {
            out.extend_from_slice(&b);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && map(chars[i]).is_none() {
            i += 1;
        }
        let (repl, pos) = errors.on_encode(encoding, &chars, start, i, reason)?;
        let end = i;
        put_replacement(
            &mut out,
            repl,
            |c, out| match map(c) {
                Some(b) => {
                    out.extend_from_slice(&b);
                    true
                }
                None => false,
            },
            || CodecError::Encode {
                encoding: encoding.to_string(),
                object: s.to_string(),
                start,
                end,
                reason: reason.to_string(),
            },
        )?;
        i = pos;
    }
    Ok(out)
}

/// ascii decoding.
pub fn ascii_decode(b: &[u8], errors: &mut Errors) -> Result<String, CodecError> {
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] < 0x80 {
            out.push(b[i] as char);
            i += 1;
        } else {
            let (rep, pos) = errors.on_decode("ascii", b, i, i + 1, "ordinal not in range(128)")?;
            out.push_str(&rep);
            i = pos;
        }
    }
    Ok(out)
}

/// latin-1 decoding (never fails).
pub fn latin1_decode(b: &[u8]) -> String {
    b.iter().map(|&x| x as char).collect()
}

/// What a charmap's decoding mapping gives a byte.
pub enum Mapped {
    Text(String),
    /// No mapping (`None`, a missing key, U+FFFE in a table string).
    Undefined,
}

/// `charmap_decode` over a mapping read with `map`.
pub fn charmap_decode(
    b: &[u8],
    errors: &mut Errors,
    mut map: impl FnMut(u8) -> Result<Mapped, CodecError>,
) -> Result<String, CodecError> {
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match map(b[i])? {
            Mapped::Text(s) => {
                out.push_str(&s);
                i += 1;
            }
            Mapped::Undefined => {
                let (rep, pos) =
                    errors.on_decode("charmap", b, i, i + 1, "character maps to <undefined>")?;
                out.push_str(&rep);
                i = pos;
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_errors() {
        assert_eq!(
            encode("x€", "utf-16-le", "strict").ok(),
            Some(vec![b'x', 0, 0xac, 0x20])
        );
        assert_eq!(encode("é", "latin-1", "strict").ok(), Some(vec![0xe9]));
        assert_eq!(encode("€", "ascii", "replace").ok(), Some(vec![b'?']));
        assert_eq!(
            encode("€", "ascii", "strict").map_err(|e| e.message()),
            Err("'ascii' codec can't encode character '\\u20ac' in position 0: ordinal not in range(128)".into())
        );
        assert_eq!(
            decode(b"a\xffb", "utf-8", "replace").ok().as_deref(),
            Some("a\u{fffd}b")
        );
        assert_eq!(
            decode(b"a\xffb", "utf-8", "ignore").ok().as_deref(),
            Some("ab")
        );
        assert_eq!(
            decode(b"\xff", "utf-8", "strict").map_err(|e| e.message()),
            Err("'utf-8' codec can't decode byte 0xff in position 0: invalid start byte".into())
        );
        assert_eq!(normalize_encoding(" Lat--in "), "lat_in");
        assert_eq!(normalize_encoding("ÄB"), "b");
    }
}
