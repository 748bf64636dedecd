//! `_functools` (Modules/_functoolsmodule.c): `reduce`, `cmp_to_key` and
//! its `functools.KeyWrapper` objects, `functools.partial`, and
//! `functools._lru_cache_wrapper` (what `lru_cache` makes), with CPython
//! 3.11's messages, reprs and pickling.

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use crate::object::exception::{attribute_error, recursion_error, type_error};
use crate::object::function::{m, Args, MethodDef};
use crate::object::native::{native_ref, tp_name};
use crate::object::{Dict, PyResult, Type, Value};
use crate::vm::protocol;
use crate::vm::Vm;

use super::itertools::bind;
use super::{functions, native_instance, native_type, new_module};

/// The module's classes, made once per thread so `type(x)` is always the
/// same class object.
pub(super) struct Types {
    pub partial: Rc<Type>,
    key_wrapper: Rc<Type>,
    lru: Rc<Type>,
    /// `kwd_mark`: the separator between positional and keyword
    /// arguments in a cache key.
    kwd_mark: Value,
}

thread_local! {
    static TYPES: OnceCell<Rc<Types>> = const { OnceCell::new() };
}

pub(super) fn types() -> Rc<Types> {
    TYPES.with(|t| t.get_or_init(|| Rc::new(make_types())).clone())
}

fn make_types() -> Types {
    let partial = native_type("partial", "functools", vec![], PARTIAL_METHODS);
    for (name, get) in [
        ("func", partial_func as crate::object::function::NativeFn),
        ("args", partial_args),
        ("keywords", partial_keywords),
    ] {
        readonly_member(&partial, name, get);
    }
    let key_wrapper = native_type("KeyWrapper", "functools", vec![], KEY_METHODS);
    protocol::dict_set_str_plain(&key_wrapper, "__hash__", Value::None);
    key_wrapper.final_class.set(true);
    // A C type without tp_dictoffset: no `__dict__`, no other attributes.
    protocol::dict_set_str_plain(&key_wrapper, "__slots__", Value::tuple(vec![]));
    let obj = Value::Property(Rc::new(crate::object::value::Property {
        fget: protocol::native("obj", key_obj_get, None),
        fset: protocol::native("obj", key_obj_set, None),
        fdel: protocol::native("obj", key_obj_set, None),
        doc: Value::None,
    }));
    protocol::dict_set_str_plain(&key_wrapper, "obj", obj);
    let lru = native_type("_lru_cache_wrapper", "functools", vec![], LRU_METHODS);
    let kwd_mark =
        protocol::new_instance_with_payload(&crate::object::builtin_types().object, Value::None);
    Types {
        partial,
        key_wrapper,
        lru,
        kwd_mark,
    }
}

/// A `T_OBJECT, READONLY` member (`PyMemberDef`): read by `get`, and
/// "readonly attribute" on assignment or deletion.
fn readonly_member(t: &Rc<Type>, name: &'static str, get: crate::object::function::NativeFn) {
    let refuse = protocol::native(
        name,
        |_, _| Err(attribute_error("readonly attribute")),
        None,
    );
    let property = crate::object::value::Property {
        fget: protocol::native(name, get, None),
        fset: refuse.clone(),
        fdel: refuse,
        doc: Value::None,
    };
    protocol::dict_set_str_plain(t, name, Value::Property(Rc::new(property)));
}

/// `_functools`, created on first import.
pub fn module() -> Value {
    let t = types();
    let mut members = vec![
        ("__doc__", Value::str("Tools that operate on functions.")),
        ("partial", Value::Type(t.partial.clone())),
        ("_lru_cache_wrapper", Value::Type(t.lru.clone())),
    ];
    members.extend(functions(&[("reduce", reduce), ("cmp_to_key", cmp_to_key)]));
    new_module("_functools", members)
}

