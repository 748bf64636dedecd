//! Breakpoints: their spec syntax (shared by the TUI's command line, `--break`
//! and the batch debugger), conditions on a variable evaluated by py2vm itself
//! (never by Python's `eval`), hit and ignore counts.

use std::fmt;

use serde::Serialize;

use crate::object::Value;

/// Where a breakpoint stops.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "on", rename_all = "snake_case")]
pub enum BreakKind {
    /// Before any instruction with this opcode, optionally only in `function`.
    Opcode {
        opname: String,
        function: Option<String>,
    },
    /// The first instruction of `line` each time execution arrives at it.
    /// `file` names the code's file as [`file_matches`] says; `None` is any
    /// file.
    Line { file: Option<String>, line: i32 },
    /// A function (or generator, or class body) being entered.
    Function { name: String },
    /// The instruction at `offset` of `function`.
    Offset { function: String, offset: u32 },
    /// An exception being raised; `None` catches every exception.
    Exception { name: Option<String> },
    /// A generator, coroutine or async generator named `name` resuming.
    Resume { name: String },
    /// A generator, coroutine or async generator named `name` suspending.
    Suspend { name: String },
}

/// `NAME`, or `NAME OP LITERAL`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Condition {
    pub name: String,
    pub op: Option<CompareOp>,
    pub literal: Option<Literal>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum CompareOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Literal {
    Int(i64),
    Float(f64),
    Str(String),
    Bool(bool),
    None,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Breakpoint {
    pub id: usize,
    #[serde(flatten)]
    pub kind: BreakKind,
    pub condition: Option<Condition>,
    pub enabled: bool,
    /// Times it was reached with its condition true.
    pub hits: u64,
    /// Further hits to pass over before stopping.
    pub ignore: u64,
}

impl fmt::Display for BreakKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BreakKind::Opcode {
                opname,
                function: None,
            } => write!(f, "op {opname}"),
            BreakKind::Opcode {
                opname,
                function: Some(func),
            } => write!(f, "op {opname} in {func}"),
            BreakKind::Line { file: None, line } => write!(f, "line {line}"),
            BreakKind::Line {
                file: Some(file),
                line,
            } => write!(f, "{file}:{line}"),
            BreakKind::Function { name } => write!(f, "function {name}"),
            BreakKind::Offset { function, offset } => write!(f, "{function}@{offset}"),
            BreakKind::Exception { name: None } => write!(f, "catch any exception"),
            BreakKind::Exception { name: Some(n) } => write!(f, "catch {n}"),
            BreakKind::Resume { name } => write!(f, "resume {name}"),
            BreakKind::Suspend { name } => write!(f, "suspend {name}"),
        }
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.name)?;
        if let (Some(op), Some(lit)) = (self.op, &self.literal) {
            let op = match op {
                CompareOp::Lt => "<",
                CompareOp::Le => "<=",
                CompareOp::Eq => "==",
                CompareOp::Ne => "!=",
                CompareOp::Gt => ">",
                CompareOp::Ge => ">=",
            };
            let lit = match lit {
                Literal::Int(i) => i.to_string(),
                Literal::Float(x) => x.to_string(),
                Literal::Str(s) => format!("{s:?}"),
                Literal::Bool(b) => if *b { "True" } else { "False" }.into(),
                Literal::None => "None".into(),
            };
            write!(f, " {op} {lit}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Breakpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "#{} {} {}",
            self.id,
            if self.enabled { "on " } else { "off" },
            self.kind
        )?;
        if let Some(c) = &self.condition {
            write!(f, " if {c}")?;
        }
        write!(f, " (hits {}", self.hits)?;
        let ignoring = self.ignore.saturating_sub(self.hits);
        if ignoring > 0 {
            write!(f, ", ignore next {ignoring}")?;
        }
        write!(f, ")")
    }
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_')
}

/// A function name as written in a spec: a name or a dotted qualname, with
/// `<module>`, `<lambda>`, `<genexpr>`... allowed.
fn is_function_name(s: &str) -> bool {
    !s.is_empty()
        && s.split('.')
            .all(|part| is_identifier(part) || (part.starts_with('<') && part.ends_with('>')))
}

