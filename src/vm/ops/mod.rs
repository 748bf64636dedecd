//! Bodies of the opcodes too long for the loop's match arms: names and
//! closures, building containers, calls and functions, raising and handling
//! exceptions, `with`, and pattern matching.

pub mod arith;
pub mod bytes;
pub mod compare;
pub mod exc_group;
pub mod format_spec;
pub mod percent;
pub mod seq;
pub mod text;
pub mod truth;
pub mod unicode_error;

use std::cell::RefCell;
use std::rc::Rc;

pub use arith::{binary_op, index_of, int_value, num_cmp, to_f64, unary_op};
pub use compare::compare;
pub use seq::{
    iterator_next, list_del_slice, list_set_slice, normalize_index, slice_items, str_getitem,
    unpack, unpack_ex,
};
pub use text::{format_value, repr};
pub use unicode_error::{unicode_error_member, unicode_error_str};

use super::eval::Flow;
use super::frame::{Frame, FrameParts, ReturnAction};
use super::protocol::{self, type_name, CallOutcome};
use super::Vm;
use crate::object::exception::{name_error, type_error, ExceptionObject};
use crate::object::function::{Function, HashedName};
use crate::object::{builtin_types, Dict, PyErr, PyResult, Value};

pub fn pop_n(frame: &mut Frame, n: usize) -> Vec<Value> {
    let at = frame.stack.len() - n;
    frame.stack.split_off(at)
}

#[cold]
fn not_defined(name: &str) -> PyErr {
    let err = name_error(format!("name '{name}' is not defined"));
    // NameError.name: what the uncaught-exception report suggests against.
    protocol::plain_set_str(&mut err.0.dict.borrow_mut(), "name", Value::str(name));
    err
}

/// A name in a namespace that is not exactly a dict; `None` on KeyError.
fn mapping_get(vm: &mut Vm, mapping: &Value, name: &str) -> PyResult<Option<Value>> {
    match protocol::getitem(vm, mapping, &Value::str(name)) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is_instance(&crate::object::builtin_types().key_error) => Ok(None),
        Err(e) => Err(e),
    }
}

pub fn load_name(vm: &mut Vm, arg: usize) -> PyResult<Value> {
    let f = vm.frames.last().expect("frame");
    if let Some(mapping) = f.locals_mapping.as_deref().cloned() {
        let name = f.code().names[arg].clone();
        if let Some(v) = mapping_get(vm, &mapping, &name)? {
            return Ok(v);
        }
    }
    let f = vm.frames.last().expect("frame");
    let name = &f.values.names[arg];
    if let Some(locals) = &f.locals {
        if let Some(v) = locals.borrow().get_str(name.hash, &name.text) {
            return Ok(v);
        }
    }
    if let Some(v) = f.globals.borrow().get_str(name.hash, &name.text) {
        return Ok(v);
    }
    builtin_lookup(vm, &f.globals, name).ok_or_else(|| not_defined(&name.text))
}

/// A builtin name: from the globals' `__builtins__` when it is another
/// namespace (`exec(src, {"__builtins__": {...}})`), else the builtins.
fn builtin_lookup(vm: &Vm, globals: &Rc<RefCell<Dict>>, name: &HashedName) -> Option<Value> {
    let builtins = globals
        .borrow()
        .get_str(vm.builtins_name_hash, "__builtins__");
    match builtins {
        Some(Value::Dict(d)) => d.borrow().get_str(name.hash, &name.text),
        Some(Value::Module(m)) => m.dict.borrow().get_str(name.hash, &name.text),
        _ => vm.builtins.borrow().get_str(name.hash, &name.text),
    }
}

/// STORE_NAME into a namespace that is not exactly a dict.
#[cold]
pub fn store_name_in_mapping(vm: &mut Vm, arg: usize, v: Value) -> PyResult<()> {
    let f = vm.frames.last().expect("frame");
    let name = Value::str(&f.code().names[arg]);
    let mapping = f
        .locals_mapping
        .as_deref()
        .cloned()
        .expect("a mapping namespace");
    protocol::setitem(vm, &mapping, name, v)
}

