//! Text: `repr()` of every value, `format()` with the format-spec
//! mini-language, f-string FORMAT_VALUE, and `%`-formatting.

use crate::object::exception::type_error;
use crate::object::repr::{repr_bytes, repr_complex, repr_float, repr_str};
use crate::object::{Kind, PyResult, Value};
use crate::vm::protocol::{self, call_dunder, type_name};
use crate::vm::Vm;

use super::arith::big;
use super::format_spec;

thread_local! {
    /// Containers whose repr is being built (CPython's `Py_ReprEnter`), so a
    /// list that contains itself prints as `[...]` instead of recursing.
    static REPR_ACTIVE: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(p) = protocol::builtin_payload(v, "__repr__") {
        match &p {
            // bytearray_repr and memory_repr name the object's own type.
            Value::ByteArray(b) if protocol::type_of(v).kind != Kind::MemoryView => {
                return Ok(format!("{}({})", type_name(v), repr_bytes(&b.borrow())));
            }
            _ if protocol::type_of(v).kind == Kind::MemoryView => {
                return Ok(format!("<memory at {:#x}>", v.id()));
            }
            _ => return repr(vm, &p),
        }
    }
    let guarded = matches!(v, Value::List(_) | Value::Dict(_) | Value::Set(_));
    if guarded {
        let id = v.id();
        if REPR_ACTIVE.with(|a| a.borrow().contains(&id)) {
            return Ok(match v {
                Value::List(_) => "[...]".into(),
                Value::Dict(_) => "{...}".into(),
                _ => "set(...)".into(),
            });
        }
        REPR_ACTIVE.with(|a| a.borrow_mut().push(id));
        let r = repr_inner(vm, v);
        REPR_ACTIVE.with(|a| a.borrow_mut().retain(|&x| x != id));
        return r;
    }
    repr_inner(vm, v)
}

/// `f` builds `v`'s repr unless that is already under way further up, which
/// gives `recursive` instead (`Py_ReprEnter`/`Py_ReprLeave`, for native
/// containers such as `deque`).
pub fn repr_guarded(
    vm: &mut Vm,
    v: &Value,
    recursive: &str,
    f: impl FnOnce(&mut Vm) -> PyResult<String>,
) -> PyResult<String> {
    let id = v.id();
    if REPR_ACTIVE.with(|a| a.borrow().contains(&id)) {
        return Ok(recursive.into());
    }
    REPR_ACTIVE.with(|a| a.borrow_mut().push(id));
    let r = f(vm);
    REPR_ACTIVE.with(|a| a.borrow_mut().retain(|&x| x != id));
    r
}

