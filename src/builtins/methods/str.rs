//! Methods of `str` (`split`, `strip`, `find`, `format`, ...).

#![allow(unused_imports)]

use super::*;
use crate::object::chars;

pub(super) fn this_str(args: &Args) -> PyResult<Rc<str>> {
    match args.positional.first() {
        Some(Value::Str(s)) => Ok(s.clone()),
        _ => Err(type_error("descriptor requires a 'str' object")),
    }
}

/// Methods of `Str` (kind Str).
pub static STR_METHODS: &[MethodDef] = &[
    m("join", |vm, a| {
        let sep = this_str(&a)?;
        if a.positional.len() != 2 {
            // A METH_O method (methodobject.c's cfunction_vectorcall_O).
            return Err(type_error(format!(
                "str.join() takes exactly one argument ({} given)",
                a.positional.len() - 1
            )));
        }
        let items = protocol::collect(vm, &a.positional[1])?;
        let mut parts = Vec::with_capacity(items.len());
        for (i, v) in items.iter().enumerate() {
            match v {
                Value::Str(s) => parts.push(s.to_string()),
                other => {
                    return Err(type_error(format!(
                        "sequence item {i}: expected str instance, {} found",
                        type_name(other)
                    )))
                }
            }
        }
        Ok(Value::str(&parts.join(&sep)))
    })
    .o(),
    m("split", |_, a| split(&a, false)),
    m("rsplit", |_, a| split(&a, true)),
    m("splitlines", |_, a| {
        let s = this_str(&a)?;
        let keep = a
            .positional
            .get(1)
            .or_else(|| kwarg(&a, "keepends"))
            .is_some_and(|v| matches!(v, Value::Bool(true)));
        let mut out = Vec::new();
        let mut cur = String::new();
        let chars: Vec<char> = s.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if matches!(
                c,
                '\n' | '\r'
                    | '\x0b'
                    | '\x0c'
                    | '\x1c'
                    | '\x1d'
                    | '\x1e'
                    | '\u{85}'
                    | '\u{2028}'
                    | '\u{2029}'
            ) {
                let mut end = c.to_string();
                if c == '\r' && chars.get(i + 1) == Some(&'\n') {
                    end.push('\n');
                    i += 1;
                }
                if keep {
                    cur.push_str(&end);
                }
                out.push(Value::str(&cur));
                cur.clear();
            } else {
                cur.push(c);
            }
            i += 1;
        }
        if !cur.is_empty() {
            out.push(Value::str(&cur));
        }
        Ok(Value::list(out))
    }),
    m("strip", |_, a| strip(&a, true, true)),
    m("lstrip", |_, a| strip(&a, true, false)),
    m("rstrip", |_, a| strip(&a, false, true)),
    m("upper", |_, a| {
        Ok(Value::str(&this_str(&a)?.to_uppercase()))
    }),
    m("lower", |_, a| {
        Ok(Value::str(&this_str(&a)?.to_lowercase()))
    }),
    m("casefold", |_, a| {
        Ok(Value::str(&chars::casefold(&this_str(&a)?)))
    }),
    m("swapcase", |_, a| {
        Ok(Value::str(
            &this_str(&a)?
                .chars()
                .flat_map(|c| {
                    if chars::is_upper(c) {
                        c.to_lowercase().collect::<Vec<_>>()
                    } else {
                        c.to_uppercase().collect()
                    }
                })
                .collect::<String>(),
        ))
    }),
    m("title", |_, a| {
        let mut out = String::new();
        let mut prev_cased = false;
        for c in this_str(&a)?.chars() {
            if prev_cased {
                out.extend(c.to_lowercase())
            } else {
                chars::push_title(&mut out, c)
            }
            prev_cased = chars::is_cased(c);
        }
        Ok(Value::str(&out))
    }),
    m("capitalize", |_, a| {
        let s = this_str(&a)?;
        // The first character in titlecase, as unicode_capitalize_impl.
        let mut it = s.chars();
        let mut out = String::with_capacity(s.len());
        if let Some(f) = it.next() {
            chars::push_title(&mut out, f);
            out.extend(it.flat_map(|c| c.to_lowercase()));
        }
        Ok(Value::str(&out))
    }),
    m("replace", |_, a| {
        let s = this_str(&a)?;
        let old = protocol::str_arg(&a.positional[1])?;
        let new = protocol::str_arg(&a.positional[2])?;
        let count = a.positional.get(3).map(index_of).transpose()?.unwrap_or(-1);
        Ok(Value::str(&if count < 0 {
            s.replace(&old, &new)
        } else {
            s.replacen(&old, &new, count as usize)
        }))
    })
    .clinic(2),
    m("startswith", |_, a| prefix_check(&a, true)).at_least(1),
    m("endswith", |_, a| prefix_check(&a, false)).at_least(1),
    m("find", |_, a| find(&a, false, false)).clinic(1),
    m("rfind", |_, a| find(&a, true, false)).clinic(1),
    m("index", |_, a| find(&a, false, true)).clinic(1),
    m("rindex", |_, a| find(&a, true, true)).clinic(1),
    m("count", |_, a| {
        let s = this_str(&a)?;
        let sub = protocol::str_arg(&a.positional[1])?;
        let chars: Vec<char> = s.chars().collect();
        let (lo, hi) = adjust_indices(&a, 2, chars.len())?;
        let sub_len = sub.chars().count();
        if hi < lo || hi - lo < sub_len {
            return Ok(Value::Int(0));
        }
        Ok(Value::Int(if sub.is_empty() {
            (hi - lo) as i64 + 1
        } else {
            let region: String = chars[lo..hi].iter().collect();
            region.matches(&sub).count() as i64
        }))
    })
    .o(),
    m("isdigit", |_, a| all_chars(&a, chars::is_digit)),
    m("isdecimal", |_, a| all_chars(&a, chars::is_decimal)),
    m("isnumeric", |_, a| all_chars(&a, chars::is_numeric)),
    m("isalpha", |_, a| all_chars(&a, chars::is_alpha)),
    m("isalnum", |_, a| all_chars(&a, chars::is_alnum)),
    m("isspace", |_, a| all_chars(&a, chars::is_space)),
    m("isupper", |_, a| {
        Ok(Value::Bool(chars::all_cased(&this_str(&a)?, true)))
    }),
    m("islower", |_, a| {
        Ok(Value::Bool(chars::all_cased(&this_str(&a)?, false)))
    }),
    m("isidentifier", |_, a| {
        Ok(Value::Bool(chars::is_identifier(&this_str(&a)?)))
    }),
    m("isascii", |_, a| Ok(Value::Bool(this_str(&a)?.is_ascii()))),
    m("center", |_, a| pad(&a, '^')).clinic(1),
    m("ljust", |_, a| pad(&a, '<')).clinic(1),
    m("rjust", |_, a| pad(&a, '>')).clinic(1),
    m("zfill", |_, a| {
        let s = this_str(&a)?;
        let width = index_of(&a.positional[1])?.max(0) as usize;
        let n = s.chars().count();
        if n >= width {
            return Ok(Value::Str(s));
        }
        let (sign, rest) = match s.chars().next() {
            Some(c @ ('+' | '-')) => (c.to_string(), &s[1..]),
            _ => (String::new(), &s[..]),
        };
        Ok(Value::str(&format!(
            "{sign}{}{rest}",
            "0".repeat(width - n)
        )))
    })
    .o(),
    m("partition", |_, a| partition(&a, false)).o(),
    m("rpartition", |_, a| partition(&a, true)).o(),
    m("format", |vm, a| {
        let s = this_str(&a)?;
        Ok(Value::str(&str_format(
            vm,
            &s,
            &a.positional[1..],
            a.keywords,
        )?))
    }),
    m("format_map", |vm, a| {
        let s = this_str(&a)?;
        let [_, mapping] = a.positional else {
            return Err(type_error(format!(
                "format_map() takes exactly one argument ({} given)",
                a.positional.len().saturating_sub(1)
            )));
        };
        Ok(Value::str(&crate::builtins::str_format::str_format_map(
            vm, &s, mapping,
        )?))
    }),
    m("encode", |vm, a| {
        let s = this_str(&a)?;
        let (encoding, errors) = super::bytes::codec_args(&a, 1)?;
        let data = crate::builtins::modules::codecs::encode_text(vm, &s, &encoding, &errors)?;
        Ok(Value::Bytes(Rc::from(data)))
    }),
    m("expandtabs", |_, a| {
        let s = this_str(&a)?;
        let tab = a
            .positional
            .get(1)
            .map(index_of)
            .transpose()?
            .unwrap_or(8)
            .max(0) as usize;
        let mut out = String::new();
        let mut col = 0;
        for c in s.chars() {
            match c {
                '\t' => {
                    let n = if tab == 0 { 0 } else { tab - col % tab };
                    out.push_str(&" ".repeat(n));
                    col += n;
                }
                '\n' | '\r' => {
                    out.push(c);
                    col = 0;
                }
                _ => {
                    out.push(c);
                    col += 1;
                }
            }
        }
        Ok(Value::str(&out))
    }),
    m("removeprefix", |_, a| {
        let s = this_str(&a)?;
        let p = protocol::str_arg(&a.positional[1])?;
        Ok(Value::str(s.strip_prefix(p.as_str()).unwrap_or(&s)))
    })
    .o(),
    m("removesuffix", |_, a| {
        let s = this_str(&a)?;
        let p = protocol::str_arg(&a.positional[1])?;
        Ok(Value::str(if p.is_empty() {
            &s
        } else {
            s.strip_suffix(p.as_str()).unwrap_or(&s)
        }))
    })
    .o(),
    m("__len__", |_, a| {
        Ok(Value::Int(this_str(&a)?.chars().count() as i64))
    }),
    m("maketrans", str_maketrans).static_method(1),
    m("translate", str_translate),
    m("istitle", |_, a| Ok(Value::Bool(istitle(&this_str(&a)?)))),
    m("isprintable", |_, a| {
        let s = this_str(&a)?;
        Ok(Value::Bool(
            s.chars()
                .all(|c| crate::object::repr::is_printable(c as u32)),
        ))
    }),
];

