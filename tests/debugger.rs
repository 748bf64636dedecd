//! The debugger controller driven through its Rust API on testdata programs:
//! breakpoints, stepping, reverse execution by replay, watches, and the views
//! it hands to front ends.

mod common;

use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::rc::Rc;

use py2vm::debugger::commands::{self, execute, state_command, Effect};
use py2vm::debugger::controller::{run_session, Action, DebugState, Frontend, Paused, StopReason};
use py2vm::debugger::views::{FrameView, GeneratorView, StackEntryView, VarView};
use py2vm::pyc::{load_program, LoadOptions};

use common::*;

/// Everything a front end can see at one stop.
#[derive(Clone, Debug, PartialEq)]
struct Snapshot {
    count: u64,
    reason: Option<StopReason>,
    frames: Vec<FrameView>,
    stack: Vec<StackEntryView>,
    locals: Vec<VarView>,
    generators: Vec<GeneratorView>,
    output: String,
    /// What the commands run at this stop showed.
    shown: Vec<String>,
    finished: bool,
}

struct Script {
    commands: VecDeque<String>,
    snapshots: Rc<RefCell<Vec<Snapshot>>>,
}

impl Frontend for Script {
    fn paused(&mut self, p: &mut Paused<'_>) -> Action {
        let top = p
            .frame(p.selection().count.saturating_sub(1))
            .expect("paused in a frame");
        let snapshot = Snapshot {
            count: p.state.count,
            reason: p.state.stop_reason.clone(),
            frames: p.frames(),
            stack: top.stack,
            locals: top.variables,
            generators: p.generators(),
            output: String::from_utf8_lossy(&p.state.output.borrow()).into_owned(),
            shown: Vec::new(),
            finished: false,
        };
        self.snapshots.borrow_mut().push(snapshot);
        while let Some(line) = self.commands.pop_front() {
            let effect = match commands::parse(&line) {
                Ok(Some(cmd)) => execute(p, cmd),
                Ok(None) => continue,
                Err(message) => Effect::Show(format!("error: {message}")),
            };
            match effect {
                Effect::Show(text) => self
                    .snapshots
                    .borrow_mut()
                    .last_mut()
                    .unwrap()
                    .shown
                    .push(text),
                Effect::Resume(action) => return action,
            }
        }
        Action::Quit
    }

    fn finished(&mut self, state: &mut DebugState) -> Action {
        self.snapshots.borrow_mut().push(Snapshot {
            count: state.count,
            reason: None,
            frames: Vec::new(),
            stack: Vec::new(),
            locals: Vec::new(),
            generators: Vec::new(),
            output: String::from_utf8_lossy(&state.output.borrow()).into_owned(),
            shown: Vec::new(),
            finished: true,
        });
        while let Some(line) = self.commands.pop_front() {
            let cmd = commands::parse(&line).unwrap().unwrap();
            if let Ok(Some(Effect::Resume(action))) = state_command(state, &cmd) {
                return action;
            }
        }
        Action::Quit
    }
}

fn program(name: &str) -> PathBuf {
    repo_root().join("testdata/debugger").join(name)
}

/// Runs `name` under the controller with `commands` (one per stop until a
/// resuming one) and returns what was seen at each stop.
fn session(name: &str, commands: &[&str]) -> Vec<Snapshot> {
    session_at(program(name), commands)
}

fn session_at(path: PathBuf, commands: &[&str]) -> Vec<Snapshot> {
    let options = LoadOptions {
        python: Some(python().to_path_buf()),
        filename: Some(path.display().to_string()),
        no_cache: true,
        stdlib: None,
    };
    let code = load_program(&path, &options).expect("program compiles");
    let commands: VecDeque<String> = commands.iter().map(|c| c.to_string()).collect();
    let argv = vec![path.display().to_string()];
    let snapshots = py2vm::vm::on_vm_thread(move || {
        let snapshots = Rc::new(RefCell::new(Vec::new()));
        let script = Script {
            commands,
            snapshots: snapshots.clone(),
        };
        run_session(code, argv, Box::new(script), |_| {});
        let taken = snapshots.borrow().clone();
        SendSnapshots(taken)
    })
    .expect("the session does not panic");
    snapshots.0
}

struct SendSnapshots(Vec<Snapshot>);
// Snapshots hold only owned strings and numbers.
unsafe impl Send for SendSnapshots {}

fn top(s: &Snapshot) -> &FrameView {
    s.frames.last().expect("a frame")
}

fn local<'a>(s: &'a Snapshot, name: &str) -> Option<&'a str> {
    s.locals
        .iter()
        .find(|v| v.name == name)
        .and_then(|v| v.value.as_ref())
        .map(|v| v.repr.as_str())
}

