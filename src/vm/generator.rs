//! Running generators on the frame stack: creating one (RETURN_GENERATOR),
//! resuming it flat from FOR_ITER / SEND or from native code (`next()`,
//! `send()`, `throw()`, `close()`), and what YIELD_VALUE and a return do.

use std::rc::Rc;

use super::eval::Flow;
use super::frame::{Frame, ReturnAction};
use super::Vm;
use crate::bytecode::{Op, Opcode};
use crate::object::exception::{runtime_error, type_error, value_error};
use crate::object::generator::{GenKind, GenState, Generator};
use crate::object::{builtin_types, PyErr, PyResult, Value};
use crate::pyc::code::flags;

/// What a native resume produced.
pub enum GenResult {
    Yielded(Value),
    Returned(Value),
}

pub enum Resume {
    Send(Value),
    Throw(PyErr),
}

/// RETURN_GENERATOR: the frame becomes a generator's; the generator is what
/// the call returns.
pub fn make_generator(frame: Frame) -> (Value, ReturnAction) {
    let mut frame = frame;
    let action = std::mem::replace(&mut frame.return_action, ReturnAction::Push);
    let (name, qualname) = match &frame.function {
        Some(Value::Function(f)) => (f.name.borrow().clone(), f.qualname.borrow().clone()),
        _ => (
            Rc::from(&*frame.code().name),
            Rc::from(&*frame.code().qualname),
        ),
    };
    let code = frame.code().clone();
    let kind = if code.flags & flags::COROUTINE != 0 {
        GenKind::Coroutine
    } else if code.flags & flags::ASYNC_GENERATOR != 0 {
        GenKind::AsyncGenerator
    } else {
        GenKind::Generator
    };
    let gen = Rc::new(Generator::new(kind, code, name, qualname));
    frame.generator = Some(Rc::downgrade(&gen));
    *gen.frame.borrow_mut() = Some(Box::new(frame));
    (Value::Generator(gen), action)
}

fn take_frame(gen: &Rc<Generator>, sent: &Value) -> PyResult<Option<Frame>> {
    match gen.state.get() {
        GenState::Running => Err(value_error(format!(
            "{} already executing",
            kind_label(gen.kind)
        ))),
        GenState::Closed if gen.kind == GenKind::Coroutine => {
            Err(runtime_error("cannot reuse already awaited coroutine"))
        }
        GenState::Closed => Ok(None),
        GenState::Created if !sent.is_none() => Err(type_error(format!(
            "can't send non-None value to a just-started {}",
            kind_label(gen.kind)
        ))),
        _ => Ok(gen.frame.borrow_mut().take().map(|f| *f)),
    }
}

/// "generator", "coroutine", "async generator" in CPython's messages.
pub fn kind_label(kind: GenKind) -> &'static str {
    match kind {
        GenKind::Generator => "generator",
        GenKind::Coroutine => "coroutine",
        GenKind::AsyncGenerator => "async generator",
    }
}

/// A generator's frame goes on the stack: it sees its own handled exception
/// (`gi_exc_state`) if it has one, else its resumer's.
pub fn enter(vm: &mut Vm, gen: &Generator) {
    *gen.caller_exc.borrow_mut() = vm.handled.clone();
    if let Some(own) = gen.exc_state.borrow_mut().take() {
        vm.handled = Some(own);
    }
}

/// The exception `vm.handled` holds that belongs to the generator itself
/// (not the one its resumer is handling).
pub fn own_exc(vm: &Vm, gen: &Generator) -> Option<Value> {
    let caller = gen.caller_exc.borrow();
    match (&vm.handled, &*caller) {
        (Some(h), Some(c)) if h.is(c) => None,
        (h, _) => h.clone(),
    }
}

/// A generator's frame leaves the stack (a yield when `suspended`, else a
/// return or an exception): the resumer's handled exception comes back.
pub fn leave(vm: &mut Vm, gen: &Generator, suspended: bool) {
    *gen.exc_state.borrow_mut() = if suspended { own_exc(vm, gen) } else { None };
    vm.handled = gen.caller_exc.borrow_mut().take();
}

