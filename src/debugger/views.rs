//! Read-only, serde-serializable pictures of a paused VM (DESIGN §3–4): the
//! frame stack, a frame's value stack, its block stack (derived from the
//! exception table), its variables, the live generators and the current
//! instruction; one frame's contents at once (a frame of the stack or a
//! generator's own frame, by id), with its disassembly and which of its
//! lines and instructions carry a breakpoint; a source file's lines. The
//! TUI, `trace`, the batch debugger and tests all use these; front ends get
//! them through [`Paused`](super::controller::Paused), never from the VM.
//!
//! Building a view never runs Python code: values are shown with
//! [`short_repr`], which knows the builtin types and shows instances of user
//! classes as `<Point object>` instead of calling their `__repr__`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use serde::Serialize;

use super::breakpoints::Breakpoint;
use crate::bytecode::dis::DisInstruction;
use crate::bytecode::{ExceptionTableEntry, Op, Opcode};
use crate::object::generator::{GenState, Generator};
use crate::object::repr::{repr_bytes, repr_complex, repr_float, repr_str};
use crate::object::Value;
use crate::pyc::code::{flags, local_kind};
use crate::pyc::CodeObject;
use crate::vm::frame::{Frame, ReturnAction};
use crate::vm::{protocol, Vm};

/// Longest short repr before it is cut with `...`.
pub const REPR_LIMIT: usize = 80;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FrameView {
    /// 0 is the outermost frame (the module).
    pub index: usize,
    pub function: String,
    pub qualname: String,
    pub filename: String,
    pub line: Option<i32>,
    pub offset: u32,
    /// "module", "function", "class body", "generator", "coroutine",
    /// "async generator".
    pub kind: &'static str,
    /// Native code (a builtin calling back into Python: `sorted(key=)`,
    /// `next()`, a dict lookup's `__eq__`) pushed this frame.
    pub native_boundary: bool,
    /// The generator's serial number when this is a generator's frame.
    pub generator: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ValueView {
    pub type_name: String,
    pub repr: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StackEntryView {
    /// Position from the bottom of the value stack.
    pub index: usize,
    #[serde(flatten)]
    pub value: ValueView,
}

/// An exception-table handler covering the current instruction, shown as the
/// block it stands for. 3.11 keeps no block stack at run time; the table's
/// entries are flat, so the enclosing blocks are found by following each
/// handler's own covering entry.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BlockView {
    /// "try/except", "try/finally", "with", "async with", "except*",
    /// "async for", "generator", or "cleanup" (an internal handler).
    pub kind: &'static str,
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
    pub target_line: Option<i32>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VarView {
    pub name: String,
    /// "local", "cell", "free", "name" (a class or module namespace).
    pub kind: &'static str,
    /// `None` while the variable is unbound.
    pub value: Option<ValueView>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GeneratorView {
    pub id: u64,
    /// "generator", "coroutine" or "async generator".
    pub kind: &'static str,
    pub name: String,
    pub qualname: String,
    /// As `inspect.getgeneratorstate` / `getcoroutinestate` name it.
    pub state: String,
    pub filename: String,
    /// Where it is suspended (or running, or about to start).
    pub line: Option<i32>,
    pub offset: Option<u32>,
    /// Its frame's value stack while suspended.
    pub stack: Vec<StackEntryView>,
    /// What it delegates to (`gi_yieldfrom` / `cr_await`), if anything.
    pub delegate: Option<DelegateView>,
    /// The frame-stack index while it runs.
    pub frame_index: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DelegateView {
    /// The delegate's serial number when it is itself a generator.
    pub generator: Option<u64>,
    pub value: ValueView,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InstructionView {
    pub offset: u32,
    pub opname: String,
    pub arg: Option<i64>,
    pub argrepr: String,
    pub line: Option<i32>,
    pub end_line: Option<i32>,
    pub column: Option<i32>,
    pub end_column: Option<i32>,
    /// What the opcode pops and pushes, e.g. `(left, right -- result)`.
    pub stack_effect: String,
    /// One sentence on what the opcode does.
    pub explanation: String,
}

/// How many frames the stack holds and which one the views are about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct FrameSelection {
    pub count: usize,
    /// 0 is the outermost frame; the top frame (`count - 1`) at a stop.
    pub selected: usize,
}

/// One frame as the panes show it: a frame of the stack, or a suspended
/// generator's own frame.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FrameContentsView {
    /// Its index in the frame stack; `None` for a generator's frame while it
    /// is suspended (it is on no stack then).
    pub index: Option<usize>,
    /// The generator's serial number when this is a generator's frame.
    pub generator: Option<u64>,
    pub function: String,
    pub qualname: String,
    pub filename: String,
    /// The instruction of interest: the next one in the top frame (the
    /// raising one at a `catch` stop), the call in progress in a caller, the
    /// `YIELD_VALUE` a suspended generator waits at.
    pub instruction: Option<InstructionView>,
    pub stack: Vec<StackEntryView>,
    pub variables: Vec<VarView>,
    /// The handlers covering the instruction, innermost first.
    pub blocks: Vec<BlockView>,
    /// The code's disassembly as `python3.11 -m dis` lists it (made once per
    /// code object and shared).
    pub disassembly: Arc<Vec<DisInstruction>>,
    /// Which lines of its file and which of its instructions carry a
    /// breakpoint.
    pub breakpoints: BreakpointMarks,
}

/// What a gutter marks: the lines of a file and the instructions of a code
/// object on which an enabled breakpoint is set, by the same rules the
/// controller stops by ([`BreakKind::line_in`](super::breakpoints::BreakKind::line_in),
/// [`BreakKind::on_instruction`](super::breakpoints::BreakKind::on_instruction)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct BreakpointMarks {
    /// Lines with a line breakpoint (`FILE:LINE` naming this file, or
    /// `LINE`), in order.
    pub lines: Vec<i32>,
    /// Offsets of the instructions an `op NAME [in FUNC]` or `FUNC@OFFSET`
    /// breakpoint is set on, in order.
    pub offsets: Vec<u32>,
}

/// A source file's lines.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SourceFileView {
    pub filename: String,
    /// Empty when the file cannot be read (a `.pyc` without its source).
    pub lines: Arc<Vec<String>>,
}

thread_local! {
    /// Source text per file and disassembly per code object, made once per
    /// thread (a debugger session runs on one thread: the VM's), not at every
    /// redraw or command.
    static SOURCES: RefCell<HashMap<String, Arc<Vec<String>>>> = RefCell::new(HashMap::new());
    static DISASSEMBLY: RefCell<HashMap<*const CodeObject, (Arc<CodeObject>, Arc<Vec<DisInstruction>>)>> =
        RefCell::new(HashMap::new());
}

/// The lines of `filename`, read the first time it is asked for.
pub fn source_file(filename: &str) -> SourceFileView {
    let lines = SOURCES.with(|c| {
        c.borrow_mut()
            .entry(filename.to_string())
            .or_insert_with(|| {
                Arc::new(
                    std::fs::read_to_string(filename)
                        .map(|t| t.lines().map(str::to_string).collect())
                        .unwrap_or_default(),
                )
            })
            .clone()
    });
    SourceFileView {
        filename: filename.to_string(),
        lines,
    }
}

/// `code`'s disassembly (`dis::instructions`), made once per code object.
pub fn disassembly(code: &Arc<CodeObject>) -> Arc<Vec<DisInstruction>> {
    DISASSEMBLY.with(|c| {
        c.borrow_mut()
            .entry(Arc::as_ptr(code))
            .or_insert_with(|| {
                (
                    code.clone(),
                    Arc::new(crate::bytecode::dis::instructions(code)),
                )
            })
            .1
            .clone()
    })
}

/// The lines of `filename`, and the instructions of `code` if given, on
/// which an enabled breakpoint is set.
pub fn breakpoint_marks(
    breakpoints: &[Breakpoint],
    filename: &str,
    code: Option<&CodeObject>,
) -> BreakpointMarks {
    let enabled = || breakpoints.iter().filter(|b| b.enabled);
    let mut lines: Vec<i32> = enabled().filter_map(|b| b.kind.line_in(filename)).collect();
    lines.sort_unstable();
    lines.dedup();
    let offsets = match code {
        Some(code) => code
            .decoded
            .instructions
            .iter()
            .filter(|i| {
                let opname = i.op.name();
                enabled().any(|b| {
                    b.kind
                        .on_instruction(&code.name, &code.qualname, i.offset, &opname)
                })
            })
            .map(|i| i.offset)
            .collect(),
        None => Vec::new(),
    };
    BreakpointMarks { lines, offsets }
}

/// Frame `frame` at instruction index `at`, as [`FrameContentsView`].
fn frame_contents(
    vm: &Vm,
    frame: &Frame,
    index: Option<usize>,
    at: usize,
    breakpoints: &[Breakpoint],
) -> FrameContentsView {
    let code = frame.code();
    let instruction = instruction(code, at);
    FrameContentsView {
        index,
        generator: frame_generator_serial(vm, frame),
        function: code.name.to_string(),
        qualname: code.qualname.to_string(),
        filename: code.filename.to_string(),
        blocks: instruction
            .as_ref()
            .map(|i| blocks(code, i.offset))
            .unwrap_or_default(),
        instruction,
        stack: stack(frame),
        variables: variables(frame),
        disassembly: disassembly(code),
        breakpoints: breakpoint_marks(breakpoints, &code.filename, Some(code)),
    }
}

/// Frame `index` of the stack (see [`frames_at`] for `raising`).
pub fn stack_frame(
    vm: &Vm,
    index: usize,
    raising: bool,
    breakpoints: &[Breakpoint],
) -> Option<FrameContentsView> {
    let frame = vm.frames.get(index)?;
    let at = instruction_index(vm, index, raising);
    Some(frame_contents(vm, frame, Some(index), at, breakpoints))
}

/// Generator `id`'s frame: its own frame while it is suspended (or not
/// started yet), the stack's frame while it runs; `None` once it has
/// finished or is gone.
pub fn generator_frame(
    vm: &Vm,
    id: u64,
    raising: bool,
    breakpoints: &[Breakpoint],
) -> Option<FrameContentsView> {
    let gen = vm
        .live_generators()
        .into_iter()
        .find(|(gid, _)| *gid == id)?
        .1;
    if let Some(frame) = gen.frame.borrow().as_ref() {
        let at = suspended_at(frame, gen.state.get());
        let mut view = frame_contents(vm, frame, None, at, breakpoints);
        view.generator = Some(id);
        return Some(view);
    }
    stack_frame(vm, running_index(vm, &gen)?, raising, breakpoints)
}

/// The instruction a suspended generator's frame is shown at: the yield that
/// suspended it (`ip` is the one it resumes at), or, before it started, the
/// instruction it starts at.
fn suspended_at(frame: &Frame, state: GenState) -> usize {
    if state == GenState::Created {
        frame.ip
    } else {
        frame.ip.saturating_sub(1)
    }
}

/// The stack index of a running generator's frame.
fn running_index(vm: &Vm, gen: &Rc<Generator>) -> Option<usize> {
    if gen.state.get() != GenState::Running {
        return None;
    }
    vm.frames.iter().rposition(|f| {
        f.generator
            .as_ref()
            .is_some_and(|g| std::ptr::eq(g.as_ptr(), Rc::as_ptr(gen)))
    })
}

/// The frame's kind, from its code flags and namespace.
fn frame_kind(frame: &Frame) -> &'static str {
    let f = frame.code().flags;
    if f & flags::ASYNC_GENERATOR != 0 {
        "async generator"
    } else if f & flags::COROUTINE != 0 {
        "coroutine"
    } else if f & flags::GENERATOR != 0 {
        "generator"
    } else if frame.code().name.as_ref() == "<module>" {
        "module"
    } else if frame.locals.is_some() {
        "class body"
    } else {
        "function"
    }
}

