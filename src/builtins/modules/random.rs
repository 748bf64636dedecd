//! `_random`: CPython's Mersenne Twister (MT19937, `_randommodule.c`), the
//! core under the Python-written `random` module (`py/random.py`, after
//! CPython's `Lib/random.py`). Generators live in a per-thread table and a
//! `Random` instance holds its generator's index; the table is never
//! shrunk (2.5 KiB per `Random` ever made, which programs make few of).

use std::cell::RefCell;

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive};

use super::{functions, new_module};
use crate::object::exception::{type_error, value_error};
use crate::object::function::Args;
use crate::object::{PyResult, Value};
use crate::vm::Vm;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

thread_local! {
    static GENERATORS: RefCell<Vec<Twister>> = const { RefCell::new(Vec::new()) };
}

pub fn module() -> Value {
    new_module(
        "_random",
        functions(&[
            ("new", new),
            ("seed", seed),
            ("random", random),
            ("getrandbits", getrandbits),
            ("getstate", getstate),
            ("setstate", setstate),
        ]),
    )
}

fn handle(a: &Args) -> PyResult<usize> {
    match a.positional.first() {
        Some(Value::Int(i)) if *i >= 0 && (*i as usize) < GENERATORS.with(|g| g.borrow().len()) => {
            Ok(*i as usize)
        }
        _ => Err(value_error("invalid generator handle")),
    }
}

fn with_generator<R>(a: &Args, f: impl FnOnce(&mut Twister) -> R) -> PyResult<R> {
    let i = handle(a)?;
    Ok(GENERATORS.with(|g| f(&mut g.borrow_mut()[i])))
}

/// `new()`: a handle to a new, unseeded generator.
fn new(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    GENERATORS.with(|g| {
        let mut g = g.borrow_mut();
        g.push(Twister::init_genrand(0));
        Ok(Value::Int(g.len() as i64 - 1))
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

/// `seed(handle, n)`: seeds from int `n` (its absolute value, as
/// `random_seed` does), or from the clock for None (read through
/// `Vm::clock`, so the debugger can replay it).
fn seed(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n: BigInt = match a.positional.get(1) {
        None | Some(Value::None) => {
            let wall = (vm.clock)(crate::vm::Clock::Wall);
            let mono = (vm.clock)(crate::vm::Clock::Monotonic);
            BigInt::from(wall) << 64 | BigInt::from(mono)
        }
        Some(Value::Int(i)) => BigInt::from(*i),
        Some(Value::Bool(b)) => BigInt::from(*b as i64),
        Some(Value::BigInt(b)) => (**b).clone(),
        Some(_) => return Err(type_error("seed() needs an int")),
    };
    let (_, mut key) = n.abs().to_u32_digits();
    if key.is_empty() {
        key.push(0);
    }
    let fresh = Twister::init_by_array(&key);
    with_generator(&a, |t| *t = fresh)?;
    Ok(Value::None)
}

/// `getstate(handle)`: 624 words and the position, as a tuple.
fn getstate(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    with_generator(&a, |t| {
        let mut items: Vec<Value> = t.mt.iter().map(|&w| Value::Int(w as i64)).collect();
        items.push(Value::Int(t.index as i64));
        Value::tuple(items)
    })
}

/// `setstate(handle, state)`: the inverse of `getstate`.
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
            _ => return Err(type_error("state vector items must be integers")),
        };
    }
    let index = match items[N] {
        Value::Int(i) if (0..=N as i64).contains(&i) => i as usize,
        _ => return Err(value_error("invalid state")),
    };
    with_generator(&a, |t| *t = Twister { mt, index })?;
    Ok(Value::None)
}

/// `random(state)`: a double in [0, 1) from 53 random bits (genrand_res53).
fn random(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    with_generator(&a, |t| {
        let hi = (t.next_u32() >> 5) as f64;
        let lo = (t.next_u32() >> 6) as f64;
        Value::Float((hi * 67_108_864.0 + lo) * (1.0 / 9_007_199_254_740_992.0))
    })
}

/// `getrandbits(state, k)`: an int of `k` random bits, 32 at a time from
/// the least significant word up.
fn getrandbits(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = match a.positional.get(1) {
        Some(Value::Int(k)) => *k,
        Some(Value::Bool(b)) => *b as i64,
        Some(Value::BigInt(b)) => b.to_i64().unwrap_or(i64::MAX),
        _ => return Err(type_error("an integer is required")),
    };
    if k < 0 {
        return Err(value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::Int(0));
    }
    with_generator(&a, |t| {
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
                None => Value::BigInt(std::rc::Rc::new(n)),
            }
        }
    })
}
