//! `collections.deque` and its iterators (`deque_*`, `dequeiter_*` and
//! `dequereviter_*` of _collectionsmodule.c). The items are a `VecDeque`;
//! CPython's block list shows only in `__sizeof__`, which is not provided.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use super::{
    has_index, nested, no_args, no_instance_dict, no_keywords, one_arg, short_type_name, ssize_arg,
    types,
};
use crate::object::exception::{
    attribute_error, index_error, runtime_error, stop_iteration, type_error, value_error,
};
use crate::object::function::{m, Args, MethodDef};
use crate::object::native::{native_ref, tp_name};
use crate::object::types::Type;
use crate::object::{PyResult, Value};
use crate::vm::protocol::{self, number, type_name};
use crate::vm::Vm;

use super::super::native_instance;

/// A deque's state (`dequeobject`).
pub(super) struct Deque {
    items: RefCell<VecDeque<Value>>,
    /// `None` for an unbounded deque (CPython's `maxlen == -1`).
    maxlen: Cell<Option<usize>>,
    /// Bumped whenever items come or go or move (CPython's `state`):
    /// iterators and searches that call Python code compare it to notice a
    /// mutation. Replacing an item (`d[i] = x`) and `reverse()` leave it,
    /// as in CPython.
    state: Cell<u64>,
}

impl Deque {
    fn new(maxlen: Option<usize>) -> Deque {
        Deque {
            items: RefCell::new(VecDeque::new()),
            maxlen: Cell::new(maxlen),
            state: Cell::new(0),
        }
    }

    fn len(&self) -> usize {
        self.items.borrow().len()
    }

    fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }

    fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }

    /// `deque_append_internal`: a bounded deque full to `maxlen` loses its
    /// leftmost item (handed back, to be dropped outside the borrow).
    fn push_back(&self, v: Value) -> Option<Value> {
        self.bump();
        let mut items = self.items.borrow_mut();
        items.push_back(v);
        if self.maxlen.get().is_some_and(|m| items.len() > m) {
            return items.pop_front();
        }
        None
    }

    /// `deque_appendleft_internal`: the rightmost item goes when full.
    fn push_front(&self, v: Value) -> Option<Value> {
        self.bump();
        let mut items = self.items.borrow_mut();
        items.push_front(v);
        if self.maxlen.get().is_some_and(|m| items.len() > m) {
            return items.pop_back();
        }
        None
    }

    /// `deque_clear`: the items are taken out before they are dropped, so
    /// a finalizer that looks at the deque sees it empty.
    fn clear(&self) {
        if self.len() == 0 {
            return;
        }
        self.bump();
        let old = std::mem::take(&mut *self.items.borrow_mut());
        drop(old);
    }

    /// `_deque_rotate`: `n` steps to the right (left when negative).
    fn rotate(&self, n: i64) {
        let len = self.len();
        if len <= 1 {
            return;
        }
        self.bump();
        let k = n.rem_euclid(len as i64) as usize;
        self.items.borrow_mut().rotate_right(k);
    }
}

/// The deque that is a method's receiver.
fn this<'a>(a: &'a Args) -> PyResult<&'a Deque> {
    a.positional
        .first()
        .and_then(native_ref::<Deque>)
        .ok_or_else(|| type_error("descriptor requires a 'collections.deque' object"))
}

fn deque_type() -> Rc<Type> {
    types(|t| t.deque.clone())
}

fn is_deque(v: &Value) -> bool {
    native_ref::<Deque>(v).is_some()
}

#[cold]
fn mutated() -> crate::object::PyErr {
    runtime_error("deque mutated during iteration")
}

