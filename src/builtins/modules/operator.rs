//! `_operator` (Modules/_operator.c): the operator functions, each mapped
//! onto the interpreter's own operation (`binary_op`, `unary_op`,
//! `compare`, item access, `truthy`, `__index__`), so `operator.add(a, b)`
//! is exactly `a + b`; and the classes `attrgetter`, `itemgetter` and
//! `methodcaller` (module `operator`), with CPython 3.11's messages, reprs
//! and `__reduce__`.

use super::class_arg;
use std::cell::OnceCell;
use std::rc::Rc;

use crate::bytecode::Opcode;
use crate::object::exception::{overflow_error, type_error, value_error};
use crate::object::function::{m, Args, MethodDef, NativeFn};
use crate::object::native::native_ref;
use crate::object::{builtin_types, PyResult, Type, Value};
use crate::vm::ops::{binary_op, unary_op};
use crate::vm::protocol::{self, number, type_name};
use crate::vm::Vm;

use super::{functions, native_instance, native_type, new_module};

struct Types {
    attrgetter: Rc<Type>,
    itemgetter: Rc<Type>,
    methodcaller: Rc<Type>,
}

thread_local! {
    static TYPES: OnceCell<Rc<Types>> = const { OnceCell::new() };
}

fn types() -> Rc<Types> {
    TYPES.with(|t| {
        t.get_or_init(|| {
            let class = |name: &str, methods| {
                let t = native_type(name, "operator", vec![], methods);
                // C types without tp_dictoffset: no instance attributes.
                protocol::dict_set_str_plain(&t, "__slots__", Value::tuple(vec![]));
                // No Py_TPFLAGS_BASETYPE in 3.11.
                t.final_class.set(true);
                t
            };
            Rc::new(Types {
                attrgetter: class("attrgetter", ATTRGETTER_METHODS),
                itemgetter: class("itemgetter", ITEMGETTER_METHODS),
                methodcaller: class("methodcaller", METHODCALLER_METHODS),
            })
        })
        .clone()
    })
}

const DOC: &str = "Operator interface.

This module exports a set of functions implemented in C corresponding
to the intrinsic operators of Python.  For example, operator.add(x, y)
is equivalent to the expression x+y.  The function names are those
used for special methods; variants without leading and trailing
'__' are also provided for convenience.";

/// `_operator`, created on first import.
pub fn module() -> Value {
    let t = types();
    let mut members = vec![
        ("__doc__", Value::str(DOC)),
        ("attrgetter", Value::Type(t.attrgetter.clone())),
        ("itemgetter", Value::Type(t.itemgetter.clone())),
        ("methodcaller", Value::Type(t.methodcaller.clone())),
    ];
    members.extend(functions(FUNCTIONS));
    new_module("_operator", members)
}

// ------------------------------------------------------------ argument checks

/// A `METH_O` function's one argument.
fn one<'a>(name: &str, a: &'a Args) -> PyResult<&'a Value> {
    if !a.keywords.is_empty() {
        return Err(type_error(format!(
            "_operator.{name}() takes no keyword arguments"
        )));
    }
    match a.positional {
        [x] => Ok(x),
        _ => Err(type_error(format!(
            "_operator.{name}() takes exactly one argument ({} given)",
            a.positional.len()
        ))),
    }
}

/// A Clinic function's positional-only arguments, `min..=max` of them.
fn positional<'a>(name: &str, a: &'a Args, min: usize, max: usize) -> PyResult<&'a [Value]> {
    if !a.keywords.is_empty() {
        return Err(type_error(format!(
            "_operator.{name}() takes no keyword arguments"
        )));
    }
    let n = a.positional.len();
    if n < min || n > max {
        let (word, bound) = if min == max {
            ("", min)
        } else if n < min {
            ("at least ", min)
        } else {
            ("at most ", max)
        };
        return Err(type_error(format!(
            "{name} expected {word}{bound} argument{}, got {n}",
            if bound == 1 { "" } else { "s" }
        )));
    }
    Ok(a.positional)
}

