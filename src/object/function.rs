//! Functions (Python code plus defaults, closure and globals), bound methods and
//! builtin (native) functions.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use super::dict::Dict;
use super::value::Value;
use super::PyResult;
use crate::pyc::CodeObject;

/// What the loop needs of a code object in runtime form, made once per code
/// object (`vm::protocol::code_values`): constants as values (LOAD_CONST is
/// then a reference-count increment, and equal constants in one code object
/// are one object as in CPython) and names as str values with their hashes
/// (attribute and global lookups then hash nothing).
pub struct CodeValues {
    pub code: Arc<CodeObject>,
    pub consts: Box<[Value]>,
    pub names: Box<[HashedName]>,
    /// The instructions as the loop reads them.
    pub instructions: Box<[crate::bytecode::decode::VmInstruction]>,
    /// One inline cache per instruction, used by the attribute opcodes.
    pub attr_sites: crate::vm::inline_cache::AttrSites,
}

/// A name from `co_names`, ready to be a dict key.
pub struct HashedName {
    pub text: Rc<str>,
    pub hash: i64,
}

pub struct Function {
    /// `__code__` (replaceable, as `types.coroutine` does).
    pub code: RefCell<Arc<CodeObject>>,
    /// The runtime form of `code`, filled on the first call.
    pub values: RefCell<Option<Rc<CodeValues>>>,
    pub globals: Rc<RefCell<Dict>>,
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    pub defaults: RefCell<Option<Rc<[Value]>>>,
    pub kwdefaults: RefCell<Option<Value>>,
    pub closure: Option<Rc<[Value]>>,
    pub annotations: RefCell<Option<Value>>,
    pub dict: RefCell<Dict>,
    pub doc: Value,
}

impl Function {
    pub fn code(&self) -> Arc<CodeObject> {
        self.code.borrow().clone()
    }
}

pub struct BoundMethod {
    pub function: Value,
    pub receiver: Value,
}

/// Positional and keyword arguments of a native call.
pub struct Args<'a> {
    pub positional: &'a [Value],
    pub keywords: &'a [(Rc<str>, Value)],
}

pub type NativeFn = fn(&mut crate::vm::Vm, Args) -> PyResult<Value>;

pub struct Builtin {
    pub name: &'static str,
    pub func: NativeFn,
    /// The object a builtin method is bound to (`[].append` knows its list).
    pub receiver: Option<Value>,
    /// The builtin type whose method this is, when known (error messages
    /// name it: `unbound method dict.get() needs an argument`).
    pub owner: Option<Rc<super::types::Type>>,
}
