//! Methods of builtin types (`list.append`, `str.split`, `dict.get`, ...),
//! found by `protocol::lookup` on a builtin type. The receiver is
//! `args.positional[0]`.

use std::cell::RefCell;
use std::rc::Rc;

use super::kwarg;
use crate::object::exception::{index_error, key_error, type_error, value_error};
use crate::object::function::{m, Args, Builtin, MethodDef, MethodKind};
use crate::object::iter::DictView;
use crate::object::types::{Kind, Type};
use crate::object::{builtin_types, PyResult, Value};
use crate::vm::ops::{self, index_of};
use crate::vm::protocol::{self, type_name};
use crate::vm::Vm;

/// Methods of `List` (kind List).
pub static LIST_METHODS: &[MethodDef] = &[
    m("append", list_append).o(),
    m("extend", list_extend).o(),
    m("pop", list_pop),
    m("insert", list_insert).exact(2),
    m("remove", list_remove).o(),
    m("index", seq_index).clinic(1),
    m("count", seq_count).o(),
    m("sort", list_sort),
    m("reverse", list_reverse),
    m("copy", list_copy),
    m("clear", list_clear),
    m("__init__", |vm, a| {
        let l = this_list(&a)?;
        let items = match a.positional.get(1) {
            Some(v) => protocol::collect(vm, v)?,
            None => vec![],
        };
        *l.borrow_mut() = items;
        Ok(Value::None)
    }),
];

/// Methods of `Tuple` (kind Tuple).
pub static TUPLE_METHODS: &[MethodDef] = &[
    m("index", seq_index).clinic(1),
    m("count", seq_count).o(),
];

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
];

/// Methods of `Set`, `FrozenSet` (kind Set | FrozenSet).
pub static ANYSET_METHODS: &[MethodDef] = &[
    m("copy", set_copy),
    m("union", |vm, a| set_op(vm, a, 7)),
    m("intersection", |vm, a| set_op(vm, a, 1)),
    m("difference", |vm, a| set_op(vm, a, 10)),
    m("symmetric_difference", |vm, a| set_op(vm, a, 12)),
    m("issubset", |vm, a| set_cmp(vm, a, 1)).o(),
    m("issuperset", |vm, a| set_cmp(vm, a, 5)).o(),
    m("isdisjoint", set_isdisjoint).o(),
];

/// Methods of `Int`, `Bool` (kind Int | Bool).
pub static INT_METHODS: &[MethodDef] = &[
    m("bit_length", int_bit_length),
    m("to_bytes", int_to_bytes),
    m("from_bytes", int_from_bytes).class(),
    m("conjugate", |_, a| Ok(ops::int_value(&a.positional[0]))),
];

/// Methods of `Float` (kind Float).
pub static FLOAT_METHODS: &[MethodDef] = &[
    m("is_integer", |_, a| {
        Ok(Value::Bool(
            matches!(a.positional[0], Value::Float(f) if f.fract() == 0.0 && f.is_finite()),
        ))
    }),
    m("hex", float_hex),
    m("__getformat__", float_getformat).o().class(),
];

/// `float.__getformat__(typestr)`: how `double` and `float` are stored.
fn float_getformat(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let arg = match a.positional {
        [_, arg] => arg,
        other => {
            return Err(type_error(format!(
                "float.__getformat__() takes exactly one argument ({} given)",
                other.len().saturating_sub(1)
            )))
        }
    };
    let Value::Str(s) = arg else {
        let name = match arg {
            Value::None => "None".into(),
            other => protocol::type_name(other),
        };
        return Err(type_error(format!(
            "__getformat__() argument must be str, not {name}"
        )));
    };
    match &**s {
        "double" | "float" if cfg!(target_endian = "big") => Ok(Value::str("IEEE, big-endian")),
        "double" | "float" => Ok(Value::str("IEEE, little-endian")),
        _ => Err(value_error(
            "__getformat__() argument 1 must be 'double' or 'float'",
        )),
    }
}

/// Methods of `Exception` (kind Exception).
pub static EXCEPTION_METHODS: &[MethodDef] = &[
    m("with_traceback", |_, a| Ok(a.positional[0].clone())),
    m("add_note", exception_add_note).o(),
    m("__init__", exception_init),
    m("__str__", {
        |vm, a| Ok(Value::str(&protocol::str_of(vm, &a.positional[0])?))
    }),
];

