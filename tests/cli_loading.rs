//! The `py2vm` binary on good and bad input: `.pyc` files of other versions,
//! truncated or corrupt files, syntax errors, a missing or wrong Python, and
//! the `__pycache__` cache. Every failure must be one clear message and a
//! non-zero exit status, never a panic.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::*;

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const PROGRAM: &str = "def f(x):\n    return {x: [1, 2.5, 'a']}\n\nprint(f(3))\n";

/// A CPython-written `.pyc` of PROGRAM (py_compile, no py2vm trailer).
fn cpython_pyc(dir: &Path) -> PathBuf {
    std::fs::write(dir.join("prog.py"), PROGRAM).unwrap();
    let pyc = dir.join("prog.pyc");
    let status = Command::new(python())
        .args(["-c", "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)"])
        .arg(dir.join("prog.py"))
        .arg(&pyc)
        .status()
        .unwrap();
    assert!(status.success());
    pyc
}

/// `py2vm dis` with no Python reachable at all (empty PATH).
fn dis_without_python(file: &Path, dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_py2vm"))
        .arg("dis")
        .arg(file)
        .current_dir(dir)
        .env("PATH", dir.join("no-such-bin"))
        .output()
        .unwrap()
}

fn assert_clean_failure(out: &Output, status: i32, message: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(status), "stderr: {err}");
    assert!(
        err.contains(message),
        "expected {message:?} in stderr:\n{err}"
    );
    assert!(!err.contains("panicked"), "panic:\n{err}");
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "one clear sentence, got:\n{err}"
    );
}

#[test]
fn pyc_needs_no_python_and_matches_cpython_dis() {
    let dir = scratch_dir("cli-pyc-ok");
    let pyc = cpython_pyc(&dir);
    let out = dis_without_python(&pyc, &dir);
    assert!(out.status.success(), "{}", stderr(&out));
    // CPython's dis of the same loaded code object.
    let want = Command::new(python())
        .args([
            "-c",
            "import dis, marshal, sys; dis.dis(marshal.loads(open(sys.argv[1], 'rb').read()[16:]))",
        ])
        .arg(&pyc)
        .output()
        .unwrap();
    assert_eq!(
        normalize_addresses(&stdout(&out)),
        normalize_addresses(&stdout(&want))
    );
}

#[test]
fn json_output_has_every_instruction() {
    let dir = scratch_dir("cli-json");
    let pyc = cpython_pyc(&dir);
    let out = py2vm(&["dis", "--json", pyc.to_str().unwrap()], &dir);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["name"], "<module>");
    let first = &json["instructions"][0];
    assert_eq!(first["opname"], "RESUME");
    assert_eq!(first["offset"], 0);
    let nested = &json["nested"][0];
    assert_eq!(nested["qualname"], "f");
    let ops: Vec<&str> = nested["instructions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["opname"].as_str().unwrap())
        .collect();
    assert_eq!(ops.last(), Some(&"RETURN_VALUE"));
    assert!(ops.contains(&"BUILD_MAP"));
}

fn patched(pyc: &Path, name: &str, edit: impl FnOnce(&mut Vec<u8>)) -> PathBuf {
    let mut data = std::fs::read(pyc).unwrap();
    edit(&mut data);
    let path = pyc.with_file_name(name);
    std::fs::write(&path, data).unwrap();
    path
}

#[test]
fn pyc_of_another_version_names_that_version() {
    let dir = scratch_dir("cli-version");
    let pyc = cpython_pyc(&dir);
    for (magic, version) in [
        (3531u16, "Python 3.12"),
        (3439, "Python 3.10"),
        (3413, "Python 3.8"),
        (62211, "Python 2.x"),
    ] {
        let bad = patched(&pyc, "other.pyc", |d| {
            d[..2].copy_from_slice(&magic.to_le_bytes())
        });
        let out = dis_without_python(&bad, &dir);
        assert_clean_failure(
            &out,
            2,
            &format!(
                "is a .pyc for {version} (magic number {magic}); py2vm runs Python 3.11 bytecode"
            ),
        );
    }
}

#[test]
fn truncated_pyc_says_where_it_ends() {
    let dir = scratch_dir("cli-truncated");
    let pyc = cpython_pyc(&dir);
    let short = patched(&pyc, "short.pyc", |d| d.truncate(10));
    assert_clean_failure(
        &dis_without_python(&short, &dir),
        2,
        "its header ends at byte 10, but a .pyc header is 16 bytes",
    );
    let full = std::fs::read(&pyc).unwrap().len();
    // Cut everywhere inside the marshal data: always a clean message with an offset.
    for cut in (17..full).step_by(7) {
        let bad = patched(&pyc, "cut.pyc", |d| d.truncate(cut));
        let out = dis_without_python(&bad, &dir);
        assert_clean_failure(&out, 2, "truncated marshal data at byte");
        let err = stderr(&out);
        let at: usize = err
            .split("at byte ")
            .nth(1)
            .unwrap()
            .split(':')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(at <= cut, "reported offset {at} beyond the end {cut}");
    }
}

