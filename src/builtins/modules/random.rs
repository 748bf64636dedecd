//! `_random` (Modules/_randommodule.c): `_random.Random`, CPython's
//! Mersenne Twister (MT19937) as a native class, under CPython's own
//! Lib/random.py, whose `random.Random` subclasses it.

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive};

use super::{class_arg, native_instance, native_type, new_module};
use crate::object::exception::{overflow_error, type_error, value_error};
use crate::object::function::{m, Args, MethodDef};
use crate::object::native::native_ref;
use crate::object::{PyResult, Type, Value};
use crate::vm::protocol;
use crate::vm::Vm;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

thread_local! {
    static RANDOM: OnceCell<Rc<Type>> = const { OnceCell::new() };
}

fn random_type() -> Rc<Type> {
    RANDOM.with(|t| {
        t.get_or_init(|| {
            let t = native_type("Random", "_random", vec![], METHODS);
            // A heap type without Py_TPFLAGS_IMMUTABLETYPE in 3.11.
            t.immutable.set(false);
            t
        })
        .clone()
    })
}

pub fn module() -> Value {
    new_module("_random", vec![("Random", Value::Type(random_type()))])
}

static METHODS: &[MethodDef] = &[
    m("__new__", |_, a| {
        let class = class_arg(&a)?;
        if Rc::ptr_eq(&class, &random_type()) && !a.keywords.is_empty() {
            return Err(type_error("Random() takes no keyword arguments"));
        }
        Ok(native_instance(
            &class,
            RefCell::new(Twister::init_genrand(19_650_218)),
        ))
    }),
    m("__init__", |vm, a| {
        let me = &a.positional[0];
        let plain = Rc::ptr_eq(&protocol::type_of(me), &random_type());
        if plain && !a.keywords.is_empty() {
            return Err(type_error("Random() takes no keyword arguments"));
        }
        if a.positional.len() > 2 {
            return Err(type_error("Random() requires 0 or 1 argument"));
        }
        seed_with(vm, me, a.positional.get(1))?;
        Ok(Value::None)
    }),
    m("seed", |vm, a| {
        if a.positional.len() > 2 {
            return Err(type_error(format!(
                "seed expected at most 1 argument, got {}",
                a.positional.len() - 1
            )));
        }
        seed_with(vm, &a.positional[0], a.positional.get(1))?;
        Ok(Value::None)
    }),
    m("random", random),
    m("getrandbits", getrandbits).o(),
    m("getstate", getstate),
    m("setstate", setstate).o(),
];

/// The generator of a `Random` (or subclass) object.
fn twister(v: &Value) -> PyResult<&RefCell<Twister>> {
    native_ref::<RefCell<Twister>>(v).ok_or_else(|| {
        type_error(format!(
            "descriptor requires a '_random.Random' object but received a '{}'",
            protocol::type_name(v)
        ))
    })
}

struct Twister {
    mt: [u32; N],
    index: usize,
}

impl Twister {
    fn init_genrand(s: u32) -> Twister {
        let mut mt = [0u32; N];
        mt[0] = s;
        for i in 1..N {
            mt[i] = 1_812_433_253u32
                .wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        Twister { mt, index: N }
    }

    /// `init_by_array`: how CPython seeds from an int's 32-bit digits.
    fn init_by_array(key: &[u32]) -> Twister {
        let mut t = Twister::init_genrand(19_650_218);
        let mt = &mut t.mt;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
        t
    }

    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            let mag01 = [0u32, MATRIX_A];
            for kk in 0..N {
                let y = (self.mt[kk] & UPPER_MASK) | (self.mt[(kk + 1) % N] & LOWER_MASK);
                self.mt[kk] = self.mt[(kk + M) % N] ^ (y >> 1) ^ mag01[(y & 1) as usize];
            }
            self.index = 0;
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }
}