pub(super) static DEQUE_METHODS: &[MethodDef] = &[
    // deque_new: an empty unbounded deque of the class; __init__ fills it.
    m("__new__", |_, a| match a.positional.first() {
        Some(Value::Type(cls)) => Ok(native_instance(cls, Deque::new(None))),
        _ => Err(type_error("deque.__new__(X): X is not a type object")),
    }),
    m("__init__", deque_init),
    m("append", |_, a| {
        let v = one_arg(&a, "deque.append")?.clone();
        drop(this(&a)?.push_back(v));
        Ok(Value::None)
    })
    .o(),
    m("appendleft", |_, a| {
        let v = one_arg(&a, "deque.appendleft")?.clone();
        drop(this(&a)?.push_front(v));
        Ok(Value::None)
    })
    .o(),
    m("clear", |_, a| {
        no_args(&a, "deque.clear")?;
        this(&a)?.clear();
        Ok(Value::None)
    }),
    m("__copy__", |vm, a| {
        no_args(&a, "deque.__copy__")?;
        copy(vm, &a.positional[0])
    }),
    m("copy", |vm, a| {
        no_args(&a, "deque.copy")?;
        copy(vm, &a.positional[0])
    }),
    m("count", |vm, a| {
        let v = one_arg(&a, "deque.count")?;
        let d = this(&a)?;
        let start = d.state.get();
        let mut count = 0;
        for i in 0..d.len() {
            let Some(item) = d.get(i) else { break };
            if protocol::eq(vm, &item, v)? {
                count += 1;
            }
            if d.state.get() != start {
                return Err(mutated());
            }
        }
        Ok(Value::Int(count))
    })
    .o(),
    m("extend", |vm, a| {
        let v = one_arg(&a, "deque.extend")?;
        extend(vm, &a.positional[0], v, false)?;
        Ok(Value::None)
    })
    .o(),
    m("extendleft", |vm, a| {
        let v = one_arg(&a, "deque.extendleft")?;
        extend(vm, &a.positional[0], v, true)?;
        Ok(Value::None)
    })
    .o(),
    m("index", deque_index),
    m("insert", deque_insert),
    m("pop", |_, a| {
        no_args(&a, "deque.pop")?;
        let d = this(&a)?;
        let item = d.items.borrow_mut().pop_back();
        let item = item.ok_or_else(|| index_error("pop from an empty deque"))?;
        d.bump();
        Ok(item)
    }),
    m("popleft", |_, a| {
        no_args(&a, "deque.popleft")?;
        let d = this(&a)?;
        let item = d.items.borrow_mut().pop_front();
        let item = item.ok_or_else(|| index_error("pop from an empty deque"))?;
        d.bump();
        Ok(item)
    }),
    m("__reduce__", |vm, a| {
        no_args(&a, "deque.__reduce__")?;
        let obj = &a.positional[0];
        let d = this(&a)?;
        let dict = match protocol::getattr(vm, obj, "__dict__") {
            Ok(dict) => dict,
            Err(e) if e.is_instance(&crate::object::builtin_types().attribute_error) => Value::None,
            Err(e) => return Err(e),
        };
        let it = protocol::iter(vm, obj)?;
        let args = match d.maxlen.get() {
            None => Value::tuple(vec![]),
            Some(n) => Value::tuple(vec![Value::tuple(vec![]), Value::Int(n as i64)]),
        };
        Ok(Value::tuple(vec![
            Value::Type(protocol::type_of(obj)),
            args,
            dict,
            it,
        ]))
    }),
    // deque_remove (3.11): a mutation by the comparison is an IndexError.
    m("remove", |vm, a| {
        let v = one_arg(&a, "deque.remove")?;
        let d = this(&a)?;
        let start = d.state.get();
        for i in 0..d.len() {
            let Some(item) = d.get(i) else { break };
            let equal = protocol::eq(vm, &item, v)?;
            if d.state.get() != start {
                return Err(index_error("deque mutated during iteration"));
            }
            if equal {
                d.bump();
                let removed = d.items.borrow_mut().remove(i);
                drop(removed);
                return Ok(Value::None);
            }
        }
        let r = protocol::repr(vm, v)?;
        Err(value_error(format!("{r} is not in deque")))
    })
    .o(),
    m("__reversed__", |_, a| {
        no_args(&a, "deque.__reversed__")?;
        Ok(new_iterator(&a.positional[0], true))
    }),
    m("reverse", |_, a| {
        no_args(&a, "deque.reverse")?;
        this(&a)?.items.borrow_mut().make_contiguous().reverse();
        Ok(Value::None)
    }),
    m("rotate", |vm, a| {
        no_keywords(&a, "deque.rotate")?;
        let d = this(&a)?;
        let n = match a.positional {
            [_] => 1,
            [_, n] => ssize_arg(vm, n)?,
            _ => {
                return Err(type_error(format!(
                    "deque.rotate expected at most 1 argument, got {}",
                    a.positional.len() - 1
                )))
            }
        };
        d.rotate(n);
        Ok(Value::None)
    }),
    m("__class_getitem__", |vm, a| {
        crate::builtins::generic_alias::new_alias(vm, a.positional[0].clone(), &a.positional[1])
    })
    .o()
    .class(),
    // The slots (deque_as_sequence, deque_richcompare, deque_repr...).
    m("__len__", |_, a| Ok(Value::Int(this(&a)?.len() as i64))),
    m("__getitem__", |vm, a| {
        let d = this(&a)?;
        let i = item_index(vm, d, &a.positional[1])?;
        Ok(d.get(i).unwrap_or(Value::None))
    })
    .exact(1),
    m("__setitem__", |vm, a| {
        let d = this(&a)?;
        let i = item_index(vm, d, &a.positional[1])?;
        let old = std::mem::replace(&mut d.items.borrow_mut()[i], a.positional[2].clone());
        drop(old);
        Ok(Value::None)
    })
    .exact(2),
    m("__delitem__", |vm, a| {
        let d = this(&a)?;
        let i = item_index(vm, d, &a.positional[1])?;
        d.bump();
        let removed = d.items.borrow_mut().remove(i);
        drop(removed);
        Ok(Value::None)
    })
    .exact(1),
    m("__contains__", |vm, a| {
        let d = this(&a)?;
        let v = &a.positional[1];
        let start = d.state.get();
        for i in 0..d.len() {
            let Some(item) = d.get(i) else { break };
            if protocol::eq(vm, &item, v)? {
                return Ok(Value::Bool(true));
            }
            if d.state.get() != start {
                return Err(mutated());
            }
        }
        Ok(Value::Bool(false))
    })
    .exact(1),
    m("__iter__", |_, a| Ok(new_iterator(&a.positional[0], false))),
    m("__repr__", deque_repr),
    m("__lt__", |vm, a| richcompare(vm, &a, 0)).exact(1),
    m("__le__", |vm, a| richcompare(vm, &a, 1)).exact(1),
    m("__eq__", |vm, a| richcompare(vm, &a, 2)).exact(1),
    m("__ne__", |vm, a| richcompare(vm, &a, 3)).exact(1),
    m("__gt__", |vm, a| richcompare(vm, &a, 4)).exact(1),
    m("__ge__", |vm, a| richcompare(vm, &a, 5)).exact(1),
    // deque_concat
    m("__add__", |vm, a| {
        let other = &a.positional[1];
        if !is_deque(other) {
            return Err(type_error(format!(
                "can only concatenate deque (not \"{}\") to deque",
                type_name(other)
            )));
        }
        let new = copy(vm, &a.positional[0])?;
        extend(vm, &new, other, false)?;
        Ok(new)
    })
    .exact(1),
    m("__iadd__", |vm, a| {
        extend(vm, &a.positional[0], &a.positional[1], false)?;
        Ok(a.positional[0].clone())
    })
    .exact(1),
    m("__mul__", |vm, a| {
        repeat(vm, &a.positional[0], &a.positional[1])
    })
    .exact(1),
    m("__rmul__", |vm, a| {
        // `seq * d`: the left operand's repeat names the deque.
        if !has_index(&a.positional[1]) {
            return Ok(Value::NotImplemented);
        }
        repeat(vm, &a.positional[0], &a.positional[1])
    })
    .exact(1),
    m("__imul__", |vm, a| {
        let n = repeat_count(vm, &a.positional[1])?;
        inplace_repeat(&a.positional[0], n)?;
        Ok(a.positional[0].clone())
    })
    .exact(1),
];

