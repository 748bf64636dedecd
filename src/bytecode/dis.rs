//! The disassembler: the same text as CPython 3.11's `dis` module prints.
//!
//! Follows `dis._get_instructions_bytes` (argument resolution and argrepr),
//! `Instruction._disassemble` (column layout), `dis._disassemble_bytes` (line
//! and offset widths, blank lines, the `ExceptionTable:` section) and
//! `dis._disassemble_recursive` (nested code objects). The TUI's dis pane and
//! the debugger's views use [`instructions`] so they say what `dis` says.

use serde::Serialize;

use super::decode::{Instruction, Op};
use super::opcode::{ArgKind, Opcode};
use crate::pyc::{CodeObject, Constant};

/// `dis._OPNAME_WIDTH` and `dis._OPARG_WIDTH`.
const OPNAME_WIDTH: usize = 20;
const OPARG_WIDTH: usize = 5;

/// `opcode.cmp_op`.
pub const CMP_OPS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// `opcode._nb_ops`: the operator each BINARY_OP argument names.
pub const NB_OPS: [&str; 26] = [
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^", "+=", "&=", "//=", "<<=",
    "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
];

/// One instruction as `dis.Instruction` describes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DisInstruction {
    pub opname: String,
    pub opcode: u8,
    pub arg: Option<i64>,
    pub argrepr: String,
    pub offset: u32,
    pub starts_line: Option<i32>,
    pub is_jump_target: bool,
    /// Only for jumps: the absolute target offset.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jump_target: Option<u32>,
}

/// A code object's disassembly as data (what `--json` prints).
#[derive(Clone, Debug, Serialize)]
pub struct DisCode {
    pub name: String,
    pub qualname: String,
    pub filename: String,
    pub firstlineno: i32,
    pub instructions: Vec<DisInstruction>,
    pub exception_table: Vec<super::ExceptionTableEntry>,
    pub nested: Vec<DisCode>,
}

/// The argrepr `dis` shows for `instr` in `code`.
pub fn argrepr(code: &CodeObject, instr: &Instruction) -> String {
    let (Op::Known(op), Some(arg)) = (instr.op, instr.arg) else {
        return String::new();
    };
    let index = usize::try_from(arg).ok();
    let name_at = |names: &[std::sync::Arc<str>], i: Option<usize>| {
        i.and_then(|i| names.get(i))
            .map(|n| n.to_string())
            .unwrap_or_default()
    };
    match op.arg_kind() {
        ArgKind::Const if op == Opcode::LOAD_CONST => index
            .and_then(|i| code.consts.get(i))
            .map(Constant::repr)
            .unwrap_or_default(),
        ArgKind::Const => String::new(),
        ArgKind::Name if op == Opcode::LOAD_GLOBAL => {
            let name = name_at(&code.names, usize::try_from(arg >> 1).ok());
            if arg & 1 != 0 && !name.is_empty() {
                format!("NULL + {name}")
            } else {
                name
            }
        }
        ArgKind::Name => name_at(&code.names, index),
        ArgKind::Local | ArgKind::Free => name_at(&code.localsplusnames, index),
        ArgKind::Compare => index
            .and_then(|i| CMP_OPS.get(i))
            .copied()
            .unwrap_or_default()
            .into(),
        ArgKind::JumpForward | ArgKind::JumpBackward => {
            let arg = arg as i128;
            let delta = if op.arg_kind() == ArgKind::JumpBackward {
                -arg
            } else {
                arg
            };
            format!("to {}", instr.offset as i128 + 2 + delta * 2)
        }
        ArgKind::Number => number_argrepr(op, arg),
        ArgKind::None => String::new(),
    }
}

fn number_argrepr(op: Opcode, arg: i64) -> String {
    match op {
        Opcode::FORMAT_VALUE => {
            let conversion = ["", "str", "repr", "ascii"][(arg & 3) as usize];
            match (conversion, arg & 4 != 0) {
                (c, false) => c.to_string(),
                ("", true) => "with format".to_string(),
                (c, true) => format!("{c}, with format"),
            }
        }
        Opcode::MAKE_FUNCTION => ["defaults", "kwdefaults", "annotations", "closure"]
            .iter()
            .enumerate()
            .filter(|(i, _)| arg & (1 << i) != 0)
            .map(|(_, s)| *s)
            .collect::<Vec<_>>()
            .join(", "),
        Opcode::BINARY_OP => usize::try_from(arg)
            .ok()
            .and_then(|i| NB_OPS.get(i))
            .copied()
            .unwrap_or_default()
            .to_string(),
        _ => String::new(),
    }
}

