//! `py2vm trace`: the record format against a checked-in file, and the
//! executed instructions against CPython 3.11's own (`sys.settrace` with
//! `f_trace_opcodes`, scripts/cpython_trace.py).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

fn trace(program: &Path, extra: &[&str]) -> (String, String) {
    let dir = program.parent().unwrap();
    let name = program.file_name().unwrap().to_str().unwrap();
    let mut args = vec![
        "trace",
        "--python",
        python().to_str().unwrap(),
        "--no-cache",
    ];
    args.extend_from_slice(extra);
    args.push(name);
    let out = py2vm(&args, dir);
    (
        String::from_utf8(out.stdout).expect("utf-8 trace"),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn trace_of_a_small_program_matches_the_checked_in_file() {
    let program = repo_root().join("testdata/debugger/yield_chain.py");
    let (records, program_output) = trace(&program, &["--stack"]);
    let dir = program.parent().unwrap().display().to_string();
    let records = records.replace(&dir, "<dir>");
    let expected_path = repo_root().join("testdata/debugger/yield_chain.trace.jsonl");
    let expected = std::fs::read_to_string(&expected_path).unwrap();
    assert!(
        records == expected,
        "trace differs from {}",
        expected_path.display()
    );
    // The program's own output goes to stderr, apart from the records.
    assert_eq!(program_output, "1\n6\ntotal 70\n70\n");
    for line in records.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("one JSON object per line");
        assert!(v.get("index").is_some());
    }
}

#[test]
fn filters_and_limit() {
    let program = repo_root().join("testdata/debugger/yield_chain.py");
    let (records, _) = trace(&program, &["--filter", "YIELD_VALUE", "--filter", "inner"]);
    for line in records.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(
            v["opname"] == "YIELD_VALUE" || v["function"] == "inner",
            "{line}"
        );
    }
    assert!(records
        .lines()
        .any(|l| l.contains("\"function\":\"middle\"")));
    let (records, err) = trace(&program, &["--limit", "5"]);
    assert_eq!(records.lines().count(), 5);
    assert!(err.contains("after 5 instructions"), "{err}");
}

/// One executed instruction: (qualname, offset, opname).
type Executed = (String, u64, String);

/// py2vm's trace as CPython's `opcode` events would show it. CPython emits
/// no event for RESUME, nor for the prologue that runs before a frame's
/// `call` event (MAKE_CELL, COPY_FREE_VARS, RETURN_GENERATOR, and the POP_TOP
/// a generator's first resumption runs before its RESUME); and EXTENDED_ARG
/// dispatches the instruction it extends without a trace event of its own
/// (ceval.c's `TARGET(EXTENDED_ARG)` jumps straight to the next opcode).
fn ours_as_cpython_sees_it(records: &str) -> Vec<Executed> {
    let parsed: Vec<serde_json::Value> = records
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .filter(|v: &serde_json::Value| v.get("opname").is_some())
        .collect();
    let mut out = Vec::new();
    for (i, v) in parsed.iter().enumerate() {
        let op = v["opname"].as_str().unwrap();
        let prologue = matches!(
            op,
            "RESUME" | "MAKE_CELL" | "COPY_FREE_VARS" | "RETURN_GENERATOR"
        );
        let before_resume = op == "POP_TOP"
            && parsed.get(i + 1).is_some_and(|n| {
                n["opname"] == "RESUME" && n["arg"] == 0 && n["depth"] == v["depth"]
            });
        let extended = i > 0
            && parsed[i - 1]["opname"] == "EXTENDED_ARG"
            && parsed[i - 1]["depth"] == v["depth"];
        if prologue || before_resume || extended {
            continue;
        }
        out.push((
            v["function"].as_str().unwrap().to_string(),
            v["offset"].as_u64().unwrap(),
            op.to_string(),
        ));
    }
    out
}

fn cpython_executed(program: &Path) -> Vec<Executed> {
    let out = Command::new(python())
        .arg(repo_root().join("scripts/cpython_trace.py"))
        .arg(program)
        .env("PYTHONHASHSEED", hash_seed())
        .output()
        .expect("python3.11 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["function"].as_str().unwrap().to_string(),
                v["offset"].as_u64().unwrap(),
                v["opname"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Programs (not the modules they import, see `common::test_programs`) that
/// pass `run` conformance and import nothing: their instruction streams must
/// be CPython's exactly.
fn builtin_only_programs() -> Vec<PathBuf> {
    let root = repo_root().join("testdata");
    let known_failing = std::fs::read_to_string(root.join("KNOWN_FAILING")).unwrap_or_default();
    test_programs(&root)
        .into_iter()
        .filter(|p| {
            let rel = p.strip_prefix(&root).unwrap().display().to_string();
            let text = std::fs::read_to_string(p).unwrap_or_default();
            !known_failing.lines().any(|l| l.trim() == rel)
                && !text.contains("import ")
                && !text.contains("input(")
                // Code run by exec/eval has another file name, which the
                // CPython side (tracing only the program's file) leaves out.
                && !text.contains("exec(")
                && !text.contains("eval(")
                // Under settrace CPython's own trace function uses up
                // recursion depth, so it fails at another depth.
                && !text.contains("RecursionError")
        })
        .collect()
}

/// `testdata/TRACE_DIVERGES`: programs known to execute differently (a
/// ratchet like KNOWN_FAILING: listed ones must still differ).
fn known_divergent() -> Vec<String> {
    std::fs::read_to_string(repo_root().join("testdata/TRACE_DIVERGES"))
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

#[test]
fn executed_instructions_equal_cpythons_on_builtin_only_programs() {
    let programs = builtin_only_programs();
    let divergent = known_divergent();
    let root = repo_root().join("testdata");
    assert!(programs.len() >= 20, "only {} programs", programs.len());
    let chunks: Vec<&[PathBuf]> = programs.chunks(programs.len().div_ceil(2)).collect();
    let failures: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|chunk| {
                let (root, divergent) = (&root, &divergent);
                s.spawn(move || {
                    let mut failures = Vec::new();
                    for p in chunk.iter() {
                        let (records, _) = trace(p, &[]);
                        let ours = ours_as_cpython_sees_it(&records);
                        let theirs = cpython_executed(p);
                        let rel = p.strip_prefix(root).unwrap().display().to_string();
                        let listed = divergent.contains(&rel);
                        if ours == theirs && listed {
                            failures.push(format!(
                                "{rel} now executes like CPython: remove it from testdata/TRACE_DIVERGES"
                            ));
                        }
                        if ours != theirs && !listed {
                            let at = ours.iter().zip(&theirs).position(|(a, b)| a != b);
                            failures.push(format!(
                                "{}: {} instructions vs CPython's {}; first difference at {:?}: ours {:?}, CPython {:?}",
                                p.display(),
                                ours.len(),
                                theirs.len(),
                                at,
                                at.and_then(|i| ours.get(i)),
                                at.and_then(|i| theirs.get(i)),
                            ));
                        }
                    }
                    failures
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
