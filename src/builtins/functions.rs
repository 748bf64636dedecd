//! Builtin functions (`print`, `len`, `sorted`, ...) and the constructors of
//! builtin types (`int("12", 16)`, `list(it)`, `type(x)`, `super()`, ...).

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use super::kwarg;
use crate::object::exception::{type_error, value_error};
use crate::object::function::{Args, NativeFn};
use crate::object::iter::IterState;
use crate::object::types::{Kind, Type};
use crate::object::{builtin_types, Dict, PyErr, PyResult, Value};
use crate::vm::ops::arith::{big, from_big, is_int, to_f64};
use crate::vm::ops::{self, index_of};
use crate::vm::protocol::{self, type_name, type_of};
use crate::vm::Vm;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("print", print),
    ("len", len),
    ("repr", repr),
    ("ascii", ascii),
    ("abs", abs),
    ("min", min),
    ("max", max),
    ("sum", sum),
    ("sorted", sorted),
    ("reversed", reversed),
    ("enumerate", enumerate),
    ("zip", zip),
    ("map", map),
    ("filter", filter),
    ("isinstance", super::isinstance::isinstance),
    ("issubclass", super::isinstance::issubclass),
    ("hasattr", hasattr),
    ("getattr", getattr),
    ("setattr", setattr),
    ("delattr", delattr),
    ("id", id),
    ("hash", hash),
    ("iter", iter),
    ("next", next),
    ("anext", crate::vm::coro::builtin_anext),
    ("exec", super::exec::exec),
    ("eval", super::exec::eval),
    ("compile", super::exec::compile),
    ("aiter", aiter),
    ("callable", callable),
    ("chr", chr),
    ("ord", ord),
    ("bin", bin),
    ("oct", oct),
    ("hex", hex),
    ("round", round),
    ("divmod", divmod),
    ("pow", pow),
    ("any", any),
    ("all", all),
    ("format", format),
    ("vars", vars),
    ("dir", dir),
    ("globals", globals),
    ("locals", locals),
    ("input", input),
];

fn arg<'a>(args: &'a Args, i: usize, fname: &str) -> PyResult<&'a Value> {
    args.positional.get(i).ok_or_else(|| {
        type_error(format!(
            "{fname}() missing required argument (pos {})",
            i + 1
        ))
    })
}

fn exactly(args: &Args, n: usize, fname: &str) -> PyResult<()> {
    if args.positional.len() != n {
        return Err(type_error(format!(
            "{fname}() takes exactly {} argument{} ({} given)",
            if n == 1 {
                "one".to_string()
            } else {
                n.to_string()
            },
            if n == 1 { "" } else { "s" },
            args.positional.len()
        )));
    }
    Ok(())
}

fn print(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let sep = match kwarg(&args, "sep") {
        Some(Value::Str(s)) => s.to_string(),
        _ => " ".into(),
    };
    let end = match kwarg(&args, "end") {
        Some(Value::Str(s)) => s.to_string(),
        _ => "\n".into(),
    };
    let mut text = String::new();
    for (i, v) in args.positional.iter().enumerate() {
        if i > 0 {
            text.push_str(&sep);
        }
        text.push_str(&protocol::str_of(vm, v)?);
    }
    text.push_str(&end);
    match kwarg(&args, "file") {
        Some(f) if !f.is_none() => {
            let write = protocol::getattr(vm, f, "write")?;
            vm.call(&write, vec![Value::str(&text)])?;
        }
        _ => {
            let _ = vm.stdout.write_all(text.as_bytes());
        }
    }
    if matches!(kwarg(&args, "flush"), Some(Value::Bool(true))) {
        vm.flush_stdout();
    }
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(&args, 1, "len")?;
    Ok(Value::Int(protocol::len(vm, &args.positional[0])? as i64))
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(&args, 1, "repr")?;
    Ok(Value::str(&protocol::repr(vm, &args.positional[0])?))
}

fn ascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(&args, 1, "ascii")?;
    let r = protocol::repr(vm, &args.positional[0])?;
    Ok(Value::str(&ops::text::ascii(&r)))
}

fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(&args, 1, "abs")?;
    Ok(match &args.positional[0] {
        Value::Int(i) => i
            .checked_abs()
            .map_or_else(|| from_big(BigInt::from(*i).abs()), Value::Int),
        Value::Bool(b) => Value::Int(*b as i64),
        Value::BigInt(b) => from_big(b.abs()),
        Value::Float(f) => Value::Float(f.abs()),
        Value::Complex(re, im) => Value::Float(re.hypot(*im)),
        other => match protocol::call_dunder(vm, other, "__abs__", vec![])? {
            Some(v) => v,
            None => {
                return Err(type_error(format!(
                    "bad operand type for abs(): '{}'",
                    type_name(other)
                )))
            }
        },
    })
}

