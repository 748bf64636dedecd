//! `SRE(match)` and `SRE(count)` of CPython 3.11's `Modules/_sre/sre_lib.h`.
//!
//! C's matcher keeps its "recursion" on a data stack of contexts: an opcode
//! that must try a sub-pattern and then continue (BRANCH, the REPEAT family,
//! ASSERT, ...) saves its position in its context, pushes a new context with
//! a jump kind (`DO_JUMP`) and restarts the dispatch loop; when that context
//! returns, the jump kind says where the parent resumes. This port does the
//! same with a `Vec<Ctx>` and the [`Jump`] enum: the Rust stack never grows
//! with the subject or the backtracking. The marks saved around attempts
//! (`MARK_PUSH`/`MARK_POP`) and the repeats' `last_ptr` go on a `Vec<usize>`
//! data stack; the REPEAT records (`SRE_REPEAT`) are allocated and freed in
//! stack order, so they live on a `Vec` too.
//!
//! Positions are indices into the subject; C's NULL mark or `last_ptr` is
//! [`NONE`]. Code is read with checked indexing so malformed code ends in an
//! internal error, never a panic.

use super::chars::{
    at_position, char_loc_ignore, in_category, in_charset, in_charset_loc_ignore, is_linebreak,
    lower_ascii, lower_locale, lower_unicode,
};
use super::{op, Found, SreError, Subject, MAXREPEAT};

/// C's NULL pointer for marks and `last_ptr`.
pub(super) const NONE: usize = usize::MAX;

/// Contexts beyond this many mean a runaway match: report MemoryError
/// instead of exhausting the machine (CPython fails when realloc does).
const MAX_CONTEXTS: usize = 1 << 26;
/// Nesting of `SRE(count)` running a single-character sub-pattern through
/// the matcher (bounded by the pattern's nesting in valid code).
const MAX_COUNT_DEPTH: u32 = 2000;

/// Where a context resumes when the context it pushed returns (`JUMP_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Jump {
    None,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Repeat,
    RepeatOne1,
    RepeatOne2,
    MinRepeatOne,
    Branch,
    Assert,
    AssertNot,
    PossRepeat1,
    PossRepeat2,
    AtomicGroup,
}

/// One matcher context (`SRE(match_context)`).
#[derive(Clone, Copy, Debug)]
struct Ctx {
    count: isize,
    /// `u.chr` (REPEAT_ONE's tail literal) or `u.rep` (index of a repeat).
    u: usize,
    lastmark: isize,
    lastindex: isize,
    pc: usize,
    ptr: usize,
    toplevel: bool,
    jump: Jump,
}

impl Ctx {
    fn new(jump: Jump, toplevel: bool) -> Ctx {
        Ctx {
            count: 0,
            u: 0,
            lastmark: -1,
            lastindex: -1,
            pc: 0,
            ptr: 0,
            toplevel,
            jump,
        }
    }
}

/// A REPEAT record (`SRE_REPEAT`).
#[derive(Clone, Copy, Debug)]
struct Repeat {
    count: isize,
    /// Index of the REPEAT's `<skip>` word (C's `rep->pattern`).
    pattern: usize,
    prev: usize,
    last_ptr: usize,
}

/// What the dispatch loop does next.
enum Flow {
    /// `entrance`: start a context (INFO check) at `pc` with `state.ptr`.
    Entrance,
    /// `dispatch`: run opcodes at `pc` with `ptr`.
    Dispatch,
    /// `DO_JUMPX`: push a context of this kind running the code at the
    /// given index, with this `toplevel`.
    Jump(Jump, usize, bool),
    /// `RETURN_SUCCESS` / `RETURN_FAILURE` from the current context.
    Return(bool),
}

/// The matcher state (`SRE_STATE`), for one call.
pub(super) struct State<'a, S: Subject + ?Sized> {
    pub s: &'a S,
    pub code: &'a [u32],
    /// `state->end` (the endpos); the subject begins at 0.
    pub end: usize,
    pub start: usize,
    pub ptr: usize,
    pub match_all: bool,
    pub must_advance: bool,
    pub ngroups: usize,
    pub marks: Vec<usize>,
    pub lastmark: isize,
    pub lastindex: isize,
    repeat: usize,
    repeats: Vec<Repeat>,
    data: Vec<usize>,
    ctxs: Vec<Ctx>,
    sigcount: u32,
    count_depth: u32,
    interrupt: &'a mut dyn FnMut() -> bool,
}

impl<'a, S: Subject + ?Sized> State<'a, S> {
    pub fn new(
        s: &'a S,
        code: &'a [u32],
        end: usize,
        ngroups: usize,
        interrupt: &'a mut dyn FnMut() -> bool,
    ) -> Self {
        State {
            s,
            code,
            end,
            start: 0,
            ptr: 0,
            match_all: false,
            must_advance: false,
            ngroups,
            marks: vec![NONE; ngroups.saturating_mul(2).saturating_add(2).min(1 << 24)],
            lastmark: -1,
            lastindex: -1,
            repeat: NONE,
            repeats: Vec::new(),
            data: Vec::new(),
            ctxs: Vec::new(),
            sigcount: 0,
            count_depth: 0,
            interrupt,
        }
    }

