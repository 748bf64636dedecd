//! The `sys` module, as python3.11 has it for a single-threaded program run
//! as `python3.11 FILE`: the interpreter's identity (`version_info`,
//! `hexversion`, `implementation`), its limits and formats (`maxsize`,
//! `float_info`, `int_info`, `hash_info`), the command-line `flags`, the
//! modules and path, the standard streams, and the functions that look at
//! the running program (`exc_info`, `_getframe`, `getrefcount`,
//! `getsizeof`, the recursion limit).
//!
//! `version_info`, `flags`, `float_info`, `int_info` and `hash_info` are
//! struct sequences (`builtins::structseq`). `prefix` and its kin name the
//! install whose Lib py2vm runs. Left out: what py2vm cannot
//! know without asking python3.11 (`stdlib_module_names`...), threads, audit hooks, tracing and profiling
//! hooks, and `get/set_int_max_str_digits` (py2vm has no digit limit).

use super::{functions, importer, namespace, new_module, stdio};
use crate::builtins::structseq::{self, Desc, Field};
use crate::object::exception::{overflow_error, recursion_error, type_error, value_error};
use crate::object::function::Args;
use crate::object::{builtin_types, PyErr, PyResult, Value};
use crate::vm::protocol;
use crate::vm::Vm;

/// The Python version py2vm runs the bytecode of (the micro version of the
/// python3.11 the tests record with).
const MAJOR: i64 = 3;
const MINOR: i64 = 11;
const MICRO: i64 = 7;
const RELEASE_LEVEL: &str = "final";
const SERIAL: i64 = 0;

/// `PY_VERSION_HEX`: 0x030b07f0 (`0xf` is the release level "final").
const HEXVERSION: i64 = (MAJOR << 24) | (MINOR << 16) | (MICRO << 8) | (0xf << 4) | SERIAL;

/// `PYTHON_API_VERSION`.
const API_VERSION: i64 = 1013;

const fn field(name: &'static str, doc: &'static str) -> Field {
    Field { name, doc }
}

static VERSION_INFO: Desc = Desc {
    name: "sys.version_info",
    doc: "sys.version_info\n\nVersion information as a named tuple.",
    fields: &[
        field("major", "Major release number"),
        field("minor", "Minor release number"),
        field("micro", "Patch release number"),
        field("releaselevel", "'alpha', 'beta', 'candidate', or 'final'"),
        field("serial", "Serial release number"),
    ],
    n_in_sequence: 5,
    instantiable: false,
};

static ASYNCGEN_HOOKS: Desc = Desc {
    name: "asyncgen_hooks",
    doc: "asyncgen_hooks\n\nA named tuple providing information about asynchronous\ngenerators hooks.  The attributes are read only.",
    fields: &[
        field("firstiter", "Hook to intercept first iteration"),
        field("finalizer", "Hook to intercept finalization"),
    ],
    n_in_sequence: 2,
    instantiable: false,
};

static FLAGS: Desc = Desc {
    name: "sys.flags",
    doc: "sys.flags\n\nFlags provided through command line arguments or environment vars.",
    fields: &[
        field("debug", "-d"),
        field("inspect", "-i"),
        field("interactive", "-i"),
        field("optimize", "-O or -OO"),
        field("dont_write_bytecode", "-B"),
        field("no_user_site", "-s"),
        field("no_site", "-S"),
        field("ignore_environment", "-E"),
        field("verbose", "-v"),
        field("bytes_warning", "-b"),
        field("quiet", "-q"),
        field("hash_randomization", "-R"),
        field("isolated", "-I"),
        field("dev_mode", "-X dev"),
        field("utf8_mode", "-X utf8"),
        field("warn_default_encoding", "-X warn_default_encoding"),
        field("safe_path", "-P"),
        field("int_max_str_digits", "-X int_max_str_digits"),
    ],
    n_in_sequence: 18,
    instantiable: false,
};

