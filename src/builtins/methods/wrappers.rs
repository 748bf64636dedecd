//! Slot wrappers: the dunders CPython exposes for a builtin type's C slots
//! (`int.__add__`, `str.__getitem__`, `iter([]).__next__`), computed by the
//! same code the opcodes run. Each type's table lists exactly the wrappers
//! python3.11 has in that type's `__dict__` (typeobject.c's `slotdefs`, as
//! `add_operators` installs them), so `hasattr(dict, "__add__")` is False
//! and `hasattr(str, "__getitem__")` True, as in CPython.

use super::*;
use crate::bytecode::Opcode;

/// A binary operator slot (`nb_add` as `__add__`, or `__radd__` reflected);
/// `op` indexes `NB_OPS` as BINARY_OP's argument does. A TypeError from the
/// operation is NotImplemented, as the slot's wrapper returns it.
fn binary(vm: &mut Vm, a: &Args, op: usize, reflected: bool) -> PyResult<Value> {
    let (x, y) = (
        a.positional[0].clone(),
        a.positional
            .get(1)
            .cloned()
            .ok_or_else(|| type_error("expected 1 argument, got 0"))?,
    );
    if !numeric_operand_ok(&x, &y) {
        return Ok(Value::NotImplemented);
    }
    let (l, r) = if reflected { (y, x) } else { (x, y) };
    match ops::binary_op(vm, op, l, r) {
        Err(e) if e.is_instance(&builtin_types().type_error) => Ok(Value::NotImplemented),
        other => other,
    }
}

/// A rich comparison slot (`tp_richcompare` as `__lt__`...).
fn compare(vm: &mut Vm, a: &Args, op: usize) -> PyResult<Value> {
    let y = a
        .positional
        .get(1)
        .cloned()
        .ok_or_else(|| type_error("expected 1 argument, got 0"))?;
    if !numeric_operand_ok(&a.positional[0], &y) {
        return Ok(Value::NotImplemented);
    }
    match ops::compare(vm, &a.positional[0], &y, op) {
        Err(e) if e.is_instance(&builtin_types().type_error) => Ok(Value::NotImplemented),
        other => other,
    }
}

/// Whether a numeric type's operator slot takes `other` at all: `int`'s
/// only ints, `float`'s ints and floats, `complex`'s any of the three
/// (`(1).__eq__(1.0)` is NotImplemented, as CPython's CHECK_BINOP and
/// CONVERT_TO_DOUBLE make it). Non-numeric receivers are not restricted here.
fn numeric_operand_ok(receiver: &Value, other: &Value) -> bool {
    let other = protocol::builtin_payload(other, "").unwrap_or_else(|| other.clone());
    let int = ops::arith::is_int(&other);
    match receiver {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => int,
        Value::Float(_) => int || matches!(other, Value::Float(_)),
        Value::Complex(..) => int || matches!(other, Value::Float(_) | Value::Complex(..)),
        _ => true,
    }
}

fn unary(vm: &mut Vm, a: &Args, op: Opcode) -> PyResult<Value> {
    ops::unary_op(vm, op, a.positional[0].clone())
}

fn arg1<'a>(a: &'a Args) -> PyResult<&'a Value> {
    a.positional
        .get(1)
        .ok_or_else(|| type_error("expected 1 argument, got 0"))
}

macro_rules! bin {
    ($name:literal, $op:expr) => {
        m($name, |vm, a| binary(vm, &a, $op, false))
    };
    ($name:literal, $op:expr, reflected) => {
        m($name, |vm, a| binary(vm, &a, $op, true))
    };
}

macro_rules! cmp {
    ($name:literal, $op:expr) => {
        m($name, |vm, a| compare(vm, &a, $op))
    };
}

/// `__lt__` ... `__ge__` of a type with its own `tp_richcompare`.
pub static COMPARE: &[MethodDef] = &[
    cmp!("__lt__", 0),
    cmp!("__le__", 1),
    cmp!("__eq__", 2),
    cmp!("__ne__", 3),
    cmp!("__gt__", 4),
    cmp!("__ge__", 5),
];

