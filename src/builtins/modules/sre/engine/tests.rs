//! Tests of the `_sre` engine against CPython 3.11: `tests/data/sre_cases.json`
//! (written by `scripts/gen_sre_cases.py`) records, for a few hundred
//! patterns, the code `re._compiler` emits and what `match`, `search`,
//! `fullmatch` and `finditer` return on several subjects and pos/endpos.
//! Also: long subjects (no stack overflow), interruption, the validator on
//! truncated code, and random code that must never make the matcher panic.

use super::*;
use serde_json::Value;

fn load() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sre_cases.json");
    let text = std::fs::read_to_string(path).expect("tests/data/sre_cases.json");
    serde_json::from_str(&text).expect("valid JSON")
}

fn u32s(v: &Value) -> Vec<u32> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x.as_u64().expect("int") as u32)
        .collect()
}

/// A `Found` in the JSON form `[start, end, [[s, e] | null, ...], lastindex]`.
fn to_json(f: &Option<Found>) -> Value {
    match f {
        None => Value::Null,
        Some(f) => serde_json::json!([
            f.start,
            f.end,
            f.groups
                .iter()
                .map(|g| match g {
                    Some((a, b)) => serde_json::json!([a, b]),
                    None => Value::Null,
                })
                .collect::<Vec<_>>(),
            f.lastindex
        ]),
    }
}

/// An engine error in the JSON form: CPython raises SystemError for a
/// wrong group span.
fn error_json(e: &SreError) -> Value {
    match e {
        SreError::Runtime(m) if m.starts_with("The span") => Value::String("SystemError".into()),
        e => Value::String(format!("{e:?}")),
    }
}

fn never() -> impl FnMut() -> bool {
    || false
}

/// What `finditer` yields: successive searches, each starting where the
/// last match ended and not allowed to be empty there if it was empty.
fn finditer<S: Subject + ?Sized>(
    code: &[u32],
    ngroups: usize,
    s: &S,
    pos: usize,
    endpos: usize,
) -> Value {
    let mut out = Vec::new();
    let mut start = pos.min(s.len());
    let mut must_advance = false;
    loop {
        let req = Request {
            code,
            pos: start,
            endpos,
            match_all: false,
            must_advance,
            ngroups,
        };
        match sre_search(&req, s, &mut never()).map_err(|e| error_json(&e)) {
            Err(e) => return e,
            Ok(None) => break,
            Ok(Some(f)) => {
                must_advance = f.end == f.start;
                start = f.end;
                out.push(to_json(&Some(f)));
            }
        }
        if out.len() > 10_000 {
            panic!("finditer does not end");
        }
    }
    Value::Array(out)
}

fn check_run<S: Subject + ?Sized>(
    name: &str,
    code: &[u32],
    ngroups: usize,
    s: &S,
    run: &Value,
    failures: &mut Vec<String>,
) {
    let pos = run["pos"].as_u64().unwrap() as usize;
    let endpos = run["endpos"].as_u64().unwrap() as usize;
    for (what, match_all) in [("match", false), ("fullmatch", true), ("search", false)] {
        let req = Request {
            code,
            pos,
            endpos,
            match_all,
            must_advance: false,
            ngroups,
        };
        let got = if what == "search" {
            sre_search(&req, s, &mut never())
        } else {
            sre_match(&req, s, &mut never())
        };
        let got = match got {
            Ok(f) => to_json(&f),
            Err(e) => error_json(&e),
        };
        if got != run[what] {
            failures.push(format!(
                "{name} {what} subject={} pos={pos} endpos={endpos}: got {got}, want {}",
                run["subject"], run[what]
            ));
        }
    }
    let got = finditer(code, ngroups, s, pos, endpos);
    if got != run["finditer"] {
        failures.push(format!(
            "{name} finditer subject={} pos={pos} endpos={endpos}: got {got}, want {}",
            run["subject"], run["finditer"]
        ));
    }
}

