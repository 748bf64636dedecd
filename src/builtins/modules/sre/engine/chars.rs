//! Character predicates and case mappings of `Modules/_sre/sre.c`
//! (`SRE_IS_*`, `SRE_LOC_IS_*`, `SRE_UNI_IS_*`, `sre_lower_*`,
//! `sre_upper_*`, `sre_category`, `char_loc_ignore`), the module helpers
//! `_sre.ascii_iscased` & co., and the set and position tests of
//! `sre_lib.h` (`SRE(charset)`, `SRE(charset_loc_ignore)`, `SRE(at)`).
//!
//! Code points are `u32` values; surrogates (0xD800..=0xDFFF) are neither
//! letters nor digits and map to themselves. The LOCALE flag uses the C
//! locale: ASCII classes and ASCII case mapping.

use super::{at, category, op, SreError, Subject};
use crate::object::chars;

/// `sre_lower_ascii`: ASCII lowercase, other code points unchanged.
#[inline]
pub fn lower_ascii(ch: u32) -> u32 {
    if ch < 128 {
        (ch as u8).to_ascii_lowercase() as u32
    } else {
        ch
    }
}

/// ASCII uppercase, other code points unchanged.
#[inline]
pub fn upper_ascii(ch: u32) -> u32 {
    if ch < 128 {
        (ch as u8).to_ascii_uppercase() as u32
    } else {
        ch
    }
}

/// `sre_lower_locale` in the C locale (`tolower` maps ASCII only).
#[inline]
pub fn lower_locale(ch: u32) -> u32 {
    lower_ascii(ch)
}

/// `sre_upper_locale` in the C locale.
#[inline]
pub fn upper_locale(ch: u32) -> u32 {
    upper_ascii(ch)
}

/// `sre_lower_unicode` (`_PyUnicode_ToLowercase`): the first code point of
/// the full lowercase mapping, which is the simple mapping except where
/// SpecialCasing has a longer one (U+0130 gives 'i').
#[inline]
pub fn lower_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return lower_ascii(ch);
    }
    match char::from_u32(ch) {
        Some(c) => c.to_lowercase().next().map_or(ch, |l| l as u32),
        None => ch,
    }
}

/// `sre_upper_unicode` (`_PyUnicode_ToUppercase`): the first code point of
/// the full uppercase mapping ('ß' gives 'S', as in CPython).
#[inline]
pub fn upper_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return upper_ascii(ch);
    }
    match char::from_u32(ch) {
        Some(c) => c.to_uppercase().next().map_or(ch, |u| u as u32),
        None => ch,
    }
}

/// `_sre.ascii_iscased(ch)`.
pub fn ascii_iscased(ch: u32) -> bool {
    ch < 128 && (ch as u8).is_ascii_alphabetic()
}

/// `_sre.unicode_iscased(ch)`.
pub fn unicode_iscased(ch: u32) -> bool {
    ch != lower_unicode(ch) || ch != upper_unicode(ch)
}

/// `_sre.ascii_tolower(ch)`.
pub fn ascii_tolower(ch: u32) -> u32 {
    lower_ascii(ch)
}

/// `_sre.unicode_tolower(ch)`.
pub fn unicode_tolower(ch: u32) -> u32 {
    lower_unicode(ch)
}

/// `SRE_IS_LINEBREAK`.
#[inline(always)]
pub(super) fn is_linebreak(ch: u32) -> bool {
    ch == b'\n' as u32
}

#[inline]
fn is_digit(ch: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&ch)
}

#[inline]
fn is_space(ch: u32) -> bool {
    matches!(ch, 0x20 | 0x09..=0x0D)
}

/// `SRE_IS_WORD`: ASCII alphanumeric or '_'.
#[inline]
fn is_word(ch: u32) -> bool {
    ch < 128 && ((ch as u8).is_ascii_alphanumeric() || ch == b'_' as u32)
}

/// `SRE_LOC_IS_WORD` in the C locale.
#[inline]
fn loc_is_word(ch: u32) -> bool {
    is_word(ch)
}

#[inline]
fn uni_is_digit(ch: u32) -> bool {
    if ch < 128 {
        return is_digit(ch);
    }
    char::from_u32(ch).is_some_and(chars::is_decimal)
}

#[inline]
fn uni_is_space(ch: u32) -> bool {
    if ch < 128 {
        return matches!(ch, 0x09..=0x0D | 0x1C..=0x20);
    }
    char::from_u32(ch).is_some_and(chars::is_space)
}

/// `Py_UNICODE_ISLINEBREAK`.
#[inline]
fn uni_is_linebreak(ch: u32) -> bool {
    matches!(ch, 0x0A..=0x0D | 0x1C..=0x1E | 0x85 | 0x2028 | 0x2029)
}

/// `SRE_UNI_IS_WORD`: `Py_UNICODE_ISALNUM` or '_'.
#[inline]
pub(super) fn uni_is_word(ch: u32) -> bool {
    if ch < 128 {
        return is_word(ch);
    }
    char::from_u32(ch).is_some_and(chars::is_alnum)
}