/// A str predicate true of every character of a non-empty string.
fn all_chars(a: &Args, pred: fn(char) -> bool) -> PyResult<Value> {
    let s = this_str(a)?;
    Ok(Value::Bool(!s.is_empty() && s.chars().all(pred)))
}

pub(super) fn split(a: &Args, from_right: bool) -> PyResult<Value> {
    let s = this_str(a)?;
    let sep = a
        .positional
        .get(1)
        .or_else(|| kwarg(a, "sep"))
        .filter(|v| !v.is_none())
        .map(protocol::str_arg)
        .transpose()?;
    let maxsplit = a
        .positional
        .get(2)
        .or_else(|| kwarg(a, "maxsplit"))
        .map(index_of)
        .transpose()?
        .unwrap_or(-1);
    let parts: Vec<String> = match sep {
        Some(sep) => {
            if sep.is_empty() {
                return Err(value_error("empty separator"));
            }
            if maxsplit < 0 {
                s.split(sep.as_str()).map(String::from).collect()
            } else if from_right {
                let mut v: Vec<String> = s
                    .rsplitn(maxsplit as usize + 1, sep.as_str())
                    .map(String::from)
                    .collect();
                v.reverse();
                v
            } else {
                s.splitn(maxsplit as usize + 1, sep.as_str())
                    .map(String::from)
                    .collect()
            }
        }
        None => {
            let words: Vec<&str> = s.split(chars::is_space).filter(|w| !w.is_empty()).collect();
            if maxsplit < 0 || words.len() <= maxsplit as usize {
                words.into_iter().map(String::from).collect()
            } else if from_right {
                let mut rest = s.trim_end_matches(chars::is_space);
                let mut out = Vec::new();
                for _ in 0..maxsplit {
                    let cut = rest.rfind(chars::is_space).unwrap_or(0);
                    out.push(rest[cut..].trim_start_matches(chars::is_space).to_string());
                    rest = rest[..cut].trim_end_matches(chars::is_space);
                }
                out.push(rest.to_string());
                out.reverse();
                out
            } else {
                let mut rest = s.trim_start_matches(chars::is_space);
                let mut out = Vec::new();
                for _ in 0..maxsplit {
                    let cut = rest.find(chars::is_space).unwrap_or(rest.len());
                    out.push(rest[..cut].to_string());
                    rest = rest[cut..].trim_start_matches(chars::is_space);
                }
                out.push(rest.to_string());
                out
            }
        }
    };
    Ok(Value::list(parts.iter().map(|p| Value::str(p)).collect()))
}

