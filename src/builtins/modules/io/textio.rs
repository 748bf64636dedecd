//! `_TextIOBase`, `IncrementalNewlineDecoder` and `TextIOWrapper`
//! (Modules/_io/textio.c).
//!
//! A TextIOWrapper decodes what its buffer's `read1` gives with a native
//! incremental decoder (utf-8, ascii and latin-1 chunk by chunk; the other
//! codecs of `object::codecs` at the end of the stream) followed, for
//! universal newlines, by the newline decoder; it encodes writes with
//! `object::codecs` into a pending buffer flushed to `buffer.write`.
//! `tell()` gives CPython's opaque cookies (start position, decoder flags,
//! bytes to feed, chars to skip, need-EOF packed into one int) computed
//! the same way, by replaying the last chunk's bytes through the decoder.

use std::cell::RefCell;

use num_bigint::BigInt;

use super::super::{clinic_bind, getset, native_instance, GetSet};
use super::*;
use crate::object::exception::{stop_iteration, value_error};
use crate::object::function::{m, MethodDef};

// ---------------------------------------------------------------- line endings

const SEEN_LF: u8 = 1;
const SEEN_CR: u8 = 2;
const SEEN_CRLF: u8 = 4;

/// `_PyIO_find_line_ending`: `Ok(end)`, the length of the first line of
/// `s` with its ending, or `Err(consumed)` when `s` holds no complete
/// line. `translated`: only `\n` ends lines; `universal`: `\r`, `\n` and
/// `\r\n` do; otherwise `readnl` does.
pub(super) fn find_line_ending(
    translated: bool,
    universal: bool,
    readnl: Option<&[char]>,
    s: &[char],
) -> Result<usize, usize> {
    if translated {
        return s
            .iter()
            .position(|&c| c == '\n')
            .map(|i| i + 1)
            .ok_or(s.len());
    }
    if universal {
        for (i, &c) in s.iter().enumerate() {
            if c == '\n' {
                return Ok(i + 1);
            }
            if c == '\r' {
                return Ok(if s.get(i + 1) == Some(&'\n') {
                    i + 2
                } else {
                    i + 1
                });
            }
        }
        return Err(s.len());
    }
    let nl = readnl.unwrap_or(&['\n']);
    if nl.is_empty() || s.len() < nl.len() {
        return Err(0);
    }
    for i in 0..=s.len() - nl.len() {
        if s[i..i + nl.len()] == *nl {
            return Ok(i + nl.len());
        }
    }
    Err(s.len() + 1 - nl.len())
}

/// The `newlines` attribute for the kinds of newline seen.
pub(super) fn newlines_value(seen: u8) -> Value {
    let s = |x: &str| Value::str(x);
    match seen {
        SEEN_LF => s("\n"),
        SEEN_CR => s("\r"),
        SEEN_CRLF => s("\r\n"),
        3 => Value::tuple(vec![s("\r"), s("\n")]),
        6 => Value::tuple(vec![s("\r"), s("\r\n")]),
        5 => Value::tuple(vec![s("\n"), s("\r\n")]),
        7 => Value::tuple(vec![s("\r"), s("\n"), s("\r\n")]),
        _ => Value::None,
    }
}

/// The newline half of `IncrementalNewlineDecoder`
/// (`_PyIncrementalNewlineDecoder_decode` after the wrapped decoder ran).
#[derive(Clone, Default)]
pub(super) struct NlDecoder {
    pub translate: bool,
    pub pendingcr: bool,
    pub seennl: u8,
}

impl NlDecoder {
    pub fn new(translate: bool) -> NlDecoder {
        NlDecoder {
            translate,
            ..NlDecoder::default()
        }
    }

    pub fn decode(&mut self, mut output: String, final_: bool) -> String {
        if self.pendingcr && (final_ || !output.is_empty()) {
            output.insert(0, '\r');
            self.pendingcr = false;
        }
        // A `\r` at the end may be the first half of a `\r\n`.
        if !final_ && output.ends_with('\r') {
            output.pop();
            self.pendingcr = true;
        }
        let bytes = output.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' {
                if i > 0 && bytes[i - 1] == b'\r' {
                    self.seennl |= SEEN_CRLF;
                } else {
                    self.seennl |= SEEN_LF;
                }
            } else if b == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
                self.seennl |= SEEN_CR;
            }
        }
        if self.translate && output.contains('\r') {
            output = output.replace("\r\n", "\n").replace('\r', "\n");
        }
        output
    }

    pub fn reset(&mut self) {
        self.seennl = 0;
        self.pendingcr = false;
    }
}

// ---------------------------------------------------------------- byte decoder

/// An incremental decoder for one of `object::codecs`' encodings.
#[derive(Clone)]
struct ByteDecoder {
    encoding: String,
    errors: String,
    /// Bytes of an incomplete character (or, for codecs decoded whole,
    /// everything read so far).
    pending: Vec<u8>,
    chunked: bool,
}

/// The canonical name of a codec `object::codecs` knows, or the
/// LookupError for it.
fn codec_name(encoding: &str) -> PyResult<String> {
    crate::object::codecs::decode(b"", encoding, "strict")
        .map_err(crate::builtins::methods::bytes::codec_error)?;
    let norm: String = encoding
        .trim()
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c == '_' || c == ' ' { '-' } else { c })
        .collect();
    Ok(norm)
}