pub fn delete_name(vm: &mut Vm, arg: usize) -> PyResult<()> {
    let f = vm.frames.last().expect("frame");
    let name = f.code().names[arg].clone();
    if let Some(mapping) = f.locals_mapping.as_deref().cloned() {
        return match protocol::delitem(vm, &mapping, &Value::str(&name)) {
            Err(e) if e.is_instance(&crate::object::builtin_types().key_error) => {
                Err(not_defined(&name))
            }
            other => other,
        };
    }
    let ns = f.locals.clone().unwrap_or_else(|| f.globals.clone());
    protocol::dict_del_str(&ns, &name)
        .map(|_| ())
        .ok_or_else(|| not_defined(&name))
}

pub fn load_global(vm: &mut Vm, index: usize) -> PyResult<Value> {
    let f = vm.frames.last().expect("frame");
    let name = &f.values.names[index];
    if let Some(v) = f.globals.borrow().get_str(name.hash, &name.text) {
        return Ok(v);
    }
    builtin_lookup(vm, &f.globals, name).ok_or_else(|| not_defined(&name.text))
}

pub fn load_deref(vm: &mut Vm, arg: usize, class_body: bool) -> PyResult<Value> {
    let f = vm.frames.last().expect("frame");
    let name = f.code().localsplusnames[arg].clone();
    if class_body {
        if let Some(mapping) = f.locals_mapping.as_deref().cloned() {
            if let Some(v) = mapping_get(vm, &mapping, &name)? {
                return Ok(v);
            }
        }
    }
    let f = vm.frames.last().expect("frame");
    if class_body {
        if let Some(v) = f
            .locals
            .as_ref()
            .and_then(|l| protocol::dict_get_str(l, &name))
        {
            return Ok(v);
        }
    }
    let value = match &f.fast[arg] {
        Some(Value::Cell(cell)) => cell.borrow().clone(),
        Some(other) => Some(other.clone()),
        None => None,
    };
    value.ok_or_else(|| {
        let is_free = f.code().localspluskinds[arg] & crate::pyc::code::local_kind::FREE != 0;
        if is_free {
            name_error(format!(
                "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
            ))
        } else {
            crate::object::exception::unbound_local_error(format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ))
        }
    })
}

pub fn build_map(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let d = Rc::new(RefCell::new(Dict::new()));
    let mut it = items.into_iter();
    while let (Some(k), Some(v)) = (it.next(), it.next()) {
        protocol::dict_insert(vm, &d, k, v)?;
    }
    Ok(Value::Dict(d))
}

pub fn build_const_key_map(vm: &mut Vm, keys: Value, values: Vec<Value>) -> PyResult<Value> {
    let keys = protocol::collect(vm, &keys)?;
    let d = Rc::new(RefCell::new(Dict::new()));
    for (k, v) in keys.into_iter().zip(values) {
        protocol::dict_insert(vm, &d, k, v)?;
    }
    Ok(Value::Dict(d))
}

/// DICT_UPDATE / DICT_MERGE (`{**a}` and `f(**a)`, the latter refusing
/// duplicate keys).
pub fn dict_update(vm: &mut Vm, target: &Value, other: &Value, merge: bool) -> PyResult<()> {
    let Value::Dict(d) = target else {
        return Ok(());
    };
    // DICT_MERGE: the callable sits below the mapping being built
    // (CALL_FUNCTION_EX); errors name it as ceval.c's format_kwargs_error.
    let callee = |vm: &mut Vm| -> String {
        let f = vm
            .frames
            .last()
            .and_then(|f| f.stack.iter().rev().nth(2).cloned());
        f.map(|f| function_str(vm, &f)).unwrap_or_default()
    };
    // `{**m}` and `f(**m)` merge into a dict just built: a plain dict
    // source is copied whole, with its stored hashes (no key can repeat).
    if let Value::Dict(source) = other {
        if d.borrow().is_empty() && !Rc::ptr_eq(d, source) {
            let copy = source.borrow().clone();
            *d.borrow_mut() = copy;
            return Ok(());
        }
    }
    let pairs = match mapping_items(vm, other) {
        Ok(pairs) => pairs,
        Err(e) if merge && e.is_instance(&builtin_types().attribute_error) => {
            return Err(type_error(format!(
                "{} argument after ** must be a mapping, not {}",
                callee(vm),
                type_name(other)
            )));
        }
        Err(e)
            if e.is_instance(&builtin_types().attribute_error)
                || e.is_instance(&builtin_types().type_error) =>
        {
            return Err(type_error(format!(
                "'{}' object is not a mapping",
                type_name(other)
            )));
        }
        Err(e) => return Err(e),
    };
    for (k, v) in pairs {
        if merge && protocol::dict_lookup(vm, d, &k)?.is_some() {
            let key = protocol::str_of(vm, &k)?;
            return Err(type_error(format!(
                "{} got multiple values for keyword argument '{key}'",
                callee(vm)
            )));
        }
        protocol::dict_insert(vm, d, k, v)?;
    }
    Ok(())
}

