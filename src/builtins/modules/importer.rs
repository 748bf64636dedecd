//! What `import` statements do, as CPython 3.11's import.c
//! (`PyImport_ImportModuleLevelObject`), ceval.c (`import_name`,
//! `import_from`, `import_all_from`) and importlib._bootstrap
//! (`_find_and_load_unlocked`, `_handle_fromlist`) do it:
//!
//! - a relative name (`level > 0`) is resolved against the importing
//!   module's `__package__` (else `__spec__.parent`, else `__name__`);
//! - `sys.modules` answers first; a dotted name imports each parent first and
//!   searches the parent's `__path__`, then binds the submodule as an
//!   attribute of its parent;
//! - CPython's builtin modules (`sys.builtin_module_names`) are never
//!   shadowed; every other name is searched on `sys.path` (the script's
//!   directory first) before py2vm's own versions of stdlib modules, so a
//!   sibling `random.py` shadows `random` as it does in CPython;
//! - `import a.b` gets the top-level `a`; with a fromlist the module itself,
//!   after importing the submodules the fromlist names.
//!
//! Finding and running `.py` files is `source`'s business.

use std::cell::RefCell;
use std::rc::Rc;

use super::source;
use crate::object::exception::{import_error, key_error, type_error, value_error};
use crate::object::function::Args;
use crate::object::{builtin_types, Dict, PyErr, PyResult, Value};
use crate::vm::protocol::{self, type_name};
use crate::vm::Vm;

/// `sys.builtin_module_names` of CPython 3.11 (Linux): modules compiled
/// into the interpreter, which its `BuiltinImporter` finds before `sys.path`
/// is searched. py2vm provides some of them (`sys`, `builtins`, `time`,
/// `itertools`); the others cannot be imported, and never from a file.
pub const BUILTIN_MODULE_NAMES: &[&str] = &[
    "_abc",
    "_ast",
    "_codecs",
    "_collections",
    "_functools",
    "_imp",
    "_io",
    "_locale",
    "_operator",
    "_signal",
    "_sre",
    "_stat",
    "_string",
    "_symtable",
    "_thread",
    "_tokenize",
    "_tracemalloc",
    "_warnings",
    "_weakref",
    "atexit",
    "builtins",
    "errno",
    "faulthandler",
    "gc",
    "itertools",
    "marshal",
    "posix",
    "pwd",
    "sys",
    "time",
    "xxsubtype",
];

/// The import system's state in the VM.
pub struct ImportState {
    /// The list `sys.path` starts as: the script's directory, `PYTHONPATH`,
    /// then CPython's standard library (`pyc::stdlib`). Once `sys` is
    /// imported the search reads `sys.path` itself, so a program may change
    /// or replace it.
    pub path: Value,
    /// CPython's Lib folder, if there is one.
    pub stdlib: Option<std::path::PathBuf>,
    /// Modules whose bodies are running, innermost last: what importlib
    /// marks with `__spec__._initializing` (IMPORT_FROM's "partially
    /// initialized module" message).
    pub initializing: Vec<Rc<str>>,
}

impl ImportState {
    /// The state for a program run as `python3.11 SCRIPT`.
    pub fn new(script: Option<&str>) -> ImportState {
        let stdlib = crate::pyc::stdlib::runtime();
        let mut path = vec![Value::str(&source::script_directory(script))];
        path.extend(python_path().iter().map(|p| Value::str(p)));
        path.extend(stdlib.path.iter().map(|p| Value::str(p)));
        ImportState {
            path: Value::list(path),
            stdlib: stdlib.stdlib.clone(),
            initializing: Vec::new(),
        }
    }
}

/// The entries of `PYTHONPATH`, made absolute as CPython's getpath does
/// (an empty entry is the current directory).
fn python_path() -> Vec<String> {
    let Some(var) = std::env::var_os("PYTHONPATH").filter(|v| !v.is_empty()) else {
        return Vec::new();
    };
    std::env::split_paths(&var)
        .map(|p| {
            // os.path.abspath: joined to the current directory, `.` and
            // `..` resolved by name.
            let joined = std::env::current_dir().map_or(p.clone(), |cwd| cwd.join(&p));
            let mut out = std::path::PathBuf::new();
            for part in joined.components() {
                match part {
                    std::path::Component::CurDir => {}
                    std::path::Component::ParentDir => {
                        out.pop();
                    }
                    other => out.push(other),
                }
            }
            out.display().to_string()
        })
        .collect()
}

