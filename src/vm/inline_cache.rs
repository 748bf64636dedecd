//! Per-instruction caches for attribute access on instances (what CPython
//! 3.11's specialised LOAD_ATTR_INSTANCE_VALUE / LOAD_METHOD_WITH_VALUES /
//! STORE_ATTR_INSTANCE_VALUE do with their inline cache entries).
//!
//! Each LOAD_ATTR, LOAD_METHOD and STORE_ATTR instruction of a code object
//! has an [`AttrSite`] remembering the class of the last instance it saw and
//! what the full lookup decided for it. The decision depends only on the
//! class's MRO namespaces, so it stays valid while the class is the same
//! object and no type namespace has changed (the global type version of
//! `object::types`, the same one the per-type lookup cache uses). A `Weak`
//! to the class keeps its allocation, so a new class can never be taken for
//! an old one at the same address.
//!
//! Instances keep their attributes in an ordered dict; instances of one
//! class usually add them in the same order, so a site also remembers the
//! entry position where it last found its name, checked before probing.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use super::protocol::attr::{self, InstanceAttr};
use crate::object::function::HashedName;
use crate::object::types::{type_version, Instance, Type};
use crate::object::{Dict, Value};

/// What one attribute instruction learned from the instances it saw: one
/// entry per class, for up to `1 + MORE_ENTRIES` classes. Most sites see a
/// single class; a method of a base class run on instances of several
/// subclasses sees a few, and would otherwise refill its one entry at every
/// change of class.
#[derive(Default)]
pub struct AttrSite {
    first: Entry,
    /// Entries for further classes, allocated at the first miss that finds
    /// `first` still valid for another class.
    more: Option<Box<[Entry; MORE_ENTRIES]>>,
    /// The entry of `more` the next fill replaces when all are in use.
    next_victim: u8,
}

const MORE_ENTRIES: usize = 3;

/// What the full lookup decided for instances of one class.
#[derive(Default)]
struct Entry {
    class: Weak<Type>,
    version: u64,
    kind: SiteKind,
}

#[derive(Default)]
enum SiteKind {
    #[default]
    Empty,
    /// Loads: the attribute is the instance's own (no data descriptor on the
    /// class intercepts it); last seen at this dict entry position.
    Own(usize),
    /// Loads: the class attribute, returned as is when the instance dict
    /// lacks the name (or always, for a data descriptor).
    Class { attr: Value, data_descriptor: bool },
    /// Stores: nothing on the class intercepts the store, so it goes into
    /// the instance dict; last written at this entry position.
    Store(usize),
    /// LOAD_GLOBAL: the name is at entry `at` of globals whose keys
    /// version is `globals`.
    Global { globals: u64, at: usize },
    /// LOAD_GLOBAL: the name is not in globals of keys version `globals`,
    /// whose entry `builtins_at` (`__builtins__`) is a dict of keys version
    /// `builtins` holding it at entry `at`.
    Builtin {
        globals: u64,
        builtins_at: usize,
        builtins: u64,
        at: usize,
    },
}

impl Entry {
    /// The entry still describes instances of the class at `class`.
    #[inline(always)]
    fn describes(&self, class: *const Type, version: u64) -> bool {
        self.version == version && std::ptr::eq(self.class.as_ptr(), class)
    }

    /// No lookup may use the entry any more (never filled, its class gone,
    /// or a type namespace changed since).
    fn is_stale(&self, version: u64) -> bool {
        self.version != version || self.class.strong_count() == 0
    }
}

/// Which entry of a site: `first`, or `more[i - 1]`.
type EntryIndex = usize;

impl AttrSite {
    /// The entry for instances of `inst`'s class, if the site has a valid one.
    #[inline(always)]
    fn find(&self, inst: &Instance) -> Option<EntryIndex> {
        self.find_class(Rc::as_ptr(&inst.class.borrow()))
    }

    /// The entry for instances of the class at `class`.
    #[inline(always)]
    fn find_class(&self, class: *const Type) -> Option<EntryIndex> {
        let version = type_version();
        if self.first.describes(class, version) {
            return Some(0);
        }
        self.find_more(class, version)
    }

    #[inline(never)]
    fn find_more(&self, class: *const Type, version: u64) -> Option<EntryIndex> {
        let more = self.more.as_ref()?;
        more.iter()
            .position(|e| e.describes(class, version))
            .map(|i| i + 1)
    }

    fn entry(&self, i: EntryIndex) -> &Entry {
        match (i, &self.more) {
            (0, _) | (_, None) => &self.first,
            (i, Some(more)) => &more[i - 1],
        }
    }

    fn entry_mut(&mut self, i: EntryIndex) -> &mut Entry {
        match (i, &mut self.more) {
            (0, _) | (_, None) => &mut self.first,
            (i, Some(more)) => &mut more[i - 1],
        }
    }