/// What deque_type's slots and getset add besides its method table:
/// `__hash__ = None` (`PyObject_HashNotImplemented`), the read-only
/// `maxlen`, and no instance dict.
pub(super) fn add_attributes(t: &Rc<Type>) {
    protocol::dict_set_str_plain(t, "__hash__", Value::None);
    let readonly = protocol::native(
        "maxlen",
        |_, _| {
            Err(attribute_error(
                "attribute 'maxlen' of 'collections.deque' objects is not writable",
            ))
        },
        None,
    );
    let get = protocol::native(
        "maxlen",
        |_, a| {
            let d = this(&a)?;
            Ok(d.maxlen.get().map_or(Value::None, |n| Value::Int(n as i64)))
        },
        None,
    );
    let maxlen = Value::Property(Rc::new(crate::object::value::Property {
        fget: get,
        fset: readonly.clone(),
        fdel: readonly,
        doc: Value::str("maximum size of a deque or None if unbounded"),
    }));
    protocol::dict_set_str_plain(t, "maxlen", maxlen);
    protocol::dict_set_str_plain(
        t,
        "__doc__",
        Value::str(
            "deque([iterable[, maxlen]]) --> deque object\n\n\
             A list-like sequence optimized for data accesses near its endpoints.",
        ),
    );
    no_instance_dict(t);
}

