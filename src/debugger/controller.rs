//! The debugger controller (DESIGN §4): the VM's observer plus the state it
//! keeps — breakpoints, watches, the stepping mode, the instruction counter,
//! captured output and recorded input. It knows nothing of terminals: when it
//! decides to stop it hands a [`Paused`] to the attached [`Frontend`] (the
//! TUI, the batch debugger, a test) and continues when the front end says how.
//!
//! Reverse execution (`back`, `goto`, `reverse-continue`) is deterministic
//! replay: the run is aborted and started again from the first instruction,
//! silently, up to the wanted instruction count. Program input is recorded on
//! the first run and fed back on replays, so a replay is exact.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use serde::Serialize;

use super::breakpoints::{names_function, BreakKind, Breakpoint, Condition};
use super::views::{self, short_repr};
use crate::bytecode::{Op, Opcode};
use crate::object::{PyErr, Value};
use crate::pyc::CodeObject;
use crate::vm::{protocol, Control, Frame, Observer, SharedObserver, Vm};

/// How the program runs until the next stop.
#[derive(Clone, Debug, PartialEq)]
pub enum Mode {
    /// Stop before the next instruction (the very first one, or after a
    /// front end asked to pause).
    Pause,
    /// Stop when `count` reaches `until` (`stepi N`).
    StepInstr { until: u64 },
    /// Stop at the next new source line anywhere (`step`).
    Step { from: u64 },
    /// Stop at the next new line of frame `frame` (at stack index `depth`),
    /// or as soon as that frame returns or yields (`next`).
    Next { frame: u64, depth: usize },
    /// Stop as soon as frame `frame` returns or yields (`finish`).
    Finish { frame: u64, depth: usize },
    /// Stop when frame `frame` reaches `offset`, or leaves (`until`).
    Until {
        frame: u64,
        depth: usize,
        offset: u32,
    },
    /// Stop only at breakpoints and watches.
    Continue,
    /// Run silently to instruction `until` (replay for `back`/`goto`).
    Replay { until: u64 },
    /// Run silently to `until`, remembering the last breakpoint stop before
    /// it (`reverse-continue`'s first pass).
    ScanBack { until: u64, last_stop: Option<u64> },
}

/// Why the program stopped.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum StopReason {
    Start,
    Step,
    Breakpoint {
        id: usize,
        description: String,
    },
    Watch {
        name: String,
        old: String,
        new: String,
    },
    Exception {
        description: String,
    },
    Goto,
    FrameExited,
    /// `reverse-continue` found no earlier breakpoint stop.
    NoEarlierStop,
    Interrupted,
}

impl std::fmt::Display for StopReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StopReason::Start => write!(f, "at the start"),
            StopReason::Step => write!(f, "step"),
            StopReason::Breakpoint { id, description } => {
                write!(f, "breakpoint #{id} ({description})")
            }
            StopReason::Watch { name, old, new } => write!(f, "watch {name}: {old} -> {new}"),
            StopReason::Exception { description } => write!(f, "exception raised: {description}"),
            StopReason::Goto => write!(f, "goto"),
            StopReason::FrameExited => write!(f, "frame exited"),
            StopReason::NoEarlierStop => {
                write!(f, "no earlier breakpoint stop: back at the start")
            }
            StopReason::Interrupted => write!(f, "interrupted"),
        }
    }
}

/// What a front end wants once it returns from [`Frontend::paused`].
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Run(Mode),
    /// Go to instruction `n` (restarting and replaying when it lies behind).
    Goto(u64),
    /// Back to the previous breakpoint stop.
    ReverseContinue,
    Quit,
}

/// How the program run ended.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finished {
    pub exit_status: i32,
    /// The traceback of an uncaught exception, as stderr would show it.
    pub traceback: Option<String>,
}

/// A watched name and its value when last seen.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Watch {
    pub name: String,
    /// `(frame id or 0 for globals, short repr)` when last seen.
    #[serde(skip)]
    last: Option<(u64, String)>,
    pub value: Option<String>,
    /// The instruction count of the last change.
    pub changed_at: Option<u64>,
}