/// Runs `f` one native level deeper, refusing to go past the recursion
/// limit (`Py_EnterRecursiveCall`): a chain of partials that cannot be
/// flattened, called or printed, must not exhaust the Rust stack.
fn nested<T>(vm: &mut Vm, place: &str, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
    if vm.native_depth > vm.recursion_limit {
        return Err(recursion_error(format!(
            "maximum recursion depth exceeded{place}"
        )));
    }
    vm.native_depth += 1;
    let r = f(vm);
    vm.native_depth -= 1;
    r
}

/// `Py_TYPE(v)->tp_name`: the dotted name of a native class, the plain
/// name of a Python subclass.
fn type_tp_name(v: &Value) -> Rc<str> {
    let t = protocol::type_of(v);
    tp_name(&t).unwrap_or_else(|| t.name.clone())
}

// ------------------------------------------------------------------ reduce

/// `reduce(function, iterable[, initial])` (functools_reduce).
fn reduce(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if !a.keywords.is_empty() {
        return Err(type_error("reduce() takes no keyword arguments"));
    }
    let n = a.positional.len();
    if n < 2 {
        return Err(type_error(format!(
            "reduce expected at least 2 arguments, got {n}"
        )));
    }
    if n > 3 {
        return Err(type_error(format!(
            "reduce expected at most 3 arguments, got {n}"
        )));
    }
    let func = &a.positional[0];
    let mut result = a.positional.get(2).cloned();
    let it = match protocol::iter(vm, &a.positional[1]) {
        Ok(it) => it,
        Err(e) if e.is_instance(&crate::object::builtin_types().type_error) => {
            return Err(type_error("reduce() arg 2 must support iteration"))
        }
        Err(e) => return Err(e),
    };
    while let Some(item) = protocol::next(vm, &it)? {
        result = Some(match result {
            None => item,
            Some(acc) => vm.call(func, vec![acc, item])?,
        });
    }
    result.ok_or_else(|| type_error("reduce() of empty iterable with no initial value"))
}

// -------------------------------------------------------------- cmp_to_key

/// A `functools.KeyWrapper` (keyobject): the comparison function and the
/// wrapped value (`None` in the wrapper `cmp_to_key` returns).
struct KeyWrapper {
    cmp: Value,
    object: RefCell<Option<Value>>,
}

fn key_of(v: &Value) -> PyResult<&KeyWrapper> {
    native_ref::<KeyWrapper>(v)
        .ok_or_else(|| type_error("descriptor requires a 'functools.KeyWrapper' object"))
}

fn cmp_to_key(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let bound = bind("cmp_to_key", a.positional, a.keywords, &["mycmp"], 1, 1)?;
    let cmp = bound[0].clone().unwrap_or(Value::None);
    Ok(native_instance(
        &types().key_wrapper,
        KeyWrapper {
            cmp,
            object: RefCell::new(None),
        },
    ))
}

static KEY_METHODS: &[MethodDef] = &[
    m("__new__", |_, _| {
        Err(type_error("cannot create 'functools.KeyWrapper' instances"))
    }),
    // keyobject_call: `K(obj)` wraps `obj` with the same function.
    m("__call__", |_, a| {
        let k = key_of(&a.positional[0])?;
        let bound = bind("K", &a.positional[1..], a.keywords, &["obj"], 1, 1)?;
        Ok(native_instance(
            &types().key_wrapper,
            KeyWrapper {
                cmp: k.cmp.clone(),
                object: RefCell::new(bound[0].clone()),
            },
        ))
    }),
    m("__lt__", |vm, a| key_compare(vm, a, 0)).o(),
    m("__le__", |vm, a| key_compare(vm, a, 1)).o(),
    m("__eq__", |vm, a| key_compare(vm, a, 2)).o(),
    m("__ne__", |vm, a| key_compare(vm, a, 3)).o(),
    m("__gt__", |vm, a| key_compare(vm, a, 4)).o(),
    m("__ge__", |vm, a| key_compare(vm, a, 5)).o(),
];

