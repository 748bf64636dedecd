//! Character names: `unicodedata.name` (`_getucname`) and `lookup`
//! (`_getcode`, `_check_alias_and_seq`). Hangul syllables and CJK unified
//! ideographs are algorithmic, as in CPython, with their case-sensitive
//! lookups; every other name (runs of PREFIX-<hex> names included), the
//! name aliases and the named sequences are found case-insensitively, as
//! CPython's hash of the name database compares them (`_cmpname`).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::tables::names as t;
use super::{unassigned_in_3_2, unknown, Version};

/// `NAME_MAXLEN`: longer names are a KeyError("name too long").
const NAME_MAXLEN: usize = 256;

const S_BASE: u32 = 0xAC00;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const S_COUNT: u32 = 19 * V_COUNT * T_COUNT;

/// The short names of the leading consonants, vowels and trailing
/// consonants (CPython's `hangul_syllables` columns).
const JAMO_L: [&str; 19] = [
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P",
    "H",
];
const JAMO_V: [&str; 21] = [
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE",
    "WI", "YU", "EU", "YI", "I",
];
const JAMO_T: [&str; 28] = [
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M",
    "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H",
];

const UNIFIED_PREFIX: &str = "CJK UNIFIED IDEOGRAPH";

/// `is_unified_ideograph`: the ranges named CJK UNIFIED IDEOGRAPH-<hex>.
fn is_unified_ideograph(cp: u32) -> bool {
    t::RANGE_NAMES
        .iter()
        .any(|&(lo, hi, prefix)| prefix == UNIFIED_PREFIX && (lo..=hi).contains(&cp))
}

fn lexicon() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| t::LEXICON.split(' ').collect())
}

/// The lexicon index a character of `NAMES` stands for.
fn word_index(c: char) -> usize {
    let alphabet = t::NAME_ALPHABET.len();
    let cp = c as usize;
    if c.is_ascii() {
        t::NAME_ALPHABET.find(c).unwrap_or(usize::MAX)
    } else if (0x100..0x300).contains(&cp) {
        alphabet + cp - 0x100
    } else {
        alphabet + 0x200 + cp.wrapping_sub(0x4E00)
    }
}

/// Applies one line of `NAMES` to `words`, the words of the line before.
fn decode_line(line: &str, words: &mut Vec<&'static str>) {
    let mut chars = line.chars();
    let shared = chars
        .next()
        .map_or(0, |c| (c as usize).saturating_sub('0' as usize));
    words.truncate(shared);
    let lexicon = lexicon();
    words.extend(chars.filter_map(|c| lexicon.get(word_index(c)).copied()));
}

/// The name on line `index` of `NAMES`.
fn line_name(index: usize) -> Option<String> {
    let start = *t::NAME_OFFSETS.get(index / t::NAME_BUCKET)? as usize;
    let mut words = Vec::new();
    let lines = t::NAMES.get(start..)?.split('\n');
    for line in lines.take(index % t::NAME_BUCKET + 1) {
        decode_line(line, &mut words);
    }
    Some(words.join(" "))
}

/// The line of `NAMES` naming `cp`, if one does.
fn line_of(cp: u32) -> Option<usize> {
    let runs = &t::NAME_RUNS;
    let i = runs.partition_point(|r| r.0 <= cp).checked_sub(1)?;
    let (start, count, line) = runs[i];
    (cp - start < count).then_some((line + cp - start) as usize)
}

/// `unicodedata.name`: the name of `cp` in `version`, if it has one.
pub fn name(version: Version, cp: u32) -> Option<String> {
    if unknown(version, cp) {
        return None;
    }
    if (S_BASE..S_BASE + S_COUNT).contains(&cp) {
        let s = cp - S_BASE;
        let l = JAMO_L[(s / (V_COUNT * T_COUNT)) as usize];
        let v = JAMO_V[((s % (V_COUNT * T_COUNT)) / T_COUNT) as usize];
        let t = JAMO_T[(s % T_COUNT) as usize];
        return Some(format!("HANGUL SYLLABLE {l}{v}{t}"));
    }
    if let Some(&(_, _, prefix)) = t::RANGE_NAMES
        .iter()
        .find(|&&(lo, hi, _)| (lo..=hi).contains(&cp))
    {
        return Some(format!("{prefix}-{cp:X}"));
    }
    line_name(line_of(cp)?)
}

