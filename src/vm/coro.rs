//! Coroutines and async generators: the awaitable protocol (GET_AWAITABLE,
//! GET_AITER, GET_ANEXT, BEFORE_ASYNC_WITH), the awaitables an async
//! generator hands out (`asend`/`__anext__`, `athrow`, `aclose`) and
//! `coro.__await__()`'s wrapper, resumed flat by SEND or from native code by
//! their `send`/`throw` methods, and finalization of dropped generators.
//!
//! An awaitable wraps one resumption of its generator: [`begin`] decides what
//! to do (send a value, throw an exception, or finish at once) and [`post`]
//! turns what the generator did (yield, return, raise) into what the awaiter
//! sees (a value passed up to the event loop, completion with a value, or an
//! exception), as genobject.c's `async_gen_asend_send`,
//! `async_gen_athrow_send` and `async_gen_unwrap_value` do.

use std::rc::Rc;

use crate::object::function::{m, MethodDef};

use super::eval::Flow;
use super::frame::ReturnAction;
use super::gen_throw::{self, ThrowArgs};
use super::generator::{self as gen_ops, GenResult, Resume};
use super::{protocol, Vm};
use crate::object::exception::{runtime_error, stop_iteration, type_error};
use crate::object::function::Args;
use crate::object::generator::{
    AwaitKind, AwaitState, GenAwaitable, GenKind, GenState, Generator, FINALIZERS_PENDING,
    PENDING_FINALIZERS,
};
use crate::object::types::Kind;
use crate::object::{builtin_types, PyErr, PyResult, Value};
use crate::pyc::code::flags;

/// What the generator behind an awaitable did.
pub enum Outcome {
    Yield(Value),
    Return(Value),
    Raise(PyErr),
}

/// What the awaiter of an awaitable sees.
pub enum AwaitResult {
    /// Passed up to whoever drives the coroutine (the event loop).
    Yield(Value),
    /// The await is over with this value (StopIteration(value)).
    Complete(Value),
    Raise(PyErr),
}

/// How an awaitable resumes its generator.
pub enum Begin {
    Send(Value),
    /// `athrow()`'s arguments, or GeneratorExit for `aclose()`.
    Throw(ThrowArgs),
    Done(AwaitResult),
}

const NON_INIT_CORO_MSG: &str = "can't send non-None value to a just-started coroutine";
const ASYNC_GEN_IGNORED_EXIT_MSG: &str = "async generator ignored GeneratorExit";

fn is_coroutine_like(v: &Value) -> bool {
    match v {
        Value::Generator(g) => {
            g.kind == GenKind::Coroutine
                || (g.kind == GenKind::Generator && g.code.flags & flags::ITERABLE_COROUTINE != 0)
        }
        _ => false,
    }
}

/// `_PyCoro_GetAwaitableIter`.
pub fn awaitable_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if is_coroutine_like(v) {
        return Ok(v.clone());
    }
    if let Value::GenAwaitable(a) = v {
        if !matches!(a.kind, AwaitKind::CoroWrapper) {
            return Ok(v.clone());
        }
    }
    let t = protocol::type_of(v);
    let getter = if t.kind == Kind::Coroutine {
        None
    } else {
        protocol::lookup(&t, "__await__")
    };
    let Some(getter) = getter else {
        return Err(type_error(format!(
            "object {} can't be used in 'await' expression",
            t.name
        )));
    };
    let res = vm.call(&getter, vec![v.clone()])?;
    if is_coroutine_like(&res) {
        return Err(type_error("__await__() returned a coroutine"));
    }
    if !is_iterator(&res) {
        return Err(type_error(format!(
            "__await__() returned non-iterator of type '{}'",
            protocol::type_name(&res)
        )));
    }
    Ok(res)
}

fn is_iterator(v: &Value) -> bool {
    match v {
        Value::Iterator(_) => true,
        Value::Generator(g) => g.kind == GenKind::Generator,
        Value::GenAwaitable(_) => true,
        _ => protocol::lookup(&protocol::type_of(v), "__next__").is_some(),
    }
}

fn has_await(v: &Value) -> bool {
    is_coroutine_like(v)
        || matches!(v, Value::GenAwaitable(_))
        || protocol::lookup(&protocol::type_of(v), "__await__").is_some()
}