/// The generator a frame belongs to, if any.
pub fn frame_gen(frame: &Frame) -> Option<Rc<Generator>> {
    frame.generator.as_ref().and_then(|g| g.upgrade())
}

/// Resumes `gen` as the new top frame (FOR_ITER, SEND): no Rust recursion.
/// `None` when the generator is already finished.
pub fn resume_flat(
    vm: &mut Vm,
    gen: &Rc<Generator>,
    sent: Value,
    action: ReturnAction,
) -> PyResult<Option<Flow>> {
    let Some(mut frame) = take_frame(gen, &sent)? else {
        return Ok(None);
    };
    frame.stack.push(sent);
    frame.return_action = action;
    gen.state.set(GenState::Running);
    if let Err(e) = vm.push_frame(frame) {
        gen.state.set(GenState::Closed);
        return Err(e);
    }
    enter(vm, gen);
    Ok(Some(Flow::Called))
}

/// Throws `err` into `gen` as the new top frame (an `athrow()`/`aclose()`
/// awaited by SEND): `Ok(Err(err))` is what the loop unwinds from that frame;
/// `Err` when the generator cannot be resumed (or is finished: the error then
/// is `err` itself).
pub fn throw_flat(
    vm: &mut Vm,
    gen: &Rc<Generator>,
    err: PyErr,
    action: ReturnAction,
) -> PyResult<PyResult<Flow>> {
    let Some(mut frame) = take_frame(gen, &Value::None)? else {
        return Err(err);
    };
    frame.return_action = action;
    gen.state.set(GenState::Running);
    if let Err(e) = vm.push_frame(frame) {
        gen.state.set(GenState::Closed);
        return Err(e);
    }
    enter(vm, gen);
    Ok(Err(err))
}

/// Resumes `gen` from native code and runs it until it yields or returns
/// (genobject.c's `gen_send_ex`): a thrown exception is raised where the
/// generator is paused, without going to its delegate (that is
/// [`super::gen_throw::gen_throw`]).
pub fn resume(vm: &mut Vm, gen: &Rc<Generator>, how: Resume) -> PyResult<GenResult> {
    let sent = match &how {
        Resume::Send(v) => v.clone(),
        Resume::Throw(_) => Value::None,
    };
    let Some(mut frame) = take_frame(gen, &sent)? else {
        return match how {
            Resume::Send(_) => Ok(GenResult::Returned(Value::None)),
            Resume::Throw(e) => Err(e),
        };
    };
    if let (Resume::Throw(_), GenState::Created) = (&how, gen.state.get()) {
        // Thrown into before it started: the frame never runs a line.
        gen.state.set(GenState::Closed);
        drop(frame);
        let Resume::Throw(e) = how else {
            unreachable!()
        };
        return Err(e);
    }
    let throwing = matches!(how, Resume::Throw(_));
    if !throwing {
        frame.stack.push(sent);
    }
    frame.return_action = ReturnAction::ReturnToNative;
    gen.state.set(GenState::Running);
    vm.push_frame(frame)
        .inspect_err(|_| gen.state.set(GenState::Closed))?;
    enter(vm, gen);
    let value = vm.nested_from_top(|vm, base| match how {
        Resume::Throw(err) => vm.throw_into_top(err, base),
        Resume::Send(_) => vm.run_nested(base),
    })?;
    Ok(if std::mem::take(&mut vm.last_exit_yielded) {
        GenResult::Yielded(value)
    } else {
        GenResult::Returned(value)
    })
}

