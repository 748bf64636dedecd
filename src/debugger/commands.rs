//! The debugger's command language, shared by the TUI's `:` line, `--break`,
//! `--commands` files and `debug --batch`: parsing a line into a
//! [`Command`], and carrying it out on a paused program.

use super::breakpoints::{parse_break, parse_catch, parse_condition};
use super::controller::{Action, DebugState, Mode, Paused};
use super::text;

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    StepInstr(u64),
    Step,
    Next,
    Finish,
    Continue,
    Until(u32),
    Back(u64),
    ReverseContinue,
    Goto(u64),
    Restart,
    Break(String),
    Catch(String),
    Delete(usize),
    Enable(usize),
    Disable(usize),
    Ignore(usize, u64),
    Condition(usize, Option<String>),
    Breakpoints,
    Watch(String),
    Unwatch(String),
    Frames,
    Where,
    Stack,
    Blocks,
    Locals,
    Gens,
    List,
    Dis,
    Output,
    Print(String),
    Frame(usize),
    Up,
    Down,
    Info,
    Help,
    Quit,
}

pub const HELP: &str = "\
Running:   stepi [N] (si)  step (s)  next (n)  finish (f)  continue (c)  until OFFSET
Reverse:   back [N]  reverse-continue (rc)  goto N  restart (r)
Breaks:    break SPEC [if COND] (b)  catch [EXC]  delete N  enable N  disable N
           ignore N COUNT  condition N [COND]  breakpoints (B)  watch NAME  unwatch NAME
           SPEC: op OPNAME [in FUNC] | FILE:LINE | LINE | FUNC | FUNC@OFFSET
                 | resume GEN | suspend GEN      COND: NAME [< <= == != > >= VALUE]
Views:     where (w)  frames (bt)  stack  blocks  locals  gens  list (l)  dis  output
           print NAME (p)  frame N  up (u)  down (d)  info
Other:     help (h, ?)  quit (q)";

fn number<T: std::str::FromStr>(word: Option<&str>, what: &str) -> Result<T, String> {
    let word = word.ok_or_else(|| format!("{what} is missing"))?;
    word.parse::<T>()
        .map_err(|_| format!("{word:?} is not a {what}"))
}

/// Parses one command line. Blank lines and `#` comments are `None`.
pub fn parse(line: &str) -> Result<Option<Command>, String> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return Ok(None);
    }
    let (word, rest) = match line.split_once(char::is_whitespace) {
        Some((w, r)) => (w, r.trim()),
        None => (line, ""),
    };
    let arg = (!rest.is_empty()).then_some(rest);
    let count = |default: u64| -> Result<u64, String> {
        match arg {
            None => Ok(default),
            Some(a) => number(Some(a), "count"),
        }
    };
    let cmd = match word {
        "stepi" | "si" | "i" => Command::StepInstr(count(1)?),
        "step" | "s" => Command::Step,
        "next" | "n" => Command::Next,
        "finish" | "f" => Command::Finish,
        "continue" | "c" | "cont" => Command::Continue,
        "until" | "unt" => Command::Until(number(arg, "offset")?),
        "back" => Command::Back(count(1)?),
        "reverse-continue" | "rc" => Command::ReverseContinue,
        "goto" => Command::Goto(number(arg, "instruction number")?),
        "restart" | "r" => Command::Restart,
        "break" | "b" => {
            let spec = arg.ok_or("break needs a location (see help)")?;
            parse_break(spec)?;
            Command::Break(spec.to_string())
        }
        "catch" => {
            parse_catch(rest)?;
            Command::Catch(rest.to_string())
        }
        "delete" => Command::Delete(number(arg, "breakpoint number")?),
        "enable" => Command::Enable(number(arg, "breakpoint number")?),
        "disable" => Command::Disable(number(arg, "breakpoint number")?),
        "ignore" => {
            let mut words = rest.split_whitespace();
            let id = number(words.next(), "breakpoint number")?;
            let n = number(words.next(), "count")?;
            Command::Ignore(id, n)
        }
        "condition" => {
            let (id, cond) = match rest.split_once(char::is_whitespace) {
                Some((id, c)) => (id, Some(c.trim().to_string())),
                None => (rest, None),
            };
            if let Some(c) = &cond {
                parse_condition(c)?;
            }
            Command::Condition(number(Some(id), "breakpoint number")?, cond)
        }
        "breakpoints" | "B" | "info-breakpoints" => Command::Breakpoints,
        "watch" => Command::Watch(identifier(arg)?),
        "unwatch" => Command::Unwatch(identifier(arg)?),
        "frames" | "bt" | "backtrace" => Command::Frames,
        "where" | "w" => Command::Where,
        "stack" => Command::Stack,
        "blocks" => Command::Blocks,
        "locals" => Command::Locals,
        "gens" | "generators" => Command::Gens,
        "list" | "l" => Command::List,
        "dis" => Command::Dis,
        "output" | "out" => Command::Output,
        "print" | "p" => Command::Print(identifier(arg)?),
        "frame" => Command::Frame(number(arg, "frame number")?),
        "up" | "u" => Command::Up,
        "down" | "d" => Command::Down,
        "info" => match arg {
            Some("breakpoints") | Some("break") | Some("b") => Command::Breakpoints,
            Some("frame") | None => Command::Info,
            Some("locals") => Command::Locals,
            Some(other) => return Err(format!("info {other}: try info, info breakpoints")),
        },
        "help" | "h" | "?" => Command::Help,
        "quit" | "q" | "exit" => Command::Quit,
        _ => return Err(format!("unknown command {word:?} (type help for the list)")),
    };
    Ok(Some(cmd))
}

