//! Sequences, sets and iterators: indexing, slicing, unpacking, set algebra,
//! advancing the builtin iterators, and FOR_ITER's frame for a user
//! `__next__`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::exception::{index_error, type_error, value_error};
use crate::object::iter::{DictView, IterState};
use crate::object::{builtin_types, Dict, PyErr, PyResult, Value};
use crate::vm::protocol::{self, type_name};
use crate::vm::Vm;

use super::arith::index_of;

pub fn normalize_index(i: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let i = if i < 0 { i + len } else { i };
    (0..len).contains(&i).then_some(i as usize)
}

/// `PySlice_GetIndicesEx`: (start, stop, step, count) for a sequence of `len`.
pub fn slice_indices(slice: &[Value; 3], len: usize) -> PyResult<(i64, i64, i64, usize)> {
    let len = len as i64;
    let step = match &slice[2] {
        Value::None => 1,
        v => index_of(v)?,
    };
    if step == 0 {
        return Err(value_error("slice step cannot be zero"));
    }
    let clamp = |v: &Value, default: i64| -> PyResult<i64> {
        Ok(match v {
            Value::None => default,
            v => {
                let mut i = match v {
                    Value::BigInt(b) => {
                        if num_traits::Signed::is_negative(&**b) {
                            i64::MIN / 2
                        } else {
                            i64::MAX / 2
                        }
                    }
                    _ => index_of(v)?,
                };
                if i < 0 {
                    i += len;
                    if i < 0 {
                        i = if step < 0 { -1 } else { 0 };
                    }
                } else if i >= len {
                    i = if step < 0 { len - 1 } else { len };
                }
                i
            }
        })
    };
    let (start, stop) = if step < 0 {
        (clamp(&slice[0], len - 1)?, clamp(&slice[1], -1)?)
    } else {
        (clamp(&slice[0], 0)?, clamp(&slice[1], len)?)
    };
    let count = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok((start, stop, step, count as usize))
}

pub fn slice_items(_vm: &mut Vm, items: &[Value], slice: &[Value; 3]) -> PyResult<Vec<Value>> {
    let (start, _, step, count) = slice_indices(slice, items.len())?;
    Ok((0..count)
        .map(|k| items[(start + k as i64 * step) as usize].clone())
        .collect())
}

pub fn list_set_slice(
    _vm: &mut Vm,
    list: &Rc<RefCell<Vec<Value>>>,
    slice: &[Value; 3],
    new: Vec<Value>,
) -> PyResult<()> {
    assign_slice(&mut list.borrow_mut(), slice, new, "sequence")
}

/// `items[slice] = new` for a list or bytearray (list_ass_slice /
/// bytearray_setslice): a plain slice is replaced by any number of items,
/// an extended one needs exactly as many; `what` names them in the error.
pub fn assign_slice<T>(
    items: &mut Vec<T>,
    slice: &[Value; 3],
    new: Vec<T>,
    what: &str,
) -> PyResult<()> {
    let (start, stop, step, count) = slice_indices(slice, items.len())?;
    if step == 1 {
        let stop = stop.max(start);
        items.splice(start as usize..stop as usize, new);
        return Ok(());
    }
    if new.len() != count {
        return Err(value_error(format!(
            "attempt to assign {what} of size {} to extended slice of size {count}",
            new.len()
        )));
    }
    for (k, v) in new.into_iter().enumerate() {
        items[(start + k as i64 * step) as usize] = v;
    }
    Ok(())
}

pub fn list_del_slice(
    _vm: &mut Vm,
    list: &Rc<RefCell<Vec<Value>>>,
    slice: &[Value; 3],
) -> PyResult<()> {
    let mut l = list.borrow_mut();
    let (start, _, step, count) = slice_indices(slice, l.len())?;
    let mut doomed: Vec<usize> = (0..count)
        .map(|k| (start + k as i64 * step) as usize)
        .collect();
    doomed.sort_unstable();
    for i in doomed.into_iter().rev() {
        l.remove(i);
    }
    Ok(())
}

