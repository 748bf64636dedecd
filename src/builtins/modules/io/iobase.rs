//! `_IOBase` and `_RawIOBase` (Modules/_io/iobase.c): the default methods
//! every stream inherits, written in terms of the stream's own `read`,
//! `readline`, `peek`, `write`, `flush`, `seek` and `closed`, looked up
//! on the object so a subclass (io.py's, or a user's) overrides them.
//! Objects of these classes may have no native state at all (a Python
//! subclass made by `object.__new__`): the closed flag lives in the
//! instance dict as `__IOBase_closed`, as in CPython.

use super::*;
use crate::object::exception::{not_implemented_error, stop_iteration, value_error};
use crate::object::function::{m, MethodDef};

use super::super::{getset, GetSet};

pub(super) const IOBASE: &[MethodDef] = &[
    m("seek", |_, _| Err(unsupported("seek"))),
    m("tell", iobase_tell),
    m("truncate", |_, _| Err(unsupported("truncate"))),
    m("flush", iobase_flush),
    m("close", iobase_close),
    m("seekable", |_, _| Ok(Value::Bool(false))),
    m("readable", |_, _| Ok(Value::Bool(false))),
    m("writable", |_, _| Ok(Value::Bool(false))),
    m("_checkClosed", |vm, a| {
        check_closed(vm, &receiver(&a))?;
        Ok(Value::None)
    }),
    m("_checkSeekable", |vm, a| {
        check_able(vm, &receiver(&a), "seekable")
    }),
    m("_checkReadable", |vm, a| {
        check_able(vm, &receiver(&a), "readable")
    }),
    m("_checkWritable", |vm, a| {
        check_able(vm, &receiver(&a), "writable")
    }),
    m("fileno", |_, _| Err(unsupported("fileno"))),
    m("isatty", |vm, a| {
        check_closed(vm, &receiver(&a))?;
        Ok(Value::Bool(false))
    }),
    m("__enter__", |vm, a| {
        let me = receiver(&a);
        check_closed(vm, &me)?;
        Ok(me)
    }),
    m("__exit__", |vm, a| {
        call_method(vm, &receiver(&a), "close", vec![])
    }),
    m("__iter__", |vm, a| {
        let me = receiver(&a);
        check_closed(vm, &me)?;
        Ok(me)
    }),
    m("__next__", iobase_next),
    m("readline", iobase_readline),
    m("readlines", iobase_readlines),
    m("writelines", iobase_writelines).o(),
    m("__del__", iobase_del),
];

pub(super) const IOBASE_GETSETS: &[GetSet] = &[getset("closed", |_, a| {
    Ok(Value::Bool(iobase_is_closed(&receiver(&a))))
})];

pub(super) const RAWIOBASE: &[MethodDef] = &[
    m("read", rawiobase_read),
    m("readall", rawiobase_readall),
    m("readinto", |_, _| Err(not_implemented_error(""))),
    m("write", |_, _| Err(not_implemented_error(""))),
];

/// `iobase_check_closed`: the object's `closed` attribute, as the object
/// answers it.
pub(super) fn check_closed(vm: &mut Vm, me: &Value) -> PyResult<()> {
    if let Some(closed) = lookup_attr(vm, me, "closed")? {
        if protocol::truthy(vm, &closed)? {
            return Err(closed_error());
        }
    }
    Ok(())
}

/// `_PyIOBase_check_seekable` and friends: `self.<what>()` must be True.
pub(super) fn check_able(vm: &mut Vm, me: &Value, what: &str) -> PyResult<Value> {
    let r = call_method(vm, me, what, vec![])?;
    if !matches!(r, Value::Bool(true)) {
        return Err(unsupported(match what {
            "seekable" => "File or stream is not seekable.",
            "readable" => "File or stream is not readable.",
            _ => "File or stream is not writable.",
        }));
    }
    Ok(r)
}

fn iobase_tell(vm: &mut Vm, a: Args) -> PyResult<Value> {
    call_method(
        vm,
        &receiver(&a),
        "seek",
        vec![Value::Int(0), Value::Int(1)],
    )
}

fn iobase_flush(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    if iobase_is_closed(&receiver(&a)) {
        return Err(closed_error());
    }
    Ok(Value::None)
}

fn iobase_close(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = receiver(&a);
    if iobase_is_closed(&me) {
        return Ok(Value::None);
    }
    let r = call_method(vm, &me, "flush", vec![]);
    set_iobase_closed(&me);
    r.map(|_| Value::None)
}

/// `iobase_finalize`: an object going away is closed first (errors are
/// ignored, as CPython's unraisable hook would only report them).
fn iobase_del(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = receiver(&a);
    let closed = match lookup_attr(vm, &me, "closed") {
        Ok(Some(c)) => protocol::truthy(vm, &c).unwrap_or(true),
        _ => true,
    };
    if !closed {
        let _ = call_method(vm, &me, "close", vec![]);
    }
    Ok(Value::None)
}

fn iobase_next(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let line = call_method(vm, &receiver(&a), "readline", vec![])?;
    if protocol::len(vm, &line)? == 0 {
        return Err(stop_iteration(None));
    }
    Ok(line)
}

