//! `_sre` (Modules/_sre/sre.c): the regular-expression engine under
//! CPython's own `re` package. `re/_parser.py` and `re/_compiler.py` (run
//! unchanged from CPython's Lib) turn a pattern into sre's opcode list and
//! hand it to `_sre.compile`; this module keeps that code in a `re.Pattern`
//! object whose methods run it through the matcher in [`engine`] (a port of
//! `sre_lib.h`) and wrap what it finds in `re.Match` objects.
//!
//! - [`subject`]: the strings a pattern reads (`getstring`/`state_init`)
//!   and the slices it returns (`getslice`);
//! - [`pattern`]: `re.Pattern` and its methods (`match` ... `subn`);
//! - [`matchobj`]: `re.Match` and the `_sre.SRE_Scanner` behind `finditer`.

pub mod engine;
mod matchobj;
mod pattern;
mod subject;

use std::cell::OnceCell;
use std::rc::Rc;

use crate::object::exception::{overflow_error, runtime_error, type_error};
use crate::object::function::{m, Args, MethodDef};
use crate::object::{PyResult, Type, Value};
use crate::vm::protocol;
use crate::vm::Vm;

use super::{clinic_bind, functions, new_module};

/// The module's classes, made once per thread so `type(m)` is always the
/// same class object.
pub(super) struct Types {
    pub pattern: Rc<Type>,
    pub match_: Rc<Type>,
    pub scanner: Rc<Type>,
}

thread_local! {
    static TYPES: OnceCell<Rc<Types>> = const { OnceCell::new() };
}

pub(super) fn types() -> Rc<Types> {
    TYPES.with(|t| t.get_or_init(|| Rc::new(make_types())).clone())
}

fn make_types() -> Types {
    Types {
        pattern: pattern::make_type(),
        match_: matchobj::make_match_type(),
        scanner: matchobj::make_scanner_type(),
    }
}

/// A class C code cannot instantiate or subclass and whose objects have no
/// `__dict__` (`Py_TPFLAGS_DISALLOW_INSTANTIATION`, no
/// `Py_TPFLAGS_BASETYPE`, no `tp_dictoffset`).
fn seal(t: &Rc<Type>) {
    t.final_class.set(true);
    protocol::dict_set_str_plain(t, "__slots__", Value::tuple(vec![]));
}

/// `__class_getitem__` (PEP 585): `re.Pattern[str]`.
const CLASS_GETITEM: MethodDef = m("__class_getitem__", |vm, a| {
    crate::builtins::generic_alias::new_alias(vm, a.positional[0].clone(), &a.positional[1])
})
.o()
.class();

/// `_sre`, created on first import.
pub fn module() -> Value {
    let mut members = vec![
        ("MAGIC", Value::Int(engine::MAGIC as i64)),
        ("CODESIZE", Value::Int(engine::CODESIZE as i64)),
        ("MAXREPEAT", Value::Int(engine::MAXREPEAT as i64)),
        ("MAXGROUPS", Value::Int(engine::MAXGROUPS as i64)),
        (
            "copyright",
            Value::str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "),
        ),
    ];
    members.extend(functions(&[
        ("compile", compile),
        ("getcodesize", |_, _| {
            Ok(Value::Int(engine::getcodesize() as i64))
        }),
        ("ascii_iscased", |vm, a| {
            let ch = char_arg(vm, "ascii_iscased", &a)?;
            Ok(Value::Bool(engine::ascii_iscased(ch)))
        }),
        ("unicode_iscased", |vm, a| {
            let ch = char_arg(vm, "unicode_iscased", &a)?;
            Ok(Value::Bool(engine::unicode_iscased(ch)))
        }),
        ("ascii_tolower", |vm, a| {
            let ch = char_arg(vm, "ascii_tolower", &a)?;
            Ok(Value::Int(engine::ascii_tolower(ch) as i32 as i64))
        }),
        ("unicode_tolower", |vm, a| {
            let ch = char_arg(vm, "unicode_tolower", &a)?;
            Ok(Value::Int(engine::unicode_tolower(ch) as i32 as i64))
        }),
    ]));
    new_module("_sre", members)
}

