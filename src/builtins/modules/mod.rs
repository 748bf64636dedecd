//! Modules: the ones py2vm provides natively (what CPython writes in C:
//! `sys`, `_io`, `_sre`, ...), the import statement
//! (`importer`) and modules loaded from `.py` files on `sys.path` (`source`).

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::exception::type_error;
use crate::object::function::{Args, NativeFn};
use crate::object::value::Module;
use crate::object::{builtin_types, Dict, PyResult, Value};
use crate::vm::protocol::{self, native};
use crate::vm::Vm;

pub mod ast;
mod atexit;
mod binascii;
pub mod codecs;
mod collections;
mod contextvars;
mod errno;
mod fcntl;
mod functools;
mod hashes;
mod imp;
pub mod importer;
pub mod io;
mod itertools;
pub(crate) mod marshal;
mod math;
mod namespace;
mod operator;
mod posix;
mod posixsubprocess;
mod random;
mod select;
mod signal;
mod socket;
pub mod source;
mod sre;
mod stdio;
mod string;
mod struct_;
mod sys;
mod thread;
pub mod time;
mod unicodedata;
mod warnings;
mod weakref;

/// The names `provided_module` knows.
pub const PROVIDED: &[&str] = &[
    "sys",
    "math",
    "_random",
    "itertools",
    "_collections",
    "_io",
    "_functools",
    "_codecs",
    "_contextvars",
    "_operator",
    "_sre",
    "_ast",
    "_imp",
    "_warnings",
    "marshal",
    "_signal",
    "select",
    "fcntl",
    "_socket",
    "_posixsubprocess",
    "_string",
    "_md5",
    "_sha1",
    "_sha256",
    "_sha512",
    "_struct",
    "binascii",
    "_weakref",
    "_thread",
    "atexit",
    "builtins",
    "time",
    "posix",
    "errno",
    "unicodedata",
];

/// The module `name` if py2vm provides it, created and registered in
/// `sys.modules`; `None` if py2vm has no such module. `importer` decides
/// when these come before the files on `sys.path`.
pub fn provided_module(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let module = match name {
        "sys" => sys::module(vm),
        "math" => math::module(),
        "_random" => random::module(),
        "itertools" => itertools::module(),
        "_collections" => collections::module(),
        "_io" => io::module(vm)?,
        "_functools" => functools::module(),
        "_codecs" => codecs::module(),
        "_contextvars" => contextvars::module(),
        "_operator" => operator::module(),
        "_sre" => sre::module(),
        "_ast" => ast::module(),
        "_imp" => imp::module(),
        "_warnings" => warnings::module(),
        "marshal" => marshal::module(),
        "unicodedata" => unicodedata::module(),
        "_signal" => signal::module(),
        "select" => select::module(),
        "fcntl" => fcntl::module(),
        "_socket" => socket::module(vm)?,
        "_posixsubprocess" => posixsubprocess::module(),
        "_string" => string::module(),
        "_md5" | "_sha1" | "_sha256" | "_sha512" => hashes::module(name),
        "_struct" => struct_::module(vm)?,
        "binascii" => binascii::module(vm)?,
        "_weakref" => weakref::module(),
        "_thread" => thread::module(),
        "atexit" => atexit::module(),
        // The module whose namespace is the builtins dict itself, so that
        // `builtins.len = ...` changes what every LOAD_GLOBAL finds.
        "builtins" => {
            let dict = vm.builtins.clone();
            if protocol::dict_get_str(&dict, "__name__").is_none() {
                protocol::dict_set_str(&dict, "__name__", Value::str("builtins"));
            }
            Value::Module(Rc::new(Module {
                name: Rc::from("builtins"),
                dict,
            }))
        }
        "time" => time::module(),
        "posix" => posix::module(vm)?,
        "errno" => errno::module(vm)?,
        _ => return Ok(None),
    };
    protocol::dict_set_str(&vm.modules, name, module.clone());
    Ok(Some(module))
}

/// Whether `v` is py2vm's own `<stdout>` stream (`print`'s fast path).
pub fn stdio_is_native_stdout(v: &Value) -> bool {
    stdio::is_native_stdout(v)
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
        let def = crate::object::function::m(n, *f);
        let method = Value::Builtin(Rc::new(crate::object::function::Builtin {
            name: def.name,
            func: def.func,
            receiver: None,
            owner: Some(t.clone()),
            arity: def.arity,
        }));
        protocol::dict_set_str_plain(&t, n, method);
    }
    protocol::dict_set_str_plain(&t, "__module__", Value::str(module));
    t
}

/// A class a native module defines (`collections.deque`, `weakref.ref`...),
/// with its methods, slots and constructor in one table, as a C type's
/// `PyMethodDef` array: instance methods become method descriptors owned
/// by the class (the receiver is checked), `.class()` and
/// `.static_method(n)` entries class and static methods, and a `__new__`
/// entry the constructor (called with the class first, so subclasses get
/// instances of themselves). Objects are made with [`native_instance`].
pub fn native_type(
    name: &str,
    module: &str,
    bases: Vec<Rc<crate::object::Type>>,
    methods: &[crate::object::function::MethodDef],
) -> Rc<crate::object::Type> {
    let bases = if bases.is_empty() {
        vec![builtin_types().object.clone()]
    } else {
        bases
    };
    let t = crate::object::Type::new(name, crate::object::Kind::User, bases);
    // C types are immutable (static types, and heap types with
    // Py_TPFLAGS_IMMUTABLETYPE); the few that are not say so.
    t.immutable.set(true);
    for def in methods {
        let value = crate::builtins::methods::method_value(def, &t);
        protocol::dict_set_str_plain(&t, def.name, value);
    }
    protocol::dict_set_str_plain(&t, "__module__", Value::str(module));
    if module != "builtins" {
        let _ = t.tp_name.set(Rc::from(format!("{module}.{name}")));
    }
    if protocol::plain_lookup(&t, "__doc__").is_none() {
        protocol::dict_set_str_plain(&t, "__doc__", Value::None);
    }
    t
}