/// keyobject_richcompare: `cmp(x, y) <op> 0`.
fn key_compare(vm: &mut Vm, a: Args, op: usize) -> PyResult<Value> {
    let [this, other] = a.positional else {
        return Err(type_error("expected one argument"));
    };
    let k = key_of(this)?;
    if !protocol::type_of(other).is_subtype(&protocol::type_of(this)) {
        return Err(type_error("other argument must be K instance"));
    }
    let o = key_of(other)?;
    let (Some(x), Some(y)) = (k.object.borrow().clone(), o.object.borrow().clone()) else {
        return Err(attribute_error("object"));
    };
    let cmp = k.cmp.clone();
    let res = vm.call(&cmp, vec![x, y])?;
    protocol::compare(vm, &res, &Value::Int(0), op)
}

fn key_obj_get(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = key_of(&a.positional[0])?;
    let obj = k.object.borrow().clone();
    Ok(obj.unwrap_or(Value::None))
}

fn key_obj_set(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = key_of(&a.positional[0])?;
    *k.object.borrow_mut() = a.positional.get(1).cloned();
    Ok(Value::None)
}

// ----------------------------------------------------------------- partial

/// A `functools.partial` (partialobject): the function, the positional
/// arguments (a tuple) and the keywords (a dict, shared with
/// `p.keywords`). The instance's own dict is its `__dict__`.
struct Partial {
    func: RefCell<Value>,
    args: RefCell<Rc<[Value]>>,
    kw: RefCell<Rc<RefCell<Dict>>>,
}

fn partial_of(v: &Value) -> PyResult<&Partial> {
    native_ref::<Partial>(v)
        .ok_or_else(|| type_error("descriptor requires a 'functools.partial' object"))
}

static PARTIAL_METHODS: &[MethodDef] = &[
    m("__new__", partial_new),
    m("__call__", partial_call),
    m("__repr__", partial_repr),
    m("__reduce__", partial_reduce),
    m("__setstate__", partial_setstate).o(),
    m("__class_getitem__", |vm, a| {
        crate::builtins::generic_alias::new_alias(vm, a.positional[0].clone(), &a.positional[1])
    })
    .o()
    .class(),
];

/// `func` is a partial whose call is partial's own (CPython compares
/// `tp_call` with `partial_call`) and which has no attributes of its own:
/// its function, arguments and keywords, to be flattened into a new one.
/// A partial's function, positional arguments and keywords.
type PartialParts = (Value, Rc<[Value]>, Rc<RefCell<Dict>>);

fn flattenable(func: &Value) -> Option<PartialParts> {
    let Value::Instance(inst) = func else {
        return None;
    };
    let p = native_ref::<Partial>(func)?;
    let own = protocol::lookup(&types().partial, "__call__")?;
    let call = protocol::lookup(&protocol::type_of(func), "__call__")?;
    if !call.is(&own) || !inst.dict.borrow().is_empty() {
        return None;
    }
    let inner = p.func.borrow().clone();
    let args = p.args.borrow().clone();
    let kw = p.kw.borrow().clone();
    Some((inner, args, kw))
}

fn partial_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Some(Value::Type(cls)) = a.positional.first() else {
        return Err(type_error("partial.__new__(X): X is not a type object"));
    };
    let Some(first) = a.positional.get(1) else {
        return Err(type_error("type 'partial' takes at least one argument"));
    };
    let (func, pargs, pkw) = match flattenable(first) {
        Some((f, args, kw)) => (f, Some(args), Some(kw)),
        None => (first.clone(), None, None),
    };
    if !protocol::is_callable(&func) {
        return Err(type_error("the first argument must be callable"));
    }
    let rest = &a.positional[2..];
    let args: Rc<[Value]> = match pargs {
        Some(p) => p.iter().chain(rest).cloned().collect(),
        None => rest.into(),
    };
    let kw = Rc::new(RefCell::new(match pkw {
        Some(p) => p.borrow().clone(),
        None => Dict::new(),
    }));
    for (k, v) in a.keywords {
        protocol::dict_insert(vm, &kw, Value::Str(k.clone()), v.clone())?;
    }
    Ok(native_instance(
        cls,
        Partial {
            func: RefCell::new(func),
            args: RefCell::new(args),
            kw: RefCell::new(kw),
        },
    ))
}