#[test]
fn yield_value_breakpoint_in_the_middle_of_a_yield_from_chain() {
    let stops = session(
        "yield_chain.py",
        &[
            "break op YIELD_VALUE in middle",
            "continue",
            "stepi",
            "continue",
            "quit",
        ],
    );
    // Stop 1: middle is about to pass inner's first value (1) up to outer.
    let at = &stops[1];
    assert!(matches!(
        at.reason,
        Some(StopReason::Breakpoint { id: 1, .. })
    ));
    let names: Vec<&str> = at.frames.iter().map(|f| f.function.as_str()).collect();
    assert_eq!(names, ["<module>", "outer", "middle"]);
    let kinds: Vec<&str> = at.frames.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, ["module", "generator", "generator"]);
    // outer was resumed by next() (native code); middle by outer's SEND.
    assert!(at.frames[1].native_boundary);
    assert!(!at.frames[2].native_boundary);
    assert_eq!(top(at).line, Some(9));
    assert_eq!(at.stack.last().unwrap().value.repr, "1");
    let gens = &at.generators;
    let names: Vec<(&str, &str)> = gens
        .iter()
        .map(|g| (g.name.as_str(), g.state.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("outer", "GEN_RUNNING"),
            ("middle", "GEN_RUNNING"),
            ("inner", "GEN_SUSPENDED")
        ]
    );
    assert_eq!(
        gens[0].delegate.as_ref().unwrap().generator,
        Some(gens[1].id)
    );
    assert_eq!(gens[2].line, Some(3));
    assert_eq!(at.output, "");
    // One instruction later middle has suspended and outer is yielding.
    let later = &stops[2];
    assert_eq!(later.frames.len(), 2);
    assert_eq!(top(later).function, "outer");
    let middle = later
        .generators
        .iter()
        .find(|g| g.name == "middle")
        .unwrap();
    assert_eq!(middle.state, "GEN_SUSPENDED");
    let inner_id = later
        .generators
        .iter()
        .find(|g| g.name == "inner")
        .unwrap()
        .id;
    assert_eq!(middle.delegate.as_ref().unwrap().generator, Some(inner_id));
    // The second time round the value is 3 * 2, sent down then passed up.
    let again = &stops[3];
    assert_eq!(again.stack.last().unwrap().value.repr, "6");
    assert_eq!(again.output, "1\n");
}

#[test]
fn back_after_a_thousand_stepi_restores_identical_views_and_output() {
    let mut commands = vec!["stepi 40"];
    commands.extend(std::iter::repeat_n("stepi", 1000));
    commands.push("back 1000");
    commands.push("quit");
    let stops = session("loops.py", &commands);
    let before = &stops[1];
    let after = stops.last().unwrap();
    assert_eq!(before.count, 40);
    assert_eq!(stops[stops.len() - 2].count, 1040);
    assert_eq!(before.output, "at 0\n");
    assert_eq!(stops[stops.len() - 2].output, "at 0\nat 40\n");
    assert_eq!(after.count, 40);
    assert_eq!(after.reason, Some(StopReason::Goto));
    let strip = |s: &Snapshot| Snapshot {
        reason: None,
        ..s.clone()
    };
    assert_eq!(strip(before), strip(after));
}

#[test]
fn finish_inside_a_generator_stops_at_its_yield_in_the_caller() {
    let stops = session(
        "yield_chain.py",
        &["break inner", "continue", "finish", "quit"],
    );
    assert_eq!(top(&stops[1]).function, "inner");
    let after = &stops[2];
    assert_eq!(after.reason, Some(StopReason::FrameExited));
    assert_eq!(top(after).function, "middle");
    // inner suspended at its first yield, with the yielded 1 now in middle.
    let inner = after.generators.iter().find(|g| g.name == "inner").unwrap();
    assert_eq!(inner.state, "GEN_SUSPENDED");
    assert_eq!(inner.line, Some(3));
    assert_eq!(after.stack.last().unwrap().value.repr, "1");
}

#[test]
fn next_steps_over_calls_and_step_enters_them() {
    let stops = session("loops.py", &["break 24", "continue", "next", "quit"]);
    assert_eq!(top(&stops[1]).line, Some(24));
    // `next` runs fails(k) as a whole: it raises, so the next line is the
    // module's except clause.
    assert_eq!(top(&stops[2]).function, "<module>");
    assert_eq!(top(&stops[2]).line, Some(25));
    let stops = session(
        "loops.py",
        &["break 24", "continue", "step", "step", "quit"],
    );
    assert_eq!(top(&stops[2]).function, "fails");
    assert_eq!(top(&stops[2]).line, Some(17));
    assert_eq!(top(&stops[3]).line, Some(18));
}

