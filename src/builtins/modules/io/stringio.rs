//! `StringIO` (Modules/_io/stringio.c): an in-memory text stream of code
//! points, with the newline rules of `TextIOWrapper` (universal newlines
//! translated on write when `newline` is None, `\n` written as `\r` or
//! `\r\n` when `newline` is one of those) and positions counted in code
//! points.

use std::cell::RefCell;

use super::super::{clinic_bind, getset, GetSet};
use super::textio::{find_line_ending, newlines_value, NlDecoder};
use super::*;
use crate::object::exception::{stop_iteration, value_error};
use crate::object::function::{m, MethodDef};

#[derive(Default)]
struct Inner {
    buf: Vec<char>,
    pos: usize,
    ok: bool,
    closed: bool,
    readuniversal: bool,
    readtranslate: bool,
    readnl: Option<Vec<char>>,
    writenl: Option<Vec<char>>,
    /// The universal-newlines decoder when `newline` is None or "".
    decoder: Option<NlDecoder>,
}

struct StringIO(RefCell<Inner>);

pub(super) const STRINGIO: &[MethodDef] = &[
    m("__new__", stringio_new),
    m("__init__", stringio_init),
    m("getvalue", |_, a| {
        let s = checked(&a)?;
        let text: String = s.0.borrow().buf.iter().collect();
        Ok(Value::str(&text))
    }),
    m("read", stringio_read),
    m("readline", stringio_readline),
    m("write", stringio_write).o(),
    m("tell", |_, a| {
        Ok(Value::Int(checked(&a)?.0.borrow().pos as i64))
    }),
    m("seek", stringio_seek).at_least(1),
    m("truncate", stringio_truncate),
    m("close", |_, a| {
        let s: &StringIO = this(&a)?;
        let mut i = s.0.borrow_mut();
        i.closed = true;
        i.buf = Vec::new();
        Ok(Value::None)
    }),
    m("readable", |_, a| checked(&a).map(|_| Value::Bool(true))),
    m("writable", |_, a| checked(&a).map(|_| Value::Bool(true))),
    m("seekable", |_, a| checked(&a).map(|_| Value::Bool(true))),
    m("__next__", stringio_next),
    m("__getstate__", stringio_getstate),
    m("__setstate__", stringio_setstate).o(),
];

pub(super) const STRINGIO_GETSETS: &[GetSet] = &[
    getset("closed", |_, a| {
        let s: &StringIO = this(&a)?;
        Ok(Value::Bool(s.0.borrow().closed))
    }),
    getset("line_buffering", |_, a| {
        checked(&a).map(|_| Value::Bool(false))
    }),
    getset("newlines", |_, a| {
        let s = checked(&a)?;
        let i = s.0.borrow();
        Ok(i.decoder
            .as_ref()
            .map_or(Value::None, |d| newlines_value(d.seennl)))
    }),
];

/// The state, checked initialised (`CHECK_INITIALIZED`) and open
/// (`CHECK_CLOSED`).
fn checked<'a>(a: &Args<'a>) -> PyResult<&'a StringIO> {
    let s: &StringIO = this(a)?;
    let i = s.0.borrow();
    if !i.ok {
        return Err(value_error("I/O operation on uninitialized object"));
    }
    if i.closed {
        // stringio.c's CHECK_CLOSED words it without the full stop.
        return Err(value_error("I/O operation on closed file"));
    }
    Ok(s)
}

fn stringio_new(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let cls = class_arg(&a)?;
    Ok(native_instance(
        &cls,
        StringIO(RefCell::new(Inner::default())),
    ))
}

use super::super::native_instance;

