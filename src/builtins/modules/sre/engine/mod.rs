//! The matching engine of `_sre`: a port of CPython 3.11's
//! `Modules/_sre/sre_lib.h` (the matcher, `SRE(match)`, `SRE(count)`,
//! `SRE(search)`, `SRE(charset)`, `SRE(at)`) and the pieces of
//! `Modules/_sre/sre.c` it needs (character predicates, case mappings,
//! `sre_category`, `pattern_new_match`'s group spans and the code validator
//! `_validate`).
//!
//! The engine knows nothing about the VM: it runs the code words that
//! `re._compiler` produced over a [`Subject`] (bytes or code points) and
//! reports the span, the groups and `lastindex` of a match. Like CPython's it
//! never recurses on the Rust stack for backtracking: contexts live on a
//! `Vec` and "calls" are jumps with a resume kind (`DO_JUMP` in C).
//!
//! Submodules: `chars` (predicates, case mappings, `SRE(charset)`, `SRE(at)`),
//! `matcher` (`SRE(match)` and `SRE(count)`), `search` (`SRE(search)` with its
//! INFO-block fast paths), `validate` (`_validate`).

mod chars;
mod matcher;
mod search;
#[cfg(test)]
mod tests;
mod validate;

pub use chars::{ascii_iscased, ascii_tolower, unicode_iscased, unicode_tolower};
#[cfg(test)]
use chars::{lower_locale, upper_unicode};
pub use validate::validate;

use matcher::State;

/// `_sre.MAGIC` of CPython 3.11 (`re._constants.MAGIC`).
pub const MAGIC: u32 = 20220615;
/// `_sre.CODESIZE`: bytes per code word.
pub const CODESIZE: usize = 4;
/// `_sre.MAXREPEAT`: the "no upper bound" repeat count (`SRE_MAXREPEAT`).
pub const MAXREPEAT: u32 = u32::MAX;
/// `_sre.MAXGROUPS` on a 64-bit build (`SRE_MAXGROUPS`, `INT32_MAX / 2`).
pub const MAXGROUPS: usize = 1_073_741_823;

/// `_sre.getcodesize()`.
pub fn getcodesize() -> usize {
    CODESIZE
}

/// Opcodes (`re._constants.OPCODES`, numbered in that order).
#[allow(dead_code)]
pub(crate) mod op {
    pub const FAILURE: u32 = 0;
    pub const SUCCESS: u32 = 1;
    pub const ANY: u32 = 2;
    pub const ANY_ALL: u32 = 3;
    pub const ASSERT: u32 = 4;
    pub const ASSERT_NOT: u32 = 5;
    pub const AT: u32 = 6;
    pub const BRANCH: u32 = 7;
    pub const CATEGORY: u32 = 8;
    pub const CHARSET: u32 = 9;
    pub const BIGCHARSET: u32 = 10;
    pub const GROUPREF: u32 = 11;
    pub const GROUPREF_EXISTS: u32 = 12;
    pub const IN: u32 = 13;
    pub const INFO: u32 = 14;
    pub const JUMP: u32 = 15;
    pub const LITERAL: u32 = 16;
    pub const MARK: u32 = 17;
    pub const MAX_UNTIL: u32 = 18;
    pub const MIN_UNTIL: u32 = 19;
    pub const NOT_LITERAL: u32 = 20;
    pub const NEGATE: u32 = 21;
    pub const RANGE: u32 = 22;
    pub const REPEAT: u32 = 23;
    pub const REPEAT_ONE: u32 = 24;
    pub const SUBPATTERN: u32 = 25;
    pub const MIN_REPEAT_ONE: u32 = 26;
    pub const ATOMIC_GROUP: u32 = 27;
    pub const POSSESSIVE_REPEAT: u32 = 28;
    pub const POSSESSIVE_REPEAT_ONE: u32 = 29;
    pub const GROUPREF_IGNORE: u32 = 30;
    pub const IN_IGNORE: u32 = 31;
    pub const LITERAL_IGNORE: u32 = 32;
    pub const NOT_LITERAL_IGNORE: u32 = 33;
    pub const GROUPREF_LOC_IGNORE: u32 = 34;
    pub const IN_LOC_IGNORE: u32 = 35;
    pub const LITERAL_LOC_IGNORE: u32 = 36;
    pub const NOT_LITERAL_LOC_IGNORE: u32 = 37;
    pub const GROUPREF_UNI_IGNORE: u32 = 38;
    pub const IN_UNI_IGNORE: u32 = 39;
    pub const LITERAL_UNI_IGNORE: u32 = 40;
    pub const NOT_LITERAL_UNI_IGNORE: u32 = 41;
    pub const RANGE_UNI_IGNORE: u32 = 42;
}

/// `AT` codes (`re._constants.ATCODES`).
pub(crate) mod at {
    pub const BEGINNING: u32 = 0;
    pub const BEGINNING_LINE: u32 = 1;
    pub const BEGINNING_STRING: u32 = 2;
    pub const BOUNDARY: u32 = 3;
    pub const NON_BOUNDARY: u32 = 4;
    pub const END: u32 = 5;
    pub const END_LINE: u32 = 6;
    pub const END_STRING: u32 = 7;
    pub const LOC_BOUNDARY: u32 = 8;
    pub const LOC_NON_BOUNDARY: u32 = 9;
    pub const UNI_BOUNDARY: u32 = 10;
    pub const UNI_NON_BOUNDARY: u32 = 11;
}

