//! The instruction loop: one flat `match` over the opcode, short arms, long
//! bodies in `ops`. Each step returns what happened ([`Flow`]); only
//! [`Vm::run_until`] pushes and pops frames and unwinds exceptions.

use std::rc::Rc;
use std::sync::Arc;

use super::frame::{Frame, PendingBinaryOp, ReturnAction, TruthUse};
use super::inline_cache;
use super::observer::{Control, Observer};
use super::ops;
use super::protocol::attr::InstanceAttr;
use super::protocol::{self, CallOutcome};
use super::Vm;
use crate::builtins::modules::importer;
use crate::bytecode::{Op, Opcode};
use crate::object::exception::{name_error, system_error, unbound_local_error};
use crate::object::generator::{GenKind, GenState};
use crate::object::{builtin_types, PyErr, PyResult, Value};
use crate::pyc::code::flags as code_flags;

/// What one instruction did.
pub enum Flow {
    Next,
    /// A new frame is on top of the stack: continue with it.
    Called,
    Return(Value),
    /// YIELD_VALUE in a generator frame: suspend it, hand the value out.
    Yield(Value),
    /// RETURN_GENERATOR: the top frame becomes a generator object.
    MakeGenerator,
}

/// How many finished frames' vectors the VM keeps for reuse: enough for
/// the call depth a hot loop goes through.
const SPARE_FRAME_PARTS: usize = 64;

impl Vm {
    /// Runs frames until the one at index `base` returns, and returns its value.
    pub fn run_until<O: Observer>(&mut self, base: usize, observer: &mut O) -> PyResult<Value> {
        loop {
            if crate::object::generator::FINALIZERS_PENDING.with(|f| f.get()) {
                self.run_finalizers();
            }
            if super::signals::PENDING.load(std::sync::atomic::Ordering::Relaxed) {
                if let Err(err) = self.run_signal_handlers() {
                    if let Some(v) = self.raise_in_top(err, base, observer)? {
                        return Ok(v);
                    }
                    continue;
                }
            }
            if observer.before_instruction(self) == Control::Abort {
                self.aborting = true;
                let err = PyErr::new(&builtin_types().keyboard_interrupt, "");
                if let Some(v) = self.unwind(err, base)? {
                    return Ok(v);
                }
                continue;
            }
            // Each outcome: `Some` when the frame at `base` is done; `Err`,
            // an exception the top frame's current instruction raised.
            macro_rules! settle {
                ($outcome:expr) => {
                    match $outcome {
                        Ok(None) => {}
                        Ok(Some(v)) => return Ok(v),
                        Err(err) => {
                            if let Some(v) = self.raise_in_top(err, base, observer)? {
                                return Ok(v);
                            }
                        }
                    }
                };
            }
            match self.step() {
                Ok(Flow::Next) | Ok(Flow::Called) => {}
                Ok(Flow::Return(value)) => settle!(self.finish_frame(value, base)),
                Ok(Flow::Yield(value)) => settle!(self.suspend_generator(value, base)),
                Ok(Flow::MakeGenerator) => {
                    let frame = self.frames.pop().expect("generator frame");
                    let (gen, action) = super::generator::make_generator(frame);
                    if let Value::Generator(g) = &gen {
                        self.register_generator(g);
                    }
                    settle!(self.deliver(gen, action, base))
                }
                Err(err) => settle!(Err(err)),
            }
        }
    }

    /// An exception the top frame's current instruction raised (also one
    /// raised while delivering a returned frame's value to its caller):
    /// tell the observer, then find its handler ([`Vm::unwind`]).
    #[inline(never)]
    fn raise_in_top<O: Observer>(
        &mut self,
        err: PyErr,
        base: usize,
        observer: &mut O,
    ) -> PyResult<Option<Value>> {
        if observer.observes_exceptions() {
            observer.on_exception(self, &err);
        }
        self.unwind(err, base)
    }

    /// Pops the returning frame and delivers its value; `Some` when the frame
    /// at `base` returned (the nested loop is done). `Err`, as for
    /// [`Vm::deliver`], is raised in the caller.
    fn finish_frame(&mut self, value: Value, base: usize) -> PyResult<Option<Value>> {
        let depth = self.frames.len();
        let frame = self.frames.last_mut().expect("a frame returned");
        if depth > base + 1
            && frame.generator.is_none()
            && matches!(frame.return_action, ReturnAction::Push)
        {
            // The common return, done in place: a plain call hands its value
            // to its caller (no move of the frame out of the vector).
            let parts = (
                std::mem::take(&mut frame.stack),
                std::mem::take(&mut frame.fast),
            );
            self.frames.truncate(depth - 1);
            self.recycle_frame_parts(parts);
            self.frames[depth - 2].stack.push(value);
            return Ok(None);
        }
        let mut frame = self.frames.pop().expect("a frame returned");
        if let Some(gen) = frame.generator.as_ref().and_then(|g| g.upgrade()) {
            gen.state.set(GenState::Closed);
            super::generator::leave(self, &gen, false);
        }
        let action = std::mem::replace(&mut frame.return_action, ReturnAction::Push);
        let parts = (
            std::mem::take(&mut frame.stack),
            std::mem::take(&mut frame.fast),
        );
        drop(frame);
        self.recycle_frame_parts(parts);
        self.deliver(value, action, base)
    }

    /// Keeps a finished frame's vectors, emptied, for a later call.
    #[inline]
    fn recycle_frame_parts(&mut self, (mut stack, mut fast): super::frame::FrameParts) {
        if self.spare_frame_parts.len() < SPARE_FRAME_PARTS {
            stack.clear();
            fast.clear();
            self.spare_frame_parts.push((stack, fast));
        }
    }