/// IMPORT_NAME: `builtins.__import__` if a program replaced it, else the
/// import itself with the current frame's globals (ceval.c's `import_name`).
pub fn import_name(vm: &mut Vm, name: &str, fromlist: Value, level: Value) -> PyResult<Value> {
    let frame = vm.frames.last().expect("IMPORT_NAME runs in a frame");
    let globals = frame.globals.clone();
    let locals = frame.locals.clone();
    match protocol::dict_get_str(&vm.builtins, "__import__") {
        Some(Value::Builtin(b)) if b.name == "__import__" => {
            let level = crate::vm::ops::index_of(&level)?;
            import_module_level(vm, name, Some(&globals), &fromlist, level)
        }
        Some(func) => {
            let locals = locals.map_or(Value::None, Value::Dict);
            let args = vec![
                Value::str(name),
                Value::Dict(globals),
                locals,
                fromlist,
                level,
            ];
            vm.call(&func, args)
        }
        None => Err(import_error("__import__ not found")),
    }
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub fn builtin_import(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::super::allow_keywords(
        &args,
        "__import__",
        &["name", "globals", "locals", "fromlist", "level"],
    )?;
    let param = |i: usize, key: &str| {
        args.positional
            .get(i)
            .or_else(|| super::super::kwarg(&args, key))
            .cloned()
    };
    let name = match param(0, "name") {
        Some(Value::Str(s)) => s,
        Some(_) => return Err(type_error("module name must be a string")),
        None => {
            return Err(type_error(
                "__import__() missing required argument 'name' (pos 1)",
            ))
        }
    };
    let globals = param(1, "globals");
    let fromlist = param(3, "fromlist").unwrap_or(Value::None);
    let level = match param(4, "level") {
        Some(level) => crate::vm::ops::index_of(&level)?,
        None => 0,
    };
    let globals = match &globals {
        Some(Value::Dict(d)) => Some(d.clone()),
        None | Some(Value::None) => None,
        Some(_) if level > 0 => return Err(type_error("globals must be a dict")),
        Some(_) => None,
    };
    import_module_level(vm, &name, globals.as_ref(), &fromlist, level)
}

/// import.c's `PyImport_ImportModuleLevelObject`: imports `name` (relative
/// to `globals`' package when `level > 0`) and returns what the statement
/// binds.
pub fn import_module_level(
    vm: &mut Vm,
    name: &str,
    globals: Option<&Rc<RefCell<Dict>>>,
    fromlist: &Value,
    level: i64,
) -> PyResult<Value> {
    if level < 0 {
        return Err(value_error("level must be >= 0"));
    }
    let abs_name = if level > 0 {
        resolve_name(vm, name, globals, level)?
    } else if name.is_empty() {
        return Err(value_error("Empty module name"));
    } else {
        name.to_string()
    };
    let module = import_absolute(vm, &abs_name)?;
    let has_from = !fromlist.is_none() && protocol::truthy(vm, fromlist)?;
    if has_from {
        return match lookup_attr(vm, &module, "__path__")? {
            Some(_) => handle_fromlist(vm, &module, fromlist, false),
            None => Ok(module),
        };
    }
    if level > 0 && name.is_empty() {
        return Ok(module);
    }
    match name.find('.') {
        None => Ok(module),
        Some(dot) if level == 0 => import_module_level(vm, &name[..dot], None, &Value::None, 0),
        Some(dot) => {
            // `from .a.b import` without a fromlist cannot be written, but
            // `__import__('a.b', g, level=1)` returns the package `.a`.
            let to_return = &abs_name[..abs_name.len() - (name.len() - dot)];
            protocol::dict_get_str(&vm.modules, to_return).ok_or_else(|| {
                key_error(Value::str(&format!(
                    "{} not in sys.modules as expected",
                    str_repr(to_return)
                )))
            })
        }
    }
}

/// import.c's `resolve_name`: the absolute name of a relative import.
fn resolve_name(
    vm: &mut Vm,
    name: &str,
    globals: Option<&Rc<RefCell<Dict>>>,
    level: i64,
) -> PyResult<String> {
    let Some(globals) = globals else {
        return Err(key_error(Value::str("'__name__' not in globals")));
    };
    let spec = protocol::dict_get_str(globals, "__spec__");
    let package: String = match protocol::dict_get_str(globals, "__package__") {
        Some(Value::Str(p)) => p.to_string(),
        Some(p) if !p.is_none() => return Err(type_error("package must be a string")),
        _ => match spec {
            Some(spec) if !spec.is_none() => match protocol::getattr(vm, &spec, "parent")? {
                Value::Str(p) => p.to_string(),
                _ => return Err(type_error("__spec__.parent must be a string")),
            },
            _ => package_from_name(globals)?,
        },
    };
    if package.is_empty() {
        return Err(import_error(
            "attempted relative import with no known parent package",
        ));
    }
    let mut last_dot = package.len();
    for _ in 1..level {
        match package[..last_dot].rfind('.') {
            Some(dot) => last_dot = dot,
            None => {
                return Err(import_error(
                    "attempted relative import beyond top-level package",
                ))
            }
        }
    }
    let base = &package[..last_dot];
    Ok(if name.is_empty() {
        base.to_string()
    } else {
        format!("{base}.{name}")
    })
}

/// The package of a module that has neither `__package__` nor `__spec__`:
/// its `__name__`, less the last part unless it is a package (`__path__`).
fn package_from_name(globals: &Rc<RefCell<Dict>>) -> PyResult<String> {
    let name = match protocol::dict_get_str(globals, "__name__") {
        Some(Value::Str(n)) => n,
        Some(_) => return Err(type_error("__name__ must be a string")),
        None => return Err(key_error(Value::str("'__name__' not in globals"))),
    };
    if protocol::dict_get_str(globals, "__path__").is_some() {
        return Ok(name.to_string());
    }
    Ok(name.rsplit_once('.').map_or("", |(p, _)| p).to_string())
}

/// `sys.modules[name]`, importing it first if it is not there
/// (importlib's `_find_and_load`).
pub fn import_absolute(vm: &mut Vm, name: &str) -> PyResult<Value> {
    match protocol::dict_get_str(&vm.modules, name) {
        Some(Value::None) => Err(module_not_found(
            format!("import of {name} halted; None in sys.modules"),
            name,
        )),
        Some(module) => Ok(module),
        None => find_and_load(vm, name),
    }
}

/// importlib's `_find_and_load_unlocked`.
fn find_and_load(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let Some((parent, child)) = name.rsplit_once('.').filter(|(p, _)| !p.is_empty()) else {
        return find_top_level(vm, name);
    };
    if protocol::dict_get_str(&vm.modules, parent).is_none() {
        import_absolute(vm, parent)?;
    }
    // Importing the parent may have imported this module too.
    if let Some(module) = protocol::dict_get_str(&vm.modules, name) {
        return Ok(module);
    }
    let parent_module =
        protocol::dict_get_str(&vm.modules, parent).ok_or_else(|| key_error(Value::str(parent)))?;
    let Some(path) = lookup_attr(vm, &parent_module, "__path__")? else {
        return Err(module_not_found(
            format!(
                "No module named {}; {} is not a package",
                str_repr(name),
                str_repr(parent)
            ),
            name,
        ));
    };
    let entries = path_entries(vm, &path)?;
    let module = match source::find(child, &entries) {
        Some(found) => source::load(vm, name, found)?,
        None => return Err(no_module_named(name)),
    };
    // As importlib, a parent that refuses the attribute is not an error.
    let _ = protocol::setattr(vm, &parent_module, child, module.clone());
    Ok(module)
}

/// A top-level module: a builtin one, or a file on `sys.path`. A native
/// module py2vm provides for one CPython writes in C outside the
/// interpreter (`math`, `_random`, in `lib-dynload`) is found where that
/// folder is: after the program's folders, and so is one of py2vm's own
/// versions of a stdlib module CPython's cannot replace yet (their list in
/// `provided_module` only shrinks).
fn find_top_level(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let not_found = || no_module_named(name);
    if BUILTIN_MODULE_NAMES.contains(&name) {
        return super::provided_module(vm, name)?.ok_or_else(not_found);
    }
    let path = sys_path(vm)?;
    let entries = path_entries(vm, &path)?;
    match source::find(name, &entries) {
        Some(found) if !in_stdlib(vm, &found) => source::load(vm, name, found),
        Some(found) => match super::provided_module(vm, name)? {
            Some(module) => Ok(module),
            None => source::load(vm, name, found),
        },
        None => super::provided_module(vm, name)?.ok_or_else(not_found),
    }
}

/// Whether a module found on the path is one of CPython's standard library.
fn in_stdlib(vm: &Vm, found: &source::Found) -> bool {
    let Some(stdlib) = &vm.imports.stdlib else {
        return false;
    };
    match found {
        source::Found::Package { dir, .. } => dir.starts_with(stdlib),
        source::Found::Module { file } => file.starts_with(stdlib),
        source::Found::Namespace { dirs } => dirs.iter().any(|d| d.starts_with(stdlib)),
    }
}

/// `sys.path`: the sys module's attribute once `sys` is imported (a
/// program may have replaced the list, or deleted it: AttributeError as in
/// CPython), else the list it will start with.
fn sys_path(vm: &mut Vm) -> PyResult<Value> {
    match protocol::dict_get_str(&vm.modules, "sys") {
        Some(sys @ Value::Module(_)) => protocol::getattr(vm, &sys, "path"),
        _ => Ok(vm.imports.path.clone()),
    }
}

/// The str items of a path list (others are skipped, as `PathFinder` skips
/// what is neither str nor bytes).
fn path_entries(vm: &mut Vm, path: &Value) -> PyResult<Vec<String>> {
    Ok(protocol::collect(vm, path)?
        .into_iter()
        .filter_map(|v| match v {
            Value::Str(s) => Some(s.to_string()),
            _ => None,
        })
        .collect())
}

/// importlib's `_handle_fromlist`: with `from pkg import name`, a `name`
/// the package lacks is imported as the submodule `pkg.name` (a missing
/// submodule is left for IMPORT_FROM to report).
fn handle_fromlist(
    vm: &mut Vm,
    module: &Value,
    fromlist: &Value,
    recursive: bool,
) -> PyResult<Value> {
    let module_name = || match module {
        Value::Module(m) => m.name.to_string(),
        _ => String::from("?"),
    };
    for item in protocol::collect(vm, fromlist)? {
        let Value::Str(x) = &item else {
            let place = if recursive {
                format!("{}.__all__", module_name())
            } else {
                "``from list''".to_string()
            };
            return Err(type_error(format!(
                "Item in {place} must be str, not {}",
                type_name(&item)
            )));
        };
        if &**x == "*" {
            if !recursive {
                if let Some(all) = lookup_attr(vm, module, "__all__")? {
                    handle_fromlist(vm, module, &all, true)?;
                }
            }
            continue;
        }
        if lookup_attr(vm, module, x)?.is_some() {
            continue;
        }
        let from_name = format!("{}.{x}", module_name());
        if let Err(e) = import_module_level(vm, &from_name, None, &Value::None, 0) {
            let missing_submodule = e.is_instance(&builtin_types().module_not_found_error)
                && error_name(&e).as_deref() == Some(from_name.as_str())
                && !matches!(
                    protocol::dict_get_str(&vm.modules, &from_name),
                    Some(Value::None)
                );
            if !missing_submodule {
                return Err(e);
            }
        }
    }
    Ok(module.clone())
}

/// IMPORT_FROM (ceval.c's `import_from`): the attribute, else the
/// submodule already in `sys.modules` (a circular import), else
/// CPython's ImportError naming the module and its file.
pub fn import_from(vm: &mut Vm, module: &Value, name: &str) -> PyResult<Value> {
    if let Some(value) = lookup_attr(vm, module, name)? {
        return Ok(value);
    }
    let package = match lookup_attr(vm, module, "__name__")? {
        Some(Value::Str(s)) => Some(s),
        _ => None,
    };
    if let Some(package) = &package {
        if let Some(sub) = protocol::dict_get_str(&vm.modules, &format!("{package}.{name}")) {
            return Ok(sub);
        }
    }
    let shown = str_repr(package.as_deref().unwrap_or("<unknown module name>"));
    let file = match module {
        Value::Module(m) => source::module_file(m),
        _ => None,
    };
    let initializing = package
        .as_ref()
        .is_some_and(|p| vm.imports.initializing.contains(p));
    let name = str_repr(name);
    let message = match &file {
        None => format!("cannot import name {name} from {shown} (unknown location)"),
        Some(file) if initializing => format!(
            "cannot import name {name} from partially initialized module {shown} \
             (most likely due to a circular import) ({file})"
        ),
        Some(file) => format!("cannot import name {name} from {shown} ({file})"),
    };
    let err = import_error(message);
    set_error_attrs(
        &err,
        package.map_or(Value::None, Value::Str),
        file.map_or(Value::None, Value::Str),
    );
    Err(err)
}

/// IMPORT_STAR (ceval.c's `import_all_from`): the names in `__all__`, or
/// else every name of the module's dict not starting with `_`, stored in
/// `locals`.
pub fn import_star(vm: &mut Vm, module: &Value, locals: &Rc<RefCell<Dict>>) -> PyResult<()> {
    let (names, from_dict) = match lookup_attr(vm, module, "__all__")? {
        Some(all) => (protocol::collect(vm, &all)?, false),
        None => match lookup_attr(vm, module, "__dict__")? {
            Some(dict) => (protocol::collect(vm, &dict)?, true),
            None => {
                return Err(import_error(
                    "from-import-* object has no __dict__ and no __all__",
                ))
            }
        },
    };
    for name in names {
        let Value::Str(s) = &name else {
            let module_name = match lookup_attr(vm, module, "__name__")? {
                Some(Value::Str(n)) => format!("{n}."),
                _ => String::new(),
            };
            let what = if from_dict {
                format!("Key in {module_name}__dict__")
            } else {
                format!("Item in {module_name}__all__")
            };
            return Err(type_error(format!(
                "{what} must be str, not {}",
                type_name(&name)
            )));
        };
        if from_dict && s.starts_with('_') {
            continue;
        }
        let value = protocol::getattr(vm, module, s)?;
        protocol::dict_set_str(locals, s, value);
    }
    Ok(())
}

/// `getattr(obj, name)`, `None` for an AttributeError (`_PyObject_LookupAttr`).
fn lookup_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    match protocol::getattr(vm, obj, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is_instance(&builtin_types().attribute_error) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `ModuleNotFoundError("No module named 'NAME'", name=NAME)`.
pub fn no_module_named(name: &str) -> PyErr {
    module_not_found(format!("No module named {}", str_repr(name)), name)
}

/// A str's repr, as importlib's `{name!r}` and import.c's `%R` show names.
fn str_repr(s: &str) -> String {
    crate::object::repr::repr_str(s.chars().map(|c| c as u32))
}

/// `ModuleNotFoundError(message, name=name)`.
fn module_not_found(message: String, name: &str) -> PyErr {
    let err = crate::object::exception::module_not_found_error(message);
    set_error_attrs(&err, Value::str(name), Value::None);
    err
}

/// ImportError's `name` and `path` attributes.
fn set_error_attrs(err: &PyErr, name: Value, path: Value) {
    let mut d = err.0.dict.borrow_mut();
    protocol::plain_set_str(&mut d, "name", name);
    protocol::plain_set_str(&mut d, "path", path);
}

/// An ImportError's `name` attribute, if it is a str.
fn error_name(err: &PyErr) -> Option<String> {
    match protocol::plain_get_str(&err.0.dict.borrow(), "name") {
        Some(Value::Str(s)) => Some(s.to_string()),
        _ => None,
    }
}

/// Whether `name` is one of CPython's builtin modules that py2vm provides
/// (what `_imp.is_builtin` answers).
pub fn is_provided_builtin(name: &str) -> bool {
    BUILTIN_MODULE_NAMES.contains(&name) && super::PROVIDED.contains(&name)
}
