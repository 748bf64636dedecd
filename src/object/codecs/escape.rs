//! The escape codecs: `unicode_escape` and `raw_unicode_escape`
//! (str <-> bytes, unicodeobject.c) and the bytes-to-bytes `escape_codec`
//! (`escape_encode`/`escape_decode`, Objects/bytesobject.c).

use super::{CodecError, Errors};

fn hex_value(c: u8) -> Option<u32> {
    (c as char).to_digit(16)
}

/// `unicode_escape` encoding.
pub fn unicode_escape_encode(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let cp = c as u32;
        match c {
            '\\' => out.extend_from_slice(b"\\\\"),
            '\t' => out.extend_from_slice(b"\\t"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            _ if (0x20..0x7f).contains(&cp) => out.push(cp as u8),
            _ => out.extend_from_slice(super::escape(cp).as_bytes()),
        }
    }
    out
}

/// `raw_unicode_escape` encoding: latin-1 with `\uXXXX` and
/// `\UXXXXXXXX` for the rest.
pub fn raw_unicode_escape_encode(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let cp = c as u32;
        if cp < 0x100 {
            out.push(cp as u8);
        } else {
            out.extend_from_slice(super::escape(cp).as_bytes());
        }
    }
    out
}

/// Reads up to `n` hex digits at `data[i..]`: their value and count.
fn hex_digits(data: &[u8], i: usize, n: usize) -> (u32, usize) {
    let mut value = 0u32;
    let mut count = 0;
    while count < n {
        match data.get(i + count).copied().and_then(hex_value) {
            Some(d) => {
                value = (value << 4) | d;
                count += 1;
            }
            None => break,
        }
    }
    (value, count)
}

/// `unicode_escape` decoding (`_PyUnicode_DecodeUnicodeEscapeStateful`).
pub fn unicode_escape_decode(
    data: &[u8],
    errors: &mut Errors,
    final_: bool,
) -> Result<(String, usize), CodecError> {
    const NAME: &str = "unicodeescape";
    let mut out = String::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c != b'\\' {
            out.push(c as char);
            i += 1;
            continue;
        }
        let start = i;
        let Some(&e) = data.get(i + 1) else {
            if !final_ {
                return Ok((out, start));
            }
            let (rep, pos) =
                errors.on_decode(NAME, data, start, start + 1, "\\ at end of string")?;
            out.push_str(&rep);
            i = pos;
            continue;
        };
        i += 2;
        let simple = match e {
            b'\n' => Some(None),
            b'\\' => Some(Some('\\')),
            b'\'' => Some(Some('\'')),
            b'"' => Some(Some('"')),
            b'b' => Some(Some('\u{8}')),
            b'f' => Some(Some('\u{c}')),
            b't' => Some(Some('\t')),
            b'n' => Some(Some('\n')),
            b'r' => Some(Some('\r')),
            b'v' => Some(Some('\u{b}')),
            b'a' => Some(Some('\u{7}')),
            _ => None,
        };
        if let Some(ch) = simple {
            out.extend(ch);
            continue;
        }
        if (b'0'..=b'7').contains(&e) {
            let mut v = (e - b'0') as u32;
            for _ in 0..2 {
                match data.get(i) {
                    Some(&d) if (b'0'..=b'7').contains(&d) => {
                        v = v * 8 + (d - b'0') as u32;
                        i += 1;
                    }
                    _ => break,
                }
            }
            out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            continue;
        }
        let (n, truncated) = match e {
            b'x' => (2, "truncated \\xXX escape"),
            b'u' => (4, "truncated \\uXXXX escape"),
            b'U' => (8, "truncated \\UXXXXXXXX escape"),
            b'N' => {
                let close = data[i..].iter().position(|&b| b == b'}');
                let (end, reason) = match (data.get(i), close) {
                    (Some(b'{'), Some(k)) if k > 1 => {
                        if let Some(c) =
                            crate::object::unicodedata::escape_code(&data[i + 1..i + k])
                        {
                            out.push(c);
                            i += k + 1;
                            continue;
                        }
                        (i + k + 1, "unknown Unicode character name")
                    }
                    (None | Some(b'{'), None) if !final_ => return Ok((out, start)),
                    (Some(b'{'), None) => (data.len(), "malformed \\N character escape"),
                    (Some(b'{'), Some(k)) => (i + k + 1, "malformed \\N character escape"),
                    _ => (i, "malformed \\N character escape"),
                };
                let (rep, pos) = errors.on_decode(NAME, data, start, end, reason)?;
                out.push_str(&rep);
                i = pos;
                continue;
            }
            other => {
                out.push('\\');
                out.push(other as char);
                continue;
            }
        };
        let (v, count) = hex_digits(data, i, n);
        i += count;
        if count < n {
            if !final_ && i == data.len() {
                return Ok((out, start));
            }
            let (rep, pos) = errors.on_decode(NAME, data, start, i, truncated)?;
            out.push_str(&rep);
            i = pos;
            continue;
        }
        match char::from_u32(v) {
            Some(ch) => out.push(ch),
            None => {
                let (rep, pos) =
                    errors.on_decode(NAME, data, start, i, "illegal Unicode character")?;
                out.push_str(&rep);
                i = pos;
            }
        }
    }
    Ok((out, i))
}

