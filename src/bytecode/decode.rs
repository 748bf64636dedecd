//! Decoding `co_code`: instructions with EXTENDED_ARG folded in, CACHE entries
//! skipped (but counted, so offsets stay CPython's), and jump targets resolved.
//!
//! Mirrors `dis._unpack_opargs` and `dis.findlabels` of CPython 3.11. Decoding
//! never fails: a byte that is not a 3.11 opcode becomes `Op::Unknown`, which
//! `dis` prints as `<N>` and the VM reports as an unsupported opcode.

use serde::Serialize;

use super::exception_table::{parse_exception_table, ExceptionTableEntry};
use super::locations::{parse_location_table, Location};
use super::opcode::{ArgKind, Opcode};

/// An opcode byte: a 3.11 opcode, or a number 3.11 does not define.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Op {
    Known(Opcode),
    Unknown(u8),
}

impl Op {
    pub fn from_byte(byte: u8) -> Op {
        Opcode::from_byte(byte).map_or(Op::Unknown(byte), Op::Known)
    }

    pub fn byte(self) -> u8 {
        match self {
            Op::Known(op) => op as u8,
            Op::Unknown(b) => b,
        }
    }

    /// The name `dis` prints: CPython's, or `<N>` for an unknown byte.
    pub fn name(self) -> std::borrow::Cow<'static, str> {
        match self {
            Op::Known(op) => op.name().into(),
            Op::Unknown(b) => format!("<{b}>").into(),
        }
    }

    pub fn known(self) -> Option<Opcode> {
        match self {
            Op::Known(op) => Some(op),
            Op::Unknown(_) => None,
        }
    }

    fn cache_entries(self) -> usize {
        self.known().map_or(0, |op| op.cache_entries() as usize)
    }

    fn has_arg(self) -> bool {
        self.byte() >= super::opcode::HAVE_ARGUMENT
    }
}

/// One decoded instruction. `offset` (a byte offset into `co_code`) is the
/// instruction's identity everywhere the user sees it: dis, breakpoints, traces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Instruction {
    pub offset: u32,
    pub op: Op,
    /// The argument with preceding EXTENDED_ARGs folded in, wrapped like a C
    /// `int` as `dis` does (so corrupt code can make it negative); `None` when
    /// the opcode takes none.
    pub arg: Option<i64>,
    /// For relative jumps, the absolute byte offset jumped to.
    pub jump_target: Option<u32>,
    /// Index in the instruction list of `jump_target` (what the VM jumps to).
    pub jump_index: Option<u32>,
    /// Byte offset of the next instruction (after this one's CACHE entries).
    pub next_offset: u32,
}

/// What the interpreter loop reads of an instruction, packed (16 bytes
/// instead of an [`Instruction`]'s 48) so that fetching it is one small load.
#[derive(Clone, Copy, Debug)]
pub struct VmInstruction {
    pub op: Op,
    /// The argument (0 when the opcode takes none), as an index.
    pub arg: u32,
    /// Index of the jump target in the instruction list, `u32::MAX` if none.
    pub jump: u32,
}

impl Decoded {
    /// The instructions in the loop's packed form.
    pub fn vm_instructions(&self) -> Box<[VmInstruction]> {
        self.instructions
            .iter()
            .map(|i| VmInstruction {
                op: i.op,
                // Wrapped like `dis` shows it; a corrupt negative argument
                // becomes a huge index the opcodes reject.
                arg: i.arg.unwrap_or(0) as u32,
                jump: i.jump_index.unwrap_or(u32::MAX),
            })
            .collect()
    }
}

/// A code object's bytecode in the form the VM, dis and the debugger use.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Decoded {
    pub instructions: Vec<Instruction>,
    pub exception_table: Vec<ExceptionTableEntry>,
    /// One location per 2-byte code unit (CACHE units included), as
    /// `co_positions()` yields them.
    pub locations: Vec<Location>,
    /// `(offset, line)` for each instruction that starts a new source line, as
    /// `dis.findlinestarts` yields them.
    pub line_starts: Vec<(u32, i32)>,
}

impl Decoded {
    pub fn new(code: &[u8], firstlineno: i32, linetable: &[u8], exceptiontable: &[u8]) -> Decoded {
        let locations = parse_location_table(linetable, firstlineno, code.len() / 2);
        Decoded {
            instructions: decode_instructions(code),
            exception_table: parse_exception_table(exceptiontable),
            line_starts: line_starts(linetable, firstlineno),
            locations,
        }
    }

    /// Index of the instruction starting at byte `offset`, if one does.
    pub fn index_of_offset(&self, offset: u32) -> Option<usize> {
        self.instructions
            .binary_search_by_key(&offset, |i| i.offset)
            .ok()
    }

    /// Source location of the instruction at byte `offset`.
    pub fn location_at(&self, offset: u32) -> Location {
        self.locations
            .get(offset as usize / 2)
            .copied()
            .unwrap_or_default()
    }

    /// Offsets that some jump or exception handler targets (dis's `>>` marks).
    pub fn jump_targets(&self) -> std::collections::BTreeSet<u32> {
        let mut labels: std::collections::BTreeSet<u32> = self
            .instructions
            .iter()
            .filter_map(|i| i.jump_target)
            .collect();
        labels.extend(self.exception_table.iter().map(|e| e.target));
        labels
    }
}

/// `dis._unpack_opargs`, plus jump targets as `dis.findlabels` computes them.
pub fn decode_instructions(code: &[u8]) -> Vec<Instruction> {
    let mut out = Vec::with_capacity(code.len() / 2);
    let mut extended: i64 = 0;
    let mut i = 0usize;
    while i + 1 < code.len() {
        let op = Op::from_byte(code[i]);
        let caches = op.cache_entries();
        let next_offset = (i + 2 + 2 * caches).min(code.len() & !1);
        let arg = if op.has_arg() {
            let arg = code[i + 1] as i64 | extended;
            extended = if op == Op::Known(Opcode::EXTENDED_ARG) {
                arg.wrapping_shl(8)
            } else {
                0
            };
            // The oparg is a C int: wrap once, exactly as dis._unpack_opargs does.
            if extended >= 1 << 31 {
                extended -= 1 << 32;
            }
            Some(arg)
        } else {
            extended = 0;
            None
        };
        let jump_target = match (op.known().map(Opcode::arg_kind), arg) {
            (Some(ArgKind::JumpForward), Some(a)) => a.checked_mul(2),
            (Some(ArgKind::JumpBackward), Some(a)) => a.checked_mul(-2),
            _ => None,
        }
        .and_then(|delta| delta.checked_add(i as i64 + 2))
        .and_then(|t| u32::try_from(t).ok());
        out.push(Instruction {
            offset: i as u32,
            op,
            arg,
            jump_target,
            jump_index: None,
            next_offset: next_offset as u32,
        });
        i += 2 + 2 * caches;
    }
    let offsets: Vec<u32> = out.iter().map(|i| i.offset).collect();
    for instr in &mut out {
        instr.jump_index = instr
            .jump_target
            .and_then(|t| offsets.binary_search(&t).ok())
            .map(|i| i as u32);
    }
    out
}

/// `dis.findlinestarts`: the first offset of each run of a new line number.
fn line_starts(linetable: &[u8], firstlineno: i32) -> Vec<(u32, i32)> {
    let mut out = Vec::new();
    let mut last: Option<i32> = None;
    for (start, _end, line) in super::locations::co_lines(linetable, firstlineno) {
        if let Some(line) = line {
            if Some(line) != last {
                last = Some(line);
                out.push((start, line));
            }
        }
    }
    out
}
