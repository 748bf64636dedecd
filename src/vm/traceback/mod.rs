//! Printing an exception the way CPython 3.11 does: chained exceptions
//! first (`The above exception was the direct cause ...`), then
//! `Traceback (most recent call last):` with the frames (see [`stack`]),
//! the `Type: message` line (or a syntax error's report) and `__notes__`;
//! exception groups boxed in `| ` margins with numbered sub-exceptions.
//!
//! Mirrors pythonrun.c's `print_exception_recursive` for an uncaught
//! exception and Lib/traceback.py's `TracebackException.format` for the
//! `traceback` module; [`Flavor`] says which.

mod anchors;
mod stack;
mod suggestions;

use std::collections::HashSet;
use std::rc::Rc;

use super::{protocol, system_exit_status, Outcome, Vm};
use crate::object::exception::ExceptionObject;
use crate::object::{builtin_types, PyErr, Value};
pub use stack::Flavor;
use stack::SourceCache;

const CAUSE_MESSAGE: &str =
    "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE: &str =
    "\nDuring handling of the above exception, another exception occurred:\n\n";
/// traceback.py's defaults (pythonrun.c's `PyErr_MAX_GROUP_WIDTH`/`DEPTH`).
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

/// Reports an exception that reached the top: SystemExit's status, or a
/// traceback on stderr and exit status 1.
pub fn finish_with_exception(vm: &mut Vm, err: PyErr) -> Outcome {
    if let Some(status) = system_exit_status(vm, &err) {
        return Outcome::Exit(status);
    }
    let text = format_exception(vm, &err);
    vm.write_stderr(&text);
    if err.is_instance(&builtin_types().keyboard_interrupt) {
        return Outcome::Interrupted;
    }
    Outcome::Uncaught
}

/// The full report for an uncaught `err`, as `PyErr_Display` writes it.
pub fn format_exception(vm: &mut Vm, err: &PyErr) -> String {
    Printer::new(vm, Flavor::Display, None, true).report(err)
}

/// What traceback.py's `format_exception` joins: `limit` frames per
/// traceback (see [`stack::format_stack`]), chained exceptions if `chain`.
pub fn format_exception_module(
    vm: &mut Vm,
    err: &PyErr,
    limit: Option<isize>,
    chain: bool,
) -> String {
    Printer::new(vm, Flavor::Module, limit, chain).report(err)
}

/// traceback.py's `format_exception_only`: the message line(s) and notes.
pub fn format_exception_only(vm: &mut Vm, err: &PyErr) -> String {
    let mut p = Printer::new(vm, Flavor::Module, None, false);
    p.exception_only(&err.0);
    p.out
}

/// One traceback printed as a whole: the state pythonrun.c keeps in its
/// `exception_print_context` (traceback.py's `_ExceptionPrintContext`).
struct Printer<'v> {
    vm: &'v mut Vm,
    flavor: Flavor,
    limit: Option<isize>,
    chain: bool,
    out: String,
    cache: SourceCache,
    seen: HashSet<*const ExceptionObject>,
    group_depth: usize,
    need_close: bool,
}

impl<'v> Printer<'v> {
    fn new(vm: &'v mut Vm, flavor: Flavor, limit: Option<isize>, chain: bool) -> Self {
        Printer {
            vm,
            flavor,
            limit,
            chain,
            out: String::new(),
            cache: SourceCache::default(),
            seen: HashSet::new(),
            group_depth: 0,
            need_close: false,
        }
    }

    fn report(mut self, err: &PyErr) -> String {
        self.recursive(&err.0, 0);
        self.out
    }

    fn indent(&self) -> String {
        " ".repeat(2 * self.group_depth)
    }

    /// Inside a group, `  | ` (two spaces a level, then the margin char).
    fn margin(&self, margin_char: char) -> String {
        if self.group_depth == 0 {
            String::new()
        } else {
            format!("{}{margin_char} ", self.indent())
        }
    }

    /// Every line of `text` after the margin (traceback.py's `emit`).
    fn emit(&mut self, text: &str) {
        let margin = self.margin('|');
        for line in text.split_inclusive('\n') {
            self.out.push_str(&margin);
            self.out.push_str(line);
        }
    }

    /// `print_exception_recursive`: the chain, then the exception.
    fn recursive(&mut self, exc: &Rc<ExceptionObject>, depth: usize) {
        if depth > 200 {
            return;
        }
        if self.chain {
            self.seen.insert(Rc::as_ptr(exc));
            let cause = exc.cause.borrow().clone();
            let context = exc.context.borrow().clone();
            if let Some(Value::Exception(c)) = cause {
                if !self.seen.contains(&Rc::as_ptr(&c)) {
                    self.chained(&c, CAUSE_MESSAGE, depth);
                }
            } else if let (Some(Value::Exception(c)), false) = (context, exc.suppress_context.get())
            {
                if !self.seen.contains(&Rc::as_ptr(&c)) {
                    self.chained(&c, CONTEXT_MESSAGE, depth);
                }
            }
        }
        if exc.group.borrow().is_some() {
            self.group(exc, depth);
        } else {
            self.single(exc, "Traceback (most recent call last):\n", '|');
        }
    }

