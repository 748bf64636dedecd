//! `_warnings`, the accelerator of Lib/warnings.py: py2vm provides only
//! `warn`, which runs warnings.py's own (pure-Python) `warn`. warnings.py
//! takes its filters from `_warnings` only when all of them are there, so
//! it keeps its Python implementation; `_warnings` exists for the modules
//! that import it directly (`importlib._bootstrap`, `_bootstrap_external`).

use super::{functions, importer, new_module};
use crate::object::function::Args;
use crate::object::{PyResult, Value};
use crate::vm::protocol;
use crate::vm::Vm;

pub fn module() -> Value {
    new_module("_warnings", functions(&[("warn", warn)]))
}

/// `warn(message, category=None, stacklevel=1, source=None)`: native, so
/// it adds no frame; the stack level means the same to warnings.py's.
fn warn(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let warnings = importer::import_absolute(vm, "warnings")?;
    let f = protocol::getattr(vm, &warnings, "warn")?;
    vm.call_kw(&f, a.positional.to_vec(), a.keywords.to_vec())
}
