//! Methods of builtin types (`list.append`, `str.split`, `dict.get`, ...),
//! found by `protocol::lookup` on a builtin type. The receiver is
//! `args.positional[0]`.

use std::cell::RefCell;
use std::rc::Rc;

use super::kwarg;
use crate::object::exception::{index_error, key_error, type_error, value_error};
use crate::object::function::{Args, NativeFn};
use crate::object::iter::DictView;
use crate::object::types::Kind;
use crate::object::{builtin_types, PyResult, Value};
use crate::vm::ops::{self, index_of};
use crate::vm::protocol::{self, type_name};
use crate::vm::Vm;

/// Positional arguments (the receiver included) a builtin method indexes
/// without checking; calls with fewer are a TypeError, not a crash.
pub fn min_args(name: &str) -> usize {
    match name {
        "insert" | "replace" | "__setattr__" => 3,
        "append" | "extend" | "remove" | "index" | "count" | "get" | "setdefault" | "add"
        | "discard" | "join" | "startswith" | "endswith" | "find" | "rfind" | "rindex"
        | "partition" | "rpartition" | "center" | "ljust" | "rjust" | "zfill" | "issubset"
        | "issuperset" | "isdisjoint" | "removeprefix" | "removesuffix" | "add_note"
        | "__getattribute__" | "__delattr__" | "__eq__" | "__ne__" | "fromkeys" => 2,
        "pop"
        | "split"
        | "rsplit"
        | "strip"
        | "lstrip"
        | "rstrip"
        | "upper"
        | "lower"
        | "sort"
        | "reverse"
        | "copy"
        | "clear"
        | "keys"
        | "values"
        | "items"
        | "popitem"
        | "update"
        | "union"
        | "intersection"
        | "difference"
        | "symmetric_difference"
        | "bit_length"
        | "to_bytes"
        | "is_integer"
        | "hex"
        | "with_traceback"
        | "__init__"
        | "__str__"
        | "__repr__"
        | "__hash__"
        | "__format__"
        | "__new__"
        | "__call__"
        | "format"
        | "encode"
        | "title"
        | "capitalize"
        | "swapcase"
        | "casefold"
        | "expandtabs"
        | "splitlines"
        | "__len__" => 1,
        _ if name.starts_with("is") => 1,
        _ => 0,
    }
}

/// Names `dir()` tries on builtin types (their methods are native, found by
/// name rather than listed in a namespace).
pub const DIR_CANDIDATES: &[&str] = &[
    "__class__",
    "__delattr__",
    "__dir__",
    "__doc__",
    "__eq__",
    "__format__",
    "__ge__",
    "__getattribute__",
    "__gt__",
    "__hash__",
    "__init__",
    "__init_subclass__",
    "__le__",
    "__lt__",
    "__ne__",
    "__new__",
    "__reduce__",
    "__reduce_ex__",
    "__repr__",
    "__setattr__",
    "__sizeof__",
    "__str__",
    "__subclasshook__",
    "__add__",
    "__contains__",
    "__delitem__",
    "__getitem__",
    "__iadd__",
    "__imul__",
    "__iter__",
    "__len__",
    "__mul__",
    "__reversed__",
    "__rmul__",
    "__setitem__",
    "__class_getitem__",
    "__or__",
    "__ror__",
    "__ior__",
    "__mod__",
    "__rmod__",
    "__getnewargs__",
    "append",
    "clear",
    "copy",
    "count",
    "extend",
    "index",
    "insert",
    "pop",
    "remove",
    "reverse",
    "sort",
    "fromkeys",
    "get",
    "items",
    "keys",
    "popitem",
    "setdefault",
    "update",
    "values",
    "add",
    "difference",
    "difference_update",
    "discard",
    "intersection",
    "intersection_update",
    "isdisjoint",
    "issubset",
    "issuperset",
    "symmetric_difference",
    "symmetric_difference_update",
    "union",
    "capitalize",
    "casefold",
    "center",
    "encode",
    "endswith",
    "expandtabs",
    "find",
    "format",
    "format_map",
    "isalnum",
    "isalpha",
    "isascii",
    "isdecimal",
    "isdigit",
    "isidentifier",
    "islower",
    "isnumeric",
    "isprintable",
    "isspace",
    "istitle",
    "isupper",
    "join",
    "ljust",
    "lower",
    "lstrip",
    "maketrans",
    "partition",
    "removeprefix",
    "removesuffix",
    "replace",
    "rfind",
    "rindex",
    "rjust",
    "rpartition",
    "rsplit",
    "rstrip",
    "split",
    "splitlines",
    "startswith",
    "strip",
    "swapcase",
    "title",
    "translate",
    "upper",
    "zfill",
    "as_integer_ratio",
    "bit_count",
    "bit_length",
    "conjugate",
    "from_bytes",
    "to_bytes",
    "fromhex",
    "hex",
    "is_integer",
    "decode",
    "mro",
];

