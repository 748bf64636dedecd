//! The TUI's screens through ratatui's TestBackend (snapshots checked in
//! under tests/snapshots/, reviewed), and its key handling.

mod common;

use std::cell::RefCell;
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
    let options = LoadOptions {
        python: Some(python().to_path_buf()),
        filename: Some(path.display().to_string()),
        no_cache: true,
    };
    let code = load_program(&path, &options).unwrap();
    let commands: Vec<String> = commands.iter().map(|c| c.to_string()).collect();
    let argv = vec![path.display().to_string()];
    let data = py2vm::vm::on_vm_thread(move || {
        struct Capture {
            commands: std::collections::VecDeque<String>,
            last: Rc<RefCell<Option<ScreenData>>>,
        }
        impl Frontend for Capture {
            fn paused(&mut self, p: &mut Paused<'_>) -> Action {
                *self.last.borrow_mut() = Some(ScreenData::from_paused(p, p.selected));
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
        let last = Rc::new(RefCell::new(None));
        let capture = Capture {
            commands: commands.into(),
            last: last.clone(),
        };
        run_session(code, argv, Box::new(capture), |_| {});
        let data = last.borrow_mut().take();
        SendData(data)
    })
    .unwrap();
    data.0.expect("stopped at least once")
}

struct SendData(Option<ScreenData>);
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
        .nth(0)
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