/// partial_call: the stored arguments, then the call's; the call's
/// keywords override the stored ones.
fn partial_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = partial_of(&a.positional[0])?;
    let func = p.func.borrow().clone();
    let stored = p.args.borrow().clone();
    let args: Vec<Value> = stored.iter().chain(&a.positional[1..]).cloned().collect();
    let kw = p.kw.borrow().clone();
    let mut kwargs: Vec<(Rc<str>, Value)> = Vec::new();
    for (k, v) in kw.borrow().items() {
        match k {
            Value::Str(s) => kwargs.push((s, v)),
            _ => return Err(type_error("keywords must be strings")),
        }
    }
    for (k, v) in a.keywords {
        match kwargs.iter_mut().find(|(name, _)| name == k) {
            Some(slot) => slot.1 = v.clone(),
            None => kwargs.push((k.clone(), v.clone())),
        }
    }
    nested(vm, " while calling a Python object", |vm| {
        vm.call_kw(&func, args, kwargs)
    })
}

fn partial_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let this = a.positional[0].clone();
    let p = partial_of(&this)?;
    let func = p.func.borrow().clone();
    let args = p.args.borrow().clone();
    let kw = p.kw.borrow().clone();
    let text = crate::vm::ops::text::repr_guarded(vm, &this, "...", |vm| {
        nested(vm, " while getting the repr of an object", |vm| {
            let mut out = format!("{}({}", type_tp_name(&this), protocol::repr(vm, &func)?);
            for arg in args.iter() {
                out.push_str(", ");
                out.push_str(&protocol::repr(vm, arg)?);
            }
            let items = kw.borrow().items();
            for (k, v) in items {
                let key = protocol::str_of(vm, &k)?;
                let value = protocol::repr(vm, &v)?;
                out.push_str(&format!(", {key}={value}"));
            }
            out.push(')');
            Ok(out)
        })
    })?;
    Ok(Value::str(&text))
}

/// The instance's `__dict__` as `pto->dict`: None while it is empty.
fn instance_dict(v: &Value) -> Value {
    match v {
        Value::Instance(i) if !i.dict.borrow().is_empty() => Value::Dict(i.dict.clone()),
        _ => Value::None,
    }
}

fn partial_reduce(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let this = &a.positional[0];
    let p = partial_of(this)?;
    let func = p.func.borrow().clone();
    let state = Value::tuple(vec![
        func.clone(),
        Value::Tuple(p.args.borrow().clone()),
        Value::Dict(p.kw.borrow().clone()),
        instance_dict(this),
    ]);
    Ok(Value::tuple(vec![
        Value::Type(protocol::type_of(this)),
        Value::tuple(vec![func]),
        state,
    ]))
}