/// `raw_unicode_escape` decoding: only `\uXXXX` and `\UXXXXXXXX` are
/// escapes.
pub fn raw_unicode_escape_decode(
    data: &[u8],
    errors: &mut Errors,
    final_: bool,
) -> Result<(String, usize), CodecError> {
    const NAME: &str = "rawunicodeescape";
    let mut out = String::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        i += 1;
        if c != b'\\' {
            out.push(c as char);
            continue;
        }
        let start = i - 1;
        let Some(&e) = data.get(i) else {
            if !final_ {
                return Ok((out, start));
            }
            out.push('\\');
            continue;
        };
        let (n, truncated) = match e {
            b'u' => (4, "truncated \\uXXXX escape"),
            b'U' => (8, "truncated \\UXXXXXXXX escape"),
            other => {
                out.push('\\');
                out.push(other as char);
                i += 1;
                continue;
            }
        };
        i += 1;
        let (v, count) = hex_digits(data, i, n);
        i += count;
        if count < n {
            if !final_ && i == data.len() {
                return Ok((out, start));
            }
            let (rep, pos) = errors.on_decode(NAME, data, start, i, truncated)?;
            out.push_str(&rep);
            i = pos;
            continue;
        }
        match char::from_u32(v) {
            Some(ch) => out.push(ch),
            None => {
                let (rep, pos) =
                    errors.on_decode(NAME, data, start, i, "\\Uxxxxxxxx out of range")?;
                out.push_str(&rep);
                i = pos;
            }
        }
    }
    Ok((out, i))
}

/// `escape_encode`: bytes as their repr writes them, without quotes.
pub fn escape_encode(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    for &b in data {
        match b {
            b'\\' | b'\'' => out.extend_from_slice(&[b'\\', b]),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7e => out.push(b),
            _ => out.extend_from_slice(format!("\\x{b:02x}").as_bytes()),
        }
    }
    out
}

/// `escape_decode` (`_PyBytes_DecodeEscape`): a bytes literal's escapes.
pub fn escape_decode(data: &[u8], errors: &str) -> Result<Vec<u8>, CodecError> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        i += 1;
        if c != b'\\' {
            out.push(c);
            continue;
        }
        let Some(&e) = data.get(i) else {
            return Err(CodecError::Value("Trailing \\ in string".into()));
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(e),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b't' => out.push(b'\t'),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b'v' => out.push(11),
            b'a' => out.push(7),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                for _ in 0..2 {
                    match data.get(i) {
                        Some(&d) if (b'0'..=b'7').contains(&d) => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(v as u8);
            }
            b'x' => {
                let (v, count) = hex_digits(data, i, 2);
                if count == 2 {
                    out.push(v as u8);
                    i += 2;
                    continue;
                }
                match errors {
                    "strict" => {
                        return Err(CodecError::Value(format!(
                            "invalid \\x escape at position {}",
                            i - 2
                        )))
                    }
                    "replace" => out.push(b'?'),
                    "ignore" => {}
                    other => {
                        return Err(CodecError::Value(format!(
                            "decoding error; unknown error handling code: {other}"
                        )))
                    }
                }
                i += count;
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}
