//! `product`, `permutations`, `combinations` and
//! `combinations_with_replacement`: index vectors over pools made into
//! tuples, stepped as CPython's odometers are.

use std::cell::{Cell, RefCell};

use super::infinite::self_iter;
use super::*;
use crate::object::exception::value_error;
use crate::object::function::{m, MethodDef};

fn pool_tuple(pool: &[Value]) -> Value {
    Value::Tuple(pool.into())
}

fn index_tuple(indices: &[usize]) -> Value {
    Value::tuple(indices.iter().map(|&i| Value::Int(i as i64)).collect())
}

/// `pool[i]` for each index.
fn pick(pool: &[Value], indices: &[usize]) -> Value {
    Value::tuple(
        indices
            .iter()
            .map(|&i| pool.get(i).cloned().unwrap_or(Value::None))
            .collect(),
    )
}

/// The items of a `__setstate__` tuple of exactly `n` indices.
fn state_indices(state: &Value, n: usize) -> PyResult<Vec<i64>> {
    match state {
        Value::Tuple(items) if items.len() == n => items.iter().map(state_ssize).collect(),
        _ => Err(value_error("invalid arguments")),
    }
}

// ---------------------------------------------------------------- product

/// productobject: `pools` is the tuple of pool tuples (what `__reduce__`
/// gives back), `started` that a first result was given.
struct Product {
    pools: Value,
    indices: RefCell<Vec<usize>>,
    started: Cell<bool>,
    stopped: Cell<bool>,
}

impl Product {
    fn pools(&self) -> Vec<Rc<[Value]>> {
        match &self.pools {
            Value::Tuple(t) => t
                .iter()
                .map(|p| match p {
                    Value::Tuple(p) => p.clone(),
                    _ => Rc::from(Vec::new()),
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    fn current(&self, pools: &[Rc<[Value]>]) -> Value {
        let indices = self.indices.borrow();
        Value::tuple(
            pools
                .iter()
                .zip(indices.iter())
                .map(|(p, &i)| p.get(i).cloned().unwrap_or(Value::None))
                .collect(),
        )
    }
}

pub(super) const PRODUCT: &[MethodDef] = &[
    m("__new__", product_new),
    m("__iter__", self_iter),
    m("__next__", product_next),
    m("__reduce__", product_reduce),
    m("__setstate__", product_setstate),
    m("__sizeof__", product_sizeof),
];

fn product_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = class_arg(&args)?;
    let mut repeat = 1;
    if !args.keywords.is_empty() {
        let a = bind("product", &[], args.keywords, &["repeat"], 0, 0)?;
        if let Some(r) = &a[0] {
            repeat = ssize_arg(vm, r)?;
        }
        if repeat < 0 {
            return Err(value_error("repeat argument cannot be negative"));
        }
    }
    let given = &args.positional[1..];
    let nargs = if repeat == 0 { 0 } else { given.len() };
    if nargs as u64 > (i64::MAX as u64) / 8 / repeat.max(1) as u64 {
        return Err(overflow_error("repeat argument too large"));
    }
    let npools = check_alloc(nargs as i64 * repeat)?;
    let indices = words(npools, 0)?;
    let mut pools = Vec::new();
    pools.try_reserve_exact(npools).map_err(|_| no_memory())?;
    for a in &given[..nargs] {
        pools.push(Value::Tuple(sequence_tuple(vm, a)?));
    }
    for i in nargs..npools {
        pools.push(pools[i - nargs].clone());
    }
    Ok(native_instance(
        &cls,
        Product {
            pools: Value::tuple(pools),
            indices: RefCell::new(indices),
            started: Cell::new(false),
            stopped: Cell::new(false),
        },
    ))
}

fn product_next(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p: &Product = this(&args)?;
    if p.stopped.get() {
        return Err(exhausted());
    }
    let pools = p.pools();
    if !p.started.get() {
        p.started.set(true);
        if pools.iter().any(|pool| pool.is_empty()) {
            p.stopped.set(true);
            return Err(exhausted());
        }
        return Ok(p.current(&pools));
    }
    {
        // Right to left: advance one pool, rolling over to the left.
        let mut indices = p.indices.borrow_mut();
        let mut i = pools.len();
        loop {
            if i == 0 {
                drop(indices);
                p.stopped.set(true);
                return Err(exhausted());
            }
            i -= 1;
            indices[i] += 1;
            if indices[i] < pools[i].len() {
                break;
            }
            indices[i] = 0;
        }
    }
    Ok(p.current(&pools))
}

fn product_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "product.__reduce__")?;
    let p: &Product = this(&args)?;
    let cls = type_value(&receiver(&args));
    Ok(if p.stopped.get() {
        Value::tuple(vec![cls, Value::tuple(vec![Value::tuple(vec![])])])
    } else if !p.started.get() {
        Value::tuple(vec![cls, p.pools.clone()])
    } else {
        Value::tuple(vec![cls, p.pools.clone(), index_tuple(&p.indices.borrow())])
    })
}

fn product_setstate(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = one_arg(&args, "product.__setstate__")?;
    let p: &Product = this(&args)?;
    let pools = p.pools();
    let wanted = state_indices(&state, pools.len())?;
    let mut indices = Vec::with_capacity(pools.len());
    for (pool, &index) in pools.iter().zip(&wanted) {
        if pool.is_empty() {
            p.stopped.set(true);
            return Ok(Value::None);
        }
        indices.push(index.clamp(0, pool.len() as i64 - 1) as usize);
    }
    *p.indices.borrow_mut() = indices;
    p.started.set(true);
    Ok(Value::None)
}

fn product_sizeof(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "product.__sizeof__")?;
    let p: &Product = this(&args)?;
    let base = basic_size(&receiver(&args), &types().product, 48);
    Ok(Value::Int((base + 8 * p.indices.borrow().len()) as i64))
}