pub fn str_getitem(_vm: &mut Vm, s: &Rc<str>, key: &Value) -> PyResult<Value> {
    if let Value::Slice(sl) = key {
        return str_slice(s, sl);
    }
    let i = index_of(key).map_err(|_| {
        type_error(format!(
            "string indices must be integers, not '{}'",
            type_name(key)
        ))
    })?;
    let c = if s.is_ascii() {
        normalize_index(i, s.len()).map(|i| (s.as_bytes()[i] as char).to_string())
    } else {
        let n = s.chars().count();
        normalize_index(i, n)
            .and_then(|i| s.chars().nth(i))
            .map(|c| c.to_string())
    };
    c.map(|c| Value::str(&c))
        .ok_or_else(|| index_error("string index out of range"))
}

/// `s[start:stop:step]`. The whole of a str is the str itself and a
/// contiguous slice is one copy of its bytes, found without collecting the
/// characters (`match.string[:0]` on a long text must not cost its length).
fn str_slice(s: &Rc<str>, sl: &[Value; 3]) -> PyResult<Value> {
    let ascii = s.is_ascii();
    let len = if ascii { s.len() } else { s.chars().count() };
    let (start, _, step, count) = slice_indices(sl, len)?;
    if count == 0 {
        return Ok(Value::str(""));
    }
    if step == 1 {
        if count == len {
            return Ok(Value::Str(s.clone()));
        }
        let start = start as usize;
        if ascii {
            return Ok(Value::str(&s[start..start + count]));
        }
        let mut offsets = s
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(s.len()));
        let from = offsets.nth(start).unwrap_or(s.len());
        let to = offsets.nth(count - 1).unwrap_or(s.len());
        return Ok(Value::str(&s[from..to]));
    }
    let out: String = if ascii {
        let bytes = s.as_bytes();
        (0..count)
            .map(|k| bytes[(start + k as i64 * step) as usize] as char)
            .collect()
    } else {
        let chars: Vec<char> = s.chars().collect();
        (0..count)
            .map(|k| chars[(start + k as i64 * step) as usize])
            .collect()
    };
    Ok(Value::str(&out))
}

/// BINARY_SUBSCR of a list or tuple by an in-range machine int, or of a
/// dict by a key of a builtin type that is present, done in the loop;
/// `None` leaves everything else (errors included) to `getitem`.
#[inline(always)]
pub fn fast_subscript(container: &Value, key: &Value) -> Option<Value> {
    match (container, key) {
        (Value::List(l), Value::Int(i)) => {
            let l = l.borrow();
            normalize_index(*i, l.len()).map(|i| l[i].clone())
        }
        (Value::Tuple(t), Value::Int(i)) => normalize_index(*i, t.len()).map(|i| t[i].clone()),
        (Value::Dict(d), _) => dict_subscript(d, key),
        _ => None,
    }
}

/// `d[key]` when the key's hash and every comparison it takes are builtin
/// (no `__hash__`/`__eq__` of a user class can run), and the key is there.
fn dict_subscript(d: &Rc<RefCell<Dict>>, key: &Value) -> Option<Value> {
    if let Value::Str(s) = key {
        return d.borrow().lookup_str(protocol::str_hash(s), s)?;
    }
    let hash = protocol::builtin_hash(key)?;
    protocol::fast_lookup(d, hash, key)?
}