/// partial_setstate: `(func, args, kwds, dict)`, checked as CPython does.
fn partial_setstate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let this = &a.positional[0];
    let p = partial_of(this)?;
    let invalid = || type_error("invalid partial state");
    let Value::Tuple(state) = &a.positional[1] else {
        return Err(invalid());
    };
    let [func, fnargs, kw, dict] = &state[..] else {
        return Err(invalid());
    };
    let args_ok = matches!(fnargs, Value::Tuple(_))
        || matches!(fnargs, Value::Instance(i) if matches!(i.payload, Some(Value::Tuple(_))));
    let kw_dict = match kw {
        Value::None => Some(Rc::new(RefCell::new(Dict::new()))),
        Value::Dict(d) => Some(d.clone()),
        Value::Instance(i) => match &i.payload {
            Some(Value::Dict(d)) => Some(Rc::new(RefCell::new(d.borrow().clone()))),
            _ => None,
        },
        _ => None,
    };
    let (true, true, Some(kw)) = (protocol::is_callable(func), args_ok, kw_dict) else {
        return Err(invalid());
    };
    let args: Rc<[Value]> = match fnargs {
        Value::Tuple(t) => t.clone(),
        other => protocol::collect(vm, other)?.into(),
    };
    *p.func.borrow_mut() = func.clone();
    *p.args.borrow_mut() = args;
    *p.kw.borrow_mut() = kw;
    if let Value::Instance(i) = this {
        let items = match dict {
            Value::Dict(d) => d.borrow().clone(),
            _ => Dict::new(),
        };
        *i.dict.borrow_mut() = items;
    }
    Ok(Value::None)
}

fn partial_func(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = partial_of(&a.positional[0])?;
    let func = p.func.borrow().clone();
    Ok(func)
}

fn partial_args(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = partial_of(&a.positional[0])?;
    let args = p.args.borrow().clone();
    Ok(Value::Tuple(args))
}

fn partial_keywords(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = partial_of(&a.positional[0])?;
    let kw = p.kw.borrow().clone();
    Ok(Value::Dict(kw))
}

// ------------------------------------------------------ _lru_cache_wrapper

/// lru_cache_object: the cached function, its results by key (a dict in
/// least- to most-recently-used order), the bound (`None`: unbounded, 0:
/// no caching) and the statistics.
struct LruCache {
    func: Value,
    maxsize: Option<usize>,
    typed: bool,
    info_type: Value,
    cache: Rc<RefCell<Dict>>,
    hits: std::cell::Cell<i64>,
    misses: std::cell::Cell<i64>,
}

fn lru_of(v: &Value) -> PyResult<&LruCache> {
    native_ref::<LruCache>(v)
        .ok_or_else(|| type_error("descriptor requires a 'functools._lru_cache_wrapper' object"))
}

static LRU_METHODS: &[MethodDef] = &[
    m("__new__", lru_new),
    m("__call__", lru_call),
    // A method descriptor, as a function is (lru_cache_descr_get).
    m("__get__", |_, a| match a.positional {
        [this] | [this, Value::None] | [this, Value::None, _] => Ok(this.clone()),
        [this, obj, ..] => Ok(Value::BoundMethod(Rc::new(
            crate::object::function::BoundMethod {
                function: this.clone(),
                receiver: obj.clone(),
            },
        ))),
        [] => Err(type_error("expected at least 1 argument, got 0")),
    }),
    m("cache_info", |vm, a| {
        let c = lru_of(&a.positional[0])?;
        let size = c.cache.borrow().len() as i64;
        let maxsize = c.maxsize.map_or(Value::None, |n| Value::Int(n as i64));
        let info = c.info_type.clone();
        let args = vec![
            Value::Int(c.hits.get()),
            Value::Int(c.misses.get()),
            maxsize,
            Value::Int(size),
        ];
        vm.call(&info, args)
    }),
    m("cache_clear", |_, a| {
        let c = lru_of(&a.positional[0])?;
        c.hits.set(0);
        c.misses.set(0);
        // Taken out first: dropping the results may run Python code.
        let old = std::mem::take(&mut *c.cache.borrow_mut());
        drop(old);
        Ok(Value::None)
    }),
    // Pickled by reference, as the function it replaces.
    m("__reduce__", |vm, a| {
        protocol::getattr(vm, &a.positional[0], "__qualname__")
    }),
    m("__copy__", |_, a| Ok(a.positional[0].clone())),
    m("__deepcopy__", |_, a| Ok(a.positional[0].clone())).o(),
];

