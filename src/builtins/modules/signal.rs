//! `_signal` (Modules/signalmodule.c, Linux): the signal numbers, setting
//! and reading dispositions, `set_wakeup_fd` for event loops, `alarm`,
//! `pause`, `raise_signal`, `pthread_sigmask`... A Python handler runs
//! between instructions, with the signal number and the current frame
//! (`vm::signals`).
//!
//! Left out: the interval timers (`setitimer`), `sigwait*` and
//! `pidfd_send_signal`. `default_int_handler` is installed for SIGINT when
//! a program starts (`vm::signals::install_default_int_handler`).

use super::posix::{last_error, os_error_with};
use super::{clinic_bind, functions, new_module};
use crate::object::exception::{type_error, value_error};
use crate::object::function::Args;
use crate::object::{PyResult, Value};
use crate::vm::protocol;
use crate::vm::signals::{self, Disposition, NSIG};
use crate::vm::Vm;

/// The signal names python3.11 has on Linux, with their numbers.
const SIGNALS: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGIOT", libc::SIGIOT),
    ("SIGABRT", libc::SIGABRT),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGBUS", libc::SIGBUS),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGSYS", libc::SIGSYS),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGCLD", libc::SIGCHLD),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGPWR", libc::SIGPWR),
    ("SIGIO", libc::SIGIO),
    ("SIGPOLL", libc::SIGPOLL),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGURG", libc::SIGURG),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGCONT", libc::SIGCONT),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGSTKFLT", libc::SIGSTKFLT),
];

/// `_signal`, created on first import.
pub fn module() -> Value {
    let mut members: Vec<(&str, Value)> = SIGNALS
        .iter()
        .map(|(n, v)| (*n, Value::Int(*v as i64)))
        .collect();
    members.extend([
        ("SIGRTMIN", Value::Int(libc::SIGRTMIN() as i64)),
        ("SIGRTMAX", Value::Int(libc::SIGRTMAX() as i64)),
        ("NSIG", Value::Int(NSIG as i64)),
        ("default_int_handler", signals::default_int_handler()),
        ("SIG_DFL", Value::Int(0)),
        ("SIG_IGN", Value::Int(1)),
        ("SIG_BLOCK", Value::Int(libc::SIG_BLOCK as i64)),
        ("SIG_UNBLOCK", Value::Int(libc::SIG_UNBLOCK as i64)),
        ("SIG_SETMASK", Value::Int(libc::SIG_SETMASK as i64)),
        ("ITIMER_REAL", Value::Int(0)),
        ("ITIMER_VIRTUAL", Value::Int(1)),
        ("ITIMER_PROF", Value::Int(2)),
    ]);
    members.extend(functions(&[
        ("signal", signal),
        ("getsignal", getsignal),
        ("raise_signal", raise_signal),
        ("alarm", alarm),
        ("pause", pause),
        ("strsignal", strsignal),
        ("valid_signals", valid_signals),
        ("set_wakeup_fd", set_wakeup_fd),
        ("siginterrupt", siginterrupt),
        ("pthread_sigmask", pthread_sigmask),
        ("pthread_kill", pthread_kill),
        ("sigpending", |vm, _| {
            // SAFETY: sigpending fills the zeroed set it is given.
            let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
            if unsafe { libc::sigpending(&mut set) } != 0 {
                return Err(last_error());
            }
            set_of(vm, &set)
        }),
    ]));
    new_module("_signal", members)
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match protocol::number::number_index(vm, v)? {
        Value::Int(i) => Ok(i),
        _ => Err(crate::object::exception::overflow_error(
            "Python int too large to convert to C long",
        )),
    }
}

/// A signal number argument, checked against `NSIG`.
fn signum_arg(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let n = int_arg(vm, v)?;
    if n < 1 || n >= NSIG as i64 {
        return Err(value_error("signal number out of range"));
    }
    Ok(n as usize)
}

