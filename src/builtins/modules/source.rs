//! Modules written as `.py` files on `sys.path` (or a package's `__path__`):
//! finding them as importlib's `FileFinder` does and loading them as its
//! `SourceFileLoader` does, for CPython 3.11.
//!
//! In each directory, a package `NAME/__init__.py` comes before a module
//! `NAME.py`; a directory `NAME/` without `__init__.py` is a portion of a
//! namespace package, used when no directory on the path holds a package or
//! module of that name. No zip files, extension modules or sourceless `.pyc`.
//!
//! The source is compiled exactly like the main program: the same python3.11
//! (`--python`), the same `compile(source, path, "exec", dont_inherit=True)`
//! (through the compile server, `builtins::exec::compile_bytes`), the same
//! `__pycache__` (`pyc::CacheSlot`, unless `--no-cache`). `co_filename` and
//! `__file__` are the path as found on the path (absolute for `sys.path[0]`).
//!
//! Knows nothing of `import` statements: `importer` decides what to import
//! and binds it.

use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

use super::new_module;
use crate::object::exception::{import_error, PyErr};
use crate::object::value::Module;
use crate::object::{builtin_types, PyResult, Value};
use crate::pyc::{self, CodeObject};
use crate::vm::frame::{Frame, ReturnAction};
use crate::vm::protocol;
use crate::vm::Vm;

/// What a search of the path found for one name.
#[derive(Debug)]
pub enum Found {
    /// A regular package: `dir/__init__.py` with its directory.
    Package { init: PathBuf, dir: PathBuf },
    /// A module `NAME.py`.
    Module { file: PathBuf },
    /// A namespace package: every `NAME/` directory without `__init__.py`.
    Namespace { dirs: Vec<PathBuf> },
}

/// Searches `entries` (`sys.path`, or a package's `__path__`) for `tail`,
/// the last part of a dotted module name, as `PathFinder.find_spec` asks
/// each directory's `FileFinder`.
pub fn find(tail: &str, entries: &[String]) -> Option<Found> {
    if tail.is_empty() || tail.contains(['/', '\0']) || tail == "." || tail == ".." {
        return None;
    }
    let mut portions = Vec::new();
    for entry in entries {
        let Some(base) = entry_dir(entry) else {
            continue;
        };
        let dir = base.join(tail);
        let is_dir = dir.is_dir();
        if is_dir {
            let init = dir.join("__init__.py");
            if init.is_file() {
                return Some(Found::Package { init, dir });
            }
        }
        let file = base.join(format!("{tail}.py"));
        if file.is_file() {
            return Some(Found::Module { file });
        }
        if is_dir {
            portions.push(dir);
        }
    }
    (!portions.is_empty()).then_some(Found::Namespace { dirs: portions })
}

/// The directory a path entry names: `''` and `'.'` are the current
/// directory, made absolute as `FileFinder` does.
fn entry_dir(entry: &str) -> Option<PathBuf> {
    if entry.is_empty() || entry == "." {
        std::env::current_dir().ok()
    } else {
        Some(PathBuf::from(entry))
    }
}

/// Creates, registers in `sys.modules` and executes the module `name` that
/// [`find`] found, as importlib's `_load_unlocked`: the module is in
/// `sys.modules` while its body runs (a circular import sees it partly
/// initialised) and is taken out again if the body raises. Returns what
/// `sys.modules[name]` holds afterwards (a module may replace itself there).
pub fn load(vm: &mut Vm, name: &str, found: Found) -> PyResult<Value> {
    let package = match &found {
        Found::Package { .. } | Found::Namespace { .. } => name,
        Found::Module { .. } => name.rsplit_once('.').map_or("", |(parent, _)| parent),
    };
    let mut attrs = vec![
        ("__doc__", Value::None),
        ("__package__", Value::str(package)),
        ("__loader__", Value::None),
        ("__spec__", Value::None),
    ];
    let (file, path) = match found {
        Found::Namespace { dirs } => {
            attrs.push(("__path__", path_list(&dirs)));
            attrs.push(("__file__", Value::None));
            let module = new_module(name, attrs);
            protocol::dict_set_str(&vm.modules, name, module.clone());
            return Ok(module);
        }
        Found::Package { init, dir } => (init, Some(dir)),
        Found::Module { file } => (file, None),
    };
    let filename = file.display().to_string();
    let code = compile(&file, &filename)?;
    if let Some(dir) = &path {
        attrs.push(("__path__", path_list(std::slice::from_ref(dir))));
    }
    attrs.push(("__file__", Value::str(&filename)));
    let cached = pyc::compile::cache_path(&file)
        .map_or(Value::None, |c| Value::str(&c.display().to_string()));
    attrs.push(("__cached__", cached));
    attrs.push(("__builtins__", Value::Dict(vm.builtins.clone())));
    let module = new_module(name, attrs);
    execute(vm, name, module, code)
}

