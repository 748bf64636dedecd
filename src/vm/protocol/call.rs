//! Calling: what CALL and native code do with a callable (`call`), and
//! binding a Python function's arguments to its parameters
//! (`function_frame`, ceval.c's `initialize_locals`).

use std::cell::RefCell;
use std::rc::Rc;

use super::*;

/// What a call gave: a value at once, or a frame to run for it.
pub enum CallOutcome {
    Value(Value),
    Frame(Frame),
}

/// Calls `callable`: Python code becomes a frame for the caller to run.
pub fn call(
    vm: &mut Vm,
    callable: Value,
    args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
) -> PyResult<CallOutcome> {
    match &callable {
        Value::Function(f) => Ok(CallOutcome::Frame(function_frame(
            f.clone(),
            &callable,
            args,
            kwargs,
            &mut vm.spare_frame_parts,
        )?)),
        Value::BoundMethod(m) => {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(m.receiver.clone());
            all.extend(args);
            call(vm, m.function.clone(), all, kwargs)
        }
        Value::Builtin(b) => {
            let given = args.len() + b.receiver.is_some() as usize;
            if given < b.arity.min as usize {
                return Err(b.too_few_args(given));
            }
            if let (None, Some(owner), Some(first)) = (&b.receiver, &b.owner, args.first()) {
                check_descriptor_self(b, owner, first)?;
            }
            let mut all;
            let mut args = args;
            let positional: &[Value] = match &b.receiver {
                Some(r) => {
                    all = Vec::with_capacity(args.len() + 1);
                    all.push(payload_receiver(b, r).unwrap_or_else(|| r.clone()));
                    all.extend(args);
                    &all
                }
                None => {
                    if let Some(p) = args.first().and_then(|f| payload_receiver(b, f)) {
                        args[0] = p;
                    }
                    &args
                }
            };
            Ok(CallOutcome::Value((b.func)(
                vm,
                Args {
                    positional,
                    keywords: &kwargs,
                },
            )?))
        }
        Value::Type(t) => crate::builtins::construct(vm, t.clone(), args, kwargs),
        Value::StaticMethod(f) => call(vm, (**f).clone(), args, kwargs),
        _ => match lookup(&type_of(&callable), "__call__") {
            Some(f) if matches!(callable, Value::Instance(_)) => {
                let mut all = vec![callable.clone()];
                all.extend(args);
                call(vm, f, all, kwargs)
            }
            _ => Err(type_error(format!(
                "'{}' object is not callable",
                type_name(&callable)
            ))),
        },
    }
}

/// `callable(v)`.
pub fn is_callable(v: &Value) -> bool {
    match v {
        Value::Function(_)
        | Value::BoundMethod(_)
        | Value::Builtin(_)
        | Value::Type(_)
        | Value::StaticMethod(_) => true,
        Value::Instance(_) => lookup(&type_of(v), "__call__").is_some(),
        _ => false,
    }
}

pub fn check_init_result(v: &Value) -> PyResult<()> {
    if v.is_none() {
        Ok(())
    } else {
        Err(type_error(format!(
            "__init__() should return None, not '{}'",
            type_name(v)
        )))
    }
}

