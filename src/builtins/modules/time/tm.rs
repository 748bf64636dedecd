//! `time.struct_time` and the functions between seconds, `struct tm` and
//! text: `gmtime`, `localtime` (libc's `gmtime_r`/`localtime_r`),
//! `mktime`, `asctime`, `ctime`, `strftime` (libc's `wcsftime`, as CPython
//! on Linux, so every glibc directive and flag behaves the same) and
//! `strptime` (CPython's `_strptime` module, in Python).

use std::ffi::{CStr, CString};

use super::{c_int, c_long_overflow, float_of, no_keywords, time_t_overflow, wall};
use crate::builtins::structseq::{self, Desc, Field};
use crate::object::exception::{overflow_error, type_error, value_error};
use crate::object::function::Args;
use crate::object::{PyResult, Value};
use crate::vm::protocol;
use crate::vm::Vm;

pub static STRUCT_TIME: Desc = Desc {
    name: "time.struct_time",
    doc: "The time value as returned by gmtime(), localtime(), and strptime(), and\n \
accepted by asctime(), mktime() and strftime().  May be considered as a\n \
sequence of 9 integers.\n\n \
Note that several fields' values are not the same as those defined by\n \
the C language standard for struct tm.  For example, the value of the\n \
field tm_year is the actual year, not year - 1900.  See individual\n \
fields' descriptions for details.",
    fields: &[
        Field {
            name: "tm_year",
            doc: "year, for example, 1993",
        },
        Field {
            name: "tm_mon",
            doc: "month of year, range [1, 12]",
        },
        Field {
            name: "tm_mday",
            doc: "day of month, range [1, 31]",
        },
        Field {
            name: "tm_hour",
            doc: "hours, range [0, 23]",
        },
        Field {
            name: "tm_min",
            doc: "minutes, range [0, 59]",
        },
        Field {
            name: "tm_sec",
            doc: "seconds, range [0, 61])",
        },
        Field {
            name: "tm_wday",
            doc: "day of week, range [0, 6], Monday is 0",
        },
        Field {
            name: "tm_yday",
            doc: "day of year, range [1, 366]",
        },
        Field {
            name: "tm_isdst",
            doc: "1 if summer time is in effect, 0 if not, and -1 if unknown",
        },
        Field {
            name: "tm_zone",
            doc: "abbreviation of timezone name",
        },
        Field {
            name: "tm_gmtoff",
            doc: "offset from UTC in seconds",
        },
    ],
    n_in_sequence: 9,
    instantiable: true,
};

/// A zeroed `struct tm`.
fn zero_tm() -> libc::tm {
    // SAFETY: struct tm is plain data; all zeroes (a null tm_zone) is valid.
    unsafe { std::mem::zeroed() }
}

fn set_errno(v: i32) {
    // SAFETY: errno is this thread's own variable.
    unsafe { *libc::__errno_location() = v };
}

fn tm_error() -> crate::object::PyErr {
    let code = std::io::Error::last_os_error()
        .raw_os_error()
        .filter(|&c| c != 0)
        .unwrap_or(libc::EINVAL);
    super::super::posix::os_error_with(code, None, None)
}

/// `_PyTime_gmtime`.
fn utc_tm(t: i64) -> PyResult<libc::tm> {
    let mut tm = zero_tm();
    let t = t as libc::time_t;
    set_errno(0);
    // SAFETY: both pointers are valid for the call.
    if unsafe { libc::gmtime_r(&t, &mut tm) }.is_null() {
        return Err(tm_error());
    }
    Ok(tm)
}

/// `_PyTime_localtime`.
pub(super) fn local_tm(t: i64) -> PyResult<libc::tm> {
    let mut tm = zero_tm();
    let t = t as libc::time_t;
    set_errno(0);
    // SAFETY: both pointers are valid for the call.
    if unsafe { libc::localtime_r(&t, &mut tm) }.is_null() {
        return Err(tm_error());
    }
    Ok(tm)
}

/// The zone abbreviation libc put in `tm`.
pub(super) fn zone_name(tm: &libc::tm) -> Option<String> {
    if tm.tm_zone.is_null() {
        return None;
    }
    // SAFETY: libc's tm_zone points at a NUL-terminated string it owns.
    let s = unsafe { CStr::from_ptr(tm.tm_zone) };
    Some(String::from_utf8_lossy(s.to_bytes()).into_owned())
}