    /// `RESET_CAPTURE_GROUP()`.
    pub fn reset_capture_groups(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
    }

    /// The match object's contents (`pattern_new_match`), or `None` when
    /// the match failed.
    pub fn found(&self, matched: bool) -> Result<Option<Found>, SreError> {
        if !matched {
            return Ok(None);
        }
        let mut groups = Vec::with_capacity(self.ngroups);
        for g in 0..self.ngroups {
            let j = 2 * g;
            let (a, b) = (
                self.marks.get(j).copied().unwrap_or(NONE),
                self.marks.get(j + 1).copied().unwrap_or(NONE),
            );
            if ((j + 1) as isize) <= self.lastmark && a != NONE && b != NONE {
                if a > b {
                    return Err(SreError::Runtime(
                        "The span of capturing group is wrong, please report a bug for the re module."
                            .to_string(),
                    ));
                }
                groups.push(Some((a, b)));
            } else {
                groups.push(None);
            }
        }
        Ok(Some(Found {
            start: self.start,
            end: self.ptr,
            groups,
            lastindex: if self.lastindex >= 0 {
                Some(self.lastindex as usize)
            } else {
                None
            },
        }))
    }

    /// The code word at `i`.
    #[inline(always)]
    pub fn word(&self, i: usize) -> Result<u32, SreError> {
        match self.code.get(i) {
            Some(&w) => Ok(w),
            None => Err(SreError::internal()),
        }
    }

    #[inline(always)]
    fn ci(&self) -> usize {
        self.ctxs.len() - 1
    }

    fn rep(&mut self, i: usize) -> Result<&mut Repeat, SreError> {
        self.repeats.get_mut(i).ok_or_else(SreError::internal)
    }

    /// `LASTMARK_SAVE()` into the current context.
    #[inline]
    fn lastmark_save(&mut self) {
        let (lm, li) = (self.lastmark, self.lastindex);
        let ci = self.ci();
        self.ctxs[ci].lastmark = lm;
        self.ctxs[ci].lastindex = li;
    }

    /// `LASTMARK_RESTORE()` from the current context.
    #[inline]
    fn lastmark_restore(&mut self) {
        let c = self.ctxs[self.ci()];
        self.lastmark = c.lastmark;
        self.lastindex = c.lastindex;
    }

