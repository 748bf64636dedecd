//! The `itertools` module, native as CPython's (Modules/itertoolsmodule.c):
//! every iterator a class of its own (subclassable where CPython's is),
//! with CPython 3.11's arguments, messages, reprs and pickling methods
//! (`__reduce__`/`__setstate__`). Each object keeps its C struct's fields
//! in a native state (`object::native`); a field read by Python code is
//! cloned out before the call, so no borrow is held while Python runs and
//! a re-entrant call sees a consistent object.
//!
//! Families: `infinite` (count, cycle, repeat), `filters` (accumulate,
//! chain, compress, dropwhile, takewhile, filterfalse, islice, pairwise,
//! starmap, zip_longest), `grouping` (groupby, `_grouper`, tee, `_tee`,
//! `_tee_dataobject`), `combinatorics` (product, permutations, combinations,
//! combinations_with_replacement).

use super::class_arg;
use std::cell::OnceCell;
use std::rc::Rc;

use crate::object::exception::{overflow_error, stop_iteration, type_error};
use crate::object::function::Args;
use crate::object::native::native_ref;
use crate::object::{builtin_types, PyErr, PyResult, Type, Value};
use crate::vm::protocol;
use crate::vm::Vm;

use super::native_instance;

mod combinatorics;
mod filters;
mod grouping;
mod infinite;

/// The module's classes, made once per thread so `type(x)` is always the
/// same class object.
pub(super) struct Types {
    pub count: Rc<Type>,
    pub cycle: Rc<Type>,
    pub repeat: Rc<Type>,
    pub accumulate: Rc<Type>,
    pub chain: Rc<Type>,
    pub compress: Rc<Type>,
    pub dropwhile: Rc<Type>,
    pub takewhile: Rc<Type>,
    pub filterfalse: Rc<Type>,
    pub islice: Rc<Type>,
    pub pairwise: Rc<Type>,
    pub starmap: Rc<Type>,
    pub zip_longest: Rc<Type>,
    pub groupby: Rc<Type>,
    pub grouper: Rc<Type>,
    pub tee: Rc<Type>,
    pub tee_data: Rc<Type>,
    pub product: Rc<Type>,
    pub permutations: Rc<Type>,
    pub combinations: Rc<Type>,
    pub cwr: Rc<Type>,
}

thread_local! {
    static TYPES: OnceCell<Rc<Types>> = const { OnceCell::new() };
}

pub(super) fn types() -> Rc<Types> {
    TYPES.with(|t| t.get_or_init(|| Rc::new(make_types())).clone())
}

fn class(name: &str, methods: &[crate::object::function::MethodDef]) -> Rc<Type> {
    super::native_type(name, "itertools", vec![], methods)
}

fn make_types() -> Types {
    Types {
        count: class("count", infinite::COUNT),
        cycle: class("cycle", infinite::CYCLE),
        repeat: class("repeat", infinite::REPEAT),
        accumulate: class("accumulate", filters::ACCUMULATE),
        chain: class("chain", filters::CHAIN),
        compress: class("compress", filters::COMPRESS),
        dropwhile: class("dropwhile", filters::DROPWHILE),
        takewhile: class("takewhile", filters::TAKEWHILE),
        filterfalse: class("filterfalse", filters::FILTERFALSE),
        islice: class("islice", filters::ISLICE),
        pairwise: class("pairwise", filters::PAIRWISE),
        starmap: class("starmap", filters::STARMAP),
        zip_longest: class("zip_longest", filters::ZIP_LONGEST),
        groupby: class("groupby", grouping::GROUPBY),
        grouper: class("_grouper", grouping::GROUPER),
        tee: class("_tee", grouping::TEE),
        tee_data: class("_tee_dataobject", grouping::TEE_DATA),
        product: class("product", combinatorics::PRODUCT),
        permutations: class("permutations", combinatorics::PERMUTATIONS),
        combinations: class("combinations", combinatorics::COMBINATIONS),
        cwr: class(
            "combinations_with_replacement",
            combinatorics::COMBINATIONS_WITH_REPLACEMENT,
        ),
    }
}

const DOC: &str = "Functional tools for creating and using iterators.

Infinite iterators:
count(start=0, step=1) --> start, start+step, start+2*step, ...
cycle(p) --> p0, p1, ... plast, p0, p1, ...
repeat(elem [,n]) --> elem, elem, elem, ... endlessly or up to n times

