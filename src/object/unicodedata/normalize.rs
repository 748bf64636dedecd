//! Unicode normalization as Modules/unicodedata.c does it: `nfd_nfkd`
//! (decomposition with an explicit stack, Hangul algorithmically, then
//! CPython's canonical reordering), `nfc_nfkc` (composition over the
//! decomposed string, skipping blocked characters) and
//! `is_normalized_quickcheck`. The 3.2.0 view decomposes only what 3.2.0
//! knows, undoes the corrections made since (`normalization_3_2_0`) and
//! never takes the quick check's answer, as CPython.

use super::tables::decomp::COMPOSITIONS;
use super::tables::ucd_3_2_0::NORMALIZATION;
use super::{decomposition_entry, record, sparse, Version};

/// A normalization form (`'NFC'`, `'NFKC'`, `'NFD'`, `'NFKD'`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Nfc,
    Nfkc,
    Nfd,
    Nfkd,
}

impl Form {
    pub fn from_name(name: &str) -> Option<Form> {
        Some(match name {
            "NFC" => Form::Nfc,
            "NFKC" => Form::Nfkc,
            "NFD" => Form::Nfd,
            "NFKD" => Form::Nfkd,
            _ => return None,
        })
    }

    fn composed(self) -> bool {
        matches!(self, Form::Nfc | Form::Nfkc)
    }

    fn compat(self) -> bool {
        matches!(self, Form::Nfkc | Form::Nfkd)
    }
}

const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

fn combining_class(c: char) -> u8 {
    record(c as u32).1
}

fn push_code(out: &mut Vec<char>, cp: u32) {
    if let Some(c) = char::from_u32(cp) {
        out.push(c);
    }
}

/// `nfd_nfkd`: the canonical (or, with `k`, compatibility) decomposition of
/// `input`, canonically ordered.
fn decompose(version: Version, input: &str, k: bool) -> Vec<char> {
    let mut out = Vec::with_capacity(input.len());
    let mut stack: Vec<char> = Vec::new();
    for c in input.chars() {
        stack.push(c);
        while let Some(c) = stack.pop() {
            let code = c as u32;
            if (S_BASE..S_BASE + S_COUNT).contains(&code) {
                let s = code - S_BASE;
                push_code(&mut out, L_BASE + s / N_COUNT);
                push_code(&mut out, V_BASE + (s % N_COUNT) / T_COUNT);
                let t = T_BASE + s % T_COUNT;
                if t != T_BASE {
                    push_code(&mut out, t);
                }
                continue;
            }
            if version == Version::V3_2_0 {
                if let Some(v) = sparse(&NORMALIZATION, code).and_then(char::from_u32) {
                    stack.push(v);
                    continue;
                }
            }
            match decomposition_entry(version, code) {
                Some((prefix, chars)) if prefix == 0 || k => stack.extend(chars.chars().rev()),
                _ => out.push(c),
            }
        }
    }
    canonical_order(&mut out);
    out
}

/// CPython's "Sort canonically" loop in `nfd_nfkd`: each mark moves back
/// past the marks of a higher class before it.
fn canonical_order(s: &mut [char]) {
    if s.is_empty() {
        return;
    }
    let mut prev = combining_class(s[0]);
    for i in 1..s.len() {
        let cur = combining_class(s[i]);
        if prev == 0 || cur == 0 || prev <= cur {
            prev = cur;
            continue;
        }
        let mut o = i - 1;
        loop {
            s.swap(o, o + 1);
            if o == 0 {
                break;
            }
            o -= 1;
            prev = combining_class(s[o]);
            if prev == 0 || prev <= cur {
                break;
            }
        }
        prev = combining_class(s[i]);
    }
}

/// The primary composite of `first` and `second`, if any.
fn compose_pair(first: char, second: char) -> Option<char> {
    let key = (first as u32, second as u32);
    let i = COMPOSITIONS
        .binary_search_by_key(&key, |e| (e.0, e.1))
        .ok()?;
    char::from_u32(COMPOSITIONS[i].2)
}

/// Whether `c` is the first of some composition pair (`nfc_first`).
fn composes_first(c: char) -> bool {
    let cp = c as u32;
    let i = COMPOSITIONS.partition_point(|e| e.0 < cp);
    COMPOSITIONS.get(i).is_some_and(|e| e.0 == cp)
}