fn two<'a>(name: &str, a: &'a Args) -> PyResult<(&'a Value, &'a Value)> {
    let p = positional(name, a, 2, 2)?;
    Ok((&p[0], &p[1]))
}

// -------------------------------------------------------------- functions

/// Binary operators: BINARY_OP's argument (`NB_*`; the in-place ones are
/// `NB_INPLACE_* = NB_* + 13`).
macro_rules! binary {
    ($($f:ident $name:literal $nb:expr;)*) => {$(
        fn $f(vm: &mut Vm, a: Args) -> PyResult<Value> {
            let (x, y) = two($name, &a)?;
            binary_op(vm, $nb, x.clone(), y.clone())
        }
    )*};
}

binary! {
    add "add" 0; and_ "and_" 1; floordiv "floordiv" 2; lshift "lshift" 3;
    matmul "matmul" 4; mul "mul" 5; mod_ "mod" 6; or_ "or_" 7; pow "pow" 8;
    rshift "rshift" 9; sub "sub" 10; truediv "truediv" 11; xor "xor" 12;
    iadd "iadd" 13; iand "iand" 14; ifloordiv "ifloordiv" 15; ilshift "ilshift" 16;
    imatmul "imatmul" 17; imul "imul" 18; imod "imod" 19; ior "ior" 20; ipow "ipow" 21;
    irshift "irshift" 22; isub "isub" 23; itruediv "itruediv" 24; ixor "ixor" 25;
}

/// Rich comparisons: COMPARE_OP's argument.
macro_rules! comparison {
    ($($f:ident $name:literal $op:expr;)*) => {$(
        fn $f(vm: &mut Vm, a: Args) -> PyResult<Value> {
            let (x, y) = two($name, &a)?;
            protocol::compare(vm, x, y, $op)
        }
    )*};
}

comparison! { lt "lt" 0; le "le" 1; eq "eq" 2; ne "ne" 3; gt "gt" 4; ge "ge" 5; }

/// Unary operators: UNARY_* opcodes.
macro_rules! unary {
    ($($f:ident $name:literal $op:expr;)*) => {$(
        fn $f(vm: &mut Vm, a: Args) -> PyResult<Value> {
            let x = one($name, &a)?;
            unary_op(vm, $op, x.clone())
        }
    )*};
}

unary! {
    neg "neg" Opcode::UNARY_NEGATIVE; pos "pos" Opcode::UNARY_POSITIVE;
    inv "inv" Opcode::UNARY_INVERT; invert "invert" Opcode::UNARY_INVERT;
}

fn abs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = one("abs", &a)?.clone();
    crate::builtins::numbers::abs(
        vm,
        Args {
            positional: &[x],
            keywords: &[],
        },
    )
}

fn not_(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = one("not_", &a)?;
    Ok(Value::Bool(!protocol::truthy(vm, x)?))
}

fn truth(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = one("truth", &a)?;
    Ok(Value::Bool(protocol::truthy(vm, x)?))
}

fn index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = one("index", &a)?;
    number::number_index(vm, x)
}

fn is_(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, y) = two("is_", &a)?;
    Ok(Value::Bool(x.is(y)))
}

fn is_not(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, y) = two("is_not", &a)?;
    Ok(Value::Bool(!x.is(y)))
}

/// `PySequence_Check`: item access by index (not a dict).
fn is_sequence(v: &Value) -> bool {
    let t = protocol::type_of(v);
    !t.is_subtype(&builtin_types().dict) && protocol::lookup(&t, "__getitem__").is_some()
}

fn concat(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, y) = two("concat", &a)?;
    concat_with(vm, x, y, 0)
}

fn iconcat(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, y) = two("iconcat", &a)?;
    concat_with(vm, x, y, 13)
}

fn concat_with(vm: &mut Vm, x: &Value, y: &Value, nb: usize) -> PyResult<Value> {
    if !is_sequence(x) {
        return Err(type_error(format!(
            "'{}' object can't be concatenated",
            type_name(x)
        )));
    }
    binary_op(vm, nb, x.clone(), y.clone())
}

