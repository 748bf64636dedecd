//! `_string` (Objects/stringlib/unicode_format.h's module functions): the
//! format-string parser `string.Formatter` is built on, the same one
//! `str.format` uses (`builtins::str_format`).
//!
//! Both functions parse eagerly: a malformed string raises when they are
//! called, where CPython's lazy iterators raise at the chunk in question.

use super::{functions, new_module};
use crate::builtins::str_format::{parse_chunks, split_field_name};
use crate::object::exception::type_error;
use crate::object::function::Args;
use crate::object::{PyResult, Value};
use crate::vm::protocol;
use crate::vm::Vm;

pub fn module() -> Value {
    new_module(
        "_string",
        functions(&[
            ("formatter_parser", formatter_parser),
            ("formatter_field_name_split", formatter_field_name_split),
        ]),
    )
}

/// The one str argument.
fn str_arg(a: &Args, fname: &str) -> PyResult<String> {
    match a.positional {
        [Value::Str(s)] => Ok(s.to_string()),
        [Value::Instance(i)] if matches!(i.payload, Some(Value::Str(_))) => match &i.payload {
            Some(Value::Str(s)) => Ok(s.to_string()),
            _ => unreachable!("checked above"),
        },
        [other] => Err(type_error(format!(
            "descriptor '{fname}' for 'str' objects doesn't apply to a '{}' object",
            protocol::type_name(other)
        ))),
        args => Err(type_error(format!(
            "{fname}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

/// `formatter_parser(str)`: `(literal, field_name, format_spec,
/// conversion)` for each chunk; the last three None when no field follows.
fn formatter_parser(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let fmt = str_arg(&a, "formatter_parser")?;
    let items = parse_chunks(&fmt)?
        .into_iter()
        .map(|chunk| {
            let literal = Value::str(&chunk.literal);
            Value::tuple(match chunk.field {
                None => vec![literal, Value::None, Value::None, Value::None],
                Some((name, spec, conversion)) => vec![
                    literal,
                    Value::str(&name),
                    Value::str(&spec),
                    conversion.map_or(Value::None, |c| Value::str(&c.to_string())),
                ],
            })
        })
        .collect();
    protocol::iter(vm, &Value::list(items))
}

/// `formatter_field_name_split(str)`: `(first, iterator of (is_attr, key))`.
fn formatter_field_name_split(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let name = str_arg(&a, "formatter_field_name_split")?;
    let (first, rest) = split_field_name(&name)?;
    let rest = rest
        .into_iter()
        .map(|(is_attr, key)| Value::tuple(vec![Value::Bool(is_attr), key]))
        .collect();
    let rest = protocol::iter(vm, &Value::list(rest))?;
    Ok(Value::tuple(vec![first, rest]))
}
