//! Builtin iterators. Advancing one may call Python code (a `map` function, a
//! user iterator inside `zip`), so `next` lives in the VM; this is their state.

use std::cell::RefCell;
use std::rc::Rc;

use super::dict::Dict;
use super::value::Value;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DictView {
    Keys,
    Values,
    Items,
}

pub enum IterState {
    /// Over a list (seen live, as CPython's list iterator), tuple or str chars.
    List {
        list: Rc<RefCell<Vec<Value>>>,
        index: usize,
    },
    Values {
        items: Rc<[Value]>,
        index: usize,
        /// The iterator's type name (`tuple_iterator`, `str_ascii_iterator`...).
        name: &'static str,
    },
    Range {
        next: i64,
        step: i64,
        remaining: i64,
    },
    /// Over a range beyond machine words.
    BigRange {
        next: num_bigint::BigInt,
        step: num_bigint::BigInt,
        remaining: num_bigint::BigInt,
    },
    Dict {
        dict: Rc<RefCell<Dict>>,
        pos: usize,
        view: DictView,
        len: usize,
    },
    Enumerate {
        inner: Value,
        /// The next count: an int, big once past a machine word.
        count: Value,
    },
    Zip {
        inners: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        inners: Vec<Value>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
    Reversed {
        items: Rc<[Value]>,
        index: usize,
        /// `reversed`, or the sequence's own reverse iterator type.
        name: &'static str,
    },
    /// `reversed(seq)` of an object with `__len__` and `__getitem__`:
    /// `seq[index]`, `seq[index - 1]`, ... down to 0.
    ReversedSequence {
        seq: Value,
        index: i64,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// The old sequence protocol: `seq[0]`, `seq[1]`, ... until IndexError.
    Sequence {
        seq: Value,
        index: i64,
    },
    /// A finished iterator; keeps its type's name (`iterator_type_name`).
    Exhausted(&'static str),
}
