//! `py2vm debug`: the terminal debugger. A front end of the debugger
//! controller (crate::debugger): it holds no VM logic, only what is on the
//! screen and what keys do. The program runs on the VM thread; the
//! controller calls [`TuiFrontend::paused`] at each stop and
//! [`TuiFrontend::poll`] while it runs, so a key press pauses a long
//! `continue`.
//!
//! The terminal is restored on every way out: normal exit, an error, a Rust
//! panic (a panic hook restores it before the message is printed) and
//! SIGTERM (a flag the event loop and `poll` check).

pub mod app;
pub mod draw;
pub mod screen;

use std::collections::VecDeque;
use std::io::{IsTerminal, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::{cursor, execute, terminal};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;

use crate::debugger::breakpoints::{parse_break, BreakKind};
use crate::debugger::commands::{self, Effect};
use crate::debugger::controller::{run_session, Action, DebugState, Frontend, Paused};
use crate::pyc::CodeObject;
use app::{App, KeyAction, Theme};
use screen::ScreenData;

/// Puts the terminal back as it was (raw mode off, main screen, cursor
/// shown, mouse released). Safe to call more than once.
pub fn restore_terminal() {
    let mut out = std::io::stdout();
    let _ = execute!(
        out,
        event::DisableMouseCapture,
        terminal::LeaveAlternateScreen,
        cursor::Show
    );
    let _ = terminal::disable_raw_mode();
    let _ = out.flush();
}

/// Restores the terminal when dropped, whatever the way out.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

pub struct Options {
    pub theme: Theme,
    /// Commands to replay, one per key press (`--commands FILE`).
    pub replay: Vec<String>,
    pub breaks: Vec<String>,
}

/// Runs the debugger UI on the program. Returns the process exit status.
pub fn run(code: Arc<CodeObject>, argv: Vec<String>, options: Options) -> Result<i32, String> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(
            "`py2vm debug` needs a terminal; use `py2vm debug --batch` to script it".into(),
        );
    }
    let mut parsed = Vec::new();
    for spec in &options.breaks {
        parsed.push(parse_break(spec).map_err(|e| format!("--break {spec}: {e}"))?);
    }
    let sigterm = Arc::new(AtomicBool::new(false));
    // SIGHUP: the terminal is gone, there is nothing to restore: exit now.
    let _ = signal_hook::flag::register_conditional_shutdown(
        signal_hook::consts::SIGHUP,
        129,
        Arc::new(AtomicBool::new(true)),
    );
    // SIGTERM: a second one exits at once; the first asks the UI to quit
    // (restoring the terminal), with a watchdog in case it cannot.
    let _ = signal_hook::flag::register_conditional_shutdown(
        signal_hook::consts::SIGTERM,
        143,
        sigterm.clone(),
    );
    let _ = signal_hook::flag::register(signal_hook::consts::SIGTERM, sigterm.clone());
    let watched = sigterm.clone();
    std::thread::spawn(move || loop {
        std::thread::sleep(Duration::from_millis(100));
        if watched.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_secs(2));
            restore_terminal();
            std::process::exit(143);
        }
    });
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
    let theme = options.theme;
    let replay = options.replay;
    let result = crate::debugger::on_session_thread(move || -> Result<i32, String> {
        terminal::enable_raw_mode().map_err(|e| format!("cannot use the terminal: {e}"))?;
        let _guard = TerminalGuard;
        execute!(
            std::io::stdout(),
            terminal::EnterAlternateScreen,
            event::EnableMouseCapture,
            cursor::Hide
        )
        .map_err(|e| format!("cannot use the terminal: {e}"))?;
        let backend = CrosstermBackend::new(std::io::stdout());
        let terminal = Terminal::new(backend).map_err(|e| e.to_string())?;
        let frontend = TuiFrontend::new(terminal, theme, replay.into(), sigterm);
        run_session(code, argv, Box::new(frontend), |state| {
            for (kind, cond) in parsed {
                state.add_breakpoint(kind, cond);
            }
        });
        Ok(0)
    });
    restore_terminal();
    result.unwrap_or(Err("internal error".into()))
}

pub struct TuiFrontend {
    terminal: Terminal<CrosstermBackend<Stdout>>,
    app: App,
    /// The last screen shown at a stop; kept for the finished state and
    /// for redraws while running.
    last: ScreenData,
    replay: VecDeque<String>,
    /// Every command run this session (`:record FILE` saves them).
    recorded: Vec<String>,
    sigterm: Arc<AtomicBool>,
    last_draw: Instant,
}

