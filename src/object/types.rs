//! Type objects (builtin and user classes, with their C3 MRO) and instances of
//! user classes.
//!
//! Builtin types live in a per-thread registry ([`builtin_types`]) so that any
//! native code can name `int` or raise a `ValueError` without threading the VM
//! through; the VM runs on one thread.

use std::cell::{Cell, Ref, RefCell, RefMut};
use std::collections::HashMap;
use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicU64, Ordering};

use super::dict::Dict;
use super::value::Value;

/// Which builtin type a `Type` is, or `User` for classes made by `class`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Object,
    Type,
    NoneType,
    NotImplementedType,
    Ellipsis,
    Bool,
    Int,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    /// `memoryview`: an instance whose payload is the bytes or bytearray it
    /// views (so a bytearray's view sees its changes).
    MemoryView,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Iterator,
    Generator,
    DictView,
    Coroutine,
    AsyncGenerator,
    CoroWrapper,
    AsyncGenASend,
    AsyncGenAThrow,
    Cell,
    Code,
    Module,
    StaticMethod,
    ClassMethod,
    Property,
    Super,
    /// Builtin exception classes (their identity is the `Type` itself).
    Exception,
    User,
}

pub struct Type {
    pub name: Rc<str>,
    /// `C.__name__ = "D"`: the new name `__name__` answers (messages keep
    /// `name`).
    pub renamed: RefCell<Option<Rc<str>>>,
    pub qualname: RefCell<Rc<str>>,
    pub kind: Kind,
    pub bases: Vec<Rc<Type>>,
    pub mro: RefCell<Vec<Rc<Type>>>,
    pub dict: TypeDict,
    /// The metaclass (`type` unless a class says otherwise).
    pub metaclass: RefCell<Option<Value>>,
    /// Classes that name this one as a base, in creation order
    /// (`__subclasses__()`; weak, as CPython's `tp_subclasses`).
    pub subclasses: RefCell<Vec<Weak<Type>>>,
    /// Results of MRO lookups on this type, valid while no type's namespace
    /// has changed since they were filled ([`TYPE_VERSION`]).
    attr_cache: RefCell<AttrCache>,
    /// Whether some class in the MRO defines `__del__`, and at which type
    /// version that was found (checked on every instance's drop).
    has_del: Cell<(u64, bool)>,
    /// The dotted name a native module's class has in messages and reprs
    /// (CPython's `tp_name` of a static type: `collections.deque`); unset
    /// for classes whose messages use `name`.
    pub tp_name: std::cell::OnceCell<Rc<str>>,
    /// A native class without `Py_TPFLAGS_BASETYPE` (`functools.KeyWrapper`):
    /// no class may derive from it.
    pub final_class: Cell<bool>,
    /// `Py_TPFLAGS_IMMUTABLETYPE`: a native class whose attributes Python
    /// code may not set or delete (`re.Match.foo = 1` is a TypeError).
    pub immutable: Cell<bool>,
}

/// Bumped whenever any type's namespace may change. A lookup through a
/// subclass depends on every base's dict, so one global counter is the
/// simplest invalidation that cannot miss a change (CPython keeps a version
/// tag per type and invalidates subclasses; type dicts change rarely after
/// class creation, so the difference does not show).
static TYPE_VERSION: AtomicU64 = AtomicU64::new(0);

/// The current type version: attribute caches filled at this version are
/// valid while it lasts.
#[inline]
pub fn type_version() -> u64 {
    TYPE_VERSION.load(Ordering::Relaxed)
}

/// A type's namespace. Reads are plain `RefCell` borrows; every mutable
/// borrow invalidates all attribute caches first, so no writer can forget to.
pub struct TypeDict(RefCell<Dict>);

impl TypeDict {
    pub fn new(d: Dict) -> TypeDict {
        TypeDict(RefCell::new(d))
    }

    pub fn borrow(&self) -> Ref<'_, Dict> {
        self.0.borrow()
    }

    /// The namespace, unless it is being written right now.
    pub fn try_borrow(&self) -> Option<Ref<'_, Dict>> {
        self.0.try_borrow().ok()
    }

    pub fn borrow_mut(&self) -> RefMut<'_, Dict> {
        TYPE_VERSION.fetch_add(1, Ordering::Relaxed);
        self.0.borrow_mut()
    }
}

/// Which question a cached lookup answered.
#[derive(Clone, Copy)]
pub enum LookupKind {
    /// The whole MRO, native methods of builtin bases included.
    Full,
    /// Only classes defined in Python (`user_dunder`).
    UserOnly,
}