/// `CATEGORY` codes (`re._constants.CHCODES`).
pub(crate) mod category {
    pub const DIGIT: u32 = 0;
    pub const NOT_DIGIT: u32 = 1;
    pub const SPACE: u32 = 2;
    pub const NOT_SPACE: u32 = 3;
    pub const WORD: u32 = 4;
    pub const NOT_WORD: u32 = 5;
    pub const LINEBREAK: u32 = 6;
    pub const NOT_LINEBREAK: u32 = 7;
    pub const LOC_WORD: u32 = 8;
    pub const LOC_NOT_WORD: u32 = 9;
    pub const UNI_DIGIT: u32 = 10;
    pub const UNI_NOT_DIGIT: u32 = 11;
    pub const UNI_SPACE: u32 = 12;
    pub const UNI_NOT_SPACE: u32 = 13;
    pub const UNI_WORD: u32 = 14;
    pub const UNI_NOT_WORD: u32 = 15;
    pub const UNI_LINEBREAK: u32 = 16;
    pub const UNI_NOT_LINEBREAK: u32 = 17;
}

/// INFO block flags (`SRE_INFO_*`).
pub(crate) mod info {
    pub const PREFIX: u32 = 1;
    pub const LITERAL: u32 = 2;
    pub const CHARSET: u32 = 4;
}

/// A subject the matcher reads: code points (or bytes) by index.
pub trait Subject {
    /// The number of characters (bytes or code points).
    fn len(&self) -> usize;
    /// The character at `i` (`i < len()`; callers check).
    fn at(&self, i: usize) -> u32;
}

/// bytes, bytearray, and ASCII-only str.
impl Subject for [u8] {
    #[inline(always)]
    fn len(&self) -> usize {
        <[u8]>::len(self)
    }
    #[inline(always)]
    fn at(&self, i: usize) -> u32 {
        self[i] as u32
    }
}

/// str with non-ASCII code points (surrogates included, as u32 values).
impl Subject for [u32] {
    #[inline(always)]
    fn len(&self) -> usize {
        <[u32]>::len(self)
    }
    #[inline(always)]
    fn at(&self, i: usize) -> u32 {
        self[i]
    }
}

/// What one match or search is asked to do (CPython's `SRE_STATE` set up by
/// `state_init` and the method that runs it).
pub struct Request<'a> {
    /// The full code list passed to `_sre.compile`.
    pub code: &'a [u32],
    /// Start, already clamped to `0..=len` as `state_init` does.
    pub pos: usize,
    /// End, already clamped to `0..=len`.
    pub endpos: usize,
    /// `fullmatch`: the match must end at `endpos`.
    pub match_all: bool,
    /// The match must not be empty at `pos` (a scanner continuing after an
    /// empty match).
    pub must_advance: bool,
    /// The number of capturing groups (`pattern.groups`).
    pub ngroups: usize,
}

/// A successful match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// `state->start` when the match was found (where it begins).
    pub start: usize,
    /// `state->ptr`: where it ends.
    pub end: usize,
    /// Groups `1..=ngroups` (index 0 is group 1): `Some((start, end))` when
    /// set, computed as `pattern_new_match` does (marks below `lastmark`,
    /// both set).
    pub groups: Vec<Option<(usize, usize)>>,
    /// `None` when CPython's `lastindex` is -1.
    pub lastindex: Option<usize>,
}

/// Why a match stopped without an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SreError {
    /// The interrupt callback asked to stop (`SRE_ERROR_INTERRUPTED`).
    Interrupted,
    /// A RuntimeError with this text: "internal error in regular expression
    /// engine" for malformed code, the recursion limit, a wrong group span.
    Runtime(String),
    /// Out of memory (`SRE_ERROR_MEMORY`), also raised when the backtracking
    /// stack passes the engine's limit.
    Memory,
}

impl SreError {
    /// The error CPython reports for illegal opcodes and states.
    pub(crate) fn internal() -> SreError {
        SreError::Runtime("internal error in regular expression engine".to_string())
    }
}

/// Clamps the request to the subject and builds the engine state.
fn new_state<'a, S: Subject + ?Sized>(
    req: &Request<'a>,
    subject: &'a S,
    interrupt: &'a mut dyn FnMut() -> bool,
) -> State<'a, S> {
    let len = subject.len();
    let pos = req.pos.min(len);
    let end = req.endpos.min(len);
    let mut state = State::new(subject, req.code, end, req.ngroups, interrupt);
    state.start = pos;
    state.ptr = pos;
    state.match_all = req.match_all;
    state.must_advance = req.must_advance;
    state
}

/// `pattern.match` (or `fullmatch` with `match_all`): `sre_match` at `pos`.
pub fn sre_match<S: Subject + ?Sized>(
    req: &Request,
    subject: &S,
    interrupt: &mut dyn FnMut() -> bool,
) -> Result<Option<Found>, SreError> {
    let mut state = new_state(req, subject, interrupt);
    let matched = state.run(0, true)?;
    state.found(matched)
}

/// `pattern.search`: `sre_search` from `pos`.
pub fn sre_search<S: Subject + ?Sized>(
    req: &Request,
    subject: &S,
    interrupt: &mut dyn FnMut() -> bool,
) -> Result<Option<Found>, SreError> {
    let mut state = new_state(req, subject, interrupt);
    let matched = search::search(&mut state)?;
    state.found(matched)
}