impl ByteDecoder {
    fn new(encoding: &str, errors: &str) -> PyResult<ByteDecoder> {
        let norm = codec_name(encoding)?;
        let chunked = matches!(norm.as_str(), "utf-8" | "utf8" | "u8" | "utf" | "cp65001")
            || is_single_byte(&norm);
        Ok(ByteDecoder {
            encoding: encoding.to_string(),
            errors: errors.to_string(),
            pending: Vec::new(),
            chunked,
        })
    }

    fn decode(&mut self, input: &[u8], final_: bool) -> PyResult<String> {
        self.pending.extend_from_slice(input);
        let take = if final_ {
            self.pending.len()
        } else if !self.chunked {
            0
        } else if is_single_byte(&self.encoding.to_ascii_lowercase().replace('_', "-")) {
            self.pending.len()
        } else {
            utf8_complete_len(&self.pending)
        };
        let data: Vec<u8> = self.pending.drain(..take).collect();
        crate::object::codecs::decode(&data, &self.encoding, &self.errors)
            .map_err(crate::builtins::methods::bytes::codec_error)
    }
}

fn is_single_byte(norm: &str) -> bool {
    matches!(
        norm,
        "ascii"
            | "us-ascii"
            | "646"
            | "latin-1"
            | "latin1"
            | "iso-8859-1"
            | "iso8859-1"
            | "8859"
            | "l1"
            | "cp819"
    )
}

/// How much of `b` ends before an incomplete utf-8 sequence at its end.
fn utf8_complete_len(b: &[u8]) -> usize {
    let n = b.len();
    for back in 1..=3.min(n) {
        let lead = b[n - back];
        if lead & 0xc0 == 0x80 {
            continue;
        }
        let need = match lead {
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            _ => return n,
        };
        return if need > back { n - back } else { n };
    }
    n
}

/// What TextIOWrapper decodes with: the codec, then the newline decoder
/// when reading with universal newlines.
#[derive(Clone)]
struct TextDecoder {
    bytes: ByteDecoder,
    nl: Option<NlDecoder>,
}

impl TextDecoder {
    fn decode(&mut self, input: &[u8], final_: bool) -> PyResult<String> {
        let text = self.bytes.decode(input, final_)?;
        Ok(match &mut self.nl {
            Some(nl) => nl.decode(text, final_),
            None => text,
        })
    }

    /// `decoder.getstate()`: the undecoded bytes and the flags (the
    /// newline decoder's pending `\r` in bit 0).
    fn getstate(&self) -> (Vec<u8>, u64) {
        let flag = self.nl.as_ref().is_some_and(|n| n.pendingcr) as u64;
        (self.bytes.pending.clone(), flag)
    }

    fn setstate(&mut self, pending: Vec<u8>, flags: u64) {
        self.bytes.pending = pending;
        if let Some(nl) = &mut self.nl {
            nl.pendingcr = flags & 1 == 1;
        }
    }

    fn reset(&mut self) {
        self.bytes.pending.clear();
        if let Some(nl) = &mut self.nl {
            nl.reset();
        }
    }
}

// ---------------------------------------------------------------- _TextIOBase

pub(super) const TEXTIOBASE: &[MethodDef] = &[
    m("detach", |_, _| Err(unsupported("detach"))),
    m("read", |_, _| Err(unsupported("read"))),
    m("readline", |_, _| Err(unsupported("readline"))),
    m("write", |_, _| Err(unsupported("write"))),
];

pub(super) const TEXTIOBASE_GETSETS: &[GetSet] = &[
    getset("encoding", |_, _| Ok(Value::None)),
    getset("newlines", |_, _| Ok(Value::None)),
    getset("errors", |_, _| Ok(Value::None)),
];

// ---------------------------------------------------------------- IncrementalNewlineDecoder

struct NlDecoderObject {
    decoder: RefCell<Value>,
    nl: RefCell<NlDecoder>,
    ok: std::cell::Cell<bool>,
}

pub(super) const NLDECODER: &[MethodDef] = &[
    m("__new__", |_, a| {
        let cls = class_arg(&a)?;
        Ok(native_instance(
            &cls,
            NlDecoderObject {
                decoder: RefCell::new(Value::None),
                nl: RefCell::new(NlDecoder::default()),
                ok: std::cell::Cell::new(false),
            },
        ))
    }),
    m("__init__", nldecoder_init),
    m("decode", nldecoder_decode),
    m("getstate", nldecoder_getstate),
    m("setstate", nldecoder_setstate).o(),
    m("reset", |vm, a| {
        let d = nl_this(&a)?;
        d.nl.borrow_mut().reset();
        let inner = d.decoder.borrow().clone();
        if !matches!(inner, Value::None) {
            call_method(vm, &inner, "reset", vec![])?;
        }
        Ok(Value::None)
    }),
];

pub(super) const NLDECODER_GETSETS: &[GetSet] = &[getset("newlines", |_, a| {
    Ok(newlines_value(nl_this(&a)?.nl.borrow().seennl))
})];

fn nl_this<'a>(a: &Args<'a>) -> PyResult<&'a NlDecoderObject> {
    let d: &NlDecoderObject = this(a)?;
    if !d.ok.get() {
        return Err(value_error(
            "IncrementalNewlineDecoder.__init__() not called",
        ));
    }
    Ok(d)
}

fn nldecoder_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let d: &NlDecoderObject = this(&a)?;
    let v = clinic_bind(
        "IncrementalNewlineDecoder",
        &a.positional[1..],
        a.keywords,
        &["decoder", "translate", "errors"],
        2,
        3,
    )?;
    let translate = protocol::truthy(vm, v[1].as_ref().unwrap_or(&Value::None))?;
    *d.decoder.borrow_mut() = v[0].clone().unwrap_or(Value::None);
    *d.nl.borrow_mut() = NlDecoder::new(translate);
    d.ok.set(true);
    Ok(Value::None)
}

