//! Bytecode: the opcode table, decoding `co_code`, the exception and location
//! tables, and the disassembler. Knows code objects, never the VM.

pub mod decode;
pub mod dis;
pub mod exception_table;
pub mod locations;
pub mod opcode;

pub use decode::{Decoded, Instruction, Op};
pub use exception_table::ExceptionTableEntry;
pub use locations::Location;
pub use opcode::{ArgKind, Opcode};
