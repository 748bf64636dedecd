//! The TUI's screens through ratatui's TestBackend (snapshots checked in
//! under tests/snapshots/, reviewed), and its key handling.

mod common;

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use py2vm::debugger::commands::{self, Effect};
use py2vm::debugger::controller::{run_session, Action, DebugState, Frontend, Paused};
use py2vm::pyc::{load_program, LoadOptions};
use py2vm::tui::app::{App, KeyAction, Pane, Theme};
use py2vm::tui::draw;
use py2vm::tui::screen::ScreenData;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

use common::*;

/// Runs `commands` on `program` and returns the screen data at the last stop.
fn screen_at(program: &str, commands: &[&str]) -> ScreenData {
    let path = repo_root().join("testdata/debugger").join(program);
    screens_at(path, commands)
        .pop()
        .expect("stopped at least once")
}

/// Runs `commands` on the program at `path` (each stop runs commands until
/// one resumes) and returns the screen data at every stop.
fn screens_at(path: PathBuf, commands: &[&str]) -> Vec<ScreenData> {
    let options = LoadOptions {
        python: Some(python().to_path_buf()),
        filename: Some(path.display().to_string()),
        no_cache: true,
        stdlib: None,
    };
    let code = load_program(&path, &options).unwrap();
    let commands: Vec<String> = commands.iter().map(|c| c.to_string()).collect();
    let argv = vec![path.display().to_string()];
    let data = py2vm::vm::on_vm_thread(move || {
        struct Capture {
            commands: std::collections::VecDeque<String>,
            screens: Rc<RefCell<Vec<ScreenData>>>,
        }
        impl Frontend for Capture {
            fn paused(&mut self, p: &mut Paused<'_>) -> Action {
                self.screens
                    .borrow_mut()
                    .push(ScreenData::from_paused(p, p.selected));
                while let Some(line) = self.commands.pop_front() {
                    if let Effect::Resume(a) =
                        commands::execute(p, commands::parse(&line).unwrap().unwrap())
                    {
                        return a;
                    }
                }
                Action::Quit
            }
            fn finished(&mut self, _: &mut DebugState) -> Action {
                Action::Quit
            }
        }
        let screens = Rc::new(RefCell::new(Vec::new()));
        let capture = Capture {
            commands: commands.into(),
            screens: screens.clone(),
        };
        run_session(code, argv, Box::new(capture), |_| {});
        let data = screens.take();
        SendData(data)
    })
    .unwrap();
    data.0
}

struct SendData(Vec<ScreenData>);
// ScreenData holds only owned strings and numbers.
unsafe impl Send for SendData {}

