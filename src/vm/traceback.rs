//! Printing an uncaught exception the way CPython 3.11 does
//! (`Traceback (most recent call last):`, one `File …, line N, in f` entry
//! with its source line per frame, chained exceptions first).

use super::{protocol, system_exit_status, Outcome, Vm};
use crate::object::{PyErr, Value};

/// Reports an exception that reached the top: SystemExit's status, or a
/// traceback on stderr and exit status 1.
pub fn finish_with_exception(vm: &mut Vm, err: PyErr) -> Outcome {
    if let Some(status) = system_exit_status(vm, &err) {
        return Outcome::Exit(status);
    }
    vm.flush_stdout();
    let text = format_exception(vm, &err, 0);
    eprint!("{text}");
    Outcome::Uncaught
}

/// The full report for `err`, with its cause or context before it.
pub fn format_exception(vm: &mut Vm, err: &PyErr, depth: usize) -> String {
    let mut out = String::new();
    if depth < 30 {
        let cause = err.0.cause.borrow().clone();
        let context = err.0.context.borrow().clone();
        if let Some(Value::Exception(c)) = cause {
            out.push_str(&format_exception(vm, &PyErr(c), depth + 1));
            out.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        } else if let (Some(Value::Exception(c)), false) = (context, err.0.suppress_context.get()) {
            out.push_str(&format_exception(vm, &PyErr(c), depth + 1));
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
    }
    let tb = err.0.traceback.borrow().clone();
    if !tb.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        for entry in &tb {
            let loc = entry.code.decoded.location_at(entry.offset);
            let line = loc.line.unwrap_or(0);
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                entry.code.filename, line, entry.code.name
            ));
            if let Some(src) = source_line(&entry.code.filename, line) {
                out.push_str(&format!("    {}\n", src.trim()));
            }
        }
    }
    out.push_str(&exception_line(vm, err));
    out.push('\n');
    out
}

/// `ValueError: message`, or the class name alone when the message is empty.
pub fn exception_line(vm: &mut Vm, err: &PyErr) -> String {
    let class = &err.0.class;
    let module = protocol::lookup(class, "__module__").and_then(|m| match m {
        Value::Str(s) => Some(s.to_string()),
        _ => None,
    });
    let name = match module.as_deref() {
        Some("builtins") | Some("__main__") | None => class.qualname.borrow().to_string(),
        Some(m) => format!("{m}.{}", class.qualname.borrow()),
    };
    let message =
        protocol::str_of(vm, &err.value()).unwrap_or_else(|_| "<exception str() failed>".into());
    if message.is_empty() {
        name
    } else {
        format!("{name}: {message}")
    }
}

fn source_line(filename: &str, line: i32) -> Option<String> {
    if line < 1 {
        return None;
    }
    let text = std::fs::read_to_string(filename).ok()?;
    text.lines()
        .nth(line as usize - 1)
        .map(str::to_string)
        .filter(|l| !l.trim().is_empty())
}

impl Vm {
    /// `PyErr_WriteUnraisable(obj)`: an exception nothing can catch (a
    /// finalizer's, a failed lookup during close) is reported on stderr.
    pub fn write_unraisable(&mut self, err: &PyErr, obj: &Value) {
        self.flush_stdout();
        let what = super::ops::repr(self, obj).unwrap_or_default();
        eprintln!("Exception ignored in: {what}");
        let text = format_exception(self, err, 0);
        eprint!("{text}");
    }
}
