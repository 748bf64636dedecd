//! The text codecs `str.encode` and `bytes.decode` know (utf-8, ascii,
//! latin-1, utf-16 and utf-32 with byte orders) and the error handlers
//! `strict`, `ignore`, `replace`, `backslashreplace` and
//! `xmlcharrefreplace`, with CPython's error messages.
//!
//! Pure functions; the caller turns a [`CodecError`] into the exception.

/// Why a codec call failed, as the exception CPython raises.
#[derive(Debug, PartialEq)]
pub enum CodecError {
    /// `LookupError`: unknown encoding or error handler.
    Lookup(String),
    /// `UnicodeEncodeError` with its message.
    Encode(String),
    /// `UnicodeDecodeError` with its message.
    Decode(String),
}

#[derive(Clone, Copy, PartialEq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
    Utf16(Option<bool>),
    Utf32(Option<bool>),
}

/// `encodings.normalize_encoding` plus the aliases we know.
fn lookup(encoding: &str) -> Result<(Codec, &'static str), CodecError> {
    let norm: String = encoding
        .trim()
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c == '_' || c == ' ' { '-' } else { c })
        .collect();
    Ok(match norm.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => (Codec::Utf8, "utf-8"),
        "ascii" | "us-ascii" | "646" => (Codec::Ascii, "ascii"),
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "8859" | "l1" | "cp819" => {
            (Codec::Latin1, "latin-1")
        }
        "utf-16" | "utf16" => (Codec::Utf16(None), "utf-16"),
        "utf-16-le" | "utf-16le" => (Codec::Utf16(Some(true)), "utf-16-le"),
        "utf-16-be" | "utf-16be" => (Codec::Utf16(Some(false)), "utf-16-be"),
        "utf-32" | "utf32" => (Codec::Utf32(None), "utf-32"),
        "utf-32-le" | "utf-32le" => (Codec::Utf32(Some(true)), "utf-32-le"),
        "utf-32-be" | "utf-32be" => (Codec::Utf32(Some(false)), "utf-32-be"),
        _ => return Err(CodecError::Lookup(format!("unknown encoding: {encoding}"))),
    })
}

/// An error handler is looked up only when an error needs it (as
/// `PyCodec_LookupError`): `strict` and unknown names fail then.
fn handler_error(errors: &str, strict: CodecError) -> CodecError {
    match errors {
        "strict" | "surrogateescape" | "surrogatepass" => strict,
        other => CodecError::Lookup(format!("unknown error handler name '{other}'")),
    }
}

/// The `\xNN`, `\uNNNN` or `\UNNNNNNNN` form of a code point.
fn escape(cp: u32) -> String {
    if cp < 0x100 {
        format!("\\x{cp:02x}")
    } else if cp < 0x10000 {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    }
}