/// The one `int` argument of the case helpers (Clinic's `int` converter:
/// an index that fits a C int, passed on as the unsigned code point).
fn char_arg(vm: &mut Vm, fname: &str, a: &Args) -> PyResult<u32> {
    let bound = clinic_bind(fname, a.positional, a.keywords, &["character"], 1, 1)?;
    let v = bound[0].clone().unwrap_or(Value::None);
    if matches!(v, Value::Float(_)) {
        return Err(type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    match protocol::number::number_index(vm, &v)? {
        Value::Int(i) if i32::try_from(i).is_ok() => Ok(i as i32 as u32),
        _ => Err(overflow_error("Python int too large to convert to C int")),
    }
}

/// A Clinic `Py_ssize_t` argument (`_PyNumber_Index` then
/// `PyLong_AsSsize_t`).
fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if matches!(v, Value::Float(_)) {
        return Err(type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    match protocol::number::number_index(vm, v)? {
        Value::Int(i) => Ok(i),
        _ => Err(overflow_error(
            "Python int too large to convert to C ssize_t",
        )),
    }
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`:
/// what `re._compiler.compile` calls with the code it generated.
fn compile(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let names = [
        "pattern",
        "flags",
        "code",
        "groups",
        "groupindex",
        "indexgroup",
    ];
    let bound = clinic_bind("compile", a.positional, a.keywords, &names, 6, 6)?;
    let arg = |i: usize| bound[i].clone().unwrap_or(Value::None);
    let (pattern, flags, code, groups, groupindex, indexgroup) =
        (arg(0), arg(1), arg(2), arg(3), arg(4), arg(5));
    let flags = match protocol::number::number_index(vm, &flags)? {
        Value::Int(i) if i32::try_from(i).is_ok() => i,
        _ => return Err(overflow_error("Python int too large to convert to C int")),
    };
    let items = match &code {
        Value::List(items) => items.borrow().clone(),
        other => return Err(subclass_error("compile", "code", "list", other)),
    };
    let groups = ssize_arg(vm, &groups)?;
    let groupindex = match &groupindex {
        Value::Dict(d) => (!d.borrow().is_empty()).then(|| groupindex.clone()),
        other => return Err(subclass_error("compile", "groupindex", "dict", other)),
    };
    let indexgroup = match &indexgroup {
        Value::Tuple(t) => (!t.is_empty()).then(|| indexgroup.clone()),
        other => return Err(subclass_error("compile", "indexgroup", "tuple", other)),
    };
    let mut code = Vec::with_capacity(items.len());
    for item in &items {
        code.push(code_word(item)?);
    }
    let isbytes = if matches!(pattern, Value::None) {
        -1
    } else {
        match subject::Text::of(&pattern)? {
            t if t.is_bytes() => 1,
            _ => 0,
        }
    };
    let groups = usize::try_from(groups).ok();
    let valid = match groups {
        Some(g) if g as u64 <= engine::MAXGROUPS as u64 => engine::validate(&code, g),
        _ => false,
    };
    if !valid {
        return Err(runtime_error("invalid SRE code"));
    }
    let state = pattern::Pattern {
        pattern,
        flags,
        code: Rc::from(code),
        groups: groups.unwrap_or(0),
        // Only a non-empty groupindex is kept, and the indexgroup only
        // with it, as sre.c's compile does.
        indexgroup: groupindex.as_ref().and(indexgroup),
        groupindex,
        isbytes,
    };
    Ok(super::native_instance(&types().pattern, state))
}

/// One word of the code list (`PyLong_AsUnsignedLong`, then the check
/// that it fits an `SRE_CODE`).
fn code_word(v: &Value) -> PyResult<u32> {
    // `PyLong_Check`: an int or an instance of an int subclass (the
    // compiler's opcodes are `_NamedIntConstant`s).
    let v = match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => v.clone(),
        Value::Instance(i) => match &i.payload {
            Some(p @ (Value::Int(_) | Value::BigInt(_))) => p.clone(),
            _ => return Err(type_error("an integer is required")),
        },
        _ => return Err(type_error("an integer is required")),
    };
    match v {
        Value::Int(i) if i < 0 => Err(overflow_error(
            "can't convert negative value to unsigned int",
        )),
        Value::Int(i) => u32::try_from(i)
            .map_err(|_| overflow_error("regular expression code size limit exceeded")),
        _ => Err(overflow_error(
            "Python int too large to convert to C unsigned long",
        )),
    }
}

/// Clinic's `subclass_of` failure.
fn subclass_error(fname: &str, name: &str, want: &str, got: &Value) -> crate::object::PyErr {
    type_error(format!(
        "{fname}() argument '{name}' must be {want}, not {}",
        protocol::type_name(got)
    ))
}