static FLOAT_INFO: Desc = Desc {
    name: "sys.float_info",
    doc: "sys.float_info\n\nA named tuple holding information about the float type. It contains low level\ninformation about the precision and internal representation. Please study\nyour system's :file:`float.h` for more information.",
    fields: &[
        field("max", "DBL_MAX -- maximum representable finite float"),
        field("max_exp", "DBL_MAX_EXP -- maximum int e such that radix**(e-1) is representable"),
        field("max_10_exp", "DBL_MAX_10_EXP -- maximum int e such that 10**e is representable"),
        field("min", "DBL_MIN -- Minimum positive normalized float"),
        field("min_exp", "DBL_MIN_EXP -- minimum int e such that radix**(e-1) is a normalized float"),
        field("min_10_exp", "DBL_MIN_10_EXP -- minimum int e such that 10**e is a normalized float"),
        field("dig", "DBL_DIG -- maximum number of decimal digits that can be faithfully represented in a float"),
        field("mant_dig", "DBL_MANT_DIG -- mantissa digits"),
        field("epsilon", "DBL_EPSILON -- Difference between 1 and the next representable float"),
        field("radix", "FLT_RADIX -- radix of exponent"),
        field("rounds", "FLT_ROUNDS -- rounding mode used for arithmetic operations"),
    ],
    n_in_sequence: 11,
    instantiable: true,
};

static INT_INFO: Desc = Desc {
    name: "sys.int_info",
    doc: "sys.int_info\n\nA named tuple that holds information about Python's\ninternal representation of integers.  The attributes are read only.",
    fields: &[
        field("bits_per_digit", "size of a digit in bits"),
        field("sizeof_digit", "size in bytes of the C type used to represent a digit"),
        field("default_max_str_digits", "maximum string conversion digits limitation"),
        field("str_digits_check_threshold", "minimum positive value for int_max_str_digits"),
    ],
    n_in_sequence: 4,
    instantiable: true,
};

static HASH_INFO: Desc = Desc {
    name: "sys.hash_info",
    doc: "hash_info\n\nA named tuple providing parameters used for computing\nhashes. The attributes are read only.",
    fields: &[
        field("width", "width of the type used for hashing, in bits"),
        field("modulus", "prime number giving the modulus on which the hash function is based"),
        field("inf", "value to be used for hash of a positive infinity"),
        field("nan", "value to be used for hash of a nan"),
        field("imag", "multiplier used for the imaginary part of a complex number"),
        field("algorithm", "name of the algorithm for hashing of str, bytes and memoryviews"),
        field("hash_bits", "internal output size of hash algorithm"),
        field("seed_bits", "seed size of hash algorithm"),
        field("cutoff", "small string optimization cutoff"),
    ],
    n_in_sequence: 9,
    instantiable: true,
};