Iterators terminating on the shortest input sequence:
accumulate(p[, func]) --> p0, p0+p1, p0+p1+p2
chain(p, q, ...) --> p0, p1, ... plast, q0, q1, ...
chain.from_iterable([p, q, ...]) --> p0, p1, ... plast, q0, q1, ...
compress(data, selectors) --> (d[0] if s[0]), (d[1] if s[1]), ...
dropwhile(pred, seq) --> seq[n], seq[n+1], starting when pred fails
groupby(iterable[, keyfunc]) --> sub-iterators grouped by value of keyfunc(v)
filterfalse(pred, seq) --> elements of seq where pred(elem) is False
islice(seq, [start,] stop [, step]) --> elements from
       seq[start:stop:step]
pairwise(s) --> (s[0],s[1]), (s[1],s[2]), (s[2], s[3]), ...
starmap(fun, seq) --> fun(*seq[0]), fun(*seq[1]), ...
tee(it, n=2) --> (it1, it2 , ... itn) splits one iterator into n
takewhile(pred, seq) --> seq[0], seq[1], until pred fails
zip_longest(p, q, ...) --> (p[0], q[0]), (p[1], q[1]), ...

Combinatoric generators:
product(p, q, ... [repeat=1]) --> cartesian product
permutations(p[, r])
combinations(p, r)
combinations_with_replacement(p, r)
";

/// The `itertools` module object.
pub fn module() -> Value {
    let t = types();
    let classes: [(&str, &Rc<Type>); 21] = [
        ("accumulate", &t.accumulate),
        ("combinations", &t.combinations),
        ("combinations_with_replacement", &t.cwr),
        ("cycle", &t.cycle),
        ("dropwhile", &t.dropwhile),
        ("takewhile", &t.takewhile),
        ("islice", &t.islice),
        ("starmap", &t.starmap),
        ("chain", &t.chain),
        ("compress", &t.compress),
        ("filterfalse", &t.filterfalse),
        ("count", &t.count),
        ("zip_longest", &t.zip_longest),
        ("pairwise", &t.pairwise),
        ("permutations", &t.permutations),
        ("product", &t.product),
        ("repeat", &t.repeat),
        ("groupby", &t.groupby),
        ("_grouper", &t.grouper),
        ("_tee", &t.tee),
        ("_tee_dataobject", &t.tee_data),
    ];
    let mut members = vec![
        ("__doc__", Value::str(DOC)),
        ("tee", protocol::native("tee", grouping::tee, None)),
    ];
    members.extend(classes.iter().map(|(n, c)| (*n, Value::Type((*c).clone()))));
    super::new_module("itertools", members)
}

// ---------------------------------------------------------------- helpers

/// The native state of a method's receiver.
fn this<'a, T: 'static>(args: &Args<'a>) -> PyResult<&'a T> {
    let positional: &'a [Value] = args.positional;
    positional
        .first()
        .and_then(native_ref::<T>)
        .ok_or_else(|| type_error("itertools object is not initialized"))
}

/// The receiver itself.
fn receiver(args: &Args) -> Value {
    args.positional.first().cloned().unwrap_or(Value::None)
}

/// `Py_TYPE(self)` as a value, for `__reduce__`.
fn type_value(v: &Value) -> Value {
    Value::Type(protocol::type_of(v))
}

/// `_PyType_Name(Py_TYPE(self))`, which the reprs show.
fn type_short_name(v: &Value) -> Rc<str> {
    protocol::type_of(v).name.clone()
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The end of an iterator (a `NULL` return from a `tp_iternext`).
fn exhausted() -> PyErr {
    stop_iteration(None)
}

// posix binds its arguments with it too.
pub(crate) use super::clinic_bind as bind;

/// `_PyArg_NoKeywords`.
fn no_keywords(fname: &str, keywords: &[(Rc<str>, Value)]) -> PyResult<()> {
    if keywords.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!("{fname}() takes no keyword arguments")))
    }
}

/// `_PyArg_CheckPositional`.
fn check_positional(fname: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    let (bound, word) = if n < min {
        (min, "at least ")
    } else if n > max {
        (max, "at most ")
    } else {
        return Ok(());
    };
    let word = if min == max { "" } else { word };
    Err(type_error(format!(
        "{fname} expected {word}{bound} argument{}, got {n}",
        plural(bound)
    )))
}

/// The positional-only arguments of a Clinic `__new__` (`cycle`,
/// `dropwhile`...): keywords are refused unless a subclass's own
/// `__init__` may take them (`type->tp_init == base->tp_init`).
fn positional_new<'a>(
    fname: &str,
    args: &Args<'a>,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    let cls = class_arg(args)?;
    if !matches!(protocol::lookup(&cls, "__init__"), Some(Value::Function(_))) {
        no_keywords(fname, args.keywords)?;
    }
    let positional: &'a [Value] = args.positional;
    let rest = &positional[1..];
    check_positional(fname, rest.len(), min, max)?;
    Ok(rest)
}