/// STORE_SUBSCR into a list at an in-range machine int, or into a dict
/// under a key whose hash and comparisons are builtin, done in the loop.
/// Gives the key and value back when `setitem` must decide.
#[inline(always)]
pub fn fast_store_subscript(container: &Value, key: Value, value: Value) -> Option<(Value, Value)> {
    match (container, &key) {
        (Value::List(l), Value::Int(i)) => {
            let mut l = l.borrow_mut();
            match normalize_index(*i, l.len()) {
                Some(i) => {
                    let old = std::mem::replace(&mut l[i], value);
                    drop(l);
                    drop(old);
                    None
                }
                None => Some((key, value)),
            }
        }
        (Value::Dict(d), _) => match protocol::builtin_hash(&key) {
            Some(hash) => protocol::dict_insert_hashed(d, hash, key, value),
            None => Some((key, value)),
        },
        _ => Some((key, value)),
    }
}

/// UNPACK_SEQUENCE: exactly `n` items.
pub fn unpack(vm: &mut Vm, v: &Value, n: usize) -> PyResult<Vec<Value>> {
    let items = match v {
        Value::Tuple(t) => t.to_vec(),
        Value::List(l) => l.borrow().clone(),
        _ => protocol::collect(vm, v).map_err(|e| {
            if e.is_instance(&builtin_types().type_error) {
                type_error(format!(
                    "cannot unpack non-iterable {} object",
                    type_name(v)
                ))
            } else {
                e
            }
        })?,
    };
    if items.len() < n {
        return Err(value_error(format!(
            "not enough values to unpack (expected {n}, got {})",
            items.len()
        )));
    }
    if items.len() > n {
        return Err(value_error(format!(
            "too many values to unpack (expected {n})"
        )));
    }
    Ok(items)
}

/// UNPACK_EX: `before` items, a list of the rest, `after` items.
pub fn unpack_ex(vm: &mut Vm, v: &Value, before: usize, after: usize) -> PyResult<Vec<Value>> {
    let items = protocol::collect(vm, v).map_err(|e| {
        if e.is_instance(&builtin_types().type_error) {
            type_error(format!(
                "cannot unpack non-iterable {} object",
                type_name(v)
            ))
        } else {
            e
        }
    })?;
    if items.len() < before + after {
        return Err(value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            items.len()
        )));
    }
    let mut out = items[..before].to_vec();
    out.push(Value::list(items[before..items.len() - after].to_vec()));
    out.extend_from_slice(&items[items.len() - after..]);
    Ok(out)
}

fn set_dict(v: &Value) -> Dict {
    match v {
        Value::Set(d) => d.borrow().clone(),
        Value::FrozenSet(d) => (**d).clone(),
        _ => Dict::new(),
    }
}

fn contains_builtin(d: &Dict, e: &crate::object::dict::Entry) -> PyResult<bool> {
    let mut eq = |a: &Value, b: &Value| Ok(protocol::builtin_eq(a, b).unwrap_or(false));
    Ok(d.get(e.hash, &e.key, &mut eq)?.is_some())
}

/// `&`, `|`, `^`, `-` on sets (the result has the left operand's type).
/// Operands are walked in their set order and the result is built in the
/// order setobject.c's `set_intersection`, `set_or`, `set_difference` and
/// `set_symmetric_difference` add to it, so its own set order is CPython's.
pub fn set_binary(op: usize, a: &Value, b: &Value) -> PyResult<Value> {
    let (x, y) = (set_dict(a), set_dict(b));
    let mut out = Dict::new();
    let mut eq = |p: &Value, q: &Value| Ok(protocol::builtin_eq(p, q).unwrap_or(false));
    match op {
        1 => {
            // Walk the smaller operand, probing the other.
            let (small, big) = if y.len() > x.len() {
                (&x, &y)
            } else {
                (&y, &x)
            };
            for e in small.set_order_entries() {
                if contains_builtin(big, &e)? {
                    out.insert(e.hash, e.key.clone(), Value::None, &mut eq)?;
                }
            }
        }
        7 => {
            for e in x
                .set_order_entries()
                .iter()
                .chain(y.set_order_entries().iter())
            {
                out.insert(e.hash, e.key.clone(), Value::None, &mut eq)?;
            }
        }
        10 => {
            for e in x.set_order_entries() {
                if !contains_builtin(&y, &e)? {
                    out.insert(e.hash, e.key.clone(), Value::None, &mut eq)?;
                }
            }
        }
        _ => {
            // A copy of the left operand, then each item of the right one
            // removed if present and added otherwise.
            for e in x.set_order_entries() {
                out.insert(e.hash, e.key.clone(), Value::None, &mut eq)?;
            }
            for e in y.set_order_entries() {
                if out.remove(e.hash, &e.key, &mut eq)?.is_none() {
                    out.insert(e.hash, e.key.clone(), Value::None, &mut eq)?;
                }
            }
        }
    }
    Ok(match a {
        Value::FrozenSet(_) => Value::FrozenSet(Rc::new(out)),
        _ => Value::Set(Rc::new(RefCell::new(out))),
    })
}