/// `object`'s ordering slots: nothing is ordered by default.
pub static OBJECT_ORDER: &[MethodDef] = &[
    m("__lt__", |_, _| Ok(Value::NotImplemented)),
    m("__le__", |_, _| Ok(Value::NotImplemented)),
    m("__gt__", |_, _| Ok(Value::NotImplemented)),
    m("__ge__", |_, _| Ok(Value::NotImplemented)),
];

pub static REPR: &[MethodDef] = &[m("__repr__", |vm, a| {
    Ok(Value::str(&protocol::repr(vm, &a.positional[0])?))
})];

/// `int.__repr__`: the decimal digits (`int.__repr__(True)` is `1`).
pub static INT_REPR: &[MethodDef] = &[m("__repr__", |vm, a| {
    Ok(Value::str(&protocol::repr(
        vm,
        &ops::int_value(&a.positional[0]),
    )?))
})];

pub static STR: &[MethodDef] = &[m("__str__", |vm, a| {
    Ok(Value::str(&protocol::str_of(vm, &a.positional[0])?))
})];

pub static HASH: &[MethodDef] = &[m("__hash__", |vm, a| {
    Ok(Value::Int(protocol::hash_value(vm, &a.positional[0])?))
})];

pub static BOOL: &[MethodDef] = &[m("__bool__", |vm, a| {
    Ok(Value::Bool(protocol::truthy(vm, &a.positional[0])?))
})];

pub static ITER: &[MethodDef] = &[m("__iter__", |vm, a| protocol::iter(vm, &a.positional[0]))];

/// An iterator's `tp_iternext` as `__next__`: StopIteration when it is done.
pub static NEXT: &[MethodDef] = &[m("__next__", |vm, a| {
    match protocol::next(vm, &a.positional[0])? {
        Some(v) => Ok(v),
        None => Err(crate::object::exception::stop_iteration(None)),
    }
})];

/// An iterator returns itself from `__iter__`.
pub static SELF_ITER: &[MethodDef] = &[m("__iter__", |_, a| Ok(a.positional[0].clone()))];

pub static LEN: &[MethodDef] = &[m("__len__", |vm, a| {
    Ok(Value::Int(protocol::len(vm, &a.positional[0])? as i64))
})];

pub static CONTAINS: &[MethodDef] = &[m("__contains__", |vm, a| {
    Ok(Value::Bool(protocol::contains(
        vm,
        &a.positional[0],
        arg1(&a)?,
    )?))
})
.o()];

pub static GETITEM: &[MethodDef] = &[m("__getitem__", |vm, a| {
    protocol::getitem(vm, &a.positional[0], arg1(&a)?)
})
.o()];

pub static SETITEM: &[MethodDef] = &[
    m("__setitem__", |vm, a| {
        protocol::setitem(
            vm,
            &a.positional[0],
            a.positional[1].clone(),
            a.positional[2].clone(),
        )?;
        Ok(Value::None)
    })
    .exact(2),
    m("__delitem__", |vm, a| {
        protocol::delitem(vm, &a.positional[0], &a.positional[1])?;
        Ok(Value::None)
    })
    .o(),
];

/// `+`, `*` and `%` of the sequences (`sq_concat`, `sq_repeat`, `nb_remainder`).
pub static SEQUENCE_OPS: &[MethodDef] = &[
    bin!("__add__", 0),
    bin!("__mul__", 5),
    bin!("__rmul__", 5, reflected),
];

pub static MOD: &[MethodDef] = &[bin!("__mod__", 6), bin!("__rmod__", 6, reflected)];

pub static INPLACE_SEQUENCE: &[MethodDef] = &[bin!("__iadd__", 13), bin!("__imul__", 18)];

/// `-` of sets and dict views (their `&`, `|`, `^` are [`BITWISE`]).
pub static SUBTRACT: &[MethodDef] = &[bin!("__sub__", 10), bin!("__rsub__", 10, reflected)];