fn positional(a: &Args, fname: &str, names: &[&str]) -> PyResult<Vec<Value>> {
    let bound = clinic_bind(fname, a.positional, &[], names, names.len(), names.len())?;
    if !a.keywords.is_empty() {
        return Err(type_error(format!("{fname}() takes no keyword arguments")));
    }
    Ok(bound
        .into_iter()
        .map(|v| v.unwrap_or(Value::None))
        .collect())
}

/// `signal(signalnum, handler)`: installs `handler` (SIG_DFL, SIG_IGN or
/// a callable) and returns the previous one.
fn signal(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let args = positional(&a, "signal", &["signalnum", "handler"])?;
    let signum = signum_arg(vm, &args[0])?;
    let handler = &args[1];
    let disposition =
        match handler {
            Value::Int(0) => Disposition::Default,
            Value::Int(1) => Disposition::Ignore,
            h if protocol::is_callable(h) => Disposition::Python(h.clone()),
            h => match protocol::number::number_index(vm, h) {
                Ok(Value::Int(0)) => Disposition::Default,
                Ok(Value::Int(1)) => Disposition::Ignore,
                _ => return Err(type_error(
                    "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
                )),
            },
        };
    let old = current(signum);
    signals::set(signum, disposition)
        .map_err(|e| os_error_with(e.raw_os_error().unwrap_or(0), None, None))?;
    // CPython runs the handlers of signals that arrived meanwhile.
    if signals::PENDING.load(std::sync::atomic::Ordering::SeqCst) {
        vm.run_signal_handlers()?;
    }
    Ok(old)
}

/// The disposition of `signum` as `getsignal` reports it: the Python
/// handler, SIG_DFL (0), SIG_IGN (1), or None for a handler not set from
/// Python.
fn current(signum: usize) -> Value {
    if let Some(h) = signals::handler(signum) {
        return h;
    }
    // SAFETY: sigaction with a null new action only reads the current one.
    let mut old: libc::sigaction = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::sigaction(signum as i32, std::ptr::null(), &mut old) } == 0;
    match old.sa_sigaction {
        _ if !ok => Value::None,
        libc::SIG_DFL => Value::Int(0),
        libc::SIG_IGN => Value::Int(1),
        _ => Value::None,
    }
}

fn getsignal(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let args = positional(&a, "getsignal", &["signalnum"])?;
    let signum = signum_arg(vm, &args[0])?;
    Ok(current(signum))
}

fn raise_signal(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let args = positional(&a, "raise_signal", &["signalnum"])?;
    let signum = signum_arg(vm, &args[0])?;
    // SAFETY: raise(3) with a checked signal number.
    if unsafe { libc::raise(signum as i32) } != 0 {
        return Err(last_error());
    }
    vm.run_signal_handlers()?;
    Ok(Value::None)
}

fn alarm(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let args = positional(&a, "alarm", &["seconds"])?;
    let seconds = int_arg(vm, &args[0])?;
    let seconds = u32::try_from(seconds).map_err(|_| {
        crate::object::exception::overflow_error(
            "Python int too large to convert to C unsigned int",
        )
    })?;
    // SAFETY: alarm(2) has no memory effects.
    Ok(Value::Int(unsafe { libc::alarm(seconds) } as i64))
}

fn pause(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    // SAFETY: pause(2) waits for a signal; our handler only sets flags.
    unsafe { libc::pause() };
    vm.run_signal_handlers()?;
    Ok(Value::None)
}