#[test]
fn corrupt_pyc_names_the_byte_and_the_problem() {
    let dir = scratch_dir("cli-corrupt");
    let pyc = cpython_pyc(&dir);
    let bad = patched(&pyc, "badtype.pyc", |d| d[16] = 0x01);
    assert_clean_failure(
        &dis_without_python(&bad, &dir),
        2,
        "corrupt marshal data at byte 16: unknown type code 0x01",
    );
    let flags = patched(&pyc, "flags.pyc", |d| d[4] = 8);
    assert_clean_failure(
        &dis_without_python(&flags, &dir),
        2,
        "unknown header flags 0x8",
    );
    let not_pyc = dir.join("text.pyc");
    std::fs::write(&not_pyc, "print('hello')\n").unwrap();
    assert_clean_failure(&dis_without_python(&not_pyc, &dir), 2, "is not a .pyc file");
    let empty = dir.join("empty.pyc");
    std::fs::write(&empty, "").unwrap();
    assert_clean_failure(&dis_without_python(&empty, &dir), 2, "is not a .pyc file");
    assert_clean_failure(
        &dis_without_python(&dir.join("missing.pyc"), &dir),
        2,
        "cannot read",
    );
}

#[test]
fn random_corruption_never_panics() {
    let dir = scratch_dir("cli-fuzz");
    let pyc = cpython_pyc(&dir);
    let original = std::fs::read(&pyc).unwrap();
    // A small deterministic xorshift: flips bytes all over the marshal data.
    let mut state = 0x2545F4914F6CDD1Du64;
    for round in 0..40 {
        let mut data = original.clone();
        for _ in 0..(1 + round % 4) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let i = 16 + (state as usize) % (data.len() - 16);
            data[i] = (state >> 32) as u8;
        }
        let path = dir.join("mutant.pyc");
        std::fs::write(&path, &data).unwrap();
        let out = dis_without_python(&path, &dir);
        let err = stderr(&out);
        assert!(
            !err.contains("panicked") && out.status.code().is_some_and(|c| c == 0 || c == 2),
            "round {round}: {err}"
        );
    }
}

#[test]
fn syntax_error_is_reported_like_python() {
    let dir = scratch_dir("cli-syntax");
    std::fs::write(dir.join("bad.py"), "x = (\n").unwrap();
    let ours = py2vm(
        &["dis", "--python", python().to_str().unwrap(), "bad.py"],
        &dir,
    );
    assert_eq!(ours.status.code(), Some(1));
    let expected =
        "  File \"bad.py\", line 1\n    x = (\n        ^\nSyntaxError: '(' was never closed\n";
    assert_eq!(stderr(&ours), expected);
    assert!(
        !dir.join("__pycache__/bad.cpython-311.pyc").exists(),
        "no cache for a failed compile"
    );
}

#[test]
fn missing_python_is_one_clear_sentence() {
    let dir = scratch_dir("cli-nopython");
    std::fs::write(dir.join("prog.py"), PROGRAM).unwrap();
    assert_clean_failure(
        &dis_without_python(Path::new("prog.py"), &dir),
        2,
        "no Python 3.11 found to compile prog.py: install python3.11 (on PATH) or pass --python /path/to/python3.11",
    );
    let out = py2vm(&["dis", "--python", "/no/such/python3.11", "prog.py"], &dir);
    assert_clean_failure(
        &out,
        2,
        "compiling prog.py with /no/such/python3.11 failed: cannot run it",
    );
}

#[test]
fn python_of_another_version_is_refused() {
    let dir = scratch_dir("cli-wrongpython");
    std::fs::write(dir.join("prog.py"), PROGRAM).unwrap();
    // A stand-in for Python 3.10: the real interpreter, reporting 3.10.
    let fake = dir.join("python3.10");
    std::fs::write(
        &fake,
        format!(
            "#!/bin/sh\nexec {} -c 'import sys; sys.version_info = (3, 10, 13, \"final\", 0); exec(sys.argv[1])' \"$2\" \"$3\"\n",
            python().display()
        ),
    )
    .unwrap();
    make_executable(&fake);
    let out = py2vm(
        &["dis", "--python", fake.to_str().unwrap(), "prog.py"],
        &dir,
    );
    assert_clean_failure(
        &out,
        2,
        "is Python 3.10, but py2vm needs Python 3.11 to compile prog.py",
    );
}

