//! `throw()` and `close()` of generators and coroutines, down a `yield from`
//! / `await` chain, as genobject.c's `_gen_throw`, `gen_close` and
//! `gen_close_iter` do them.
//!
//! The arguments of `throw(typ[, val[, tb]])` travel down the chain as given
//! ([`ThrowArgs`]): a delegate that is not a generator gets them unchanged
//! (a class stays a class), and the exception is made only where it is
//! raised ([`throw_here`]). A delegate that finishes is popped from the
//! delegating frame's stack, which continues after its SEND loop with the
//! result or raises the delegate's exception there; a delegate whose
//! `close()` fails leaves the delegating frame where it is and the failure
//! is raised at the `yield from`.

use std::rc::Rc;

use super::generator::{kind_label, resume, yield_from_target, GenResult, Resume};
use super::{protocol, Vm};
use crate::bytecode::{Op, Opcode};
use crate::object::exception::{runtime_error, type_error};
use crate::object::generator::{GenKind, GenState, Generator};
use crate::object::{builtin_types, PyErr, PyResult, Value};

/// `throw(typ[, val[, tb]])`'s arguments, `None` where not given.
#[derive(Clone)]
pub struct ThrowArgs {
    pub typ: Value,
    pub val: Option<Value>,
    pub tb: Option<Value>,
}

impl ThrowArgs {
    /// From a call's arguments (after the receiver): one to three of them.
    pub fn from_args(args: &[Value], method: &str) -> PyResult<ThrowArgs> {
        match args {
            [] => Err(type_error(format!(
                "{method} expected at least 1 argument, got 0"
            ))),
            [typ] => Ok(ThrowArgs {
                typ: typ.clone(),
                val: None,
                tb: None,
            }),
            [typ, val] => Ok(ThrowArgs {
                typ: typ.clone(),
                val: Some(val.clone()),
                tb: None,
            }),
            [typ, val, tb] => Ok(ThrowArgs {
                typ: typ.clone(),
                val: Some(val.clone()),
                tb: Some(tb.clone()),
            }),
            _ => Err(type_error(format!(
                "{method} expected at most 3 arguments, got {}",
                args.len()
            ))),
        }
    }

    /// An exception already made, thrown as `throw(exc)`.
    pub fn from_err(err: &PyErr) -> ThrowArgs {
        ThrowArgs {
            typ: err.value(),
            val: None,
            tb: None,
        }
    }

    /// The arguments a delegate's `throw` method gets: the given ones, up to
    /// the first one missing (`PyObject_CallFunctionObjArgs` stops at NULL).
    fn call_args(&self) -> Vec<Value> {
        let mut args = vec![self.typ.clone()];
        if let Some(val) = &self.val {
            args.push(val.clone());
            if let Some(tb) = &self.tb {
                args.push(tb.clone());
            }
        }
        args
    }

    /// `PyErr_GivenExceptionMatches(typ, GeneratorExit)`.
    fn is_generator_exit(&self) -> bool {
        let exit = &builtin_types().generator_exit;
        match &self.typ {
            Value::Type(t) => t.is_subtype(exit),
            Value::Exception(e) => e.class.is_subtype(exit),
            _ => false,
        }
    }
}