/// Keyed by the name's str hash (callers usually have it precomputed); the
/// name itself is kept to tell colliding names apart.
type LookupMap = HashMap<i64, (Box<str>, Option<Value>), BuildFx>;

#[derive(Default)]
struct AttrCache {
    version: u64,
    full: LookupMap,
    user_only: LookupMap,
    facts: Option<InstanceFacts>,
}

impl AttrCache {
    fn map(&self, kind: LookupKind) -> &LookupMap {
        match kind {
            LookupKind::Full => &self.full,
            LookupKind::UserOnly => &self.user_only,
        }
    }

    fn map_mut(&mut self, kind: LookupKind) -> &mut LookupMap {
        match kind {
            LookupKind::Full => &mut self.full,
            LookupKind::UserOnly => &mut self.user_only,
        }
    }
}

/// What the attribute fast paths need to know about a class before they may
/// skip the general protocol for its instances.
#[derive(Clone)]
pub struct InstanceFacts {
    /// No class in the MRO defines `__getattribute__` or `__getattr__`.
    pub plain_getattr: bool,
    /// No class in the MRO defines `__setattr__`.
    pub plain_setattr: bool,
    /// The only attribute names instances may set, when every class in the
    /// MRO has `__slots__` (and none lists `__dict__`).
    pub slots: Option<Rc<[Rc<str>]>>,
    /// Calling the class makes a plain instance (`object.__new__`, no user
    /// metaclass) and then runs this Python `__init__`: CALL may push its
    /// frame directly.
    pub plain_init: Option<Value>,
}

/// Attribute names are short; FxHash costs a few multiplies where SipHash
/// costs a few dozen rounds, and these maps never see untrusted keys.
type BuildFx = std::hash::BuildHasherDefault<rustc_hash::FxHasher>;

impl Type {
    pub fn new(name: &str, kind: Kind, bases: Vec<Rc<Type>>) -> Rc<Type> {
        let t = Rc::new(Type {
            name: Rc::from(name),
            renamed: RefCell::new(None),
            qualname: RefCell::new(Rc::from(name)),
            kind,
            bases,
            mro: RefCell::new(Vec::new()),
            dict: TypeDict::new(Dict::new()),
            metaclass: RefCell::new(None),
            subclasses: RefCell::default(),
            attr_cache: RefCell::default(),
            has_del: Cell::new((u64::MAX, false)),
            tp_name: std::cell::OnceCell::new(),
            final_class: Cell::new(false),
            immutable: Cell::new(false),
        });
        let mro = c3_mro(&t).unwrap_or_else(|_| vec![t.clone()]);
        *t.mro.borrow_mut() = mro;
        t.register_subclass();
        t
    }

    /// Records this type in each base's `__subclasses__()`.
    pub fn register_subclass(self: &Rc<Type>) {
        for b in &self.bases {
            b.subclasses.borrow_mut().push(Rc::downgrade(self));
        }
    }

    /// The live subclasses, in creation order.
    pub fn live_subclasses(&self) -> Vec<Rc<Type>> {
        let mut subs = self.subclasses.borrow_mut();
        subs.retain(|w| w.strong_count() > 0);
        subs.iter().filter_map(Weak::upgrade).collect()
    }

    /// Builds a type whose MRO is filled in by the caller.
    pub fn with_namespace(
        name: &str,
        kind: Kind,
        bases: Vec<Rc<Type>>,
        dict: Dict,
        metaclass: Option<Value>,
    ) -> Type {
        Type {
            name: Rc::from(name),
            renamed: RefCell::new(None),
            qualname: RefCell::new(Rc::from(name)),
            kind,
            bases,
            mro: RefCell::new(Vec::new()),
            dict: TypeDict::new(dict),
            metaclass: RefCell::new(metaclass),
            subclasses: RefCell::default(),
            attr_cache: RefCell::default(),
            has_del: Cell::new((u64::MAX, false)),
            tp_name: std::cell::OnceCell::new(),
            final_class: Cell::new(false),
            immutable: Cell::new(false),
        }
    }

    /// `compute()`'s answer for `name` (whose str hash is `hash`), memoised
    /// until a type namespace changes. `compute` must not run Python code.
    pub fn cached_lookup(
        &self,
        name: &str,
        hash: i64,
        kind: LookupKind,
        compute: impl FnOnce() -> Option<Value>,
    ) -> Option<Value> {
        let slot_free = match self.current_cache().map(kind).get(&hash) {
            Some((cached, hit)) if **cached == *name => return hit.clone(),
            // Another name with the same hash holds the slot: answer
            // without caching (rare, and still correct).
            Some(_) => false,
            None => true,
        };
        let found = compute();
        if slot_free {
            let mut cache = self.attr_cache.borrow_mut();
            cache
                .map_mut(kind)
                .insert(hash, (name.into(), found.clone()));
        }
        found
    }