/// The TypeError of a native method called with fewer than
/// [`min_args`] arguments (`given` counts the receiver), worded as
/// CPython's calling convention for that method words it.
#[cold]
pub fn too_few_args(b: &crate::object::function::Builtin, given: usize) -> crate::object::PyErr {
    let owner = b.owner.as_ref().map(|t| t.name.clone());
    let qualname = match &owner {
        Some(t) => format!("{t}.{}", b.name),
        None => b.name.to_string(),
    };
    if given == 0 && b.receiver.is_none() && owner.is_some() {
        // descrobject.c's descr_check on a method descriptor.
        return type_error(format!("unbound method {qualname}() needs an argument"));
    }
    let n = given.saturating_sub(1);
    let needed = min_args(b.name) - 1;
    match b.name {
        // METH_O
        "append" | "extend" | "remove" | "count" | "add" | "discard" | "join" | "issubset"
        | "issuperset" | "isdisjoint" | "removeprefix" | "removesuffix" | "add_note"
        | "partition" | "rpartition" | "zfill" => type_error(format!(
            "{qualname}() takes exactly one argument ({n} given)"
        )),
        // Argument Clinic's positional-only FASTCALL methods.
        "index" | "get" | "setdefault" | "find" | "rfind" | "rindex" | "center" | "ljust"
        | "rjust" | "fromkeys" | "replace" => type_error(format!(
            "{} expected at least {needed} argument{}, got {n}",
            b.name,
            if needed == 1 { "" } else { "s" }
        )),
        "insert" => type_error(format!("insert expected 2 arguments, got {n}")),
        _ => type_error(format!(
            "{}() takes at least {needed} argument{} ({n} given)",
            b.name,
            if needed == 1 { "" } else { "s" }
        )),
    }
}