// ---------------------------------------------------------------- combinations

/// combinationsobject and cwrobject: `r` indices into `pool`, sorted
/// (strictly for combinations); `started` that a first result was given.
struct Combinations {
    pool: Rc<[Value]>,
    r: usize,
    indices: RefCell<Vec<usize>>,
    started: Cell<bool>,
    stopped: Cell<bool>,
}

pub(super) const COMBINATIONS: &[MethodDef] = &[
    m("__new__", combinations_new),
    m("__iter__", self_iter),
    m("__next__", combinations_next),
    m("__reduce__", combinations_reduce),
    m("__setstate__", combinations_setstate),
    m("__sizeof__", combinations_sizeof),
];

pub(super) const COMBINATIONS_WITH_REPLACEMENT: &[MethodDef] = &[
    m("__new__", cwr_new),
    m("__iter__", self_iter),
    m("__next__", cwr_next),
    m("__reduce__", combinations_reduce),
    m("__setstate__", cwr_setstate),
    m("__sizeof__", combinations_sizeof),
];

/// The shared constructor: `iterable` and `r` (converted first, as the
/// Clinic wrapper does before the pool is made).
fn combinations_common(
    vm: &mut Vm,
    args: &Args,
    name: &str,
    with_replacement: bool,
) -> PyResult<Value> {
    let cls = class_arg(args)?;
    let a = bind(
        name,
        &args.positional[1..],
        args.keywords,
        &["iterable", "r"],
        2,
        2,
    )?;
    let r = ssize_arg(vm, a[1].as_ref().unwrap_or(&Value::None))?;
    let pool = sequence_tuple(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    if r < 0 {
        return Err(value_error("r must be non-negative"));
    }
    let r = check_alloc(r)?;
    let n = pool.len();
    let stopped = if with_replacement {
        n == 0 && r > 0
    } else {
        r > n
    };
    // The r indices are allocated even when no combination can be made,
    // so an r too large for memory is a MemoryError as in CPython.
    let mut indices = Vec::new();
    indices.try_reserve_exact(r).map_err(|_| no_memory())?;
    if stopped {
    } else if with_replacement {
        indices.resize(r, 0);
    } else {
        indices.extend(0..r);
    }
    Ok(native_instance(
        &cls,
        Combinations {
            pool,
            r,
            indices: RefCell::new(indices),
            started: Cell::new(false),
            stopped: Cell::new(stopped),
        },
    ))
}

fn combinations_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    combinations_common(vm, &args, "combinations", false)
}

fn cwr_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    combinations_common(vm, &args, "combinations_with_replacement", true)
}

fn combinations_next(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c: &Combinations = this(&args)?;
    if c.stopped.get() {
        return Err(exhausted());
    }
    let (n, r) = (c.pool.len(), c.r);
    if c.started.get() {
        let mut indices = c.indices.borrow_mut();
        // The rightmost index not at its maximum (i + n - r).
        let Some(i) = (0..r).rev().find(|&i| indices[i] != i + n - r) else {
            drop(indices);
            c.stopped.set(true);
            return Err(exhausted());
        };
        indices[i] += 1;
        for j in i + 1..r {
            indices[j] = indices[j - 1] + 1;
        }
    }
    c.started.set(true);
    Ok(pick(&c.pool, &c.indices.borrow()))
}

