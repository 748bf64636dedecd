//! `_contextvars` (Python/context.c): `ContextVar`, `Token`, `Context` and
//! `copy_context`, with CPython 3.11's messages and reprs. A context's
//! variables are an immutable mapping shared copy-on-write (CPython uses a
//! HAMT), keyed by the variable's identity; the current context lives on
//! the VM (`Vm::context`), which `Context.run` switches.

use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;

use crate::object::exception::{key_error, runtime_error, type_error, value_error, PyErr};
use crate::object::function::{m, Args, MethodDef};
use crate::object::native::native_ref;
use crate::object::{builtin_types, PyResult, Type, Value};
use crate::vm::protocol;
use crate::vm::Vm;

use super::{functions, getset, native_getsets, native_instance, native_type, new_module};

/// The variables of a context: (variable, value) pairs, shared until one
/// of the contexts holding them changes.
type Vars = Rc<Vec<(Value, Value)>>;

struct Types {
    var: Rc<Type>,
    token: Rc<Type>,
    context: Rc<Type>,
    missing: Value,
}

thread_local! {
    static TYPES: OnceCell<Rc<Types>> = const { OnceCell::new() };
}

fn types() -> Rc<Types> {
    TYPES.with(|t| t.get_or_init(|| Rc::new(make_types())).clone())
}

fn make_types() -> Types {
    let var = native_type("ContextVar", "_contextvars", vec![], VAR_METHODS);
    native_getsets(&var, &[getset("name", var_name)]);
    var.final_class.set(true);
    let token = native_type("Token", "_contextvars", vec![], TOKEN_METHODS);
    native_getsets(
        &token,
        &[
            getset("var", token_var),
            getset("old_value", token_old_value),
        ],
    );
    token.final_class.set(true);
    let context = native_type("Context", "_contextvars", vec![], CONTEXT_METHODS);
    protocol::dict_set_str_plain(&context, "__hash__", Value::None);
    context.final_class.set(true);
    let missing_type = native_type("Token.MISSING", "_contextvars", vec![], MISSING_METHODS);
    let missing = native_instance(&missing_type, ());
    protocol::dict_set_str_plain(&token, "MISSING", missing.clone());
    for t in [&var, &token, &context] {
        protocol::dict_set_str_plain(t, "__module__", Value::str("_contextvars"));
    }
    Types {
        var,
        token,
        context,
        missing,
    }
}

/// `_contextvars`, created on first import.
pub fn module() -> Value {
    let t = types();
    let mut members = vec![
        ("ContextVar", Value::Type(t.var.clone())),
        ("Token", Value::Type(t.token.clone())),
        ("Context", Value::Type(t.context.clone())),
    ];
    members.extend(functions(&[("copy_context", copy_context)]));
    new_module("_contextvars", members)
}

// ------------------------------------------------------------------ Context

struct Context {
    vars: RefCell<Vars>,
    entered: Cell<bool>,
    /// The context that was current when this one was entered.
    prev: RefCell<Option<Value>>,
}

fn new_context(vars: Vars) -> Value {
    native_instance(
        &types().context,
        Context {
            vars: RefCell::new(vars),
            entered: Cell::new(false),
            prev: RefCell::new(None),
        },
    )
}

fn context_of(v: &Value) -> PyResult<&Context> {
    native_ref::<Context>(v)
        .ok_or_else(|| type_error("descriptor requires a '_contextvars.Context' object"))
}

/// `context_get`: the current context, made (empty) on first use.
fn current(vm: &mut Vm) -> Value {
    if let Some(c) = &vm.context {
        return c.clone();
    }
    let c = new_context(Rc::new(Vec::new()));
    if let Some(ctx) = native_ref::<Context>(&c) {
        ctx.entered.set(true);
    }
    vm.context = Some(c.clone());
    c
}

fn current_vars(vm: &mut Vm) -> Vars {
    let c = current(vm);
    native_ref::<Context>(&c).map_or_else(|| Rc::new(Vec::new()), |ctx| ctx.vars.borrow().clone())
}

fn find(vars: &[(Value, Value)], var: &Value) -> Option<Value> {
    vars.iter().find(|(k, _)| k.is(var)).map(|(_, v)| v.clone())
}

fn copy_context(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(new_context(current_vars(vm)))
}

fn object_repr(v: &Value, what: &str) -> String {
    format!("<{what} object at {:#x}>", v.id())
}

fn need_var(v: &Value) -> PyResult<()> {
    if native_ref::<ContextVar>(v).is_none() {
        return Err(type_error(format!(
            "a ContextVar key was expected, got {}",
            repr_plain(v)
        )));
    }
    Ok(())
}

/// A repr for messages that cannot run Python code (ints, strs, ...).
fn repr_plain(v: &Value) -> String {
    match v {
        Value::Int(i) => i.to_string(),
        Value::Str(s) => format!("'{s}'"),
        Value::None => "None".into(),
        other => format!(
            "<{} object at {:#x}>",
            protocol::type_name(other),
            other.id()
        ),
    }
}

