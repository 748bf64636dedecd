//! The CPython 3.11 opcode table: numbers, names, inline-cache sizes, how each
//! argument is interpreted, and the stack effect of every instruction.
//!
//! Mirrors `Lib/opcode.py` of CPython 3.11 (numbers, `_inline_cache_entries`,
//! `hasconst`/`hasname`/`haslocal`/`hasfree`/`hascompare`/`hasjrel`). The stack
//! effect is written in CPython 3.12's `bytecodes.c` notation, `(inputs -- outputs)`,
//! top of stack last; the disassembler, the VM's debug stack checks and the
//! debugger's "explain" line all read this one table.
//!
//! This module knows nothing of code objects or the VM.

use serde::Serialize;

/// How an instruction's argument is to be read (what `dis` calls `argval`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum ArgKind {
    /// The opcode takes no argument (opcode number < `HAVE_ARGUMENT`).
    None,
    /// A plain number (counts, flags, operator indices).
    Number,
    /// Index into `co_consts` (`hasconst`).
    Const,
    /// Index into `co_names` (`hasname`; `LOAD_GLOBAL` keeps a NULL flag in bit 0).
    Name,
    /// Index into the fast locals (`haslocal`).
    Local,
    /// Index into `co_localsplusnames` for cells and free variables (`hasfree`).
    Free,
    /// Index into `cmp_op` (`hascompare`).
    Compare,
    /// Relative jump forward: target = next instruction + arg * 2.
    JumpForward,
    /// Relative jump backward: target = next instruction - arg * 2.
    JumpBackward,
}

/// Opcode numbers at and above this take an argument (`opcode.HAVE_ARGUMENT`).
pub const HAVE_ARGUMENT: u8 = 90;

macro_rules! define_opcodes {
    ($( $num:literal $name:ident $caches:literal $kind:ident $effect:literal $explain:literal; )*) => {
        /// A CPython 3.11 opcode. Variant names are CPython's, so code reads like `dis`.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
        #[repr(u8)]
        pub enum Opcode {
            $(
                #[doc = $effect]
                #[doc = ""]
                #[doc = $explain]
                $name = $num,
            )*
        }

        impl Opcode {
            /// Every opcode, in numeric order.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name),*];

            /// The opcode with this number, or `None` for an unassigned or
            /// specialized (adaptive) number, which never appears in a `.pyc`.
            pub fn from_byte(byte: u8) -> Option<Opcode> {
                match byte {
                    $($num => Some(Opcode::$name),)*
                    _ => None,
                }
            }

            /// CPython's name for the opcode, as `dis` prints it.
            pub fn name(self) -> &'static str {
                match self {
                    $(Opcode::$name => stringify!($name),)*
                }
            }

            /// Looks an opcode up by its CPython name (`"YIELD_VALUE"`).
            pub fn from_name(name: &str) -> Option<Opcode> {
                match name {
                    $(stringify!($name) => Some(Opcode::$name),)*
                    _ => None,
                }
            }

            /// How many 2-byte CACHE entries follow the instruction in `co_code`.
            pub fn cache_entries(self) -> u8 {
                match self {
                    $(Opcode::$name => $caches,)*
                }
            }

            /// How the argument is interpreted.
            pub fn arg_kind(self) -> ArgKind {
                match self {
                    $(Opcode::$name => ArgKind::$kind,)*
                }
            }

            /// Stack effect in CPython's `(inputs -- outputs)` notation.
            pub fn stack_effect(self) -> &'static str {
                match self {
                    $(Opcode::$name => $effect,)*
                }
            }

            /// One line, in plain words, saying what the instruction does.
            pub fn explanation(self) -> &'static str {
                match self {
                    $(Opcode::$name => $explain,)*
                }
            }
        }
    };
}

impl Opcode {
    /// Whether the instruction carries an argument byte that means something.
    pub fn has_arg(self) -> bool {
        self as u8 >= HAVE_ARGUMENT
    }

    /// Whether the argument is a relative jump (`opcode.hasjrel`).
    pub fn is_jump(self) -> bool {
        matches!(
            self.arg_kind(),
            ArgKind::JumpForward | ArgKind::JumpBackward
        )
    }
}

include!("opcode_table.rs");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_numbers_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for &op in Opcode::ALL {
            assert!(seen.insert(op as u8), "duplicate number for {}", op.name());
            assert_eq!(Opcode::from_name(op.name()), Some(op));
            assert_eq!(Opcode::from_byte(op as u8), Some(op));
            assert_eq!(
                op.has_arg(),
                op.arg_kind() != ArgKind::None,
                "{}",
                op.name()
            );
        }
        assert_eq!(Opcode::ALL.len(), 110, "CPython 3.11 names 110 opcodes");
    }
}
