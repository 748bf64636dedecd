//! The builtins module: builtin functions, constructing builtin types, and
//! `__build_class__`.

pub mod exec;
pub mod functions;
pub mod generic_alias;
pub mod isinstance;
pub mod mappingproxy;
pub mod metaclass;
pub mod methods;
pub mod modules;
pub mod numbers;
pub mod reduce;
pub mod sizeof;
pub mod slots;
pub mod str_format;
pub mod structseq;

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::exception::{type_error, value_error, ExceptionObject};
use crate::object::function::Args;
use crate::object::types::{c3_mro, Kind, Type};
use crate::object::value::Property;
use crate::object::{builtin_types, Dict, PyResult, Value};
use crate::vm::frame::{Frame, ReturnAction};
use crate::vm::protocol::{self, native, type_name, CallOutcome};
use crate::vm::Vm;

/// Fills `vm.builtins`.
pub fn install(vm: &mut Vm) {
    let types = builtin_types();
    crate::object::types::set_type_ready(methods::ready);
    for (_, t) in types.all() {
        methods::ready(&t);
    }
    for (name, t) in types.all() {
        if !matches!(
            name,
            "NoneType"
                | "NotImplementedType"
                | "ellipsis"
                | "function"
                | "builtin_function_or_method"
                | "method_descriptor"
                | "wrapper_descriptor"
                | "method-wrapper"
                | "classmethod_descriptor"
                | "method"
                | "iterator"
                | "cell"
                | "code"
                | "module"
                | "generator"
                | "dict_keys"
                | "dict_values"
                | "dict_items"
                | "coroutine"
                | "async_generator"
                | "coroutine_wrapper"
                | "async_generator_asend"
                | "async_generator_athrow"
                | "traceback"
        ) {
            protocol::dict_set_str(&vm.builtins, name, Value::Type(t));
        }
    }
    protocol::dict_set_str(&vm.builtins, "None", Value::None);
    protocol::dict_set_str(&vm.builtins, "Ellipsis", Value::Ellipsis);
    protocol::dict_set_str(&vm.builtins, "NotImplemented", Value::NotImplemented);
    protocol::dict_set_str(&vm.builtins, "__name__", Value::str("builtins"));
    protocol::dict_set_str(
        &vm.builtins,
        "EnvironmentError",
        Value::Type(types.os_error.clone()),
    );
    protocol::dict_set_str(&vm.builtins, "IOError", Value::Type(types.os_error.clone()));
    for (name, _) in functions::ITERATOR_CLASSES {
        let t = protocol::iterator_type(name);
        protocol::dict_set_str(&vm.builtins, name, Value::Type(t));
    }
    for (name, f) in functions::FUNCTIONS {
        protocol::dict_set_str(&vm.builtins, name, native(name, *f, None));
    }
    // `builtins.open` is `_io.open` itself (the module takes it from here).
    protocol::dict_set_str(&vm.builtins, "open", modules::io::open_function());
    protocol::dict_set_str(
        &vm.builtins,
        "__build_class__",
        native("__build_class__", build_class, None),
    );
    for (_, t) in types.all() {
        protocol::dict_set_str_plain(&t, "__module__", Value::str("builtins"));
    }
    crate::vm::ops::exc_group::install();
}

/// Rejects keyword arguments a native function does not take, with
/// CPython's message (getargs.c's `vgetargskeywords`).
pub fn allow_keywords(args: &Args, fname: &str, allowed: &[&str]) -> PyResult<()> {
    match args.keywords.iter().find(|(k, _)| !allowed.contains(&&**k)) {
        Some((k, _)) => Err(type_error(format!(
            "'{k}' is an invalid keyword argument for {fname}()"
        ))),
        None => Ok(()),
    }
}

pub fn kwarg<'a>(args: &'a Args, name: &str) -> Option<&'a Value> {
    args.keywords
        .iter()
        .find(|(k, _)| &**k == name)
        .map(|(_, v)| v)
}

