//! CPython 3.11's `hash()` for the builtin value types, and the slot layout of
//! its set tables, so that set iteration order can be the order CPython shows.
//!
//! Mirrors Python/pyhash.c (`siphash13`, `_Py_HashBytes`, `_Py_HashDouble`),
//! Objects/longobject.c (`long_hash`), Objects/tupleobject.c (`tuplehash`),
//! Objects/complexobject.c and Objects/setobject.c (`set_add_entry`,
//! `set_table_resize`). The string hash key comes from `PYTHONHASHSEED` as
//! Python/bootstrap_hash.c derives it; an unset or `random` seed is taken as 0,
//! so our orders are reproducible (CPython's are random then).

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// `_PyHASH_MODULUS`: hashes of numbers are reduced modulo this prime.
const MODULUS: u64 = (1 << 61) - 1;
const HASH_BITS: u32 = 61;
const HASH_INF: i64 = 314159;
const HASH_IMAG: u64 = 1000003;

/// The siphash key (`_Py_HashSecret.siphash`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HashKey {
    k0: u64,
    k1: u64,
}

impl HashKey {
    /// The key CPython uses for `PYTHONHASHSEED=seed` (0 disables randomization:
    /// an all-zero key; otherwise bootstrap_hash.c's `lcg_urandom`).
    pub fn from_seed(seed: u32) -> HashKey {
        if seed == 0 {
            return HashKey { k0: 0, k1: 0 };
        }
        let mut secret = [0u8; 16];
        let mut x = seed;
        for byte in secret.iter_mut() {
            x = x.wrapping_mul(214013).wrapping_add(2531011);
            *byte = ((x >> 16) & 0xff) as u8;
        }
        HashKey {
            k0: u64::from_le_bytes(secret[..8].try_into().unwrap_or_default()),
            k1: u64::from_le_bytes(secret[8..].try_into().unwrap_or_default()),
        }
    }