/// The exception `throw()` raises where it lands (`_gen_throw`'s
/// `throw_here`): `Ok` with the exception to raise in the generator (which
/// may be the error of making it, as `PyErr_NormalizeException` leaves it),
/// `Err` when the arguments are unusable and the generator is not resumed.
pub fn throw_here(vm: &mut Vm, args: &ThrowArgs) -> Result<PyErr, PyErr> {
    let tb = args.tb.as_ref().filter(|tb| !tb.is_none());
    if let Some(tb) = tb {
        if protocol::type_of(tb).name.as_ref() != "traceback" {
            return Err(type_error(
                "throw() third argument must be a traceback object",
            ));
        }
    }
    let val = args.val.clone().unwrap_or(Value::None);
    match &args.typ {
        Value::Type(t) if t.is_subtype(&builtin_types().base_exception) => {
            let made = match val {
                Value::Exception(e) if e.class.is_subtype(t) => Ok(PyErr(e)),
                Value::None => super::ops::make_exception(vm, args.typ.clone()),
                Value::Tuple(items) => vm
                    .call(&args.typ, items.to_vec())
                    .and_then(|v| super::ops::make_exception(vm, v)),
                other => vm
                    .call(&args.typ, vec![other])
                    .and_then(|v| super::ops::make_exception(vm, v)),
            };
            Ok(made.unwrap_or_else(|e| e))
        }
        Value::Exception(e) => {
            if !val.is_none() {
                return Err(type_error(
                    "instance exception may not have a separate value",
                ));
            }
            Ok(PyErr(e.clone()))
        }
        other => Err(type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            protocol::type_name(other)
        ))),
    }
}

