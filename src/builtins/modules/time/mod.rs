//! The `time` module as CPython's Modules/timemodule.c on Linux: the
//! clocks (`time`, `monotonic`, `perf_counter`, `process_time`,
//! `thread_time`, `clock_gettime`...), `sleep`, `get_clock_info`, and the
//! time zone attributes (`timezone`, `altzone`, `daylight`, `tzname`, as
//! `init_timezone` computes them from January and July of the current year,
//! recomputed by `tzset`). The calendar part (`struct_time`, `gmtime`,
//! `localtime`, `mktime`, `strftime`...) is in [`tm`].

mod tm;

use std::rc::Rc;
use std::time::Duration;

use super::{functions, namespace, new_module};
use crate::builtins::structseq;
use crate::object::exception::{overflow_error, runtime_error, type_error, value_error};
use crate::object::function::Args;
use crate::object::{PyErr, PyResult, Value};
use crate::vm::protocol;
use crate::vm::Vm;

fn wall(vm: &mut Vm) -> Duration {
    Duration::from_nanos((vm.clock)(crate::vm::Clock::Wall) as u64)
}

fn monotonic(vm: &mut Vm) -> Duration {
    Duration::from_nanos((vm.clock)(crate::vm::Clock::Monotonic) as u64)
}

pub fn module() -> Value {
    let mut members = functions(&[
        ("time", |vm, a| {
            no_args(&a, "time")?;
            Ok(Value::Float(wall(vm).as_secs_f64()))
        }),
        ("time_ns", |vm, a| {
            no_args(&a, "time_ns")?;
            Ok(Value::Int(wall(vm).as_nanos() as i64))
        }),
        ("perf_counter", |vm, a| {
            no_args(&a, "perf_counter")?;
            Ok(Value::Float(monotonic(vm).as_secs_f64()))
        }),
        ("perf_counter_ns", |vm, a| {
            no_args(&a, "perf_counter_ns")?;
            Ok(Value::Int(monotonic(vm).as_nanos() as i64))
        }),
        ("monotonic", |vm, a| {
            no_args(&a, "monotonic")?;
            Ok(Value::Float(monotonic(vm).as_secs_f64()))
        }),
        ("monotonic_ns", |vm, a| {
            no_args(&a, "monotonic_ns")?;
            Ok(Value::Int(monotonic(vm).as_nanos() as i64))
        }),
        ("process_time", |_, a| {
            no_args(&a, "process_time")?;
            seconds(gettime(libc::CLOCK_PROCESS_CPUTIME_ID)?)
        }),
        ("process_time_ns", |_, a| {
            no_args(&a, "process_time_ns")?;
            nanoseconds(gettime(libc::CLOCK_PROCESS_CPUTIME_ID)?)
        }),
        ("thread_time", |_, a| {
            no_args(&a, "thread_time")?;
            seconds(gettime(libc::CLOCK_THREAD_CPUTIME_ID)?)
        }),
        ("thread_time_ns", |_, a| {
            no_args(&a, "thread_time_ns")?;
            nanoseconds(gettime(libc::CLOCK_THREAD_CPUTIME_ID)?)
        }),
        ("clock_gettime", |vm, a| {
            let id = clock_id(vm, &a, "clock_gettime")?;
            seconds(gettime(id)?)
        }),
        ("clock_gettime_ns", |vm, a| {
            let id = clock_id(vm, &a, "clock_gettime")?;
            nanoseconds(gettime(id)?)
        }),
        ("clock_getres", |vm, a| {
            let id = clock_id(vm, &a, "clock_getres")?;
            seconds(getres(id)?)
        }),
        ("clock_settime", clock_settime),
        ("clock_settime_ns", clock_settime_ns),
        ("sleep", sleep),
        ("get_clock_info", get_clock_info),
        ("tzset", tzset),
        ("gmtime", tm::gmtime),
        ("localtime", tm::localtime),
        ("asctime", tm::asctime),
        ("ctime", tm::ctime),
        ("mktime", tm::mktime),
        ("strftime", tm::strftime),
        ("strptime", tm::strptime),
    ]);
    let clocks = [
        ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
        ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
        ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
        ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
        ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
        ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
        ("CLOCK_TAI", libc::CLOCK_TAI),
    ];
    for (name, id) in clocks {
        members.push((name, Value::Int(id as i64)));
    }
    members.push(("_STRUCT_TM_ITEMS", Value::Int(11)));
    members.push((
        "struct_time",
        Value::Type(structseq::type_for(&tm::STRUCT_TIME)),
    ));
    members.push(("__doc__", Value::str(MODULE_DOC)));
    let module = new_module("time", members);
    if let Value::Module(m) = &module {
        // An offset past 48 hours (a corrupt zone file) leaves the
        // attributes out rather than failing the import.
        let _ = init_timezone(&m.dict);
    }
    module
}

