//! The data a `.pyc` holds: constants and 3.11 code objects, exactly as marshal
//! describes them, plus the decoded instruction form built once at load time.
//!
//! These types are immutable and `Send + Sync` (`Arc`), so a code object can be
//! shared between the VM and whatever front end shows its disassembly.

use std::sync::Arc;

use num_bigint::BigInt;

use crate::bytecode::decode::Decoded;

/// A Python str as marshal stores it. Almost every string is valid Unicode and is
/// kept as a Rust `str`; a string holding lone surrogates (legal in Python, written
/// by marshal with `surrogatepass`) keeps its code points instead.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PyString {
    Text(Arc<str>),
    WithSurrogates(Arc<[u32]>),
}

impl PyString {
    /// The string's code points, in order.
    pub fn code_points(&self) -> Box<dyn Iterator<Item = u32> + '_> {
        match self {
            PyString::Text(s) => Box::new(s.chars().map(|c| c as u32)),
            PyString::WithSurrogates(cps) => Box::new(cps.iter().copied()),
        }
    }

    /// The text when it is valid Unicode (no lone surrogates).
    pub fn as_str(&self) -> Option<&str> {
        match self {
            PyString::Text(s) => Some(s),
            PyString::WithSurrogates(_) => None,
        }
    }

    /// Lossy text: lone surrogates become U+FFFD. For messages, never for semantics.
    pub fn to_string_lossy(&self) -> String {
        self.code_points()
            .map(|cp| char::from_u32(cp).unwrap_or('\u{FFFD}'))
            .collect()
    }
}

/// A value that marshal can store in a `.pyc`.
#[derive(Clone, Debug)]
pub enum Constant {
    None,
    Bool(bool),
    Ellipsis,
    /// The `StopIteration` class itself (marshal's `TYPE_STOPITER`).
    StopIteration,
    Int(i64),
    BigInt(Arc<BigInt>),
    Float(f64),
    Complex {
        re: f64,
        im: f64,
    },
    Bytes(Arc<[u8]>),
    Str(PyString),
    Tuple(Arc<[Constant]>),
    List(Arc<[Constant]>),
    Dict(Arc<[(Constant, Constant)]>),
    Set(Arc<[Constant]>),
    /// Elements in the iteration order CPython showed when it compiled the file
    /// (see `marshal::SetOrderTrailer`), else in marshal's stored (sorted) order.
    FrozenSet(Arc<[Constant]>),
    Code(Arc<CodeObject>),
}

/// `co_flags` bits (CPython's `Include/cpython/code.h`).
pub mod flags {
    pub const OPTIMIZED: u32 = 0x1;
    pub const NEWLOCALS: u32 = 0x2;
    pub const VARARGS: u32 = 0x4;
    pub const VARKEYWORDS: u32 = 0x8;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    pub const NOFREE: u32 = 0x40;
    pub const COROUTINE: u32 = 0x80;
    pub const ITERABLE_COROUTINE: u32 = 0x100;
    pub const ASYNC_GENERATOR: u32 = 0x200;
}

/// `co_localspluskinds` bits: what each entry of `co_localsplusnames` is
/// (`CO_FAST_*` in CPython 3.11's `pycore_code.h`).
pub mod local_kind {
    pub const LOCAL: u8 = 0x20;
    pub const CELL: u8 = 0x40;
    pub const FREE: u8 = 0x80;
}

/// A CPython 3.11 code object with every field marshal stores, in marshal's order.
#[derive(Clone, Debug)]
pub struct CodeObject {
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub stacksize: u32,
    pub flags: u32,
    /// `co_code` with its CACHE entries, as CPython stores it.
    pub code: Vec<u8>,
    pub consts: Vec<Constant>,
    pub names: Vec<Arc<str>>,
    pub localsplusnames: Vec<Arc<str>>,
    pub localspluskinds: Vec<u8>,
    pub filename: Arc<str>,
    pub name: Arc<str>,
    pub qualname: Arc<str>,
    pub firstlineno: i32,
    pub linetable: Vec<u8>,
    pub exceptiontable: Vec<u8>,
    /// Instructions, exception table and locations, decoded once when loaded.
    pub decoded: Decoded,
}

impl CodeObject {
    /// Name of local-plus slot `index` (what `co._varname_from_oparg` returns).
    pub fn localsplus_name(&self, index: usize) -> Option<&str> {
        self.localsplusnames.get(index).map(|s| &**s)
    }

    /// The code objects among the constants, in order (what `dis` recurses into).
    pub fn nested_code(&self) -> impl Iterator<Item = &Arc<CodeObject>> {
        self.consts.iter().filter_map(|c| match c {
            Constant::Code(code) => Some(code),
            _ => None,
        })
    }