/// The items `min`/`max` compare: one iterable argument or several.
fn min_max(vm: &mut Vm, args: Args, want_max: bool) -> PyResult<Value> {
    let fname = if want_max { "max" } else { "min" };
    super::allow_keywords(&args, fname, &["key", "default"])?;
    if args.positional.len() > 1 && kwarg(&args, "default").is_some() {
        return Err(type_error(format!(
            "Cannot specify a default for {fname}() with multiple positional arguments"
        )));
    }
    let items = match args.positional {
        [] => {
            return Err(type_error(format!(
                "{fname} expected at least 1 argument, got 0"
            )))
        }
        [one] => protocol::collect(vm, one)?,
        many => many.to_vec(),
    };
    let key = kwarg(&args, "key").filter(|k| !k.is_none()).cloned();
    if items.is_empty() {
        return match kwarg(&args, "default") {
            Some(d) => Ok(d.clone()),
            None => Err(value_error(format!("{fname}() arg is an empty sequence"))),
        };
    }
    let mut best = items[0].clone();
    let mut best_key = match &key {
        Some(k) => vm.call(k, vec![best.clone()])?,
        None => best.clone(),
    };
    for item in items.into_iter().skip(1) {
        let k = match &key {
            Some(kf) => vm.call(kf, vec![item.clone()])?,
            None => item.clone(),
        };
        let better = protocol::compare(vm, &k, &best_key, if want_max { 4 } else { 0 })?;
        if protocol::truthy(vm, &better)? {
            best = item;
            best_key = k;
        }
    }
    Ok(best)
}

fn min(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, false)
}

fn max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, true)
}