    /// Hands a returned value to whoever pushed the frame, per `action`.
    /// `Err` is an exception the caller's instruction (the one that pushed
    /// the frame) raises while finishing its work with the value, such as
    /// `__init__`'s result check or the TypeError of an operator whose
    /// methods all gave NotImplemented; the loop raises it in the caller.
    fn deliver(
        &mut self,
        value: Value,
        action: ReturnAction,
        base: usize,
    ) -> PyResult<Option<Value>> {
        if self.frames.len() == base {
            self.last_exit_yielded = false;
            return Ok(Some(value));
        }
        match action {
            ReturnAction::Push | ReturnAction::ForIterNext { .. } => self.push_on_caller(value),
            ReturnAction::InitCheck(instance) => {
                protocol::check_init_result(&value)?;
                self.push_on_caller(instance);
            }
            ReturnAction::GenForIter { jump } => {
                let caller = self.frames.last_mut().expect("caller frame");
                caller.stack.pop();
                caller.ip = jump;
            }
            ReturnAction::GenSend { jump } => {
                let caller = self.frames.last_mut().expect("caller frame");
                caller.stack.pop();
                caller.stack.push(value);
                caller.ip = jump;
            }
            ReturnAction::AsyncGenSend { jump, awaitable } => {
                use super::coro::{post, AwaitResult, Outcome};
                match post(&awaitable, Outcome::Return(value)) {
                    AwaitResult::Complete(v) | AwaitResult::Yield(v) => {
                        let caller = self.frames.last_mut().expect("caller frame");
                        caller.stack.pop();
                        caller.stack.push(v);
                        caller.ip = jump;
                    }
                    AwaitResult::Raise(e) => return Err(e),
                }
            }
            ReturnAction::BinaryOp(pending) => {
                if matches!(value, Value::NotImplemented) {
                    let PendingBinaryOp {
                        arg,
                        lhs,
                        rhs,
                        next,
                    } = *pending;
                    ops::arith::binary_op_flat(self, arg, lhs, rhs, next)?;
                } else {
                    self.push_on_caller(value);
                }
            }
            ReturnAction::Compare(pending) => {
                ops::compare::compare_returned(self, *pending, value)?
            }
            ReturnAction::Truth { used, method } => {
                ops::truth::truth_returned(self, used, method, value)?
            }
            ReturnAction::ReturnToNative => {
                unreachable!("only the base frame returns to native code")
            }
        }
        Ok(None)
    }

    #[inline]
    fn push_on_caller(&mut self, value: Value) {
        self.frames
            .last_mut()
            .expect("caller frame")
            .stack
            .push(value);
    }

    /// YIELD_VALUE: the generator's frame leaves the stack and goes back into
    /// its generator; the value goes to the resumer (`Err`: raised there).
    fn suspend_generator(&mut self, value: Value, base: usize) -> PyResult<Option<Value>> {
        let mut frame = self.frames.pop().expect("generator frame");
        let at_base = self.frames.len() == base;
        let action = std::mem::replace(&mut frame.return_action, ReturnAction::Push);
        if let Some(gen) = frame.generator.as_ref().and_then(|g| g.upgrade()) {
            gen.state.set(GenState::Suspended);
            super::generator::leave(self, &gen, true);
            *gen.frame.borrow_mut() = Some(Box::new(frame));
        }
        if at_base {
            self.last_exit_yielded = true;
            return Ok(Some(value));
        }
        let resumer = self.frames.last_mut().expect("resumer");
        match action {
            ReturnAction::AsyncGenSend { jump, awaitable } => {
                use super::coro::{post, AwaitResult, Outcome};
                match post(&awaitable, Outcome::Yield(value)) {
                    AwaitResult::Yield(v) => resumer.stack.push(v),
                    AwaitResult::Complete(v) => {
                        resumer.stack.pop();
                        resumer.stack.push(v);
                        resumer.ip = jump;
                    }
                    AwaitResult::Raise(e) => return Err(e),
                }
            }
            _ => resumer.stack.push(value),
        }
        Ok(None)
    }

    /// Raises `err` in the top frame (a generator being thrown into) and runs
    /// on if it is handled there.
    pub fn throw_into_top(&mut self, err: PyErr, base: usize) -> PyResult<Value> {
        // `gen.throw()` restores the exception as given (`_gen_throw` uses
        // PyErr_Restore): the handler outside is not its context.
        if let Some(v) = self.unwind_from(err, base, false)? {
            return Ok(v);
        }
        self.run_nested(base)
    }

    /// Finds a handler for `err`, from the top frame down to `base`; returns
    /// `Err` when the exception leaves the frame at `base`.
    fn unwind(&mut self, err: PyErr, base: usize) -> PyResult<Option<Value>> {
        self.unwind_from(err, base, true)
    }

