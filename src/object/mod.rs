//! Python's object model. For now: `repr()` of the builtin scalar types, which
//! the disassembler needs and the VM will share.

pub mod repr;
mod unicode_printable;
