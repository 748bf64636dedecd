//! Signals delivered to Python handlers, as Modules/signalmodule.c does it:
//! the C-level handler only notes that a signal arrived (and writes its
//! number to the wakeup fd, for event loops); the interpreter loop sees the
//! note between instructions and calls the Python handler there, with the
//! current frame, so an exception it raises is raised by the instruction
//! that was about to run.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

use crate::object::{PyResult, Value};

/// One more than the highest signal number (`NSIG`).
pub const NSIG: usize = 65;

/// Set by the C-level handler; cleared when the handlers have run.
pub static PENDING: AtomicBool = AtomicBool::new(false);

/// Which signals arrived since their handlers last ran.
static TRIPPED: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];

/// `signal.set_wakeup_fd`'s descriptor, -1 for none.
pub static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);

thread_local! {
    /// The Python handler of each signal that has one (`signal.signal`).
    static HANDLERS: RefCell<Vec<Option<Value>>> = RefCell::new(vec![None; NSIG]);
}

extern "C" fn note_signal(signum: libc::c_int) {
    let n = signum as usize;
    if n < NSIG {
        TRIPPED[n].store(true, Ordering::SeqCst);
    }
    PENDING.store(true, Ordering::SeqCst);
    let fd = WAKEUP_FD.load(Ordering::SeqCst);
    if fd >= 0 {
        let byte = signum as u8;
        // SAFETY: write(2) is async-signal-safe; the buffer is a local.
        unsafe {
            libc::write(fd, &byte as *const u8 as *const libc::c_void, 1);
        }
    }
}

/// What the OS should do with a signal.
pub enum Disposition {
    Default,
    Ignore,
    /// Note it and run `handler` between instructions.
    Python(Value),
}

/// Installs `disposition` for `signum`; the OS error on failure.
pub fn set(signum: usize, disposition: Disposition) -> std::io::Result<()> {
    let action = match &disposition {
        Disposition::Default => libc::SIG_DFL,
        Disposition::Ignore => libc::SIG_IGN,
        Disposition::Python(_) => note_signal as extern "C" fn(libc::c_int) as libc::sighandler_t,
    };
    // SAFETY: a plain sigaction call with a zeroed mask; `note_signal`
    // only touches atomics and write(2).
    let ok = unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = action;
        sa.sa_flags = libc::SA_ONSTACK;
        libc::sigemptyset(&mut sa.sa_mask);
        libc::sigaction(signum as libc::c_int, &sa, std::ptr::null_mut()) == 0
    };
    if !ok {
        return Err(std::io::Error::last_os_error());
    }
    HANDLERS.with(|h| {
        h.borrow_mut()[signum] = match disposition {
            Disposition::Python(f) => Some(f),
            _ => None,
        }
    });
    Ok(())
}

thread_local! {
    /// `_signal.default_int_handler`: one object, so that
    /// `signal.getsignal(SIGINT) is signal.default_int_handler`.
    static DEFAULT_INT_HANDLER: Value = super::protocol::native(
        "default_int_handler",
        |_, _| Err(crate::object::PyErr::with_args(
            &crate::object::builtin_types().keyboard_interrupt,
            vec![],
        )),
        None,
    );
}

/// `_signal.default_int_handler`, which raises KeyboardInterrupt.
pub fn default_int_handler() -> Value {
    DEFAULT_INT_HANDLER.with(|h| h.clone())
}

/// What `signal_module_exec` does at start-up: when SIGINT has the
/// default disposition (not ignored by whoever started us), Ctrl-C raises
/// KeyboardInterrupt in the program, between instructions, so `except
/// KeyboardInterrupt` and `finally` run and buffered output is written.
pub fn install_default_int_handler() {
    // SAFETY: sigaction with a null new action only reads the current one.
    let current = unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(libc::SIGINT, std::ptr::null(), &mut old) != 0 {
            return;
        }
        old.sa_sigaction
    };
    if current == libc::SIG_DFL {
        let _ = set(
            libc::SIGINT as usize,
            Disposition::Python(default_int_handler()),
        );
    }
}

/// The Python handler of `signum`, if one is installed.
pub fn handler(signum: usize) -> Option<Value> {
    HANDLERS.with(|h| h.borrow().get(signum).cloned().flatten())
}

/// Whether `signum` arrived and its handler has not run yet.
pub fn tripped(signum: usize) -> bool {
    TRIPPED
        .get(signum)
        .is_some_and(|t| t.load(Ordering::SeqCst))
}

impl super::Vm {
    /// Runs the Python handlers of the signals that arrived (`PyErr_CheckSignals`),
    /// each with the signal number and the current frame.
    pub fn run_signal_handlers(&mut self) -> PyResult<()> {
        PENDING.store(false, Ordering::SeqCst);
        for (signum, tripped) in TRIPPED.iter().enumerate() {
            if !tripped.swap(false, Ordering::SeqCst) {
                continue;
            }
            let Some(f) = handler(signum) else {
                continue;
            };
            let frame = match self.frames.len() {
                0 => Value::None,
                n => super::frame_object::new(self, n - 1),
            };
            if let Err(e) = self.call(&f, vec![Value::Int(signum as i64), frame]) {
                // The rest wait for the next check, as in CPython.
                PENDING.store(true, Ordering::SeqCst);
                return Err(e);
            }
        }
        Ok(())
    }
}