fn sum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = protocol::collect(vm, arg(&args, 0, "sum")?)?;
    let mut total = args
        .positional
        .get(1)
        .or_else(|| kwarg(&args, "start"))
        .cloned()
        .unwrap_or(Value::Int(0));
    if matches!(total, Value::Str(_)) {
        return Err(type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    if matches!(total, Value::Bytes(_)) {
        return Err(type_error(
            "sum() can't sum bytes [use b''.join(seq) instead]",
        ));
    }
    for item in items {
        total = ops::binary_op(vm, 0, total, item)?;
    }
    Ok(total)
}

/// `sorted(iterable, key=None, reverse=False)`: a stable merge sort that
/// compares with `<` only, as CPython's list.sort does.
pub fn sort_values(
    vm: &mut Vm,
    items: Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let keys = match key.filter(|k| !k.is_none()) {
        Some(k) => items
            .iter()
            .map(|v| vm.call(k, vec![v.clone()]))
            .collect::<PyResult<Vec<_>>>()?,
        None => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    // Reverse keeps stability: sort reversed input, then reverse the result.
    if reverse {
        idx.reverse();
    }
    let mut error: Option<PyErr> = None;
    cpython_sort(&mut idx, &mut |a, b| {
        if error.is_some() {
            return false;
        }
        match ops::compare(vm, &keys[a], &keys[b], 0).and_then(|r| protocol::truthy(vm, &r)) {
            Ok(lt) => lt,
            Err(e) => {
                error = Some(e);
                false
            }
        }
    });
    if let Some(e) = error {
        return Err(e);
    }
    if reverse {
        idx.reverse();
    }
    Ok(idx.into_iter().map(|i| items[i].clone()).collect())
}

/// CPython's `list.sort` for short lists (listobject.c: `count_run` then
/// `binarysort`), so the comparisons made, and the operands of a failing
/// one, are CPython's; longer lists use a stable merge sort.
fn cpython_sort(v: &mut [usize], lt: &mut dyn FnMut(usize, usize) -> bool) {
    let n = v.len();
    if n < 2 {
        return;
    }
    if n >= 64 {
        merge_sort(v, &mut |l, r| lt(r, l));
        return;
    }
    // count_run: a non-descending run, or a strictly descending one reversed.
    let mut run = 2;
    if lt(v[1], v[0]) {
        while run < n && lt(v[run], v[run - 1]) {
            run += 1;
        }
        v[..run].reverse();
    } else {
        while run < n && !lt(v[run], v[run - 1]) {
            run += 1;
        }
    }
    // binarysort: insert each later item after the equal ones (stable).
    for start in run..n {
        let pivot = v[start];
        let (mut lo, mut hi) = (0, start);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if lt(pivot, v[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        v.copy_within(lo..start, lo + 1);
        v[lo] = pivot;
    }
}

/// Stable merge sort; `less(a, b)` says whether b < a must move b first
/// (called as `less(left, right)` returning `right < left`).
fn merge_sort(v: &mut [usize], less: &mut dyn FnMut(usize, usize) -> bool) {
    if v.len() <= 1 {
        return;
    }
    let mid = v.len() / 2;
    merge_sort(&mut v[..mid], less);
    merge_sort(&mut v[mid..], less);
    let left = v[..mid].to_vec();
    let right = v[mid..].to_vec();
    let (mut i, mut j, mut k) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        if less(left[i], right[j]) {
            v[k] = right[j];
            j += 1;
        } else {
            v[k] = left[i];
            i += 1;
        }
        k += 1;
    }
    while i < left.len() {
        v[k] = left[i];
        i += 1;
        k += 1;
    }
    while j < right.len() {
        v[k] = right[j];
        j += 1;
        k += 1;
    }
}

fn sorted(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.positional.len() != 1 {
        return Err(type_error(format!(
            "sorted expected 1 argument, got {}",
            args.positional.len()
        )));
    }
    // sorted() hands its keywords to list.sort, whose name the error shows.
    super::allow_keywords(&args, "sort", &["key", "reverse"])?;
    let items = protocol::collect(vm, &args.positional[0])?;
    let reverse = match kwarg(&args, "reverse") {
        Some(r) => protocol::truthy(vm, r)?,
        None => false,
    };
    Ok(Value::list(sort_values(
        vm,
        items,
        kwarg(&args, "key"),
        reverse,
    )?))
}

/// `operator.length_hint(v, 0)` for an instance of a user class
/// (abstract.c's `PyObject_LengthHint`): `__len__`, else `__length_hint__`;
/// a TypeError from either means "no hint".
pub fn length_hint(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let hint = if protocol::user_dunder(v, "__len__").is_some() {
        protocol::len(vm, v).map(Some)
    } else {
        match protocol::call_dunder(vm, v, "__length_hint__", vec![]) {
            Ok(Some(Value::NotImplemented)) | Ok(None) => Ok(None),
            Ok(Some(n)) => index_of(&n).map(|n| Some(n.max(0) as usize)),
            Err(e) => Err(e),
        }
    };
    match hint {
        Ok(n) => Ok(n.unwrap_or(0)),
        Err(e) if e.is_instance(&builtin_types().type_error) => Ok(0),
        Err(e) => Err(e),
    }
}

fn iterator(state: IterState) -> Value {
    Value::Iterator(Rc::new(RefCell::new(state)))
}

fn reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(&args, 1, "reversed")?;
    let v = &args.positional[0];
    if let Some(r) = protocol::call_dunder(vm, v, "__reversed__", vec![])? {
        return Ok(r);
    }
    if let Some(p) = protocol::builtin_payload(v, "__reversed__") {
        if protocol::user_dunder(v, "__getitem__").is_none() {
            return reversed(
                vm,
                Args {
                    positional: &[p],
                    keywords: &[],
                },
            );
        }
    }
    let is_view = matches!(v, Value::Iterator(s) if matches!(&*s.borrow(), IterState::Dict { .. }));
    let items: Rc<[Value]> = match v {
        _ if is_view => protocol::collect(vm, v)?.into(),
        Value::Dict(d) => d.borrow().keys().into(),
        Value::Instance(_) if protocol::user_dunder(v, "__getitem__").is_some() => {
            let n = protocol::len(vm, v)?;
            return Ok(iterator(IterState::ReversedSequence {
                seq: v.clone(),
                index: n as i64 - 1,
            }));
        }
        // Only sequences are reversible without __reversed__ (bltinmodule.c's
        // reversed_new_impl: PySequence_Check).
        Value::List(_)
        | Value::Tuple(_)
        | Value::Str(_)
        | Value::Bytes(_)
        | Value::Range(_)
        | Value::DictView(_) => protocol::collect(vm, v)?.into(),
        _ => {
            return Err(type_error(format!(
                "'{}' object is not reversible",
                type_name(v)
            )))
        }
    };
    let n = items.len();
    let name = match v {
        Value::List(_) => "list_reverseiterator",
        Value::Range(_) => "range_iterator",
        Value::Dict(_) => "dict_reversekeyiterator",
        _ => "reversed",
    };
    Ok(iterator(IterState::Reversed {
        items,
        index: n,
        name,
    }))
}

fn enumerate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let inner = protocol::iter(vm, arg(&args, 0, "enumerate")?)?;
    let start = match args.positional.get(1).or_else(|| kwarg(&args, "start")) {
        Some(s) => protocol::number::number_index(vm, s)?,
        None => Value::Int(0),
    };
    Ok(iterator(IterState::Enumerate {
        inner,
        count: start,
    }))
}

fn zip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::allow_keywords(&args, "zip", &["strict"])?;
    let inners = args
        .positional
        .iter()
        .map(|v| protocol::iter(vm, v))
        .collect::<PyResult<Vec<_>>>()?;
    let strict = match kwarg(&args, "strict") {
        Some(s) => protocol::truthy(vm, s)?,
        None => false,
    };
    Ok(iterator(IterState::Zip { inners, strict }))
}

fn map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let func = arg(&args, 0, "map")?.clone();
    if args.positional.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let inners = args.positional[1..]
        .iter()
        .map(|v| protocol::iter(vm, v))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(iterator(IterState::Map { func, inners }))
}

fn filter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(&args, 2, "filter")?;
    let inner = protocol::iter(vm, &args.positional[1])?;
    Ok(iterator(IterState::Filter {
        func: args.positional[0].clone(),
        inner,
    }))
}

