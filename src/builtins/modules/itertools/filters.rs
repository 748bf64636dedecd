//! The iterators that end with their input: `accumulate`, `chain`,
//! `compress`, `dropwhile`, `takewhile`, `filterfalse`, `islice`,
//! `pairwise`, `starmap`, `zip_longest`.

use std::cell::{Cell, RefCell};

use super::infinite::self_iter;
use super::*;
use crate::object::exception::value_error;
use crate::object::function::{m, MethodDef};
use crate::vm::ops::arith::binary_op;

/// The next item of `it`, or the end of the calling iterator.
fn next_or_end(vm: &mut Vm, it: &Value) -> PyResult<Value> {
    protocol::next(vm, it)?.ok_or_else(exhausted)
}

/// `PyIter_Check`: an object with `__next__`.
fn is_iterator(v: &Value) -> bool {
    protocol::lookup(&protocol::type_of(v), "__next__").is_some()
        || matches!(v, Value::Iterator(_) | Value::Generator(_))
}

// ---------------------------------------------------------------- accumulate

/// accumulateobject: `total` is the running total (none before the first
/// item), `initial` the value still to give first (None when given).
struct Accumulate {
    it: Value,
    binop: Option<Value>,
    total: RefCell<Option<Value>>,
    initial: RefCell<Value>,
}

pub(super) const ACCUMULATE: &[MethodDef] = &[
    m("__new__", accumulate_new),
    m("__iter__", self_iter),
    m("__next__", accumulate_next),
    m("__reduce__", accumulate_reduce),
    m("__setstate__", accumulate_setstate),
];

fn accumulate_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = class_arg(&args)?;
    let a = bind(
        "accumulate",
        &args.positional[1..],
        args.keywords,
        &["iterable", "func", "initial"],
        1,
        2,
    )?;
    let it = protocol::iter(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    let binop = a[1].clone().filter(|f| !matches!(f, Value::None));
    Ok(native_instance(
        &cls,
        Accumulate {
            it,
            binop,
            total: RefCell::new(None),
            initial: RefCell::new(a[2].clone().unwrap_or(Value::None)),
        },
    ))
}

fn accumulate_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a: &Accumulate = this(&args)?;
    let initial = a.initial.replace(Value::None);
    if !matches!(initial, Value::None) {
        *a.total.borrow_mut() = Some(initial.clone());
        return Ok(initial);
    }
    let val = next_or_end(vm, &a.it)?;
    let total = a.total.borrow().clone();
    let Some(total) = total else {
        *a.total.borrow_mut() = Some(val.clone());
        return Ok(val);
    };
    let new = match &a.binop {
        None => binary_op(vm, 0, total, val)?,
        Some(f) => vm.call(f, vec![total, val])?,
    };
    *a.total.borrow_mut() = Some(new.clone());
    Ok(new)
}

fn accumulate_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "accumulate.__reduce__")?;
    let a: &Accumulate = this(&args)?;
    let me = receiver(&args);
    let cls = type_value(&me);
    let binop = a.binop.clone().unwrap_or(Value::None);
    let chain = Value::Type(types().chain.clone());
    let initial = a.initial.borrow().clone();
    if !matches!(initial, Value::None) {
        // chain((initial,), it) gives the initial value first.
        let it = vm.call(&chain, vec![Value::tuple(vec![initial]), a.it.clone()])?;
        return Ok(Value::tuple(vec![
            cls,
            Value::tuple(vec![it, binop]),
            Value::None,
        ]));
    }
    let total = a.total.borrow().clone();
    if let Some(Value::None) = total {
        // A total of None cannot be the state (None means "not started"):
        // islice(accumulate(chain((None,), it), func), 1, None).
        let it = vm.call(&chain, vec![Value::tuple(vec![Value::None]), a.it.clone()])?;
        let it = vm.call(&cls, vec![it, binop])?;
        return Ok(Value::tuple(vec![
            Value::Type(types().islice.clone()),
            Value::tuple(vec![it, Value::Int(1), Value::None]),
        ]));
    }
    Ok(Value::tuple(vec![
        cls,
        Value::tuple(vec![a.it.clone(), binop]),
        total.unwrap_or(Value::None),
    ]))
}

fn accumulate_setstate(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = one_arg(&args, "accumulate.__setstate__")?;
    let a: &Accumulate = this(&args)?;
    *a.total.borrow_mut() = Some(state);
    Ok(Value::None)
}

// ---------------------------------------------------------------- chain

/// chainobject: `source` gives the iterables (none once they are all
/// used), `active` is the iterator of the current one.
struct Chain {
    source: RefCell<Option<Value>>,
    active: RefCell<Option<Value>>,
}

