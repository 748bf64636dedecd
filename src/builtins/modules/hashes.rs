//! The builtin hash modules hashlib falls back on without OpenSSL
//! (Modules/md5module.c, sha1module.c, sha256module.c, sha512module.c):
//! `_md5`, `_sha1`, `_sha256` (sha224, sha256) and `_sha512` (sha384,
//! sha512). One native class per algorithm, all sharing this code; the
//! digests are RustCrypto's (`md-5`, `sha1`, `sha2`), well-tested
//! implementations of the same standards.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use digest::DynDigest;

use super::{clinic_bind, native_getsets, native_instance, native_type, new_module, GetSet};
use crate::object::exception::type_error;
use crate::object::function::{m, Args, MethodDef};
use crate::object::native::native_ref;
use crate::object::{PyResult, Type, Value};
use crate::vm::protocol;
use crate::vm::Vm;

/// One algorithm: its `name`, module, block size and a fresh hasher.
struct Algorithm {
    name: &'static str,
    module: &'static str,
    block_size: usize,
    new: fn() -> Box<dyn DynDigest>,
}

const ALGORITHMS: &[Algorithm] = &[
    Algorithm {
        name: "md5",
        module: "_md5",
        block_size: 64,
        new: || Box::new(md5::Md5::default()),
    },
    Algorithm {
        name: "sha1",
        module: "_sha1",
        block_size: 64,
        new: || Box::new(sha1::Sha1::default()),
    },
    Algorithm {
        name: "sha224",
        module: "_sha256",
        block_size: 64,
        new: || Box::new(sha2::Sha224::default()),
    },
    Algorithm {
        name: "sha256",
        module: "_sha256",
        block_size: 64,
        new: || Box::new(sha2::Sha256::default()),
    },
    Algorithm {
        name: "sha384",
        module: "_sha512",
        block_size: 128,
        new: || Box::new(sha2::Sha384::default()),
    },
    Algorithm {
        name: "sha512",
        module: "_sha512",
        block_size: 128,
        new: || Box::new(sha2::Sha512::default()),
    },
];

/// A hash object's state.
struct Hash {
    algorithm: &'static Algorithm,
    hasher: RefCell<Box<dyn DynDigest>>,
}

thread_local! {
    static TYPES: OnceCell<HashMap<&'static str, Rc<Type>>> = const { OnceCell::new() };
}

/// The class of algorithm `name`.
fn class_of(name: &str) -> Rc<Type> {
    TYPES.with(|t| {
        t.get_or_init(|| {
            ALGORITHMS
                .iter()
                .map(|a| {
                    let t = native_type(a.name, a.module, vec![], METHODS);
                    t.final_class.set(true);
                    protocol::dict_set_str_plain(&t, "__slots__", Value::tuple(vec![]));
                    native_getsets(&t, GETSETS);
                    (a.name, t)
                })
                .collect()
        })[name]
            .clone()
    })
}

/// The module `name` (`_md5`, `_sha1`, `_sha256`, `_sha512`).
pub fn module(name: &str) -> Value {
    let mut members = Vec::new();
    for a in ALGORITHMS.iter().filter(|a| a.module == name) {
        let f = match a.name {
            "md5" => constructor::<0> as crate::object::function::NativeFn,
            "sha1" => constructor::<1>,
            "sha224" => constructor::<2>,
            "sha256" => constructor::<3>,
            "sha384" => constructor::<4>,
            _ => constructor::<5>,
        };
        members.push((a.name, protocol::native(a.name, f, None)));
        let type_name: &'static str = match a.name {
            "md5" => "MD5Type",
            "sha1" => "SHA1Type",
            "sha224" => "SHA224Type",
            "sha256" => "SHA256Type",
            "sha384" => "SHA384Type",
            _ => "SHA512Type",
        };
        members.push((type_name, Value::Type(class_of(a.name))));
    }
    new_module(name, members)
}

/// The bytes of a hashed object (`GET_BUFFER_VIEW_OR_ERROUT`).
fn data_of(v: &Value) -> PyResult<Rc<[u8]>> {
    if let Some(b) = crate::vm::ops::bytes::bytes_data(v) {
        return Ok(b);
    }
    match v {
        Value::Str(_) => Err(type_error("Strings must be encoded before hashing")),
        Value::Instance(i) => match &i.payload {
            Some(Value::Str(_)) => Err(type_error("Strings must be encoded before hashing")),
            Some(p) => data_of(p),
            None => Err(type_error("object supporting the buffer API required")),
        },
        _ => Err(type_error("object supporting the buffer API required")),
    }
}

/// `md5(string=b'', *, usedforsecurity=True)` and its kin.
fn constructor<const I: usize>(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let algorithm = &ALGORITHMS[I];
    let bound = clinic_bind(
        algorithm.name,
        a.positional,
        a.keywords,
        &["string", "usedforsecurity"],
        0,
        1,
    )?;
    let mut hasher = (algorithm.new)();
    if let Some(data) = &bound[0] {
        hasher.update(&data_of(data)?);
    }
    Ok(native_instance(
        &class_of(algorithm.name),
        Hash {
            algorithm,
            hasher: RefCell::new(hasher),
        },
    ))
}

fn this(v: &Value) -> PyResult<&Hash> {
    native_ref::<Hash>(v).ok_or_else(|| type_error("descriptor requires a hash object"))
}

/// The digest so far, leaving the object able to take more data.
fn digest(h: &Hash) -> Box<[u8]> {
    h.hasher.borrow().box_clone().finalize()
}

static METHODS: &[MethodDef] = &[
    m("__new__", |_, a| {
        let name = match a.positional.first() {
            Some(Value::Type(t)) => crate::object::native::display_name(t),
            _ => "hash".into(),
        };
        Err(type_error(format!("cannot create '{name}' instances")))
    }),
    m("update", |_, a| {
        let h = this(&a.positional[0])?;
        let data = data_of(&a.positional[1])?;
        h.hasher.borrow_mut().update(&data);
        Ok(Value::None)
    })
    .o(),
    m("digest", |_, a| {
        let h = this(&a.positional[0])?;
        Ok(Value::Bytes(Rc::from(digest(h))))
    }),
    m("hexdigest", |_, a| {
        let h = this(&a.positional[0])?;
        let hex: String = digest(h).iter().map(|b| format!("{b:02x}")).collect();
        Ok(Value::str(&hex))
    }),
    m("copy", |_, a| {
        let h = this(&a.positional[0])?;
        Ok(native_instance(
            &class_of(h.algorithm.name),
            Hash {
                algorithm: h.algorithm,
                hasher: RefCell::new(h.hasher.borrow().box_clone()),
            },
        ))
    }),
];

static GETSETS: &[GetSet] = &[
    GetSet {
        name: "name",
        get: |_, a| Ok(Value::str(this(&a.positional[0])?.algorithm.name)),
        set: None,
    },
    GetSet {
        name: "digest_size",
        get: |_, a| {
            Ok(Value::Int(
                this(&a.positional[0])?.hasher.borrow().output_size() as i64,
            ))
        },
        set: None,
    },
    GetSet {
        name: "block_size",
        get: |_, a| {
            Ok(Value::Int(
                this(&a.positional[0])?.algorithm.block_size as i64,
            ))
        },
        set: None,
    },
];
