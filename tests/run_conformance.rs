//! `py2vm run` on every testdata program: stdout and exit status must be what
//! python3.11 recorded beside it (`NAME.stdout`, `NAME.status`), and stderr
//! too where a `NAME.stderr` was recorded (testdata/t8_tracebacks: tracebacks,
//! with the program's directory taken out of file names as
//! scripts/record_expected.py does).
//!
//! Programs are the `testdata/<tier>/NAME.py` files not starting with `_`;
//! `_NAME.py` files and packages in subdirectories of a tier are modules the
//! programs import (`common::test_programs`), not run on their own.
//!
//! The VM is being built tier by tier. `testdata/KNOWN_FAILING` lists the
//! programs that do not pass yet; the test fails if any other program fails,
//! and also if a listed program now passes (so the list only ever shrinks and
//! always says exactly what is left).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

const TIMEOUT: Duration = Duration::from_secs(20);

struct Outcome {
    stdout: Vec<u8>,
    status: Option<i32>,
    stderr: String,
}

fn run(program: &Path) -> Outcome {
    let dir = program.parent().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_py2vm"))
        .arg("run")
        .arg("--python")
        .arg(python())
        .arg(program.file_name().unwrap())
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("py2vm runs");
    // Read pipes on threads so a chatty program cannot block on a full pipe.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut buf).ok();
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut buf).ok();
        buf
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            // Death by a signal reads as Python's `returncode` does: -N.
            break status
                .code()
                .or_else(|| std::os::unix::process::ExitStatusExt::signal(&status).map(|s| -s));
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Outcome {
        stdout: out_reader.join().unwrap(),
        status,
        stderr: String::from_utf8_lossy(&err_reader.join().unwrap()).into_owned(),
    }
}

fn expected(program: &Path) -> (Vec<u8>, i32) {
    let stdout = std::fs::read(program.with_extension("stdout")).expect("recorded stdout");
    let status =
        std::fs::read_to_string(program.with_extension("status")).expect("recorded status");
    (stdout, status.trim().parse().expect("status is a number"))
}

/// The recorded stderr, if this program has one.
fn expected_stderr(program: &Path) -> Option<String> {
    std::fs::read_to_string(program.with_extension("stderr")).ok()
}

/// Output with the program's directory (as `getcwd` gives it) taken out of
/// the absolute file names in tracebacks, as the recorder does.
fn normalize_paths(program: &Path, output: &str) -> String {
    let dir = program.parent().unwrap();
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    output.replace(&format!("{}/", dir.display()), "")
}

/// The first line where `got` and `want` differ, for a failure message.
fn first_difference(got: &str, want: &str) -> String {
    got.lines()
        .zip(want.lines())
        .enumerate()
        .find(|(_, (a, b))| a != b)
        .map(|(i, (a, b))| format!("line {}: got {a:?}, want {b:?}", i + 1))
        .unwrap_or_else(|| {
            format!(
                "{} lines vs {} expected",
                got.lines().count(),
                want.lines().count()
            )
        })
}

fn known_failing() -> Vec<String> {
    let text =
        std::fs::read_to_string(repo_root().join("testdata/KNOWN_FAILING")).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

fn describe(program: &str, got: &Outcome, want: &(Vec<u8>, i32)) -> String {
    let got_text = String::from_utf8_lossy(&got.stdout);
    let want_text = String::from_utf8_lossy(&want.0);
    let first_diff = first_difference(&got_text, &want_text);
    let err: String = got
        .stderr
        .lines()
        .rev()
        .take(3)
        .collect::<Vec<_>>()
        .join(" | ");
    format!(
        "{program}: status {:?} (want {}); {first_diff}; stderr: {err}",
        got.status, want.1
    )
}

#[test]
fn testdata_programs_run_like_python() {
    let root = repo_root().join("testdata");
    let programs: Vec<PathBuf> = test_programs(&root);
    let names: Vec<String> = programs
        .iter()
        .map(|p| p.strip_prefix(&root).unwrap().display().to_string())
        .collect();
    let known = known_failing();
    for k in &known {
        assert!(
            names.contains(k),
            "testdata/KNOWN_FAILING names {k}, which does not exist"
        );
    }
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(8);
    let chunk = programs.len().div_ceil(workers).max(1);
    let results: Vec<(String, bool, String)> = std::thread::scope(|s| {
        let handles: Vec<_> = programs
            .chunks(chunk)
            .zip(names.chunks(chunk))
            .map(|(ps, ns)| {
                s.spawn(move || {
                    ps.iter()
                        .zip(ns)
                        .map(|(p, n)| {
                            let got = run(p);
                            let want = expected(p);
                            let got_out = match std::str::from_utf8(&got.stdout) {
                                Ok(text) => normalize_paths(p, text).into_bytes(),
                                Err(_) => got.stdout.clone(),
                            };
                            let mut ok = got.status == Some(want.1) && got_out == want.0;
                            let mut stderr_note = String::new();
                            if let Some(want_err) = expected_stderr(p) {
                                let got_err = normalize_paths(p, &got.stderr);
                                if got_err != want_err {
                                    ok = false;
                                    stderr_note = format!(
                                        "; stderr differs at {}",
                                        first_difference(&got_err, &want_err)
                                    );
                                }
                            }
                            let panicked = got.stderr.contains("panicked")
                                || got.status == Some(101)
                                || got.status == Some(134);
                            let note = if panicked {
                                format!("PANIC {}", describe(n, &got, &want))
                            } else {
                                describe(n, &got, &want) + &stderr_note
                            };
                            (n.clone(), ok, note)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let passed = results.iter().filter(|r| r.1).count();
    eprintln!(
        "py2vm run: {passed} of {} testdata programs match python3.11",
        results.len()
    );
    let panics: Vec<&String> = results
        .iter()
        .filter(|r| r.2.starts_with("PANIC"))
        .map(|r| &r.2)
        .collect();
    assert!(
        panics.is_empty(),
        "py2vm must never panic on a program:\n{}",
        panics
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    let unexpected: Vec<&String> = results
        .iter()
        .filter(|r| !r.1 && !known.contains(&r.0))
        .map(|r| &r.2)
        .collect();
    let now_passing: Vec<&String> = results
        .iter()
        .filter(|r| r.1 && known.contains(&r.0))
        .map(|r| &r.0)
        .collect();
    assert!(
        unexpected.is_empty(),
        "programs that should pass but fail:\n{}",
        unexpected
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        now_passing.is_empty(),
        "these now pass: remove them from testdata/KNOWN_FAILING:\n{}",
        now_passing
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}