fn stringio_init(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s: &StringIO = this(&a)?;
    let v = clinic_bind(
        "StringIO",
        &a.positional[1..],
        a.keywords,
        &["initial_value", "newline"],
        0,
        2,
    )?;
    let newline: Option<Rc<str>> = match &v[1] {
        None => Some(Rc::from("\n")),
        Some(Value::None) => None,
        Some(n) => Some(str_of(n).ok_or_else(|| {
            type_error(format!("newline must be str or None, not {}", type_name(n)))
        })?),
    };
    if let Some(n) = &newline {
        if !matches!(&**n, "" | "\n" | "\r" | "\r\n") {
            return Err(value_error(format!(
                "illegal newline value: {}",
                str_repr(n)
            )));
        }
    }
    let initial = match &v[0] {
        None | Some(Value::None) => None,
        Some(x) => Some(str_of(x).ok_or_else(|| {
            type_error(format!(
                "initial_value must be str or None, not {}",
                type_name(x)
            ))
        })?),
    };
    let mut i = Inner {
        ok: true,
        ..Inner::default()
    };
    i.readuniversal = newline.as_deref().is_none_or(|n| n.is_empty());
    i.readtranslate = newline.is_none();
    if let Some(n) = newline.as_deref().filter(|n| !n.is_empty()) {
        i.readnl = Some(n.chars().collect());
    }
    if newline.as_deref().is_some_and(|n| n.starts_with('\r')) {
        i.writenl = i.readnl.clone();
    }
    if i.readuniversal {
        i.decoder = Some(NlDecoder::new(i.readtranslate));
    }
    if let Some(text) = initial.filter(|t| !t.is_empty()) {
        write_str(&mut i, &text);
        i.pos = 0;
    }
    *s.0.borrow_mut() = i;
    Ok(Value::None)
}

/// `write_str`: through the newline decoder, then `\n` replaced by the
/// write newline, written at the position (the gap padded with NULs).
fn write_str(i: &mut Inner, text: &str) {
    let mut chars: Vec<char> = match &mut i.decoder {
        Some(d) => d.decode(text.to_string(), true).chars().collect(),
        None => text.chars().collect(),
    };
    if let Some(nl) = &i.writenl {
        let mut out = Vec::with_capacity(chars.len());
        for c in chars {
            if c == '\n' {
                out.extend_from_slice(nl);
            } else {
                out.push(c);
            }
        }
        chars = out;
    }
    if chars.is_empty() {
        return;
    }
    let end = i.pos + chars.len();
    if i.pos > i.buf.len() {
        let pos = i.pos;
        i.buf.resize(pos, '\0');
    }
    if end > i.buf.len() {
        i.buf.resize(end, '\0');
    }
    let pos = i.pos;
    i.buf[pos..end].copy_from_slice(&chars);
    i.pos = end;
}

fn stringio_write(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = checked(&a)?;
    let Some(text) = str_of(&a.positional[1]) else {
        return Err(type_error(format!(
            "string argument expected, got '{}'",
            type_name(&a.positional[1])
        )));
    };
    write_str(&mut s.0.borrow_mut(), &text);
    Ok(Value::Int(text.chars().count() as i64))
}

fn size_param(vm: &mut Vm, a: &Args, name: &str) -> PyResult<i64> {
    if a.positional.len() > 2 {
        return Err(type_error(format!(
            "{name} expected at most 1 argument, got {}",
            a.positional.len() - 1
        )));
    }
    optional_size(vm, a.positional.get(1))
}

fn stringio_read(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let size = size_param(vm, &a, "read")?;
    let s = checked(&a)?;
    let mut i = s.0.borrow_mut();
    let avail = i.buf.len().saturating_sub(i.pos);
    let n = if size < 0 || size as usize > avail {
        avail
    } else {
        size as usize
    };
    if n == 0 {
        return Ok(Value::str(""));
    }
    let text: String = i.buf[i.pos..i.pos + n].iter().collect();
    i.pos += n;
    Ok(Value::str(&text))
}

/// `_stringio_readline`.
fn readline(i: &mut Inner, limit: i64) -> String {
    if i.pos >= i.buf.len() {
        return String::new();
    }
    let rest = &i.buf[i.pos..];
    let mut len =
        match find_line_ending(i.readtranslate, i.readuniversal, i.readnl.as_deref(), rest) {
            Ok(end) => end,
            Err(_) => rest.len(),
        };
    if limit >= 0 && len as i64 > limit {
        len = limit as usize;
    }
    let line: String = rest[..len].iter().collect();
    i.pos += len;
    line
}

fn stringio_readline(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let size = size_param(vm, &a, "readline")?;
    let s = checked(&a)?;
    let line = readline(&mut s.0.borrow_mut(), size);
    Ok(Value::str(&line))
}