pub(super) fn strip(a: &Args, left: bool, right: bool) -> PyResult<Value> {
    let s = this_str(a)?;
    let chars = a
        .positional
        .get(1)
        .filter(|v| !v.is_none())
        .map(protocol::str_arg)
        .transpose()?;
    let pred = |c: char| match &chars {
        Some(set) => set.contains(c),
        None => chars::is_space(c),
    };
    let mut t: &str = &s;
    if left {
        t = t.trim_start_matches(pred);
    }
    if right {
        t = t.trim_end_matches(pred);
    }
    Ok(Value::str(t))
}

/// The optional `start`/`end` arguments at `a.positional[i..]`, adjusted as
/// CPython's ADJUST_INDICES: negative values count from the end and floor
/// at 0, `end` caps at `n`, `start` may stay beyond `n` (nothing matches).
pub(super) fn adjust_indices(a: &Args, i: usize, n: usize) -> PyResult<(usize, usize)> {
    let get = |k: usize| -> PyResult<Option<i64>> {
        match a.positional.get(k) {
            None | Some(Value::None) => Ok(None),
            Some(v) => index_of(v).map(Some),
        }
    };
    let n = n as i64;
    let norm = |x: i64| if x < 0 { (x + n).max(0) } else { x };
    let start = get(i)?.map_or(0, norm);
    let end = get(i + 1)?.map_or(n, |e| norm(e).min(n));
    Ok((start as usize, end as usize))
}