fn nldecoder_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let d = nl_this(&a)?;
    let v = clinic_bind(
        "decode",
        &a.positional[1..],
        a.keywords,
        &["input", "final"],
        1,
        2,
    )?;
    let input = v[0].clone().unwrap_or(Value::None);
    let final_ = match &v[1] {
        Some(f) => protocol::truthy(vm, f)?,
        None => false,
    };
    let inner = d.decoder.borrow().clone();
    let output = if matches!(inner, Value::None) {
        input
    } else {
        let f = protocol::getattr(vm, &inner, "decode")?;
        vm.call_kw(
            &f,
            vec![input],
            vec![(Rc::from("final"), Value::Bool(final_))],
        )?
    };
    let Some(text) = str_of(&output) else {
        return Err(type_error(format!(
            "decoder should return a string result, not '{}'",
            type_name(&output)
        )));
    };
    let out = d.nl.borrow_mut().decode(text.to_string(), final_);
    Ok(Value::str(&out))
}

fn nldecoder_getstate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let d = nl_this(&a)?;
    let inner = d.decoder.borrow().clone();
    let (buffer, mut flag) = if matches!(inner, Value::None) {
        (bytes_value(Vec::new()), 0i64)
    } else {
        let state = call_method(vm, &inner, "getstate", vec![])?;
        match &state {
            Value::Tuple(t) if t.len() == 2 => {
                let flag = index_arg(vm, &t[1])?;
                (t[0].clone(), flag)
            }
            _ => return Err(type_error("illegal decoder state")),
        }
    };
    flag <<= 1;
    if d.nl.borrow().pendingcr {
        flag |= 1;
    }
    Ok(Value::tuple(vec![buffer, Value::Int(flag)]))
}

fn nldecoder_setstate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let d = nl_this(&a)?;
    let (buffer, flag) = match &a.positional[1] {
        Value::Tuple(t) if t.len() == 2 => (t[0].clone(), index_arg(vm, &t[1])?),
        _ => return Err(type_error("state argument must be a tuple")),
    };
    d.nl.borrow_mut().pendingcr = flag & 1 == 1;
    let inner = d.decoder.borrow().clone();
    if !matches!(inner, Value::None) {
        call_method(
            vm,
            &inner,
            "setstate",
            vec![Value::tuple(vec![buffer, Value::Int(flag >> 1)])],
        )?;
    }
    Ok(Value::None)
}

// ---------------------------------------------------------------- TextIOWrapper

#[derive(Default)]
struct Inner {
    ok: bool,
    detached: bool,
    buffer: Option<Value>,
    encoding: String,
    errors: String,
    decoder: Option<TextDecoder>,
    has_encoder: bool,
    /// The BOM of utf-16/utf-32 is written once, at the start.
    encoder_started: bool,
    readuniversal: bool,
    readtranslate: bool,
    readnl: Option<Vec<char>>,
    writenl: Option<String>,
    line_buffering: bool,
    write_through: bool,
    decoded: Vec<char>,
    used: usize,
    pending: Vec<u8>,
    /// `(dec_flags, next_input)`: the decoder's flags before the last
    /// chunk, and the bytes it was fed since (its buffer then the chunk).
    snapshot: Option<(u64, Vec<u8>)>,
    seekable: bool,
    telling: bool,
    has_read1: bool,
    chunk_size: usize,
}

struct TextIOWrapper(RefCell<Inner>);

pub(super) const TEXTIOWRAPPER: &[MethodDef] = &[
    m("__new__", |_, a| {
        let cls = class_arg(&a)?;
        Ok(native_instance(
            &cls,
            TextIOWrapper(RefCell::new(Inner::default())),
        ))
    }),
    m("__init__", tw_init),
    m("detach", tw_detach),
    m("reconfigure", tw_reconfigure),
    m("write", tw_write).o(),
    m("read", tw_read),
    m("readline", tw_readline),
    m("flush", tw_flush),
    m("close", tw_close),
    m("fileno", |vm, a| forward(vm, &a, "fileno")),
    m("seekable", |vm, a| forward(vm, &a, "seekable")),
    m("readable", |vm, a| forward(vm, &a, "readable")),
    m("writable", |vm, a| forward(vm, &a, "writable")),
    m("isatty", |vm, a| forward(vm, &a, "isatty")),
    m("seek", tw_seek).at_least(1),
    m("tell", tw_tell),
    m("truncate", tw_truncate),
    m("__next__", tw_next),
    m("__repr__", tw_repr),
    m("__getstate__", |_, a| {
        Err(type_error(format!(
            "cannot pickle '{}' object",
            type_name(&receiver(&a))
        )))
    }),
];