/// A data attribute of a native class's instances (CPython's
/// `PyGetSetDef`: `closed`, `name`, `mode`...): a getter called with the
/// object, and a setter called with the object and the value, if it can be
/// set.
#[derive(Clone, Copy)]
pub struct GetSet {
    pub name: &'static str,
    pub get: NativeFn,
    pub set: Option<NativeFn>,
}

/// A read-only [`GetSet`] (`.setter(f)` makes it writable).
pub const fn getset(name: &'static str, get: NativeFn) -> GetSet {
    GetSet {
        name,
        get,
        set: None,
    }
}

impl GetSet {
    pub const fn setter(self, set: NativeFn) -> GetSet {
        GetSet {
            set: Some(set),
            ..self
        }
    }
}

/// Installs `getsets` in a native class's namespace as properties whose
/// getter and setter are native methods of the class (their receiver is
/// checked), so they are data descriptors found before the instance dict,
/// as a getset descriptor is.
pub fn native_getsets(t: &Rc<crate::object::Type>, getsets: &[GetSet]) {
    let method = |name: &'static str, func: NativeFn, args: u8| {
        Value::Builtin(Rc::new(crate::object::function::Builtin {
            name,
            func,
            receiver: None,
            owner: Some(t.clone()),
            arity: crate::object::function::m(name, func).at_least(args).arity,
        }))
    };
    for g in getsets {
        let property = crate::object::value::Property {
            fget: method(g.name, g.get, 0),
            fset: g.set.map_or(Value::None, |f| method(g.name, f, 1)),
            fdel: Value::None,
            doc: Value::None,
        };
        protocol::dict_set_str_plain(t, g.name, Value::Property(Rc::new(property)));
    }
}

/// A read-only data attribute of a native class's objects (a getset
/// descriptor without a setter, as `PyGetSetDef`): `get` receives the object.
pub fn native_getter(t: &Rc<crate::object::Type>, name: &'static str, get: NativeFn) {
    native_getsets(t, &[getset(name, get)]);
}

/// The class a native class's `__new__` was called with (its first
/// argument).
pub fn class_arg(args: &Args) -> PyResult<Rc<crate::object::Type>> {
    match args.positional.first() {
        Some(Value::Type(t)) => Ok(t.clone()),
        _ => Err(crate::object::exception::type_error(
            "__new__() needs a type argument",
        )),
    }
}

/// An object of the native class `class` (or of a Python subclass of it)
/// holding `state`, which the class's methods read with
/// `object::native::native_ref`.
pub fn native_instance(
    class: &Rc<crate::object::Type>,
    state: impl crate::object::native::NativeData,
) -> Value {
    protocol::new_instance_with_payload(class, Value::Native(Rc::new(state)))
}

/// Argument Clinic's binding of positional and keyword arguments
/// (`_PyArg_UnpackKeywords`; `PyArg_ParseTupleAndKeywords` words its
/// errors the same): `names` in order, the first `required` of them
/// required, at most `maxpos` of them positional.
pub fn clinic_bind(
    fname: &str,
    args: &[Value],
    keywords: &[(Rc<str>, Value)],
    names: &[&str],
    required: usize,
    maxpos: usize,
) -> PyResult<Vec<Option<Value>>> {
    let nargs = args.len();
    let maxargs = names.len();
    let given = nargs + keywords.len();
    if given > maxargs {
        return Err(type_error(format!(
            "{fname}() takes at most {maxargs} {}argument{} ({given} given)",
            if nargs == 0 { "keyword " } else { "" },
            plural_s(maxargs)
        )));
    }
    if nargs > maxpos {
        return Err(type_error(format!(
            "{fname}() takes {} {maxpos} positional argument{} ({nargs} given)",
            if required < maxpos {
                "at most"
            } else {
                "exactly"
            },
            plural_s(maxpos)
        )));
    }
    let mut out: Vec<Option<Value>> = args.iter().cloned().map(Some).collect();
    let mut used = 0;
    for (i, name) in names.iter().enumerate().skip(nargs) {
        let v = keywords
            .iter()
            .find(|(k, _)| &**k == *name)
            .map(|(_, v)| v.clone());
        if v.is_some() {
            used += 1;
        } else if i < required {
            return Err(type_error(format!(
                "{fname}() missing required argument '{name}' (pos {})",
                i + 1
            )));
        }
        out.push(v);
    }
    if used < keywords.len() {
        for (i, name) in names.iter().enumerate().take(nargs) {
            if keywords.iter().any(|(k, _)| &**k == *name) {
                return Err(type_error(format!(
                    "argument for {fname}() given by name ('{name}') and position ({})",
                    i + 1
                )));
            }
        }
        if let Some((k, _)) = keywords.iter().find(|(k, _)| !names.contains(&&**k)) {
            return Err(type_error(format!(
                "'{k}' is an invalid keyword argument for {fname}()"
            )));
        }
    }
    Ok(out)
}

fn plural_s(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
