//! `groupby` with its `_grouper`, and `tee` with `_tee` and
//! `_tee_dataobject`.

use std::cell::{Cell, RefCell};

use super::infinite::self_iter;
use super::*;
use crate::object::exception::{runtime_error, value_error};
use crate::object::function::{m, MethodDef};

// ---------------------------------------------------------------- groupby

/// groupbyobject: `currkey`/`currvalue` are the item read last (and its
/// key), `tgtkey` the key of the current group; `currgrouper` names the
/// one `_grouper` still allowed to run (CPython's borrowed pointer), 0
/// for none.
struct GroupBy {
    it: Value,
    keyfunc: Value,
    tgtkey: RefCell<Option<Value>>,
    currkey: RefCell<Option<Value>>,
    currvalue: RefCell<Option<Value>>,
    currgrouper: Cell<u64>,
    groupers_made: Cell<u64>,
}

/// _grouperobject.
struct Grouper {
    parent: Value,
    tgtkey: Value,
    id: u64,
}

pub(super) const GROUPBY: &[MethodDef] = &[
    m("__new__", groupby_new),
    m("__iter__", self_iter),
    m("__next__", groupby_next),
    m("__reduce__", groupby_reduce),
    m("__setstate__", groupby_setstate),
];

pub(super) const GROUPER: &[MethodDef] = &[
    m("__new__", grouper_new),
    m("__iter__", self_iter),
    m("__next__", grouper_next),
    m("__reduce__", grouper_reduce),
];

fn groupby_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = class_arg(&args)?;
    let a = bind(
        "groupby",
        &args.positional[1..],
        args.keywords,
        &["iterable", "key"],
        1,
        2,
    )?;
    let it = protocol::iter(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    Ok(native_instance(
        &cls,
        GroupBy {
            it,
            keyfunc: a[1].clone().unwrap_or(Value::None),
            tgtkey: RefCell::new(None),
            currkey: RefCell::new(None),
            currvalue: RefCell::new(None),
            currgrouper: Cell::new(0),
            groupers_made: Cell::new(0),
        },
    ))
}

/// groupby_step: reads the next item and its key; `false` at the end.
fn groupby_step(vm: &mut Vm, g: &GroupBy) -> PyResult<bool> {
    let Some(value) = protocol::next(vm, &g.it)? else {
        return Ok(false);
    };
    let key = match &g.keyfunc {
        Value::None => value.clone(),
        f => vm.call(f, vec![value.clone()])?,
    };
    *g.currvalue.borrow_mut() = Some(value);
    *g.currkey.borrow_mut() = Some(key);
    Ok(true)
}

/// _grouper_create: the grouper of `parent`'s current group.
fn grouper_create(parent: &Value, g: &GroupBy, tgtkey: Value) -> Value {
    let id = g.groupers_made.get() + 1;
    g.groupers_made.set(id);
    g.currgrouper.set(id);
    native_instance(
        &types().grouper,
        Grouper {
            parent: parent.clone(),
            tgtkey,
            id,
        },
    )
}

fn groupby_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g: &GroupBy = this(&args)?;
    g.currgrouper.set(0);
    // Skip to the next group.
    loop {
        let currkey = g.currkey.borrow().clone();
        let tgtkey = g.tgtkey.borrow().clone();
        match (currkey, tgtkey) {
            (None, _) => {}
            (Some(_), None) => break,
            (Some(curr), Some(tgt)) => {
                if !protocol::eq(vm, &tgt, &curr)? {
                    break;
                }
            }
        }
        if !groupby_step(vm, g)? {
            return Err(exhausted());
        }
    }
    let key = g.currkey.borrow().clone().unwrap_or(Value::None);
    *g.tgtkey.borrow_mut() = Some(key.clone());
    let grouper = grouper_create(&receiver(&args), g, key.clone());
    Ok(Value::tuple(vec![key, grouper]))
}

fn groupby_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "groupby.__reduce__")?;
    let g: &GroupBy = this(&args)?;
    let cls = type_value(&receiver(&args));
    let new_args = Value::tuple(vec![g.it.clone(), g.keyfunc.clone()]);
    let state = (
        g.tgtkey.borrow().clone(),
        g.currkey.borrow().clone(),
        g.currvalue.borrow().clone(),
    );
    Ok(match state {
        (Some(tgt), Some(key), Some(value)) => {
            Value::tuple(vec![cls, new_args, Value::tuple(vec![key, value, tgt])])
        }
        _ => Value::tuple(vec![cls, new_args]),
    })
}

fn groupby_setstate(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = one_arg(&args, "groupby.__setstate__")?;
    let g: &GroupBy = this(&args)?;
    let items = state_tuple(&state, 3, 3)?;
    *g.currkey.borrow_mut() = Some(items[0].clone());
    *g.currvalue.borrow_mut() = Some(items[1].clone());
    *g.tgtkey.borrow_mut() = Some(items[2].clone());
    Ok(Value::None)
}

