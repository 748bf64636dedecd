//! Builtin functions (`print`, `len`, `sorted`, ...) and the constructors of
//! builtin types (`int("12", 16)`, `list(it)`, `type(x)`, `super()`, ...).

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use num_traits::Signed;

use super::kwarg;
use crate::object::exception::{type_error, value_error};
use crate::object::function::{Args, NativeFn};
use crate::object::iter::IterState;
use crate::object::types::{Kind, Type};
use crate::object::{builtin_types, Dict, PyErr, PyResult, Value};
use crate::vm::ops::{self, index_of};
use crate::vm::protocol::{self, type_name, type_of};
use crate::vm::Vm;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("__import__", super::modules::importer::builtin_import),
    ("print", print),
    ("len", len),
    ("repr", repr),
    ("ascii", ascii),
    ("abs", super::numbers::abs),
    ("min", min),
    ("max", max),
    ("sum", sum),
    ("sorted", sorted),
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
    ("round", super::numbers::round),
    ("divmod", super::numbers::divmod),
    ("pow", super::numbers::pow),
    ("any", any),
    ("all", all),
    ("format", format),
    ("vars", vars),
    ("dir", dir),
    ("globals", globals),
    ("locals", locals),
    ("input", input),
];

/// The builtin iterator types that are classes in CPython (callable,
/// subclassable), with what calling each makes. Their instances are
/// `Value::Iterator`s whose type is found by name
/// (`protocol::iterator_type`), so `type(enumerate([])) is enumerate`.
pub const ITERATOR_CLASSES: &[(&str, NativeFn)] = &[
    ("reversed", reversed),
    ("enumerate", enumerate),
    ("zip", zip),
    ("map", map),
    ("filter", filter),
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
    // No file: `sys.stdout` as it is now (a program may have replaced
    // it, `contextlib.redirect_stdout` does); nothing at all when it is
    // None, as builtin_print_impl.
    let file = match kwarg(&args, "file").filter(|f| !f.is_none()) {
        Some(f) => Some(f.clone()),
        None => match protocol::dict_get_str(&vm.modules, "sys") {
            Some(Value::Module(sys)) => match protocol::dict_get_str(&sys.dict, "stdout") {
                Some(Value::None) => return Ok(Value::None),
                Some(out) if !super::modules::stdio_is_native_stdout(&out) => Some(out),
                _ => None,
            },
            _ => None,
        },
    };
    if let Some(f) = &file {
        // As builtin_print_impl: one `file.write` per argument, separator
        // and end, then `file.flush()` when asked.
        let write = protocol::getattr(vm, f, "write")?;
        for (i, v) in args.positional.iter().enumerate() {
            if i > 0 {
                vm.call(&write, vec![Value::str(&sep)])?;
            }
            let s = protocol::str_of(vm, v)?;
            vm.call(&write, vec![Value::str(&s)])?;
        }
        vm.call(&write, vec![Value::str(&end)])?;
        if let Some(flush) = kwarg(&args, "flush") {
            if protocol::truthy(vm, flush)? {
                let flush = protocol::getattr(vm, f, "flush")?;
                vm.call(&flush, vec![])?;
            }
        }
        return Ok(Value::None);
    }
    let mut text = String::new();
    for (i, v) in args.positional.iter().enumerate() {
        if i > 0 {
            text.push_str(&sep);
        }
        text.push_str(&protocol::str_of(vm, v)?);
    }
    text.push_str(&end);
    let _ = vm.stdout.write_all(text.as_bytes());
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
    if matches!(total, Value::ByteArray(_)) {
        return Err(type_error(
            "sum() can't sum bytearray [use b''.join(seq) instead]",
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
        if let Some(lt) = builtin_lt(&keys[a], &keys[b]) {
            return lt;
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

/// `a < b` for ints, floats and strs, and tuples of them compared as
/// tuplerichcompare does (first unequal items decide, then lengths), when
/// no Python code can be involved; `None` otherwise (NaNs included, whose
/// identity would matter).
fn builtin_lt(a: &Value, b: &Value) -> Option<bool> {
    let is_nan = |v: &Value| matches!(v, Value::Float(f) if f.is_nan());
    if is_nan(a) || is_nan(b) {
        return None;
    }
    if let Some(lt) = ops::compare::fast_compare(0, a, b) {
        return Some(lt);
    }
    let (Value::Tuple(x), Value::Tuple(y)) = (a, b) else {
        return None;
    };
    for (p, q) in x.iter().zip(y.iter()) {
        if is_nan(p) || is_nan(q) {
            return None;
        }
        if !protocol::builtin_eq(p, q)? {
            return builtin_lt(p, q);
        }
    }
    Some(x.len() < y.len())
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

pub use protocol::length_hint;

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
    // range_reverse: a range iterator over the same values backwards.
    if let Value::Range(r) = v {
        let (start, _, step) = r.bounds();
        let len = r.big_len();
        let last: num_bigint::BigInt = &start + (&len - 1) * &step;
        let stop: num_bigint::BigInt = &last - &len * &step;
        let back = crate::object::value::RangeObj::new_big(last, stop, -step);
        return Ok(iterator(protocol::range::range_iter(&back)));
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
/// `merge_class_dict`): their namespaces (a builtin type's holds its method
/// table) and slots.
fn class_names(t: &Rc<Type>) -> Vec<String> {
    let mut n = Vec::new();
    for c in t.mro() {
        n.extend(str_keys(&c.dict.borrow()));
        if c.kind == Kind::User {
            n.extend(super::slots::own_slots(&c).iter().map(|s| s.to_string()));
        } else if c.kind == Kind::Object {
            n.push("__class__".to_string());
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
        Some(v) => default_dir(v),
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

/// The names `object.__dir__` (or `type.__dir__`, `module.__dir__`)
/// gives, unsorted and possibly repeated.
pub fn default_dir(v: &Value) -> Vec<String> {
    match v {
        Value::Instance(i) => {
            let mut n: Vec<String> = str_keys(&i.dict.borrow()).collect();
            n.extend(class_names(&i.class.borrow()));
            n
        }
        Value::Type(t) => class_names(t),
        Value::Module(m) => str_keys(&m.dict.borrow()).collect(),
        v => class_names(&type_of(v)),
    }
}

fn globals(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Dict(
        vm.frames.last().expect("frame").globals.clone(),
    ))
}

fn locals(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(crate::vm::frame_object::locals(
        vm.frames.last().expect("frame"),
    ))
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
        Kind::Int => super::numbers::new_int(vm, &args)?,
        Kind::Float => super::numbers::new_float(vm, &args)?,
        Kind::Complex => super::numbers::new_complex(vm, &args)?,
        Kind::Bool => Value::Bool(match first {
            Some(v) => protocol::truthy(vm, v)?,
            None => false,
        }),
        Kind::Str => match first {
            None => Value::str(""),
            Some(v @ (Value::Bytes(_) | Value::ByteArray(_)))
                if args.positional.len() > 1
                    || kwarg(&args, "encoding").is_some()
                    || kwarg(&args, "errors").is_some() =>
            {
                // str(bytes, encoding, errors) decodes.
                let data = ops::bytes::bytes_data(v).unwrap_or_default();
                let (encoding, errors) = super::methods::bytes::codec_args(&args, 1)?;
                let text = super::modules::codecs::decode_text(vm, &data, &encoding, &errors)?;
                Value::str(&text)
            }
            Some(v) => Value::str(&protocol::str_of(vm, v)?),
        },
        Kind::Bytes => super::methods::bytes::construct(vm, &args, false)?,
        Kind::ByteArray => super::methods::bytes::construct(vm, &args, true)?,
        Kind::MemoryView => super::methods::bytes::memoryview(t, &args)?,
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
        Kind::Function => super::new_function(&args)?,
        Kind::StaticMethod => Value::StaticMethod(Rc::new(arg(&args, 0, "staticmethod")?.clone())),
        Kind::ClassMethod => Value::ClassMethod(Rc::new(arg(&args, 0, "classmethod")?.clone())),
        Kind::Super => make_super(vm, &args)?,
        Kind::Iterator => match ITERATOR_CLASSES.iter().find(|(n, _)| **n == *t.name) {
            Some((_, make)) => make(vm, args)?,
            None => return Err(type_error(format!("cannot create '{}' instances", t.name))),
        },
        // module(name, doc=None) (module___init___impl).
        Kind::Module => {
            let bound = super::modules::clinic_bind(
                "module",
                args.positional,
                args.keywords,
                &["name", "doc"],
                1,
                2,
            )?;
            let name = match &bound[0] {
                Some(Value::Str(s)) => s.clone(),
                Some(v) => {
                    return Err(type_error(format!(
                        "module.__init__() argument 'name' must be str, not {}",
                        type_name(v)
                    )))
                }
                None => Rc::from(""),
            };
            let doc = bound[1].clone().unwrap_or(Value::None);
            super::modules::new_module(
                &name,
                vec![
                    ("__doc__", doc),
                    ("__package__", Value::None),
                    ("__loader__", Value::None),
                    ("__spec__", Value::None),
                ],
            )
        }
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
    let code = &f.code();
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