/// Methods of `Object` (kind Object).
pub static OBJECT_METHODS: &[MethodDef] = &[
    m("__dir__", |_, a| {
        let mut seen = std::collections::HashSet::new();
        let names = super::functions::default_dir(&a.positional[0])
            .into_iter()
            .filter(|n| seen.insert(n.clone()))
            .map(|n| Value::str(&n))
            .collect();
        Ok(Value::list(names))
    }),
    m("__subclasshook__", |_, _| Ok(Value::NotImplemented)).class(),
    m("__reduce_ex__", |vm, a| super::reduce::reduce_ex(vm, &a)).o(),
    m("__reduce__", |vm, a| super::reduce::common_reduce(vm, &a.positional[0], 0)),
    m("__getstate__", |vm, a| super::reduce::getstate(vm, &a.positional[0])),
    m("__init__", |_, _| Ok(Value::None)),
    m("__new__", object_new),
    m("__sizeof__", crate::builtins::sizeof::object_sizeof),
    m("__setattr__", object_setattr).at_least(2),
    m("__getattribute__", object_getattribute).at_least(1),
    m("__delattr__", |vm, a| {
        protocol::generic_delattr(vm, &a.positional[0], &protocol::str_arg(&a.positional[1])?)?;
        Ok(Value::None)
    }).at_least(1),
    m("__eq__", |_, a| {
        Ok(if a.positional[0].is(&a.positional[1]) {
            Value::Bool(true)
        } else {
            Value::NotImplemented
        })
    }).at_least(1),
    m("__ne__", |_, a| {
        Ok(if a.positional[0].is(&a.positional[1]) {
            Value::Bool(false)
        } else {
            Value::NotImplemented
        })
    }).at_least(1),
    m("__hash__", |_, a| Ok(Value::Int((a.positional[0].id() >> 4) as i64))),
    m("__repr__", |vm, a| {
        let v = &a.positional[0];
        let t = protocol::type_of(v);
        let module = protocol::lookup(&t, "__module__")
            .map(|m| protocol::str_of(vm, &m))
            .transpose()?
            .unwrap_or_default();
        Ok(Value::str(&format!(
            "<{module}.{} object at {:#x}>",
            t.qualname.borrow(),
            v.id()
        )))
    }),
    m("__str__", |vm, a| Ok(Value::str(&protocol::repr(vm, &a.positional[0])?))),
    m("__init_subclass__", |vm, a| {
        if !a.keywords.is_empty() {
            let name = protocol::getattr(vm, &a.positional[0], "__qualname__")
                .and_then(|n| protocol::str_of(vm, &n))
                .unwrap_or_default();
            return Err(type_error(format!(
                "{name}.__init_subclass__() takes no keyword arguments"
            )));
        }
        Ok(Value::None)
    })
    .class(),
    m("__format__", |vm, a| {
        let spec = protocol::str_arg(a.positional.get(1).unwrap_or(&Value::str("")))?;
        if !spec.is_empty() {
            return Err(type_error(format!(
                "unsupported format string passed to {}.__format__",
                type_name(&a.positional[0])
            )));
        }
        Ok(Value::str(&protocol::str_of(vm, &a.positional[0])?))
    }),
];

/// Methods of `Generator` (kind Generator).
pub static GENERATOR_METHODS: &[MethodDef] = &[
    m("send", |vm, a| crate::vm::generator::send_method(vm, &a)),
    m("__next__", gen_next),
    m("throw", |vm, a| crate::vm::gen_throw::throw_method(vm, &a)),
    m("close", |vm, a| match &a.positional[0] {
        Value::Generator(g) => crate::vm::gen_throw::close(vm, g).map(|_| Value::None),
        _ => Err(type_error("close() needs a generator")),
    }),
    m("__iter__", |_, a| Ok(a.positional[0].clone())),
];

/// Methods of `Type` (kind Type).
pub static TYPE_METHODS: &[MethodDef] = &[
    m("__new__", crate::builtins::metaclass::type_new_method),
    m("__init__", crate::builtins::metaclass::type_init_method),
    m("__call__", crate::builtins::metaclass::type_call_method),
    m("mro", |_, a| match &a.positional[0] {
        Value::Type(t) => Ok(Value::list(t.mro().into_iter().map(Value::Type).collect())),
        _ => Err(type_error("mro() needs a type")),
    }),
    m("__subclasses__", |_, a| match a.positional.first() {
        Some(Value::Type(t)) => Ok(Value::list(
            t.live_subclasses().into_iter().map(Value::Type).collect(),
        )),
        _ => Err(type_error(
            "unbound method type.__subclasses__() needs an argument",
        )),
    }),
];