fn grouper_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = positional_new("_grouper", &args, 2, 2)?;
    let Some(g) = native_ref::<GroupBy>(&a[0]) else {
        return Err(type_error(format!(
            "_grouper() argument 1 must be itertools.groupby, not {}",
            protocol::type_name(&a[0])
        )));
    };
    Ok(grouper_create(&a[0], g, a[1].clone()))
}

fn grouper_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me: &Grouper = this(&args)?;
    let Some(g) = native_ref::<GroupBy>(&me.parent) else {
        return Err(exhausted());
    };
    if g.currgrouper.get() != me.id {
        return Err(exhausted());
    }
    if g.currvalue.borrow().is_none() && !groupby_step(vm, g)? {
        return Err(exhausted());
    }
    let currkey = g.currkey.borrow().clone().unwrap_or(Value::None);
    if !protocol::eq(vm, &me.tgtkey, &currkey)? {
        // The current group is over.
        return Err(exhausted());
    }
    let value = g.currvalue.borrow_mut().take().unwrap_or(Value::None);
    *g.currkey.borrow_mut() = None;
    Ok(value)
}

fn grouper_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "_grouper.__reduce__")?;
    let me: &Grouper = this(&args)?;
    let current = native_ref::<GroupBy>(&me.parent).is_some_and(|g| g.currgrouper.get() == me.id);
    if !current {
        // A finished group pickles as an empty iterator: iter(()).
        let iter = protocol::dict_get_str(&vm.builtins, "iter").unwrap_or(Value::None);
        return Ok(Value::tuple(vec![
            iter,
            Value::tuple(vec![Value::tuple(vec![])]),
        ]));
    }
    Ok(Value::tuple(vec![
        type_value(&receiver(&args)),
        Value::tuple(vec![me.parent.clone(), me.tgtkey.clone()]),
    ]))
}

// ---------------------------------------------------------------- tee

/// Values per `_tee_dataobject` (LINKCELLS): the buffer shared by tee
/// iterators is a linked list of blocks this long.
const LINKCELLS: usize = 57;

/// teedataobject: up to LINKCELLS values read from `it`, then the next
/// block.
struct TeeData {
    it: Value,
    values: RefCell<Vec<Value>>,
    nextlink: RefCell<Option<Value>>,
    running: Cell<bool>,
}

/// Unlinks the blocks after this one iteratively (teedataobject_safe_decref),
/// so dropping a long buffer does not recurse once per block.
impl Drop for TeeData {
    fn drop(&mut self) {
        let mut next = self.nextlink.get_mut().take();
        while let Some(link) = next {
            next = match &link {
                Value::Instance(i) if std::rc::Rc::strong_count(i) == 1 => {
                    native_ref::<TeeData>(&link).and_then(|d| d.nextlink.borrow_mut().take())
                }
                _ => None,
            };
            drop(link);
        }
    }
}

/// teeobject: a position (`index` into the block `data`) in a shared buffer.
struct Tee {
    data: RefCell<Value>,
    index: Cell<usize>,
}

pub(super) const TEE: &[MethodDef] = &[
    m("__new__", tee_new),
    m("__iter__", self_iter),
    m("__next__", tee_next),
    m("__copy__", tee_copy),
    m("__reduce__", tee_reduce),
    m("__setstate__", tee_setstate),
];

pub(super) const TEE_DATA: &[MethodDef] =
    &[m("__new__", tee_data_new), m("__reduce__", tee_data_reduce)];

fn new_tee_data(it: Value) -> Value {
    native_instance(
        &types().tee_data,
        TeeData {
            it,
            values: RefCell::new(Vec::new()),
            nextlink: RefCell::new(None),
            running: Cell::new(false),
        },
    )
}

fn new_tee(data: Value, index: usize) -> Value {
    native_instance(
        &types().tee,
        Tee {
            data: RefCell::new(data),
            index: Cell::new(index),
        },
    )
}

fn data_of(v: &Value) -> PyResult<&TeeData> {
    native_ref::<TeeData>(v).ok_or_else(|| type_error("invalid tee data object"))
}

/// tee_fromiterable: a tee over `iterable`'s iterator (a copy when that
/// is a tee already).
fn tee_fromiterable(vm: &mut Vm, iterable: &Value) -> PyResult<Value> {
    let it = protocol::iter(vm, iterable)?;
    if let Some(t) = native_ref::<Tee>(&it) {
        return Ok(new_tee(t.data.borrow().clone(), t.index.get()));
    }
    Ok(new_tee(new_tee_data(it), 0))
}

fn tee_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = positional_new("_tee", &args, 1, 1)?;
    tee_fromiterable(vm, &a[0])
}

/// teedataobject_getitem: the `i`th value of a block, read from the
/// underlying iterator by the tee in the lead.
fn tee_data_getitem(vm: &mut Vm, d: &TeeData, i: usize) -> PyResult<Option<Value>> {
    if let Some(v) = d.values.borrow().get(i) {
        return Ok(Some(v.clone()));
    }
    if d.running.get() {
        return Err(runtime_error("cannot re-enter the tee iterator"));
    }
    d.running.set(true);
    let value = protocol::next(vm, &d.it);
    d.running.set(false);
    let Some(value) = value? else {
        return Ok(None);
    };
    d.values.borrow_mut().push(value.clone());
    Ok(Some(value))
}

