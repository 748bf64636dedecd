//! `repr()` of the builtin scalar types exactly as CPython 3.11 writes them:
//! str (`unicode_repr`), bytes (`bytes_repr`), float (`float_repr`, shortest
//! round-trip digits) and complex (`complex_repr`).
//!
//! Pure functions over Rust values, shared by the disassembler and the VM.

use super::unicode_printable::PRINTABLE_RANGES;

/// `str.isprintable()` for one code point, per CPython 3.11's Unicode tables.
pub fn is_printable(cp: u32) -> bool {
    super::chars::range_index(&PRINTABLE_RANGES, cp).is_some()
}

/// `repr(s)` for a str given by its code points (Objects/unicodeobject.c,
/// `unicode_repr`): single quotes unless the text has `'` and no `"`.
pub fn repr_str(cps: impl IntoIterator<Item = u32> + Clone) -> String {
    let (mut has_single, mut has_double) = (false, false);
    for cp in cps.clone().into_iter() {
        has_single |= cp == '\'' as u32;
        has_double |= cp == '"' as u32;
    }
    let quote = if has_single && !has_double { '"' } else { '\'' };
    let mut out = String::new();
    out.push(quote);
    for cp in cps {
        match cp {
            _ if cp == quote as u32 || cp == '\\' as u32 => {
                out.push('\\');
                out.push(char::from_u32(cp).unwrap_or('?'));
            }
            0x09 => out.push_str("\\t"),
            0x0A => out.push_str("\\n"),
            0x0D => out.push_str("\\r"),
            0..=0x1F | 0x7F => out.push_str(&format!("\\x{cp:02x}")),
            0x20..=0x7E => out.push(cp as u8 as char),
            _ if is_printable(cp) => out.push(char::from_u32(cp).unwrap_or('?')),
            0..=0xFF => out.push_str(&format!("\\x{cp:02x}")),
            0..=0xFFFF => out.push_str(&format!("\\u{cp:04x}")),
            _ => out.push_str(&format!("\\U{cp:08x}")),
        }
    }
    out.push(quote);
    out
}

