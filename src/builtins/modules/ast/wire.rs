//! Trees between py2vm and the python3.11 compile server, as marshal data
//! (both sides read and write it natively): a node is a dict whose `None`
//! key names its `_ast` class and whose other keys are the attributes it
//! has (fields and positions, only those set); lists, tuples and constants
//! (str, bytes, int, float, complex, bool, None, Ellipsis, frozenset) are
//! themselves. Any other object goes as `{None: None, 'repr': repr(obj)}`,
//! which the server turns back into an object with that repr, so CPython's
//! validator names it in its message.

use std::rc::Rc;

use crate::builtins::modules::marshal;
use crate::object::exception::system_error;
use crate::object::{PyResult, Type, Value};
use crate::pyc::code::Constant;
use crate::vm::protocol;
use crate::vm::Vm;

/// Serializes `tree` (py2vm node objects) for the server.
pub fn encode(vm: &mut Vm, module: &Value, tree: &Value) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    let other =
        |vm: &mut Vm, v: &Value, out: &mut Vec<u8>, d: usize| write_other(vm, module, v, out, d);
    marshal::write(vm, tree, &mut out, 0, &other)?;
    Ok(out)
}

/// The `_ast` class a node object is an instance of (its own class or the
/// nearest in its MRO: a Python subclass of `ast.Name` compiles as a Name).
fn node_name(module: &Value, class: &Rc<Type>) -> Option<Rc<str>> {
    class
        .mro()
        .into_iter()
        .find(|t| super::node_class(module, &t.name).is_some_and(|c| Rc::ptr_eq(&c, t)))
        .map(|t| t.name.clone())
}

/// A node as a dict (`None` names its class), anything else as its repr.
fn write_other(
    vm: &mut Vm,
    module: &Value,
    v: &Value,
    out: &mut Vec<u8>,
    depth: usize,
) -> PyResult<()> {
    let other =
        |vm: &mut Vm, v: &Value, out: &mut Vec<u8>, d: usize| write_other(vm, module, v, out, d);
    out.push(b'{');
    out.push(b'N');
    match v {
        Value::Instance(i) if i.payload.is_none() => {
            if let Some(name) = node_name(module, &i.class.borrow()) {
                marshal::write_str(out, &name);
                let items = i.dict.borrow().items();
                for (k, item) in items {
                    if let Value::Str(k) = &k {
                        marshal::write_str(out, k);
                        marshal::write(vm, &item, out, depth + 1, &other)?;
                    }
                }
                out.push(b'0');
                return Ok(());
            }
        }
        _ => {}
    }
    let repr = protocol::repr(vm, v)?;
    out.push(b'N');
    marshal::write_str(out, "repr");
    marshal::write_str(out, &repr);
    out.push(b'0');
    Ok(())
}

/// Builds py2vm node objects from the server's serialized tree.
pub fn decode(module: &Value, data: &[u8]) -> PyResult<Value> {
    let (tree, _) = crate::pyc::marshal::read_object(data, 0)
        .map_err(|e| system_error(format!("cannot read the parsed tree: {e}")))?;
    build(module, &tree)
}

fn build(module: &Value, c: &Constant) -> PyResult<Value> {
    Ok(match c {
        Constant::Dict(pairs) => {
            let name = pairs.iter().find_map(|(k, v)| match (k, v) {
                (Constant::None, Constant::Str(s)) => Some(s.to_string_lossy()),
                _ => None,
            });
            let Some(class) = name.and_then(|n| super::node_class(module, &n)) else {
                return Err(system_error("the parsed tree names no _ast class"));
            };
            let node = protocol::new_instance(&class);
            if let Value::Instance(i) = &node {
                for (k, v) in pairs.iter() {
                    if let Constant::Str(k) = k {
                        let v = build(module, v)?;
                        protocol::dict_set_str(&i.dict, &k.to_string_lossy(), v);
                    }
                }
            }
            node
        }
        Constant::List(items) => Value::list(
            items
                .iter()
                .map(|x| build(module, x))
                .collect::<PyResult<_>>()?,
        ),
        other => protocol::constant_value(other),
    })
}
