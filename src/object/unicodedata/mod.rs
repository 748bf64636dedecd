//! The Unicode character database of CPython 3.11 (Modules/unicodedata.c):
//! the properties of every code point for Unicode 14.0.0 and for the 3.2.0
//! view CPython keeps for IDNA (`unicodedata.ucd_3_2_0`), names
//! (`names`) and normalization (`normalize`). The tables in `tables/` are
//! generated from python3.11's own module by scripts/gen_unicodedata.py.
//! Plain Rust over code points: the Python module is
//! `builtins::modules::unicodedata`.

mod names;
mod normalize;
#[allow(clippy::all, clippy::pedantic)]
#[rustfmt::skip]
mod tables;

pub use names::{escape_code, lookup, name, name_with_aliases, Lookup};
pub use normalize::{is_normalized, normalize, Form};

use tables::records as r;
use tables::ucd_3_2_0 as old;

/// Which version of the database answers: CPython's module functions
/// answer from the current one, `ucd_3_2_0`'s methods from 3.2.0, which
/// CPython derives from the current tables and its stored differences
/// (`get_old_record`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    Current,
    V3_2_0,
}

impl Version {
    /// `unidata_version`.
    pub fn unidata_version(self) -> &'static str {
        match self {
            Version::Current => "14.0.0",
            Version::V3_2_0 => "3.2.0",
        }
    }
}

/// `_PyUnicode_DatabaseRecord` of `cp`: (category, combining,
/// bidirectional, mirrored, east_asian_width, quick check bits).
fn record(cp: u32) -> (u8, u8, u8, u8, u8, u8) {
    let cp = cp.min(0x10FFFF);
    let shift = r::RECORD_SHIFT;
    let block = r::RECORD_INDEX1[(cp >> shift) as usize] as usize;
    let i = r::RECORD_INDEX2[(block << shift) + (cp & ((1 << shift) - 1)) as usize];
    r::RECORDS[i as usize]
}

/// The value `table` (sorted by code point) has for `cp`.
fn sparse<T: Copy>(table: &[(u32, T)], cp: u32) -> Option<T> {
    table
        .binary_search_by_key(&cp, |e| e.0)
        .ok()
        .map(|i| table[i].1)
}

/// Whether `cp` was unassigned in Unicode 3.2.0 but is assigned now:
/// CPython's `old->category_changed == 0`, where the 3.2.0 view answers
/// the defaults.
fn unassigned_in_3_2(cp: u32) -> bool {
    super::chars::range_index(&old::UNASSIGNED, cp).is_some()
}

/// Whether `version` does not know `cp` although the current one does.
fn unknown(version: Version, cp: u32) -> bool {
    version == Version::V3_2_0 && unassigned_in_3_2(cp)
}

pub fn category(version: Version, cp: u32) -> &'static str {
    let mut index = record(cp).0;
    if version == Version::V3_2_0 {
        if unassigned_in_3_2(cp) {
            return "Cn";
        }
        index = sparse(&old::CATEGORY, cp).unwrap_or(index);
    }
    r::CATEGORY_NAMES[index as usize]
}

pub fn bidirectional(version: Version, cp: u32) -> &'static str {
    let mut index = record(cp).2;
    if version == Version::V3_2_0 {
        if unassigned_in_3_2(cp) {
            return "";
        }
        index = sparse(&old::BIDIRECTIONAL, cp).unwrap_or(index);
    }
    r::BIDIRECTIONAL_NAMES[index as usize]
}

/// The canonical combining class (the same in both versions for the code
/// points 3.2.0 knows).
pub fn combining(version: Version, cp: u32) -> u8 {
    if unknown(version, cp) {
        return 0;
    }
    record(cp).1
}

pub fn mirrored(version: Version, cp: u32) -> u8 {
    if version == Version::V3_2_0 {
        if unassigned_in_3_2(cp) {
            return 0;
        }
        if let Some(m) = sparse(&old::MIRRORED, cp) {
            return m;
        }
    }
    record(cp).3
}

pub fn east_asian_width(version: Version, cp: u32) -> &'static str {
    let mut index = record(cp).4;
    if version == Version::V3_2_0 {
        if unassigned_in_3_2(cp) {
            index = 0;
        } else {
            index = sparse(&old::EAST_ASIAN_WIDTH, cp).unwrap_or(index);
        }
    }
    r::EAST_ASIAN_WIDTH_NAMES[index as usize]
}

/// Whether `cp` is East Asian Wide or Fullwidth (`east_asian_width` in
/// "WF"): two columns, as traceback.py's `_display_width` counts.
pub fn is_wide(cp: u32) -> bool {
    matches!(east_asian_width(Version::Current, cp), "W" | "F")
}

/// (decimal or -1, digit or -1, numeric value) of `cp` in the current
/// version, if it has a numeric value.
fn numeric_entry(cp: u32) -> Option<(i8, i8, f64)> {
    let table = &tables::numeric::NUMERIC;
    let i = table.binary_search_by_key(&cp, |e| e.0).ok()?;
    let (_, decimal, digit, value) = table[i];
    Some((
        decimal,
        digit,
        tables::numeric::NUMERIC_VALUES[value as usize],
    ))
}

/// `unicodedata.decimal` (`_PyUnicode_ToDecimalDigit`; what `str.isdecimal`
/// tests).
pub fn decimal(version: Version, cp: u32) -> Option<u32> {
    let value = if version == Version::V3_2_0 && unassigned_in_3_2(cp) {
        -1
    } else if let Some(d) = (version == Version::V3_2_0)
        .then(|| sparse(&old::DECIMAL, cp))
        .flatten()
    {
        d
    } else {
        numeric_entry(cp).map_or(-1, |e| e.0)
    };
    u32::try_from(value).ok()
}

/// `unicodedata.digit` (`_PyUnicode_ToDigit`, which CPython answers from
/// the current database for 3.2.0 too).
pub fn digit(cp: u32) -> Option<u32> {
    numeric_entry(cp).and_then(|e| u32::try_from(e.1).ok())
}

/// `unicodedata.numeric` (`_PyUnicode_ToNumeric`).
pub fn numeric(version: Version, cp: u32) -> Option<f64> {
    if version == Version::V3_2_0 {
        if unassigned_in_3_2(cp) {
            return None;
        }
        if let Some(v) = sparse(&old::NUMERIC, cp) {
            return (v != -1.0).then_some(v);
        }
    }
    numeric_entry(cp).map(|e| e.2)
}

/// The decomposition mapping of `cp`: the index of its prefix tag in
/// `DECOMP_PREFIXES` (0: canonical) and the characters, if it has one.
fn decomposition_entry(version: Version, cp: u32) -> Option<(u8, &'static str)> {
    if unknown(version, cp) {
        return None;
    }
    let table = &tables::decomp::DECOMPOSITIONS;
    let i = table.binary_search_by_key(&cp, |e| e.0).ok()?;
    Some((table[i].1, table[i].2))
}

/// `unicodedata.decomposition`: the tag and the code points in hex, as
/// UnicodeData.txt spells them (`'<compat> 0020 0308'`), or "".
pub fn decomposition(version: Version, cp: u32) -> String {
    let Some((prefix, chars)) = decomposition_entry(version, cp) else {
        return String::new();
    };
    let mut out = String::from(tables::decomp::DECOMP_PREFIXES[prefix as usize]);
    for c in chars.chars() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&format!("{:04X}", c as u32));
    }
    out
}

#[cfg(test)]
mod tests;