impl TuiFrontend {
    fn new(
        terminal: Terminal<CrosstermBackend<Stdout>>,
        theme: Theme,
        replay: VecDeque<String>,
        sigterm: Arc<AtomicBool>,
    ) -> TuiFrontend {
        TuiFrontend {
            terminal,
            app: App::new(theme),
            last: ScreenData::default(),
            replay,
            recorded: Vec::new(),
            sigterm,
            last_draw: Instant::now(),
        }
    }

    fn draw(&mut self) {
        let app = &mut self.app;
        let data = &self.last;
        let _ = self.terminal.draw(|f| draw::draw(f, app, data));
    }

    /// Waits for the next key (or a replayed command when `--commands` is
    /// being played back: any key plays the next one).
    fn next_key(&mut self) -> Option<Input> {
        loop {
            if self.sigterm.load(Ordering::Relaxed) {
                return Some(Input::Command("quit".into()));
            }
            match event::poll(Duration::from_millis(200)) {
                Ok(true) => {}
                Ok(false) => continue,
                // The terminal is gone.
                Err(_) => return None,
            }
            match event::read() {
                Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => {
                    if !self.replay.is_empty()
                        && self.app.command_line.is_none()
                        && k.code != KeyCode::Char('q')
                    {
                        let cmd = self.replay.pop_front().unwrap_or_default();
                        self.app.message = format!("replaying: {cmd} ({} left)", self.replay.len());
                        return Some(Input::Command(cmd));
                    }
                    return Some(Input::Key(k));
                }
                Ok(Event::Mouse(m)) => {
                    let data = self.last.clone();
                    self.app.on_mouse(m, &data);
                    self.draw();
                }
                Ok(Event::Resize(_, _)) => self.draw(),
                Ok(_) => {}
                Err(_) => return None,
            }
        }
    }

    /// TUI-only commands: `record FILE`, `toggle-break SPEC`. `None` when
    /// `line` is an ordinary debugger command.
    fn ui_command(&mut self, line: &str, state: &mut DebugState) -> Option<String> {
        let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
        match word {
            "record" => {
                let text: String = self.recorded.iter().map(|c| format!("{c}\n")).collect();
                Some(match std::fs::write(rest.trim(), text) {
                    Ok(()) => format!(
                        "recorded {} commands to {}",
                        self.recorded.len(),
                        rest.trim()
                    ),
                    Err(e) => format!("error: cannot write {}: {e}", rest.trim()),
                })
            }
            "toggle-break" => Some(toggle_breakpoint(state, rest.trim())),
            _ => None,
        }
    }

    fn show(&mut self, text: String) {
        if text.trim_end().lines().count() > 1 {
            self.app.popup = Some(text);
        } else {
            self.app.message = text.trim_end().to_string();
        }
    }
}

enum Input {
    Key(KeyEvent),
    Command(String),
}

fn toggle_breakpoint(state: &mut DebugState, spec: &str) -> String {
    let Ok((kind, _)) = parse_break(spec) else {
        return format!("error: bad breakpoint {spec}");
    };
    let same = |k: &BreakKind| match (k, &kind) {
        (BreakKind::Line { line: a, .. }, BreakKind::Line { line: b, .. }) => a == b,
        (a, b) => a == b,
    };
    if let Some(id) = state
        .breakpoints
        .iter()
        .find(|b| same(&b.kind))
        .map(|b| b.id)
    {
        let _ = state.delete_breakpoint(id);
        return format!("deleted breakpoint #{id} ({spec})");
    }
    let id = state.add_breakpoint(kind, None);
    format!("breakpoint #{id}: {spec}")
}

impl Frontend for TuiFrontend {
    fn paused(&mut self, paused: &mut Paused<'_>) -> Action {
        self.app.selected_frame = paused.selected;
        self.app.message.clear();
        let mut inspecting: Option<u64> = None;
        loop {
            let selected = paused.select_frame(self.app.selected_frame);
            let mut data = ScreenData::from_paused(paused, selected);
            if let Some(id) = inspecting {
                if let Some(frame) = paused.generator_frame(id) {
                    data.show_generator_frame(frame, id);
                }
            }
            self.last = data;
            let snapshot = self.last.clone();
            self.app.follow_current(&snapshot);
            self.draw();
            let line = match self.next_key() {
                None => return Action::Quit,
                Some(Input::Command(c)) => c,
                Some(Input::Key(k)) => match self.app.on_key(k, &snapshot, true) {
                    KeyAction::Nothing => continue,
                    KeyAction::SelectFrame(n) => {
                        self.app.selected_frame = n;
                        inspecting = None;
                        continue;
                    }
                    KeyAction::GoToGenerator(id) => {
                        match snapshot
                            .generators
                            .iter()
                            .find(|g| g.id == id)
                            .and_then(|g| g.frame_index)
                        {
                            Some(i) => {
                                self.app.selected_frame = i;
                                inspecting = None;
                            }
                            None => inspecting = Some(id),
                        }
                        self.app.follow = true;
                        continue;
                    }
                    KeyAction::Command(c) => c,
                },
            };
            if !line.starts_with("record ") {
                self.recorded.push(line.clone());
            }
            if let Some(text) = self.ui_command(&line, paused.state) {
                self.show(text);
                continue;
            }
            match commands::parse(&line) {
                Ok(None) => {}
                Ok(Some(cmd)) => match commands::execute(paused, cmd) {
                    Effect::Show(text) => self.show(text),
                    Effect::Resume(action) => {
                        self.app.follow = true;
                        self.last.run_state = "running".into();
                        self.draw();
                        self.last_draw = Instant::now();
                        return action;
                    }
                },
                Err(e) => self.show(format!("error: {e}")),
            }
        }
    }

