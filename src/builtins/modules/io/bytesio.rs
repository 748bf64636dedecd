//! `BytesIO` (Modules/_io/bytesio.c): an in-memory binary stream.
//! `getbuffer()` gives a memoryview of a copy (py2vm's memoryview cannot
//! export a live view of the object's buffer yet).

use std::cell::RefCell;

use super::super::{clinic_bind, getset, native_instance, GetSet};
use super::*;
use crate::object::exception::{stop_iteration, value_error};
use crate::object::function::{m, MethodDef};

#[derive(Default)]
struct Inner {
    buf: Vec<u8>,
    pos: usize,
    closed: bool,
}

struct BytesIO(RefCell<Inner>);

pub(super) const BYTESIO: &[MethodDef] = &[
    m("__new__", bytesio_new),
    m("__init__", bytesio_init),
    m("getvalue", |_, a| {
        let s = checked(&a)?;
        Ok(bytes_value(s.0.borrow().buf.clone()))
    }),
    m("getbuffer", |_, a| {
        let s = checked(&a)?;
        let copy = Value::ByteArray(Rc::new(RefCell::new(s.0.borrow().buf.clone())));
        Ok(protocol::new_instance_with_payload(
            &builtin_types().memoryview,
            copy,
        ))
    }),
    m("read", bytesio_read),
    m("read1", bytesio_read),
    m("readinto", bytesio_readinto).o(),
    m("readline", bytesio_readline),
    m("readlines", bytesio_readlines),
    m("write", bytesio_write).o(),
    m("writelines", bytesio_writelines).o(),
    m("tell", |_, a| {
        Ok(Value::Int(checked(&a)?.0.borrow().pos as i64))
    }),
    m("seek", bytesio_seek).at_least(1),
    m("truncate", bytesio_truncate),
    m("close", |_, a| {
        let s: &BytesIO = this(&a)?;
        let mut i = s.0.borrow_mut();
        i.closed = true;
        i.buf = Vec::new();
        Ok(Value::None)
    }),
    m("flush", |_, a| checked(&a).map(|_| Value::None)),
    m("isatty", |_, a| checked(&a).map(|_| Value::Bool(false))),
    m("readable", |_, a| checked(&a).map(|_| Value::Bool(true))),
    m("writable", |_, a| checked(&a).map(|_| Value::Bool(true))),
    m("seekable", |_, a| checked(&a).map(|_| Value::Bool(true))),
    m("__iter__", |_, a| Ok(receiver(&a))),
    m("__next__", bytesio_next),
    m("__getstate__", bytesio_getstate),
    m("__setstate__", bytesio_setstate).o(),
];

pub(super) const BYTESIO_GETSETS: &[GetSet] = &[getset("closed", |_, a| {
    let s: &BytesIO = this(&a)?;
    Ok(Value::Bool(s.0.borrow().closed))
})];

/// The state of an open BytesIO (`CHECK_CLOSED`).
fn checked<'a>(a: &Args<'a>) -> PyResult<&'a BytesIO> {
    let s: &BytesIO = this(a)?;
    if s.0.borrow().closed {
        return Err(closed_error());
    }
    Ok(s)
}

fn bytesio_new(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let cls = class_arg(&a)?;
    Ok(native_instance(
        &cls,
        BytesIO(RefCell::new(Inner::default())),
    ))
}

fn bytesio_init(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s: &BytesIO = this(&a)?;
    let v = clinic_bind(
        "BytesIO",
        &a.positional[1..],
        a.keywords,
        &["initial_bytes"],
        0,
        1,
    )?;
    let buf = match &v[0] {
        None | Some(Value::None) => Vec::new(),
        Some(b) => need_bytes(b)?,
    };
    *s.0.borrow_mut() = Inner {
        buf,
        pos: 0,
        closed: false,
    };
    Ok(Value::None)
}

fn size_arg(vm: &mut Vm, a: &Args) -> PyResult<i64> {
    optional_size(vm, a.positional.get(1))
}

/// `read_bytes`: up to `size` bytes from the position (all with -1).
fn read_bytes(i: &mut Inner, size: i64) -> Vec<u8> {
    let avail = i.buf.len().saturating_sub(i.pos);
    let n = if size < 0 || size as usize > avail {
        avail
    } else {
        size as usize
    };
    let out = i.buf[i.pos.min(i.buf.len())..][..n].to_vec();
    i.pos += n;
    out
}

fn bytesio_read(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let size = size_arg(vm, &a)?;
    let s = checked(&a)?;
    let data = read_bytes(&mut s.0.borrow_mut(), size);
    Ok(bytes_value(data))
}

fn bytesio_readinto(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = checked(&a)?;
    let target = writable_buffer(&a.positional[1], "readinto")?;
    let mut t = target.borrow_mut();
    let data = read_bytes(&mut s.0.borrow_mut(), t.len() as i64);
    t[..data.len()].copy_from_slice(&data);
    Ok(Value::Int(data.len() as i64))
}