/// Calling a class: builtin constructors, or `__new__` + `__init__` of a
/// user class (the `__init__` frame runs flat, with an InitCheck return).
pub fn construct(
    vm: &mut Vm,
    t: Rc<Type>,
    args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
) -> PyResult<CallOutcome> {
    // A user metaclass's __call__ decides everything.
    if let Some(meta_call) = metaclass_call(&t) {
        let mut all = vec![Value::Type(t)];
        all.extend(args);
        return Ok(CallOutcome::Value(vm.call_kw(&meta_call, all, kwargs)?));
    }
    construct_default(vm, t, args, kwargs)
}

/// `type.__call__(t, *args, **kwargs)`: `__new__`, then `__init__` when
/// `__new__` made an instance of `t`.
pub fn construct_default(
    vm: &mut Vm,
    t: Rc<Type>,
    args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
) -> PyResult<CallOutcome> {
    if let Some(refused) = structseq::refuses_instances(&t) {
        return Err(refused);
    }
    if t.kind != Kind::User && t.kind != Kind::Exception {
        let a = Args {
            positional: &args,
            keywords: &kwargs,
        };
        return Ok(CallOutcome::Value(functions::construct_builtin(vm, &t, a)?));
    }
    let instance = match protocol::lookup(&t, "__new__") {
        // A Python `__new__`, or a native one of a native module's class
        // (not `object.__new__` or a builtin type's, which `new_object` is).
        Some(new)
            if !matches!(&new, Value::Builtin(b)
                if b.owner.as_ref().is_some_and(|o| o.kind != Kind::User)) =>
        {
            let new = match new {
                Value::StaticMethod(f) => (*f).clone(),
                other => other,
            };
            let mut all = vec![Value::Type(t.clone())];
            all.extend(args.iter().cloned());
            let obj = vm.call_kw(&new, all, kwargs.clone())?;
            if !protocol::type_of(&obj).is_subtype(&t) {
                return Ok(CallOutcome::Value(obj));
            }
            obj
        }
        // A metaclass without its own __new__: type.__new__ makes a class.
        _ if t.base_kind() == Kind::Type => metaclass::type_new(vm, &t, &args, &kwargs)?,
        _ => new_object(vm, &t, &args, &kwargs)?,
    };
    match protocol::lookup(&t, "__init__") {
        Some(init @ Value::Function(_)) => {
            let mut all = vec![instance.clone()];
            all.extend(args);
            match protocol::call(vm, init, all, kwargs)? {
                CallOutcome::Frame(mut frame) => {
                    frame.return_action = ReturnAction::InitCheck(instance);
                    Ok(CallOutcome::Frame(frame))
                }
                CallOutcome::Value(_) => Ok(CallOutcome::Value(instance)),
            }
        }
        Some(init @ Value::Builtin(_))
            if native_init_in_class(&t)
                || matches!(t.base_kind(), Kind::Dict | Kind::List | Kind::Set) =>
        {
            let mut all = vec![instance.clone()];
            all.extend(args);
            vm.call_kw(&init, all, kwargs)?;
            Ok(CallOutcome::Value(instance))
        }
        Some(init) if !matches!(init, Value::Builtin(_)) => {
            let mut all = vec![instance.clone()];
            all.extend(args);
            vm.call_kw(&init, all, kwargs)?;
            Ok(CallOutcome::Value(instance))
        }
        _ => {
            if let Value::Exception(e) = &instance {
                if t.is_subtype(&builtin_types().import_error) {
                    import_error_keywords(e, &t, &kwargs)?;
                }
            }
            if t.base_kind() == Kind::Object
                && (!args.is_empty() || !kwargs.is_empty())
                // object_init's excess-args check: only when `__new__` is
                // object's or a builtin type's; a native module's class's
                // `__new__` took the arguments.
                && protocol::lookup(&t, "__new__").is_none_or(
                    |n| matches!(&n, Value::Builtin(b)
                        if b.owner.as_ref().is_some_and(|o| o.kind != Kind::User)),
                )
            {
                return Err(type_error(format!("{}() takes no arguments", t.name)));
            }
            Ok(CallOutcome::Value(instance))
        }
    }
}

