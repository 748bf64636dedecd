//! Trees between py2vm and the python3.11 compile server, as marshal data
//! (both sides read and write it natively): a node is a dict whose `None`
//! key names its `_ast` class and whose other keys are the attributes it
//! has (fields and positions, only those set); lists, tuples and constants
//! (str, bytes, int, float, complex, bool, None, Ellipsis, frozenset) are
//! themselves. Any other object goes as `{None: None, 'repr': repr(obj)}`,
//! which the server turns back into an object with that repr, so CPython's
//! validator names it in its message.

use std::rc::Rc;

use num_bigint::{BigInt, Sign};

use crate::object::exception::system_error;
use crate::object::{PyResult, Type, Value};
use crate::pyc::code::Constant;
use crate::vm::protocol;
use crate::vm::Vm;

/// Serializes `tree` (py2vm node objects) for the server.
pub fn encode(vm: &mut Vm, module: &Value, tree: &Value) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    write(vm, module, tree, &mut out, 0)?;
    Ok(out)
}

fn write_len(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u32).to_le_bytes());
}

fn write_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'u');
    write_len(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

fn write_bigint(out: &mut Vec<u8>, n: &BigInt) {
    // marshal's TYPE_LONG: a signed count of base-2**15 digits, then the
    // digits, least significant first.
    let (sign, mag) = n.to_u32_digits();
    let mut digits = Vec::new();
    let mut acc: u64 = 0;
    let mut bits = 0;
    for d in mag {
        acc |= (d as u64) << bits;
        bits += 32;
        while bits >= 15 {
            digits.push((acc & 0x7fff) as u16);
            acc >>= 15;
            bits -= 15;
        }
    }
    if bits > 0 {
        digits.push(acc as u16);
    }
    while digits.last() == Some(&0) {
        digits.pop();
    }
    out.push(b'l');
    let count = digits.len() as i32;
    let count = if sign == Sign::Minus { -count } else { count };
    out.extend_from_slice(&count.to_le_bytes());
    for d in digits {
        out.extend_from_slice(&d.to_le_bytes());
    }
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

fn write(vm: &mut Vm, module: &Value, v: &Value, out: &mut Vec<u8>, depth: usize) -> PyResult<()> {
    if depth > 10_000 {
        return Err(crate::object::exception::recursion_error(
            "maximum recursion depth exceeded during compilation",
        ));
    }
    match v {
        Value::None => out.push(b'N'),
        Value::Bool(true) => out.push(b'T'),
        Value::Bool(false) => out.push(b'F'),
        Value::Ellipsis => out.push(b'.'),
        Value::Int(i) => match i32::try_from(*i) {
            Ok(small) => {
                out.push(b'i');
                out.extend_from_slice(&small.to_le_bytes());
            }
            Err(_) => write_bigint(out, &BigInt::from(*i)),
        },
        Value::BigInt(b) => write_bigint(out, b),
        Value::Float(f) => {
            out.push(b'g');
            out.extend_from_slice(&f.to_le_bytes());
        }
        Value::Complex(re, im) => {
            out.push(b'y');
            out.extend_from_slice(&re.to_le_bytes());
            out.extend_from_slice(&im.to_le_bytes());
        }
        Value::Str(s) => write_str(out, s),
        Value::Bytes(b) => {
            out.push(b's');
            write_len(out, b.len());
            out.extend_from_slice(b);
        }
        Value::Tuple(items) => {
            out.push(b'(');
            write_len(out, items.len());
            for item in items.iter() {
                write(vm, module, item, out, depth + 1)?;
            }
        }
        Value::List(items) => {
            let items = items.borrow().clone();
            out.push(b'[');
            write_len(out, items.len());
            for item in &items {
                write(vm, module, item, out, depth + 1)?;
            }
        }
        Value::FrozenSet(d) => {
            let items = d.keys();
            out.push(b'>');
            write_len(out, items.len());
            for item in &items {
                write(vm, module, item, out, depth + 1)?;
            }
        }
        Value::Instance(i) if i.payload.is_none() => {
            let Some(name) = node_name(module, &i.class.borrow()) else {
                return write_opaque(vm, v, out);
            };
            out.push(b'{');
            out.push(b'N');
            write_str(out, &name);
            let items = i.dict.borrow().items();
            for (k, item) in items {
                if let Value::Str(k) = &k {
                    write_str(out, k);
                    write(vm, module, &item, out, depth + 1)?;
                }
            }
            out.push(b'0');
        }
        _ => write_opaque(vm, v, out)?,
    }
    Ok(())
}

fn write_opaque(vm: &mut Vm, v: &Value, out: &mut Vec<u8>) -> PyResult<()> {
    let repr = protocol::repr(vm, v)?;
    out.push(b'{');
    out.push(b'N');
    out.push(b'N');
    write_str(out, "repr");
    write_str(out, &repr);
    out.push(b'0');
    Ok(())
}

/// Builds py2vm node objects from the server's serialized tree.
pub fn decode(vm: &mut Vm, module: &Value, data: &[u8]) -> PyResult<Value> {
    let (tree, _) = crate::pyc::marshal::read_object(data, 0)
        .map_err(|e| system_error(format!("cannot read the parsed tree: {e}")))?;
    build(vm, module, &tree)
}

fn build(vm: &mut Vm, module: &Value, c: &Constant) -> PyResult<Value> {
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
                        let v = build(vm, module, v)?;
                        protocol::dict_set_str(&i.dict, &k.to_string_lossy(), v);
                    }
                }
            }
            node
        }
        Constant::List(items) => Value::list(
            items
                .iter()
                .map(|x| build(vm, module, x))
                .collect::<PyResult<_>>()?,
        ),
        other => protocol::constant_value(other),
    })
}