/// `random_seed`: from the clock for None (read through `Vm::clock`, so
/// the debugger can replay it), an int's absolute value, or any other
/// object's hash as an unsigned word.
fn seed_with(vm: &mut Vm, me: &Value, arg: Option<&Value>) -> PyResult<()> {
    let n: BigInt = match arg {
        None | Some(Value::None) => {
            let wall = (vm.clock)(crate::vm::Clock::Wall);
            let mono = (vm.clock)(crate::vm::Clock::Monotonic);
            BigInt::from(wall) << 64 | BigInt::from(mono)
        }
        Some(Value::Int(i)) => BigInt::from(*i),
        Some(Value::Bool(b)) => BigInt::from(*b as i64),
        Some(Value::BigInt(b)) => (**b).clone(),
        Some(v @ Value::Instance(i))
            if matches!(i.payload, Some(Value::Int(_) | Value::BigInt(_))) =>
        {
            match &i.payload {
                Some(Value::Int(n)) => BigInt::from(*n),
                Some(Value::BigInt(b)) => (**b).clone(),
                _ => BigInt::from(protocol::hash_value(vm, v)? as u64),
            }
        }
        Some(v) => BigInt::from(protocol::hash_value(vm, v)? as u64),
    };
    let (_, mut key) = n.abs().to_u32_digits();
    if key.is_empty() {
        key.push(0);
    }
    *twister(me)?.borrow_mut() = Twister::init_by_array(&key);
    Ok(())
}

/// `getstate()`: 624 words and the position, as a tuple.
fn getstate(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let t = twister(&a.positional[0])?.borrow();
    let mut items: Vec<Value> = t.mt.iter().map(|&w| Value::Int(w as i64)).collect();
    items.push(Value::Int(t.index as i64));
    Ok(Value::tuple(items))
}

/// `setstate(state)`: the inverse of `getstate`.
fn setstate(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Some(Value::Tuple(items)) = a.positional.get(1) else {
        return Err(type_error("state vector must be a tuple"));
    };
    if items.len() != N + 1 {
        return Err(value_error("state vector is the wrong size"));
    }
    let mut mt = [0u32; N];
    for (slot, v) in mt.iter_mut().zip(items.iter()) {
        *slot = match v {
            Value::Int(i) if (0..=u32::MAX as i64).contains(i) => *i as u32,
            Value::Int(i) if *i < 0 => {
                return Err(overflow_error(
                    "can't convert negative value to unsigned int",
                ))
            }
            Value::Int(_) | Value::BigInt(_) => {
                return Err(overflow_error(
                    "Python int too large to convert to C unsigned long",
                ))
            }
            _ => return Err(type_error("state vector items must be integers")),
        };
    }
    let index = match items[N] {
        Value::Int(i) if (0..=N as i64).contains(&i) => i as usize,
        _ => return Err(value_error("invalid state")),
    };
    *twister(&a.positional[0])?.borrow_mut() = Twister { mt, index };
    Ok(Value::None)
}

/// `random()`: a double in [0, 1) from 53 random bits (genrand_res53).
fn random(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let mut t = twister(&a.positional[0])?.borrow_mut();
    let hi = (t.next_u32() >> 5) as f64;
    let lo = (t.next_u32() >> 6) as f64;
    Ok(Value::Float(
        (hi * 67_108_864.0 + lo) * (1.0 / 9_007_199_254_740_992.0),
    ))
}

/// `getrandbits(k)`: an int of `k` random bits, 32 at a time from
/// the least significant word up.
fn getrandbits(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if matches!(a.positional[1], Value::Float(_)) {
        return Err(type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let k = match protocol::number::number_index(vm, &a.positional[1])? {
        Value::Int(k) if i32::try_from(k).is_ok() => k,
        _ => return Err(overflow_error("Python int too large to convert to C int")),
    };
    if k < 0 {
        return Err(value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::Int(0));
    }
    let mut t = twister(&a.positional[0])?.borrow_mut();
    Ok({
        if k <= 32 {
            Value::Int((t.next_u32() >> (32 - k)) as i64)
        } else {
            let mut words = Vec::with_capacity(((k - 1) / 32 + 1) as usize);
            let mut left = k;
            while left > 0 {
                let mut r = t.next_u32();
                if left < 32 {
                    r >>= 32 - left;
                }
                words.push(r);
                left -= 32;
            }
            let n = BigInt::from_slice(Sign::Plus, &words);
            match n.to_i64() {
                Some(i) => Value::Int(i),
                None => Value::BigInt(Rc::new(n)),
            }
        }
    })
}
