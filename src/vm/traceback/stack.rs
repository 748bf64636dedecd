//! The frames of a traceback: `File "...", line N, in f`, the source line,
//! and PEP 657's caret line under it, with runs of one repeated frame
//! collapsed into `[Previous line repeated N more times]`.
//!
//! CPython 3.11 has two implementations that differ in small ways, and an
//! uncaught exception and the `traceback` module each print like their own:
//! [`Flavor::Display`] mirrors traceback.c (`tb_printinternal`,
//! `tb_displayline`), [`Flavor::Module`] mirrors Lib/traceback.py
//! (`StackSummary.format`, `format_frame_summary`).

use std::collections::HashMap;

use super::anchors::{top_node, TopNode};
use crate::bytecode::locations::Location;
use crate::object::chars;
use crate::object::exception::TracebackEntry;

/// Which of CPython's two traceback printers to match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavor {
    /// `PyErr_Display` (traceback.c): an uncaught exception.
    Display,
    /// Lib/traceback.py: `traceback.print_exc()`, `format_exception()`, ...
    Module,
}

/// traceback.c's `TB_RECURSIVE_CUTOFF` (traceback.py's `_RECURSIVE_CUTOFF`).
const RECURSIVE_CUTOFF: usize = 3;
/// traceback.c's `PyTraceBack_LIMIT`: an uncaught exception shows at most
/// the innermost this many frames.
const DISPLAY_LIMIT: usize = 1000;

/// Source files read while formatting, one read per file (a deep recursion
/// asks for the same line a thousand times).
#[derive(Default)]
pub struct SourceCache {
    files: HashMap<String, Option<Vec<String>>>,
}

impl SourceCache {
    /// Line `lineno` of `filename` without its line end; `None` when there
    /// is no such line or no readable file (`<string>` and the like are
    /// never opened, as traceback.c and linecache skip them).
    pub fn line(&mut self, filename: &str, lineno: i32) -> Option<&str> {
        if lineno < 1 {
            return None;
        }
        let lines = self
            .files
            .entry(filename.to_string())
            .or_insert_with(|| read_lines(filename))
            .as_ref()?;
        lines.get(lineno as usize - 1).map(String::as_str)
    }
}

/// The file's lines as a text file opened with universal newlines reads
/// them (`\r\n` and `\r` end lines too), ends removed.
fn read_lines(filename: &str) -> Option<Vec<String>> {
    if filename.starts_with('<') && filename.ends_with('>') {
        return None;
    }
    let bytes = std::fs::read(filename).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut lines: Vec<String> = text
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .map(String::from)
        .collect();
    if lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    Some(lines)
}

/// The entries of `tb` that are shown: traceback.c's last thousand, or
/// what traceback.py's `limit` keeps (the first `limit`, or the last
/// `-limit`).
pub fn shown(tb: &[TracebackEntry], flavor: Flavor, limit: Option<isize>) -> &[TracebackEntry] {
    match (flavor, limit) {
        (Flavor::Display, _) => &tb[tb.len().saturating_sub(DISPLAY_LIMIT)..],
        (Flavor::Module, None) => tb,
        (Flavor::Module, Some(n)) if n >= 0 => &tb[..tb.len().min(n as usize)],
        (Flavor::Module, Some(n)) => &tb[tb.len().saturating_sub(n.unsigned_abs())..],
    }
}

/// Appends the frames `entries` (see [`shown`]), each line after `margin`
/// (an exception group's `  | `).
pub fn format_stack(
    out: &mut String,
    entries: &[TracebackEntry],
    flavor: Flavor,
    margin: &str,
    cache: &mut SourceCache,
) {
    let mut last: Option<(&str, Option<i32>, &str)> = None;
    let mut count = 0;
    for entry in entries {
        let loc = entry.code.decoded.location_at(entry.offset);
        let key = (&*entry.code.filename, loc.line, &*entry.code.name);
        if last != Some(key) {
            repeated(out, count, flavor, margin);
            last = Some(key);
            count = 0;
        }
        count += 1;
        if count <= RECURSIVE_CUTOFF {
            let frame = Frame {
                filename: &entry.code.filename,
                name: &entry.code.name,
                loc,
            };
            match flavor {
                Flavor::Display => display_frame(out, &frame, margin, cache),
                Flavor::Module => module_frame(out, &frame, margin, cache),
            }
        }
    }
    repeated(out, count, flavor, margin);
}

/// `[Previous line repeated N more times]`, which traceback.c writes
/// without the group margin and traceback.py with it.
fn repeated(out: &mut String, count: usize, flavor: Flavor, margin: &str) {
    if count <= RECURSIVE_CUTOFF {
        return;
    }
    if flavor == Flavor::Module {
        out.push_str(margin);
    }
    let n = count - RECURSIVE_CUTOFF;
    let s = if n > 1 { "s" } else { "" };
    out.push_str(&format!("  [Previous line repeated {n} more time{s}]\n"));
}