fn iobase_readline(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = receiver(&a);
    let limit = optional_size(vm, a.positional.get(1).or(kwarg(&a, "size")))?;
    let peek = lookup_attr(vm, &me, "peek")?;
    let mut buffer: Vec<u8> = Vec::new();
    while limit < 0 || (buffer.len() as i64) < limit {
        let mut nreadahead = 1usize;
        if let Some(peek) = &peek {
            let ahead = vm.call(peek, vec![Value::Int(1)])?;
            let Some(ahead) = bytes_of(&ahead).filter(|_| matches!(ahead, Value::Bytes(_))) else {
                return Err(PyErr::new(
                    &builtin_types().os_error,
                    format!(
                        "peek() should have returned a bytes object, not '{}'",
                        type_name(&ahead)
                    ),
                ));
            };
            if !ahead.is_empty() {
                let room = if limit >= 0 {
                    (limit as usize - buffer.len()).min(ahead.len())
                } else {
                    ahead.len()
                };
                let mut n = 0;
                while n < room {
                    n += 1;
                    if ahead[n - 1] == b'\n' {
                        break;
                    }
                }
                nreadahead = n.max(1);
            }
        }
        let b = call_method(vm, &me, "read", vec![Value::Int(nreadahead as i64)])?;
        let Some(b) = bytes_of(&b).filter(|_| matches!(b, Value::Bytes(_))) else {
            return Err(PyErr::new(
                &builtin_types().os_error,
                format!(
                    "read() should have returned a bytes object, not '{}'",
                    type_name(&b)
                ),
            ));
        };
        if b.is_empty() {
            break;
        }
        buffer.extend_from_slice(&b);
        if buffer.last() == Some(&b'\n') {
            break;
        }
    }
    Ok(bytes_value(buffer))
}

fn kwarg<'a>(a: &'a Args, name: &str) -> Option<&'a Value> {
    crate::builtins::kwarg(a, name)
}

/// `_io__IOBase_readlines_impl`: every line, or lines until their total
/// length passes `hint`.
pub(super) fn iobase_readlines(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = receiver(&a);
    let hint = optional_size(vm, a.positional.get(1).or(kwarg(&a, "hint")))?;
    let it = protocol::iter(vm, &me)?;
    let mut lines = Vec::new();
    let mut length = 0usize;
    while let Some(line) = protocol::next(vm, &it)? {
        if hint > 0 {
            length += protocol::len(vm, &line)?;
        }
        lines.push(line);
        if hint > 0 && length as i64 >= hint {
            break;
        }
    }
    Ok(Value::list(lines))
}

fn iobase_writelines(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = receiver(&a);
    check_closed(vm, &me)?;
    let it = protocol::iter(vm, &a.positional[1])?;
    while let Some(line) = protocol::next(vm, &it)? {
        call_method(vm, &me, "write", vec![line])?;
    }
    Ok(Value::None)
}

fn rawiobase_read(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = receiver(&a);
    let n = optional_size(vm, a.positional.get(1).or(kwarg(&a, "size")))?;
    if n < 0 {
        return call_method(vm, &me, "readall", vec![]);
    }
    let n = n as usize;
    let b = Rc::new(RefCell::new(alloc_zeroed(n)?));
    let r = call_method(vm, &me, "readinto", vec![Value::ByteArray(b.clone())])?;
    if matches!(r, Value::None) {
        return Ok(Value::None);
    }
    let got = protocol::number::as_ssize(vm, &r, value_error)?;
    if got < 0 || got as usize > n {
        return Err(value_error(format!(
            "readinto returned {got} outside buffer size {n}"
        )));
    }
    let data = b.borrow()[..got as usize].to_vec();
    Ok(bytes_value(data))
}

fn rawiobase_readall(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = receiver(&a);
    let mut all = Vec::new();
    let mut any = false;
    loop {
        let data = call_method(
            vm,
            &me,
            "read",
            vec![Value::Int(DEFAULT_BUFFER_SIZE as i64)],
        )?;
        if matches!(data, Value::None) {
            if !any {
                return Ok(Value::None);
            }
            break;
        }
        let Some(d) = bytes_of(&data).filter(|_| matches!(data, Value::Bytes(_))) else {
            return Err(type_error("read() should return bytes"));
        };
        if d.is_empty() {
            break;
        }
        any = true;
        all.extend_from_slice(&d);
    }
    Ok(bytes_value(all))
}

/// MemoryError when `n` bytes could not be allocated (tried, then freed
/// untouched: only address space is reserved).
pub(super) fn check_alloc(n: usize) -> PyResult<()> {
    let mut v: Vec<u8> = Vec::new();
    if n > isize::MAX as usize / 2 || v.try_reserve_exact(n).is_err() {
        return Err(PyErr::with_args(&builtin_types().memory_error, vec![]));
    }
    Ok(())
}

/// A zeroed buffer of `n` bytes, or MemoryError when it cannot be had.
pub(super) fn alloc_zeroed(n: usize) -> PyResult<Vec<u8>> {
    check_alloc(n)?;
    Ok(vec![0; n])
}