pub fn native_method(kind: Kind, name: &str) -> Option<NativeFn> {
    if let Some(f) = crate::vm::coro::native_method(kind, name) {
        return Some(f);
    }
    if let Some(f) = super::extra_methods::native_method(kind, name) {
        return Some(f);
    }
    Some(match (kind, name) {
        (Kind::List, "append") => list_append,
        (Kind::List, "extend") => list_extend,
        (Kind::List, "pop") => list_pop,
        (Kind::List, "insert") => list_insert,
        (Kind::List, "remove") => list_remove,
        (Kind::List, "index") => seq_index,
        (Kind::List, "count") => seq_count,
        (Kind::List, "sort") => list_sort,
        (Kind::List, "reverse") => list_reverse,
        (Kind::List, "copy") => list_copy,
        (Kind::List, "clear") => list_clear,
        (Kind::Tuple, "index") => seq_index,
        (Kind::Tuple, "count") => seq_count,
        (Kind::Dict, "__init__") => dict_update,
        (Kind::List, "__init__") => |vm, a| {
            let l = this_list(&a)?;
            let items = match a.positional.get(1) {
                Some(v) => protocol::collect(vm, v)?,
                None => vec![],
            };
            *l.borrow_mut() = items;
            Ok(Value::None)
        },
        (Kind::Set, "__init__") => |vm, a| {
            let target = a.positional[0].clone();
            if let Value::Set(s) = &target {
                s.borrow_mut().clear();
            }
            if let Some(v) = a.positional.get(1) {
                for item in protocol::collect(vm, v)? {
                    protocol::set_add(vm, &target, item)?;
                }
            }
            Ok(Value::None)
        },
        (Kind::Dict, "get") => dict_get,
        (Kind::Dict, "keys") => dict_keys,
        (Kind::Dict, "values") => dict_values,
        (Kind::Dict, "items") => dict_items,
        (Kind::Dict, "pop") => dict_pop,
        (Kind::Dict, "popitem") => dict_popitem,
        (Kind::Dict, "setdefault") => dict_setdefault,
        (Kind::Dict, "update") => dict_update,
        (Kind::Dict, "copy") => dict_copy,
        (Kind::Dict, "clear") => dict_clear,
        (Kind::Dict, "fromkeys") => dict_fromkeys,
        (Kind::Set, "add") => set_add,
        (Kind::Set, "remove") => set_remove,
        (Kind::Set, "discard") => set_discard,
        (Kind::Set, "pop") => set_pop,
        (Kind::Set, "clear") => dict_clear,
        (Kind::Set | Kind::FrozenSet, "copy") => set_copy,
        (Kind::Set | Kind::FrozenSet, "union") => |vm, a| set_op(vm, a, 7),
        (Kind::Set | Kind::FrozenSet, "intersection") => |vm, a| set_op(vm, a, 1),
        (Kind::Set | Kind::FrozenSet, "difference") => |vm, a| set_op(vm, a, 10),
        (Kind::Set | Kind::FrozenSet, "symmetric_difference") => |vm, a| set_op(vm, a, 12),
        (Kind::Set | Kind::FrozenSet, "issubset") => |vm, a| set_cmp(vm, a, 1),
        (Kind::Set | Kind::FrozenSet, "issuperset") => |vm, a| set_cmp(vm, a, 5),
        (Kind::Set | Kind::FrozenSet, "isdisjoint") => set_isdisjoint,
        (Kind::Set, "update") => set_update,
        (Kind::Str, _) => return str_method(name),
        (Kind::Bytes | Kind::ByteArray | Kind::MemoryView, _)
            if bytes::bytes_method(kind, name).is_some() =>
        {
            return bytes::bytes_method(kind, name)
        }
        (Kind::Int | Kind::Bool, "bit_length") => int_bit_length,
        (Kind::Int | Kind::Bool, "to_bytes") => int_to_bytes,
        (Kind::Int | Kind::Bool, "from_bytes") => int_from_bytes,
        (Kind::Int | Kind::Bool, "conjugate") => |_, a| Ok(ops::int_value(&a.positional[0])),
        (Kind::Float, "is_integer") => |_, a| {
            Ok(Value::Bool(
                matches!(a.positional[0], Value::Float(f) if f.fract() == 0.0 && f.is_finite()),
            ))
        },
        (Kind::Float, "hex") => float_hex,
        (Kind::Exception, "with_traceback") => |_, a| Ok(a.positional[0].clone()),
        (Kind::Exception, "add_note") => exception_add_note,
        (Kind::Exception, "__init__") => exception_init,
        (Kind::Exception, "__str__") => {
            |vm, a| Ok(Value::str(&protocol::str_of(vm, &a.positional[0])?))
        }
        (Kind::Object, "__init__") => |_, _| Ok(Value::None),
        (Kind::Object, "__new__") => object_new,
        (Kind::Object, "__setattr__") => object_setattr,
        (Kind::Object, "__getattribute__") => object_getattribute,
        (Kind::Object, "__delattr__") => |vm, a| {
            protocol::generic_delattr(vm, &a.positional[0], &protocol::str_arg(&a.positional[1])?)?;
            Ok(Value::None)
        },
        (Kind::Object, "__eq__") => |_, a| {
            Ok(if a.positional[0].is(&a.positional[1]) {
                Value::Bool(true)
            } else {
                Value::NotImplemented
            })
        },
        (Kind::Object, "__ne__") => |_, a| {
            Ok(if a.positional[0].is(&a.positional[1]) {
                Value::Bool(false)
            } else {
                Value::NotImplemented
            })
        },
        (Kind::Object, "__hash__") => |_, a| Ok(Value::Int((a.positional[0].id() >> 4) as i64)),
        (Kind::Object, "__repr__") => |vm, a| {
            let v = &a.positional[0];
            let t = protocol::type_of(v);
            let module = protocol::lookup(&t, "__module__")
                .map(|m| protocol::str_of(vm, &m))
                .transpose()?
                .unwrap_or_default();
            Ok(Value::str(&format!(
                "<{module}.{} object at {:#x}>",
                t.qualname.borrow(),
                v.id()
            )))
        },
        (Kind::Object, "__str__") => |vm, a| Ok(Value::str(&protocol::repr(vm, &a.positional[0])?)),
        (Kind::Object, "__init_subclass__") => |vm, a| {
            if !a.keywords.is_empty() {
                let name = protocol::getattr(vm, &a.positional[0], "__qualname__")
                    .and_then(|n| protocol::str_of(vm, &n))
                    .unwrap_or_default();
                return Err(type_error(format!(
                    "{name}.__init_subclass__() takes no keyword arguments"
                )));
            }
            Ok(Value::None)
        },
        (Kind::Object, "__format__") => |vm, a| {
            let spec = protocol::str_arg(a.positional.get(1).unwrap_or(&Value::str("")))?;
            if !spec.is_empty() {
                return Err(type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    type_name(&a.positional[0])
                )));
            }
            Ok(Value::str(&protocol::str_of(vm, &a.positional[0])?))
        },
        (Kind::Generator, "send") => |vm, a| crate::vm::generator::send_method(vm, &a),
        (Kind::Generator, "__next__") => gen_next,
        (Kind::Generator, "throw") => |vm, a| crate::vm::gen_throw::throw_method(vm, &a),
        (Kind::Generator, "close") => |vm, a| match &a.positional[0] {
            Value::Generator(g) => crate::vm::gen_throw::close(vm, g).map(|_| Value::None),
            _ => Err(type_error("close() needs a generator")),
        },
        (Kind::Generator, "__iter__") => |_, a| Ok(a.positional[0].clone()),
        (Kind::Type, "__new__") => crate::builtins::metaclass::type_new_method,
        (Kind::Type, "__init__") => crate::builtins::metaclass::type_init_method,
        (Kind::Type, "__call__") => crate::builtins::metaclass::type_call_method,
        (Kind::Type, "mro") => |_, a| match &a.positional[0] {
            Value::Type(t) => Ok(Value::list(t.mro().into_iter().map(Value::Type).collect())),
            _ => Err(type_error("mro() needs a type")),
        },
        (Kind::Type, "__subclasses__") => |_, a| match a.positional.first() {
            Some(Value::Type(t)) => Ok(Value::list(
                t.live_subclasses().into_iter().map(Value::Type).collect(),
            )),
            _ => Err(type_error(
                "unbound method type.__subclasses__() needs an argument",
            )),
        },
        (Kind::Property, "setter") => |_, a| property_with(&a, 1),
        (Kind::Property, "getter") => |_, a| property_with(&a, 0),
        (Kind::Property, "deleter") => |_, a| property_with(&a, 2),
        (Kind::Slice, "indices") => |_, a| match &a.positional[0] {
            Value::Slice(sl) => {
                let n = index_of(&a.positional[1])?.max(0) as usize;
                let (start, stop, step, _) = ops::seq::slice_indices(sl, n)?;
                Ok(Value::tuple(vec![
                    Value::Int(start),
                    Value::Int(stop),
                    Value::Int(step),
                ]))
            }
            _ => Err(type_error("indices() needs a slice")),
        },
        _ => return generic_dunder(kind, name),
    })
}

