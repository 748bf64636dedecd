//! The 3.11 location table (`co_linetable`): line, end line, column and end
//! column of every code unit, as `code.co_positions()` and `code.co_lines()`
//! report them.
//!
//! Format as documented in CPython's `Objects/locations.md` and read by
//! `codeobject.c` (`advance`, `advance_with_locations`): each entry starts with
//! a byte `1 cccc lll` (code, length-1 in code units); varints here are
//! little-endian 6-bit chunks, unlike the exception table's.

use serde::Serialize;

/// Source position of one code unit; `None` fields are "no location".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Location {
    pub line: Option<i32>,
    pub end_line: Option<i32>,
    pub column: Option<i32>,
    pub end_column: Option<i32>,
}

const CODE_NO_COLUMNS: u8 = 13;
const CODE_LONG: u8 = 14;
const CODE_NONE: u8 = 15;

struct Cursor<'a> {
    table: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn byte(&mut self) -> u8 {
        // A table cut short reads as zeros rather than panicking; CPython
        // trusts its own tables, we must not trust a file's.
        let b = self.table.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }

    fn varint(&mut self) -> i32 {
        let mut read = self.byte();
        let mut val = (read & 63) as u32;
        let mut shift = 0u32;
        while read & 64 != 0 && shift < 30 {
            read = self.byte();
            shift += 6;
            val |= ((read & 63) as u32) << shift;
        }
        val as i32
    }

    fn signed_varint(&mut self) -> i32 {
        let uval = self.varint() as u32;
        if uval & 1 != 0 {
            -((uval >> 1) as i32)
        } else {
            (uval >> 1) as i32
        }
    }

    fn at_entry_start(&self) -> bool {
        self.pos < self.table.len()
    }

    /// Skips to the next byte with the high bit set (the next entry).
    fn skip_to_next_entry(&mut self) {
        while self.pos < self.table.len() && self.table[self.pos] & 0x80 == 0 {
            self.pos += 1;
        }
    }
}

/// One entry of the table: how many code units it covers and their location.
fn entries(table: &[u8], firstlineno: i32) -> Vec<(u32, Location)> {
    let mut cur = Cursor { table, pos: 0 };
    let mut line = firstlineno;
    let mut out = Vec::new();
    while cur.at_entry_start() {
        let first = cur.byte();
        let code = (first >> 3) & 15;
        let units = (first & 7) as u32 + 1;
        let loc = match code {
            CODE_NONE => Location::default(),
            CODE_LONG => {
                line = line.wrapping_add(cur.signed_varint());
                let end_line = line.wrapping_add(cur.varint());
                let column = cur.varint().wrapping_sub(1);
                let end_column = cur.varint().wrapping_sub(1);
                Location {
                    line: Some(line),
                    end_line: Some(end_line),
                    column: (column >= 0).then_some(column),
                    end_column: (end_column >= 0).then_some(end_column),
                }
            }
            CODE_NO_COLUMNS => {
                line = line.wrapping_add(cur.signed_varint());
                Location {
                    line: Some(line),
                    end_line: Some(line),
                    column: None,
                    end_column: None,
                }
            }
            10..=12 => {
                line = line.wrapping_add((code - 10) as i32);
                let column = cur.byte() as i32;
                let end_column = cur.byte() as i32;
                Location {
                    line: Some(line),
                    end_line: Some(line),
                    column: Some(column),
                    end_column: Some(end_column),
                }
            }
            _ => {
                let second = cur.byte() as i32;
                let column = ((code as i32) << 3) | ((second >> 4) & 7);
                Location {
                    line: Some(line),
                    end_line: Some(line),
                    column: Some(column),
                    end_column: Some(column + (second & 15)),
                }
            }
        };
        cur.skip_to_next_entry();
        out.push((units, loc));
    }
    out
}

/// Location of every code unit (what `co_positions()` yields), padded with
/// "no location" to `n_units` when the table is short.
pub fn parse_location_table(table: &[u8], firstlineno: i32, n_units: usize) -> Vec<Location> {
    let mut out = Vec::with_capacity(n_units);
    for (units, loc) in entries(table, firstlineno) {
        for _ in 0..units {
            if out.len() == n_units {
                return out;
            }
            out.push(loc);
        }
    }
    out.resize(n_units, Location::default());
    out
}

/// `co_lines()`: `(start, end, line)` byte ranges, one per table entry.
pub fn co_lines(table: &[u8], firstlineno: i32) -> Vec<(u32, u32, Option<i32>)> {
    let mut start = 0u32;
    entries(table, firstlineno)
        .into_iter()
        .map(|(units, loc)| {
            let end = start + units * 2;
            let range = (start, end, loc.line);
            start = end;
            range
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_form_gives_columns_on_the_current_line() {
        // code 1, 2 units; second byte: column low bits 2, width 5.
        let table = [0x80 | (1 << 3) | 1, (2 << 4) | 5];
        let locs = parse_location_table(&table, 7, 2);
        let want = Location {
            line: Some(7),
            end_line: Some(7),
            column: Some(10),
            end_column: Some(15),
        };
        assert_eq!(locs, vec![want, want]);
    }

    #[test]
    fn long_form_and_no_location() {
        // long: line +3 (signed varint 6), end line +1, column 4 (+1), end 9 (+1).
        let table = [0x80 | (14 << 3), 6, 1, 5, 10, 0x80 | (15 << 3)];
        let locs = parse_location_table(&table, 1, 2);
        assert_eq!(
            locs[0],
            Location {
                line: Some(4),
                end_line: Some(5),
                column: Some(4),
                end_column: Some(9)
            }
        );
        assert_eq!(locs[1], Location::default());
        assert_eq!(co_lines(&table, 1), vec![(0, 2, Some(4)), (2, 4, None)]);
    }

    #[test]
    fn garbage_never_panics() {
        for table in [
            &[0xff_u8][..],
            &[0x80 | (14 << 3), 0x7f],
            &[0x01, 0x02],
            &[0xf0 | 0x7],
        ] {
            let _ = parse_location_table(table, 1, 4);
            let _ = co_lines(table, 1);
        }
    }
}