const MODULE_DOC: &str = "This module provides various functions to manipulate time values.\n\n\
There are two standard representations of time.  One is the number\n\
of seconds since the Epoch, in UTC (a.k.a. GMT).  It may be an integer\n\
or a floating point number (to represent fractions of seconds).\n\
The Epoch is system-defined; on Unix, it is generally January 1st, 1970.\n\
The actual value can be retrieved by calling gmtime(0).\n\n\
The other representation is a tuple of 9 integers giving local time.\n\
The tuple items are:\n  year (including century, e.g. 1998)\n  month (1-12)\n  day (1-31)\n  \
hours (0-23)\n  minutes (0-59)\n  seconds (0-59)\n  weekday (0-6, Monday is 0)\n  \
Julian day (day in the year, 1-366)\n  DST (Daylight Savings Time) flag (-1, 0 or 1)\n\
If the DST flag is 0, the time is given in the regular time zone;\n\
if it is 1, the time is given in the DST time zone;\n\
if it is -1, mktime() should guess based on the date and time.\n";

/// METH_NOARGS: `f() takes no arguments (1 given)`.
fn no_args(a: &Args, name: &str) -> PyResult<()> {
    no_keywords(a, name)?;
    if a.positional.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!(
            "{name}() takes no arguments ({} given)",
            a.positional.len()
        )))
    }
}

/// METH_VARARGS and METH_O functions refuse keywords.
fn no_keywords(a: &Args, name: &str) -> PyResult<()> {
    if a.keywords.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!("{name}() takes no keyword arguments")))
    }
}

/// PyArg_ParseTuple's count check for `n` required arguments.
fn exactly(a: &Args, name: &str, n: usize) -> PyResult<()> {
    no_keywords(a, name)?;
    let given = a.positional.len();
    if given == n {
        return Ok(());
    }
    let plural = if n == 1 { "" } else { "s" };
    Err(type_error(format!(
        "{name}() takes exactly {n} argument{plural} ({given} given)"
    )))
}

/// PyArg_ParseTuple's `i`: an index fitting a C int.
fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    match protocol::number::number_index(vm, v)? {
        Value::Int(i) if i > i32::MAX as i64 => {
            Err(overflow_error("signed integer is greater than maximum"))
        }
        Value::Int(i) if i < i32::MIN as i64 => {
            Err(overflow_error("signed integer is less than minimum"))
        }
        Value::Int(i) => Ok(i as i32),
        _ => Err(c_long_overflow()),
    }
}

fn c_long_overflow() -> PyErr {
    overflow_error("Python int too large to convert to C long")
}

/// PyArg_ParseTuple's `s`: a str argument (NUL-free).
fn str_arg<'a>(v: &'a Value, name: &str, pos: usize) -> PyResult<&'a str> {
    match v {
        Value::Str(s) if s.contains('\0') => Err(value_error("embedded null character")),
        Value::Str(s) => Ok(s),
        other => Err(type_error(format!(
            "{name}() argument {pos} must be str, not {}",
            protocol::type_name(other)
        ))),
    }
}

fn clock_id(vm: &mut Vm, a: &Args, name: &str) -> PyResult<libc::clockid_t> {
    exactly(a, name, 1)?;
    c_int(vm, &a.positional[0])
}

/// `PyErr_SetFromErrno(PyExc_OSError)`.
fn errno_error() -> PyErr {
    let code = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
    super::posix::os_error_with(code, None, None)
}

fn gettime(id: libc::clockid_t) -> PyResult<libc::timespec> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec.
    if unsafe { libc::clock_gettime(id, &mut ts) } != 0 {
        return Err(errno_error());
    }
    Ok(ts)
}