fn stringio_next(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = receiver(&a);
    let s = checked(&a)?;
    let line = if exact(&me, &types().stringio) {
        Value::str(&readline(&mut s.0.borrow_mut(), -1))
    } else {
        let line = call_method(vm, &me, "readline", vec![])?;
        if str_of(&line).is_none() {
            return Err(os_error_msg(format!(
                "readline() should have returned a str object, not '{}'",
                type_name(&line)
            )));
        }
        line
    };
    if str_of(&line).is_some_and(|l| l.is_empty()) {
        return Err(stop_iteration(None));
    }
    Ok(line)
}

fn stringio_seek(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = clinic_bind(
        "seek",
        &a.positional[1..],
        a.keywords,
        &["pos", "whence"],
        1,
        2,
    )?;
    let pos = index_arg(vm, v[0].as_ref().unwrap_or(&Value::Int(0)))?;
    let whence = match &v[1] {
        Some(w) => index_arg(vm, w)?,
        None => 0,
    };
    let s = checked(&a)?;
    if !(0..=2).contains(&whence) {
        return Err(value_error(format!(
            "Invalid whence ({whence}, should be 0, 1 or 2)"
        )));
    }
    if pos < 0 && whence == 0 {
        return Err(value_error(format!("Negative seek position {pos}")));
    }
    if whence != 0 && pos != 0 {
        return Err(os_error_msg("Can't do nonzero cur-relative seeks"));
    }
    let mut i = s.0.borrow_mut();
    i.pos = match whence {
        0 => pos as usize,
        1 => i.pos,
        _ => i.buf.len(),
    };
    Ok(Value::Int(i.pos as i64))
}

fn stringio_truncate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = checked(&a)?;
    let size = match a.positional.get(1).or(crate::builtins::kwarg(&a, "pos")) {
        None | Some(Value::None) => s.0.borrow().pos as i64,
        Some(v) => index_arg(vm, v)?,
    };
    if size < 0 {
        return Err(value_error(format!("Negative size value {size}")));
    }
    let mut i = s.0.borrow_mut();
    if (size as usize) < i.buf.len() {
        i.buf.truncate(size as usize);
    }
    Ok(Value::Int(size))
}

fn stringio_getstate(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = receiver(&a);
    let s = checked(&a)?;
    let i = s.0.borrow();
    let text: String = i.buf.iter().collect();
    let readnl = match (&i.readnl, i.readtranslate) {
        (Some(nl), _) => Value::str(&nl.iter().collect::<String>()),
        (None, true) => Value::None,
        (None, false) => Value::str(""),
    };
    let dict = match &me {
        Value::Instance(inst) if !inst.dict.borrow().is_empty() => {
            Value::Dict(Rc::new(RefCell::new(inst.dict.borrow().clone())))
        }
        _ => Value::None,
    };
    Ok(Value::tuple(vec![
        Value::str(&text),
        readnl,
        Value::Int(i.pos as i64),
        dict,
    ]))
}

fn stringio_setstate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = receiver(&a);
    let state = &a.positional[1];
    let items = match state {
        Value::Tuple(t) if t.len() >= 4 => t.clone(),
        _ => {
            return Err(type_error(format!(
                "{}.__setstate__ argument should be 4-tuple, got {}",
                protocol::type_name(&me),
                type_name(state)
            )))
        }
    };
    let init = crate::object::function::Args {
        positional: &[me.clone(), Value::None, items[1].clone()],
        keywords: &[],
    };
    stringio_init(vm, init)?;
    let s: &StringIO = this(&a)?;
    {
        let mut i = s.0.borrow_mut();
        let text = str_of(&items[0]).ok_or_else(|| type_error("initial value must be str"))?;
        i.buf = text.chars().collect();
        let pos = index_arg(vm, &items[2])?;
        if pos < 0 {
            return Err(value_error("position value cannot be negative"));
        }
        i.pos = pos as usize;
    }
    if let (Value::Dict(d), Value::Instance(inst)) = (&items[3], &me) {
        for e in d.borrow().iter() {
            if let Value::Str(k) = &e.key {
                protocol::plain_set_str(&mut inst.dict.borrow_mut(), k, e.value.clone());
            }
        }
    }
    Ok(Value::None)
}