/// The last instruction executed, kept while stepping so front ends can show
/// what it popped and pushed.
#[derive(Clone)]
pub struct LastInstruction {
    pub frame: u64,
    pub code: Arc<CodeObject>,
    pub index: usize,
    pub stack_before: Vec<Value>,
}

/// What the last instruction did to its frame's value stack.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StackDiff {
    pub opname: String,
    pub argrepr: String,
    pub popped: Vec<views::ValueView>,
    pub pushed: Vec<views::ValueView>,
    /// The instruction left its frame (a call, return or yield), so the
    /// stacks are not comparable.
    pub frame_changed: bool,
    /// After a call, return or yield: the function now running.
    pub now_in: Option<String>,
}

impl StackDiff {
    /// "BINARY_OP +: popped 2 and 3, pushed 5".
    pub fn narrate(&self) -> String {
        let head = if self.argrepr.is_empty() {
            self.opname.clone()
        } else {
            format!("{} {}", self.opname, self.argrepr)
        };
        if self.frame_changed {
            let value = self.popped.last().map(|v| v.repr.as_str()).unwrap_or("");
            let what = match self.opname.as_str() {
                "YIELD_VALUE" => format!("yielded {value}"),
                "RETURN_VALUE" => format!("returned {value}"),
                "RETURN_GENERATOR" => "created the generator".to_string(),
                _ => "entered a call".to_string(),
            };
            return match &self.now_in {
                Some(f) => format!("{head}: {what}; now in {f}"),
                None => format!("{head}: {what}"),
            };
        }
        let list = |vals: &[views::ValueView]| {
            let reprs: Vec<&str> = vals.iter().map(|v| v.repr.as_str()).collect();
            match reprs.len() {
                0 => String::new(),
                1 => reprs[0].to_string(),
                n => format!("{} and {}", reprs[..n - 1].join(", "), reprs[n - 1]),
            }
        };
        match (self.popped.is_empty(), self.pushed.is_empty()) {
            (true, true) => format!("{head}: stack unchanged"),
            (false, true) => format!("{head}: popped {}", list(&self.popped)),
            (true, false) => format!("{head}: pushed {}", list(&self.pushed)),
            (false, false) => format!(
                "{head}: popped {}, pushed {}",
                list(&self.popped),
                list(&self.pushed)
            ),
        }
    }
}

/// The controller's state, separate from the front end so the front end can
/// drive it while paused.
pub struct DebugState {
    /// Instructions executed so far; the paused instruction is number
    /// `count` (counting from 0).
    pub count: u64,
    pub mode: Mode,
    pub breakpoints: Vec<Breakpoint>,
    next_breakpoint: usize,
    pub watches: Vec<Watch>,
    pub stop_reason: Option<StopReason>,
    /// The reason for a stop decided between instructions (an exception
    /// being raised, a reverse scan that found nothing), used at the next
    /// stop.
    pending_reason: Option<StopReason>,
    /// Program stdout (and the final traceback) of the current run.
    pub output: Rc<RefCell<Vec<u8>>>,
    /// Input lines read so far, replayed on restarts.
    pub input_log: Rc<RefCell<InputLog>>,
    /// Per frame id: the line and offset of its last instruction with a
    /// line, for CPython-style "new line" events.
    positions: HashMap<u64, (i32, u32)>,
    /// Whether the instruction about to run starts a new line in its frame.
    pub at_new_line: bool,
    pub last: Option<LastInstruction>,
    /// Set when the front end asked for a replay; the run is being aborted.
    pub(super) pending_goto: Option<Mode>,
    /// The last exception reported, so `catch` stops once per exception
    /// rather than once per frame it propagates through.
    last_exception: Option<*const ()>,
    pub finished: Option<Finished>,
    pub quit: bool,
    /// Paused where an exception is being raised: the top frame's
    /// instruction of interest is the raising one, not the next.
    pub raising: bool,
    /// Checked before each instruction: a front end running the VM in
    /// slices or on Ctrl-C sets it to pause where it is.
    pub interrupt: Option<Arc<std::sync::atomic::AtomicBool>>,
}

/// Recorded program input and clock readings, replayed on restarts so a
/// replay sees exactly what the first run saw.
#[derive(Default)]
pub struct InputLog {
    pub lines: Vec<Option<String>>,
    pub position: usize,
    pub clock_readings: Vec<u128>,
    pub clock_position: usize,
}

