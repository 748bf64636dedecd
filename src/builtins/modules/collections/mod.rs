//! `_collections` (Modules/_collectionsmodule.c): `deque` and its two
//! iterator types (`deque.rs`), `defaultdict` (`defaultdict.rs`), and the
//! two helpers CPython's `Lib/collections` imports: `_count_elements`
//! (Counter's accelerator) and `_tuplegetter` (namedtuple's field
//! descriptor). `OrderedDict` is left to `Lib/collections`' pure-Python one.

use std::rc::Rc;

use crate::object::exception::type_error;
use crate::object::function::{m, Args, MethodDef};
use crate::object::native::native_ref;
use crate::object::types::{builtin_types, Type};
use crate::object::{PyResult, Value};
use crate::vm::protocol::{self, number, type_name};
use crate::vm::Vm;

use super::{functions, native_instance, native_type, new_module};

mod defaultdict;
mod deque;

/// The module's classes, made once per thread so `type(x)` is always the
/// same class object.
struct Types {
    deque: Rc<Type>,
    deque_iterator: Rc<Type>,
    deque_reverse_iterator: Rc<Type>,
    defaultdict: Rc<Type>,
    tuplegetter: Rc<Type>,
}

thread_local! {
    static TYPES: Types = Types::new();
}

impl Types {
    fn new() -> Types {
        let deque = native_type("deque", "collections", vec![], deque::DEQUE_METHODS);
        deque::add_attributes(&deque);
        let deque_iterator = native_type(
            "_deque_iterator",
            "_collections",
            vec![],
            deque::ITERATOR_METHODS,
        );
        let deque_reverse_iterator = native_type(
            "_deque_reverse_iterator",
            "_collections",
            vec![],
            deque::REVERSE_ITERATOR_METHODS,
        );
        let defaultdict = native_type(
            "defaultdict",
            "collections",
            vec![builtin_types().dict.clone()],
            defaultdict::METHODS,
        );
        defaultdict::add_attributes(&defaultdict);
        let tuplegetter = native_type("_tuplegetter", "_collections", vec![], TUPLEGETTER_METHODS);
        add_tuplegetter_attributes(&tuplegetter);
        for t in [&deque_iterator, &deque_reverse_iterator] {
            no_instance_dict(t);
        }
        Types {
            deque,
            deque_iterator,
            deque_reverse_iterator,
            defaultdict,
            tuplegetter,
        }
    }
}

fn types<T>(f: impl FnOnce(&Types) -> T) -> T {
    TYPES.with(f)
}

/// The objects of a C type without `tp_dictoffset` have no `__dict__` and
/// take no other attributes (py2vm's slot machinery with no slots; a
/// Python subclass gets a dict again).
fn no_instance_dict(t: &Rc<Type>) {
    protocol::dict_set_str_plain(t, "__slots__", Value::tuple(vec![]));
}

/// `_collections`, created on first import.
pub fn module() -> Value {
    let mut members: Vec<(&str, Value)> = types(|t| {
        vec![
            ("deque", Value::Type(t.deque.clone())),
            ("defaultdict", Value::Type(t.defaultdict.clone())),
            ("_deque_iterator", Value::Type(t.deque_iterator.clone())),
            (
                "_deque_reverse_iterator",
                Value::Type(t.deque_reverse_iterator.clone()),
            ),
            ("_tuplegetter", Value::Type(t.tuplegetter.clone())),
        ]
    });
    members.push((
        "__doc__",
        Value::str(
            "High performance data structures.\n\
             - deque:        ordered collection accessible from endpoints only\n\
             - defaultdict:  dict subclass with a default value factory\n",
        ),
    ));
    members.extend(functions(&[("_count_elements", count_elements)]));
    new_module("_collections", members)
}

// ------------------------------------------------------------ argument checks

/// The receiver and arguments of a method with no parameters
/// (`METH_NOARGS`): `deque.pop() takes no arguments (1 given)`.
fn no_args(a: &Args, qualname: &str) -> PyResult<()> {
    if !a.keywords.is_empty() {
        return Err(type_error(format!(
            "{qualname}() takes no keyword arguments"
        )));
    }
    match a.positional.len() {
        0 | 1 => Ok(()),
        n => Err(type_error(format!(
            "{qualname}() takes no arguments ({} given)",
            n - 1
        ))),
    }
}