/// `ImportError(*args, name=None, path=None)`: the two keywords become
/// attributes, any other is refused as ImportError_init does.
fn import_error_keywords(
    e: &ExceptionObject,
    t: &Rc<Type>,
    kwargs: &[(Rc<str>, Value)],
) -> PyResult<()> {
    for (k, v) in kwargs {
        if !matches!(&**k, "name" | "path") {
            return Err(type_error(format!(
                "'{k}' is an invalid keyword argument for {}()",
                t.name
            )));
        }
        protocol::plain_set_str(&mut e.dict.borrow_mut(), k, v.clone());
    }
    Ok(())
}

/// A native `__init__` put in a class's own dict (classes of native modules
/// such as `types.SimpleNamespace`), not `object.__init__`.
fn native_init_in_class(t: &Rc<Type>) -> bool {
    t.mro()
        .iter()
        .filter(|c| c.kind == Kind::User)
        .find_map(|c| protocol::plain_lookup(c, "__init__"))
        .is_some_and(|v| matches!(v, Value::Builtin(_)))
}

fn metaclass_call(t: &Rc<Type>) -> Option<Value> {
    let meta = match t.metaclass.borrow().as_ref() {
        Some(Value::Type(m)) if m.kind == Kind::User => m.clone(),
        _ => return None,
    };
    let call = protocol::lookup(&meta, "__call__")?;
    matches!(call, Value::Function(_)).then_some(call)
}

/// `object.__new__(t)`, or a bare exception for exception classes.
pub fn new_object(
    _vm: &mut Vm,
    t: &Rc<Type>,
    args: &[Value],
    kwargs: &[(Rc<str>, Value)],
) -> PyResult<Value> {
    Ok(match t.base_kind() {
        Kind::Exception if t.is_subtype(&builtin_types().base_exception_group) => {
            let class = crate::vm::ops::exc_group::group_class(_vm, t, args)?;
            let e = ExceptionObject::new(class, args.to_vec());
            let excs = protocol::collect(_vm, &args[1])?;
            *e.group.borrow_mut() = Some(Rc::from(excs));
            Value::Exception(e)
        }
        Kind::Exception => Value::Exception(ExceptionObject::new(
            os_error_subclass(t, args),
            args.to_vec(),
        )),
        Kind::Object => protocol::new_instance(t),
        Kind::Dict => protocol::new_instance_with_payload(t, protocol::new_dict()),
        Kind::List => protocol::new_instance_with_payload(t, Value::list(vec![])),
        Kind::Set => {
            protocol::new_instance_with_payload(t, Value::Set(Rc::new(RefCell::new(Dict::new()))))
        }
        Kind::Iterator => {
            let (base, payload) = base_value(_vm, t, args, kwargs)?;
            // reversed(seq) hands back seq.__reversed__(), whatever it is.
            if !Rc::ptr_eq(&protocol::type_of(&payload), &base) {
                return Ok(payload);
            }
            protocol::new_instance_with_payload(t, payload)
        }
        Kind::Tuple
        | Kind::Int
        | Kind::Str
        | Kind::Float
        | Kind::FrozenSet
        | Kind::Bytes
        | Kind::ByteArray
        | Kind::Complex => {
            let (_, payload) = base_value(_vm, t, args, &[])?;
            protocol::new_instance_with_payload(t, payload)
        }
        other => {
            return Err(type_error(format!(
                "py2vm does not support subclassing the builtin type {other:?} yet (class {})",
                t.name
            )))
        }
    })
}

/// The builtin type under `t` and a new value of it made from `args`: what
/// an instance of a subclass of a builtin extends.
fn base_value(
    vm: &mut Vm,
    t: &Rc<Type>,
    args: &[Value],
    kwargs: &[(Rc<str>, Value)],
) -> PyResult<(Rc<Type>, Value)> {
    let base = t
        .mro()
        .into_iter()
        .find(|c| c.kind != Kind::User)
        .expect("a builtin base");
    let payload = functions::construct_builtin(
        vm,
        &base,
        Args {
            positional: args,
            keywords: kwargs,
        },
    )?;
    Ok((base, payload))
}