fn hasattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(&args, 2, "hasattr")?;
    let name = protocol::str_arg(&args.positional[1])?;
    match protocol::getattr(vm, &args.positional[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if e.is_instance(&builtin_types().attribute_error) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = arg(&args, 0, "getattr")?;
    let name = match arg(&args, 1, "getattr")? {
        Value::Str(s) => s.to_string(),
        other => {
            return Err(type_error(format!(
                "attribute name must be string, not '{}'",
                type_name(other)
            )))
        }
    };
    match protocol::getattr(vm, obj, &name) {
        Err(e) if e.is_instance(&builtin_types().attribute_error) && args.positional.len() > 2 => {
            Ok(args.positional[2].clone())
        }
        other => other,
    }
}

fn setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(&args, 3, "setattr")?;
    let name = protocol::str_arg(&args.positional[1])?;
    protocol::setattr(vm, &args.positional[0], &name, args.positional[2].clone())?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(&args, 2, "delattr")?;
    let name = protocol::str_arg(&args.positional[1])?;
    protocol::delattr(vm, &args.positional[0], &name)?;
    Ok(Value::None)
}

fn id(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(&args, 1, "id")?;
    Ok(Value::Int(args.positional[0].id() as i64))
}

fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(&args, 1, "hash")?;
    Ok(Value::Int(protocol::hash_value(vm, &args.positional[0])?))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.positional {
        [v] => protocol::iter(vm, v),
        [f, _] if !protocol::is_callable(f) => Err(type_error("iter(v, w): v must be callable")),
        [f, sentinel] => Ok(iterator(IterState::Callable {
            func: f.clone(),
            sentinel: sentinel.clone(),
        })),
        _ => Err(type_error("iter expected 1 or 2 arguments")),
    }
}

fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = arg(&args, 0, "next")?;
    let native_iter = match it {
        Value::Iterator(_) | Value::GenAwaitable(_) => true,
        Value::Generator(g) => g.kind == crate::object::generator::GenKind::Generator,
        _ => false,
    };
    if !native_iter && protocol::user_dunder(it, "__next__").is_none() {
        return Err(type_error(format!(
            "'{}' object is not an iterator",
            type_name(it)
        )));
    }
    if let (Value::GenAwaitable(aw), None) = (it, args.positional.get(1)) {
        use crate::vm::coro::{awaitable_resume_native, AwaitResult};
        let how = crate::vm::generator::Resume::Send(Value::None);
        return match awaitable_resume_native(vm, aw, how)? {
            AwaitResult::Yield(v) => Ok(v),
            AwaitResult::Complete(v) => Err(crate::object::exception::stop_iteration(
                (!v.is_none()).then_some(v),
            )),
            AwaitResult::Raise(e) => Err(e),
        };
    }
    if let (Value::Generator(g), None, true) = (it, args.positional.get(1), native_iter) {
        return match crate::vm::generator::resume(
            vm,
            g,
            crate::vm::generator::Resume::Send(Value::None),
        )? {
            crate::vm::generator::GenResult::Yielded(v) => Ok(v),
            crate::vm::generator::GenResult::Returned(v) => Err(
                crate::object::exception::stop_iteration((!v.is_none()).then_some(v)),
            ),
        };
    }
    match protocol::next(vm, it)? {
        Some(v) => Ok(v),
        None => match args.positional.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(crate::object::exception::stop_iteration(None)),
        },
    }
}

/// `aiter(async_iterable)`.
fn aiter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(&args, 1, "aiter")?;
    let v = &args.positional[0];
    let t = protocol::type_of(v);
    let Some(f) = protocol::lookup(&t, "__aiter__") else {
        return Err(type_error(format!(
            "'{}' object is not an async iterable",
            t.name
        )));
    };
    let it = vm.call(&f, vec![v.clone()])?;
    if protocol::lookup(&protocol::type_of(&it), "__anext__").is_none() {
        return Err(type_error(format!(
            "aiter() returned not an async iterator of type '{}'",
            protocol::type_name(&it)
        )));
    }
    Ok(it)
}

fn callable(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(&args, 1, "callable")?;
    Ok(Value::Bool(protocol::is_callable(&args.positional[0])))
}

fn chr(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(&args, 1, "chr")?;
    let i = index_of(&args.positional[0])?;
    let c = u32::try_from(i)
        .ok()
        .and_then(char::from_u32)
        .ok_or_else(|| value_error("chr() arg not in range(0x110000)"))?;
    Ok(Value::str(&c.to_string()))
}

fn ord(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(&args, 1, "ord")?;
    match &args.positional[0] {
        Value::Str(s) => {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Ok(Value::Int(c as i64)),
                _ => Err(type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.chars().count()
                ))),
            }
        }
        Value::Bytes(b) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
        other => Err(type_error(format!(
            "ord() expected string of length 1, but {} found",
            type_name(other)
        ))),
    }
}

fn radix(vm: &mut Vm, args: &Args, fname: &str, base: u32, prefix: &str) -> PyResult<Value> {
    exactly(args, 1, fname)?;
    let n = protocol::number::index_big(vm, &args.positional[0])?;
    let sign = if n.is_negative() { "-" } else { "" };
    Ok(Value::str(&format!(
        "{sign}{prefix}{}",
        n.abs().to_str_radix(base)
    )))
}

fn bin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, &args, "bin", 2, "0b")
}

fn oct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, &args, "oct", 8, "0o")
}

fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, &args, "hex", 16, "0x")
}

/// `round(x, ndigits)`: half to even, as CPython.
fn round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = arg(&args, 0, "round")?;
    let nd = args
        .positional
        .get(1)
        .or_else(|| kwarg(&args, "ndigits"))
        .filter(|v| !v.is_none());
    if let Some(r) = protocol::call_dunder(vm, x, "__round__", nd.cloned().into_iter().collect())? {
        return Ok(r);
    }
    match (x, nd) {
        (v, None) if is_int(v) => Ok(ops::int_value(v)),
        (v, Some(n)) if is_int(v) => {
            let n = index_of(n)?;
            if n >= 0 {
                return Ok(ops::int_value(v));
            }
            let p = num_traits::pow(BigInt::from(10), (-n) as usize);
            let v = big(v).unwrap_or_default();
            let (q, r) = ops::arith::floor_divmod_big(&v, &p);
            let twice = &r * 2;
            let q = if twice > p || (twice == p && (&q % 2) != BigInt::zero()) {
                q + 1
            } else {
                q
            };
            Ok(from_big(q * p))
        }
        (Value::Float(f), None) => {
            if !f.is_finite() {
                return Err(if f.is_nan() {
                    value_error("cannot convert float NaN to integer")
                } else {
                    crate::object::exception::overflow_error(
                        "cannot convert float infinity to integer",
                    )
                });
            }
            let r = f.round_ties_even();
            Ok(float_to_int(r))
        }
        (Value::Float(f), Some(n)) => {
            let n = index_of(n)?;
            Ok(Value::Float(round_float(*f, n)))
        }
        (other, _) => Err(type_error(format!(
            "type {} doesn't define __round__ method",
            type_name(other)
        ))),
    }
}

/// `round(f, n)` correctly rounded via the decimal string, as CPython's
/// `double_round` does.
fn round_float(f: f64, n: i64) -> f64 {
    if !f.is_finite() || n > 323 {
        return f;
    }
    if n < -308 {
        return 0.0f64.copysign(f);
    }
    if n >= 0 {
        let s = format!("{:.*}", n as usize, f);
        // Rust's fixed formatting rounds half-even on the exact binary value.
        s.parse().unwrap_or(f)
    } else {
        let p = 10f64.powi((-n) as i32);
        let y = f / p;
        let r = y.round_ties_even();
        r * p
    }
}

pub fn float_to_int(f: f64) -> Value {
    if f.abs() < 9.2e18 {
        Value::Int(f as i64)
    } else {
        from_big(BigInt::from(f as i128).max(BigInt::from(i128::MIN)))
    }
}

fn divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(&args, 2, "divmod")?;
    let (a, b) = (&args.positional[0], &args.positional[1]);
    // PyNumber_Divmod: a.__divmod__(b), then b.__rdivmod__(a).
    for (method, x, y) in [("__divmod__", a, b), ("__rdivmod__", b, a)] {
        if let Some(r) = protocol::call_dunder(vm, x, method, vec![y.clone()])? {
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
    }
    let numeric = |v: &Value| {
        matches!(
            v,
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_)
        ) || protocol::builtin_payload(v, "__divmod__").is_some()
    };
    if !numeric(a) || !numeric(b) {
        return Err(type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            type_name(a),
            type_name(b)
        )));
    }
    let q = ops::binary_op(vm, 2, a.clone(), b.clone())?;
    let r = ops::binary_op(vm, 6, a.clone(), b.clone())?;
    Ok(Value::tuple(vec![q, r]))
}

/// `pow(base, exp, mod=None)`; all three may be given by keyword.
fn pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut params: [Option<Value>; 3] = [None, None, None];
    for (slot, v) in params.iter_mut().zip(args.positional) {
        *slot = Some(v.clone());
    }
    if args.positional.len() > 3 {
        return Err(type_error(format!(
            "pow() takes at most 3 arguments ({} given)",
            args.positional.len()
        )));
    }
    for (name, v) in args.keywords {
        let i = match &**name {
            "base" => 0,
            "exp" => 1,
            "mod" => 2,
            other => {
                return Err(type_error(format!(
                    "'{other}' is an invalid keyword argument for pow()"
                )))
            }
        };
        if params[i].is_some() {
            return Err(type_error(format!(
                "argument for pow() given by name ('{name}') and position ({})",
                i + 1
            )));
        }
        params[i] = Some(v.clone());
    }
    match params {
        [Some(b), Some(e), Some(m)] if !m.is_none() => {
            // Three-argument power uses only the base's __pow__
            // (typeobject.c's slot_nb_power).
            if let Some(r) = protocol::call_dunder(vm, &b, "__pow__", vec![e.clone(), m.clone()])? {
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
            ops::arith::pow3(&b, &e, &m)
        }
        [Some(b), Some(e), _] => ops::binary_op(vm, 8, b, e),
        [_, None, _] if params[0].is_some() => {
            Err(type_error("pow() missing required argument 'exp' (pos 2)"))
        }
        _ => Err(type_error("pow() missing required argument 'base' (pos 1)")),
    }
}

