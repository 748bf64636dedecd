//! `SRE(search)` of CPython 3.11's `Modules/_sre/sre_lib.h`: find the first
//! position from `state.start` where the pattern matches, using the INFO
//! block's literal prefix (with its overlap table, a KMP-style skip) or its
//! first-character set to skip positions that cannot match.

use super::chars::in_charset;
use super::matcher::State;
use super::{at, info, op, SreError, Subject};

/// Searches from `st.start`; on success `st.start` is where the match
/// begins and `st.ptr` where it ends.
pub(super) fn search<S: Subject + ?Sized>(st: &mut State<'_, S>) -> Result<bool, SreError> {
    let s = st.s;
    let code = st.code;
    let mut ptr = st.start;
    let mut end = st.end;
    if ptr > end {
        return Ok(false);
    }
    let mut pc = 0;
    let mut flags = 0;
    let mut prefix_len = 0usize;
    let mut prefix_skip = 0usize;
    let mut prefix = 0usize;
    let mut charset = None;
    if st.word(0)? == op::INFO {
        // <INFO> <1=skip> <2=flags> <3=min> <4=max> <5=prefix info>
        flags = st.word(2)?;
        let min = st.word(3)? as usize;
        if min != 0 && end - ptr < min {
            return Ok(false);
        }
        if min > 1 {
            // adjust end point (but leave at least one character in there,
            // so the literal search works)
            end -= min - 1;
            if end <= ptr {
                end = ptr;
            }
        }
        if flags & info::PREFIX != 0 {
            // <length> <skip> <prefix data> <overlap data>
            prefix_len = st.word(5)? as usize;
            prefix_skip = st.word(6)? as usize;
            prefix = 7;
            if prefix_skip > prefix_len {
                return Err(SreError::internal());
            }
        } else if flags & info::CHARSET != 0 {
            charset = Some(5);
        }
        pc = 1 + st.word(1)? as usize;
    }

    if prefix_len == 1 {
        // pattern starts with a literal character
        let c = st.word(prefix)?;
        let end = st.end;
        st.must_advance = false;
        while ptr < end {
            while s.at(ptr) != c {
                ptr += 1;
                if ptr >= end {
                    return Ok(false);
                }
            }
            st.start = ptr;
            st.ptr = ptr + prefix_skip;
            if flags & info::LITERAL != 0 {
                return Ok(true); // we got all of it
            }
            if st.run(pc + 2 * prefix_skip, false)? {
                return Ok(true);
            }
            ptr += 1;
            st.reset_capture_groups();
        }
        return Ok(false);
    }

    if prefix_len > 1 {
        // pattern starts with a known prefix: use the overlap table to
        // skip forward as fast as possible
        let pre = code
            .get(prefix..prefix + prefix_len)
            .ok_or_else(SreError::internal)?;
        // overlap[i] for i in 1..=prefix_len
        let overlap = code
            .get(prefix + prefix_len - 1..prefix + 2 * prefix_len)
            .ok_or_else(SreError::internal)?;
        let end = st.end;
        if prefix_len > end - ptr {
            return Ok(false);
        }
        while ptr < end {
            let c = pre[0];
            loop {
                let ch = s.at(ptr);
                ptr += 1;
                if ch == c {
                    break;
                }
                if ptr >= end {
                    return Ok(false);
                }
            }
            if ptr >= end {
                return Ok(false);
            }
            let mut i = 1usize;
            st.must_advance = false;
            loop {
                if s.at(ptr) == pre[i] {
                    i += 1;
                    if i != prefix_len {
                        ptr += 1;
                        if ptr >= end {
                            return Ok(false);
                        }
                        continue;
                    }
                    // found a potential match
                    st.start = ptr + 1 - prefix_len;
                    st.ptr = ptr + 1 + prefix_skip - prefix_len;
                    if flags & info::LITERAL != 0 {
                        return Ok(true); // we got all of it
                    }
                    if st.run(pc + 2 * prefix_skip, false)? {
                        return Ok(true);
                    }
                    // close but no cigar -- try again
                    ptr += 1;
                    if ptr >= end {
                        return Ok(false);
                    }
                    st.reset_capture_groups();
                }
                i = overlap[i] as usize;
                if i == 0 {
                    break;
                }
                if i >= prefix_len {
                    return Err(SreError::internal());
                }
            }
        }
        return Ok(false);
    }

    if let Some(set) = charset {
        // pattern starts with a character from a known set
        let end = st.end;
        st.must_advance = false;
        loop {
            while ptr < end && !in_charset(code, set, s.at(ptr))? {
                ptr += 1;
            }
            if ptr >= end {
                return Ok(false);
            }
            st.start = ptr;
            st.ptr = ptr;
            if st.run(pc, false)? {
                return Ok(true);
            }
            ptr += 1;
            st.reset_capture_groups();
        }
    }

    // general case
    st.start = ptr;
    st.ptr = ptr;
    let mut status = st.run(pc, true)?;
    st.must_advance = false;
    if !status
        && st.word(pc)? == op::AT
        && matches!(st.word(pc + 1)?, at::BEGINNING | at::BEGINNING_STRING)
    {
        st.start = end;
        st.ptr = end;
        return Ok(false);
    }
    while !status && ptr < end {
        ptr += 1;
        st.reset_capture_groups();
        st.start = ptr;
        st.ptr = ptr;
        status = st.run(pc, false)?;
    }
    Ok(status)
}
