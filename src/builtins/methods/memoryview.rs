//! `memoryview` (Objects/memoryobject.c), one-dimensional and C-contiguous:
//! a view of a bytes or bytearray, read as unsigned bytes (`format 'B'`)
//! or, after `cast(fmt)`, as items of one of `struct`'s native single
//! formats (`'I'`, `'h'`, `'d'`...).
//!
//! A plain view's payload is the object it views; a cast view's payload is
//! a [`Cast`] holding that object and the item format. The methods below
//! take either (their receiver is the payload).

use std::rc::Rc;

use super::*;
use crate::builtins::modules::GetSet;
use crate::object::exception::not_implemented_error;
use crate::object::memoryview::{format_size, CastView as Cast};
use crate::object::native::native_ref;
use crate::vm::ops::bytes::bytes_data;

/// What a memoryview method was called on: its payload, or the view.
enum View<'a> {
    Plain(&'a Value),
    Cast(&'a Cast),
}

impl View<'_> {
    fn of(v: &Value) -> PyResult<View<'_>> {
        match v {
            Value::Bytes(_) | Value::ByteArray(_) => Ok(View::Plain(v)),
            Value::Instance(i) => match &i.payload {
                Some(p @ (Value::Bytes(_) | Value::ByteArray(_))) => Ok(View::Plain(p)),
                Some(p) => native_ref::<Cast>(p)
                    .map(View::Cast)
                    .ok_or_else(|| type_error("descriptor requires a 'memoryview' object")),
                None => Err(type_error("descriptor requires a 'memoryview' object")),
            },
            other => native_ref::<Cast>(other)
                .map(View::Cast)
                .ok_or_else(|| type_error("descriptor requires a 'memoryview' object")),
        }
    }

    fn obj(&self) -> &Value {
        match self {
            View::Plain(v) => v,
            View::Cast(c) => &c.obj,
        }
    }

    fn bytes(&self) -> Rc<[u8]> {
        bytes_data(self.obj()).unwrap_or_else(|| Rc::from(&[][..]))
    }

    fn format(&self) -> Rc<str> {
        match self {
            View::Plain(_) => Rc::from("B"),
            View::Cast(c) => c.format.clone(),
        }
    }

    fn itemsize(&self) -> usize {
        match self {
            View::Plain(_) => 1,
            View::Cast(c) => c.itemsize,
        }
    }

    fn len(&self) -> usize {
        self.bytes().len() / self.itemsize()
    }

    /// Item `i` of `data` (the viewed bytes).
    fn item(&self, data: &[u8], i: usize) -> Value {
        match self {
            View::Plain(_) => Value::Int(data[i] as i64),
            View::Cast(c) => c.item(data, i),
        }
    }
}