/// A `METH_NOARGS` method's check: `count.__reduce__() takes no arguments (1 given)`.
fn no_args(args: &Args, qualname: &str) -> PyResult<()> {
    let n = args.positional.len().saturating_sub(1);
    if n > 0 || !args.keywords.is_empty() {
        if n == 0 {
            return Err(type_error(format!(
                "{qualname}() takes no keyword arguments"
            )));
        }
        return Err(type_error(format!(
            "{qualname}() takes no arguments ({n} given)"
        )));
    }
    Ok(())
}

/// The one argument of a `METH_O` method.
fn one_arg(args: &Args, qualname: &str) -> PyResult<Value> {
    match args.positional {
        [_, v] if args.keywords.is_empty() => Ok(v.clone()),
        _ if !args.keywords.is_empty() => Err(type_error(format!(
            "{qualname}() takes no keyword arguments"
        ))),
        _ => Err(type_error(format!(
            "{qualname}() takes exactly one argument ({} given)",
            args.positional.len().saturating_sub(1)
        ))),
    }
}

/// `Py_ssize_t` from an object (the `n` format unit): `__index__`, and
/// CPython's OverflowError for an int beyond a machine word.
fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match protocol::number::number_index(vm, v)? {
        Value::Int(i) => Ok(i),
        _ => Err(overflow_error(
            "Python int too large to convert to C ssize_t",
        )),
    }
}

/// `PyLong_AsSsize_t` of a state item: ints only (no `__index__`).
fn state_ssize(v: &Value) -> PyResult<i64> {
    match int_value(v) {
        Some(i) => Ok(i),
        None if is_int(v) => Err(overflow_error(
            "Python int too large to convert to C ssize_t",
        )),
        None => Err(type_error("an integer is required")),
    }
}

/// `PyLong_Check`: an int, a bool, or an instance of an int subclass.
fn is_int(v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => true,
        Value::Instance(i) => matches!(
            i.payload,
            Some(Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
        ),
        _ => false,
    }
}

/// The value of an int that fits a machine word.
fn int_value(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        Value::Instance(i) => match &i.payload {
            Some(p @ (Value::Int(_) | Value::Bool(_))) => int_value(p),
            _ => None,
        },
        _ => None,
    }
}

/// `PyArg_ParseTuple(state, ...)`'s count check for a `__setstate__`
/// whose state is a tuple of `min..=max` items ("state is not a tuple"
/// first, as the C functions check).
fn state_tuple(state: &Value, min: usize, max: usize) -> PyResult<Rc<[Value]>> {
    let Value::Tuple(items) = state else {
        return Err(type_error("state is not a tuple"));
    };
    let n = items.len();
    if n < min || n > max {
        let (word, bound) = if min == max {
            ("exactly", min)
        } else if n < min {
            ("at least", min)
        } else {
            ("at most", max)
        };
        return Err(type_error(format!(
            "function takes {word} {bound} argument{} ({n} given)",
            plural(bound)
        )));
    }
    Ok(items.clone())
}

/// `PySequence_Tuple(v)`: a tuple as it is, else its items.
fn sequence_tuple(vm: &mut Vm, v: &Value) -> PyResult<Rc<[Value]>> {
    match v {
        Value::Tuple(t) => Ok(t.clone()),
        _ => Ok(protocol::collect(vm, v)?.into()),
    }
}

/// `PyErr_NoMemory()`: a buffer CPython could not allocate.
fn no_memory() -> PyErr {
    PyErr::with_args(&builtin_types().memory_error, vec![])
}

/// `PyMem_New(Py_ssize_t, n)`'s size check: more than the address space
/// can hold is a MemoryError, before anything is allocated.
fn check_alloc(n: i64) -> PyResult<usize> {
    if n < 0 || n as u64 > (isize::MAX as u64) / 8 {
        return Err(no_memory());
    }
    Ok(n as usize)
}

/// A vector of `n` machine words, or a MemoryError.
fn words(n: usize, fill: usize) -> PyResult<Vec<usize>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| no_memory())?;
    v.resize(n, fill);
    Ok(v)
}

/// `tp_basicsize` of an object's class: `base` for the native class
/// itself, and a Python subclass's `__weakref__` slot on top (3.11 keeps
/// its `__dict__` before the object), what `__sizeof__` starts from.
fn basic_size(v: &Value, native: &Rc<Type>, base: usize) -> usize {
    if Rc::ptr_eq(&protocol::type_of(v), native) {
        base
    } else {
        base + 8
    }
}