pub(super) const CHAIN: &[MethodDef] = &[
    m("__new__", chain_new),
    m("from_iterable", chain_from_iterable).o().class(),
    m("__iter__", self_iter),
    m("__next__", chain_next),
    m("__reduce__", chain_reduce),
    m("__setstate__", chain_setstate),
];

fn new_chain(cls: &Rc<Type>, source: Value) -> Value {
    native_instance(
        cls,
        Chain {
            source: RefCell::new(Some(source)),
            active: RefCell::new(None),
        },
    )
}

fn chain_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = class_arg(&args)?;
    if Rc::ptr_eq(&cls, &types().chain) {
        no_keywords("chain", args.keywords)?;
    }
    let source = protocol::iter(vm, &Value::tuple(args.positional[1..].to_vec()))?;
    Ok(new_chain(&cls, source))
}

fn chain_from_iterable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = class_arg(&args)?;
    if args.positional.len() != 2 {
        return Err(type_error(format!(
            "chain.from_iterable() takes exactly one argument ({} given)",
            args.positional.len() - 1
        )));
    }
    let source = protocol::iter(vm, &args.positional[1])?;
    Ok(new_chain(&cls, source))
}

fn chain_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c: &Chain = this(&args)?;
    loop {
        let Some(source) = c.source.borrow().clone() else {
            return Err(exhausted());
        };
        let active = c.active.borrow().clone();
        let active = match active {
            Some(a) => a,
            None => {
                let iterable = match protocol::next(vm, &source) {
                    Ok(Some(v)) => v,
                    Ok(None) => {
                        *c.source.borrow_mut() = None;
                        return Err(exhausted());
                    }
                    Err(e) => {
                        *c.source.borrow_mut() = None;
                        return Err(e);
                    }
                };
                match protocol::iter(vm, &iterable) {
                    Ok(a) => {
                        *c.active.borrow_mut() = Some(a.clone());
                        a
                    }
                    Err(e) => {
                        *c.source.borrow_mut() = None;
                        return Err(e);
                    }
                }
            }
        };
        if let Some(item) = protocol::next(vm, &active)? {
            return Ok(item);
        }
        *c.active.borrow_mut() = None;
    }
}

fn chain_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "chain.__reduce__")?;
    let c: &Chain = this(&args)?;
    let cls = type_value(&receiver(&args));
    let source = c.source.borrow().clone();
    let active = c.active.borrow().clone();
    let mut parts = vec![cls, Value::tuple(vec![])];
    if let Some(source) = source {
        parts.push(Value::tuple(
            std::iter::once(source).chain(active).collect(),
        ));
    }
    Ok(Value::tuple(parts))
}

fn chain_setstate(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = one_arg(&args, "chain.__setstate__")?;
    let c: &Chain = this(&args)?;
    let items = state_tuple(&state, 1, 2)?;
    if !items.iter().all(is_iterator) {
        return Err(type_error("Arguments must be iterators."));
    }
    *c.source.borrow_mut() = Some(items[0].clone());
    *c.active.borrow_mut() = items.get(1).cloned();
    Ok(Value::None)
}

// ---------------------------------------------------------------- compress

struct Compress {
    data: Value,
    selectors: Value,
}

pub(super) const COMPRESS: &[MethodDef] = &[
    m("__new__", compress_new),
    m("__iter__", self_iter),
    m("__next__", compress_next),
    m("__reduce__", compress_reduce),
];

fn compress_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = class_arg(&args)?;
    let a = bind(
        "compress",
        &args.positional[1..],
        args.keywords,
        &["data", "selectors"],
        2,
        2,
    )?;
    let data = protocol::iter(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    let selectors = protocol::iter(vm, a[1].as_ref().unwrap_or(&Value::None))?;
    Ok(native_instance(&cls, Compress { data, selectors }))
}

fn compress_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c: &Compress = this(&args)?;
    loop {
        // Datum first, then selector, as the pure Python version.
        let datum = next_or_end(vm, &c.data)?;
        let selector = next_or_end(vm, &c.selectors)?;
        if protocol::truthy(vm, &selector)? {
            return Ok(datum);
        }
    }
}

fn compress_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "compress.__reduce__")?;
    let c: &Compress = this(&args)?;
    let cls = type_value(&receiver(&args));
    Ok(Value::tuple(vec![
        cls,
        Value::tuple(vec![c.data.clone(), c.selectors.clone()]),
    ]))
}

// ---------------------------------------------------------------- dropwhile, takewhile

/// dropwhileobject and takewhileobject: `flag` is dropwhile's `start` (the
/// predicate failed once) or takewhile's `stop`.
struct WhileObject {
    func: Value,
    it: Value,
    flag: Cell<bool>,
}