    /// The key for this process's `PYTHONHASHSEED` (unset/`random` → 0).
    pub fn from_env() -> HashKey {
        let seed = std::env::var("PYTHONHASHSEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        HashKey::from_seed(seed)
    }
}

fn siphash13(key: HashKey, data: &[u8]) -> u64 {
    let mut v0 = key.k0 ^ 0x736f6d6570736575;
    let mut v1 = key.k1 ^ 0x646f72616e646f6d;
    let mut v2 = key.k0 ^ 0x6c7967656e657261;
    let mut v3 = key.k1 ^ 0x7465646279746573;
    let round = |v0: &mut u64, v1: &mut u64, v2: &mut u64, v3: &mut u64| {
        *v0 = v0.wrapping_add(*v1);
        *v2 = v2.wrapping_add(*v3);
        *v1 = v1.rotate_left(13) ^ *v0;
        *v3 = v3.rotate_left(16) ^ *v2;
        *v0 = v0.rotate_left(32);
        *v2 = v2.wrapping_add(*v1);
        *v0 = v0.wrapping_add(*v3);
        *v1 = v1.rotate_left(17) ^ *v2;
        *v3 = v3.rotate_left(21) ^ *v0;
        *v2 = v2.rotate_left(32);
    };
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let m = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        v3 ^= m;
        round(&mut v0, &mut v1, &mut v2, &mut v3);
        v0 ^= m;
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    let b = ((data.len() as u64) << 56) | u64::from_le_bytes(tail);
    v3 ^= b;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    v0 ^= b;
    v2 ^= 0xff;
    for _ in 0..3 {
        round(&mut v0, &mut v1, &mut v2, &mut v3);
    }
    (v0 ^ v1) ^ (v2 ^ v3)
}

fn not_minus_one(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(bytes)` (`_Py_HashBytes`).
pub fn hash_bytes(key: HashKey, data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    not_minus_one(siphash13(key, data) as i64)
}

/// `hash(str)`: siphash of the string's code units in CPython's compact form
/// (1, 2 or 4 bytes per code point, chosen by the widest one).
pub fn hash_str(key: HashKey, cps: impl IntoIterator<Item = u32> + Clone) -> i64 {
    let width = match cps.clone().into_iter().max() {
        None => return 0,
        Some(0..=0xFF) => 1,
        Some(0x100..=0xFFFF) => 2,
        Some(_) => 4,
    };
    let mut data = Vec::new();
    for cp in cps {
        data.extend_from_slice(&cp.to_le_bytes()[..width]);
    }
    hash_bytes(key, &data)
}

/// `hash(str)` of a Rust string. ASCII text is hashed straight from its
/// bytes (CPython's 1-byte kind holds exactly those bytes).
pub fn hash_rust_str(key: HashKey, s: &str) -> i64 {
    if s.is_ascii() {
        if s.is_empty() {
            return 0;
        }
        return hash_bytes(key, s.as_bytes());
    }
    hash_str(key, s.chars().map(|c| c as u32))
}

const STR_CACHE_SIZE: usize = 1024;

thread_local! {
    /// Recently hashed strings and their hashes. CPython caches a str's hash
    /// in the object; our `str` values are plain `Rc<str>`, so attribute and
    /// global names would be rehashed (SipHash) on every lookup without it.
    static STR_HASH_CACHE: std::cell::RefCell<Vec<Option<(Box<str>, i64)>>> =
        std::cell::RefCell::new(vec![None; STR_CACHE_SIZE]);
}

/// A cheap slot index from the length and the first and last bytes.
fn cache_slot(s: &str) -> usize {
    let b = s.as_bytes();
    let mut x = b.len() as u64;
    let n = b.len().min(8);
    for (i, byte) in b[..n].iter().enumerate() {
        x ^= (*byte as u64) << (i * 8);
    }
    for (i, byte) in b[b.len() - n..].iter().enumerate() {
        x = x.wrapping_mul(0x100000001b3) ^ (*byte as u64) << (i * 7);
    }
    (x.wrapping_mul(0x9E3779B97F4A7C15) >> 54) as usize % STR_CACHE_SIZE
}

/// [`hash_rust_str`] through a small cache of recent strings (a hit costs a
/// length check and a byte comparison instead of SipHash).
pub fn hash_rust_str_cached(key: HashKey, s: &str) -> i64 {
    if s.len() > 64 {
        return hash_rust_str(key, s);
    }
    let slot = cache_slot(s);
    STR_HASH_CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((text, h)) = &cache[slot] {
            if **text == *s {
                return *h;
            }
        }
        let h = hash_rust_str(key, s);
        cache[slot] = Some((s.into(), h));
        h
    })
}

/// `hash(int)` for a machine integer.
pub fn hash_i64(v: i64) -> i64 {
    let h = (v.unsigned_abs() % MODULUS) as i64;
    not_minus_one(if v < 0 { -h } else { h })
}

/// `hash(int)` for a big integer.
pub fn hash_bigint(v: &BigInt) -> i64 {
    let m = BigInt::from(MODULUS);
    let h = (v.abs() % m).to_i64().unwrap_or(0);
    not_minus_one(if v.is_negative() { -h } else { h })
}

/// `hash(float)`; `None` for NaN, whose hash is its address in 3.11.
pub fn hash_float(v: f64) -> Option<i64> {
    if v.is_nan() {
        return None;
    }
    if v.is_infinite() {
        return Some(if v > 0.0 { HASH_INF } else { -HASH_INF });
    }
    let (mut m, mut e) = frexp(v);
    let sign: i64 = if m < 0.0 {
        m = -m;
        -1
    } else {
        1
    };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268435456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e as u32 % HASH_BITS
    } else {
        HASH_BITS - 1 - ((-1 - e) as u32 % HASH_BITS)
    };
    x = ((x << e) & MODULUS) | (x >> (HASH_BITS - e));
    Some(not_minus_one((x as i64).wrapping_mul(sign)))
}

/// C's `frexp`: `v = m * 2**e` with `0.5 <= |m| < 1`.
fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(v * f64::from_bits(0x43f0000000000000)); // 2**64
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// `hash(complex)`.
pub fn hash_complex(re: f64, im: f64) -> Option<i64> {
    let (hr, hi) = (hash_float(re)? as u64, hash_float(im)? as u64);
    Some(not_minus_one(
        hr.wrapping_add(HASH_IMAG.wrapping_mul(hi)) as i64
    ))
}

/// `hash(tuple)` from its items' hashes (3.8+'s xxHash-based `tuplehash`).
pub fn hash_tuple(items: impl ExactSizeIterator<Item = i64>) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let len = items.len() as u64;
    let mut acc = P5;
    for lane in items {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(len ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

const SET_MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// The iteration order of a CPython set built by adding distinct items with
/// these hashes, in this order (setobject.c: linear probing, perturbation,
/// resizing at 3/5 full). Returns indices into `hashes`.
pub fn set_iteration_order(hashes: &[i64]) -> Vec<usize> {
    let mut table: Vec<Option<(usize, i64)>> = vec![None; SET_MINSIZE];
    let mut used = 0usize;
    for (index, &hash) in hashes.iter().enumerate() {
        insert_clean(&mut table, index, hash);
        used += 1;
        let mask = table.len() - 1;
        // `fill` equals `used`: nothing is ever deleted here.
        if used * 5 >= mask * 3 {
            let minused = if used > 50000 { used * 2 } else { used * 4 };
            let mut size = SET_MINSIZE;
            while size <= minused {
                size <<= 1;
            }
            let old = std::mem::replace(&mut table, vec![None; size]);
            for (i, h) in old.into_iter().flatten() {
                insert_clean(&mut table, i, h);
            }
        }
    }
    table.into_iter().flatten().map(|(i, _)| i).collect()
}

/// Places an entry in the first free slot CPython's probe sequence visits.
fn insert_clean(table: &mut [Option<(usize, i64)>], index: usize, hash: i64) {
    let mask = table.len() - 1;
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        let probes = if i + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        };
        for slot in i..=i + probes {
            if table[slot].is_none() {
                table[slot] = Some((index, hash));
                return;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize))
            & mask;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_hashes_match_cpython() {
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(1 << 61), 1);
        assert_eq!(hash_i64(-(1 << 62)), -2);
        assert_eq!(hash_bigint(&(BigInt::from(1) << 100u32)), 1 << 39);
        assert_eq!(hash_float(1.5), Some(1152921504606846977));
        assert_eq!(hash_float(-0.5), Some(-1152921504606846976));
        assert_eq!(hash_float(2.0), Some(2));
        assert_eq!(hash_float(f64::INFINITY), Some(314159));
        assert_eq!(hash_float(f64::NAN), None);
        assert_eq!(hash_complex(0.0, 1.0), Some(1000003));
        assert_eq!(hash_tuple([].into_iter()), 5740354900026072187);
        assert_eq!(hash_tuple([1i64, 2].into_iter()), -3550055125485641917);
        assert_eq!(hash_float(5e-324), Some(16777216));
        assert_eq!(hash_float(1e300), Some(1224995262755759164));
    }

    fn h(key: HashKey, s: &str) -> i64 {
        hash_str(key, s.chars().map(|c| c as u32))
    }

    #[test]
    fn string_hashes_match_cpython_for_a_seed() {
        // Values printed by python3.11 under PYTHONHASHSEED=0 and =5.
        let zero = HashKey::from_seed(0);
        assert_eq!(h(zero, ""), 0);
        assert_eq!(h(zero, "a"), 4644417185603328019);
        assert_eq!(h(zero, "café"), 137524001917817222);
        assert_eq!(h(zero, "\u{2028}x"), 6833522204278085964);
        assert_eq!(h(zero, "\u{1f600}"), -3536540696076613844);
        assert_eq!(h(zero, "abcdefghij"), -829746140550000655);
        assert_eq!(hash_bytes(zero, b"abc"), -4594863902769663758);
        let five = HashKey::from_seed(5);
        assert_eq!(h(five, "a"), -3242440559064031509);
        assert_eq!(hash_bytes(five, b"abcdefghijk"), 1844033485521394962);
    }

    #[test]
    fn small_int_sets_iterate_by_slot() {
        // {9, 1} built in that order: 9 → slot 1, 1 collides and goes to slot 2.
        assert_eq!(set_iteration_order(&[9, 1]), vec![0, 1]);
        assert_eq!(set_iteration_order(&[1, 9]), vec![0, 1]);
        assert_eq!(set_iteration_order(&[3, 2, 1]), vec![2, 1, 0]);
    }
}

thread_local! {
    /// This thread's hash key (PYTHONHASHSEED), for str and bytes hashes.
    pub static HASH_KEY: HashKey = HashKey::from_env();
}

/// The hash of a str, as `hash()` gives it.
pub fn str_hash(s: &str) -> i64 {
    HASH_KEY.with(|k| hash_rust_str_cached(*k, s))
}
