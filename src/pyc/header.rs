//! The 16-byte `.pyc` header (PEP 552): magic number, flags, and either the
//! source's mtime and size or a source hash.

use std::path::Path;

use super::error::LoadError;

/// CPython 3.11's bytecode magic number (`importlib.util.MAGIC_NUMBER`).
pub const MAGIC_3_11: u16 = 3495;
pub const HEADER_LEN: usize = 16;

/// The four magic bytes CPython 3.11 writes.
pub fn magic_bytes() -> [u8; 4] {
    let [lo, hi] = MAGIC_3_11.to_le_bytes();
    [lo, hi, b'\r', b'\n']
}

/// A parsed header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header {
    pub flags: u32,
    /// Source mtime (seconds, low 32 bits) and size, for timestamp-based pycs.
    pub mtime: u32,
    pub source_size: u32,
}

/// Builds the header CPython writes for a timestamp-based pyc.
pub fn encode(mtime: u32, source_size: u32) -> [u8; HEADER_LEN] {
    let mut out = [0u8; HEADER_LEN];
    out[..4].copy_from_slice(&magic_bytes());
    out[8..12].copy_from_slice(&mtime.to_le_bytes());
    out[12..16].copy_from_slice(&source_size.to_le_bytes());
    out
}

/// Checks the header of a `.pyc` at `path`: a 3.11 magic number and known flags.
pub fn parse(path: &Path, data: &[u8]) -> Result<Header, LoadError> {
    let path_buf = || path.to_path_buf();
    if data.len() < 4 || data[2..4] != *b"\r\n" {
        if data.len() < 4 && !data.is_empty() && magic_bytes().starts_with(data) {
            return Err(LoadError::ShortHeader {
                path: path_buf(),
                len: data.len(),
            });
        }
        return Err(LoadError::NotPyc { path: path_buf() });
    }
    let magic = u16::from_le_bytes([data[0], data[1]]);
    if magic != MAGIC_3_11 {
        return Err(LoadError::WrongVersion {
            path: path_buf(),
            version: version_of_magic(magic),
            magic,
        });
    }
    if data.len() < HEADER_LEN {
        return Err(LoadError::ShortHeader {
            path: path_buf(),
            len: data.len(),
        });
    }
    let word = |i: usize| u32::from_le_bytes([data[i], data[i + 1], data[i + 2], data[i + 3]]);
    let flags = word(4);
    if flags & !0b11 != 0 || flags == 0b10 {
        return Err(LoadError::BadFlags {
            path: path_buf(),
            flags,
        });
    }
    Ok(Header {
        flags,
        mtime: word(8),
        source_size: word(12),
    })
}

/// The Python version a magic number belongs to (ranges from CPython's
/// `Lib/importlib/_bootstrap_external.py` history).
pub fn version_of_magic(magic: u16) -> String {
    let version = match magic {
        20121..=62211 => "2.x",
        3000..=3131 => "3.0",
        3141..=3151 => "3.1",
        3160..=3180 => "3.2",
        3190..=3230 => "3.3",
        3250..=3310 => "3.4",
        3320..=3351 => "3.5",
        3360..=3379 => "3.6",
        3390..=3399 => "3.7",
        3400..=3419 => "3.8",
        3420..=3429 => "3.9",
        3430..=3449 => "3.10",
        3450..=3494 => "3.11 pre-release",
        3500..=3549 => "3.12",
        3550..=3599 => "3.13",
        3600..=3649 => "3.14",
        3650..=3699 => "3.15",
        _ => return "an unknown Python version".to_string(),
    };
    format!("Python {version}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_of_known_magics() {
        assert_eq!(version_of_magic(3439), "Python 3.10");
        assert_eq!(version_of_magic(3531), "Python 3.12");
        assert_eq!(version_of_magic(3571), "Python 3.13");
        assert_eq!(version_of_magic(1), "an unknown Python version");
        assert_eq!(version_of_magic(62211), "Python 2.x");
    }

    #[test]
    fn encode_then_parse() {
        let h = encode(1234, 56);
        let parsed = parse(Path::new("x.pyc"), &h).unwrap();
        assert_eq!(
            parsed,
            Header {
                flags: 0,
                mtime: 1234,
                source_size: 56
            }
        );
    }
}