pub(super) const DROPWHILE: &[MethodDef] = &[
    m("__new__", dropwhile_new),
    m("__iter__", self_iter),
    m("__next__", dropwhile_next),
    m("__reduce__", while_reduce),
    m("__setstate__", while_setstate),
];

pub(super) const TAKEWHILE: &[MethodDef] = &[
    m("__new__", takewhile_new),
    m("__iter__", self_iter),
    m("__next__", takewhile_next),
    m("__reduce__", while_reduce),
    m("__setstate__", while_setstate),
];

fn while_new(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Value> {
    let cls = class_arg(args)?;
    let a = positional_new(name, args, 2, 2)?;
    let it = protocol::iter(vm, &a[1])?;
    Ok(native_instance(
        &cls,
        WhileObject {
            func: a[0].clone(),
            it,
            flag: Cell::new(false),
        },
    ))
}

fn dropwhile_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    while_new(vm, &args, "dropwhile")
}

fn takewhile_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    while_new(vm, &args, "takewhile")
}

fn dropwhile_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d: &WhileObject = this(&args)?;
    loop {
        let item = next_or_end(vm, &d.it)?;
        if d.flag.get() {
            return Ok(item);
        }
        let good = vm.call(&d.func, vec![item.clone()])?;
        if !protocol::truthy(vm, &good)? {
            d.flag.set(true);
            return Ok(item);
        }
    }
}

fn takewhile_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t: &WhileObject = this(&args)?;
    if t.flag.get() {
        return Err(exhausted());
    }
    let item = next_or_end(vm, &t.it)?;
    let good = vm.call(&t.func, vec![item.clone()])?;
    if protocol::truthy(vm, &good)? {
        return Ok(item);
    }
    t.flag.set(true);
    Err(exhausted())
}

fn while_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = receiver(&args);
    no_args(
        &args,
        &format!("{}.__reduce__", protocol::type_of(&me).name),
    )?;
    let w: &WhileObject = this(&args)?;
    Ok(Value::tuple(vec![
        type_value(&me),
        Value::tuple(vec![w.func.clone(), w.it.clone()]),
        Value::Int(w.flag.get() as i64),
    ]))
}

fn while_setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = one_arg(&args, "__setstate__")?;
    let w: &WhileObject = this(&args)?;
    let flag = protocol::truthy(vm, &state)?;
    w.flag.set(flag);
    Ok(Value::None)
}

// ---------------------------------------------------------------- filterfalse

struct FilterFalse {
    func: Value,
    it: Value,
}

pub(super) const FILTERFALSE: &[MethodDef] = &[
    m("__new__", filterfalse_new),
    m("__iter__", self_iter),
    m("__next__", filterfalse_next),
    m("__reduce__", filterfalse_reduce),
];

fn filterfalse_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = class_arg(&args)?;
    let a = positional_new("filterfalse", &args, 2, 2)?;
    let it = protocol::iter(vm, &a[1])?;
    Ok(native_instance(
        &cls,
        FilterFalse {
            func: a[0].clone(),
            it,
        },
    ))
}

fn filterfalse_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f: &FilterFalse = this(&args)?;
    let plain = match &f.func {
        Value::None => true,
        Value::Type(t) => Rc::ptr_eq(t, &builtin_types().bool_),
        _ => false,
    };
    loop {
        let item = next_or_end(vm, &f.it)?;
        let ok = if plain {
            protocol::truthy(vm, &item)?
        } else {
            let good = vm.call(&f.func, vec![item.clone()])?;
            protocol::truthy(vm, &good)?
        };
        if !ok {
            return Ok(item);
        }
    }
}

fn filterfalse_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "filterfalse.__reduce__")?;
    let f: &FilterFalse = this(&args)?;
    let cls = type_value(&receiver(&args));
    Ok(Value::tuple(vec![
        cls,
        Value::tuple(vec![f.func.clone(), f.it.clone()]),
    ]))
}

// ---------------------------------------------------------------- islice

/// isliceobject: `stop` is -1 for none; `cnt` counts the items read,
/// `next` is the index of the next one to give.
struct Islice {
    it: RefCell<Option<Value>>,
    next: Cell<i64>,
    stop: i64,
    step: i64,
    cnt: Cell<i64>,
}

pub(super) const ISLICE: &[MethodDef] = &[
    m("__new__", islice_new),
    m("__iter__", self_iter),
    m("__next__", islice_next),
    m("__reduce__", islice_reduce),
    m("__setstate__", islice_setstate),
];

const STOP_MSG: &str =
    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