fn getres(id: libc::clockid_t) -> PyResult<libc::timespec> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec.
    if unsafe { libc::clock_getres(id, &mut ts) } != 0 {
        return Err(errno_error());
    }
    Ok(ts)
}

fn seconds(ts: libc::timespec) -> PyResult<Value> {
    Ok(Value::Float(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9))
}

fn nanoseconds(ts: libc::timespec) -> PyResult<Value> {
    let ns = ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128;
    Ok(match i64::try_from(ns) {
        Ok(n) => Value::Int(n),
        Err(_) => Value::BigInt(Rc::new(ns.into())),
    })
}

const SEC_TO_NS: i64 = 1_000_000_000;

/// The error of a float of seconds out of `_PyTime_t`'s range.
fn time_t_overflow() -> PyErr {
    overflow_error("timestamp out of range for platform time_t")
}

fn pytime_overflow() -> PyErr {
    overflow_error("timestamp too large to convert to C _PyTime_t")
}

/// A float (or an instance of a float subclass).
fn float_of(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Instance(i) => match &i.payload {
            Some(Value::Float(f)) => Some(*f),
            _ => None,
        },
        _ => None,
    }
}

/// `_PyTime_FromSecondsObject` (pytime.c): seconds as a float (rounded by
/// `round`) or an int, in nanoseconds.
pub(in crate::builtins::modules) fn seconds_to_ns(
    vm: &mut Vm,
    v: &Value,
    round: fn(f64) -> f64,
) -> PyResult<i64> {
    if let Some(d) = float_of(v) {
        if d.is_nan() {
            return Err(value_error("Invalid value NaN (not a number)"));
        }
        let ns = round(d * 1e9);
        if !(-9.223372036854776e18..9.223372036854776e18).contains(&ns) {
            return Err(time_t_overflow());
        }
        return Ok(ns as i64);
    }
    match protocol::number::number_index(vm, v)? {
        Value::Int(i) => i.checked_mul(SEC_TO_NS).ok_or_else(pytime_overflow),
        _ => Err(pytime_overflow()),
    }
}

/// `_PyTime_ROUND_TIMEOUT` (`_PyTime_ROUND_UP`): away from zero.
pub(in crate::builtins::modules) fn round_timeout(x: f64) -> f64 {
    if x >= 0.0 {
        x.ceil()
    } else {
        x.floor()
    }
}

fn sleep(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_keywords(&a, "sleep")?;
    if a.positional.len() != 1 {
        return Err(type_error(format!(
            "time.sleep() takes exactly one argument ({} given)",
            a.positional.len()
        )));
    }
    let ns = seconds_to_ns(vm, &a.positional[0], round_timeout)?;
    if ns < 0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    std::thread::sleep(Duration::from_nanos(ns as u64));
    Ok(Value::None)
}

fn clock_settime(vm: &mut Vm, a: Args) -> PyResult<Value> {
    exactly(&a, "clock_settime", 2)?;
    let id = c_int(vm, &a.positional[0])?;
    let ns = seconds_to_ns(vm, &a.positional[1], f64::floor)?;
    settime(id, ns)
}

fn clock_settime_ns(vm: &mut Vm, a: Args) -> PyResult<Value> {
    exactly(&a, "clock_settime", 2)?;
    let id = c_int(vm, &a.positional[0])?;
    let ns = match protocol::number::number_index(vm, &a.positional[1])? {
        Value::Int(i) => i,
        _ => return Err(pytime_overflow()),
    };
    settime(id, ns)
}

fn settime(id: libc::clockid_t, ns: i64) -> PyResult<Value> {
    let ts = libc::timespec {
        tv_sec: ns.div_euclid(SEC_TO_NS),
        tv_nsec: ns.rem_euclid(SEC_TO_NS),
    };
    // SAFETY: `ts` is a valid timespec.
    if unsafe { libc::clock_settime(id, &ts) } != 0 {
        return Err(errno_error());
    }
    Ok(Value::None)
}

