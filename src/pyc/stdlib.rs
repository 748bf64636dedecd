//! Where CPython's standard library is: the folders python3.11 puts on
//! `sys.path` after the script's folder and `PYTHONPATH` (its zip, `Lib`,
//! `lib-dynload`, `site-packages`), which py2vm searches as python3.11
//! does, running the `.pyc` files cached in their `__pycache__` folders.
//!
//! `--stdlib DIR` (or `PY2VM_STDLIB`) names a Lib folder directly, so a run
//! needs no python3.11 process. Otherwise the python3.11 that compiles
//! (`--python`, else `python3.11`/`python3` on PATH) is asked once; the
//! answer is cached per interpreter (its path and modification time) in
//! py2vm's cache folder, so start-up does not pay for a process each run.

use std::path::{Path, PathBuf};

/// The standard library's folders.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StdlibPaths {
    /// The folder of the pure-Python modules (`sysconfig`'s `stdlib`).
    pub stdlib: Option<PathBuf>,
    /// What python3.11 puts on `sys.path` after the script's folder and
    /// `PYTHONPATH`, in order.
    pub path: Vec<String>,
}

/// What python3.11 answers: the stdlib folder, then `sys.path[1:]` without
/// the environment's `PYTHONPATH` (`-E`).
const QUERY: &str = "import sys, sysconfig\n\
if sys.version_info[:2] != (3, 11): sys.exit(3)\n\
print(sysconfig.get_paths()['stdlib'])\n\
for p in sys.path[1:]: print(p)\n";

/// The folders for `explicit` (`--stdlib`/`PY2VM_STDLIB`) or, without it, of
/// the first of `pythons` that answers as a 3.11. No stdlib at all if none
/// does: imports of stdlib modules then fail as missing modules.
pub fn locate(explicit: Option<&Path>, pythons: &[PathBuf]) -> StdlibPaths {
    if let Some(dir) = explicit {
        return from_folder(dir);
    }
    for python in pythons {
        let Some(resolved) = resolve(python) else {
            continue;
        };
        if let Some(found) = cached(&resolved).or_else(|| ask(&resolved)) {
            return found;
        }
    }
    StdlibPaths::default()
}

/// `--stdlib DIR`: DIR, then its `lib-dynload` and `site-packages` folders
/// where they exist (the layout of a CPython install's `lib/python3.11`).
fn from_folder(dir: &Path) -> StdlibPaths {
    let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let mut path = vec![dir.display().to_string()];
    for sub in ["lib-dynload", "site-packages"] {
        let p = dir.join(sub);
        if p.is_dir() {
            path.push(p.display().to_string());
        }
    }
    StdlibPaths {
        stdlib: Some(dir),
        path,
    }
}

/// An interpreter named without a folder, found on PATH, made absolute.
pub fn resolve(python: &Path) -> Option<PathBuf> {
    if python.components().count() > 1 {
        return std::path::absolute(python).ok().filter(|p| p.is_file());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(python))
        .find(|full| full.is_file())
        .map(|full| std::path::absolute(&full).unwrap_or(full))
}

/// The cache file for one interpreter, and the key its first line holds.
fn cache_entry(python: &Path) -> Option<(PathBuf, String)> {
    let meta = std::fs::metadata(python).ok()?;
    let mtime = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_nanos();
    let key = format!("{}\t{mtime}", python.display());
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    let hash = key.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    Some((base.join("py2vm").join(format!("stdlib-{hash:016x}")), key))
}

fn cached(python: &Path) -> Option<StdlibPaths> {
    let (file, key) = cache_entry(python)?;
    let text = std::fs::read_to_string(file).ok()?;
    let (first, answer) = text.split_once('\n')?;
    let found = (first == key).then(|| parse(answer)).flatten()?;
    // A library removed since: ask again.
    found.stdlib.as_ref()?.is_dir().then_some(found)
}

fn ask(python: &Path) -> Option<StdlibPaths> {
    let output = std::process::Command::new(python)
        .args(["-E", "-c", QUERY])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let answer = String::from_utf8(output.stdout).ok()?;
    let found = parse(&answer)?;
    if let Some((file, key)) = cache_entry(python) {
        if let Some(dir) = file.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let tmp = file.with_extension(format!("{}.tmp", std::process::id()));
        if std::fs::write(&tmp, format!("{key}\n{answer}")).is_ok()
            && std::fs::rename(&tmp, &file).is_err()
        {
            let _ = std::fs::remove_file(&tmp);
        }
    }
    Some(found)
}

/// The folders of the interpreter run-time compilation uses (see
/// `compile::runtime_options`), located once per process.
pub fn runtime() -> &'static StdlibPaths {
    static PATHS: std::sync::OnceLock<StdlibPaths> = std::sync::OnceLock::new();
    PATHS.get_or_init(|| {
        let options = super::compile::runtime_options();
        locate(options.stdlib.as_deref(), &super::compile::runtime_python())
    })
}

fn parse(answer: &str) -> Option<StdlibPaths> {
    let mut lines = answer.lines();
    let stdlib = PathBuf::from(lines.next()?);
    Some(StdlibPaths {
        stdlib: Some(stdlib),
        path: lines.map(str::to_string).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_folder_brings_its_subfolders_that_exist() {
        let dir = std::env::temp_dir().join(format!("py2vm-stdlib-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("site-packages")).unwrap();
        let found = locate(Some(&dir), &[]);
        assert_eq!(found.stdlib.as_deref(), Some(dir.as_path()));
        assert_eq!(
            found.path,
            vec![
                dir.display().to_string(),
                dir.join("site-packages").display().to_string()
            ]
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn an_answer_is_the_stdlib_then_the_path() {
        let found = parse("/lib/python3.11\n/lib/python311.zip\n/lib/python3.11\n").unwrap();
        assert_eq!(found.stdlib, Some(PathBuf::from("/lib/python3.11")));
        assert_eq!(found.path, vec!["/lib/python311.zip", "/lib/python3.11"]);
    }
}