pub fn module(vm: &mut Vm) -> Value {
    let argv = Value::list(vm.argv.iter().map(|a| Value::str(a)).collect());
    let version_info = version_info();
    let dont_write_bytecode = dont_write_bytecode();
    // The install the standard library comes from: `<prefix>/lib/python3.11`.
    let prefix = crate::pyc::stdlib::runtime()
        .stdlib
        .as_deref()
        .and_then(|lib| lib.parent()?.parent())
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let mut members = vec![
        ("argv", argv),
        ("maxsize", Value::Int(i64::MAX)),
        ("maxunicode", Value::Int(0x10ffff)),
        ("version_info", version_info.clone()),
        (
            "version",
            Value::str(&format!("{MAJOR}.{MINOR}.{MICRO} (py2vm)")),
        ),
        ("hexversion", Value::Int(HEXVERSION)),
        ("api_version", Value::Int(API_VERSION)),
        ("implementation", implementation(version_info)),
        ("flags", flags(dont_write_bytecode)),
        ("float_info", float_info()),
        ("int_info", int_info()),
        ("hash_info", hash_info()),
        ("float_repr_style", Value::str("short")),
        ("platform", Value::str(platform())),
        (
            "byteorder",
            Value::str(if cfg!(target_endian = "big") {
                "big"
            } else {
                "little"
            }),
        ),
        ("executable", Value::str(&executable())),
        ("prefix", Value::str(&prefix)),
        ("base_prefix", Value::str(&prefix)),
        ("exec_prefix", Value::str(&prefix)),
        ("base_exec_prefix", Value::str(&prefix)),
        ("platlibdir", Value::str("lib")),
        ("abiflags", Value::str("")),
        ("dont_write_bytecode", Value::Bool(dont_write_bytecode)),
        ("warnoptions", Value::list(vec![])),
        ("_xoptions", protocol::new_dict()),
        ("modules", Value::Dict(vm.modules.clone())),
        ("path", vm.imports.path.clone()),
        (
            "builtin_module_names",
            Value::tuple(
                importer::BUILTIN_MODULE_NAMES
                    .iter()
                    .map(|n| Value::str(n))
                    .collect(),
            ),
        ),
        ("stdout", stdio::stream("stdout")),
        ("stderr", stdio::stream("stderr")),
    ];
    // One object under both names: `sys.excepthook is sys.__excepthook__`.
    let hook = protocol::native("excepthook", excepthook, None);
    members.push(("excepthook", hook.clone()));
    members.push(("__excepthook__", hook));
    members.extend(functions(&[
        ("exit", exit),
        ("getrecursionlimit", getrecursionlimit),
        ("setrecursionlimit", setrecursionlimit),
        ("exc_info", exc_info),
        ("exception", exception),
        ("intern", intern),
        ("getsizeof", getsizeof),
        ("getrefcount", getrefcount),
        ("_getframe", getframe),
        ("get_asyncgen_hooks", |vm, a| {
            no_arguments("get_asyncgen_hooks", &a)?;
            let hook = |h: &Option<Value>| h.clone().unwrap_or(Value::None);
            let fields = vec![hook(&vm.asyncgen_firstiter), hook(&vm.asyncgen_finalizer)];
            Ok(structseq::new(&ASYNCGEN_HOOKS, fields))
        }),
        ("set_asyncgen_hooks", set_asyncgen_hooks),
        ("is_finalizing", |vm, a| {
            no_arguments("is_finalizing", &a)?;
            Ok(Value::Bool(vm.finalizing))
        }),
        ("getdefaultencoding", |_, a| {
            no_arguments("getdefaultencoding", &a)?;
            Ok(Value::str("utf-8"))
        }),
        ("getfilesystemencoding", |_, a| {
            no_arguments("getfilesystemencoding", &a)?;
            Ok(Value::str("utf-8"))
        }),
        ("getfilesystemencodeerrors", |_, a| {
            no_arguments("getfilesystemencodeerrors", &a)?;
            Ok(Value::str("surrogateescape"))
        }),
        // PEP 578 with no hooks: py2vm has no `addaudithook`, so an event
        // goes nowhere; only the event name is checked, as sys_audit does.
        ("audit", |_, a| match a.positional.first() {
            None => Err(crate::object::exception::type_error(
                "audit() missing 1 required positional argument: 'event'",
            )),
            Some(Value::Str(_)) => Ok(Value::None),
            Some(other) => Err(crate::object::exception::type_error(format!(
                "expected str for argument 'event', not {}",
                crate::vm::protocol::type_name(other)
            ))),
        }),
    ]));
    new_module("sys", members)
}

fn version_info() -> Value {
    structseq::new(
        &VERSION_INFO,
        vec![
            Value::Int(MAJOR),
            Value::Int(MINOR),
            Value::Int(MICRO),
            Value::str(RELEASE_LEVEL),
            Value::Int(SERIAL),
        ],
    )
}

/// `sys.implementation`: a `types.SimpleNamespace`.
fn implementation(version_info: Value) -> Value {
    let ns = protocol::new_instance(&namespace::simple_namespace());
    if let Value::Instance(i) = &ns {
        let mut d = i.dict.borrow_mut();
        protocol::plain_set_str(&mut d, "name", Value::str("cpython"));
        protocol::plain_set_str(
            &mut d,
            "cache_tag",
            Value::str(&format!("cpython-{MAJOR}{MINOR}")),
        );
        protocol::plain_set_str(&mut d, "version", version_info);
        protocol::plain_set_str(&mut d, "hexversion", Value::Int(HEXVERSION));
        protocol::plain_set_str(&mut d, "_multiarch", Value::str(&multiarch()));
    }
    ns
}