fn code_kind(code: &CodeObject) -> &'static str {
    if code.flags & flags::ASYNC_GENERATOR != 0 {
        "async generator"
    } else if code.flags & flags::COROUTINE != 0 {
        "coroutine"
    } else {
        "generator"
    }
}

fn generator_serial(_vm: &Vm, gen: &Rc<Generator>) -> Option<u64> {
    Some(gen.serial.get()).filter(|s| *s != 0)
}

fn frame_generator_serial(vm: &Vm, frame: &Frame) -> Option<u64> {
    let gen = frame.generator.as_ref()?.upgrade()?;
    generator_serial(vm, &gen)
}

/// The frame stack, outermost first.
pub fn frames(vm: &Vm) -> Vec<FrameView> {
    frames_at(vm, false)
}

/// The frame stack; when `raising`, the top frame is shown at the
/// instruction raising an exception rather than at the next one.
pub fn frames_at(vm: &Vm, raising: bool) -> Vec<FrameView> {
    let top = vm.frames.len().saturating_sub(1);
    let at = |index: usize| {
        if raising && index == top {
            let frame = &vm.frames[index];
            let offset = frame.offset();
            (frame.code().decoded.location_at(offset).line, offset)
        } else {
            position(vm, index)
        }
    };
    vm.frames
        .iter()
        .enumerate()
        .map(|(index, frame)| FrameView {
            index,
            function: frame.code().name.to_string(),
            qualname: frame.code().qualname.to_string(),
            filename: frame.code().filename.to_string(),
            line: at(index).0,
            offset: at(index).1,
            kind: frame_kind(frame),
            native_boundary: index > 0
                && matches!(frame.return_action, ReturnAction::ReturnToNative),
            generator: frame_generator_serial(vm, frame),
        })
        .collect()
}

