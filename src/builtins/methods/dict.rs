//! `dict` and its views: their methods (dictobject.c).

use super::*;

/// Methods of `Dict` (kind Dict).
pub static DICT_METHODS: &[MethodDef] = &[
    m("__init__", dict_update),
    m("get", dict_get).clinic(1),
    m("keys", dict_keys),
    m("values", dict_values),
    m("items", dict_items),
    m("pop", dict_pop),
    m("popitem", dict_popitem),
    m("setdefault", dict_setdefault).clinic(1),
    m("update", dict_update),
    m("copy", dict_copy),
    m("clear", dict_clear),
    m("fromkeys", dict_fromkeys).clinic(1).class(),
];

pub(super) fn this_dict(args: &Args) -> PyResult<Rc<RefCell<crate::object::Dict>>> {
    match args.positional.first() {
        Some(Value::Dict(d) | Value::Set(d)) => Ok(d.clone()),
        _ => Err(type_error("descriptor requires a 'dict' object")),
    }
}

pub(super) fn dict_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(&args)?;
    Ok(protocol::dict_lookup(vm, &d, &args.positional[1])?
        .unwrap_or_else(|| args.positional.get(2).cloned().unwrap_or(Value::None)))
}

pub(super) fn view(args: &Args, view: DictView) -> PyResult<Value> {
    Ok(Value::DictView(Rc::new((this_dict(args)?, view))))
}

pub(super) fn dict_keys(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(&args, DictView::Keys)
}

pub(super) fn dict_values(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(&args, DictView::Values)
}

pub(super) fn dict_items(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(&args, DictView::Items)
}

pub(super) fn dict_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(&args)?;
    if args.positional.len() < 2 {
        return Err(type_error("pop expected at least 1 argument, got 0"));
    }
    match protocol::dict_remove(vm, &d, &args.positional[1])? {
        Some(v) => Ok(v),
        None => args
            .positional
            .get(2)
            .cloned()
            .ok_or_else(|| key_error(args.positional[1].clone())),
    }
}

pub(super) fn dict_popitem(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(&args)?;
    let e = d.borrow_mut().pop_last();
    match e {
        Some(e) => Ok(Value::tuple(vec![e.key, e.value])),
        None => Err(key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

pub(super) fn dict_setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(&args)?;
    if let Some(v) = protocol::dict_lookup(vm, &d, &args.positional[1])? {
        return Ok(v);
    }
    let default = args.positional.get(2).cloned().unwrap_or(Value::None);
    protocol::dict_insert(vm, &d, args.positional[1].clone(), default.clone())?;
    Ok(default)
}

pub(super) fn dict_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let target = args.positional[0].clone();
    if let Some(other) = args.positional.get(1) {
        let d = this_dict(&args)?;
        let pairs = match other {
            Value::Dict(_) => ops::mapping_items(vm, other)?,
            _ if protocol::getattr(vm, other, "keys").is_ok() => ops::mapping_items(vm, other)?,
            _ => {
                let mut out = Vec::new();
                for item in protocol::collect(vm, other)? {
                    let kv = protocol::collect(vm, &item)?;
                    if kv.len() != 2 {
                        return Err(value_error(
                            "dictionary update sequence element has the wrong length",
                        ));
                    }
                    out.push((kv[0].clone(), kv[1].clone()));
                }
                out
            }
        };
        for (k, v) in pairs {
            protocol::dict_insert(vm, &d, k, v)?;
        }
    }
    for (k, v) in args.keywords {
        protocol::setitem(vm, &target, Value::Str(k.clone()), v.clone())?;
    }
    Ok(Value::None)
}

pub(super) fn dict_copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(&args)?;
    let copy = d.borrow().clone();
    Ok(Value::Dict(Rc::new(RefCell::new(copy))))
}

pub(super) fn dict_clear(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    this_dict(&args)?.borrow_mut().clear();
    Ok(Value::None)
}

/// `cls.fromkeys(iterable, value=None)`: `cls()` filled by item assignment
/// (dictobject.c's `_PyDict_FromKeys`).
pub(super) fn dict_fromkeys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let keys = protocol::collect(vm, &args.positional[1])?;
    let value = args.positional.get(2).cloned().unwrap_or(Value::None);
    let d = match &args.positional[0] {
        Value::Type(t) if t.kind == Kind::User => vm.call(&args.positional[0], vec![])?,
        _ => Value::Dict(Rc::new(RefCell::new(crate::object::Dict::new()))),
    };
    for k in keys {
        protocol::setitem(vm, &d, k, value.clone())?;
    }
    Ok(d)
}

/// Methods of `dict_keys` and `dict_items`.
pub static DICT_VIEW_METHODS: &[MethodDef] = &[m("isdisjoint", |vm, a| {
    let other = a.positional.get(1).cloned().unwrap_or(Value::None);
    for item in protocol::collect(vm, &other)? {
        if protocol::contains(vm, &a.positional[0], &item)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
})
.o()];
