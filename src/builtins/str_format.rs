//! `str.format` and `str.format_map`, as CPython's
//! Objects/stringlib/unicode_format.h: the markup iterator (`{{`, `}}`,
//! single-brace errors), `parse_field` (name, `!conversion`, `:spec` with
//! nested fields two levels deep), field names (`0`, `name`, `.attr`,
//! `[index]`, `[key]`) and automatic/manual numbering.

use std::rc::Rc;

use crate::object::exception::{index_error, key_error, value_error};
use crate::object::{PyResult, Value};
use crate::vm::ops;
use crate::vm::protocol;
use crate::vm::Vm;

/// Where replacement fields get their values: `format(*args, **kwargs)`,
/// or `format_map(mapping)` (no positional arguments).
pub enum Source<'a> {
    Args(&'a [Value], &'a [(Rc<str>, Value)]),
    Mapping(&'a Value),
}

#[derive(PartialEq, Clone, Copy)]
enum AutoState {
    Init,
    Auto,
    Manual,
}

struct AutoNumber {
    state: AutoState,
    next: usize,
}

/// `str.format(*args, **kwargs)`.
pub fn str_format(
    vm: &mut Vm,
    fmt: &str,
    args: &[Value],
    kwargs: &[(Rc<str>, Value)],
) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut auto = AutoNumber {
        state: AutoState::Init,
        next: 0,
    };
    build_string(vm, &chars, &Source::Args(args, kwargs), 2, &mut auto)
}

/// `str.format_map(mapping)`.
pub fn str_format_map(vm: &mut Vm, fmt: &str, mapping: &Value) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut auto = AutoNumber {
        state: AutoState::Init,
        next: 0,
    };
    build_string(vm, &chars, &Source::Mapping(mapping), 2, &mut auto)
}

fn build_string(
    vm: &mut Vm,
    s: &[char],
    src: &Source,
    depth: u32,
    auto: &mut AutoNumber,
) -> PyResult<String> {
    if depth == 0 {
        return Err(value_error("Max string recursion exceeded"));
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut i = 0;
    while i < s.len() {
        // Literal text up to a brace (MarkupIterator_next).
        let c = s[i];
        i += 1;
        if c != '{' && c != '}' {
            out.push(c);
            continue;
        }
        let at_end = i >= s.len();
        if c == '}' {
            if at_end || s[i] != '}' {
                return Err(value_error("Single '}' encountered in format string"));
            }
            out.push('}');
            i += 1;
            continue;
        }
        if at_end {
            return Err(value_error("Single '{' encountered in format string"));
        }
        if s[i] == '{' {
            out.push('{');
            i += 1;
            continue;
        }
        let field = parse_field(s, &mut i)?;
        let mut obj = get_field_object(vm, &field.name, src, auto)?;
        if let Some(conv) = field.conversion {
            obj = Value::str(&match conv {
                'r' => protocol::repr(vm, &obj)?,
                's' => protocol::str_of(vm, &obj)?,
                'a' => ops::text::ascii(&protocol::repr(vm, &obj)?),
                other if (other as u32) > 32 && (other as u32) < 127 => {
                    return Err(value_error(format!("Unknown conversion specifier {other}")))
                }
                other => {
                    return Err(value_error(format!(
                        "Unknown conversion specifier \\x{:x}",
                        other as u32
                    )))
                }
            });
        }
        let spec = if field.spec_needs_expanding {
            build_string(vm, &field.spec, src, depth - 1, auto)?
        } else {
            field.spec.iter().collect()
        };
        out.push_str(&ops::text::format(vm, &obj, &spec)?);
    }
    Ok(out)
}

struct Field {
    name: Vec<char>,
    conversion: Option<char>,
    spec: Vec<char>,
    spec_needs_expanding: bool,
}

/// `parse_field`: `s[*i..]` is just after the opening brace.
fn parse_field(s: &[char], i: &mut usize) -> PyResult<Field> {
    let start = *i;
    let mut terminator = None;
    while *i < s.len() {
        let ch = s[*i];
        *i += 1;
        match ch {
            '{' => return Err(value_error("unexpected '{' in field name")),
            '[' => {
                while *i < s.len() && s[*i] != ']' {
                    *i += 1;
                }
            }
            '}' | ':' | '!' => {
                terminator = Some(ch);
                break;
            }
            _ => {}
        }
    }
    let name_end = if terminator.is_some() { *i - 1 } else { *i };
    let c = terminator.unwrap_or('\0');
    let mut field = Field {
        name: s[start..name_end].to_vec(),
        conversion: None,
        spec: Vec::new(),
        spec_needs_expanding: false,
    };
    match c {
        '!' | ':' => {
            if c == '!' {
                if *i >= s.len() {
                    return Err(value_error(
                        "end of string while looking for conversion specifier",
                    ));
                }
                field.conversion = Some(s[*i]);
                *i += 1;
                if *i < s.len() {
                    let next = s[*i];
                    *i += 1;
                    if next == '}' {
                        return Ok(field);
                    }
                    if next != ':' {
                        return Err(value_error("expected ':' after conversion specifier"));
                    }
                }
            }
            let spec_start = *i;
            let mut count = 1;
            while *i < s.len() {
                let ch = s[*i];
                *i += 1;
                match ch {
                    '{' => {
                        field.spec_needs_expanding = true;
                        count += 1;
                    }
                    '}' => {
                        count -= 1;
                        if count == 0 {
                            field.spec = s[spec_start..*i - 1].to_vec();
                            return Ok(field);
                        }
                    }
                    _ => {}
                }
            }
            Err(value_error("unmatched '{' in format spec"))
        }
        '}' => Ok(field),
        _ => Err(value_error("expected '}' before end of string")),
    }
}

/// `get_integer`: a non-negative decimal index, or `None`.
fn get_integer(s: &[char]) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for c in s {
        let Some(d) = c.to_digit(10) else {
            return Ok(None);
        };
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|a| *a <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(acc))
}

