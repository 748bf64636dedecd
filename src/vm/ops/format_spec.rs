//! The format-spec mini-language of `format()`, `str.format` and f-strings
//! for the builtin types, as CPython 3.11's Python/formatter_unicode.c:
//! `parse_internal_render_format_spec`, then `format_string_internal`,
//! `format_long_internal`, `format_float_internal` or
//! `format_complex_internal`, with `calc_number_widths`/`fill_number` laying
//! out sign, prefix, padding and grouped digits.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::object::exception::{overflow_error, value_error};
use crate::object::float_format::{double_to_string, Flags};
use crate::object::PyResult;

/// `InternalFormatSpec`.
#[derive(Clone, Debug)]
pub struct FormatSpec {
    pub fill: char,
    pub align: char,
    pub alternate: bool,
    /// `'+'`, `'-'`, `' '` or `'\0'` (not given).
    pub sign: char,
    pub no_neg_0: bool,
    pub width: Option<usize>,
    /// `','` or `'_'`; `group4` when `_` groups hex/octal/binary by four.
    pub thousands: Option<char>,
    pub group4: bool,
    pub precision: Option<usize>,
    pub kind: char,
}

fn unknown_code(kind: char, type_name: &str) -> crate::object::PyErr {
    if (kind as u32) > 32 && (kind as u32) < 128 {
        value_error(format!(
            "Unknown format code '{kind}' for object of type '{type_name}'"
        ))
    } else {
        value_error(format!(
            "Unknown format code '\\x{:x}' for object of type '{type_name}'",
            kind as u32
        ))
    }
}

impl FormatSpec {
    /// `parse_internal_render_format_spec`.
    pub fn parse(
        spec: &str,
        default_type: char,
        default_align: char,
        type_name: &str,
    ) -> PyResult<FormatSpec> {
        let c: Vec<char> = spec.chars().collect();
        let end = c.len();
        let mut pos = 0;
        let mut s = FormatSpec {
            fill: ' ',
            align: default_align,
            alternate: false,
            sign: '\0',
            no_neg_0: false,
            width: None,
            thousands: None,
            group4: false,
            precision: None,
            kind: default_type,
        };
        let is_align = |ch: char| matches!(ch, '<' | '>' | '=' | '^');
        let mut fill_given = false;
        let mut align_given = false;
        if end >= 2 && is_align(c[1]) {
            s.align = c[1];
            s.fill = c[0];
            fill_given = true;
            align_given = true;
            pos = 2;
        } else if end >= 1 && is_align(c[0]) {
            s.align = c[0];
            align_given = true;
            pos = 1;
        }
        if pos < end && matches!(c[pos], ' ' | '+' | '-') {
            s.sign = c[pos];
            pos += 1;
        }
        if pos < end && c[pos] == 'z' {
            s.no_neg_0 = true;
            pos += 1;
        }
        if pos < end && c[pos] == '#' {
            s.alternate = true;
            pos += 1;
        }
        if !fill_given && pos < end && c[pos] == '0' {
            s.fill = '0';
            if !align_given && default_align == '>' {
                s.align = '=';
            }
            pos += 1;
        }
        s.width = get_integer(&c, &mut pos)?;
        if pos < end && c[pos] == ',' {
            s.thousands = Some(',');
            pos += 1;
        }
        if pos < end && c[pos] == '_' {
            if s.thousands.is_some() {
                return Err(value_error("Cannot specify both ',' and '_'."));
            }
            s.thousands = Some('_');
            pos += 1;
        }
        if pos < end && c[pos] == ',' {
            return Err(value_error("Cannot specify both ',' and '_'."));
        }
        if pos < end && c[pos] == '.' {
            pos += 1;
            s.precision = get_integer(&c, &mut pos)?;
            if s.precision.is_none() {
                return Err(value_error("Format specifier missing precision"));
            }
        }
        if end - pos > 1 {
            return Err(value_error(format!(
                "Invalid format specifier '{spec}' for object of type '{type_name}'"
            )));
        }
        if end - pos == 1 {
            s.kind = c[pos];
        }
        check_field(s.width)?;
        check_field(s.precision)?;
        if let Some(sep) = s.thousands {
            match s.kind {
                'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => {}
                'b' | 'o' | 'x' | 'X' if sep == '_' => s.group4 = true,
                k => {
                    return Err(if (k as u32) > 32 && (k as u32) < 128 {
                        value_error(format!("Cannot specify ',' with '{k}'."))
                    } else {
                        value_error(format!("Cannot specify ',' with '\\x{:x}'.", k as u32))
                    })
                }
            }
        }
        Ok(s)
    }