/// `(key, value)` pairs of a dict or of anything with `keys()` and `[]`.
pub fn mapping_items(vm: &mut Vm, m: &Value) -> PyResult<Vec<(Value, Value)>> {
    if let Value::Dict(d) = m {
        return Ok(d.borrow().items());
    }
    // PyDict_Merge reads a dict subclass's entries directly unless it
    // iterates differently (its `__getitem__` and `keys` are not called).
    if let Value::Instance(i) = m {
        if let (Some(Value::Dict(d)), None) = (&i.payload, protocol::user_dunder(m, "__iter__")) {
            return Ok(d.borrow().items());
        }
    }
    let keys = protocol::getattr(vm, m, "keys")?;
    let keys = vm.call(&keys, vec![])?;
    let mut out = Vec::new();
    for k in protocol::collect(vm, &keys)? {
        let v = protocol::getitem(vm, m, &k)?;
        out.push((k, v));
    }
    Ok(out)
}

/// Keyword arguments of a call, in order.
pub type KwArgs = Vec<(Rc<str>, Value)>;

/// CALL_FUNCTION_EX's arguments: the `*` iterable and the `**` mapping,
/// with ceval.c's `check_args_iterable` and `format_kwargs_error` messages.
pub fn call_ex_arguments(
    vm: &mut Vm,
    callable: &Value,
    args: &Value,
    kwargs: Option<Value>,
) -> PyResult<(Vec<Value>, KwArgs)> {
    let args = match args {
        Value::Tuple(t) => t.to_vec(),
        other => protocol::collect(vm, other).map_err(|e| {
            if e.is_instance(&builtin_types().type_error) && protocol::iter(vm, other).is_err() {
                type_error(format!(
                    "{} argument after * must be an iterable, not {}",
                    function_str(vm, callable),
                    type_name(other)
                ))
            } else {
                e
            }
        })?,
    };
    let kwargs = match kwargs {
        Some(k) => kwargs_from_mapping(vm, &k).map_err(|e| {
            if e.is_instance(&builtin_types().attribute_error) {
                type_error(format!(
                    "{} argument after ** must be a mapping, not {}",
                    function_str(vm, callable),
                    type_name(&k)
                ))
            } else {
                e
            }
        })?,
        None => Vec::new(),
    };
    Ok((args, kwargs))
}

/// `_PyObject_FunctionStr`: `module.qualname()`, without the module for
/// builtins.
pub fn function_str(vm: &mut Vm, f: &Value) -> String {
    let qualname = protocol::getattr(vm, f, "__qualname__")
        .and_then(|q| protocol::str_of(vm, &q))
        .ok();
    let Some(qualname) = qualname else {
        return format!("{} object", type_name(f));
    };
    let module = protocol::getattr(vm, f, "__module__")
        .ok()
        .filter(|m| !m.is_none())
        .and_then(|m| protocol::str_of(vm, &m).ok());
    match module {
        Some(m) if m != "builtins" => format!("{m}.{qualname}()"),
        _ => format!("{qualname}()"),
    }
}

pub fn kwargs_from_mapping(vm: &mut Vm, m: &Value) -> PyResult<Vec<(Rc<str>, Value)>> {
    mapping_items(vm, m)?
        .into_iter()
        .map(|(k, v)| match k {
            Value::Str(s) => Ok((s, v)),
            _ => Err(type_error("keywords must be strings")),
        })
        .collect()
}

/// The common call, done without building an argument vector: a Python
/// function taking exactly the positional arguments given (no defaults used,
/// no `*args`/`**kwargs`, no keyword-only parameters). Its arguments move
/// from the caller's stack straight into the new frame's fast locals. The
/// function may come bound to a receiver, or be the `__init__` of a class
/// being called (see `InstanceFacts::plain_init`; the frame then returns the
/// new instance). `None` leaves the stack untouched for the general path.
fn simple_call_frame(frame: &mut Frame, argc: usize, spare: &mut Vec<FrameParts>) -> Option<Frame> {
    let n = frame.stack.len();
    let base = n - argc - 2;
    // [NULL, callable, args...] or [function, self, args...]
    let (func_at, first_arg) = match frame.stack[base] {
        Value::Null => (base + 1, base + 2),
        _ => (base, base + 1),
    };
    match &frame.stack[func_at] {
        Value::Function(_) => enter_function(frame, base, first_arg, None, spare),
        Value::BoundMethod(_) | Value::Type(_) if func_at == base + 1 => {
            receiver_call_frame(frame, base, spare)
        }
        _ => None,
    }
}