/// The instruction a frame is at: the top frame's next instruction (the
/// one about to run when paused), a caller's instruction in progress (its
/// CALL, SEND, FOR_ITER...).
pub fn current_index(vm: &Vm, index: usize) -> usize {
    let frame = &vm.frames[index];
    if index + 1 == vm.frames.len() {
        frame.ip
    } else {
        frame.current
    }
}

/// [`current_index`], or, when `raising` (a `catch` stop), the raising
/// instruction for the top frame.
pub fn instruction_index(vm: &Vm, index: usize, raising: bool) -> usize {
    let frame = &vm.frames[index];
    if raising && index + 1 == vm.frames.len() {
        frame.current
    } else {
        current_index(vm, index)
    }
}

/// `(line, offset)` of [`current_index`].
pub fn position(vm: &Vm, index: usize) -> (Option<i32>, u32) {
    let frame = &vm.frames[index];
    match frame
        .code()
        .decoded
        .instructions
        .get(current_index(vm, index))
    {
        Some(i) => (frame.code().decoded.location_at(i.offset).line, i.offset),
        None => (None, 0),
    }
}

/// A frame's value stack, bottom first.
pub fn stack(frame: &Frame) -> Vec<StackEntryView> {
    frame
        .stack
        .iter()
        .enumerate()
        .map(|(index, v)| StackEntryView {
            index,
            value: value_view(v),
        })
        .collect()
}