impl DebugState {
    pub fn new() -> DebugState {
        DebugState {
            count: 0,
            mode: Mode::Pause,
            breakpoints: Vec::new(),
            next_breakpoint: 1,
            watches: Vec::new(),
            stop_reason: None,
            pending_reason: None,
            output: Rc::new(RefCell::new(Vec::new())),
            input_log: Rc::new(RefCell::new(InputLog::default())),
            positions: HashMap::new(),
            at_new_line: false,
            last: None,
            pending_goto: None,
            last_exception: None,
            finished: None,
            quit: false,
            raising: false,
            interrupt: None,
        }
    }

    pub fn add_breakpoint(&mut self, kind: BreakKind, condition: Option<Condition>) -> usize {
        let id = self.next_breakpoint;
        self.next_breakpoint += 1;
        self.breakpoints.push(Breakpoint {
            id,
            kind,
            condition,
            enabled: true,
            hits: 0,
            ignore: 0,
        });
        id
    }

    pub fn breakpoint_mut(&mut self, id: usize) -> Result<&mut Breakpoint, String> {
        self.breakpoints
            .iter_mut()
            .find(|b| b.id == id)
            .ok_or_else(|| format!("no breakpoint #{id}"))
    }

    pub fn delete_breakpoint(&mut self, id: usize) -> Result<(), String> {
        let before = self.breakpoints.len();
        self.breakpoints.retain(|b| b.id != id);
        if self.breakpoints.len() == before {
            return Err(format!("no breakpoint #{id}"));
        }
        Ok(())
    }

    pub fn add_watch(&mut self, name: &str) {
        if !self.watches.iter().any(|w| w.name == name) {
            self.watches.push(Watch {
                name: name.to_string(),
                last: None,
                value: None,
                changed_at: None,
            });
        }
    }

    /// Prepares for a new run from the first instruction (a replay).
    fn reset_for_run(&mut self) {
        self.count = 0;
        self.output.borrow_mut().clear();
        self.input_log.borrow_mut().position = 0;
        self.input_log.borrow_mut().clock_position = 0;
        self.positions.clear();
        self.at_new_line = false;
        self.last = None;
        self.last_exception = None;
        self.finished = None;
        self.stop_reason = None;
        for b in &mut self.breakpoints {
            b.hits = 0;
        }
        for w in &mut self.watches {
            w.last = None;
            w.value = None;
            w.changed_at = None;
        }
    }

    /// The stack diff of the last instruction, when it is known.
    pub(super) fn last_diff(&self, vm: &Vm) -> Option<StackDiff> {
        let last = self.last.as_ref()?;
        let instr = last.code.decoded.instructions.get(last.index)?;
        let opname = instr.op.name().into_owned();
        let argrepr = views::without_address(crate::bytecode::dis::argrepr(&last.code, instr));
        let now_in = vm.frames.last().map(|f| f.code().qualname.to_string());
        let Some(frame) = vm.frames.iter().rev().find(|f| f.id == last.frame) else {
            // It returned or yielded: what it handed out was on top.
            return Some(StackDiff {
                opname,
                argrepr,
                popped: last
                    .stack_before
                    .last()
                    .map(views::value_view)
                    .into_iter()
                    .collect(),
                pushed: Vec::new(),
                frame_changed: true,
                now_in,
            });
        };
        let frame_changed = vm.frames.last().map(|f| f.id) != Some(last.frame);
        let before = &last.stack_before;
        let after = &frame.stack;
        let common = before
            .iter()
            .zip(after.iter())
            .take_while(|(a, b)| same_value(a, b))
            .count();
        Some(StackDiff {
            opname,
            argrepr,
            popped: before[common..].iter().map(views::value_view).collect(),
            pushed: after[common..].iter().map(views::value_view).collect(),
            frame_changed,
            now_in: frame_changed.then_some(now_in).flatten(),
        })
    }

    fn wants_last_instruction(&self) -> bool {
        match self.mode {
            Mode::Continue | Mode::ScanBack { .. } => false,
            Mode::Replay { until } => self.count + 1 == until,
            _ => true,
        }
    }
}