/// Methods of `Property` (kind Property).
pub static PROPERTY_METHODS: &[MethodDef] = &[
    m("setter", |_, a| property_with(&a, 1)),
    m("getter", |_, a| property_with(&a, 0)),
    m("deleter", |_, a| property_with(&a, 2)),
];

/// Methods of `Slice` (kind Slice).
pub static SLICE_METHODS: &[MethodDef] = &[
    m("indices", |_, a| match &a.positional[0] {
        Value::Slice(sl) => {
            let n = index_of(&a.positional[1])?.max(0) as usize;
            let (start, stop, step, _) = ops::seq::slice_indices(sl, n)?;
            Ok(Value::tuple(vec![
                Value::Int(start),
                Value::Int(stop),
                Value::Int(step),
            ]))
        }
        _ => Err(type_error("indices() needs a slice")),
    }),
];

/// A copy of a property with one accessor replaced (`@x.setter`).
fn property_with(a: &Args, which: usize) -> PyResult<Value> {
    let Value::Property(p) = &a.positional[0] else {
        return Err(type_error("descriptor requires a 'property' object"));
    };
    let f = a.positional[1].clone();
    let mut parts = [p.fget.clone(), p.fset.clone(), p.fdel.clone()];
    parts[which] = f;
    let [fget, fset, fdel] = parts;
    Ok(Value::Property(Rc::new(crate::object::value::Property {
        fget,
        fset,
        fdel,
        doc: p.doc.clone(),
    })))
}

fn this_list(args: &Args) -> PyResult<Rc<RefCell<Vec<Value>>>> {
    match args.positional.first() {
        Some(Value::List(l)) => Ok(l.clone()),
        _ => Err(type_error("descriptor requires a 'list' object")),
    }
}

fn list_append(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(&args)?;
    let v = args
        .positional
        .get(1)
        .cloned()
        .ok_or_else(|| type_error("list.append() takes exactly one argument (0 given)"))?;
    l.borrow_mut().push(v);
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(&args)?;
    let items = ops::seq::list_extend_items(vm, &args.positional[1])?;
    l.borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_pop(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(&args)?;
    let mut l = l.borrow_mut();
    if l.is_empty() {
        return Err(index_error("pop from empty list"));
    }
    let i = match args.positional.get(1) {
        Some(i) => ops::normalize_index(index_of(i)?, l.len())
            .ok_or_else(|| index_error("pop index out of range"))?,
        None => l.len() - 1,
    };
    Ok(l.remove(i))
}

fn list_insert(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(&args)?;
    let mut l = l.borrow_mut();
    let n = l.len() as i64;
    let i = index_of(&args.positional[1])?;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    l.insert(i as usize, args.positional[2].clone());
    Ok(Value::None)
}

fn list_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(&args)?;
    let items = l.borrow().clone();
    for (i, v) in items.iter().enumerate() {
        if protocol::eq(vm, v, &args.positional[1])? {
            l.borrow_mut().remove(i);
            return Ok(Value::None);
        }
    }
    Err(value_error("list.remove(x): x not in list"))
}