/// GET_AWAITABLE `where` (0: await, 1: after `__aenter__`, 2: after `__aexit__`).
pub fn get_awaitable(vm: &mut Vm, v: &Value, where_: usize) -> PyResult<Value> {
    if !has_await(v) && (where_ == 1 || where_ == 2) {
        let which = if where_ == 1 {
            "__aenter__"
        } else {
            "__aexit__"
        };
        return Err(type_error(format!(
            "'async with' received an object from {which} that does not implement __await__: {}",
            protocol::type_name(v)
        )));
    }
    let it = awaitable_iter(vm, v)?;
    if let Value::Generator(g) = &it {
        if g.kind == GenKind::Coroutine && gen_ops::yield_from_target(g).is_some() {
            return Err(runtime_error("coroutine is being awaited already"));
        }
    }
    Ok(it)
}

/// GET_AITER.
pub fn get_aiter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = protocol::type_of(v);
    let Some(getter) = protocol::lookup(&t, "__aiter__") else {
        return Err(type_error(format!(
            "'async for' requires an object with __aiter__ method, got {}",
            t.name
        )));
    };
    let it = vm.call(&getter, vec![v.clone()])?;
    if protocol::lookup(&protocol::type_of(&it), "__anext__").is_none() {
        return Err(type_error(format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
            protocol::type_name(&it)
        )));
    }
    Ok(it)
}

/// GET_ANEXT.
pub fn get_anext(vm: &mut Vm, aiter: &Value) -> PyResult<Value> {
    if let Value::Generator(g) = aiter {
        if g.kind == GenKind::AsyncGenerator {
            init_asyncgen_hooks(vm, g)?;
            return Ok(asend(g, Value::None));
        }
    }
    let t = protocol::type_of(aiter);
    let Some(getter) = protocol::lookup(&t, "__anext__") else {
        return Err(type_error(format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            t.name
        )));
    };
    let next = vm.call(&getter, vec![aiter.clone()])?;
    awaitable_iter(vm, &next).map_err(|cause| {
        let err = type_error(format!(
            "'async for' received an invalid object from __anext__: {}",
            protocol::type_name(&next)
        ));
        *err.0.cause.borrow_mut() = Some(cause.value());
        *err.0.context.borrow_mut() = Some(cause.value());
        err.0.suppress_context.set(true);
        err
    })
}

/// BEFORE_ASYNC_WITH: `(bound __aexit__, bound __aenter__)`.
pub fn before_async_with(manager: &Value) -> PyResult<(Value, Value)> {
    let t = protocol::type_of(manager);
    let Some(enter) = protocol::lookup(&t, "__aenter__") else {
        return Err(type_error(format!(
            "'{}' object does not support the asynchronous context manager protocol",
            t.name
        )));
    };
    let Some(exit) = protocol::lookup(&t, "__aexit__") else {
        return Err(type_error(format!(
            "'{}' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
            t.name
        )));
    };
    Ok((bind(exit, manager), bind(enter, manager)))
}

fn bind(f: Value, receiver: &Value) -> Value {
    match f {
        Value::Function(_) => Value::BoundMethod(Rc::new(crate::object::function::BoundMethod {
            function: f,
            receiver: receiver.clone(),
        })),
        Value::Builtin(b) if b.receiver.is_none() => b.bound_to(receiver.clone()),
        other => other,
    }
}

// ------------------------------------------------------------ awaitables

pub fn asend(g: &Rc<Generator>, value: Value) -> Value {
    new_awaitable(g, AwaitKind::ASend(value))
}

/// `async_gen_init_hooks`: on an async generator's first `__anext__`,
/// `asend`, `athrow` or `aclose`, keeps `sys.set_asyncgen_hooks`'s
/// finalizer and calls its `firstiter` with the generator.
pub fn init_asyncgen_hooks(vm: &mut Vm, g: &Rc<Generator>) -> PyResult<()> {
    if g.hooks_inited.replace(true) {
        return Ok(());
    }
    if let Some(f) = vm.asyncgen_finalizer.clone() {
        *g.finalizer.borrow_mut() = Some(f);
    }
    if let Some(first) = vm.asyncgen_firstiter.clone() {
        vm.call(&first, vec![Value::Generator(g.clone())])?;
    }
    Ok(())
}