/// `deque_init`: `deque(iterable=(), maxlen=None)`; calling it again on a
/// deque empties it first.
fn deque_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let d = this(&a)?;
    let given = &a.positional[1..];
    if given.len() > 2 {
        return Err(type_error(format!(
            "deque() takes at most 2 arguments ({} given)",
            given.len() + a.keywords.len()
        )));
    }
    let mut iterable = given.first().cloned();
    let mut maxlen = given.get(1).cloned();
    for (k, v) in a.keywords {
        let slot = match &**k {
            "iterable" => &mut iterable,
            "maxlen" => &mut maxlen,
            _ => {
                return Err(type_error(format!(
                    "'{k}' is an invalid keyword argument for deque()"
                )))
            }
        };
        if slot.is_some() {
            let pos = if &**k == "iterable" { 1 } else { 2 };
            return Err(type_error(format!(
                "argument for deque() given by name ('{k}') and position ({pos})"
            )));
        }
        *slot = Some(v.clone());
    }
    let maxlen = match maxlen {
        None | Some(Value::None) => None,
        Some(v) => {
            // PyLong_AsSsize_t: ints (and their subclasses) only, no
            // `__index__`.
            let is_int = protocol::type_of(&v).is_subtype(&crate::object::builtin_types().int);
            if !is_int {
                return Err(type_error("an integer is required"));
            }
            let n = ssize_arg(vm, &v)?;
            if n < 0 {
                return Err(value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
    };
    d.maxlen.set(maxlen);
    d.clear();
    if let Some(iterable) = iterable {
        extend(vm, &a.positional[0], &iterable, false)?;
    }
    Ok(Value::None)
}

/// `deque_extend` / `deque_extendleft`.
fn extend(vm: &mut Vm, obj: &Value, iterable: &Value, left: bool) -> PyResult<()> {
    let d = native_ref::<Deque>(obj).ok_or_else(|| type_error("expected a deque"))?;
    if iterable.is(obj) {
        // d.extend(d): from a copy of the items.
        let items: Vec<Value> = d.items.borrow().iter().cloned().collect();
        return extend(vm, obj, &Value::list(items), left);
    }
    let it = protocol::iter(vm, iterable)?;
    if d.maxlen.get() == Some(0) {
        // consume_iterator
        while protocol::next(vm, &it)?.is_some() {}
        return Ok(());
    }
    while let Some(v) = protocol::next(vm, &it)? {
        let gone = if left {
            d.push_front(v)
        } else {
            d.push_back(v)
        };
        drop(gone);
    }
    Ok(())
}

/// `deque_copy`: a deque's own copy, or for a subclass what calling the
/// class with the deque (and its maxlen) makes.
fn copy(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    let d = native_ref::<Deque>(obj).ok_or_else(|| type_error("expected a deque"))?;
    let cls = protocol::type_of(obj);
    if Rc::ptr_eq(&cls, &deque_type()) {
        let new = Deque::new(d.maxlen.get());
        *new.items.borrow_mut() = d.items.borrow().clone();
        return Ok(native_instance(&cls, new));
    }
    let mut args = vec![obj.clone()];
    if let Some(n) = d.maxlen.get() {
        args.push(Value::Int(n as i64));
    }
    let result = vm.call(&Value::Type(cls.clone()), args)?;
    if !is_deque(&result) {
        return Err(type_error(format!(
            "{}() must return a deque, not {}",
            tp_name(&cls).unwrap_or_else(|| cls.name.clone()),
            type_name(&result)
        )));
    }
    Ok(result)
}

/// The count of `d * n` (abstract.c's `sequence_repeat`).
fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<i64> {
    if !has_index(n) {
        return Err(type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            type_name(n)
        )));
    }
    number::as_ssize_overflow(vm, n)
}