/// The `.attr` and `[key]` parts of a field name after its first name
/// (`FieldNameIterator_next`), parsed one at a time so that a lookup's
/// error comes before a later part's syntax error, as in CPython.
struct FieldParts<'a> {
    name: &'a [char],
    i: usize,
}

impl<'a> FieldParts<'a> {
    fn new(name: &'a [char], start: usize) -> Self {
        FieldParts { name, i: start }
    }
}

impl<'a> Iterator for FieldParts<'a> {
    type Item = PyResult<(bool, &'a [char])>;

    fn next(&mut self) -> Option<Self::Item> {
        let name = self.name;
        if self.i >= name.len() {
            return None;
        }
        let is_attr = match name[self.i] {
            '.' => true,
            '[' => false,
            _ => {
                self.i = name.len();
                return Some(Err(value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                )));
            }
        };
        self.i += 1;
        let start = self.i;
        let part = if is_attr {
            while self.i < name.len() && name[self.i] != '.' && name[self.i] != '[' {
                self.i += 1;
            }
            &name[start..self.i]
        } else {
            while self.i < name.len() && name[self.i] != ']' {
                self.i += 1;
            }
            if self.i >= name.len() {
                return Some(Err(value_error("Missing ']' in format string")));
            }
            self.i += 1;
            &name[start..self.i - 1]
        };
        if part.is_empty() {
            self.i = name.len();
            return Some(Err(value_error("Empty attribute in format string")));
        }
        Some(Ok((is_attr, part)))
    }
}

