//! Exception groups (Objects/exceptions.c): `BaseExceptionGroup`'s
//! construction rules, `message`/`exceptions`, `split`/`subgroup`/`derive`,
//! and `except*`: CHECK_EG_MATCH (ceval.c's `exception_group_match`) and
//! PREP_RERAISE_STAR (`_PyExc_PrepReraiseStar`).
//!
//! A group keeps CPython's `args`, `(message, exceptions-as-given)`;
//! `exceptions` is that sequence as a tuple.

use std::rc::Rc;

use crate::object::exception::{type_error, value_error, ExceptionObject};
use crate::object::function::{Args, NativeFn};
use crate::object::types::Type;
use crate::object::{builtin_types, PyResult, Value};
use crate::vm::protocol::{self, type_name};
use crate::vm::Vm;

pub fn is_group(e: &ExceptionObject) -> bool {
    e.class.is_subtype(&builtin_types().base_exception_group)
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`: checks the
/// arguments and picks the class: `BaseExceptionGroup` of only `Exception`s
/// becomes an `ExceptionGroup`; an `ExceptionGroup` may hold only those.
pub fn group_class(vm: &mut Vm, cls: &Rc<Type>, args: &[Value]) -> PyResult<Rc<Type>> {
    let types = builtin_types();
    let [message, excs] = args else {
        return Err(type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            args.len()
        )));
    };
    if !matches!(message, Value::Str(_)) {
        return Err(type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            type_name(message)
        )));
    }
    let items = match excs {
        Value::List(_) | Value::Tuple(_) => protocol::collect(vm, excs)?,
        Value::Instance(_) if protocol::user_dunder(excs, "__getitem__").is_some() => {
            protocol::collect(vm, excs)?
        }
        _ => {
            return Err(type_error(
                "second argument (exceptions) must be a sequence",
            ))
        }
    };
    if items.is_empty() {
        return Err(value_error(
            "second argument (exceptions) must be a non-empty sequence",
        ));
    }
    let mut nested_base_exceptions = false;
    for (i, item) in items.iter().enumerate() {
        let Value::Exception(e) = item else {
            return Err(value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        };
        if !e.class.is_subtype(&types.exception) {
            nested_base_exceptions = true;
        }
    }
    if Rc::ptr_eq(cls, &types.base_exception_group) {
        if !nested_base_exceptions {
            return Ok(types.exception_group.clone());
        }
    } else if Rc::ptr_eq(cls, &types.exception_group) {
        if nested_base_exceptions {
            return Err(type_error(
                "Cannot nest BaseExceptions in an ExceptionGroup",
            ));
        }
    } else if nested_base_exceptions && cls.is_subtype(&types.exception) {
        // A user subclass that is also an Exception.
        return Err(type_error(format!(
            "Cannot nest BaseExceptions in '{}'",
            cls.name
        )));
    }
    Ok(cls.clone())
}

/// `message` and `exceptions`.
pub fn group_attr(vm: &mut Vm, e: &ExceptionObject, name: &str) -> PyResult<Option<Value>> {
    let args = e.args.borrow().clone();
    Ok(match name {
        "message" => Some(args.first().cloned().unwrap_or_else(|| Value::str(""))),
        "exceptions" => Some(match &*e.group.borrow() {
            Some(excs) => Value::Tuple(excs.clone()),
            None => match args.get(1) {
                Some(v) => Value::tuple(protocol::collect(vm, v)?),
                None => Value::tuple(vec![]),
            },
        }),
        _ => None,
    })
}

fn exceptions_of(vm: &mut Vm, g: &Value) -> PyResult<Vec<Value>> {
    let excs = protocol::getattr(vm, g, "exceptions")?;
    protocol::collect(vm, &excs)
}

/// `str(group)`: `message (N sub-exception[s])`.
pub fn group_str(vm: &mut Vm, g: &Value) -> PyResult<String> {
    let message = protocol::getattr(vm, g, "message")?;
    let message = protocol::str_of(vm, &message)?;
    let n = exceptions_of(vm, g)?.len();
    Ok(format!(
        "{message} ({n} sub-exception{})",
        if n == 1 { "" } else { "s" }
    ))
}

/// The natives put in `BaseExceptionGroup`'s namespace.
pub fn methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("split", |vm, a| {
            let (g, cond) = receiver_and_condition(&a, "split")?;
            let (m, r) = split_recursive(vm, &g, &cond, true, 0)?;
            Ok(Value::tuple(vec![
                m.unwrap_or(Value::None),
                r.unwrap_or(Value::None),
            ]))
        }),
        ("subgroup", |vm, a| {
            let (g, cond) = receiver_and_condition(&a, "subgroup")?;
            Ok(split_recursive(vm, &g, &cond, false, 0)?
                .0
                .unwrap_or(Value::None))
        }),
        ("derive", |vm, a| {
            let [g, excs] = a.positional else {
                return Err(type_error("derive() takes exactly one argument"));
            };
            let message = protocol::getattr(vm, g, "message")?;
            let beg = Value::Type(builtin_types().base_exception_group.clone());
            vm.call(&beg, vec![message, excs.clone()])
        }),
        ("__str__", |vm, a| match a.positional.first() {
            Some(g) => Ok(Value::str(&group_str(vm, g)?)),
            None => Err(type_error("descriptor '__str__' needs an argument")),
        }),
    ]
}

/// Installs the group methods on `BaseExceptionGroup`.
pub fn install() {
    let beg = builtin_types().base_exception_group.clone();
    for (name, f) in methods() {
        protocol::dict_set_str_plain(&beg, name, protocol::native_method(name, f, &beg));
    }
}

fn receiver_and_condition(a: &Args, fname: &str) -> PyResult<(Value, Value)> {
    match a.positional {
        [g, cond] => Ok((g.clone(), cond.clone())),
        _ => Err(type_error(format!("{fname}() takes exactly one argument"))),
    }
}

/// Groups nest through their (mutable) argument sequences, so a group can
/// contain itself: walks stop at the recursion limit, as CPython's
/// `Py_EnterRecursiveCall` does.
fn check_depth(vm: &Vm, depth: usize) -> PyResult<()> {
    if depth > vm.recursion_limit {
        return Err(crate::object::exception::recursion_error(
            "maximum recursion depth exceeded",
        ));
    }
    Ok(())
}

/// exceptions.c's `get_matcher_type` + `exceptiongroup_split_check_match`.
fn matches(vm: &mut Vm, exc: &Value, cond: &Value) -> PyResult<bool> {
    let is_class =
        |v: &Value| matches!(v, Value::Type(t) if t.is_subtype(&builtin_types().base_exception));
    match cond {
        c if is_class(c) => super::exception_matches(vm, exc, c),
        Value::Tuple(items) if items.iter().all(is_class) => {
            super::exception_matches(vm, exc, cond)
        }
        c if protocol::is_callable(c) && !matches!(c, Value::Type(_)) => {
            let r = vm.call(c, vec![exc.clone()])?;
            protocol::truthy(vm, &r)
        }
        _ => Err(type_error(
            "expected a function, exception type or tuple of exception types",
        )),
    }
}

/// `exceptiongroup_split_recursive`: the part of `exc` that matches and,
/// when asked, the rest, each a group derived from the original or None.
fn split_recursive(
    vm: &mut Vm,
    exc: &Value,
    cond: &Value,
    want_rest: bool,
    depth: usize,
) -> PyResult<(Option<Value>, Option<Value>)> {
    check_depth(vm, depth)?;
    if matches(vm, exc, cond)? {
        return Ok((Some(exc.clone()), None));
    }
    let is_eg = matches!(exc, Value::Exception(e) if is_group(e));
    if !is_eg {
        return Ok((None, want_rest.then(|| exc.clone())));
    }
    let mut match_list = Vec::new();
    let mut rest_list = Vec::new();
    for e in exceptions_of(vm, exc)? {
        let (m, r) = split_recursive(vm, &e, cond, want_rest, depth + 1)?;
        match_list.extend(m);
        rest_list.extend(r);
    }
    let m = subset(vm, exc, match_list)?;
    let r = if want_rest {
        subset(vm, exc, rest_list)?
    } else {
        None
    };
    Ok((m, r))
}

/// `exceptiongroup_subset`: `orig.derive(excs)` carrying over the
/// original's traceback, cause, context and notes; None for no exceptions.
fn subset(vm: &mut Vm, orig: &Value, excs: Vec<Value>) -> PyResult<Option<Value>> {
    if excs.is_empty() {
        return Ok(None);
    }
    let derive = protocol::getattr(vm, orig, "derive")?;
    let eg = vm.call(&derive, vec![Value::list(excs)])?;
    let (Value::Exception(new), Value::Exception(old)) = (&eg, orig) else {
        return Err(type_error(
            "derive must return an instance of BaseExceptionGroup",
        ));
    };
    if !is_group(new) {
        return Err(type_error(
            "derive must return an instance of BaseExceptionGroup",
        ));
    }
    copy_metadata(new, old);
    if let Some(notes) = protocol::plain_get_str(&old.dict.borrow(), "__notes__") {
        let copy = match &notes {
            Value::List(l) => Value::list(l.borrow().clone()),
            other => other.clone(),
        };
        protocol::plain_set_str(&mut new.dict.borrow_mut(), "__notes__", copy);
    }
    Ok(Some(eg))
}

fn copy_metadata(new: &ExceptionObject, old: &ExceptionObject) {
    *new.traceback.borrow_mut() = old.traceback.borrow().clone();
    *new.cause.borrow_mut() = old.cause.borrow().clone();
    *new.context.borrow_mut() = old.context.borrow().clone();
}

/// A new `ExceptionGroup` (or `BaseExceptionGroup`) made by the VM.
fn create_group(vm: &mut Vm, message: &str, excs: Value) -> PyResult<Value> {
    let beg = Value::Type(builtin_types().base_exception_group.clone());
    vm.call(&beg, vec![Value::str(message), excs])
}

/// ceval.c's `check_except_star_type_valid`.
fn check_star_type(match_type: &Value) -> PyResult<()> {
    let types = builtin_types();
    let check = |v: &Value| -> PyResult<()> {
        match v {
            Value::Type(t) if t.is_subtype(&types.base_exception) => {
                if t.is_subtype(&types.base_exception_group) {
                    Err(type_error(
                        "catching ExceptionGroup with except* is not allowed. Use except instead.",
                    ))
                } else {
                    Ok(())
                }
            }
            _ => Err(type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    };
    match match_type {
        Value::Tuple(items) => items.iter().try_for_each(check),
        other => check(other),
    }
}

/// CHECK_EG_MATCH's `exception_group_match`: `(rest, match)`, `match`
/// None when nothing matched (the stack then keeps the exception).
pub fn check_eg_match(vm: &mut Vm, exc: &Value, match_type: &Value) -> PyResult<(Value, Value)> {
    check_star_type(match_type)?;
    if exc.is_none() {
        return Ok((Value::None, Value::None));
    }
    if super::exception_matches(vm, exc, match_type)? {
        let Value::Exception(e) = exc else {
            return Ok((Value::None, exc.clone()));
        };
        if is_group(e) {
            return Ok((Value::None, exc.clone()));
        }
        // A naked exception: wrapped in a group with its traceback.
        let wrapped = create_group(vm, "", Value::tuple(vec![exc.clone()]))?;
        if let Value::Exception(w) = &wrapped {
            *w.traceback.borrow_mut() = e.traceback.borrow().clone();
        }
        return Ok((Value::None, wrapped));
    }
    if matches!(exc, Value::Exception(e) if is_group(e)) {
        let split = protocol::getattr(vm, exc, "split")?;
        let pair = vm.call(&split, vec![match_type.clone()])?;
        let parts = protocol::collect(vm, &pair)?;
        if let [m, r] = &parts[..] {
            return Ok((r.clone(), m.clone()));
        }
        return Err(type_error("split must return a 2-tuple"));
    }
    Ok((Value::None, Value::None))
}

/// exceptions.c's `is_same_exception_metadata`: a re-raised part of the
/// original group rather than an exception raised in an `except*` body.
fn same_metadata(a: &ExceptionObject, b: &ExceptionObject) -> bool {
    let same = |x: &Option<Value>, y: &Option<Value>| match (x, y) {
        (None, None) => true,
        (Some(x), Some(y)) => x.is(y),
        _ => false,
    };
    let tb_same = {
        let (ta, tb) = (a.traceback.borrow(), b.traceback.borrow());
        ta.len() == tb.len()
            && ta
                .iter()
                .zip(tb.iter())
                .all(|(x, y)| std::sync::Arc::ptr_eq(&x.code, &y.code) && x.offset == y.offset)
    };
    let notes = |e: &ExceptionObject| protocol::plain_get_str(&e.dict.borrow(), "__notes__");
    let notes_same = match (notes(a), notes(b)) {
        (None, None) => true,
        (Some(x), Some(y)) => x.is(&y),
        _ => false,
    };
    tb_same
        && notes_same
        && same(&a.cause.borrow(), &b.cause.borrow())
        && same(&a.context.borrow(), &b.context.borrow())
}

/// Adds the identities of the leaf exceptions of `exc` to `ids`.
fn leaf_ids(vm: &mut Vm, exc: &Value, ids: &mut Vec<usize>, depth: usize) -> PyResult<()> {
    check_depth(vm, depth)?;
    match exc {
        Value::Exception(e) if is_group(e) => {
            for sub in exceptions_of(vm, exc)? {
                leaf_ids(vm, &sub, ids, depth + 1)?;
            }
        }
        other => ids.push(other.id()),
    }
    Ok(())
}

/// `exception_group_projection`: the part of `orig` whose leaves are among
/// the leaves of `keep`.
fn projection(vm: &mut Vm, orig: &Value, keep: &[Value]) -> PyResult<Value> {
    let mut ids = Vec::new();
    for e in keep {
        leaf_ids(vm, e, &mut ids, 0)?;
    }
    if ids.is_empty() {
        return Ok(Value::None);
    }
    Ok(split_by_ids(vm, orig, &ids, 0)?.unwrap_or(Value::None))
}

/// `split` with "is one of these leaves" as the condition.
fn split_by_ids(vm: &mut Vm, exc: &Value, ids: &[usize], depth: usize) -> PyResult<Option<Value>> {
    check_depth(vm, depth)?;
    let is_eg = matches!(exc, Value::Exception(e) if is_group(e));
    if !is_eg {
        return Ok(ids.contains(&exc.id()).then(|| exc.clone()));
    }
    let mut kept = Vec::new();
    for e in exceptions_of(vm, exc)? {
        kept.extend(split_by_ids(vm, &e, ids, depth + 1)?);
    }
    subset(vm, exc, kept)
}

/// PREP_RERAISE_STAR: what leaves an `except*` statement: None, the
/// re-raised part of the original group, the one exception raised in a
/// handler, or a new group of the raised ones and the re-raised part.
pub fn prep_reraise_star(vm: &mut Vm, orig: &Value, excs: &Value) -> PyResult<Value> {
    let excs = protocol::collect(vm, excs)?;
    if excs.is_empty() {
        return Ok(Value::None);
    }
    let Value::Exception(orig_e) = orig else {
        return Ok(excs[0].clone());
    };
    if !is_group(orig_e) {
        // A naked exception was caught and wrapped: at most one except*
        // clause ran, so there is at most one exception to raise.
        return Ok(excs[0].clone());
    }
    let mut raised = Vec::new();
    let mut reraised = Vec::new();
    for e in excs {
        match &e {
            Value::None => {}
            Value::Exception(x) if same_metadata(x, orig_e) => reraised.push(e.clone()),
            _ => raised.push(e.clone()),
        }
    }
    let reraised_eg = projection(vm, orig, &reraised)?;
    if raised.is_empty() {
        return Ok(reraised_eg);
    }
    if !reraised_eg.is_none() {
        raised.push(reraised_eg);
    }
    if raised.len() > 1 {
        create_group(vm, "", Value::list(raised))
    } else {
        Ok(raised.remove(0))
    }
}