pub static INPLACE_SET: &[MethodDef] = &[
    bin!("__isub__", 23),
    bin!("__iand__", 14),
    bin!("__ixor__", 25),
    bin!("__ior__", 20),
];

/// `dict | dict`, `int | str` (type_or).
pub static OR: &[MethodDef] = &[bin!("__or__", 7), bin!("__ror__", 7, reflected)];

/// `d |= other`.
pub static IOR: &[MethodDef] = &[bin!("__ior__", 20)];

/// `__reversed__` of the reversible containers: what `reversed()` makes.
pub static REVERSED: &[MethodDef] = &[m("__reversed__", |vm, a| {
    let reversed = protocol::iterator_type("reversed");
    vm.call(&Value::Type(reversed), vec![a.positional[0].clone()])
})];

/// `list[int]`: a `types.GenericAlias` (PEP 585).
pub static CLASS_GETITEM: &[MethodDef] = &[m("__class_getitem__", |vm, a| {
    super::super::generic_alias::new_alias(vm, a.positional[0].clone(), arg1(&a)?)
})
.o()
.class()];

/// `round()`, `math.trunc/floor/ceil` on an int: the int itself.
pub static INT_ROUNDING: &[MethodDef] = &[
    m("__round__", |vm, a| {
        super::super::numbers::round(
            vm,
            Args {
                positional: &[
                    ops::int_value(&a.positional[0]),
                    a.positional.get(1).cloned().unwrap_or(Value::None),
                ],
                keywords: &[],
            },
        )
    }),
    m("__trunc__", |_, a| Ok(ops::int_value(&a.positional[0]))),
    m("__floor__", |_, a| Ok(ops::int_value(&a.positional[0]))),
    m("__ceil__", |_, a| Ok(ops::int_value(&a.positional[0]))),
];

/// `round()`, `math.trunc/floor/ceil` on a float.
pub static FLOAT_ROUNDING: &[MethodDef] = &[
    m("__round__", |vm, a| {
        super::super::numbers::round(
            vm,
            Args {
                positional: &[
                    a.positional[0].clone(),
                    a.positional.get(1).cloned().unwrap_or(Value::None),
                ],
                keywords: &[],
            },
        )
    }),
    m("__trunc__", |vm, a| float_to_int(vm, &a, f64::trunc)),
    m("__floor__", |vm, a| float_to_int(vm, &a, f64::floor)),
    m("__ceil__", |vm, a| float_to_int(vm, &a, f64::ceil)),
];

fn float_to_int(vm: &mut Vm, a: &Args, f: fn(f64) -> f64) -> PyResult<Value> {
    match a.positional[0] {
        Value::Float(x) => super::super::numbers::int_of(vm, &Value::Float(f(x))),
        ref other => Err(type_error(format!(
            "descriptor requires a 'float' object but received a '{}'",
            type_name(other)
        ))),
    }
}

/// `&`, `^` and `|` of `int` (and `bool`, which keeps bools), sets and
/// dict views.
pub static BITWISE: &[MethodDef] = &[
    bin!("__and__", 1),
    bin!("__rand__", 1, reflected),
    bin!("__xor__", 12),
    bin!("__rxor__", 12, reflected),
    bin!("__or__", 7),
    bin!("__ror__", 7, reflected),
];

/// The arithmetic every real number type has (`complex` has a subset).
pub static ARITHMETIC: &[MethodDef] = &[
    bin!("__add__", 0),
    bin!("__radd__", 0, reflected),
    bin!("__sub__", 10),
    bin!("__rsub__", 10, reflected),
    bin!("__mul__", 5),
    bin!("__rmul__", 5, reflected),
    m("__pow__", |vm, a| binary(vm, &a, 8, false)),
    m("__rpow__", |vm, a| binary(vm, &a, 8, true)),
    m("__neg__", |vm, a| unary(vm, &a, Opcode::UNARY_NEGATIVE)),
    m("__pos__", |vm, a| unary(vm, &a, Opcode::UNARY_POSITIVE)),
    m("__abs__", |vm, a| {
        super::super::numbers::abs(
            vm,
            Args {
                positional: &a.positional[..1],
                keywords: &[],
            },
        )
    }),
    bin!("__truediv__", 11),
    bin!("__rtruediv__", 11, reflected),
];