fn tee_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t: &Tee = this(&args)?;
    if t.index.get() >= LINKCELLS {
        // teedataobject_jumplink: on to the next block, made on first use.
        let data = t.data.borrow().clone();
        let d = data_of(&data)?;
        let link = d.nextlink.borrow().clone();
        let link = match link {
            Some(l) => l,
            None => {
                let l = new_tee_data(d.it.clone());
                *d.nextlink.borrow_mut() = Some(l.clone());
                l
            }
        };
        *t.data.borrow_mut() = link;
        t.index.set(0);
    }
    let data = t.data.borrow().clone();
    let value = tee_data_getitem(vm, data_of(&data)?, t.index.get())?;
    let value = value.ok_or_else(exhausted)?;
    t.index.set(t.index.get() + 1);
    Ok(value)
}

fn tee_copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "_tee.__copy__")?;
    let t: &Tee = this(&args)?;
    Ok(new_tee(t.data.borrow().clone(), t.index.get()))
}

fn tee_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "_tee.__reduce__")?;
    let t: &Tee = this(&args)?;
    Ok(Value::tuple(vec![
        type_value(&receiver(&args)),
        Value::tuple(vec![Value::tuple(vec![])]),
        Value::tuple(vec![
            t.data.borrow().clone(),
            Value::Int(t.index.get() as i64),
        ]),
    ]))
}

fn tee_setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = one_arg(&args, "_tee.__setstate__")?;
    let t: &Tee = this(&args)?;
    let items = state_tuple(&state, 2, 2)?;
    if native_ref::<TeeData>(&items[0]).is_none() {
        return Err(type_error(format!(
            "argument 1 must be itertools._tee_dataobject, not {}",
            protocol::type_name(&items[0])
        )));
    }
    let index = ssize_arg(vm, &items[1])?;
    if !(0..=LINKCELLS as i64).contains(&index) {
        return Err(value_error("Index out of range"));
    }
    *t.data.borrow_mut() = items[0].clone();
    t.index.set(index as usize);
    Ok(Value::None)
}

fn tee_data_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = positional_new("teedataobject", &args, 3, 3)?;
    let Value::List(values) = &a[1] else {
        return Err(type_error(format!(
            "teedataobject() argument 2 must be list, not {}",
            protocol::type_name(&a[1])
        )));
    };
    let values = values.borrow().clone();
    let invalid = || value_error("Invalid arguments");
    if values.len() > LINKCELLS {
        return Err(invalid());
    }
    let next = match &a[2] {
        Value::None => None,
        // Only a full block has a next one.
        n if values.len() == LINKCELLS && native_ref::<TeeData>(n).is_some() => Some(n.clone()),
        _ => return Err(invalid()),
    };
    Ok(native_instance(
        &types().tee_data,
        TeeData {
            it: a[0].clone(),
            values: RefCell::new(values),
            nextlink: RefCell::new(next),
            running: Cell::new(false),
        },
    ))
}

fn tee_data_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "_tee_dataobject.__reduce__")?;
    let d: &TeeData = this(&args)?;
    Ok(Value::tuple(vec![
        type_value(&receiver(&args)),
        Value::tuple(vec![
            d.it.clone(),
            Value::list(d.values.borrow().clone()),
            d.nextlink.borrow().clone().unwrap_or(Value::None),
        ]),
    ]))
}

/// `itertools.tee(iterable, n=2)`: the iterator itself when it can copy
/// itself (`__copy__`), else a `_tee` of it, then `n - 1` copies.
pub(super) fn tee(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_keywords("itertools.tee", args.keywords)?;
    let a = args.positional;
    check_positional("tee", a.len(), 1, 2)?;
    let n = match a.get(1) {
        Some(n) => ssize_arg(vm, n)?,
        None => 2,
    };
    if n < 0 {
        return Err(value_error("n must be >= 0"));
    }
    let n = check_alloc(n)?;
    let mut result = Vec::new();
    result.try_reserve_exact(n).map_err(|_| no_memory())?;
    if n == 0 {
        return Ok(Value::tuple(result));
    }
    let it = protocol::iter(vm, &a[0])?;
    let (first, copy) = match copy_method(vm, &it)? {
        Some(copy) => (it, copy),
        None => {
            let first = tee_fromiterable(vm, &it)?;
            let copy = protocol::getattr(vm, &first, "__copy__")?;
            (first, copy)
        }
    };
    result.push(first);
    for _ in 1..n {
        result.push(vm.call(&copy, vec![])?);
    }
    Ok(Value::tuple(result))
}

/// `_PyObject_LookupAttr(it, "__copy__")`: an AttributeError means none.
fn copy_method(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    match protocol::getattr(vm, it, "__copy__") {
        Ok(f) => Ok(Some(f)),
        Err(e) if e.is_instance(&builtin_types().attribute_error) => Ok(None),
        Err(e) => Err(e),
    }
}
