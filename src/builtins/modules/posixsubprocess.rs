//! `_posixsubprocess` (CPython's `Modules/_posixsubprocess.c`), which
//! Lib/subprocess.py imports at start-up (asyncio imports subprocess).
//! py2vm does not fork yet: `fork_exec` fails with OSError(ENOSYS), so
//! `subprocess.Popen` reports that it cannot start a process rather than
//! pretending to.

use super::posix::os_error_with;
use super::{functions, new_module};
use crate::object::function::Args;
use crate::object::{PyResult, Value};
use crate::vm::Vm;

pub fn module() -> Value {
    new_module("_posixsubprocess", functions(&[("fork_exec", fork_exec)]))
}

fn fork_exec(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Err(os_error_with(libc::ENOSYS, None, None))
}