pub(super) const TEXTIOWRAPPER_GETSETS: &[GetSet] = &[
    getset("name", |vm, a| {
        let b = attached(&a)?;
        protocol::getattr(vm, &b, "name")
    }),
    getset("closed", |vm, a| {
        let b = attached(&a)?;
        protocol::getattr(vm, &b, "closed")
    }),
    getset("buffer", |_, a| attached(&a)),
    getset("encoding", |_, a| {
        Ok(Value::str(&tw(&a)?.0.borrow().encoding))
    }),
    getset("errors", |_, a| Ok(Value::str(&tw(&a)?.0.borrow().errors))),
    getset("line_buffering", |_, a| {
        Ok(Value::Bool(tw(&a)?.0.borrow().line_buffering))
    }),
    getset("write_through", |_, a| {
        Ok(Value::Bool(tw(&a)?.0.borrow().write_through))
    }),
    getset("newlines", |_, a| {
        let t = tw(&a)?;
        let i = t.0.borrow();
        Ok(match i.decoder.as_ref().and_then(|d| d.nl.as_ref()) {
            Some(nl) => newlines_value(nl.seennl),
            None => Value::None,
        })
    }),
    getset("_CHUNK_SIZE", |_, a| {
        Ok(Value::Int(tw(&a)?.0.borrow().chunk_size as i64))
    })
    .setter(|vm, a| {
        let t = tw(&a)?;
        let n = match a.positional.get(1) {
            Some(v) => index_arg(vm, v)?,
            None => return Err(attribute_error_msg("cannot delete attribute")),
        };
        if n <= 0 {
            return Err(value_error("a strictly positive integer is required"));
        }
        t.0.borrow_mut().chunk_size = n as usize;
        Ok(Value::None)
    }),
];

#[cold]
fn attribute_error_msg(m: &str) -> PyErr {
    crate::object::exception::attribute_error(m)
}

/// The state, initialised (`CHECK_INITIALIZED`).
fn tw<'a>(a: &Args<'a>) -> PyResult<&'a TextIOWrapper> {
    let t: &TextIOWrapper = this(a)?;
    let i = t.0.borrow();
    if !i.ok {
        return Err(value_error("I/O operation on uninitialized object"));
    }
    Ok(t)
}

/// The buffer (`CHECK_ATTACHED`).
fn attached(a: &Args) -> PyResult<Value> {
    let t = tw(a)?;
    let i = t.0.borrow();
    match (&i.buffer, i.detached) {
        (Some(b), false) => Ok(b.clone()),
        _ => Err(value_error("underlying buffer has been detached")),
    }
}

/// `CHECK_CLOSED`: the buffer's `closed`.
fn check_closed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = attached(a)?;
    let c = protocol::getattr(vm, &b, "closed")?;
    if protocol::truthy(vm, &c)? {
        return Err(closed_error());
    }
    Ok(b)
}

fn forward(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let b = attached(a)?;
    call_method(vm, &b, name, vec![])
}

fn tw_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let t: &TextIOWrapper = this(&a)?;
    let v = clinic_bind(
        "TextIOWrapper",
        &a.positional[1..],
        a.keywords,
        &[
            "buffer",
            "encoding",
            "errors",
            "newline",
            "line_buffering",
            "write_through",
        ],
        1,
        6,
    )?;
    t.0.borrow_mut().ok = false;
    let buffer = v[0].clone().unwrap_or(Value::None);
    let opt_str = |i: usize, name: &str| -> PyResult<Option<Rc<str>>> {
        match &v[i] {
            None | Some(Value::None) => Ok(None),
            Some(x) => str_of(x).map(Some).ok_or_else(|| {
                type_error(format!(
                    "TextIOWrapper() argument '{name}' must be str or None, not {}",
                    type_name(x)
                ))
            }),
        }
    };
    let encoding = opt_str(1, "encoding")?;
    let errors = opt_str(2, "errors")?;
    let newline = opt_str(3, "newline")?;
    if let Some(n) = &newline {
        if !matches!(&**n, "" | "\n" | "\r" | "\r\n") {
            return Err(value_error(format!("illegal newline value: {n}")));
        }
    }
    let line_buffering = match &v[4] {
        Some(x) => protocol::truthy(vm, x)?,
        None => false,
    };
    let write_through = match &v[5] {
        Some(x) => protocol::truthy(vm, x)?,
        None => false,
    };
    let encoding = match encoding.as_deref() {
        None | Some("locale") => "UTF-8".to_string(),
        Some(e) => e.to_string(),
    };
    let errors = errors.map_or("strict".to_string(), |e| e.to_string());
    codec_name(&encoding)?;
    let mut i = Inner {
        chunk_size: 8192,
        encoding: encoding.clone(),
        errors: errors.clone(),
        line_buffering,
        write_through,
        ..Inner::default()
    };
    set_newline(&mut i, newline.as_deref());
    if call_bool(vm, &buffer, "readable")? {
        i.decoder = Some(make_decoder(&i)?);
    }
    i.has_encoder = call_bool(vm, &buffer, "writable")?;
    i.seekable = call_bool(vm, &buffer, "seekable")?;
    i.telling = i.seekable;
    i.has_read1 = lookup_attr(vm, &buffer, "read1")?.is_some();
    if i.seekable && i.has_encoder {
        let pos = call_method(vm, &buffer, "tell", vec![])?;
        i.encoder_started = !matches!(pos, Value::Int(0));
    }
    i.buffer = Some(buffer);
    i.ok = true;
    *t.0.borrow_mut() = i;
    Ok(Value::None)
}

/// The newline fields for `newline` (None: universal, translated).
fn set_newline(i: &mut Inner, newline: Option<&str>) {
    i.readuniversal = newline.is_none_or(|n| n.is_empty());
    i.readtranslate = newline.is_none();
    i.readnl = newline
        .filter(|n| !n.is_empty())
        .map(|n| n.chars().collect());
    i.writenl = match newline {
        Some(n @ ("\r" | "\r\n")) => Some(n.to_string()),
        _ => None,
    };
}

fn make_decoder(i: &Inner) -> PyResult<TextDecoder> {
    Ok(TextDecoder {
        bytes: ByteDecoder::new(&i.encoding, &i.errors)?,
        nl: i.readuniversal.then(|| NlDecoder::new(i.readtranslate)),
    })
}