fn cwr_next(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c: &Combinations = this(&args)?;
    if c.stopped.get() {
        return Err(exhausted());
    }
    let (n, r) = (c.pool.len(), c.r);
    if c.started.get() {
        let mut indices = c.indices.borrow_mut();
        // The rightmost index not at its maximum (n - 1).
        let Some(i) = (0..r).rev().find(|&i| indices[i] != n - 1) else {
            drop(indices);
            c.stopped.set(true);
            return Err(exhausted());
        };
        let index = indices[i] + 1;
        for slot in &mut indices[i..] {
            *slot = index;
        }
    }
    c.started.set(true);
    Ok(pick(&c.pool, &c.indices.borrow()))
}

fn combinations_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = receiver(&args);
    no_args(
        &args,
        &format!("{}.__reduce__", protocol::type_of(&me).name),
    )?;
    let c: &Combinations = this(&args)?;
    let cls = type_value(&me);
    let r = Value::Int(c.r as i64);
    Ok(if !c.started.get() {
        Value::tuple(vec![cls, Value::tuple(vec![pool_tuple(&c.pool), r])])
    } else if c.stopped.get() {
        Value::tuple(vec![cls, Value::tuple(vec![Value::tuple(vec![]), r])])
    } else {
        Value::tuple(vec![
            cls,
            Value::tuple(vec![pool_tuple(&c.pool), r]),
            index_tuple(&c.indices.borrow()),
        ])
    })
}

fn combinations_setstate(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = one_arg(&args, "combinations.__setstate__")?;
    let c: &Combinations = this(&args)?;
    let wanted = state_indices(&state, c.r)?;
    let (n, r) = (c.pool.len() as i64, c.r as i64);
    if r > n {
        // No index is valid in a pool smaller than r.
        return Ok(Value::None);
    }
    let indices = wanted
        .iter()
        .enumerate()
        .map(|(i, &index)| index.min(i as i64 + n - r).max(0) as usize)
        .collect();
    *c.indices.borrow_mut() = indices;
    c.started.set(true);
    Ok(Value::None)
}

fn cwr_setstate(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = one_arg(&args, "combinations_with_replacement.__setstate__")?;
    let c: &Combinations = this(&args)?;
    let wanted = state_indices(&state, c.r)?;
    let n = c.pool.len() as i64;
    if n == 0 {
        return Ok(Value::None);
    }
    let indices = wanted
        .iter()
        .map(|&index| index.clamp(0, n - 1) as usize)
        .collect();
    *c.indices.borrow_mut() = indices;
    c.started.set(true);
    Ok(Value::None)
}

fn combinations_sizeof(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = receiver(&args);
    no_args(
        &args,
        &format!("{}.__sizeof__", protocol::type_of(&me).name),
    )?;
    let c: &Combinations = this(&args)?;
    let t = types();
    let native =
        if native_ref::<Combinations>(&me).is_some() && protocol::type_of(&me).is_subtype(&t.cwr) {
            &t.cwr
        } else {
            &t.combinations
        };
    Ok(Value::Int((basic_size(&me, native, 56) + 8 * c.r) as i64))
}

// ---------------------------------------------------------------- permutations

/// permutationsobject: `indices` orders the whole pool, `cycles` counts
/// down each of the first `r` positions.
struct Permutations {
    pool: Rc<[Value]>,
    r: usize,
    indices: RefCell<Vec<usize>>,
    cycles: RefCell<Vec<usize>>,
    started: Cell<bool>,
    stopped: Cell<bool>,
}

pub(super) const PERMUTATIONS: &[MethodDef] = &[
    m("__new__", permutations_new),
    m("__iter__", self_iter),
    m("__next__", permutations_next),
    m("__reduce__", permutations_reduce),
    m("__setstate__", permutations_setstate),
    m("__sizeof__", permutations_sizeof),
];