    /// [`Self::unwind`]; `link_context` says whether a freshly raised `err`
    /// takes the exception being handled as its `__context__`.
    fn unwind_from(
        &mut self,
        mut err: PyErr,
        base: usize,
        link_context: bool,
    ) -> PyResult<Option<Value>> {
        // RERAISE goes straight to unwinding without a new traceback entry.
        let mut add_entry = !std::mem::take(&mut self.reraising);
        if link_context && add_entry && err.0.traceback.borrow().is_empty() {
            // Freshly raised (by an instruction or native code, not `raise`,
            // which links it itself): the exception being handled becomes its
            // `__context__`, as `_PyErr_SetObject` does for every error.
            super::ops::set_context(self, &err);
        }
        loop {
            let frame = self.frames.last_mut().expect("a frame raised");
            let offset = frame.offset();
            if add_entry {
                record_traceback(&err, frame);
            }
            add_entry = true;
            let handler = crate::bytecode::exception_table::handler_for(
                &frame.code().decoded.exception_table,
                offset,
            )
            .copied()
            .filter(|_| !self.aborting);
            if let Some(h) = handler {
                // As ceval.c's exception_unwind: pop to the handler's depth,
                // push lasti if asked, push the exception, jump.
                frame.stack.truncate(h.depth as usize);
                if h.lasti {
                    frame.stack.push(Value::Int(offset as i64));
                }
                frame.stack.push(err.value());
                frame.ip = frame
                    .code()
                    .decoded
                    .index_of_offset(h.target)
                    .unwrap_or(frame.code().decoded.instructions.len());
                return Ok(None);
            }
            let mut popped = self.frames.pop().expect("frame");
            keep_locals(&err, &mut popped);
            if let Some(gen) = popped.generator.as_ref().and_then(|g| g.upgrade()) {
                gen.state.set(GenState::Closed);
                super::generator::leave(self, &gen, false);
                err = super::generator::pep479(err, gen.kind);
            }
            if self.frames.len() == base {
                return Err(err);
            }
            match popped.return_action {
                ReturnAction::AsyncGenSend { jump, awaitable } => {
                    use super::coro::{post, AwaitResult, Outcome};
                    match post(&awaitable, Outcome::Raise(err)) {
                        AwaitResult::Raise(e) => err = e,
                        AwaitResult::Complete(v) | AwaitResult::Yield(v) => {
                            let resumer = self.frames.last_mut().expect("resumer");
                            resumer.stack.pop();
                            resumer.stack.push(v);
                            resumer.ip = jump;
                            return Ok(None);
                        }
                    }
                }
                // As ceval.c's FOR_ITER: StopIteration from `tp_iternext`
                // (a user `__next__`) ends the loop and is forgotten.
                ReturnAction::ForIterNext { jump }
                    if !self.aborting && err.is_instance(&builtin_types().stop_iteration) =>
                {
                    let caller = self.frames.last_mut().expect("caller");
                    caller.stack.pop();
                    caller.ip = jump;
                    return Ok(None);
                }
                _ => {}
            }
        }
    }

