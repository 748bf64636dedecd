//! The ratchet on CPython's own test suite: for each module listed in
//! tests/cpython/CI (a representative subset that runs in CI),
//! `scripts/cpython_suite.py` runs the module's test cases under py2vm,
//! and every case tests/cpython/<module>.passing names must still pass.
//! The lists only grow: `scripts/cpython_ratchet.sh` records the cases
//! that pass under both python3.11 and py2vm, and refuses to drop one.
//! Cases that hang or take minutes are listed in
//! tests/cpython/<module>.exclude and never run.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// A module's run may not take longer than this (the whole of it).
const TIMEOUT: Duration = Duration::from_secs(600);

fn ids(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Runs `module`'s cases under py2vm: test id -> outcome.
fn run_module(module: &str) -> (BTreeMap<String, String>, String) {
    let root = repo_root();
    let dir = scratch_dir(&format!("cpython-{module}"));
    let script = root.join("scripts/cpython_suite.py");
    let exclude = root.join(format!("tests/cpython/{module}.exclude"));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_py2vm"));
    cmd.arg("run").arg(&script).arg("--").arg(module);
    if exclude.exists() {
        cmd.arg("--exclude").arg(&exclude);
    }
    let mut child = cmd
        .current_dir(&dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("py2vm runs");
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || std::io::read_to_string(stdout).unwrap_or_default());
    let err = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap_or_default());
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.wait();
    let stdout = out.join().unwrap();
    let stderr = err.join().unwrap();
    let mut outcomes = BTreeMap::new();
    for line in stdout.lines() {
        if let Some((outcome, id)) = line.split_once(' ') {
            outcomes.insert(id.to_string(), outcome.to_string());
        }
    }
    (outcomes, stderr)
}

#[test]
fn listed_cases_still_pass() {
    let root = repo_root();
    let modules = ids(&root.join("tests/cpython/CI"));
    assert!(!modules.is_empty(), "tests/cpython/CI lists no module");
    let mut failures = Vec::new();
    let handles: Vec<_> = modules
        .iter()
        .map(|m| {
            let m = m.clone();
            std::thread::spawn(move || (m.clone(), run_module(&m)))
        })
        .collect();
    for h in handles {
        let (module, (outcomes, stderr)) = h.join().unwrap();
        let passing = ids(&root.join(format!("tests/cpython/{module}.passing")));
        assert!(!passing.is_empty(), "no tests/cpython/{module}.passing");
        let mut lost = Vec::new();
        for id in &passing {
            match outcomes.get(id).map(String::as_str) {
                Some("pass") => {}
                other => lost.push(format!("  {id}: {}", other.unwrap_or("did not run"))),
            }
        }
        let newly = outcomes
            .iter()
            .filter(|(id, o)| *o == "pass" && !passing.contains(id))
            .count();
        eprintln!(
            "{module}: {} of {} listed cases pass; {newly} more pass and could be listed",
            passing.len() - lost.len(),
            passing.len()
        );
        if !lost.is_empty() {
            let tail: String = stderr
                .lines()
                .rev()
                .take(15)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect::<Vec<_>>()
                .join("\n");
            failures.push(format!(
                "{module}: {} listed cases no longer pass:\n{}\nstderr (end):\n{tail}",
                lost.len(),
                lost.join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