    /// Pads already-formatted text (`calc_padding` + `fill_padding`).
    fn pad(&self, body: &str, len: usize) -> String {
        let width = self.width.unwrap_or(0);
        if len >= width {
            return body.to_string();
        }
        let total = width - len;
        let left = match self.align {
            '>' => total,
            '^' => total / 2,
            _ => 0,
        };
        let fill = |n: usize| std::iter::repeat_n(self.fill, n).collect::<String>();
        format!("{}{body}{}", fill(left), fill(total - left))
    }

    fn float_flags(&self) -> Flags {
        Flags {
            alt: self.alternate,
            no_neg_0: self.no_neg_0,
            ..Flags::default()
        }
    }
}

/// Widths and precisions past this would ask for gigabytes: a MemoryError
/// (where CPython's allocation would fail) instead of aborting the process.
pub const MAX_FIELD: usize = 1 << 28;

/// The MemoryError of a field too wide or too precise to build.
pub fn check_field(n: Option<usize>) -> PyResult<()> {
    match n {
        Some(n) if n > MAX_FIELD => Err(crate::object::PyErr::new(
            &crate::object::builtin_types().memory_error,
            "",
        )),
        _ => Ok(()),
    }
}

/// `get_integer`: decimal digits at `pos`; `None` when there are none.
fn get_integer(c: &[char], pos: &mut usize) -> PyResult<Option<usize>> {
    let start = *pos;
    let mut acc: usize = 0;
    while *pos < c.len() {
        let Some(d) = c[*pos].to_digit(10) else {
            break;
        };
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|a| *a <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
        *pos += 1;
    }
    Ok((*pos > start).then_some(acc))
}