/// `sre_category`: whether `ch` is in the category `code`.
#[inline]
pub(super) fn in_category(code: u32, ch: u32) -> bool {
    match code {
        category::DIGIT => is_digit(ch),
        category::NOT_DIGIT => !is_digit(ch),
        category::SPACE => is_space(ch),
        category::NOT_SPACE => !is_space(ch),
        category::WORD => is_word(ch),
        category::NOT_WORD => !is_word(ch),
        category::LINEBREAK => is_linebreak(ch),
        category::NOT_LINEBREAK => !is_linebreak(ch),
        category::LOC_WORD => loc_is_word(ch),
        category::LOC_NOT_WORD => !loc_is_word(ch),
        category::UNI_DIGIT => uni_is_digit(ch),
        category::UNI_NOT_DIGIT => !uni_is_digit(ch),
        category::UNI_SPACE => uni_is_space(ch),
        category::UNI_NOT_SPACE => !uni_is_space(ch),
        category::UNI_WORD => uni_is_word(ch),
        category::UNI_NOT_WORD => !uni_is_word(ch),
        category::UNI_LINEBREAK => uni_is_linebreak(ch),
        category::UNI_NOT_LINEBREAK => !uni_is_linebreak(ch),
        _ => false,
    }
}

/// `char_loc_ignore`: `ch` equals the pattern character after the locale's
/// lower or upper mapping.
#[inline]
pub(super) fn char_loc_ignore(pattern: u32, ch: u32) -> bool {
    ch == pattern || lower_locale(ch) == pattern || upper_locale(ch) == pattern
}

/// `SRE(charset)`: whether `ch` is in the set that starts at `code[i]` and
/// ends with FAILURE. An unknown set opcode answers "no" as in C; reading
/// past the code is an internal error.
#[inline]
pub(super) fn in_charset(code: &[u32], i: usize, ch: u32) -> Result<bool, SreError> {
    charset_lookup(code, i, ch).ok_or_else(SreError::internal)
}

/// [`in_charset`] with `None` for code that ends too early.
#[inline]
fn charset_lookup(code: &[u32], mut i: usize, ch: u32) -> Option<bool> {
    let mut ok = true;
    loop {
        let o = *code.get(i)?;
        i += 1;
        match o {
            op::FAILURE => return Some(!ok),
            op::LITERAL => {
                if ch == *code.get(i)? {
                    return Some(ok);
                }
                i += 1;
            }
            op::CATEGORY => {
                if in_category(*code.get(i)?, ch) {
                    return Some(ok);
                }
                i += 1;
            }
            op::CHARSET => {
                if ch < 256 && *code.get(i + (ch as usize >> 5))? & (1u32 << (ch & 31)) != 0 {
                    return Some(ok);
                }
                i += 8;
            }
            op::RANGE => {
                if *code.get(i)? <= ch && ch <= *code.get(i + 1)? {
                    return Some(ok);
                }
                i += 2;
            }
            op::RANGE_UNI_IGNORE => {
                let (lo, hi) = (*code.get(i)?, *code.get(i + 1)?);
                // ch is already lowercased
                if lo <= ch && ch <= hi {
                    return Some(ok);
                }
                let uch = upper_unicode(ch);
                if lo <= uch && uch <= hi {
                    return Some(ok);
                }
                i += 2;
            }
            op::NEGATE => ok = !ok,
            op::BIGCHARSET => {
                // <BIGCHARSET> <blockcount> <256 block indices as bytes> <blocks>
                let count = *code.get(i)? as usize;
                i += 1;
                if ch < 0x10000 {
                    let hi = (ch >> 8) as usize;
                    let word = *code.get(i + hi / 4)?;
                    let block = word.to_ne_bytes()[hi % 4] as usize;
                    let bit = block * 256 + (ch & 255) as usize;
                    if *code.get(i + 64 + bit / 32)? & (1u32 << (ch & 31)) != 0 {
                        return Some(ok);
                    }
                }
                i = i.checked_add(64 + count.checked_mul(8)?)?;
            }
            _ => return Some(false),
        }
    }
}

/// `SRE(charset_loc_ignore)`.
pub(super) fn in_charset_loc_ignore(code: &[u32], i: usize, ch: u32) -> Result<bool, SreError> {
    let lo = lower_locale(ch);
    if in_charset(code, i, lo)? {
        return Ok(true);
    }
    let up = upper_locale(ch);
    Ok(up != lo && in_charset(code, i, up)?)
}

/// `SRE(at)`: whether position `ptr` satisfies the AT code `code`, where
/// the subject ends at `end` (`state->end`, the endpos) and begins at 0.
pub(super) fn at_position<S: Subject + ?Sized>(s: &S, ptr: usize, end: usize, code: u32) -> bool {
    // Reading at `end` is allowed in C (the terminating NUL past the data).
    let peek = |i: usize| if i < s.len() { s.at(i) } else { 0 };
    let boundary = |word: fn(u32) -> bool| -> Option<bool> {
        if end == 0 {
            return None;
        }
        let that = ptr > 0 && word(peek(ptr - 1));
        let this = ptr < end && word(peek(ptr));
        Some(this != that)
    };
    match code {
        at::BEGINNING | at::BEGINNING_STRING => ptr == 0,
        at::BEGINNING_LINE => ptr == 0 || is_linebreak(peek(ptr - 1)),
        at::END => (end == ptr + 1 && is_linebreak(peek(ptr))) || ptr == end,
        at::END_LINE => ptr == end || is_linebreak(peek(ptr)),
        at::END_STRING => ptr == end,
        at::BOUNDARY => boundary(is_word) == Some(true),
        at::NON_BOUNDARY => boundary(is_word) == Some(false),
        at::LOC_BOUNDARY => boundary(loc_is_word) == Some(true),
        at::LOC_NON_BOUNDARY => boundary(loc_is_word) == Some(false),
        at::UNI_BOUNDARY => boundary(uni_is_word) == Some(true),
        at::UNI_NON_BOUNDARY => boundary(uni_is_word) == Some(false),
        _ => false,
    }
}