    /// `MARK_PUSH(ctx->lastmark)`.
    fn mark_push(&mut self) -> Result<(), SreError> {
        let lastmark = self.ctxs[self.ci()].lastmark;
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let marks = self.marks.get(..n).ok_or_else(SreError::internal)?;
            self.data.extend_from_slice(marks);
        }
        Ok(())
    }

    /// `MARK_POP` (restore, discard), `MARK_POP_KEEP` (restore) and
    /// `MARK_POP_DISCARD` (discard) of `ctx->lastmark` marks.
    fn mark_pop(&mut self, restore: bool, discard: bool) -> Result<(), SreError> {
        let lastmark = self.ctxs[self.ci()].lastmark;
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let from = self
                .data
                .len()
                .checked_sub(n)
                .ok_or_else(SreError::internal)?;
            if restore {
                let marks = self.marks.get_mut(..n).ok_or_else(SreError::internal)?;
                marks.copy_from_slice(&self.data[from..]);
            }
            if discard {
                self.data.truncate(from);
            }
        }
        Ok(())
    }

    fn data_pop(&mut self) -> Result<usize, SreError> {
        self.data.pop().ok_or_else(SreError::internal)
    }

    /// `MAYBE_CHECK_SIGNALS`: asks the interrupt callback every 4096 steps.
    #[inline(always)]
    fn check_signals(&mut self) -> Result<(), SreError> {
        self.sigcount = self.sigcount.wrapping_add(1);
        if self.sigcount & 0xfff == 0 && (self.interrupt)() {
            return Err(SreError::Interrupted);
        }
        Ok(())
    }

    /// `SRE(match)`: runs the code at `pc0` from `self.ptr`; on success
    /// `self.ptr` is where the match ends.
    pub fn run(&mut self, pc0: usize, toplevel: bool) -> Result<bool, SreError> {
        let base = self.ctxs.len();
        self.ctxs.push(Ctx::new(Jump::None, toplevel));
        let mut pc = pc0;
        let mut ptr = self.ptr;
        let mut flow = Flow::Entrance;
        let result = loop {
            flow = match flow {
                Flow::Entrance => {
                    ptr = self.ptr;
                    if self.word(pc)? == op::INFO {
                        // <INFO> <1=skip> <2=flags> <3=min> ...
                        let min = self.word(pc + 3)? as usize;
                        if min != 0 && self.end.wrapping_sub(ptr) < min {
                            Flow::Return(false)
                        } else {
                            pc += self.word(pc + 1)? as usize + 1;
                            Flow::Dispatch
                        }
                    } else {
                        Flow::Dispatch
                    }
                }
                Flow::Dispatch => self.dispatch(&mut pc, &mut ptr)?,
                Flow::Jump(kind, next, top) => {
                    if self.ctxs.len() >= MAX_CONTEXTS {
                        break Err(SreError::Memory);
                    }
                    let ci = self.ci();
                    self.ctxs[ci].pc = pc;
                    self.ctxs[ci].ptr = ptr;
                    self.ctxs.push(Ctx::new(kind, top));
                    pc = next;
                    Flow::Entrance
                }
                Flow::Return(ret) => {
                    let done = self.ctxs.pop().map_or(Jump::None, |c| c.jump);
                    if self.ctxs.len() <= base {
                        break Ok(ret);
                    }
                    let c = self.ctxs[self.ci()];
                    pc = c.pc;
                    ptr = c.ptr;
                    self.resume(done, ret, &mut pc, &mut ptr)?
                }
            };
        };
        self.ctxs.truncate(base);
        result
    }

    /// Runs opcodes until one needs a sub-match or the context returns.
    fn dispatch(&mut self, pcr: &mut usize, ptrr: &mut usize) -> Result<Flow, SreError> {
        let mut pc = *pcr;
        let mut ptr = *ptrr;
        let end = self.end;
        let s = self.s;
        macro_rules! fail {
            () => {{
                *pcr = pc;
                *ptrr = ptr;
                return Ok(Flow::Return(false));
            }};
        }
        macro_rules! jump {
            ($kind:expr, $next:expr, $top:expr) => {{
                let next = $next;
                *pcr = pc;
                *ptrr = ptr;
                return Ok(Flow::Jump($kind, next, $top));
            }};
        }
        loop {
            self.check_signals()?;
            let opcode = self.word(pc)?;
            pc += 1;
            match opcode {
                op::MARK => {
                    // <MARK> <gid>
                    let i = self.word(pc)? as usize;
                    if i >= self.marks.len() {
                        return Err(SreError::internal());
                    }
                    if i & 1 == 1 {
                        self.lastindex = (i / 2 + 1) as isize;
                    }
                    if i as isize > self.lastmark {
                        let from = (self.lastmark + 1) as usize;
                        for m in &mut self.marks[from..i] {
                            *m = NONE;
                        }
                        self.lastmark = i as isize;
                    }
                    self.marks[i] = ptr;
                    pc += 1;
                }
                op::LITERAL => {
                    if ptr >= end || s.at(ptr) != self.word(pc)? {
                        fail!();
                    }
                    pc += 1;
                    ptr += 1;
                }
                op::NOT_LITERAL => {
                    if ptr >= end || s.at(ptr) == self.word(pc)? {
                        fail!();
                    }
                    pc += 1;
                    ptr += 1;
                }
                op::SUCCESS => {
                    let c = self.ctxs[self.ci()];
                    if c.toplevel
                        && ((self.match_all && ptr != end)
                            || (self.must_advance && ptr == self.start))
                    {
                        fail!();
                    }
                    self.ptr = ptr;
                    *pcr = pc;
                    *ptrr = ptr;
                    return Ok(Flow::Return(true));
                }
                op::AT => {
                    if !at_position(s, ptr, end, self.word(pc)?) {
                        fail!();
                    }
                    pc += 1;
                }
                op::CATEGORY => {
                    if ptr >= end || !in_category(self.word(pc)?, s.at(ptr)) {
                        fail!();
                    }
                    pc += 1;
                    ptr += 1;
                }
                op::ANY => {
                    if ptr >= end || is_linebreak(s.at(ptr)) {
                        fail!();
                    }
                    ptr += 1;
                }
                op::ANY_ALL => {
                    if ptr >= end {
                        fail!();
                    }
                    ptr += 1;
                }
                op::IN => {
                    if ptr >= end || !in_charset(self.code, pc + 1, s.at(ptr))? {
                        fail!();
                    }
                    pc += self.word(pc)? as usize;
                    ptr += 1;
                }
                op::LITERAL_IGNORE => {
                    if ptr >= end || lower_ascii(s.at(ptr)) != self.word(pc)? {
                        fail!();
                    }
                    pc += 1;
                    ptr += 1;
                }
                op::LITERAL_UNI_IGNORE => {
                    if ptr >= end || lower_unicode(s.at(ptr)) != self.word(pc)? {
                        fail!();
                    }
                    pc += 1;
                    ptr += 1;
                }
                op::LITERAL_LOC_IGNORE => {
                    if ptr >= end || !char_loc_ignore(self.word(pc)?, s.at(ptr)) {
                        fail!();
                    }
                    pc += 1;
                    ptr += 1;
                }
                op::NOT_LITERAL_IGNORE => {
                    if ptr >= end || lower_ascii(s.at(ptr)) == self.word(pc)? {
                        fail!();
                    }
                    pc += 1;
                    ptr += 1;
                }
                op::NOT_LITERAL_UNI_IGNORE => {
                    if ptr >= end || lower_unicode(s.at(ptr)) == self.word(pc)? {
                        fail!();
                    }
                    pc += 1;
                    ptr += 1;
                }
                op::NOT_LITERAL_LOC_IGNORE => {
                    if ptr >= end || char_loc_ignore(self.word(pc)?, s.at(ptr)) {
                        fail!();
                    }
                    pc += 1;
                    ptr += 1;
                }
                op::IN_IGNORE => {
                    if ptr >= end || !in_charset(self.code, pc + 1, lower_ascii(s.at(ptr)))? {
                        fail!();
                    }
                    pc += self.word(pc)? as usize;
                    ptr += 1;
                }
                op::IN_UNI_IGNORE => {
                    if ptr >= end || !in_charset(self.code, pc + 1, lower_unicode(s.at(ptr)))? {
                        fail!();
                    }
                    pc += self.word(pc)? as usize;
                    ptr += 1;
                }
                op::IN_LOC_IGNORE => {
                    if ptr >= end || !in_charset_loc_ignore(self.code, pc + 1, s.at(ptr))? {
                        fail!();
                    }
                    pc += self.word(pc)? as usize;
                    ptr += 1;
                }
                op::JUMP | op::INFO => {
                    // <JUMP> <offset>
                    pc += self.word(pc)? as usize;
                }
                op::BRANCH => {
                    // <BRANCH> <0=skip> code <JUMP> ... <NULL>
                    self.lastmark_save();
                    if self.repeat != NONE {
                        self.mark_push()?;
                    }
                    *pcr = pc;
                    *ptrr = ptr;
                    return self.branch_next(pcr, *ptrr);
                }
                op::REPEAT_ONE => {
                    // <REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail
                    let min = self.word(pc + 1)? as usize;
                    if ptr > end || min > end - ptr {
                        fail!();
                    }
                    self.ptr = ptr;
                    let count = self.count(pc + 3, self.word(pc + 2)?)?;
                    let ci = self.ci();
                    self.ctxs[ci].count = count as isize;
                    ptr += count;
                    if count < min {
                        fail!();
                    }
                    let tail = pc + self.word(pc)? as usize;
                    let c = self.ctxs[ci];
                    if self.word(tail)? == op::SUCCESS
                        && ptr == end
                        && !(c.toplevel && self.must_advance && ptr == self.start)
                    {
                        // tail is empty: we're finished
                        self.ptr = ptr;
                        *pcr = pc;
                        *ptrr = ptr;
                        return Ok(Flow::Return(true));
                    }
                    self.lastmark_save();
                    if self.repeat != NONE {
                        self.mark_push()?;
                    }
                    *pcr = pc;
                    *ptrr = ptr;
                    if self.word(tail)? == op::LITERAL {
                        // tail starts with a literal: skip positions where
                        // the rest of the pattern cannot match
                        self.ctxs[ci].u = self.word(tail + 1)? as usize;
                        return self.repeat_one_literal(pc, ptrr);
                    }
                    return self.repeat_one_general(pc, ptr);
                }
                op::MIN_REPEAT_ONE => {
                    // <MIN_REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail
                    let min = self.word(pc + 1)? as usize;
                    if ptr > end || min > end - ptr {
                        fail!();
                    }
                    self.ptr = ptr;
                    let ci = self.ci();
                    if min == 0 {
                        self.ctxs[ci].count = 0;
                    } else {
                        let n = self.count(pc + 3, min as u32)?;
                        if n < min {
                            fail!();
                        }
                        self.ctxs[ci].count = n as isize;
                        ptr += n;
                    }
                    let tail = pc + self.word(pc)? as usize;
                    let c = self.ctxs[ci];
                    if self.word(tail)? == op::SUCCESS
                        && !(c.toplevel
                            && ((self.match_all && ptr != end)
                                || (self.must_advance && ptr == self.start)))
                    {
                        self.ptr = ptr;
                        *pcr = pc;
                        *ptrr = ptr;
                        return Ok(Flow::Return(true));
                    }
                    self.lastmark_save();
                    if self.repeat != NONE {
                        self.mark_push()?;
                    }
                    *pcr = pc;
                    *ptrr = ptr;
                    return self.min_repeat_one_next(pc, ptr);
                }
                op::POSSESSIVE_REPEAT_ONE => {
                    // <POSSESSIVE_REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail
                    let min = self.word(pc + 1)? as usize;
                    if ptr > end || min > end - ptr {
                        fail!();
                    }
                    self.ptr = ptr;
                    let count = self.count(pc + 3, self.word(pc + 2)?)?;
                    let ci = self.ci();
                    self.ctxs[ci].count = count as isize;
                    ptr += count;
                    if count < min {
                        fail!();
                    }
                    pc += self.word(pc)? as usize;
                    let c = self.ctxs[ci];
                    if self.word(pc)? == op::SUCCESS
                        && ptr == end
                        && !(c.toplevel && self.must_advance && ptr == self.start)
                    {
                        self.ptr = ptr;
                        *pcr = pc;
                        *ptrr = ptr;
                        return Ok(Flow::Return(true));
                    }
                }
                op::REPEAT => {
                    // <REPEAT> <skip> <1=min> <2=max> <3=repeat_index> item <UNTIL> tail
                    let idx = self.repeats.len();
                    self.repeats.push(Repeat {
                        count: -1,
                        pattern: pc,
                        prev: self.repeat,
                        last_ptr: NONE,
                    });
                    self.repeat = idx;
                    let ci = self.ci();
                    self.ctxs[ci].u = idx;
                    self.ptr = ptr;
                    let top = self.ctxs[ci].toplevel;
                    jump!(Jump::Repeat, pc + self.word(pc)? as usize, top);
                }
                op::MAX_UNTIL => {
                    // <REPEAT> <skip> <1=min> <2=max> item <MAX_UNTIL> tail
                    let ri = self.repeat;
                    let rep = *self.repeats.get(ri).ok_or_else(SreError::internal)?;
                    let ci = self.ci();
                    self.ctxs[ci].u = ri;
                    self.ptr = ptr;
                    let count = rep.count + 1;
                    self.ctxs[ci].count = count;
                    let top = self.ctxs[ci].toplevel;
                    let min = self.word(rep.pattern + 1)? as isize;
                    let max = self.word(rep.pattern + 2)?;
                    if count < min {
                        // not enough matches
                        self.repeats[ri].count = count;
                        jump!(Jump::MaxUntil1, rep.pattern + 3, top);
                    }
                    if (count < max as isize || max == MAXREPEAT) && self.ptr != rep.last_ptr {
                        // we may have enough matches, but if we can match
                        // another item, do so
                        self.repeats[ri].count = count;
                        self.lastmark_save();
                        self.mark_push()?;
                        // zero-width match protection
                        self.data.push(rep.last_ptr);
                        self.repeats[ri].last_ptr = self.ptr;
                        jump!(Jump::MaxUntil2, rep.pattern + 3, top);
                    }
                    // cannot match more repeated items here; make sure the
                    // tail matches
                    self.repeat = rep.prev;
                    jump!(Jump::MaxUntil3, pc, top);
                }
                op::MIN_UNTIL => {
                    let ri = self.repeat;
                    let rep = *self.repeats.get(ri).ok_or_else(SreError::internal)?;
                    let ci = self.ci();
                    self.ctxs[ci].u = ri;
                    self.ptr = ptr;
                    let count = rep.count + 1;
                    self.ctxs[ci].count = count;
                    let top = self.ctxs[ci].toplevel;
                    let min = self.word(rep.pattern + 1)? as isize;
                    if count < min {
                        self.repeats[ri].count = count;
                        jump!(Jump::MinUntil1, rep.pattern + 3, top);
                    }
                    // see if the tail matches
                    self.repeat = rep.prev;
                    self.lastmark_save();
                    if self.repeat != NONE {
                        self.mark_push()?;
                    }
                    jump!(Jump::MinUntil2, pc, top);
                }
                op::POSSESSIVE_REPEAT => {
                    // <POSSESSIVE_REPEAT> <skip> <1=min> <2=max> pattern <SUCCESS> tail
                    self.ptr = ptr;
                    let ci = self.ci();
                    self.ctxs[ci].count = 0;
                    *pcr = pc;
                    *ptrr = ptr;
                    return self.poss_repeat_min(pcr, ptrr);
                }
                op::ATOMIC_GROUP => {
                    // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail
                    self.ptr = ptr;
                    jump!(Jump::AtomicGroup, pc + 1, false);
                }
                op::GROUPREF
                | op::GROUPREF_IGNORE
                | op::GROUPREF_UNI_IGNORE
                | op::GROUPREF_LOC_IGNORE => {
                    let groupref = (self.word(pc)? as usize).saturating_mul(2);
                    if groupref as isize >= self.lastmark {
                        fail!();
                    }
                    let p0 = self.marks.get(groupref).copied().unwrap_or(NONE);
                    let e = self.marks.get(groupref + 1).copied().unwrap_or(NONE);
                    if p0 == NONE || e == NONE || e < p0 {
                        fail!();
                    }
                    let fold: fn(u32) -> u32 = match opcode {
                        op::GROUPREF => |c| c,
                        op::GROUPREF_IGNORE => lower_ascii,
                        op::GROUPREF_UNI_IGNORE => lower_unicode,
                        _ => lower_locale,
                    };
                    let mut p = p0;
                    while p < e {
                        if ptr >= end || p >= s.len() || fold(s.at(ptr)) != fold(s.at(p)) {
                            fail!();
                        }
                        p += 1;
                        ptr += 1;
                    }
                    pc += 1;
                }
                op::GROUPREF_EXISTS => {
                    // <GROUPREF_EXISTS> <group> <skip> codeyes <JUMP> codeno ...
                    let groupref = (self.word(pc)? as usize).saturating_mul(2);
                    let exists = groupref < self.marks.len().saturating_sub(1)
                        && (groupref as isize) < self.lastmark
                        && {
                            let p = self.marks[groupref];
                            let e = self.marks[groupref + 1];
                            p != NONE && e != NONE && e >= p
                        };
                    if exists {
                        pc += 2;
                    } else {
                        pc += self.word(pc + 1)? as usize;
                    }
                }
                op::ASSERT => {
                    // <ASSERT> <skip> <back> <pattern>
                    let back = self.word(pc + 1)? as usize;
                    if ptr < back {
                        fail!();
                    }
                    self.ptr = ptr - back;
                    jump!(Jump::Assert, pc + 2, false);
                }
                op::ASSERT_NOT => {
                    // <ASSERT_NOT> <skip> <back> <pattern>
                    let back = self.word(pc + 1)? as usize;
                    if ptr >= back {
                        self.ptr = ptr - back;
                        self.lastmark_save();
                        if self.repeat != NONE {
                            self.mark_push()?;
                        }
                        jump!(Jump::AssertNot, pc + 2, false);
                    }
                    pc += self.word(pc)? as usize;
                }
                op::FAILURE => fail!(),
                _ => return Err(SreError::internal()),
            }
        }
    }

    /// The BRANCH loop from the alternative whose skip word is at `*pcr`:
    /// tries the next alternative that passes the quick literal/set check.
    fn branch_next(&mut self, pcr: &mut usize, ptr: usize) -> Result<Flow, SreError> {
        let end = self.end;
        let mut pc = *pcr;
        loop {
            let skip = self.word(pc)? as usize;
            if skip == 0 {
                break;
            }
            let first = self.word(pc + 1)?;
            if first == op::LITERAL && (ptr >= end || self.s.at(ptr) != self.word(pc + 2)?) {
                pc += skip;
                continue;
            }
            if first == op::IN && (ptr >= end || !in_charset(self.code, pc + 3, self.s.at(ptr))?) {
                pc += skip;
                continue;
            }
            self.ptr = ptr;
            *pcr = pc;
            let top = self.ctxs[self.ci()].toplevel;
            return Ok(Flow::Jump(Jump::Branch, pc + 1, top));
        }
        if self.repeat != NONE {
            self.mark_pop(false, true)?;
        }
        *pcr = pc;
        Ok(Flow::Return(false))
    }

    /// REPEAT_ONE's loop when the tail starts with a literal (`u.chr`).
    fn repeat_one_literal(&mut self, pc: usize, ptrr: &mut usize) -> Result<Flow, SreError> {
        let ci = self.ci();
        let mut ptr = *ptrr;
        let min = self.word(pc + 1)? as isize;
        let chr = self.ctxs[ci].u as u32;
        let mut count = self.ctxs[ci].count;
        while count >= min && (ptr >= self.end || self.s.at(ptr) != chr) {
            ptr = ptr.wrapping_sub(1);
            count -= 1;
        }
        self.ctxs[ci].count = count;
        *ptrr = ptr;
        if count < min {
            if self.repeat != NONE {
                self.mark_pop(false, true)?;
            }
            return Ok(Flow::Return(false));
        }
        self.ptr = ptr;
        let top = self.ctxs[ci].toplevel;
        Ok(Flow::Jump(
            Jump::RepeatOne1,
            pc + self.word(pc)? as usize,
            top,
        ))
    }

    /// REPEAT_ONE's general backtracking loop.
    fn repeat_one_general(&mut self, pc: usize, ptr: usize) -> Result<Flow, SreError> {
        let ci = self.ci();
        let min = self.word(pc + 1)? as isize;
        if self.ctxs[ci].count >= min {
            self.ptr = ptr;
            let top = self.ctxs[ci].toplevel;
            return Ok(Flow::Jump(
                Jump::RepeatOne2,
                pc + self.word(pc)? as usize,
                top,
            ));
        }
        if self.repeat != NONE {
            self.mark_pop(false, true)?;
        }
        Ok(Flow::Return(false))
    }

    /// MIN_REPEAT_ONE's loop: try the tail, else one more item.
    fn min_repeat_one_next(&mut self, pc: usize, ptr: usize) -> Result<Flow, SreError> {
        let ci = self.ci();
        let max = self.word(pc + 2)?;
        if max == MAXREPEAT || self.ctxs[ci].count <= max as isize {
            self.ptr = ptr;
            let top = self.ctxs[ci].toplevel;
            return Ok(Flow::Jump(
                Jump::MinRepeatOne,
                pc + self.word(pc)? as usize,
                top,
            ));
        }
        if self.repeat != NONE {
            self.mark_pop(false, true)?;
        }
        Ok(Flow::Return(false))
    }

    /// POSSESSIVE_REPEAT's first loop: the minimum number of matches.
    fn poss_repeat_min(&mut self, pcr: &mut usize, ptrr: &mut usize) -> Result<Flow, SreError> {
        let ci = self.ci();
        let min = self.word(*pcr + 1)? as isize;
        if self.ctxs[ci].count < min {
            return Ok(Flow::Jump(Jump::PossRepeat1, *pcr + 3, false));
        }
        // C sets ptr to NULL so that the second loop is entered.
        *ptrr = NONE;
        self.poss_repeat_more(pcr, ptrr)
    }

    /// POSSESSIVE_REPEAT's second loop: more matches while they advance.
    fn poss_repeat_more(&mut self, pcr: &mut usize, ptrr: &mut usize) -> Result<Flow, SreError> {
        let ci = self.ci();
        let max = self.word(*pcr + 2)?;
        if (self.ctxs[ci].count < max as isize || max == MAXREPEAT) && self.ptr != *ptrr {
            self.lastmark_save();
            self.mark_push()?;
            *ptrr = self.ptr;
            return Ok(Flow::Jump(Jump::PossRepeat2, *pcr + 3, false));
        }
        self.poss_repeat_tail(pcr, ptrr)
    }

    /// POSSESSIVE_REPEAT: go on with the tail after the SUCCESS.
    fn poss_repeat_tail(&mut self, pcr: &mut usize, ptrr: &mut usize) -> Result<Flow, SreError> {
        *pcr += self.word(*pcr)? as usize + 1;
        *ptrr = self.ptr;
        Ok(Flow::Dispatch)
    }

    /// The code after a `DO_JUMP` of kind `jump`, in the context on top of
    /// the stack, with the sub-match's answer `ret`.
    fn resume(
        &mut self,
        jump: Jump,
        ret: bool,
        pcr: &mut usize,
        ptrr: &mut usize,
    ) -> Result<Flow, SreError> {
        let ci = self.ci();
        let ptr = *ptrr;
        let pc = *pcr;
        match jump {
            Jump::None => Err(SreError::internal()),
            Jump::Branch => {
                if ret {
                    if self.repeat != NONE {
                        self.mark_pop(false, true)?;
                    }
                    return Ok(Flow::Return(true));
                }
                if self.repeat != NONE {
                    self.mark_pop(true, false)?;
                }
                self.lastmark_restore();
                *pcr = pc + self.word(pc)? as usize;
                self.branch_next(pcr, ptr)
            }
            Jump::RepeatOne1 | Jump::RepeatOne2 => {
                if ret {
                    if self.repeat != NONE {
                        self.mark_pop(false, true)?;
                    }
                    return Ok(Flow::Return(true));
                }
                if self.repeat != NONE {
                    self.mark_pop(true, false)?;
                }
                self.lastmark_restore();
                self.ctxs[ci].count -= 1;
                *ptrr = ptr.wrapping_sub(1);
                if jump == Jump::RepeatOne1 {
                    self.repeat_one_literal(pc, ptrr)
                } else {
                    self.repeat_one_general(pc, *ptrr)
                }
            }
            Jump::MinRepeatOne => {
                if ret {
                    if self.repeat != NONE {
                        self.mark_pop(false, true)?;
                    }
                    return Ok(Flow::Return(true));
                }
                if self.repeat != NONE {
                    self.mark_pop(true, false)?;
                }
                self.lastmark_restore();
                self.ptr = ptr;
                let n = self.count(pc + 3, 1)?;
                if n == 0 {
                    if self.repeat != NONE {
                        self.mark_pop(false, true)?;
                    }
                    return Ok(Flow::Return(false));
                }
                self.ctxs[ci].count += 1;
                *ptrr = ptr + 1;
                self.min_repeat_one_next(pc, ptr + 1)
            }
            Jump::Repeat => {
                let ri = self.ctxs[ci].u;
                let prev = self.rep(ri)?.prev;
                self.repeat = prev;
                self.repeats.truncate(ri);
                Ok(Flow::Return(ret))
            }
            Jump::MaxUntil1 | Jump::MinUntil1 => {
                if ret {
                    return Ok(Flow::Return(true));
                }
                let count = self.ctxs[ci].count;
                self.rep(self.ctxs[ci].u)?.count = count - 1;
                self.ptr = ptr;
                Ok(Flow::Return(false))
            }
            Jump::MaxUntil2 => {
                let ri = self.ctxs[ci].u;
                let last = self.data_pop()?;
                self.rep(ri)?.last_ptr = last;
                if ret {
                    self.mark_pop(false, true)?;
                    return Ok(Flow::Return(true));
                }
                self.mark_pop(true, true)?;
                self.lastmark_restore();
                let count = self.ctxs[ci].count;
                let rep = self.rep(ri)?;
                rep.count = count - 1;
                let prev = rep.prev;
                self.ptr = ptr;
                // cannot match more repeated items here; make sure the
                // tail matches
                self.repeat = prev;
                let top = self.ctxs[ci].toplevel;
                Ok(Flow::Jump(Jump::MaxUntil3, pc, top))
            }
            Jump::MaxUntil3 => {
                self.repeat = self.ctxs[ci].u;
                if ret {
                    return Ok(Flow::Return(true));
                }
                self.ptr = ptr;
                Ok(Flow::Return(false))
            }
            Jump::MinUntil2 => {
                let ri = self.ctxs[ci].u;
                let repeat_of_tail = self.repeat;
                self.repeat = ri;
                if ret {
                    if repeat_of_tail != NONE {
                        self.mark_pop(false, true)?;
                    }
                    return Ok(Flow::Return(true));
                }
                if repeat_of_tail != NONE {
                    self.mark_pop(true, true)?;
                }
                self.lastmark_restore();
                self.ptr = ptr;
                let rep = *self.rep(ri)?;
                let max = self.word(rep.pattern + 2)?;
                let count = self.ctxs[ci].count;
                if (count >= max as isize && max != MAXREPEAT) || self.ptr == rep.last_ptr {
                    return Ok(Flow::Return(false));
                }
                self.repeats[ri].count = count;
                // zero-width match protection
                self.data.push(rep.last_ptr);
                self.repeats[ri].last_ptr = self.ptr;
                let top = self.ctxs[ci].toplevel;
                Ok(Flow::Jump(Jump::MinUntil3, rep.pattern + 3, top))
            }
            Jump::MinUntil3 => {
                let ri = self.ctxs[ci].u;
                let last = self.data_pop()?;
                self.rep(ri)?.last_ptr = last;
                if ret {
                    return Ok(Flow::Return(true));
                }
                let count = self.ctxs[ci].count;
                self.rep(ri)?.count = count - 1;
                self.ptr = ptr;
                Ok(Flow::Return(false))
            }
            Jump::PossRepeat1 => {
                if ret {
                    self.ctxs[ci].count += 1;
                    self.poss_repeat_min(pcr, ptrr)
                } else {
                    self.ptr = ptr;
                    Ok(Flow::Return(false))
                }
            }
            Jump::PossRepeat2 => {
                if ret {
                    self.mark_pop(false, true)?;
                    self.ctxs[ci].count += 1;
                    self.poss_repeat_more(pcr, ptrr)
                } else {
                    self.mark_pop(true, true)?;
                    self.lastmark_restore();
                    self.ptr = ptr;
                    self.poss_repeat_tail(pcr, ptrr)
                }
            }
            Jump::AtomicGroup => {
                if !ret {
                    self.ptr = ptr;
                    return Ok(Flow::Return(false));
                }
                *pcr = pc + self.word(pc)? as usize;
                *ptrr = self.ptr;
                Ok(Flow::Dispatch)
            }
            Jump::Assert => {
                if !ret {
                    return Ok(Flow::Return(false));
                }
                *pcr = pc + self.word(pc)? as usize;
                Ok(Flow::Dispatch)
            }
            Jump::AssertNot => {
                if ret {
                    if self.repeat != NONE {
                        self.mark_pop(false, true)?;
                    }
                    return Ok(Flow::Return(false));
                }
                if self.repeat != NONE {
                    self.mark_pop(true, true)?;
                }
                self.lastmark_restore();
                *pcr = pc + self.word(pc)? as usize;
                Ok(Flow::Dispatch)
            }
        }
    }

    /// `SRE(count)`: how many times (up to `maxcount`) the single-character
    /// item at `pc` matches from `self.ptr`.
    pub fn count(&mut self, pc: usize, maxcount: u32) -> Result<usize, SreError> {
        let start = self.ptr;
        let s = self.s;
        let mut end = self.end;
        if start >= end {
            // nothing to count: C's loops do not run either
            return Ok(0);
        }
        if maxcount != MAXREPEAT && (maxcount as usize) < end - start {
            end = start + maxcount as usize;
        }
        let mut ptr = start;
        match self.word(pc)? {
            op::IN => {
                while ptr < end && in_charset(self.code, pc + 2, s.at(ptr))? {
                    ptr += 1;
                }
            }
            op::ANY => {
                while ptr < end && !is_linebreak(s.at(ptr)) {
                    ptr += 1;
                }
            }
            op::ANY_ALL => ptr = end,
            op::LITERAL => {
                let chr = self.word(pc + 1)?;
                while ptr < end && s.at(ptr) == chr {
                    ptr += 1;
                }
            }
            op::LITERAL_IGNORE => {
                let chr = self.word(pc + 1)?;
                while ptr < end && lower_ascii(s.at(ptr)) == chr {
                    ptr += 1;
                }
            }
            op::LITERAL_UNI_IGNORE => {
                let chr = self.word(pc + 1)?;
                while ptr < end && lower_unicode(s.at(ptr)) == chr {
                    ptr += 1;
                }
            }
            op::LITERAL_LOC_IGNORE => {
                let chr = self.word(pc + 1)?;
                while ptr < end && char_loc_ignore(chr, s.at(ptr)) {
                    ptr += 1;
                }
            }
            op::NOT_LITERAL => {
                let chr = self.word(pc + 1)?;
                while ptr < end && s.at(ptr) != chr {
                    ptr += 1;
                }
            }
            op::NOT_LITERAL_IGNORE => {
                let chr = self.word(pc + 1)?;
                while ptr < end && lower_ascii(s.at(ptr)) != chr {
                    ptr += 1;
                }
            }
            op::NOT_LITERAL_UNI_IGNORE => {
                let chr = self.word(pc + 1)?;
                while ptr < end && lower_unicode(s.at(ptr)) != chr {
                    ptr += 1;
                }
            }
            op::NOT_LITERAL_LOC_IGNORE => {
                let chr = self.word(pc + 1)?;
                while ptr < end && !char_loc_ignore(chr, s.at(ptr)) {
                    ptr += 1;
                }
            }
            _ => {
                // repeated single character pattern: run the matcher on it
                if self.count_depth >= MAX_COUNT_DEPTH {
                    return Err(SreError::Runtime(
                        "maximum recursion limit exceeded".to_string(),
                    ));
                }
                self.count_depth += 1;
                let mut result = Ok(());
                while self.ptr < end {
                    match self.run(pc, false) {
                        Ok(true) => {}
                        Ok(false) => break,
                        Err(e) => {
                            result = Err(e);
                            break;
                        }
                    }
                }
                self.count_depth -= 1;
                result?;
                return Ok(self.ptr.saturating_sub(start));
            }
        }
        Ok(ptr - start)
    }
}
