//! `import`: native modules (`sys`, `math` for now) and sibling `.py` files
//! compiled like the main program.

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::exception::{module_not_found_error, type_error, value_error};
use crate::object::function::{Args, NativeFn};
use crate::object::value::Module;
use crate::object::{builtin_types, Dict, PyErr, PyResult, Value};
use crate::vm::protocol::{self, native};
use crate::vm::Vm;

mod inspect;
mod random;
pub mod time;
mod types;

pub fn import(vm: &mut Vm, name: &str, _fromlist: &Value, _level: &Value) -> PyResult<Value> {
    if let Some(m) = protocol::dict_get_str(&vm.modules, name) {
        return Ok(m);
    }
    let module = match name {
        "sys" => sys_module(vm),
        "math" => math_module(),
        "types" => types::module(),
        "_random" => random::module(),
        "itertools" | "operator" | "functools" | "string" | "collections" | "random" => {
            python_module(vm, name)?
        }
        "inspect" => inspect::module(),
        "time" => time::module(),
        "__future__" => new_module(
            "__future__",
            [
                "annotations",
                "division",
                "absolute_import",
                "print_function",
                "unicode_literals",
                "generator_stop",
                "nested_scopes",
                "generators",
                "with_statement",
            ]
            .iter()
            .map(|n| (*n, Value::Bool(true)))
            .collect(),
        ),
        _ => return Err(module_not_found_error(format!("No module named '{name}'"))),
    };
    protocol::dict_set_str(&vm.modules, name, module.clone());
    Ok(module)
}

pub fn new_module(name: &str, members: Vec<(&str, Value)>) -> Value {
    let dict = Rc::new(RefCell::new(Dict::new()));
    protocol::dict_set_str(&dict, "__name__", Value::str(name));
    for (k, v) in members {
        protocol::dict_set_str(&dict, k, v);
    }
    Value::Module(Rc::new(Module {
        name: Rc::from(name),
        dict,
    }))
}