fn repr_inner(vm: &mut Vm, v: &Value) -> PyResult<String> {
    Ok(match v {
        Value::Null => "<NULL>".into(),
        Value::None => "None".into(),
        Value::NotImplemented => "NotImplemented".into(),
        Value::Ellipsis => "Ellipsis".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::BigInt(b) => b.to_string(),
        Value::Float(f) => repr_float(*f),
        Value::Complex(re, im) => repr_complex(*re, *im),
        Value::Str(s) => repr_str(s.chars().map(|c| c as u32)),
        Value::Bytes(b) => repr_bytes(b),
        Value::ByteArray(b) => format!("bytearray({})", repr_bytes(&b.borrow())),
        Value::Tuple(t) => {
            let parts = reprs(vm, t)?;
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Value::List(l) => {
            let items = l.borrow().clone();
            format!("[{}]", reprs(vm, &items)?.join(", "))
        }
        Value::Dict(d) => {
            let items = d.borrow().items();
            let mut parts = Vec::with_capacity(items.len());
            for (k, val) in items {
                parts.push(format!("{}: {}", repr(vm, &k)?, repr(vm, &val)?));
            }
            format!("{{{}}}", parts.join(", "))
        }
        Value::Set(d) => {
            let keys = d.borrow().set_order_keys();
            if keys.is_empty() {
                "set()".into()
            } else {
                format!("{{{}}}", reprs(vm, &keys)?.join(", "))
            }
        }
        Value::FrozenSet(d) => {
            let keys = d.set_order_keys();
            if keys.is_empty() {
                "frozenset()".into()
            } else {
                format!("frozenset({{{}}})", reprs(vm, &keys)?.join(", "))
            }
        }
        Value::Range(r) => {
            let (start, stop, step) = r.bounds();
            if step == 1.into() {
                format!("range({start}, {stop})")
            } else {
                format!("range({start}, {stop}, {step})")
            }
        }
        Value::Slice(s) => format!(
            "slice({}, {}, {})",
            repr(vm, &s[0])?,
            repr(vm, &s[1])?,
            repr(vm, &s[2])?
        ),
        Value::Function(f) => format!("<function {} at {:#x}>", f.qualname.borrow(), v.id()),
        Value::BoundMethod(m) => {
            let name = protocol::getattr(vm, &m.function, "__qualname__").ok();
            let name = name
                .map(|n| protocol::str_of(vm, &n))
                .transpose()?
                .unwrap_or_default();
            format!("<bound method {name} of {}>", repr(vm, &m.receiver)?)
        }
        Value::Builtin(b) => {
            let slot = protocol::is_slot_name(b.name);
            match (&b.receiver, &b.owner) {
                (Some(r), Some(_)) if slot => format!(
                    "<method-wrapper '{}' of {} object at {:#x}>",
                    b.name,
                    type_name(r),
                    r.id()
                ),
                (Some(r), _) => format!(
                    "<built-in method {} of {} object at {:#x}>",
                    b.name,
                    type_name(r),
                    r.id()
                ),
                (None, Some(owner)) if slot => {
                    format!(
                        "<slot wrapper '{}' of '{}' objects>",
                        b.name,
                        crate::object::native::display_name(owner)
                    )
                }
                (None, Some(owner)) => format!(
                    "<method '{}' of '{}' objects>",
                    b.name,
                    crate::object::native::display_name(owner)
                ),
                (None, None) => format!("<built-in function {}>", b.name),
            }
        }
        Value::Type(t) => {
            // A metaclass's __repr__.
            if let Some(r) = call_dunder(vm, v, "__repr__", vec![])? {
                return match r {
                    Value::Str(s) => Ok(s.to_string()),
                    other => Err(type_error(format!(
                        "__repr__ returned non-string (type {})",
                        type_name(&other)
                    ))),
                };
            }
            type_repr(vm, t)?
        }
        Value::Instance(_) => match call_dunder(vm, v, "__repr__", vec![])? {
            Some(Value::Str(s)) => s.to_string(),
            Some(other) => {
                return Err(type_error(format!(
                    "__repr__ returned non-string (type {})",
                    type_name(&other)
                )))
            }
            None => {
                let t = protocol::type_of(v);
                let module = protocol::lookup(&t, "__module__")
                    .map(|m| protocol::str_of(vm, &m))
                    .transpose()?;
                format!(
                    "<{}.{} object at {:#x}>",
                    module.unwrap_or_default(),
                    t.qualname.borrow(),
                    v.id()
                )
            }
        },
        Value::Exception(e) => {
            if let Some(r) = call_dunder(vm, v, "__repr__", vec![])? {
                return protocol::str_arg(&r);
            }
            let args = e.args.borrow().clone();
            let parts = reprs(vm, &args)?;
            if parts.len() == 1 {
                format!("{}({})", e.class.name, parts[0])
            } else {
                format!("{}({})", e.class.name, parts.join(", "))
            }
        }
        Value::Iterator(_) => format!("<iterator object at {:#x}>", v.id()),
        Value::Generator(g) => format!(
            "<{} object {} at {:#x}>",
            g.kind.type_name(),
            g.qualname.borrow(),
            v.id()
        ),
        Value::GenAwaitable(a) => format!("<{} object at {:#x}>", a.type_name(), v.id()),
        Value::DictView(view) => {
            let name = match view.1 {
                crate::object::iter::DictView::Keys => "dict_keys",
                crate::object::iter::DictView::Values => "dict_values",
                crate::object::iter::DictView::Items => "dict_items",
            };
            let items = protocol::collect(vm, v)?;
            let inner = repr(vm, &Value::list(items))?;
            format!("{name}({inner})")
        }
        Value::AsyncGenWrapped(_) => {
            format!("<async_generator_wrapped_value object at {:#x}>", v.id())
        }
        Value::Native(_) => format!("<native state at {:#x}>", v.id()),
        Value::Cell(_) => format!("<cell at {:#x}>", v.id()),
        Value::Code(c) => c.repr(),
        // module_repr: `from FILE` for a module loaded from a file.
        Value::Module(m) => match protocol::dict_get_str(&m.dict, "__file__") {
            Some(Value::Str(file)) => format!("<module '{}' from '{file}'>", m.name),
            _ => format!("<module '{}'>", m.name),
        },
        Value::StaticMethod(_) => format!("<staticmethod object at {:#x}>", v.id()),
        Value::ClassMethod(f) => match &**f {
            Value::Builtin(b) if b.owner.is_some() => format!(
                "<method '{}' of '{}' objects>",
                b.name,
                b.owner
                    .as_ref()
                    .map_or("?".into(), |o| crate::object::native::display_name(o))
            ),
            _ => format!("<classmethod object at {:#x}>", v.id()),
        },
        Value::Property(_) => format!("<property object at {:#x}>", v.id()),
        Value::Super(s) => format!(
            "<super: <class '{}'>, <{} object>>",
            s.0.name,
            type_name(&s.1)
        ),
    })
}

fn reprs(vm: &mut Vm, items: &[Value]) -> PyResult<Vec<String>> {
    items.iter().map(|x| repr(vm, x)).collect()
}

/// FORMAT_VALUE: conversion (0 none, 1 str, 2 repr, 3 ascii) then format spec.
pub fn format_value(
    vm: &mut Vm,
    v: Value,
    conversion: usize,
    spec: Option<Value>,
) -> PyResult<Value> {
    let v = match conversion {
        1 => Value::str(&protocol::str_of(vm, &v)?),
        2 => Value::str(&repr(vm, &v)?),
        3 => Value::str(&ascii(&repr(vm, &v)?)),
        _ => v,
    };
    let spec = match spec {
        Some(Value::Str(s)) => s.to_string(),
        _ => String::new(),
    };
    if spec.is_empty() {
        if let Value::Str(_) = v {
            return Ok(v);
        }
    }
    Ok(Value::str(&format(vm, &v, &spec)?))
}

/// `ascii()`: the repr with non-ASCII characters escaped.
pub fn ascii(repr: &str) -> String {
    let mut out = String::new();
    for c in repr.chars() {
        let cp = c as u32;
        match cp {
            0..=0x7f => out.push(c),
            0x80..=0xff => out.push_str(&format!("\\x{cp:02x}")),
            0x100..=0xffff => out.push_str(&format!("\\u{cp:04x}")),
            _ => out.push_str(&format!("\\U{cp:08x}")),
        }
    }
    out
}

/// `format(v, spec)`: a user `__format__`, else the builtin type's
/// (formatter_unicode.c), else `object.__format__` (only an empty spec).
pub fn format(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    if let Some(r) = call_dunder(vm, v, "__format__", vec![Value::str(spec)])? {
        return match r {
            Value::Str(s) => Ok(s.to_string()),
            other => Err(type_error(format!(
                "__format__ must return a str, not {}",
                type_name(&other)
            ))),
        };
    }
    let name = type_name(v);
    let plain = protocol::builtin_payload(v, "__format__");
    match plain.as_ref().unwrap_or(v) {
        n @ (Value::Bool(_) | Value::Int(_) | Value::BigInt(_)) => {
            let str_form = if spec.is_empty() {
                protocol::str_of(vm, v)?
            } else {
                String::new()
            };
            format_spec::format_int(&big(n).unwrap_or_default(), spec, &name, &str_form)
        }
        Value::Float(f) if !spec.is_empty() => format_spec::format_float(*f, spec, &name),
        Value::Complex(re, im) if !spec.is_empty() => {
            format_spec::format_complex(*re, *im, spec, &name)
        }
        Value::Str(text) if !spec.is_empty() => format_spec::format_str(text, spec, &name),
        _ => {
            if !spec.is_empty() {
                return Err(type_error(format!(
                    "unsupported format string passed to {name}.__format__"
                )));
            }
            protocol::str_of(vm, v)
        }
    }
}

pub use super::percent::{percent_format, percent_format_bytes};

/// `type.__repr__`: `<class 'module.qualname'>` (type_repr in
/// typeobject.c), without a metaclass's `__repr__`.
pub fn type_repr(vm: &mut Vm, t: &std::rc::Rc<crate::object::Type>) -> PyResult<String> {
    Ok(if t.kind == crate::object::Kind::User {
        let module = protocol::lookup(t, "__module__")
            .map(|m| protocol::str_of(vm, &m))
            .transpose()?;
        match module.as_deref() {
            Some("builtins") | None => format!("<class '{}'>", t.qualname.borrow()),
            Some(m) => format!("<class '{m}.{}'>", t.qualname.borrow()),
        }
    } else {
        format!("<class '{}'>", t.name)
    })
}
