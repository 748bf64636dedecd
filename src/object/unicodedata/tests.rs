//! The database against python3.11's `unicodedata`, over every code point
//! in both versions, names and lookups, and normalization of every code
//! point alone and of generated strings of marks, starters and jamo.

use std::collections::HashMap;
use std::io::Write;
use std::process::{Command, Stdio};

use super::*;

/// The stdout of python3.11 running `script`, fed `input`.
fn python(script: &str, input: &str) -> String {
    let mut child = Command::new("python3.11")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3.11 runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("python3.11 output");
    writer.join().expect("writer").expect("write");
    assert!(out.status.success(), "python3.11 failed");
    String::from_utf8(out.stdout).expect("utf-8")
}

const PROPERTIES: &str = r#"
import unicodedata as U
for db in (U, U.ucd_3_2_0):
    out = []
    for cp in range(0x110000):
        c = chr(cp)
        num = db.numeric(c, None)
        out.append(";".join((db.category(c), db.bidirectional(c), str(db.combining(c)),
            db.east_asian_width(c), str(db.mirrored(c)), str(db.decimal(c, "")),
            str(db.digit(c, "")), "" if num is None else repr(num),
            db.decomposition(c), db.name(c, ""))))
    print("\n".join(out))
"#;

fn properties(version: Version, cp: u32) -> String {
    [
        category(version, cp).to_string(),
        bidirectional(version, cp).to_string(),
        combining(version, cp).to_string(),
        east_asian_width(version, cp).to_string(),
        mirrored(version, cp).to_string(),
        decimal(version, cp).map_or(String::new(), |d| d.to_string()),
        digit(cp).map_or(String::new(), |d| d.to_string()),
        numeric(version, cp).map_or(String::new(), |n| crate::object::repr::repr_float(n)),
        decomposition(version, cp),
        name(version, cp).unwrap_or_default(),
    ]
    .join(";")
}

