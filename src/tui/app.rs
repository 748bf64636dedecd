//! The TUI's own state (focus, cursors, zoom, the command line, the help
//! overlay) and what each key does. Keys become debugger commands (the same
//! text the `:` line takes), so sessions can be recorded and replayed; only
//! movement and layout are handled here.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use super::screen::ScreenData;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Source,
    Dis,
    Frames,
    Stack,
    Blocks,
    Locals,
    Generators,
    Output,
}

impl Pane {
    pub const ALL: [Pane; 8] = [
        Pane::Source,
        Pane::Dis,
        Pane::Frames,
        Pane::Stack,
        Pane::Blocks,
        Pane::Locals,
        Pane::Generators,
        Pane::Output,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Source => "Source",
            Pane::Dis => "Disassembly",
            Pane::Frames => "Frames",
            Pane::Stack => "Value stack",
            Pane::Blocks => "Blocks",
            Pane::Locals => "Locals",
            Pane::Generators => "Generators",
            Pane::Output => "Output",
        }
    }

    /// The name in the tab bar of a small terminal.
    pub fn tab(self) -> &'static str {
        match self {
            Pane::Source => "Source",
            Pane::Dis => "Dis",
            Pane::Frames => "Frames",
            Pane::Stack => "Stack",
            Pane::Blocks => "Blocks",
            Pane::Locals => "Locals",
            Pane::Generators => "Gens",
            Pane::Output => "Output",
        }
    }

    fn index(self) -> usize {
        Pane::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Dark,
    Light,
    Mono,
}

/// What a key asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum KeyAction {
    Nothing,
    /// A debugger command line, as typed after `:`.
    Command(String),
    /// Show the suspended frame of generator `id` (or select its running
    /// frame).
    GoToGenerator(u64),
    /// Select frame `n` for the views.
    SelectFrame(usize),
}

pub struct App {
    pub focus: Pane,
    /// Cursor row per pane (index into that pane's rows).
    pub cursor: [usize; 8],
    /// Source and disassembly cursors follow the current instruction until
    /// the user moves them.
    pub follow: bool,
    pub zoom: bool,
    pub help: bool,
    /// The `:` line being typed, if any.
    pub command_line: Option<String>,
    pub history: Vec<String>,
    history_pos: Option<usize>,
    /// A one-line message (command results, narration).
    pub message: String,
    /// A multi-line result shown over the panes until a key is pressed.
    pub popup: Option<String>,
    /// Set after `q` while the program runs: the next `y` quits.
    pub confirm_quit: bool,
    pub theme: Theme,
    /// Where each pane was drawn last, for mouse clicks.
    pub pane_areas: Vec<(Pane, Rect)>,
    pub selected_frame: usize,
    /// Reading a line for the program's input().
    pub input_prompt: Option<String>,
}

impl App {
    pub fn new(theme: Theme) -> App {
        App {
            focus: Pane::Source,
            cursor: [0; 8],
            follow: true,
            zoom: false,
            help: false,
            command_line: None,
            history: Vec::new(),
            history_pos: None,
            message: String::new(),
            popup: None,
            confirm_quit: false,
            theme,
            pane_areas: Vec::new(),
            selected_frame: 0,
            input_prompt: None,
        }
    }

    pub fn cursor(&self, pane: Pane) -> usize {
        self.cursor[pane.index()]
    }

    fn set_cursor(&mut self, pane: Pane, row: usize) {
        self.cursor[pane.index()] = row;
    }

    /// Puts the source and disassembly cursors on the current instruction.
    pub fn follow_current(&mut self, data: &ScreenData) {
        if !self.follow {
            return;
        }
        if let Some(line) = data.source.line {
            self.set_cursor(Pane::Source, (line.max(1) - 1) as usize);
        }
        if let Some(off) = data.current_offset {
            if let Some(row) = data.dis.iter().position(|i| i.offset == off) {
                self.set_cursor(Pane::Dis, row);
            }
        }
        self.set_cursor(Pane::Frames, data.selected_frame);
    }

    fn rows(&self, pane: Pane, data: &ScreenData) -> usize {
        match pane {
            Pane::Source => data.source.lines.len(),
            Pane::Dis => data.dis.len(),
            Pane::Frames => data.frames.len(),
            Pane::Stack => data.stack.len(),
            Pane::Blocks => data.blocks.len(),
            Pane::Locals => data.locals.len() + data.watches.len(),
            Pane::Generators => data.generators.len(),
            Pane::Output => data.output.lines().count(),
        }
    }