/// `getattr(obj, name)`, with `None` for an AttributeError
/// (`_PyObject_LookupAttr`).
fn lookup_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    match protocol::getattr(vm, obj, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is_instance(&builtin_types().attribute_error) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Runs `f` with `gen` marked running, as `_gen_throw` and `gen_close` do
/// while a delegate handles the exception (so that resuming `gen` from there
/// is "generator already executing").
fn while_running<T>(gen: &Generator, f: impl FnOnce() -> T) -> T {
    let state = gen.state.replace(GenState::Running);
    let result = f();
    if gen.state.get() == GenState::Running {
        gen.state.set(state);
    }
    result
}

/// Whether a delegate is a generator or coroutine proper, whose throw and
/// close are called directly (`PyGen_CheckExact || PyCoro_CheckExact`).
fn as_generator(yf: &Value) -> Option<&Rc<Generator>> {
    match yf {
        Value::Generator(g) if g.kind != GenKind::AsyncGenerator => Some(g),
        _ => None,
    }
}

/// genobject.c's `_gen_throw`: `throw()` into `gen`, handed to the object it
/// delegates to first. `close_on_genexit`: a GeneratorExit closes the
/// delegate instead of being thrown into it (not so for `athrow()` and
/// `aclose()`).
pub fn gen_throw(
    vm: &mut Vm,
    gen: &Rc<Generator>,
    close_on_genexit: bool,
    args: ThrowArgs,
) -> PyResult<GenResult> {
    let Some(yf) = yield_from_target(gen) else {
        return raise_here(vm, gen, &args);
    };
    if close_on_genexit && args.is_generator_exit() {
        let closed = while_running(gen, || close_iter(vm, &yf));
        drop(yf);
        return match closed {
            Err(e) => resume(vm, gen, Resume::Throw(e)),
            Ok(()) => raise_here(vm, gen, &args),
        };
    }
    let ret = if let Some(inner) = as_generator(&yf) {
        while_running(gen, || gen_throw(vm, inner, close_on_genexit, args))
    } else {
        let Some(meth) = lookup_attr(vm, &yf, "throw")? else {
            drop(yf);
            return raise_here(vm, gen, &args);
        };
        while_running(gen, || vm.call(&meth, args.call_args())).map(GenResult::Yielded)
    };
    drop(yf);
    let outcome = match ret {
        Ok(GenResult::Yielded(v)) => return Ok(GenResult::Yielded(v)),
        Ok(GenResult::Returned(v)) => Ok(v),
        Err(e) if e.is_instance(&builtin_types().stop_iteration) => {
            Ok(e.0.args.borrow().first().cloned().unwrap_or(Value::None))
        }
        Err(e) => Err(e),
    };
    // The delegate is done: pop it and go on after the SEND loop, as the
    // "Termination repetition of SEND loop" in `_gen_throw`.
    leave_send_loop(gen);
    match outcome {
        Ok(value) => resume(vm, gen, Resume::Send(value)),
        Err(e) => resume(vm, gen, Resume::Throw(e)),
    }
}

/// `throw_here` then `gen_send_ex(gen, None, exc=1)`.
fn raise_here(vm: &mut Vm, gen: &Rc<Generator>, args: &ThrowArgs) -> PyResult<GenResult> {
    let err = throw_here(vm, args)?;
    resume(vm, gen, Resume::Throw(err))
}

/// Pops the finished delegate off `gen`'s suspended frame and moves it to
/// the instruction before its SEND's target, where an exception raised now
/// is raised and from which a sent value continues.
fn leave_send_loop(gen: &Generator) {
    let mut frame_ref = gen.frame.borrow_mut();
    let Some(frame) = frame_ref.as_mut() else {
        return;
    };
    let popped = frame.stack.pop();
    let instructions = &frame.code().decoded.instructions;
    let send = instructions[..frame.ip.min(instructions.len())]
        .iter()
        .rposition(|i| i.op == Op::Known(Opcode::SEND));
    if let Some(target) = send.and_then(|i| instructions[i].jump_index) {
        let target = target as usize;
        frame.ip = target;
        frame.current = target.saturating_sub(1);
    }
    drop(frame_ref);
    // The delegate may be finalized now, as when CPython pops it.
    drop(popped);
}

/// genobject.c's `gen_close_iter`: closes a `yield from` delegate.
fn close_iter(vm: &mut Vm, yf: &Value) -> PyResult<()> {
    if let Some(g) = as_generator(yf) {
        return close(vm, g);
    }
    let meth = match lookup_attr(vm, yf, "close") {
        Ok(meth) => meth,
        Err(e) => {
            vm.write_unraisable(&e, yf);
            None
        }
    };
    match meth {
        Some(meth) => vm.call(&meth, vec![]).map(drop),
        None => Ok(()),
    }
}

/// `generator.close()` (genobject.c's `gen_close`): the delegate is closed
/// first; then GeneratorExit, or the delegate's failure to close, is raised
/// where the generator is paused. A yield in response is a RuntimeError.
pub fn close(vm: &mut Vm, gen: &Rc<Generator>) -> PyResult<()> {
    match gen.state.get() {
        GenState::Closed => return Ok(()),
        GenState::Created => {
            gen.state.set(GenState::Closed);
            gen.frame.borrow_mut().take();
            return Ok(());
        }
        _ => {}
    }
    let failed = match yield_from_target(gen) {
        Some(yf) => while_running(gen, || close_iter(vm, &yf)).err(),
        None => None,
    };
    let exc = failed.unwrap_or_else(generator_exit);
    match resume(vm, gen, Resume::Throw(exc)) {
        Ok(GenResult::Yielded(_)) => Err(runtime_error(format!(
            "{} ignored GeneratorExit",
            kind_label(gen.kind)
        ))),
        Ok(GenResult::Returned(_)) => Ok(()),
        Err(e)
            if e.is_instance(&builtin_types().generator_exit)
                || e.is_instance(&builtin_types().stop_iteration) =>
        {
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// A new `GeneratorExit()`.
pub fn generator_exit() -> PyErr {
    PyErr::with_args(&builtin_types().generator_exit, vec![])
}

/// `gen.throw(...)` for generators and coroutines: StopIteration(value) when
/// it returns.
pub fn throw_method(vm: &mut Vm, args: &crate::object::function::Args) -> PyResult<Value> {
    let Some(Value::Generator(g)) = args.positional.first() else {
        return Err(type_error("descriptor requires a 'generator' object"));
    };
    let g = g.clone();
    let thrown = ThrowArgs::from_args(&args.positional[1..], "throw")?;
    match gen_throw(vm, &g, true, thrown)? {
        GenResult::Yielded(v) => Ok(v),
        GenResult::Returned(v) => Err(crate::object::exception::stop_iteration(
            (!v.is_none()).then_some(v),
        )),
    }
}
