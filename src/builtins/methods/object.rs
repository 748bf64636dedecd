//! `object` and `type`: their methods (typeobject.c), and
//! `BaseException`'s (exceptions.c).

use super::*;

/// Methods of `Object` (kind Object).
pub static OBJECT_METHODS: &[MethodDef] = &[
    m("__dir__", |_, a| {
        let mut seen = std::collections::HashSet::new();
        let names = super::super::functions::default_dir(&a.positional[0])
            .into_iter()
            .filter(|n| seen.insert(n.clone()))
            .map(|n| Value::str(&n))
            .collect();
        Ok(Value::list(names))
    }),
    m("__subclasshook__", |_, _| Ok(Value::NotImplemented)).class(),
    m("__reduce_ex__", |vm, a| {
        super::super::reduce::reduce_ex(vm, &a)
    })
    .o(),
    m("__reduce__", |vm, a| {
        super::super::reduce::common_reduce(vm, &a.positional[0], 0)
    }),
    m("__getstate__", |vm, a| {
        super::super::reduce::getstate(vm, &a.positional[0])
    }),
    m("__init__", |_, _| Ok(Value::None)),
    m("__new__", object_new),
    m("__sizeof__", crate::builtins::sizeof::object_sizeof),
    m("__setattr__", object_setattr).at_least(2),
    m("__getattribute__", object_getattribute).at_least(1),
    m("__delattr__", |vm, a| {
        protocol::generic_delattr(vm, &a.positional[0], &protocol::str_arg(&a.positional[1])?)?;
        Ok(Value::None)
    })
    .at_least(1),
    m("__eq__", |_, a| {
        Ok(if a.positional[0].is(&a.positional[1]) {
            Value::Bool(true)
        } else {
            Value::NotImplemented
        })
    })
    .at_least(1),
    m("__ne__", |_, a| {
        Ok(if a.positional[0].is(&a.positional[1]) {
            Value::Bool(false)
        } else {
            Value::NotImplemented
        })
    })
    .at_least(1),
    m("__hash__", |_, a| {
        Ok(Value::Int((a.positional[0].id() >> 4) as i64))
    }),
    m("__repr__", |vm, a| {
        let v = &a.positional[0];
        let t = protocol::type_of(v);
        let module = protocol::lookup(&t, "__module__")
            .map(|m| protocol::str_of(vm, &m))
            .transpose()?
            .unwrap_or_default();
        Ok(Value::str(&format!(
            "<{module}.{} object at {:#x}>",
            t.qualname.borrow(),
            v.id()
        )))
    }),
    m("__str__", |vm, a| {
        Ok(Value::str(&protocol::repr(vm, &a.positional[0])?))
    }),
    m("__init_subclass__", |vm, a| {
        if !a.keywords.is_empty() {
            let name = protocol::getattr(vm, &a.positional[0], "__qualname__")
                .and_then(|n| protocol::str_of(vm, &n))
                .unwrap_or_default();
            return Err(type_error(format!(
                "{name}.__init_subclass__() takes no keyword arguments"
            )));
        }
        Ok(Value::None)
    })
    .class(),
    m("__format__", |vm, a| {
        let spec = protocol::str_arg(a.positional.get(1).unwrap_or(&Value::str("")))?;
        if !spec.is_empty() {
            return Err(type_error(format!(
                "unsupported format string passed to {}.__format__",
                type_name(&a.positional[0])
            )));
        }
        Ok(Value::str(&protocol::str_of(vm, &a.positional[0])?))
    }),
];

/// Methods of `Type` (kind Type).
pub static TYPE_METHODS: &[MethodDef] = &[
    m("__repr__", |vm, a| match &a.positional[0] {
        Value::Type(t) => Ok(Value::str(&ops::text::type_repr(vm, t)?)),
        other => Err(type_error(format!(
            "descriptor '__repr__' requires a 'type' object but received a '{}'",
            type_name(other)
        ))),
    }),
    // type.__prepare__(name, bases, **kwds): the namespace a class body
    // fills, a plain dict.
    m("__prepare__", |_, _| Ok(protocol::new_dict())).class(),
    m("__new__", crate::builtins::metaclass::type_new_method),
    m("__init__", crate::builtins::metaclass::type_init_method),
    m("__call__", crate::builtins::metaclass::type_call_method),
    m("mro", |_, a| match &a.positional[0] {
        Value::Type(t) => Ok(Value::list(t.mro().into_iter().map(Value::Type).collect())),
        _ => Err(type_error("mro() needs a type")),
    }),
    m("__subclasses__", |_, a| match a.positional.first() {
        Some(Value::Type(t)) => Ok(Value::list(
            t.live_subclasses().into_iter().map(Value::Type).collect(),
        )),
        _ => Err(type_error(
            "unbound method type.__subclasses__() needs an argument",
        )),
    }),
];

pub(super) fn object_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.positional.first() {
        Some(Value::Type(t)) => {
            // tp_new_wrapper's safety check: past the classes with a
            // Python `__new__`, the first class must make its instances
            // with object's constructor, not a builtin type's own.
            let static_base = t.mro().into_iter().find(|c| {
                !(c.kind == Kind::User && protocol::plain_lookup(c, "__new__").is_some())
            });
            if let Some(base) = static_base.filter(|b| b.base_kind() != Kind::Object) {
                return Err(type_error(format!(
                    "object.__new__({}) is not safe, use {}.__new__()",
                    t.name, base.name
                )));
            }
            super::super::new_object(vm, t, &args.positional[1..], args.keywords)
        }
        _ => Err(type_error("object.__new__(X): X is not a type object")),
    }
}

pub(super) fn object_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = protocol::str_arg(&args.positional[1])?;
    protocol::generic_setattr(vm, &args.positional[0], &name, args.positional[2].clone())?;
    Ok(Value::None)
}

pub(super) fn object_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = protocol::str_arg(&args.positional[1])?;
    protocol::generic_getattr(vm, &args.positional[0], &name)
}

/// Methods of `Exception` (kind Exception).
pub static EXCEPTION_METHODS: &[MethodDef] = &[
    m("with_traceback", |_, a| Ok(a.positional[0].clone())),
    m("add_note", exception_add_note).o(),
    m("__init__", exception_init),
    m("__str__", {
        |vm, a| Ok(Value::str(&protocol::str_of(vm, &a.positional[0])?))
    }),
];

pub(super) fn exception_add_note(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = &args.positional[0];
    let notes = match protocol::getattr(vm, exc, "__notes__") {
        Ok(n) => n,
        Err(_) => {
            let n = Value::list(vec![]);
            protocol::setattr(vm, exc, "__notes__", n.clone())?;
            n
        }
    };
    if let Value::List(l) = notes {
        l.borrow_mut().push(args.positional[1].clone());
    }
    Ok(Value::None)
}

pub(super) fn exception_init(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Value::Exception(e) = &args.positional[0] {
        *e.args.borrow_mut() = Rc::from(args.positional[1..].to_vec());
    }
    Ok(Value::None)
}