/// `nfc_nfkc`: the decomposition of `input`, recomposed.
fn compose(version: Version, input: &str, k: bool) -> Vec<char> {
    let s = decompose(version, input, k);
    let len = s.len();
    let mut out = Vec::with_capacity(len);
    let mut skipped = vec![false; len];
    let mut i = 0;
    while i < len {
        if skipped[i] {
            i += 1;
            continue;
        }
        let code = s[i] as u32;
        // Hangul LV and LVT: the input is decomposed, so no <LV, T> pairs.
        if (L_BASE..L_BASE + L_COUNT).contains(&code)
            && i + 1 < len
            && (V_BASE..V_BASE + V_COUNT).contains(&(s[i + 1] as u32))
        {
            let l = code - L_BASE;
            let v = s[i + 1] as u32 - V_BASE;
            let mut syllable = S_BASE + (l * V_COUNT + v) * T_COUNT;
            i += 2;
            if i < len && T_BASE < s[i] as u32 && (s[i] as u32) < T_BASE + T_COUNT {
                syllable += s[i] as u32 - T_BASE;
                i += 1;
            }
            push_code(&mut out, syllable);
            continue;
        }
        let mut current = s[i];
        if !composes_first(current) {
            out.push(current);
            i += 1;
            continue;
        }
        // Find the next unblocked characters and combine them in turn.
        let mut i1 = i + 1;
        let mut comb = 0u8;
        while i1 < len {
            let code1 = s[i1];
            let comb1 = combining_class(code1);
            if comb != 0 {
                if comb1 == 0 {
                    break;
                }
                if comb >= comb1 {
                    i1 += 1; // blocked
                    continue;
                }
            }
            match compose_pair(current, code1) {
                Some(composite) => {
                    current = composite;
                    skipped[i1] = true;
                    i1 += 1;
                    if !composes_first(current) {
                        break;
                    }
                }
                _ => {
                    if comb1 == 0 {
                        break;
                    }
                    comb = comb1;
                    i1 += 1;
                }
            }
        }
        out.push(current);
        i += 1;
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Quick {
    Yes,
    Maybe,
    No,
}

/// `is_normalized_quickcheck`: YES or NO when the per-character
/// quick-check values decide, MAYBE otherwise (and always for 3.2.0);
/// with `yes_only`, MAYBE as soon as the answer is not YES.
fn quick_check(version: Version, input: &str, form: Form, yes_only: bool) -> Quick {
    if version == Version::V3_2_0 {
        return Quick::Maybe;
    }
    if input.is_ascii() {
        return Quick::Yes;
    }
    let shift = if form.composed() { 4 } else { 0 } + if form.compat() { 2 } else { 0 };
    let mut prev_combining = 0;
    let mut result = Quick::Yes;
    for c in input.chars() {
        let (_, combining, _, _, _, qc) = record(c as u32);
        if combining != 0 && prev_combining > combining {
            return Quick::No;
        }
        prev_combining = combining;
        let q = (qc >> shift) & 3;
        if yes_only {
            if q != 0 {
                return Quick::Maybe;
            }
        } else if q == 2 {
            return Quick::No;
        } else if q == 1 {
            result = Quick::Maybe;
        }
    }
    result
}

fn compute(version: Version, form: Form, input: &str) -> Vec<char> {
    if form.composed() {
        compose(version, input, form.compat())
    } else {
        decompose(version, input, form.compat())
    }
}

/// `unicodedata.normalize(form, input)`: `None` when the quick check says
/// `input` is already in that form (CPython returns it unchanged).
pub fn normalize(version: Version, form: Form, input: &str) -> Option<String> {
    if input.is_empty() || quick_check(version, input, form, true) == Quick::Yes {
        return None;
    }
    Some(compute(version, form, input).into_iter().collect())
}

/// `unicodedata.is_normalized(form, input)`.
pub fn is_normalized(version: Version, form: Form, input: &str) -> bool {
    if input.is_empty() {
        return true;
    }
    match quick_check(version, input, form, false) {
        Quick::Yes => true,
        Quick::No => false,
        Quick::Maybe => compute(version, form, input).into_iter().eq(input.chars()),
    }
}