fn seq_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = protocol::collect(vm, &args.positional[0])?;
    let start = args
        .positional
        .get(2)
        .map(index_of)
        .transpose()?
        .unwrap_or(0);
    let start = if start < 0 {
        (start + items.len() as i64).max(0)
    } else {
        start
    } as usize;
    let stop = args
        .positional
        .get(3)
        .map(index_of)
        .transpose()?
        .map(|s| {
            if s < 0 {
                (s + items.len() as i64).max(0) as usize
            } else {
                s as usize
            }
        })
        .unwrap_or(items.len());
    for (i, v) in items.iter().enumerate().take(stop).skip(start) {
        if protocol::eq(vm, v, &args.positional[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(value_error(match &args.positional[0] {
        Value::Tuple(_) => "tuple.index(x): x not in tuple".to_string(),
        _ => format!(
            "{} is not in list",
            protocol::repr(vm, &args.positional[1])?
        ),
    }))
}

fn seq_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = protocol::collect(vm, &args.positional[0])?;
    let mut n = 0;
    for v in &items {
        if protocol::eq(vm, v, &args.positional[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn list_sort(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(&args)?;
    crate::builtins::allow_keywords(&args, "sort", &["key", "reverse"])?;
    let items = std::mem::take(&mut *l.borrow_mut());
    let reverse = match kwarg(&args, "reverse") {
        Some(r) => protocol::truthy(vm, r)?,
        None => false,
    };
    let result = super::functions::sort_values(vm, items.clone(), kwarg(&args, "key"), reverse);
    match result {
        Ok(sorted) => {
            *l.borrow_mut() = sorted;
            Ok(Value::None)
        }
        Err(e) => {
            *l.borrow_mut() = items;
            Err(e)
        }
    }
}

fn list_reverse(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    this_list(&args)?.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::list(this_list(&args)?.borrow().clone()))
}

fn list_clear(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = std::mem::take(&mut *this_list(&args)?.borrow_mut());
    // CPython releases the items last to first (finalizers run in that order).
    for item in items.into_iter().rev() {
        drop(item);
    }
    Ok(Value::None)
}

fn this_dict(args: &Args) -> PyResult<Rc<RefCell<crate::object::Dict>>> {
    match args.positional.first() {
        Some(Value::Dict(d) | Value::Set(d)) => Ok(d.clone()),
        _ => Err(type_error("descriptor requires a 'dict' object")),
    }
}

fn dict_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(&args)?;
    Ok(protocol::dict_lookup(vm, &d, &args.positional[1])?
        .unwrap_or_else(|| args.positional.get(2).cloned().unwrap_or(Value::None)))
}

fn view(args: &Args, view: DictView) -> PyResult<Value> {
    Ok(Value::DictView(Rc::new((this_dict(args)?, view))))
}

fn dict_keys(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(&args, DictView::Keys)
}

fn dict_values(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(&args, DictView::Values)
}

fn dict_items(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(&args, DictView::Items)
}

fn dict_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
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

fn dict_popitem(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(&args)?;
    let e = d.borrow_mut().pop_last();
    match e {
        Some(e) => Ok(Value::tuple(vec![e.key, e.value])),
        None => Err(key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

fn dict_setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(&args)?;
    if let Some(v) = protocol::dict_lookup(vm, &d, &args.positional[1])? {
        return Ok(v);
    }
    let default = args.positional.get(2).cloned().unwrap_or(Value::None);
    protocol::dict_insert(vm, &d, args.positional[1].clone(), default.clone())?;
    Ok(default)
}

fn dict_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
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

fn dict_copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(&args)?;
    let copy = d.borrow().clone();
    Ok(Value::Dict(Rc::new(RefCell::new(copy))))
}

fn dict_clear(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    this_dict(&args)?.borrow_mut().clear();
    Ok(Value::None)
}

/// `cls.fromkeys(iterable, value=None)`: `cls()` filled by item assignment
/// (dictobject.c's `_PyDict_FromKeys`).
fn dict_fromkeys(vm: &mut Vm, args: Args) -> PyResult<Value> {
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

fn set_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    protocol::set_add(vm, &args.positional[0], args.positional[1].clone())?;
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(&args)?;
    match protocol::dict_remove(vm, &d, &args.positional[1])? {
        Some(_) => Ok(Value::None),
        None => Err(key_error(args.positional[1].clone())),
    }
}

fn set_discard(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(&args)?;
    protocol::dict_remove(vm, &d, &args.positional[1])?;
    Ok(Value::None)
}

fn set_pop(_vm: &mut Vm, args: Args) -> PyResult<Value> {
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

fn set_copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(match &args.positional[0] {
        Value::Set(d) => Value::Set(Rc::new(RefCell::new(d.borrow().clone()))),
        other => other.clone(),
    })
}

fn as_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::Set(_) | Value::FrozenSet(_) => Ok(v.clone()),
        other => {
            let items = protocol::collect(vm, other)?;
            protocol::new_set(vm, items)
        }
    }
}

fn set_op(vm: &mut Vm, args: Args, op: usize) -> PyResult<Value> {
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

fn set_cmp(vm: &mut Vm, args: Args, op: usize) -> PyResult<Value> {
    let other = as_set(vm, &args.positional[1])?;
    Ok(Value::Bool(ops::seq::set_compare(
        vm,
        &args.positional[0],
        &other,
        op,
    )?))
}

fn set_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let other = as_set(vm, &args.positional[1])?;
    let both = ops::seq::set_binary(1, &args.positional[0], &other)?;
    Ok(Value::Bool(!protocol::truthy(vm, &both)?))
}

fn set_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    for other in &args.positional[1..] {
        for item in protocol::collect(vm, other)? {
            protocol::set_add(vm, &args.positional[0], item)?;
        }
    }
    Ok(Value::None)
}

fn int_bit_length(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = ops::arith::big(&args.positional[0]).unwrap_or_default();
    Ok(Value::Int(n.bits() as i64))
}

fn int_to_bytes(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = ops::arith::big(&args.positional[0]).unwrap_or_default();
    let length = args
        .positional
        .get(1)
        .or_else(|| kwarg(&args, "length"))
        .map(index_of)
        .transpose()?
        .unwrap_or(1) as usize;
    let order = args
        .positional
        .get(2)
        .or_else(|| kwarg(&args, "byteorder"))
        .map(protocol::str_arg)
        .transpose()?
        .unwrap_or_else(|| "big".into());
    let signed = kwarg(&args, "signed").is_some_and(|v| matches!(v, Value::Bool(true)));
    let mut bytes = if signed {
        n.to_signed_bytes_le()
    } else {
        if num_traits::Signed::is_negative(&n) {
            return Err(crate::object::exception::overflow_error(
                "can't convert negative int to unsigned",
            ));
        }
        n.to_bytes_le().1
    };
    if bytes.len() > length && !(bytes.len() == 1 && bytes[0] == 0 && length == 0) {
        return Err(crate::object::exception::overflow_error(
            "int too big to convert",
        ));
    }
    let fill = if signed && num_traits::Signed::is_negative(&n) {
        0xff
    } else {
        0
    };
    bytes.resize(length, fill);
    if order == "big" {
        bytes.reverse();
    }
    Ok(Value::Bytes(Rc::from(bytes)))
}

fn int_from_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // Called on the class: positional[0] is the bytes when bound to `int`.
    let data = args
        .positional
        .iter()
        .find(|v| matches!(v, Value::Bytes(_) | Value::List(_)))
        .cloned()
        .unwrap_or(Value::Bytes(Rc::from(Vec::new())));
    let mut bytes: Vec<u8> = match data {
        Value::Bytes(b) => b.to_vec(),
        other => protocol::collect(vm, &other)?
            .iter()
            .map(|v| index_of(v).map(|i| i as u8))
            .collect::<PyResult<_>>()?,
    };
    let order = args
        .positional
        .iter()
        .rev()
        .find_map(|v| {
            if let Value::Str(s) = v {
                Some(s.to_string())
            } else {
                None
            }
        })
        .or_else(|| kwarg(&args, "byteorder").and_then(|v| protocol::str_arg(v).ok()))
        .unwrap_or_else(|| "big".into());
    if order == "big" {
        bytes.reverse();
    }
    let signed = kwarg(&args, "signed").is_some_and(|v| matches!(v, Value::Bool(true)));
    let n = if signed {
        num_bigint::BigInt::from_signed_bytes_le(&bytes)
    } else {
        num_bigint::BigInt::from_bytes_le(num_bigint::Sign::Plus, &bytes)
    };
    Ok(ops::arith::from_big(n))
}