/// Parses what follows `break`: `op NAME [in FUNC]`, `FILE:LINE`, `LINE`,
/// `FUNC`, `FUNC@OFFSET`, `resume NAME`, `suspend NAME`, each optionally
/// followed by `if CONDITION`.
pub fn parse_break(spec: &str) -> Result<(BreakKind, Option<Condition>), String> {
    let (head, condition) = match spec.split_once(" if ") {
        Some((h, c)) => (h.trim(), Some(parse_condition(c)?)),
        None => (spec.trim(), None),
    };
    let words: Vec<&str> = head.split_whitespace().collect();
    let kind = match words.as_slice() {
        [] => {
            return Err(
                "break needs a location: op NAME, FILE:LINE, LINE, FUNC or FUNC@OFFSET".into(),
            )
        }
        ["op", name] | ["op", name, "in", _] => {
            let opname = name.to_ascii_uppercase();
            if crate::bytecode::Opcode::from_name(&opname).is_none() {
                return Err(format!("no opcode named {name} in CPython 3.11"));
            }
            BreakKind::Opcode {
                opname,
                function: words.get(3).map(|f| f.to_string()),
            }
        }
        ["resume", name] => BreakKind::Resume {
            name: name.to_string(),
        },
        ["suspend", name] => BreakKind::Suspend {
            name: name.to_string(),
        },
        [one] => parse_location(one)?,
        _ => return Err(format!("cannot read breakpoint spec {head:?}")),
    };
    Ok((kind, condition))
}

fn parse_location(word: &str) -> Result<BreakKind, String> {
    if let Ok(line) = word.parse::<i32>() {
        return Ok(BreakKind::Line { file: None, line });
    }
    if let Some((file, line)) = word.rsplit_once(':') {
        let line = line
            .parse::<i32>()
            .map_err(|_| format!("{line:?} is not a line number"))?;
        return Ok(BreakKind::Line {
            file: Some(file.to_string()),
            line,
        });
    }
    if let Some((function, offset)) = word.split_once('@') {
        let offset = offset
            .parse::<u32>()
            .map_err(|_| format!("{offset:?} is not an instruction offset"))?;
        if offset % 2 != 0 {
            return Err(format!(
                "offset {offset} is odd: instructions start at even offsets"
            ));
        }
        return Ok(BreakKind::Offset {
            function: function.to_string(),
            offset,
        });
    }
    if is_function_name(word) {
        return Ok(BreakKind::Function {
            name: word.to_string(),
        });
    }
    Err(format!("cannot read breakpoint location {word:?}"))
}

/// `catch` or `catch NAME`.
pub fn parse_catch(spec: &str) -> Result<(BreakKind, Option<Condition>), String> {
    let (head, condition) = match spec.split_once(" if ") {
        Some((h, c)) => (h.trim(), Some(parse_condition(c)?)),
        None => (spec.trim(), None),
    };
    if head.is_empty() {
        return Ok((BreakKind::Exception { name: None }, condition));
    }
    if !is_function_name(head) {
        return Err(format!("{head:?} is not an exception class name"));
    }
    Ok((
        BreakKind::Exception {
            name: Some(head.to_string()),
        },
        condition,
    ))
}

/// `x`, `x > 3`, `name == "bob"`, `done is None`...
pub fn parse_condition(text: &str) -> Result<Condition, String> {
    let text = text.trim();
    for (token, op) in [
        ("<=", CompareOp::Le),
        (">=", CompareOp::Ge),
        ("==", CompareOp::Eq),
        ("!=", CompareOp::Ne),
        (" is not ", CompareOp::Ne),
        (" is ", CompareOp::Eq),
        ("<", CompareOp::Lt),
        (">", CompareOp::Gt),
    ] {
        if let Some((name, lit)) = text.split_once(token) {
            let name = name.trim();
            if !is_identifier(name) {
                return Err(format!("condition: {name:?} is not a variable name"));
            }
            return Ok(Condition {
                name: name.to_string(),
                op: Some(op),
                literal: Some(parse_literal(lit.trim())?),
            });
        }
    }
    if !is_identifier(text) {
        return Err(format!(
            "condition {text:?}: write NAME or NAME OP VALUE (OP one of < <= == != > >=)"
        ));
    }
    Ok(Condition {
        name: text.to_string(),
        op: None,
        literal: None,
    })
}

