//! `set` and `frozenset`: their methods (setobject.c).

use super::*;

/// Methods of `Set` (kind Set).
pub static SET_METHODS: &[MethodDef] = &[
    m("__init__", |vm, a| {
        let target = a.positional[0].clone();
        if let Value::Set(s) = &target {
            s.borrow_mut().clear();
        }
        if let Some(v) = a.positional.get(1) {
            for item in protocol::collect(vm, v)? {
                protocol::set_add(vm, &target, item)?;
            }
        }
        Ok(Value::None)
    }),
    m("add", set_add).o(),
    m("remove", set_remove).o(),
    m("discard", set_discard).o(),
    m("pop", set_pop),
    m("clear", dict_clear),
    m("update", set_update),
    m("difference_update", |vm, a| set_update_with(vm, a, 10)),
    m("intersection_update", |vm, a| set_update_with(vm, a, 1)),
    m("symmetric_difference_update", |vm, a| {
        set_update_with(vm, a, 12)
    }),
];

/// Methods of `Set`, `FrozenSet` (kind Set | FrozenSet).
pub static ANYSET_METHODS: &[MethodDef] = &[
    // set_reduce: (type, (list of items,), instance dict or None).
    m("__reduce__", |vm, a| {
        let v = &a.positional[0];
        let items = protocol::collect(vm, v)?;
        let state = match v {
            Value::Instance(i) if !i.dict.borrow().is_empty() => Value::Dict(i.dict.clone()),
            _ => Value::None,
        };
        Ok(Value::tuple(vec![
            Value::Type(protocol::type_of(v)),
            Value::tuple(vec![Value::list(items)]),
            state,
        ]))
    }),
    m("copy", set_copy),
    m("union", |vm, a| set_op(vm, a, 7)),
    m("intersection", |vm, a| set_op(vm, a, 1)),
    m("difference", |vm, a| set_op(vm, a, 10)),
    m("symmetric_difference", |vm, a| set_op(vm, a, 12)),
    m("issubset", |vm, a| set_cmp(vm, a, 1)).o(),
    m("issuperset", |vm, a| set_cmp(vm, a, 5)).o(),
    m("isdisjoint", set_isdisjoint).o(),
];

pub(super) fn set_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    protocol::set_add(vm, &args.positional[0], args.positional[1].clone())?;
    Ok(Value::None)
}

pub(super) fn set_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(&args)?;
    match protocol::dict_remove(vm, &d, &args.positional[1])? {
        Some(_) => Ok(Value::None),
        None => Err(key_error(args.positional[1].clone())),
    }
}

pub(super) fn set_discard(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(&args)?;
    protocol::dict_remove(vm, &d, &args.positional[1])?;
    Ok(Value::None)
}

pub(super) fn set_pop(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(&args)?;
    let first = d.borrow().iter().next().map(|e| (e.hash, e.key.clone()));
    match first {
        Some((h, k)) => {
            let mut eq = |a: &Value, b: &Value| Ok(protocol::builtin_eq(a, b).unwrap_or(a.is(b)));
            d.borrow_mut().remove(h, &k, &mut eq)?;
            Ok(k)
        }
        None => Err(key_error(Value::str("pop from an empty set"))),
    }
}

pub(super) fn set_copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(match &args.positional[0] {
        Value::Set(d) => Value::Set(Rc::new(RefCell::new(d.borrow().clone()))),
        other => other.clone(),
    })
}

pub(super) fn as_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::Set(_) | Value::FrozenSet(_) => Ok(v.clone()),
        other => {
            let items = protocol::collect(vm, other)?;
            protocol::new_set(vm, items)
        }
    }
}

pub(super) fn set_op(vm: &mut Vm, args: Args, op: usize) -> PyResult<Value> {
    let mut acc = args.positional[0].clone();
    if args.positional.len() == 1 {
        return set_copy(vm, args);
    }
    for other in &args.positional[1..] {
        let other = as_set(vm, other)?;
        acc = ops::seq::set_binary(op, &acc, &other)?;
    }
    Ok(acc)
}

pub(super) fn set_cmp(vm: &mut Vm, args: Args, op: usize) -> PyResult<Value> {
    let other = as_set(vm, &args.positional[1])?;
    Ok(Value::Bool(ops::seq::set_compare(
        vm,
        &args.positional[0],
        &other,
        op,
    )?))
}

pub(super) fn set_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let other = as_set(vm, &args.positional[1])?;
    let both = ops::seq::set_binary(1, &args.positional[0], &other)?;
    Ok(Value::Bool(!protocol::truthy(vm, &both)?))
}

pub(super) fn set_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    for other in &args.positional[1..] {
        for item in protocol::collect(vm, other)? {
            protocol::set_add(vm, &args.positional[0], item)?;
        }
    }
    Ok(Value::None)
}

pub(super) fn set_update_with(vm: &mut Vm, a: Args, op: usize) -> PyResult<Value> {
    let target = a.positional[0].clone();
    let mut acc = target.clone();
    for other in &a.positional[1..] {
        let items = protocol::collect(vm, other)?;
        let other = protocol::new_set(vm, items)?;
        acc = ops::seq::set_binary(op, &acc, &other)?;
    }
    if let (Value::Set(t), Value::Set(n)) = (&target, &acc) {
        if !Rc::ptr_eq(t, n) {
            let new = n.borrow().clone();
            *t.borrow_mut() = new;
        }
    }
    Ok(Value::None)
}
