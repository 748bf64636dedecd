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
pub mod frame_object;
pub mod gen_throw;
pub mod generator;
pub mod inline_cache;
pub mod observer;
pub mod ops;
pub mod protocol;
pub mod signals;
pub mod traceback;

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use std::sync::Arc;

pub use frame::{Frame, ReturnAction};
pub use observer::{Control, NoObserver, Observer, RecordingObserver, SharedObserver};

use crate::object::{builtin_types, Dict, PyErr, PyResult, Value};
use crate::pyc::CodeObject;

thread_local! {
    static START: std::time::Instant = std::time::Instant::now();
}

/// The host's clocks in nanoseconds: what `Vm::clock` reads by default.
/// The debugger replaces `Vm::clock` to record the readings and replay them.
pub fn host_clock(which: Clock) -> u128 {
    match which {
        Clock::Wall => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos(),
        Clock::Monotonic => START.with(|s| s.elapsed()).as_nanos(),
    }
}

/// The clocks programs can read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    Wall,
    Monotonic,
}

/// How a program run ended.
pub enum Outcome {
    /// Normal end, or `SystemExit`: the process exit status.
    Exit(i32),
    /// An exception nobody caught (already printed to stderr).
    Uncaught,
    /// An uncaught KeyboardInterrupt (already printed): like CPython, the
    /// process should end by SIGINT (`exit_sigint` in Modules/main.c).
    Interrupted,
    /// An observer stopped the run (`trace --limit`, a debugger quitting).
    Aborted,
}

pub struct Vm {
    pub frames: Vec<Frame>,
    pub builtins: Rc<RefCell<Dict>>,
    /// `hash("__builtins__")`, looked up in the globals by every LOAD_GLOBAL
    /// that misses them.
    pub builtins_name_hash: i64,
    /// Value stacks and local arrays of returned frames, reused by calls.
    pub spare_frame_parts: Vec<frame::FrameParts>,
    pub recursion_limit: usize,
    /// The exception being handled (`sys.exc_info()`), saved and restored by
    /// PUSH_EXC_INFO / POP_EXCEPT through the value stack.
    pub handled: Option<Value>,
    pub argv: Vec<String>,
    /// `sys.modules`.
    pub modules: Rc<RefCell<Dict>>,
    /// `__main__`'s globals, cleared at exit ([`Vm::finalize_main`]).
    pub main_globals: Option<Rc<RefCell<Dict>>>,
    /// `sys.path` and the modules being imported (`builtins::modules::importer`).
    pub imports: crate::builtins::modules::importer::ImportState,
    pub stdout: Box<dyn Write>,
    /// Depth of nested native→Python loops (each costs Rust stack).
    pub native_depth: usize,
    /// Set by RERAISE: the exception continues without a new traceback entry.
    pub reraising: bool,
    /// Whether the base frame of the last nested loop yielded (a generator
    /// resumed from native code) rather than returned.
    pub last_exit_yielded: bool,
    /// Reads a clock in nanoseconds (the `time` module). The debugger
    /// replaces it to record readings and replay them exactly.
    pub clock: Box<dyn FnMut(Clock) -> u128>,
    /// Reads one line of program input (`input()`); `None` at end of file.
    /// The debugger replaces it to record input and replay it exactly.
    pub stdin: Box<dyn FnMut() -> std::io::Result<Option<String>>>,
    /// The observer nested loops (native code calling back into Python) run
    /// under, so a debugger sees every instruction; `None` under `run`.
    pub nested_observer: Option<SharedObserver>,
    /// Set when an observer aborts the run: no handler catches anything any
    /// more and every frame unwinds, so the run ends wherever it was.
    pub aborting: bool,
    /// `atexit.register`'s callbacks with their arguments, in registration
    /// order: run last registered first when the program ends.
    pub exit_callbacks: Vec<(Value, Vec<Value>, Vec<(Rc<str>, Value)>)>,
    /// The codec search functions, their results and the error handlers
    /// (`_codecs`).
    pub codecs: crate::builtins::modules::codecs::Registry,
    /// The current `contextvars.Context` (made on first use; CPython
    /// keeps one per thread).
    pub context: Option<Value>,
    /// Every generator, coroutine and async generator created, as weak
    /// references (DESIGN §3): the debugger's live-generator view.
    /// Each has a serial number, stable for the run, that views refer to.
    pub generators: Vec<(u64, std::rc::Weak<crate::object::generator::Generator>)>,
    /// Live entries after the last pruning of `generators`.
    generators_pruned_at: usize,
    /// `sys.set_asyncgen_hooks`: `firstiter`, called with each async
    /// generator when it is first iterated, and `finalizer`, which that
    /// generator keeps and is called with instead of closing it when its
    /// last reference goes while it is suspended (asyncio schedules
    /// `aclose()`).
    pub asyncgen_firstiter: Option<Value>,
    pub asyncgen_finalizer: Option<Value>,
    /// Set once the program has ended and `__main__` is being finalized
    /// (`sys.is_finalizing()`).
    pub finalizing: bool,
    next_generator_id: u64,
}

