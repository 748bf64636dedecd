//! The `time` module: clocks and `sleep`.

use std::time::Duration;

use super::{functions, new_module};
use crate::object::exception::{type_error, value_error};
use crate::object::function::Args;
use crate::object::{PyResult, Value};
use crate::vm::protocol;
use crate::vm::Vm;

fn wall(vm: &mut Vm) -> Duration {
    Duration::from_nanos((vm.clock)(crate::vm::Clock::Wall) as u64)
}

fn monotonic(vm: &mut Vm) -> Duration {
    Duration::from_nanos((vm.clock)(crate::vm::Clock::Monotonic) as u64)
}

pub fn module() -> Value {
    // Start the monotonic clock now, so it is positive and growing.
    new_module(
        "time",
        functions(&[
            ("time", |vm, _| Ok(Value::Float(wall(vm).as_secs_f64()))),
            ("time_ns", |vm, _| {
                Ok(Value::Int(wall(vm).as_nanos() as i64))
            }),
            ("perf_counter", |vm, _| {
                Ok(Value::Float(monotonic(vm).as_secs_f64()))
            }),
            ("perf_counter_ns", |vm, _| {
                Ok(Value::Int(monotonic(vm).as_nanos() as i64))
            }),
            ("monotonic", |vm, _| {
                Ok(Value::Float(monotonic(vm).as_secs_f64()))
            }),
            ("monotonic_ns", |vm, _| {
                Ok(Value::Int(monotonic(vm).as_nanos() as i64))
            }),
            ("process_time", |vm, _| {
                Ok(Value::Float(monotonic(vm).as_secs_f64()))
            }),
            ("sleep", sleep),
        ]),
    )
}

fn sleep(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let secs = match a.positional.first() {
        Some(Value::Float(f)) => *f,
        Some(Value::Int(i)) => *i as f64,
        Some(Value::Bool(b)) => *b as i64 as f64,
        Some(other) => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                protocol::type_name(other)
            )))
        }
        None => return Err(type_error("sleep() takes exactly one argument (0 given)")),
    };
    if secs.is_nan() || secs < 0.0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    std::thread::sleep(Duration::from_secs_f64(secs.min(1e9)));
    Ok(Value::None)
}
