//! Importing `.py` modules in situations the golden programs of
//! testdata/t7_modules cannot show (they need files a checkout should not
//! hold, or another working directory): a sibling file shadowing a stdlib
//! module, a module with a syntax error or undecodable source, the
//! `__pycache__` of imported modules, a script run from another directory,
//! `sys.path` changed by the program. Each scenario is written to a scratch
//! directory and run by py2vm and by python3.11; stdout, the exit status and
//! stderr (with the directory taken out) must be the same.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::*;

/// Writes `files` (path, text) under a fresh scratch directory `name`.
fn scenario(name: &str, files: &[(&str, &[u8])]) -> std::path::PathBuf {
    let dir = scratch_dir(name);
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir.canonicalize().unwrap()
}

/// `python3.11 SCRIPT` in `cwd`. `-S`: without `site`, whose `.pth` files
/// may import stdlib modules (`string`, `random`, ...) before the program
/// runs, which would make them unshadowable on some machines only.
fn cpython(cwd: &Path, script: &str) -> Output {
    Command::new(python())
        .args(["-S", script])
        .current_dir(cwd)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .unwrap()
}

fn ours(cwd: &Path, script: &str, extra: &[&str]) -> Output {
    let mut args = vec!["run", "--python", python().to_str().unwrap()];
    args.extend(extra);
    args.push(script);
    py2vm(&args, cwd)
}

/// Asserts py2vm and CPython agree on `script` run in `cwd`; returns the
/// common stdout.
fn same_as_cpython(cwd: &Path, script: &str, extra: &[&str]) -> String {
    let want = cpython(cwd, script);
    let got = ours(cwd, script, extra);
    let text = |o: &Output, s: &[u8]| {
        String::from_utf8_lossy(s).replace(&format!("{}/", cwd.display()), "")
            + &format!("\n[status {:?}]", o.status.code())
    };
    let (got_out, want_out) = (text(&got, &got.stdout), text(&want, &want.stdout));
    let (got_err, want_err) = (text(&got, &got.stderr), text(&want, &want.stderr));
    assert_eq!(
        got_out, want_out,
        "stdout of {script}; our stderr: {got_err}"
    );
    assert_eq!(got_err, want_err, "stderr of {script}");
    got_out
}

#[test]
fn a_sibling_file_shadows_stdlib_modules_but_not_builtin_ones() {
    let dir = scenario(
        "import-shadow",
        &[
            ("string.py", b"print('my string module')\nascii_letters = 'mine'\n"),
            ("traceback.py", b"print('my traceback module')\n"),
            ("time.py", b"print('never: time is a builtin module')\n"),
            ("itertools.py", b"print('never: itertools is builtin')\n"),
            ("sys.py", b"print('never: sys is builtin')\n"),
            (
                "main.py",
                b"import string, traceback, time, itertools, sys\n\
                  print(string.ascii_letters, hasattr(traceback, 'format_exc'))\n\
                  print(hasattr(time, 'time'), hasattr(itertools, 'chain'))\n\
                  print('time' in sys.builtin_module_names, 'string' in sys.builtin_module_names)\n",
            ),
        ],
    );
    let out = same_as_cpython(&dir, "main.py", &[]);
    assert!(out.contains("my string module"), "{out}");
}

#[test]
fn a_syntax_error_in_a_module_is_raised_at_the_import() {
    let dir = scenario(
        "import-syntax-error",
        &[
            ("broken.py", b"x = 1\ndef f(:\n    pass\n"),
            ("indented.py", b"if True:\nprint('no indent')\n"),
            ("latin.py", b"s = '\xe9t\xe9'\n"),
            (
                "caught.py",
                b"for name in ['broken', 'indented', 'latin']:\n\
                  \x20   try:\n\
                  \x20       __import__(name)\n\
                  \x20   except SyntaxError as e:\n\
                  \x20       print(type(e).__name__, e.msg, e.lineno, e.filename.rsplit('/', 1)[-1])\n\
                  \x20       print(name in __import__('sys').modules)\n",
            ),
            ("uncaught.py", b"print('start')\nimport broken\n"),
        ],
    );
    same_as_cpython(&dir, "caught.py", &[]);
    same_as_cpython(&dir, "uncaught.py", &[]);
}