fn float_hex(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Float(f) = args.positional[0] else {
        return Err(type_error("float.hex needs a float"));
    };
    if !f.is_finite() {
        return Ok(Value::str(&crate::object::repr::repr_float(f)));
    }
    if f == 0.0 {
        return Ok(Value::str(if f.is_sign_negative() {
            "-0x0.0p+0"
        } else {
            "0x0.0p+0"
        }));
    }
    let bits = f.to_bits();
    let sign = if f < 0.0 { "-" } else { "" };
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    // Always the 13 hex digits of the 52 fraction bits (floatobject.c
    // float_hex_impl).
    let m = format!("{mant:013x}");
    Ok(Value::str(&format!(
        "{sign}0x{lead}.{m}p{}{}",
        if e < 0 { "-" } else { "+" },
        e.abs()
    )))
}

fn exception_add_note(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = &args.positional[0];
    let notes = match protocol::getattr(vm, exc, "__notes__") {
        Ok(n) => n,
        Err(_) => {
            let n = Value::list(vec![]);
            protocol::setattr(vm, exc, "__notes__", n.clone())?;
            n
        }
    };
    if let Value::List(l) = notes {
        l.borrow_mut().push(args.positional[1].clone());
    }
    Ok(Value::None)
}

fn exception_init(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Value::Exception(e) = &args.positional[0] {
        *e.args.borrow_mut() = Rc::from(args.positional[1..].to_vec());
    }
    Ok(Value::None)
}

fn object_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.positional.first() {
        Some(Value::Type(t)) => super::new_object(vm, t, &args.positional[1..], args.keywords),
        _ => Err(type_error("object.__new__(X): X is not a type object")),
    }
}

