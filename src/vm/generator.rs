//! Running generators on the frame stack: creating one (RETURN_GENERATOR),
//! resuming it flat from FOR_ITER / SEND or from native code (`next()`,
//! `send()`, `throw()`, `close()`), and what YIELD_VALUE and a return do.

use std::rc::Rc;

use super::eval::Flow;
use super::frame::{Frame, ReturnAction};
use super::{protocol, Vm};
use crate::bytecode::{Op, Opcode};
use crate::object::exception::{runtime_error, type_error, value_error};
use crate::object::generator::{GenState, Generator};
use crate::object::{builtin_types, PyErr, PyResult, Value};

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
        _ => (Rc::from(&*frame.code.name), Rc::from(&*frame.code.qualname)),
    };
    let code = frame.code.clone();
    let gen = Rc::new(Generator {
        code,
        name: std::cell::RefCell::new(name),
        qualname: std::cell::RefCell::new(qualname),
        frame: std::cell::RefCell::new(None),
        state: std::cell::Cell::new(GenState::Created),
    });
    frame.generator = Some(Rc::downgrade(&gen));
    *gen.frame.borrow_mut() = Some(Box::new(frame));
    (Value::Generator(gen), action)
}

fn take_frame(gen: &Rc<Generator>, sent: &Value) -> PyResult<Option<Frame>> {
    match gen.state.get() {
        GenState::Running => Err(value_error("generator already executing")),
        GenState::Closed => Ok(None),
        GenState::Created if !sent.is_none() => Err(type_error(
            "can't send non-None value to a just-started generator",
        )),
        _ => Ok(gen.frame.borrow_mut().take().map(|f| *f)),
    }
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
    Ok(Some(Flow::Called))
}

/// Resumes `gen` from native code and runs it until it yields or returns.
pub fn resume(vm: &mut Vm, gen: &Rc<Generator>, how: Resume) -> PyResult<GenResult> {
    let sent = match &how {
        Resume::Send(v) => v.clone(),
        Resume::Throw(_) => Value::None,
    };
    if let (Resume::Throw(err), GenState::Suspended) = (&how, gen.state.get()) {
        if let Some(result) = throw_to_delegate(vm, gen, err)? {
            return Ok(result);
        }
    }
    let Some(mut frame) = take_frame(gen, &sent)? else {
        return match how {
            Resume::Send(_) => Ok(GenResult::Returned(Value::None)),
            Resume::Throw(e) => Err(e),
        };
    };
    let throwing = matches!(how, Resume::Throw(_));
    if !throwing {
        frame.stack.push(sent);
    }
    frame.return_action = ReturnAction::ReturnToNative;
    gen.state.set(GenState::Running);
    vm.push_frame(frame)
        .inspect_err(|_| gen.state.set(GenState::Closed))?;
    let base = vm.frames.len() - 1;
    vm.native_depth += 1;
    let result = match how {
        Resume::Throw(err) => vm.throw_into_top(err, base),
        Resume::Send(_) => vm.run_nested(base),
    };
    vm.native_depth -= 1;
    let value = result?;
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
    let next = frame.code.decoded.instructions.get(frame.ip)?;
    if next.op != Op::Known(Opcode::RESUME) || next.arg.unwrap_or(0) < 2 {
        return None;
    }
    frame.stack.last().cloned()
}

/// `throw()` into a generator paused in `yield from`: the delegate gets the
/// exception first (genobject.c's `_gen_throw`).
fn throw_to_delegate(vm: &mut Vm, gen: &Rc<Generator>, err: &PyErr) -> PyResult<Option<GenResult>> {
    let Some(delegate) = yield_from_target(gen) else {
        return Ok(None);
    };
    let is_exit = err.is_instance(&builtin_types().generator_exit);
    let outcome = match &delegate {
        Value::Generator(inner) => {
            if is_exit {
                close(vm, inner).map(|_| None)
            } else {
                match resume(vm, inner, Resume::Throw(err.clone())) {
                    Ok(GenResult::Yielded(v)) => return Ok(Some(GenResult::Yielded(v))),
                    Ok(GenResult::Returned(v)) => Ok(Some(v)),
                    Err(e) => Err(e),
                }
            }
        }
        other => {
            if is_exit {
                if let Ok(close) = protocol::getattr(vm, other, "close") {
                    vm.call(&close, vec![])?;
                }
                Ok(None)
            } else {
                match protocol::getattr(vm, other, "throw") {
                    Ok(throw) => match vm.call(&throw, vec![err.value()]) {
                        Ok(v) => return Ok(Some(GenResult::Yielded(v))),
                        Err(e) if e.is_instance(&builtin_types().stop_iteration) => Ok(Some(
                            e.0.args.borrow().first().cloned().unwrap_or(Value::None),
                        )),
                        Err(e) => Err(e),
                    },
                    Err(_) => Ok(None),
                }
            }
        }
    };
    // The delegate finished: pop it and continue the outer generator after
    // its SEND loop with the result (or with the delegate's exception).
    let mut frame_ref = gen.frame.borrow_mut();
    let Some(frame) = frame_ref.as_mut() else {
        return Ok(None);
    };
    frame.stack.pop();
    let send = frame.code.decoded.instructions[..frame.ip]
        .iter()
        .rposition(|i| i.op == Op::Known(Opcode::SEND));
    match outcome {
        Ok(Some(value)) => {
            if let Some(jump) = send.and_then(|i| frame.code.decoded.instructions[i].jump_index) {
                frame.ip = jump as usize;
            }
            drop(frame_ref);
            resume_after_delegate(vm, gen, value).map(Some)
        }
        Ok(None) => Ok(None),
        Err(e) => {
            if let Some(i) = send {
                frame.ip = i + 1;
            }
            drop(frame_ref);
            resume(vm, gen, Resume::Throw(e)).map(Some)
        }
    }
}

/// Continues a generator whose `yield from` delegate returned `value`, which
/// takes the place of the receiver on its stack.
fn resume_after_delegate(vm: &mut Vm, gen: &Rc<Generator>, value: Value) -> PyResult<GenResult> {
    let Some(mut frame) = gen.frame.borrow_mut().take().map(|f| *f) else {
        return Ok(GenResult::Returned(Value::None));
    };
    frame.stack.push(value);
    frame.return_action = ReturnAction::ReturnToNative;
    gen.state.set(GenState::Running);
    vm.push_frame(frame)?;
    let base = vm.frames.len() - 1;
    vm.native_depth += 1;
    let result = vm.run_nested(base);
    vm.native_depth -= 1;
    let value = result?;
    Ok(if std::mem::take(&mut vm.last_exit_yielded) {
        GenResult::Yielded(value)
    } else {
        GenResult::Returned(value)
    })
}

/// `generator.close()`: throw GeneratorExit in; a yield in response is a
/// RuntimeError.
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
    let exit = PyErr::new(&builtin_types().generator_exit, "");
    *exit.0.args.borrow_mut() = Rc::from(Vec::new());
    match resume(vm, gen, Resume::Throw(exit)) {
        Ok(GenResult::Yielded(_)) => Err(runtime_error("generator ignored GeneratorExit")),
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

/// PEP 479: a StopIteration leaving a generator becomes a RuntimeError.
pub fn pep479(err: PyErr) -> PyErr {
    if err.is_instance(&builtin_types().stop_iteration) {
        let new = runtime_error("generator raised StopIteration");
        *new.0.cause.borrow_mut() = Some(err.value());
        *new.0.context.borrow_mut() = Some(err.value());
        new.0.suppress_context.set(true);
        new
    } else {
        err
    }
}
