//! `FileIO` (Modules/_io/fileio.c): a raw stream over an operating-system
//! file descriptor, opened with the flags its mode letters give (or by
//! an `opener`), read and written with single system calls through std's
//! `File` (which the object lends, never owns, so only `close()` closes
//! the descriptor).

use std::cell::Cell;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::mem::ManuallyDrop;
use std::os::fd::{FromRawFd, IntoRawFd};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};

use super::super::{clinic_bind, getset, native_instance, GetSet};
use super::*;
use crate::object::exception::value_error;
use crate::object::function::{m, MethodDef};

struct FileIO {
    fd: Cell<i32>,
    readable: Cell<bool>,
    writable: Cell<bool>,
    appending: Cell<bool>,
    created: Cell<bool>,
    /// -1 unknown, then 0 or 1 (`lseek` answered).
    seekable: Cell<i8>,
    closefd: Cell<bool>,
    blksize: Cell<i64>,
}

pub(super) const FILEIO: &[MethodDef] = &[
    m("__new__", |_, a| {
        let cls = class_arg(&a)?;
        Ok(native_instance(
            &cls,
            FileIO {
                fd: Cell::new(-1),
                readable: Cell::new(false),
                writable: Cell::new(false),
                appending: Cell::new(false),
                created: Cell::new(false),
                seekable: Cell::new(-1),
                closefd: Cell::new(true),
                blksize: Cell::new(0),
            },
        ))
    }),
    m("__init__", fileio_init),
    m("read", fileio_read),
    m("readall", fileio_readall),
    m("readinto", fileio_readinto).o(),
    m("write", fileio_write).o(),
    m("seek", fileio_seek).at_least(1),
    m("tell", |_, a| {
        let f = open_file(&a)?;
        let pos = lend(f.fd.get())
            .stream_position()
            .map_err(|e| os_error(&e, None))?;
        Ok(Value::Int(pos as i64))
    }),
    m("truncate", fileio_truncate),
    m("close", fileio_close),
    m("seekable", |_, a| {
        let f = open_file(&a)?;
        Ok(Value::Bool(is_seekable(f)))
    }),
    m("readable", |_, a| {
        Ok(Value::Bool(open_file(&a)?.readable.get()))
    }),
    m("writable", |_, a| {
        Ok(Value::Bool(open_file(&a)?.writable.get()))
    }),
    m("fileno", |_, a| {
        Ok(Value::Int(open_file(&a)?.fd.get() as i64))
    }),
    m("isatty", |_, a| {
        let f = open_file(&a)?;
        use std::io::IsTerminal;
        Ok(Value::Bool(lend(f.fd.get()).is_terminal()))
    }),
    m("_dealloc_warn", |_, _| Ok(Value::None)),
    m("__repr__", fileio_repr),
    m("__getstate__", |_, a| {
        Err(type_error(format!(
            "cannot pickle '{}' object",
            type_name(&receiver(&a))
        )))
    }),
];

pub(super) const FILEIO_GETSETS: &[GetSet] = &[
    getset("closed", |_, a| Ok(Value::Bool(state(&a)?.fd.get() < 0))),
    getset("closefd", |_, a| Ok(Value::Bool(state(&a)?.closefd.get()))),
    getset("mode", |_, a| Ok(Value::str(mode_string(state(&a)?)))),
    getset("_blksize", |_, a| Ok(Value::Int(state(&a)?.blksize.get()))),
];

fn state<'a>(a: &Args<'a>) -> PyResult<&'a FileIO> {
    this(a)
}

/// The state of an open FileIO (`err_closed` otherwise).
fn open_file<'a>(a: &Args<'a>) -> PyResult<&'a FileIO> {
    let f: &FileIO = this(a)?;
    if f.fd.get() < 0 {
        return Err(value_error("I/O operation on closed file"));
    }
    Ok(f)
}

/// The descriptor as a `File` that does not close it when dropped.
fn lend(fd: i32) -> ManuallyDrop<File> {
    // SAFETY: `fd` is the object's open descriptor (checked by the
    // caller), and ManuallyDrop keeps the File from closing it.
    ManuallyDrop::new(unsafe { File::from_raw_fd(fd) })
}

fn is_seekable(f: &FileIO) -> bool {
    if f.seekable.get() < 0 {
        let ok = lend(f.fd.get()).stream_position().is_ok();
        f.seekable.set(ok as i8);
    }
    f.seekable.get() == 1
}