fn contains(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, y) = two("contains", &a)?;
    Ok(Value::Bool(protocol::contains(vm, x, y)?))
}

/// `PyObject_RichCompareBool(item, value, Py_EQ)`: identity first.
fn same(vm: &mut Vm, item: &Value, value: &Value) -> PyResult<bool> {
    Ok(item.is(value) || protocol::eq(vm, item, value)?)
}

/// `_PySequence_IterSearch`'s iterator, with its message for a
/// non-iterable.
fn search_iter(vm: &mut Vm, seq: &Value) -> PyResult<Value> {
    protocol::iter(vm, seq).map_err(|e| {
        if is_type_error(&e) {
            type_error(format!(
                "argument of type '{}' is not iterable",
                type_name(seq)
            ))
        } else {
            e
        }
    })
}

fn count_of(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, y) = two("countOf", &a)?;
    let it = search_iter(vm, x)?;
    let mut n = 0i64;
    while let Some(item) = protocol::next(vm, &it)? {
        if same(vm, &item, y)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn index_of(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, y) = two("indexOf", &a)?;
    let it = search_iter(vm, x)?;
    let mut n = 0i64;
    while let Some(item) = protocol::next(vm, &it)? {
        if same(vm, &item, y)? {
            return Ok(Value::Int(n));
        }
        n += 1;
    }
    Err(value_error("sequence.index(x): x not in sequence"))
}

fn getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, y) = two("getitem", &a)?;
    protocol::getitem(vm, x, y)
}

fn setitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = positional("setitem", &a, 3, 3)?;
    protocol::setitem(vm, &p[0], p[1].clone(), p[2].clone())?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, y) = two("delitem", &a)?;
    protocol::delitem(vm, x, y)?;
    Ok(Value::None)
}

/// `call(obj, /, *args, **kwargs)`.
fn call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Some((f, rest)) = a.positional.split_first() else {
        return Err(type_error("call expected at least 1 argument, got 0"));
    };
    vm.call_kw(f, rest.to_vec(), a.keywords.to_vec())
}

fn is_type_error(e: &crate::object::PyErr) -> bool {
    e.is_instance(&builtin_types().type_error)
}

