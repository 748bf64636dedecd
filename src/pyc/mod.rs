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
pub mod stdlib;

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
    /// CPython's Lib folder (`--stdlib`), instead of asking the compiling
    /// python3.11 where its standard library is.
    pub stdlib: Option<PathBuf>,
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
    let cache = CacheSlot::for_source(path, options);
    if let Some(code) = cache.as_ref().and_then(|c| c.load(&filename)) {
        return Ok(code);
    }
    let body = compile::compile_source(path, &text, &filename, options.python.as_deref())?;
    if let Some(cache) = &cache {
        cache.store(&body);
    }
    code_from_body(path, &body, &filename)
}

/// A source file's `__pycache__/NAME.cpython-311.pyc` and the stamp (mtime,
/// size) a cached compilation must carry to be valid, as importlib's
/// `SourceLoader.get_code` checks it. Shared by the main program and the
/// modules it imports (`builtins::modules::source`).
pub struct CacheSlot {
    cache: PathBuf,
    stamp: (u32, u32),
}

impl CacheSlot {
    /// `None` when caching is off (`--no-cache`) or the source has no stamp.
    pub fn for_source(path: &Path, options: &LoadOptions) -> Option<CacheSlot> {
        if options.no_cache {
            return None;
        }
        Some(CacheSlot {
            cache: compile::cache_path(path)?,
            stamp: compile::source_stamp(path)?,
        })
    }

    /// The cached code, if the cache is a 3.11 timestamp pyc matching the
    /// source; its `co_filename`s become `filename`.
    pub fn load(&self, filename: &str) -> Option<Arc<CodeObject>> {
        let data = std::fs::read(&self.cache).ok()?;
        let h = header::parse(&self.cache, &data).ok()?;
        if h.flags != 0 || (h.mtime, h.source_size) != self.stamp {
            return None;
        }
        parse_pyc(&self.cache, &data, Some(filename)).ok()
    }

    /// Caches `body` (what the compiler returned); failures are ignored.
    pub fn store(&self, body: &[u8]) {
        compile::write_cache(&self.cache, self.stamp, body);
    }
}

/// The code object of a compiler's output (marshal data plus the set-order
/// trailer) for the source `path`, named `filename`.
pub fn code_from_body(
    path: &Path,
    body: &[u8],
    filename: &str,
) -> Result<Arc<CodeObject>, LoadError> {
    marshal::read_code_with_trailer(body, header::HEADER_LEN, Some(filename)).map_err(|error| {
        LoadError::Marshal {
            path: path.to_path_buf(),
            error,
        }
    })
}

fn read(path: &Path) -> Result<Vec<u8>, LoadError> {
    std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })
}