/// [`simple_call_frame`] for a bound method or a class (`[NULL, callable,
/// args...]`), kept out of line so the plain function call stays short.
#[inline(never)]
fn receiver_call_frame(
    frame: &mut Frame,
    base: usize,
    spare: &mut Vec<FrameParts>,
) -> Option<Frame> {
    let bound = match &frame.stack[base + 1] {
        Value::BoundMethod(m) if matches!(m.function, Value::Function(_)) => {
            (m.function.clone(), m.receiver.clone(), ReturnAction::Push)
        }
        Value::Type(t) if t.kind == crate::object::types::Kind::User => {
            let init = protocol::instance_facts(t).plain_init?;
            // Checked before the instance exists: one made and dropped
            // here would be finalized (`__del__`) though never initialised.
            let given = frame.stack.len() - (base + 2) + 1;
            if !takes_exactly(&init, given) {
                return None;
            }
            let instance = protocol::new_instance(t);
            (init, instance.clone(), ReturnAction::InitCheck(instance))
        }
        _ => return None,
    };
    enter_function(frame, base, base + 2, Some(bound), spare)
}

/// Whether `function` is a Python function whose positional parameters
/// take exactly `given` arguments (the condition of [`enter_function`]).
fn takes_exactly(function: &Value, given: usize) -> bool {
    use crate::pyc::code::flags;
    let Value::Function(func) = function else {
        return false;
    };
    let code = func.code.borrow();
    code.argcount as usize == given
        && code.kwonlyargcount == 0
        && code.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0
}

/// LOAD_ATTR of a property whose getter is a plain Python function of one
/// parameter: the getter's frame (its return value lands on the stack as
/// the attribute), so the getter runs on the frame stack, not nested.
pub fn property_getter_frame(vm: &mut Vm, fget: &Value, owner: Value) -> Option<Frame> {
    let frame = vm.frames.last_mut().expect("frame");
    let top = frame.stack.len();
    let bound = (fget.clone(), owner, ReturnAction::Push);
    enter_function(frame, top, top, Some(bound), &mut vm.spare_frame_parts)
}

/// The frame of the function under the arguments at `first_arg..` (or of
/// `bound`'s function, its receiver passed first), when the arguments fill
/// its positional parameters exactly; the caller's stack is cut to `base`.
#[inline(always)]
fn enter_function(
    frame: &mut Frame,
    base: usize,
    first_arg: usize,
    bound: Option<(Value, Value, ReturnAction)>,
    spare: &mut Vec<FrameParts>,
) -> Option<Frame> {
    let given = frame.stack.len() - first_arg + bound.is_some() as usize;
    let callee = match &bound {
        Some((function, _, _)) => function,
        None => &frame.stack[first_arg - 1],
    };
    let Value::Function(func) = callee else {
        return None;
    };
    let (values, stacksize, nlocals) = {
        use crate::pyc::code::flags;
        let code = func.code.borrow();
        let simple = code.argcount as usize == given
            && code.kwonlyargcount == 0
            && code.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0;
        if !simple {
            return None;
        }
        let values = protocol::function_values(func, &code);
        (values, code.stacksize as usize, code.localsplusnames.len())
    };
    let globals = func.globals.clone();
    let (mut stack, mut fast) = spare.pop().unwrap_or_default();
    stack.reserve(stacksize);
    fast.reserve(nlocals);
    // The arguments are moved out one by one (leaving NULLs for the
    // truncate below): `drain` into `extend` did not optimise well and cost
    // more than the rest of the call.
    let (function, action) = match bound {
        Some((function, receiver, action)) => {
            fast.push(Some(receiver));
            for slot in &mut frame.stack[first_arg..] {
                fast.push(Some(std::mem::replace(slot, Value::Null)));
            }
            (function, action)
        }
        None => {
            for slot in &mut frame.stack[first_arg..] {
                fast.push(Some(std::mem::replace(slot, Value::Null)));
            }
            let function = std::mem::replace(&mut frame.stack[first_arg - 1], Value::Null);
            (function, ReturnAction::Push)
        }
    };
    // (A plain loop: `resize` is not inlined here, and is a call per call.)
    for _ in fast.len()..nlocals {
        fast.push(None);
    }
    frame.stack.truncate(base);
    Some(Frame::with_parts(
        values,
        globals,
        (stack, fast),
        function,
        action,
    ))
}