/// `deque_repeat`: a copy repeated in place.
fn repeat(vm: &mut Vm, obj: &Value, n: &Value) -> PyResult<Value> {
    let n = repeat_count(vm, n)?;
    let new = copy(vm, obj)?;
    inplace_repeat(&new, n)?;
    Ok(new)
}

/// `deque_inplace_repeat`: a bounded deque keeps only its last `maxlen`
/// items; a repeat too large to allocate is a MemoryError.
fn inplace_repeat(obj: &Value, n: i64) -> PyResult<()> {
    let d = native_ref::<Deque>(obj).ok_or_else(|| type_error("expected a deque"))?;
    let size = d.len();
    if size == 0 || n == 1 {
        return Ok(());
    }
    if n <= 0 {
        d.clear();
        return Ok(());
    }
    let mut n = n as usize;
    if let Some(maxlen) = d.maxlen.get() {
        // No more rounds than it takes to fill the deque.
        n = n.min(maxlen.div_ceil(size).max(1));
    }
    // Beyond 2**32 items CPython's allocation would fail long before the
    // loop ended; ours might not, and would take the machine with it.
    let added = size
        .checked_mul(n - 1)
        .filter(|t| *t <= 1 << 32)
        .ok_or_else(no_memory)?;
    let seq: Vec<Value> = d.items.borrow().iter().cloned().collect();
    if d.maxlen.get().is_none() {
        d.items
            .borrow_mut()
            .try_reserve(added)
            .map_err(|_| no_memory())?;
    }
    for v in seq.iter().cycle().take(added) {
        drop(d.push_back(v.clone()));
    }
    Ok(())
}

#[cold]
fn no_memory() -> crate::object::PyErr {
    crate::object::PyErr::with_args(&crate::object::builtin_types().memory_error, vec![])
}

/// A subscript of a deque (`PySequence_GetItem`'s index rules): an
/// integer, negative from the end, in range.
fn item_index(vm: &mut Vm, d: &Deque, key: &Value) -> PyResult<usize> {
    if !has_index(key) {
        return Err(type_error(format!(
            "sequence index must be integer, not '{}'",
            type_name(key)
        )));
    }
    let i = number::as_ssize_index(vm, key)?;
    let len = d.len() as i64;
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        return Err(index_error("deque index out of range"));
    }
    Ok(i as usize)
}

/// `_PyEval_SliceIndexNotNone`: an index for `index()`'s bounds, clamped to
/// a machine word.
fn slice_index(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if !has_index(v) {
        return Err(type_error(
            "slice indices must be integers or have an __index__ method",
        ));
    }
    Ok(match number::number_index(vm, v)? {
        Value::Int(i) => i,
        Value::BigInt(b) if b.sign() == num_bigint::Sign::Minus => i64::MIN,
        _ => i64::MAX,
    })
}

/// `deque.index(value, [start, [stop]])`.
fn deque_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_keywords(&a, "deque.index")?;
    let d = this(&a)?;
    let given = a.positional.len() - 1;
    if given == 0 {
        return Err(type_error("index() takes at least 1 argument (0 given)"));
    }
    if given > 3 {
        return Err(type_error(format!(
            "index() takes at most 3 arguments ({given} given)"
        )));
    }
    let v = &a.positional[1];
    let len = d.len() as i64;
    let mut start = match a.positional.get(2) {
        Some(s) => slice_index(vm, s)?,
        None => 0,
    };
    let mut stop = match a.positional.get(3) {
        Some(s) => slice_index(vm, s)?,
        None => len,
    };
    if start < 0 {
        start = (start + len).max(0);
    }
    if stop < 0 {
        stop = (stop + len).max(0);
    }
    stop = stop.min(len);
    start = start.min(stop);
    let state = d.state.get();
    for i in start..stop {
        let Some(item) = d.get(i as usize) else { break };
        if protocol::eq(vm, &item, v)? {
            return Ok(Value::Int(i));
        }
        if d.state.get() != state {
            return Err(mutated());
        }
    }
    let r = protocol::repr(vm, v)?;
    Err(value_error(format!("{r} is not in deque")))
}

