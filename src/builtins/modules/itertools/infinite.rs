//! `count`, `cycle` and `repeat`.

use std::cell::{Cell, RefCell};

use super::*;
use crate::object::function::{m, MethodDef};
use crate::object::iter::IterState;
use crate::vm::ops::arith::binary_op;

// ---------------------------------------------------------------- count

/// countobject: in fast mode (`fast`) `cnt` is a machine int below
/// `PY_SSIZE_T_MAX` advanced by one; otherwise `cnt` and `step` are any
/// numbers and each step is `cnt + step` (CPython's slow mode).
struct Count {
    fast: Cell<bool>,
    cnt: RefCell<Value>,
    step: Value,
}

pub(super) const COUNT: &[MethodDef] = &[
    m("__new__", count_new),
    m("__iter__", self_iter),
    m("__next__", count_next),
    m("__repr__", count_repr),
    m("__reduce__", count_reduce),
];

/// `PyNumber_Check`: something with `__index__`, `__int__` or
/// `__float__`, or a complex.
fn is_number(v: &Value) -> bool {
    match v {
        Value::Int(_)
        | Value::BigInt(_)
        | Value::Bool(_)
        | Value::Float(_)
        | Value::Complex(..) => true,
        Value::Instance(i) => {
            matches!(
                i.payload,
                Some(
                    Value::Int(_)
                        | Value::BigInt(_)
                        | Value::Bool(_)
                        | Value::Float(_)
                        | Value::Complex(..)
                )
            ) || ["__index__", "__int__", "__float__"]
                .iter()
                .any(|n| protocol::user_dunder(v, n).is_some())
        }
        _ => false,
    }
}

/// `PyObject_SelfIter`.
pub(super) fn self_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(receiver(&args))
}

fn count_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = class_arg(&args)?;
    let a = bind(
        "count",
        &args.positional[1..],
        args.keywords,
        &["start", "step"],
        0,
        2,
    )?;
    let (start, step) = (a[0].clone(), a[1].clone());
    if start.as_ref().is_some_and(|v| !is_number(v)) || step.as_ref().is_some_and(|v| !is_number(v))
    {
        return Err(type_error("a number is required"));
    }
    let mut fast = start.as_ref().is_none_or(is_int) && step.as_ref().is_none_or(is_int);
    let mut cnt = 0;
    if let Some(s) = &start {
        match int_value(s) {
            Some(n) if fast => cnt = n,
            _ => fast = false,
        }
    }
    let step = step.unwrap_or(Value::Int(1));
    if fast && int_value(&step) != Some(1) {
        fast = false;
    }
    let cnt = if fast {
        Value::Int(cnt)
    } else {
        start.unwrap_or(Value::Int(0))
    };
    Ok(native_instance(
        &cls,
        Count {
            fast: Cell::new(fast),
            cnt: RefCell::new(cnt),
            step,
        },
    ))
}

/// The fast-mode count, `None` in slow mode.
fn fast_count(c: &Count) -> Option<i64> {
    if !c.fast.get() {
        return None;
    }
    match &*c.cnt.borrow() {
        Value::Int(n) => Some(*n),
        _ => None,
    }
}

fn count_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c: &Count = this(&args)?;
    match fast_count(c) {
        Some(n) if n != i64::MAX => {
            *c.cnt.borrow_mut() = Value::Int(n + 1);
            return Ok(Value::Int(n));
        }
        // count_nextlong: PY_SSIZE_T_MAX switches to slow mode.
        _ => c.fast.set(false),
    }
    let current = c.cnt.borrow().clone();
    let stepped = binary_op(vm, 0, current.clone(), c.step.clone())?;
    *c.cnt.borrow_mut() = stepped;
    Ok(current)
}

fn count_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c: &Count = this(&args)?;
    let name = type_short_name(&receiver(&args));
    if let Some(n) = fast_count(c) {
        // CPython's `cnt == PY_SSIZE_T_MAX` means slow mode, whose count
        // object was never made for a start of exactly sys.maxsize.
        if n == i64::MAX {
            return Ok(Value::str(&format!("{name}(<NULL>)")));
        }
        return Ok(Value::str(&format!("{name}({n})")));
    }
    let cnt = c.cnt.borrow().clone();
    let cnt = protocol::repr(vm, &cnt)?;
    if is_int(&c.step) && int_value(&c.step) == Some(1) {
        return Ok(Value::str(&format!("{name}({cnt})")));
    }
    let step = protocol::repr(vm, &c.step)?;
    Ok(Value::str(&format!("{name}({cnt}, {step})")))
}

fn count_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "count.__reduce__")?;
    let c: &Count = this(&args)?;
    let cls = type_value(&receiver(&args));
    let state = match fast_count(c) {
        Some(n) if n != i64::MAX => vec![Value::Int(n)],
        _ => vec![c.cnt.borrow().clone(), c.step.clone()],
    };
    Ok(Value::tuple(vec![cls, Value::tuple(state)]))
}

// ---------------------------------------------------------------- cycle

/// cycleobject: `it` until it is exhausted (saving what it gives unless
/// `firstpass`), then the saved items from `index` round and round.
struct Cycle {
    it: RefCell<Option<Value>>,
    saved: RefCell<Value>,
    index: Cell<usize>,
    firstpass: Cell<bool>,
}