struct Frame<'a> {
    filename: &'a str,
    name: &'a str,
    loc: Location,
}

/// traceback.c's `tb_displayline`.
fn display_frame(out: &mut String, frame: &Frame, margin: &str, cache: &mut SourceCache) {
    let lineno = frame.loc.line.unwrap_or(-1);
    out.push_str(&format!(
        "{margin}  File \"{}\", line {lineno}, in {}\n",
        frame.filename, frame.name
    ));
    let Some(line) = cache.line(frame.filename, lineno) else {
        return;
    };
    // `display_source_line_with_margin`: the indentation goes, trailing
    // whitespace stays.
    let chars: Vec<char> = line.chars().collect();
    let indent = chars
        .iter()
        .take_while(|c| matches!(c, ' ' | '\t' | '\x0c'))
        .count();
    out.push_str(margin);
    out.push_str("    ");
    out.extend(&chars[indent..]);
    out.push('\n');
    let Location {
        line: Some(start_line),
        end_line: Some(end_line),
        column: Some(col),
        end_column: Some(end_col),
    } = frame.loc
    else {
        return;
    };
    if start_line < 0 || end_line < 0 || col < 0 || end_col < 0 {
        return;
    }
    let start = pegen_char_offset(line, col as usize);
    let mut end = pegen_char_offset(line, end_col as usize);
    let mut anchors = None;
    if start_line == end_line {
        let segment: String = chars
            .iter()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect();
        anchors = display_anchors(&segment).map(|(l, r)| {
            (
                pegen_char_offset(&segment, l) + start,
                pegen_char_offset(&segment, r) + start,
            )
        });
    } else {
        // To the last non-blank character; traceback.c indexes the UTF-8
        // bytes with the length in characters, and so do we.
        let bytes = line.as_bytes();
        end = (0..chars.len())
            .rev()
            .find(|&i| !matches!(bytes[i], b' ' | b'\t' | b'\x0c'))
            .map_or(0, |i| i + 1);
    }
    // Not shown when the primary range is the whole (left-stripped) line.
    if end.wrapping_sub(start) == chars.len() - indent && anchors.is_none() {
        return;
    }
    // 3.11.7 then turns every offset into a display column: a wide
    // character takes two (bpo-43950).
    let start = display_width(&chars, start);
    let end = display_width(&chars, end);
    let anchors = anchors.map(|(l, r)| (display_width(&chars, l), display_width(&chars, r)));
    out.push_str(margin);
    // `print_error_location_carets`, from the line's stripped indentation.
    let mut offset = indent as isize - 4;
    while {
        offset += 1;
        offset <= end as isize
    } {
        let k = offset as usize;
        out.push(if offset <= start as isize {
            ' '
        } else if anchors.is_some_and(|(l, r)| l < k && k <= r) {
            '^'
        } else if anchors.is_some() {
            '~'
        } else {
            '^'
        });
    }
    out.push('\n');
}

/// traceback.c's `extract_anchors_from_expr`: byte offsets in `segment`
/// of the primary error range's start and end.
fn display_anchors(segment: &str) -> Option<(usize, usize)> {
    let s = segment.as_bytes();
    let ws = |b: u8| matches!(b, b' ' | b'\t' | b'\x0c');
    match top_node(segment)? {
        TopNode::BinOp {
            left_end,
            right_start,
        } => {
            let mut found = None;
            for i in left_end..right_start.min(s.len()) {
                if ws(s[i]) {
                    continue;
                }
                let mut right = i + 1;
                // A two-character operator (`//`, `**`).
                if i + 1 < right_start && !ws(s[i + 1]) {
                    right += 1;
                }
                found = Some((i, right));
                // Past a group's closing parenthesis.
                if i + 1 < right_start && s[i] == b')' {
                    continue;
                }
                break;
            }
            found
        }
        TopNode::Subscript {
            value_end,
            slice_end,
        } => {
            let mut left = value_end;
            let mut right = slice_end + 1;
            while left < s.len() && s[left] != b'[' {
                left += 1;
            }
            while right < s.len() && s[right] != b']' {
                right += 1;
            }
            if right < s.len() {
                right += 1;
            }
            Some((left, right))
        }
    }
}

/// pegen's `_PyPegen_byte_offset_to_character_offset`: characters in the
/// first `offset` bytes of `line` (a cut character counts as one); an
/// offset past the end counts the terminating NUL too.
fn pegen_char_offset(line: &str, offset: usize) -> usize {
    if offset > line.len() {
        return line.chars().count() + 1;
    }
    char_offset(line, offset)
}

/// traceback.py's `_byte_offset_to_character_offset`.
fn char_offset(line: &str, offset: usize) -> usize {
    let bytes = &line.as_bytes()[..offset.min(line.len())];
    String::from_utf8_lossy(bytes).chars().count()
}