    fn finished(&mut self, state: &mut DebugState) -> Action {
        let finished = state.finished.clone();
        let status = finished.as_ref().map_or(0, |f| f.exit_status);
        self.last.run_state = format!("finished (exit status {status})");
        self.last.output = String::from_utf8_lossy(&state.output.borrow()).into_owned();
        if let Some(tb) = finished.and_then(|f| f.traceback) {
            self.last.output.push_str(&tb);
        }
        self.last.count = state.count;
        self.last.frames.clear();
        self.last.generators.clear();
        self.last.instruction = None;
        self.last.diff = None;
        self.last.stack.clear();
        self.last.locals.clear();
        self.last.blocks.clear();
        self.app.message = "the program finished: p steps back, r restarts, q quits".into();
        loop {
            self.draw();
            let data = self.last.clone();
            let line = match self.next_key() {
                None => return Action::Quit,
                Some(Input::Command(c)) => c,
                Some(Input::Key(k)) => match self.app.on_key(k, &data, false) {
                    KeyAction::Command(c) => c,
                    _ => continue,
                },
            };
            if !line.starts_with("record ") {
                self.recorded.push(line.clone());
            }
            if let Some(text) = self.ui_command(&line, state) {
                self.show(text);
                continue;
            }
            match commands::parse(&line) {
                Ok(Some(cmd)) => match commands::state_command(state, &cmd) {
                    Ok(Some(Effect::Resume(action))) => return action,
                    Ok(Some(Effect::Show(text))) => self.show(text),
                    Ok(None) => {
                        self.show("the program has finished: p steps back, r restarts".into())
                    }
                    Err(e) => self.show(format!("error: {e}")),
                },
                Ok(None) => {}
                Err(e) => self.show(format!("error: {e}")),
            }
        }
    }

    fn read_line(&mut self, state: &DebugState) -> Option<String> {
        // Show what the program printed so far (its prompt, usually).
        self.last.output = String::from_utf8_lossy(&state.output.borrow()).into_owned();
        self.last.run_state = "waiting for input()".into();
        self.last.instruction = None;
        self.app.input_prompt = Some(String::new());
        loop {
            self.draw();
            let Some(input) = self.next_key() else {
                self.app.input_prompt = None;
                return None;
            };
            let k = match input {
                Input::Key(k) => k,
                // SIGTERM (or a replayed quit): end of input; the pending
                // quit is seen at the next poll.
                Input::Command(c) if c == "quit" => {
                    self.app.input_prompt = None;
                    return None;
                }
                Input::Command(_) => continue,
            };
            let buf = self.app.input_prompt.get_or_insert_with(String::new);
            match k.code {
                KeyCode::Enter => return self.app.input_prompt.take(),
                KeyCode::Char('d') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                    self.app.input_prompt = None;
                    return None;
                }
                KeyCode::Backspace => {
                    buf.pop();
                }
                KeyCode::Char(c) => buf.push(c),
                _ => {}
            }
        }
    }

    fn poll(&mut self, state: &DebugState) -> bool {
        if self.sigterm.load(Ordering::Relaxed) {
            return true;
        }
        if self.last_draw.elapsed() > Duration::from_millis(100) {
            self.last.run_state = "running (any key pauses)".into();
            self.last.instruction = None;
            self.last.diff = None;
            self.last.count = state.count;
            self.draw();
            self.last_draw = Instant::now();
        }
        if event::poll(Duration::ZERO).unwrap_or(false) {
            if let Ok(Event::Key(_)) = event::read() {
                return true;
            }
        }
        false
    }
}