fn object_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = protocol::str_arg(&args.positional[1])?;
    protocol::generic_setattr(vm, &args.positional[0], &name, args.positional[2].clone())?;
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = protocol::str_arg(&args.positional[1])?;
    protocol::generic_getattr(vm, &args.positional[0], &name)
}

/// `type.__new__(meta, name, bases, ns)` from a metaclass's `__new__`.
/// `next(gen)`: StopIteration(value) when the generator returns.
fn gen_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use crate::vm::generator::{resume, GenResult, Resume};
    let Value::Generator(g) = &args.positional[0] else {
        return Err(type_error(
            "descriptor '__next__' requires a 'generator' object",
        ));
    };
    match resume(vm, g, Resume::Send(Value::None))? {
        GenResult::Yielded(v) => Ok(v),
        GenResult::Returned(v) => Err(crate::object::exception::stop_iteration(
            (!v.is_none()).then_some(v),
        )),
    }
}

pub mod bytes;
mod str;

pub use super::str_format::str_format;

#[allow(dead_code)]
fn unused() -> Rc<crate::object::Type> {
    builtin_types().object.clone()
}

pub mod wrappers;

/// A builtin type's method tables in lookup order (an earlier table's
/// definition of a name wins): what `PyTypeObject`'s `tp_methods` and
/// slot tables are to CPython. Types that share a `Kind` get their tables
/// once, on the type that owns them (`BaseException` for the exceptions,
/// `int` for `bool`'s inherited methods).
fn tables_of(t: &Type) -> Vec<&'static [MethodDef]> {
    use self::bytes::{ANYBYTES_METHODS, BYTE_ARRAY_METHODS, MEMORY_VIEW_METHODS};
    use self::str::STR_METHODS;
    use super::extra_methods::*;
    use crate::vm::coro::*;
    use wrappers::*;
    match t.kind {
        Kind::Object if &*t.name == "object" => vec![OBJECT_METHODS, OBJECT_ORDER],
        Kind::Type => vec![TYPE_METHODS, TYPE_OR],
        Kind::Int => vec![
            INT_METHODS,
            EXTRA_INT_METHODS,
            INT_REPR,
            HASH,
            COMPARE,
            ARITHMETIC,
            REAL,
            INTEGRAL,
            BITWISE,
            BOOL,
            INT_ROUNDING,
        ],
        Kind::Bool => vec![REPR, BITWISE],
        Kind::Float => vec![
            FLOAT_METHODS,
            EXTRA_FLOAT_METHODS,
            REPR,
            HASH,
            COMPARE,
            ARITHMETIC,
            REAL,
            BOOL,
            FLOAT_ROUNDING,
        ],
        Kind::Complex => vec![EXTRA_COMPLEX_METHODS, REPR, HASH, COMPARE, ARITHMETIC, BOOL],
        Kind::Str => vec![
            STR_METHODS,
            EXTRA_STR_METHODS,
            REPR,
            HASH,
            STR,
            COMPARE,
            ITER,
            MOD,
            LEN,
            GETITEM,
            SEQUENCE_OPS,
            CONTAINS,
        ],
        Kind::Bytes => vec![
            ANYBYTES_METHODS,
            REPR,
            HASH,
            STR,
            COMPARE,
            ITER,
            MOD,
            LEN,
            GETITEM,
            SEQUENCE_OPS,
            CONTAINS,
        ],
        Kind::ByteArray => vec![
            BYTE_ARRAY_METHODS,
            ANYBYTES_METHODS,
            REPR,
            STR,
            COMPARE,
            ITER,
            MOD,
            LEN,
            GETITEM,
            SETITEM,
            SEQUENCE_OPS,
            CONTAINS,
            INPLACE_SEQUENCE,
        ],
        Kind::MemoryView => vec![MEMORY_VIEW_METHODS, REPR, HASH, COMPARE, ITER, LEN, GETITEM, SETITEM],
        Kind::List => vec![
            LIST_METHODS,
            REPR,
            COMPARE,
            ITER,
            LEN,
            GETITEM,
            SETITEM,
            SEQUENCE_OPS,
            CONTAINS,
            INPLACE_SEQUENCE,
            REVERSED,
            CLASS_GETITEM,
        ],
        Kind::Tuple => vec![
            TUPLE_METHODS,
            REPR,
            HASH,
            COMPARE,
            ITER,
            LEN,
            GETITEM,
            SEQUENCE_OPS,
            CONTAINS,
            CLASS_GETITEM,
        ],
        Kind::Dict => vec![
            DICT_METHODS,
            REPR,
            COMPARE,
            ITER,
            DICT_OR,
            LEN,
            GETITEM,
            SETITEM,
            CONTAINS,
            REVERSED,
            CLASS_GETITEM,
        ],
        Kind::Set => vec![
            SET_METHODS,
            EXTRA_SET_METHODS,
            ANYSET_METHODS,
            REPR,
            COMPARE,
            ITER,
            SET_OPS,
            INPLACE_SET,
            LEN,
            CONTAINS,
            CLASS_GETITEM,
        ],
        Kind::FrozenSet => vec![
            ANYSET_METHODS,
            REPR,
            HASH,
            COMPARE,
            ITER,
            SET_OPS,
            LEN,
            CONTAINS,
            CLASS_GETITEM,
        ],
        Kind::Range => vec![
            EXTRA_RANGE_METHODS,
            REPR,
            HASH,
            COMPARE,
            ITER,
            BOOL,
            LEN,
            GETITEM,
            CONTAINS,
            REVERSED,
        ],
        Kind::Slice => vec![SLICE_METHODS, REPR, COMPARE],
        Kind::Iterator => vec![EXTRA_ITERATOR_METHODS, SELF_ITER, NEXT],
        Kind::DictView if &*t.name == "dict_values" => vec![REPR, ITER, LEN, REVERSED],
        Kind::DictView => vec![
            EXTRA_DICT_VIEW_METHODS,
            REPR,
            COMPARE,
            ITER,
            SET_OPS,
            LEN,
            CONTAINS,
            REVERSED,
        ],
        Kind::Generator => vec![GENERATOR_METHODS, REPR],
        Kind::Coroutine => vec![COROUTINE_METHODS, REPR],
        Kind::AsyncGenerator => vec![ASYNC_GENERATOR_METHODS, REPR],
        Kind::CoroWrapper => vec![AWAITABLE_METHODS, CORO_WRAPPER_METHODS],
        Kind::AsyncGenASend | Kind::AsyncGenAThrow => vec![AWAITABLE_METHODS, ASEND_ATHROW_METHODS],
        Kind::Function => vec![EXTRA_FUNCTION_METHODS, REPR, CALL],
        Kind::BuiltinFunction
            if matches!(&*t.name, "method_descriptor" | "wrapper_descriptor") =>
        {
            vec![REPR, CALL, DESCRIPTOR_GET]
        }
        Kind::ClassMethod if &*t.name == "classmethod_descriptor" => {
            vec![REPR, CALL, CLASS_DESCRIPTOR_GET]
        }
        Kind::BuiltinFunction | Kind::Method => vec![REPR, CALL],
        Kind::Property => vec![PROPERTY_METHODS],
        Kind::Exception if &*t.name == "BaseException" => vec![EXCEPTION_METHODS],
        Kind::NoneType => vec![REPR, BOOL],
        Kind::NotImplementedType | Kind::Ellipsis | Kind::Cell | Kind::Code => vec![REPR],
        _ => vec![],
    }
}