impl Vm {
    pub fn new(argv: Vec<String>) -> Vm {
        let mut vm = Vm {
            frames: Vec::new(),
            builtins: Rc::new(RefCell::new(Dict::new())),
            builtins_name_hash: protocol::str_hash("__builtins__"),
            spare_frame_parts: Vec::new(),
            recursion_limit: 1000,
            handled: None,
            imports: crate::builtins::modules::importer::ImportState::new(
                argv.first().map(String::as_str),
            ),
            argv,
            modules: Rc::new(RefCell::new(Dict::new())),
            main_globals: None,
            stdout: Box::new(std::io::BufWriter::new(std::io::stdout())),
            native_depth: 0,
            reraising: false,
            last_exit_yielded: false,
            stdin: Box::new(read_stdin_line),
            clock: Box::new(host_clock),
            nested_observer: None,
            aborting: false,
            exit_callbacks: Vec::new(),
            codecs: Default::default(),
            context: None,
            generators: Vec::new(),
            generators_pruned_at: 0,
            asyncgen_firstiter: None,
            asyncgen_finalizer: None,
            finalizing: false,
            next_generator_id: 1,
        };
        crate::builtins::install(&mut vm);
        vm
    }

    /// Runs the program's code object to completion with `observer`
    /// watching, as the module `__main__` (in `sys.modules`).
    pub fn run_module<O: Observer>(
        &mut self,
        code: Arc<CodeObject>,
        observer: &mut O,
    ) -> PyResult<Value> {
        let globals = Rc::new(RefCell::new(Dict::new()));
        protocol::dict_set_str(&globals, "__name__", Value::str("__main__"));
        protocol::dict_set_str(&globals, "__builtins__", Value::Dict(self.builtins.clone()));
        protocol::dict_set_str(&globals, "__file__", Value::str(&code.filename));
        self.main_globals = Some(globals.clone());
        let main = crate::object::value::Module {
            name: Rc::from("__main__"),
            dict: globals.clone(),
        };
        protocol::dict_set_str(&self.modules, "__main__", Value::Module(Rc::new(main)));
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

    /// At exit, the objects only `__main__` kept are finalized (their
    /// `__del__` runs). In CPython the module's dict is in a reference cycle
    /// (functions' `__globals__`) and the cycle collector frees it at
    /// shutdown, finalizing instances the dict holds directly first, in
    /// dict order, then what containers hold; this does the same, setting
    /// names to None in two passes.
    pub fn finalize_main(&mut self) {
        self.finalizing = true;
        let Some(globals) = self.main_globals.take() else {
            return;
        };
        let entries: Vec<(Value, bool)> = globals
            .borrow()
            .iter()
            .map(|e| (e.key.clone(), matches!(e.value, Value::Instance(_))))
            .collect();
        let names = |instances: bool| {
            entries
                .iter()
                .filter(move |(_, is_instance)| *is_instance == instances)
                .filter_map(|(k, _)| match k {
                    Value::Str(s) if &**s != "__builtins__" => Some(s.clone()),
                    _ => None,
                })
        };
        for name in names(true).chain(names(false)) {
            // A dropped instance only queues its `__del__`, which runs here.
            protocol::dict_set_str(&globals, &name, Value::None);
            self.run_finalizers();
        }
    }

    #[inline(always)]
    pub fn push_frame(&mut self, frame: Frame) -> PyResult<()> {
        if self.frames.len() >= self.recursion_limit {
            return Err(recursion_limit_error());
        }
        self.frames.push(frame);
        Ok(())
    }

    /// Calls `callable` from native code and runs it to completion (a nested
    /// loop when it is Python code, under the nested observer).
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
            protocol::CallOutcome::Frame(frame) => self.run_frame(frame),
        }
    }

    /// Runs a frame a call produced to completion in a nested loop (native
    /// code's side of `CallOutcome::Frame`), honouring its return action.
    pub fn run_frame(&mut self, mut frame: Frame) -> PyResult<Value> {
        let action = std::mem::replace(&mut frame.return_action, ReturnAction::ReturnToNative);
        let value = self.run_nested_frame(frame)?;
        match action {
            ReturnAction::InitCheck(instance) => {
                protocol::check_init_result(&value)?;
                Ok(instance)
            }
            _ => Ok(value),
        }
    }

    /// The one entry through which native code runs Python code to
    /// completion (a function call, a class body, an `exec`/`eval` body, a
    /// module body): pushes `frame` and runs a nested loop down to it,
    /// under the nested observer, so the debugger and tracers see every
    /// instruction. Native recursion is bounded by the recursion limit.
    pub fn run_nested_frame(&mut self, frame: Frame) -> PyResult<Value> {
        if self.native_depth > self.recursion_limit + 50 {
            return Err(crate::object::exception::recursion_error(
                "maximum recursion depth exceeded",
            ));
        }
        self.push_frame(frame)?;
        self.nested_from_top(|vm, base| vm.run_nested(base))
    }

    /// Runs `run` with the top frame as the base of a nested loop (the
    /// frame is already pushed: a resumed generator's), counting the
    /// native depth around it.
    pub(crate) fn nested_from_top(
        &mut self,
        run: impl FnOnce(&mut Vm, usize) -> PyResult<Value>,
    ) -> PyResult<Value> {
        let base = self.frames.len() - 1;
        self.native_depth += 1;
        let result = run(self, base);
        self.native_depth -= 1;
        result
    }

    /// Runs frames down to `base` for native code that needs a Python
    /// result, under the nested observer if one is installed.
    pub fn run_nested(&mut self, base: usize) -> PyResult<Value> {
        match self.nested_observer.clone() {
            None => self.run_until(base, &mut NoObserver),
            Some(mut shared) => self.run_until(base, &mut shared),
        }
    }

    /// Registers a new generator object for the live-generator view; drops
    /// dead entries whenever the list has doubled since the last pruning.
    pub fn register_generator(&mut self, gen: &Rc<crate::object::generator::Generator>) {
        gen.serial.set(self.next_generator_id);
        self.generators
            .push((self.next_generator_id, Rc::downgrade(gen)));
        self.next_generator_id += 1;
        if self.generators.len() >= 2 * self.generators_pruned_at.max(32) {
            self.generators.retain(|(_, g)| g.strong_count() > 0);
            self.generators_pruned_at = self.generators.len();
        }
    }

    /// The generators still alive with their serial numbers, oldest first.
    pub fn live_generators(&self) -> Vec<(u64, Rc<crate::object::generator::Generator>)> {
        self.generators
            .iter()
            .filter_map(|(id, g)| Some((*id, g.upgrade()?)))
            .collect()
    }

    /// `atexit._run_exitfuncs`: the callbacks, last registered first; an
    /// exception in one is reported ("Exception ignored in atexit
    /// callback") and the others still run.
    pub fn run_exit_callbacks(&mut self, outcome: Outcome) -> Outcome {
        while let Some((func, args, kwargs)) = self.exit_callbacks.pop() {
            if let Err(e) = self.call_kw(&func, args, kwargs) {
                if self.aborting {
                    break;
                }
                self.write_unraisable_with(&e, "Exception ignored in atexit callback", &func);
            }
        }
        outcome
    }

    pub fn flush_stdout(&mut self) {
        let _ = self.stdout.flush();
    }
}

