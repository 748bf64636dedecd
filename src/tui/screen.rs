//! What the TUI shows, gathered from the controller's views at a stop. The
//! drawing code reads only this, so screens can be rendered (and snapshot
//! tested) from any stop without a terminal.

use crate::bytecode::dis::{self, DisInstruction};
use crate::debugger::breakpoints::BreakKind;
use crate::debugger::controller::{DebugState, Paused, StackDiff};
use crate::debugger::views::{
    self, BlockView, FrameView, GeneratorView, InstructionView, StackEntryView, VarView,
};
use crate::vm::frame::Frame;

use std::collections::HashMap;
use std::sync::Arc;

use crate::pyc::CodeObject;

thread_local! {
    /// Disassembly per code object and source text per file: computed once,
    /// not at every redraw.
    static DIS_CACHE: std::cell::RefCell<HashMap<*const CodeObject, (Arc<CodeObject>, Arc<Vec<DisInstruction>>)>> =
        std::cell::RefCell::new(HashMap::new());
    static SOURCE_CACHE: std::cell::RefCell<HashMap<String, Arc<Vec<String>>>> =
        std::cell::RefCell::new(HashMap::new());
}

fn cached_dis(code: &Arc<CodeObject>) -> Arc<Vec<DisInstruction>> {
    DIS_CACHE.with(|c| {
        c.borrow_mut()
            .entry(Arc::as_ptr(code))
            .or_insert_with(|| (code.clone(), Arc::new(dis::instructions(code))))
            .1
            .clone()
    })
}

fn cached_source(filename: &str) -> Arc<Vec<String>> {
    SOURCE_CACHE.with(|c| {
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
    })
}

#[derive(Clone, Debug, Default)]
pub struct SourceView {
    pub filename: String,
    pub lines: Arc<Vec<String>>,
    /// 1-based line of the current instruction.
    pub line: Option<i32>,
    /// The current instruction's span: (line, column, end line, end column),
    /// columns 0-based in characters as CPython reports them.
    pub span: Option<(i32, i32, i32, i32)>,
    pub breakpoint_lines: Vec<i32>,
}

#[derive(Clone, Debug, Default)]
pub struct ScreenData {
    pub source: SourceView,
    pub code_name: String,
    pub dis: Arc<Vec<DisInstruction>>,
    pub current_offset: Option<u32>,
    pub breakpoint_offsets: Vec<u32>,
    pub frames: Vec<FrameView>,
    pub selected_frame: usize,
    pub stack: Vec<StackEntryView>,
    pub diff: Option<StackDiff>,
    pub blocks: Vec<BlockView>,
    pub locals: Vec<VarView>,
    pub watches: Vec<(String, String, Option<u64>)>,
    pub generators: Vec<GeneratorView>,
    pub output: String,
    pub count: u64,
    pub instruction: Option<InstructionView>,
    pub stop_reason: String,
    /// "paused", "running", "finished (exit status 0)"...
    pub run_state: String,
    /// When the views show a suspended generator's frame (`g`), its id.
    pub inspecting_generator: Option<u64>,
}

impl ScreenData {
    /// The screen at a stop, about frame `selected`.
    pub fn from_paused(p: &Paused<'_>, selected: usize) -> ScreenData {
        let vm = p.vm;
        let mut data = ScreenData {
            frames: views::frames_at(vm, p.state.raising),
            selected_frame: selected,
            generators: views::generators_brief(vm),
            count: p.state.count,
            stop_reason: p
                .state
                .stop_reason
                .as_ref()
                .map(|r| r.to_string())
                .unwrap_or_default(),
            run_state: "paused".into(),
            ..ScreenData::default()
        };
        data.fill_state(p.state);
        if let Some(frame) = vm.frames.get(selected) {
            let at = p.current_index(selected);
            data.fill_frame(frame, at, p.state);
            if selected + 1 == vm.frames.len() {
                data.diff = p.state.last_diff(vm);
            }
        }
        data
    }

    /// The views of a suspended generator's own frame (the `g` key).
    pub fn show_generator_frame(&mut self, frame: &Frame, id: u64, state: &DebugState) {
        let at = frame.ip.saturating_sub(1);
        self.fill_frame(frame, at, state);
        self.diff = None;
        self.inspecting_generator = Some(id);
    }

    fn fill_state(&mut self, state: &DebugState) {
        self.output = String::from_utf8_lossy(&state.output.borrow()).into_owned();
        self.watches = state
            .watches
            .iter()
            .map(|w| {
                (
                    w.name.clone(),
                    w.value.clone().unwrap_or_else(|| "<unbound>".into()),
                    w.changed_at,
                )
            })
            .collect();
    }

    fn fill_frame(&mut self, frame: &Frame, at: usize, state: &DebugState) {
        let code = &frame.code();
        self.code_name = code.qualname.to_string();
        self.dis = cached_dis(code);
        self.instruction = views::instruction(code, at);
        self.current_offset = self.instruction.as_ref().map(|i| i.offset);
        self.stack = views::stack(frame);
        self.locals = views::variables(frame);
        self.blocks = self
            .current_offset
            .map(|o| views::blocks(code, o))
            .unwrap_or_default();
        let filename = code.filename.to_string();
        let lines = cached_source(&filename);
        let span = self
            .instruction
            .as_ref()
            .and_then(|i| Some((i.line?, i.column?, i.end_line.or(i.line)?, i.end_column?)));
        let mut breakpoint_lines = Vec::new();
        for bp in state.breakpoints.iter().filter(|b| b.enabled) {
            match &bp.kind {
                BreakKind::Line { line, file } => {
                    let ours = file.as_ref().is_none_or(|f| filename.ends_with(f.as_str()));
                    if ours {
                        breakpoint_lines.push(*line);
                    }
                }
                BreakKind::Offset { function, offset }
                    if *function == *code.name || *function == *code.qualname =>
                {
                    self.breakpoint_offsets.push(*offset);
                }
                BreakKind::Opcode { opname, function } => {
                    let here = function
                        .as_ref()
                        .is_none_or(|f| *f == *code.name || *f == *code.qualname);
                    if here {
                        self.breakpoint_offsets.extend(
                            self.dis
                                .iter()
                                .filter(|i| i.opname == *opname)
                                .map(|i| i.offset),
                        );
                    }
                }
                _ => {}
            }
        }
        self.source = SourceView {
            filename,
            lines,
            line: self.instruction.as_ref().and_then(|i| i.line),
            span,
            breakpoint_lines,
        };
    }
}