/// `tmtotuple`: a `struct_time` from a `struct tm`.
fn to_struct_time(tm: &libc::tm) -> Value {
    let int = |v: i64| Value::Int(v);
    let values = vec![
        int(tm.tm_year as i64 + 1900),
        int(tm.tm_mon as i64 + 1),
        int(tm.tm_mday as i64),
        int(tm.tm_hour as i64),
        int(tm.tm_min as i64),
        int(tm.tm_sec as i64),
        int((tm.tm_wday as i64 + 6) % 7),
        int(tm.tm_yday as i64 + 1),
        int(tm.tm_isdst as i64),
        zone_name(tm).map_or(Value::None, |z| Value::str(&z)),
        int(tm.tm_gmtoff),
    ];
    structseq::new(&STRUCT_TIME, values)
}

/// `_PyTime_ObjectToTime_t(obj, _PyTime_ROUND_FLOOR)`.
fn object_to_time_t(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(d) = float_of(v) {
        if d.is_nan() {
            return Err(value_error("Invalid value NaN (not a number)"));
        }
        let floor = d.floor();
        if !(-9.223372036854776e18..9.223372036854776e18).contains(&floor) {
            return Err(time_t_overflow());
        }
        return Ok(floor as i64);
    }
    match protocol::number::number_index(vm, v)? {
        Value::Int(i) => Ok(i),
        _ => Err(time_t_overflow()),
    }
}

/// `parse_time_t_args`: an optional number of seconds, or None for now.
fn time_t_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<i64> {
    no_keywords(a, name)?;
    match a.positional {
        [] | [Value::None] => Ok(wall(vm).as_secs() as i64),
        [v] => object_to_time_t(vm, v),
        _ => Err(type_error(format!(
            "{name}() takes at most 1 argument ({} given)",
            a.positional.len()
        ))),
    }
}

pub fn gmtime(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let t = time_t_arg(vm, &a, "gmtime")?;
    Ok(to_struct_time(&utc_tm(t)?))
}

pub fn localtime(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let t = time_t_arg(vm, &a, "localtime")?;
    Ok(to_struct_time(&local_tm(t)?))
}

/// A `struct tm` made from a time tuple, with the zone name it may point
/// at (kept alive here).
struct Tm {
    tm: libc::tm,
    zone: Option<CString>,
}

impl Tm {
    /// The `struct tm` to hand to libc, its `tm_zone` pointing at `zone`.
    fn get(&mut self) -> &mut libc::tm {
        if let Some(z) = &self.zone {
            self.tm.tm_zone = z.as_ptr();
        }
        &mut self.tm
    }
}

/// `gettmarg`: a tuple (or `struct_time`) of 9 ints as a `struct tm`;
/// a `struct_time` also gives its `tm_zone` and `tm_gmtoff`.
fn gettmarg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<Tm> {
    let items = match v {
        Value::Tuple(items) => items.to_vec(),
        Value::Instance(i) => match &i.payload {
            Some(Value::Tuple(items)) => items.to_vec(),
            _ => return Err(type_error("Tuple or struct_time argument required")),
        },
        _ => return Err(type_error("Tuple or struct_time argument required")),
    };
    if items.len() != 9 {
        return Err(type_error(format!(
            "{fname}(): illegal time tuple argument"
        )));
    }
    let mut n = [0i32; 9];
    for (slot, item) in n.iter_mut().zip(&items) {
        *slot = c_int(vm, item)?;
    }
    if n[0] < i32::MIN + 1900 {
        return Err(overflow_error("year out of range"));
    }
    let mut tm = zero_tm();
    tm.tm_year = n[0] - 1900;
    tm.tm_mon = n[1].wrapping_sub(1);
    tm.tm_mday = n[2];
    tm.tm_hour = n[3];
    tm.tm_min = n[4];
    tm.tm_sec = n[5];
    tm.tm_wday = ((n[6] as i64 + 1) % 7) as i32;
    tm.tm_yday = n[7].wrapping_sub(1);
    tm.tm_isdst = n[8];
    let mut zone = None;
    if let Some(fields) = structseq::fields_of(v, &STRUCT_TIME) {
        match &fields[9] {
            Value::None => {}
            Value::Str(s) => {
                let bytes = s.as_bytes();
                let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
                zone = CString::new(&bytes[..end]).ok();
            }
            _ => {
                return Err(type_error("bad argument type for built-in operation"));
            }
        }
        if !matches!(fields[10], Value::None) {
            tm.tm_gmtoff = match protocol::number::number_index(vm, &fields[10])? {
                Value::Int(i) => i as libc::c_long,
                _ => return Err(c_long_overflow()),
            };
        }
    }
    Ok(Tm { tm, zone })
}

/// `checktm`: the fields `strftime` and `asctime` index tables with must
/// be in range (a month, day of month or day of year of 0 means the first).
fn checktm(tm: &mut libc::tm) -> PyResult<()> {
    let fail = |what: &str| Err(value_error(format!("{what} out of range")));
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return fail("month");
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return fail("day of month");
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return fail("hour");
    }
    if !(0..=59).contains(&tm.tm_min) {
        return fail("minute");
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return fail("seconds");
    }
    if tm.tm_wday < 0 {
        return fail("day of week");
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return fail("day of year");
    }
    Ok(())
}

