//! `py2vm debug --batch`: the debugger driven by commands read from a file or
//! stdin, printing each command and what it shows. Every debugger feature is
//! scriptable this way, and the tests use it.

use std::io::{BufRead, Write};

use super::commands::{self, execute, state_command, Effect};
use super::controller::{Action, DebugState, Frontend, Paused};
use super::text;

pub struct BatchFrontend {
    commands: Box<dyn BufRead>,
    out: Box<dyn Write>,
    /// Lines for `input()`, when given.
    program_input: Option<Box<dyn BufRead>>,
    /// How much of the program's output has been printed.
    printed: usize,
}

impl BatchFrontend {
    pub fn new(
        commands: Box<dyn BufRead>,
        out: Box<dyn Write>,
        program_input: Option<Box<dyn BufRead>>,
    ) -> BatchFrontend {
        BatchFrontend {
            commands,
            out,
            program_input,
            printed: 0,
        }
    }

    fn next_command(&mut self) -> Option<String> {
        let mut line = String::new();
        match self.commands.read_line(&mut line) {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(line.trim_end_matches(['\n', '\r']).to_string()),
        }
    }

    /// Prints what the program wrote since the last stop. After a replay
    /// rewinds the output, nothing is printed again.
    fn flush_program_output(&mut self, state: &DebugState) {
        let output = state.output.borrow();
        if output.len() > self.printed {
            let _ = self.out.write_all(&output[self.printed..]);
            if !output.ends_with(b"\n") {
                let _ = self.out.write_all(b"\n");
            }
        }
        self.printed = output.len();
    }

    fn show(&mut self, text: &str) {
        let _ = self.out.write_all(text.as_bytes());
        if !text.ends_with('\n') {
            let _ = self.out.write_all(b"\n");
        }
    }
}

impl Frontend for BatchFrontend {
    fn paused(&mut self, paused: &mut Paused<'_>) -> Action {
        self.flush_program_output(paused.state);
        let stop = text::where_(paused);
        self.show(&stop);
        loop {
            let Some(line) = self.next_command() else {
                return Action::Quit;
            };
            let _ = writeln!(self.out, "(py2vm) {line}");
            match commands::parse(&line) {
                Ok(None) => {}
                Ok(Some(cmd)) => match execute(paused, cmd) {
                    Effect::Show(text) => self.show(&text),
                    Effect::Resume(action) => {
                        let _ = self.out.flush();
                        return action;
                    }
                },
                Err(message) => self.show(&format!("error: {message}")),
            }
        }
    }

    fn finished(&mut self, state: &mut DebugState) -> Action {
        self.flush_program_output(state);
        if let Some(f) = &state.finished {
            if let Some(tb) = &f.traceback {
                self.show(tb);
            }
            let _ = writeln!(
                self.out,
                "[{}] program finished with exit status {}",
                state.count, f.exit_status
            );
        }
        loop {
            let Some(line) = self.next_command() else {
                let _ = self.out.flush();
                return Action::Quit;
            };
            let _ = writeln!(self.out, "(py2vm) {line}");
            match commands::parse(&line) {
                Ok(None) => {}
                Ok(Some(cmd)) => match state_command(state, &cmd) {
                    Ok(Some(Effect::Show(text))) => self.show(&text),
                    Ok(Some(Effect::Resume(action))) => return action,
                    Ok(None) => {
                        self.show("the program has finished (back, goto N or restart to go on)")
                    }
                    Err(message) => self.show(&format!("error: {message}")),
                },
                Err(message) => self.show(&format!("error: {message}")),
            }
        }
    }

    fn read_line(&mut self, _state: &DebugState) -> Option<String> {
        let input = self.program_input.as_mut()?;
        let mut line = String::new();
        match input.read_line(&mut line) {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(line.trim_end_matches('\n').to_string()),
        }
    }
}