/// `length_hint(obj, default=0, /)`: abstract.c's `PyObject_LengthHint`.
fn length_hint(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = positional("length_hint", &a, 1, 2)?;
    let default = match p.get(1) {
        Some(d) => number::as_ssize_overflow(vm, d)?,
        None => 0,
    };
    let o = &p[0];
    let t = protocol::type_of(o);
    if protocol::lookup(&t, "__len__").is_some() {
        match protocol::len(vm, o) {
            Ok(n) => return Ok(Value::Int(n as i64)),
            Err(e) if is_type_error(&e) => {}
            Err(e) => return Err(e),
        }
    }
    let Some(hint) = protocol::lookup(&t, "__length_hint__") else {
        return Ok(Value::Int(default));
    };
    let called = match protocol::user_dunder(o, "__length_hint__") {
        Some(_) => protocol::call_dunder(vm, o, "__length_hint__", vec![]),
        None => vm.call(&hint, vec![o.clone()]).map(Some),
    };
    let result = match called {
        Ok(Some(r)) => r,
        Ok(None) => return Ok(Value::Int(default)),
        Err(e) if is_type_error(&e) => return Ok(Value::Int(default)),
        Err(e) => return Err(e),
    };
    if matches!(result, Value::NotImplemented) {
        return Ok(Value::Int(default));
    }
    let is_int = matches!(result, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
        || matches!(&result, Value::Instance(i)
            if matches!(i.payload, Some(Value::Int(_) | Value::BigInt(_) | Value::Bool(_))));
    if !is_int {
        return Err(type_error(format!(
            "__length_hint__ must be an integer, not {}",
            type_name(&result)
        )));
    }
    let n = match number::number_index(vm, &result)? {
        Value::Int(n) => n,
        _ => {
            return Err(overflow_error(
                "Python int too large to convert to C ssize_t",
            ))
        }
    };
    if n < 0 {
        return Err(value_error("__length_hint__() should return >= 0"));
    }
    Ok(Value::Int(n))
}

/// The bytes of a bytes-like object (the buffer protocol's simple view).
fn buffer_bytes(v: &Value) -> Option<Vec<u8>> {
    match v {
        Value::Bytes(b) => Some(b.to_vec()),
        Value::ByteArray(b) => Some(b.borrow().clone()),
        Value::Instance(i) => i.payload.as_ref().and_then(buffer_bytes),
        _ => None,
    }
}

fn str_value(v: &Value) -> Option<Rc<str>> {
    match v {
        Value::Str(s) => Some(s.clone()),
        Value::Instance(i) => match &i.payload {
            Some(Value::Str(s)) => Some(s.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// `_compare_digest(a, b)`: equality of two ASCII strs or two bytes-like
/// objects (constant-time in CPython; the result is what matters here).
fn compare_digest(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, y) = two("_compare_digest", &a)?;
    if let (Some(s), Some(t)) = (str_value(x), str_value(y)) {
        if !s.is_ascii() || !t.is_ascii() {
            return Err(type_error(
                "comparing strings with non-ASCII characters is not supported",
            ));
        }
        return Ok(Value::Bool(s == t));
    }
    let (bx, by) = (buffer_bytes(x), buffer_bytes(y));
    if bx.is_none() && by.is_none() {
        return Err(type_error(format!(
            "unsupported operand types(s) or combination of types: '{}' and '{}'",
            type_name(x),
            type_name(y)
        )));
    }
    let not_bytes = |v: &Value| {
        type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(v)
        ))
    };
    let bx = bx.ok_or_else(|| not_bytes(x))?;
    let by = by.ok_or_else(|| not_bytes(y))?;
    Ok(Value::Bool(bx == by))
}

static FUNCTIONS: &[(&str, NativeFn)] = &[
    ("abs", abs),
    ("add", add),
    ("and_", and_),
    ("call", call),
    ("concat", concat),
    ("contains", contains),
    ("countOf", count_of),
    ("delitem", delitem),
    ("eq", eq),
    ("floordiv", floordiv),
    ("ge", ge),
    ("getitem", getitem),
    ("gt", gt),
    ("iadd", iadd),
    ("iand", iand),
    ("iconcat", iconcat),
    ("ifloordiv", ifloordiv),
    ("ilshift", ilshift),
    ("imatmul", imatmul),
    ("imod", imod),
    ("imul", imul),
    ("index", index),
    ("indexOf", index_of),
    ("inv", inv),
    ("invert", invert),
    ("ior", ior),
    ("ipow", ipow),
    ("irshift", irshift),
    ("is_", is_),
    ("is_not", is_not),
    ("isub", isub),
    ("itruediv", itruediv),
    ("ixor", ixor),
    ("le", le),
    ("length_hint", length_hint),
    ("lshift", lshift),
    ("lt", lt),
    ("matmul", matmul),
    ("mod", mod_),
    ("mul", mul),
    ("ne", ne),
    ("neg", neg),
    ("not_", not_),
    ("or_", or_),
    ("pos", pos),
    ("pow", pow),
    ("rshift", rshift),
    ("setitem", setitem),
    ("sub", sub),
    ("truediv", truediv),
    ("truth", truth),
    ("xor", xor),
    ("_compare_digest", compare_digest),
];

// ------------------------------------------------------------ the classes

/// `Py_TYPE(v)->tp_name`.
fn tp_name_of(v: &Value) -> Rc<str> {
    let t = protocol::type_of(v);
    crate::object::native::tp_name(&t).unwrap_or_else(|| t.name.clone())
}

/// The one object a getter is called with (`_PyArg_NoKeywords`, then
/// `_PyArg_UnpackTuple(args, name, 1, 1)`).
fn call_arg<'a>(name: &str, a: &'a Args) -> PyResult<&'a Value> {
    if !a.keywords.is_empty() {
        return Err(type_error(format!("{name}() takes no keyword arguments")));
    }
    match a.positional {
        [_, x] => Ok(x),
        _ => Err(type_error(format!(
            "{name} expected 1 argument, got {}",
            a.positional.len().saturating_sub(1)
        ))),
    }
}