fn tw_detach(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = attached(&a)?;
    tw_flush_impl(vm, &a)?;
    let t = tw(&a)?;
    let mut i = t.0.borrow_mut();
    i.buffer = None;
    i.detached = true;
    Ok(b)
}

/// `_textiowrapper_writeflush`: the pending encoded bytes to the buffer.
fn writeflush(vm: &mut Vm, a: &Args) -> PyResult<()> {
    let t = tw(a)?;
    let (buffer, pending) = {
        let mut i = t.0.borrow_mut();
        if i.pending.is_empty() {
            return Ok(());
        }
        (i.buffer.clone(), std::mem::take(&mut i.pending))
    };
    if let Some(b) = buffer {
        call_method(vm, &b, "write", vec![bytes_value(pending)])?;
    }
    Ok(())
}

fn tw_write(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_closed(vm, &a)?;
    let t = tw(&a)?;
    let Some(text) = str_of(&a.positional[1]) else {
        return Err(type_error(format!(
            "write() argument must be str, not {}",
            type_name(&a.positional[1])
        )));
    };
    let (bytes, needflush, flush_now) = {
        let mut i = t.0.borrow_mut();
        if !i.has_encoder {
            return Err(unsupported("not writable"));
        }
        let haslf = text.contains('\n');
        let mut s = text.to_string();
        if haslf {
            if let Some(nl) = &i.writenl {
                s = s.replace('\n', nl);
            }
        }
        let needflush = i.line_buffering && (haslf || s.contains('\r'));
        let mut bytes = crate::object::codecs::encode(&s, &i.encoding, &i.errors)
            .map_err(crate::builtins::methods::bytes::codec_error)?;
        if i.encoder_started && !bytes.is_empty() {
            strip_bom(&i.encoding, &mut bytes);
        }
        if !bytes.is_empty() {
            i.encoder_started = true;
        }
        i.pending.extend_from_slice(&bytes);
        let flush_now = i.pending.len() > i.chunk_size || needflush || i.write_through;
        (bytes, needflush, flush_now)
    };
    drop(bytes);
    if flush_now {
        writeflush(vm, &a)?;
    }
    if needflush {
        let b = attached(&a)?;
        call_method(vm, &b, "flush", vec![])?;
    }
    {
        let mut i = t.0.borrow_mut();
        i.decoded.clear();
        i.used = 0;
        i.snapshot = None;
        if let Some(d) = &mut i.decoder {
            d.reset();
        }
    }
    Ok(Value::Int(text.chars().count() as i64))
}

/// A utf-16/utf-32 encoder writes its BOM only at the start of a stream.
fn strip_bom(encoding: &str, bytes: &mut Vec<u8>) {
    let norm = encoding.to_ascii_lowercase().replace('_', "-");
    let n = match norm.as_str() {
        "utf-16" | "utf16" => 2,
        "utf-32" | "utf32" => 4,
        _ => 0,
    };
    if bytes.len() >= n {
        bytes.drain(..n);
    }
}

/// `textiowrapper_read_chunk`: one chunk from the buffer through the
/// decoder into the decoded characters; false at the end of the stream.
fn read_chunk(vm: &mut Vm, a: &Args, size_hint: usize) -> PyResult<bool> {
    let t = tw(a)?;
    let (buffer, has_read1, size, state) = {
        let i = t.0.borrow();
        let Some(d) = &i.decoder else {
            return Err(unsupported("not readable"));
        };
        let state = i.telling.then(|| d.getstate());
        (
            i.buffer.clone().unwrap_or(Value::None),
            i.has_read1,
            i.chunk_size.max(size_hint),
            state,
        )
    };
    let method = if has_read1 { "read1" } else { "read" };
    let chunk = call_method(vm, &buffer, method, vec![Value::Int(size as i64)])?;
    let Some(input) = bytes_of(&chunk) else {
        return Err(type_error(format!(
            "underlying {method}() should have returned a bytes-like object, not '{}'",
            type_name(&chunk)
        )));
    };
    let eof = input.is_empty();
    let mut i = t.0.borrow_mut();
    let decoded = match &mut i.decoder {
        Some(d) => d.decode(&input, eof)?,
        None => String::new(),
    };
    i.decoded = decoded.chars().collect();
    i.used = 0;
    if let Some((mut pending, flags)) = state {
        pending.extend_from_slice(&input);
        i.snapshot = Some((flags, pending));
    }
    Ok(!eof)
}

/// Up to `n` (all with None) of the decoded characters not yet used.
fn take_decoded(i: &mut Inner, n: Option<usize>) -> String {
    let avail = i.decoded.len() - i.used;
    let n = n.map_or(avail, |n| n.min(avail));
    let s: String = i.decoded[i.used..i.used + n].iter().collect();
    i.used += n;
    s
}