/// Builtin classmethods: looked up on the class, they receive it first.
pub fn is_builtin_classmethod(name: &str) -> bool {
    matches!(name, "fromkeys" | "from_bytes" | "fromhex" | "maketrans")
        || super::extra_methods::is_classmethod(name)
}

/// A copy of a property with one accessor replaced (`@x.setter`).
fn property_with(a: &Args, which: usize) -> PyResult<Value> {
    let Value::Property(p) = &a.positional[0] else {
        return Err(type_error("descriptor requires a 'property' object"));
    };
    let f = a.positional[1].clone();
    let mut parts = [p.fget.clone(), p.fset.clone(), p.fdel.clone()];
    parts[which] = f;
    let [fget, fset, fdel] = parts;
    Ok(Value::Property(Rc::new(crate::object::value::Property {
        fget,
        fset,
        fdel,
        doc: p.doc.clone(),
    })))
}

fn dunder_binary(vm: &mut Vm, a: &Args, op: usize, reflected: bool) -> PyResult<Value> {
    let (x, y) = (
        a.positional[0].clone(),
        a.positional
            .get(1)
            .cloned()
            .ok_or_else(|| type_error("expected 1 argument"))?,
    );
    if !numeric_operand_ok(&x, &y) {
        return Ok(Value::NotImplemented);
    }
    let (l, r) = if reflected { (y, x) } else { (x, y) };
    match ops::binary_op(vm, op, l, r) {
        Err(e) if e.is_instance(&builtin_types().type_error) => Ok(Value::NotImplemented),
        other => other,
    }
}

fn dunder_compare(vm: &mut Vm, a: &Args, op: usize) -> PyResult<Value> {
    let y = a
        .positional
        .get(1)
        .cloned()
        .ok_or_else(|| type_error("expected 1 argument"))?;
    if !numeric_operand_ok(&a.positional[0], &y) {
        return Ok(Value::NotImplemented);
    }
    match ops::compare(vm, &a.positional[0], &y, op) {
        Err(e) if e.is_instance(&builtin_types().type_error) => Ok(Value::NotImplemented),
        other => other,
    }
}

/// Whether a numeric type's operator slot takes `other` at all: `int`'s
/// only ints, `float`'s ints and floats, `complex`'s any of the three
/// (`(1).__eq__(1.0)` is NotImplemented, as CPython's CHECK_BINOP and
/// CONVERT_TO_DOUBLE make it). Non-numeric receivers are not restricted here.
fn numeric_operand_ok(receiver: &Value, other: &Value) -> bool {
    let other = crate::vm::protocol::builtin_payload(other, "").unwrap_or_else(|| other.clone());
    let int = ops::arith::is_int(&other);
    match receiver {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => int,
        Value::Float(_) => int || matches!(other, Value::Float(_)),
        Value::Complex(..) => int || matches!(other, Value::Float(_) | Value::Complex(..)),
        _ => true,
    }
}