/// The getset (first) and member (second) descriptors of a builtin type,
/// as python3.11 lists them in the type's `__dict__`, where the objects
/// answer for them (`vm::protocol::native_attr`).
fn attributes_of(t: &Type) -> (&'static [&'static str], &'static [&'static str]) {
    match t.kind {
        Kind::Int => (&["real", "imag", "numerator", "denominator"], &[]),
        Kind::Float => (&["real", "imag"], &[]),
        Kind::Complex => (&[], &["real", "imag"]),
        Kind::Function => (
            &[
                "__code__",
                "__defaults__",
                "__kwdefaults__",
                "__annotations__",
                "__dict__",
                "__name__",
                "__qualname__",
            ],
            &["__closure__", "__doc__", "__globals__", "__module__"],
        ),
        Kind::Exception if &*t.name == "BaseException" => (
            &["args", "__traceback__", "__context__", "__cause__"],
            &["__suppress_context__"],
        ),
        Kind::Property => (&[], &["fget", "fset", "fdel", "__doc__"]),
        Kind::Slice => (&[], &["start", "stop", "step"]),
        Kind::Range => (&[], &["start", "stop", "step"]),
        Kind::Cell => (&["cell_contents"], &[]),
        Kind::Generator => (&["__name__", "__qualname__", "gi_running"], &[]),
        Kind::Method => (&[], &["__func__", "__self__"]),
        Kind::BuiltinFunction => (&["__self__"], &[]),
        Kind::Type => (&["__name__", "__qualname__", "__bases__", "__dict__"], &["__base__", "__mro__"]),
        Kind::Object if &*t.name == "object" => (&["__class__"], &[]),
        Kind::Module => (&[], &["__dict__"]),
        _ => (&[], &[]),
    }
}