impl Default for DebugState {
    fn default() -> Self {
        DebugState::new()
    }
}

/// Identity for objects, equality for plain scalars.
fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        (Value::None, Value::None) | (Value::Null, Value::Null) => true,
        (Value::Str(x), Value::Str(y)) => Rc::ptr_eq(x, y),
        _ => match (value_ptr(a), value_ptr(b)) {
            (Some(p), Some(q)) => p == q,
            _ => false,
        },
    }
}

fn value_ptr(v: &Value) -> Option<*const ()> {
    Some(match v {
        Value::List(r) => Rc::as_ptr(r) as *const (),
        Value::Dict(r) | Value::Set(r) => Rc::as_ptr(r) as *const (),
        Value::Tuple(r) => Rc::as_ptr(r) as *const Value as *const (),
        Value::Function(r) => Rc::as_ptr(r) as *const (),
        Value::Instance(r) => Rc::as_ptr(r) as *const (),
        Value::Generator(r) => Rc::as_ptr(r) as *const (),
        Value::Iterator(r) => Rc::as_ptr(r) as *const (),
        Value::Type(r) => Rc::as_ptr(r) as *const (),
        Value::Exception(r) => Rc::as_ptr(r) as *const (),
        Value::BoundMethod(r) => Rc::as_ptr(r) as *const (),
        Value::Builtin(r) => Rc::as_ptr(r) as *const (),
        Value::Cell(r) => Rc::as_ptr(r) as *const (),
        Value::Module(r) => Rc::as_ptr(r) as *const (),
        _ => return None,
    })
}

/// The debugger as seen by a front end while the program is paused: the
/// controller's state, and the paused VM through read-only views (the VM
/// itself is the debugger's own business: front ends see only the views).
pub struct Paused<'a> {
    pub(super) vm: &'a Vm,
    pub state: &'a mut DebugState,
    /// Frame index views are about (`frame N`, `up`, `down`); the top frame
    /// when paused.
    pub selected: usize,
}

impl Paused<'_> {
    /// How many frames there are and which one is selected.
    pub fn selection(&self) -> views::FrameSelection {
        views::FrameSelection {
            count: self.vm.frames.len(),
            selected: self.selected,
        }
    }

    /// Selects frame `index`, or the top frame when there is no such frame;
    /// returns the frame selected.
    pub fn select_frame(&mut self, index: usize) -> usize {
        self.selected = index.min(self.vm.frames.len().saturating_sub(1));
        self.selected
    }

    /// The frame stack, outermost first; at a `catch` stop the top frame is
    /// at its raising instruction.
    pub fn frames(&self) -> Vec<views::FrameView> {
        views::frames_at(self.vm, self.state.raising)
    }

    /// Frame `index` of the stack, its contents as the panes show them.
    pub fn frame(&self, index: usize) -> Option<views::FrameContentsView> {
        views::stack_frame(self.vm, index, self.state.raising, &self.state.breakpoints)
    }

    /// Every live generator, coroutine and async generator, oldest first,
    /// with their value stacks.
    pub fn generators(&self) -> Vec<views::GeneratorView> {
        views::generators(self.vm)
    }

    /// [`Paused::generators`] without their value stacks (cheaper).
    pub fn generators_brief(&self) -> Vec<views::GeneratorView> {
        views::generators_brief(self.vm)
    }

    /// Generator `id`'s frame (its own while suspended, the stack's while
    /// it runs).
    pub fn generator_frame(&self, id: u64) -> Option<views::FrameContentsView> {
        views::generator_frame(self.vm, id, self.state.raising, &self.state.breakpoints)
    }

    /// What the last instruction did to its frame's value stack, when known.
    pub fn last_diff(&self) -> Option<StackDiff> {
        self.state.last_diff(self.vm)
    }

    pub(super) fn top(&self) -> Option<&Frame> {
        self.vm.frames.last()
    }

    pub(super) fn selected_frame(&self) -> Option<&Frame> {
        self.vm.frames.get(self.selected)
    }

    /// The instruction frame `index` is at, as the views show it: the top
    /// frame's next instruction, or the raising one at a `catch` stop; a
    /// caller's call in progress.
    pub(super) fn current_index(&self, index: usize) -> usize {
        views::instruction_index(self.vm, index, self.state.raising)
    }
}