/// `get_clock_info(name)`: how the clock is read on Linux, as a
/// `types.SimpleNamespace`.
fn get_clock_info(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    exactly(&a, "get_clock_info", 1)?;
    let name = str_arg(&a.positional[0], "get_clock_info", 1)?;
    let (id, implementation, monotonic, adjustable) = match name {
        "time" => (
            libc::CLOCK_REALTIME,
            "clock_gettime(CLOCK_REALTIME)",
            false,
            true,
        ),
        "monotonic" | "perf_counter" => (
            libc::CLOCK_MONOTONIC,
            "clock_gettime(CLOCK_MONOTONIC)",
            true,
            false,
        ),
        "process_time" => (
            libc::CLOCK_PROCESS_CPUTIME_ID,
            "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)",
            true,
            false,
        ),
        "thread_time" => (
            libc::CLOCK_THREAD_CPUTIME_ID,
            "clock_gettime(CLOCK_THREAD_CPUTIME_ID)",
            true,
            false,
        ),
        _ => return Err(value_error("unknown clock")),
    };
    let res = getres(id)?;
    let ns = protocol::new_instance(&namespace::simple_namespace());
    if let Value::Instance(i) = &ns {
        let mut d = i.dict.borrow_mut();
        protocol::plain_set_str(&mut d, "implementation", Value::str(implementation));
        protocol::plain_set_str(&mut d, "monotonic", Value::Bool(monotonic));
        protocol::plain_set_str(&mut d, "adjustable", Value::Bool(adjustable));
        protocol::plain_set_str(
            &mut d,
            "resolution",
            Value::Float(res.tv_sec as f64 + res.tv_nsec as f64 * 1e-9),
        );
    }
    Ok(ns)
}

extern "C" {
    #[link_name = "tzset"]
    fn libc_tzset();
}

/// `tzset()`: re-reads `TZ` and recomputes the module's zone attributes.
fn tzset(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_args(&a, "tzset")?;
    let module = match protocol::dict_get_str(&vm.modules, "time") {
        Some(m) => m,
        None => super::importer::import_absolute(vm, "time")?,
    };
    // SAFETY: tzset only reads the environment and sets libc's zone state.
    unsafe { libc_tzset() };
    if let Value::Module(m) = &module {
        init_timezone(&m.dict)?;
    }
    Ok(Value::None)
}

/// `init_timezone` (the branch Linux builds take): the zone's name and
/// offset in January and July of the current year; the larger offset west
/// of UTC is standard time (the southern hemisphere has its summer in
/// January).
fn init_timezone(dict: &Rc<std::cell::RefCell<crate::object::Dict>>) -> PyResult<()> {
    const YEAR: i64 = (365 * 24 + 6) * 3600;
    // SAFETY: time(NULL) only returns the current time.
    let now = unsafe { libc::time(std::ptr::null_mut()) } as i64;
    let jan = (now / YEAR) * YEAR;
    let zone_at = |t: i64| -> (String, i64) {
        match tm::local_tm(t) {
            Ok(tm) => {
                let mut name = tm::zone_name(&tm).unwrap_or_else(|| "   ".into());
                name.truncate(name.char_indices().nth(9).map_or(name.len(), |(i, _)| i));
                (name, -tm.tm_gmtoff)
            }
            Err(_) => (String::new(), 0),
        }
    };
    let (janname, janzone) = zone_at(jan);
    let (julyname, julyzone) = zone_at(jan + YEAR / 2);
    const MAX_TIMEZONE: i64 = 48 * 3600;
    if [janzone, julyzone]
        .iter()
        .any(|z| !(-MAX_TIMEZONE..=MAX_TIMEZONE).contains(z))
    {
        return Err(runtime_error("invalid GMT offset"));
    }
    let (timezone, altzone, names) = if janzone < julyzone {
        (julyzone, janzone, (julyname, janname))
    } else {
        (janzone, julyzone, (janname, julyname))
    };
    protocol::dict_set_str(dict, "timezone", Value::Int(timezone));
    protocol::dict_set_str(dict, "altzone", Value::Int(altzone));
    protocol::dict_set_str(dict, "daylight", Value::Int((janzone != julyzone) as i64));
    protocol::dict_set_str(
        dict,
        "tzname",
        Value::tuple(vec![Value::str(&names.0), Value::str(&names.1)]),
    );
    Ok(())
}