/// What a name stands for in the name database.
#[derive(Clone, Copy)]
enum Entry {
    Char(u32),
    Alias(u32),
    Sequence(&'static str),
}

/// Every name found case-insensitively, upper-cased: CPython's `code_hash`.
fn database() -> &'static HashMap<Box<[u8]>, Entry> {
    static DB: OnceLock<HashMap<Box<[u8]>, Entry>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = HashMap::new();
        let mut lines = t::NAMES.split('\n');
        let mut words = Vec::new();
        for &(start, count, _) in t::NAME_RUNS.iter() {
            for cp in start..start + count {
                let Some(line) = lines.next() else { break };
                decode_line(line, &mut words);
                db.insert(words.join(" ").into_bytes().into(), Entry::Char(cp));
            }
        }
        for &(lo, hi, prefix) in t::RANGE_NAMES.iter() {
            if prefix != UNIFIED_PREFIX {
                for cp in lo..=hi {
                    let name = format!("{prefix}-{cp:X}");
                    db.insert(name.into_bytes().into(), Entry::Char(cp));
                }
            }
        }
        for &(name, cp) in t::ALIASES.iter() {
            db.insert(name.as_bytes().into(), Entry::Alias(cp));
        }
        for &(name, seq) in t::NAMED_SEQUENCES.iter() {
            db.insert(name.as_bytes().into(), Entry::Sequence(seq));
        }
        db
    })
}

/// What `unicodedata.lookup` finds for a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// A character, or what a name alias stands for.
    Char(char),
    /// A named sequence.
    Sequence(&'static str),
    /// Longer than any name: KeyError("name too long").
    TooLong,
    /// KeyError("undefined character name '...'").
    Undefined,
}

/// `find_syllable`: the longest short name of `column` that `s` starts
/// with (the length matched, 0 if none, and its index).
fn find_syllable(s: &[u8], column: &[&str]) -> (usize, Option<usize>) {
    let mut len: Option<usize> = None;
    let mut pos = None;
    for (i, jamo) in column.iter().enumerate() {
        if len.is_some_and(|l| jamo.len() <= l) {
            continue;
        }
        if s.starts_with(jamo.as_bytes()) {
            len = Some(jamo.len());
            pos = Some(i);
        }
    }
    (len.unwrap_or(0), pos)
}

fn hangul_code(rest: &[u8]) -> Option<u32> {
    let (len_l, l) = find_syllable(rest, &JAMO_L);
    let rest = &rest[len_l..];
    let (len_v, v) = find_syllable(rest, &JAMO_V);
    let rest = &rest[len_v..];
    let (len_t, t) = find_syllable(rest, &JAMO_T);
    if len_t != rest.len() {
        return None;
    }
    let (l, v, t) = (l? as u32, v? as u32, t? as u32);
    Some(S_BASE + (l * V_COUNT + v) * T_COUNT + t)
}

fn unified_code(hex: &[u8]) -> Option<u32> {
    if hex.len() != 4 && hex.len() != 5 {
        return None;
    }
    let mut v = 0u32;
    for &b in hex {
        v = v * 16
            + match b {
                b'0'..=b'9' => (b - b'0') as u32,
                b'A'..=b'F' => (b - b'A' + 10) as u32,
                _ => return None,
            };
    }
    is_unified_ideograph(v).then_some(v)
}

/// `unicodedata.lookup(name)` in `version` (the name as UTF-8 bytes).
pub fn lookup(version: Version, name: &[u8]) -> Lookup {
    if name.len() > NAME_MAXLEN {
        return Lookup::TooLong;
    }
    let code = if let Some(rest) = name.strip_prefix(b"HANGUL SYLLABLE ") {
        hangul_code(rest)
    } else if let Some(hex) = name.strip_prefix(b"CJK UNIFIED IDEOGRAPH-") {
        unified_code(hex)
    } else {
        let upper = name.to_ascii_uppercase();
        match database().get(upper.as_slice()) {
            // 3.2.0 has no aliases or named sequences.
            Some(Entry::Alias(cp)) if version == Version::Current => Some(*cp),
            Some(Entry::Sequence(s)) if version == Version::Current => return Lookup::Sequence(s),
            Some(Entry::Char(cp)) if !(version == Version::V3_2_0 && unassigned_in_3_2(*cp)) => {
                Some(*cp)
            }
            _ => None,
        }
    };
    match code.and_then(char::from_u32) {
        Some(c) => Lookup::Char(c),
        None => Lookup::Undefined,
    }
}

/// The name `namereplace` spells for `cp` (`getname` with
/// `with_alias_and_seq`): as `name` in the current version, and, as in
/// CPython, the alias or named sequence its name database keeps at a code
/// point of Plane 15 for that code point.
pub fn name_with_aliases(cp: u32) -> Option<String> {
    let alias = cp.wrapping_sub(t::ALIASES_START) as usize;
    if let Some((n, _)) = t::ALIASES.get(alias) {
        return Some(n.to_string());
    }
    let sequence = cp.wrapping_sub(t::NAMED_SEQUENCES_START) as usize;
    if let Some((n, _)) = t::NAMED_SEQUENCES.get(sequence) {
        return Some(n.to_string());
    }
    name(Version::Current, cp)
}

/// The character `\N{name}` stands for in a string escape (`getcode`
/// without named sequences): aliases count, sequences do not.
pub fn escape_code(name: &[u8]) -> Option<char> {
    match lookup(Version::Current, name) {
        Lookup::Char(c) => Some(c),
        _ => None,
    }
}
