//! An insertion-ordered hash table with CPython's dict layout (a sparse index
//! of entry numbers probed with perturbation, and a dense entry list), used for
//! `dict`, instance and class namespaces, and (for now) sets.
//!
//! Hashing and equality of keys are the caller's: every operation takes the
//! key's hash and an equality callback, so user `__eq__` can run in the VM.

use std::rc::Rc;

use super::value::Value;
use super::PyResult;

const EMPTY: i32 = -1;
const DUMMY: i32 = -2;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

#[derive(Clone, Default)]
pub struct Dict {
    indices: Vec<i32>,
    entries: Vec<Option<Entry>>,
    len: usize,
    /// Changes (to a number no other layout has had) whenever a key is added
    /// or removed or the entries move; a value replaced in place keeps it.
    /// Two dicts with the same version have their keys at the same entry
    /// positions (a copy keeps its original's), so a cache may read an entry
    /// position it found earlier without probing (CPython's dict keys
    /// version, used by LOAD_GLOBAL's cache).
    keys_version: u64,
}

thread_local! {
    static LAST_KEYS_VERSION: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

fn fresh_keys_version() -> u64 {
    LAST_KEYS_VERSION.with(|v| {
        let n = v.get() + 1;
        v.set(n);
        n
    })
}

/// Whether `key` is the str `name` (the same interned text, usually).
#[inline]
fn is_str_key(key: &Value, name: &Rc<str>) -> bool {
    matches!(key, Value::Str(k) if Rc::ptr_eq(k, name) || **k == **name)
}

pub type KeyEq<'a> = &'a mut dyn FnMut(&Value, &Value) -> PyResult<bool>;

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    pub fn len(&self) -> usize {
        self.len
    }

    /// The number of slots of the index table (0 until the first insert),
    /// for `sys.getsizeof`.
    pub fn table_size(&self) -> usize {
        self.indices.len()
    }

    /// See the `keys_version` field.
    #[inline]
    pub fn keys_version(&self) -> u64 {
        self.keys_version
    }

    /// The value at entry position `at`, for a cache that has checked
    /// [`Dict::keys_version`].
    #[inline]
    pub fn value_at(&self, at: usize) -> Option<&Value> {
        match self.entries.get(at) {
            Some(Some(e)) => Some(&e.value),
            _ => None,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().flatten()
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|e| e.key.clone()).collect()
    }

    /// The keys in the order a CPython *set* holding them iterates: a set is
    /// an unordered hash table (setobject.c), so its order follows the hashes,
    /// simulated by adding the keys in insertion order.
    pub fn set_order_keys(&self) -> Vec<Value> {
        let entries: Vec<&Entry> = self.iter().collect();
        let hashes: Vec<i64> = entries.iter().map(|e| e.hash).collect();
        super::hash::set_iteration_order(&hashes)
            .into_iter()
            .map(|i| entries[i].key.clone())
            .collect()
    }

    /// The entries in the order a CPython set holding them iterates (see
    /// [`Dict::set_order_keys`]).
    pub fn set_order_entries(&self) -> Vec<Entry> {
        let entries: Vec<&Entry> = self.iter().collect();
        let hashes: Vec<i64> = entries.iter().map(|e| e.hash).collect();
        super::hash::set_iteration_order(&hashes)
            .into_iter()
            .map(|i| entries[i].clone())
            .collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|e| e.value.clone()).collect()
    }

    pub fn items(&self) -> Vec<(Value, Value)> {
        self.iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect()
    }

    /// The entry at position `i` of the dense list (for iterators), skipping
    /// deleted ones: returns the next live position at or after `i`.
    pub fn entry_at(&self, mut i: usize) -> Option<(usize, &Entry)> {
        while i < self.entries.len() {
            if let Some(e) = &self.entries[i] {
                return Some((i, e));
            }
            i += 1;
        }
        None
    }

    fn lookup(&self, hash: i64, key: &Value, eq: KeyEq) -> PyResult<(usize, Option<usize>)> {
        let mask = self.indices.len().wrapping_sub(1);
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut free_slot = None;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return Ok((free_slot.unwrap_or(i), None));
            }
            if ix == DUMMY {
                free_slot.get_or_insert(i);
            } else if let Some(entry) = &self.entries[ix as usize] {
                if entry.hash == hash && (entry.key.is(key) || eq(&entry.key, key)?) {
                    return Ok((i, Some(ix as usize)));
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
    }

    /// The value under the `str` key `name` (with its hash `hash`), without
    /// building a key object or calling any `__eq__`: namespaces and
    /// attribute dicts are looked up this way on every LOAD_ATTR/LOAD_GLOBAL.
    pub fn get_str(&self, hash: i64, name: &str) -> Option<Value> {
        self.probe(hash)
            .find(|(_, e)| e.hash == hash && matches!(&e.key, Value::Str(k) if **k == *name))
            .map(|(_, e)| e.value.clone())
    }

    /// The live entries (with their positions) on `hash`'s probe sequence,
    /// in probe order, up to the first empty slot: what a lookup that
    /// compares keys without Python code walks.
    #[inline]
    fn probe(&self, hash: i64) -> impl Iterator<Item = (usize, &Entry)> + '_ {
        let mask = self.indices.len().wrapping_sub(1);
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut done = self.len == 0;
        std::iter::from_fn(move || loop {
            if done {
                return None;
            }
            let ix = self.indices[i];
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
            match ix {
                EMPTY => done = true,
                DUMMY => {}
                ix => {
                    if let Some(e) = &self.entries[ix as usize] {
                        return Some((ix as usize, e));
                    }
                }
            }
        })
    }

    pub fn get(&self, hash: i64, key: &Value, eq: KeyEq) -> PyResult<Option<Value>> {
        if self.len == 0 {
            return Ok(None);
        }
        let (_, found) = self.lookup(hash, key, eq)?;
        Ok(found
            .and_then(|ix| self.entries[ix].as_ref())
            .map(|e| e.value.clone()))
    }

    pub fn insert(&mut self, hash: i64, key: Value, value: Value, eq: KeyEq) -> PyResult<()> {
        self.insert_at(hash, key, value, eq).map(|_| ())
    }

    /// Inserts or replaces; returns the entry's position.
    fn insert_at(&mut self, hash: i64, key: Value, value: Value, eq: KeyEq) -> PyResult<usize> {
        if (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.resize();
        }
        let (slot, found) = self.lookup(hash, &key, eq)?;
        match found {
            Some(ix) => {
                if let Some(e) = &mut self.entries[ix] {
                    e.value = value;
                }
                Ok(ix)
            }
            None => {
                let ix = self.entries.len();
                self.indices[slot] = ix as i32;
                self.entries.push(Some(Entry { hash, key, value }));
                self.len += 1;
                self.keys_version = fresh_keys_version();
                Ok(ix)
            }
        }
    }

    /// Sets the value under the `str` key `name` (hash `hash`), comparing
    /// only with `str` keys as attribute stores do; returns the entry's
    /// position.
    pub fn insert_str(&mut self, hash: i64, name: Rc<str>, value: Value) -> usize {
        let mut eq = |a: &Value, b: &Value| {
            Ok(matches!((a, b), (Value::Str(x), Value::Str(y)) if Rc::ptr_eq(x, y) || x == y))
        };
        self.insert_at(hash, Value::Str(name), value, &mut eq)
            .unwrap_or_default()
    }

    /// `self[name]` for a str key without any `__eq__`: `Some(found)` when
    /// every key met with the same hash is a str (so str equality decides,
    /// as it would in CPython); `None` when another kind of key with that
    /// hash must be compared by the general protocol.
    pub fn lookup_str(&self, hash: i64, name: &Rc<str>) -> Option<Option<Value>> {
        for (_, e) in self.probe(hash).filter(|(_, e)| e.hash == hash) {
            match &e.key {
                Value::Str(k) if Rc::ptr_eq(k, name) || **k == **name => {
                    return Some(Some(e.value.clone()))
                }
                Value::Str(_) => {}
                _ => return None,
            }
        }
        Some(None)
    }

    /// The position of the entry under the `str` key `name`.
    /// Whether the `str` key `name` (of hash `hash`) is present.
    #[inline]
    pub fn contains_str(&self, hash: i64, name: &Rc<str>) -> bool {
        self.probe(hash)
            .any(|(_, e)| e.hash == hash && is_str_key(&e.key, name))
    }

    pub fn position_str(&self, hash: i64, name: &Rc<str>) -> Option<usize> {
        self.probe(hash)
            .find(|(_, e)| e.hash == hash && is_str_key(&e.key, name))
            .map(|(ix, _)| ix)
    }

    /// The value at entry position `at` if that entry's key is the `str`
    /// `name` (an inline cache's guess checked).
    #[inline]
    pub fn str_value_at(&self, at: usize, hash: i64, name: &Rc<str>) -> Option<&Value> {
        match self.entries.get(at) {
            Some(Some(e)) if e.hash == hash && is_str_key(&e.key, name) => Some(&e.value),
            _ => None,
        }
    }

    /// As [`Dict::str_value_at`], to replace the value.
    #[inline]
    pub fn str_value_at_mut(&mut self, at: usize, hash: i64, name: &Rc<str>) -> Option<&mut Value> {
        match self.entries.get_mut(at) {
            Some(Some(e)) if e.hash == hash && is_str_key(&e.key, name) => Some(&mut e.value),
            _ => None,
        }
    }

    pub fn remove(&mut self, hash: i64, key: &Value, eq: KeyEq) -> PyResult<Option<Value>> {
        if self.len == 0 {
            return Ok(None);
        }
        let (slot, found) = self.lookup(hash, key, eq)?;
        let Some(ix) = found else { return Ok(None) };
        self.indices[slot] = DUMMY;
        self.len -= 1;
        self.keys_version = fresh_keys_version();
        Ok(self.entries[ix].take().map(|e| e.value))
    }

    /// Removes and returns the last entry (`dict.popitem`).
    pub fn pop_last(&mut self) -> Option<Entry> {
        while let Some(last) = self.entries.pop() {
            if let Some(e) = last {
                self.len -= 1;
                self.rebuild_indices(self.indices.len());
                return Some(e);
            }
        }
        None
    }

    pub fn clear(&mut self) {
        *self = Dict::new();
    }

    fn resize(&mut self) {
        let mut size = 8;
        while size * 2 <= (self.len + 1) * 3 {
            size <<= 1;
        }
        self.entries.retain(|e| e.is_some());
        self.rebuild_indices(size.max(8));
    }

    fn rebuild_indices(&mut self, size: usize) {
        self.keys_version = fresh_keys_version();
        self.indices = vec![EMPTY; size];
        let mask = size - 1;
        for (ix, entry) in self.entries.iter().enumerate() {
            let Some(entry) = entry else { continue };
            let mut perturb = entry.hash as u64;
            let mut i = (entry.hash as u64 as usize) & mask;
            while self.indices[i] != EMPTY {
                perturb >>= PERTURB_SHIFT;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(perturb as usize)
                    .wrapping_add(1))
                    & mask;
            }
            self.indices[i] = ix as i32;
        }
    }
}