pub(super) const CYCLE: &[MethodDef] = &[
    m("__new__", cycle_new),
    m("__iter__", self_iter),
    m("__next__", cycle_next),
    m("__reduce__", cycle_reduce),
    m("__setstate__", cycle_setstate),
];

fn cycle_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = class_arg(&args)?;
    let a = positional_new("cycle", &args, 1, 1)?;
    let it = protocol::iter(vm, &a[0])?;
    Ok(native_instance(
        &cls,
        Cycle {
            it: RefCell::new(Some(it)),
            saved: RefCell::new(Value::list(vec![])),
            index: Cell::new(0),
            firstpass: Cell::new(false),
        },
    ))
}

fn saved_items(c: &Cycle) -> std::rc::Rc<RefCell<Vec<Value>>> {
    match &*c.saved.borrow() {
        Value::List(l) => l.clone(),
        _ => std::rc::Rc::new(RefCell::new(vec![])),
    }
}

fn cycle_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c: &Cycle = this(&args)?;
    let it = c.it.borrow().clone();
    if let Some(it) = it {
        if let Some(item) = protocol::next(vm, &it)? {
            if !c.firstpass.get() {
                saved_items(c).borrow_mut().push(item.clone());
            }
            return Ok(item);
        }
        *c.it.borrow_mut() = None;
    }
    let saved = saved_items(c);
    let saved = saved.borrow();
    if saved.is_empty() {
        return Err(exhausted());
    }
    let index = if c.index.get() < saved.len() {
        c.index.get()
    } else {
        0
    };
    let item = saved[index].clone();
    c.index.set(if index + 1 >= saved.len() {
        0
    } else {
        index + 1
    });
    Ok(item)
}

fn cycle_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "cycle.__reduce__")?;
    let c: &Cycle = this(&args)?;
    let cls = type_value(&receiver(&args));
    let saved = c.saved.borrow().clone();
    let it = c.it.borrow().clone();
    Ok(match it {
        // A list iterator over the saved items, already at `index`.
        None => {
            let list_it = Value::Iterator(std::rc::Rc::new(RefCell::new(IterState::List {
                list: saved_items(c),
                index: c.index.get(),
            })));
            Value::tuple(vec![
                cls,
                Value::tuple(vec![list_it]),
                Value::tuple(vec![saved, Value::Bool(true)]),
            ])
        }
        Some(it) => Value::tuple(vec![
            cls,
            Value::tuple(vec![it]),
            Value::tuple(vec![saved, Value::Bool(c.firstpass.get())]),
        ]),
    })
}

fn cycle_setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = one_arg(&args, "cycle.__setstate__")?;
    let c: &Cycle = this(&args)?;
    let items = state_tuple(&state, 2, 2)?;
    if !matches!(items[0], Value::List(_)) {
        return Err(type_error(format!(
            "argument 1 must be list, not {}",
            protocol::type_name(&items[0])
        )));
    }
    let firstpass = ssize_arg(vm, &items[1])?;
    *c.saved.borrow_mut() = items[0].clone();
    c.firstpass.set(firstpass != 0);
    c.index.set(0);
    Ok(Value::None)
}

// ---------------------------------------------------------------- repeat

/// repeatobject: `cnt` is -1 for ever.
struct Repeat {
    element: Value,
    cnt: Cell<i64>,
}

pub(super) const REPEAT: &[MethodDef] = &[
    m("__new__", repeat_new),
    m("__iter__", self_iter),
    m("__next__", repeat_next),
    m("__repr__", repeat_repr),
    m("__length_hint__", repeat_length_hint),
    m("__reduce__", repeat_reduce),
];

fn repeat_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = class_arg(&args)?;
    let rest = &args.positional[1..];
    let a = bind("repeat", rest, args.keywords, &["object", "times"], 1, 2)?;
    let element = a[0].clone().unwrap_or(Value::None);
    let mut cnt = match &a[1] {
        Some(t) => ssize_arg(vm, t)?,
        None => -1,
    };
    // A times argument given (even negative) means a finite repeat.
    if rest.len() + args.keywords.len() == 2 && cnt < 0 {
        cnt = 0;
    }
    Ok(native_instance(
        &cls,
        Repeat {
            element,
            cnt: Cell::new(cnt),
        },
    ))
}

fn repeat_next(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r: &Repeat = this(&args)?;
    match r.cnt.get() {
        0 => Err(exhausted()),
        n => {
            if n > 0 {
                r.cnt.set(n - 1);
            }
            Ok(r.element.clone())
        }
    }
}

fn repeat_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r: &Repeat = this(&args)?;
    let name = type_short_name(&receiver(&args));
    let element = protocol::repr(vm, &r.element)?;
    Ok(Value::str(&match r.cnt.get() {
        -1 => format!("{name}({element})"),
        n => format!("{name}({element}, {n})"),
    }))
}

fn repeat_length_hint(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "repeat.__length_hint__")?;
    let r: &Repeat = this(&args)?;
    match r.cnt.get() {
        -1 => Err(type_error("len() of unsized object")),
        n => Ok(Value::Int(n)),
    }
}

fn repeat_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "repeat.__reduce__")?;
    let r: &Repeat = this(&args)?;
    let cls = type_value(&receiver(&args));
    let mut a = vec![r.element.clone()];
    if r.cnt.get() >= 0 {
        a.push(Value::Int(r.cnt.get()));
    }
    Ok(Value::tuple(vec![cls, Value::tuple(a)]))
}