/// `deque.insert(index, object)`.
fn deque_insert(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_keywords(&a, "deque.insert")?;
    let d = this(&a)?;
    let [_, index, value] = a.positional else {
        return Err(type_error(format!(
            "insert() takes exactly 2 arguments ({} given)",
            a.positional.len() - 1
        )));
    };
    let index = ssize_arg(vm, index)?;
    let n = d.len() as i64;
    if d.maxlen.get() == Some(n as usize) {
        return Err(index_error("deque already at its maximum size"));
    }
    let at = if index >= n {
        n
    } else if index <= -n {
        0
    } else if index < 0 {
        index + n
    } else {
        index
    };
    d.bump();
    d.items.borrow_mut().insert(at as usize, value.clone());
    Ok(Value::None)
}

/// `deque_repr`: `deque([1, 2])`, `deque([1], maxlen=3)`, named by the
/// object's own class; a deque inside itself is `[...]`.
fn deque_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let obj = &a.positional[0];
    let d = this(&a)?;
    let text = crate::vm::ops::text::repr_guarded(vm, obj, "[...]", |vm| {
        nested(vm, " while getting the repr of an object", |vm| {
            let items: Vec<Value> = d.items.borrow().iter().cloned().collect();
            let list = protocol::repr(vm, &Value::list(items))?;
            let name = short_type_name(obj);
            Ok(match d.maxlen.get() {
                Some(n) => format!("{name}({list}, maxlen={n})"),
                None => format!("{name}({list})"),
            })
        })
    })?;
    Ok(Value::str(&text))
}

/// `deque_richcompare`: deques compare like sequences, item by item, and
/// only with deques.
fn richcompare(vm: &mut Vm, a: &Args, op: usize) -> PyResult<Value> {
    let (v, w) = (&a.positional[0], &a.positional[1]);
    let (Some(dv), Some(dw)) = (native_ref::<Deque>(v), native_ref::<Deque>(w)) else {
        return Ok(Value::NotImplemented);
    };
    let (vs, ws) = (dv.len(), dw.len());
    if op == 2 || op == 3 {
        let equal = if v.is(w) {
            Some(true)
        } else if vs != ws {
            Some(false)
        } else {
            None
        };
        if let Some(eq) = equal {
            return Ok(Value::Bool(eq == (op == 2)));
        }
    }
    nested(vm, " in comparison", |vm| {
        // As two deque iterators would walk them: a mutation of either is
        // an error.
        let (sv, sw) = (dv.state.get(), dw.state.get());
        let mut i = 0;
        loop {
            if dv.state.get() != sv || dw.state.get() != sw {
                return Err(mutated());
            }
            let x = if i < vs { dv.get(i) } else { None };
            let y = if i < ws { dw.get(i) } else { None };
            let (Some(x), Some(y)) = (x.clone(), y.clone()) else {
                let result = match op {
                    0 => y.is_some(),
                    1 => x.is_none(),
                    2 => x.is_none() && y.is_none(),
                    3 => x.is_some() || y.is_some(),
                    4 => x.is_some(),
                    _ => y.is_none(),
                };
                return Ok(Value::Bool(result));
            };
            if !protocol::eq(vm, &x, &y)? {
                if op == 2 || op == 3 {
                    let eq = protocol::eq(vm, &x, &y)?;
                    return Ok(Value::Bool(eq == (op == 2)));
                }
                let r = protocol::compare(vm, &x, &y, op)?;
                return Ok(Value::Bool(protocol::truthy(vm, &r)?));
            }
            i += 1;
        }
    })
}

// ------------------------------------------------------------------ iterators

/// A deque iterator's state (`dequeiterobject`).
struct DequeIter {
    deque: Value,
    /// The next item's position, from the left (from the right for a
    /// reverse iterator).
    index: Cell<usize>,
    /// The deque's `state` when the iterator was made.
    state: u64,
    /// Items still to come.
    counter: Cell<usize>,
}

