//! Compiling `.py` source with a real CPython 3.11, and the `__pycache__` cache.
//!
//! py2vm never parses Python itself: `python3.11` compiles the source with
//! `compile(source, path, "exec")` and hands back `marshal.dumps(code)` plus the
//! set-order trailer (see `marshal::SET_ORDER_TAG`). The result is cached as
//! `__pycache__/NAME.cpython-311.pyc` with CPython's header, so CPython's own
//! import system can read our cache and we can read its.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::error::LoadError;
use super::header;

/// Python defining `marshal_with_set_order(code)`: `marshal.dumps(code)` plus
/// the set-order trailer (`marshal::SET_ORDER_TAG` describes it;
/// `encode_set_order_trailer` is its Rust twin, used by tests): the
/// iteration order this process sees (which `dis` shows) of every frozenset
/// constant, named by the elements' reprs. Shared by the file compiler and
/// the `exec`/`eval` compile server.
const SET_ORDER_PY: &str = r#"
def marshal_with_set_order(code):
    import marshal
    orders, seen = [], set()
    def walk(obj):
        t = type(obj)
        if t not in (tuple, frozenset, type(code)) or id(obj) in seen:
            return
        seen.add(id(obj))
        if t is frozenset:
            orders.append([repr(x) for x in obj])
        for x in (obj.co_consts if t is type(code) else obj):
            walk(x)
    walk(code)
    payload = bytearray(len(orders).to_bytes(4, "little"))
    for order in orders:
        payload += len(order).to_bytes(4, "little")
        for r in order:
            b = r.encode("utf-8", "surrogatepass")
            payload += len(b).to_bytes(4, "little") + b
    return marshal.dumps(code) + payload + len(payload).to_bytes(4, "little") + TAG
"#;

/// `main` (a Python script) preceded by `marshal_with_set_order`.
pub fn script_with_set_order(main: &str) -> String {
    let helper = SET_ORDER_PY.replace("TAG", &python_bytes_literal(super::marshal::SET_ORDER_TAG));
    format!("{helper}{main}")
}

/// Runs inside python3.11: prints `marshal_with_set_order(code)`.
/// Exit 1 with CPython's own syntax-error report; exit 3 with the version when
/// the interpreter is not 3.11.
const COMPILE_SCRIPT: &str = r#"
import sys, marshal
if sys.version_info[:2] != (3, 11):
    sys.stderr.write("%d.%d" % sys.version_info[:2])
    sys.exit(3)
path = sys.argv[1]
source = sys.stdin.buffer.read()
try:
    code = compile(source, path, "exec", dont_inherit=True)
except (SyntaxError, ValueError) as e:
    import traceback
    sys.stderr.write("".join(traceback.format_exception_only(type(e), e)))
    sys.exit(1)
out = marshal_with_set_order(code)
sys.stdout.buffer.write(out)
"#;

/// Where CPython caches the bytecode of `source`.
pub fn cache_path(source: &Path) -> Option<PathBuf> {
    let stem = source.file_stem()?;
    let dir = source.parent().unwrap_or(Path::new(""));
    let mut name = OsString::from(stem);
    name.push(".cpython-311.pyc");
    Some(dir.join("__pycache__").join(name))
}

/// The source's mtime and size as the pyc header records them (low 32 bits).
pub fn source_stamp(source: &Path) -> Option<(u32, u32)> {
    let meta = std::fs::metadata(source).ok()?;
    let mtime = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    Some((mtime as u32, meta.len() as u32))
}

/// How the command line loaded the program (`--python`, `--no-cache`), for
/// what is compiled while the program runs (imported modules,
/// `exec`/`eval`/`compile()`, py2vm's modules written in Python), where no
/// [`super::LoadOptions`] reaches. Set once by the command line; `None`:
/// the defaults (python3.11, then python3, from PATH; caching on).
static RUNTIME_OPTIONS: std::sync::RwLock<Option<super::LoadOptions>> =
    std::sync::RwLock::new(None);

/// Chooses how code is compiled at run time (see [`runtime_options`]); the
/// `filename` of `options` is not used.
pub fn set_runtime_options(options: &super::LoadOptions) {
    if let Ok(mut slot) = RUNTIME_OPTIONS.write() {
        *slot = Some(super::LoadOptions {
            filename: None,
            ..options.clone()
        });
    }
}

