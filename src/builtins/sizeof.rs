//! `object.__sizeof__` and `sys.getsizeof`: the sizes CPython 3.11 reports
//! on a 64-bit build, computed from each object's contents with CPython's
//! layouts (object headers, 30-bit int digits, the compact str kinds, the
//! dict and set tables), not from py2vm's own memory use.
//!
//! Exact for ints, floats, complex, str, bytes, tuples, empty containers,
//! struct sequences, plain instances and the fixed-size objects (functions,
//! modules, ranges, ...). Approximate where CPython's answer depends on the
//! object's history: a list's spare capacity is its `Vec`'s, a bytearray's
//! is its `Vec`'s plus CPython's trailing NUL, a dict's table is py2vm's
//! (which grows like CPython's), a set's table is the one CPython builds by
//! adding the items one by one; instances of subclasses of builtins are the
//! builtin's size plus 24, generators count their code's locals and stack.

use num_bigint::BigInt;

use crate::object::exception::type_error;
use crate::object::function::Args;
use crate::object::types::{Instance, Kind};
use crate::object::{Dict, PyResult, Value};
use crate::vm::protocol;
use crate::vm::Vm;

/// `sizeof(PyGC_Head)`: what getsizeof adds for objects the collector tracks.
const GC_HEAD: usize = 16;
/// The dict and values pointers before an instance with a `__dict__`.
const PRE_HEADER: usize = 16;

/// Bytes of the header of every object (`ob_refcnt`, `ob_type`).
const OBJECT: usize = 16;
/// `PyVarObject`: the header plus `ob_size`.
const VAR_OBJECT: usize = 24;

/// What getsizeof adds to `__sizeof__()` (`sys_getsizeof`: the GC header of
/// tracked objects, `_PyType_PreHeaderSize`).
pub fn header_size(v: &Value) -> usize {
    match v {
        Value::Tuple(_)
        | Value::List(_)
        | Value::Dict(_)
        | Value::Set(_)
        | Value::FrozenSet(_)
        | Value::Slice(_)
        | Value::Function(_)
        | Value::BoundMethod(_)
        | Value::Builtin(_)
        | Value::Exception(_)
        | Value::DictView(_)
        | Value::Generator(_)
        | Value::GenAwaitable(_)
        | Value::Cell(_)
        | Value::Module(_)
        | Value::StaticMethod(_)
        | Value::ClassMethod(_)
        | Value::Property(_)
        | Value::Super(_) => GC_HEAD,
        // Static types are not tracked; classes are.
        Value::Type(t) if t.kind == Kind::User => GC_HEAD,
        Value::Iterator(it) => {
            let name = protocol::iterator_type_name(&it.borrow());
            if matches!(name, "range_iterator" | "longrange_iterator") {
                0
            } else {
                GC_HEAD
            }
        }
        // `object()` itself is not tracked.
        Value::Instance(i) if i.class.borrow().kind == Kind::Object => 0,
        Value::Instance(i) if i.payload.is_none() && has_dict(i) => GC_HEAD + PRE_HEADER,
        Value::Instance(_) => GC_HEAD,
        _ => 0,
    }
}

/// `__sizeof__()` of `v` as CPython 3.11 answers it for the same object.
pub fn basic_size(v: &Value) -> usize {
    total_size(v).saturating_sub(header_size(v))
}

/// What `sys.getsizeof(v)` gives when `v`'s type keeps `object.__sizeof__`.
fn total_size(v: &Value) -> usize {
    match v {
        Value::Null | Value::None | Value::NotImplemented | Value::Ellipsis => OBJECT,
        Value::Bool(b) => int_size(u64::from(*b)),
        Value::Int(i) => int_size(i.unsigned_abs()),
        Value::BigInt(b) => big_int_size(b),
        Value::Float(_) => OBJECT + 8,
        Value::Complex(..) => OBJECT + 16,
        Value::Str(s) => str_size(s),
        // PyBytesObject: var header, cached hash, the bytes and a NUL.
        Value::Bytes(b) => VAR_OBJECT + 8 + b.len() + 1,
        Value::ByteArray(b) => {
            let cap = b.borrow().capacity();
            56 + if cap == 0 { 0 } else { cap + 1 }
        }
        Value::Tuple(items) => tuple_size(items.len()),
        // The var header, the item pointer and the allocated count.
        Value::List(items) => VAR_OBJECT + 16 + 8 * items.borrow().capacity() + GC_HEAD,
        Value::Dict(d) => dict_size(&d.borrow()),
        Value::Set(d) => set_size(d.borrow().len()),
        Value::FrozenSet(d) => set_size(d.len()),
        Value::Range(_) => OBJECT + 4 * 8,
        Value::Slice(_) => OBJECT + 3 * 8 + GC_HEAD,
        Value::Function(_) => 136 + GC_HEAD,
        Value::BoundMethod(_) => 48 + GC_HEAD,
        Value::Builtin(_) => 56 + GC_HEAD,
        Value::Type(t) if t.kind == Kind::User => 1672 + GC_HEAD,
        Value::Type(_) => 424,
        Value::Instance(i) => instance_size(i),
        Value::Exception(_) => 72 + GC_HEAD,
        Value::Iterator(it) => {
            let name = protocol::iterator_type_name(&it.borrow());
            match name {
                "dict_keyiterator" | "dict_valueiterator" | "dict_itemiterator" | "enumerate" => 72,
                "set_iterator" | "zip" => 64,
                _ => 48,
            }
        }
        Value::DictView(_) => OBJECT + 8 + GC_HEAD,
        Value::Generator(g) => {
            let code = &g.code;
            168 + 8 * (code.localsplusnames.len() + code.stacksize as usize)
        }
        Value::GenAwaitable(_) => 32 + GC_HEAD,
        Value::AsyncGenWrapped(_) => OBJECT + 8,
        Value::Native(_) => OBJECT,
        Value::Cell(_) => OBJECT + 8 + GC_HEAD,
        // PyCodeObject with its fields, plus the bytecode it holds inline.
        Value::Code(c) => 186 + c.code.len(),
        Value::Module(_) => 56 + GC_HEAD,
        Value::StaticMethod(_) | Value::ClassMethod(_) => 32 + GC_HEAD,
        Value::Property(_) => 64 + GC_HEAD,
        Value::Super(_) => OBJECT + 3 * 8 + GC_HEAD,
    }
}