/// Binds arguments to parameters (ceval.c's `initialize_locals`) and makes the
/// frame for a call of `func`.
pub fn function_frame(
    func: Rc<Function>,
    fval: &Value,
    args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
    spare: &mut Vec<crate::vm::frame::FrameParts>,
) -> PyResult<Frame> {
    use crate::pyc::code::flags;
    let code = func.code();
    let values = function_values(&func, &code);
    let nlocals = code.localsplusnames.len();
    let (mut stack, mut fast) = spare.pop().unwrap_or_default();
    stack.reserve(code.stacksize as usize);
    fast.reserve(nlocals);
    let argcount = code.argcount as usize;
    let posonly = code.posonlyargcount as usize;
    let kwonly = code.kwonlyargcount as usize;
    let has_varargs = code.flags & flags::VARARGS != 0;
    let has_varkw = code.flags & flags::VARKEYWORDS != 0;
    let total = argcount + kwonly;
    let qual = || func.qualname.borrow().clone();

    let given = args.len();
    let mut args = args.into_iter();
    fast.extend(args.by_ref().take(argcount).map(Some));
    for _ in fast.len()..nlocals {
        fast.push(None);
    }
    if given > argcount && !has_varargs {
        let defaults = func.defaults.borrow().as_ref().map_or(0, |d| d.len());
        let takes = if defaults > 0 {
            format!(
                "from {} to {} positional arguments",
                argcount - defaults,
                argcount
            )
        } else {
            format!(
                "{argcount} positional argument{}",
                if argcount == 1 { "" } else { "s" }
            )
        };
        return Err(type_error(format!(
            "{}() takes {takes} but {given} {} given",
            qual(),
            if given == 1 { "was" } else { "were" }
        )));
    }
    if has_varargs {
        fast[total] = Some(Value::tuple(args.collect()));
    }
    let varkw_slot = total + has_varargs as usize;
    let kw_dict = has_varkw.then(|| Rc::new(RefCell::new(Dict::new())));
    let mut kwargs = kwargs.into_iter();
    while let Some((name, value)) = kwargs.next() {
        let slot = (posonly..total).find(|&i| code.localsplusnames[i].as_ref() == name.as_ref());
        match slot {
            Some(i) => {
                if fast[i].is_some() {
                    return Err(type_error(format!(
                        "{}() got multiple values for argument '{name}'",
                        qual()
                    )));
                }
                fast[i] = Some(value);
            }
            None => match &kw_dict {
                Some(d) => dict_set_str(d, &name, value),
                None => {
                    // as ceval.c's positional_only_passed_as_keyword: every
                    // such name (earlier keywords all found their slots).
                    let is_posonly = |n: &str| (0..posonly).any(|i| &*code.localsplusnames[i] == n);
                    if is_posonly(&name) {
                        let mut names = vec![name.to_string()];
                        names.extend(
                            kwargs
                                .filter(|(n, _)| is_posonly(n))
                                .map(|(n, _)| n.to_string()),
                        );
                        return Err(type_error(format!(
                            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                            qual(),
                            names.join(", ")
                        )));
                    }
                    return Err(type_error(format!(
                        "{}() got an unexpected keyword argument '{name}'",
                        qual()
                    )));
                }
            },
        }
    }
    if let Some(d) = kw_dict {
        fast[varkw_slot] = Some(Value::Dict(d));
    }
    // Defaults for missing positional parameters, kwdefaults for keyword-only.
    let mut missing = Vec::new();
    if given < argcount {
        let defaults = func.defaults.borrow();
        let defaults: &[Value] = defaults.as_deref().unwrap_or(&[]);
        let first_default = argcount - defaults.len().min(argcount);
        for (i, slot) in fast.iter_mut().enumerate().take(argcount) {
            if slot.is_none() {
                if i >= first_default {
                    *slot = Some(defaults[i - first_default].clone());
                } else {
                    missing.push(code.localsplusnames[i].clone());
                }
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_args(&qual(), "positional", &missing));
    }
    if kwonly > 0 {
        let kwdefaults = func.kwdefaults.borrow();
        for i in argcount..total {
            if fast[i].is_none() {
                let name = &code.localsplusnames[i];
                let default = match &*kwdefaults {
                    Some(Value::Dict(d)) => dict_get_str(d, name),
                    _ => None,
                };
                match default {
                    Some(v) => fast[i] = Some(v),
                    None => missing.push(name.clone()),
                }
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_args(&qual(), "keyword-only", &missing));
    }
    Ok(Frame::with_parts(
        values,
        func.globals.clone(),
        (stack, fast),
        fval.clone(),
        crate::vm::frame::ReturnAction::Push,
    ))
}

#[cold]
fn missing_args(qual: &str, kind: &str, names: &[std::sync::Arc<str>]) -> PyErr {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        _ => format!(
            "{}, and {}",
            quoted[..quoted.len() - 1].join(", "),
            quoted[quoted.len() - 1]
        ),
    };
    type_error(format!(
        "{qual}() missing {} required {kind} argument{}: {list}",
        names.len(),
        if names.len() == 1 { "" } else { "s" }
    ))
}

/// A builtin-type method called on a builtin-subclass instance works on its
/// payload (`class C(list)`: `c.append(1)` appends to the list inside).
/// A method of a builtin type called through the type (`str.upper(x)`)
/// applies only to instances of that type (descrobject.c's
/// `descr_check`, and `wrapperdescr_call` for slot wrappers).
#[inline]
fn check_descriptor_self(b: &Builtin, owner: &Rc<Type>, first: &Value) -> PyResult<()> {
    // The common case, `[].append(x)` through LOAD_METHOD: a value of the
    // one builtin type of that kind, found without the type registry.
    let same_kind = match first {
        Value::List(_) => owner.kind == Kind::List,
        Value::Str(_) => owner.kind == Kind::Str,
        Value::Dict(_) => owner.kind == Kind::Dict,
        Value::Set(_) => owner.kind == Kind::Set,
        Value::Tuple(_) => owner.kind == Kind::Tuple,
        Value::Int(_) | Value::BigInt(_) => owner.kind == Kind::Int,
        Value::Float(_) => owner.kind == Kind::Float,
        Value::Bytes(_) => owner.kind == Kind::Bytes,
        Value::ByteArray(_) => owner.kind == Kind::ByteArray,
        _ => false,
    };
    if same_kind && b.name != "__new__" {
        return Ok(());
    }
    check_descriptor_self_slow(b, owner, first)
}

#[cold]
fn check_descriptor_self_slow(b: &Builtin, owner: &Rc<Type>, first: &Value) -> PyResult<()> {
    let owner_name = crate::object::native::tp_name(owner).unwrap_or_else(|| owner.name.clone());
    // `__new__` and class methods (bound as `BoundMethod`s) receive a class.
    let class_of_owner = matches!(first, Value::Type(t) if t.is_subtype(owner));
    if b.name == "__new__" {
        // tp_new_wrapper's checks.
        return match first {
            Value::Type(t) if t.is_subtype(owner) => Ok(()),
            Value::Type(t) => Err(type_error(format!(
                "{0}.__new__({1}): {1} is not a subtype of {0}",
                owner_name, t.name
            ))),
            other => Err(type_error(format!(
                "{}.__new__(X): X is not a type object ({})",
                owner_name,
                type_name(other)
            ))),
        };
    }
    if class_of_owner || type_of(first).is_subtype(owner) {
        return Ok(());
    }
    Err(type_error(if is_slot_name(b.name) {
        format!(
            "descriptor '{}' requires a '{}' object but received a '{}'",
            b.name,
            owner_name,
            type_name(first)
        )
    } else {
        format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            b.name,
            owner_name,
            type_name(first)
        )
    }))
}