fn identifier(arg: Option<&str>) -> Result<String, String> {
    let name = arg.ok_or("a variable name is missing")?;
    let ok = name
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_alphanumeric() || c == '_');
    if !ok {
        return Err(format!("{name:?} is not a variable name"));
    }
    Ok(name.to_string())
}

/// What carrying out a command leads to.
#[derive(Debug, PartialEq)]
pub enum Effect {
    /// Text to show; the program stays paused.
    Show(String),
    /// The program goes on (or back).
    Resume(Action),
}

/// Carries out a command on the paused program.
pub fn execute(p: &mut Paused<'_>, cmd: Command) -> Effect {
    match run(p, cmd) {
        Ok(effect) => effect,
        Err(message) => Effect::Show(format!("error: {message}")),
    }
}

fn run(p: &mut Paused<'_>, cmd: Command) -> Result<Effect, String> {
    let count = p.state.count;
    let top = p.vm.frames.len().saturating_sub(1);
    let resume = |mode: Mode| Ok(Effect::Resume(Action::Run(mode)));
    if let Some(effect) = state_command(p.state, &cmd)? {
        return Ok(effect);
    }
    let frame_id = p.top().map_or(0, |f| f.id);
    match cmd {
        Command::StepInstr(n) => resume(Mode::StepInstr {
            until: count + n.max(1),
        }),
        Command::Step => resume(Mode::Step { from: count }),
        Command::Next => resume(Mode::Next {
            frame: frame_id,
            depth: top,
        }),
        Command::Finish => resume(Mode::Finish {
            frame: frame_id,
            depth: top,
        }),
        Command::Until(offset) => resume(Mode::Until {
            frame: frame_id,
            depth: top,
            offset,
        }),
        Command::Continue => resume(Mode::Continue),
        Command::Frames => Ok(Effect::Show(text::frames(p))),
        Command::Where => Ok(Effect::Show(text::where_(p))),
        Command::Stack => Ok(Effect::Show(text::stack(p))),
        Command::Blocks => Ok(Effect::Show(text::blocks(p))),
        Command::Locals => Ok(Effect::Show(text::locals(p))),
        Command::Gens => Ok(Effect::Show(text::generators(p.vm))),
        Command::List => Ok(Effect::Show(text::list(p))),
        Command::Dis => Ok(Effect::Show(text::dis(p))),
        Command::Info => Ok(Effect::Show(text::info(p))),
        Command::Print(name) => {
            let frame = p.selected_frame().ok_or("the program is not running")?;
            match super::views::lookup_name(p.vm, frame, &name) {
                Some(v) => {
                    let view = super::views::value_view(&v);
                    Ok(Effect::Show(format!(
                        "{name} = {} ({})",
                        view.repr, view.type_name
                    )))
                }
                None => Err(format!("name {name:?} is not defined here")),
            }
        }
        Command::Frame(n) => {
            if n >= p.vm.frames.len() {
                return Err(format!(
                    "no frame {n}: frames are 0..{}",
                    p.vm.frames.len().saturating_sub(1)
                ));
            }
            p.selected = n;
            Ok(Effect::Show(text::frames(p)))
        }
        Command::Up => {
            p.selected = p.selected.saturating_sub(1);
            Ok(Effect::Show(text::frames(p)))
        }
        Command::Down => {
            p.selected = (p.selected + 1).min(top);
            Ok(Effect::Show(text::frames(p)))
        }
        _ => unreachable!("handled by state_command"),
    }
}

