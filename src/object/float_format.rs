//! Floats to text as CPython's `PyOS_double_to_string` writes them
//! (pystrtod.c's `format_float_short` over `_Py_dg_dtoa`): the `e`, `f`, `g`
//! and `r` codes with their flags. `format()`, `%`-formatting, `str()` and
//! `repr()` of floats all come here.
//!
//! Pure functions over `f64`; no VM.

/// `Py_DTSF_*` flags.
#[derive(Clone, Copy, Debug, Default)]
pub struct Flags {
    /// `Py_DTSF_SIGN`: always write a sign.
    pub sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: an integral result gets `.0`.
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: `#`, keep the point and trailing zeros.
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: `z`, a result that rounds to zero has no sign.
    pub no_neg_0: bool,
}

/// `_Py_dg_dtoa` for finite `x >= 0`: significant digits without trailing
/// zeros and the decimal point position (`x ≈ 0.DIGITS × 10**decpt`).
/// Mode 0 is the shortest round-trip string, mode 2 `ndigits` significant
/// digits, mode 3 `ndigits` digits after the point; all round half to even
/// on the exact binary value (Rust's formatting does the same).
fn dtoa(x: f64, mode: u8, ndigits: usize) -> (String, i64) {
    if x == 0.0 {
        return ("0".into(), 1);
    }
    let (digits, decpt) = match mode {
        0 => {
            let (d, p) = super::repr::shortest_digits(x);
            (d, p as i64)
        }
        2 => {
            let s = format!("{:.*e}", ndigits.max(1) - 1, x);
            let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
            let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
            (digits, exp.parse::<i64>().unwrap_or(0) + 1)
        }
        _ => {
            let s = format!("{:.*}", ndigits, x);
            let (int_part, frac) = s.split_once('.').unwrap_or((&s, ""));
            let all = format!("{int_part}{frac}");
            let stripped = all.trim_start_matches('0');
            let decpt = int_part.len() as i64 - (all.len() - stripped.len()) as i64;
            if stripped.is_empty() {
                // Rounds to zero: no digits, as dtoa's `no_digits` case.
                return (String::new(), -(ndigits as i64));
            }
            (stripped.to_string(), decpt)
        }
    };
    let trimmed = digits.trim_end_matches('0');
    (trimmed.to_string(), decpt)
}

/// `PyOS_double_to_string(x, code, precision, flags)`. `code` is one of
/// `eEfFgGr`; uppercase codes write `E`, `INF`, `NAN`.
pub fn double_to_string(x: f64, code: char, precision: usize, flags: Flags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let (mode, precision) = match code {
        'e' => (2, precision + 1),
        'f' => (3, precision),
        'g' => (2, precision.max(1)),
        _ => (0, 0),
    };
    let mut out = String::new();
    let negative = x.is_sign_negative();
    if x.is_nan() {
        // Never a sign for a NaN, even when one is asked for.
        return if upper { "NAN" } else { "nan" }.into();
    }
    if x.is_infinite() {
        if negative {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        out.push_str(if upper { "INF" } else { "inf" });
        return out;
    }
    let (digits, mut decpt) = dtoa(x.abs(), mode, precision);
    let digits_len = digits.len() as i64;
    let zero = digits.is_empty() || digits == "0";
    if negative && !(flags.no_neg_0 && zero) {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    let mut use_exp = false;
    let mut vdigits_end = digits_len;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision as i64;
        }
        'f' => vdigits_end = decpt + precision as i64,
        'g' => {
            let limit = if flags.add_dot_0 {
                precision as i64 - 1
            } else {
                precision as i64
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision as i64;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && flags.add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };
    let zeros = |n: i64| "0".repeat(n.max(0) as usize);
    let mut body = String::new();
    if decpt <= 0 {
        body.push_str(&zeros(decpt - vdigits_start));
        body.push('.');
        body.push_str(&zeros(-decpt));
    } else {
        body.push_str(&zeros(-vdigits_start));
    }
    if 0 < decpt && decpt <= digits_len {
        body.push_str(&digits[..decpt as usize]);
        body.push('.');
        body.push_str(&digits[decpt as usize..]);
    } else {
        body.push_str(&digits);
    }
    if digits_len < decpt {
        body.push_str(&zeros(decpt - digits_len));
        body.push('.');
        body.push_str(&zeros(vdigits_end - decpt));
    } else {
        body.push_str(&zeros(vdigits_end - digits_len));
    }
    if body.ends_with('.') && !flags.alt {
        body.pop();
    }
    out.push_str(&body);
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(x: f64, code: char, p: usize) -> String {
        double_to_string(x, code, p, Flags::default())
    }

    #[test]
    fn codes() {
        assert_eq!(f(1.23456, 'f', 2), "1.23");
        assert_eq!(f(0.0012, 'f', 2), "0.00");
        assert_eq!(f(-0.0, 'f', 1), "-0.0");
        assert_eq!(f(12345.678, 'e', 2), "1.23e+04");
        assert_eq!(f(1e-7, 'g', 6), "1e-07");
        assert_eq!(f(100.0, 'g', 6), "100");
        assert_eq!(f(1e16, 'r', 0), "1e+16");
        assert_eq!(f(0.1, 'r', 0), "0.1");
        assert_eq!(f(1.5, 'E', 3), "1.500E+00");
        let alt = Flags {
            alt: true,
            ..Flags::default()
        };
        assert_eq!(double_to_string(2.0, 'f', 0, alt), "2.");
        assert_eq!(double_to_string(1.0, 'g', 3, alt), "1.00");
        let dot0 = Flags {
            add_dot_0: true,
            ..Flags::default()
        };
        assert_eq!(double_to_string(100.0, 'g', 4, dot0), "100.0");
        assert_eq!(double_to_string(100.0, 'g', 3, dot0), "1e+02");
        assert_eq!(double_to_string(5.0, 'r', 0, dot0), "5.0");
        let z = Flags {
            no_neg_0: true,
            ..Flags::default()
        };
        assert_eq!(double_to_string(-0.0001, 'f', 2, z), "0.00");
    }
}