pub fn value_view(v: &Value) -> ValueView {
    ValueView {
        type_name: match v {
            Value::Null => "NULL".into(),
            _ => protocol::type_name(v).to_string(),
        },
        repr: short_repr(v),
    }
}

/// The handlers covering the instruction at `offset`, innermost first.
pub fn blocks(code: &CodeObject, offset: u32) -> Vec<BlockView> {
    let table = &code.decoded.exception_table;
    let mut out: Vec<BlockView> = Vec::new();
    let mut at = offset;
    while let Some(entry) = crate::bytecode::exception_table::handler_for(table, at) {
        if out.iter().any(|b| b.target == entry.target) || out.len() > 64 {
            break;
        }
        let kind = classify_handler(code, entry);
        out.push(BlockView {
            kind,
            start: entry.start,
            end: entry.end,
            target: entry.target,
            depth: entry.depth,
            lasti: entry.lasti,
            target_line: code.decoded.location_at(entry.target).line,
        });
        at = entry.target;
    }
    // Internal cleanup handlers (re-raise with lasti, pop the exception) are
    // steps of the enclosing block, not blocks of their own; keep them only
    // when nothing else is there to show.
    if out.iter().any(|b| b.kind != "cleanup") {
        out.retain(|b| b.kind != "cleanup");
    }
    out
}