/// A `METH_O` method's one argument (the receiver's arity is checked by
/// the method descriptor; the surplus and keywords here).
fn one_arg<'a>(a: &'a Args, qualname: &str) -> PyResult<&'a Value> {
    if !a.keywords.is_empty() {
        return Err(type_error(format!(
            "{qualname}() takes no keyword arguments"
        )));
    }
    match a.positional {
        [_, x] => Ok(x),
        _ => Err(type_error(format!(
            "{qualname}() takes exactly one argument ({} given)",
            a.positional.len().saturating_sub(1)
        ))),
    }
}

/// Refuses keyword arguments to a positional-only function (getargs.c's
/// `_PyArg_NoKeywords`).
fn no_keywords(a: &Args, name: &str) -> PyResult<()> {
    if a.keywords.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!("{name}() takes no keyword arguments")))
    }
}

/// `PyLong_AsSsize_t` after `__index__` (the `n` format unit): a TypeError
/// for a non-integer, OverflowError for one beyond a machine word.
fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match number::number_index(vm, v)? {
        Value::Int(i) => Ok(i),
        _ => Err(crate::object::exception::overflow_error(
            "Python int too large to convert to C ssize_t",
        )),
    }
}

/// Whether `v` has `__index__` (`_PyIndex_Check`).
fn has_index(v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => true,
        Value::Instance(_) => protocol::lookup(&protocol::type_of(v), "__index__").is_some(),
        _ => false,
    }
}

/// Runs `f` one native level deeper, refusing to go past the recursion
/// limit (CPython's `Py_EnterRecursiveCall(where)`), so nested deques
/// compared or printed cannot exhaust the Rust stack.
fn nested<T>(vm: &mut Vm, place: &str, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
    if vm.native_depth > vm.recursion_limit {
        return Err(crate::object::exception::recursion_error(format!(
            "maximum recursion depth exceeded{place}"
        )));
    }
    vm.native_depth += 1;
    let r = f(vm);
    vm.native_depth -= 1;
    r
}

// ---------------------------------------------------------- _count_elements

/// `_count_elements(mapping, iterable)`: `mapping[x] = mapping.get(x, 0) + 1`
/// for each item, straight into the dict when `mapping` is a dict whose
/// `get` and `__setitem__` are dict's own (a Counter), through those
/// methods otherwise.
fn count_elements(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_keywords(&a, "_collections._count_elements")?;
    let [mapping, iterable] = a.positional else {
        return Err(type_error(format!(
            "_count_elements expected 2 arguments, got {}",
            a.positional.len()
        )));
    };
    let it = protocol::iter(vm, iterable)?;
    let one = Value::Int(1);
    let dict_type = builtin_types().dict.clone();
    let mapping_type = protocol::type_of(mapping);
    let same = |name: &str| match (
        protocol::lookup(&mapping_type, name),
        protocol::lookup(&dict_type, name),
    ) {
        (Some(x), Some(y)) => x.is(&y),
        _ => false,
    };
    let fast = match mapping {
        Value::Dict(d) => Some(d.clone()),
        Value::Instance(i) if same("get") && same("__setitem__") => match &i.payload {
            Some(Value::Dict(d)) => Some(d.clone()),
            _ => None,
        },
        _ => None,
    };
    if let Some(d) = fast {
        while let Some(key) = protocol::next(vm, &it)? {
            let new = match protocol::dict_lookup(vm, &d, &key)? {
                None => one.clone(),
                Some(old) => crate::vm::ops::binary_op(vm, 0, old, one.clone())?,
            };
            protocol::dict_insert(vm, &d, key, new)?;
        }
        return Ok(Value::None);
    }
    let get = protocol::getattr(vm, mapping, "get")?;
    while let Some(key) = protocol::next(vm, &it)? {
        let old = vm.call(&get, vec![key.clone(), Value::Int(0)])?;
        let new = crate::vm::ops::binary_op(vm, 0, old, one.clone())?;
        protocol::setitem(vm, mapping, key, new)?;
    }
    Ok(Value::None)
}

// -------------------------------------------------------------- _tuplegetter

