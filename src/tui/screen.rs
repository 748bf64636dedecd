//! What the TUI shows, gathered from the controller's views at a stop (the
//! TUI never sees the VM: only what [`Paused`] hands out). The drawing code
//! reads only this, so screens can be rendered (and snapshot tested) from
//! any stop without a terminal.

use crate::bytecode::dis::DisInstruction;
use crate::debugger::controller::{DebugState, Paused, StackDiff};
use crate::debugger::views::{
    self, BlockView, FrameContentsView, FrameView, GeneratorView, InstructionView, StackEntryView,
    VarView,
};

use std::sync::Arc;

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
        let mut data = ScreenData {
            frames: p.frames(),
            selected_frame: selected,
            generators: p.generators_brief(),
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
        if let Some(frame) = p.frame(selected) {
            data.fill_frame(frame);
            if selected + 1 == p.selection().count {
                data.diff = p.last_diff();
            }
        }
        data
    }

    /// The views of a generator's own frame (the `g` key), from
    /// [`Paused::generator_frame`].
    pub fn show_generator_frame(&mut self, frame: FrameContentsView, id: u64) {
        self.fill_frame(frame);
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

    fn fill_frame(&mut self, frame: FrameContentsView) {
        let span = frame
            .instruction
            .as_ref()
            .and_then(|i| Some((i.line?, i.column?, i.end_line.or(i.line)?, i.end_column?)));
        self.code_name = frame.qualname;
        self.dis = frame.disassembly;
        self.current_offset = frame.instruction.as_ref().map(|i| i.offset);
        self.stack = frame.stack;
        self.locals = frame.variables;
        self.blocks = frame.blocks;
        self.breakpoint_offsets = frame.breakpoints.offsets;
        self.source = SourceView {
            lines: views::source_file(&frame.filename).lines,
            filename: frame.filename,
            line: frame.instruction.as_ref().and_then(|i| i.line),
            span,
            breakpoint_lines: frame.breakpoints.lines,
        };
        self.instruction = frame.instruction;
    }
}
