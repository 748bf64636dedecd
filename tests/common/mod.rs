//! Helpers shared by the integration tests: finding the reference CPython 3.11,
//! running the py2vm binary, and normalising what legitimately differs.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// The real python3.11 executable (resolved once, so pyenv shims do not add
/// their start-up cost to every compile).
pub fn python() -> &'static Path {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON.get_or_init(|| {
        let out = Command::new("python3.11")
            .args(["-c", "import sys; print(sys.executable)"])
            .output()
            .expect("python3.11 must be installed to run the tests");
        assert!(out.status.success(), "python3.11 does not run");
        PathBuf::from(String::from_utf8(out.stdout).unwrap().trim())
    })
}

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The hash seed our compiler uses, so reference runs see the same set order.
pub fn hash_seed() -> String {
    std::env::var("PYTHONHASHSEED").unwrap_or_else(|_| "0".into())
}

/// Runs the py2vm binary with `args`, in `dir`.
pub fn py2vm(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_py2vm"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("py2vm binary runs")
}

/// Replaces code-object addresses (`at 0x7f3a…,`) with `at 0x?,`.
pub fn normalize_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(" at 0x") {
        out.push_str(&rest[..i + 6]);
        rest = &rest[i + 6..];
        let hex_len = rest.chars().take_while(|c| c.is_ascii_hexdigit()).count();
        if hex_len > 0 && rest[hex_len..].starts_with(',') {
            out.push('?');
            rest = &rest[hex_len..];
        }
    }
    out.push_str(rest);
    out
}

/// Every `.py` file under `dir`, sorted.
pub fn python_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "py") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The test programs under `testdata`: the `.py` files directly inside a
/// tier directory (`testdata/<tier>/NAME.py`) whose names do not start with
/// `_`. The other `.py` files are modules that programs import: `_NAME.py`
/// beside them, and packages in subdirectories of a tier
/// (`testdata/<tier>/PKG/__init__.py`). scripts/record_expected.py follows
/// the same rule.
pub fn test_programs(testdata: &Path) -> Vec<PathBuf> {
    python_files(testdata)
        .into_iter()
        .filter(|p| is_test_program(testdata, p))
        .collect()
}

/// Whether `path` (under `testdata`) is a test program (see [`test_programs`]).
pub fn is_test_program(testdata: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(testdata) else {
        return false;
    };
    rel.components().count() == 2
        && !rel
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('_'))
}

/// A fresh empty directory under the target dir, for files a test writes.
pub fn scratch_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