    /// Executes the instruction at the top frame's `ip`.
    #[inline(always)]
    fn step(&mut self) -> PyResult<Flow> {
        let frame = self.frames.last_mut().expect("a frame to run");
        let Some(&instr) = frame.values.instructions.get(frame.ip) else {
            return Err(system_error(format!(
                "ran off the end of {}",
                frame.code().qualname
            )));
        };
        frame.current = frame.ip;
        frame.ip += 1;
        let arg = instr.arg as usize;
        let op = match instr.op {
            Op::Known(op) => op,
            Op::Unknown(byte) => return Err(unsupported(frame, &format!("<{byte}>"))),
        };
        macro_rules! frame {
            () => {
                self.frames.last_mut().expect("frame")
            };
        }
        macro_rules! pop {
            () => {
                frame!().stack.pop().expect("value stack underflow")
            };
        }
        macro_rules! push {
            ($v:expr) => {{
                let v = $v;
                frame!().stack.push(v)
            }};
        }
        macro_rules! jump {
            () => {
                frame!().ip = jump_index(instr.jump)
            };
        }
        use Opcode::*;
        match op {
            NOP | RESUME | CACHE | EXTENDED_ARG | PRECALL => {}
            // The simplest arms use `frame`, the reference the instruction
            // was fetched through, instead of finding the top frame again.
            POP_TOP => frame.stack.pop().expect("value stack underflow").discard(),
            PUSH_NULL => frame.stack.push(Value::Null),
            COPY => {
                let v = frame.stack[frame.stack.len() - arg].clone();
                frame.stack.push(v);
            }
            SWAP => {
                let n = frame.stack.len();
                frame.stack.swap(n - 1, n - arg);
            }
            LOAD_CONST => {
                let v = frame.values.consts[arg].clone();
                frame.stack.push(v);
            }
            LOAD_FAST => match &frame.fast[arg] {
                Some(v) => {
                    let v = v.clone();
                    frame.stack.push(v)
                }
                None => return Err(unbound_local(frame, arg)),
            },
            STORE_FAST => {
                let v = frame.stack.pop().expect("value stack underflow");
                if let Some(old) = frame.fast[arg].replace(v) {
                    old.discard();
                }
            }
            DELETE_FAST => {
                let f = frame!();
                if f.fast[arg].take().is_none() {
                    return Err(unbound_local(f, arg));
                }
            }
            LOAD_NAME => {
                let v = ops::load_name(self, arg)?;
                push!(v);
            }
            STORE_NAME => {
                let v = pop!();
                let f = frame!();
                if f.locals_mapping.is_some() {
                    ops::store_name_in_mapping(self, arg, v)?;
                } else {
                    let name = f.code().names[arg].clone();
                    let ns = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                    protocol::dict_set_str(&ns, &name, v);
                }
            }
            DELETE_NAME => ops::delete_name(self, arg)?,
            LOAD_GLOBAL => {
                let site = &frame.values.attr_sites[frame.current];
                if let Some(v) = inline_cache::load_global(site, &frame.globals) {
                    if arg & 1 != 0 {
                        frame.stack.push(Value::Null);
                    }
                    frame.stack.push(v);
                    return Ok(Flow::Next);
                }
                let v = ops::load_global(self, arg >> 1)?;
                let f = frame!();
                let name = &f.values.names[arg >> 1];
                inline_cache::fill_global(&f.values.attr_sites[f.current], &f.globals, name);
                if arg & 1 != 0 {
                    push!(Value::Null);
                }
                push!(v);
            }
            STORE_GLOBAL => {
                let v = pop!();
                let f = frame!();
                let name = f.code().names[arg].clone();
                protocol::dict_set_str(&f.globals, &name, v);
            }
            DELETE_GLOBAL => {
                let f = frame!();
                let name = f.code().names[arg].clone();
                if protocol::dict_del_str(&f.globals, &name).is_none() {
                    return Err(name_error(format!("name '{name}' is not defined")));
                }
            }
            MAKE_CELL => {
                let f = frame!();
                let initial = f.fast[arg].take();
                f.fast[arg] = Some(Value::Cell(Rc::new(std::cell::RefCell::new(initial))));
            }
            COPY_FREE_VARS => {
                let f = frame!();
                let closure = match &f.function {
                    Some(Value::Function(func)) => func.closure.clone(),
                    _ => None,
                };
                let closure = closure.unwrap_or_else(|| Rc::from(Vec::new()));
                let start = f.fast.len() - arg;
                for (i, cell) in closure.iter().take(arg).enumerate() {
                    f.fast[start + i] = Some(cell.clone());
                }
            }
            LOAD_CLOSURE => {
                let f = frame!();
                let cell = f.fast[arg].clone().unwrap_or(Value::None);
                f.stack.push(cell);
            }
            LOAD_DEREF => {
                if let Some(Value::Cell(cell)) = &frame.fast[arg] {
                    if let Some(v) = &*cell.borrow() {
                        let v = v.clone();
                        frame.stack.push(v);
                        return Ok(Flow::Next);
                    }
                }
                let v = ops::load_deref(self, arg, false)?;
                push!(v);
            }
            LOAD_CLASSDEREF => {
                let v = ops::load_deref(self, arg, true)?;
                push!(v);
            }
            STORE_DEREF => {
                let v = frame.stack.pop().expect("value stack underflow");
                match &frame.fast[arg] {
                    Some(Value::Cell(cell)) => *cell.borrow_mut() = Some(v),
                    _ => frame.fast[arg] = Some(v),
                }
            }
            DELETE_DEREF => {
                let f = frame!();
                if let Some(Value::Cell(cell)) = &f.fast[arg] {
                    cell.borrow_mut().take();
                }
            }
            LOAD_ATTR => {
                let owner = frame.stack.pop().expect("value stack underflow");
                let values = frame.values.clone();
                let name = &values.names[arg];
                let site = &values.attr_sites[frame.current];
                let v = match inline_cache::instance_attr(site, &owner, name) {
                    Some(InstanceAttr::Own(v)) => v,
                    Some(InstanceAttr::Class(Value::Property(p), class))
                        if matches!(p.fget, Value::Function(_)) =>
                    {
                        if let Some(getter) =
                            ops::property_getter_frame(self, &p.fget, owner.clone())
                        {
                            self.push_frame(getter)?;
                            return Ok(Flow::Called);
                        }
                        protocol::attr::bind(self, Value::Property(p), &owner, &class)?
                    }
                    Some(InstanceAttr::Class(a, class)) => {
                        protocol::attr::bind(self, a, &owner, &class)?
                    }
                    None => protocol::getattr(self, &owner, &name.text)?,
                };
                push!(v);
            }
            LOAD_METHOD => {
                let owner = frame.stack.pop().expect("value stack underflow");
                let values = frame.values.clone();
                let name = &values.names[arg];
                let site = &values.attr_sites[frame.current];
                if let Some(method) = inline_cache::cached_method(site, &owner, name) {
                    frame.stack.push(method);
                    frame.stack.push(owner);
                    return Ok(Flow::Next);
                }
                let (method, receiver) = match inline_cache::instance_attr(site, &owner, name) {
                    Some(InstanceAttr::Class(f @ Value::Function(_), _)) => (f, owner),
                    Some(InstanceAttr::Class(a, class)) => {
                        (Value::Null, protocol::attr::bind(self, a, &owner, &class)?)
                    }
                    Some(InstanceAttr::Own(v)) => (Value::Null, v),
                    None => match inline_cache::builtin_method(site, &owner, name) {
                        Some(method) => (method, owner),
                        None => protocol::load_method(self, owner, &name.text)?,
                    },
                };
                push!(method);
                push!(receiver);
            }
            STORE_ATTR => {
                let owner = frame.stack.pop().expect("value stack underflow");
                let value = frame.stack.pop().expect("value stack underflow");
                let values = frame.values.clone();
                let name = &values.names[arg];
                let site = &values.attr_sites[frame.current];
                if let Some(value) = inline_cache::store_instance_attr(site, &owner, name, value) {
                    protocol::setattr(self, &owner, &name.text, value)?;
                }
            }
            DELETE_ATTR => {
                let owner = pop!();
                let name = frame!().code().names[arg].clone();
                protocol::delattr(self, &owner, &name)?;
            }
            BINARY_SUBSCR => {
                let key = frame.stack.pop().expect("value stack underflow");
                let container = frame.stack.pop().expect("value stack underflow");
                if let Some(v) = ops::seq::fast_subscript(&container, &key) {
                    frame.stack.push(v);
                    key.discard();
                    return Ok(Flow::Next);
                }
                let v = protocol::getitem(self, &container, &key)?;
                push!(v);
            }
            STORE_SUBSCR => {
                let key = frame.stack.pop().expect("value stack underflow");
                let container = frame.stack.pop().expect("value stack underflow");
                let value = frame.stack.pop().expect("value stack underflow");
                if let Some((key, value)) = ops::seq::fast_store_subscript(&container, key, value) {
                    protocol::setitem(self, &container, key, value)?;
                }
            }
            DELETE_SUBSCR => {
                let key = pop!();
                let container = pop!();
                protocol::delitem(self, &container, &key)?;
            }
            BINARY_OP => {
                let rhs = frame.stack.pop().expect("value stack underflow");
                let lhs = frame.stack.pop().expect("value stack underflow");
                if let Some(v) = ops::arith::fast_binary(arg, &lhs, &rhs)? {
                    frame.stack.push(v);
                    lhs.discard();
                    rhs.discard();
                    return Ok(Flow::Next);
                }
                if ops::arith::runs_flat(&lhs, &rhs) {
                    let first = Some(ops::arith::DunderStage::Inplace);
                    return ops::arith::binary_op_flat(self, arg, lhs, rhs, first);
                }
                let v = ops::binary_op(self, arg, lhs, rhs)?;
                push!(v);
            }
            UNARY_NEGATIVE | UNARY_POSITIVE | UNARY_INVERT => {
                let v = pop!();
                let r = ops::unary_op(self, op, v)?;
                push!(r);
            }
            UNARY_NOT => {
                let v = pop!();
                let truth = match v {
                    Value::Bool(b) => b,
                    _ => match self.truth_test(&v, TruthUse::Not)? {
                        Some(truth) => truth,
                        None => return Ok(Flow::Called),
                    },
                };
                push!(Value::Bool(!truth));
            }
            COMPARE_OP => {
                let rhs = frame.stack.pop().expect("value stack underflow");
                let lhs = frame.stack.pop().expect("value stack underflow");
                if let Some(r) = ops::compare::fast_compare(arg, &lhs, &rhs) {
                    frame.stack.push(Value::Bool(r));
                    lhs.discard();
                    rhs.discard();
                    return Ok(Flow::Next);
                }
                return ops::compare::compare_op(self, arg, lhs, rhs);
            }
            IS_OP => {
                let rhs = frame.stack.pop().expect("value stack underflow");
                let lhs = frame.stack.pop().expect("value stack underflow");
                frame.stack.push(Value::Bool(lhs.is(&rhs) != (arg == 1)));
            }
            CONTAINS_OP => {
                let container = pop!();
                let item = pop!();
                let found = protocol::contains(self, &container, &item)?;
                push!(Value::Bool(found != (arg == 1)));
            }
            JUMP_FORWARD | JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT => {
                frame.ip = jump_index(instr.jump)
            }
            POP_JUMP_FORWARD_IF_FALSE
            | POP_JUMP_BACKWARD_IF_FALSE
            | POP_JUMP_FORWARD_IF_TRUE
            | POP_JUMP_BACKWARD_IF_TRUE => {
                let v = frame.stack.pop().expect("value stack underflow");
                let want = matches!(op, POP_JUMP_FORWARD_IF_TRUE | POP_JUMP_BACKWARD_IF_TRUE);
                let truth = match v {
                    Value::Bool(b) => b,
                    Value::None => false,
                    Value::Int(i) => i != 0,
                    _ => {
                        let used = TruthUse::Jump {
                            when: want,
                            to: jump_index(instr.jump),
                        };
                        match self.truth_test(&v, used)? {
                            Some(truth) if truth == want => jump!(),
                            Some(_) => {}
                            None => return Ok(Flow::Called),
                        }
                        return Ok(Flow::Next);
                    }
                };
                if truth == want {
                    frame.ip = jump_index(instr.jump);
                }
            }
            POP_JUMP_FORWARD_IF_NONE
            | POP_JUMP_BACKWARD_IF_NONE
            | POP_JUMP_FORWARD_IF_NOT_NONE
            | POP_JUMP_BACKWARD_IF_NOT_NONE => {
                let v = frame.stack.pop().expect("value stack underflow");
                let want_none = matches!(op, POP_JUMP_FORWARD_IF_NONE | POP_JUMP_BACKWARD_IF_NONE);
                if v.is_none() == want_none {
                    frame.ip = jump_index(instr.jump);
                }
            }
            JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP => {
                let v = frame!().stack.last().cloned().expect("value");
                let want = op == JUMP_IF_TRUE_OR_POP;
                let truth = match v {
                    Value::Bool(b) => b,
                    _ => {
                        let used = TruthUse::JumpOrPop {
                            when: want,
                            to: jump_index(instr.jump),
                        };
                        match self.truth_test(&v, used)? {
                            Some(truth) => truth,
                            None => return Ok(Flow::Called),
                        }
                    }
                };
                if truth == want {
                    jump!();
                } else {
                    pop!();
                }
            }
            RETURN_GENERATOR => return Ok(Flow::MakeGenerator),
            YIELD_VALUE => {
                let v = pop!();
                return Ok(Flow::Yield(v));
            }
            GET_YIELD_FROM_ITER => {
                let v = pop!();
                let it = match v {
                    Value::Generator(ref g) if g.kind == GenKind::Coroutine => {
                        let flags = frame!().code().flags;
                        if flags & (code_flags::COROUTINE | code_flags::ITERABLE_COROUTINE) == 0 {
                            return Err(crate::object::exception::type_error(
                                "cannot 'yield from' a coroutine object in a non-coroutine generator",
                            ));
                        }
                        v
                    }
                    Value::Generator(ref g) if g.kind == GenKind::Generator => v,
                    other => protocol::iter(self, &other)?,
                };
                push!(it);
            }
            GET_AWAITABLE => {
                let v = pop!();
                let it = super::coro::get_awaitable(self, &v, arg)?;
                push!(it);
            }
            ASYNC_GEN_WRAP => {
                let v = pop!();
                push!(Value::AsyncGenWrapped(Rc::new(v)));
            }
            GET_AITER => {
                let v = pop!();
                let it = super::coro::get_aiter(self, &v)?;
                push!(it);
            }
            GET_ANEXT => {
                let aiter = frame!().stack.last().cloned().expect("async iterator");
                let aw = super::coro::get_anext(self, &aiter)?;
                push!(aw);
            }
            END_ASYNC_FOR => {
                let exc = pop!();
                let is_stop = matches!(&exc, Value::Exception(e)
                    if e.class.is_subtype(&builtin_types().stop_async_iteration));
                if is_stop {
                    pop!();
                } else {
                    self.reraising = true;
                    return Err(ops::reraise(exc));
                }
            }
            BEFORE_ASYNC_WITH => {
                let manager = pop!();
                let (exit, enter) = super::coro::before_async_with(&manager)?;
                push!(exit);
                return self.call_and_continue(enter, vec![], vec![]);
            }
            SEND => {
                let value = pop!();
                let receiver = frame!().stack.last().cloned().expect("receiver");
                let jump = jump_index(instr.jump);
                if let Value::Generator(g) = &receiver {
                    if let Some(flow) = super::generator::resume_flat(
                        self,
                        g,
                        value,
                        ReturnAction::GenSend { jump },
                    )? {
                        return Ok(flow);
                    }
                    pop!();
                    push!(Value::None);
                    jump!();
                } else if let Value::GenAwaitable(aw) = &receiver {
                    return super::coro::send_awaitable_flat(self, aw, value, jump);
                } else {
                    let result = if value.is_none() && matches!(receiver, Value::Iterator(_)) {
                        protocol::next(self, &receiver).map(|r| r.ok_or(None))
                    } else {
                        let method = if value.is_none() { "__next__" } else { "send" };
                        let f = protocol::getattr(self, &receiver, method)?;
                        let args = if value.is_none() { vec![] } else { vec![value] };
                        match self.call(&f, args) {
                            Ok(v) => Ok(Ok(v)),
                            Err(e) if e.is_instance(&builtin_types().stop_iteration) => {
                                Ok(Err(e.0.args.borrow().first().cloned()))
                            }
                            Err(e) => Err(e),
                        }
                    };
                    match result? {
                        Ok(v) => push!(v),
                        Err(ret) => {
                            pop!();
                            push!(ret.unwrap_or(Value::None));
                            jump!();
                        }
                    }
                }
            }
            GET_ITER => {
                let v = pop!();
                let it = protocol::iter(self, &v)?;
                push!(it);
            }
            FOR_ITER => {
                let it = frame!().stack.last().cloned().expect("iterator");
                if let Value::Generator(g) = &it {
                    let jump = jump_index(instr.jump);
                    if let Some(flow) = super::generator::resume_flat(
                        self,
                        g,
                        Value::None,
                        ReturnAction::GenForIter { jump },
                    )? {
                        return Ok(flow);
                    }
                    pop!();
                    jump!();
                    return Ok(Flow::Next);
                }
                if let Value::Instance(_) = &it {
                    if let Some(next) = ops::seq::next_frame(self, &it, jump_index(instr.jump))? {
                        self.push_frame(next)?;
                        return Ok(Flow::Called);
                    }
                }
                match protocol::next(self, &it)? {
                    Some(v) => push!(v),
                    None => {
                        pop!();
                        jump!();
                    }
                }
            }
            BUILD_TUPLE => {
                let items = ops::pop_n(frame, arg);
                frame.stack.push(Value::tuple(items));
            }
            BUILD_LIST => {
                let items = ops::pop_n(frame, arg);
                frame.stack.push(Value::list(items));
            }
            BUILD_SET => {
                let items = ops::pop_n(frame!(), arg);
                let set = protocol::new_set(self, items)?;
                push!(set);
            }
            BUILD_MAP => {
                let items = ops::pop_n(frame!(), 2 * arg);
                let d = ops::build_map(self, items)?;
                push!(d);
            }
            BUILD_CONST_KEY_MAP => {
                let keys = pop!();
                let values = ops::pop_n(frame!(), arg);
                let d = ops::build_const_key_map(self, keys, values)?;
                push!(d);
            }
            BUILD_STRING => {
                let parts = ops::pop_n(frame!(), arg);
                let mut s = String::new();
                for p in &parts {
                    if let Value::Str(t) = p {
                        s.push_str(t);
                    }
                }
                push!(Value::str(&s));
            }
            BUILD_SLICE => {
                let items = ops::pop_n(frame!(), arg);
                let step = if arg == 3 {
                    items[2].clone()
                } else {
                    Value::None
                };
                push!(Value::Slice(Rc::new([
                    items[0].clone(),
                    items[1].clone(),
                    step
                ])));
            }
            LIST_APPEND => {
                let v = frame.stack.pop().expect("value stack underflow");
                if let Value::List(l) = &frame.stack[frame.stack.len() - arg] {
                    l.borrow_mut().push(v);
                }
            }
            SET_ADD => {
                let v = pop!();
                let target = {
                    let f = frame!();
                    f.stack[f.stack.len() - arg].clone()
                };
                protocol::set_add(self, &target, v)?;
            }
            MAP_ADD => {
                let value = pop!();
                let key = pop!();
                let target = {
                    let f = frame!();
                    f.stack[f.stack.len() - arg].clone()
                };
                protocol::setitem(self, &target, key, value)?;
            }
            LIST_EXTEND => {
                let iterable = pop!();
                let target = {
                    let f = frame!();
                    f.stack[f.stack.len() - arg].clone()
                };
                let items = ops::seq::list_extend_items(self, &iterable)?;
                if let Value::List(l) = target {
                    l.borrow_mut().extend(items);
                }
            }
            SET_UPDATE => {
                let iterable = pop!();
                let target = {
                    let f = frame!();
                    f.stack[f.stack.len() - arg].clone()
                };
                for item in protocol::collect(self, &iterable)? {
                    protocol::set_add(self, &target, item)?;
                }
            }
            DICT_UPDATE | DICT_MERGE => {
                let other = pop!();
                let target = {
                    let f = frame!();
                    f.stack[f.stack.len() - arg].clone()
                };
                ops::dict_update(self, &target, &other, op == DICT_MERGE)?;
            }
            LIST_TO_TUPLE => {
                let v = pop!();
                let items = protocol::collect(self, &v)?;
                push!(Value::tuple(items));
            }
            UNPACK_SEQUENCE => {
                let v = pop!();
                let items = ops::unpack(self, &v, arg)?;
                let f = frame!();
                f.stack.extend(items.into_iter().rev());
            }
            UNPACK_EX => {
                let v = pop!();
                let items = ops::unpack_ex(self, &v, arg & 0xff, arg >> 8)?;
                let f = frame!();
                f.stack.extend(items.into_iter().rev());
            }
            FORMAT_VALUE => {
                let spec = if arg & 4 != 0 { Some(pop!()) } else { None };
                let v = pop!();
                let s = ops::format_value(self, v, arg & 3, spec)?;
                push!(s);
            }
            KW_NAMES => {
                if let Value::Tuple(names) = &frame.values.consts[arg] {
                    frame.kw_names = Some(names.clone());
                }
            }
            CALL => return ops::call(self, arg),
            CALL_FUNCTION_EX => {
                let kwargs = if arg & 1 != 0 { Some(pop!()) } else { None };
                let args = pop!();
                let callable = pop!();
                let _null = pop!();
                let (args, kwargs) = ops::call_ex_arguments(self, &callable, &args, kwargs)?;
                return self.call_and_continue(callable, args, kwargs);
            }
            MAKE_FUNCTION => {
                let v = ops::make_function(self, arg)?;
                push!(v);
            }
            RETURN_VALUE => {
                let v = frame.stack.pop().expect("value stack underflow");
                return Ok(Flow::Return(v));
            }
            LOAD_BUILD_CLASS => {
                // ceval.c: `__build_class__` as the builtins module has it.
                match protocol::dict_get_str(&self.builtins, "__build_class__") {
                    Some(bc) => push!(bc),
                    None => {
                        return Err(crate::object::exception::name_error(
                            "__build_class__ not found",
                        ))
                    }
                }
            }
            LOAD_ASSERTION_ERROR => push!(Value::Type(builtin_types().assertion_error.clone())),
            RAISE_VARARGS => return Err(ops::raise(self, arg)?),
            PUSH_EXC_INFO => {
                let exc = pop!();
                // In a generator, "previous" is the generator's own state, not
                // the exception its resumer is handling (gi_exc_state).
                let previous = match super::generator::frame_gen(frame!()) {
                    Some(g) => super::generator::own_exc(self, &g),
                    None => self.handled.clone(),
                };
                self.handled = Some(exc.clone());
                push!(previous.unwrap_or(Value::None));
                push!(exc);
            }
            POP_EXCEPT => {
                let previous = pop!();
                self.handled = if previous.is_none() {
                    super::generator::frame_gen(frame!())
                        .and_then(|g| g.caller_exc.borrow().clone())
                } else {
                    Some(previous)
                };
            }
            CHECK_EXC_MATCH => {
                let class = pop!();
                let exc = frame!().stack.last().cloned().expect("exception");
                let m = ops::exception_matches(self, &exc, &class)?;
                push!(Value::Bool(m));
            }
            CHECK_EG_MATCH => {
                let match_type = pop!();
                let exc = pop!();
                let (rest, matched) = ops::exc_group::check_eg_match(self, &exc, &match_type)?;
                if matched.is_none() {
                    push!(exc);
                } else {
                    push!(rest);
                    self.handled = Some(matched.clone());
                }
                push!(matched);
            }
            PREP_RERAISE_STAR => {
                let excs = pop!();
                let orig = pop!();
                push!(ops::exc_group::prep_reraise_star(self, &orig, &excs)?);
            }
            RERAISE => {
                // The handler search uses RERAISE's own offset (ceval.c's
                // exception_unwind); the restored lasti (arg != 0) only matters
                // for the traceback entry, which this frame already has.
                let exc = pop!();
                self.reraising = true;
                return Err(ops::reraise(exc));
            }
            BEFORE_WITH => {
                let manager = pop!();
                let (exit, entered) = ops::before_with(self, manager)?;
                push!(exit);
                push!(entered);
            }
            WITH_EXCEPT_START => {
                let f = frame!();
                let n = f.stack.len();
                let exc = f.stack[n - 1].clone();
                let exit = f.stack[n - 4].clone();
                let (class, tb) = match &exc {
                    Value::Exception(e) => {
                        let tb =
                            crate::vm::frame_object::traceback_chain(self, &e.traceback.borrow());
                        (Value::Type(e.class.clone()), tb)
                    }
                    _ => (Value::None, Value::None),
                };
                let r = self.call(&exit, vec![class, exc, tb])?;
                push!(r);
            }
            GET_LEN => {
                let v = frame!().stack.last().cloned().expect("value");
                let n = protocol::len(self, &v)?;
                push!(Value::Int(n as i64));
            }
            MATCH_MAPPING | MATCH_SEQUENCE => {
                let v = frame!().stack.last().cloned().expect("subject");
                let m = ops::match_kind(&v, op == MATCH_MAPPING);
                push!(Value::Bool(m));
            }
            MATCH_KEYS => {
                let f = frame!();
                let keys = f.stack[f.stack.len() - 1].clone();
                let subject = f.stack[f.stack.len() - 2].clone();
                let v = ops::match_keys(self, &subject, &keys)?;
                push!(v);
            }
            MATCH_CLASS => {
                let names = pop!();
                let class = pop!();
                let subject = pop!();
                let v = ops::match_class(self, subject, class, arg, names)?;
                push!(v);
            }
            SETUP_ANNOTATIONS => {
                let f = frame!();
                let ns = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                if protocol::dict_get_str(&ns, "__annotations__").is_none() {
                    protocol::dict_set_str(&ns, "__annotations__", protocol::new_dict());
                }
            }
            PRINT_EXPR => {
                let v = pop!();
                if !v.is_none() {
                    let r = protocol::repr(self, &v)?;
                    let _ = writeln!(self.stdout, "{r}");
                }
            }
            IMPORT_NAME => {
                let fromlist = pop!();
                let level = pop!();
                let name = frame!().code().names[arg].clone();
                let m = importer::import_name(self, &name, fromlist, level)?;
                push!(m);
            }
            IMPORT_FROM => {
                let module = frame!().stack.last().cloned().expect("module");
                let name = frame!().code().names[arg].clone();
                let v = importer::import_from(self, &module, &name)?;
                push!(v);
            }
            IMPORT_STAR => {
                let module = pop!();
                let f = frame!();
                let locals = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                importer::import_star(self, &module, &locals)?;
            }
        }
        Ok(Flow::Next)
    }

