//! py2vm: a CPython 3.11 bytecode interpreter with a terminal step debugger.
//!
//! Stages, in order; a module uses only the ones before it (tests/layering.rs
//! checks this and lists the back edges still to remove):
//! - [`pyc`]: bytes → code objects (marshal, `.pyc` header, compiling via python3.11)
//! - [`bytecode`]: opcodes, decoding, line/exception tables, `dis`
//! - [`object`]: Python's object model: `Value` and one file per kind of object
//! - [`vm`]: the frame stack, the instruction loop and the object protocols
//! - [`builtins`]: builtin functions, methods of builtin types, native modules
//! - [`debugger`]: the debugger without a terminal (controller, views, commands)
//! - [`tui`]: the terminal front end
//! - [`cli`]: the `py2vm` command line

pub mod alloc;
pub mod builtins;
pub mod bytecode;
pub mod cli;
pub mod debugger;
pub mod object;
pub mod pyc;
pub mod tui;
pub mod vm;