/// A front end: told when the program stops and when it ends.
pub trait Frontend {
    /// The program is paused before instruction `paused.state.count`.
    /// Inspect and change state through `paused`; return how to go on.
    fn paused(&mut self, paused: &mut Paused<'_>) -> Action;

    /// The program ended (`state.finished` says how); the front end may
    /// still go back in time (`Goto`) or quit.
    fn finished(&mut self, state: &mut DebugState) -> Action;

    /// A line of program input (`input()`), without its newline; `None` is
    /// end of file.
    fn read_line(&mut self, _state: &DebugState) -> Option<String> {
        None
    }

    /// Called every [`POLL_INTERVAL`] instructions while the program runs
    /// between stops (not during replays), so an interactive front end can
    /// stay responsive; `true` pauses the program where it is.
    fn poll(&mut self, _state: &DebugState) -> bool {
        false
    }
}

pub const POLL_INTERVAL: u64 = 1 << 16;

/// The observer: decides where to stop and runs the front end there.
pub struct Controller {
    pub state: DebugState,
    pub frontend: Box<dyn Frontend>,
}

impl Controller {
    /// Whether the instruction about to run (top frame) stops the program,
    /// and why. Updates hit counts and watches as it goes.
    fn should_stop(&mut self, vm: &Vm) -> Option<StopReason> {
        let state = &mut self.state;
        let frame = vm.frames.last()?;
        let instr = frame.code().decoded.instructions.get(frame.ip)?;
        let mut stop = match state.mode {
            Mode::Pause => Some(state.pending_reason.take().unwrap_or(StopReason::Start)),
            Mode::StepInstr { until } => (state.count >= until).then_some(StopReason::Step),
            Mode::Step { from } => {
                (state.count > from && state.at_new_line).then_some(StopReason::Step)
            }
            Mode::Next { frame: id, depth } => {
                if frame_gone(vm, id, depth) {
                    Some(StopReason::FrameExited)
                } else {
                    (frame.id == id && state.at_new_line).then_some(StopReason::Step)
                }
            }
            Mode::Finish { frame: id, depth } => {
                frame_gone(vm, id, depth).then_some(StopReason::FrameExited)
            }
            Mode::Until {
                frame: id,
                depth,
                offset,
            } => {
                if frame_gone(vm, id, depth) {
                    Some(StopReason::FrameExited)
                } else {
                    (frame.id == id && instr.offset == offset).then_some(StopReason::Step)
                }
            }
            Mode::Replay { until } => (state.count >= until)
                .then(|| state.pending_reason.take().unwrap_or(StopReason::Goto)),
            Mode::Continue | Mode::ScanBack { .. } => None,
        };
        let replaying = matches!(state.mode, Mode::Replay { .. } | Mode::ScanBack { .. });
        if let Some(flag) = &state.interrupt {
            if flag.swap(false, std::sync::atomic::Ordering::Relaxed) && !replaying {
                stop = stop.or(Some(StopReason::Interrupted));
            }
        }
        if !replaying
            && stop.is_none()
            && state.count.is_multiple_of(POLL_INTERVAL)
            && self.frontend.poll(&self.state)
        {
            stop = Some(StopReason::Interrupted);
        }
        // Breakpoints count hits in every mode (so replays recount them),
        // but only stop the program outside of replays.
        let bp = self.check_breakpoints(vm, frame, instr);
        let state = &mut self.state;
        if let Some(reason) = bp {
            match &mut state.mode {
                Mode::Replay { .. } => {}
                Mode::ScanBack { until, last_stop } => {
                    if state.count < *until {
                        *last_stop = Some(state.count);
                    }
                }
                _ => stop = Some(reason),
            }
        }
        if !state.watches.is_empty() {
            if let Some(reason) = check_watches(vm, frame, state) {
                if !matches!(state.mode, Mode::Replay { .. } | Mode::ScanBack { .. }) {
                    stop = stop.or(Some(reason));
                }
            }
        }
        stop
    }

