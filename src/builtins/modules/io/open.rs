//! `_io.open` (`_io_open_impl` in Modules/_io/_iomodule.c), which is also
//! `builtins.open`, and the module's `open_code` and `text_encoding`.

use super::super::clinic_bind;
use super::*;
use crate::object::exception::value_error;

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None, closefd=True, opener=None)`.
pub(super) fn open(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = clinic_bind(
        "open",
        a.positional,
        a.keywords,
        &[
            "file",
            "mode",
            "buffering",
            "encoding",
            "errors",
            "newline",
            "closefd",
            "opener",
        ],
        1,
        8,
    )?;
    let file = v[0].clone().unwrap_or(Value::None);
    let mode: String = match &v[1] {
        None => "r".into(),
        Some(m) => str_of(m)
            .ok_or_else(|| {
                type_error(format!(
                    "open() argument 'mode' must be str, not {}",
                    type_name(m)
                ))
            })?
            .to_string(),
    };
    let mut buffering = match &v[2] {
        None => -1,
        Some(b) => index_arg(vm, b)?,
    };
    let opt_str = |i: usize, name: &str| -> PyResult<Option<Rc<str>>> {
        match &v[i] {
            None | Some(Value::None) => Ok(None),
            Some(x) => str_of(x).map(Some).ok_or_else(|| {
                type_error(format!(
                    "open() argument '{name}' must be str or None, not {}",
                    type_name(x)
                ))
            }),
        }
    };
    let encoding = opt_str(3, "encoding")?;
    let errors = opt_str(4, "errors")?;
    let newline = opt_str(5, "newline")?;
    let closefd = match &v[6] {
        None => true,
        Some(c) => protocol::truthy(vm, c)?,
    };
    let opener = v[7].clone().unwrap_or(Value::None);

    let (mut creating, mut reading, mut writing, mut appending, mut updating) =
        (false, false, false, false, false);
    let (mut text, mut binary) = (false, false);
    let invalid = || value_error(format!("invalid mode: '{mode}'"));
    for (i, c) in mode.char_indices() {
        match c {
            'x' => creating = true,
            'r' => reading = true,
            'w' => writing = true,
            'a' => appending = true,
            '+' => updating = true,
            't' => text = true,
            'b' => binary = true,
            _ => return Err(invalid()),
        }
        if mode[i + c.len_utf8()..].contains(c) {
            return Err(invalid());
        }
    }
    let mut rawmode = String::new();
    for (on, c) in [
        (creating, 'x'),
        (reading, 'r'),
        (writing, 'w'),
        (appending, 'a'),
        (updating, '+'),
    ] {
        if on {
            rawmode.push(c);
        }
    }
    if text && binary {
        return Err(value_error("can't have text and binary mode at once"));
    }
    if creating as u8 + reading as u8 + writing as u8 + appending as u8 > 1 {
        return Err(value_error(
            "must have exactly one of create/read/write/append mode",
        ));
    }
    if binary && encoding.is_some() {
        return Err(value_error("binary mode doesn't take an encoding argument"));
    }
    if binary && errors.is_some() {
        return Err(value_error("binary mode doesn't take an errors argument"));
    }
    if binary && newline.is_some() {
        return Err(value_error("binary mode doesn't take a newline argument"));
    }
    let t = types();
    let raw = vm.call(
        &Value::Type(t.fileio.clone()),
        vec![file, Value::str(&rawmode), Value::Bool(closefd), opener],
    )?;
    let result = (|| -> PyResult<Value> {
        let mut line_buffering = false;
        let mut isatty = false;
        if buffering < 0 {
            isatty = call_bool(vm, &raw, "isatty")?;
        }
        if buffering == 1 || isatty {
            buffering = -1;
            line_buffering = true;
        }
        if buffering < 0 {
            let b = protocol::getattr(vm, &raw, "_blksize")?;
            buffering = index_arg(vm, &b)?;
        }
        if buffering < 0 {
            return Err(value_error("invalid buffering size"));
        }
        if buffering == 0 {
            if !binary {
                return Err(value_error("can't have unbuffered text I/O"));
            }
            return Ok(raw.clone());
        }
        let class = if updating {
            &t.buffered_random
        } else if creating || writing || appending {
            &t.buffered_writer
        } else if reading {
            &t.buffered_reader
        } else {
            return Err(value_error(format!("unknown mode: '{mode}'")));
        };
        let buffer = vm.call(
            &Value::Type(class.clone()),
            vec![raw.clone(), Value::Int(buffering)],
        )?;
        if binary {
            return Ok(buffer);
        }
        let none_or = |s: &Option<Rc<str>>| s.as_deref().map_or(Value::None, Value::str);
        let wrapper = vm.call(
            &Value::Type(t.textiowrapper.clone()),
            vec![
                buffer.clone(),
                none_or(&encoding),
                none_or(&errors),
                none_or(&newline),
                Value::Bool(line_buffering),
            ],
        );
        let wrapper = match wrapper {
            Ok(w) => w,
            Err(e) => {
                let _ = call_method(vm, &buffer, "close", vec![]);
                return Err(e);
            }
        };
        protocol::setattr(vm, &wrapper, "mode", Value::str(&mode))?;
        Ok(wrapper)
    })();
    if result.is_err() {
        let _ = call_method(vm, &raw, "close", vec![]);
    }
    result
}

/// `open_code(path)`: `open(path, 'rb')`.
pub(super) fn open_code(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = clinic_bind("open_code", a.positional, a.keywords, &["path"], 1, 1)?;
    let path = v[0].clone().unwrap_or(Value::None);
    if str_of(&path).is_none() {
        return Err(type_error(format!(
            "open_code() argument 'path' must be str, not {}",
            type_name(&path)
        )));
    }
    let args = [path, Value::str("rb")];
    open(
        vm,
        Args {
            positional: &args,
            keywords: &[],
        },
    )
}

/// `text_encoding(encoding, stacklevel=2)`: the encoding, or "locale"
/// for None (py2vm runs as CPython does outside UTF-8 mode).
pub(super) fn text_encoding(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.positional.is_empty() || a.positional.len() > 2 {
        return Err(type_error(format!(
            "text_encoding expected at {} 1 argument{}, got {}",
            if a.positional.is_empty() {
                "least"
            } else {
                "most"
            },
            if a.positional.is_empty() { "" } else { "s" },
            a.positional.len()
        )));
    }
    Ok(match &a.positional[0] {
        Value::None => Value::str("locale"),
        e => e.clone(),
    })
}