/// Commands that need only the controller's state, so they work both while
/// paused and after the program has finished. `None` for the others.
pub fn state_command(state: &mut DebugState, cmd: &Command) -> Result<Option<Effect>, String> {
    let show = |s: String| Ok(Some(Effect::Show(s)));
    let count = state.count;
    match cmd {
        Command::Back(n) => Ok(Some(Effect::Resume(Action::Goto(count.saturating_sub(*n))))),
        Command::Goto(n) => Ok(Some(Effect::Resume(Action::Goto(*n)))),
        Command::Restart => Ok(Some(Effect::Resume(Action::Goto(0)))),
        Command::ReverseContinue => Ok(Some(Effect::Resume(Action::ReverseContinue))),
        Command::Quit => Ok(Some(Effect::Resume(Action::Quit))),
        Command::Break(spec) => {
            let (kind, cond) = parse_break(spec)?;
            let id = state.add_breakpoint(kind, cond);
            show(format!("breakpoint #{id}: {}", bp_text(state, id)))
        }
        Command::Catch(spec) => {
            let (kind, cond) = parse_catch(spec)?;
            let id = state.add_breakpoint(kind, cond);
            show(format!("breakpoint #{id}: {}", bp_text(state, id)))
        }
        Command::Delete(id) => {
            state.delete_breakpoint(*id)?;
            show(format!("deleted breakpoint #{id}"))
        }
        Command::Enable(id) => {
            state.breakpoint_mut(*id)?.enabled = true;
            show(bp_text(state, *id))
        }
        Command::Disable(id) => {
            state.breakpoint_mut(*id)?.enabled = false;
            show(bp_text(state, *id))
        }
        Command::Ignore(id, n) => {
            let bp = state.breakpoint_mut(*id)?;
            bp.ignore = bp.hits + n;
            show(bp_text(state, *id))
        }
        Command::Condition(id, cond) => {
            let parsed = cond.as_deref().map(parse_condition).transpose()?;
            state.breakpoint_mut(*id)?.condition = parsed;
            show(bp_text(state, *id))
        }
        Command::Breakpoints => show(text::breakpoints(state)),
        Command::Watch(name) => {
            state.add_watch(name);
            show(format!("watching {name}"))
        }
        Command::Unwatch(name) => {
            let before = state.watches.len();
            state.watches.retain(|w| &w.name != name);
            if state.watches.len() == before {
                return Err(format!("{name} is not watched"));
            }
            show(format!("no longer watching {name}"))
        }
        Command::Output => show(String::from_utf8_lossy(&state.output.borrow()).into_owned()),
        Command::Help => show(HELP.to_string()),
        _ => Ok(None),
    }
}

fn bp_text(state: &DebugState, id: usize) -> String {
    state
        .breakpoints
        .iter()
        .find(|b| b.id == id)
        .map(|b| b.to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_parse() {
        assert_eq!(parse("si 5").unwrap(), Some(Command::StepInstr(5)));
        assert_eq!(parse("  # a comment").unwrap(), None);
        assert_eq!(parse("back").unwrap(), Some(Command::Back(1)));
        assert_eq!(parse("p x").unwrap(), Some(Command::Print("x".into())));
        assert!(parse("p").is_err());
        assert_eq!(
            parse("b op YIELD_VALUE in middle").unwrap(),
            Some(Command::Break("op YIELD_VALUE in middle".into()))
        );
        assert!(parse("frobnicate").unwrap_err().contains("unknown command"));
        assert!(parse("break op NOPE").is_err());
        assert!(parse("stepi x").is_err());
        assert_eq!(parse("ignore 2 3").unwrap(), Some(Command::Ignore(2, 3)));
    }
}