    fn move_cursor(&mut self, data: &ScreenData, delta: isize) {
        let pane = self.focus;
        let rows = self.rows(pane, data);
        if rows == 0 {
            return;
        }
        let now = self.cursor(pane) as isize;
        let next = (now + delta).clamp(0, rows as isize - 1) as usize;
        self.set_cursor(pane, next);
        if matches!(pane, Pane::Source | Pane::Dis) {
            self.follow = false;
        }
    }

    fn cycle_focus(&mut self, forward: bool) {
        let i = self.focus.index() as isize + if forward { 1 } else { -1 };
        self.focus = Pane::ALL[i.rem_euclid(Pane::ALL.len() as isize) as usize];
    }

    /// Handles a key while the program is paused (or finished).
    pub fn on_key(&mut self, key: KeyEvent, data: &ScreenData, running: bool) -> KeyAction {
        if let Some(line) = self.command_line.as_mut() {
            match key.code {
                KeyCode::Enter => {
                    let text = line.trim().to_string();
                    self.command_line = None;
                    self.history_pos = None;
                    if text.is_empty() {
                        return KeyAction::Nothing;
                    }
                    self.history.push(text.clone());
                    return KeyAction::Command(text);
                }
                KeyCode::Esc => self.command_line = None,
                KeyCode::Backspace => {
                    line.pop();
                }
                KeyCode::Up if !self.history.is_empty() => {
                    let pos = self
                        .history_pos
                        .map_or(self.history.len() - 1, |p| p.saturating_sub(1));
                    self.history_pos = Some(pos);
                    *line = self.history[pos].clone();
                }
                KeyCode::Down => {
                    if let Some(p) = self.history_pos {
                        if p + 1 < self.history.len() {
                            self.history_pos = Some(p + 1);
                            *line = self.history[p + 1].clone();
                        } else {
                            self.history_pos = None;
                            line.clear();
                        }
                    }
                }
                KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                    self.command_line = None
                }
                KeyCode::Char(c) => line.push(c),
                _ => {}
            }
            return KeyAction::Nothing;
        }
        if self.popup.is_some() || self.help {
            // Any key closes an overlay.
            self.popup = None;
            self.help = false;
            return KeyAction::Nothing;
        }
        if self.confirm_quit {
            self.confirm_quit = false;
            return match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') => KeyAction::Command("quit".into()),
                _ => {
                    self.message = "quit cancelled".into();
                    KeyAction::Nothing
                }
            };
        }
        let command = |c: &str| KeyAction::Command(c.to_string());
        match key.code {
            KeyCode::Char('s') => command("step"),
            KeyCode::Char('n') => command("next"),
            KeyCode::Char('i') => command("stepi"),
            KeyCode::Char('f') => command("finish"),
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                KeyAction::Nothing
            }
            KeyCode::Char('c') => command("continue"),
            KeyCode::Char('p') => command("back"),
            KeyCode::Char('r') => command("restart"),
            KeyCode::Char('B') => command("breakpoints"),
            KeyCode::Char('u') => KeyAction::SelectFrame(self.selected_frame.saturating_sub(1)),
            KeyCode::Char('d') => KeyAction::SelectFrame(
                (self.selected_frame + 1).min(data.frames.len().saturating_sub(1)),
            ),
            KeyCode::Char('b') => self.toggle_breakpoint(data),
            KeyCode::Char('g') => {
                let row = self.cursor(Pane::Generators);
                match data.generators.get(row) {
                    Some(g) => KeyAction::GoToGenerator(g.id),
                    None => {
                        self.message = "no generator selected (focus the Generators pane)".into();
                        KeyAction::Nothing
                    }
                }
            }
            KeyCode::Enter if self.focus == Pane::Frames => {
                KeyAction::SelectFrame(self.cursor(Pane::Frames))
            }
            KeyCode::Enter if self.focus == Pane::Generators => {
                let row = self.cursor(Pane::Generators);
                data.generators
                    .get(row)
                    .map_or(KeyAction::Nothing, |g| KeyAction::GoToGenerator(g.id))
            }
            KeyCode::Char(':') => {
                self.command_line = Some(String::new());
                KeyAction::Nothing
            }
            KeyCode::Char('?') => {
                self.help = true;
                KeyAction::Nothing
            }
            KeyCode::Char('z') => {
                self.zoom = !self.zoom;
                KeyAction::Nothing
            }
            KeyCode::Char('q') => {
                if running {
                    self.confirm_quit = true;
                    self.message = "the program is still running: quit? (y/n)".into();
                    KeyAction::Nothing
                } else {
                    command("quit")
                }
            }
            KeyCode::Tab => {
                self.cycle_focus(true);
                KeyAction::Nothing
            }
            KeyCode::BackTab => {
                self.cycle_focus(false);
                KeyAction::Nothing
            }
            KeyCode::Down | KeyCode::Char('j') => {
                self.move_cursor(data, 1);
                KeyAction::Nothing
            }
            KeyCode::Up | KeyCode::Char('k') => {
                self.move_cursor(data, -1);
                KeyAction::Nothing
            }
            KeyCode::PageDown => {
                self.move_cursor(data, 10);
                KeyAction::Nothing
            }
            KeyCode::PageUp => {
                self.move_cursor(data, -10);
                KeyAction::Nothing
            }
            KeyCode::Char('.') => {
                self.follow = true;
                self.follow_current(data);
                KeyAction::Nothing
            }
            _ => KeyAction::Nothing,
        }
    }

    /// `b`: a breakpoint on the cursor's line (Source) or instruction
    /// (Disassembly); removes it when one is there.
    fn toggle_breakpoint(&mut self, data: &ScreenData) -> KeyAction {
        match self.focus {
            Pane::Source => {
                let line = self.cursor(Pane::Source) as i32 + 1;
                let file = super::draw::short_name(&data.source.filename);
                KeyAction::Command(format!("toggle-break {file}:{line}"))
            }
            Pane::Dis => match data.dis.get(self.cursor(Pane::Dis)) {
                Some(i) => {
                    KeyAction::Command(format!("toggle-break {}@{}", data.code_name, i.offset))
                }
                None => KeyAction::Nothing,
            },
            _ => {
                self.message = "b sets a breakpoint in the Source or Disassembly pane".into();
                KeyAction::Nothing
            }
        }
    }

    /// Mouse: a click focuses the pane under it and moves its cursor; the
    /// wheel scrolls the pane under the pointer.
    pub fn on_mouse(&mut self, ev: MouseEvent, data: &ScreenData) {
        let hit = self.pane_areas.iter().find(|(_, r)| {
            ev.column >= r.x
                && ev.column < r.x + r.width
                && ev.row >= r.y
                && ev.row < r.y + r.height
        });
        let Some(&(pane, rect)) = hit else { return };
        match ev.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                self.focus = pane;
                let row = ev.row.saturating_sub(rect.y + 1) as usize;
                let first = super::draw::first_visible_row(self, pane, data, rect.height);
                let rows = self.rows(pane, data);
                if rows > 0 {
                    self.set_cursor(pane, (first + row).min(rows - 1));
                    if matches!(pane, Pane::Source | Pane::Dis) {
                        self.follow = false;
                    }
                }
            }
            MouseEventKind::ScrollDown => {
                self.focus = pane;
                self.move_cursor(data, 3);
            }
            MouseEventKind::ScrollUp => {
                self.focus = pane;
                self.move_cursor(data, -3);
            }
            _ => {}
        }
    }
}

pub const HELP: &str = " s  step (next line, into calls)      n  next (line in this frame)\n i  stepi (one instruction)           f  finish (until this frame returns/yields)\n c  continue (any key pauses)         p  step back one instruction (replay)\n b  toggle breakpoint on the line / instruction under the cursor\n B  list breakpoints                  r  restart from the first instruction\n u/d  frame up/down                   Enter  select frame / generator\n g  go to the selected generator's frame\n Tab/Shift-Tab  focus pane            arrows, j/k, PgUp/PgDn  move cursor\n .  cursor back to the current instruction\n z  zoom the focused pane             :  command line (history: up/down)\n ?  this help                         q  quit\n Commands (:help lists them): break SPEC, catch EXC, watch NAME, goto N,\n back N, until OFFSET, record FILE, delete N, ignore N COUNT, condition N ...";