/// `PyNumber_AsSsize_t(v, PyExc_OverflowError)` with any error cleared
/// to -1, as islice_new does.
fn index_or_minus_one(vm: &mut Vm, v: &Value) -> i64 {
    protocol::number::as_ssize_overflow(vm, v).unwrap_or(-1)
}

fn islice_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = class_arg(&args)?;
    if Rc::ptr_eq(&cls, &types().islice) {
        no_keywords("islice", args.keywords)?;
    }
    let a = &args.positional[1..];
    check_positional("islice", a.len(), 2, 4)?;
    let (mut start, mut stop, mut step) = (0, -1, 1);
    let is_none = |v: &Value| matches!(v, Value::None);
    if a.len() == 2 {
        if !is_none(&a[1]) {
            stop = index_or_minus_one(vm, &a[1]);
            if stop == -1 {
                return Err(value_error(STOP_MSG));
            }
        }
    } else {
        if !is_none(&a[1]) {
            start = index_or_minus_one(vm, &a[1]);
        }
        if !is_none(&a[2]) {
            stop = index_or_minus_one(vm, &a[2]);
            if stop == -1 {
                return Err(value_error(STOP_MSG));
            }
        }
    }
    if start < 0 || stop < -1 {
        return Err(value_error(
            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        ));
    }
    if let Some(s) = a.get(3) {
        if !is_none(s) {
            step = index_or_minus_one(vm, s);
        }
    }
    if step < 1 {
        return Err(value_error(
            "Step for islice() must be a positive integer or None.",
        ));
    }
    let it = protocol::iter(vm, &a[0])?;
    Ok(native_instance(
        &cls,
        Islice {
            it: RefCell::new(Some(it)),
            next: Cell::new(start),
            stop,
            step,
            cnt: Cell::new(0),
        },
    ))
}

fn islice_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s: &Islice = this(&args)?;
    let Some(it) = s.it.borrow().clone() else {
        return Err(exhausted());
    };
    let empty = || {
        *s.it.borrow_mut() = None;
        exhausted()
    };
    while s.cnt.get() < s.next.get() {
        if protocol::next(vm, &it)?.is_none() {
            return Err(empty());
        }
        s.cnt.set(s.cnt.get() + 1);
    }
    if s.stop != -1 && s.cnt.get() >= s.stop {
        return Err(empty());
    }
    let Some(item) = protocol::next(vm, &it)? else {
        return Err(empty());
    };
    s.cnt.set(s.cnt.get() + 1);
    let next = match s.next.get().checked_add(s.step) {
        Some(n) if s.stop == -1 || n <= s.stop => n,
        _ => s.stop,
    };
    s.next.set(next);
    Ok(item)
}

fn islice_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "islice.__reduce__")?;
    let s: &Islice = this(&args)?;
    let cls = type_value(&receiver(&args));
    let it = s.it.borrow().clone();
    let Some(it) = it else {
        let empty = protocol::iter(vm, &Value::list(vec![]))?;
        return Ok(Value::tuple(vec![
            cls,
            Value::tuple(vec![empty, Value::Int(0)]),
            Value::Int(0),
        ]));
    };
    let stop = if s.stop == -1 {
        Value::None
    } else {
        Value::Int(s.stop)
    };
    Ok(Value::tuple(vec![
        cls,
        Value::tuple(vec![it, Value::Int(s.next.get()), stop, Value::Int(s.step)]),
        Value::Int(s.cnt.get()),
    ]))
}

fn islice_setstate(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = one_arg(&args, "islice.__setstate__")?;
    let s: &Islice = this(&args)?;
    s.cnt.set(state_ssize(&state)?);
    Ok(Value::None)
}

// ---------------------------------------------------------------- pairwise

struct Pairwise {
    it: RefCell<Option<Value>>,
    old: RefCell<Option<Value>>,
}

pub(super) const PAIRWISE: &[MethodDef] = &[
    m("__new__", pairwise_new),
    m("__iter__", self_iter),
    m("__next__", pairwise_next),
];

fn pairwise_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = class_arg(&args)?;
    let a = positional_new("pairwise", &args, 1, 1)?;
    let it = protocol::iter(vm, &a[0])?;
    Ok(native_instance(
        &cls,
        Pairwise {
            it: RefCell::new(Some(it)),
            old: RefCell::new(None),
        },
    ))
}