pub fn set_compare(_vm: &mut Vm, a: &Value, b: &Value, op: usize) -> PyResult<bool> {
    let (x, y) = (set_dict(a), set_dict(b));
    let subset = |p: &Dict, q: &Dict| -> PyResult<bool> {
        for e in p.iter() {
            if !contains_builtin(q, e)? {
                return Ok(false);
            }
        }
        Ok(true)
    };
    Ok(match op {
        0 => x.len() < y.len() && subset(&x, &y)?,
        1 => subset(&x, &y)?,
        2 => x.len() == y.len() && subset(&x, &y)?,
        3 => !(x.len() == y.len() && subset(&x, &y)?),
        4 => x.len() > y.len() && subset(&y, &x)?,
        _ => subset(&y, &x)?,
    })
}

/// The items `list.extend(v)` takes (listobject.c's `list_extend`): for an
/// object of a Python class, `iter(v)` then its length hint, then the items.
pub fn list_extend_items(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    if let Value::Iterator(state) = v {
        // The __length_hint__ of iterators over a Python sequence asks its
        // __len__ (iterobject.c's iter_len, enumobject.c's reversed_len).
        let seq = match &*state.borrow() {
            IterState::Sequence { seq, .. } | IterState::ReversedSequence { seq, .. } => {
                Some(seq.clone())
            }
            _ => None,
        };
        if let Some(seq) = seq.filter(|s| protocol::user_dunder(s, "__len__").is_some()) {
            protocol::len(vm, &seq)?;
        }
        return protocol::collect(vm, v);
    }
    if !matches!(v, Value::Instance(_) | Value::Type(_)) {
        return protocol::collect(vm, v);
    }
    let it = protocol::iter(vm, v)?;
    let hint = protocol::length_hint(vm, v)?;
    let mut items = Vec::with_capacity(hint.min(1 << 16));
    while let Some(x) = protocol::next(vm, &it)? {
        items.push(x);
    }
    Ok(items)
}

/// FOR_ITER on an instance of a Python class whose `__next__` is a Python
/// function: that function's frame, returning through
/// [`ReturnAction::ForIterNext`] (the loop's exit at `jump`), for the loop
/// to push (ceval.c's FOR_ITER calling `tp_iternext`). `None`: advance the
/// iterator with [`protocol::next`].
pub fn next_frame(vm: &mut Vm, it: &Value, jump: usize) -> PyResult<Option<crate::vm::Frame>> {
    let Some(Value::Function(f)) = protocol::user_dunder(it, "__next__") else {
        return Ok(None);
    };
    let method = Value::Function(f.clone());
    let spare = &mut vm.spare_frame_parts;
    let mut frame = protocol::function_frame(f, &method, vec![it.clone()], Vec::new(), spare)?;
    frame.return_action = crate::vm::ReturnAction::ForIterNext { jump };
    Ok(Some(frame))
}