/// The operator dunders of builtin types (`(10).__floordiv__(3)`,
/// `int.__add__`), computed by the same code the opcodes use.
fn generic_dunder(kind: Kind, name: &str) -> Option<NativeFn> {
    let numeric = matches!(kind, Kind::Int | Kind::Bool | Kind::Float | Kind::Complex);
    let sequence = matches!(
        kind,
        Kind::Str | Kind::List | Kind::Tuple | Kind::Bytes | Kind::ByteArray
    );
    let container =
        sequence || matches!(kind, Kind::Dict | Kind::Set | Kind::FrozenSet | Kind::Range);
    if !(numeric || container) {
        return None;
    }
    macro_rules! bin {
        ($op:expr, $refl:expr) => {
            |vm, a| dunder_binary(vm, &a, $op, $refl)
        };
    }
    macro_rules! cmp {
        ($op:expr) => {
            |vm, a| dunder_compare(vm, &a, $op)
        };
    }
    Some(match name {
        "__add__" => bin!(0, false),
        "__radd__" => bin!(0, true),
        "__mul__" => bin!(5, false),
        "__rmul__" => bin!(5, true),
        "__mod__" => bin!(6, false),
        "__rmod__" => bin!(6, true),
        "__sub__" if numeric || container => bin!(10, false),
        "__rsub__" => bin!(10, true),
        "__and__" => bin!(1, false),
        "__rand__" => bin!(1, true),
        "__or__" => bin!(7, false),
        "__ror__" => bin!(7, true),
        "__xor__" => bin!(12, false),
        "__rxor__" => bin!(12, true),
        "__floordiv__" if numeric => bin!(2, false),
        "__rfloordiv__" if numeric => bin!(2, true),
        "__truediv__" if numeric => bin!(11, false),
        "__rtruediv__" if numeric => bin!(11, true),
        "__pow__" if numeric => bin!(8, false),
        "__rpow__" if numeric => bin!(8, true),
        "__lshift__" if numeric => bin!(3, false),
        "__rshift__" if numeric => bin!(9, false),
        "__lt__" => cmp!(0),
        "__le__" => cmp!(1),
        "__eq__" => cmp!(2),
        "__ne__" => cmp!(3),
        "__gt__" => cmp!(4),
        "__ge__" => cmp!(5),
        "__neg__" if numeric => |vm, a| {
            ops::unary_op(
                vm,
                crate::bytecode::Opcode::UNARY_NEGATIVE,
                a.positional[0].clone(),
            )
        },
        "__pos__" if numeric => |vm, a| {
            ops::unary_op(
                vm,
                crate::bytecode::Opcode::UNARY_POSITIVE,
                a.positional[0].clone(),
            )
        },
        "__invert__" if numeric => |vm, a| {
            ops::unary_op(
                vm,
                crate::bytecode::Opcode::UNARY_INVERT,
                a.positional[0].clone(),
            )
        },
        "__abs__" if numeric => |vm, a| {
            vm.call(
                &crate::vm::protocol::dict_get_str(&vm.builtins, "abs").unwrap_or(Value::None),
                vec![a.positional[0].clone()],
            )
        },
        "__bool__" => |vm, a| Ok(Value::Bool(protocol::truthy(vm, &a.positional[0])?)),
        "__hash__" => |vm, a| Ok(Value::Int(protocol::hash_value(vm, &a.positional[0])?)),
        "__repr__" => |vm, a| Ok(Value::str(&protocol::repr(vm, &a.positional[0])?)),
        "__str__" => |vm, a| Ok(Value::str(&protocol::str_of(vm, &a.positional[0])?)),
        "__len__" if container => {
            |vm, a| Ok(Value::Int(protocol::len(vm, &a.positional[0])? as i64))
        }
        "__contains__" if container => |vm, a| {
            Ok(Value::Bool(protocol::contains(
                vm,
                &a.positional[0],
                &a.positional[1],
            )?))
        },
        "__getitem__" if container => {
            |vm, a| protocol::getitem(vm, &a.positional[0], &a.positional[1])
        }
        "__iter__" if container => |vm, a| protocol::iter(vm, &a.positional[0]),
        "__int__" if numeric => |vm, a| super::numbers::int_of(vm, &a.positional[0]),
        "__index__" if matches!(kind, Kind::Int | Kind::Bool) => {
            |_, a| Ok(ops::int_value(&a.positional[0]))
        }
        _ => return None,
    })
}

fn this_list(args: &Args) -> PyResult<Rc<RefCell<Vec<Value>>>> {
    match args.positional.first() {
        Some(Value::List(l)) => Ok(l.clone()),
        _ => Err(type_error("descriptor requires a 'list' object")),
    }
}

fn list_append(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(&args)?;
    let v = args
        .positional
        .get(1)
        .cloned()
        .ok_or_else(|| type_error("list.append() takes exactly one argument (0 given)"))?;
    l.borrow_mut().push(v);
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(&args)?;
    let items = ops::seq::list_extend_items(vm, &args.positional[1])?;
    l.borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_pop(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(&args)?;
    let mut l = l.borrow_mut();
    if l.is_empty() {
        return Err(index_error("pop from empty list"));
    }
    let i = match args.positional.get(1) {
        Some(i) => ops::normalize_index(index_of(i)?, l.len())
            .ok_or_else(|| index_error("pop index out of range"))?,
        None => l.len() - 1,
    };
    Ok(l.remove(i))
}

fn list_insert(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(&args)?;
    let mut l = l.borrow_mut();
    let n = l.len() as i64;
    let i = index_of(&args.positional[1])?;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    l.insert(i as usize, args.positional[2].clone());
    Ok(Value::None)
}

fn list_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(&args)?;
    let items = l.borrow().clone();
    for (i, v) in items.iter().enumerate() {
        if protocol::eq(vm, v, &args.positional[1])? {
            l.borrow_mut().remove(i);
            return Ok(Value::None);
        }
    }
    Err(value_error("list.remove(x): x not in list"))
}