fn render(app: &mut App, data: &ScreenData, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| draw::draw(f, app, data)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..height {
        let mut line = String::new();
        for x in 0..width {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn at_yield_in_middle() -> ScreenData {
    screen_at(
        "yield_chain.py",
        &[
            "break op YIELD_VALUE in middle",
            "continue",
            "continue",
            "stepi",
        ],
    )
}

#[test]
fn whole_screen_120x40_at_a_yield_in_a_chain() {
    let data = at_yield_in_middle();
    let mut app = App::new(Theme::Mono);
    app.follow_current(&data);
    insta::assert_snapshot!(
        "screen_120x40_yield_chain",
        render(&mut app, &data, 120, 40)
    );
}

#[test]
fn whole_screen_80x24_collapses_to_tabs() {
    let data = at_yield_in_middle();
    let mut app = App::new(Theme::Mono);
    app.follow_current(&data);
    let screen = render(&mut app, &data, 80, 24);
    assert!(screen
        .lines()
        .next()
        .unwrap()
        .contains(" Source │ Dis │ Frames │ Stack │ Blocks │ Locals │ Gens │ Output │"));
    insta::assert_snapshot!("screen_80x24_yield_chain", screen);
}

#[test]
fn every_pane_zoomed_at_80x24() {
    let data = at_yield_in_middle();
    for pane in Pane::ALL {
        let mut app = App::new(Theme::Mono);
        app.follow_current(&data);
        app.focus = pane;
        app.zoom = true;
        let name = format!("pane_{}", pane.title().to_lowercase().replace(' ', "_"));
        insta::assert_snapshot!(name, render(&mut app, &data, 80, 24));
    }
}

#[test]
fn stack_pane_marks_what_the_last_instruction_pushed_and_popped() {
    // After `x * 2`'s BINARY_OP in inner: 3 and 2 popped, 6 pushed.
    let data = screen_at(
        "yield_chain.py",
        &["break op BINARY_OP in inner", "continue", "stepi"],
    );
    let mut app = App::new(Theme::Mono);
    app.focus = Pane::Stack;
    app.zoom = true;
    let screen = render(&mut app, &data, 80, 24);
    assert!(screen.contains("+[0] int        6"), "{screen}");
    assert!(screen.contains("-popped by BINARY_OP: 3, 2"), "{screen}");
    assert!(
        screen.contains("last: BINARY_OP *: popped 3 and 2, pushed 6"),
        "{screen}"
    );
}

#[test]
fn help_overlay_and_tiny_terminals() {
    let data = at_yield_in_middle();
    let mut app = App::new(Theme::Dark);
    app.help = true;
    let screen = render(&mut app, &data, 120, 40);
    assert!(screen.contains("Keys (any key closes)"));
    assert!(screen.contains("s  step"));
    // Resizing to anything, however small, draws without panicking.
    for (w, h) in [(1, 1), (10, 3), (20, 6), (40, 10), (79, 23), (300, 100)] {
        let _ = render(&mut App::new(Theme::Light), &data, w, h);
    }
}

#[test]
fn the_source_gutter_marks_exactly_the_lines_breakpoints_stop_at() {
    // The gutter and the controller share one matcher: a FILE:LINE spec
    // marks a line if and only if it stops there. `ain.py` is a suffix of
    // `main.py` but does not name it.
    let dir = scratch_dir("tui-gutter");
    let path = dir.join("main.py");
    std::fs::write(&path, "x = 1\ny = 2\nz = x + y\nprint(z)\n").unwrap();
    for (spec, fires) in [
        ("ain.py:3", false),
        ("in.py:3", false),
        ("main.py:3", true),
        ("tui-gutter/main.py:3", true),
        ("3", true),
    ] {
        // Set at the start; one instruction later the screen shows it; then
        // run on to it (or to the end).
        let set = format!("break {spec}");
        let screens = screens_at(path.clone(), &[&set, "stepi", "continue"]);
        let shown = &screens[1];
        assert_eq!(shown.source.breakpoint_lines.contains(&3), fires, "{spec}");
        let mut app = App::new(Theme::Mono);
        app.follow_current(shown);
        app.zoom = true;
        let screen = render(&mut app, shown, 80, 24);
        let row = screen
            .lines()
            .find(|l| l.contains("3 z = x + y"))
            .unwrap_or_else(|| panic!("line 3 on screen:\n{screen}"));
        assert_eq!(row.contains('●'), fires, "{spec}: {row}");
        let stopped = screens.get(2).is_some_and(|s| {
            s.stop_reason.starts_with("breakpoint #1") && s.source.line == Some(3)
        });
        assert_eq!(stopped, fires, "{spec}: {} stops", screens.len());
    }
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

#[test]
fn keys_map_to_debugger_commands() {
    let data = at_yield_in_middle();
    let mut app = App::new(Theme::Mono);
    for (k, cmd) in [
        ('s', "step"),
        ('n', "next"),
        ('i', "stepi"),
        ('f', "finish"),
        ('c', "continue"),
        ('p', "back"),
        ('r', "restart"),
        ('B', "breakpoints"),
    ] {
        assert_eq!(
            app.on_key(key(k), &data, true),
            KeyAction::Command(cmd.into()),
            "{k}"
        );
    }
    // q asks first while the program runs.
    assert_eq!(app.on_key(key('q'), &data, true), KeyAction::Nothing);
    assert!(app.message.contains("quit?"));
    assert_eq!(
        app.on_key(key('y'), &data, true),
        KeyAction::Command("quit".into())
    );
    // The command line, with history.
    app.on_key(key(':'), &data, true);
    for c in "goto 7".chars() {
        app.on_key(key(c), &data, true);
    }
    assert_eq!(
        app.on_key(
            KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
            &data,
            true
        ),
        KeyAction::Command("goto 7".into())
    );
    app.on_key(key(':'), &data, true);
    app.on_key(KeyEvent::new(KeyCode::Up, KeyModifiers::NONE), &data, true);
    assert_eq!(app.command_line.as_deref(), Some("goto 7"));
    app.on_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE), &data, true);
    // Focus cycles; b toggles a breakpoint on the cursor's line.
    assert_eq!(app.focus, Pane::Source);
    app.on_key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE), &data, true);
    assert_eq!(app.focus, Pane::Dis);
    app.on_key(
        KeyEvent::new(KeyCode::BackTab, KeyModifiers::NONE),
        &data,
        true,
    );
    app.follow_current(&data);
    assert_eq!(
        app.on_key(key('b'), &data, true),
        KeyAction::Command("toggle-break yield_chain.py:14".into())
    );
    // u/d select frames; g jumps to the generator under the cursor.
    app.selected_frame = 1;
    assert_eq!(app.on_key(key('u'), &data, true), KeyAction::SelectFrame(0));
    assert_eq!(
        app.on_key(key('g'), &data, true),
        KeyAction::GoToGenerator(data.generators[0].id)
    );
}