/// `format(str, spec)`.
pub fn format_str(text: &str, spec: &str, type_name: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(text.to_string());
    }
    let s = FormatSpec::parse(spec, 's', '<', type_name)?;
    if s.kind != 's' {
        return Err(unknown_code(s.kind, type_name));
    }
    if s.sign != '\0' {
        return Err(value_error("Sign not allowed in string format specifier"));
    }
    if s.no_neg_0 {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in format specifier",
        ));
    }
    if s.alternate {
        return Err(value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if s.align == '=' {
        return Err(value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let (body, len) = match s.precision {
        Some(p) => {
            let t: String = text.chars().take(p).collect();
            let n = t.chars().count();
            (t, n)
        }
        None => (text.to_string(), text.chars().count()),
    };
    Ok(s.pad(&body, len))
}

/// `format(int, spec)`; `str_form` is `str()` of the value (for an empty
/// spec, so `format(True, '')` is `'True'`).
pub fn format_int(n: &BigInt, spec: &str, type_name: &str, str_form: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(str_form.to_string());
    }
    let s = FormatSpec::parse(spec, 'd', '>', type_name)?;
    match s.kind {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_long(n, &s),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = n
                .to_f64()
                .filter(|f| f.is_finite())
                .ok_or_else(|| overflow_error("int too large to convert to float"))?;
            format_float_spec(f, &s)
        }
        k => Err(unknown_code(k, type_name)),
    }
}

/// `format_long_internal`.
fn format_long(n: &BigInt, s: &FormatSpec) -> PyResult<String> {
    if s.precision.is_some() {
        return Err(value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if s.no_neg_0 {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if s.kind == 'c' {
        if s.sign != '\0' {
            return Err(value_error(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if s.alternate {
            return Err(value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        if n.to_i64().is_none() {
            return Err(overflow_error("Python int too large to convert to C long"));
        }
        let ch = n
            .to_u32()
            .filter(|x| *x <= 0x10ffff)
            .and_then(char::from_u32)
            .ok_or_else(|| overflow_error("%c arg not in range(0x110000)"))?;
        // 'c' output is all "remainder": no digits, no grouping.
        return Ok(fill_number(s, '\0', "", "", &ch.to_string(), false));
    }
    let (base, prefix) = match s.kind {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = n.abs().to_str_radix(base);
    if s.kind == 'X' {
        digits = digits.to_uppercase();
    }
    let sign = if n.is_negative() { '-' } else { '\0' };
    let prefix = if s.alternate { prefix } else { "" };
    Ok(fill_number(s, sign, prefix, &digits, "", false))
}

/// `format(float, spec)`; an empty spec is `str()`.
pub fn format_float(f: f64, spec: &str, type_name: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(crate::object::repr::repr_float(f));
    }
    let s = FormatSpec::parse(spec, '\0', '>', type_name)?;
    match s.kind {
        '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' => format_float_spec(f, &s),
        k => Err(unknown_code(k, type_name)),
    }
}

/// The code, precision and flags `format_float_internal` passes to
/// `PyOS_double_to_string`.
fn float_code(s: &FormatSpec, default_precision: usize) -> (char, usize, Flags) {
    let mut flags = s.float_flags();
    let mut code = s.kind;
    let mut default_precision = default_precision;
    if code == '\0' {
        flags.add_dot_0 = true;
        code = 'r';
        default_precision = 0;
    }
    if code == 'n' {
        code = 'g';
    }
    let precision = match s.precision {
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
        None => default_precision,
    };
    (code, precision, flags)
}

/// `format_float_internal`.
fn format_float_spec(f: f64, s: &FormatSpec) -> PyResult<String> {
    let (mut code, precision, flags) = float_code(s, 6);
    let mut val = f;
    let pct = code == '%';
    if pct {
        code = 'f';
        val *= 100.0;
    }
    let mut text = double_to_string(val, code, precision, flags);
    if pct {
        text.push('%');
    }
    let (sign, body) = match text.strip_prefix('-') {
        Some(rest) => ('-', rest),
        None => ('\0', text.as_str()),
    };
    let end = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let (digits, rest) = body.split_at(end);
    Ok(fill_number(s, sign, "", digits, rest, false))
}

/// `format(complex, spec)`; an empty spec is `str()`.
pub fn format_complex(re: f64, im: f64, spec: &str, type_name: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(crate::object::repr::repr_complex(re, im));
    }
    let s = FormatSpec::parse(spec, '\0', '>', type_name)?;
    if !matches!(s.kind, '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') {
        return Err(unknown_code(s.kind, type_name));
    }
    if s.fill == '0' {
        return Err(value_error(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if s.align == '=' {
        return Err(value_error(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let mut skip_re = false;
    let mut parens = false;
    let mut tmp = s.clone();
    let (code, precision, mut flags) = float_code(&s, 6);
    if s.kind == '\0' {
        // Like str(): no ".0", and the real part only when it is not +0.
        flags.add_dot_0 = false;
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    tmp.fill = '\0';
    tmp.align = '<';
    tmp.width = None;
    let part = |x: f64, spec: &FormatSpec| {
        let text = double_to_string(x, code, precision, flags);
        let (sign, body) = match text.strip_prefix('-') {
            Some(rest) => ('-', rest.to_string()),
            None => ('\0', text.clone()),
        };
        let end = body
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(body.len());
        let (digits, rest) = body.split_at(end);
        fill_number(spec, sign, "", digits, rest, false)
    };
    let re_text = if skip_re {
        String::new()
    } else {
        part(re, &tmp)
    };
    if !skip_re {
        tmp.sign = '+';
    }
    let im_text = part(im, &tmp);
    let body = format!(
        "{}{re_text}{im_text}j{}",
        if parens { "(" } else { "" },
        if parens { ")" } else { "" }
    );
    let len = body.chars().count();
    Ok(s.pad(&body, len))
}

/// `calc_number_widths` + `fill_number`: `[lpad][sign][prefix][spad]
/// [grouped digits][remainder][rpad]`. `remainder` is everything after the
/// leading digits (decimal point, fraction, exponent, `%`).
fn fill_number(
    s: &FormatSpec,
    sign_char: char,
    prefix: &str,
    digits: &str,
    remainder: &str,
    _upper: bool,
) -> String {
    let sign = match s.sign {
        '+' => Some(if sign_char == '-' { '-' } else { '+' }),
        ' ' => Some(if sign_char == '-' { '-' } else { ' ' }),
        _ => (sign_char == '-').then_some('-'),
    };
    let n_sign = sign.is_some() as usize;
    let n_remainder = remainder.chars().count();
    let non_digit = n_sign + prefix.len() + n_remainder;
    let width = s.width.map_or(-1, |w| w as isize);
    let min_width = if s.fill == '0' && s.align == '=' {
        width - non_digit as isize
    } else {
        0
    };
    let grouped = if digits.is_empty() {
        String::new()
    } else {
        let group = s.thousands.map(|sep| (sep, if s.group4 { 4 } else { 3 }));
        insert_grouping(digits, min_width, group)
    };
    let used = non_digit + grouped.chars().count();
    let padding = (width - used as isize).max(0) as usize;
    let (mut l, mut sp, mut r) = (0, 0, 0);
    if padding > 0 {
        match s.align {
            '<' => r = padding,
            '^' => {
                l = padding / 2;
                r = padding - l;
            }
            '=' => sp = padding,
            _ => l = padding,
        }
    }
    let fill = |n: usize| std::iter::repeat_n(s.fill, n).collect::<String>();
    let mut out = fill(l);
    if let Some(c) = sign {
        out.push(c);
    }
    out.push_str(prefix);
    out.push_str(&fill(sp));
    out.push_str(&grouped);
    out.push_str(remainder);
    out.push_str(&fill(r));
    out
}

/// `_PyUnicode_InsertThousandsGrouping`: separators every `group` digits
/// from the right, and zeros on the left (inside the grouping) up to
/// `min_width` characters.
fn insert_grouping(digits: &str, mut min_width: isize, group: Option<(char, usize)>) -> String {
    let d = digits.as_bytes();
    let mut remaining = d.len() as isize;
    let mut end = d.len();
    let mut parts: Vec<String> = Vec::new();
    let take = |l: isize, remaining: isize, end: &mut usize| {
        let n_zeros = (l - remaining).max(0) as usize;
        let n_chars = remaining.min(l).max(0) as usize;
        let mut part = "0".repeat(n_zeros);
        part.push_str(&digits[*end - n_chars..*end]);
        *end -= n_chars;
        (part, n_chars as isize)
    };
    match group {
        None => {
            let l = remaining.max(min_width).max(1);
            parts.push(take(l, remaining, &mut end).0);
        }
        Some((_, g)) => loop {
            let l = (g as isize).min(remaining.max(min_width).max(1));
            let (part, used) = take(l, remaining, &mut end);
            parts.push(part);
            remaining -= used;
            min_width -= l;
            if remaining <= 0 && min_width <= 0 {
                break;
            }
            min_width -= 1;
        },
    }
    parts.reverse();
    let sep = group.map(|(c, _)| c.to_string()).unwrap_or_default();
    parts.join(&sep)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(n: i64, spec: &str) -> String {
        format_int(&BigInt::from(n), spec, "int", &n.to_string())
            .ok()
            .unwrap()
    }

    #[test]
    fn ints() {
        assert_eq!(int(1234567, ","), "1,234,567");
        assert_eq!(int(-42, "08"), "-0000042");
        assert_eq!(int(1234, "010,"), "00,001,234");
        assert_eq!(int(255, "#x"), "0xff");
        assert_eq!(int(255, "#010_b"), "0b1111_1111");
        assert_eq!(int(42, "^8"), "   42   ");
        assert_eq!(int(42, "+"), "+42");
    }

    #[test]
    fn floats() {
        assert_eq!(
            format_float(1.23456, "10.2f", "float").ok().unwrap(),
            "      1.23"
        );
        assert_eq!(
            format_float(-3.5, "010.2f", "float").ok().unwrap(),
            "-000003.50"
        );
        assert_eq!(format_float(0.25, ".0%", "float").ok().unwrap(), "25%");
        assert_eq!(format_float(1e16, ".3", "float").ok().unwrap(), "1e+16");
        assert_eq!(
            format_float(1234567.891, ",.2f", "float").ok().unwrap(),
            "1,234,567.89"
        );
    }

    #[test]
    fn complexes() {
        assert_eq!(
            format_complex(3.0, 4.0, ".2f", "complex").ok().unwrap(),
            "3.00+4.00j"
        );
        assert_eq!(
            format_complex(1.0, -2.0, ">12", "complex").ok().unwrap(),
            "      (1-2j)"
        );
        assert_eq!(
            format_complex(0.0, 3.0, ">8", "complex").ok().unwrap(),
            "      3j"
        );
    }
}
