//! Python's object model. For now: `repr()` and `hash()` of the builtin scalar
//! types and CPython's set layout, which the loader and disassembler need and
//! the VM will share.

pub mod hash;
pub mod repr;
mod unicode_printable;
