//! Frame objects, as `sys._getframe()` and a generator's `gi_frame` give
//! them: instances of the type `frame` that name a frame of the VM's stack
//! by its id (`Frame::id`) rather than own it.
//!
//! `f_code`, `f_globals` and `f_builtins` never change. `f_lineno`,
//! `f_lasti`, `f_locals` and `f_back` are properties: while the frame is on
//! the stack they read it (its current line and instruction, a fresh copy of
//! a function's locals or the live namespace of a module or class body,
//! the caller's frame object, made once); once it has left the stack, what
//! was last read or recorded when the object was made (and `f_back` is None
//! unless it was read before). Frame objects are made on request, so two requests for
//! the same frame give two objects.

use std::rc::Rc;
use std::sync::Arc;

use super::frame::Frame;
use super::{protocol, Vm};
use crate::object::exception::type_error;
use crate::object::function::Args;
use crate::object::types::{Kind, Type};
use crate::object::value::Property;
use crate::object::{builtin_types, Dict, PyResult, Value};
use crate::pyc::CodeObject;

/// The key under which a frame object keeps the id of its frame.
const FRAME_ID: &str = "__frame_id__";

thread_local! {
    static FRAME_TYPE: Rc<Type> = {
        let t = Type::new("frame", Kind::User, vec![builtin_types().object.clone()]);
        let set = |name: &str, value: Value| protocol::dict_set_str_plain(&t, name, value);
        set(
            "__repr__",
            protocol::native_method("__repr__", frame_repr, &t),
        );
        for (name, get) in [
            ("f_back", f_back as crate::object::function::NativeFn),
            ("f_lasti", f_lasti),
            ("f_lineno", f_lineno),
            ("f_locals", f_locals),
        ] {
            let property = Property {
                fget: protocol::native(name, get, None),
                fset: Value::None,
                fdel: Value::None,
                doc: Value::None,
            };
            set(name, Value::Property(Rc::new(property)));
        }
        set("clear", protocol::native_method("clear", frame_clear, &t));
        // No `__dict__`, no other attributes.
        set("__slots__", Value::tuple(vec![]));
        set("__module__", Value::str("builtins"));
        t
    };
}

/// The type `frame`.
pub fn frame_type() -> Rc<Type> {
    FRAME_TYPE.with(Rc::clone)
}

/// The frame object for `vm.frames[index]`.
pub fn new(vm: &Vm, index: usize) -> Value {
    let frame = &vm.frames[index];
    let obj = snapshot(Some(frame), frame.code(), frame.line());
    if let Value::Instance(i) = &obj {
        let mut d = i.dict.borrow_mut();
        protocol::plain_set_str(&mut d, "f_globals", Value::Dict(frame.globals.clone()));
        protocol::plain_set_str(&mut d, "f_builtins", Value::Dict(vm.builtins.clone()));
    }
    obj
}

/// A frame object for `frame` (a generator's suspended frame, or one on
/// the stack), recording its state now; `line` is the line to report once
/// the frame has left the stack. Without a frame: a frame object of `code`
/// with no locals and no line.
pub fn snapshot(frame: Option<&Frame>, code: &Arc<CodeObject>, line: Option<i32>) -> Value {
    let obj = protocol::new_instance(&frame_type());
    if let Value::Instance(i) = &obj {
        let mut d = i.dict.borrow_mut();
        protocol::plain_set_str(&mut d, "f_code", Value::Code(code.clone()));
        let line = line.map_or(Value::None, |l| Value::Int(l as i64));
        protocol::plain_set_str(&mut d, "f_lineno", line);
        let (locals, lasti) = match frame {
            Some(f) => {
                protocol::plain_set_str(&mut d, FRAME_ID, Value::Int(f.id as i64));
                protocol::plain_set_str(&mut d, "f_globals", Value::Dict(f.globals.clone()));
                (locals(f), Value::Int(f.offset() as i64))
            }
            None => (protocol::new_dict(), Value::Int(-1)),
        };
        protocol::plain_set_str(&mut d, "f_locals", locals);
        protocol::plain_set_str(&mut d, "f_lasti", lasti);
    }
    obj
}

/// The locals of `frame` as `locals()` sees them: the namespace of a module
/// or class body, else a copy of the fast locals (cells read through).
pub fn locals(frame: &Frame) -> Value {
    if let Some(l) = &frame.locals {
        return Value::Dict(l.clone());
    }
    let locals = protocol::new_dict();
    if let Value::Dict(d) = &locals {
        for (i, name) in frame.code().localsplusnames.iter().enumerate() {
            let value = match &frame.fast[i] {
                Some(Value::Cell(c)) => c.borrow().clone(),
                other => other.clone(),
            };
            if let Some(value) = value {
                protocol::dict_set_str(d, name, value);
            }
        }
    }
    locals
}

/// The frame object a property was called on.
fn this(a: &Args) -> PyResult<Rc<crate::object::types::Instance>> {
    match a.positional.first() {
        Some(Value::Instance(i)) if Rc::ptr_eq(&i.class.borrow(), &frame_type()) => Ok(i.clone()),
        _ => Err(type_error("descriptor requires a 'frame' object")),
    }
}

fn recorded(d: &Dict, name: &str) -> Value {
    protocol::plain_get_str(d, name).unwrap_or(Value::None)
}

/// Where the frame of a frame object is on the stack, if it still is.
fn position(vm: &Vm, d: &Dict) -> Option<usize> {
    let Some(Value::Int(id)) = protocol::plain_get_str(d, FRAME_ID) else {
        return None;
    };
    vm.frames.iter().rposition(|f| f.id as i64 == id)
}

