//! UTF-8, UTF-16, UTF-32 and UTF-7 (unicodeobject.c), stateful: with
//! `final_` false an incomplete sequence at the end is left unconsumed.

use super::{CodecError, Errors};

/// UTF-8 encoding: py2vm's str holds no lone surrogates, so it cannot fail.
pub fn utf8_encode(s: &str, _errors: &mut Errors) -> Result<Vec<u8>, CodecError> {
    Ok(s.as_bytes().to_vec())
}

/// UTF-8 decoding: the text and how many bytes it consumed.
pub fn utf8_decode(
    data: &[u8],
    errors: &mut Errors,
    final_: bool,
) -> Result<(String, usize), CodecError> {
    let mut out = String::with_capacity(data.len());
    let mut pos = 0;
    while pos < data.len() {
        match std::str::from_utf8(&data[pos..]) {
            Ok(s) => {
                out.push_str(s);
                pos = data.len();
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&data[pos..pos + good]).unwrap_or_default());
                let start = pos + good;
                let (end, reason) = match e.error_len() {
                    None if !final_ => return Ok((out, start)),
                    None => (data.len(), "unexpected end of data"),
                    Some(n) => {
                        let lead = data[start];
                        if (0x80..0xc2).contains(&lead) || lead > 0xf4 {
                            (start + 1, "invalid start byte")
                        } else {
                            (start + n, "invalid continuation byte")
                        }
                    }
                };
                let (rep, newpos) = errors.on_decode("utf-8", data, start, end, reason)?;
                out.push_str(&rep);
                pos = newpos;
            }
        }
    }
    Ok((out, pos))
}

/// UTF-16 encoding; `order` 0 writes a BOM and little-endian units, -1
/// little-endian, 1 big-endian.
pub fn utf16_encode(s: &str, order: i32) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() * 2 + 2);
    if order == 0 {
        out.extend_from_slice(&[0xff, 0xfe]);
    }
    for unit in s.encode_utf16() {
        if order == 1 {
            out.extend_from_slice(&unit.to_be_bytes());
        } else {
            out.extend_from_slice(&unit.to_le_bytes());
        }
    }
    out
}

/// UTF-32 encoding; byte orders as [`utf16_encode`].
pub fn utf32_encode(s: &str, order: i32) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() * 4 + 4);
    if order == 0 {
        out.extend_from_slice(&[0xff, 0xfe, 0, 0]);
    }
    for c in s.chars() {
        if order == 1 {
            out.extend_from_slice(&(c as u32).to_be_bytes());
        } else {
            out.extend_from_slice(&(c as u32).to_le_bytes());
        }
    }
    out
}

/// The byte order a BOM at the start of `data` gives (`width` 2 or 4) and
/// its length, for a decoder asked to detect it (`order` 0).
fn detect_bom(data: &[u8], width: usize) -> Option<(i32, usize)> {
    let (le, be): (&[u8], &[u8]) = if width == 2 {
        (&[0xff, 0xfe], &[0xfe, 0xff])
    } else {
        (&[0xff, 0xfe, 0, 0], &[0, 0, 0xfe, 0xff])
    };
    if data.starts_with(le) {
        Some((-1, width))
    } else if data.starts_with(be) {
        Some((1, width))
    } else {
        None
    }
}

/// UTF-16 decoding: the text, the bytes consumed and the byte order in
/// effect afterwards (`utf_16_ex_decode`'s third item: the one a BOM
/// gave, or `order` as passed).
pub fn utf16_decode(
    data: &[u8],
    errors: &mut Errors,
    order: i32,
    final_: bool,
) -> Result<(String, usize, i32), CodecError> {
    let mut bo = order;
    let mut q = 0;
    if bo == 0 {
        if data.len() < 2 && !final_ {
            return Ok((String::new(), 0, 0));
        }
        if let Some((b, n)) = detect_bom(data, 2) {
            bo = b;
            q = n;
        }
    }
    let big = bo == 1;
    let encoding = if big { "utf-16-be" } else { "utf-16-le" };
    let unit = |i: usize| {
        if big {
            u16::from_be_bytes([data[i], data[i + 1]])
        } else {
            u16::from_le_bytes([data[i], data[i + 1]])
        }
    };
    let mut out = String::with_capacity(data.len() / 2);
    while q < data.len() {
        let rest = data.len() - q;
        let (start, end, reason) = if rest < 2 {
            if !final_ {
                break;
            }
            (q, data.len(), "truncated data")
        } else {
            let u = unit(q);
            if !(0xd800..0xe000).contains(&u) {
                out.push(char::from_u32(u as u32).unwrap_or('\u{fffd}'));
                q += 2;
                continue;
            }
            if u >= 0xdc00 {
                (q, q + 2, "illegal encoding")
            } else if rest < 4 {
                if !final_ {
                    break;
                }
                (q, data.len(), "unexpected end of data")
            } else {
                let u2 = unit(q + 2);
                if (0xdc00..0xe000).contains(&u2) {
                    let cp = 0x10000 + (((u as u32) - 0xd800) << 10) + ((u2 as u32) - 0xdc00);
                    out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                    q += 4;
                    continue;
                }
                (q, q + 2, "illegal UTF-16 surrogate")
            }
        };
        let (rep, pos) = errors.on_decode(encoding, data, start, end, reason)?;
        out.push_str(&rep);
        q = pos;
    }
    Ok((out, q, bo))
}

