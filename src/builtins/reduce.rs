//! `object.__reduce_ex__`, `__reduce__` and `__getstate__`: the pickling
//! protocol of plain objects, as typeobject.c's `object___reduce_ex___impl`,
//! `_common_reduce`, `reduce_newobj` and `object_getstate`. Like CPython,
//! they import `copyreg` for its `__newobj__`/`_reduce_ex` helpers.

use std::rc::Rc;

use crate::object::exception::type_error;
use crate::object::function::Args;
use crate::object::types::Kind;
use crate::object::{PyResult, Value};
use crate::vm::protocol::{self, type_name, type_of};
use crate::vm::Vm;

/// `object.__reduce_ex__(self, protocol)`: an overriding `__reduce__`
/// wins, else the common reduction for that protocol.
pub fn reduce_ex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = &a.positional[0];
    let proto = crate::vm::ops::index_of(&a.positional[1])?;
    let t = type_of(obj);
    if let Some(reduce) = protocol::lookup(&t, "__reduce__") {
        let is_object_reduce = matches!(&reduce, Value::Builtin(b)
            if b.owner.as_ref().is_some_and(|o| o.kind == Kind::Object));
        if !is_object_reduce {
            let bound = protocol::getattr(vm, obj, "__reduce__")?;
            return vm.call(&bound, vec![]);
        }
    }
    common_reduce(vm, obj, proto)
}

/// `_common_reduce`: `copyreg._reduce_ex` below protocol 2, else
/// `reduce_newobj`.
pub fn common_reduce(vm: &mut Vm, obj: &Value, proto: i64) -> PyResult<Value> {
    let copyreg = import_copyreg(vm)?;
    if proto < 2 {
        let f = protocol::getattr(vm, &copyreg, "_reduce_ex")?;
        return vm.call(&f, vec![obj.clone(), Value::Int(proto)]);
    }
    let t = type_of(obj);
    let (args, kwargs) = newargs(vm, obj)?;
    let newobj = match kwargs {
        Some(kw) if !matches!(&kw, Value::Dict(d) if d.borrow().is_empty()) => {
            let f = protocol::getattr(vm, &copyreg, "__newobj_ex__")?;
            return finish(vm, obj, f, Value::tuple(vec![Value::Type(t), args, kw]));
        }
        _ => protocol::getattr(vm, &copyreg, "__newobj__")?,
    };
    let mut newargs = vec![Value::Type(t)];
    newargs.extend(protocol::collect(vm, &args)?);
    finish(vm, obj, newobj, Value::tuple(newargs))
}

/// The 5-tuple: callable, arguments, state, list items, dict items.
fn finish(vm: &mut Vm, obj: &Value, callable: Value, args: Value) -> PyResult<Value> {
    let state = getstate(vm, obj)?;
    let t = type_of(obj);
    let listitems = if t.base_kind() == Kind::List {
        protocol::iter(vm, obj)?
    } else {
        Value::None
    };
    let dictitems = if t.base_kind() == Kind::Dict {
        let items = protocol::getattr(vm, obj, "items")?;
        let items = vm.call(&items, vec![])?;
        protocol::iter(vm, &items)?
    } else {
        Value::None
    };
    Ok(Value::tuple(vec![
        callable, args, state, listitems, dictitems,
    ]))
}

/// `__getnewargs_ex__()` or `__getnewargs__()`, else no arguments.
fn newargs(vm: &mut Vm, obj: &Value) -> PyResult<(Value, Option<Value>)> {
    if let Ok(f) = protocol::getattr(vm, obj, "__getnewargs_ex__") {
        let r = vm.call(&f, vec![])?;
        let Value::Tuple(pair) = &r else {
            return Err(type_error(format!(
                "__getnewargs_ex__ should return a tuple, not '{}'",
                type_name(&r)
            )));
        };
        if pair.len() != 2 {
            return Err(crate::object::exception::value_error(format!(
                "__getnewargs_ex__ should return a tuple of length 2, not {}",
                pair.len()
            )));
        }
        return Ok((pair[0].clone(), Some(pair[1].clone())));
    }
    if let Ok(f) = protocol::getattr(vm, obj, "__getnewargs__") {
        let r = vm.call(&f, vec![])?;
        if !matches!(r, Value::Tuple(_)) {
            return Err(type_error(format!(
                "__getnewargs__ should return a tuple, not '{}'",
                type_name(&r)
            )));
        }
        return Ok((r, None));
    }
    Ok((Value::tuple(vec![]), None))
}

/// `object.__getstate__()`: the instance dict (None when empty), plus the
/// slot values as a second dict when the class has slots.
pub fn getstate(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    let t = type_of(obj);
    if let Some(f) = protocol::lookup(&t, "__getstate__") {
        let is_object_getstate = matches!(&f, Value::Builtin(b)
            if b.owner.as_ref().is_some_and(|o| o.kind == Kind::Object));
        if !is_object_getstate {
            let bound = protocol::getattr(vm, obj, "__getstate__")?;
            return vm.call(&bound, vec![]);
        }
    }
    let Value::Instance(i) = obj else {
        return Ok(Value::None);
    };
    let slots = super::slots::slot_names_in_mro(&t);
    let d = i.dict.borrow();
    if slots.is_empty() {
        return Ok(if d.is_empty() {
            Value::None
        } else {
            Value::Dict(Rc::new(std::cell::RefCell::new(d.clone())))
        });
    }
    let rest = super::slots::dict_without_slots(&d, &slots);
    let mut slot_state = crate::object::Dict::new();
    for name in &slots {
        if let Some(v) = protocol::plain_get_str(&d, name) {
            protocol::plain_set_str(&mut slot_state, name, v);
        }
    }
    let rest = if rest.is_empty() {
        Value::None
    } else {
        Value::Dict(Rc::new(std::cell::RefCell::new(rest)))
    };
    let _ = vm;
    Ok(Value::tuple(vec![
        rest,
        Value::Dict(Rc::new(std::cell::RefCell::new(slot_state))),
    ]))
}

fn import_copyreg(vm: &mut Vm) -> PyResult<Value> {
    super::modules::importer::import_name(vm, "copyreg", Value::None, Value::Int(0))
}