/// `get_field_object`: the first name, then `.attr` and `[key]` parts.
fn get_field_object(
    vm: &mut Vm,
    name: &[char],
    src: &Source,
    auto: &mut AutoNumber,
) -> PyResult<Value> {
    let first_end = name
        .iter()
        .position(|c| *c == '.' || *c == '[')
        .unwrap_or(name.len());
    let first = &name[..first_end];
    let mut index = get_integer(first)?;
    let empty = first.is_empty();
    if empty || index.is_some() {
        if auto.state == AutoState::Init {
            auto.state = if empty {
                AutoState::Auto
            } else {
                AutoState::Manual
            };
        }
        if auto.state == AutoState::Manual && empty {
            return Err(value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        if auto.state == AutoState::Auto && !empty {
            return Err(value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        if empty {
            index = Some(auto.next);
            auto.next += 1;
        }
    }
    let mut obj = match (index, src) {
        (None, Source::Args(_, kwargs)) => {
            let key: String = first.iter().collect();
            kwargs
                .iter()
                .find(|(k, _)| **k == *key)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| key_error(Value::str(&key)))?
        }
        (None, Source::Mapping(m)) => {
            let key: String = first.iter().collect();
            protocol::getitem(vm, m, &Value::str(&key))?
        }
        (Some(n), Source::Args(args, _)) => args.get(n).cloned().ok_or_else(|| {
            index_error(format!(
                "Replacement index {n} out of range for positional args tuple"
            ))
        })?,
        (Some(_), Source::Mapping(_)) => {
            return Err(value_error("Format string contains positional fields"))
        }
    };
    for part in FieldParts::new(name, first_end) {
        let (is_attr, part) = part?;
        let text: String = part.iter().collect();
        obj = if is_attr {
            protocol::getattr(vm, &obj, &text)?
        } else {
            let key = match get_integer(part)? {
                Some(n) => Value::Int(n as i64),
                None => Value::str(&text),
            };
            protocol::getitem(vm, &obj, &key)?
        };
    }
    Ok(obj)
}

/// One chunk of a format string as `_string.formatter_parser` yields it
/// (`MarkupIterator_next`): the literal text, then the field's name,
/// spec and conversion if a replacement field follows.
pub struct Chunk {
    pub literal: String,
    pub field: Option<(String, String, Option<char>)>,
}

/// Every chunk of `fmt` (`_string.formatter_parser`), with the errors
/// `str.format` gives for a malformed string.
pub fn parse_chunks(fmt: &str) -> PyResult<Vec<Chunk>> {
    let s: Vec<char> = fmt.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let start = i;
        let mut c = '\0';
        let mut markup = false;
        while i < s.len() {
            c = s[i];
            i += 1;
            if c == '{' || c == '}' {
                markup = true;
                break;
            }
        }
        let at_end = i >= s.len();
        let mut len = i - start;
        if c == '}' && markup && (at_end || s[i] != '}') {
            return Err(value_error("Single '}' encountered in format string"));
        }
        if at_end && c == '{' && markup {
            return Err(value_error("Single '{' encountered in format string"));
        }
        if !at_end && markup {
            if s[i] == c {
                // An escaped brace: part of the literal, no field follows.
                i += 1;
                markup = false;
            } else {
                len -= 1;
            }
        }
        let literal: String = s[start..start + len].iter().collect();
        let field = if markup {
            let f = parse_field(&s, &mut i)?;
            Some((
                f.name.iter().collect(),
                f.spec.iter().collect(),
                f.conversion,
            ))
        } else {
            None
        };
        out.push(Chunk { literal, field });
    }
    Ok(out)
}

/// `_string.formatter_field_name_split`: the first part of a field name
/// (an int if it is all digits) and its `.attr` / `[key]` parts as
/// `(is_attribute, name_or_index)`.
pub fn split_field_name(name: &str) -> PyResult<(Value, Vec<(bool, Value)>)> {
    let name: Vec<char> = name.chars().collect();
    let first_end = name
        .iter()
        .position(|c| *c == '.' || *c == '[')
        .unwrap_or(name.len());
    let key = |part: &[char]| -> PyResult<Value> {
        Ok(match get_integer(part)? {
            Some(n) => Value::Int(n as i64),
            None => Value::str(&part.iter().collect::<String>()),
        })
    };
    let first = key(&name[..first_end])?;
    let mut rest = Vec::new();
    for part in FieldParts::new(&name, first_end) {
        let (is_attr, part) = part?;
        rest.push((is_attr, key(part)?));
    }
    Ok((first, rest))
}