/// A repr under `Py_ReprEnter`: `tp_name(...)` when recursive.
fn guarded_repr(
    vm: &mut Vm,
    this: &Value,
    f: impl FnOnce(&mut Vm) -> PyResult<String>,
) -> PyResult<Value> {
    let recursive = format!("{}(...)", tp_name_of(this));
    let text = crate::vm::ops::text::repr_guarded(vm, this, &recursive, f)?;
    Ok(Value::str(&text))
}

/// `%s(%R)` for one item, `%s%R` of the tuple for several.
fn items_repr(vm: &mut Vm, this: &Value, items: &[Value]) -> PyResult<Value> {
    let name = tp_name_of(this);
    let items = items.to_vec();
    guarded_repr(vm, this, move |vm| {
        if let [one] = &items[..] {
            return Ok(format!("{name}({})", protocol::repr(vm, one)?));
        }
        let tuple = Value::tuple(items);
        Ok(format!("{name}{}", protocol::repr(vm, &tuple)?))
    })
}

// attrgetter

/// Each attribute's dotted name split at its dots.
struct AttrGetter {
    attrs: Vec<Vec<Rc<str>>>,
}

fn attrgetter_of(v: &Value) -> PyResult<&AttrGetter> {
    native_ref::<AttrGetter>(v)
        .ok_or_else(|| type_error("descriptor requires a 'operator.attrgetter' object"))
}

impl AttrGetter {
    fn dotted(&self) -> Vec<Value> {
        self.attrs
            .iter()
            .map(|parts| Value::str(&parts.join(".")))
            .collect()
    }
}

static ATTRGETTER_METHODS: &[MethodDef] = &[
    m("__new__", |_, a| {
        let cls = class_arg(&a)?;
        if !a.keywords.is_empty() {
            return Err(type_error("attrgetter() takes no keyword arguments"));
        }
        let names = &a.positional[1..];
        if names.is_empty() {
            return Err(type_error("attrgetter expected 1 argument, got 0"));
        }
        let mut attrs = Vec::with_capacity(names.len());
        for n in names {
            let s = str_value(n).ok_or_else(|| type_error("attribute name must be a string"))?;
            attrs.push(s.split('.').map(Rc::from).collect());
        }
        Ok(native_instance(&cls, AttrGetter { attrs }))
    }),
    m("__call__", |vm, a| {
        let g = attrgetter_of(&a.positional[0])?;
        let obj = call_arg("attrgetter", &a)?;
        let mut out = Vec::with_capacity(g.attrs.len());
        for parts in &g.attrs {
            let mut v = obj.clone();
            for part in parts {
                v = protocol::getattr(vm, &v, part)?;
            }
            out.push(v);
        }
        Ok(if out.len() == 1 {
            out.pop().unwrap_or(Value::None)
        } else {
            Value::tuple(out)
        })
    }),
    m("__repr__", |vm, a| {
        let this = a.positional[0].clone();
        let items = attrgetter_of(&this)?.dotted();
        items_repr(vm, &this, &items)
    }),
    m("__reduce__", |_, a| {
        let this = &a.positional[0];
        let items = attrgetter_of(this)?.dotted();
        Ok(Value::tuple(vec![
            Value::Type(protocol::type_of(this)),
            Value::tuple(items),
        ]))
    }),
];

// itemgetter

struct ItemGetter {
    items: Vec<Value>,
}

fn itemgetter_of(v: &Value) -> PyResult<&ItemGetter> {
    native_ref::<ItemGetter>(v)
        .ok_or_else(|| type_error("descriptor requires a 'operator.itemgetter' object"))
}