/// The instructions of `code` as `dis.get_instructions` yields them.
pub fn instructions(code: &CodeObject) -> Vec<DisInstruction> {
    let decoded = &code.decoded;
    let labels = decoded.jump_targets();
    let mut line_starts = decoded.line_starts.iter().peekable();
    decoded
        .instructions
        .iter()
        .map(|instr| {
            while line_starts
                .next_if(|(off, _)| *off < instr.offset)
                .is_some()
            {}
            let starts_line = line_starts
                .next_if(|(off, _)| *off == instr.offset)
                .map(|(_, l)| *l);
            DisInstruction {
                opname: instr.op.name().into_owned(),
                opcode: instr.op.byte(),
                arg: instr.arg,
                argrepr: argrepr(code, instr),
                offset: instr.offset,
                starts_line,
                is_jump_target: labels.contains(&instr.offset),
                jump_target: instr.jump_target,
            }
        })
        .collect()
}

/// Column widths for one code object (`dis._disassemble_bytes`).
#[derive(Clone, Copy, Debug)]
pub struct Widths {
    pub lineno: usize,
    pub offset: usize,
}

impl Widths {
    pub fn for_code(code: &CodeObject) -> Widths {
        let lineno = match code.decoded.line_starts.iter().map(|&(_, l)| l).max() {
            None => 0,
            Some(max) if max >= 1000 => max.to_string().len(),
            Some(_) => 3,
        };
        let maxoffset = code.code.len() as i64 - 2;
        let offset = if maxoffset >= 10000 {
            maxoffset.to_string().len()
        } else {
            4
        };
        Widths { lineno, offset }
    }
}

/// One line of `dis` output (`Instruction._disassemble`).
pub fn format_instruction(instr: &DisInstruction, widths: Widths, is_current: bool) -> String {
    let mut fields: Vec<String> = Vec::with_capacity(6);
    if widths.lineno > 0 {
        fields.push(match instr.starts_line {
            Some(line) => format!("{line:>w$}", w = widths.lineno),
            None => " ".repeat(widths.lineno),
        });
    }
    fields.push(if is_current { "-->" } else { "   " }.into());
    fields.push(if instr.is_jump_target { ">>" } else { "  " }.into());
    fields.push(format!("{:>w$}", instr.offset, w = widths.offset));
    fields.push(format!("{:<w$}", instr.opname, w = OPNAME_WIDTH));
    if let Some(arg) = instr.arg {
        fields.push(format!("{arg:>w$}", w = OPARG_WIDTH));
        if !instr.argrepr.is_empty() {
            fields.push(format!("({})", instr.argrepr));
        }
    }
    fields.join(" ").trim_end().to_string()
}

/// `dis.disassemble(code)` for one code object, without recursing.
pub fn disassemble(code: &CodeObject, current: Option<u32>, out: &mut String) {
    let widths = Widths::for_code(code);
    for instr in instructions(code) {
        if widths.lineno > 0 && instr.starts_line.is_some() && instr.offset > 0 {
            out.push('\n');
        }
        out.push_str(&format_instruction(
            &instr,
            widths,
            current == Some(instr.offset),
        ));
        out.push('\n');
    }
    let table = &code.decoded.exception_table;
    if !table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in table {
            let lasti = if e.lasti { " lasti" } else { "" };
            out.push_str(&format!(
                "  {} to {} -> {} [{}]{}\n",
                e.start,
                e.end as i64 - 2,
                e.target,
                e.depth,
                lasti
            ));
        }
    }
}

/// What `python3.11 -m dis FILE` prints for the module's code object.
pub fn dis_recursive(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_into(code, &mut out);
    out
}

fn disassemble_into(code: &CodeObject, out: &mut String) {
    disassemble(code, None, out);
    for nested in code.nested_code() {
        out.push('\n');
        out.push_str(&format!("Disassembly of {}:\n", nested.repr()));
        disassemble_into(nested, out);
    }
}

/// The disassembly as data, nested code objects included.
pub fn dis_json(code: &CodeObject) -> DisCode {
    DisCode {
        name: code.name.to_string(),
        qualname: code.qualname.to_string(),
        filename: code.filename.to_string(),
        firstlineno: code.firstlineno,
        instructions: instructions(code),
        exception_table: code.decoded.exception_table.clone(),
        nested: code.nested_code().map(|c| dis_json(c)).collect(),
    }
}