static CONTEXT_METHODS: &[MethodDef] = &[
    m("__new__", |_, a| {
        if a.positional.len() > 1 || !a.keywords.is_empty() {
            return Err(type_error("Context() does not accept any arguments"));
        }
        Ok(new_context(Rc::new(Vec::new())))
    }),
    m("__getitem__", |_, a| {
        let ctx = context_of(&a.positional[0])?;
        let key = &a.positional[1];
        need_var(key)?;
        let found = find(&ctx.vars.borrow(), key);
        found.ok_or_else(|| key_error(key.clone()))
    })
    .o(),
    m("get", |_, a| {
        let ctx = context_of(&a.positional[0])?;
        let bound = super::clinic_bind(
            "get",
            &a.positional[1..],
            a.keywords,
            &["key", "default"],
            1,
            2,
        )?;
        let key = bound[0].clone().unwrap_or(Value::None);
        need_var(&key)?;
        let found = find(&ctx.vars.borrow(), &key);
        Ok(found.or_else(|| bound[1].clone()).unwrap_or(Value::None))
    })
    .at_least(1),
    m("__contains__", |_, a| {
        let ctx = context_of(&a.positional[0])?;
        let key = &a.positional[1];
        need_var(key)?;
        let found = find(&ctx.vars.borrow(), key).is_some();
        Ok(Value::Bool(found))
    })
    .o(),
    m("__len__", |_, a| {
        Ok(Value::Int(
            context_of(&a.positional[0])?.vars.borrow().len() as i64,
        ))
    }),
    m("__iter__", |vm, a| {
        let keys = context_part(&a.positional[0], 0)?;
        protocol::iter(vm, &keys)
    }),
    m("keys", |vm, a| {
        let keys = context_part(&a.positional[0], 0)?;
        protocol::iter(vm, &keys)
    }),
    m("values", |vm, a| {
        let values = context_part(&a.positional[0], 1)?;
        protocol::iter(vm, &values)
    }),
    m("items", |vm, a| {
        let items = context_part(&a.positional[0], 2)?;
        protocol::iter(vm, &items)
    }),
    m("copy", |_, a| {
        let vars = context_of(&a.positional[0])?.vars.borrow().clone();
        Ok(new_context(vars))
    }),
    m("__eq__", |vm, a| {
        let this = context_of(&a.positional[0])?;
        let Some(other) = native_ref::<Context>(&a.positional[1]) else {
            return Ok(Value::NotImplemented);
        };
        let (x, y) = (this.vars.borrow().clone(), other.vars.borrow().clone());
        if x.len() != y.len() {
            return Ok(Value::Bool(false));
        }
        for (k, v) in x.iter() {
            match find(&y, k) {
                Some(w) if protocol::eq(vm, v, &w)? => {}
                _ => return Ok(Value::Bool(false)),
            }
        }
        Ok(Value::Bool(true))
    })
    .o(),
    m("run", context_run).at_least(1),
];

/// The keys (0), values (1) or items (2) of a context, as a list.
fn context_part(v: &Value, which: u8) -> PyResult<Value> {
    let vars = context_of(v)?.vars.borrow().clone();
    Ok(Value::list(
        vars.iter()
            .map(|(k, v)| match which {
                0 => k.clone(),
                1 => v.clone(),
                _ => Value::tuple(vec![k.clone(), v.clone()]),
            })
            .collect(),
    ))
}

/// `Context.run(callable, *args, **kwargs)`: enters the context, calls,
/// leaves it whatever happened.
fn context_run(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let this = a.positional[0].clone();
    let ctx = context_of(&this)?;
    let Some(func) = a.positional.get(1) else {
        return Err(type_error("run() missing 1 required positional argument"));
    };
    if ctx.entered.get() {
        return Err(runtime_error(format!(
            "cannot enter context: {} is already entered",
            object_repr(&this, "_contextvars.Context")
        )));
    }
    let prev = current(vm);
    *ctx.prev.borrow_mut() = Some(prev);
    ctx.entered.set(true);
    vm.context = Some(this.clone());
    let r = vm.call_kw(func, a.positional[2..].to_vec(), a.keywords.to_vec());
    vm.context = ctx.prev.borrow_mut().take();
    ctx.entered.set(false);
    r
}

// --------------------------------------------------------------- ContextVar

struct ContextVar {
    name: Value,
    default: Option<Value>,
}

fn var_of(v: &Value) -> PyResult<&ContextVar> {
    native_ref::<ContextVar>(v)
        .ok_or_else(|| type_error("descriptor requires a '_contextvars.ContextVar' object"))
}

fn var_name(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(var_of(&a.positional[0])?.name.clone())
}