pub fn new_awaitable(g: &Rc<Generator>, kind: AwaitKind) -> Value {
    Value::GenAwaitable(Rc::new(GenAwaitable {
        gen: g.clone(),
        kind,
        state: std::cell::Cell::new(AwaitState::Init),
    }))
}

fn stop_async_iteration() -> PyErr {
    PyErr::with_args(&builtin_types().stop_async_iteration, vec![])
}

fn is_exit_like(e: &PyErr) -> bool {
    let t = builtin_types();
    e.is_instance(&t.stop_async_iteration) || e.is_instance(&t.generator_exit)
}

/// Decides how `aw.send(sent)` resumes its generator.
pub fn begin(aw: &GenAwaitable, sent: Value) -> PyResult<Begin> {
    let g = &aw.gen;
    match &aw.kind {
        AwaitKind::CoroWrapper => Ok(Begin::Send(sent)),
        AwaitKind::ASend(sendval) => {
            match aw.state.get() {
                AwaitState::Closed => {
                    return Err(runtime_error(
                        "cannot reuse already awaited __anext__()/asend()",
                    ))
                }
                AwaitState::Init => {
                    if g.running_async.get() {
                        return Err(runtime_error(
                            "anext(): asynchronous generator is already running",
                        ));
                    }
                    aw.state.set(AwaitState::Iter);
                    g.running_async.set(true);
                    if sent.is_none() {
                        return Ok(Begin::Send(sendval.clone()));
                    }
                }
                AwaitState::Iter => g.running_async.set(true),
            }
            Ok(Begin::Send(sent))
        }
        AwaitKind::AThrow(_) | AwaitKind::AClose => {
            let closing = matches!(aw.kind, AwaitKind::AClose);
            if aw.state.get() == AwaitState::Closed {
                return Err(runtime_error(
                    "cannot reuse already awaited aclose()/athrow()",
                ));
            }
            if g.state.get() == GenState::Closed {
                aw.state.set(AwaitState::Closed);
                return Ok(Begin::Done(AwaitResult::Complete(Value::None)));
            }
            if aw.state.get() == AwaitState::Init {
                if g.running_async.get() {
                    aw.state.set(AwaitState::Closed);
                    return Err(runtime_error(if closing {
                        "aclose(): asynchronous generator is already running"
                    } else {
                        "athrow(): asynchronous generator is already running"
                    }));
                }
                if g.ag_closed.get() {
                    aw.state.set(AwaitState::Closed);
                    return Err(stop_async_iteration());
                }
                if !sent.is_none() {
                    return Err(runtime_error(NON_INIT_CORO_MSG));
                }
                aw.state.set(AwaitState::Iter);
                g.running_async.set(true);
                return Ok(match &aw.kind {
                    AwaitKind::AThrow(args) => match ThrowArgs::from_args(args, "athrow") {
                        Ok(t) => Begin::Throw(t),
                        Err(e) => Begin::Done(post(aw, Outcome::Raise(e))),
                    },
                    _ => {
                        g.ag_closed.set(true);
                        Begin::Throw(ThrowArgs {
                            typ: Value::Type(builtin_types().generator_exit.clone()),
                            val: None,
                            tb: None,
                        })
                    }
                });
            }
            Ok(Begin::Send(sent))
        }
    }
}

/// What the awaiter sees after the generator did `out`.
pub fn post(aw: &GenAwaitable, out: Outcome) -> AwaitResult {
    let g = &aw.gen;
    let finish = || {
        g.running_async.set(false);
        aw.state.set(AwaitState::Closed);
    };
    match &aw.kind {
        AwaitKind::CoroWrapper => match out {
            Outcome::Yield(v) => AwaitResult::Yield(v),
            Outcome::Return(v) => AwaitResult::Complete(v),
            Outcome::Raise(e) => AwaitResult::Raise(e),
        },
        AwaitKind::ASend(_) | AwaitKind::AThrow(_) => match out {
            Outcome::Yield(Value::AsyncGenWrapped(v)) => {
                finish();
                AwaitResult::Complete((*v).clone())
            }
            Outcome::Yield(v) => AwaitResult::Yield(v),
            Outcome::Return(_) => {
                finish();
                g.ag_closed.set(true);
                AwaitResult::Raise(stop_async_iteration())
            }
            Outcome::Raise(e) => {
                finish();
                if is_exit_like(&e) {
                    g.ag_closed.set(true);
                }
                AwaitResult::Raise(e)
            }
        },
        AwaitKind::AClose => match out {
            Outcome::Yield(Value::AsyncGenWrapped(_)) => {
                finish();
                AwaitResult::Raise(runtime_error(ASYNC_GEN_IGNORED_EXIT_MSG))
            }
            Outcome::Yield(v) => AwaitResult::Yield(v),
            Outcome::Return(_) => {
                finish();
                AwaitResult::Complete(Value::None)
            }
            Outcome::Raise(e) => {
                finish();
                if is_exit_like(&e) {
                    AwaitResult::Complete(Value::None)
                } else {
                    AwaitResult::Raise(e)
                }
            }
        },
    }
}