/// What `int` and `float` have beyond [`ARITHMETIC`].
pub static REAL: &[MethodDef] = &[
    bin!("__mod__", 6),
    bin!("__rmod__", 6, reflected),
    m("__divmod__", |vm, a| divmod(vm, &a, false)),
    m("__rdivmod__", |vm, a| divmod(vm, &a, true)),
    m("__int__", |vm, a| {
        super::super::numbers::int_of(vm, &a.positional[0])
    }),
    m("__float__", |_, a| match ops::to_f64(&a.positional[0]) {
        Some(f) => Ok(Value::Float(f)),
        None => Err(type_error("must be real number")),
    }),
    bin!("__floordiv__", 2),
    bin!("__rfloordiv__", 2, reflected),
];

/// What only `int` has.
pub static INTEGRAL: &[MethodDef] = &[
    m("__invert__", |vm, a| unary(vm, &a, Opcode::UNARY_INVERT)),
    bin!("__lshift__", 3),
    bin!("__rlshift__", 3, reflected),
    bin!("__rshift__", 9),
    bin!("__rrshift__", 9, reflected),
    m("__index__", |_, a| Ok(ops::int_value(&a.positional[0]))),
];

/// `divmod` through the slot: NotImplemented for operands the type does not
/// take, as `nb_divmod` answers.
fn divmod(vm: &mut Vm, a: &Args, reflected: bool) -> PyResult<Value> {
    let (x, y) = (a.positional[0].clone(), arg1(a)?.clone());
    if !numeric_operand_ok(&x, &y) {
        return Ok(Value::NotImplemented);
    }
    let pair = if reflected { [y, x] } else { [x, y] };
    super::super::numbers::divmod(
        vm,
        Args {
            positional: &pair,
            keywords: &[],
        },
    )
}

/// `method_descriptor.__get__(obj, type)`: the method bound to `obj`
/// (the descriptor itself when `obj` is None).
pub static DESCRIPTOR_GET: &[MethodDef] = &[m("__get__", |_, a| match a.positional {
    [Value::Builtin(b), obj, ..] if !obj.is_none() => Ok(b.bound_to(obj.clone())),
    [d, ..] => Ok(d.clone()),
    [] => Err(type_error("descriptor '__get__' needs an argument")),
})];

/// `classmethod_descriptor.__get__(obj, type)`: the method bound to the
/// class (`type`, else `type(obj)`).
pub static CLASS_DESCRIPTOR_GET: &[MethodDef] = &[m("__get__", |_, a| {
    let Some(Value::ClassMethod(f)) = a.positional.first() else {
        return Err(type_error(
            "descriptor '__get__' needs a classmethod_descriptor",
        ));
    };
    let class = match a.positional.get(2) {
        Some(t @ Value::Type(_)) => t.clone(),
        _ => match a.positional.get(1) {
            Some(obj) if !obj.is_none() => Value::Type(protocol::type_of(obj)),
            _ => return Err(type_error("__get__(None, None) is invalid")),
        },
    };
    match &**f {
        Value::Builtin(b) => Ok(b.bound_to(class)),
        other => Ok(other.clone()),
    }
})];

/// `function.__call__`, `staticmethod.__call__`: call the object itself.
pub static CALL: &[MethodDef] = &[m("__call__", |vm, a| {
    let (f, rest) = a.positional.split_first().expect("arity checked");
    match protocol::call(vm, f.clone(), rest.to_vec(), a.keywords.to_vec())? {
        protocol::CallOutcome::Value(v) => Ok(v),
        protocol::CallOutcome::Frame(frame) => vm.run_frame(frame),
    }
})];