fn read_stdin_line() -> std::io::Result<Option<String>> {
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line)? {
        0 => Ok(None),
        _ => Ok(Some(line)),
    }
}

/// Runs `code` as `__main__` the way `python3.11 FILE` does: stdout, a
/// traceback on stderr for an uncaught exception, the exit status.
pub fn run_program(code: Arc<CodeObject>, argv: Vec<String>) -> Outcome {
    run_program_with(code, argv, |_| None)
}

/// Runs `code` like [`run_program`], after `setup` has configured the VM
/// (its output, its input) and chosen the observer that watches every loop,
/// nested ones included.
pub fn run_program_with(
    code: Arc<CodeObject>,
    argv: Vec<String>,
    setup: impl FnOnce(&mut Vm) -> Option<SharedObserver> + Send + 'static,
) -> Outcome {
    let result = on_vm_thread(move || {
        let mut vm = Vm::new(argv);
        signals::install_default_int_handler();
        let observer = setup(&mut vm);
        let result = match observer {
            None => vm.run_module(code, &mut NoObserver),
            Some(shared) => {
                vm.nested_observer = Some(shared.clone());
                vm.run_module(code, &mut shared.clone())
            }
        };
        let outcome = match result {
            Ok(_) => Outcome::Exit(0),
            Err(_) if vm.aborting => Outcome::Aborted,
            Err(err) => traceback::finish_with_exception(&mut vm, err),
        };
        let outcome = if vm.aborting {
            outcome
        } else {
            vm.run_exit_callbacks(outcome)
        };
        vm.nested_observer = None;
        if !vm.aborting {
            vm.finalize_main();
        }
        vm.flush_stdout();
        outcome
    });
    result.unwrap_or(Outcome::Exit(101))
}