/// `int`: the var header and 30-bit digits, at least one (3.11 counts one
/// for zero too).
fn int_size(magnitude: u64) -> usize {
    let bits = 64 - magnitude.leading_zeros() as usize;
    VAR_OBJECT + 4 * bits.div_ceil(30).max(1)
}

fn big_int_size(b: &BigInt) -> usize {
    let bits = b.bits() as usize;
    VAR_OBJECT + 4 * bits.div_ceil(30).max(1)
}

/// The compact str layouts: ASCII (`PyASCIIObject`, 48 bytes) or
/// latin-1/UCS-2/UCS-4 (`PyCompactUnicodeObject`, 72 bytes), then the
/// characters at 1, 2 or 4 bytes each and a terminating NUL.
fn str_size(s: &str) -> usize {
    if s.is_ascii() {
        return 48 + s.len() + 1;
    }
    let (mut len, mut max) = (0usize, 0u32);
    for c in s.chars() {
        len += 1;
        max = max.max(c as u32);
    }
    let width = match max {
        0..=0xff => 1,
        0x100..=0xffff => 2,
        _ => 4,
    };
    72 + width * (len + 1)
}

fn tuple_size(n: usize) -> usize {
    VAR_OBJECT + 8 * n + GC_HEAD
}

/// `_PyDict_SizeOf`: the dict object, and its keys table when it has one
/// of its own (header, index array, entries: 16 bytes each when every key
/// is a str, 24 otherwise).
fn dict_size(d: &Dict) -> usize {
    let object = 48 + GC_HEAD;
    let size = d.table_size();
    if size == 0 {
        return object;
    }
    let index_bytes = match size {
        0..=0x80 => 1,
        0x81..=0x8000 => 2,
        0x8001..=0x8000_0000 => 4,
        _ => 8,
    };
    let usable = (size << 1) / 3;
    let unicode = d.iter().all(|e| matches!(e.key, Value::Str(_)));
    let entry = if unicode { 16 } else { 24 };
    object + 32 + index_bytes * size + usable * entry
}

/// A set: the object with its 8-entry small table, plus a separate table
/// of 16-byte entries once it has grown (`set_sizeof`).
fn set_size(len: usize) -> usize {
    let table = set_table_size(len);
    let object = 200 + GC_HEAD;
    if table > 8 {
        object + 16 * table
    } else {
        object
    }
}

/// The table size of a set built by adding `len` distinct items
/// (setobject.c: resize when 3/5 full, to four times the items).
fn set_table_size(len: usize) -> usize {
    let mut size = 8usize;
    for used in 1..=len {
        if used * 5 >= (size - 1) * 3 {
            let minused = if used > 50000 { used * 2 } else { used * 4 };
            size = 8;
            while size <= minused {
                size <<= 1;
            }
        }
    }
    size
}

/// Whether instances of the class have a `__dict__`.
fn has_dict(i: &Instance) -> bool {
    protocol::attr_class_slots(&i.class.borrow()).is_none()
}

fn instance_size(i: &Instance) -> usize {
    let class = i.class.borrow().clone();
    if class.kind == Kind::Object {
        return OBJECT;
    }
    if let Some(desc_fields) = crate::builtins::structseq::n_fields(&class) {
        // A tuple holding every field, the hidden ones too.
        return tuple_size(desc_fields);
    }
    if class.base_kind() == Kind::MemoryView {
        return 168 + GC_HEAD;
    }
    if let Some(p) = &i.payload {
        return total_size(p) + 24;
    }
    // object's header, one pointer per slot, a weakref pointer unless
    // every class declares __slots__ without __weakref__; the dict lives
    // in the pre-header.
    let user_classes: Vec<_> = class
        .mro()
        .into_iter()
        .filter(|c| c.kind == Kind::User)
        .collect();
    let mut slots = 0;
    let mut weakref = false;
    for c in &user_classes {
        if protocol::plain_get_str(&c.dict.borrow(), "__slots__").is_none() {
            weakref = true;
            continue;
        }
        for s in crate::builtins::slots::own_slots(c) {
            match &*s {
                "__weakref__" => weakref = true,
                "__dict__" => {}
                _ => slots += 1,
            }
        }
    }
    let dict = if has_dict(i) { PRE_HEADER } else { 0 };
    OBJECT + 8 * slots + if weakref { 8 } else { 0 } + dict + GC_HEAD
}

/// `object.__sizeof__`.
pub fn object_sizeof(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    match a.positional {
        [obj] => Ok(Value::Int(basic_size(obj) as i64)),
        other => Err(type_error(format!(
            "object.__sizeof__() takes no arguments ({} given)",
            other.len().saturating_sub(1)
        ))),
    }
}
