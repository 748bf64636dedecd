//! Character classes of CPython 3.11's str methods (`Py_UNICODE_ISALPHA`,
//! `ISDECIMAL`, `ISDIGIT`, `ISNUMERIC`, `ISSPACE`, `ISUPPER`, `ISLOWER`,
//! `ISTITLE`, XID_Start/XID_Continue) and full case folding, over the
//! generated tables in `unicode_props` (Rust's `char` predicates use other
//! Unicode properties: `'Ⅷ'.is_alphabetic()` and `.is_uppercase()` are true,
//! Python's `isalpha()` and `isupper()` are not).

use super::unicode_props as t;

/// The index of the range in `ranges` (sorted, disjoint, inclusive) that
/// holds `cp`: the lookup every generated Unicode table is read with.
pub(crate) fn range_index(ranges: &[(u32, u32)], cp: u32) -> Option<usize> {
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .ok()
}

fn in_ranges(ranges: &[(u32, u32)], c: char) -> bool {
    range_index(ranges, c as u32).is_some()
}

pub fn is_alpha(c: char) -> bool {
    in_ranges(&t::ALPHA, c)
}
pub fn is_decimal(c: char) -> bool {
    in_ranges(&t::DECIMAL, c)
}
/// The value of a decimal digit (`int('٣') == 3`): Unicode's decimal
/// digits come in runs of ten starting at zero.
pub fn decimal_value(c: char) -> Option<u32> {
    let cp = c as u32;
    let i = range_index(&t::DECIMAL, cp)?;
    Some((cp - t::DECIMAL[i].0) % 10)
}
pub fn is_digit(c: char) -> bool {
    in_ranges(&t::DIGIT, c)
}
pub fn is_numeric(c: char) -> bool {
    in_ranges(&t::NUMERIC, c)
}
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}
/// `Py_UNICODE_ISSPACE`: what `str.split()` and `str.strip()` split on.
pub fn is_space(c: char) -> bool {
    in_ranges(&t::SPACE, c)
}
/// East Asian Wide or Fullwidth (`unicodedata.east_asian_width(c) in "WF"`):
/// two columns wide, as traceback.py's `_display_width` counts.
pub fn is_wide(c: char) -> bool {
    in_ranges(&t::WIDE, c)
}
pub fn is_upper(c: char) -> bool {
    in_ranges(&t::UPPER, c)
}
pub fn is_lower(c: char) -> bool {
    in_ranges(&t::LOWER, c)
}
pub fn is_title(c: char) -> bool {
    in_ranges(&t::TITLE, c)
}
/// Upper, lower or titlecase (what `title()` and `istitle()` call cased).
pub fn is_cased(c: char) -> bool {
    is_upper(c) || is_lower(c) || is_title(c)
}
pub fn is_xid_start(c: char) -> bool {
    in_ranges(&t::XID_START, c)
}
pub fn is_xid_continue(c: char) -> bool {
    in_ranges(&t::XID_CONTINUE, c)
}

/// `str.casefold()`: full case folding.
pub fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match t::CASEFOLD.binary_search_by_key(&(c as u32), |&(cp, _)| cp) {
            Ok(i) => out.push_str(t::CASEFOLD[i].1),
            Err(_) => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The titlecase of one character (`_PyUnicode_ToTitleFull`).
pub fn push_title(out: &mut String, c: char) {
    match t::TITLECASE.binary_search_by_key(&(c as u32), |&(cp, _)| cp) {
        Ok(i) => out.push_str(t::TITLECASE[i].1),
        Err(_) => out.extend(c.to_uppercase()),
    }
}

/// `str.isidentifier()`.
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || is_xid_start(c) => chars.all(is_xid_continue),
        _ => false,
    }
}

/// `str.istitle()` (unicodeobject.c `unicode_istitle_impl`).
pub fn is_titlecased(s: &str) -> bool {
    let mut cased = false;
    let mut previous_cased = false;
    for c in s.chars() {
        if is_upper(c) || is_title(c) {
            if previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else if is_lower(c) {
            if !previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else {
            previous_cased = false;
        }
    }
    cased
}

/// `str.isupper()` / `str.islower()`: no cased character of the other
/// kind (nor titlecase), and at least one of this kind.
pub fn all_cased(s: &str, upper: bool) -> bool {
    let mut cased = false;
    for c in s.chars() {
        let (this, other) = if upper {
            (is_upper(c), is_lower(c))
        } else {
            (is_lower(c), is_upper(c))
        };
        if other || is_title(c) {
            return false;
        }
        cased |= this;
    }
    cased
}

/// `unicodedata.east_asian_width(c)`: `F`, `H`, `W`, `Na`, `A` or `N`.
pub fn east_asian_width(c: char) -> &'static str {
    let cp = c as u32;
    let runs = &t::EAST_ASIAN_WIDTH;
    match runs.binary_search_by(|&(lo, hi, _)| {
        if hi < cp {
            std::cmp::Ordering::Less
        } else if lo > cp {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }) {
        Ok(i) => runs[i].2,
        Err(_) => "N",
    }
}
