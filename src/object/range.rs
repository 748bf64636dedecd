//! `range` objects. Ranges whose bounds and length fit a machine word (all
//! but a few) are three `i64`s; the others keep big integers as well, as
//! CPython's rangeobject.c keeps `PyLong`s throughout.

use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// A `range` object. When `big` is set, the `i64` fields are not meaningful
/// and every operation must use the big form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RangeObj {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub big: Option<Rc<BigRange>>,
}

/// The bounds and length of a range beyond machine words.
#[derive(Debug, PartialEq, Eq)]
pub struct BigRange {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
    pub len: BigInt,
}

/// rangeobject.c's `compute_range_length`: how many values `start`,
/// `start + step`, ... lie before `stop` (`step` is not zero).
pub fn range_length(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let (lo, hi, step) = if step.is_positive() {
        (start, stop, step.clone())
    } else {
        (stop, start, -step)
    };
    if lo >= hi {
        return BigInt::zero();
    }
    (hi - lo - BigInt::one()).div_floor(&step) + BigInt::one()
}

impl RangeObj {
    /// A range of machine ints (`step` is not zero); big when its length
    /// does not fit an `i64`.
    pub fn new(start: i64, stop: i64, step: i64) -> RangeObj {
        let len = if step > 0 && start < stop {
            (stop as i128 - start as i128 - 1) / step as i128 + 1
        } else if step < 0 && start > stop {
            (start as i128 - stop as i128 - 1) / -(step as i128) + 1
        } else {
            0
        };
        if i64::try_from(len).is_ok() {
            RangeObj {
                start,
                stop,
                step,
                big: None,
            }
        } else {
            RangeObj::new_big(start.into(), stop.into(), step.into())
        }
    }

    /// A range of any ints (`step` is not zero).
    pub fn new_big(start: BigInt, stop: BigInt, step: BigInt) -> RangeObj {
        let len = range_length(&start, &stop, &step);
        if let (Some(a), Some(b), Some(c), Some(_)) =
            (start.to_i64(), stop.to_i64(), step.to_i64(), len.to_i64())
        {
            return RangeObj::new(a, b, c);
        }
        RangeObj {
            start: 0,
            stop: 0,
            step: 1,
            big: Some(Rc::new(BigRange {
                start,
                stop,
                step,
                len,
            })),
        }
    }

    /// The length of a machine-word range (0 for a big one: callers that
    /// may see big ranges use [`RangeObj::big_len`]).
    pub fn len(&self) -> i64 {
        if self.big.is_some() {
            return 0;
        }
        if self.step > 0 && self.start < self.stop {
            ((self.stop as i128 - self.start as i128 - 1) / self.step as i128 + 1) as i64
        } else if self.step < 0 && self.start > self.stop {
            ((self.start as i128 - self.stop as i128 - 1) / -(self.step as i128) + 1) as i64
        } else {
            0
        }
    }

    pub fn is_empty(&self) -> bool {
        match &self.big {
            Some(b) => b.len.is_zero(),
            None => self.len() == 0,
        }
    }

    /// The `i`-th value of a machine-word range (`0 <= i < len`).
    pub fn get(&self, i: i64) -> i64 {
        (self.start as i128 + i as i128 * self.step as i128) as i64
    }

    pub fn big_len(&self) -> BigInt {
        match &self.big {
            Some(b) => b.len.clone(),
            None => BigInt::from(self.len()),
        }
    }

    /// `(start, stop, step)` as big ints.
    pub fn bounds(&self) -> (BigInt, BigInt, BigInt) {
        match &self.big {
            Some(b) => (b.start.clone(), b.stop.clone(), b.step.clone()),
            None => (self.start.into(), self.stop.into(), self.step.into()),
        }
    }

    /// The value at index `i` (negative counts from the end), if in range.
    pub fn item(&self, i: &BigInt) -> Option<BigInt> {
        let len = self.big_len();
        let i = if i.is_negative() { i + &len } else { i.clone() };
        if i.is_negative() || i >= len {
            return None;
        }
        let (start, _, step) = self.bounds();
        Some(start + i * step)
    }

    /// The index of `x` if the range holds it.
    pub fn index_of(&self, x: &BigInt) -> Option<BigInt> {
        let (start, _, step) = self.bounds();
        let (k, rem) = (x - &start).div_rem(&step);
        (rem.is_zero() && !k.is_negative() && k < self.big_len()).then_some(k)
    }
}