    /// The truth of `v` for a truth-testing instruction, past the loop's
    /// own checks: builtin values by `protocol::truthy` (as before there
    /// were frames for this), instances by `ops::truth::truth_flat`; `None`
    /// when an instance's Python `__bool__` or `__len__` is now the top
    /// frame, returning through `ReturnAction::Truth` with `used`.
    #[inline(never)]
    fn truth_test(&mut self, v: &Value, used: TruthUse) -> PyResult<Option<bool>> {
        match v {
            Value::Instance(_) => ops::truth::truth_flat(self, v, used),
            _ => protocol::truthy(self, v).map(Some),
        }
    }

    /// Calls from inside the loop: a Python function becomes the new top frame.
    pub(super) fn call_and_continue(
        &mut self,
        callable: Value,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Flow> {
        match protocol::call(self, callable, args, kwargs)? {
            CallOutcome::Value(v) => {
                self.frames.last_mut().expect("caller").stack.push(v);
                Ok(Flow::Next)
            }
            CallOutcome::Frame(frame) => {
                self.push_frame(frame)?;
                Ok(Flow::Called)
            }
        }
    }
}

use std::io::Write;

/// As ceval.c's `PyTraceBack_Here`: each frame an exception is raised in or
/// passes through is prepended (the list reads outermost first).
fn record_traceback(err: &PyErr, frame: &Frame) {
    let entry = crate::object::exception::TracebackEntry {
        code: frame.code().clone(),
        offset: frame.offset(),
        locals: None,
        globals: Rc::downgrade(&frame.globals),
    };
    err.0.traceback.borrow_mut().insert(0, entry);
}

/// A frame `err` leaves hands its locals to its traceback entry (CPython's
/// `take_ownership` when a frame object outlives its frame). A local that
/// is the exception itself is left out: it would be a cycle that nothing
/// collects, and keeping it changes nothing.
#[cold]
fn keep_locals(err: &PyErr, frame: &mut Frame) {
    let mut traceback = err.0.traceback.borrow_mut();
    let Some(entry) = traceback.first_mut() else {
        return;
    };
    if !Arc::ptr_eq(&entry.code, frame.code()) || entry.locals.is_some() {
        return;
    }
    let mut locals = std::mem::take(&mut frame.fast);
    for slot in locals.iter_mut() {
        if matches!(slot, Some(Value::Exception(e)) if Rc::ptr_eq(e, &err.0)) {
            *slot = None;
        }
    }
    if locals.iter().any(Option::is_some) {
        entry.locals = Some(Rc::new(locals));
    }
}

/// A jump target from the packed form (`u32::MAX`: none, which runs off
/// the end and is reported as such).
#[inline(always)]
fn jump_index(jump: u32) -> usize {
    if jump == u32::MAX {
        usize::MAX
    } else {
        jump as usize
    }
}

#[cold]
fn unbound_local(frame: &Frame, index: usize) -> PyErr {
    let name = frame.code().localsplus_name(index).unwrap_or("?");
    unbound_local_error(format!(
        "cannot access local variable '{name}' where it is not associated with a value"
    ))
}

#[cold]
fn unsupported(frame: &Frame, opname: &str) -> PyErr {
    system_error(format!(
        "py2vm does not support the opcode {opname} yet ({}, line {})",
        frame.code().filename,
        frame.line().unwrap_or(0)
    ))
}