/// The time tuple argument of `asctime`/`strftime`, or the local time now.
fn tuple_or_now(vm: &mut Vm, v: Option<&Value>, fname: &str) -> PyResult<Tm> {
    match v {
        None => {
            let now = wall(vm).as_secs() as i64;
            Ok(Tm {
                tm: local_tm(now)?,
                zone: None,
            })
        }
        Some(v) => {
            let mut tm = gettmarg(vm, v, fname)?;
            checktm(&mut tm.tm)?;
            Ok(tm)
        }
    }
}

/// `_asctime`: `Sun Mar  5 00:00:00 2024`.
fn format_asctime(tm: &libc::tm) -> Value {
    const WDAY: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MON: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let pick = |table: &[&'static str], i: i32| *table.get(i as usize).unwrap_or(&"???");
    Value::str(&format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        pick(&WDAY, tm.tm_wday),
        pick(&MON, tm.tm_mon),
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        1900 + tm.tm_year as i64
    ))
}

pub fn asctime(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_keywords(&a, "asctime")?;
    if a.positional.len() > 1 {
        return Err(type_error(format!(
            "asctime expected at most 1 argument, got {}",
            a.positional.len()
        )));
    }
    let tm = tuple_or_now(vm, a.positional.first(), "asctime")?;
    Ok(format_asctime(&tm.tm))
}

pub fn ctime(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let t = time_t_arg(vm, &a, "ctime")?;
    Ok(format_asctime(&local_tm(t)?))
}

pub fn mktime(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_keywords(&a, "mktime")?;
    if a.positional.len() != 1 {
        return Err(type_error(format!(
            "time.mktime() takes exactly one argument ({} given)",
            a.positional.len()
        )));
    }
    let mut tm = gettmarg(vm, &a.positional[0], "mktime")?;
    let tm = tm.get();
    tm.tm_wday = -1; // stays -1 only if mktime fails
                     // SAFETY: `tm` is a valid struct tm whose tm_zone (if any) is alive.
    let t = unsafe { libc::mktime(tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Err(overflow_error("mktime argument out of range"));
    }
    Ok(Value::Float(t as f64))
}

extern "C" {
    fn wcsftime(
        s: *mut libc::wchar_t,
        max: libc::size_t,
        format: *const libc::wchar_t,
        tm: *const libc::tm,
    ) -> libc::size_t;
}

pub fn strftime(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_keywords(&a, "strftime")?;
    let n = a.positional.len();
    if n == 0 {
        return Err(type_error("strftime() takes at least 1 argument (0 given)"));
    }
    if n > 2 {
        return Err(type_error(format!(
            "strftime() takes at most 2 arguments ({n} given)"
        )));
    }
    let format = match &a.positional[0] {
        Value::Str(s) => s.clone(),
        other => {
            return Err(type_error(format!(
                "strftime() argument 1 must be str, not {}",
                protocol::type_name(other)
            )))
        }
    };
    let mut tm = tuple_or_now(vm, a.positional.get(1), "strftime")?;
    tm.tm.tm_isdst = tm.tm.tm_isdst.clamp(-1, 1);
    if format.contains('\0') {
        return Err(value_error("embedded null character"));
    }
    let mut fmt: Vec<libc::wchar_t> = format.chars().map(|c| c as libc::wchar_t).collect();
    let fmtlen = fmt.len();
    fmt.push(0);
    let tm_ptr: *const libc::tm = tm.get();
    let mut size = 1024usize;
    loop {
        let mut out: Vec<libc::wchar_t> = vec![0; size];
        // SAFETY: `out` has room for `size` wide chars, `fmt` ends in a
        // NUL, and `tm_ptr` points at a struct tm whose tm_zone (if any)
        // is alive in `tm`.
        let len = unsafe { wcsftime(out.as_mut_ptr(), size, fmt.as_ptr(), tm_ptr) };
        if len > 0 || size >= 256 * fmtlen {
            let text: String = out[..len.min(size)]
                .iter()
                .map(|&c| char::from_u32(c as u32).unwrap_or('\u{FFFD}'))
                .collect();
            return Ok(Value::str(&text));
        }
        size *= 2;
    }
}

/// `strptime(string, format)`: `_strptime._strptime_time(string, format)`.
pub fn strptime(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_keywords(&a, "strptime")?;
    let module = super::super::importer::import_absolute(vm, "_strptime")?;
    let func = protocol::getattr(vm, &module, "_strptime_time")?;
    vm.call(&func, a.positional.to_vec())
}