fn seq_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = protocol::collect(vm, &args.positional[0])?;
    let start = args
        .positional
        .get(2)
        .map(index_of)
        .transpose()?
        .unwrap_or(0);
    let start = if start < 0 {
        (start + items.len() as i64).max(0)
    } else {
        start
    } as usize;
    let stop = args
        .positional
        .get(3)
        .map(index_of)
        .transpose()?
        .map(|s| {
            if s < 0 {
                (s + items.len() as i64).max(0) as usize
            } else {
                s as usize
            }
        })
        .unwrap_or(items.len());
    for (i, v) in items.iter().enumerate().take(stop).skip(start) {
        if protocol::eq(vm, v, &args.positional[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(value_error(match &args.positional[0] {
        Value::Tuple(_) => "tuple.index(x): x not in tuple".to_string(),
        _ => format!(
            "{} is not in list",
            protocol::repr(vm, &args.positional[1])?
        ),
    }))
}

fn seq_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = protocol::collect(vm, &args.positional[0])?;
    let mut n = 0;
    for v in &items {
        if protocol::eq(vm, v, &args.positional[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn list_sort(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(&args)?;
    crate::builtins::allow_keywords(&args, "sort", &["key", "reverse"])?;
    let items = std::mem::take(&mut *l.borrow_mut());
    let reverse = match kwarg(&args, "reverse") {
        Some(r) => protocol::truthy(vm, r)?,
        None => false,
    };
    let result = super::functions::sort_values(vm, items.clone(), kwarg(&args, "key"), reverse);
    match result {
        Ok(sorted) => {
            *l.borrow_mut() = sorted;
            Ok(Value::None)
        }
        Err(e) => {
            *l.borrow_mut() = items;
            Err(e)
        }
    }
}

fn list_reverse(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    this_list(&args)?.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::list(this_list(&args)?.borrow().clone()))
}

fn list_clear(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = std::mem::take(&mut *this_list(&args)?.borrow_mut());
    // CPython releases the items last to first (finalizers run in that order).
    for item in items.into_iter().rev() {
        drop(item);
    }
    Ok(Value::None)
}

fn this_dict(args: &Args) -> PyResult<Rc<RefCell<crate::object::Dict>>> {
    match args.positional.first() {
        Some(Value::Dict(d) | Value::Set(d)) => Ok(d.clone()),
        _ => Err(type_error("descriptor requires a 'dict' object")),
    }
}

fn dict_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(&args)?;
    Ok(protocol::dict_lookup(vm, &d, &args.positional[1])?
        .unwrap_or_else(|| args.positional.get(2).cloned().unwrap_or(Value::None)))
}

fn view(args: &Args, view: DictView) -> PyResult<Value> {
    Ok(Value::DictView(Rc::new((this_dict(args)?, view))))
}

fn dict_keys(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(&args, DictView::Keys)
}

fn dict_values(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(&args, DictView::Values)
}

fn dict_items(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(&args, DictView::Items)
}

fn dict_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(&args)?;
    if args.positional.len() < 2 {
        return Err(type_error("pop expected at least 1 argument, got 0"));
    }
    match protocol::dict_remove(vm, &d, &args.positional[1])? {
        Some(v) => Ok(v),
        None => args
            .positional
            .get(2)
            .cloned()
            .ok_or_else(|| key_error(args.positional[1].clone())),
    }
}

fn dict_popitem(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(&args)?;
    let e = d.borrow_mut().pop_last();
    match e {
        Some(e) => Ok(Value::tuple(vec![e.key, e.value])),
        None => Err(key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

fn dict_setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(&args)?;
    if let Some(v) = protocol::dict_lookup(vm, &d, &args.positional[1])? {
        return Ok(v);
    }
    let default = args.positional.get(2).cloned().unwrap_or(Value::None);
    protocol::dict_insert(vm, &d, args.positional[1].clone(), default.clone())?;
    Ok(default)
}

fn dict_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let target = args.positional[0].clone();
    if let Some(other) = args.positional.get(1) {
        let d = this_dict(&args)?;
        let pairs = match other {
            Value::Dict(_) => ops::mapping_items(vm, other)?,
            _ if protocol::getattr(vm, other, "keys").is_ok() => ops::mapping_items(vm, other)?,
            _ => {
                let mut out = Vec::new();
                for item in protocol::collect(vm, other)? {
                    let kv = protocol::collect(vm, &item)?;
                    if kv.len() != 2 {
                        return Err(value_error(
                            "dictionary update sequence element has the wrong length",
                        ));
                    }
                    out.push((kv[0].clone(), kv[1].clone()));
                }
                out
            }
        };
        for (k, v) in pairs {
            protocol::dict_insert(vm, &d, k, v)?;
        }
    }
    for (k, v) in args.keywords {
        protocol::setitem(vm, &target, Value::Str(k.clone()), v.clone())?;
    }
    Ok(Value::None)
}

fn dict_copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(&args)?;
    let copy = d.borrow().clone();
    Ok(Value::Dict(Rc::new(RefCell::new(copy))))
}

fn dict_clear(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    this_dict(&args)?.borrow_mut().clear();
    Ok(Value::None)
}

/// `cls.fromkeys(iterable, value=None)`: `cls()` filled by item assignment
/// (dictobject.c's `_PyDict_FromKeys`).
fn dict_fromkeys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let keys = protocol::collect(vm, &args.positional[1])?;
    let value = args.positional.get(2).cloned().unwrap_or(Value::None);
    let d = match &args.positional[0] {
        Value::Type(t) if t.kind == Kind::User => vm.call(&args.positional[0], vec![])?,
        _ => Value::Dict(Rc::new(RefCell::new(crate::object::Dict::new()))),
    };
    for k in keys {
        protocol::setitem(vm, &d, k, value.clone())?;
    }
    Ok(d)
}

fn set_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    protocol::set_add(vm, &args.positional[0], args.positional[1].clone())?;
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(&args)?;
    match protocol::dict_remove(vm, &d, &args.positional[1])? {
        Some(_) => Ok(Value::None),
        None => Err(key_error(args.positional[1].clone())),
    }
}