/// Advances a builtin iterator.
pub fn iterator_next(vm: &mut Vm, state: &Rc<RefCell<IterState>>) -> PyResult<Option<Value>> {
    let mut s = state.borrow_mut();
    match &mut *s {
        IterState::List { list, index } => {
            let l = list.borrow();
            if *index < l.len() {
                *index += 1;
                Ok(Some(l[*index - 1].clone()))
            } else {
                drop(l);
                *s = IterState::Exhausted("list_iterator");
                Ok(None)
            }
        }
        IterState::Values { items, index, .. } => {
            if *index < items.len() {
                *index += 1;
                Ok(Some(items[*index - 1].clone()))
            } else {
                Ok(None)
            }
        }
        IterState::Range {
            next,
            step,
            remaining,
        } => {
            if *remaining > 0 {
                let v = *next;
                *next += *step;
                *remaining -= 1;
                Ok(Some(Value::Int(v)))
            } else {
                Ok(None)
            }
        }
        IterState::BigRange {
            next,
            step,
            remaining,
        } => {
            if num_traits::Signed::is_positive(remaining) {
                let v = next.clone();
                *next += &*step;
                *remaining -= 1;
                Ok(Some(crate::vm::ops::arith::from_big(v)))
            } else {
                Ok(None)
            }
        }
        IterState::Dict {
            dict,
            pos,
            view,
            len,
        } => {
            let d = dict.borrow();
            if d.len() != *len {
                return Err(crate::object::exception::runtime_error(
                    "dictionary changed size during iteration",
                ));
            }
            match d.entry_at(*pos) {
                Some((i, e)) => {
                    *pos = i + 1;
                    Ok(Some(match view {
                        DictView::Keys => e.key.clone(),
                        DictView::Values => e.value.clone(),
                        DictView::Items => Value::tuple(vec![e.key.clone(), e.value.clone()]),
                    }))
                }
                None => Ok(None),
            }
        }
        IterState::Reversed { items, index, .. } => {
            if *index > 0 {
                *index -= 1;
                Ok(Some(items[*index].clone()))
            } else {
                Ok(None)
            }
        }
        IterState::Exhausted(_) => Ok(None),
        // These call back into Python: release the borrow first.
        IterState::Enumerate { .. }
        | IterState::Zip { .. }
        | IterState::Map { .. }
        | IterState::Filter { .. }
        | IterState::Callable { .. }
        | IterState::ReversedSequence { .. }
        | IterState::Sequence { .. } => {
            drop(s);
            composite_next(vm, state)
        }
    }
}