    fn check_breakpoints(
        &mut self,
        vm: &Vm,
        frame: &Frame,
        instr: &crate::bytecode::Instruction,
    ) -> Option<StopReason> {
        let state = &mut self.state;
        let mut reason = None;
        let code = &frame.code();
        for bp in state.breakpoints.iter_mut().filter(|b| b.enabled) {
            let reached = match &bp.kind {
                BreakKind::Opcode { .. } | BreakKind::Offset { .. } => bp.kind.on_instruction(
                    &code.name,
                    &code.qualname,
                    instr.offset,
                    &instr.op.name(),
                ),
                BreakKind::Line { line, .. } => {
                    state.at_new_line
                        && code.decoded.location_at(instr.offset).line == Some(*line)
                        && bp.kind.line_in(&code.filename) == Some(*line)
                }
                BreakKind::Function { name } => {
                    is_entry(instr) && names_function(name, &code.name, &code.qualname)
                }
                BreakKind::Resume { name } => {
                    frame.generator.is_some()
                        && instr.op == Op::Known(Opcode::RESUME)
                        && names_function(name, &code.name, &code.qualname)
                }
                BreakKind::Suspend { name } => {
                    instr.op == Op::Known(Opcode::YIELD_VALUE)
                        && names_function(name, &code.name, &code.qualname)
                }
                BreakKind::Exception { .. } => false,
            };
            if !reached {
                continue;
            }
            if let Some(c) = &bp.condition {
                if !c.holds(views::lookup_name(vm, frame, &c.name).as_ref()) {
                    continue;
                }
            }
            bp.hits += 1;
            if bp.hits > bp.ignore && reason.is_none() {
                reason = Some(StopReason::Breakpoint {
                    id: bp.id,
                    description: bp.kind.to_string(),
                });
            }
        }
        reason
    }

    /// Updates the per-frame line tracking for the instruction about to run.
    fn track_line(&mut self, vm: &Vm) {
        let state = &mut self.state;
        state.at_new_line = false;
        let Some(frame) = vm.frames.last() else {
            return;
        };
        let Some(instr) = frame.code().decoded.instructions.get(frame.ip) else {
            return;
        };
        let Some(line) = frame.code().decoded.location_at(instr.offset).line else {
            return;
        };
        if in_prologue(frame) {
            return;
        }
        let prev = state.positions.insert(frame.id, (line, instr.offset));
        state.at_new_line = match prev {
            None => true,
            Some((prev_line, prev_offset)) => line != prev_line || instr.offset <= prev_offset,
        };
        if state.positions.len() > 50_000 {
            let live: std::collections::HashSet<u64> = vm.frames.iter().map(|f| f.id).collect();
            let gens: std::collections::HashSet<u64> = vm
                .live_generators()
                .iter()
                .filter_map(|(_, g)| g.frame.borrow().as_ref().map(|f| f.id))
                .collect();
            state
                .positions
                .retain(|id, _| live.contains(id) || gens.contains(id));
        }
    }

    /// Hands control to the front end until it says how to go on.
    fn pause(&mut self, vm: &Vm, reason: StopReason) -> Control {
        self.state.stop_reason = Some(reason);
        let mut paused = Paused {
            vm,
            state: &mut self.state,
            selected: vm.frames.len().saturating_sub(1),
        };
        let action = self.frontend.paused(&mut paused);
        self.apply(vm, action)
    }