/// `scan_eol`: the length of the next line, at most `limit` bytes.
fn line_len(i: &Inner, limit: i64) -> usize {
    let rest = &i.buf[i.pos.min(i.buf.len())..];
    let mut n = match rest.iter().position(|&b| b == b'\n') {
        Some(at) => at + 1,
        None => rest.len(),
    };
    if limit >= 0 && n as i64 > limit {
        n = limit as usize;
    }
    n
}

fn bytesio_readline(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let size = size_arg(vm, &a)?;
    let s = checked(&a)?;
    let mut i = s.0.borrow_mut();
    let n = line_len(&i, size);
    let data = read_bytes(&mut i, n as i64);
    Ok(bytes_value(data))
}

fn bytesio_readlines(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let hint = size_arg(vm, &a)?;
    let s = checked(&a)?;
    let mut i = s.0.borrow_mut();
    let mut lines = Vec::new();
    let mut total = 0usize;
    loop {
        let n = line_len(&i, -1);
        if n == 0 {
            break;
        }
        lines.push(bytes_value(read_bytes(&mut i, n as i64)));
        total += n;
        if hint > 0 && total as i64 >= hint {
            break;
        }
    }
    Ok(Value::list(lines))
}

fn write_bytes(i: &mut Inner, data: &[u8]) {
    if data.is_empty() {
        return;
    }
    let end = i.pos + data.len();
    if end > i.buf.len() {
        i.buf.resize(end, 0);
    }
    let pos = i.pos;
    i.buf[pos..end].copy_from_slice(data);
    i.pos = end;
}

fn bytesio_write(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = checked(&a)?;
    let data = need_bytes(&a.positional[1])?;
    write_bytes(&mut s.0.borrow_mut(), &data);
    Ok(Value::Int(data.len() as i64))
}

fn bytesio_writelines(vm: &mut Vm, a: Args) -> PyResult<Value> {
    checked(&a)?;
    let it = protocol::iter(vm, &a.positional[1])?;
    while let Some(line) = protocol::next(vm, &it)? {
        let s = checked(&a)?;
        let data = need_bytes(&line)?;
        write_bytes(&mut s.0.borrow_mut(), &data);
    }
    Ok(Value::None)
}

fn bytesio_seek(vm: &mut Vm, a: Args) -> PyResult<Value> {
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
    if pos < 0 && whence == 0 {
        return Err(value_error(format!("negative seek value {pos}")));
    }
    let mut i = s.0.borrow_mut();
    let base = match whence {
        0 => 0,
        1 => i.pos as i64,
        2 => i.buf.len() as i64,
        _ => {
            return Err(value_error(format!(
                "invalid whence ({whence}, should be 0, 1 or 2)"
            )))
        }
    };
    i.pos = base.saturating_add(pos).max(0) as usize;
    Ok(Value::Int(i.pos as i64))
}

fn bytesio_truncate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = checked(&a)?;
    let size = match a.positional.get(1).or(crate::builtins::kwarg(&a, "size")) {
        None | Some(Value::None) => s.0.borrow().pos as i64,
        Some(v) => optional_size(vm, Some(v))?,
    };
    if size < 0 {
        return Err(value_error(format!("negative size value {size}")));
    }
    let mut i = s.0.borrow_mut();
    if (size as usize) < i.buf.len() {
        i.buf.truncate(size as usize);
    }
    Ok(Value::Int(size))
}

fn bytesio_next(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = checked(&a)?;
    let mut i = s.0.borrow_mut();
    let n = line_len(&i, -1);
    if n == 0 {
        return Err(stop_iteration(None));
    }
    Ok(bytes_value(read_bytes(&mut i, n as i64)))
}

fn bytesio_getstate(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = receiver(&a);
    let s = checked(&a)?;
    let i = s.0.borrow();
    let dict = match &me {
        Value::Instance(inst) if !inst.dict.borrow().is_empty() => {
            Value::Dict(Rc::new(RefCell::new(inst.dict.borrow().clone())))
        }
        _ => Value::None,
    };
    Ok(Value::tuple(vec![
        bytes_value(i.buf.clone()),
        Value::Int(i.pos as i64),
        dict,
    ]))
}

fn bytesio_setstate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = receiver(&a);
    let state = &a.positional[1];
    let items = match state {
        Value::Tuple(t) if t.len() >= 3 => t.clone(),
        _ => {
            return Err(type_error(format!(
                "{}.__setstate__ argument should be 3-tuple, got {}",
                type_name(&me),
                type_name(state)
            )))
        }
    };
    let s: &BytesIO = this(&a)?;
    let buf = need_bytes(&items[0])?;
    let pos = index_arg(vm, &items[1])?;
    if pos < 0 {
        return Err(value_error("position value cannot be negative"));
    }
    *s.0.borrow_mut() = Inner {
        buf,
        pos: pos as usize,
        closed: false,
    };
    if let (Value::Dict(d), Value::Instance(inst)) = (&items[2], &me) {
        for e in d.borrow().iter() {
            if let Value::Str(k) = &e.key {
                protocol::plain_set_str(&mut inst.dict.borrow_mut(), k, e.value.clone());
            }
        }
    }
    Ok(Value::None)
}