fn tw_read(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = optional_size(
        vm,
        a.positional.get(1).or(crate::builtins::kwarg(&a, "size")),
    )?;
    let buffer = check_closed(vm, &a)?;
    let t = tw(&a)?;
    if t.0.borrow().decoder.is_none() {
        return Err(unsupported("not readable"));
    }
    writeflush(vm, &a)?;
    if n < 0 {
        let data = call_method(vm, &buffer, "read", vec![])?;
        let Some(input) = bytes_of(&data).filter(|_| !matches!(data, Value::None)) else {
            return Err(type_error(format!(
                "underlying read() should have returned a bytes object, not '{}'",
                type_name(&data)
            )));
        };
        let mut i = t.0.borrow_mut();
        let mut result = take_decoded(&mut i, None);
        if let Some(d) = &mut i.decoder {
            result.push_str(&d.decode(&input, true)?);
        }
        i.decoded.clear();
        i.used = 0;
        i.snapshot = None;
        return Ok(Value::str(&result));
    }
    let n = n as usize;
    let mut result = take_decoded(&mut t.0.borrow_mut(), Some(n));
    let mut count = result.chars().count();
    while count < n {
        let more = read_chunk(vm, &a, n - count)?;
        let piece = take_decoded(&mut t.0.borrow_mut(), Some(n - count));
        count += piece.chars().count();
        result.push_str(&piece);
        if !more {
            break;
        }
    }
    Ok(Value::str(&result))
}

/// `_textiowrapper_readline`.
fn readline(vm: &mut Vm, a: &Args, limit: i64) -> PyResult<String> {
    check_closed(vm, a)?;
    writeflush(vm, a)?;
    let t = tw(a)?;
    let mut line: Vec<char> = Vec::new();
    loop {
        let exhausted = {
            let i = t.0.borrow();
            i.used >= i.decoded.len()
        };
        let mut eof = false;
        if exhausted {
            eof = !read_chunk(vm, a, 0)?;
        }
        let mut i = t.0.borrow_mut();
        let before = line.len();
        let used = i.used;
        line.extend_from_slice(&i.decoded[used..]);
        i.used = i.decoded.len();
        // Only the new part can end the line (a `\r\n` newline may
        // straddle the two), so a long line is not searched again.
        let from =
            before.saturating_sub(i.readnl.as_ref().map_or(0, |n| n.len().saturating_sub(1)));
        let found = find_line_ending(
            i.readtranslate,
            i.readuniversal,
            i.readnl.as_deref(),
            &line[from..],
        )
        .map(|end| end + from);
        let end = match found {
            Ok(end) => Some(if limit >= 0 {
                end.min(limit as usize)
            } else {
                end
            }),
            Err(_) if limit >= 0 && line.len() as i64 >= limit => Some(limit as usize),
            Err(_) => None,
        };
        if let Some(end) = end {
            // Give back what follows the line (all from this chunk).
            let excess = line.len() - end.max(before);
            i.used -= excess;
            line.truncate(end);
            return Ok(line.into_iter().collect());
        }
        if eof {
            i.decoded.clear();
            i.used = 0;
            i.snapshot = None;
            return Ok(line.into_iter().collect());
        }
    }
}

fn tw_readline(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let limit = optional_size(
        vm,
        a.positional.get(1).or(crate::builtins::kwarg(&a, "size")),
    )?;
    Ok(Value::str(&readline(vm, &a, limit)?))
}

fn tw_next(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = receiver(&a);
    let t = tw(&a)?;
    t.0.borrow_mut().telling = false;
    let line = if exact(&me, &types().textiowrapper) {
        Value::str(&readline(vm, &a, -1)?)
    } else {
        let line = call_method(vm, &me, "readline", vec![])?;
        if str_of(&line).is_none() {
            return Err(os_error_msg(format!(
                "readline() should have returned a str object, not '{}'",
                type_name(&line)
            )));
        }
        line
    };
    if str_of(&line).is_some_and(|l| l.is_empty()) {
        let mut i = t.0.borrow_mut();
        i.snapshot = None;
        i.telling = i.seekable;
        return Err(stop_iteration(None));
    }
    Ok(line)
}

fn tw_flush_impl(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = check_closed(vm, a)?;
    {
        let t = tw(a)?;
        let mut i = t.0.borrow_mut();
        i.telling = i.seekable;
    }
    writeflush(vm, a)?;
    call_method(vm, &b, "flush", vec![])
}

fn tw_flush(vm: &mut Vm, a: Args) -> PyResult<Value> {
    tw_flush_impl(vm, &a)
}

fn tw_close(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = attached(&a)?;
    let closed = protocol::getattr(vm, &b, "closed")?;
    if protocol::truthy(vm, &closed)? {
        return Ok(Value::None);
    }
    let flushed = call_method(vm, &receiver(&a), "flush", vec![]);
    let closed = call_method(vm, &b, "close", vec![]);
    match (flushed, closed) {
        (Err(e), Ok(_)) => Err(e),
        (Err(first), Err(e)) => {
            *e.0.context.borrow_mut() = Some(first.value());
            Err(e)
        }
        (Ok(_), r) => r.map(|_| Value::None),
    }
}

fn tw_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = receiver(&a);
    let mut out = String::from("<_io.TextIOWrapper");
    for name in ["name", "mode"] {
        match protocol::getattr(vm, &me, name) {
            Ok(v) => {
                let r = protocol::repr(vm, &v)?;
                out.push_str(&format!(" {name}={r}"));
            }
            Err(e)
                if e.is_instance(&builtin_types().attribute_error)
                    || e.is_instance(&builtin_types().value_error) => {}
            Err(e) => return Err(e),
        }
    }
    let enc = tw(&a)?.0.borrow().encoding.clone();
    out.push_str(&format!(" encoding={}>", str_repr(&enc)));
    Ok(Value::str(&out))
}

/// `_textiowrapper_decoder_setstate`: a reset at the start of the stream
/// (it forgets the newlines seen), else the flags with no buffered bytes.
fn decoder_setstate(d: &mut TextDecoder, start: i64, flags: u64) {
    if start == 0 && flags == 0 {
        d.reset();
    } else {
        d.setstate(Vec::new(), flags);
    }
}