fn permutations_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = class_arg(&args)?;
    let a = bind(
        "permutations",
        &args.positional[1..],
        args.keywords,
        &["iterable", "r"],
        1,
        2,
    )?;
    let pool = sequence_tuple(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    let n = pool.len();
    let r = match &a[1] {
        None | Some(Value::None) => n as i64,
        Some(r) if is_int(r) => match int_value(r) {
            Some(r) => r,
            None => {
                return Err(overflow_error(
                    "Python int too large to convert to C ssize_t",
                ))
            }
        },
        Some(_) => return Err(type_error("Expected int as r")),
    };
    if r < 0 {
        return Err(value_error("r must be non-negative"));
    }
    let r = check_alloc(r)?;
    let stopped = r > n;
    let indices: Vec<usize> = (0..n).collect();
    // Allocated even when r > n, so a huge r is a MemoryError as in CPython.
    let mut cycles = Vec::new();
    cycles.try_reserve_exact(r).map_err(|_| no_memory())?;
    if !stopped {
        cycles.extend((0..r).map(|i| n - i));
    }
    Ok(native_instance(
        &cls,
        Permutations {
            pool,
            r,
            indices: RefCell::new(indices),
            cycles: RefCell::new(cycles),
            started: Cell::new(false),
            stopped: Cell::new(stopped),
        },
    ))
}

fn permutations_next(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p: &Permutations = this(&args)?;
    if p.stopped.get() {
        return Err(exhausted());
    }
    let (n, r) = (p.pool.len(), p.r);
    if p.started.get() {
        if n == 0 {
            p.stopped.set(true);
            return Err(exhausted());
        }
        let mut indices = p.indices.borrow_mut();
        let mut cycles = p.cycles.borrow_mut();
        let mut advanced = false;
        for i in (0..r).rev() {
            cycles[i] -= 1;
            if cycles[i] == 0 {
                // indices[i:] = indices[i+1:] + indices[i:i+1]
                indices[i..].rotate_left(1);
                cycles[i] = n - i;
            } else {
                let j = cycles[i];
                indices.swap(i, n - j);
                advanced = true;
                break;
            }
        }
        if !advanced {
            drop((indices, cycles));
            p.stopped.set(true);
            return Err(exhausted());
        }
    }
    p.started.set(true);
    Ok(pick(&p.pool, &p.indices.borrow()[..r]))
}

fn permutations_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "permutations.__reduce__")?;
    let p: &Permutations = this(&args)?;
    let cls = type_value(&receiver(&args));
    let r = Value::Int(p.r as i64);
    Ok(if !p.started.get() {
        Value::tuple(vec![cls, Value::tuple(vec![pool_tuple(&p.pool), r])])
    } else if p.stopped.get() {
        Value::tuple(vec![cls, Value::tuple(vec![Value::tuple(vec![]), r])])
    } else {
        Value::tuple(vec![
            cls,
            Value::tuple(vec![pool_tuple(&p.pool), r]),
            Value::tuple(vec![
                index_tuple(&p.indices.borrow()),
                index_tuple(&p.cycles.borrow()),
            ]),
        ])
    })
}

fn permutations_setstate(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = one_arg(&args, "permutations.__setstate__")?;
    let p: &Permutations = this(&args)?;
    let items = state_tuple(&state, 2, 2)?;
    for (k, item) in items.iter().enumerate() {
        if !matches!(item, Value::Tuple(_)) {
            return Err(type_error(format!(
                "argument {} must be tuple, not {}",
                k + 1,
                protocol::type_name(item)
            )));
        }
    }
    let (n, r) = (p.pool.len(), p.r);
    let (Value::Tuple(wi), Value::Tuple(wc)) = (&items[0], &items[1]) else {
        return Err(value_error("invalid arguments"));
    };
    if wi.len() != n || wc.len() != r {
        return Err(value_error("invalid arguments"));
    }
    let wi: Vec<i64> = wi.iter().map(state_ssize).collect::<PyResult<_>>()?;
    let wc: Vec<i64> = wc.iter().map(state_ssize).collect::<PyResult<_>>()?;
    if r > n {
        return Ok(Value::None);
    }
    let indices = wi
        .iter()
        .map(|&i| i.clamp(0, n as i64 - 1) as usize)
        .collect();
    let cycles = wc
        .iter()
        .enumerate()
        .map(|(i, &c)| c.clamp(1, (n - i) as i64) as usize)
        .collect();
    *p.indices.borrow_mut() = indices;
    *p.cycles.borrow_mut() = cycles;
    p.started.set(true);
    Ok(Value::None)
}

fn permutations_sizeof(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "permutations.__sizeof__")?;
    let p: &Permutations = this(&args)?;
    let base = basic_size(&receiver(&args), &types().permutations, 64);
    Ok(Value::Int((base + 8 * (p.pool.len() + p.r)) as i64))
}