#[test]
fn python_option_also_compiles_exec_eval_compile_and_python_written_modules() {
    let dir = scratch_dir("cli-python-runtime");
    std::fs::write(
        dir.join("prog.py"),
        "import itertools\nexec('x = 6 * 7')\nprint(x, eval('x + 1'), list(itertools.islice('abc', 2)))\nexec(compile('print(x)', 'f', 'exec'))\n",
    )
    .unwrap();
    // A wrapper that logs each start: the compile server runs `-c SCRIPT`,
    // the file compiler `-c SCRIPT FILENAME`, the question where the
    // standard library is `-E -c SCRIPT`.
    let log = dir.join("calls.log");
    let wrapper = dir.join("my-python");
    std::fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\nif [ \"$1\" = -E ]; then echo stdlib >> '{log}'; elif [ $# -eq 2 ]; then echo server >> '{log}'; else echo file >> '{log}'; fi\nexec {python} \"$@\"\n",
            log = log.display(),
            python = python().display()
        ),
    )
    .unwrap();
    make_executable(&wrapper);
    // No python3.11 on PATH: only the wrapper can compile.
    let out = Command::new(env!("CARGO_BIN_EXE_py2vm"))
        .args([
            "run",
            "--no-cache",
            "--python",
            wrapper.to_str().unwrap(),
            "prog.py",
        ])
        .current_dir(&dir)
        .env("PATH", dir.join("no-such-bin"))
        .output()
        .unwrap();
    assert_eq!(
        stdout(&out),
        "42 43 ['a', 'b']\n42\n",
        "stderr: {}",
        stderr(&out)
    );
    assert!(out.status.success());
    let calls = std::fs::read_to_string(&log).unwrap();
    assert_eq!(
        calls, "file\nstdlib\nserver\n",
        "one file compile, one question for the stdlib, one compile server"
    );
}

fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

fn cpython_can_run_pyc(pyc: &Path) -> String {
    let out = Command::new(python())
        .args([
            "-c",
            "import marshal, sys; exec(marshal.loads(open(sys.argv[1], 'rb').read()[16:]))",
        ])
        .arg(pyc)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn cache_is_written_like_cpython_and_reused_until_the_source_changes() {
    let dir = scratch_dir("cli-cache");
    let source = dir.join("prog.py");
    std::fs::write(&source, PROGRAM).unwrap();
    let first = py2vm(
        &["dis", "--python", python().to_str().unwrap(), "prog.py"],
        &dir,
    );
    assert!(first.status.success(), "{}", stderr(&first));

    let cache = dir.join("__pycache__/prog.cpython-311.pyc");
    let data = std::fs::read(&cache).expect("cache written");
    assert_eq!(&data[..4], &[0xA7, 0x0D, b'\r', b'\n'], "magic 3495");
    assert_eq!(&data[4..8], &[0, 0, 0, 0], "timestamp-based flags");
    let meta = std::fs::metadata(&source).unwrap();
    let mtime = meta
        .modified()
        .unwrap()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as u32;
    assert_eq!(data[8..12], mtime.to_le_bytes());
    assert_eq!(data[12..16], (PROGRAM.len() as u32).to_le_bytes());
    assert_eq!(
        cpython_can_run_pyc(&cache),
        "{3: [1, 2.5, 'a']}\n",
        "CPython reads our cache"
    );

    // Unchanged source: the cache is used, no Python needed.
    let again = py2vm(&["dis", "--python", "/no/such/python", "prog.py"], &dir);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(
        normalize_addresses(&stdout(&again)),
        normalize_addresses(&stdout(&first))
    );

    // Changed source: the stale cache is not used.
    std::fs::write(&source, format!("{PROGRAM}print('more')\n")).unwrap();
    let stale = py2vm(&["dis", "--python", "/no/such/python", "prog.py"], &dir);
    assert_eq!(stale.status.code(), Some(2), "stale cache must not be used");
    let fresh = py2vm(
        &["dis", "--python", python().to_str().unwrap(), "prog.py"],
        &dir,
    );
    assert!(stdout(&fresh).contains("('more')"));
}

#[test]
fn cache_written_by_cpython_is_reused() {
    let dir = scratch_dir("cli-cpython-cache");
    std::fs::write(dir.join("prog.py"), PROGRAM).unwrap();
    let status = Command::new(python())
        .args([
            "-c",
            "import py_compile; py_compile.compile('prog.py', doraise=True)",
        ])
        .current_dir(&dir)
        .status()
        .unwrap();
    assert!(status.success());
    let out = dis_without_python(Path::new("prog.py"), &dir);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Disassembly of <code object f at 0x"));
    // co_filename follows the path given, as importlib's _fix_co_filename does.
    assert!(stdout(&out).contains("file \"prog.py\", line 1>"));
}

#[test]
fn unwritable_cache_compiles_in_memory() {
    let dir = scratch_dir("cli-nocachedir");
    std::fs::write(dir.join("prog.py"), PROGRAM).unwrap();
    // A file where __pycache__ should be: no cache can be written there.
    std::fs::write(dir.join("__pycache__"), "not a directory").unwrap();
    let out = py2vm(
        &["dis", "--python", python().to_str().unwrap(), "prog.py"],
        &dir,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("BUILD_MAP"));
}

#[test]
fn debug_and_trace_report_a_missing_program() {
    let dir = scratch_dir("cli-missing-program");
    for args in [&["debug", "--batch", "x.py"][..], &["trace", "x.py"][..]] {
        let out = py2vm(args, &dir);
        assert_clean_failure(&out, 2, "cannot read x.py");
    }
}

#[test]
fn debug_without_a_terminal_suggests_batch() {
    let dir = repo_root().join("testdata/debugger");
    let out = py2vm(
        &[
            "debug",
            "--python",
            python().to_str().unwrap(),
            "yield_chain.py",
        ],
        &dir,
    );
    assert_clean_failure(&out, 2, "use `py2vm debug --batch`");
}