/// `textiowrapper_build_cookie`: the C struct's fields packed into one
/// int as CPython lays them out (a 64-bit start position, then 32-bit
/// flags, bytes to feed and chars to skip, then the need-EOF byte).
fn build_cookie(
    start: i64,
    dec_flags: u64,
    bytes_to_feed: u64,
    chars_to_skip: u64,
    need_eof: bool,
) -> Value {
    if dec_flags == 0 && bytes_to_feed == 0 && chars_to_skip == 0 && !need_eof {
        return Value::Int(start);
    }
    let mut c = BigInt::from(start);
    c += BigInt::from(dec_flags as u32) << 64;
    c += BigInt::from(bytes_to_feed as u32) << 96;
    c += BigInt::from(chars_to_skip as u32) << 128;
    c += BigInt::from(need_eof as u8) << 160;
    crate::vm::ops::arith::from_big(c)
}

/// `textiowrapper_parse_cookie`: (start, dec_flags, bytes_to_feed,
/// chars_to_skip, need_eof).
fn parse_cookie(c: &BigInt) -> (i64, u64, u64, u64, bool) {
    let field = |shift: usize, bits: usize| -> u64 {
        let mask = (BigInt::from(1) << bits) - 1;
        let v: BigInt = (c >> shift) & &mask;
        u64::try_from(v).unwrap_or(0)
    };
    (
        field(0, 64) as i64,
        field(64, 32),
        field(96, 32),
        field(128, 32),
        field(160, 8) != 0,
    )
}

fn tw_tell(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let buffer = check_closed(vm, &a)?;
    let t = tw(&a)?;
    {
        let i = t.0.borrow();
        if !i.seekable {
            return Err(unsupported("underlying stream is not seekable"));
        }
        if !i.telling {
            return Err(os_error_msg("telling position disabled by next() call"));
        }
    }
    writeflush(vm, &a)?;
    call_method(vm, &receiver(&a), "flush", vec![])?;
    let pos = call_method(vm, &buffer, "tell", vec![])?;
    let position = index_arg(vm, &pos)?;
    let mut i = t.0.borrow_mut();
    let (Some(decoder), Some((dec_flags, next_input))) = (i.decoder.clone(), i.snapshot.clone())
    else {
        return Ok(pos);
    };
    let mut start = position - next_input.len() as i64;
    let mut chars_to_skip = i.used as u64;
    if chars_to_skip == 0 {
        return Ok(build_cookie(start, dec_flags, 0, 0, false));
    }
    // As CPython, the stream's own decoder replays the bytes (so what it
    // records of newlines seen is what the replay saw), and gets its
    // state back at the end.
    let mut start_flags = dec_flags;
    let saved = decoder.getstate();
    let Some(d) = i.decoder.as_mut() else {
        return Ok(pos);
    };
    decoder_setstate(d, start, start_flags);
    let mut bytes_fed = 0u64;
    let mut chars_decoded = 0u64;
    let mut need_eof = false;
    let mut done = false;
    let mut failed = None;
    for b in &next_input {
        bytes_fed += 1;
        match d.decode(&[*b], false) {
            Ok(t) => chars_decoded += t.chars().count() as u64,
            Err(e) => {
                failed = Some(e);
                break;
            }
        }
        let (buf, flags) = d.getstate();
        if buf.is_empty() && chars_decoded <= chars_to_skip {
            // A safe start point: the decoder holds nothing.
            start += bytes_fed as i64;
            chars_to_skip -= chars_decoded;
            start_flags = flags;
            bytes_fed = 0;
            chars_decoded = 0;
        }
        if chars_decoded >= chars_to_skip {
            done = true;
            break;
        }
    }
    if !done && failed.is_none() {
        match d.decode(&[], true) {
            Ok(t) => chars_decoded += t.chars().count() as u64,
            Err(e) => failed = Some(e),
        }
        need_eof = true;
    }
    d.setstate(saved.0, saved.1);
    if let Some(e) = failed {
        return Err(e);
    }
    if !done && chars_decoded < chars_to_skip {
        return Err(os_error_msg("can't reconstruct logical file position"));
    }
    i.telling = i.seekable;
    Ok(build_cookie(
        start,
        start_flags,
        bytes_fed,
        chars_to_skip,
        need_eof,
    ))
}