pub fn functions(list: &[(&'static str, NativeFn)]) -> Vec<(&'static str, Value)> {
    list.iter()
        .map(|(n, f)| (*n, native(n, *f, None)))
        .collect()
}

fn sys_module(vm: &mut Vm) -> Value {
    let argv = Value::list(vm.argv.iter().map(|a| Value::str(a)).collect());
    let mut members = vec![
        ("argv", argv),
        ("maxsize", Value::Int(i64::MAX)),
        (
            "version_info",
            Value::tuple(vec![
                Value::Int(3),
                Value::Int(11),
                Value::Int(7),
                Value::str("final"),
                Value::Int(0),
            ]),
        ),
        ("version", Value::str("3.11.7 (py2vm)")),
        ("platform", Value::str("linux")),
        ("byteorder", Value::str("little")),
        ("modules", Value::Dict(vm.modules.clone())),
        ("path", Value::list(vec![])),
    ];
    members.extend(functions(&[
        ("exit", sys_exit),
        ("getrecursionlimit", |vm, _| {
            Ok(Value::Int(vm.recursion_limit as i64))
        }),
        ("setrecursionlimit", |vm, a| {
            let n = crate::vm::ops::index_of(a.positional.first().unwrap_or(&Value::Int(0)))?;
            if n < 1 {
                return Err(value_error(
                    "recursion limit must be greater or equal than 1",
                ));
            }
            vm.recursion_limit = n as usize;
            Ok(Value::None)
        }),
        ("exc_info", |vm, _| {
            Ok(match vm.handled.clone() {
                Some(e @ Value::Exception(_)) => {
                    Value::tuple(vec![Value::Type(protocol::type_of(&e)), e, Value::None])
                }
                _ => Value::tuple(vec![Value::None, Value::None, Value::None]),
            })
        }),
        ("exception", |vm, _| {
            Ok(vm.handled.clone().unwrap_or(Value::None))
        }),
        ("intern", |_, a| Ok(a.positional[0].clone())),
        ("getsizeof", |_, _| Ok(Value::Int(64))),
    ]));
    new_module("sys", members)
}

fn sys_exit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Err(PyErr::with_args(
        &builtin_types().system_exit,
        args.positional.to_vec(),
    ))
}

fn f64_arg(a: &Args, i: usize) -> PyResult<f64> {
    let v = a
        .positional
        .get(i)
        .ok_or_else(|| type_error("math function missing argument"))?;
    crate::vm::ops::to_f64(v).ok_or_else(|| {
        type_error(format!(
            "must be real number, not {}",
            protocol::type_name(v)
        ))
    })
}

fn math_module() -> Value {
    let mut members = vec![
        ("pi", Value::Float(std::f64::consts::PI)),
        ("e", Value::Float(std::f64::consts::E)),
        ("tau", Value::Float(std::f64::consts::TAU)),
        ("inf", Value::Float(f64::INFINITY)),
        ("nan", Value::Float(f64::NAN)),
    ];
    members.extend(functions(&[
        ("sqrt", |_, a| {
            let x = f64_arg(&a, 0)?;
            if x < 0.0 {
                return Err(value_error("math domain error"));
            }
            Ok(Value::Float(x.sqrt()))
        }),
        ("floor", |vm, a| rounding(vm, a, f64::floor)),
        ("ceil", |vm, a| rounding(vm, a, f64::ceil)),
        ("trunc", |vm, a| rounding(vm, a, f64::trunc)),
        ("fabs", |_, a| Ok(Value::Float(f64_arg(&a, 0)?.abs()))),
        ("exp", |_, a| Ok(Value::Float(f64_arg(&a, 0)?.exp()))),
        ("log", |_, a| {
            let x = f64_arg(&a, 0)?;
            if x <= 0.0 {
                return Err(value_error("math domain error"));
            }
            Ok(Value::Float(match a.positional.get(1) {
                Some(_) => x.ln() / f64_arg(&a, 1)?.ln(),
                None => x.ln(),
            }))
        }),
        ("log2", |_, a| Ok(Value::Float(f64_arg(&a, 0)?.log2()))),
        ("log10", |_, a| Ok(Value::Float(f64_arg(&a, 0)?.log10()))),
        ("sin", |_, a| Ok(Value::Float(f64_arg(&a, 0)?.sin()))),
        ("cos", |_, a| Ok(Value::Float(f64_arg(&a, 0)?.cos()))),
        ("tan", |_, a| Ok(Value::Float(f64_arg(&a, 0)?.tan()))),
        ("atan", |_, a| Ok(Value::Float(f64_arg(&a, 0)?.atan()))),
        ("atan2", |_, a| {
            Ok(Value::Float(f64_arg(&a, 0)?.atan2(f64_arg(&a, 1)?)))
        }),
        ("hypot", |_, a| {
            Ok(Value::Float(
                a.positional
                    .iter()
                    .map(|v| crate::vm::ops::to_f64(v).unwrap_or(0.0).powi(2))
                    .sum::<f64>()
                    .sqrt(),
            ))
        }),
        ("pow", |_, a| {
            Ok(Value::Float(f64_arg(&a, 0)?.powf(f64_arg(&a, 1)?)))
        }),
        ("isnan", |_, a| Ok(Value::Bool(f64_arg(&a, 0)?.is_nan()))),
        ("isinf", |_, a| {
            Ok(Value::Bool(f64_arg(&a, 0)?.is_infinite()))
        }),
        ("isfinite", |_, a| {
            Ok(Value::Bool(f64_arg(&a, 0)?.is_finite()))
        }),
        ("copysign", |_, a| {
            Ok(Value::Float(f64_arg(&a, 0)?.copysign(f64_arg(&a, 1)?)))
        }),
        ("isclose", |_, a| {
            let (x, y) = (f64_arg(&a, 0)?, f64_arg(&a, 1)?);
            let rel = super::kwarg(&a, "rel_tol")
                .and_then(crate::vm::ops::to_f64)
                .unwrap_or(1e-9);
            let abs = super::kwarg(&a, "abs_tol")
                .and_then(crate::vm::ops::to_f64)
                .unwrap_or(0.0);
            Ok(Value::Bool(
                x == y || (x - y).abs() <= (rel * x.abs().max(y.abs())).max(abs),
            ))
        }),
        ("gcd", |_, a| {
            let mut g = num_bigint::BigInt::from(0);
            for v in a.positional {
                let n = crate::vm::ops::arith::big(v)
                    .ok_or_else(|| type_error("gcd() needs integers"))?;
                g = num_integer::Integer::gcd(&g, &n);
            }
            Ok(crate::vm::ops::arith::from_big(g))
        }),
        ("factorial", |_, a| {
            let n = crate::vm::ops::index_of(&a.positional[0])?;
            if n < 0 {
                return Err(value_error("factorial() not defined for negative values"));
            }
            let mut acc = num_bigint::BigInt::from(1);
            for k in 2..=n {
                acc *= k;
            }
            Ok(crate::vm::ops::arith::from_big(acc))
        }),
        ("isqrt", |_, a| {
            let n = crate::vm::ops::arith::big(&a.positional[0])
                .ok_or_else(|| type_error("isqrt() needs an integer"))?;
            if num_traits::Signed::is_negative(&n) {
                return Err(value_error("isqrt() argument must be nonnegative"));
            }
            Ok(crate::vm::ops::arith::from_big(n.sqrt()))
        }),
    ]));
    new_module("math", members)
}

fn rounding(vm: &mut Vm, a: Args, f: fn(f64) -> f64) -> PyResult<Value> {
    let v = a
        .positional
        .first()
        .ok_or_else(|| type_error("missing argument"))?;
    if crate::vm::ops::arith::is_int(v) {
        return Ok(crate::vm::ops::int_value(v));
    }
    let x = f64_arg(&a, 0)?;
    if !x.is_finite() {
        return Err(if x.is_nan() {
            value_error("cannot convert float NaN to integer")
        } else {
            crate::object::exception::overflow_error("cannot convert float infinity to integer")
        });
    }
    let _ = vm;
    super::numbers::float_to_int(f(x))
}

/// A class of a native module: a user-kind type whose methods are native.
pub fn native_class(
    name: &str,
    module: &str,
    methods: &[(&'static str, NativeFn)],
) -> Rc<crate::object::Type> {
    let t = crate::object::Type::new(
        name,
        crate::object::Kind::User,
        vec![builtin_types().object.clone()],
    );
    for (n, f) in methods {
        protocol::dict_set_str_plain(&t, n, native(n, *f, None));
    }
    protocol::dict_set_str_plain(&t, "__module__", Value::str(module));
    t
}

/// Modules written in Python (`modules/py/*.py`), compiled by python3.11 at
/// import like `exec` does and run with the module's dict as globals.
fn python_source(name: &str) -> Option<&'static str> {
    Some(match name {
        "itertools" => include_str!("py/itertools.py"),
        "operator" => include_str!("py/operator.py"),
        "functools" => include_str!("py/functools.py"),
        "string" => include_str!("py/string.py"),
        "collections" => include_str!("py/collections.py"),
        "random" => include_str!("py/random.py"),
        _ => return None,
    })
}

fn python_module(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let source = python_source(name)
        .ok_or_else(|| module_not_found_error(format!("No module named '{name}'")))?;
    let code = crate::builtins::exec::compile_text(source, &format!("<py2vm {name}>"), "exec")?;
    let module = new_module(name, vec![]);
    let Value::Module(m) = &module else {
        unreachable!("new_module makes a module")
    };
    protocol::dict_set_str(&m.dict, "__builtins__", Value::Dict(vm.builtins.clone()));
    // Registered before running, as importlib does (circular imports see it).
    protocol::dict_set_str(&vm.modules, name, module.clone());
    let frame = crate::vm::frame::Frame::new(
        code,
        m.dict.clone(),
        Some(m.dict.clone()),
        crate::vm::frame::ReturnAction::ReturnToNative,
    );
    vm.push_frame(frame)?;
    let base = vm.frames.len() - 1;
    vm.native_depth += 1;
    let result = vm.run_until(base, &mut crate::vm::NoObserver);
    vm.native_depth -= 1;
    if let Err(e) = result {
        protocol::dict_del_str(&vm.modules, name);
        return Err(e);
    }
    Ok(module)
}