fn set_discard(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(&args)?;
    protocol::dict_remove(vm, &d, &args.positional[1])?;
    Ok(Value::None)
}

fn set_pop(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(&args)?;
    let first = d.borrow().iter().next().map(|e| (e.hash, e.key.clone()));
    match first {
        Some((h, k)) => {
            let mut eq = |a: &Value, b: &Value| Ok(protocol::builtin_eq(a, b).unwrap_or(a.is(b)));
            d.borrow_mut().remove(h, &k, &mut eq)?;
            Ok(k)
        }
        None => Err(key_error(Value::str("pop from an empty set"))),
    }
}

fn set_copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(match &args.positional[0] {
        Value::Set(d) => Value::Set(Rc::new(RefCell::new(d.borrow().clone()))),
        other => other.clone(),
    })
}

fn as_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::Set(_) | Value::FrozenSet(_) => Ok(v.clone()),
        other => {
            let items = protocol::collect(vm, other)?;
            protocol::new_set(vm, items)
        }
    }
}

fn set_op(vm: &mut Vm, args: Args, op: usize) -> PyResult<Value> {
    let mut acc = args.positional[0].clone();
    if args.positional.len() == 1 {
        return set_copy(vm, args);
    }
    for other in &args.positional[1..] {
        let other = as_set(vm, other)?;
        acc = ops::seq::set_binary(op, &acc, &other)?;
    }
    Ok(acc)
}

fn set_cmp(vm: &mut Vm, args: Args, op: usize) -> PyResult<Value> {
    let other = as_set(vm, &args.positional[1])?;
    Ok(Value::Bool(ops::seq::set_compare(
        vm,
        &args.positional[0],
        &other,
        op,
    )?))
}

fn set_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let other = as_set(vm, &args.positional[1])?;
    let both = ops::seq::set_binary(1, &args.positional[0], &other)?;
    Ok(Value::Bool(!protocol::truthy(vm, &both)?))
}

fn set_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    for other in &args.positional[1..] {
        for item in protocol::collect(vm, other)? {
            protocol::set_add(vm, &args.positional[0], item)?;
        }
    }
    Ok(Value::None)
}

fn int_bit_length(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = ops::arith::big(&args.positional[0]).unwrap_or_default();
    Ok(Value::Int(n.bits() as i64))
}

fn int_to_bytes(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = ops::arith::big(&args.positional[0]).unwrap_or_default();
    let length = args
        .positional
        .get(1)
        .or_else(|| kwarg(&args, "length"))
        .map(index_of)
        .transpose()?
        .unwrap_or(1) as usize;
    let order = args
        .positional
        .get(2)
        .or_else(|| kwarg(&args, "byteorder"))
        .map(protocol::str_arg)
        .transpose()?
        .unwrap_or_else(|| "big".into());
    let signed = kwarg(&args, "signed").is_some_and(|v| matches!(v, Value::Bool(true)));
    let mut bytes = if signed {
        n.to_signed_bytes_le()
    } else {
        if num_traits::Signed::is_negative(&n) {
            return Err(crate::object::exception::overflow_error(
                "can't convert negative int to unsigned",
            ));
        }
        n.to_bytes_le().1
    };
    if bytes.len() > length && !(bytes.len() == 1 && bytes[0] == 0 && length == 0) {
        return Err(crate::object::exception::overflow_error(
            "int too big to convert",
        ));
    }
    let fill = if signed && num_traits::Signed::is_negative(&n) {
        0xff
    } else {
        0
    };
    bytes.resize(length, fill);
    if order == "big" {
        bytes.reverse();
    }
    Ok(Value::Bytes(Rc::from(bytes)))
}