/// `T.__new__(cls, *args)` of a builtin type with a constructor: a new
/// `T` when `cls` is `T` itself, else an instance of the subclass `cls`
/// extending a new `T` (as `object.__new__` makes one).
static NEW: &[MethodDef] = &[m("__new__", |vm, a| match a.positional.first() {
    Some(Value::Type(t)) if t.kind != Kind::User => super::functions::construct_builtin(
        vm,
        t,
        Args {
            positional: &a.positional[1..],
            keywords: a.keywords,
        },
    ),
    Some(Value::Type(t)) => super::new_object(vm, t, &a.positional[1..], a.keywords),
    Some(other) => Err(type_error(format!(
        "__new__(X): X is not a type object ({})",
        type_name(other)
    ))),
    None => Err(type_error("__new__(): not enough arguments")),
})];

/// Whether the builtin type has a constructor of its own (`tp_new`), which
/// `__new__` in its namespace exposes.
fn constructible(t: &Type) -> bool {
    match t.kind {
        Kind::Int | Kind::Float | Kind::Complex | Kind::Str | Kind::Bytes | Kind::ByteArray
        | Kind::List | Kind::Tuple | Kind::Dict | Kind::Set | Kind::FrozenSet | Kind::Range
        | Kind::Slice | Kind::MemoryView | Kind::Property | Kind::StaticMethod
        | Kind::ClassMethod | Kind::Super => !matches!(&*t.name, "classmethod_descriptor"),
        Kind::Bool => true,
        Kind::Iterator => super::functions::ITERATOR_CLASSES
            .iter()
            .any(|(n, _)| **n == *t.name),
        _ => false,
    }
}

/// Whether instances of this builtin type are unhashable (`__hash__` is
/// None in its namespace, as `PyObject_HashNotImplemented` marks it).
fn unhashable(t: &Type) -> bool {
    matches!(
        t.kind,
        Kind::List | Kind::Dict | Kind::Set | Kind::ByteArray | Kind::Slice
    ) || (t.kind == Kind::DictView && &*t.name != "dict_values")
}

/// Puts a builtin type's methods and slot wrappers into its namespace
/// (`PyType_Ready`'s `add_methods` and `add_operators`): from then on
/// attribute lookup only walks MRO namespaces.
pub fn ready(t: &Rc<Type>) {
    let mut dict = t.dict.borrow_mut();
    for table in tables_of(t) {
        for def in table.iter() {
            let hash = protocol::str_hash(def.name);
            if dict.get_str(hash, def.name).is_some() {
                continue;
            }
            let f = Value::Builtin(Rc::new(Builtin {
                name: def.name,
                func: def.func,
                receiver: None,
                owner: Some(t.clone()),
                arity: def.arity,
            }));
            let value = match def.kind {
                MethodKind::Instance => f,
                MethodKind::Class => Value::ClassMethod(Rc::new(f)),
            };
            protocol::plain_set_str(&mut dict, def.name, value);
        }
    }
    if unhashable(t) {
        protocol::plain_set_str(&mut dict, "__hash__", Value::None);
    }
    if constructible(t) && dict.get_str(protocol::str_hash("__new__"), "__new__").is_none() {
        for def in NEW {
            let f = Value::Builtin(Rc::new(Builtin {
                name: def.name,
                func: def.func,
                receiver: None,
                owner: Some(t.clone()),
                arity: def.arity,
            }));
            protocol::plain_set_str(&mut dict, def.name, f);
        }
    }
    // Builtins carry no docstrings here; the name is there, as in CPython.
    if dict.get_str(protocol::str_hash("__doc__"), "__doc__").is_none() {
        protocol::plain_set_str(&mut dict, "__doc__", Value::None);
    }
    let (getsets, members) = attributes_of(t);
    for (names, member) in [(getsets, false), (members, true)] {
        for name in names {
            if dict.get_str(protocol::str_hash(name), name).is_none() {
                let d = super::slots::builtin_attribute(name, t, member);
                protocol::plain_set_str(&mut dict, name, d);
            }
        }
    }
}