/// What the handler at `entry.target` is, from the code that starts there.
fn classify_handler(code: &CodeObject, entry: &ExceptionTableEntry) -> &'static str {
    let decoded = &code.decoded;
    let Some(start) = decoded.index_of_offset(entry.target) else {
        return "cleanup";
    };
    let ops: Vec<Opcode> = decoded.instructions[start..]
        .iter()
        .take(12)
        .filter_map(|i| match i.op {
            Op::Known(op) => Some(op),
            Op::Unknown(_) => None,
        })
        .collect();
    let first = ops.first().copied();
    if first == Some(Opcode::END_ASYNC_FOR) {
        return "async for";
    }
    if first != Some(Opcode::PUSH_EXC_INFO) {
        // The whole-body handler of a generator turns a StopIteration into a
        // RuntimeError (PEP 479); the others re-raise or pop: cleanup.
        if code.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0
            && entry.start <= first_resume_offset(code)
            && ops.iter().take(2).any(|o| *o == Opcode::RERAISE)
            && entry.lasti
            && entry.depth == 0
        {
            return "generator";
        }
        return "cleanup";
    }
    for op in &ops[1..] {
        match op {
            Opcode::WITH_EXCEPT_START => {
                return if ops.contains(&Opcode::GET_AWAITABLE) {
                    "async with"
                } else {
                    "with"
                }
            }
            Opcode::CHECK_EXC_MATCH => return "try/except",
            Opcode::CHECK_EG_MATCH => return "except*",
            Opcode::RERAISE => break,
            _ => {}
        }
    }
    "try/finally"
}

fn first_resume_offset(code: &CodeObject) -> u32 {
    code.decoded
        .instructions
        .iter()
        .find(|i| i.op == Op::Known(Opcode::RESUME))
        .map_or(0, |i| i.offset)
}

/// The frame's variables: fast locals, cells and free variables in
/// `co_localsplusnames` order, then a class or module namespace.
pub fn variables(frame: &Frame) -> Vec<VarView> {
    let mut out = Vec::new();
    let is_module = frame.code().name.as_ref() == "<module>";
    for (i, name) in frame.code().localsplusnames.iter().enumerate() {
        let kind_bits = frame.code().localspluskinds.get(i).copied().unwrap_or(0);
        let kind = if kind_bits & local_kind::FREE != 0 {
            "free"
        } else if kind_bits & local_kind::CELL != 0 {
            "cell"
        } else {
            "local"
        };
        let value = match frame.fast.get(i).cloned().flatten() {
            Some(Value::Cell(c)) if kind != "local" => c.borrow().clone(),
            other => other,
        };
        out.push(VarView {
            name: name.to_string(),
            kind,
            value: value.as_ref().map(value_view),
        });
    }
    if let Some(ns) = &frame.locals {
        for (key, value) in ns.borrow().items() {
            let Value::Str(name) = key else { continue };
            if is_module && name.starts_with("__") && name.ends_with("__") {
                continue;
            }
            if is_module && matches!(value, Value::Module(_)) {
                continue;
            }
            out.push(VarView {
                name: name.to_string(),
                kind: "name",
                value: Some(value_view(&value)),
            });
        }
    }
    out
}

/// Looks a name up as the frame would (fast locals and cells, its namespace,
/// globals, builtins), without running Python code.
pub fn lookup_name(vm: &Vm, frame: &Frame, name: &str) -> Option<Value> {
    for (i, n) in frame.code().localsplusnames.iter().enumerate() {
        if n.as_ref() == name {
            return match frame.fast.get(i).cloned().flatten() {
                Some(Value::Cell(c)) => c.borrow().clone(),
                other => other,
            };
        }
    }
    if let Some(ns) = &frame.locals {
        if let Some(v) = dict_get_str(&ns.borrow(), name) {
            return Some(v);
        }
    }
    if let Some(v) = dict_get_str(&frame.globals.borrow(), name) {
        return Some(v);
    }
    dict_get_str(&vm.builtins.borrow(), name)
}

fn dict_get_str(d: &crate::object::Dict, name: &str) -> Option<Value> {
    d.get_str(protocol::str_hash(name), name)
}

/// Every live generator, coroutine and async generator, oldest first.
pub fn generators(vm: &Vm) -> Vec<GeneratorView> {
    vm.live_generators()
        .into_iter()
        .map(|(id, gen)| generator_view(vm, id, &gen, true))
        .collect()
}

/// [`generators`] without their value stacks (the TUI's tree shows none;
/// with 10,000 generators the reprs would cost a frame's time budget).
pub fn generators_brief(vm: &Vm) -> Vec<GeneratorView> {
    vm.live_generators()
        .into_iter()
        .map(|(id, gen)| generator_view(vm, id, &gen, false))
        .collect()
}