/// Whether `name` is one of typeobject.c's `slotdefs`: a builtin type's
/// method of that name is a slot wrapper, not a method descriptor.
pub fn is_slot_name(name: &str) -> bool {
    matches!(
        name,
        "__getattribute__"
            | "__getattr__"
            | "__setattr__"
            | "__delattr__"
            | "__repr__"
            | "__hash__"
            | "__call__"
            | "__str__"
            | "__lt__"
            | "__le__"
            | "__eq__"
            | "__ne__"
            | "__gt__"
            | "__ge__"
            | "__iter__"
            | "__next__"
            | "__get__"
            | "__set__"
            | "__delete__"
            | "__init__"
            | "__del__"
            | "__await__"
            | "__aiter__"
            | "__anext__"
            | "__add__"
            | "__radd__"
            | "__sub__"
            | "__rsub__"
            | "__mul__"
            | "__rmul__"
            | "__mod__"
            | "__rmod__"
            | "__divmod__"
            | "__rdivmod__"
            | "__pow__"
            | "__rpow__"
            | "__neg__"
            | "__pos__"
            | "__abs__"
            | "__bool__"
            | "__invert__"
            | "__lshift__"
            | "__rlshift__"
            | "__rshift__"
            | "__rrshift__"
            | "__and__"
            | "__rand__"
            | "__xor__"
            | "__rxor__"
            | "__or__"
            | "__ror__"
            | "__int__"
            | "__float__"
            | "__iadd__"
            | "__isub__"
            | "__imul__"
            | "__imod__"
            | "__ipow__"
            | "__ilshift__"
            | "__irshift__"
            | "__iand__"
            | "__ixor__"
            | "__ior__"
            | "__floordiv__"
            | "__rfloordiv__"
            | "__truediv__"
            | "__rtruediv__"
            | "__ifloordiv__"
            | "__itruediv__"
            | "__index__"
            | "__matmul__"
            | "__rmatmul__"
            | "__imatmul__"
            | "__len__"
            | "__getitem__"
            | "__setitem__"
            | "__delitem__"
            | "__contains__"
    )
}

fn payload_receiver(b: &Builtin, first: &Value) -> Option<Value> {
    let Value::Instance(i) = first else {
        return None;
    };
    let payload = i.payload.as_ref()?;
    let owner = b.owner.as_ref()?;
    // Methods of the builtin base work on the value the instance extends;
    // `object`'s (`__setattr__`, `__repr__`...) on the instance itself, and
    // so do a native module's class's (the instance is the object itself).
    (!matches!(owner.kind, Kind::Object | Kind::User) && i.class.borrow().is_subtype(owner))
        .then(|| payload.clone())
}
