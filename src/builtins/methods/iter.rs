//! Iterators and generators: their methods (iterobject.c, genobject.c).

use super::*;

/// Methods of `Generator` (kind Generator).
pub static GENERATOR_METHODS: &[MethodDef] = &[
    m("send", |vm, a| crate::vm::generator::send_method(vm, &a)),
    m("__next__", gen_next),
    m("throw", |vm, a| crate::vm::gen_throw::throw_method(vm, &a)),
    m("close", |vm, a| match &a.positional[0] {
        Value::Generator(g) => crate::vm::gen_throw::close(vm, g).map(|_| Value::None),
        _ => Err(type_error("close() needs a generator")),
    }),
    m("__iter__", |_, a| Ok(a.positional[0].clone())),
];

/// `type.__new__(meta, name, bases, ns)` from a metaclass's `__new__`.
/// `next(gen)`: StopIteration(value) when the generator returns.
pub(super) fn gen_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use crate::vm::generator::{resume, GenResult, Resume};
    let Value::Generator(g) = &args.positional[0] else {
        return Err(type_error(
            "descriptor '__next__' requires a 'generator' object",
        ));
    };
    match resume(vm, g, Resume::Send(Value::None))? {
        GenResult::Yielded(v) => Ok(v),
        GenResult::Returned(v) => Err(crate::object::exception::stop_iteration(
            (!v.is_none()).then_some(v),
        )),
    }
}

/// Methods of the builtin iterator types.
pub static ITERATOR_METHODS: &[MethodDef] = &[m("__length_hint__", iterator_length_hint)];

/// `__length_hint__` of the builtin iterators that know how much is left
/// (listobject.c's `listiter_len`, `listreviter_len`, rangeobject.c's ...).
pub(super) fn iterator_length_hint(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    use crate::object::iter::IterState;
    let Some(Value::Iterator(it)) = a.positional.first() else {
        return Err(type_error("descriptor '__length_hint__' needs an iterator"));
    };
    let left = match &*it.borrow() {
        IterState::List { list, index } => list.borrow().len().saturating_sub(*index),
        IterState::Values { items, index, .. } => items.len().saturating_sub(*index),
        IterState::Reversed { index, .. } => *index,
        IterState::ReversedSequence { index, .. } => (*index + 1).max(0) as usize,
        IterState::Range { remaining, .. } => (*remaining).max(0) as usize,
        IterState::BigRange { remaining, .. } => {
            return Ok(crate::vm::ops::arith::from_big(remaining.clone()))
        }
        IterState::Dict { dict, pos, .. } => dict.borrow().len().saturating_sub(*pos),
        IterState::Exhausted(_) => 0,
        _ => return Ok(Value::NotImplemented),
    };
    Ok(Value::Int(left as i64))
}