#[test]
fn every_code_point_in_both_versions() {
    let expected = python(PROPERTIES, "");
    let mut lines = expected.lines();
    let mut bad = Vec::new();
    for version in [Version::Current, Version::V3_2_0] {
        for cp in 0..0x110000u32 {
            let want = lines.next().expect("a line per code point");
            let got = properties(version, cp);
            if got != want && bad.len() < 20 {
                bad.push(format!("{version:?} U+{cp:04X}: {got:?} != {want:?}"));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

const NAMES: &str = r#"
import sys, unicodedata as U
for cp in range(0xF0000, 0xF1000):
    s = chr(cp).encode("ascii", "namereplace").decode()
    if s.startswith("\\N{"):
        print(s[3:-1])
print("---")
for line in sys.stdin.read().split("\n"):
    for db in (U, U.ucd_3_2_0):
        try:
            r = db.lookup(line)
            print(" ".join("%X" % ord(c) for c in r))
        except KeyError as e:
            print("KeyError", e.args[0])
"#;

/// Lookups of every name, in every case, and of near misses, in both
/// versions; the aliases and named sequences come first.
#[test]
fn lookups() {
    let mut queries = Vec::new();
    for cp in (0..0x110000).step_by(7).chain(0xAC00..0xD7A4) {
        if let Some(n) = name(Version::Current, cp) {
            queries.push(n.to_lowercase());
            queries.push(n.clone());
            queries.push(format!("{n} "));
        }
    }
    for q in [
        "",
        "CJK UNIFIED IDEOGRAPH-04E00",
        "CJK UNIFIED IDEOGRAPH-4e00",
        "CJK UNIFIED IDEOGRAPH-9FA6",
        "CJK UNIFIED IDEOGRAPH-2A6E0",
        "CJK UNIFIED IDEOGRAPH-",
        "CJK UNIFIED IDEOGRAPH-123456",
        "HANGUL SYLLABLE ",
        "HANGUL SYLLABLE GGG",
        "HANGUL SYLLABLE GAX",
        "hangul syllable GA",
        "HANGUL SYLLABLE A",
        "TANGUT IDEOGRAPH-17000",
        "CJK COMPATIBILITY IDEOGRAPH-f900",
        "LATIN SMALL LETTER A\0",
        "LATIN SMALL LETTER É",
        "NULL",
        "latin capital letter gha",
        "KEYCAP NUMBER SIGN",
    ] {
        queries.push(q.to_string());
    }
    queries.push("X".repeat(257));
    queries.push("X".repeat(256));
    let out = python(NAMES, &queries.join("\n"));
    let (specials, answers) = out.split_once("---\n").expect("separator");
    let specials: Vec<&str> = specials.lines().collect();
    assert!(specials.len() > 900, "{}", specials.len());
    let answers: Vec<&str> = answers.lines().collect();
    let mut bad = Vec::new();
    let mut k = 0;
    for q in &queries {
        for version in [Version::Current, Version::V3_2_0] {
            let got = match lookup(version, q.as_bytes()) {
                Lookup::Char(c) => format!("{:X}", c as u32),
                Lookup::Sequence(s) => s
                    .chars()
                    .map(|c| format!("{:X}", c as u32))
                    .collect::<Vec<_>>()
                    .join(" "),
                Lookup::TooLong => "KeyError name too long".into(),
                Lookup::Undefined => format!(
                    "KeyError undefined character name '{}'",
                    q.split('\0').next().unwrap_or("")
                ),
            };
            let want = answers.get(k).copied().unwrap_or("<missing>");
            k += 1;
            if got != want && bad.len() < 20 {
                bad.push(format!("{version:?} {q:?}: {got} != {want}"));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    for s in specials {
        assert!(
            !matches!(lookup(Version::Current, s.as_bytes()), Lookup::Undefined),
            "{s}"
        );
        assert_eq!(
            lookup(Version::V3_2_0, s.as_bytes()),
            Lookup::Undefined,
            "{s}"
        );
    }
}

const NORMALIZE: &str = r#"
import sys, unicodedata as U
for line in sys.stdin.read().split("\n"):
    s = "".join(chr(int(h, 16)) for h in line.split())
    out = []
    for db in (U, U.ucd_3_2_0):
        for form in ("NFC", "NFKC", "NFD", "NFKD"):
            r = db.normalize(form, s)
            out.append("%s%s" % ("=" if db.is_normalized(form, s) else "",
                                 "." if r == s else " ".join("%X" % ord(c) for c in r)))
    print("|".join(out))
"#;

fn normalization_line(s: &str) -> String {
    let mut out = Vec::new();
    for version in [Version::Current, Version::V3_2_0] {
        for form in [Form::Nfc, Form::Nfkc, Form::Nfd, Form::Nfkd] {
            let r = normalize(version, form, s).unwrap_or_else(|| s.to_string());
            let shown = if r == s {
                ".".to_string()
            } else {
                r.chars()
                    .map(|c| format!("{:X}", c as u32))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let eq = if is_normalized(version, form, s) {
                "="
            } else {
                ""
            };
            out.push(format!("{eq}{shown}"));
        }
    }
    out.join("|")
}

fn check_normalization(strings: &[String]) {
    let input: Vec<String> = strings
        .iter()
        .map(|s| {
            s.chars()
                .map(|c| format!("{:X}", c as u32))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let out = python(NORMALIZE, &input.join("\n"));
    let mut bad = Vec::new();
    for (s, want) in strings.iter().zip(out.lines()) {
        let got = normalization_line(s);
        if got != want && bad.len() < 20 {
            bad.push(format!("{s:?}: {got} != {want}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn every_code_point_alone() {
    let strings: Vec<String> = (0..0x110000u32)
        .filter_map(char::from_u32)
        .filter(|&c| c != '\n' && c != '\r' && !c.is_whitespace())
        .map(String::from)
        .collect();
    check_normalization(&strings);
}

/// Strings of up to six characters drawn from those normalization moves:
/// decomposable characters, marks, the seconds of compositions, jamo.
#[test]
fn generated_strings() {
    let mut pool: Vec<char> = "aAeEoOuUiInNcCsSzZ\u{3b1}\u{3c9}\u{41}".chars().collect();
    for cp in 0..0x110000u32 {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        let interesting = combining(Version::Current, cp) != 0
            || !decomposition(Version::Current, cp).is_empty()
            || (0x1100..0x1200).contains(&cp);
        if interesting && cp % 3 == 0 {
            pool.push(c);
        }
    }
    for &(a, b, _) in tables::decomp::COMPOSITIONS.iter() {
        pool.extend(char::from_u32(a));
        pool.extend(char::from_u32(b));
    }
    let mut seed: u64 = 0x2545F4914F6CDD1D;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut strings = Vec::new();
    for _ in 0..60_000 {
        let len = 1 + next(6);
        strings.push((0..len).map(|_| pool[next(pool.len())]).collect::<String>());
    }
    check_normalization(&strings);
}

#[test]
fn alias_and_sequence_counts() {
    // The names namereplace spells at U+F0000.. in python3.11.
    let mut by_kind: HashMap<bool, usize> = HashMap::new();
    for &(n, _) in tables::names::ALIASES.iter() {
        assert!(matches!(
            lookup(Version::Current, n.as_bytes()),
            Lookup::Char(_)
        ));
        *by_kind.entry(true).or_default() += 1;
    }
    for &(n, s) in tables::names::NAMED_SEQUENCES.iter() {
        assert_eq!(lookup(Version::Current, n.as_bytes()), Lookup::Sequence(s));
        *by_kind.entry(false).or_default() += 1;
    }
    assert_eq!(by_kind[&true], 470);
    assert_eq!(by_kind[&false], 461);
}