/// Lib/traceback.py's `StackSummary.format_frame_summary`.
fn module_frame(out: &mut String, frame: &Frame, margin: &str, cache: &mut SourceCache) {
    let lineno = match frame.loc.line {
        Some(n) => n.to_string(),
        None => "None".into(),
    };
    out.push_str(&format!(
        "{margin}  File \"{}\", line {lineno}, in {}\n",
        frame.filename, frame.name
    ));
    let Some(raw) = frame.loc.line.and_then(|n| cache.line(frame.filename, n)) else {
        return;
    };
    // linecache keeps the newline: `_original_line`.
    let line: Vec<char> = raw.chars().chain(std::iter::once('\n')).collect();
    let line_str: String = line.iter().collect();
    let stripped = py_strip(&line);
    if stripped.is_empty() {
        return;
    }
    out.push_str(margin);
    out.push_str("    ");
    out.extend(stripped);
    out.push('\n');
    let (Some(col), Some(end_col)) = (frame.loc.column, frame.loc.end_column) else {
        return;
    };
    let stripped_characters = line.len() - stripped.len();
    let start = char_offset(&line_str, col.max(0) as usize);
    let mut end = char_offset(&line_str, end_col.max(0) as usize);
    let segment: Vec<char> = line
        .iter()
        .skip(start)
        .take(end.saturating_sub(start))
        .copied()
        .collect();
    let mut anchors = None;
    if frame.loc.line == frame.loc.end_line {
        anchors = module_anchors(&segment);
    } else {
        end = py_rstrip(&line).len();
    }
    let shown = (end as isize - start as isize) < stripped.len() as isize
        || anchors.is_some_and(|(l, r)| r > l);
    if !shown {
        return;
    }
    let dp_start = display_width(&line, start) as isize + 1;
    let dp_end = display_width(&line, end) as isize + 1;
    out.push_str(margin);
    out.push_str("    ");
    push_n(out, ' ', dp_start - stripped_characters as isize);
    match anchors {
        Some((l, r)) => {
            let dl = display_width(&segment, l) as isize;
            let dr = display_width(&segment, r) as isize;
            push_n(out, '~', dl);
            push_n(out, '^', dr - dl);
            push_n(out, '~', dp_end - dp_start - dr);
        }
        None => push_n(out, '^', dp_end - dp_start),
    }
    out.push('\n');
}

fn push_n(out: &mut String, c: char, n: isize) {
    for _ in 0..n.max(0) {
        out.push(c);
    }
}

fn py_strip(s: &[char]) -> &[char] {
    let s = py_rstrip(s);
    let lead = s.iter().take_while(|c| chars::is_space(**c)).count();
    &s[lead..]
}

fn py_rstrip(s: &[char]) -> &[char] {
    let keep = s.len() - s.iter().rev().take_while(|c| chars::is_space(**c)).count();
    &s[..keep]
}

/// traceback.py's `_display_width` (traceback.c's display columns): wide
/// characters take two columns.
fn display_width(line: &[char], offset: usize) -> usize {
    let prefix = &line[..offset.min(line.len())];
    if line.iter().all(char::is_ascii) {
        return offset;
    }
    prefix
        .iter()
        .map(|&c| if chars::is_wide(c) { 2 } else { 1 })
        .sum()
}

/// traceback.py's `_extract_caret_anchors_from_line_segment`: character
/// offsets in `segment`. Like it, this mixes the AST's byte offsets with
/// character indexes where the two differ only for non-ASCII operands.
fn module_anchors(segment: &[char]) -> Option<(usize, usize)> {
    let text: String = segment.iter().collect();
    let normalize = |offset: usize| char_offset(&text, offset);
    let at = |i: usize| segment.get(i).copied();
    match top_node(&text)? {
        TopNode::BinOp {
            left_end,
            right_start,
        } => {
            let op_start = normalize(left_end);
            let op_end = normalize(right_start);
            // Python's slicing clamps.
            let from = op_start.min(segment.len());
            let op_str = &segment[from..op_end.clamp(from, segment.len())];
            let op_offset = op_str.iter().take_while(|c| chars::is_space(**c)).count();
            let mut left = left_end + op_offset;
            let mut right = left + 1;
            if op_offset + 1 < op_str.len() && !chars::is_space(op_str[op_offset + 1]) {
                right += 1;
            }
            while left < segment.len()
                && at(left).is_some_and(|c| chars::is_space(c) || c == ')' || c == '#')
            {
                left += 1;
                right += 1;
            }
            Some((normalize(left), normalize(right)))
        }
        TopNode::Subscript {
            value_end,
            slice_end,
        } => {
            let mut left = normalize(value_end);
            let mut right = normalize(slice_end + 1);
            while left < segment.len() && at(left) != Some('[') {
                left += 1;
            }
            while right < segment.len() && at(right) != Some(']') {
                right += 1;
            }
            if right < segment.len() {
                right += 1;
            }
            Some((left, right))
        }
    }
}