/// `mode_string`.
fn mode_string(f: &FileIO) -> &'static str {
    if f.created.get() {
        if f.readable.get() {
            "xb+"
        } else {
            "xb"
        }
    } else if f.appending.get() {
        if f.readable.get() {
            "ab+"
        } else {
            "ab"
        }
    } else if f.readable.get() {
        if f.writable.get() {
            "rb+"
        } else {
            "rb"
        }
    } else {
        "wb"
    }
}

#[cold]
fn err_mode(action: &str) -> PyErr {
    unsupported(&format!("File not open for {action}"))
}

fn fileio_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = receiver(&a);
    let f: &FileIO = this(&a)?;
    let v = clinic_bind(
        "FileIO",
        &a.positional[1..],
        a.keywords,
        &["file", "mode", "closefd", "opener"],
        1,
        4,
    )?;
    let file = v[0].clone().unwrap_or(Value::None);
    if f.fd.get() >= 0 {
        if f.closefd.get() {
            // SAFETY: the object owns this descriptor (closefd).
            drop(unsafe { File::from_raw_fd(f.fd.get()) });
        }
        f.fd.set(-1);
    }
    let mut fd: i32 = -1;
    let is_int = matches!(file, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
        || matches!(&file, Value::Instance(i) if matches!(i.payload, Some(Value::Int(_) | Value::BigInt(_))));
    let mut path: Option<String> = None;
    if is_int {
        let n = protocol::number::as_ssize_overflow(vm, &file)?;
        if n < 0 {
            return Err(value_error("negative file descriptor"));
        }
        fd = i32::try_from(n).map_err(|_| {
            crate::object::exception::overflow_error("signed integer is greater than maximum")
        })?;
    } else {
        let p = fspath(vm, &file)?;
        if p.contains('\0') {
            return Err(value_error("embedded null byte"));
        }
        path = Some(p);
    }
    let mode = match &v[1] {
        None => "r".to_string(),
        Some(m) => str_of(m)
            .ok_or_else(|| {
                type_error(format!(
                    "FileIO() argument 'mode' must be str, not {}",
                    type_name(m)
                ))
            })?
            .to_string(),
    };
    let closefd = match &v[2] {
        None => true,
        Some(c) => protocol::truthy(vm, c)?,
    };
    let opener = v[3].clone().filter(|o| !matches!(o, Value::None));
    let (mut rwa, mut plus) = (false, false);
    let (mut readable, mut writable, mut created, mut appending, mut truncate) =
        (false, false, false, false, false);
    let bad_mode = || value_error(format!("invalid mode: {mode}"));
    let one_mode = || {
        value_error("Must have exactly one of create/read/write/append mode and at most one plus")
    };
    for c in mode.chars() {
        match c {
            'x' | 'r' | 'w' | 'a' => {
                if rwa {
                    return Err(one_mode());
                }
                rwa = true;
                match c {
                    'x' => {
                        created = true;
                        writable = true;
                    }
                    'r' => readable = true,
                    'w' => {
                        writable = true;
                        truncate = true;
                    }
                    _ => {
                        writable = true;
                        appending = true;
                    }
                }
            }
            '+' => {
                if plus {
                    return Err(one_mode());
                }
                readable = true;
                writable = true;
                plus = true;
            }
            'b' => {}
            _ => return Err(bad_mode()),
        }
    }
    if !rwa {
        return Err(one_mode());
    }
    f.readable.set(readable);
    f.writable.set(writable);
    f.created.set(created);
    f.appending.set(appending);
    f.seekable.set(-1);
    f.blksize.set(0);
    if let Some(p) = &path {
        if !closefd {
            return Err(value_error("Cannot use closefd=False with file name"));
        }
        if let Some(opener) = &opener {
            let mut flags = if readable && writable {
                2
            } else if writable {
                1
            } else {
                0
            };
            if created {
                flags |= 0o200 | 0o100;
            }
            if truncate {
                flags |= 0o1000 | 0o100;
            }
            if appending {
                flags |= 0o2000 | 0o100;
            }
            flags |= 0o2000000;
            let r = vm.call(opener, vec![file.clone(), Value::Int(flags)])?;
            let n = match r {
                Value::Int(n) => n,
                other => {
                    return Err(type_error(format!(
                        "expected integer from opener, got {}",
                        type_name(&other)
                    )))
                }
            };
            if n < 0 {
                return Err(value_error(format!("opener returned {n}")));
            }
            fd = n as i32;
        } else {
            let mut o = std::fs::OpenOptions::new();
            o.read(readable)
                .write(writable && !appending)
                .append(appending)
                .truncate(truncate)
                .create(truncate || appending)
                .create_new(created)
                .mode(0o666);
            match o.open(p) {
                Ok(file) => fd = file.into_raw_fd(),
                Err(e) => return Err(os_error(&e, Some(file.clone()))),
            }
        }
    }
    f.fd.set(fd);
    f.closefd.set(closefd);
    let meta = lend(fd).metadata();
    match meta {
        Ok(md) => {
            if md.is_dir() {
                let err = std::io::Error::from_raw_os_error(21);
                if path.is_some() {
                    // SAFETY: we opened it just now.
                    drop(unsafe { File::from_raw_fd(fd) });
                }
                f.fd.set(-1);
                return Err(os_error(&err, Some(file.clone())));
            }
            if md.blksize() > 1 {
                f.blksize.set(md.blksize() as i64);
            }
        }
        Err(e) => {
            if e.raw_os_error() == Some(9) {
                f.fd.set(-1);
                return Err(os_error(&e, None));
            }
        }
    }
    if f.blksize.get() == 0 {
        f.blksize.set(DEFAULT_BUFFER_SIZE as i64);
    }
    protocol::setattr(vm, &me, "name", file)?;
    if appending {
        let _ = lend(fd).seek(SeekFrom::End(0));
    }
    Ok(Value::None)
}