/// `repr(b)` for bytes (Objects/bytesobject.c, `PyBytes_Repr`).
pub fn repr_bytes(bytes: &[u8]) -> String {
    let has_single = bytes.contains(&b'\'');
    let has_double = bytes.contains(&b'"');
    let quote = if has_single && !has_double {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(bytes.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &b in bytes {
        match b {
            _ if b == quote || b == b'\\' => {
                out.push('\\');
                out.push(b as char);
            }
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            0x20..=0x7E => out.push(b as char),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote as char);
    out
}

/// Shortest round-trip decimal digits of a finite, non-zero `|x|` and the
/// decimal point position: `x = 0.DIGITS * 10**decpt` (as `_Py_dg_dtoa` mode 0).
pub(crate) fn shortest_digits(x: f64) -> (String, i32) {
    let x = x.abs();
    // Rust's `{:e}` finds the shortest length that round-trips, but breaks an
    // exact tie upwards (2**-25 gives ...313); dtoa takes the nearest string of
    // that length, ties to even, which Rust's exact-precision mode computes.
    let shortest = format!("{x:e}");
    let len = split_exp(&shortest).0.len();
    let nearest = format!("{x:.*e}", len.saturating_sub(1));
    let chosen = if nearest.parse::<f64>() == Ok(x) {
        nearest
    } else {
        shortest
    };
    let (digits, exp) = split_exp(&chosen);
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    (digits.to_string(), exp + 1)
}

/// `"1.2345e-7"` → (`"12345"`, -7).
fn split_exp(formatted: &str) -> (String, i32) {
    let (mantissa, exp) = formatted.split_once('e').unwrap_or((formatted, "0"));
    let digits = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    (digits, exp.parse().unwrap_or(0))
}

/// Formats a float the way `PyOS_double_to_string(x, 'r', 0, flags)` does.
/// `add_dot_0` is `Py_DTSF_ADD_DOT_0` (float repr); `always_sign` is
/// `Py_DTSF_SIGN` (the imaginary part of a complex).
pub fn format_float_repr(x: f64, add_dot_0: bool, always_sign: bool) -> String {
    let sign = if x.is_sign_negative() && !x.is_nan() {
        "-"
    } else if always_sign {
        "+"
    } else {
        ""
    };
    if x.is_nan() {
        return format!("{sign}nan");
    }
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    if x == 0.0 {
        return format!("{sign}0{}", if add_dot_0 { ".0" } else { "" });
    }
    let (digits, decpt) = shortest_digits(x);
    let body = if decpt <= -4 || decpt > 16 {
        // Exponent form: d[.ddd]e±XX, at least two exponent digits.
        let (first, rest) = digits.split_at(1);
        let exp = decpt - 1;
        let mantissa = if rest.is_empty() {
            first.to_string()
        } else {
            format!("{first}.{rest}")
        };
        format!(
            "{mantissa}e{}{:02}",
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        )
    } else if decpt <= 0 {
        format!("0.{}{digits}", "0".repeat((-decpt) as usize))
    } else if decpt as usize >= digits.len() {
        let zeros = "0".repeat(decpt as usize - digits.len());
        format!("{digits}{zeros}{}", if add_dot_0 { ".0" } else { "" })
    } else {
        let (int_part, frac) = digits.split_at(decpt as usize);
        format!("{int_part}.{frac}")
    };
    format!("{sign}{body}")
}

/// `repr(float)`.
pub fn repr_float(x: f64) -> String {
    format_float_repr(x, true, false)
}

/// `repr(complex)`: `2j`, `(1+2j)`, `(-0-1j)`, `(nan+infj)`.
pub fn repr_complex(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", format_float_repr(im, false, false))
    } else {
        format!(
            "({}{}j)",
            format_float_repr(re, false, false),
            format_float_repr(im, false, true)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> String {
        repr_str(text.chars().map(|c| c as u32))
    }

    #[test]
    fn str_repr_matches_cpython() {
        assert_eq!(s("abc"), "'abc'");
        assert_eq!(s("it's"), "\"it's\"");
        assert_eq!(s("'\""), "'\\'\"'");
        assert_eq!(s("a\tb\n\r\x00\x7f\\"), "'a\\tb\\n\\r\\x00\\x7f\\\\'");
        assert_eq!(s("café ☃ 😀"), "'café ☃ 😀'");
        assert_eq!(
            s("\u{a0}\u{2028}\u{e000}\u{10ffff}"),
            "'\\xa0\\u2028\\ue000\\U0010ffff'"
        );
        assert_eq!(repr_str([0xD800u32].into_iter()), "'\\ud800'");
    }

    #[test]
    fn bytes_repr_matches_cpython() {
        assert_eq!(repr_bytes(b"\x00\xff'\"a\\"), "b'\\x00\\xff\\'\"a\\\\'");
        assert_eq!(repr_bytes(b"it's"), "b\"it's\"");
    }

    #[test]
    fn float_repr_matches_cpython() {
        let cases = [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (-0.0, "-0.0"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456789012345680.0, "1.2345678901234568e+17"),
            (1e-4, "0.0001"),
            (1e-5, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (1e300, "1e+300"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (2.5, "2.5"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (2.980_232_238_769_531_3e-8, "2.9802322387695312e-08"),
        ];
        for (x, want) in cases {
            assert_eq!(repr_float(x), want, "repr({x:?})");
        }
    }

    #[test]
    fn complex_repr_matches_cpython() {
        assert_eq!(repr_complex(0.0, 2.0), "2j");
        assert_eq!(repr_complex(1.0, 2.0), "(1+2j)");
        assert_eq!(repr_complex(-0.0, -1.0), "(-0-1j)");
        assert_eq!(repr_complex(0.0, 1.5e16), "1.5e+16j");
        assert_eq!(repr_complex(1.0, f64::NAN), "(1+nanj)");
        assert_eq!(repr_complex(f64::INFINITY, 0.0), "(inf+0j)");
    }
}