/// Calls a user dunder an opcode triggers (DESIGN §3): a Python function
/// comes back as its frame, for the caller to give a return action and
/// push; anything else is called here (a nested loop if need be).
pub fn dunder_call(
    vm: &mut Vm,
    method: Value,
    args: impl Into<Vec<Value>>,
) -> PyResult<CallOutcome> {
    let args = args.into();
    if let Value::Function(_) = method {
        return protocol::call(vm, method, args, Vec::new());
    }
    vm.call(&method, args).map(CallOutcome::Value)
}

/// CALL: `[method or NULL, callable or self, args...]` with KW_NAMES' names.
pub fn call(vm: &mut Vm, argc: usize) -> PyResult<Flow> {
    let frame = vm.frames.last_mut().expect("frame");
    if frame.kw_names.is_none() {
        if let Some(callee) = simple_call_frame(frame, argc, &mut vm.spare_frame_parts) {
            vm.push_frame(callee)?;
            return Ok(Flow::Called);
        }
    }
    let frame = vm.frames.last_mut().expect("frame");
    let kw_names = frame.kw_names.take();
    let mut args = pop_n(frame, argc);
    let second = frame.stack.pop().expect("callable");
    let first = frame.stack.pop().expect("method or NULL");
    let callable = if matches!(first, Value::Null) {
        second
    } else {
        args.insert(0, second);
        first
    };
    let kwargs = match kw_names {
        Some(names) => {
            let values = args.split_off(args.len() - names.len());
            names
                .iter()
                .zip(values)
                .map(|(n, v)| {
                    (
                        if let Value::Str(s) = n {
                            s.clone()
                        } else {
                            Rc::from("")
                        },
                        v,
                    )
                })
                .collect()
        }
        None => Vec::new(),
    };
    vm.call_and_continue(callable, args, kwargs)
}

/// MAKE_FUNCTION: code object on top, then closure / annotations /
/// kwdefaults / defaults as the flag bits say.
pub fn make_function(vm: &mut Vm, flags: usize) -> PyResult<Value> {
    let frame = vm.frames.last_mut().expect("frame");
    let code = match frame.stack.pop() {
        Some(Value::Code(c)) => c,
        _ => {
            return Err(crate::object::exception::system_error(
                "MAKE_FUNCTION without a code object",
            ))
        }
    };
    let closure = if flags & 8 != 0 {
        match frame.stack.pop() {
            Some(Value::Tuple(t)) => Some(t),
            _ => None,
        }
    } else {
        None
    };
    let annotations = if flags & 4 != 0 {
        frame.stack.pop()
    } else {
        None
    };
    let kwdefaults = if flags & 2 != 0 {
        frame.stack.pop()
    } else {
        None
    };
    let defaults = if flags & 1 != 0 {
        match frame.stack.pop() {
            Some(Value::Tuple(t)) => Some(t),
            _ => None,
        }
    } else {
        None
    };
    // An annotations tuple (name, value, ...) becomes a dict.
    let annotations = match annotations {
        Some(Value::Tuple(t)) => {
            let mut items = Vec::new();
            for pair in t.chunks(2) {
                items.push(pair[0].clone());
                items.push(pair.get(1).cloned().unwrap_or(Value::None));
            }
            Some(build_map(vm, items)?)
        }
        other => other,
    };
    let frame = vm.frames.last().expect("frame");
    // As funcobject.c: a str first constant is the docstring.
    let doc = match code.consts.first() {
        Some(crate::pyc::Constant::Str(s)) => Value::str(&s.to_string_lossy()),
        _ => Value::None,
    };
    Ok(Value::Function(Rc::new(Function {
        name: RefCell::new(Rc::from(&*code.name)),
        qualname: RefCell::new(Rc::from(&*code.qualname)),
        code: RefCell::new(code),
        values: RefCell::new(None),
        globals: frame.globals.clone(),
        defaults: RefCell::new(defaults),
        kwdefaults: RefCell::new(kwdefaults),
        closure,
        annotations: RefCell::new(annotations),
        dict: RefCell::new(None),
        doc: RefCell::new(doc),
        module: RefCell::new(None),
    })))
}