/// `PyOS_FSPath` then the str of a path (bytes decoded as utf-8).
pub(super) fn fspath(vm: &mut Vm, file: &Value) -> PyResult<String> {
    let p = match file {
        Value::Str(_) | Value::Bytes(_) => file.clone(),
        _ => match protocol::lookup(&protocol::type_of(file), "__fspath__") {
            Some(_) => call_method(vm, file, "__fspath__", vec![])?,
            None => {
                return Err(type_error(format!(
                    "expected str, bytes or os.PathLike object, not {}",
                    type_name(file)
                )))
            }
        },
    };
    if let Some(s) = str_of(&p) {
        return Ok(s.to_string());
    }
    match &p {
        Value::Bytes(b) => Ok(String::from_utf8_lossy(b).into_owned()),
        other => Err(type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            type_name(file),
            type_name(other)
        ))),
    }
}

/// One `read(2)` of up to `n` bytes (None when a non-blocking descriptor
/// has nothing). A size no allocation could hold is a MemoryError, as
/// CPython's bytes of that size; otherwise the buffer grows with what
/// arrives (a regular file is read until `n` bytes or its end, which is
/// what one `read(2)` gives there), so a large `n` touches no memory.
fn read_some(f: &FileIO, n: usize) -> PyResult<Option<Vec<u8>>> {
    super::iobase::check_alloc(n)?;
    let file = lend(f.fd.get());
    let regular = file.metadata().is_ok_and(|m| m.is_file());
    if regular {
        let mut buf = Vec::new();
        let mut reader = (&*file).take(n as u64);
        return match reader.read_to_end(&mut buf) {
            Ok(_) => Ok(Some(buf)),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                Ok((!buf.is_empty()).then_some(buf))
            }
            Err(e) => Err(os_error(&e, None)),
        };
    }
    let mut buf = vec![0; n.min(1 << 20)];
    loop {
        match (&*file).read(&mut buf) {
            Ok(got) => {
                buf.truncate(got);
                return Ok(Some(buf));
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => return Ok(None),
            Err(e) => return Err(os_error(&e, None)),
        }
    }
}

/// `raw.readinto(bytearray(n))` for a buffered object over an exact
/// FileIO, without making (and zeroing) the `n`-byte buffer first:
/// the bytes read, or None when a non-blocking descriptor has none.
pub(super) fn readinto_vec(raw: &Value, n: usize) -> PyResult<Option<Vec<u8>>> {
    let f: &FileIO =
        native_ref(raw).ok_or_else(|| value_error("I/O operation on uninitialized object"))?;
    if f.fd.get() < 0 {
        return Err(value_error("I/O operation on closed file"));
    }
    if !f.readable.get() {
        return Err(err_mode("reading"));
    }
    read_some(f, n)
}

fn fileio_read(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let size = optional_size(
        vm,
        a.positional.get(1).or(crate::builtins::kwarg(&a, "size")),
    )?;
    let f = open_file(&a)?;
    if !f.readable.get() {
        return Err(err_mode("reading"));
    }
    if size < 0 {
        return fileio_readall(vm, a);
    }
    Ok(read_some(f, size as usize)?.map_or(Value::None, bytes_value))
}