    /// `co_varnames`: the locals-plus entries that are plain locals or arguments.
    pub fn varnames(&self) -> impl Iterator<Item = &str> {
        self.kinds_matching(|k| k & local_kind::LOCAL != 0)
    }

    /// `co_cellvars`.
    pub fn cellvars(&self) -> impl Iterator<Item = &str> {
        self.kinds_matching(|k| k & local_kind::CELL != 0)
    }

    /// `co_freevars`.
    pub fn freevars(&self) -> impl Iterator<Item = &str> {
        self.kinds_matching(|k| k & local_kind::FREE != 0)
    }

    fn kinds_matching(&self, keep: impl Fn(u8) -> bool) -> impl Iterator<Item = &str> {
        self.localsplusnames
            .iter()
            .zip(&self.localspluskinds)
            .filter(move |(_, &k)| keep(k))
            .map(|(n, _)| &**n)
    }
}

impl Constant {
    /// `repr()` of the constant exactly as CPython 3.11 prints it (code objects
    /// show this process's address, as CPython shows its own).
    pub fn repr(&self) -> String {
        use crate::object::repr::{repr_bytes, repr_complex, repr_float, repr_str};
        match self {
            Constant::None => "None".into(),
            Constant::Bool(true) => "True".into(),
            Constant::Bool(false) => "False".into(),
            Constant::Ellipsis => "Ellipsis".into(),
            Constant::StopIteration => "<class 'StopIteration'>".into(),
            Constant::Int(i) => i.to_string(),
            Constant::BigInt(i) => i.to_string(),
            Constant::Float(f) => repr_float(*f),
            Constant::Complex { re, im } => repr_complex(*re, *im),
            Constant::Bytes(b) => repr_bytes(b),
            Constant::Str(s) => repr_str(CodePoints(s)),
            Constant::Tuple(items) if items.len() == 1 => format!("({},)", items[0].repr()),
            Constant::Tuple(items) => format!("({})", join_reprs(items)),
            Constant::List(items) => format!("[{}]", join_reprs(items)),
            Constant::Set(items) if items.is_empty() => "set()".into(),
            Constant::Set(items) => format!("{{{}}}", join_reprs(items)),
            Constant::FrozenSet(items) if items.is_empty() => "frozenset()".into(),
            Constant::FrozenSet(items) => format!("frozenset({{{}}})", join_reprs(items)),
            Constant::Dict(pairs) => {
                let parts: Vec<String> = pairs
                    .iter()
                    .map(|(k, v)| format!("{}: {}", k.repr(), v.repr()))
                    .collect();
                format!("{{{}}}", parts.join(", "))
            }
            Constant::Code(code) => code.repr(),
        }
    }
}

impl Constant {
    /// `hash()` of the constant as CPython 3.11 computes it with this key;
    /// `None` when it is unhashable or address-based (None, Ellipsis, NaN, code).
    pub fn cpython_hash(&self, key: crate::object::hash::HashKey) -> Option<i64> {
        use crate::object::hash as h;
        match self {
            Constant::Bool(b) => Some(*b as i64),
            Constant::Int(i) => Some(h::hash_i64(*i)),
            Constant::BigInt(i) => Some(h::hash_bigint(i)),
            Constant::Float(f) => h::hash_float(*f),
            Constant::Complex { re, im } => h::hash_complex(*re, *im),
            Constant::Bytes(b) => Some(h::hash_bytes(key, b)),
            Constant::Str(s) => Some(h::hash_str(key, CodePoints(s))),
            Constant::Tuple(items) => {
                let hashes: Option<Vec<i64>> = items.iter().map(|c| c.cpython_hash(key)).collect();
                Some(h::hash_tuple(hashes?.into_iter()))
            }
            _ => None,
        }
    }
}

fn join_reprs(items: &[Constant]) -> String {
    items
        .iter()
        .map(Constant::repr)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A cloneable code-point iterator over a [`PyString`] (what `repr_str` needs).
#[derive(Clone)]
struct CodePoints<'a>(&'a PyString);

impl<'a> IntoIterator for CodePoints<'a> {
    type Item = u32;
    type IntoIter = Box<dyn Iterator<Item = u32> + 'a>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.code_points()
    }
}

impl CodeObject {
    /// `repr(code)`: `<code object f at 0x…, file "x.py", line 3>`.
    pub fn repr(&self) -> String {
        format!(
            "<code object {} at {:p}, file \"{}\", line {}>",
            self.name, self as *const CodeObject, self.filename, self.firstlineno
        )
    }
}
