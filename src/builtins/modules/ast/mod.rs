//! `_ast` as CPython's Python/Python-ast.c: the node classes (`nodes.rs`,
//! generated from python3.11's module) with `ast_type_init` and
//! `ast_type_reduce`, and the `PyCF_*` flags. Parsing and compiling trees
//! is python3.11's work (py2vm never parses Python): `wire.rs` carries trees
//! to and from the compile server `exec` keeps.

use std::rc::Rc;

use super::new_module;
use crate::object::exception::type_error;
use crate::object::function::{m, Args};
use crate::object::{PyResult, Type, Value};
use crate::vm::protocol;
use crate::vm::Vm;

mod nodes;
pub mod wire;

pub use nodes::{PYCF_ALLOW_TOP_LEVEL_AWAIT, PYCF_ONLY_AST, PYCF_TYPE_COMMENTS};

/// One node class of `_ast`, as python3.11 reports it: what its own
/// namespace holds besides `__module__` (`'ast'`).
pub struct NodeClass {
    pub name: &'static str,
    pub base: Option<&'static str>,
    pub doc: Option<&'static str>,
    pub fields: Option<&'static [&'static str]>,
    pub attributes: Option<&'static [&'static str]>,
    pub match_args: Option<&'static [&'static str]>,
    /// Class attributes that are None: optional (`?`) fields, and
    /// `end_lineno`/`end_col_offset` where `_attributes` are declared.
    pub none_attrs: &'static [&'static str],
}

fn names(list: &[&str]) -> Value {
    Value::tuple(list.iter().map(|n| Value::str(n)).collect())
}

pub fn module() -> Value {
    let mut members: Vec<(&str, Value)> = Vec::new();
    let mut made: Vec<(&str, Rc<Type>)> = Vec::new();
    for node in nodes::NODES {
        let bases = node
            .base
            .and_then(|b| made.iter().find(|(n, _)| *n == b))
            .map(|(_, t)| vec![t.clone()])
            .unwrap_or_default();
        let methods: &[_] = if node.base.is_none() {
            &[
                m("__init__", ast_init).at_least(0),
                m("__reduce__", ast_reduce),
            ]
        } else {
            &[]
        };
        let t = super::native_type(node.name, "ast", bases, methods);
        // Python-ast.c's node classes are heap types without
        // Py_TPFLAGS_IMMUTABLETYPE: ast.py sets `Constant.n` on them.
        t.immutable.set(false);
        let set = |k: &str, v: Value| protocol::dict_set_str_plain(&t, k, v);
        set("__doc__", node.doc.map_or(Value::None, Value::str));
        if let Some(f) = node.fields {
            set("_fields", names(f));
        }
        if let Some(a) = node.attributes {
            set("_attributes", names(a));
        }
        if let Some(a) = node.match_args {
            set("__match_args__", names(a));
        }
        for n in node.none_attrs {
            set(n, Value::None);
        }
        members.push((node.name, Value::Type(t.clone())));
        made.push((node.name, t));
    }
    members.push(("PyCF_ONLY_AST", Value::Int(PYCF_ONLY_AST)));
    members.push(("PyCF_TYPE_COMMENTS", Value::Int(PYCF_TYPE_COMMENTS)));
    members.push((
        "PyCF_ALLOW_TOP_LEVEL_AWAIT",
        Value::Int(PYCF_ALLOW_TOP_LEVEL_AWAIT),
    ));
    new_module("_ast", members)
}

/// The `_ast` module (imported if it is not yet), whose classes trees are
/// made of.
pub fn ast_module(vm: &mut Vm) -> PyResult<Value> {
    if let Some(m) = protocol::dict_get_str(&vm.modules, "_ast") {
        if matches!(m, Value::Module(_)) {
            return Ok(m);
        }
    }
    Ok(super::provided_module(vm, "_ast")?.unwrap_or(Value::None))
}

/// `_ast.AST`, or None if `v` is no node class table.
pub fn node_class(module: &Value, name: &str) -> Option<Rc<Type>> {
    match module {
        Value::Module(m) => match protocol::dict_get_str(&m.dict, name) {
            Some(Value::Type(t)) => Some(t),
            _ => None,
        },
        _ => None,
    }
}

/// `ast_type_init`: positional arguments set `_fields` in order, keywords
/// are set as attributes (a field given both ways is an error).
fn ast_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some((this, positional)) = args.positional.split_first() else {
        return Err(type_error(
            "descriptor '__init__' of 'AST' object needs an argument",
        ));
    };
    let class = protocol::type_of(this);
    let fields = match protocol::getattr(vm, &Value::Type(class.clone()), "_fields") {
        Ok(f) => protocol::collect(vm, &f)?,
        Err(e) if e.is_instance(&crate::object::builtin_types().attribute_error) => Vec::new(),
        Err(e) => return Err(e),
    };
    if fields.len() < positional.len() {
        let n = fields.len();
        return Err(type_error(format!(
            "{} constructor takes at most {n} positional argument{}",
            class.name,
            if n == 1 { "" } else { "s" }
        )));
    }
    for (name, value) in fields.iter().zip(positional) {
        let name = protocol::str_arg(name)?;
        protocol::setattr(vm, this, &name, value.clone())?;
    }
    for (key, value) in args.keywords {
        let p = fields
            .iter()
            .position(|f| matches!(f, Value::Str(s) if **s == **key));
        if p.is_some_and(|p| p < positional.len()) {
            return Err(type_error(format!(
                "{} got multiple values for argument '{key}'",
                class.name
            )));
        }
        protocol::setattr(vm, this, key, value.clone())?;
    }
    Ok(Value::None)
}

/// `ast_type_reduce`: `(type(self), (), self.__dict__)`.
fn ast_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = &args.positional[0];
    let class = Value::Type(protocol::type_of(this));
    match this {
        Value::Instance(i) => Ok(Value::tuple(vec![
            class,
            Value::tuple(vec![]),
            Value::Dict(i.dict.clone()),
        ])),
        _ => Ok(Value::tuple(vec![class, Value::tuple(vec![])])),
    }
}
