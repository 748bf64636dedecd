//! The strings a pattern reads and the slices it hands back: sre.c's
//! `getstring` (a str, or an object with the buffer protocol: bytes,
//! bytearray, memoryview), `state_init`'s clamping of `pos`/`endpos`, and
//! `getslice`.

use std::rc::Rc;

use crate::object::exception::type_error;
use crate::object::{Kind, PyResult, Value};
use crate::vm::protocol;

use super::engine::{self, Found, Request, SreError};

/// A subject as the matcher reads it: bytes, an ASCII-only str (read as
/// its bytes: the same indices), or the code points of any other str.
#[derive(Clone)]
pub(super) enum Text {
    Bytes(Rc<[u8]>),
    Ascii(Rc<str>),
    Wide(Rc<[u32]>),
}

impl Text {
    /// `getstring`: the text of a str (or str subclass) or the bytes of a
    /// bytes-like object; TypeError for anything else.
    pub fn of(v: &Value) -> PyResult<Text> {
        match v {
            Value::Str(s) => Ok(Text::from_str(s)),
            Value::Bytes(b) => Ok(Text::Bytes(b.clone())),
            Value::ByteArray(b) => Ok(Text::Bytes(Rc::from(b.borrow().as_slice()))),
            Value::Instance(i) => match &i.payload {
                Some(Value::Str(s)) => Ok(Text::from_str(s)),
                Some(Value::Bytes(b)) => Ok(Text::Bytes(b.clone())),
                Some(Value::ByteArray(b)) if protocol::type_of(v).kind == Kind::MemoryView => {
                    Ok(Text::Bytes(Rc::from(b.borrow().as_slice())))
                }
                Some(Value::ByteArray(b)) => Ok(Text::Bytes(Rc::from(b.borrow().as_slice()))),
                _ => Err(not_a_string(v)),
            },
            _ => Err(not_a_string(v)),
        }
    }

    fn from_str(s: &Rc<str>) -> Text {
        if s.is_ascii() {
            Text::Ascii(s.clone())
        } else {
            Text::Wide(s.chars().map(|c| c as u32).collect())
        }
    }

    pub fn is_bytes(&self) -> bool {
        matches!(self, Text::Bytes(_))
    }

    /// The length in characters (bytes for a bytes-like subject).
    pub fn len(&self) -> usize {
        match self {
            Text::Bytes(b) => b.len(),
            Text::Ascii(s) => s.len(),
            Text::Wide(w) => w.len(),
        }
    }

    /// `sre_match` (`search == false`) or `sre_search` over the subject.
    pub fn run(
        &self,
        req: &Request,
        search: bool,
        interrupt: &mut dyn FnMut() -> bool,
    ) -> Result<Option<Found>, SreError> {
        match (self, search) {
            (Text::Bytes(b), false) => engine::sre_match(req, &b[..], interrupt),
            (Text::Bytes(b), true) => engine::sre_search(req, &b[..], interrupt),
            (Text::Ascii(s), false) => engine::sre_match(req, s.as_bytes(), interrupt),
            (Text::Ascii(s), true) => engine::sre_search(req, s.as_bytes(), interrupt),
            (Text::Wide(w), false) => engine::sre_match(req, &w[..], interrupt),
            (Text::Wide(w), true) => engine::sre_search(req, &w[..], interrupt),
        }
    }

    /// `getslice`: characters `i..j` as an exact str or bytes; the whole
    /// of an exact bytes subject is that object itself.
    pub fn slice(&self, string: &Value, i: usize, j: usize) -> Value {
        let j = j.min(self.len());
        let i = i.min(j);
        match self {
            Text::Bytes(b) => {
                if let Value::Bytes(whole) = string {
                    if i == 0 && j == whole.len() {
                        return string.clone();
                    }
                }
                Value::Bytes(Rc::from(&b[i..j]))
            }
            Text::Ascii(s) => {
                if let Value::Str(whole) = string {
                    if i == 0 && j == whole.len() {
                        return string.clone();
                    }
                }
                Value::str(&s[i..j])
            }
            Text::Wide(w) => {
                let text: String = w[i..j].iter().filter_map(|&c| char::from_u32(c)).collect();
                Value::str(&text)
            }
        }
    }

    /// An empty string of the subject's kind (the joiner of `sub`).
    pub fn empty(&self) -> Value {
        if self.is_bytes() {
            Value::Bytes(Rc::from(&b""[..]))
        } else {
            Value::str("")
        }
    }
}

fn not_a_string(v: &Value) -> crate::object::PyErr {
    type_error(format!(
        "expected string or bytes-like object, got '{}'",
        protocol::type_name(v)
    ))
}

/// `state_init`'s bounds: `pos` and `endpos` clamped to the subject.
pub(super) fn clamp(pos: i64, endpos: i64, len: usize) -> (usize, usize) {
    let fit = |v: i64| v.clamp(0, len as i64) as usize;
    (fit(pos), fit(endpos))
}
