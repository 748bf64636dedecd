//! `py2vm trace`: one JSON object per executed instruction, plus event
//! records for calls, returns, yields, resumptions and raised exceptions.
//!
//! Records are written with serde_json from borrowed data; each code
//! object's argreprs are computed once and reused, so tracing costs little
//! more than the write itself.

use std::collections::HashMap;
use std::io::Write;
use std::sync::Arc;

use serde::Serialize;

use super::views::short_repr;
use crate::bytecode::{Op, Opcode};
use crate::object::PyErr;
use crate::pyc::CodeObject;
use crate::vm::{protocol, Control, Observer, Vm};

pub struct TraceOptions {
    pub with_stack: bool,
    /// Function names (name or qualname) or opcode names; empty traces all.
    pub filters: Vec<String>,
    /// Stop the program after this many instructions.
    pub limit: Option<u64>,
}

pub struct Tracer {
    out: Box<dyn Write>,
    options: TraceOptions,
    opcode_filters: Vec<String>,
    function_filters: Vec<String>,
    argreprs: HashMap<*const CodeObject, (Arc<CodeObject>, Vec<String>)>,
    count: u64,
    /// Whether the last write failed (a closed pipe): stop writing.
    broken: bool,
}

#[derive(Serialize)]
struct InstructionRecord<'a> {
    index: u64,
    depth: usize,
    function: &'a str,
    offset: u32,
    opname: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    arg: Option<i64>,
    argrepr: &'a str,
    line: Option<i32>,
    stack_depth: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    event: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    stack: Option<Vec<String>>,
}

#[derive(Serialize)]
struct ExceptionRecord<'a> {
    index: u64,
    event: &'static str,
    depth: usize,
    function: &'a str,
    offset: u32,
    #[serde(rename = "type")]
    type_name: &'a str,
    value: String,
}

impl Tracer {
    pub fn new(out: Box<dyn Write>, options: TraceOptions) -> Tracer {
        let (opcode_filters, function_filters) = options
            .filters
            .iter()
            .cloned()
            .partition(|f| Opcode::from_name(f).is_some());
        Tracer {
            out,
            options,
            opcode_filters,
            function_filters,
            argreprs: HashMap::new(),
            count: 0,
            broken: false,
        }
    }

    pub fn finish(&mut self) {
        let _ = self.out.flush();
    }

    fn argrepr(&mut self, code: &Arc<CodeObject>, index: usize) -> &str {
        let entry = self.argreprs.entry(Arc::as_ptr(code)).or_insert_with(|| {
            let reprs = code
                .decoded
                .instructions
                .iter()
                .map(|i| super::views::without_address(crate::bytecode::dis::argrepr(code, i)))
                .collect();
            (code.clone(), reprs)
        });
        entry.1.get(index).map_or("", |s| s.as_str())
    }
}

/// The event an instruction stands for, in `sys.settrace` terms.
fn event_of(op: Op, arg: Option<i64>) -> Option<&'static str> {
    match op {
        Op::Known(Opcode::RESUME) if arg == Some(0) => Some("call"),
        Op::Known(Opcode::RESUME) => Some("resume"),
        Op::Known(Opcode::RETURN_VALUE) => Some("return"),
        Op::Known(Opcode::YIELD_VALUE) => Some("yield"),
        _ => None,
    }
}

impl Observer for Tracer {
    fn before_instruction(&mut self, vm: &Vm) -> Control {
        if self.options.limit.is_some_and(|l| self.count >= l) {
            return Control::Abort;
        }
        let index = self.count;
        self.count += 1;
        if self.broken {
            return Control::Continue;
        }
        let Some(frame) = vm.frames.last() else {
            return Control::Continue;
        };
        let Some(instr) = frame.code().decoded.instructions.get(frame.ip) else {
            return Control::Continue;
        };
        let opname = instr.op.name();
        if !self.opcode_filters.is_empty() || !self.function_filters.is_empty() {
            let op_ok = self.opcode_filters.iter().any(|f| *f == opname);
            let fn_ok = self
                .function_filters
                .iter()
                .any(|f| **f == *frame.code().name || **f == *frame.code().qualname);
            if !(op_ok || fn_ok) {
                return Control::Continue;
            }
        }
        let code = frame.code().clone();
        let line = code.decoded.location_at(instr.offset).line;
        let stack = self
            .options
            .with_stack
            .then(|| frame.stack.iter().map(short_repr).collect());
        let record = InstructionRecord {
            index,
            depth: vm.frames.len(),
            function: &code.qualname,
            offset: instr.offset,
            opname: &opname,
            arg: instr.arg,
            argrepr: "",
            line,
            stack_depth: frame.stack.len(),
            event: event_of(instr.op, instr.arg),
            stack,
        };
        let argrepr = self.argrepr(&code, frame.ip).to_string();
        let record = InstructionRecord {
            argrepr: &argrepr,
            ..record
        };
        if serde_json::to_writer(&mut self.out, &record).is_err()
            || self.out.write_all(b"\n").is_err()
        {
            self.broken = true;
        }
        Control::Continue
    }

    fn observes_exceptions(&self) -> bool {
        true
    }

    fn on_exception(&mut self, vm: &Vm, err: &PyErr) {
        if self.broken {
            return;
        }
        let Some(frame) = vm.frames.last() else {
            return;
        };
        if !self.function_filters.is_empty()
            && !self
                .function_filters
                .iter()
                .any(|f| **f == *frame.code().name || **f == *frame.code().qualname)
        {
            return;
        }
        let value = err.value();
        let type_name = protocol::type_name(&value);
        let record = ExceptionRecord {
            index: self.count.saturating_sub(1),
            event: "exception",
            depth: vm.frames.len(),
            function: &frame.code().qualname,
            offset: frame.offset(),
            type_name: &type_name,
            value: short_repr(&value),
        };
        if serde_json::to_writer(&mut self.out, &record).is_err()
            || self.out.write_all(b"\n").is_err()
        {
            self.broken = true;
        }
    }
}