/// The options code compiled at run time uses (`filename` is `None`).
pub fn runtime_options() -> super::LoadOptions {
    RUNTIME_OPTIONS
        .read()
        .ok()
        .and_then(|o| o.clone())
        .unwrap_or_default()
}

/// The interpreters the run-time compiler tries, in order.
pub fn runtime_python() -> Vec<PathBuf> {
    candidates(runtime_options().python.as_deref())
}

/// Candidate interpreters, in the order tried: `--python`, then `python3.11`
/// and `python3` on PATH.
fn candidates(explicit: Option<&Path>) -> Vec<PathBuf> {
    match explicit {
        Some(p) => vec![p.to_path_buf()],
        None => ["python3.11", "python3"]
            .iter()
            .map(PathBuf::from)
            .collect(),
    }
}

/// Compiles `source` (whose text is `text`) as `filename` (its `co_filename`,
/// also the name in syntax errors) and returns the `.pyc` body: marshal data
/// followed by the set-order trailer.
pub fn compile_source(
    source: &Path,
    text: &[u8],
    filename: &str,
    python: Option<&Path>,
) -> Result<Vec<u8>, LoadError> {
    let script = script_with_set_order(COMPILE_SCRIPT);
    let mut wrong_version = None;
    for candidate in candidates(python) {
        let mut cmd = Command::new(&candidate);
        // No -S: without `site`, CPython 3.11 lays out some string sets in
        // another order than `python3.11 -m dis` shows.
        cmd.arg("-c")
            .arg(&script)
            .arg(filename)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        // Fixed set order for reproducible caches, unless the user asked for
        // a particular hash seed.
        if std::env::var_os("PYTHONHASHSEED").is_none() {
            cmd.env("PYTHONHASHSEED", "0");
        }
        let mut child = match cmd.spawn() {
            Ok(child) => child,
            Err(e) if python.is_some() => {
                return Err(LoadError::CompileFailed {
                    path: source.to_path_buf(),
                    python: candidate.display().to_string(),
                    detail: format!("cannot run it: {e}"),
                })
            }
            Err(_) => continue,
        };
        if let Some(mut stdin) = child.stdin.take() {
            use std::io::Write;
            // A failed write shows up as the child's error below.
            let _ = stdin.write_all(text);
        }
        let output = child
            .wait_with_output()
            .map_err(|e| LoadError::CompileFailed {
                path: source.to_path_buf(),
                python: candidate.display().to_string(),
                detail: e.to_string(),
            })?;
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        match output.status.code() {
            Some(0) => return Ok(output.stdout),
            Some(1) if stderr.contains("Error") => {
                return Err(LoadError::Syntax { message: stderr })
            }
            Some(3) => {
                wrong_version = Some((candidate.display().to_string(), stderr.trim().to_string()));
                continue;
            }
            // Not a Python at all (or one that cannot run -c): try the next.
            _ if python.is_none() && output.stdout.is_empty() && !stderr.contains("Traceback") => {
                continue
            }
            _ => {
                return Err(LoadError::CompileFailed {
                    path: source.to_path_buf(),
                    python: candidate.display().to_string(),
                    detail: stderr.trim().to_string(),
                })
            }
        }
    }
    Err(match wrong_version {
        Some((python, found)) => LoadError::WrongPython {
            python,
            found,
            path: source.to_path_buf(),
        },
        None => LoadError::NoPython {
            path: source.to_path_buf(),
        },
    })
}

fn python_bytes_literal(bytes: &[u8]) -> String {
    let mut s = String::from("b'");
    for b in bytes {
        s.push_str(&format!("\\x{b:02x}"));
    }
    s.push('\'');
    s
}

/// Writes the cache atomically (temp file + rename, as importlib does). Any
/// failure is ignored: without a writable `__pycache__` we compile in memory.
pub fn write_cache(cache: &Path, stamp: (u32, u32), body: &[u8]) {
    let Some(dir) = cache.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let tmp = cache.with_extension(format!("pyc.{}.tmp", std::process::id()));
    let mut data = header::encode(stamp.0, stamp.1).to_vec();
    data.extend_from_slice(body);
    if std::fs::write(&tmp, &data).is_ok() && std::fs::rename(&tmp, cache).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}
