//! Python's object model: `Value` and one file per kind of object, plus
//! `repr()`/`hash()` of builtin scalars and CPython's set layout. No
//! interpreter loop here.

pub mod chars;
pub mod codecs;
pub mod dict;
pub mod exception;
pub mod float_format;
pub mod function;
pub mod generator;
pub mod hash;
pub mod iter;
pub mod memoryview;
pub mod native;
pub mod range;
pub mod repr;
pub mod text_signatures;
pub mod types;
mod unicode_printable;
mod unicode_props;
pub mod unicodedata;
pub mod value;
pub mod weakref;

pub use dict::Dict;
pub use exception::{PyErr, PyResult};
pub use types::{builtin_types, Kind, Type};
pub use value::Value;