static ITEMGETTER_METHODS: &[MethodDef] = &[
    m("__new__", |_, a| {
        let cls = class_arg(&a)?;
        if !a.keywords.is_empty() {
            return Err(type_error("itemgetter() takes no keyword arguments"));
        }
        let items = a.positional[1..].to_vec();
        if items.is_empty() {
            return Err(type_error("itemgetter expected 1 argument, got 0"));
        }
        Ok(native_instance(&cls, ItemGetter { items }))
    }),
    m("__call__", |vm, a| {
        let g = itemgetter_of(&a.positional[0])?;
        let obj = call_arg("itemgetter", &a)?;
        let items = g.items.clone();
        if let [one] = &items[..] {
            return protocol::getitem(vm, obj, one);
        }
        let mut out = Vec::with_capacity(items.len());
        for item in &items {
            out.push(protocol::getitem(vm, obj, item)?);
        }
        Ok(Value::tuple(out))
    }),
    m("__repr__", |vm, a| {
        let this = a.positional[0].clone();
        let items = itemgetter_of(&this)?.items.clone();
        items_repr(vm, &this, &items)
    }),
    m("__reduce__", |_, a| {
        let this = &a.positional[0];
        let items = itemgetter_of(this)?.items.clone();
        Ok(Value::tuple(vec![
            Value::Type(protocol::type_of(this)),
            Value::tuple(items),
        ]))
    }),
];

// methodcaller

struct MethodCaller {
    name: Rc<str>,
    name_value: Value,
    args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
}

fn methodcaller_of(v: &Value) -> PyResult<&MethodCaller> {
    native_ref::<MethodCaller>(v)
        .ok_or_else(|| type_error("descriptor requires a 'operator.methodcaller' object"))
}

static METHODCALLER_METHODS: &[MethodDef] = &[
    m("__new__", |_, a| {
        let cls = class_arg(&a)?;
        let Some(name_value) = a.positional.get(1) else {
            return Err(type_error(
                "methodcaller needs at least one argument, the method name",
            ));
        };
        let name =
            str_value(name_value).ok_or_else(|| type_error("method name must be a string"))?;
        Ok(native_instance(
            &cls,
            MethodCaller {
                name,
                name_value: name_value.clone(),
                args: a.positional[2..].to_vec(),
                kwargs: a.keywords.to_vec(),
            },
        ))
    }),
    m("__call__", |vm, a| {
        let c = methodcaller_of(&a.positional[0])?;
        let obj = call_arg("methodcaller", &a)?;
        let (args, kwargs) = (c.args.clone(), c.kwargs.clone());
        let method = protocol::getattr(vm, obj, &c.name)?;
        vm.call_kw(&method, args, kwargs)
    }),
    m("__repr__", |vm, a| {
        let this = a.positional[0].clone();
        let c = methodcaller_of(&this)?;
        let name = tp_name_of(&this);
        let (method, args, kwargs) = (c.name_value.clone(), c.args.clone(), c.kwargs.clone());
        guarded_repr(vm, &this, move |vm| {
            let mut out = format!("{name}({}", protocol::repr(vm, &method)?);
            for arg in &args {
                out.push_str(&format!(", {}", protocol::repr(vm, arg)?));
            }
            for (k, v) in &kwargs {
                out.push_str(&format!(", {k}={}", protocol::repr(vm, v)?));
            }
            out.push(')');
            Ok(out)
        })
    }),
    // methodcaller_reduce: keywords go into a partial of the class.
    m("__reduce__", |vm, a| {
        let this = &a.positional[0];
        let c = methodcaller_of(this)?;
        let class = Value::Type(protocol::type_of(this));
        if c.kwargs.is_empty() {
            let mut args = vec![c.name_value.clone()];
            args.extend(c.args.iter().cloned());
            return Ok(Value::tuple(vec![class, Value::tuple(args)]));
        }
        let (name, args, kwargs) = (c.name_value.clone(), c.args.clone(), c.kwargs.clone());
        let partial = Value::Type(super::functools::types().partial.clone());
        let constructor = vm.call_kw(&partial, vec![class, name], kwargs)?;
        Ok(Value::tuple(vec![constructor, Value::tuple(args)]))
    }),
];
