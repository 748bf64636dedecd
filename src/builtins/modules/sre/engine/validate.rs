//! The code validator of CPython 3.11's `Modules/_sre/sre.c` (`_validate`,
//! `_validate_outer`, `_validate_inner`, `_validate_charset`): checks that
//! the code given to `_sre.compile` has the shape `re._compiler` emits, so
//! that the matcher's skips and jumps stay inside it. `_sre.compile` raises
//! `RuntimeError("invalid SRE code")` when it fails.
//!
//! Like C's, it recurses into nested sub-patterns; nesting deeper than
//! [`MAX_DEPTH`] is rejected rather than risking the Rust stack.

use super::{op, MAXGROUPS};

/// Deepest sub-pattern nesting accepted (Python's parser, limited by the
/// recursion limit, produces far less).
const MAX_DEPTH: u32 = 5000;

type V<T> = Result<T, ()>;

/// Whether `code` is well-formed code for a pattern with `groups`
/// capturing groups (`_validate_outer`).
pub fn validate(code: &[u32], groups: usize) -> bool {
    if groups > MAXGROUPS || code.last() != Some(&op::SUCCESS) {
        return false;
    }
    matches!(inner(code, 0, code.len() - 1, groups, 0), Ok(false))
}

/// A reader over `code[..end]` (the GET_OP / GET_ARG / GET_SKIP macros).
struct Reader<'a> {
    code: &'a [u32],
    i: usize,
    end: usize,
}

impl Reader<'_> {
    fn get(&mut self) -> V<u32> {
        if self.i >= self.end {
            return Err(());
        }
        let w = *self.code.get(self.i).ok_or(())?;
        self.i += 1;
        Ok(w)
    }
    /// `GET_SKIP_ADJ(adj)`: a skip that stays inside the region.
    fn skip(&mut self, adj: u32) -> V<usize> {
        if self.i >= self.end {
            return Err(());
        }
        let skip = *self.code.get(self.i).ok_or(())?;
        if skip.wrapping_sub(adj) as usize > self.end - self.i {
            return Err(());
        }
        self.i += 1;
        Ok(skip as usize)
    }
    fn at(&self, k: usize) -> V<u32> {
        self.code.get(k).copied().ok_or(())
    }
}

/// `_validate_charset` over `code[i..end]`.
fn charset(code: &[u32], i: usize, end: usize) -> V<()> {
    if end > code.len() {
        return Err(());
    }
    let mut r = Reader { code, i, end };
    while r.i < r.end {
        match r.get()? {
            op::NEGATE => {}
            op::LITERAL => {
                r.get()?;
            }
            op::RANGE | op::RANGE_UNI_IGNORE => {
                r.get()?;
                r.get()?;
            }
            op::CHARSET => {
                if 8 > r.end - r.i {
                    return Err(());
                }
                r.i += 8;
            }
            op::BIGCHARSET => {
                let count = r.get()?;
                if 64 > r.end - r.i {
                    return Err(());
                }
                // each byte of the 256-byte table must name a block
                for k in 0..64 {
                    if r.at(r.i + k)?
                        .to_ne_bytes()
                        .iter()
                        .any(|&b| b as u32 >= count)
                    {
                        return Err(());
                    }
                }
                r.i += 64;
                let blocks = (count as usize).checked_mul(8).ok_or(())?;
                if blocks > r.end - r.i {
                    return Err(());
                }
                r.i += blocks;
            }
            op::CATEGORY => {
                if r.get()? > 17 {
                    return Err(());
                }
            }
            _ => return Err(()),
        }
    }
    Ok(())
}

