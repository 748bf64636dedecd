//! Struct sequences (Objects/structseq.c): named tuple-like types such as
//! `sys.version_info`, `sys.flags` or `sys.float_info`.
//!
//! A struct sequence type is a class deriving from `tuple` (kind `User`, so
//! its instances are `Value::Instance`s whose payload is the tuple of the
//! visible fields: indexing, slicing, comparison, hashing and iteration are
//! tuple's). Its namespace holds what `PyStructSequence_InitType2` puts
//! there: `__new__` (for the types Python code may instantiate), `__repr__`,
//! `__reduce__`, one read-only `member_descriptor` per named field (the
//! descriptors of `builtins::slots`, which ask [`member_get`] here), `__doc__`,
//! `n_sequence_fields`, `n_fields`, `n_unnamed_fields` and `__match_args__`;
//! also `__module__` (the part of the type's dotted name before the dot),
//! which static types in CPython take from their `tp_name` instead.
//!
//! Instances have no `__dict__` (`attr::class_slots` asks
//! [`is_structseq_type`]), the types cannot be subclassed, and those made
//! with `instantiable: false` refuse to be called ("cannot create
//! 'sys.version_info' instances", CPython's
//! `Py_TPFLAGS_DISALLOW_INSTANTIATION`). Fields past `n_in_sequence` are
//! reachable only by name; they live in the instance's (hidden) dict.
//!
//! Messages CPython words with the dotted `tp_name` (the repr, the
//! constructor's errors) use it here too; generic attribute errors name
//! the type by its `__name__`, as for every other type in py2vm.

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::exception::{attribute_error, type_error};
use crate::object::function::{Args, Arity, Builtin, NativeFn};
use crate::object::types::{Kind, Type};
use crate::object::{builtin_types, PyErr, PyResult, Value};
use crate::vm::protocol;
use crate::vm::Vm;

/// The name of fields that have only an index (`PyStructSequence_UnnamedField`).
pub const UNNAMED: &str = "unnamed field";

/// One field: its name and its docstring.
pub struct Field {
    pub name: &'static str,
    pub doc: &'static str,
}

/// What `PyStructSequence_Desc` says, plus whether calling the type is
/// allowed.
pub struct Desc {
    /// The dotted name (`tp_name`): `sys.version_info`.
    pub name: &'static str,
    pub doc: &'static str,
    pub fields: &'static [Field],
    /// How many fields are in the tuple (the rest only by name).
    pub n_in_sequence: usize,
    /// Whether `T(sequence, dict=None)` makes instances (`float_info`) or
    /// is refused (`version_info`, `flags`).
    pub instantiable: bool,
}

impl Desc {
    fn n_unnamed(&self) -> usize {
        self.fields.iter().filter(|f| f.name == UNNAMED).count()
    }

    /// The fields that have a name, with their index.
    fn named(&self) -> impl Iterator<Item = (usize, &'static Field)> {
        self.fields
            .iter()
            .enumerate()
            .filter(|(_, f)| f.name != UNNAMED)
    }
}

thread_local! {
    /// The struct sequence types made on this thread, with their
    /// descriptions (types live as long as the thread, as CPython's static
    /// types live as long as the process).
    static TYPES: RefCell<Vec<(&'static Desc, Rc<Type>)>> = const { RefCell::new(Vec::new()) };
}

/// The description of `t` if it is a struct sequence type.
fn desc_of(t: &Type) -> Option<&'static Desc> {
    TYPES.with(|types| {
        types
            .borrow()
            .iter()
            .find(|(_, ty)| std::ptr::eq(Rc::as_ptr(ty), t))
            .map(|(d, _)| *d)
    })
}

/// Whether `t` is a struct sequence type (not a subclass: they have none).
pub fn is_structseq_type(t: &Type) -> bool {
    desc_of(t).is_some()
}

/// How many fields (hidden ones too) instances of `t` have, if it is a
/// struct sequence type.
pub fn n_fields(t: &Type) -> Option<usize> {
    desc_of(t).map(|d| d.fields.len())
}

/// The dotted name (`tp_name`) of a struct sequence type.
pub fn tp_name(t: &Type) -> Option<&'static str> {
    desc_of(t).map(|d| d.name)
}

/// The type `desc` describes, made on first use (`PyStructSequence_InitType2`).
pub fn type_for(desc: &'static Desc) -> Rc<Type> {
    let found = TYPES.with(|types| {
        types
            .borrow()
            .iter()
            .find(|(d, _)| std::ptr::eq(*d, desc))
            .map(|(_, t)| t.clone())
    });
    if let Some(t) = found {
        return t;
    }
    let t = make_type(desc);
    TYPES.with(|types| types.borrow_mut().push((desc, t.clone())));
    t
}