fn fileio_readall(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = open_file(&a)?;
    if !f.readable.get() {
        return Err(err_mode("reading"));
    }
    let mut all = Vec::new();
    loop {
        match lend(f.fd.get()).read_to_end(&mut all) {
            Ok(_) => return Ok(bytes_value(all)),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                if all.is_empty() {
                    return Ok(Value::None);
                }
                return Ok(bytes_value(all));
            }
            Err(e) => return Err(os_error(&e, None)),
        }
    }
}

fn fileio_readinto(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = open_file(&a)?;
    if !f.readable.get() {
        return Err(err_mode("reading"));
    }
    let target = writable_buffer(&a.positional[1], "readinto")?;
    let n = target.borrow().len();
    match read_some(f, n)? {
        Some(data) => {
            target.borrow_mut()[..data.len()].copy_from_slice(&data);
            Ok(Value::Int(data.len() as i64))
        }
        None => Ok(Value::None),
    }
}

fn fileio_write(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = open_file(&a)?;
    if !f.writable.get() {
        return Err(err_mode("writing"));
    }
    let data = need_bytes(&a.positional[1])?;
    loop {
        match lend(f.fd.get()).write(&data) {
            Ok(n) => return Ok(Value::Int(n as i64)),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => return Ok(Value::None),
            Err(e) => return Err(os_error(&e, None)),
        }
    }
}

fn fileio_seek(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = clinic_bind(
        "seek",
        &a.positional[1..],
        a.keywords,
        &["pos", "whence"],
        1,
        2,
    )?;
    let posv = v[0].clone().unwrap_or(Value::Int(0));
    if matches!(posv, Value::Float(_)) {
        return Err(type_error("an integer is required"));
    }
    let pos = index_arg(vm, &posv)?;
    let whence = match &v[1] {
        Some(w) => index_arg(vm, w)?,
        None => 0,
    };
    let f = open_file(&a)?;
    let target = match whence {
        0 if pos < 0 => return Err(os_error(&std::io::Error::from_raw_os_error(22), None)),
        0 => SeekFrom::Start(pos as u64),
        1 => SeekFrom::Current(pos),
        2 => SeekFrom::End(pos),
        _ => return Err(os_error(&std::io::Error::from_raw_os_error(22), None)),
    };
    let r = lend(f.fd.get())
        .seek(target)
        .map_err(|e| os_error(&e, None))?;
    f.seekable.set(1);
    Ok(Value::Int(r as i64))
}

fn fileio_truncate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = open_file(&a)?;
    if !f.writable.get() {
        return Err(err_mode("writing"));
    }
    let size = match a.positional.get(1).or(crate::builtins::kwarg(&a, "size")) {
        None | Some(Value::None) => lend(f.fd.get())
            .stream_position()
            .map_err(|e| os_error(&e, None))? as i64,
        Some(v) => index_arg(vm, v)?,
    };
    if size < 0 {
        return Err(os_error(&std::io::Error::from_raw_os_error(22), None));
    }
    lend(f.fd.get())
        .set_len(size as u64)
        .map_err(|e| os_error(&e, None))?;
    Ok(Value::Int(size))
}

fn fileio_close(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = receiver(&a);
    let f: &FileIO = this(&a)?;
    // `_RawIOBase.close` (flush, the closed flag) first, as fileio.c does.
    let base = protocol::lookup(&types().rawiobase, "close");
    let r = match base {
        Some(close) => vm.call(&close, vec![me.clone()]),
        None => Ok(Value::None),
    };
    let fd = f.fd.get();
    if fd >= 0 {
        f.fd.set(-1);
        if f.closefd.get() {
            // SAFETY: the object owned the descriptor; it is closed once.
            let file = unsafe { File::from_raw_fd(fd) };
            drop(file);
        }
    }
    r.map(|_| Value::None)
}

fn fileio_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = receiver(&a);
    let f: &FileIO = this(&a)?;
    // `Py_TYPE(self)->tp_name`: a subclass shows its bare name.
    let tname = if exact(&me, &types().fileio) {
        "_io.FileIO".to_string()
    } else {
        protocol::type_of(&me).name.to_string()
    };
    if f.fd.get() < 0 {
        return Ok(Value::str(&format!("<{tname} [closed]>")));
    }
    let closefd = if f.closefd.get() { "True" } else { "False" };
    let mode = mode_string(f);
    Ok(Value::str(&match lookup_attr(vm, &me, "name")? {
        Some(name) => {
            let r = protocol::repr(vm, &name)?;
            format!("<{tname} name={r} mode='{mode}' closefd={closefd}>")
        }
        None => format!(
            "<{tname} fd={} mode='{mode}' closefd={closefd}>",
            f.fd.get()
        ),
    }))
}