/// What resuming a generator from native code did, as an [`Outcome`].
fn outcome(result: PyResult<GenResult>) -> Outcome {
    match result {
        Ok(GenResult::Yielded(v)) => Outcome::Yield(v),
        Ok(GenResult::Returned(v)) => Outcome::Return(v),
        Err(e) => Outcome::Raise(e),
    }
}

/// `athrow()`/`aclose()` throwing into `g` (`_gen_throw` with
/// `close_on_genexit` off: a delegate gets GeneratorExit thrown, not closed).
fn athrow_native(vm: &mut Vm, g: &Rc<Generator>, args: ThrowArgs) -> Outcome {
    outcome(gen_throw::gen_throw(vm, g, false, args))
}

/// `aw.throw(typ[, val[, tb]])` (`coro_wrapper_throw`,
/// `async_gen_asend_throw`, `async_gen_athrow_throw`): `gen.throw()` of the
/// generator behind it.
pub fn awaitable_throw(
    vm: &mut Vm,
    aw: &Rc<GenAwaitable>,
    args: ThrowArgs,
) -> PyResult<AwaitResult> {
    if aw.state.get() == AwaitState::Closed && !matches!(aw.kind, AwaitKind::CoroWrapper) {
        return Err(runtime_error(match aw.kind {
            AwaitKind::ASend(_) => "cannot reuse already awaited __anext__()/asend()",
            _ => "cannot reuse already awaited aclose()/athrow()",
        }));
    }
    let out = outcome(gen_throw::gen_throw(vm, &aw.gen, true, args));
    Ok(post(aw, out))
}

/// `aw.send(v)` / `aw.throw(e)` from native code.
pub fn awaitable_resume_native(
    vm: &mut Vm,
    aw: &Rc<GenAwaitable>,
    how: Resume,
) -> PyResult<AwaitResult> {
    let out = match how {
        Resume::Send(v) => match begin(aw, v)? {
            Begin::Done(r) => return Ok(r),
            Begin::Send(v) => outcome(gen_ops::resume(vm, &aw.gen, Resume::Send(v))),
            Begin::Throw(args) => athrow_native(vm, &aw.gen, args),
        },
        Resume::Throw(e) => return awaitable_throw(vm, aw, ThrowArgs::from_err(&e)),
    };
    Ok(post(aw, out))
}

fn to_method_result(r: AwaitResult) -> PyResult<Value> {
    match r {
        AwaitResult::Yield(v) => Ok(v),
        AwaitResult::Complete(v) => Err(stop_iteration((!v.is_none()).then_some(v))),
        AwaitResult::Raise(e) => Err(e),
    }
}

