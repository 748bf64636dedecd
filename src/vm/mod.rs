//! The virtual machine: an explicit frame stack and the instruction loop.
//!
//! A Python→Python call pushes a [`Frame`] and the loop continues with it: no
//! Rust recursion. Native code that needs a Python result (a `key=` function,
//! `__repr__` from `str()`, a user `__eq__` during a dict lookup) runs a nested
//! loop on the *same* frame stack down to its own depth (DESIGN §3), bounded by
//! the recursion limit; `run_program` gives the VM a thread with a large stack
//! so that the limit, not the Rust stack, is what stops deep recursion.
//!
//! The loop is generic over an [`Observer`] called before each instruction;
//! `py2vm run` uses [`NoObserver`], which compiles away.

pub mod coro;
pub mod eval;
pub mod frame;
pub mod generator;
pub mod observer;
pub mod ops;
pub mod protocol;
pub mod traceback;

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use std::sync::Arc;

pub use frame::{Frame, ReturnAction};
pub use observer::{Control, NoObserver, Observer, RecordingObserver};

use crate::object::{builtin_types, Dict, PyErr, PyResult, Value};
use crate::pyc::CodeObject;

/// How a program run ended.
pub enum Outcome {
    /// Normal end, or `SystemExit`: the process exit status.
    Exit(i32),
    /// An exception nobody caught (already printed to stderr).
    Uncaught,
}

pub struct Vm {
    pub frames: Vec<Frame>,
    pub builtins: Rc<RefCell<Dict>>,
    pub recursion_limit: usize,
    /// The exception being handled (`sys.exc_info()`), saved and restored by
    /// PUSH_EXC_INFO / POP_EXCEPT through the value stack.
    pub handled: Option<Value>,
    pub argv: Vec<String>,
    pub modules: Rc<RefCell<Dict>>,
    pub stdout: Box<dyn Write>,
    /// Depth of nested native→Python loops (each costs Rust stack).
    pub native_depth: usize,
    /// Set by RERAISE: the exception continues without a new traceback entry.
    pub reraising: bool,
    /// Whether the base frame of the last nested loop yielded (a generator
    /// resumed from native code) rather than returned.
    pub last_exit_yielded: bool,
}

impl Vm {
    pub fn new(argv: Vec<String>) -> Vm {
        let mut vm = Vm {
            frames: Vec::new(),
            builtins: Rc::new(RefCell::new(Dict::new())),
            recursion_limit: 1000,
            handled: None,
            argv,
            modules: Rc::new(RefCell::new(Dict::new())),
            stdout: Box::new(std::io::BufWriter::new(std::io::stdout())),
            native_depth: 0,
            reraising: false,
            last_exit_yielded: false,
        };
        crate::builtins::install(&mut vm);
        vm
    }

    /// Runs a module's code object to completion with `observer` watching.
    pub fn run_module<O: Observer>(
        &mut self,
        code: Arc<CodeObject>,
        observer: &mut O,
    ) -> PyResult<Value> {
        let globals = Rc::new(RefCell::new(Dict::new()));
        protocol::dict_set_str(&globals, "__name__", Value::str("__main__"));
        protocol::dict_set_str(&globals, "__builtins__", Value::Dict(self.builtins.clone()));
        protocol::dict_set_str(&globals, "__file__", Value::str(&code.filename));
        let frame = Frame::new(
            code,
            globals.clone(),
            Some(globals),
            ReturnAction::ReturnToNative,
        );
        self.push_frame(frame)?;
        let depth = self.frames.len() - 1;
        self.run_until(depth, observer)
    }

    pub fn push_frame(&mut self, frame: Frame) -> PyResult<()> {
        if self.frames.len() >= self.recursion_limit {
            return Err(crate::object::exception::recursion_error(
                "maximum recursion depth exceeded",
            ));
        }
        self.frames.push(frame);
        Ok(())
    }

    /// Calls `callable` from native code and runs it to completion (a nested
    /// loop when it is Python code), without an observer.
    pub fn call(&mut self, callable: &Value, args: Vec<Value>) -> PyResult<Value> {
        self.call_kw(callable, args, Vec::new())
    }

    pub fn call_kw(
        &mut self,
        callable: &Value,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Value> {
        match protocol::call(self, callable.clone(), args, kwargs)? {
            protocol::CallOutcome::Value(v) => Ok(v),
            protocol::CallOutcome::Frame(mut frame) => {
                let action =
                    std::mem::replace(&mut frame.return_action, ReturnAction::ReturnToNative);
                if self.native_depth > self.recursion_limit + 50 {
                    return Err(crate::object::exception::recursion_error(
                        "maximum recursion depth exceeded",
                    ));
                }
                self.push_frame(frame)?;
                let depth = self.frames.len() - 1;
                self.native_depth += 1;
                let result = self.run_until(depth, &mut NoObserver);
                self.native_depth -= 1;
                let value = result?;
                match action {
                    ReturnAction::InitCheck(instance) => {
                        protocol::check_init_result(&value)?;
                        Ok(instance)
                    }
                    _ => Ok(value),
                }
            }
        }
    }

    pub fn flush_stdout(&mut self) {
        let _ = self.stdout.flush();
    }
}

/// Runs `code` as `__main__` the way `python3.11 FILE` does: stdout, a
/// traceback on stderr for an uncaught exception, the exit status.
pub fn run_program(code: Arc<CodeObject>, argv: Vec<String>) -> Outcome {
    // A big stack so that Python's recursion limit, not Rust's stack, is what
    // stops deep recursion through native→Python calls.
    let worker = std::thread::Builder::new()
        .name("py2vm".into())
        .stack_size(1 << 30)
        .spawn(move || {
            let mut vm = Vm::new(argv);
            let result = vm.run_module(code, &mut NoObserver);
            let outcome = match result {
                Ok(_) => Outcome::Exit(0),
                Err(err) => traceback::finish_with_exception(&mut vm, err),
            };
            vm.flush_stdout();
            outcome
        });
    match worker.map(|h| h.join()) {
        Ok(Ok(outcome)) => outcome,
        _ => {
            eprintln!("py2vm: internal error (a bug in py2vm, please report it)");
            Outcome::Exit(101)
        }
    }
}

/// `SystemExit`'s exit status, as CPython's `handle_system_exit` computes it.
pub fn system_exit_status(vm: &mut Vm, err: &PyErr) -> Option<i32> {
    if !err.is_instance(&builtin_types().system_exit) {
        return None;
    }
    let args = err.0.args.borrow().clone();
    let code = match args.len() {
        0 => Value::None,
        1 => args[0].clone(),
        _ => Value::Tuple(args),
    };
    Some(match code {
        Value::None => 0,
        Value::Int(i) => i as i32,
        Value::Bool(b) => b as i32,
        other => {
            vm.flush_stdout();
            let text = protocol::str_of(vm, &other).unwrap_or_default();
            eprintln!("{text}");
            1
        }
    })
}