/// `OSError(errno, strerror)` makes the subclass for that errno, as CPython's
/// `OSError.__new__` does.
pub(crate) fn os_error_subclass(t: &Rc<Type>, args: &[Value]) -> Rc<Type> {
    let b = builtin_types();
    if !Rc::ptr_eq(t, &b.os_error) || args.len() < 2 {
        return t.clone();
    }
    let Value::Int(errno) = args[0] else {
        return t.clone();
    };
    // exceptions.c's errnomap (Linux numbers).
    match errno {
        11 | 114 | 115 => b.blocking_io_error.clone(), // EAGAIN, EALREADY, EINPROGRESS
        10 => b.child_process_error.clone(),           // ECHILD
        32 | 108 => b.broken_pipe_error.clone(),       // EPIPE, ESHUTDOWN
        103 => b.connection_aborted_error.clone(),     // ECONNABORTED
        111 => b.connection_refused_error.clone(),     // ECONNREFUSED
        104 => b.connection_reset_error.clone(),       // ECONNRESET
        17 => b.file_exists_error.clone(),             // EEXIST
        2 => b.file_not_found_error.clone(),           // ENOENT
        21 => b.is_a_directory_error.clone(),          // EISDIR
        20 => b.not_a_directory_error.clone(),         // ENOTDIR
        4 => b.interrupted_error.clone(),              // EINTR
        1 | 13 => b.permission_error.clone(),          // EPERM, EACCES
        3 => b.process_lookup_error.clone(),           // ESRCH
        110 => b.timeout_error.clone(),                // ETIMEDOUT
        _ => t.clone(),
    }
}

/// `__build_class__(func, name, *bases, metaclass=..., **kwds)`.
pub fn build_class(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [func, name, bases @ ..] = args.positional else {
        return Err(type_error("__build_class__: not enough arguments"));
    };
    let Value::Function(body) = func else {
        return Err(type_error("__build_class__: func must be a function"));
    };
    let name = protocol::str_arg(name)?;
    // PEP 560: a base that is not a class may stand for others
    // (`__mro_entries__`, e.g. `Generic[T]`); the class keeps the bases as
    // written in `__orig_bases__`.
    let orig_bases = bases;
    let updated = update_bases(vm, orig_bases)?;
    let bases: &[Value] = updated.as_deref().unwrap_or(orig_bases);
    // builtins.__build_class__: the explicit metaclass or the first base's
    // type, then the most derived of it and the bases' metaclasses.
    let mut meta = metaclass::initial_metaclass(kwarg(&args, "metaclass"), bases);
    if let Some(Value::Type(m)) = &meta {
        let winner = metaclass::calculate_metaclass(m, bases)?;
        // Plain `type` makes the class below; anything else (a user
        // metaclass, or `int` for `class W(1)`) is called.
        meta = (!Rc::ptr_eq(&winner, &builtin_types().type_)).then_some(Value::Type(winner));
    }
    let class_kwargs: Vec<(Rc<str>, Value)> = args
        .keywords
        .iter()
        .filter(|(k, _)| &**k != "metaclass")
        .cloned()
        .collect();
    // __prepare__ on a user metaclass makes the namespace; one that is not
    // exactly a dict is written through its own methods (`mapping`).
    let mut mapping = None;
    let ns = match &meta {
        Some(m @ Value::Type(mt)) if mt.kind == Kind::User => {
            match protocol::lookup(mt, "__prepare__") {
                Some(prep) => {
                    let prep = match prep {
                        Value::ClassMethod(f) => {
                            Value::BoundMethod(Rc::new(crate::object::function::BoundMethod {
                                function: (*f).clone(),
                                receiver: m.clone(),
                            }))
                        }
                        Value::StaticMethod(f) => (*f).clone(),
                        other => other,
                    };
                    let prep_args = vec![Value::str(&name), Value::tuple(bases.to_vec())];
                    match vm.call_kw(&prep, prep_args, class_kwargs.clone())? {
                        Value::Dict(d) => d,
                        other => {
                            if protocol::lookup(&protocol::type_of(&other), "__getitem__").is_none()
                            {
                                return Err(type_error(format!(
                                    "{}.__prepare__() must return a mapping, not {}",
                                    mt.name,
                                    type_name(&other)
                                )));
                            }
                            mapping = Some(other);
                            Rc::new(RefCell::new(Dict::new()))
                        }
                    }
                }
                None => Rc::new(RefCell::new(Dict::new())),
            }
        }
        _ => Rc::new(RefCell::new(Dict::new())),
    };
    // Run the body with `ns` as its namespace, on the frame stack.
    let mut frame = Frame::new(
        body.code(),
        body.globals.clone(),
        mapping.is_none().then(|| ns.clone()),
        ReturnAction::ReturnToNative,
    );
    frame.locals_mapping = mapping.clone().map(Box::new);
    frame.function = Some(func.clone());
    let cell = vm.run_nested_frame(frame)?;
    if updated.is_some() {
        let orig = Value::tuple(orig_bases.to_vec());
        match &mapping {
            Some(m) => protocol::setitem(vm, m, Value::str("__orig_bases__"), orig)?,
            None => protocol::dict_set_str(&ns, "__orig_bases__", orig),
        }
    }
    let class = match &meta {
        Some(m @ Value::Type(_)) => vm.call_kw(
            m,
            vec![
                Value::str(&name),
                Value::tuple(bases.to_vec()),
                mapping.clone().unwrap_or_else(|| Value::Dict(ns.clone())),
            ],
            class_kwargs.clone(),
        )?,
        _ => create_type(vm, &name, bases, &ns, meta.clone(), &class_kwargs)?,
    };
    if let Value::Cell(c) = cell {
        *c.borrow_mut() = Some(class.clone());
    }
    Ok(class)
}