static VAR_METHODS: &[MethodDef] = &[
    m("__new__", |_, a| {
        let bound = super::clinic_bind(
            "ContextVar",
            &a.positional[1..],
            a.keywords,
            &["name", "default"],
            1,
            1,
        )?;
        let name = bound[0].clone().unwrap_or(Value::None);
        if !matches!(name, Value::Str(_)) {
            return Err(type_error("context variable name must be a str"));
        }
        Ok(native_instance(
            &types().var,
            ContextVar {
                name,
                default: bound[1].clone(),
            },
        ))
    }),
    m("get", |vm, a| {
        let this = &a.positional[0];
        let var = var_of(this)?;
        if !a.keywords.is_empty() {
            return Err(type_error("get() takes no keyword arguments"));
        }
        if a.positional.len() > 2 {
            return Err(type_error(format!(
                "get expected at most 1 argument, got {}",
                a.positional.len() - 1
            )));
        }
        if let Some(v) = find(&current_vars(vm), this) {
            return Ok(v);
        }
        if let Some(d) = a.positional.get(1).or(var.default.as_ref()) {
            return Ok(d.clone());
        }
        Err(PyErr::with_args(
            &builtin_types().lookup_error,
            vec![this.clone()],
        ))
    }),
    m("set", |vm, a| {
        let this = a.positional[0].clone();
        var_of(&this)?;
        let value = a.positional[1].clone();
        let ctx_value = current(vm);
        let ctx = context_of(&ctx_value)?;
        let old = find(&ctx.vars.borrow(), &this);
        set_var(ctx, &this, Some(value));
        Ok(native_instance(
            &types().token,
            Token {
                context: ctx_value.clone(),
                var: this,
                old,
                used: Cell::new(false),
            },
        ))
    })
    .o(),
    m("reset", var_reset).o(),
    m("__repr__", |vm, a| {
        let this = &a.positional[0];
        let var = var_of(this)?;
        let mut s = format!("<ContextVar name={}", protocol::repr(vm, &var.name)?);
        if let Some(d) = &var.default {
            s.push_str(&format!(" default={}", protocol::repr(vm, d)?));
        }
        s.push_str(&format!(" at {:#x}>", this.id()));
        Ok(Value::str(&s))
    }),
    m("__class_getitem__", |vm, a| {
        crate::builtins::generic_alias::new_alias(vm, a.positional[0].clone(), &a.positional[1])
    })
    .o()
    .class(),
];

/// Sets (or, with `None`, removes) `var` in the context, copying the
/// shared variables first.
fn set_var(ctx: &Context, var: &Value, value: Option<Value>) {
    let mut vars = ctx.vars.borrow_mut();
    let list = Rc::make_mut(&mut vars);
    let at = list.iter().position(|(k, _)| k.is(var));
    match (at, value) {
        (Some(i), Some(v)) => list[i].1 = v,
        (None, Some(v)) => list.push((var.clone(), v)),
        (Some(i), None) => {
            list.remove(i);
        }
        (None, None) => {}
    }
}

fn var_reset(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let this = &a.positional[0];
    var_of(this)?;
    let token_value = &a.positional[1];
    let Some(token) = native_ref::<Token>(token_value) else {
        return Err(type_error(format!(
            "expected an instance of Token, got {}",
            protocol::repr(vm, token_value)?
        )));
    };
    if token.used.get() {
        return Err(runtime_error(format!(
            "{} has already been used once",
            protocol::repr(vm, token_value)?
        )));
    }
    if !token.var.is(this) {
        return Err(value_error(format!(
            "{} was created by a different ContextVar",
            protocol::repr(vm, token_value)?
        )));
    }
    let ctx_value = current(vm);
    if !token.context.is(&ctx_value) {
        return Err(value_error(format!(
            "{} was created in a different Context",
            protocol::repr(vm, token_value)?
        )));
    }
    token.used.set(true);
    let ctx = context_of(&ctx_value)?;
    if token.old.is_none() && find(&ctx.vars.borrow(), this).is_none() {
        return Err(PyErr::with_args(
            &builtin_types().lookup_error,
            vec![this.clone()],
        ));
    }
    set_var(ctx, this, token.old.clone());
    Ok(Value::None)
}

// -------------------------------------------------------------------- Token

struct Token {
    context: Value,
    var: Value,
    /// The variable's value before `set` (`None`: it had none).
    old: Option<Value>,
    used: Cell<bool>,
}

fn token_of(v: &Value) -> PyResult<&Token> {
    native_ref::<Token>(v)
        .ok_or_else(|| type_error("descriptor requires a '_contextvars.Token' object"))
}

fn token_var(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(token_of(&a.positional[0])?.var.clone())
}

fn token_old_value(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let t = token_of(&a.positional[0])?;
    Ok(t.old.clone().unwrap_or_else(|| types().missing.clone()))
}

static TOKEN_METHODS: &[MethodDef] = &[
    m("__new__", |_, _| {
        Err(runtime_error("Tokens can only be created by ContextVars"))
    }),
    m("__repr__", |vm, a| {
        let this = &a.positional[0];
        let t = token_of(this)?;
        Ok(Value::str(&format!(
            "<Token{} var={} at {:#x}>",
            if t.used.get() { " used" } else { "" },
            protocol::repr(vm, &t.var)?,
            this.id()
        )))
    }),
    m("__class_getitem__", |vm, a| {
        crate::builtins::generic_alias::new_alias(vm, a.positional[0].clone(), &a.positional[1])
    })
    .o()
    .class(),
];

static MISSING_METHODS: &[MethodDef] = &[m("__repr__", |_, _| Ok(Value::str("<Token.MISSING>")))];