/// `cast(format)`: the same bytes read as items of `format`. Only casts
/// from or to a byte format are allowed, as in CPython.
fn cast(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let view = View::of(&a.positional[0])?;
    let bound = crate::builtins::modules::clinic_bind(
        "cast",
        &a.positional[1..],
        a.keywords,
        &["format", "shape"],
        1,
        2,
    )?;
    let format = match &bound[0] {
        Some(Value::Str(s)) => s.clone(),
        Some(other) => {
            return Err(type_error(format!(
                "cast() argument 'format' must be str, not {}",
                type_name(other)
            )))
        }
        None => {
            return Err(type_error(
                "cast() missing required argument 'format' (pos 1)",
            ))
        }
    };
    if bound[1].is_some() {
        return Err(not_implemented_error(
            "memoryview: casts with a shape are not supported",
        ));
    }
    let Some(itemsize) = format_size(&format) else {
        return Err(value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    let byte_format = |f: &str| matches!(f.strip_prefix('@').unwrap_or(f), "B" | "b" | "c");
    if !byte_format(&view.format()) && !byte_format(&format) {
        return Err(type_error(
            "memoryview: cannot cast between two non-byte formats",
        ));
    }
    if view.bytes().len() % itemsize != 0 {
        return Err(type_error(
            "memoryview: length is not a multiple of itemsize",
        ));
    }
    let obj = view.obj().clone();
    let payload = if &*format == "B" {
        obj
    } else {
        Value::Native(Rc::new(Cast {
            obj,
            format,
            itemsize,
        }))
    };
    Ok(protocol::new_instance_with_payload(
        &crate::object::builtin_types().memoryview,
        payload,
    ))
}

/// Methods of `memoryview` (kind MemoryView). A plain view's payload
/// answers `len()`, subscripts and iteration itself, a cast view's state
/// (`object::memoryview::CastView`) through the protocol functions; the
/// dunders here are what `type(v).__len__(v)` and the like find.
pub static MEMORY_VIEW_METHODS: &[MethodDef] = &[
    m("tobytes", |_, a| {
        Ok(Value::Bytes(View::of(&a.positional[0])?.bytes()))
    }),
    m("tolist", |_, a| {
        let view = View::of(&a.positional[0])?;
        let data = view.bytes();
        Ok(Value::list(
            (0..view.len()).map(|i| view.item(&data, i)).collect(),
        ))
    }),
    m("hex", |vm, a| {
        let view = View::of(&a.positional[0])?;
        let mut rest = vec![Value::Bytes(view.bytes())];
        rest.extend_from_slice(&a.positional[1..]);
        let args = Args {
            positional: &rest,
            keywords: a.keywords,
        };
        super::bytes::hex(vm, args)
    }),
    m("cast", cast),
    m("release", |_, _| Ok(Value::None)),
    m("__enter__", |_, a| Ok(a.positional[0].clone())),
    m("__exit__", |_, _| Ok(Value::None)),
    m("__len__", |_, a| {
        Ok(Value::Int(View::of(&a.positional[0])?.len() as i64))
    }),
    m("__getitem__", |vm, a| {
        let view = View::of(&a.positional[0])?;
        let key = &a.positional[1];
        let n = view.len() as i64;
        let i = protocol::number::as_ssize_index(vm, key)?;
        let i = if i < 0 { i + n } else { i };
        if i < 0 || i >= n {
            return Err(index_error("index out of bounds on dimension 1"));
        }
        Ok(view.item(&view.bytes(), i as usize))
    })
    .o(),
    m("__iter__", |vm, a| {
        let view = View::of(&a.positional[0])?;
        let data = view.bytes();
        let items = (0..view.len()).map(|i| view.item(&data, i)).collect();
        protocol::iter(vm, &Value::tuple(items))
    }),
];

/// The data attributes of a view.
pub static GETSETS: &[GetSet] = &[
    GetSet {
        name: "format",
        get: |_, a| Ok(Value::Str(View::of(&a.positional[0])?.format())),
        set: None,
    },
    GetSet {
        name: "itemsize",
        get: |_, a| Ok(Value::Int(View::of(&a.positional[0])?.itemsize() as i64)),
        set: None,
    },
    GetSet {
        name: "nbytes",
        get: |_, a| Ok(Value::Int(View::of(&a.positional[0])?.bytes().len() as i64)),
        set: None,
    },
    GetSet {
        name: "ndim",
        get: |_, a| View::of(&a.positional[0]).map(|_| Value::Int(1)),
        set: None,
    },
    GetSet {
        name: "shape",
        get: |_, a| {
            let view = View::of(&a.positional[0])?;
            Ok(Value::tuple(vec![Value::Int(view.len() as i64)]))
        },
        set: None,
    },
    GetSet {
        name: "strides",
        get: |_, a| {
            let view = View::of(&a.positional[0])?;
            Ok(Value::tuple(vec![Value::Int(view.itemsize() as i64)]))
        },
        set: None,
    },
    GetSet {
        name: "readonly",
        get: |_, a| {
            let view = View::of(&a.positional[0])?;
            Ok(Value::Bool(!matches!(view.obj(), Value::ByteArray(_))))
        },
        set: None,
    },
    GetSet {
        name: "obj",
        get: |_, a| Ok(View::of(&a.positional[0])?.obj().clone()),
        set: None,
    },
    GetSet {
        name: "c_contiguous",
        get: |_, a| View::of(&a.positional[0]).map(|_| Value::Bool(true)),
        set: None,
    },
    GetSet {
        name: "f_contiguous",
        get: |_, a| View::of(&a.positional[0]).map(|_| Value::Bool(true)),
        set: None,
    },
    GetSet {
        name: "suboffsets",
        get: |_, a| View::of(&a.positional[0]).map(|_| Value::tuple(vec![])),
        set: None,
    },
    GetSet {
        name: "contiguous",
        get: |_, a| View::of(&a.positional[0]).map(|_| Value::Bool(true)),
        set: None,
    },
];
