//! `sys.stdout` and `sys.stderr`: text streams with `write` and `flush`
//! over the VM's output (`Vm::stdout`, which the debugger captures) and the
//! process's stderr, so that `print(..., file=sys.stderr)` and
//! `traceback.print_exc(file=sys.stderr)` work. Only what those need.

use std::io::Write;
use std::rc::Rc;

use super::native_class;
use crate::object::exception::type_error;
use crate::object::function::Args;
use crate::object::{PyResult, Type, Value};
use crate::vm::{protocol, Vm};

thread_local! {
    static TEXT_IO: Rc<Type> = native_class(
        "TextIOWrapper",
        "_io",
        &[
            ("write", write),
            ("flush", flush),
            ("isatty", |_, _| Ok(Value::Bool(false))),
            ("writable", |_, _| Ok(Value::Bool(true))),
        ],
    );
}

/// The stream object for `<stdout>` or `<stderr>`.
pub fn stream(name: &str) -> Value {
    let s = protocol::new_instance(&TEXT_IO.with(Rc::clone));
    if let Value::Instance(i) = &s {
        let mut d = i.dict.borrow_mut();
        protocol::plain_set_str(&mut d, "name", Value::str(&format!("<{name}>")));
        protocol::plain_set_str(&mut d, "encoding", Value::str("utf-8"));
    }
    s
}

/// Whether `v` is py2vm's own `<stdout>` stream (what `sys.stdout` starts
/// as), which `print` writes to directly.
pub fn is_native_stdout(v: &Value) -> bool {
    match v {
        Value::Instance(i) => {
            Rc::ptr_eq(&i.class.borrow(), &TEXT_IO.with(Rc::clone)) && !is_stderr(v)
        }
        _ => false,
    }
}

fn is_stderr(me: &Value) -> bool {
    match me {
        Value::Instance(i) => matches!(
            protocol::plain_get_str(&i.dict.borrow(), "name"),
            Some(Value::Str(s)) if &*s == "<stderr>"
        ),
        _ => false,
    }
}

fn write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [me, text] = args.positional else {
        return Err(type_error("write() takes exactly one argument"));
    };
    let Value::Str(s) = text else {
        return Err(type_error(format!(
            "write() argument must be str, not {}",
            protocol::type_name(text)
        )));
    };
    if is_stderr(me) {
        vm.write_stderr(s);
    } else {
        let _ = vm.stdout.write_all(s.as_bytes());
    }
    Ok(Value::Int(s.chars().count() as i64))
}

fn flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.positional.first().is_some_and(is_stderr) {
        vm.flush_stdout();
    }
    Ok(Value::None)
}