#[test]
fn sre_cases_agree_with_cpython() {
    let data = load();
    assert_eq!(data["magic"].as_u64(), Some(MAGIC as u64));
    let mut failures = Vec::new();
    let mut runs = 0;
    for case in data["cases"].as_array().unwrap() {
        let code = u32s(&case["code"]);
        let ngroups = case["groups"].as_u64().unwrap() as usize;
        let name = format!("{} flags={}", case["pattern"], case["flags"]);
        if !validate(&code, ngroups) {
            failures.push(format!("{name}: validate() rejects the code"));
        }
        for run in case["runs"].as_array().unwrap() {
            runs += 1;
            let wide = u32s(&run["subject"]);
            check_run(&name, &code, ngroups, wide.as_slice(), run, &mut failures);
            if wide.iter().all(|&c| c < 128) || case["bytes"] == Value::Bool(true) {
                let narrow: Vec<u8> = wide.iter().map(|&c| c as u8).collect();
                check_run(&name, &code, ngroups, narrow.as_slice(), run, &mut failures);
            }
        }
    }
    assert!(runs > 1000);
    if !failures.is_empty() {
        for f in failures.iter().take(40) {
            eprintln!("{f}");
        }
        panic!("{} mismatches", failures.len());
    }
}

#[test]
fn sre_long_subjects_do_not_overflow_the_stack() {
    let data = load();
    for case in data["stress"].as_array().unwrap() {
        let code = u32s(&case["code"]);
        let ngroups = case["groups"].as_u64().unwrap() as usize;
        assert!(validate(&code, ngroups));
        let unit = u32s(&case["unit"]);
        let mut subject: Vec<u32> = Vec::new();
        for _ in 0..case["count"].as_u64().unwrap() {
            subject.extend_from_slice(&unit);
        }
        subject.extend(u32s(&case["tail"]));
        let narrow: Vec<u8> = subject.iter().map(|&c| c as u8).collect();
        let req = Request {
            code: &code,
            pos: 0,
            endpos: subject.len(),
            match_all: false,
            must_advance: false,
            ngroups,
        };
        let got = to_json(&sre_match(&req, narrow.as_slice(), &mut never()).unwrap());
        assert_eq!(got, case["match"], "match {}", case["pattern"]);
        let got = to_json(&sre_search(&req, subject.as_slice(), &mut never()).unwrap());
        assert_eq!(got, case["search"], "search {}", case["pattern"]);
    }
}

#[test]
fn sre_interrupt_stops_a_runaway_match() {
    let data = load();
    let case = data["stress"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["pattern"] == "(?:a*)*b")
        .unwrap();
    let code = u32s(&case["code"]);
    // no 'b': catastrophic backtracking
    let subject = vec![b'a'; 100_000];
    let req = Request {
        code: &code,
        pos: 0,
        endpos: subject.len(),
        match_all: false,
        must_advance: false,
        ngroups: 0,
    };
    let mut calls = 0;
    let mut interrupt = || {
        calls += 1;
        calls >= 50
    };
    let got = sre_search(&req, subject.as_slice(), &mut interrupt);
    assert_eq!(got, Err(SreError::Interrupted));
    assert_eq!(calls, 50);
}

#[test]
fn sre_validate_rejects_truncated_and_garbage_code() {
    let data = load();
    for case in data["cases"].as_array().unwrap() {
        let code = u32s(&case["code"]);
        let ngroups = case["groups"].as_u64().unwrap() as usize;
        assert!(validate(&code, ngroups));
        for k in 0..code.len() {
            assert!(
                !validate(&code[..k], ngroups),
                "{} truncated to {k}",
                case["pattern"]
            );
        }
        if case["pattern"].as_str().unwrap().contains("\\\\1") {
            // a backreference to a group that does not exist
            assert!(!validate(&code, 0), "{}", case["pattern"]);
        }
    }
    assert!(!validate(&[], 0));
    assert!(!validate(&[op::SUCCESS], MAXGROUPS + 1));
    assert!(validate(&[op::SUCCESS], 0));
    assert!(!validate(&[99, op::SUCCESS], 0));
    assert!(!validate(&[op::MARK, 2, op::SUCCESS], 0));
    assert!(!validate(&[op::GROUPREF, 0, op::SUCCESS], 0));
    assert!(!validate(&[op::IN, 100, op::SUCCESS], 0));
    assert!(!validate(&[op::AT, 12, op::SUCCESS], 0));
}