/// `sys.platform` for the operating system py2vm was built for.
fn platform() -> &'static str {
    match std::env::consts::OS {
        "macos" => "darwin",
        "windows" => "win32",
        other => other,
    }
}

/// `sys.implementation._multiarch` (the target triplet CPython's build
/// records, e.g. `x86_64-linux-gnu`).
fn multiarch() -> String {
    match std::env::consts::OS {
        "linux" => format!("{}-linux-gnu", std::env::consts::ARCH),
        "macos" => "darwin".to_string(),
        other => format!("{}-{other}", std::env::consts::ARCH),
    }
}

/// An environment flag as CPython reads one (`_Py_get_env_flag`): unset or
/// empty is 0, an integer is itself, anything else is 1.
fn env_flag(name: &str) -> i64 {
    match std::env::var(name) {
        Ok(v) if !v.is_empty() => match v.trim().parse::<i64>() {
            Ok(n) if n >= 0 => n,
            _ => 1,
        },
        _ => 0,
    }
}

/// Whether bytecode is not written: PYTHONDONTWRITEBYTECODE (py2vm has no
/// `-B`), or `--no-cache`, which keeps py2vm from writing `__pycache__`.
fn dont_write_bytecode() -> bool {
    env_flag("PYTHONDONTWRITEBYTECODE") > 0 || crate::pyc::compile::runtime_options().no_cache
}

/// `sys.flags` for `python3.11 FILE`: the defaults, but for what the
/// environment changes in how py2vm runs the program (`optimize`: the
/// compiling python3.11 sees PYTHONOPTIMIZE too; `hash_randomization`:
/// py2vm's str hashes are randomized only by a non-zero PYTHONHASHSEED).
fn flags(dont_write_bytecode: bool) -> Value {
    let hash_seed = std::env::var("PYTHONHASHSEED")
        .ok()
        .and_then(|s| s.parse::<u32>().ok())
        .unwrap_or(0);
    let values = vec![
        Value::Int(0),                          // debug
        Value::Int(0),                          // inspect
        Value::Int(0),                          // interactive
        Value::Int(env_flag("PYTHONOPTIMIZE")), // optimize
        Value::Int(dont_write_bytecode as i64), // dont_write_bytecode
        Value::Int(0),                          // no_user_site
        Value::Int(0),                          // no_site
        Value::Int(0),                          // ignore_environment
        Value::Int(0),                          // verbose
        Value::Int(0),                          // bytes_warning
        Value::Int(0),                          // quiet
        Value::Int((hash_seed != 0) as i64),    // hash_randomization
        Value::Int(0),                          // isolated
        Value::Bool(false),                     // dev_mode
        Value::Int(0),                          // utf8_mode
        Value::Int(0),                          // warn_default_encoding
        Value::Bool(false),                     // safe_path
        Value::Int(-1),                         // int_max_str_digits
    ];
    structseq::new(&FLAGS, values)
}

/// `sys.float_info`: the IEEE 754 double of every platform py2vm runs on.
fn float_info() -> Value {
    structseq::new(
        &FLOAT_INFO,
        vec![
            Value::Float(f64::MAX),
            Value::Int(f64::MAX_EXP as i64),
            Value::Int(f64::MAX_10_EXP as i64),
            Value::Float(f64::MIN_POSITIVE),
            Value::Int(f64::MIN_EXP as i64),
            Value::Int(f64::MIN_10_EXP as i64),
            Value::Int(f64::DIGITS as i64),
            Value::Int(f64::MANTISSA_DIGITS as i64),
            Value::Float(f64::EPSILON),
            Value::Int(f64::RADIX as i64),
            Value::Int(1),
        ],
    )
}

/// `sys.int_info`: CPython's 30-bit digits (what `sys.getsizeof` counts)
/// and its default str conversion limit (which py2vm does not enforce).
fn int_info() -> Value {
    structseq::new(
        &INT_INFO,
        vec![
            Value::Int(30),
            Value::Int(4),
            Value::Int(4300),
            Value::Int(640),
        ],
    )
}

