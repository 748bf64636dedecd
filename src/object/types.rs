//! Type objects (builtin and user classes, with their C3 MRO) and instances of
//! user classes.
//!
//! Builtin types live in a per-thread registry ([`builtin_types`]) so that any
//! native code can name `int` or raise a `ValueError` without threading the VM
//! through; the VM runs on one thread.

use std::cell::RefCell;
use std::rc::Rc;

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
    pub qualname: RefCell<Rc<str>>,
    pub kind: Kind,
    pub bases: Vec<Rc<Type>>,
    pub mro: RefCell<Vec<Rc<Type>>>,
    pub dict: RefCell<Dict>,
    /// The metaclass (`type` unless a class says otherwise).
    pub metaclass: RefCell<Option<Value>>,
}

impl Type {
    pub fn new(name: &str, kind: Kind, bases: Vec<Rc<Type>>) -> Rc<Type> {
        let t = Rc::new(Type {
            name: Rc::from(name),
            qualname: RefCell::new(Rc::from(name)),
            kind,
            bases,
            mro: RefCell::new(Vec::new()),
            dict: RefCell::new(Dict::new()),
            metaclass: RefCell::new(None),
        });
        let mro = c3_mro(&t).unwrap_or_else(|_| vec![t.clone()]);
        *t.mro.borrow_mut() = mro;
        t
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
    pub dict: RefCell<Dict>,
    /// For instances of subclasses of builtin types (`class C(dict)`), the
    /// builtin value they extend; the builtin type's methods and protocols
    /// work on it.
    pub payload: Option<Value>,
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
    tuple = "tuple" Tuple (object);
    list = "list" List (object);
    dict = "dict" Dict (object);
    set = "set" Set (object);
    frozenset = "frozenset" FrozenSet (object);
    range = "range" Range (object);
    slice = "slice" Slice (object);
    function = "function" Function (object);
    builtin_function = "builtin_function_or_method" BuiltinFunction (object);
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
    file_not_found_error = "FileNotFoundError" Exception (os_error);
    file_exists_error = "FileExistsError" Exception (os_error);
    permission_error = "PermissionError" Exception (os_error);
    is_a_directory_error = "IsADirectoryError" Exception (os_error);
    not_a_directory_error = "NotADirectoryError" Exception (os_error);
    timeout_error = "TimeoutError" Exception (os_error);
    connection_error = "ConnectionError" Exception (os_error);
    interrupted_error = "InterruptedError" Exception (os_error);
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
}

/// This thread's builtin types.
pub fn builtin_types() -> Rc<BuiltinTypes> {
    BUILTIN_TYPES.with(|t| t.clone())
}