/// Runs a module's body with its dict as globals and locals, registered in
/// `sys.modules` and marked as initialising meanwhile (see [`load`]).
pub fn execute(vm: &mut Vm, name: &str, module: Value, code: Arc<CodeObject>) -> PyResult<Value> {
    let Value::Module(m) = &module else {
        return Err(import_error(format!("{name} is not a module")));
    };
    let dict = m.dict.clone();
    protocol::dict_set_str(&vm.modules, name, module.clone());
    let frame = Frame::new(code, dict.clone(), Some(dict), ReturnAction::ReturnToNative);
    vm.imports.initializing.push(Rc::from(name));
    let result = run_body(vm, frame);
    vm.imports.initializing.pop();
    if let Err(e) = result {
        protocol::dict_del_str(&vm.modules, name);
        return Err(e);
    }
    Ok(protocol::dict_get_str(&vm.modules, name).unwrap_or(module))
}

/// The body runs in a nested loop (under the debugger's observer, if any),
/// as `exec` runs code.
fn run_body(vm: &mut Vm, frame: Frame) -> PyResult<Value> {
    vm.run_nested_frame(frame)
}

fn path_list(dirs: &[PathBuf]) -> Value {
    Value::list(
        dirs.iter()
            .map(|d| Value::str(&d.display().to_string()))
            .collect(),
    )
}

/// The code of the source file `path`, named `filename`: the valid cached
/// compilation, or python3.11's (then cached), as `pyc::load_source` does for
/// the main program. A syntax error is Python's SyntaxError; an unreadable
/// file an OSError naming it.
fn compile(path: &Path, filename: &str) -> PyResult<Arc<CodeObject>> {
    let source = std::fs::read(path).map_err(|e| os_error(&e, filename))?;
    let options = pyc::compile::runtime_options();
    let cache = pyc::CacheSlot::for_source(path, &options);
    if let Some(code) = cache.as_ref().and_then(|c| c.load(filename)) {
        return Ok(code);
    }
    let body = crate::builtins::exec::compile_bytes(&source, filename, "exec")?;
    if let Some(cache) = &cache {
        cache.store(&body);
    }
    pyc::code_from_body(path, &body, filename)
        .map_err(|e| import_error(format!("cannot load the compiled code of {filename}: {e}")))
}

/// `OSError(errno, strerror, filename)` for an I/O failure, the subclass
/// the errno picks (PermissionError, ...), as `open()` raises it.
fn os_error(e: &std::io::Error, filename: &str) -> PyErr {
    let text = e.to_string();
    let strerror = match text.find(" (os error") {
        Some(at) => &text[..at],
        None => &text,
    };
    let args = vec![
        Value::Int(e.raw_os_error().unwrap_or(0) as i64),
        Value::str(strerror),
        Value::str(filename),
    ];
    let class = crate::builtins::os_error_subclass(&builtin_types().os_error, &args);
    PyErr::with_args(&class, args)
}

/// `sys.path[0]` for a program run as `python3.11 FILE`: the directory of
/// the script with symbolic links resolved (`realpath`), as CPython's
/// `_PyPathConfig_ComputeSysPath0` computes it; `''` (the current
/// directory) without a script.
pub fn script_directory(script: Option<&str>) -> String {
    let Some(script) = script.filter(|s| !s.is_empty()) else {
        return String::new();
    };
    let path = Path::new(script);
    let resolved = std::fs::canonicalize(path).unwrap_or_else(|_| {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    });
    resolved
        .parent()
        .map(|d| d.display().to_string())
        .unwrap_or_default()
}

/// The module object's file for messages: `__file__` if it is a str.
pub fn module_file(module: &Rc<Module>) -> Option<Rc<str>> {
    match protocol::dict_get_str(&module.dict, "__file__") {
        Some(Value::Str(s)) => Some(s),
        _ => None,
    }
}
