//! `py2vm dis` against `python3.11 -m dis`: every testdata `.py` file (programs
//! and the modules they import) must match,
//! and at least 99% of the standard library files CPython 3.11 compiles.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::*;
use py2vm::bytecode::dis::dis_recursive;
use py2vm::pyc::{load_program, LoadOptions};

/// CPython's disassembly of each file, or why CPython cannot compile it.
fn reference(files: &[PathBuf], scratch: &str) -> Vec<Result<String, String>> {
    run_reference(files, &scratch_dir(scratch), false)
}

fn run_reference(files: &[PathBuf], out_dir: &Path, via_pyc: bool) -> Vec<Result<String, String>> {
    let mut child = Command::new(python())
        .arg(repo_root().join("scripts/dis_reference.py"))
        .args(via_pyc.then_some("--via-pyc"))
        .arg(out_dir)
        .env("PYTHONHASHSEED", hash_seed())
        .stdin(Stdio::piped())
        .spawn()
        .expect("reference python runs");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        for f in files {
            writeln!(stdin, "{}", f.display()).unwrap();
        }
    }
    assert!(
        child.wait().unwrap().success(),
        "scripts/dis_reference.py failed"
    );
    (0..files.len())
        .map(
            |n| match std::fs::read_to_string(out_dir.join(format!("{n}.dis"))) {
                Ok(text) => Ok(normalize_addresses(&text)),
                Err(_) => {
                    Err(std::fs::read_to_string(out_dir.join(format!("{n}.skip")))
                        .unwrap_or_default())
                }
            },
        )
        .collect()
}

/// Our disassembly, through the same loader `py2vm dis` uses.
fn ours(path: &Path) -> Result<String, String> {
    let options = LoadOptions {
        python: Some(python().to_path_buf()),
        filename: None,
        no_cache: true,
        stdlib: None,
    };
    load_program(path, &options)
        .map(|code| normalize_addresses(&dis_recursive(&code)))
        .map_err(|e| e.to_string())
}

/// Runs `ours` over `files` on all cores; returns the outcome per file.
fn ours_parallel(files: &[PathBuf]) -> Vec<Result<String, String>> {
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(8)
        * 2;
    let chunk = files.len().div_ceil(workers).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(|p| ours(p)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    })
}

fn first_difference(a: &str, b: &str) -> String {
    for (i, (x, y)) in a.lines().zip(b.lines()).enumerate() {
        if x != y {
            return format!("line {}:\n  ours:    {x}\n  cpython: {y}", i + 1);
        }
    }
    format!(
        "lengths differ: ours {} lines, cpython {} lines",
        a.lines().count(),
        b.lines().count()
    )
}

#[test]
fn cpython_written_pycs_disassemble_like_cpython_loads_them() {
    // Such a .pyc has no set-order trailer: set constants must come out in the
    // order CPython's marshal.loads gives them (its hashing and set layout).
    // (A set holding None, Ellipsis or NaN cannot be matched: in 3.11 their
    // hash is their address. typing.py has one, so it is not in this list.)
    let mut files = python_files(&repo_root().join("testdata"));
    let stdlib = stdlib_dir();
    for name in [
        "hashlib.py",
        "_markupbase.py",
        "pydoc.py",
        "tokenize.py",
        "ftplib.py",
        "pickle.py",
        "inspect.py",
    ] {
        files.push(stdlib.join(name));
    }
    let out_dir = scratch_dir("dis-via-pyc");
    let want = run_reference(&files, &out_dir, true);
    let mut failures = Vec::new();
    for (n, (file, want)) in files.iter().zip(&want).enumerate() {
        let want = want.as_ref().expect("CPython compiles it");
        let pyc = out_dir.join(format!("{n}.pyc"));
        let ours = py2vm::pyc::load_pyc(&pyc).map(|c| normalize_addresses(&dis_recursive(&c)));
        match ours {
            Ok(ours) if ours == *want => {}
            Ok(ours) => failures.push(format!(
                "{}: {}",
                file.display(),
                first_difference(&ours, want)
            )),
            Err(e) => failures.push(format!("{}: {e}", file.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn stdlib_dir() -> PathBuf {
    let out = Command::new(python())
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
        ])
        .output()
        .unwrap();
    PathBuf::from(String::from_utf8(out.stdout).unwrap().trim())
}

#[test]
fn testdata_programs_disassemble_exactly_like_cpython() {
    let files = python_files(&repo_root().join("testdata"));
    assert!(files.len() >= 30, "testdata holds {} programs", files.len());
    let want = reference(&files, "dis-testdata");
    let got = ours_parallel(&files);
    let mut failures = Vec::new();
    for ((file, want), got) in files.iter().zip(&want).zip(&got) {
        match (want, got) {
            (Ok(w), Ok(g)) if w == g => {}
            (Ok(w), Ok(g)) => {
                failures.push(format!("{}: {}", file.display(), first_difference(g, w)))
            }
            (want, got) => failures.push(format!(
                "{}: cpython {want:?}, ours {got:?}",
                file.display()
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

/// `python3.11 -m dis` itself prints different set orders from run to run for
/// a few files; such a file is listed, not counted against us.
fn cpython_is_deterministic(file: &Path) -> bool {
    let run = || {
        let out = Command::new(python())
            .args(["-m", "dis"])
            .arg(file)
            .env("PYTHONHASHSEED", hash_seed())
            .output()
            .unwrap();
        normalize_addresses(&String::from_utf8_lossy(&out.stdout))
    };
    let first = run();
    (0..3).all(|_| run() == first)
}

#[test]
fn stdlib_disassembles_like_cpython() {
    let stdlib = stdlib_dir();
    let mut files: Vec<PathBuf> = python_files(&stdlib)
        .into_iter()
        .filter(|p| !p.components().any(|c| c.as_os_str() == "site-packages"))
        .collect();
    // PY2VM_STDLIB_EVERY=N tests every Nth file (default: all of them).
    let every: usize = std::env::var("PY2VM_STDLIB_EVERY")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    files = files.into_iter().step_by(every.max(1)).collect();
    assert!(
        files.len() > 100,
        "found only {} stdlib files under {}",
        files.len(),
        stdlib.display()
    );

    let want = reference(&files, "dis-stdlib");
    let got = ours_parallel(&files);
    let (mut compiled, mut matched) = (0usize, 0usize);
    let mut rest = Vec::new();
    for ((file, want), got) in files.iter().zip(&want).zip(&got) {
        let Ok(want) = want else { continue };
        compiled += 1;
        match got {
            Ok(g) if g == want => matched += 1,
            Ok(g) if !cpython_is_deterministic(file) => rest.push(format!(
                "{} (CPython's own dis output varies between runs; {})",
                file.display(),
                first_difference(g, want)
            )),
            Ok(g) => rest.push(format!("{}: {}", file.display(), first_difference(g, want))),
            Err(e) => rest.push(format!("{}: error {e}", file.display())),
        }
    }
    let share = matched as f64 / compiled as f64;
    eprintln!(
        "stdlib dis: {matched} of {compiled} files CPython compiles match ({:.2}%); the rest:\n{}",
        share * 100.0,
        rest.join("\n")
    );
    assert!(
        share >= 0.99,
        "only {:.2}% match:\n{}",
        share * 100.0,
        rest.join("\n")
    );
}