fn strsignal(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let args = positional(&a, "strsignal", &["signalnum"])?;
    let signum = signum_arg(vm, &args[0])?;
    // SAFETY: strsignal returns a NUL-terminated string, copied at once.
    let text = unsafe {
        let p = libc::strsignal(signum as i32);
        if p.is_null() {
            return Ok(Value::None);
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    };
    if text.starts_with("Unknown signal") || text.starts_with("Real-time signal") {
        return Ok(Value::None);
    }
    Ok(Value::str(&text))
}

/// A `set` of the signal numbers in `set`.
fn set_of(vm: &mut Vm, set: &libc::sigset_t) -> PyResult<Value> {
    let members = (1..NSIG as i32)
        // SAFETY: sigismember reads the set.
        .filter(|&n| unsafe { libc::sigismember(set, n) } == 1)
        .map(|n| Value::Int(n as i64))
        .collect();
    protocol::new_set(vm, members)
}

fn valid_signals(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    // SAFETY: sigfillset fills the zeroed set.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    unsafe { libc::sigfillset(&mut set) };
    set_of(vm, &set)
}

/// `set_wakeup_fd(fd, /, *, warn_on_full_buffer=True)`: the descriptor the
/// C-level handler writes each signal's number to; returns the old one.
fn set_wakeup_fd(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let bound = clinic_bind(
        "set_wakeup_fd",
        a.positional,
        a.keywords,
        &["fd", "warn_on_full_buffer"],
        1,
        1,
    )?;
    let fd = int_arg(vm, bound[0].as_ref().unwrap_or(&Value::None))?;
    if fd != -1 {
        // SAFETY: fcntl(F_GETFL) only reads the descriptor's flags.
        let flags = unsafe { libc::fcntl(fd as i32, libc::F_GETFL) };
        if flags == -1 {
            return Err(last_error());
        }
        if flags & libc::O_NONBLOCK == 0 {
            return Err(value_error(format!(
                "the fd {fd} must be in non-blocking mode"
            )));
        }
    }
    let old = signals::WAKEUP_FD.swap(fd as i32, std::sync::atomic::Ordering::SeqCst);
    Ok(Value::Int(old as i64))
}

fn siginterrupt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let args = positional(&a, "siginterrupt", &["signalnum", "flag"])?;
    let signum = signum_arg(vm, &args[0])?;
    let flag = int_arg(vm, &args[1])?;
    // siginterrupt(3): a system call the signal interrupts fails with
    // EINTR (flag true) or restarts (false): the SA_RESTART flag.
    // SAFETY: reads then writes back the signal's own action.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(signum as i32, std::ptr::null(), &mut sa) != 0 {
            return Err(last_error());
        }
        if flag != 0 {
            sa.sa_flags &= !libc::SA_RESTART;
        } else {
            sa.sa_flags |= libc::SA_RESTART;
        }
        if libc::sigaction(signum as i32, &sa, std::ptr::null_mut()) != 0 {
            return Err(last_error());
        }
    }
    Ok(Value::None)
}

fn pthread_sigmask(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let args = positional(&a, "pthread_sigmask", &["how", "mask"])?;
    let how = int_arg(vm, &args[0])?;
    // SAFETY: the sets are zeroed then filled by sigemptyset/sigaddset.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    unsafe { libc::sigemptyset(&mut set) };
    let iter = protocol::iter(vm, &args[1])?;
    while let Some(item) = protocol::next(vm, &iter)? {
        let n = int_arg(vm, &item)?;
        if n < 1 || n >= NSIG as i64 {
            return Err(value_error(format!(
                "signal number {n} out of range [1; {}]",
                NSIG - 1
            )));
        }
        unsafe { libc::sigaddset(&mut set, n as i32) };
    }
    let mut old: libc::sigset_t = unsafe { std::mem::zeroed() };
    let err = unsafe { libc::pthread_sigmask(how as i32, &set, &mut old) };
    if err != 0 {
        return Err(os_error_with(err, None, None));
    }
    vm.run_signal_handlers()?;
    set_of(vm, &old)
}

fn pthread_kill(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let args = positional(&a, "pthread_kill", &["thread_id", "signalnum"])?;
    let _ = int_arg(vm, &args[0])?;
    let signum = int_arg(vm, &args[1])?;
    // py2vm has one thread: the id names it.
    // SAFETY: pthread_kill on the calling thread.
    let err = unsafe { libc::pthread_kill(libc::pthread_self(), signum as i32) };
    if err != 0 {
        return Err(os_error_with(err, None, None));
    }
    vm.run_signal_handlers()?;
    Ok(Value::None)
}