/// `sys.hash_info`: the parameters `object::hash` implements.
fn hash_info() -> Value {
    structseq::new(
        &HASH_INFO,
        vec![
            Value::Int(64),
            Value::Int((1 << 61) - 1),
            Value::Int(314159),
            Value::Int(0),
            Value::Int(1000003),
            Value::str("siphash13"),
            Value::Int(64),
            Value::Int(128),
            Value::Int(0),
        ],
    )
}

/// `sys.executable`: the python3.11 that compiles the program (`--python`,
/// else `python3.11` or `python3` found on PATH), made absolute; empty if
/// none is found, as CPython leaves it when it cannot tell.
fn executable() -> String {
    for candidate in crate::pyc::compile::runtime_python() {
        if candidate.components().count() > 1 {
            if let Ok(abs) = std::path::absolute(&candidate) {
                return abs.to_string_lossy().into_owned();
            }
            continue;
        }
        let Some(path) = std::env::var_os("PATH") else {
            continue;
        };
        for dir in std::env::split_paths(&path) {
            let full = dir.join(&candidate);
            if full.is_file() {
                let full = std::path::absolute(&full).unwrap_or(full);
                return full.to_string_lossy().into_owned();
            }
        }
    }
    String::new()
}

/// The TypeError of a `METH_NOARGS` function given arguments.
/// `set_asyncgen_hooks(firstiter=<unchanged>, finalizer=<unchanged>)`:
/// each a callable, or None to remove it.
fn set_asyncgen_hooks(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = super::clinic_bind(
        "set_asyncgen_hooks",
        a.positional,
        a.keywords,
        &["firstiter", "finalizer"],
        0,
        2,
    )?;
    let check = |v: &Option<Value>, what: &str| -> PyResult<Option<Option<Value>>> {
        match v {
            None => Ok(None),
            Some(Value::None) => Ok(Some(None)),
            Some(f) if protocol::is_callable(f) => Ok(Some(Some(f.clone()))),
            Some(f) => Err(type_error(format!(
                "callable {what} expected, got {}",
                protocol::type_name(f)
            ))),
        }
    };
    let finalizer = check(&v[1], "finalizer")?;
    let firstiter = check(&v[0], "firstiter")?;
    if let Some(f) = finalizer {
        vm.asyncgen_finalizer = f;
    }
    if let Some(f) = firstiter {
        vm.asyncgen_firstiter = f;
    }
    Ok(Value::None)
}

fn no_arguments(name: &str, a: &Args) -> PyResult<()> {
    if !a.keywords.is_empty() {
        return Err(type_error(format!(
            "sys.{name}() takes no keyword arguments"
        )));
    }
    if !a.positional.is_empty() {
        return Err(type_error(format!(
            "sys.{name}() takes no arguments ({} given)",
            a.positional.len()
        )));
    }
    Ok(())
}

/// The argument of a `METH_O` function.
fn one_argument<'a>(name: &str, a: &'a Args) -> PyResult<&'a Value> {
    if !a.keywords.is_empty() {
        return Err(type_error(format!(
            "sys.{name}() takes no keyword arguments"
        )));
    }
    match a.positional {
        [v] => Ok(v),
        other => Err(type_error(format!(
            "sys.{name}() takes exactly one argument ({} given)",
            other.len()
        ))),
    }
}

fn exit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Err(PyErr::with_args(
        &builtin_types().system_exit,
        args.positional.to_vec(),
    ))
}

fn getrecursionlimit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_arguments("getrecursionlimit", &a)?;
    Ok(Value::Int(vm.recursion_limit as i64))
}