/// `update_bases` (bltinmodule.c): each base that is not a class but has
/// `__mro_entries__` replaced by the tuple that method returns; `None`
/// when no base has one.
fn update_bases(vm: &mut Vm, bases: &[Value]) -> PyResult<Option<Vec<Value>>> {
    let mut new_bases: Option<Vec<Value>> = None;
    for (i, base) in bases.iter().enumerate() {
        let entries = match base {
            Value::Type(_) => None,
            _ => match protocol::getattr(vm, base, "__mro_entries__") {
                Ok(meth) => Some(meth),
                Err(e) if e.is_instance(&builtin_types().attribute_error) => None,
                Err(e) => return Err(e),
            },
        };
        let Some(meth) = entries else {
            if let Some(nb) = &mut new_bases {
                nb.push(base.clone());
            }
            continue;
        };
        let replaced = vm.call(&meth, vec![Value::tuple(bases.to_vec())])?;
        let Value::Tuple(items) = replaced else {
            return Err(type_error("__mro_entries__ must return a tuple"));
        };
        new_bases
            .get_or_insert_with(|| bases[..i].to_vec())
            .extend(items.iter().cloned());
    }
    Ok(new_bases)
}

/// `type.__new__(meta, name, bases, ns)`: makes the class, then runs
/// `__set_name__` and the parent's `__init_subclass__`.
pub fn create_type(
    vm: &mut Vm,
    name: &str,
    bases: &[Value],
    ns: &Rc<RefCell<Dict>>,
    meta: Option<Value>,
    kwargs: &[(Rc<str>, Value)],
) -> PyResult<Value> {
    let types = builtin_types();
    let mut base_types = Vec::new();
    for b in bases {
        match b {
            Value::Type(t) => base_types.push(t.clone()),
            other => {
                return Err(type_error(format!(
                    "bases must be types, not {}",
                    type_name(other)
                )))
            }
        }
    }
    if base_types.is_empty() {
        base_types.push(types.object.clone());
    }
    for (i, b) in base_types.iter().enumerate() {
        if base_types[..i].iter().any(|seen| Rc::ptr_eq(seen, b)) {
            return Err(type_error(format!("duplicate base class {}", b.name)));
        }
    }
    slots::check_slots(vm, ns)?;
    // Types without Py_TPFLAGS_BASETYPE.
    if let Some(b) = base_types.iter().find(|b| {
        matches!(
            b.kind,
            Kind::Bool
                | Kind::NoneType
                | Kind::NotImplementedType
                | Kind::Ellipsis
                | Kind::Range
                | Kind::Slice
                | Kind::Function
                | Kind::BuiltinFunction
                | Kind::Method
                | Kind::Generator
                | Kind::Coroutine
                | Kind::AsyncGenerator
                | Kind::CoroWrapper
                | Kind::AsyncGenASend
                | Kind::AsyncGenAThrow
                | Kind::MemoryView
                | Kind::Cell
                | Kind::Code
                | Kind::DictView
        ) || (b.kind == Kind::Iterator
            && !functions::ITERATOR_CLASSES
                .iter()
                .any(|(n, _)| **n == *b.name))
            || Rc::ptr_eq(b, &types.traceback)
            || structseq::is_structseq_type(b)
            || b.final_class.get()
    }) {
        return Err(type_error(format!(
            "type '{}' is not an acceptable base type",
            structseq::tp_name(b)
                .map(Rc::from)
                .unwrap_or_else(|| crate::object::native::display_name(b))
        )));
    }
    // typeobject.c's best_base: the builtin layouts under the bases must lie
    // on one line (exceptions share BaseException's here).
    let solid = |b: &Rc<Type>| -> Option<Rc<Type>> {
        let t = b.mro().into_iter().find(|c| c.kind != Kind::User)?;
        match t.kind {
            Kind::Object => None,
            Kind::Exception => Some(types.base_exception.clone()),
            _ => Some(t),
        }
    };
    let mut winner: Option<Rc<Type>> = None;
    for s in base_types.iter().filter_map(solid) {
        winner = match winner {
            None => Some(s),
            Some(w) if w.is_subtype(&s) => Some(w),
            Some(w) if s.is_subtype(&w) => Some(s),
            Some(_) => return Err(type_error("multiple bases have instance lay-out conflict")),
        };
    }
    // type_new_set_module: the caller's module.
    if protocol::dict_get_str(ns, "__module__").is_none() {
        let module = vm
            .frames
            .last()
            .and_then(|f| protocol::dict_get_str(&f.globals, "__name__"));
        if let Some(m) = module {
            protocol::dict_set_str(ns, "__module__", m);
        }
    }
    let meta = match meta {
        Some(m) => Some(m),
        None => {
            let winner = metaclass::calculate_metaclass(&types.type_, bases)?;
            (winner.kind == Kind::User).then_some(Value::Type(winner))
        }
    };
    // type_new_set_classcell & co: these are implicitly class/static methods.
    for (name, wrap_static) in [
        ("__init_subclass__", false),
        ("__class_getitem__", false),
        ("__new__", true),
    ] {
        if let Some(f @ Value::Function(_)) = protocol::dict_get_str(ns, name) {
            let wrapped = if wrap_static {
                Value::StaticMethod(Rc::new(f))
            } else {
                Value::ClassMethod(Rc::new(f))
            };
            protocol::dict_set_str(ns, name, wrapped);
        }
    }
    // A class defining __eq__ without __hash__ is unhashable (typeobject.c).
    if protocol::dict_get_str(ns, "__eq__").is_some()
        && protocol::dict_get_str(ns, "__hash__").is_none()
    {
        protocol::dict_set_str(ns, "__hash__", Value::None);
    }
    let t = Rc::new(Type::with_namespace(
        name,
        Kind::User,
        base_types,
        ns.borrow().clone(),
        meta,
    ));
    let mro = c3_mro(&t).map_err(type_error)?;
    *t.mro.borrow_mut() = mro;
    t.register_subclass();
    if let Some(Value::Str(q)) = protocol::dict_get_str(ns, "__qualname__") {
        *t.qualname.borrow_mut() = q;
    }
    slots::finish_namespace(&t);
    let class = Value::Type(t.clone());
    for (attr_name, attr) in ns.borrow().items() {
        if let Some(set_name) = protocol::user_dunder(&attr, "__set_name__") {
            vm.call(&set_name, vec![attr.clone(), class.clone(), attr_name])?;
        }
    }
    // __init_subclass__ of the nearest base that defines it (a classmethod).
    let parent_mro: Vec<Rc<Type>> = t.mro().into_iter().skip(1).collect();
    let mut ran = false;
    for p in parent_mro {
        if let Some(init_sub) = crate::vm::protocol::plain_lookup(&p, "__init_subclass__") {
            let f = match init_sub {
                Value::ClassMethod(f) => (*f).clone(),
                other => other,
            };
            vm.call_kw(&f, vec![class.clone()], kwargs.to_vec())?;
            ran = true;
            break;
        }
    }
    // object.__init_subclass__ takes no keywords (METH_NOARGS).
    if !ran && !kwargs.is_empty() {
        return Err(type_error(format!(
            "{}.__init_subclass__() takes no keyword arguments",
            t.qualname.borrow()
        )));
    }
    Ok(class)
}

