//! The debugger: the controller that observes the VM (breakpoints, stepping,
//! reverse execution by replay), the views it hands to front ends, its
//! command language, and the two front ends that need no terminal: `trace`
//! and `debug --batch`. The TUI (`crate::tui`) is a third front end on the
//! same API. Nothing here touches a terminal (DESIGN §4).

pub mod batch;
pub mod breakpoints;
pub mod commands;
pub mod controller;
pub mod text;
pub mod trace;
pub mod views;

use std::cell::RefCell;
use std::io::{BufRead, Write};
use std::rc::Rc;
use std::sync::Arc;

pub use controller::{Action, DebugState, Frontend, Mode, Paused, StopReason};

use crate::pyc::CodeObject;
use crate::vm::{Outcome, SharedObserver};

/// Where `trace` writes.
pub struct TraceTargets {
    /// The JSON lines; `None` is stdout.
    pub out: Option<std::path::PathBuf>,
    /// The program's own stdout; `None` is stderr.
    pub program_output: Option<std::path::PathBuf>,
}

/// `py2vm trace`: runs the program with a [`trace::Tracer`] watching.
pub fn trace_program(
    code: Arc<CodeObject>,
    argv: Vec<String>,
    options: trace::TraceOptions,
    targets: TraceTargets,
) -> Result<Outcome, String> {
    let open = |path: &std::path::Path| {
        std::fs::File::create(path).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    let out: Box<dyn Write + Send> = match &targets.out {
        Some(p) => Box::new(std::io::BufWriter::new(open(p)?)),
        None => Box::new(std::io::BufWriter::new(std::io::stdout())),
    };
    let program_out: Box<dyn Write + Send> = match &targets.program_output {
        Some(p) => Box::new(std::io::BufWriter::new(open(p)?)),
        None => Box::new(std::io::stderr()),
    };
    Ok(crate::vm::run_program_with(code, argv, move |vm| {
        vm.stdout = program_out;
        let tracer = Rc::new(RefCell::new(trace::Tracer::new(out, options)));
        Some(SharedObserver(tracer))
    }))
}

/// Runs `work` on the thread a debugger session runs on: the VM's own, with
/// the big stack it needs. `None` if `work` panicked.
pub fn on_session_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Option<T> {
    crate::vm::on_vm_thread(work)
}

/// `py2vm debug --batch`: commands from `commands`, text to stdout.
pub fn batch_session(
    code: Arc<CodeObject>,
    argv: Vec<String>,
    commands: Box<dyn BufRead + Send>,
    program_input: Option<Box<dyn BufRead + Send>>,
    breaks: Vec<String>,
) -> Result<i32, String> {
    let mut parsed = Vec::new();
    for spec in &breaks {
        parsed.push(breakpoints::parse_break(spec).map_err(|e| format!("--break {spec}: {e}"))?);
    }
    let status = on_session_thread(move || {
        let frontend = batch::BatchFrontend::new(
            commands,
            Box::new(std::io::BufWriter::new(std::io::stdout())),
            program_input.map(|i| i as Box<dyn BufRead>),
        );
        let _ = controller::run_session(code, argv, Box::new(frontend), |state| {
            for (kind, cond) in parsed {
                state.add_breakpoint(kind, cond);
            }
        });
        0
    });
    status.ok_or_else(|| "internal error".to_string())
}