/// `_validate_inner` over `code[i..end]`: `Ok(false)` when fine, `Ok(true)`
/// when the region ends with a JUMP, `Err` when invalid.
fn inner(code: &[u32], i: usize, end: usize, groups: usize, depth: u32) -> V<bool> {
    if depth > MAX_DEPTH || i > end || end > code.len() {
        return Err(());
    }
    let sub = |a: usize, b: usize| inner(code, a, b, groups, depth + 1);
    let mut r = Reader { code, i, end };
    while r.i < r.end {
        let o = r.get()?;
        match o {
            op::MARK => {
                // marks need not be properly nested
                if r.get()? as usize > 2 * groups + 1 {
                    return Err(());
                }
            }
            op::LITERAL
            | op::NOT_LITERAL
            | op::LITERAL_IGNORE
            | op::NOT_LITERAL_IGNORE
            | op::LITERAL_UNI_IGNORE
            | op::NOT_LITERAL_UNI_IGNORE
            | op::LITERAL_LOC_IGNORE
            | op::NOT_LITERAL_LOC_IGNORE => {
                r.get()?;
            }
            op::SUCCESS | op::FAILURE => {}
            op::AT => {
                if r.get()? > 11 {
                    return Err(());
                }
            }
            op::ANY | op::ANY_ALL => {}
            op::IN | op::IN_IGNORE | op::IN_UNI_IGNORE | op::IN_LOC_IGNORE => {
                let skip = r.skip(0)?;
                if skip < 2 {
                    return Err(());
                }
                // stop 1 before the end; the FAILURE is checked here
                charset(code, r.i, r.i + skip - 2)?;
                if r.at(r.i + skip - 2)? != op::FAILURE {
                    return Err(());
                }
                r.i += skip - 1;
            }
            op::INFO => {
                // <INFO> <1=skip> <2=flags> <3=min> <4=max> [prefix or charset]
                let skip = r.skip(0)?;
                if skip == 0 {
                    return Err(());
                }
                let newcode = r.i + skip - 1;
                let flags = r.get()?;
                r.get()?;
                r.get()?;
                use super::info::{CHARSET, LITERAL, PREFIX};
                if flags & !(PREFIX | LITERAL | CHARSET) != 0 {
                    return Err(());
                }
                if flags & PREFIX != 0 && flags & CHARSET != 0 {
                    return Err(());
                }
                if flags & LITERAL != 0 && flags & PREFIX == 0 {
                    return Err(());
                }
                if flags & PREFIX != 0 {
                    let prefix_len = r.get()? as usize;
                    r.get()?;
                    if newcode < r.i || prefix_len > newcode - r.i {
                        return Err(());
                    }
                    r.i += prefix_len;
                    if prefix_len > newcode - r.i {
                        return Err(());
                    }
                    // each overlap value must be < prefix_len
                    for k in 0..prefix_len {
                        if r.at(r.i + k)? as usize >= prefix_len {
                            return Err(());
                        }
                    }
                    r.i += prefix_len;
                }
                if flags & CHARSET != 0 {
                    if newcode < r.i + 1 {
                        return Err(());
                    }
                    charset(code, r.i, newcode - 1)?;
                    if r.at(newcode - 1)? != op::FAILURE {
                        return Err(());
                    }
                    r.i = newcode;
                } else if r.i != newcode {
                    return Err(());
                }
            }
            op::BRANCH => {
                let mut target = None;
                loop {
                    let skip = r.skip(0)?;
                    if skip == 0 {
                        break;
                    }
                    if skip < 3 {
                        return Err(());
                    }
                    // stop 2 before the end; the JUMP is checked here
                    if sub(r.i, r.i + skip - 3)? {
                        return Err(());
                    }
                    r.i += skip - 3;
                    if r.get()? != op::JUMP {
                        return Err(());
                    }
                    let skip = r.skip(0)?;
                    let t = (r.i + skip).checked_sub(1).ok_or(())?;
                    match target {
                        None => target = Some(t),
                        Some(t0) if t0 != t => return Err(()),
                        _ => {}
                    }
                }
                if target != Some(r.i) {
                    return Err(());
                }
            }
            op::REPEAT_ONE | op::MIN_REPEAT_ONE | op::POSSESSIVE_REPEAT_ONE => {
                let skip = r.skip(0)?;
                let min = r.get()?;
                let max = r.get()?;
                if min > max || skip < 4 {
                    return Err(());
                }
                if sub(r.i, r.i + skip - 4)? {
                    return Err(());
                }
                r.i += skip - 4;
                if r.get()? != op::SUCCESS {
                    return Err(());
                }
            }
            op::REPEAT | op::POSSESSIVE_REPEAT => {
                let skip = r.skip(0)?;
                let min = r.get()?;
                let max = r.get()?;
                if min > max || skip < 3 {
                    return Err(());
                }
                if sub(r.i, r.i + skip - 3)? {
                    return Err(());
                }
                r.i += skip - 3;
                let next = r.get()?;
                if o == op::POSSESSIVE_REPEAT {
                    if next != op::SUCCESS {
                        return Err(());
                    }
                } else if next != op::MAX_UNTIL && next != op::MIN_UNTIL {
                    return Err(());
                }
            }
            op::ATOMIC_GROUP => {
                let skip = r.skip(0)?;
                if skip < 2 {
                    return Err(());
                }
                if sub(r.i, r.i + skip - 2)? {
                    return Err(());
                }
                r.i += skip - 2;
                if r.get()? != op::SUCCESS {
                    return Err(());
                }
            }
            op::GROUPREF
            | op::GROUPREF_IGNORE
            | op::GROUPREF_UNI_IGNORE
            | op::GROUPREF_LOC_IGNORE => {
                if r.get()? as usize >= groups {
                    return Err(());
                }
            }
            op::GROUPREF_EXISTS => {
                // <GROUPREF_EXISTS> <group> <skip> then [<JUMP> <skipno> else]
                if r.get()? as usize >= groups {
                    return Err(());
                }
                let skip = r.skip(1)?;
                r.i -= 1; // the skip is relative to the group argument
                if skip < 2 {
                    return Err(());
                }
                let mut skip = skip;
                let mut rc = sub(r.i + 1, r.i + skip - 1)?;
                if rc {
                    // then part ends with a JUMP: the else part follows
                    r.i += skip - 2; // at <skipno>
                    skip = r.skip(0)?;
                    if skip < 1 {
                        return Err(());
                    }
                    rc = sub(r.i, r.i + skip - 1)?;
                }
                if rc {
                    return Err(());
                }
                r.i += skip - 1;
            }
            op::ASSERT | op::ASSERT_NOT => {
                let skip = r.skip(0)?;
                r.get()?; // 0 for lookahead, width for lookbehind
                r.i -= 1;
                if skip < 3 {
                    return Err(());
                }
                if sub(r.i + 1, r.i + skip - 2)? {
                    return Err(());
                }
                r.i += skip - 2;
                if r.get()? != op::SUCCESS {
                    return Err(());
                }
            }
            op::JUMP => {
                if r.i + 1 != r.end {
                    return Err(());
                }
                return Ok(true);
            }
            _ => return Err(()),
        }
    }
    Ok(false)
}
