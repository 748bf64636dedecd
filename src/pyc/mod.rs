//! Loading: bytes → code objects. Reads `.pyc` files (no Python needed) and
//! compiles `.py` files through a real CPython 3.11, caching like CPython.
//!
//! Produces immutable [`CodeObject`]s (already decoded, see `bytecode::decode`);
//! knows nothing of execution.

pub mod code;
pub mod compile;
pub mod error;
pub mod header;
pub mod marshal;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use code::{CodeObject, Constant, PyString};
pub use error::{LoadError, MarshalError};

/// How to load a program.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// Interpreter used to compile `.py` files (`--python`).
    pub python: Option<PathBuf>,
    /// `co_filename` for code compiled from source. `python3.11 -m dis FILE`
    /// uses the path as given (the default); `python3.11 FILE` uses it made
    /// absolute. Like importlib's `_fix_co_filename`, this also applies to a
    /// cached `.pyc`.
    pub filename: Option<String>,
    /// Never read or write `__pycache__`.
    pub no_cache: bool,
}

/// Loads `path`: a `.pyc` directly, anything else as Python source.
pub fn load_program(path: &Path, options: &LoadOptions) -> Result<Arc<CodeObject>, LoadError> {
    if path.extension().is_some_and(|e| e == "pyc") {
        load_pyc(path)
    } else {
        load_source(path, options)
    }
}

/// Reads a `.pyc` file of CPython 3.11.
pub fn load_pyc(path: &Path) -> Result<Arc<CodeObject>, LoadError> {
    let data = read(path)?;
    parse_pyc(path, &data, None)
}

/// Parses the bytes of a `.pyc` file; `filename` overrides `co_filename`.
pub fn parse_pyc(
    path: &Path,
    data: &[u8],
    filename: Option<&str>,
) -> Result<Arc<CodeObject>, LoadError> {
    header::parse(path, data)?;
    let body = &data[header::HEADER_LEN..];
    marshal::read_code_with_trailer(body, header::HEADER_LEN, filename).map_err(|error| {
        LoadError::Marshal {
            path: path.to_path_buf(),
            error,
        }
    })
}

/// Compiles (or reuses the cached compilation of) a `.py` file.
pub fn load_source(path: &Path, options: &LoadOptions) -> Result<Arc<CodeObject>, LoadError> {
    let text = read(path)?;
    let filename = options
        .filename
        .clone()
        .unwrap_or_else(|| path.display().to_string());
    let stamp = compile::source_stamp(path);
    let cache = if options.no_cache {
        None
    } else {
        compile::cache_path(path)
    };
    if let (Some(cache), Some(stamp)) = (&cache, stamp) {
        if let Some(code) = read_valid_cache(cache, stamp, &filename) {
            return Ok(code);
        }
    }
    let body = compile::compile_source(path, &text, &filename, options.python.as_deref())?;
    if let (Some(cache), Some(stamp)) = (&cache, stamp) {
        compile::write_cache(cache, stamp, &body);
    }
    marshal::read_code_with_trailer(&body, header::HEADER_LEN, Some(&filename)).map_err(|error| {
        LoadError::Marshal {
            path: path.to_path_buf(),
            error,
        }
    })
}

/// The cached code, if the cache is a 3.11 timestamp pyc matching the source.
fn read_valid_cache(cache: &Path, stamp: (u32, u32), filename: &str) -> Option<Arc<CodeObject>> {
    let data = std::fs::read(cache).ok()?;
    let h = header::parse(cache, &data).ok()?;
    if h.flags != 0 || (h.mtime, h.source_size) != stamp {
        return None;
    }
    parse_pyc(cache, &data, Some(filename)).ok()
}

fn read(path: &Path) -> Result<Vec<u8>, LoadError> {
    std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })
}