fn tw_seek(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = clinic_bind(
        "seek",
        &a.positional[1..],
        a.keywords,
        &["cookie", "whence"],
        1,
        2,
    )?;
    let mut cookie = v[0].clone().unwrap_or(Value::Int(0));
    let whence = match &v[1] {
        Some(w) => index_arg(vm, w)?,
        None => 0,
    };
    let buffer = check_closed(vm, &a)?;
    let me = receiver(&a);
    let t = tw(&a)?;
    if !t.0.borrow().seekable {
        return Err(unsupported("underlying stream is not seekable"));
    }
    let is_zero = |vm: &mut Vm, c: &Value| -> PyResult<bool> {
        let z = protocol::compare(vm, c, &Value::Int(0), 2)?;
        protocol::truthy(vm, &z)
    };
    match whence {
        1 => {
            if !is_zero(vm, &cookie)? {
                return Err(unsupported("can't do nonzero cur-relative seeks"));
            }
            cookie = call_method(vm, &me, "tell", vec![])?;
        }
        2 => {
            if !is_zero(vm, &cookie)? {
                return Err(unsupported("can't do nonzero end-relative seeks"));
            }
            call_method(vm, &me, "flush", vec![])?;
            {
                let mut i = t.0.borrow_mut();
                i.decoded.clear();
                i.used = 0;
                i.snapshot = None;
                if let Some(d) = &mut i.decoder {
                    d.reset();
                }
            }
            let r = call_method(vm, &buffer, "seek", vec![Value::Int(0), Value::Int(2)])?;
            t.0.borrow_mut().encoder_started = !matches!(r, Value::Int(0));
            return Ok(r);
        }
        0 => {}
        _ => {
            return Err(value_error(format!(
                "invalid whence ({whence}, should be 0, 1 or 2)"
            )))
        }
    }
    let c = protocol::number::index_big(vm, &cookie)?;
    if c < BigInt::from(0) {
        let r = protocol::repr(vm, &cookie)?;
        return Err(value_error(format!("negative seek position {r}")));
    }
    call_method(vm, &me, "flush", vec![])?;
    let (start, dec_flags, bytes_to_feed, chars_to_skip, need_eof) = parse_cookie(&c);
    call_method(vm, &buffer, "seek", vec![Value::Int(start)])?;
    {
        let mut i = t.0.borrow_mut();
        i.decoded.clear();
        i.used = 0;
        i.snapshot = None;
        if c == BigInt::from(0) {
            if let Some(d) = &mut i.decoder {
                d.reset();
            }
        } else if let Some(d) = &mut i.decoder {
            decoder_setstate(d, start, dec_flags);
            i.snapshot = Some((dec_flags, Vec::new()));
        }
        i.encoder_started = start != 0;
    }
    if chars_to_skip > 0 {
        let chunk = call_method(vm, &buffer, "read", vec![Value::Int(bytes_to_feed as i64)])?;
        let input = need_bytes(&chunk)?;
        let mut i = t.0.borrow_mut();
        let decoded = match &mut i.decoder {
            Some(d) => d.decode(&input, need_eof)?,
            None => String::new(),
        };
        i.decoded = decoded.chars().collect();
        i.snapshot = Some((dec_flags, input));
        if (i.decoded.len() as u64) < chars_to_skip {
            return Err(os_error_msg("can't restore logical file position"));
        }
        i.used = chars_to_skip as usize;
    }
    Ok(cookie)
}

fn tw_truncate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = attached(&a)?;
    let me = receiver(&a);
    call_method(vm, &me, "flush", vec![])?;
    let pos = match a.positional.get(1).or(crate::builtins::kwarg(&a, "pos")) {
        None | Some(Value::None) => call_method(vm, &me, "tell", vec![])?,
        Some(p) => p.clone(),
    };
    call_method(vm, &b, "truncate", vec![pos])
}

fn tw_reconfigure(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.positional.len() > 1 {
        return Err(type_error(format!(
            "reconfigure() takes exactly 0 positional arguments ({} given)",
            a.positional.len() - 1
        )));
    }
    let v = clinic_bind(
        "reconfigure",
        &[],
        a.keywords,
        &[
            "encoding",
            "errors",
            "newline",
            "line_buffering",
            "write_through",
        ],
        0,
        0,
    )?;
    let t = tw(&a)?;
    let given_str = |i: usize, name: &str| -> PyResult<Option<Option<Rc<str>>>> {
        match &v[i] {
            None => Ok(None),
            Some(Value::None) => Ok(Some(None)),
            Some(x) => str_of(x).map(|s| Some(Some(s))).ok_or_else(|| {
                type_error(format!(
                    "reconfigure() argument '{name}' must be str or None, not {}",
                    type_name(x)
                ))
            }),
        }
    };
    let encoding = given_str(0, "encoding")?.flatten();
    let errors = given_str(1, "errors")?.flatten();
    let newline = given_str(2, "newline")?;
    if let Some(Some(n)) = &newline {
        if !matches!(&**n, "" | "\n" | "\r" | "\r\n") {
            return Err(value_error(format!("illegal newline value: {n}")));
        }
    }
    {
        let i = t.0.borrow();
        if i.decoder.is_some()
            && (encoding.is_some() || errors.is_some() || newline.is_some())
            && (i.used < i.decoded.len() || i.snapshot.is_some())
        {
            return Err(unsupported(
                "It is not possible to set the encoding or newline of stream after the first read",
            ));
        }
    }
    call_method(vm, &receiver(&a), "flush", vec![])?;
    let lb = match &v[3] {
        Some(Value::None) | None => None,
        Some(x) => Some(protocol::truthy(vm, x)?),
    };
    let wt = match &v[4] {
        Some(Value::None) | None => None,
        Some(x) => Some(protocol::truthy(vm, x)?),
    };
    let mut i = t.0.borrow_mut();
    if encoding.is_some() || errors.is_some() {
        let enc = match encoding.as_deref() {
            Some("locale") => "UTF-8".to_string(),
            Some(e) => e.to_string(),
            None => i.encoding.clone(),
        };
        codec_name(&enc)?;
        let errs = match (&errors, &encoding) {
            (Some(e), _) => e.to_string(),
            (None, Some(_)) => "strict".to_string(),
            (None, None) => i.errors.clone(),
        };
        i.encoding = enc;
        i.errors = errs;
    }
    if let Some(n) = &newline {
        set_newline(&mut i, n.as_deref());
    }
    if i.decoder.is_some() {
        i.decoder = Some(make_decoder(&i)?);
    }
    if let Some(lb) = lb {
        i.line_buffering = lb;
    }
    if let Some(wt) = wt {
        i.write_through = wt;
    }
    Ok(Value::None)
}