fn pairwise_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p: &Pairwise = this(&args)?;
    let Some(it) = p.it.borrow().clone() else {
        return Err(exhausted());
    };
    let old = p.old.borrow().clone();
    let old = match old {
        Some(o) => o,
        None => match protocol::next(vm, &it)? {
            Some(o) => {
                *p.old.borrow_mut() = Some(o.clone());
                o
            }
            None => {
                *p.it.borrow_mut() = None;
                return Err(exhausted());
            }
        },
    };
    let Some(new) = protocol::next(vm, &it)? else {
        *p.it.borrow_mut() = None;
        *p.old.borrow_mut() = None;
        return Err(exhausted());
    };
    *p.old.borrow_mut() = Some(new.clone());
    Ok(Value::tuple(vec![old, new]))
}

// ---------------------------------------------------------------- starmap

struct Starmap {
    func: Value,
    it: Value,
}

pub(super) const STARMAP: &[MethodDef] = &[
    m("__new__", starmap_new),
    m("__iter__", self_iter),
    m("__next__", starmap_next),
    m("__reduce__", starmap_reduce),
];

fn starmap_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = class_arg(&args)?;
    let a = positional_new("starmap", &args, 2, 2)?;
    let it = protocol::iter(vm, &a[1])?;
    Ok(native_instance(
        &cls,
        Starmap {
            func: a[0].clone(),
            it,
        },
    ))
}

fn starmap_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s: &Starmap = this(&args)?;
    let item = next_or_end(vm, &s.it)?;
    let call_args = sequence_tuple(vm, &item)?;
    vm.call(&s.func, call_args.to_vec())
}

fn starmap_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "starmap.__reduce__")?;
    let s: &Starmap = this(&args)?;
    let cls = type_value(&receiver(&args));
    Ok(Value::tuple(vec![
        cls,
        Value::tuple(vec![s.func.clone(), s.it.clone()]),
    ]))
}

// ---------------------------------------------------------------- zip_longest

/// ziplongestobject: an exhausted input's iterator is dropped (`None`).
struct ZipLongest {
    its: RefCell<Vec<Option<Value>>>,
    numactive: Cell<usize>,
    fillvalue: RefCell<Value>,
}

pub(super) const ZIP_LONGEST: &[MethodDef] = &[
    m("__new__", zip_longest_new),
    m("__iter__", self_iter),
    m("__next__", zip_longest_next),
    m("__reduce__", zip_longest_reduce),
    m("__setstate__", zip_longest_setstate),
];

fn zip_longest_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = class_arg(&args)?;
    let fillvalue = match args.keywords {
        [] => Value::None,
        [(k, v)] if &**k == "fillvalue" => v.clone(),
        _ => {
            return Err(type_error(
                "zip_longest() got an unexpected keyword argument",
            ))
        }
    };
    let mut its = Vec::new();
    for a in &args.positional[1..] {
        its.push(Some(protocol::iter(vm, a)?));
    }
    let n = its.len();
    Ok(native_instance(
        &cls,
        ZipLongest {
            its: RefCell::new(its),
            numactive: Cell::new(n),
            fillvalue: RefCell::new(fillvalue),
        },
    ))
}

fn zip_longest_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z: &ZipLongest = this(&args)?;
    let n = z.its.borrow().len();
    if n == 0 || z.numactive.get() == 0 {
        return Err(exhausted());
    }
    let mut result = Vec::with_capacity(n);
    for i in 0..n {
        let it = z.its.borrow().get(i).cloned().flatten();
        let item = match it {
            None => z.fillvalue.borrow().clone(),
            Some(it) => match protocol::next(vm, &it) {
                Ok(Some(item)) => item,
                Ok(None) => {
                    z.numactive.set(z.numactive.get().saturating_sub(1));
                    if z.numactive.get() == 0 {
                        return Err(exhausted());
                    }
                    if let Some(slot) = z.its.borrow_mut().get_mut(i) {
                        *slot = None;
                    }
                    z.fillvalue.borrow().clone()
                }
                Err(e) => {
                    z.numactive.set(0);
                    return Err(e);
                }
            },
        };
        result.push(item);
    }
    Ok(Value::tuple(result))
}

fn zip_longest_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "zip_longest.__reduce__")?;
    let z: &ZipLongest = this(&args)?;
    let cls = type_value(&receiver(&args));
    // An exhausted input pickles as an empty tuple.
    let its = z
        .its
        .borrow()
        .iter()
        .map(|it| it.clone().unwrap_or_else(|| Value::tuple(vec![])))
        .collect();
    Ok(Value::tuple(vec![
        cls,
        Value::tuple(its),
        z.fillvalue.borrow().clone(),
    ]))
}

fn zip_longest_setstate(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = one_arg(&args, "zip_longest.__setstate__")?;
    let z: &ZipLongest = this(&args)?;
    *z.fillvalue.borrow_mut() = state;
    Ok(Value::None)
}