/// SEND with an awaitable receiver: resumes its generator flat when it can.
pub fn send_awaitable_flat(
    vm: &mut Vm,
    aw: &Rc<GenAwaitable>,
    value: Value,
    jump: usize,
) -> PyResult<Flow> {
    let action = || match aw.kind {
        AwaitKind::CoroWrapper => ReturnAction::GenSend { jump },
        _ => ReturnAction::AsyncGenSend {
            jump,
            awaitable: aw.clone(),
        },
    };
    let result = match begin(aw, value)? {
        Begin::Done(r) => r,
        Begin::Send(v) => match gen_ops::resume_flat(vm, &aw.gen, v, action()) {
            Ok(Some(flow)) => return Ok(flow),
            Ok(None) => post(aw, Outcome::Return(Value::None)),
            Err(e) => post(aw, Outcome::Raise(e)),
        },
        Begin::Throw(args) => {
            if gen_ops::yield_from_target(&aw.gen).is_some() {
                let out = athrow_native(vm, &aw.gen, args);
                post(aw, out)
            } else {
                let thrown = gen_throw::throw_here(vm, &args);
                match thrown.and_then(|e| gen_ops::throw_flat(vm, &aw.gen, e, action())) {
                    Ok(flow) => return flow,
                    Err(e) => post(aw, Outcome::Raise(e)),
                }
            }
        }
    };
    let frame = vm.frames.last_mut().expect("awaiting frame");
    match result {
        AwaitResult::Yield(v) => frame.stack.push(v),
        AwaitResult::Complete(v) => {
            frame.stack.pop();
            frame.stack.push(v);
            frame.ip = jump;
        }
        AwaitResult::Raise(e) => return Err(e),
    }
    Ok(Flow::Next)
}

fn this_awaitable(args: &Args) -> PyResult<Rc<GenAwaitable>> {
    match args.positional.first() {
        Some(Value::GenAwaitable(a)) => Ok(a.clone()),
        _ => Err(type_error("descriptor needs an awaitable")),
    }
}

fn this_gen(args: &Args) -> PyResult<Rc<Generator>> {
    match args.positional.first() {
        Some(Value::Generator(g)) => Ok(g.clone()),
        _ => Err(type_error("descriptor needs a generator")),
    }
}

/// Methods of `Coroutine` (kind Coroutine).
pub static COROUTINE_METHODS: &[MethodDef] = &[
    m("send", |vm, a| gen_ops::send_method(vm, &a)),
    m("throw", |vm, a| gen_throw::throw_method(vm, &a)),
    m("close", {
        |vm, a| gen_throw::close(vm, &this_gen(&a)?).map(|_| Value::None)
    }),
    m("__await__", {
        |_, a| Ok(new_awaitable(&this_gen(&a)?, AwaitKind::CoroWrapper))
    }),
];

/// Methods of `AsyncGenerator` (kind AsyncGenerator).
pub static ASYNC_GENERATOR_METHODS: &[MethodDef] = &[
    m("__aiter__", |_, a| Ok(a.positional[0].clone())),
    m("__anext__", |vm, a| {
        let g = this_gen(&a)?;
        init_asyncgen_hooks(vm, &g)?;
        Ok(asend(&g, Value::None))
    }),
    m("asend", |vm, a| {
        let g = this_gen(&a)?;
        init_asyncgen_hooks(vm, &g)?;
        match a.positional.get(1) {
            Some(v) if a.positional.len() == 2 => Ok(asend(&g, v.clone())),
            _ => Err(type_error(format!(
                "async_generator.asend() takes exactly one argument ({} given)",
                a.positional.len() - 1
            ))),
        }
    }),
    m("athrow", |vm, a| {
        let g = this_gen(&a)?;
        init_asyncgen_hooks(vm, &g)?;
        if a.positional.len() > 4 {
            return Err(type_error(format!(
                "athrow expected at most 3 arguments, got {}",
                a.positional.len() - 1
            )));
        }
        Ok(new_awaitable(
            &g,
            AwaitKind::AThrow(a.positional[1..].to_vec()),
        ))
    }),
    m("aclose", |vm, a| {
        let g = this_gen(&a)?;
        init_asyncgen_hooks(vm, &g)?;
        Ok(new_awaitable(&g, AwaitKind::AClose))
    }),
];

/// Methods of `CoroWrapper`, `AsyncGenASend`, `AsyncGenAThrow` (kind CoroWrapper | AsyncGenASend | AsyncGenAThrow).
pub static AWAITABLE_METHODS: &[MethodDef] = &[
    m("send", |vm, a| {
        let aw = this_awaitable(&a)?;
        let v = a.positional.get(1).cloned().unwrap_or(Value::None);
        to_method_result(awaitable_resume_native(vm, &aw, Resume::Send(v))?)
    }),
    m("__next__", |vm, a| {
        let aw = this_awaitable(&a)?;
        to_method_result(awaitable_resume_native(vm, &aw, Resume::Send(Value::None))?)
    }),
    m("throw", |vm, a| {
        let aw = this_awaitable(&a)?;
        let args = ThrowArgs::from_args(&a.positional[1..], "throw")?;
        to_method_result(awaitable_throw(vm, &aw, args)?)
    }),
    m("__iter__", |_, a| Ok(a.positional[0].clone())),
    m("__await__", |_, a| Ok(a.positional[0].clone())),
];

