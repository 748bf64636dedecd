//! `list` and `tuple`: their methods (listobject.c, tupleobject.c).

use super::*;

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
    // Pickling: the tuple is its own constructor argument.
    m("__getnewargs__", |_, a| match &a.positional[0] {
        t @ Value::Tuple(_) => Ok(Value::tuple(vec![t.clone()])),
        other => Err(type_error(format!(
            "descriptor '__getnewargs__' for 'tuple' objects doesn't apply to a '{}' object",
            type_name(other)
        ))),
    }),
];

pub(super) fn this_list(args: &Args) -> PyResult<Rc<RefCell<Vec<Value>>>> {
    match args.positional.first() {
        Some(Value::List(l)) => Ok(l.clone()),
        _ => Err(type_error("descriptor requires a 'list' object")),
    }
}

pub(super) fn list_append(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(&args)?;
    let v = args
        .positional
        .get(1)
        .cloned()
        .ok_or_else(|| type_error("list.append() takes exactly one argument (0 given)"))?;
    l.borrow_mut().push(v);
    Ok(Value::None)
}

pub(super) fn list_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(&args)?;
    let items = ops::seq::list_extend_items(vm, &args.positional[1])?;
    l.borrow_mut().extend(items);
    Ok(Value::None)
}

pub(super) fn list_pop(_vm: &mut Vm, args: Args) -> PyResult<Value> {
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

pub(super) fn list_insert(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(&args)?;
    let mut l = l.borrow_mut();
    let n = l.len() as i64;
    let i = index_of(&args.positional[1])?;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    l.insert(i as usize, args.positional[2].clone());
    Ok(Value::None)
}

pub(super) fn list_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
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

pub(super) fn seq_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
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

pub(super) fn seq_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = protocol::collect(vm, &args.positional[0])?;
    let mut n = 0;
    for v in &items {
        if protocol::eq(vm, v, &args.positional[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

pub(super) fn list_sort(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(&args)?;
    crate::builtins::allow_keywords(&args, "sort", &["key", "reverse"])?;
    let items = std::mem::take(&mut *l.borrow_mut());
    let reverse = match kwarg(&args, "reverse") {
        Some(r) => protocol::truthy(vm, r)?,
        None => false,
    };
    let result =
        super::super::functions::sort_values(vm, items.clone(), kwarg(&args, "key"), reverse);
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

pub(super) fn list_reverse(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    this_list(&args)?.borrow_mut().reverse();
    Ok(Value::None)
}

pub(super) fn list_copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::list(this_list(&args)?.borrow().clone()))
}

pub(super) fn list_clear(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = std::mem::take(&mut *this_list(&args)?.borrow_mut());
    // CPython releases the items last to first (finalizers run in that order).
    for item in items.into_iter().rev() {
        drop(item);
    }
    Ok(Value::None)
}