/// A `_tuplegetter`: `tuple[index]` as an attribute (namedtuple's fields).
struct TupleGetter {
    index: i64,
    doc: std::cell::RefCell<Value>,
}

fn tuplegetter_of(v: &Value) -> PyResult<&TupleGetter> {
    native_ref::<TupleGetter>(v)
        .ok_or_else(|| type_error("descriptor requires a '_collections._tuplegetter' object"))
}

static TUPLEGETTER_METHODS: &[MethodDef] = &[
    m("__new__", |vm, a| {
        no_keywords(&a, "_tuplegetter")?;
        let [Value::Type(cls), index, doc] = a.positional else {
            return Err(type_error(format!(
                "_tuplegetter expected 2 arguments, got {}",
                a.positional.len().saturating_sub(1)
            )));
        };
        let index = ssize_arg(vm, index)?;
        Ok(native_instance(
            cls,
            TupleGetter {
                index,
                doc: std::cell::RefCell::new(doc.clone()),
            },
        ))
    }),
    // tuplegetter_descr_get
    m("__get__", |_, a| {
        let g = tuplegetter_of(&a.positional[0])?;
        let obj = match a.positional.get(1) {
            None | Some(Value::None) => return Ok(a.positional[0].clone()),
            Some(obj) => obj,
        };
        let items = match obj {
            Value::Tuple(t) => t.clone(),
            Value::Instance(i) => match &i.payload {
                Some(Value::Tuple(t)) => t.clone(),
                _ => return Err(not_a_tuple(g, obj)),
            },
            _ => return Err(not_a_tuple(g, obj)),
        };
        usize::try_from(g.index)
            .ok()
            .and_then(|i| items.get(i).cloned())
            .ok_or_else(|| crate::object::exception::index_error("tuple index out of range"))
    })
    .at_least(1),
    m("__set__", |_, _| {
        Err(crate::object::exception::attribute_error(
            "can't set attribute",
        ))
    })
    .exact(2),
    m("__delete__", |_, _| {
        Err(crate::object::exception::attribute_error(
            "can't delete attribute",
        ))
    })
    .exact(1),
    m("__reduce__", |_, a| {
        let g = tuplegetter_of(&a.positional[0])?;
        let args = Value::tuple(vec![Value::Int(g.index), g.doc.borrow().clone()]);
        Ok(Value::tuple(vec![
            Value::Type(protocol::type_of(&a.positional[0])),
            args,
        ]))
    }),
    m("__repr__", |vm, a| {
        let g = tuplegetter_of(&a.positional[0])?;
        let doc = g.doc.borrow().clone();
        let doc = protocol::repr(vm, &doc)?;
        Ok(Value::str(&format!(
            "{}({}, {doc})",
            short_type_name(&a.positional[0]),
            g.index
        )))
    }),
];

#[cold]
fn not_a_tuple(g: &TupleGetter, obj: &Value) -> crate::object::PyErr {
    type_error(format!(
        "descriptor for index '{}' for tuple subclasses doesn't apply to '{}' object",
        g.index,
        type_name(obj)
    ))
}

/// `__doc__` is the getter's own (a writable member, as CPython's
/// `tuplegetter_members`): `Point.x.__doc__ = "..."` documents a field.
fn add_tuplegetter_attributes(t: &Rc<Type>) {
    no_instance_dict(t);
    let get = protocol::native(
        "__doc__",
        |_, a| {
            let g = tuplegetter_of(&a.positional[0])?;
            let doc = g.doc.borrow().clone();
            Ok(doc)
        },
        None,
    );
    let set = protocol::native(
        "__doc__",
        |_, a| {
            let g = tuplegetter_of(&a.positional[0])?;
            *g.doc.borrow_mut() = a.positional.get(1).cloned().unwrap_or(Value::None);
            Ok(Value::None)
        },
        None,
    );
    let property = Value::Property(Rc::new(crate::object::value::Property {
        fget: get,
        fset: set.clone(),
        fdel: set,
        doc: Value::None,
    }));
    protocol::dict_set_str_plain(t, "__doc__", property);
}

/// `_PyType_Name(Py_TYPE(v))`: the type's name after its last dot.
fn short_type_name(v: &Value) -> Rc<str> {
    protocol::type_of(v).name.clone()
}