pub(super) fn prefix_check(a: &Args, start: bool) -> PyResult<Value> {
    let s = this_str(a)?;
    let chars: Vec<char> = s.chars().collect();
    let (lo, hi) = adjust_indices(a, 2, chars.len())?;
    let region: String = chars[lo.min(hi)..hi].iter().collect();
    let candidates: Vec<String> = match &a.positional[1] {
        Value::Str(p) => vec![p.to_string()],
        Value::Tuple(t) => t.iter().map(protocol::str_arg).collect::<PyResult<_>>()?,
        other => {
            return Err(type_error(format!(
                "{} first arg must be str or a tuple of str, not {}",
                if start { "startswith" } else { "endswith" },
                type_name(other)
            )))
        }
    };
    Ok(Value::Bool(candidates.iter().any(|p| {
        if hi < lo || hi - lo < p.chars().count() {
            false
        } else if start {
            region.starts_with(p.as_str())
        } else {
            region.ends_with(p.as_str())
        }
    })))
}

pub(super) fn find(a: &Args, from_right: bool, raise: bool) -> PyResult<Value> {
    let s = this_str(a)?;
    let sub = protocol::str_arg(&a.positional[1])?;
    let chars: Vec<char> = s.chars().collect();
    let (lo, hi) = adjust_indices(a, 2, chars.len())?;
    let found = if lo <= hi && hi - lo >= sub.chars().count() {
        let region: String = chars[lo..hi].iter().collect();
        let byte_pos = if from_right {
            region.rfind(sub.as_str())
        } else {
            region.find(sub.as_str())
        };
        byte_pos.map(|b| lo + region[..b].chars().count())
    } else {
        None
    };
    match found {
        Some(i) => Ok(Value::Int(i as i64)),
        None if raise => Err(value_error("substring not found")),
        None => Ok(Value::Int(-1)),
    }
}