    /// [`InstanceFacts`] for this class, memoised like lookups.
    pub fn instance_facts(&self, compute: impl FnOnce() -> InstanceFacts) -> InstanceFacts {
        if let Some(facts) = &self.current_cache().facts {
            return facts.clone();
        }
        let facts = compute();
        self.attr_cache.borrow_mut().facts = Some(facts.clone());
        facts
    }

    /// The attribute cache, emptied first if any type namespace changed
    /// since it was filled.
    fn current_cache(&self) -> std::cell::RefMut<'_, AttrCache> {
        let version = TYPE_VERSION.load(Ordering::Relaxed);
        let mut cache = self.attr_cache.borrow_mut();
        if cache.version != version {
            cache.full.clear();
            cache.user_only.clear();
            cache.facts = None;
            cache.version = version;
        }
        cache
    }

    /// Whether instances of this type have a `__del__` to run.
    pub fn has_del(&self) -> bool {
        let version = type_version();
        let (seen, found) = self.has_del.get();
        if seen == version {
            return found;
        }
        let hash = super::hash::str_hash("__del__");
        // An instance may be dropped while a class namespace is being
        // written (`C.attr = other` replacing it): then the answer is
        // "maybe", not cached, and `Vm::run_del` looks `__del__` up for real.
        let Ok(mro) = self.mro.try_borrow() else {
            return true;
        };
        let mut found = false;
        for class in mro.iter() {
            let Some(dict) = class.dict.try_borrow() else {
                return true;
            };
            if dict.get_str(hash, "__del__").is_some() {
                found = true;
                break;
            }
        }
        self.has_del.set((version, found));
        found
    }

    pub fn mro(&self) -> Vec<Rc<Type>> {
        self.mro.borrow().clone()
    }

    pub fn is_subtype(self: &Rc<Type>, other: &Rc<Type>) -> bool {
        self.mro.borrow().iter().any(|t| Rc::ptr_eq(t, other))
    }

    /// The builtin kind this type is or derives from (its "base layout").
    pub fn base_kind(&self) -> Kind {
        self.mro
            .borrow()
            .iter()
            .map(|t| t.kind)
            .find(|k| *k != Kind::User)
            .unwrap_or(Kind::Object)
    }
}