/// Methods of `CoroWrapper` (kind CoroWrapper).
pub static CORO_WRAPPER_METHODS: &[MethodDef] = &[m("close", {
    |vm, a| gen_throw::close(vm, &this_awaitable(&a)?.gen).map(|_| Value::None)
})];

/// Methods of `AsyncGenASend`, `AsyncGenAThrow` (kind AsyncGenASend | AsyncGenAThrow).
pub static ASEND_ATHROW_METHODS: &[MethodDef] = &[m("close", |_, a| {
    this_awaitable(&a)?.state.set(AwaitState::Closed);
    Ok(Value::None)
})];

/// `anext(aiterator[, default])`.
pub fn builtin_anext(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(aiter) = args.positional.first() else {
        return Err(type_error("anext expected at least 1 argument, got 0"));
    };
    if args.positional.len() > 2 {
        return Err(type_error(format!(
            "anext expected at most 2 arguments, got {}",
            args.positional.len()
        )));
    }
    let t = protocol::type_of(aiter);
    let Some(getter) = protocol::lookup(&t, "__anext__") else {
        return Err(type_error(format!(
            "'{}' object is not an async iterator",
            t.name
        )));
    };
    let awaitable = vm.call(&getter, vec![aiter.clone()])?;
    match args.positional.get(1) {
        None => Ok(awaitable),
        Some(default) => Ok(anext_with_default(vm, awaitable, default.clone())),
    }
}

/// `anext(it, default)`: an awaitable that turns StopAsyncIteration into the
/// default (CPython's `anext_awaitable`), here a small coroutine-like wrapper
/// written with a native generator state.
fn anext_with_default(_vm: &mut Vm, awaitable: Value, default: Value) -> Value {
    let t = anext_awaitable_type();
    let obj = protocol::new_instance(&t);
    if let Value::Instance(i) = &obj {
        let mut d = i.dict.borrow_mut();
        d_set(&mut d, "_awaitable", awaitable);
        d_set(&mut d, "_default", default);
    }
    obj
}

fn d_set(d: &mut crate::object::Dict, name: &str, v: Value) {
    protocol::plain_set_str(d, name, v);
}

fn d_get(v: &Value, name: &str) -> Value {
    match v {
        Value::Instance(i) => {
            protocol::plain_get_str(&i.dict.borrow(), name).unwrap_or(Value::None)
        }
        _ => Value::None,
    }
}