fn generator_view(vm: &Vm, id: u64, gen: &Rc<Generator>, with_stack: bool) -> GeneratorView {
    let stack = |f: &Frame| if with_stack { stack(f) } else { Vec::new() };
    let kind = code_kind(&gen.code);
    let state = gen.state.get();
    // Only a running generator has its frame on the stack.
    let frame_index = running_index(vm, gen);
    let (line, offset, stack_view) = match (&*gen.frame.borrow(), frame_index) {
        (Some(frame), _) => {
            let at = suspended_at(frame, state);
            let instr = frame.code().decoded.instructions.get(at);
            (
                instr.and_then(|i| frame.code().decoded.location_at(i.offset).line),
                instr.map(|i| i.offset),
                stack(frame),
            )
        }
        (None, Some(i)) => {
            let (line, offset) = position(vm, i);
            (line, Some(offset), stack(&vm.frames[i]))
        }
        (None, None) => (None, None, Vec::new()),
    };
    let delegate = match frame_index {
        // Running, paused inside its `yield from` loop (at the SEND or the
        // YIELD_VALUE passing a value up): the receiver sits under the value.
        Some(i) if vm.frames.get(i + 1).is_none() => running_delegate(vm, i),
        // Running: it delegates to whatever runs above it, resumed by SEND.
        Some(i) => vm.frames.get(i + 1).and_then(|above| {
            if !matches!(above.return_action, ReturnAction::GenSend { .. }) {
                return None;
            }
            let g = above.generator.as_ref()?.upgrade()?;
            Some(DelegateView {
                generator: generator_serial(vm, &g),
                value: value_view(&Value::Generator(g)),
            })
        }),
        None => crate::vm::generator::yield_from_target(gen).map(|v| DelegateView {
            generator: match &v {
                Value::Generator(g) => generator_serial(vm, g),
                _ => None,
            },
            value: value_view(&v),
        }),
    };
    GeneratorView {
        id,
        kind,
        name: gen.name.borrow().to_string(),
        qualname: gen.qualname.borrow().to_string(),
        state: state_name(kind, state),
        filename: gen.code.filename.to_string(),
        line,
        offset,
        stack: stack_view,
        delegate,
        frame_index,
    }
}

fn running_delegate(vm: &Vm, index: usize) -> Option<DelegateView> {
    let frame = &vm.frames[index];
    let at = current_index(vm, index);
    let instrs = &frame.code().decoded.instructions;
    let op = instrs.get(at)?.op;
    let in_loop = match op {
        Op::Known(Opcode::SEND) => true,
        Op::Known(Opcode::YIELD_VALUE) => at > 0 && instrs[at - 1].op == Op::Known(Opcode::SEND),
        _ => false,
    };
    if !in_loop || frame.stack.len() < 2 {
        return None;
    }
    let receiver = frame.stack[frame.stack.len() - 2].clone();
    Some(DelegateView {
        generator: match &receiver {
            Value::Generator(g) => generator_serial(vm, g),
            _ => None,
        },
        value: value_view(&receiver),
    })
}

/// `GEN_SUSPENDED`, `CORO_SUSPENDED`, `AGEN_SUSPENDED`... as `inspect` says.
fn state_name(kind: &str, state: GenState) -> String {
    let gen_name = state.name();
    let prefix = match kind {
        "coroutine" => "CORO",
        "async generator" => "AGEN",
        _ => return gen_name.to_string(),
    };
    format!("{prefix}{}", &gen_name[3..])
}

/// The instruction at index `at` of `code`, with its source span and what it
/// does.
pub fn instruction(code: &CodeObject, at: usize) -> Option<InstructionView> {
    let instr = code.decoded.instructions.get(at)?;
    let loc = code.decoded.location_at(instr.offset);
    let (stack_effect, explanation) = match instr.op {
        Op::Known(op) => (op.stack_effect().to_string(), op.explanation().to_string()),
        Op::Unknown(_) => (
            String::new(),
            "an opcode CPython 3.11 does not define".into(),
        ),
    };
    Some(InstructionView {
        offset: instr.offset,
        opname: instr.op.name().into_owned(),
        arg: instr.arg,
        argrepr: without_address(crate::bytecode::dis::argrepr(code, instr)),
        line: loc.line,
        end_line: loc.end_line,
        column: loc.column,
        end_column: loc.end_column,
        stack_effect,
        explanation,
    })
}

/// `<code object f at 0x7f…, file …>` without the address, so views and
/// traces of the same program are identical from run to run.
pub fn without_address(repr: String) -> String {
    let Some(at) = repr.find(" at 0x") else {
        return repr;
    };
    let rest = &repr[at + 6..];
    let hex_len = rest.chars().take_while(|c| c.is_ascii_hexdigit()).count();
    format!("{}{}", &repr[..at], &rest[hex_len..])
}