#[test]
fn imported_modules_are_cached_in_pycache_unless_no_cache() {
    let files: &[(&str, &[u8])] = &[
        ("helper.py", b"def double(x):\n    return 2 * x\n"),
        ("pkg/__init__.py", b"from .inner import VALUE\n"),
        ("pkg/inner.py", b"VALUE = {1, 2, 3}\n"),
        (
            "main.py",
            b"import helper, pkg\nprint(helper.double(21), sorted(pkg.VALUE))\n",
        ),
    ];
    let dir = scenario("import-no-cache", files);
    same_as_cpython(&dir, "main.py", &["--no-cache"]);
    assert!(!dir.join("__pycache__").exists());
    assert!(!dir.join("pkg/__pycache__").exists());

    let dir = scenario("import-cache", files);
    same_as_cpython(&dir, "main.py", &[]);
    for cached in [
        "__pycache__/helper.cpython-311.pyc",
        "pkg/__pycache__/__init__.cpython-311.pyc",
        "pkg/__pycache__/inner.cpython-311.pyc",
    ] {
        assert!(dir.join(cached).is_file(), "{cached} was not written");
    }
    // The second run reads the cache; CPython's import accepts it too.
    same_as_cpython(&dir, "main.py", &[]);
    let out = Command::new(python())
        .args(["-S", "main.py"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "42 [1, 2, 3]\n");
}

#[test]
fn the_script_directory_comes_first_on_sys_path_whatever_the_cwd() {
    let dir = scenario(
        "import-other-cwd",
        &[
            ("app/helper.py", b"NAME = 'app helper'\n"),
            ("helper.py", b"NAME = 'cwd helper'\n"),
            ("lib/extra.py", b"NAME = 'extra'\n"),
            (
                "app/main.py",
                b"import sys, helper\n\
                  print(helper.NAME, helper.__file__, sys.path[0])\n\
                  sys.path.insert(0, sys.path[0].rsplit('/', 1)[0] + '/lib')\n\
                  import extra\n\
                  print(extra.NAME, extra.__file__)\n\
                  sys.path = [p for p in sys.path if not p.endswith('lib')]\n\
                  try:\n\
                  \x20   import lib_only\n\
                  except ImportError as e:\n\
                  \x20   print(type(e).__name__, e)\n",
            ),
        ],
    );
    let out = same_as_cpython(&dir, "app/main.py", &[]);
    assert!(out.starts_with("app helper app/helper.py"), "{out}");
}

#[test]
fn sys_path_is_python_s_and_the_stdlib_imports_from_it() {
    // The script's folder, PYTHONPATH (absolute), then python3.11's own
    // folders; `bisect` and `keyword` are CPython's files from there.
    let dir = scenario(
        "import-stdlib-path",
        &[
            (
                "extra/found_on_pythonpath.py",
                b"NAME = 'from PYTHONPATH'\n",
            ),
            (
                "main.py",
                b"import sys, bisect, keyword, found_on_pythonpath\n\
                  for p in sys.path[1:]: print(p)\n\
                  print(bisect.__file__.startswith(sys.path[3]), keyword.iskeyword('yield'))\n\
                  print(found_on_pythonpath.NAME)\n",
            ),
        ],
    );
    let run = |cmd: &mut Command| {
        cmd.current_dir(&dir)
            .env("PYTHONPATH", "extra")
            .output()
            .unwrap()
    };
    let want = run(Command::new(python()).arg("main.py"));
    let got = run(Command::new(env!("CARGO_BIN_EXE_py2vm")).args([
        "run",
        "--python",
        python().to_str().unwrap(),
        "main.py",
    ]));
    assert_eq!(
        String::from_utf8_lossy(&got.stdout),
        String::from_utf8_lossy(&want.stdout),
        "stderr: {}",
        String::from_utf8_lossy(&got.stderr)
    );
}

#[test]
fn stdlib_option_and_variable_name_the_library_folder() {
    // A folder standing in for Lib: no python3.11 is asked where its
    // library is, and its modules import (after the script's folder).
    let dir = scenario(
        "import-stdlib-option",
        &[
            ("lib/fakestd.py", b"NAME = 'fake stdlib'\n"),
            ("lib/site-packages/pkgmod.py", b"NAME = 'site package'\n"),
            (
                "main.py",
                b"import sys, fakestd, pkgmod\n\
                  print(fakestd.NAME, pkgmod.NAME)\n\
                  print([p.rsplit('/', 2)[-2:] for p in sys.path[1:]])\n",
            ),
        ],
    );
    let want =
        "fake stdlib site package\n[['import-stdlib-option', 'lib'], ['lib', 'site-packages']]\n";
    let out = ours(&dir, "main.py", &["--stdlib", "lib"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        want,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = Command::new(env!("CARGO_BIN_EXE_py2vm"))
        .args(["run", "--python", python().to_str().unwrap(), "main.py"])
        .current_dir(&dir)
        .env("PY2VM_STDLIB", dir.join("lib"))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), want);
}
