//! Host errors of the loading stage: files that are missing, not a `.pyc`, of
//! another Python version, truncated or corrupt, or that need a Python we cannot
//! find. These are never Python exceptions (DESIGN §3, "two error channels").

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("{path} is not a .pyc file: it does not start with a CPython magic number")]
    NotPyc { path: PathBuf },

    #[error("{path} is a .pyc for {version} (magic number {magic}); py2vm runs Python 3.11 bytecode (magic number 3495)")]
    WrongVersion {
        path: PathBuf,
        version: String,
        magic: u16,
    },

    #[error("{path} is truncated: its header ends at byte {len}, but a .pyc header is 16 bytes")]
    ShortHeader { path: PathBuf, len: usize },

    #[error("{path} has unknown header flags {flags:#x} (at byte 4; expected 0, 1 or 3)")]
    BadFlags { path: PathBuf, flags: u32 },

    #[error("{path}: {error}")]
    Marshal { path: PathBuf, error: MarshalError },

    #[error("no Python 3.11 found to compile {path}: install python3.11 (on PATH) or pass --python /path/to/python3.11")]
    NoPython { path: PathBuf },

    #[error("{python} is Python {found}, but py2vm needs Python 3.11 to compile {path}; pass --python /path/to/python3.11")]
    WrongPython {
        python: String,
        found: String,
        path: PathBuf,
    },

    /// CPython rejected the source; `message` is its own report (file, line, caret).
    #[error("{message}")]
    Syntax { message: String },

    #[error("compiling {path} with {python} failed: {detail}")]
    CompileFailed {
        path: PathBuf,
        python: String,
        detail: String,
    },
}

impl LoadError {
    /// Exit status for this error: 1 as CPython uses for a syntax error, 2 for
    /// everything that stops us before a program could run.
    pub fn exit_code(&self) -> i32 {
        match self {
            LoadError::Syntax { .. } => 1,
            _ => 2,
        }
    }
}

/// Where and why a marshal stream could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MarshalError {
    #[error("truncated marshal data at byte {offset}: expected {expected}, but the data ends")]
    Truncated {
        offset: usize,
        expected: &'static str,
    },

    #[error("corrupt marshal data at byte {offset}: unknown type code {code:#04x}")]
    UnknownType { offset: usize, code: u8 },

    #[error("corrupt marshal data at byte {offset}: {what}")]
    Invalid { offset: usize, what: String },
}