fn composite_next(vm: &mut Vm, state: &Rc<RefCell<IterState>>) -> PyResult<Option<Value>> {
    enum Plan {
        Enumerate(Value, Value),
        Zip(Vec<Value>, bool),
        Map(Value, Vec<Value>),
        Filter(Value, Value),
        Callable(Value, Value),
        Sequence(Value, i64),
        ReversedSequence(Value, i64),
    }
    let plan = match &*state.borrow() {
        IterState::Enumerate { inner, count } => Plan::Enumerate(inner.clone(), count.clone()),
        IterState::Zip { inners, strict } => Plan::Zip(inners.clone(), *strict),
        IterState::Map { func, inners } => Plan::Map(func.clone(), inners.clone()),
        IterState::Filter { func, inner } => Plan::Filter(func.clone(), inner.clone()),
        IterState::Callable { func, sentinel } => Plan::Callable(func.clone(), sentinel.clone()),
        IterState::Sequence { seq, index } => Plan::Sequence(seq.clone(), *index),
        IterState::ReversedSequence { seq, index } => Plan::ReversedSequence(seq.clone(), *index),
        _ => return Ok(None),
    };
    let finish = |state: &Rc<RefCell<IterState>>| {
        let mut s = state.borrow_mut();
        *s = IterState::Exhausted(crate::vm::protocol::iterator_type_name(&s));
        Ok(None)
    };
    match plan {
        // enumobject.c's reversed_next.
        Plan::ReversedSequence(_, index) if index < 0 => finish(state),
        Plan::ReversedSequence(seq, index) => match protocol::getitem(vm, &seq, &Value::Int(index))
        {
            Ok(v) => {
                if let IterState::ReversedSequence { index: i, .. } = &mut *state.borrow_mut() {
                    *i -= 1;
                }
                Ok(Some(v))
            }
            Err(e)
                if e.is_instance(&builtin_types().index_error)
                    || e.is_instance(&builtin_types().stop_iteration) =>
            {
                finish(state)
            }
            Err(e) => Err(e),
        },
        Plan::Sequence(seq, index) => match protocol::getitem(vm, &seq, &Value::Int(index)) {
            Ok(v) => {
                if let IterState::Sequence { index: i, .. } = &mut *state.borrow_mut() {
                    *i += 1;
                }
                Ok(Some(v))
            }
            Err(e)
                if e.is_instance(&crate::object::builtin_types().index_error)
                    || e.is_instance(&crate::object::builtin_types().stop_iteration) =>
            {
                finish(state)
            }
            Err(e) => Err(e),
        },
        Plan::Enumerate(inner, count) => match protocol::next(vm, &inner)? {
            Some(v) => {
                let following = match &count {
                    Value::Int(c) if *c < i64::MAX => Value::Int(c + 1),
                    other => crate::vm::ops::arith::from_big(
                        crate::vm::ops::arith::big(other).unwrap_or_default() + 1,
                    ),
                };
                if let IterState::Enumerate { count: c, .. } = &mut *state.borrow_mut() {
                    *c = following;
                }
                Ok(Some(Value::tuple(vec![count, v])))
            }
            None => finish(state),
        },
        Plan::Zip(inners, strict) => {
            if inners.is_empty() {
                return finish(state);
            }
            let mut out = Vec::with_capacity(inners.len());
            for (k, it) in inners.iter().enumerate() {
                match protocol::next(vm, it)? {
                    Some(v) => out.push(v),
                    None => {
                        if strict && k > 0 {
                            return Err(zip_strict(k, "shorter"));
                        }
                        if strict {
                            for (j, other) in inners.iter().enumerate().skip(1) {
                                if protocol::next(vm, other)?.is_some() {
                                    return Err(zip_strict(j, "longer"));
                                }
                            }
                        }
                        return finish(state);
                    }
                }
            }
            Ok(Some(Value::tuple(out)))
        }
        Plan::Map(func, inners) => {
            let mut args = Vec::with_capacity(inners.len());
            for it in &inners {
                match protocol::next(vm, it)? {
                    Some(v) => args.push(v),
                    None => return finish(state),
                }
            }
            vm.call(&func, args).map(Some)
        }
        Plan::Filter(func, inner) => loop {
            let Some(v) = protocol::next(vm, &inner)? else {
                return finish(state);
            };
            let keep = if func.is_none() {
                protocol::truthy(vm, &v)?
            } else {
                let r = vm.call(&func, vec![v.clone()])?;
                protocol::truthy(vm, &r)?
            };
            if keep {
                return Ok(Some(v));
            }
        },
        Plan::Callable(func, sentinel) => {
            // calliter_iternext: StopIteration from the callable ends it.
            let v = match vm.call(&func, vec![]) {
                Ok(v) => v,
                Err(e) if e.is_instance(&builtin_types().stop_iteration) => return finish(state),
                Err(e) => return Err(e),
            };
            if protocol::eq(vm, &v, &sentinel)? {
                return finish(state);
            }
            Ok(Some(v))
        }
    }
}

#[cold]
fn zip_strict(k: usize, which: &str) -> PyErr {
    let args = if k == 1 {
        "argument 1".to_string()
    } else {
        format!("arguments 1-{k}")
    };
    if which == "shorter" {
        value_error(format!("zip() argument {} is shorter than {args}", k + 1))
    } else {
        value_error(format!("zip() argument {} is longer than {args}", k + 1))
    }
}