pub(super) fn pad(a: &Args, align: char) -> PyResult<Value> {
    let s = this_str(a)?;
    let width = index_of(&a.positional[1])?.max(0) as usize;
    let fill = match a.positional.get(2) {
        Some(Value::Str(f)) if f.chars().count() == 1 => f.chars().next().unwrap_or(' '),
        Some(_) => {
            return Err(type_error(
                "The fill character must be exactly one character long",
            ))
        }
        None => ' ',
    };
    let n = s.chars().count();
    if n >= width {
        return Ok(Value::Str(s));
    }
    let total = width - n;
    let f = |k: usize| fill.to_string().repeat(k);
    Ok(Value::str(&match align {
        '<' => format!("{s}{}", f(total)),
        '>' => format!("{}{s}", f(total)),
        _ => {
            // str.center puts the extra fill on the left when odd and width odd.
            let left = total / 2 + (total & width & 1);
            format!("{}{s}{}", f(left), f(total - left))
        }
    }))
}

pub(super) fn partition(a: &Args, from_right: bool) -> PyResult<Value> {
    let s = this_str(a)?;
    let sep = protocol::str_arg(&a.positional[1])?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let found = if from_right {
        s.rfind(sep.as_str())
    } else {
        s.find(sep.as_str())
    };
    let parts = match found {
        Some(i) => [&s[..i], &sep[..], &s[i + sep.len()..]],
        None if from_right => ["", "", &s[..]],
        None => [&s[..], "", ""],
    };
    Ok(Value::tuple(parts.iter().map(|p| Value::str(p)).collect()))
}

pub(super) fn str_maketrans(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let args = a.positional;
    let table = protocol::new_dict();
    let Value::Dict(d) = &table else {
        unreachable!()
    };
    match args {
        [Value::Dict(src)] => {
            for (k, v) in src.borrow().items() {
                let key = match &k {
                    Value::Str(s) if s.chars().count() == 1 => {
                        Value::Int(s.chars().next().unwrap() as i64)
                    }
                    Value::Int(_) => k.clone(),
                    _ => {
                        return Err(value_error(
                            "string keys in translate table must be of length 1",
                        ))
                    }
                };
                protocol::dict_insert(vm, d, key, v)?;
            }
        }
        [_] => {
            return Err(type_error(
                "if you give only one argument to maketrans it must be a dict",
            ))
        }
        [Value::Str(x), Value::Str(y), rest @ ..] => {
            if x.chars().count() != y.chars().count() {
                return Err(value_error(
                    "the first two maketrans arguments must have equal length",
                ));
            }
            for (cx, cy) in x.chars().zip(y.chars()) {
                protocol::dict_insert(vm, d, Value::Int(cx as i64), Value::Int(cy as i64))?;
            }
            if let Some(Value::Str(z)) = rest.first() {
                for c in z.chars() {
                    protocol::dict_insert(vm, d, Value::Int(c as i64), Value::None)?;
                }
            }
        }
        _ => return Err(type_error("maketrans() argument 2 must be str")),
    }
    Ok(table)
}

pub(super) fn str_translate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = this_str(&a)?;
    let Some(table) = a.positional.get(1) else {
        return Err(type_error(
            "translate() takes exactly one argument (0 given)",
        ));
    };
    let mut out = String::new();
    for c in s.chars() {
        match protocol::getitem(vm, table, &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(Value::Int(i)) => match u32::try_from(i).ok().and_then(char::from_u32) {
                Some(ch) => out.push(ch),
                None => return Err(value_error("character mapping must be in range(0x110000)")),
            },
            Ok(Value::Str(t)) => out.push_str(&t),
            Ok(_) => {
                return Err(type_error(
                    "character mapping must return integer, None or str",
                ))
            }
            Err(e) if e.is_instance(&builtin_types().lookup_error) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(Value::str(&out))
}

pub(super) fn istitle(s: &str) -> bool {
    crate::object::chars::is_titlecased(s)
}