    /// `print_chained`: the earlier exception, then the sentence linking it.
    fn chained(&mut self, exc: &Rc<ExceptionObject>, message: &str, depth: usize) {
        let need_close = self.need_close;
        self.recursive(exc, depth + 1);
        self.need_close = need_close;
        self.emit(message);
    }

    /// The traceback (under `header`) and the exception's own lines.
    fn single(&mut self, exc: &Rc<ExceptionObject>, header: &str, header_margin: char) {
        let tb = exc.traceback.borrow().clone();
        let entries = stack::shown(&tb, self.flavor, self.limit);
        if !entries.is_empty() {
            let margin = self.margin(header_margin);
            self.out.push_str(&margin);
            self.out.push_str(header);
            let margin = self.margin('|');
            stack::format_stack(
                &mut self.out,
                entries,
                self.flavor,
                &margin,
                &mut self.cache,
            );
        }
        self.exception_only(exc);
    }

    /// `print_exception_group` (traceback.py's group branch of `format`).
    fn group(&mut self, exc: &Rc<ExceptionObject>, depth: usize) {
        if self.group_depth > MAX_GROUP_DEPTH {
            self.emit(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"));
            return;
        }
        let toplevel = self.group_depth == 0;
        if toplevel {
            self.group_depth += 1;
        }
        let header_margin = if toplevel { '+' } else { '|' };
        self.single(
            exc,
            "Exception Group Traceback (most recent call last):\n",
            header_margin,
        );
        let excs: Vec<Value> = exc.group.borrow().as_deref().unwrap_or(&[]).to_vec();
        let n = excs.len().min(MAX_GROUP_WIDTH + 1);
        self.need_close = false;
        for (i, sub) in excs.iter().take(n).enumerate() {
            let last = i == n - 1;
            if last {
                // The closing line may come from a nested group instead.
                self.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated {
                "...".to_string()
            } else {
                (i + 1).to_string()
            };
            let corner = if i == 0 { "+-" } else { "  " };
            let line = format!(
                "{}{corner}+---------------- {title} ----------------\n",
                self.indent()
            );
            self.out.push_str(&line);
            self.group_depth += 1;
            if !truncated {
                if let Value::Exception(e) = sub {
                    self.recursive(e, depth + 1);
                }
            } else {
                let remaining = excs.len() - MAX_GROUP_WIDTH;
                let s = if remaining > 1 { "s" } else { "" };
                self.emit(&format!("and {remaining} more exception{s}\n"));
            }
            if last && self.need_close {
                let line = format!("{}+------------------------------------\n", self.indent());
                self.out.push_str(&line);
                self.need_close = false;
            }
            self.group_depth -= 1;
        }
        if toplevel {
            self.group_depth = 0;
        }
    }

    /// The `Type: message` line (a syntax error's report), then the notes.
    fn exception_only(&mut self, exc: &Rc<ExceptionObject>) {
        let value = Value::Exception(exc.clone());
        let name = type_display_name(&exc.class);
        if exc.class.is_subtype(&builtin_types().syntax_error) {
            let text = syntax_error_lines(self.vm, &value, &name);
            self.emit(&text);
        } else {
            let mut line = final_exc_line(self.vm, &value, &name);
            match self.flavor {
                // pythonrun.c writes the margin once before the message, and
                // a suggestion after it (`print_exception_suggestions`).
                Flavor::Display => {
                    if let Some(s) = suggestions::offer(self.vm, exc) {
                        line.pop();
                        line.push_str(&format!(". Did you mean: '{s}'?\n"));
                    }
                    let margin = self.margin('|');
                    self.out.push_str(&margin);
                    self.out.push_str(&line);
                }
                Flavor::Module => self.emit(&line),
            }
        }
        self.notes(&value);
    }

    /// `print_exception_notes`: each note's lines, each note ending a line;
    /// a `__notes__` that is not a sequence shows as its repr.
    fn notes(&mut self, value: &Value) {
        let Ok(notes) = protocol::getattr(self.vm, value, "__notes__") else {
            return;
        };
        let items = match &notes {
            Value::List(_) | Value::Tuple(_) | Value::Str(_) => {
                protocol::collect(self.vm, &notes).unwrap_or_default()
            }
            _ => {
                let text = protocol::repr(self.vm, &notes)
                    .unwrap_or_else(|_| "<__notes__ repr() failed>".into());
                self.emit(&text);
                return;
            }
        };
        for note in items {
            let text = match protocol::str_of(self.vm, &note) {
                Ok(s) => format!("{s}\n"),
                Err(_) => "<note str() failed>\n".into(),
            };
            self.emit(&text);
        }
    }
}

/// `__qualname__`, after `module.` unless the class is a builtin or in
/// `__main__`.
fn type_display_name(class: &Rc<crate::object::Type>) -> String {
    let module = protocol::lookup(class, "__module__");
    let qualname = class.qualname.borrow().to_string();
    match module {
        Some(Value::Str(m)) if &*m == "builtins" || &*m == "__main__" => qualname,
        Some(Value::Str(m)) => format!("{m}.{qualname}"),
        _ => format!("<unknown>.{qualname}"),
    }
}

/// traceback.py's `_format_final_exc_line`: `Type: message`, or the type
/// alone when the message is empty.
fn final_exc_line(vm: &mut Vm, value: &Value, name: &str) -> String {
    let message = protocol::str_of(vm, value).unwrap_or_else(|_| "<exception str() failed>".into());
    if message.is_empty() {
        format!("{name}\n")
    } else {
        format!("{name}: {message}\n")
    }
}

/// traceback.py's `_format_syntax_error`: where the error is, the text
/// with a caret line, then `Type: msg`.
fn syntax_error_lines(vm: &mut Vm, value: &Value, name: &str) -> String {
    let mut attr = |n: &str| protocol::getattr(vm, value, n).unwrap_or(Value::None);
    let filename = attr("filename");
    let lineno = attr("lineno");
    let text = attr("text");
    let offset = attr("offset");
    let end_offset = attr("end_offset");
    let msg = attr("msg");
    let mut out = String::new();
    let mut filename_suffix = String::new();
    let as_str = |v: &Value| match v {
        Value::Str(s) => Some(s.to_string()),
        _ => None,
    };
    let as_int = |v: &Value| match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    };
    if let Some(n) = as_int(&lineno) {
        let f = as_str(&filename)
            .filter(|f| !f.is_empty())
            .unwrap_or_else(|| "<string>".into());
        out.push_str(&format!("  File \"{f}\", line {n}\n"));
    } else if let Some(f) = as_str(&filename) {
        filename_suffix = format!(" ({f})");
    }
    if let Some(text) = as_str(&text) {
        let rtext = text.trim_end_matches('\n');
        let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
        let spaces = rtext.chars().count() - ltext.chars().count();
        out.push_str(&format!("    {ltext}\n"));
        if let Some(offset) = as_int(&offset) {
            let mut end = match as_int(&end_offset) {
                None | Some(0) => offset,
                Some(e) => e,
            };
            if offset == end || end == -1 {
                end = offset + 1;
            }
            let colno = offset - 1 - spaces as i64;
            let end_colno = end - 1 - spaces as i64;
            if colno >= 0 {
                // Whitespace other than spaces (tabs) is kept for alignment.
                let caretspace: String = ltext
                    .chars()
                    .take(colno as usize)
                    .map(|c| if c.is_whitespace() { c } else { ' ' })
                    .collect();
                let carets = "^".repeat((end_colno - colno).max(0) as usize);
                out.push_str(&format!("    {caretspace}{carets}\n"));
            }
        }
    }
    let msg = match as_str(&msg) {
        Some(m) if !m.is_empty() => m,
        _ => "<no detail available>".into(),
    };
    out.push_str(&format!("{name}: {msg}{filename_suffix}\n"));
    out
}

impl Vm {
    /// Text for the process's stderr, after what the program printed so far
    /// (stdout is buffered; stderr is not).
    pub fn write_stderr(&mut self, text: &str) {
        self.flush_stdout();
        eprint!("{text}");
    }

    /// `PyErr_WriteUnraisable(obj)`: an exception nothing can catch (a
    /// finalizer's, a failed lookup during close) is reported on stderr.
    pub fn write_unraisable(&mut self, err: &PyErr, obj: &Value) {
        self.write_unraisable_with(err, "Exception ignored in", obj);
    }

    /// `_PyErr_WriteUnraisableMsg`: as [`Vm::write_unraisable`], with
    /// another message before the object's repr.
    pub fn write_unraisable_with(&mut self, err: &PyErr, message: &str, obj: &Value) {
        let what = super::ops::repr(self, obj).unwrap_or_default();
        // `write_unraisable_exc_file`: the traceback and the message, no chain.
        let text = Printer::new(self, Flavor::Display, None, false).report(err);
        self.write_stderr(&format!("{message}: {what}\n{text}"));
    }
}