/// A small deterministic PRNG (xorshift64*).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn random_word(rng: &mut Rng) -> u32 {
    match rng.below(10) {
        0 => rng.next() as u32,
        1 => u32::MAX - rng.below(3) as u32,
        2..=5 => rng.below(8) as u32,
        _ => rng.below(45) as u32,
    }
}

fn run_everything(code: &[u32], ngroups: usize, subjects: &[Vec<u32>]) {
    let _ = validate(code, ngroups);
    for s in subjects {
        let narrow: Vec<u8> = s.iter().map(|&c| c as u8).collect();
        for (pos, endpos) in [(0, s.len()), (1, s.len()), (2, 1)] {
            for match_all in [false, true] {
                let req = Request {
                    code,
                    pos: pos.min(s.len()),
                    endpos: endpos.min(s.len()),
                    match_all,
                    must_advance: match_all,
                    ngroups,
                };
                let mut calls = 0;
                // stop runaway loops at the first check (4096 steps)
                let mut interrupt = || {
                    calls += 1;
                    true
                };
                let _ = sre_match(&req, s.as_slice(), &mut interrupt);
                let _ = sre_search(&req, s.as_slice(), &mut interrupt);
                let _ = sre_match(&req, narrow.as_slice(), &mut interrupt);
                let _ = sre_search(&req, narrow.as_slice(), &mut interrupt);
            }
        }
    }
}

#[test]
fn sre_random_code_never_panics() {
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let subjects: Vec<Vec<u32>> = vec![
        vec![],
        "abcab".chars().map(|c| c as u32).collect(),
        vec![
            b'a' as u32,
            0x130,
            0xD800,
            b'\n' as u32,
            0x10FFFF,
            b'_' as u32,
        ],
    ];
    // pure garbage
    for _ in 0..2000 {
        let len = rng.below(24) as usize;
        let code: Vec<u32> = (0..len).map(|_| random_word(&mut rng)).collect();
        let ngroups = rng.below(4) as usize;
        run_everything(&code, ngroups, &subjects);
    }
    // valid code with a few words changed
    let data = load();
    let cases = data["cases"].as_array().unwrap();
    for _ in 0..2000 {
        let case = &cases[rng.below(cases.len() as u64) as usize];
        let mut code = u32s(&case["code"]);
        let ngroups = case["groups"].as_u64().unwrap() as usize;
        for _ in 0..1 + rng.below(3) {
            let i = rng.below(code.len() as u64) as usize;
            code[i] = random_word(&mut rng);
        }
        run_everything(&code, ngroups, &subjects);
    }
}

#[test]
fn sre_module_helpers() {
    assert_eq!(getcodesize(), 4);
    assert!(ascii_iscased('a' as u32) && !ascii_iscased('1' as u32) && !ascii_iscased(0xE9));
    assert!(unicode_iscased(0xE9) && !unicode_iscased('1' as u32) && !unicode_iscased(0xD800));
    assert_eq!(ascii_tolower('A' as u32), 'a' as u32);
    assert_eq!(ascii_tolower(0xC9), 0xC9);
    assert_eq!(unicode_tolower(0xC9), 0xE9);
    assert_eq!(unicode_tolower(0x130), 'i' as u32);
    assert_eq!(unicode_tolower(0x212A), 'k' as u32);
    assert_eq!(upper_unicode(0xDF), 'S' as u32);
    assert_eq!(lower_locale(0xC9), 0xC9);
    assert_eq!(MAXREPEAT, 4294967295);
    assert_eq!(MAXGROUPS, 1073741823);
}