/// RAISE_VARARGS: 0 = re-raise, 1 = `raise exc`, 2 = `raise exc from cause`.
pub fn raise(vm: &mut Vm, argc: usize) -> PyResult<PyErr> {
    let frame = vm.frames.last_mut().expect("frame");
    let (exc, cause) = match argc {
        0 => {
            return match vm.handled.clone() {
                Some(Value::Exception(e)) => {
                    vm.reraising = true;
                    Ok(PyErr(e))
                }
                _ => Ok(crate::object::exception::runtime_error(
                    "No active exception to reraise",
                )),
            }
        }
        1 => (frame.stack.pop().expect("exception"), None),
        _ => {
            let cause = frame.stack.pop().expect("cause");
            (frame.stack.pop().expect("exception"), Some(cause))
        }
    };
    let err = make_exception(vm, exc)?;
    if let Some(cause) = cause {
        let cause = match cause {
            Value::None => None,
            c => Some(
                make_exception(vm, c)
                    .map_err(|_| type_error("exception causes must derive from BaseException"))?
                    .value(),
            ),
        };
        *err.0.cause.borrow_mut() = cause;
        err.0.suppress_context.set(true);
    }
    set_context(vm, &err);
    Ok(err)
}

/// Links the exception being handled as `__context__` (avoiding cycles).
pub fn set_context(vm: &Vm, err: &PyErr) {
    if let Some(Value::Exception(handled)) = &vm.handled {
        if !Rc::ptr_eq(handled, &err.0) && err.0.context.borrow().is_none() {
            *err.0.context.borrow_mut() = Some(Value::Exception(handled.clone()));
        }
    }
}

/// An exception instance from `raise X` (a class is instantiated).
pub fn make_exception(vm: &mut Vm, v: Value) -> PyResult<PyErr> {
    match v {
        Value::Exception(e) => Ok(PyErr(e)),
        Value::Type(t) if t.is_subtype(&builtin_types().base_exception) => {
            match vm.call(&Value::Type(t), vec![])? {
                Value::Exception(e) => Ok(PyErr(e)),
                _ => Err(type_error(
                    "calling the exception class did not return an exception",
                )),
            }
        }
        _ => Err(type_error("exceptions must derive from BaseException")),
    }
}

pub fn reraise(exc: Value) -> PyErr {
    match exc {
        Value::Exception(e) => PyErr(e),
        other => PyErr(ExceptionObject::new(
            builtin_types().system_error.clone(),
            vec![other],
        )),
    }
}