    fn apply(&mut self, vm: &Vm, action: Action) -> Control {
        let state = &mut self.state;
        match action {
            Action::Run(mode) => {
                state.mode = mode;
                Control::Continue
            }
            Action::Goto(n) if n >= state.count => {
                state.mode = Mode::Replay { until: n };
                if n == state.count {
                    return self.pause(vm, StopReason::Goto);
                }
                Control::Continue
            }
            Action::Goto(n) => {
                state.pending_goto = Some(Mode::Replay { until: n });
                Control::Abort
            }
            Action::ReverseContinue => {
                state.pending_goto = Some(Mode::ScanBack {
                    until: state.count,
                    last_stop: None,
                });
                Control::Abort
            }
            Action::Quit => {
                state.quit = true;
                Control::Abort
            }
        }
    }
}

impl Observer for Controller {
    fn before_instruction(&mut self, vm: &Vm) -> Control {
        if self.state.quit || self.state.pending_goto.is_some() {
            return Control::Abort;
        }
        self.track_line(vm);
        if let Mode::ScanBack { until, last_stop } = self.state.mode {
            if self.state.count >= until {
                // The scan is over: replay to the last stop it saw.
                let target = last_stop.unwrap_or(0);
                self.state.pending_goto = Some(Mode::Replay { until: target });
                if last_stop.is_none() {
                    self.state.pending_reason = Some(StopReason::NoEarlierStop);
                }
                return Control::Abort;
            }
        }
        let control = match self.should_stop(vm) {
            Some(reason) => self.pause(vm, reason),
            None => Control::Continue,
        };
        if control == Control::Continue && !self.state.wants_last_instruction() {
            self.state.last = None;
        } else if control == Control::Continue {
            if let Some(frame) = vm.frames.last() {
                self.state.last = Some(LastInstruction {
                    frame: frame.id,
                    code: frame.code().clone(),
                    index: frame.ip,
                    stack_before: frame.stack.clone(),
                });
            }
        }
        if control == Control::Continue {
            self.state.count += 1;
        }
        control
    }

    fn observes_exceptions(&self) -> bool {
        true
    }