/// `sys.setrecursionlimit(n)`: `n` a C int of at least 1, and above the
/// current depth (the Python frames plus this call, as CPython counts).
fn setrecursionlimit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let arg = one_argument("setrecursionlimit", &a)?;
    let n = match protocol::number::number_index(vm, arg)? {
        Value::Int(n) if i32::try_from(n).is_ok() => n,
        _ => return Err(overflow_error("Python int too large to convert to C int")),
    };
    if n < 1 {
        return Err(value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    let depth = vm.frames.len() as i64 + 1;
    if depth >= n {
        return Err(recursion_error(format!(
            "cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"
        )));
    }
    vm.recursion_limit = n as usize;
    Ok(Value::None)
}

/// `sys.exc_info()`: the exception being handled, its type and traceback.
fn exc_info(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_arguments("exc_info", &a)?;
    Ok(match vm.handled.clone() {
        Some(e @ Value::Exception(_)) => {
            let tb = protocol::getattr(vm, &e, "__traceback__")?;
            Value::tuple(vec![Value::Type(protocol::type_of(&e)), e, tb])
        }
        _ => Value::tuple(vec![Value::None, Value::None, Value::None]),
    })
}

fn exception(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_arguments("exception", &a)?;
    Ok(vm.handled.clone().unwrap_or(Value::None))
}

/// `sys.intern(s)`: the one shared copy of `s`, the one names in code
/// objects use too.
fn intern(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    match one_argument("intern", &a)? {
        Value::Str(s) => Ok(Value::Str(protocol::interned(s))),
        s @ Value::Instance(i) if matches!(i.payload, Some(Value::Str(_))) => Err(type_error(
            format!("can't intern {}", protocol::type_name(s)),
        )),
        other => Err(type_error(format!(
            "intern() argument must be str, not {}",
            protocol::type_name(other)
        ))),
    }
}

/// What `sys.getrefcount` reports for objects that are not counted here:
/// the singletons and small ints, shared by the whole interpreter (this is
/// what python3.12 reports for such immortal objects).
const IMMORTAL: i64 = u32::MAX as i64;

/// `sys.excepthook(type, value, traceback)`: prints the exception's report
/// on stderr, as an uncaught exception's (`sys_excepthook_impl`).
fn excepthook(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let [_, value, _] = a.positional else {
        return Err(type_error(format!(
            "excepthook expected 3 arguments, got {}",
            a.positional.len()
        )));
    };
    let text = match value {
        Value::Exception(e) => crate::vm::traceback::format_exception(vm, &PyErr(e.clone())),
        other => format!(
            "TypeError: print_exception(): Exception expected for value, {} found\n",
            protocol::type_name(other)
        ),
    };
    vm.write_stderr(&text);
    Ok(Value::None)
}

/// `sys.getrefcount(obj)`: the strong count of the object's `Rc`, which
/// includes the argument's own reference as CPython's does. Values stored
/// inline (ints, floats, complex numbers) have no count: they read as an
/// object referenced from one place and by the argument.
fn getrefcount(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    use std::rc::Rc;
    let v = one_argument("getrefcount", &a)?;
    let count = match v {
        Value::None | Value::NotImplemented | Value::Ellipsis | Value::Bool(_) => {
            return Ok(Value::Int(IMMORTAL))
        }
        Value::Int(i) if (-5..=256).contains(i) => return Ok(Value::Int(IMMORTAL)),
        Value::Null | Value::Int(_) | Value::Float(_) | Value::Complex(..) => 2,
        Value::BigInt(r) => Rc::strong_count(r),
        Value::Str(r) => Rc::strong_count(r),
        Value::Bytes(r) => Rc::strong_count(r),
        Value::ByteArray(r) => Rc::strong_count(r),
        Value::Tuple(r) => Rc::strong_count(r),
        Value::List(r) => Rc::strong_count(r),
        Value::Dict(r) | Value::Set(r) => Rc::strong_count(r),
        Value::FrozenSet(r) => Rc::strong_count(r),
        Value::Range(r) => Rc::strong_count(r),
        Value::Slice(r) => Rc::strong_count(r),
        Value::Function(r) => Rc::strong_count(r),
        Value::BoundMethod(r) => Rc::strong_count(r),
        Value::Builtin(r) => Rc::strong_count(r),
        Value::Type(r) => Rc::strong_count(r),
        Value::Instance(r) => Rc::strong_count(r),
        Value::Exception(r) => Rc::strong_count(r),
        Value::Iterator(r) => Rc::strong_count(r),
        Value::DictView(r) => Rc::strong_count(r),
        Value::Generator(r) => Rc::strong_count(r),
        Value::GenAwaitable(r) => Rc::strong_count(r),
        Value::AsyncGenWrapped(r) => Rc::strong_count(r),
        Value::Native(r) => Rc::strong_count(r),
        Value::Cell(r) => Rc::strong_count(r),
        Value::Code(r) => std::sync::Arc::strong_count(r),
        Value::Module(r) => Rc::strong_count(r),
        Value::StaticMethod(r) | Value::ClassMethod(r) => Rc::strong_count(r),
        Value::Property(r) => Rc::strong_count(r),
        Value::Super(r) => Rc::strong_count(r),
    };
    Ok(Value::Int(count as i64))
}

/// `sys.getsizeof(object[, default])`: `object.__sizeof__()` (or the
/// class's own), plus the GC header and pre-header CPython puts before
/// tracked objects (`builtins::sizeof` says what the sizes are). The
/// default is returned when `__sizeof__` raises a TypeError.
fn getsizeof(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let given = a.positional.len() + a.keywords.len();
    if given > 2 {
        return Err(type_error(format!(
            "getsizeof() takes at most 2 arguments ({given} given)"
        )));
    }
    let mut object = a.positional.first().cloned();
    let mut default = a.positional.get(1).cloned();
    for (k, v) in a.keywords {
        let slot = match &**k {
            "object" => &mut object,
            "default" => &mut default,
            _ => {
                return Err(type_error(format!(
                    "'{k}' is an invalid keyword argument for getsizeof()"
                )))
            }
        };
        *slot = Some(v.clone());
    }
    let Some(object) = object else {
        return Err(type_error(
            "getsizeof() missing required argument 'object' (pos 1)",
        ));
    };
    let size = match sizeof_method(vm, &object) {
        Ok(n) => n,
        Err(e) if e.is_instance(&builtin_types().type_error) => {
            return default.ok_or(e);
        }
        Err(e) => return Err(e),
    };
    let total = size + crate::builtins::sizeof::header_size(&object) as i64;
    Ok(Value::Int(total))
}

/// `type(obj).__sizeof__(obj)`, checked as `_PySys_GetSizeOf` checks it.
fn sizeof_method(vm: &mut Vm, object: &Value) -> PyResult<i64> {
    let t = protocol::type_of(object);
    let Some(method) = protocol::lookup(&t, "__sizeof__") else {
        return Err(type_error(format!(
            "Type {} doesn't define __sizeof__",
            t.name
        )));
    };
    let method = match method {
        Value::StaticMethod(f) => (*f).clone(),
        other => other,
    };
    let result = vm.call(&method, vec![object.clone()])?;
    let result = protocol::builtin_payload(&result, "__index__").unwrap_or(result);
    let size = match result {
        Value::Int(n) => n,
        Value::Bool(b) => b as i64,
        Value::BigInt(_) => {
            return Err(overflow_error(
                "Python int too large to convert to C ssize_t",
            ))
        }
        _ => return Err(type_error("an integer is required")),
    };
    if size < 0 {
        return Err(value_error("__sizeof__() should return >= 0"));
    }
    Ok(size)
}

/// `sys._getframe(depth=0)`: the frame object (`vm::frame_object`) of the
/// caller, or of the frame `depth` calls below it.
fn getframe(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if !a.keywords.is_empty() {
        return Err(type_error("_getframe() takes no keyword arguments"));
    }
    let depth = match a.positional {
        [] => 0,
        [d] => match protocol::number::number_index(vm, d)? {
            Value::Int(n) if i32::try_from(n).is_ok() => n.max(0) as usize,
            _ => return Err(overflow_error("Python int too large to convert to C int")),
        },
        more => {
            return Err(type_error(format!(
                "_getframe expected at most 1 argument, got {}",
                more.len()
            )))
        }
    };
    let n = vm.frames.len();
    if depth >= n {
        return Err(value_error("call stack is not deep enough"));
    }
    Ok(crate::vm::frame_object::new(vm, n - 1 - depth))
}
