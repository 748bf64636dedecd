//! UnicodeEncodeError, UnicodeDecodeError and UnicodeTranslateError:
//! their members (`encoding`, `object`, `start`, `end`, `reason`, read from
//! the constructor's arguments) and their `str()`
//! (Objects/exceptions.c's UnicodeEncodeError_str and friends).

use crate::object::exception::ExceptionObject;
use crate::object::types::builtin_types;
use crate::object::Value;

/// The member `name` as the arguments give it; `None` when the exception
/// was not made with the 5 (translate: 4) arguments its __init__ wants.
pub fn unicode_error_member(e: &ExceptionObject, name: &str) -> Option<Value> {
    let t = builtin_types();
    let args = e.args.borrow();
    let names: &[&str] = if e.class.is_subtype(&t.unicode_translate_error) {
        &["object", "start", "end", "reason"]
    } else if e.class.is_subtype(&t.unicode_encode_error)
        || e.class.is_subtype(&t.unicode_decode_error)
    {
        &["encoding", "object", "start", "end", "reason"]
    } else {
        return None;
    };
    if args.len() != names.len() {
        return None;
    }
    let i = names.iter().position(|n| *n == name)?;
    Some(args[i].clone())
}

fn member(e: &ExceptionObject, name: &str) -> Option<Value> {
    crate::vm::protocol::plain_get_str(&e.dict.borrow(), name)
        .or_else(|| unicode_error_member(e, name))
}

/// The `str()` of a Unicode error made with its full arguments; `None`
/// for others (which print their args as any exception).
pub fn unicode_error_str(e: &ExceptionObject) -> Option<String> {
    let t = builtin_types();
    let object = member(e, "object")?;
    let (Some(Value::Int(start)), Some(Value::Int(end))) = (member(e, "start"), member(e, "end"))
    else {
        return None;
    };
    let reason = match member(e, "reason")? {
        Value::Str(s) => s.to_string(),
        _ => return None,
    };
    let (start, end) = (start.max(0) as usize, end.max(0) as usize);
    let encoding = match member(e, "encoding") {
        Some(Value::Str(s)) => s.to_string(),
        _ => String::new(),
    };
    if e.class.is_subtype(&t.unicode_decode_error) {
        let data = crate::vm::ops::bytes::bytes_data(&object)?;
        return Some(crate::object::codecs::decode_message(
            &encoding, &data, start, end, &reason,
        ));
    }
    let Value::Str(s) = object else {
        return None;
    };
    if e.class.is_subtype(&t.unicode_encode_error) {
        return Some(crate::object::codecs::encode_message(
            &encoding, &s, start, end, &reason,
        ));
    }
    Some(match s.chars().nth(start) {
        Some(c) if end == start + 1 => format!(
            "can't translate character '{}' in position {start}: {reason}",
            crate::object::codecs::escape(c as u32)
        ),
        _ => format!(
            "can't translate characters in position {start}-{}: {reason}",
            end as i64 - 1
        ),
    })
}