fn int_from_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // Called on the class: positional[0] is the bytes when bound to `int`.
    let data = args
        .positional
        .iter()
        .find(|v| matches!(v, Value::Bytes(_) | Value::List(_)))
        .cloned()
        .unwrap_or(Value::Bytes(Rc::from(Vec::new())));
    let mut bytes: Vec<u8> = match data {
        Value::Bytes(b) => b.to_vec(),
        other => protocol::collect(vm, &other)?
            .iter()
            .map(|v| index_of(v).map(|i| i as u8))
            .collect::<PyResult<_>>()?,
    };
    let order = args
        .positional
        .iter()
        .rev()
        .find_map(|v| {
            if let Value::Str(s) = v {
                Some(s.to_string())
            } else {
                None
            }
        })
        .or_else(|| kwarg(&args, "byteorder").and_then(|v| protocol::str_arg(v).ok()))
        .unwrap_or_else(|| "big".into());
    if order == "big" {
        bytes.reverse();
    }
    let signed = kwarg(&args, "signed").is_some_and(|v| matches!(v, Value::Bool(true)));
    let n = if signed {
        num_bigint::BigInt::from_signed_bytes_le(&bytes)
    } else {
        num_bigint::BigInt::from_bytes_le(num_bigint::Sign::Plus, &bytes)
    };
    Ok(ops::arith::from_big(n))
}

fn float_hex(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Float(f) = args.positional[0] else {
        return Err(type_error("float.hex needs a float"));
    };
    if !f.is_finite() {
        return Ok(Value::str(&crate::object::repr::repr_float(f)));
    }
    if f == 0.0 {
        return Ok(Value::str(if f.is_sign_negative() {
            "-0x0.0p+0"
        } else {
            "0x0.0p+0"
        }));
    }
    let bits = f.to_bits();
    let sign = if f < 0.0 { "-" } else { "" };
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    // Always the 13 hex digits of the 52 fraction bits (floatobject.c
    // float_hex_impl).
    let m = format!("{mant:013x}");
    Ok(Value::str(&format!(
        "{sign}0x{lead}.{m}p{}{}",
        if e < 0 { "-" } else { "+" },
        e.abs()
    )))
}

fn exception_add_note(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = &args.positional[0];
    let notes = match protocol::getattr(vm, exc, "__notes__") {
        Ok(n) => n,
        Err(_) => {
            let n = Value::list(vec![]);
            protocol::setattr(vm, exc, "__notes__", n.clone())?;
            n
        }
    };
    if let Value::List(l) = notes {
        l.borrow_mut().push(args.positional[1].clone());
    }
    Ok(Value::None)
}

fn exception_init(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Value::Exception(e) = &args.positional[0] {
        *e.args.borrow_mut() = Rc::from(args.positional[1..].to_vec());
    }
    Ok(Value::None)
}

fn object_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.positional.first() {
        Some(Value::Type(t)) => super::new_object(vm, t, &args.positional[1..]),
        _ => Err(type_error("object.__new__(X): X is not a type object")),
    }
}

fn object_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = protocol::str_arg(&args.positional[1])?;
    protocol::generic_setattr(vm, &args.positional[0], &name, args.positional[2].clone())?;
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = protocol::str_arg(&args.positional[1])?;
    protocol::generic_getattr(vm, &args.positional[0], &name)
}

/// `type.__new__(meta, name, bases, ns)` from a metaclass's `__new__`.
/// `next(gen)`: StopIteration(value) when the generator returns.
fn gen_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use crate::vm::generator::{resume, GenResult, Resume};
    let Value::Generator(g) = &args.positional[0] else {
        return Err(type_error(
            "descriptor '__next__' requires a 'generator' object",
        ));
    };
    match resume(vm, g, Resume::Send(Value::None))? {
        GenResult::Yielded(v) => Ok(v),
        GenResult::Returned(v) => Err(crate::object::exception::stop_iteration(
            (!v.is_none()).then_some(v),
        )),
    }
}

pub mod bytes;
mod str;
use self::str::str_method;
pub use super::str_format::str_format;

#[allow(dead_code)]
fn unused() -> Rc<crate::object::Type> {
    builtin_types().object.clone()
}