#[test]
fn conditions_and_ignore_counts() {
    let stops = session(
        "loops.py",
        &["break 4 if i > 3", "continue", "continue", "quit"],
    );
    assert_eq!(local(&stops[1], "i"), Some("4"));
    assert_eq!(local(&stops[2], "i"), Some("5"));
    let stops = session(
        "loops.py",
        &["break 5", "ignore 1 2", "continue", "breakpoints", "quit"],
    );
    // Hits 1 and 2 (i = 0, 1) pass; the third stops.
    assert_eq!(local(&stops[1], "i"), Some("2"));
    assert!(stops[1].shown[0].contains("hits 3"), "{:?}", stops[1].shown);
    let stops = session(
        "loops.py",
        &["break 5 if i == 6", "disable 1", "continue", "quit"],
    );
    assert!(
        stops.last().unwrap().finished,
        "a disabled breakpoint does not stop"
    );
}

#[test]
fn watchpoints_fire_on_change() {
    let stops = session(
        "loops.py",
        &["watch total", "continue", "continue", "continue", "quit"],
    );
    let reasons: Vec<String> = stops[1..4]
        .iter()
        .map(|s| match &s.reason {
            Some(StopReason::Watch { name, old, new }) => format!("{name}: {old} -> {new}"),
            other => format!("{other:?}"),
        })
        .collect();
    // total = 0, then += 0 (no change), += 1, += 4.
    assert_eq!(
        reasons,
        ["total: <unbound> -> 0", "total: 0 -> 1", "total: 1 -> 5"]
    );
}

#[test]
fn stepping_reaches_python_called_from_native_code() {
    let stops = session(
        "hooks.py",
        &[
            "break Key.__eq__",
            "continue",
            "stepi",
            "delete 1",
            "break by_length",
            "continue",
            "quit",
        ],
    );
    let eq = &stops[1];
    let names: Vec<&str> = eq.frames.iter().map(|f| f.qualname.as_str()).collect();
    assert_eq!(names, ["<module>", "Key.__eq__"]);
    assert!(eq.frames[1].native_boundary, "called from the dict lookup");
    assert_eq!(top(&stops[2]).qualname, "Key.__eq__");
    let key = &stops[3];
    assert_eq!(top(key).qualname, "by_length");
    assert!(top(key).native_boundary, "called from sorted()");
    assert_eq!(local(key, "word"), Some("'ccc'"));
}

#[test]
fn catch_stops_where_an_exception_is_raised() {
    let stops = session("loops.py", &["catch ValueError", "continue", "quit"]);
    let at = &stops[1];
    match &at.reason {
        Some(StopReason::Exception { description }) => {
            assert_eq!(description, "ValueError('too big: 3')")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(local(at, "x"), Some("3"));
}

#[test]
fn reverse_continue_goes_back_to_the_previous_breakpoint_stop() {
    let stops = session(
        "loops.py",
        &[
            "break 5",
            "continue",
            "continue",
            "continue",
            "reverse-continue",
            "reverse-continue",
            "quit",
        ],
    );
    let counts: Vec<u64> = stops.iter().map(|s| s.count).collect();
    assert_eq!(counts[4], counts[2]);
    assert_eq!(local(&stops[4], "i"), Some("1"));
    assert_eq!(counts[5], counts[1]);
}

#[test]
fn the_program_end_is_reported_and_can_be_left_backwards() {
    let stops = session("yield_chain.py", &["continue", "back 5", "quit"]);
    let end = &stops[1];
    assert!(end.finished);
    assert_eq!(end.output, "1\n6\ntotal 70\n70\n");
    let back = &stops[2];
    assert_eq!(back.count, end.count - 5);
    assert!(!back.finished);
}

#[test]
fn bad_commands_are_reported_and_the_session_goes_on() {
    for bad in [
        "frobnicate",
        "break op NOPE",
        "stepi many",
        "break f@3",
        "frame 99",
    ] {
        let stops = session("yield_chain.py", &[bad, "quit"]);
        let shown = stops[0].shown.join("\n");
        assert!(shown.starts_with("error: "), "{bad}: {shown}");
        assert_eq!(stops.len(), 1, "the session went on to quit");
    }
}

#[test]
fn replays_see_the_clock_readings_of_the_first_run() {
    let dir = scratch_dir("debugger-clock");
    let path = dir.join("clock.py");
    std::fs::write(
        &path,
        "import time\nstamps = [time.time(), time.perf_counter_ns()]\nprint(stamps)\nprint('end')\n",
    )
    .unwrap();
    let stops = session_at(path, &["continue", "back 4", "continue", "quit"]);
    let first = &stops[1];
    let again = &stops[3];
    assert!(first.finished && again.finished);
    assert!(first.output.starts_with('['), "{}", first.output);
    // The replayed run printed exactly the same readings.
    assert_eq!(first.output, again.output);
}