fn make_type(desc: &'static Desc) -> Rc<Type> {
    let (module, short) = desc
        .name
        .rsplit_once('.')
        .unwrap_or(("builtins", desc.name));
    let t = Type::new(short, Kind::User, vec![builtin_types().tuple.clone()]);
    // Methods are bound to instances (method descriptors of the class);
    // `__new__` is a plain function wrapped as a static method.
    let method = |name: &'static str, func: NativeFn| {
        Value::Builtin(Rc::new(Builtin {
            name,
            func,
            receiver: None,
            owner: (name != "__new__").then(|| t.clone()),
            arity: Arity::ANY,
        }))
    };
    let set = |name: &str, value: Value| protocol::dict_set_str_plain(&t, name, value);
    if desc.instantiable {
        set(
            "__new__",
            Value::StaticMethod(Rc::new(method("__new__", structseq_new))),
        );
    }
    set("__repr__", method("__repr__", structseq_repr));
    set("__reduce__", method("__reduce__", structseq_reduce));
    for (_, field) in desc.named() {
        set(
            field.name,
            super::slots::member_descriptor(field.name, &t, Some(field.doc)),
        );
    }
    set("__doc__", Value::str(desc.doc));
    set("n_sequence_fields", Value::Int(desc.n_in_sequence as i64));
    set("n_fields", Value::Int(desc.fields.len() as i64));
    set("n_unnamed_fields", Value::Int(desc.n_unnamed() as i64));
    let match_args = desc
        .named()
        .filter(|(i, _)| *i < desc.n_in_sequence)
        .map(|(_, f)| Value::str(f.name))
        .collect();
    set("__match_args__", Value::tuple(match_args));
    set("__module__", Value::str(module));
    t
}

/// A struct sequence of the type `desc` describes, with all its fields'
/// values in order (`PyStructSequence_New` and `SET_ITEM`s).
pub fn new(desc: &'static Desc, values: Vec<Value>) -> Value {
    debug_assert_eq!(values.len(), desc.fields.len());
    make(&type_for(desc), desc, values)
}

fn make(t: &Rc<Type>, desc: &'static Desc, mut values: Vec<Value>) -> Value {
    let hidden = values.split_off(desc.n_in_sequence.min(values.len()));
    let obj = protocol::new_instance_with_payload(t, Value::tuple(values));
    if let Value::Instance(i) = &obj {
        let mut dict = i.dict.borrow_mut();
        for (k, v) in hidden.into_iter().enumerate() {
            let field = &desc.fields[desc.n_in_sequence + k];
            protocol::plain_set_str(&mut dict, field.name, v);
        }
    }
    obj
}

/// All fields of a struct sequence, in order (visible ones first).
fn values_of(obj: &Value, desc: &Desc) -> Vec<Value> {
    let Value::Instance(i) = obj else {
        return Vec::new();
    };
    let mut out = match &i.payload {
        Some(Value::Tuple(items)) => items.to_vec(),
        _ => Vec::new(),
    };
    let dict = i.dict.borrow();
    for field in desc.fields.iter().skip(out.len()) {
        out.push(protocol::plain_get_str(&dict, field.name).unwrap_or(Value::None));
    }
    out
}

/// All fields (hidden ones too) of `obj` if it is an instance of the
/// struct sequence type `desc` describes (`PyStructSequence_GET_ITEM`).
pub fn fields_of(obj: &Value, desc: &'static Desc) -> Option<Vec<Value>> {
    let d = desc_of(&protocol::type_of(obj))?;
    std::ptr::eq(d, desc).then(|| values_of(obj, desc))
}

/// The field `name` of a struct sequence `obj` whose type `owner` declares
/// it (what the member descriptor's `__get__` reads); `None` if `owner` is
/// not a struct sequence type with such a field.
pub fn member_get(owner: &Type, name: &str, obj: &Value) -> Option<Value> {
    let desc = desc_of(owner)?;
    let index = desc.fields.iter().position(|f| f.name == name)?;
    values_of(obj, desc).get(index).cloned()
}

/// Whether `name` is a field of the struct sequence type `owner`: its
/// descriptor is read-only (`__set__` and `__delete__` raise).
pub fn is_field(owner: &Type, name: &str) -> bool {
    desc_of(owner).is_some_and(|d| d.fields.iter().any(|f| f.name == name))
}

/// The error `type.__call__` raises for a struct sequence type Python code
/// may not instantiate.
pub fn refuses_instances(t: &Type) -> Option<PyErr> {
    let desc = desc_of(t)?;
    (!desc.instantiable).then(|| type_error(format!("cannot create '{}' instances", desc.name)))
}