pub fn new_property(args: &Args) -> Value {
    let get = |i: usize, name: &str| {
        args.positional
            .get(i)
            .or_else(|| kwarg(args, name))
            .cloned()
            .unwrap_or(Value::None)
    };
    let fget = get(0, "fget");
    let doc = match get(3, "doc") {
        Value::None => match &fget {
            Value::Function(f) => f.doc.borrow().clone(),
            _ => Value::None,
        },
        d => d,
    };
    Value::Property(Rc::new(Property {
        fget,
        fset: get(1, "fset"),
        fdel: get(2, "fdel"),
        doc,
    }))
}

pub fn new_instance_of(t: &Rc<Type>) -> Value {
    protocol::new_instance(t)
}

/// `types.FunctionType(code, globals, name=None, argdefs=None,
/// closure=None)`, as funcobject.c's `func_new`.
pub fn new_function(args: &Args) -> PyResult<Value> {
    use crate::object::function::Function;
    let param = |i: usize, name: &str| {
        args.positional
            .get(i)
            .or_else(|| kwarg(args, name))
            .filter(|v| !v.is_none())
    };
    let given = |i: usize, name: &str| {
        let v = args.positional.get(i).or_else(|| kwarg(args, name));
        v.map_or("NoneType".to_string(), |v| type_name(v).to_string())
    };
    let Some(Value::Code(code)) = param(0, "code") else {
        return Err(type_error(format!(
            "function() argument 'code' must be code, not {}",
            given(0, "code")
        )));
    };
    let Some(Value::Dict(globals)) = param(1, "globals") else {
        return Err(type_error(format!(
            "function() argument 'globals' must be dict, not {}",
            given(1, "globals")
        )));
    };
    let name: Rc<str> = match param(2, "name") {
        Some(Value::Str(s)) => s.clone(),
        Some(_) => return Err(type_error("arg 3 (name) must be None or string")),
        None => Rc::from(&*code.name),
    };
    let defaults = match param(3, "argdefs") {
        Some(Value::Tuple(t)) => Some(t.clone()),
        Some(_) => return Err(type_error("arg 4 (defaults) must be None or tuple")),
        None => None,
    };
    let closure = match param(4, "closure") {
        Some(Value::Tuple(t)) => Some(t.clone()),
        Some(_) => return Err(type_error("arg 5 (closure) must be tuple")),
        None => None,
    };
    let nfree = code.freevars().count();
    if closure.as_ref().map_or(0, |c| c.len()) != nfree {
        return Err(value_error(format!(
            "{} requires closure of length {nfree}, not {}",
            code.name,
            closure.as_ref().map_or(0, |c| c.len())
        )));
    }
    let doc = match code.consts.first() {
        Some(crate::pyc::Constant::Str(s)) => Value::str(&s.to_string_lossy()),
        _ => Value::None,
    };
    Ok(Value::Function(Rc::new(Function {
        name: RefCell::new(name.clone()),
        qualname: RefCell::new(name),
        code: RefCell::new(code.clone()),
        values: RefCell::new(None),
        globals: globals.clone(),
        defaults: RefCell::new(defaults),
        kwdefaults: RefCell::new(None),
        closure,
        annotations: RefCell::new(None),
        dict: RefCell::new(None),
        doc: RefCell::new(doc),
        module: RefCell::new(None),
    })))
}