/// A repr that runs no Python code and stays short: builtin values as
/// Python shows them, instances of user classes as `<Name object>`.
pub fn short_repr(v: &Value) -> String {
    let mut out = String::new();
    write_repr(v, &mut out, 0);
    truncate(out, REPR_LIMIT)
}

fn truncate(s: String, limit: usize) -> String {
    if s.chars().count() <= limit {
        return s;
    }
    let mut cut: String = s.chars().take(limit.saturating_sub(3)).collect();
    cut.push_str("...");
    cut
}

fn write_seq(items: &[Value], open: &str, close: &str, out: &mut String, depth: usize) {
    out.push_str(open);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if out.len() > REPR_LIMIT * 2 {
            out.push_str("...");
            break;
        }
        write_repr(item, out, depth + 1);
    }
    out.push_str(close);
}

fn write_repr(v: &Value, out: &mut String, depth: usize) {
    if depth > 6 {
        out.push_str("...");
        return;
    }
    match v {
        Value::Null => out.push_str("NULL"),
        Value::None => out.push_str("None"),
        Value::NotImplemented => out.push_str("NotImplemented"),
        Value::Ellipsis => out.push_str("Ellipsis"),
        Value::Bool(b) => out.push_str(if *b { "True" } else { "False" }),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::BigInt(b) => {
            let s = b.to_string();
            if s.len() > 40 {
                out.push_str(&format!(
                    "<int with {} digits>",
                    s.trim_start_matches('-').len()
                ));
            } else {
                out.push_str(&s);
            }
        }
        Value::Float(f) => out.push_str(&repr_float(*f)),
        Value::Complex(re, im) => out.push_str(&repr_complex(*re, *im)),
        Value::Str(s) => {
            let head: String = s.chars().take(REPR_LIMIT * 2).collect();
            out.push_str(&repr_str(head.chars().map(|c| c as u32)));
        }
        Value::Bytes(b) => out.push_str(&repr_bytes(&b[..b.len().min(REPR_LIMIT * 2)])),
        Value::Tuple(items) => {
            if items.len() == 1 {
                out.push('(');
                write_repr(&items[0], out, depth + 1);
                out.push_str(",)");
            } else {
                write_seq(items, "(", ")", out, depth);
            }
        }
        Value::List(items) => write_seq(&items.borrow(), "[", "]", out, depth),
        Value::Dict(d) => {
            out.push('{');
            for (i, (k, val)) in d.borrow().items().into_iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                if out.len() > REPR_LIMIT * 2 {
                    out.push_str("...");
                    break;
                }
                write_repr(&k, out, depth + 1);
                out.push_str(": ");
                write_repr(&val, out, depth + 1);
            }
            out.push('}');
        }
        Value::Set(d) => {
            let keys = d.borrow().set_order_keys();
            if keys.is_empty() {
                out.push_str("set()");
            } else {
                write_seq(&keys, "{", "}", out, depth);
            }
        }
        Value::FrozenSet(d) => {
            let keys = d.set_order_keys();
            if keys.is_empty() {
                out.push_str("frozenset()");
            } else {
                write_seq(&keys, "frozenset({", "})", out, depth);
            }
        }
        Value::Function(f) => out.push_str(&format!("<function {}>", f.qualname.borrow())),
        Value::Generator(g) => out.push_str(&format!(
            "<{} object {}>",
            code_kind(&g.code).replace(' ', "_"),
            g.qualname.borrow()
        )),
        Value::Type(t) => out.push_str(&format!("<class '{}'>", t.name)),
        Value::Exception(e) => {
            out.push_str(&protocol::type_name(v));
            let args = e.args.borrow().clone();
            write_seq(&args, "(", ")", out, depth);
        }
        Value::Cell(c) => match &*c.borrow() {
            Some(inner) => {
                out.push_str("<cell: ");
                write_repr(inner, out, depth + 1);
                out.push('>');
            }
            None => out.push_str("<cell: empty>"),
        },
        Value::Code(c) => out.push_str(&format!("<code object {}>", c.name)),
        Value::Module(m) => out.push_str(&format!("<module '{}'>", m.name)),
        _ => out.push_str(&format!("<{} object>", protocol::type_name(v))),
    }
}