fn lru_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Some(Value::Type(cls)) = a.positional.first() else {
        return Err(type_error(
            "_lru_cache_wrapper.__new__(X): X is not a type object",
        ));
    };
    let bound = bind(
        "lru_cache",
        &a.positional[1..],
        a.keywords,
        &["user_function", "maxsize", "typed", "cache_info_type"],
        4,
        4,
    )?;
    let arg = |i: usize| bound[i].clone().unwrap_or(Value::None);
    let func = arg(0);
    if !protocol::is_callable(&func) {
        return Err(type_error("the first argument must be callable"));
    }
    let maxsize = match arg(1) {
        Value::None => None,
        m @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => {
            Some(crate::vm::protocol::number::as_ssize_overflow(vm, &m)?.max(0) as usize)
        }
        m if matches!(&m, Value::Instance(_))
            && protocol::lookup(&protocol::type_of(&m), "__index__").is_some() =>
        {
            Some(crate::vm::protocol::number::as_ssize_overflow(vm, &m)?.max(0) as usize)
        }
        _ => return Err(type_error("maxsize should be integer or None")),
    };
    let typed = protocol::truthy(vm, &arg(2))?;
    Ok(native_instance(
        cls,
        LruCache {
            func,
            maxsize,
            typed,
            info_type: arg(3),
            cache: Rc::new(RefCell::new(Dict::new())),
            hits: std::cell::Cell::new(0),
            misses: std::cell::Cell::new(0),
        },
    ))
}

/// lru_cache_make_key: one exact int or str argument is its own key;
/// otherwise the arguments, `kwd_mark` and the keyword pairs, and with
/// `typed` the types of all the values.
fn make_key(args: &[Value], kwargs: &[(Rc<str>, Value)], typed: bool) -> Value {
    if !typed && kwargs.is_empty() {
        if let [one @ (Value::Int(_) | Value::BigInt(_) | Value::Str(_))] = args {
            return one.clone();
        }
        return Value::tuple(args.to_vec());
    }
    let mut key: Vec<Value> = args.to_vec();
    if !kwargs.is_empty() {
        key.push(types().kwd_mark.clone());
        for (k, v) in kwargs {
            key.push(Value::Str(k.clone()));
            key.push(v.clone());
        }
    }
    if typed {
        for v in args {
            key.push(Value::Type(protocol::type_of(v)));
        }
        for (_, v) in kwargs {
            key.push(Value::Type(protocol::type_of(v)));
        }
    }
    Value::tuple(key)
}

fn lru_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let this = &a.positional[0];
    let c = lru_of(this)?;
    let args = &a.positional[1..];
    let func = c.func.clone();
    if c.maxsize == Some(0) {
        c.misses.set(c.misses.get() + 1);
        return vm.call_kw(&func, args.to_vec(), a.keywords.to_vec());
    }
    let key = make_key(args, a.keywords, c.typed);
    let cache = c.cache.clone();
    if let Some(hit) = protocol::dict_lookup(vm, &cache, &key)? {
        c.hits.set(c.hits.get() + 1);
        if c.maxsize.is_some() {
            // Most recently used goes last.
            protocol::dict_remove(vm, &cache, &key)?;
            protocol::dict_insert(vm, &cache, key, hit.clone())?;
        }
        return Ok(hit);
    }
    c.misses.set(c.misses.get() + 1);
    let result = vm.call_kw(&func, args.to_vec(), a.keywords.to_vec())?;
    // The call may have filled the same key (a recursive call): keep that.
    if protocol::dict_lookup(vm, &cache, &key)?.is_some() {
        return Ok(result);
    }
    if let Some(max) = c.maxsize {
        while cache.borrow().len() >= max {
            let oldest = cache.borrow().iter().next().map(|e| e.key.clone());
            match oldest {
                Some(old) => {
                    protocol::dict_remove(vm, &cache, &old)?;
                }
                None => break,
            }
        }
    }
    protocol::dict_insert(vm, &cache, key, result.clone())?;
    Ok(result)
}