/// The object a suspended generator delegates to (`gi_yieldfrom`): the top of
/// its stack when it is paused inside a `yield from` / `await` loop
/// (genobject.c's `_PyGen_yf`: the next instruction is RESUME with arg >= 2).
pub fn yield_from_target(gen: &Generator) -> Option<Value> {
    let frame = gen.frame.borrow();
    let frame = frame.as_ref()?;
    let next = frame.code().decoded.instructions.get(frame.ip)?;
    if next.op != Op::Known(Opcode::RESUME) || next.arg.unwrap_or(0) < 2 {
        return None;
    }
    frame.stack.last().cloned()
}

/// PEP 479: a StopIteration leaving a generator becomes a RuntimeError (and
/// a StopAsyncIteration leaving an async generator).
pub fn pep479(err: PyErr, kind: GenKind) -> PyErr {
    let t = builtin_types();
    let what = if err.is_instance(&t.stop_iteration) {
        "StopIteration"
    } else if kind == GenKind::AsyncGenerator && err.is_instance(&t.stop_async_iteration) {
        "StopAsyncIteration"
    } else {
        return err;
    };
    {
        let new = runtime_error(format!("{} raised {what}", kind_label(kind)));
        *new.0.cause.borrow_mut() = Some(err.value());
        *new.0.context.borrow_mut() = Some(err.value());
        new.0.suppress_context.set(true);
        new
    }
}

/// `gen.send(v)` for generators and coroutines: StopIteration(value) when
/// it returns.
pub fn send_method(vm: &mut Vm, args: &crate::object::function::Args) -> PyResult<Value> {
    let Some(Value::Generator(g)) = args.positional.first() else {
        return Err(type_error("descriptor requires a 'generator' object"));
    };
    let g = g.clone();
    if args.positional.len() != 2 {
        return Err(type_error(format!(
            "{}.send() takes exactly one argument ({} given)",
            g.kind.type_name(),
            args.positional.len() - 1
        )));
    }
    match resume(vm, &g, Resume::Send(args.positional[1].clone()))? {
        GenResult::Yielded(v) => Ok(v),
        GenResult::Returned(v) => Err(crate::object::exception::stop_iteration(
            (!v.is_none()).then_some(v),
        )),
    }
}

/// `gi_*` / `cr_*` / `ag_*` attributes and the names of generators,
/// coroutines and async generators.
pub fn gen_attr(g: &Rc<Generator>, name: &str) -> Option<Value> {
    let prefix = match g.kind {
        GenKind::Generator => "gi_",
        GenKind::Coroutine => "cr_",
        GenKind::AsyncGenerator => "ag_",
    };
    if name == "__name__" {
        return Some(Value::Str(g.name.borrow().clone()));
    }
    if name == "__qualname__" {
        return Some(Value::Str(g.qualname.borrow().clone()));
    }
    let field = name.strip_prefix(prefix)?;
    Some(match field {
        "running" if g.kind == GenKind::AsyncGenerator => Value::Bool(g.running_async.get()),
        "running" => Value::Bool(g.state.get() == GenState::Running),
        "suspended" if g.kind != GenKind::AsyncGenerator => {
            Value::Bool(g.state.get() == GenState::Suspended)
        }
        "code" => Value::Code(g.code.clone()),
        "frame" => {
            if g.state.get() == GenState::Closed {
                Value::None
            } else {
                frame_object(g)
            }
        }
        "yieldfrom" if g.kind == GenKind::Generator => yield_from_target(g).unwrap_or(Value::None),
        "await" if g.kind != GenKind::Generator => yield_from_target(g).unwrap_or(Value::None),
        "origin" if g.kind == GenKind::Coroutine => Value::None,
        _ => return None,
    })
}

/// A generator's frame object (`gi_frame`): live while the generator runs,
/// else as the generator was when it was asked for.
fn frame_object(g: &Rc<Generator>) -> Value {
    let frame = g.frame.borrow();
    let line = match frame.as_ref() {
        _ if g.state.get() == GenState::Created => Some(g.code.firstlineno),
        Some(f) => f.line(),
        None => None,
    };
    super::frame_object::snapshot(frame.as_deref(), &g.code, line)
}