    fn on_exception(&mut self, vm: &Vm, err: &PyErr) {
        let ptr = Rc::as_ptr(&err.0) as *const ();
        if self.state.last_exception == Some(ptr) {
            return;
        }
        self.state.last_exception = Some(ptr);
        let mut reason = None;
        let class = protocol::type_of(&err.value());
        for bp in self.state.breakpoints.iter_mut().filter(|b| b.enabled) {
            let BreakKind::Exception { name } = &bp.kind else {
                continue;
            };
            let matches = match name {
                None => true,
                Some(n) => class.mro.borrow().iter().any(|t| t.name.as_ref() == n),
            };
            if !matches {
                continue;
            }
            if let (Some(c), Some(frame)) = (&bp.condition, vm.frames.last()) {
                if !c.holds(views::lookup_name(vm, frame, &c.name).as_ref()) {
                    continue;
                }
            }
            bp.hits += 1;
            if bp.hits > bp.ignore && reason.is_none() {
                reason = Some(StopReason::Exception {
                    description: short_repr(&err.value()),
                });
            }
        }
        // Stop right where it is raised, before it unwinds: the raising
        // frame is still there to inspect.
        if let Some(r) = reason {
            if !matches!(self.state.mode, Mode::Replay { .. } | Mode::ScanBack { .. }) {
                // A goto or quit asked for here takes effect at the next
                // instruction, which aborts the run.
                self.state.raising = true;
                let _ = self.pause(vm, r);
                self.state.raising = false;
            }
        }
    }
}

fn frame_gone(vm: &Vm, id: u64, depth: usize) -> bool {
    vm.frames.get(depth).is_none_or(|f| f.id != id)
}

/// Instructions before a function's first RESUME (MAKE_CELL, COPY_FREE_VARS,
/// RETURN_GENERATOR...) and the RESUME itself: the call, not a line.
fn in_prologue(frame: &Frame) -> bool {
    let instrs = &frame.code().decoded.instructions;
    if frame.code().name.as_ref() == "<module>" {
        return frame.ip == 0;
    }
    instrs[..=frame.ip.min(instrs.len().saturating_sub(1))]
        .iter()
        .all(|i| i.op != Op::Known(Opcode::RESUME))
        || (instrs[frame.ip].op == Op::Known(Opcode::RESUME) && instrs[frame.ip].arg == Some(0))
}

/// The first instruction of a new activation (RESUME 0).
fn is_entry(instr: &crate::bytecode::Instruction) -> bool {
    instr.op == Op::Known(Opcode::RESUME) && instr.arg == Some(0)
}

fn check_watches(vm: &Vm, frame: &Frame, state: &mut DebugState) -> Option<StopReason> {
    let mut reason = None;
    let count = state.count;
    for w in &mut state.watches {
        let local = frame
            .code()
            .localsplusnames
            .iter()
            .any(|n| n.as_ref() == w.name);
        let scope = if local { frame.id } else { 0 };
        let value = views::lookup_name(vm, frame, &w.name).map(|v| short_repr(&v));
        let now = value.clone().unwrap_or_else(|| "<unbound>".into());
        match &w.last {
            Some((s, old)) if *s == scope && *old != now => {
                reason = reason.or(Some(StopReason::Watch {
                    name: w.name.clone(),
                    old: old.clone(),
                    new: now.clone(),
                }));
                w.changed_at = Some(count);
            }
            None if value.is_some() => w.changed_at = Some(count),
            _ => {}
        }
        w.last = Some((scope, now));
        w.value = value;
    }
    reason
}

/// Runs `code` under the debugger until the front end quits: each replay is
/// a fresh VM on the same big-stack thread.
pub fn run_session(
    code: Arc<CodeObject>,
    argv: Vec<String>,
    frontend: Box<dyn Frontend>,
    setup: impl FnOnce(&mut DebugState),
) -> Box<dyn Frontend> {
    let mut state = DebugState::new();
    setup(&mut state);
    let controller = Rc::new(RefCell::new(Controller { state, frontend }));
    loop {
        let mut vm = Vm::new(argv.clone());
        {
            let c = controller.borrow();
            vm.stdout = Box::new(SharedBuffer(c.state.output.clone()));
            let log = c.state.input_log.clone();
            let source = controller.clone();
            vm.stdin = Box::new(move || Ok(next_input(&log, &source)));
            let log = c.state.input_log.clone();
            let mut host = std::mem::replace(&mut vm.clock, Box::new(crate::vm::host_clock));
            vm.clock = Box::new(move |which| {
                let mut log = log.borrow_mut();
                let i = log.clock_position;
                log.clock_position += 1;
                if let Some(reading) = log.clock_readings.get(i) {
                    return *reading;
                }
                let reading = host(which);
                log.clock_readings.push(reading);
                reading
            });
        }
        let shared = SharedObserver(controller.clone());
        vm.nested_observer = Some(shared.clone());
        let result = vm.run_module(code.clone(), &mut shared.clone());
        vm.nested_observer = None;
        let mut c = controller.borrow_mut();
        if c.state.quit {
            break;
        }
        if let Some(mode) = c.state.pending_goto.take() {
            c.state.reset_for_run();
            c.state.mode = mode;
            continue;
        }
        let finished = match result {
            Ok(_) => Finished {
                exit_status: 0,
                traceback: None,
            },
            Err(err) => match crate::vm::system_exit_status(&mut vm, &err) {
                Some(status) => Finished {
                    exit_status: status,
                    traceback: None,
                },
                None => {
                    let text = crate::vm::traceback::format_exception(&mut vm, &err);
                    Finished {
                        exit_status: 1,
                        traceback: Some(text),
                    }
                }
            },
        };
        vm.flush_stdout();
        c.state.finished = Some(finished);
        let Controller { state, frontend } = &mut *c;
        let action = frontend.finished(state);
        match action {
            Action::Goto(n) => {
                state.reset_for_run();
                state.mode = Mode::Replay { until: n };
            }
            Action::ReverseContinue => {
                let until = state.count;
                state.reset_for_run();
                state.mode = Mode::ScanBack {
                    until,
                    last_stop: None,
                };
            }
            Action::Run(_) => {
                // Running on from the end means running again.
                state.reset_for_run();
                state.mode = Mode::Pause;
            }
            Action::Quit => break,
        }
    }
    let c = Rc::try_unwrap(controller)
        .ok()
        .expect("the session holds the only controller")
        .into_inner();
    c.frontend
}

fn next_input(log: &Rc<RefCell<InputLog>>, source: &Rc<RefCell<Controller>>) -> Option<String> {
    let mut log = log.borrow_mut();
    let position = log.position;
    log.position += 1;
    if let Some(line) = log.lines.get(position) {
        return line.clone().map(|l| l + "\n");
    }
    // Not recorded yet: ask the front end (the observer is not borrowed
    // while an instruction runs).
    let mut controller = source.borrow_mut();
    let Controller { state, frontend } = &mut *controller;
    let line = frontend.read_line(state);
    log.lines.push(line.clone());
    line.map(|l| l + "\n")
}

/// A `Write` into the session's captured output.
pub struct SharedBuffer(pub Rc<RefCell<Vec<u8>>>);

impl std::io::Write for SharedBuffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
