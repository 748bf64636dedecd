//! Methods of `str` (`split`, `strip`, `find`, `format`, ...).

#![allow(unused_imports)]

use super::*;

pub(super) fn this_str(args: &Args) -> PyResult<Rc<str>> {
    match args.positional.first() {
        Some(Value::Str(s)) => Ok(s.clone()),
        _ => Err(type_error("descriptor requires a 'str' object")),
    }
}

pub(super) fn str_method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "join" => |vm, a| {
            let sep = this_str(&a)?;
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
        },
        "split" => |_, a| split(&a, false),
        "rsplit" => |_, a| split(&a, true),
        "splitlines" => |_, a| {
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
        },
        "strip" => |_, a| strip(&a, true, true),
        "lstrip" => |_, a| strip(&a, true, false),
        "rstrip" => |_, a| strip(&a, false, true),
        "upper" => |_, a| Ok(Value::str(&this_str(&a)?.to_uppercase())),
        "lower" => |_, a| Ok(Value::str(&this_str(&a)?.to_lowercase())),
        "casefold" => |_, a| Ok(Value::str(&this_str(&a)?.to_lowercase())),
        "swapcase" => |_, a| {
            Ok(Value::str(
                &this_str(&a)?
                    .chars()
                    .flat_map(|c| {
                        if c.is_uppercase() {
                            c.to_lowercase().collect::<Vec<_>>()
                        } else {
                            c.to_uppercase().collect()
                        }
                    })
                    .collect::<String>(),
            ))
        },
        "title" => |_, a| {
            let mut out = String::new();
            let mut prev_cased = false;
            for c in this_str(&a)?.chars() {
                if prev_cased {
                    out.extend(c.to_lowercase())
                } else {
                    out.extend(c.to_uppercase())
                }
                prev_cased = c.is_alphabetic();
            }
            Ok(Value::str(&out))
        },
        "capitalize" => |_, a| {
            let s = this_str(&a)?;
            let mut chars = s.chars();
            let out: String = match chars.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(chars.flat_map(|c| c.to_lowercase()))
                    .collect(),
                None => String::new(),
            };
            Ok(Value::str(&out))
        },
        "replace" => |_, a| {
            let s = this_str(&a)?;
            let old = protocol::str_arg(&a.positional[1])?;
            let new = protocol::str_arg(&a.positional[2])?;
            let count = a.positional.get(3).map(index_of).transpose()?.unwrap_or(-1);
            Ok(Value::str(&if count < 0 {
                s.replace(&old, &new)
            } else {
                s.replacen(&old, &new, count as usize)
            }))
        },
        "startswith" => |_, a| prefix_check(&a, true),
        "endswith" => |_, a| prefix_check(&a, false),
        "find" => |_, a| find(&a, false, false),
        "rfind" => |_, a| find(&a, true, false),
        "index" => |_, a| find(&a, false, true),
        "rindex" => |_, a| find(&a, true, true),
        "count" => |_, a| {
            let s = this_str(&a)?;
            let sub = protocol::str_arg(&a.positional[1])?;
            Ok(Value::Int(if sub.is_empty() {
                s.chars().count() as i64 + 1
            } else {
                s.matches(&sub).count() as i64
            }))
        },
        "isdigit" | "isdecimal" | "isnumeric" => |_, a| {
            let s = this_str(&a)?;
            Ok(Value::Bool(
                !s.is_empty() && s.chars().all(|c| c.is_numeric()),
            ))
        },
        "isalpha" => |_, a| {
            let s = this_str(&a)?;
            Ok(Value::Bool(
                !s.is_empty() && s.chars().all(char::is_alphabetic),
            ))
        },
        "isalnum" => |_, a| {
            let s = this_str(&a)?;
            Ok(Value::Bool(
                !s.is_empty() && s.chars().all(char::is_alphanumeric),
            ))
        },
        "isspace" => |_, a| {
            let s = this_str(&a)?;
            Ok(Value::Bool(
                !s.is_empty() && s.chars().all(char::is_whitespace),
            ))
        },
        "isupper" => |_, a| {
            let s = this_str(&a)?;
            Ok(Value::Bool(
                s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase),
            ))
        },
        "islower" => |_, a| {
            let s = this_str(&a)?;
            Ok(Value::Bool(
                s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase),
            ))
        },
        "isidentifier" => |_, a| {
            let s = this_str(&a)?;
            Ok(Value::Bool(
                s.chars()
                    .next()
                    .is_some_and(|c| c.is_alphabetic() || c == '_')
                    && s.chars().all(|c| c.is_alphanumeric() || c == '_'),
            ))
        },
        "isascii" => |_, a| Ok(Value::Bool(this_str(&a)?.is_ascii())),
        "center" => |_, a| pad(&a, '^'),
        "ljust" => |_, a| pad(&a, '<'),
        "rjust" => |_, a| pad(&a, '>'),
        "zfill" => |_, a| {
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
        },
        "partition" => |_, a| partition(&a, false),
        "rpartition" => |_, a| partition(&a, true),
        "format" => |vm, a| {
            let s = this_str(&a)?;
            Ok(Value::str(&str_format(
                vm,
                &s,
                &a.positional[1..],
                a.keywords,
            )?))
        },
        "expandtabs" => |_, a| {
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
        },
        "removeprefix" => |_, a| {
            let s = this_str(&a)?;
            let p = protocol::str_arg(&a.positional[1])?;
            Ok(Value::str(s.strip_prefix(p.as_str()).unwrap_or(&s)))
        },
        "removesuffix" => |_, a| {
            let s = this_str(&a)?;
            let p = protocol::str_arg(&a.positional[1])?;
            Ok(Value::str(if p.is_empty() {
                &s
            } else {
                s.strip_suffix(p.as_str()).unwrap_or(&s)
            }))
        },
        "__len__" => |_, a| Ok(Value::Int(this_str(&a)?.chars().count() as i64)),
        _ => return None,
    })
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
            let words: Vec<&str> = s.split_whitespace().collect();
            if maxsplit < 0 || words.len() <= maxsplit as usize {
                words.into_iter().map(String::from).collect()
            } else if from_right {
                let mut rest = s.trim_end();
                let mut out = Vec::new();
                for _ in 0..maxsplit {
                    let cut = rest.rfind(char::is_whitespace).unwrap_or(0);
                    out.push(rest[cut..].trim_start().to_string());
                    rest = rest[..cut].trim_end();
                }
                out.push(rest.to_string());
                out.reverse();
                out
            } else {
                let mut rest = s.trim_start();
                let mut out = Vec::new();
                for _ in 0..maxsplit {
                    let cut = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    out.push(rest[..cut].to_string());
                    rest = rest[cut..].trim_start();
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
        None => c.is_whitespace(),
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

pub(super) fn prefix_check(a: &Args, start: bool) -> PyResult<Value> {
    let s = this_str(a)?;
    let chars: Vec<char> = s.chars().collect();
    let lo = a.positional.get(2).map(index_of).transpose()?.unwrap_or(0);
    let hi = a
        .positional
        .get(3)
        .map(index_of)
        .transpose()?
        .unwrap_or(chars.len() as i64);
    let n = chars.len() as i64;
    let clamp = |i: i64| (if i < 0 { (i + n).max(0) } else { i.min(n) }) as usize;
    let region: String = if clamp(lo) <= clamp(hi) {
        chars[clamp(lo)..clamp(hi)].iter().collect()
    } else {
        return Ok(Value::Bool(false));
    };
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
        if start {
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
    let n = chars.len() as i64;
    let clamp = |i: i64| (if i < 0 { (i + n).max(0) } else { i.min(n) }) as usize;
    let lo = clamp(
        a.positional
            .get(2)
            .filter(|v| !v.is_none())
            .map(index_of)
            .transpose()?
            .unwrap_or(0),
    );
    let hi = clamp(
        a.positional
            .get(3)
            .filter(|v| !v.is_none())
            .map(index_of)
            .transpose()?
            .unwrap_or(n),
    );
    let found = if lo <= hi {
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

/// `str.format`: `{}`, `{0}`, `{name}`, `{0.attr}`, `{0[key]}`, `!r/!s/!a`, `:spec`.
pub fn str_format(
    vm: &mut Vm,
    fmt: &str,
    args: &[Value],
    kwargs: &[(Rc<str>, Value)],
) -> PyResult<String> {
    let mut out = String::new();
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    let mut auto = 0usize;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() && depth > 0 {
                match chars[j] {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            if depth != 0 {
                return Err(value_error("Single '{' encountered in format string"));
            }
            let field: String = chars[i + 1..j - 1].iter().collect();
            out.push_str(&format_field(vm, &field, args, kwargs, &mut auto)?);
            i = j;
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

pub(super) fn format_field(
    vm: &mut Vm,
    field: &str,
    args: &[Value],
    kwargs: &[(Rc<str>, Value)],
    auto: &mut usize,
) -> PyResult<String> {
    let (head, spec) = match field.find(':') {
        Some(p) => (&field[..p], &field[p + 1..]),
        None => (field, ""),
    };
    let (path, conversion) = match head.find('!') {
        Some(p) => (&head[..p], head[p + 1..].chars().next()),
        None => (head, None),
    };
    let first_end = path.find(['.', '[']).unwrap_or(path.len());
    let first = &path[..first_end];
    let mut value = if first.is_empty() {
        let v = args.get(*auto).cloned().ok_or_else(|| {
            index_error(format!(
                "Replacement index {} out of range for positional args tuple",
                *auto
            ))
        })?;
        *auto += 1;
        v
    } else if let Ok(n) = first.parse::<usize>() {
        args.get(n).cloned().ok_or_else(|| {
            index_error(format!(
                "Replacement index {n} out of range for positional args tuple"
            ))
        })?
    } else {
        kwargs
            .iter()
            .find(|(k, _)| &**k == first)
            .map(|(_, v)| v.clone())
            .ok_or_else(|| key_error(Value::str(first)))?
    };
    let mut rest = &path[first_end..];
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            value = protocol::getattr(vm, &value, &r[..end])?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r
                .find(']')
                .ok_or_else(|| value_error("Missing ']' in format string"))?;
            let key = &r[..end];
            let k = key
                .parse::<i64>()
                .map(Value::Int)
                .unwrap_or_else(|_| Value::str(key));
            value = protocol::getitem(vm, &value, &k)?;
            rest = &r[end + 1..];
        } else {
            break;
        }
    }
    let value = match conversion {
        Some('r') => Value::str(&protocol::repr(vm, &value)?),
        Some('s') => Value::str(&protocol::str_of(vm, &value)?),
        Some('a') => Value::str(&ops::text::ascii(&protocol::repr(vm, &value)?)),
        _ => value,
    };
    // Nested fields in the spec ({:{width}}).
    let spec = if spec.contains('{') {
        str_format(vm, spec, args, kwargs)?
    } else {
        spec.to_string()
    };
    ops::text::format(vm, &value, &spec)
}