/// The struct sequence (and its description) a native method was called on.
fn receiver<'a>(a: &'a Args, method: &str) -> PyResult<(&'a Value, &'static Desc)> {
    let found = a
        .positional
        .first()
        .and_then(|obj| desc_of(&protocol::type_of(obj)).map(|d| (obj, d)));
    found.ok_or_else(|| {
        type_error(format!(
            "descriptor '{method}' requires a struct sequence object"
        ))
    })
}

/// `structseq_repr`: `sys.version_info(major=3, minor=11, ...)`, the
/// visible fields with their names.
fn structseq_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (obj, desc) = receiver(&a, "__repr__")?;
    let values = values_of(obj, desc);
    let mut parts = Vec::with_capacity(desc.n_in_sequence);
    for (field, value) in desc.fields.iter().zip(&values).take(desc.n_in_sequence) {
        parts.push(format!("{}={}", field.name, protocol::repr(vm, value)?));
    }
    Ok(Value::str(&format!("{}({})", desc.name, parts.join(", "))))
}

/// `structseq_reduce`: `(type, (visible fields, {name: hidden field}))`.
fn structseq_reduce(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (obj, desc) = receiver(&a, "__reduce__")?;
    let mut values = values_of(obj, desc);
    let hidden = values.split_off(desc.n_in_sequence.min(values.len()));
    let dict = protocol::new_dict();
    if let Value::Dict(d) = &dict {
        for (field, v) in desc.fields[desc.n_in_sequence..].iter().zip(hidden) {
            protocol::dict_set_str(d, field.name, v);
        }
    }
    Ok(Value::tuple(vec![
        Value::Type(protocol::type_of(obj)),
        Value::tuple(vec![Value::tuple(values), dict]),
    ]))
}

/// `structseq_new(type, sequence, dict=None)`: the sequence gives the
/// fields in order, at least the visible ones; the dict the rest by name.
fn structseq_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (t, desc) = match a.positional.first() {
        Some(Value::Type(t)) => match desc_of(t) {
            Some(d) => (t.clone(), d),
            None => {
                return Err(type_error(format!(
                    "structseq.__new__({}): {} is not a subtype of structseq",
                    t.name, t.name
                )))
            }
        },
        _ => return Err(type_error("structseq.__new__(X): X is not a type object")),
    };
    let given = a.positional.len() - 1 + a.keywords.len();
    if given > 2 {
        return Err(type_error(format!(
            "structseq() takes at most 2 arguments ({given} given)"
        )));
    }
    let mut sequence = a.positional.get(1).cloned();
    let mut dict = a.positional.get(2).cloned();
    for (k, v) in a.keywords {
        let slot = match &**k {
            "sequence" => &mut sequence,
            "dict" => &mut dict,
            _ => {
                return Err(type_error(format!(
                    "'{k}' is an invalid keyword argument for structseq()"
                )))
            }
        };
        if slot.is_some() {
            return Err(type_error(format!(
                "argument for structseq() given by name ('{k}') and position ({})",
                if &**k == "sequence" { 1 } else { 2 }
            )));
        }
        *slot = Some(v.clone());
    }
    let Some(sequence) = sequence else {
        return Err(type_error(
            "structseq() missing required argument 'sequence' (pos 1)",
        ));
    };
    // PySequence_Fast: any iterable; a non-iterable gets this message.
    let items = match &sequence {
        Value::Tuple(items) => items.to_vec(),
        Value::List(items) => items.borrow().clone(),
        other => {
            let it = protocol::iter(vm, other).map_err(|e| {
                if e.is_instance(&builtin_types().type_error) {
                    type_error("constructor requires a sequence")
                } else {
                    e
                }
            })?;
            protocol::collect(vm, &it)?
        }
    };
    let dict = match dict {
        None => None,
        Some(Value::Dict(d)) => Some(d),
        Some(_) => {
            return Err(type_error(format!(
                "{}() takes a dict as second arg, if any",
                desc.name
            )))
        }
    };
    let (len, min_len, max_len) = (items.len(), desc.n_in_sequence, desc.fields.len());
    let wrong = if min_len == max_len {
        (len != min_len).then(|| format!("a {min_len}-sequence"))
    } else if len < min_len {
        Some(format!("an at least {min_len}-sequence"))
    } else {
        (len > max_len).then(|| format!("an at most {max_len}-sequence"))
    };
    if let Some(wanted) = wrong {
        return Err(type_error(format!(
            "{}() takes {wanted} ({len}-sequence given)",
            desc.name
        )));
    }
    let mut values = items;
    for field in &desc.fields[len..] {
        let v = dict
            .as_ref()
            .and_then(|d| protocol::dict_get_str(d, field.name))
            .unwrap_or(Value::None);
        values.push(v);
    }
    Ok(make(&t, desc, values))
}

/// The error a read-only field's `__set__`/`__delete__` raises.
pub fn readonly() -> PyErr {
    attribute_error("readonly attribute")
}