fn new_iterator(deque: &Value, reverse: bool) -> Value {
    let d = native_ref::<Deque>(deque).expect("a deque method's receiver");
    let class = types(|t| {
        if reverse {
            t.deque_reverse_iterator.clone()
        } else {
            t.deque_iterator.clone()
        }
    });
    native_instance(
        &class,
        DequeIter {
            deque: deque.clone(),
            index: Cell::new(0),
            state: d.state.get(),
            counter: Cell::new(d.len()),
        },
    )
}

fn iter_of<'a>(a: &'a Args) -> PyResult<(&'a DequeIter, &'a Deque)> {
    let it = a
        .positional
        .first()
        .and_then(native_ref::<DequeIter>)
        .ok_or_else(|| type_error("descriptor requires a deque iterator"))?;
    let d = native_ref::<Deque>(&it.deque).expect("a deque iterator's deque");
    Ok((it, d))
}

/// `dequeiter_next` (the state is checked before the count) and
/// `dequereviter_next` (after it).
fn iter_next(it: &DequeIter, d: &Deque, reverse: bool) -> PyResult<Value> {
    let changed = d.state.get() != it.state;
    if changed && (!reverse || it.counter.get() > 0) {
        it.counter.set(0);
        return Err(mutated());
    }
    if it.counter.get() == 0 {
        return Err(stop_iteration(None));
    }
    let i = it.index.get();
    let len = d.len();
    let item = if reverse {
        len.checked_sub(i + 1).and_then(|j| d.get(j))
    } else {
        d.get(i)
    };
    it.index.set(i + 1);
    it.counter.set(it.counter.get() - 1);
    item.ok_or_else(mutated)
}

/// `dequeiter_new`: `_deque_iterator(deque, index=0)`, what unpickling
/// makes, advanced past `index` items.
fn iter_new(vm: &mut Vm, a: &Args, reverse: bool) -> PyResult<Value> {
    // PyArg_ParseTuple: keywords are ignored.
    let (deque, index) = match a.positional {
        [_, d] => (d, 0),
        [_, d, i] => (d, ssize_arg(vm, i)?),
        _ => {
            let given = a.positional.len().saturating_sub(1);
            return Err(type_error(if given == 0 {
                "function takes at least 1 argument (0 given)".to_string()
            } else {
                format!("function takes at most 2 arguments ({given} given)")
            }));
        }
    };
    if !is_deque(deque) {
        return Err(type_error(format!(
            "argument 1 must be collections.deque, not {}",
            type_name(deque)
        )));
    }
    let it_value = new_iterator(deque, reverse);
    let it = native_ref::<DequeIter>(&it_value).expect("just made");
    let d = native_ref::<Deque>(deque).expect("checked");
    for _ in 0..index.max(0) {
        match iter_next(it, d, reverse) {
            Ok(_) => {}
            Err(_) if it.counter.get() == 0 && d.state.get() == it.state => break,
            Err(e) => return Err(e),
        }
    }
    Ok(it_value)
}

macro_rules! iterator_methods {
    ($reverse:expr) => {
        &[
            m("__new__", |vm, a| iter_new(vm, &a, $reverse)),
            m("__iter__", |_, a| Ok(a.positional[0].clone())),
            m("__next__", |_, a| {
                let (it, d) = iter_of(&a)?;
                iter_next(it, d, $reverse)
            }),
            m("__length_hint__", |_, a| {
                let (it, _) = iter_of(&a)?;
                Ok(Value::Int(it.counter.get() as i64))
            }),
            m("__reduce__", |_, a| {
                let (it, d) = iter_of(&a)?;
                let done = d.len().saturating_sub(it.counter.get());
                Ok(Value::tuple(vec![
                    Value::Type(protocol::type_of(&a.positional[0])),
                    Value::tuple(vec![it.deque.clone(), Value::Int(done as i64)]),
                ]))
            }),
        ]
    };
}

pub(super) static ITERATOR_METHODS: &[MethodDef] = iterator_methods!(false);
pub(super) static REVERSE_ITERATOR_METHODS: &[MethodDef] = iterator_methods!(true);