/// `str.encode(encoding, errors)`.
pub fn encode(s: &str, encoding: &str, errors: &str) -> Result<Vec<u8>, CodecError> {
    let (codec, name) = lookup(encoding)?;
    let limit = match codec {
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
        _ => u32::MAX,
    };
    let mut out = Vec::with_capacity(s.len());
    if let Codec::Utf16(None) = codec {
        out.extend_from_slice(&[0xff, 0xfe]);
    }
    if let Codec::Utf32(None) = codec {
        out.extend_from_slice(&[0xff, 0xfe, 0, 0]);
    }
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let cp = c as u32;
        if cp < limit {
            match codec {
                Codec::Utf8 => {
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                Codec::Ascii | Codec::Latin1 => out.push(cp as u8),
                Codec::Utf16(order) => {
                    let mut buf = [0u16; 2];
                    for unit in c.encode_utf16(&mut buf) {
                        if order == Some(false) {
                            out.extend_from_slice(&unit.to_be_bytes());
                        } else {
                            out.extend_from_slice(&unit.to_le_bytes());
                        }
                    }
                }
                Codec::Utf32(order) => {
                    if order == Some(false) {
                        out.extend_from_slice(&cp.to_be_bytes());
                    } else {
                        out.extend_from_slice(&cp.to_le_bytes());
                    }
                }
            }
            i += 1;
            continue;
        }
        // A run of unencodable characters.
        let start = i;
        while i < chars.len() && (chars[i] as u32) >= limit {
            i += 1;
        }
        match errors {
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', i - start)),
            "backslashreplace" => {
                for c in &chars[start..i] {
                    out.extend_from_slice(escape(*c as u32).as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for c in &chars[start..i] {
                    out.extend_from_slice(format!("&#{};", *c as u32).as_bytes());
                }
            }
            _ => {
                let why = format!("ordinal not in range({limit})");
                // Strict reports the first run (its end as CPython finds it).
                return Err(handler_error(
                    errors,
                    CodecError::Encode(if i - start == 1 {
                        format!(
                            "'{name}' codec can't encode character '{}' in position {start}: {why}",
                            escape(cp)
                        )
                    } else {
                        format!(
                            "'{name}' codec can't encode characters in position {start}-{}: {why}",
                            i - 1
                        )
                    }),
                ));
            }
        }
    }
    Ok(out)
}

fn decode_error(name: &str, b: &[u8], start: usize, end: usize, why: &str) -> CodecError {
    CodecError::Decode(if end - start <= 1 {
        format!(
            "'{name}' codec can't decode byte 0x{:02x} in position {start}: {why}",
            b.get(start).copied().unwrap_or(0)
        )
    } else {
        format!(
            "'{name}' codec can't decode bytes in position {start}-{}: {why}",
            end - 1
        )
    })
}

/// `bytes.decode(encoding, errors)`.
pub fn decode(b: &[u8], encoding: &str, errors: &str) -> Result<String, CodecError> {
    let (codec, name) = lookup(encoding)?;
    let mut out = String::with_capacity(b.len());
    // Handles one undecodable byte range [start, end).
    let bad = |out: &mut String, start: usize, end: usize, why: &str| match errors {
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{fffd}');
            Ok(())
        }
        "backslashreplace" => {
            for x in &b[start..end] {
                out.push_str(&format!("\\x{x:02x}"));
            }
            Ok(())
        }
        _ => Err(decode_error(name, b, start, end, why)),
    };
    match codec {
        Codec::Utf8 => {
            let mut rest = b;
            let mut offset = 0;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                        let start = offset + good;
                        let (len, why) = match e.error_len() {
                            None => (rest.len() - good, "unexpected end of data"),
                            Some(n) => {
                                let lead = rest[good];
                                let invalid_start = (0x80..0xc2).contains(&lead) || lead > 0xf4;
                                (
                                    n,
                                    if invalid_start {
                                        "invalid start byte"
                                    } else {
                                        "invalid continuation byte"
                                    },
                                )
                            }
                        };
                        let end = if why == "invalid continuation byte" {
                            start + 1
                        } else {
                            start + len
                        };
                        bad(&mut out, start, end, why)?;
                        rest = &rest[good + len..];
                        offset = start + len;
                        if rest.is_empty() {
                            break;
                        }
                    }
                }
            }
        }
        Codec::Ascii => {
            for (i, &x) in b.iter().enumerate() {
                if x < 0x80 {
                    out.push(x as char);
                } else {
                    bad(&mut out, i, i + 1, "ordinal not in range(128)")?;
                }
            }
        }
        Codec::Latin1 => out.extend(b.iter().map(|&x| x as char)),
        Codec::Utf16(order) => {
            let (mut little, mut data) = (order != Some(false), b);
            if order.is_none() {
                if data.starts_with(&[0xff, 0xfe]) {
                    data = &data[2..];
                } else if data.starts_with(&[0xfe, 0xff]) {
                    little = false;
                    data = &data[2..];
                }
            }
            let units: Vec<u16> = data
                .chunks_exact(2)
                .map(|p| {
                    if little {
                        u16::from_le_bytes([p[0], p[1]])
                    } else {
                        u16::from_be_bytes([p[0], p[1]])
                    }
                })
                .collect();
            for r in char::decode_utf16(units) {
                match r {
                    Ok(c) => out.push(c),
                    Err(_) => bad(&mut out, 0, 2, "illegal UTF-16 surrogate")?,
                }
            }
            if data.len() % 2 == 1 {
                let n = b.len();
                bad(&mut out, n - 1, n, "truncated data")?;
            }
        }
        Codec::Utf32(order) => {
            let (mut little, mut data) = (order != Some(false), b);
            if order.is_none() {
                if data.starts_with(&[0xff, 0xfe, 0, 0]) {
                    data = &data[4..];
                } else if data.starts_with(&[0, 0, 0xfe, 0xff]) {
                    little = false;
                    data = &data[4..];
                }
            }
            for (k, p) in data.chunks_exact(4).enumerate() {
                let cp = if little {
                    u32::from_le_bytes([p[0], p[1], p[2], p[3]])
                } else {
                    u32::from_be_bytes([p[0], p[1], p[2], p[3]])
                };
                match char::from_u32(cp) {
                    Some(c) => out.push(c),
                    None => bad(
                        &mut out,
                        k * 4,
                        k * 4 + 4,
                        "code point not in range(0x110000)",
                    )?,
                }
            }
            if data.len() % 4 != 0 {
                let n = b.len();
                bad(&mut out, n - data.len() % 4, n, "truncated data")?;
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
            encode("€", "ascii", "strict"),
            Err(CodecError::Encode(
                "'ascii' codec can't encode character '\\u20ac' in position 0: ordinal not in range(128)".into()
            ))
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
            decode(b"\xff", "utf-8", "strict"),
            Err(CodecError::Decode(
                "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte".into()
            ))
        );
    }
}
