//! The 3.11 exception table (`co_exceptiontable`): which handler covers which
//! instructions, and how deep the value stack is when the handler starts.
//!
//! Format as `dis._parse_exception_table` reads it: entries of five varints
//! (start, length, target in code units; depth << 1 | lasti), each varint in
//! big-endian 6-bit chunks with bit 6 meaning "more follows".

use serde::Serialize;

/// One handler range. Offsets are byte offsets; `end` is exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ExceptionTableEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    /// Value-stack depth to unwind to before pushing the exception.
    pub depth: u32,
    /// Whether the offset of the raising instruction is pushed first.
    pub lasti: bool,
}

impl ExceptionTableEntry {
    pub fn covers(&self, offset: u32) -> bool {
        self.start <= offset && offset < self.end
    }
}

/// Parses the whole table. Like `dis`, a trailing partial entry is ignored.
pub fn parse_exception_table(table: &[u8]) -> Vec<ExceptionTableEntry> {
    let mut bytes = table.iter().copied();
    let mut entries = Vec::new();
    let mut next = || varint(&mut bytes);
    while let (Some(start), Some(length), Some(target), Some(dl)) = (next(), next(), next(), next())
    {
        let start = start.saturating_mul(2);
        entries.push(ExceptionTableEntry {
            start,
            end: start.saturating_add(length.saturating_mul(2)),
            target: target.saturating_mul(2),
            depth: dl >> 1,
            lasti: dl & 1 != 0,
        });
    }
    entries
}

fn varint(bytes: &mut impl Iterator<Item = u8>) -> Option<u32> {
    let mut b = bytes.next()?;
    let mut val = (b & 63) as u32;
    while b & 64 != 0 {
        b = bytes.next()?;
        val = (val << 6) | (b & 63) as u32;
    }
    Some(val)
}

/// The handler CPython would jump to for an exception at `offset`
/// (ceval.c's `get_exception_handler`: the innermost covering entry, which
/// the compiler emits as the only one covering it).
pub fn handler_for(entries: &[ExceptionTableEntry], offset: u32) -> Option<&ExceptionTableEntry> {
    entries.iter().find(|e| e.covers(offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_entries_like_dis() {
        // start 2 (unit 1), length 4 units, target unit 10, depth 1 with lasti.
        let table = [0x80 | 1, 4, 10, (1 << 1) | 1];
        let entries = parse_exception_table(&table);
        assert_eq!(
            entries,
            vec![ExceptionTableEntry {
                start: 2,
                end: 10,
                target: 20,
                depth: 1,
                lasti: true
            }]
        );
        assert!(entries[0].covers(8) && !entries[0].covers(10));
    }

    #[test]
    fn multi_byte_varints_are_big_endian() {
        // 0x41 0x02 = (1 << 6) | 2 = 66 code units.
        let table = [0x80 | 0x41, 0x02, 1, 0, 0];
        let entries = parse_exception_table(&table);
        assert_eq!(entries[0].start, 132);
        assert_eq!(entries[0].end, 134);
    }

    #[test]
    fn truncated_entry_is_dropped() {
        assert!(parse_exception_table(&[0x80, 1, 2]).is_empty());
    }
}