/// CHECK_EXC_MATCH: `isinstance(exc, class_or_tuple)` for exception classes.
pub fn exception_matches(vm: &mut Vm, exc: &Value, class: &Value) -> PyResult<bool> {
    let t = protocol::type_of(exc);
    match class {
        Value::Type(c) => {
            if !c.is_subtype(&builtin_types().base_exception) {
                return Err(type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
            Ok(t.is_subtype(c))
        }
        Value::Tuple(items) => {
            for item in items.iter() {
                if exception_matches(vm, exc, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(type_error(
            "catching classes that do not inherit from BaseException is not allowed",
        )),
    }
}

/// BEFORE_WITH: `(manager.__exit__ bound, manager.__enter__())`.
pub fn before_with(vm: &mut Vm, manager: Value) -> PyResult<(Value, Value)> {
    let t = protocol::type_of(&manager);
    let (Some(enter), Some(exit)) = (
        protocol::lookup(&t, "__enter__"),
        protocol::lookup(&t, "__exit__"),
    ) else {
        let missing = if protocol::lookup(&t, "__enter__").is_none() {
            ""
        } else {
            " (missed __exit__ method)"
        };
        return Err(type_error(format!(
            "'{}' object does not support the context manager protocol{missing}",
            t.name
        )));
    };
    let exit = bound(exit, &manager);
    let entered = vm.call(&enter, vec![manager])?;
    Ok((exit, entered))
}

fn bound(f: Value, receiver: &Value) -> Value {
    match f {
        Value::Function(_) => Value::BoundMethod(Rc::new(crate::object::function::BoundMethod {
            function: f,
            receiver: receiver.clone(),
        })),
        Value::Builtin(b) => b.bound_to(receiver.clone()),
        other => other,
    }
}

/// MATCH_MAPPING / MATCH_SEQUENCE.
pub fn match_kind(v: &Value, mapping: bool) -> bool {
    let t = protocol::type_of(v);
    use crate::object::Kind;
    if mapping {
        matches!(t.base_kind(), Kind::Dict)
    } else {
        matches!(t.base_kind(), Kind::List | Kind::Tuple | Kind::Range)
    }
}

/// MATCH_KEYS: a tuple of the values for `keys`, or None if one is missing.
///
/// As ceval.c's `match_keys`: the subject's `get(key, dummy)` answers, never
/// `__getitem__` (so a `defaultdict` gains no keys and `__missing__` is not
/// called); a key given twice is a ValueError.
pub fn match_keys(vm: &mut Vm, subject: &Value, keys: &Value) -> PyResult<Value> {
    let keys = protocol::collect(vm, keys)?;
    let mut values = Vec::with_capacity(keys.len());
    let get = match subject {
        Value::Dict(_) => None,
        other => Some(protocol::getattr(vm, other, "get")?),
    };
    let dummy = protocol::new_instance(&crate::object::builtin_types().object);
    let seen = Value::Set(Rc::new(std::cell::RefCell::new(crate::object::Dict::new())));
    for k in keys {
        if protocol::contains(vm, &seen, &k)? {
            let r = protocol::repr(vm, &k)?;
            return Err(crate::object::exception::value_error(format!(
                "mapping pattern checks duplicate key ({r})"
            )));
        }
        protocol::set_add(vm, &seen, k.clone())?;
        let found = match (subject, &get) {
            (Value::Dict(d), _) => protocol::dict_lookup(vm, d, &k)?,
            (_, Some(get)) => {
                let v = vm.call(get, vec![k, dummy.clone()])?;
                (!v.is(&dummy)).then_some(v)
            }
            (_, None) => None,
        };
        match found {
            Some(v) => values.push(v),
            None => return Ok(Value::None),
        }
    }
    Ok(Value::tuple(values))
}

/// MATCH_CLASS: the attributes for a class pattern, or None.
pub fn match_class(
    vm: &mut Vm,
    subject: Value,
    class: Value,
    count: usize,
    names: Value,
) -> PyResult<Value> {
    let Value::Type(t) = &class else {
        return Err(type_error("called match pattern must be a class"));
    };
    if !protocol::type_of(&subject).is_subtype(t) {
        return Ok(Value::None);
    }
    let mut out = Vec::new();
    if count > 0 {
        use crate::object::Kind;
        let self_matching = matches!(
            t.kind,
            Kind::Bool
                | Kind::Int
                | Kind::Float
                | Kind::Str
                | Kind::Bytes
                | Kind::Tuple
                | Kind::List
                | Kind::Dict
                | Kind::Set
                | Kind::FrozenSet
        );
        if self_matching {
            if count > 1 {
                return Err(type_error(format!(
                    "{}() accepts 1 positional sub-pattern ({count} given)",
                    t.name
                )));
            }
            out.push(subject.clone());
        } else {
            let match_args = protocol::lookup(t, "__match_args__").unwrap_or(Value::tuple(vec![]));
            let match_args = protocol::collect(vm, &match_args)?;
            if count > match_args.len() {
                return Err(type_error(format!(
                    "{}() accepts {} positional sub-pattern{} ({count} given)",
                    t.name,
                    match_args.len(),
                    if match_args.len() == 1 { "" } else { "s" }
                )));
            }
            for name in &match_args[..count] {
                let name = protocol::str_arg(name)?;
                match protocol::getattr(vm, &subject, &name) {
                    Ok(v) => out.push(v),
                    Err(e) if e.is_instance(&builtin_types().attribute_error) => {
                        return Ok(Value::None)
                    }
                    Err(e) => return Err(e),
                }
            }
        }
    }
    for name in protocol::collect(vm, &names)? {
        let name = protocol::str_arg(&name)?;
        match protocol::getattr(vm, &subject, &name) {
            Ok(v) => out.push(v),
            Err(e) if e.is_instance(&builtin_types().attribute_error) => return Ok(Value::None),
            Err(e) => return Err(e),
        }
    }
    Ok(Value::tuple(out))
}