    /// Records `kind` for instances of `class`: in the entry that already
    /// names the class, else in `first` when that one is of no use, else in
    /// a further entry (a stale one first, then in turn).
    fn fill(&mut self, class: &Rc<Type>, version: u64, kind: SiteKind) {
        let ptr = Rc::as_ptr(class);
        let first_free = self.first.is_stale(version)
            || std::ptr::eq(self.first.class.as_ptr(), ptr)
            || !matches!(
                self.first.kind,
                SiteKind::Own(_) | SiteKind::Class { .. } | SiteKind::Store(_)
            );
        let entry = if first_free {
            &mut self.first
        } else {
            let more = self.more.get_or_insert_with(Default::default);
            let i = match more
                .iter()
                .position(|e| std::ptr::eq(e.class.as_ptr(), ptr) || e.is_stale(version))
            {
                Some(i) => i,
                None => {
                    let i = self.next_victim as usize % MORE_ENTRIES;
                    self.next_victim = ((i + 1) % MORE_ENTRIES) as u8;
                    i
                }
            };
            &mut more[i]
        };
        *entry = Entry {
            class: Rc::downgrade(class),
            version,
            kind,
        };
    }
}

/// A code object's sites, one per instruction (only attribute instructions
/// use theirs).
pub type AttrSites = Box<[RefCell<AttrSite>]>;

pub fn new_sites(instructions: usize) -> AttrSites {
    (0..instructions).map(|_| RefCell::default()).collect()
}

/// [`attr::instance_attr`] through the instruction's site.
#[inline]
pub fn instance_attr(
    site: &RefCell<AttrSite>,
    obj: &Value,
    name: &HashedName,
) -> Option<InstanceAttr> {
    let Value::Instance(inst) = obj else {
        return None;
    };
    if let Some(found) = cached_load(site, inst, name) {
        return Some(found);
    }
    // Read the version before the lookup: if the lookup itself changed a
    // type namespace, the site is filled stale and misses next time.
    let version = type_version();
    let found = attr::instance_attr(obj, name)?;
    let mut site = site.borrow_mut();
    match &found {
        InstanceAttr::Own(_) => {
            if let Some(at) = inst.dict.borrow().position_str(name.hash, &name.text) {
                site.fill(&inst.class.borrow(), version, SiteKind::Own(at));
            }
        }
        InstanceAttr::Class(a, class) => {
            let data_descriptor = attr::is_data_descriptor(a);
            let kind = SiteKind::Class {
                attr: a.clone(),
                data_descriptor,
            };
            site.fill(class, version, kind);
        }
    }
    Some(found)
}

/// LOAD_METHOD's shortest path: the plain Python function the site found
/// on the class of `obj` (an instance whose dict lacks the name), to be
/// called with `obj` first. `None` sends the caller to [`instance_attr`].
#[inline]
pub fn cached_method(site: &RefCell<AttrSite>, obj: &Value, name: &HashedName) -> Option<Value> {
    let Value::Instance(inst) = obj else {
        return None;
    };
    let site = site.borrow();
    let index = site.find(inst)?;
    match &site.entry(index).kind {
        SiteKind::Class {
            attr: attr @ Value::Function(_),
            data_descriptor: false,
        } if !inst.dict.borrow().contains_str(name.hash, &name.text) => Some(attr.clone()),
        _ => None,
    }
}

fn cached_load(
    site: &RefCell<AttrSite>,
    inst: &Instance,
    name: &HashedName,
) -> Option<InstanceAttr> {
    let site_ref = site.borrow();
    let index = site_ref.find(inst)?;
    match &site_ref.entry(index).kind {
        SiteKind::Own(at) => {
            let dict = inst.dict.borrow();
            if let Some(v) = dict.str_value_at(*at, name.hash, &name.text) {
                return Some(InstanceAttr::Own(v.clone()));
            }
            let at = dict.position_str(name.hash, &name.text)?;
            let v = dict.str_value_at(at, name.hash, &name.text)?.clone();
            drop(site_ref);
            site.borrow_mut().entry_mut(index).kind = SiteKind::Own(at);
            Some(InstanceAttr::Own(v))
        }
        SiteKind::Class {
            attr,
            data_descriptor,
        } => {
            if !data_descriptor {
                if let Some(v) = inst.dict.borrow().get_str(name.hash, &name.text) {
                    return Some(InstanceAttr::Own(v));
                }
            }
            Some(InstanceAttr::Class(
                attr.clone(),
                inst.class.borrow().clone(),
            ))
        }
        _ => None,
    }
}