fn parse_literal(text: &str) -> Result<Literal, String> {
    match text {
        "None" => return Ok(Literal::None),
        "True" => return Ok(Literal::Bool(true)),
        "False" => return Ok(Literal::Bool(false)),
        _ => {}
    }
    if let Ok(i) = text.replace('_', "").parse::<i64>() {
        return Ok(Literal::Int(i));
    }
    if let Ok(x) = text.parse::<f64>() {
        return Ok(Literal::Float(x));
    }
    let quoted = |q: char| text.len() >= 2 && text.starts_with(q) && text.ends_with(q);
    if quoted('"') || quoted('\'') {
        return Ok(Literal::Str(text[1..text.len() - 1].to_string()));
    }
    Err(format!(
        "{text:?} is not a literal (an int, float, 'string', True, False or None)"
    ))
}

impl Condition {
    /// Whether the condition holds for `value` (`None` when the variable is
    /// not bound: the condition is false). Compares numbers, strings, bools
    /// and None as Python would; any other value is compared only for
    /// (in)equality with None, and is truthy when tested alone.
    pub fn holds(&self, value: Option<&Value>) -> bool {
        let Some(value) = value else { return false };
        let (Some(op), Some(lit)) = (self.op, &self.literal) else {
            return truthy(value);
        };
        let ordering = match (value, lit) {
            (Value::None, Literal::None) => Some(std::cmp::Ordering::Equal),
            (_, Literal::None) => {
                return matches!(op, CompareOp::Ne);
            }
            (Value::Str(s), Literal::Str(l)) => Some(s.as_ref().cmp(l.as_str())),
            (v, lit) => match (number(v), lit_number(lit)) {
                (Some(a), Some(b)) => a.partial_cmp(&b),
                _ => return matches!(op, CompareOp::Ne),
            },
        };
        let Some(ord) = ordering else {
            return matches!(op, CompareOp::Ne);
        };
        use std::cmp::Ordering::*;
        match op {
            CompareOp::Lt => ord == Less,
            CompareOp::Le => ord != Greater,
            CompareOp::Eq => ord == Equal,
            CompareOp::Ne => ord != Equal,
            CompareOp::Gt => ord == Greater,
            CompareOp::Ge => ord != Less,
        }
    }
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::Float(x) => Some(*x),
        Value::BigInt(b) => num_traits::ToPrimitive::to_f64(&**b),
        _ => None,
    }
}

fn lit_number(l: &Literal) -> Option<f64> {
    match l {
        Literal::Int(i) => Some(*i as f64),
        Literal::Float(x) => Some(*x),
        Literal::Bool(b) => Some(*b as i64 as f64),
        _ => None,
    }
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::None | Value::Null => false,
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::Float(x) => *x != 0.0,
        Value::Str(s) => !s.is_empty(),
        Value::Bytes(b) => !b.is_empty(),
        Value::Tuple(t) => !t.is_empty(),
        Value::List(l) => !l.borrow().is_empty(),
        Value::Dict(d) | Value::Set(d) => !d.borrow().is_empty(),
        _ => true,
    }
}

/// Whether `pattern` names the code `name`/`qualname`: either exactly.
pub fn names_function(pattern: &str, name: &str, qualname: &str) -> bool {
    pattern == name || pattern == qualname
}

/// Whether the `FILE` of a `FILE:LINE` breakpoint names `filename` (a code
/// object's file name): the same path, a path ending in `/FILE`, or the
/// same last component. `ain.py` does not name `main.py`.
pub fn file_matches(filename: &str, pattern: &str) -> bool {
    filename == pattern
        || filename
            .strip_suffix(pattern)
            .is_some_and(|dir| dir.ends_with('/'))
        || std::path::Path::new(filename)
            .file_name()
            .is_some_and(|n| n == std::ffi::OsStr::new(pattern))
}

impl BreakKind {
    /// The line a line breakpoint is set on in `filename`, when it is one
    /// and its file (if it names one) is that file. The controller stops by
    /// this and the views mark source lines by it, so a marked line is a
    /// line the breakpoint can fire on.
    pub fn line_in(&self, filename: &str) -> Option<i32> {
        match self {
            BreakKind::Line { file, line }
                if file.as_ref().is_none_or(|f| file_matches(filename, f)) =>
            {
                Some(*line)
            }
            _ => None,
        }
    }