/// `name` of a frame object: read from its frame while that is on the
/// stack (and recorded, so that the last value read stays once the frame
/// has gone), else the recorded value.
fn live_or_recorded(vm: &Vm, a: &Args, name: &str, read: fn(&Frame) -> Value) -> PyResult<Value> {
    let i = this(a)?;
    let at = position(vm, &i.dict.borrow());
    Ok(match at {
        Some(at) => {
            let value = read(&vm.frames[at]);
            protocol::plain_set_str(&mut i.dict.borrow_mut(), name, value.clone());
            value
        }
        None => recorded(&i.dict.borrow(), name),
    })
}

/// `frame.clear()` (`frame_tp_clear`): an executing frame refuses; a
/// finished one drops its locals (the frame object names the frame, so
/// the values it recorded are what goes).
fn frame_clear(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let i = this(&a)?;
    if position(vm, &i.dict.borrow()).is_some() {
        return Err(crate::object::exception::runtime_error(
            "cannot clear an executing frame",
        ));
    }
    let mut d = i.dict.borrow_mut();
    if protocol::plain_get_str(&d, "f_locals").is_some() {
        protocol::plain_set_str(
            &mut d,
            "f_locals",
            Value::Dict(Rc::new(std::cell::RefCell::new(Dict::new()))),
        );
    }
    Ok(Value::None)
}

fn f_lineno(vm: &mut Vm, a: Args) -> PyResult<Value> {
    live_or_recorded(vm, &a, "f_lineno", |f| {
        f.line().map_or(Value::None, |l| Value::Int(l as i64))
    })
}

fn f_lasti(vm: &mut Vm, a: Args) -> PyResult<Value> {
    live_or_recorded(vm, &a, "f_lasti", |f| Value::Int(f.offset() as i64))
}

fn f_locals(vm: &mut Vm, a: Args) -> PyResult<Value> {
    live_or_recorded(vm, &a, "f_locals", locals)
}

/// The caller's frame object, made on first use and kept.
fn f_back(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let i = this(&a)?;
    if let Some(back) = protocol::plain_get_str(&i.dict.borrow(), "f_back") {
        return Ok(back);
    }
    let at = position(vm, &i.dict.borrow());
    let back = match at {
        Some(at) if at > 0 => new(vm, at - 1),
        Some(_) => Value::None,
        None => return Ok(Value::None),
    };
    protocol::plain_set_str(&mut i.dict.borrow_mut(), "f_back", back.clone());
    Ok(back)
}

/// `<frame at 0x..., file 'x.py', line 3, code f>`, as frame_repr does.
fn frame_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let i = this(&a)?;
    let line = match f_lineno(
        vm,
        Args {
            positional: a.positional,
            keywords: &[],
        },
    )? {
        Value::Int(l) => l,
        _ => 0,
    };
    let (file, name) = match protocol::plain_get_str(&i.dict.borrow(), "f_code") {
        Some(Value::Code(c)) => (c.filename.to_string(), c.name.to_string()),
        _ => (String::new(), String::new()),
    };
    let file = crate::object::repr::repr_str(file.chars().map(|c| c as u32));
    Ok(Value::str(&format!(
        "<frame at {:#x}, file {file}, line {line}, code {name}>",
        a.positional[0].id()
    )))
}

/// `exc.__traceback__`: a chain of `traceback` objects, outermost first, one
/// per entry of the exception's traceback (`tb_frame`, `tb_lineno`,
/// `tb_lasti`, `tb_next`). Each frame is a frame object of the code the
/// exception passed through, with the locals it kept and its globals, as
/// they were when the frame left. Made on each request, so two requests
/// give two equal chains rather than one object.
pub fn traceback_chain(vm: &Vm, entries: &[crate::object::exception::TracebackEntry]) -> Value {
    let mut next = Value::None;
    for entry in entries.iter().rev() {
        let line = entry.code.decoded.location_at(entry.offset).line;
        let frame = snapshot(None, &entry.code, line);
        if let Value::Instance(i) = &frame {
            let mut d = i.dict.borrow_mut();
            // A module whose import failed has dropped its globals (they
            // are weak here): its frames show an empty namespace, which
            // traceback.py's `linecache.lazycache(filename, f_globals)` takes.
            let globals = entry
                .globals
                .upgrade()
                .map_or_else(protocol::new_dict, Value::Dict);
            protocol::plain_set_str(&mut d, "f_globals", globals);
            protocol::plain_set_str(&mut d, "f_builtins", Value::Dict(vm.builtins.clone()));
            protocol::plain_set_str(&mut d, "f_lasti", Value::Int(entry.offset as i64));
            if let Some(locals) = &entry.locals {
                let dict = protocol::new_dict();
                if let Value::Dict(l) = &dict {
                    for (name, value) in entry.code.localsplusnames.iter().zip(locals.iter()) {
                        let value = match value {
                            Some(Value::Cell(c)) => c.borrow().clone(),
                            other => other.clone(),
                        };
                        if let Some(value) = value {
                            protocol::dict_set_str(l, name, value);
                        }
                    }
                }
                protocol::plain_set_str(&mut d, "f_locals", dict);
            }
        }
        let tb = protocol::new_instance(&builtin_types().traceback);
        if let Value::Instance(i) = &tb {
            let mut d = i.dict.borrow_mut();
            protocol::plain_set_str(&mut d, "tb_frame", frame);
            protocol::plain_set_str(
                &mut d,
                "tb_lineno",
                line.map_or(Value::None, |l| Value::Int(l as i64)),
            );
            protocol::plain_set_str(&mut d, "tb_lasti", Value::Int(entry.offset as i64));
            protocol::plain_set_str(&mut d, "tb_next", next);
        }
        next = tb;
    }
    next
}