/// UTF-32 decoding, as [`utf16_decode`].
pub fn utf32_decode(
    data: &[u8],
    errors: &mut Errors,
    order: i32,
    final_: bool,
) -> Result<(String, usize, i32), CodecError> {
    let mut bo = order;
    let mut q = 0;
    if bo == 0 {
        if data.len() < 4 && !final_ {
            return Ok((String::new(), 0, 0));
        }
        if let Some((b, n)) = detect_bom(data, 4) {
            bo = b;
            q = n;
        }
    }
    let big = bo == 1;
    let encoding = if big { "utf-32-be" } else { "utf-32-le" };
    let mut out = String::with_capacity(data.len() / 4);
    while q < data.len() {
        let rest = data.len() - q;
        let (start, end, reason) = if rest < 4 {
            if !final_ {
                break;
            }
            (q, data.len(), "truncated data")
        } else {
            let p = [data[q], data[q + 1], data[q + 2], data[q + 3]];
            let cp = if big {
                u32::from_be_bytes(p)
            } else {
                u32::from_le_bytes(p)
            };
            match char::from_u32(cp) {
                Some(c) => {
                    out.push(c);
                    q += 4;
                    continue;
                }
                None if (0xd800..0xe000).contains(&cp) => (
                    q,
                    q + 4,
                    "code point in surrogate code point range(0xd800, 0xe000)",
                ),
                None => (q, q + 4, "code point not in range(0x110000)"),
            }
        };
        let (rep, pos) = errors.on_decode(encoding, data, start, end, reason)?;
        out.push_str(&rep);
        q = pos;
    }
    Ok((out, q, bo))
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_value(c: u8) -> Option<u32> {
    B64.iter().position(|&x| x == c).map(|p| p as u32)
}

/// Characters UTF-7 writes directly (RFC 2152's direct and optional
/// direct sets, as CPython's encoder: all but `+`, `\` and `~`... of the
/// printable ASCII, plus whitespace).
fn utf7_direct(c: char) -> bool {
    c.is_ascii()
        && (c.is_ascii_alphanumeric() || "'(),-./:? \t\r\n!\"#$%&*;<=>@[]^_`{|}".contains(c))
}

/// UTF-7 encoding (PyUnicode_EncodeUTF7 with base64 for the optional
/// direct characters off, as the codec does).
pub fn utf7_encode(s: &str, _errors: &mut Errors) -> Result<Vec<u8>, CodecError> {
    let mut out = Vec::with_capacity(s.len());
    let mut in_shift = false;
    let (mut bits, mut nbits) = (0u32, 0u32);
    for c in s.chars() {
        if in_shift {
            if utf7_direct(c) {
                if nbits > 0 {
                    out.push(B64[((bits << (6 - nbits)) & 0x3f) as usize]);
                }
                in_shift = false;
                nbits = 0;
                bits = 0;
                if b64_value(c as u8).is_some() || c == '-' {
                    out.push(b'-');
                }
                out.push(c as u8);
                continue;
            }
        } else if c == '+' {
            out.extend_from_slice(b"+-");
            continue;
        } else if utf7_direct(c) {
            out.push(c as u8);
            continue;
        } else {
            out.push(b'+');
            in_shift = true;
        }
        let mut units = [0u16; 2];
        for &u in c.encode_utf16(&mut units).iter() {
            bits = (bits << 16) | u as u32;
            nbits += 16;
            while nbits >= 6 {
                nbits -= 6;
                out.push(B64[((bits >> nbits) & 0x3f) as usize]);
            }
            bits &= (1 << nbits) - 1;
        }
    }
    if in_shift {
        if nbits > 0 {
            out.push(B64[((bits << (6 - nbits)) & 0x3f) as usize]);
        }
        out.push(b'-');
    }
    Ok(out)
}

/// UTF-7 decoding.
pub fn utf7_decode(
    data: &[u8],
    errors: &mut Errors,
    final_: bool,
) -> Result<(String, usize), CodecError> {
    let mut out = String::new();
    let mut i = 0;
    // Where the current shift sequence began, its bits and pending high
    // surrogate.
    let mut shift: Option<usize> = None;
    let (mut bits, mut nbits) = (0u32, 0u32);
    let mut high: Option<u32> = None;
    // Text decoded before the current shift sequence began (so an
    // incomplete one can be given back unconsumed).
    let mut out_at_shift = 0;
    while i < data.len() {
        let ch = data[i];
        if let Some(start) = shift {
            if let Some(v) = b64_value(ch) {
                bits = (bits << 6) | v;
                nbits += 6;
                i += 1;
                if nbits >= 16 {
                    nbits -= 16;
                    let u = (bits >> nbits) & 0xffff;
                    bits &= (1 << nbits) - 1;
                    if let Some(h) = high.take() {
                        if (0xdc00..0xe000).contains(&u) {
                            let cp = 0x10000 + ((h - 0xd800) << 10) + (u - 0xdc00);
                            out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                            continue;
                        }
                        let (rep, _) =
                            errors.on_decode("utf-7", data, start, i, "ill-formed sequence")?;
                        out.push_str(&rep);
                    }
                    if (0xd800..0xdc00).contains(&u) {
                        high = Some(u);
                    } else if (0xdc00..0xe000).contains(&u) {
                        let (rep, _) =
                            errors.on_decode("utf-7", data, start, i, "ill-formed sequence")?;
                        out.push_str(&rep);
                    } else {
                        out.push(char::from_u32(u).unwrap_or('\u{fffd}'));
                    }
                }
                continue;
            }
            // The shift sequence ends.
            shift = None;
            i += 1;
            if nbits >= 6 || (bits != 0) || high.is_some() {
                let reason = if nbits >= 6 {
                    "partial character in shift sequence"
                } else {
                    "non-zero padding bits in shift sequence"
                };
                let (rep, _) = errors.on_decode("utf-7", data, start, i, reason)?;
                out.push_str(&rep);
                high = None;
            }
            bits = 0;
            nbits = 0;
            if ch != b'-' {
                i -= 1;
            }
            continue;
        }
        if ch == b'+' {
            i += 1;
            if i < data.len() && data[i] == b'-' {
                i += 1;
                out.push('+');
            } else if i >= data.len() && !final_ {
                return Ok((out, i - 1));
            } else {
                out_at_shift = out.len();
                shift = Some(i - 1);
            }
        } else if ch < 0x80 {
            out.push(ch as char);
            i += 1;
        } else {
            let (rep, pos) =
                errors.on_decode("utf-7", data, i, i + 1, "unexpected special character")?;
            out.push_str(&rep);
            i = pos;
        }
    }
    if let Some(start) = shift {
        if !final_ {
            out.truncate(out_at_shift);
            return Ok((out, start));
        }
        if nbits >= 6 || bits != 0 || high.is_some() {
            let (rep, _) = errors.on_decode(
                "utf-7",
                data,
                start,
                data.len(),
                "unterminated shift sequence",
            )?;
            out.push_str(&rep);
        }
    }
    Ok((out, data.len().max(i)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf7_round_trip() {
        let s = "Hi Mom -☺-! A≢Α. 日本語 +";
        let enc = utf7_encode(s, &mut Errors::named("strict")).unwrap_or_default();
        let (dec, n) =
            utf7_decode(&enc, &mut Errors::named("strict"), true).unwrap_or((String::new(), 0));
        assert_eq!(dec, s);
        assert_eq!(n, enc.len());
    }

    #[test]
    fn utf8_incremental() {
        let (s, n) = utf8_decode(b"a\xe2\x82", &mut Errors::named("strict"), false)
            .unwrap_or((String::new(), 9));
        assert_eq!((s.as_str(), n), ("a", 1));
    }
}