    /// Whether an `op NAME [in FUNC]` or `FUNC@OFFSET` breakpoint is set on
    /// the instruction at `offset` (opcode `opname`) of the code
    /// `name`/`qualname`; false for the other kinds. The controller stops
    /// by this and the views mark instructions by it.
    pub fn on_instruction(&self, name: &str, qualname: &str, offset: u32, opname: &str) -> bool {
        match self {
            BreakKind::Opcode {
                opname: op,
                function,
            } => {
                op == opname
                    && function
                        .as_ref()
                        .is_none_or(|f| names_function(f, name, qualname))
            }
            BreakKind::Offset {
                function,
                offset: at,
            } => *at == offset && names_function(function, name, qualname),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_parse() {
        assert_eq!(
            parse_break("op yield_value in middle").unwrap().0,
            BreakKind::Opcode {
                opname: "YIELD_VALUE".into(),
                function: Some("middle".into())
            }
        );
        assert_eq!(
            parse_break("demo.py:12").unwrap().0,
            BreakKind::Line {
                file: Some("demo.py".into()),
                line: 12
            }
        );
        assert_eq!(
            parse_break("f@24 if x > 3").unwrap(),
            (
                BreakKind::Offset {
                    function: "f".into(),
                    offset: 24
                },
                Some(Condition {
                    name: "x".into(),
                    op: Some(CompareOp::Gt),
                    literal: Some(Literal::Int(3))
                })
            )
        );
        assert_eq!(
            parse_break("Point.__eq__").unwrap().0,
            BreakKind::Function {
                name: "Point.__eq__".into()
            }
        );
        assert!(parse_break("op NOT_AN_OPCODE").is_err());
        assert!(parse_break("f@3").is_err());
        assert!(parse_break("x if 3 >").is_err());
    }

    #[test]
    fn files_match_by_path_suffix_or_last_component() {
        let main = "/home/me/project/main.py";
        for pattern in [main, "main.py", "project/main.py"] {
            assert!(file_matches(main, pattern), "{pattern}");
        }
        for pattern in ["ain.py", "ject/main.py", "main", "other/main.py"] {
            assert!(!file_matches(main, pattern), "{pattern}");
        }
        let at = |spec: &str| parse_break(spec).unwrap().0.line_in(main);
        assert_eq!(at("main.py:3"), Some(3));
        assert_eq!(at("3"), Some(3));
        assert_eq!(at("ain.py:3"), None);
        assert_eq!(at("f@4"), None);
    }

    #[test]
    fn instruction_breakpoints_name_the_code() {
        let op = parse_break("op yield_value in middle").unwrap().0;
        assert!(op.on_instruction("middle", "middle", 38, "YIELD_VALUE"));
        assert!(!op.on_instruction("inner", "inner", 38, "YIELD_VALUE"));
        assert!(!op.on_instruction("middle", "middle", 38, "SEND"));
        let at = parse_break("C.f@24").unwrap().0;
        assert!(at.on_instruction("f", "C.f", 24, "LOAD_FAST"));
        assert!(!at.on_instruction("f", "C.f", 26, "LOAD_FAST"));
        assert!(!parse_break("7")
            .unwrap()
            .0
            .on_instruction("f", "f", 7, "NOP"));
    }

    #[test]
    fn conditions_compare_like_python() {
        let c = parse_condition("x >= 2.5").unwrap();
        assert!(c.holds(Some(&Value::Int(3))));
        assert!(!c.holds(Some(&Value::Int(2))));
        assert!(!c.holds(None));
        let s = parse_condition("name == 'bob'").unwrap();
        assert!(s.holds(Some(&Value::str("bob"))));
        assert!(!s.holds(Some(&Value::Int(1))));
        let n = parse_condition("done is not None").unwrap();
        assert!(n.holds(Some(&Value::Int(0))));
        assert!(!n.holds(Some(&Value::None)));
        assert!(parse_condition("flag")
            .unwrap()
            .holds(Some(&Value::Bool(true))));
    }
}
