//! Descriptors and slices: `property`, a function's `__get__`
//! (descrobject.c, funcobject.c), `slice` and `range` (sliceobject.c,
//! rangeobject.c).

use super::*;

/// Methods of `Property` (kind Property).
pub static PROPERTY_METHODS: &[MethodDef] = &[
    m("setter", |_, a| property_with(&a, 1)),
    m("getter", |_, a| property_with(&a, 0)),
    m("deleter", |_, a| property_with(&a, 2)),
];

/// A copy of a property with one accessor replaced (`@x.setter`).
pub(super) fn property_with(a: &Args, which: usize) -> PyResult<Value> {
    let Value::Property(p) = &a.positional[0] else {
        return Err(type_error("descriptor requires a 'property' object"));
    };
    let f = a.positional[1].clone();
    let mut parts = [p.fget.clone(), p.fset.clone(), p.fdel.clone()];
    parts[which] = f;
    let [fget, fset, fdel] = parts;
    Ok(Value::Property(Rc::new(crate::object::value::Property {
        fget,
        fset,
        fdel,
        doc: p.doc.clone(),
    })))
}

/// Methods of `Slice` (kind Slice).
pub static SLICE_METHODS: &[MethodDef] = &[
    m("__reduce__", |_, a| match &a.positional[0] {
        Value::Slice(s) => Ok(Value::tuple(vec![
            Value::Type(builtin_types().slice.clone()),
            Value::tuple(s.to_vec()),
        ])),
        other => Err(type_error(format!(
            "descriptor '__reduce__' for 'slice' objects doesn't apply to a '{}' object",
            type_name(other)
        ))),
    }),
    m("indices", |_, a| match &a.positional[0] {
        Value::Slice(sl) => {
            let n = index_of(&a.positional[1])?.max(0) as usize;
            let (start, stop, step, _) = ops::seq::slice_indices(sl, n)?;
            Ok(Value::tuple(vec![
                Value::Int(start),
                Value::Int(stop),
                Value::Int(step),
            ]))
        }
        _ => Err(type_error("indices() needs a slice")),
    }),
];

/// Methods of `function`.
pub static FUNCTION_METHODS: &[MethodDef] = &[
    // funcobject.c's func_descr_get: bind to an instance, or the
    // function itself when there is none.
    m("__get__", |_, a| match a.positional {
        [f, obj, ..] if !obj.is_none() => Ok(Value::BoundMethod(Rc::new(
            crate::object::function::BoundMethod {
                function: f.clone(),
                receiver: obj.clone(),
            },
        ))),
        [f, ..] => Ok(f.clone()),
        [] => Err(type_error("descriptor '__get__' needs an argument")),
    }),
];

/// Methods of `range`.
pub static RANGE_METHODS: &[MethodDef] = &[
    m("__reduce__", |vm, a| {
        let v = &a.positional[0];
        let fields = ["start", "stop", "step"]
            .iter()
            .map(|f| protocol::getattr(vm, v, f))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(Value::tuple(vec![
            Value::Type(protocol::type_of(v)),
            Value::tuple(fields),
        ]))
    }),
    m("index", range_index).clinic(1),
    m("count", range_count).o(),
];

pub(super) fn range_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (Some(Value::Range(r)), Some(x)) = (a.positional.first(), a.positional.get(1)) else {
        return Err(type_error("index() takes exactly one argument"));
    };
    if let Some(i) = ops::arith::big(x) {
        return match r.index_of(&i) {
            Some(k) => Ok(ops::arith::from_big(k)),
            None => Err(value_error(format!("{i} is not in range"))),
        };
    }
    let it = protocol::iter(vm, &a.positional[0])?;
    let mut k = 0;
    while let Some(v) = protocol::next(vm, &it)? {
        if protocol::eq(vm, &v, x)? {
            return Ok(Value::Int(k));
        }
        k += 1;
    }
    Err(value_error(format!(
        "{} is not in range",
        protocol::repr(vm, x)?
    )))
}

pub(super) fn range_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (Some(Value::Range(_)), Some(x)) = (a.positional.first(), a.positional.get(1)) else {
        return Err(type_error("count() takes exactly one argument"));
    };
    if let Value::Int(_) | Value::BigInt(_) | Value::Bool(_) = x {
        let found = protocol::contains(vm, &a.positional[0], x)?;
        return Ok(Value::Int(found as i64));
    }
    let it = protocol::iter(vm, &a.positional[0])?;
    let mut n = 0;
    while let Some(v) = protocol::next(vm, &it)? {
        if protocol::eq(vm, &v, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}