fn anext_awaitable_type() -> Rc<crate::object::Type> {
    thread_local! {
        static T: Rc<crate::object::Type> = {
            let t = crate::object::Type::new("anext_awaitable", Kind::User, vec![builtin_types().object.clone()]);
            let methods: [(&'static str, crate::object::function::NativeFn); 5] = [
                ("__await__", anext_await),
                ("__iter__", |_, a| Ok(a.positional[0].clone())),
                ("__next__", |vm, a| anext_step(vm, &a.positional[0], "send", vec![Value::None])),
                ("send", |vm, a| {
                    let v = a.positional.get(1).cloned().unwrap_or(Value::None);
                    anext_step(vm, &a.positional[0], "send", vec![v])
                }),
                // anextawaitable_throw: the arguments go on as given.
                ("throw", |vm, a| anext_step(vm, &a.positional[0], "throw", a.positional[1..].to_vec())),
            ];
            for (name, f) in methods {
                protocol::dict_set_str_plain(&t, name, protocol::native_method(name, f, &t));
            }
            protocol::dict_set_str_plain(&t, "__module__", Value::str("builtins"));
            t
        };
    }
    T.with(|t| t.clone())
}

fn anext_await(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = a.positional[0].clone();
    let inner = d_get(&me, "_awaitable");
    let it = awaitable_iter(vm, &inner)?;
    if let Value::Instance(i) = &me {
        let mut d = i.dict.borrow_mut();
        d_set(&mut d, "_iter", it);
    }
    Ok(me)
}

fn anext_step(vm: &mut Vm, me: &Value, method: &str, args: Vec<Value>) -> PyResult<Value> {
    let mut it = d_get(me, "_iter");
    if it.is_none() {
        anext_await(
            vm,
            Args {
                positional: std::slice::from_ref(me),
                keywords: &[],
            },
        )?;
        it = d_get(me, "_iter");
    }
    let meth = protocol::getattr(vm, &it, method)?;
    let result = vm.call(&meth, args);
    match result {
        Err(e) if e.is_instance(&builtin_types().stop_async_iteration) => {
            Err(stop_iteration(Some(d_get(me, "_default"))))
        }
        other => other,
    }
}

// ------------------------------------------------------------ finalization

thread_local! {
    static DRAINING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

impl Vm {
    /// Closes generators dropped while suspended (their `finally` blocks run)
    /// and warns about coroutines never awaited; called by the loop between
    /// instructions when [`FINALIZERS_PENDING`] is set.
    pub fn run_finalizers(&mut self) {
        if DRAINING.with(|d| d.replace(true)) {
            return;
        }
        loop {
            let batch = PENDING_FINALIZERS.with(|q| std::mem::take(&mut *q.borrow_mut()));
            let dels =
                crate::object::types::PENDING_DELS.with(|q| std::mem::take(&mut *q.borrow_mut()));
            let callbacks = crate::object::weakref::PENDING_CALLBACKS
                .with(|q| std::mem::take(&mut *q.borrow_mut()));
            FINALIZERS_PENDING.with(|f| f.set(false));
            if batch.is_empty() && dels.is_empty() && callbacks.is_empty() {
                break;
            }
            // handle_callback: an exception in one is reported, not raised.
            for (callback, reference) in callbacks {
                if let Err(e) = self.call(&callback, vec![reference]) {
                    self.write_unraisable(&e, &callback);
                }
            }
            for obj in dels {
                self.run_del(obj);
            }
            for p in batch {
                if p.state == GenState::Created && p.kind == GenKind::Coroutine {
                    self.flush_stdout();
                    let (file, line) = self
                        .frames
                        .last()
                        .map(|f| (f.code().filename.to_string(), f.line().unwrap_or(0)))
                        .unwrap_or_default();
                    eprintln!(
                        "{file}:{line}: RuntimeWarning: coroutine '{}' was never awaited\nRuntimeWarning: Enable tracemalloc to get the object allocation traceback",
                        p.qualname
                    );
                    continue;
                }
                let g = Rc::new(Generator::new(p.kind, p.code, p.name, p.qualname));
                let mut frame = p.frame;
                frame.generator = Some(Rc::downgrade(&g));
                *g.frame.borrow_mut() = Some(frame);
                g.hooks_inited.set(true);
                if let Some(finalizer) = p.finalizer {
                    // `_PyGen_Finalize`: the hook gets the (revived)
                    // generator and decides how to close it.
                    g.state.set(p.state);
                    let agen = Value::Generator(g);
                    if let Err(e) = self.call(&finalizer, vec![agen]) {
                        self.write_unraisable(&e, &finalizer);
                    }
                    continue;
                }
                g.state.set(GenState::Suspended);
                if let Err(e) = gen_throw::close(self, &g) {
                    self.write_unraisable(&e, &Value::Generator(g.clone()));
                }
                // Finalized once (PEP 442): whatever state close() left it in.
                g.state.set(GenState::Closed);
                let frame = g.frame.borrow_mut().take();
                drop(frame);
            }
        }
        DRAINING.with(|d| d.set(false));
    }

    /// Runs `obj.__del__()` for an instance whose last reference went; an
    /// exception in it is reported and ignored, as `slot_tp_finalize` does.
    fn run_del(&mut self, obj: Value) {
        let Some(del) = protocol::lookup(&protocol::type_of(&obj), "__del__") else {
            return;
        };
        let result = match &del {
            Value::Function(_) => self.call(&del, vec![obj]),
            _ => protocol::attr::bind(self, del.clone(), &obj, &protocol::type_of(&obj))
                .and_then(|bound| self.call(&bound, vec![])),
        };
        if let Err(e) = result {
            self.write_unraisable(&e, &del);
        }
    }
}