/// [`attr::store_instance_attr`] through the instruction's site: gives the
/// value back when the general path must run.
#[inline]
pub fn store_instance_attr(
    site: &RefCell<AttrSite>,
    obj: &Value,
    name: &HashedName,
    value: Value,
) -> Option<Value> {
    let Value::Instance(inst) = obj else {
        return Some(value);
    };
    let mut site = site.borrow_mut();
    if let Some(index) = site.find(inst) {
        let entry = site.entry_mut(index);
        if let SiteKind::Store(at) = entry.kind {
            // The class lets this name be stored in the instance dict.
            let mut dict = inst.dict.borrow_mut();
            if let Some(slot) = dict.str_value_at_mut(at, name.hash, &name.text) {
                let old = std::mem::replace(slot, value);
                drop(dict);
                drop(old);
            } else {
                let at = dict.insert_str(name.hash, name.text.clone(), value);
                entry.kind = SiteKind::Store(at);
            }
            return None;
        }
    }
    let version = type_version();
    if let Some(value) = attr::store_instance_attr(obj, name, value) {
        // The general path must run: the site learns nothing.
        return Some(value);
    }
    if let Some(at) = inst.dict.borrow().position_str(name.hash, &name.text) {
        site.fill(&inst.class.borrow(), version, SiteKind::Store(at));
    }
    None
}

/// LOAD_METHOD on a value of a builtin type that keeps no attributes of its
/// own (str, list, dict, ...): the type's native method, unbound, to be
/// called with the value as its first argument, as CPython's
/// LOAD_METHOD_NO_DICT does. `None` when the general path must decide.
#[inline]
pub fn builtin_method(site: &RefCell<AttrSite>, obj: &Value, name: &HashedName) -> Option<Value> {
    if !matches!(
        obj,
        Value::Str(_)
            | Value::List(_)
            | Value::Dict(_)
            | Value::Tuple(_)
            | Value::Set(_)
            | Value::FrozenSet(_)
            | Value::Bytes(_)
            | Value::Int(_)
            | Value::BigInt(_)
            | Value::Float(_)
            | Value::Bool(_)
            | Value::Complex(..)
    ) || name.text.starts_with("__")
    {
        return None;
    }
    let class = super::protocol::type_of(obj);
    {
        let site = site.borrow();
        if let Some(index) = site.find_class(Rc::as_ptr(&class)) {
            if let SiteKind::Class { attr, .. } = &site.entry(index).kind {
                return Some(attr.clone());
            }
        }
    }
    let version = type_version();
    let method = super::protocol::lookup_hashed(&class, &name.text, name.hash)?;
    if !matches!(&method, Value::Builtin(b) if b.receiver.is_none()) {
        return None;
    }
    let kind = SiteKind::Class {
        attr: method.clone(),
        data_descriptor: false,
    };
    site.borrow_mut().fill(&class, version, kind);
    Some(method)
}

/// LOAD_GLOBAL through the instruction's site, as CPython 3.11's
/// LOAD_GLOBAL_MODULE / LOAD_GLOBAL_BUILTIN: no probing while the keys of
/// the globals (and builtins) are as they were.
#[inline]
pub fn load_global(site: &RefCell<AttrSite>, globals: &RefCell<Dict>) -> Option<Value> {
    let site = site.borrow();
    let g = globals.borrow();
    match site.first.kind {
        SiteKind::Global { globals, at } if g.keys_version() == globals => g.value_at(at).cloned(),
        SiteKind::Builtin {
            globals,
            builtins_at,
            builtins,
            at,
        } if g.keys_version() == globals => match g.value_at(builtins_at) {
            Some(Value::Dict(b)) => {
                let b = b.borrow();
                (b.keys_version() == builtins)
                    .then(|| b.value_at(at).cloned())
                    .flatten()
            }
            _ => None,
        },
        _ => None,
    }
}

/// Remembers where LOAD_GLOBAL found `name` (after the general lookup
/// found it), when `__builtins__` is a plain dict.
pub fn fill_global(site: &RefCell<AttrSite>, globals: &RefCell<Dict>, name: &HashedName) {
    let g = globals.borrow();
    let kind = match g.position_str(name.hash, &name.text) {
        Some(at) => SiteKind::Global {
            globals: g.keys_version(),
            at,
        },
        None => {
            let builtins_name: Rc<str> = Rc::from("__builtins__");
            let hash = super::protocol::str_hash(&builtins_name);
            let Some(builtins_at) = g.position_str(hash, &builtins_name) else {
                return;
            };
            let Some(Value::Dict(b)) = g.value_at(builtins_at) else {
                return;
            };
            let b = b.borrow();
            let Some(at) = b.position_str(name.hash, &name.text) else {
                return;
            };
            SiteKind::Builtin {
                globals: g.keys_version(),
                builtins_at,
                builtins: b.keys_version(),
                at,
            }
        }
    };
    site.borrow_mut().first.kind = kind;
}