fn any(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(&args, 1, "any")?;
    let it = protocol::iter(vm, &args.positional[0])?;
    while let Some(v) = protocol::next(vm, &it)? {
        if protocol::truthy(vm, &v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(&args, 1, "all")?;
    let it = protocol::iter(vm, &args.positional[0])?;
    while let Some(v) = protocol::next(vm, &it)? {
        if !protocol::truthy(vm, &v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arg(&args, 0, "format")?;
    let spec = match args.positional.get(1) {
        Some(s) => protocol::str_arg(s)?,
        None => String::new(),
    };
    Ok(Value::str(&ops::text::format(vm, v, &spec)?))
}

fn vars(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.positional.first() {
        Some(v) => protocol::getattr(vm, v, "__dict__").map_err(|e| {
            if e.is_instance(&builtin_types().attribute_error) {
                type_error("vars() argument must have __dict__ attribute")
            } else {
                e
            }
        }),
        None => locals(vm, args),
    }
}

/// The `str` keys of a namespace, as strings (`dir()`).
fn str_keys(d: &Dict) -> impl Iterator<Item = String> + '_ {
    d.iter().filter_map(|e| match &e.key {
        Value::Str(s) => Some(s.to_string()),
        _ => None,
    })
}

/// The attribute names of a class and its bases (typeobject.c's
/// `merge_class_dict`): namespaces, slots, and the native methods of
/// builtin bases.
fn class_names(t: &Rc<Type>) -> Vec<String> {
    let mut n = Vec::new();
    for c in t.mro() {
        n.extend(str_keys(&c.dict.borrow()));
        if c.kind == Kind::User {
            n.extend(super::slots::own_slots(&c).iter().map(|s| s.to_string()));
        } else {
            if c.kind == Kind::Object {
                n.push("__class__".to_string());
            }
            n.extend(
                super::methods::DIR_CANDIDATES
                    .iter()
                    .filter(|name| protocol::lookup(&c, name).is_some())
                    .map(|s| s.to_string()),
            );
        }
    }
    n
}

fn dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(v) = args.positional.first() {
        if let Some(r) = protocol::call_dunder(vm, v, "__dir__", vec![])? {
            let items = protocol::collect(vm, &r)?;
            return Ok(Value::list(sort_values(vm, items, None, false)?));
        }
    }
    let mut names: Vec<String> = match args.positional.first() {
        Some(Value::Instance(i)) => {
            let mut n: Vec<String> = str_keys(&i.dict.borrow()).collect();
            n.extend(class_names(&i.class.borrow()));
            n
        }
        Some(Value::Type(t)) => class_names(t),
        Some(Value::Module(m)) => str_keys(&m.dict.borrow()).collect(),
        Some(v) => class_names(&type_of(v)),
        None => {
            let l = locals(
                vm,
                Args {
                    positional: &[],
                    keywords: &[],
                },
            )?;
            let Value::Dict(d) = l else {
                return Ok(Value::list(vec![]));
            };
            let keys = d.borrow().keys();
            keys.iter()
                .filter_map(|k| {
                    if let Value::Str(s) = k {
                        Some(s.to_string())
                    } else {
                        None
                    }
                })
                .collect()
        }
    };
    names.sort();
    names.dedup();
    Ok(Value::list(names.iter().map(|n| Value::str(n)).collect()))
}

fn globals(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Dict(
        vm.frames.last().expect("frame").globals.clone(),
    ))
}

fn locals(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let f = vm.frames.last().expect("frame");
    if let Some(l) = &f.locals {
        return Ok(Value::Dict(l.clone()));
    }
    let d = Rc::new(RefCell::new(Dict::new()));
    for (i, name) in f.code.localsplusnames.iter().enumerate() {
        let v = match &f.fast[i] {
            Some(Value::Cell(c)) => c.borrow().clone(),
            other => other.clone(),
        };
        if let Some(v) = v {
            protocol::dict_set_str(&d, name, v);
        }
    }
    Ok(Value::Dict(d))
}

fn input(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(prompt) = args.positional.first() {
        let p = protocol::str_of(vm, prompt)?;
        let _ = vm.stdout.write_all(p.as_bytes());
    }
    vm.flush_stdout();
    match (vm.stdin)() {
        Ok(None) => Err(PyErr::new(
            &builtin_types().eof_error,
            "EOF when reading a line",
        )),
        Ok(Some(line)) => Ok(Value::str(line.strip_suffix('\n').unwrap_or(&line))),
        Err(e) => Err(PyErr::new(&builtin_types().os_error, e.to_string())),
    }
}

/// Constructors of builtin types.
pub fn construct_builtin(vm: &mut Vm, t: &Rc<Type>, args: Args) -> PyResult<Value> {
    let first = args.positional.first();
    Ok(match t.kind {
        Kind::Int => match (
            first,
            args.positional.get(1).or_else(|| kwarg(&args, "base")),
        ) {
            (None, _) => Value::Int(0),
            (Some(Value::Str(s)), base) => {
                let base = base.map(index_of).transpose()?.unwrap_or(10);
                if base != 0 && !(2..=36).contains(&base) {
                    return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
                }
                parse_int(s, base as u32)?
            }
            (Some(v), None) => int_of(vm, v)?,
            (Some(v), Some(_)) => {
                return Err(type_error(format!(
                    "int() can't convert non-string with explicit base: {}",
                    type_name(v)
                )))
            }
        },
        Kind::Float => match first {
            None => Value::Float(0.0),
            Some(Value::Str(s)) => Value::Float(parse_float(s)?),
            Some(Value::Float(f)) => Value::Float(*f),
            Some(v) if is_int(v) => Value::Float(to_f64(v).unwrap_or(0.0)),
            Some(v) => match protocol::call_dunder(vm, v, "__float__", vec![])? {
                Some(f) => f,
                None => {
                    return Err(type_error(format!(
                        "float() argument must be a string or a real number, not '{}'",
                        type_name(v)
                    )))
                }
            },
        },
        Kind::Complex => {
            let re = first.map(|v| to_f64(v).unwrap_or(0.0)).unwrap_or(0.0);
            let im = args
                .positional
                .get(1)
                .map(|v| to_f64(v).unwrap_or(0.0))
                .unwrap_or(0.0);
            Value::Complex(re, im)
        }
        Kind::Bool => Value::Bool(match first {
            Some(v) => protocol::truthy(vm, v)?,
            None => false,
        }),
        Kind::Str => match first {
            None => Value::str(""),
            Some(Value::Bytes(b))
                if args.positional.len() > 1 || kwarg(&args, "encoding").is_some() =>
            {
                Value::str(&String::from_utf8_lossy(b))
            }
            Some(v) => Value::str(&protocol::str_of(vm, v)?),
        },
        Kind::Bytes => match first {
            None => Value::Bytes(Rc::from(Vec::new())),
            Some(Value::Str(s)) => Value::Bytes(Rc::from(s.as_bytes())),
            Some(Value::Int(n)) => Value::Bytes(Rc::from(vec![0u8; (*n).max(0) as usize])),
            Some(v) if protocol::user_dunder(v, "__bytes__").is_some() => {
                match protocol::call_dunder(vm, v, "__bytes__", vec![])? {
                    Some(b @ Value::Bytes(_)) => b,
                    other => {
                        return Err(type_error(format!(
                            "__bytes__ returned non-bytes (type {})",
                            type_name(&other.unwrap_or(Value::None))
                        )))
                    }
                }
            }
            Some(v) => {
                let items = protocol::collect(vm, v)?;
                let bytes: Vec<u8> = items
                    .iter()
                    .map(|x| index_of(x).map(|i| i as u8))
                    .collect::<PyResult<_>>()?;
                Value::Bytes(Rc::from(bytes))
            }
        },
        Kind::Tuple => match first {
            None => Value::tuple(vec![]),
            Some(v @ Value::Tuple(_)) => v.clone(),
            Some(v) => Value::tuple(protocol::collect(vm, v)?),
        },
        Kind::List => Value::list(match first {
            None => vec![],
            Some(v) => ops::seq::list_extend_items(vm, v)?,
        }),
        Kind::Dict => {
            let d = Rc::new(RefCell::new(Dict::new()));
            if let Some(v) = first {
                let pairs = match v {
                    Value::Dict(_) => ops::mapping_items(vm, v)?,
                    Value::Instance(_) if protocol::getattr(vm, v, "keys").is_ok() => {
                        ops::mapping_items(vm, v)?
                    }
                    other => {
                        let mut out = Vec::new();
                        for item in protocol::collect(vm, other)? {
                            let kv = protocol::collect(vm, &item)?;
                            if kv.len() != 2 {
                                return Err(value_error(format!(
                                    "dictionary update sequence element #{} has length {}; 2 is required",
                                    out.len(),
                                    kv.len()
                                )));
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
                protocol::dict_insert(vm, &d, Value::Str(k.clone()), v.clone())?;
            }
            Value::Dict(d)
        }
        Kind::Set | Kind::FrozenSet => {
            let items = match first {
                Some(v) => protocol::collect(vm, v)?,
                None => vec![],
            };
            let set = protocol::new_set(vm, items)?;
            match (t.kind, set) {
                (Kind::FrozenSet, Value::Set(d)) => Value::FrozenSet(Rc::new(d.borrow().clone())),
                (_, s) => s,
            }
        }
        Kind::Range => protocol::range::new_range(vm, args.positional)?,
        Kind::Slice => {
            let p = args.positional;
            let (a, b, c) = match p.len() {
                1 => (Value::None, p[0].clone(), Value::None),
                2 => (p[0].clone(), p[1].clone(), Value::None),
                3 => (p[0].clone(), p[1].clone(), p[2].clone()),
                _ => return Err(type_error("slice expected at least 1 argument, got 0")),
            };
            Value::Slice(Rc::new([a, b, c]))
        }
        Kind::Object => {
            if !args.positional.is_empty() {
                return Err(type_error("object() takes no arguments"));
            }
            super::new_instance_of(t)
        }
        Kind::Type => match args.positional {
            [v] => Value::Type(type_of(v)),
            [_, _, _] => super::metaclass::type_new(vm, t, args.positional, args.keywords)?,
            _ => return Err(type_error("type() takes 1 or 3 arguments")),
        },
        Kind::Property => super::new_property(&args),
        Kind::StaticMethod => Value::StaticMethod(Rc::new(arg(&args, 0, "staticmethod")?.clone())),
        Kind::ClassMethod => Value::ClassMethod(Rc::new(arg(&args, 0, "classmethod")?.clone())),
        Kind::Super => make_super(vm, &args)?,
        Kind::Exception => Value::Exception(crate::object::exception::ExceptionObject::new(
            t.clone(),
            args.positional.to_vec(),
        )),
        _ => return Err(type_error(format!("cannot create '{}' instances", t.name))),
    })
}

/// `super()` with no arguments finds `__class__` and the first argument in
/// the calling frame, as CPython's `super_init_without_args` does.
fn make_super(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    if let [Value::Type(t), obj] = args.positional {
        return Ok(Value::Super(Rc::new((t.clone(), obj.clone()))));
    }
    let f = vm.frames.last().expect("frame");
    let code = &f.code;
    let class_slot = code
        .localsplusnames
        .iter()
        .position(|n| &**n == "__class__");
    let class = match class_slot.and_then(|i| f.fast[i].clone()) {
        Some(Value::Cell(c)) => c.borrow().clone(),
        other => other,
    };
    let Some(Value::Type(class)) = class else {
        return Err(crate::object::exception::runtime_error(
            "super(): __class__ cell not found",
        ));
    };
    let first = match f.fast.first().cloned().flatten() {
        Some(Value::Cell(c)) => c.borrow().clone(),
        other => other,
    };
    let Some(obj) = first else {
        return Err(crate::object::exception::runtime_error(
            "super(): no arguments",
        ));
    };
    Ok(Value::Super(Rc::new((class, obj))))
}

pub fn int_of(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(match v {
        Value::Int(_) | Value::BigInt(_) => v.clone(),
        Value::Bool(b) => Value::Int(*b as i64),
        Value::Float(f) => {
            if f.is_nan() {
                return Err(value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(crate::object::exception::overflow_error("cannot convert float infinity to integer"));
            }
            let t = f.trunc();
            if t.abs() < 9.2e18 {
                Value::Int(t as i64)
            } else {
                from_big(float_to_big(t))
            }
        }
        other => match protocol::call_dunder(vm, other, "__int__", vec![])? {
            Some(i) => i,
            None => match protocol::call_dunder(vm, other, "__index__", vec![])? {
                Some(i) => i,
                None => return Err(type_error(format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", type_name(other)))),
            },
        },
    })
}

/// An integral float as an exact big integer.
fn float_to_big(f: f64) -> BigInt {
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mantissa = (bits & ((1 << 52) - 1)) | (1 << 52);
    let m = BigInt::from(mantissa);
    let v = if exp >= 0 {
        m << exp as usize
    } else {
        m >> (-exp) as usize
    };
    if f < 0.0 {
        -v
    } else {
        v
    }
}

fn parse_int(s: &str, base: u32) -> PyResult<Value> {
    let err = || {
        value_error(format!(
            "invalid literal for int() with base {base}: {}",
            crate::object::repr::repr_str(s.chars().map(|c| c as u32))
        ))
    };
    let t = s.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = t.to_ascii_lowercase();
    let (base, digits) = match (base, lower.get(..2)) {
        (0 | 16, Some("0x")) => (16, &t[2..]),
        (0 | 8, Some("0o")) => (8, &t[2..]),
        (0 | 2, Some("0b")) => (2, &t[2..]),
        (0, _) => {
            if t.len() > 1 && t.starts_with('0') && t.chars().any(|c| c != '0' && c != '_') {
                return Err(err());
            }
            (10, t)
        }
        (b, _) => (b, t),
    };
    let digits = digits.strip_prefix('_').unwrap_or(digits);
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return Err(err());
    }
    let clean: String = digits.chars().filter(|c| *c != '_').collect();
    let n = BigInt::parse_bytes(clean.as_bytes(), base).ok_or_else(err)?;
    Ok(from_big(if neg { -n } else { n }))
}

fn parse_float(s: &str) -> PyResult<f64> {
    let t = s.trim().replace('_', "");
    let lower = t.to_ascii_lowercase();
    let v = match lower.trim_start_matches(['+', '-']) {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => t
            .parse::<f64>()
            .ok()
            .filter(|_| !lower.contains("inf") && !lower.contains("nan")),
    };
    match v {
        Some(f) if lower.starts_with('-') && !f.is_sign_negative() => Ok(-f),
        Some(f) => Ok(f),
        None => Err(value_error(format!(
            "could not convert string to float: {}",
            crate::object::repr::repr_str(s.chars().map(|c| c as u32))
        ))),
    }
}

#[allow(dead_code)]
fn to_i64(v: &BigInt) -> Option<i64> {
    v.to_i64()
}