/// Runs `work` on a thread with a big stack, so that Python's recursion
/// limit, not Rust's stack, is what stops deep recursion through
/// native→Python calls. `None` (after a message) if it panicked.
///
/// Signals sent to the process are delivered to that thread, as CPython
/// delivers them to its main thread: this one blocks them while it waits
/// (the worker starts with the mask it had before).
pub fn on_vm_thread<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    // SAFETY: pthread_sigmask on this thread's own mask with sets filled by
    // sigfillset/returned by the previous call.
    let mut old: libc::sigset_t = unsafe { std::mem::zeroed() };
    let mut all: libc::sigset_t = unsafe { std::mem::zeroed() };
    unsafe {
        libc::sigfillset(&mut all);
        libc::pthread_sigmask(libc::SIG_SETMASK, &all, &mut old);
    }
    let restore = old;
    let worker = std::thread::Builder::new()
        .name("py2vm".into())
        .stack_size(1 << 30)
        .spawn(move || {
            // SAFETY: restores the mask this thread inherited blocked.
            unsafe { libc::pthread_sigmask(libc::SIG_SETMASK, &restore, std::ptr::null_mut()) };
            work()
        });
    let joined = worker.map(|h| h.join());
    // SAFETY: puts back this thread's own mask.
    unsafe { libc::pthread_sigmask(libc::SIG_SETMASK, &old, std::ptr::null_mut()) };
    match joined {
        Ok(Ok(value)) => Some(value),
        _ => {
            eprintln!("py2vm: internal error (a bug in py2vm, please report it)");
            None
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

#[cold]
#[inline(never)]
fn recursion_limit_error() -> crate::object::PyErr {
    crate::object::exception::recursion_error("maximum recursion depth exceeded")
}