/// C3 linearization (as `type.mro()`); `Err` names the conflict as CPython's
/// "Cannot create a consistent method resolution order (MRO)" does.
pub fn c3_mro(t: &Rc<Type>) -> Result<Vec<Rc<Type>>, String> {
    let mut seqs: Vec<Vec<Rc<Type>>> = t.bases.iter().map(|b| b.mro()).collect();
    seqs.push(t.bases.clone());
    let mut out = vec![t.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let candidate = seqs
            .iter()
            .map(|s| s[0].clone())
            .find(|c| !seqs.iter().any(|s| s[1..].iter().any(|x| Rc::ptr_eq(x, c))));
        let Some(c) = candidate else {
            let names: Vec<String> = t.bases.iter().map(|b| b.name.to_string()).collect();
            return Err(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            ));
        };
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// An instance of a user class.
pub struct Instance {
    pub class: RefCell<Rc<Type>>,
    /// `__dict__`, shared with the dict object Python code sees.
    pub dict: Rc<RefCell<Dict>>,
    /// For instances of subclasses of builtin types (`class C(dict)`), the
    /// builtin value they extend; the builtin type's methods and protocols
    /// work on it.
    pub payload: Option<Value>,
    /// `__del__` has run for this object's state: it runs at most once
    /// (PEP 442).
    pub finalized: Cell<bool>,
    /// Some `weakref` refers to this object (`object::weakref`'s registry
    /// has its references, whose callbacks its death queues).
    pub weakly_referenced: Cell<bool>,
}

thread_local! {
    /// Instances whose `__del__` is due, revived (their state moved into a
    /// new object): the loop runs them at the next instruction, as CPython
    /// runs `__del__` when the last reference goes.
    pub static PENDING_DELS: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

impl Drop for Instance {
    fn drop(&mut self) {
        if self.weakly_referenced.get()
            && super::weakref::referent_died(self as *const Instance as usize)
        {
            let _ = super::generator::FINALIZERS_PENDING.try_with(|f| f.set(true));
        }
        if self.finalized.get() || !self.class.get_mut().has_del() {
            return;
        }
        // `__del__` needs the object itself: its state moves into a new
        // one, marked so that it is not finalized again.
        let empty = Rc::new(RefCell::new(Dict::new()));
        let revived = Instance {
            class: RefCell::new(self.class.get_mut().clone()),
            dict: std::mem::replace(&mut self.dict, empty),
            payload: self.payload.take(),
            finalized: Cell::new(true),
            weakly_referenced: Cell::new(false),
        };
        // During thread teardown the queue may be gone: nothing runs then.
        let queued = PENDING_DELS
            .try_with(|q| q.borrow_mut().push(Value::Instance(Rc::new(revived))))
            .is_ok();
        if queued {
            let _ = super::generator::FINALIZERS_PENDING.try_with(|f| f.set(true));
        }
    }
}

macro_rules! builtin_types {
    ($( $field:ident = $name:literal $kind:ident ($($base:ident),*) ;)*) => {
        /// The builtin types and exception classes, created once per thread.
        pub struct BuiltinTypes {
            $( pub $field: Rc<Type>, )*
        }

        impl BuiltinTypes {
            fn create() -> BuiltinTypes {
                $( let $field = Type::new($name, Kind::$kind, vec![$($base.clone()),*]); )*
                BuiltinTypes { $( $field, )* }
            }

            /// Every builtin type with its name, for the builtins module.
            pub fn all(&self) -> Vec<(&'static str, Rc<Type>)> {
                vec![$( ($name, self.$field.clone()), )*]
            }
        }
    };
}

builtin_types! {
    object = "object" Object ();
    type_ = "type" Type (object);
    none_type = "NoneType" NoneType (object);
    not_implemented_type = "NotImplementedType" NotImplementedType (object);
    ellipsis = "ellipsis" Ellipsis (object);
    int = "int" Int (object);
    bool_ = "bool" Bool (int);
    float = "float" Float (object);
    complex = "complex" Complex (object);
    str_ = "str" Str (object);
    bytes = "bytes" Bytes (object);
    bytearray = "bytearray" ByteArray (object);
    memoryview = "memoryview" MemoryView (object);
    tuple = "tuple" Tuple (object);
    list = "list" List (object);
    dict = "dict" Dict (object);
    set = "set" Set (object);
    frozenset = "frozenset" FrozenSet (object);
    range = "range" Range (object);
    slice = "slice" Slice (object);
    function = "function" Function (object);
    builtin_function = "builtin_function_or_method" BuiltinFunction (object);
    method_descriptor = "method_descriptor" BuiltinFunction (object);
    wrapper_descriptor = "wrapper_descriptor" BuiltinFunction (object);
    method_wrapper = "method-wrapper" BuiltinFunction (object);
    classmethod_descriptor = "classmethod_descriptor" ClassMethod (object);
    method = "method" Method (object);
    iterator = "iterator" Iterator (object);
    generator = "generator" Generator (object);
    dict_keys = "dict_keys" DictView (object);
    dict_values = "dict_values" DictView (object);
    dict_items = "dict_items" DictView (object);
    coroutine = "coroutine" Coroutine (object);
    async_generator = "async_generator" AsyncGenerator (object);
    coroutine_wrapper = "coroutine_wrapper" CoroWrapper (object);
    async_generator_asend = "async_generator_asend" AsyncGenASend (object);
    async_generator_athrow = "async_generator_athrow" AsyncGenAThrow (object);
    cell = "cell" Cell (object);
    code = "code" Code (object);
    module = "module" Module (object);
    traceback = "traceback" Object (object);
    staticmethod = "staticmethod" StaticMethod (object);
    classmethod = "classmethod" ClassMethod (object);
    property = "property" Property (object);
    super_ = "super" Super (object);
    base_exception = "BaseException" Exception (object);
    system_exit = "SystemExit" Exception (base_exception);
    keyboard_interrupt = "KeyboardInterrupt" Exception (base_exception);
    generator_exit = "GeneratorExit" Exception (base_exception);
    base_exception_group = "BaseExceptionGroup" Exception (base_exception);
    exception = "Exception" Exception (base_exception);
    exception_group = "ExceptionGroup" Exception (base_exception_group, exception);
    stop_iteration = "StopIteration" Exception (exception);
    stop_async_iteration = "StopAsyncIteration" Exception (exception);
    arithmetic_error = "ArithmeticError" Exception (exception);
    overflow_error = "OverflowError" Exception (arithmetic_error);
    zero_division_error = "ZeroDivisionError" Exception (arithmetic_error);
    assertion_error = "AssertionError" Exception (exception);
    attribute_error = "AttributeError" Exception (exception);
    eof_error = "EOFError" Exception (exception);
    import_error = "ImportError" Exception (exception);
    module_not_found_error = "ModuleNotFoundError" Exception (import_error);
    lookup_error = "LookupError" Exception (exception);
    index_error = "IndexError" Exception (lookup_error);
    key_error = "KeyError" Exception (lookup_error);
    name_error = "NameError" Exception (exception);
    unbound_local_error = "UnboundLocalError" Exception (name_error);
    os_error = "OSError" Exception (exception);
    runtime_error = "RuntimeError" Exception (exception);
    not_implemented_error = "NotImplementedError" Exception (runtime_error);
    recursion_error = "RecursionError" Exception (runtime_error);
    syntax_error = "SyntaxError" Exception (exception);
    system_error = "SystemError" Exception (exception);
    type_error = "TypeError" Exception (exception);
    value_error = "ValueError" Exception (exception);
    unicode_error = "UnicodeError" Exception (value_error);
    warning = "Warning" Exception (exception);
    user_warning = "UserWarning" Exception (warning);
    deprecation_warning = "DeprecationWarning" Exception (warning);
    runtime_warning = "RuntimeWarning" Exception (warning);
    indentation_error = "IndentationError" Exception (syntax_error);
    tab_error = "TabError" Exception (indentation_error);
    unicode_decode_error = "UnicodeDecodeError" Exception (unicode_error);
    unicode_encode_error = "UnicodeEncodeError" Exception (unicode_error);
    unicode_translate_error = "UnicodeTranslateError" Exception (unicode_error);
    file_not_found_error = "FileNotFoundError" Exception (os_error);
    file_exists_error = "FileExistsError" Exception (os_error);
    permission_error = "PermissionError" Exception (os_error);
    is_a_directory_error = "IsADirectoryError" Exception (os_error);
    not_a_directory_error = "NotADirectoryError" Exception (os_error);
    timeout_error = "TimeoutError" Exception (os_error);
    connection_error = "ConnectionError" Exception (os_error);
    interrupted_error = "InterruptedError" Exception (os_error);
    blocking_io_error = "BlockingIOError" Exception (os_error);
    child_process_error = "ChildProcessError" Exception (os_error);
    broken_pipe_error = "BrokenPipeError" Exception (connection_error);
    connection_aborted_error = "ConnectionAbortedError" Exception (connection_error);
    connection_refused_error = "ConnectionRefusedError" Exception (connection_error);
    connection_reset_error = "ConnectionResetError" Exception (connection_error);
    process_lookup_error = "ProcessLookupError" Exception (os_error);
    buffer_error = "BufferError" Exception (exception);
    memory_error = "MemoryError" Exception (exception);
    reference_error = "ReferenceError" Exception (exception);
    floating_point_error = "FloatingPointError" Exception (arithmetic_error);
    future_warning = "FutureWarning" Exception (warning);
    syntax_warning = "SyntaxWarning" Exception (warning);
    pending_deprecation_warning = "PendingDeprecationWarning" Exception (warning);
    import_warning = "ImportWarning" Exception (warning);
    unicode_warning = "UnicodeWarning" Exception (warning);
    bytes_warning = "BytesWarning" Exception (warning);
    resource_warning = "ResourceWarning" Exception (warning);
    encoding_warning = "EncodingWarning" Exception (warning);
}

thread_local! {
    static BUILTIN_TYPES: Rc<BuiltinTypes> = Rc::new(BuiltinTypes::create());
    static TYPE_READY: Cell<Option<fn(&Rc<Type>)>> = const { Cell::new(None) };
}

/// Sets what readies a builtin type made after start-up (the iterator
/// types, made on first use): the builtins layer fills its namespace from
/// its method tables, as `PyType_Ready` does.
pub fn set_type_ready(ready: fn(&Rc<Type>)) {
    TYPE_READY.with(|r| r.set(Some(ready)));
}

/// Readies a builtin type made after start-up (see [`set_type_ready`]).
pub fn type_ready(t: &Rc<Type>) {
    if let Some(ready) = TYPE_READY.with(|r| r.get()) {
        ready(t);
    }
}

/// This thread's builtin types.
pub fn builtin_types() -> Rc<BuiltinTypes> {
    BUILTIN_TYPES.with(|t| t.clone())
}
