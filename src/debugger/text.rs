//! Plain-text renderings of the views, as `debug --batch` prints them and the
//! TUI's command line shows them.

use std::fmt::Write;

use super::controller::{DebugState, Paused};
use super::views;
use crate::vm::Vm;

pub fn frames(p: &Paused<'_>) -> String {
    let selected = p.selected;
    let mut out = String::new();
    for f in views::frames_at(p.vm, p.state.raising).iter().rev() {
        let mark = if f.index == selected { ">" } else { " " };
        let kind = match f.kind {
            "function" | "module" => String::new(),
            k => format!(" [{k}]"),
        };
        let _ = writeln!(
            out,
            "{mark}#{:<3} {}{kind}  {}:{}  @{}",
            f.index,
            f.qualname,
            short_file(&f.filename),
            line_text(f.line),
            f.offset
        );
        if f.native_boundary {
            // Native code (next(), sorted(key=), a dict lookup) called it.
            let _ = writeln!(out, "     <native code>");
        }
    }
    if out.is_empty() {
        out.push_str("no frames (the program is not running)\n");
    }
    out
}

fn line_text(line: Option<i32>) -> String {
    line.map_or("-".into(), |l| l.to_string())
}

pub fn short_file(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// The stop line: where, why, and the instruction about to run.
pub fn where_(p: &Paused<'_>) -> String {
    let Some(frame) = p.selected_frame() else {
        return "the program is not running\n".into();
    };
    let at = p.current_index(p.selected);
    let mut out = String::new();
    let reason = p
        .state
        .stop_reason
        .as_ref()
        .map(|r| r.to_string())
        .unwrap_or_default();
    let _ = write!(
        out,
        "[{}] {} in {} ({}:{})",
        p.state.count,
        reason,
        frame.code().qualname,
        short_file(&frame.code().filename),
        line_text(
            frame.code().decoded.instructions.get(at).and_then(|i| frame
                .code()
                .decoded
                .location_at(i.offset)
                .line)
        )
    );
    if let Some(i) = views::instruction(frame.code(), at) {
        let arg = match (i.arg, i.argrepr.is_empty()) {
            (Some(a), true) => format!(" {a}"),
            (Some(a), false) => format!(" {a} ({})", i.argrepr),
            (None, _) => String::new(),
        };
        let _ = write!(out, "\n  -> {:>4} {}{arg}", i.offset, i.opname);
        if !i.stack_effect.is_empty() {
            let _ = write!(out, "   {}", i.stack_effect);
        }
        if let Some(src) = source_line(&frame.code().filename, i.line) {
            let _ = write!(out, "\n     {}", src.trim_end());
        }
    }
    if let Some(diff) = p.last_diff() {
        let _ = write!(out, "\n  last: {}", diff.narrate());
    }
    out.push('\n');
    out
}

pub fn source_line(filename: &str, line: Option<i32>) -> Option<String> {
    let line = usize::try_from(line?).ok()?;
    views::source_file(filename)
        .lines
        .get(line.checked_sub(1)?)
        .cloned()
}

pub fn stack(p: &Paused<'_>) -> String {
    let Some(frame) = p.selected_frame() else {
        return "no frame\n".into();
    };
    let entries = views::stack(frame);
    if entries.is_empty() {
        return "(empty value stack)\n".into();
    }
    let mut out = String::new();
    for e in entries.iter().rev() {
        let _ = writeln!(
            out,
            "  [{}] {:<14} {}",
            e.index, e.value.type_name, e.value.repr
        );
    }
    out
}

pub fn blocks(p: &Paused<'_>) -> String {
    let Some(frame) = p.selected_frame() else {
        return "no frame\n".into();
    };
    let at = frame
        .code()
        .decoded
        .instructions
        .get(p.current_index(p.selected));
    let offset = at.map_or(0, |i| i.offset);
    let blocks = views::blocks(frame.code(), offset);
    if blocks.is_empty() {
        return "(no handler covers this instruction)\n".into();
    }
    let mut out = String::new();
    for b in blocks {
        let _ = writeln!(
            out,
            "  {:<12} {} to {} -> handler {} (line {}), depth {}{}",
            b.kind,
            b.start,
            b.end,
            b.target,
            line_text(b.target_line),
            b.depth,
            if b.lasti { " lasti" } else { "" }
        );
    }
    out
}

pub fn locals(p: &Paused<'_>) -> String {
    let Some(frame) = p.selected_frame() else {
        return "no frame\n".into();
    };
    let vars = views::variables(frame);
    let mut out = String::new();
    for v in &vars {
        let kind = if v.kind == "local" || v.kind == "name" {
            String::new()
        } else {
            format!(" ({})", v.kind)
        };
        match &v.value {
            Some(val) => {
                let _ = writeln!(
                    out,
                    "  {}{kind} = {}  [{}]",
                    v.name, val.repr, val.type_name
                );
            }
            None => {
                let _ = writeln!(out, "  {}{kind} <unbound>", v.name);
            }
        }
    }
    for w in &p.state.watches {
        let _ = writeln!(
            out,
            "  watch {} = {}{}",
            w.name,
            w.value.as_deref().unwrap_or("<unbound>"),
            w.changed_at
                .map(|c| format!("  (changed at {c})"))
                .unwrap_or_default()
        );
    }
    if out.is_empty() {
        out.push_str("(no variables)\n");
    }
    out
}

pub fn generators(vm: &Vm) -> String {
    let gens = views::generators(vm);
    if gens.is_empty() {
        return "(no live generators)\n".into();
    }
    let mut out = String::new();
    for g in &gens {
        let _ = write!(
            out,
            "  g{} {} {} {} line {}",
            g.id,
            g.kind,
            g.qualname,
            g.state,
            line_text(g.line)
        );
        if let Some(d) = &g.delegate {
            match d.generator {
                Some(id) => {
                    let _ = write!(out, " -> g{id}");
                }
                None => {
                    let _ = write!(out, " -> {}", d.value.repr);
                }
            }
        }
        if let Some(i) = g.frame_index {
            let _ = write!(out, " (frame #{i})");
        }
        out.push('\n');
        if !g.stack.is_empty() {
            let reprs: Vec<&str> = g.stack.iter().map(|e| e.value.repr.as_str()).collect();
            let _ = writeln!(out, "      stack: [{}]", reprs.join(", "));
        }
    }
    out
}

/// Source lines around the selected frame's line.
pub fn list(p: &Paused<'_>) -> String {
    let Some(frame) = p.selected_frame() else {
        return "no frame\n".into();
    };
    let at = p.current_index(p.selected);
    let line = frame
        .code()
        .decoded
        .instructions
        .get(at)
        .and_then(|i| frame.code().decoded.location_at(i.offset).line)
        .unwrap_or(frame.code().firstlineno);
    let source = views::source_file(&frame.code().filename);
    let lines = &source.lines;
    if lines.is_empty() {
        return format!("(source of {} is not available)\n", frame.code().filename);
    }
    let first = (line - 5).max(1) as usize;
    let last = ((line + 5) as usize).min(lines.len());
    let breaks = views::breakpoint_marks(&p.state.breakpoints, &frame.code().filename, None).lines;
    let mut out = String::new();
    for n in first..=last {
        let mark = if n as i32 == line { "->" } else { "  " };
        let bp = if breaks.contains(&(n as i32)) {
            "B"
        } else {
            " "
        };
        let _ = writeln!(out, "{bp}{mark}{n:>4}  {}", lines[n - 1]);
    }
    out
}

/// The selected frame's code as `dis` shows it, `-->` at the instruction.
pub fn dis(p: &Paused<'_>) -> String {
    let Some(frame) = p.selected_frame() else {
        return "no frame\n".into();
    };
    let at = p.current_index(p.selected);
    let offset = frame.code().decoded.instructions.get(at).map(|i| i.offset);
    let mut out = String::new();
    crate::bytecode::dis::disassemble(frame.code(), offset, &mut out);
    out
}

pub fn info(p: &Paused<'_>) -> String {
    let mut out = where_(p);
    if let Some(frame) = p.selected_frame() {
        if let Some(i) = views::instruction(frame.code(), p.current_index(p.selected)) {
            let _ = writeln!(out, "  {}: {}", i.opname, i.explanation);
        }
    }
    out
}

pub fn breakpoints(state: &DebugState) -> String {
    if state.breakpoints.is_empty() {
        return "(no breakpoints)\n".into();
    }
    let mut out = String::new();
    for b in &state.breakpoints {
        let _ = writeln!(out, "  {b}");
    }
    out
}
