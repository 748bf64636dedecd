//! Text: `repr()` of every value, `format()` with the format-spec
//! mini-language, f-string FORMAT_VALUE, and `%`-formatting.

use crate::object::exception::{type_error, value_error};
use crate::object::repr::{format_float_repr, repr_bytes, repr_complex, repr_float, repr_str};
use crate::object::{PyResult, Value};
use crate::vm::protocol::{self, call_dunder, type_name};
use crate::vm::Vm;

use super::arith::{big, is_int};

thread_local! {
    /// Containers whose repr is being built (CPython's `Py_ReprEnter`), so a
    /// list that contains itself prints as `[...]` instead of recursing.
    static REPR_ACTIVE: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(p) = protocol::builtin_payload(v, "__repr__") {
        return repr(vm, &p);
    }
    let guarded = matches!(v, Value::List(_) | Value::Dict(_) | Value::Set(_));
    if guarded {
        let id = v.id();
        if REPR_ACTIVE.with(|a| a.borrow().contains(&id)) {
            return Ok(match v {
                Value::List(_) => "[...]".into(),
                Value::Dict(_) => "{...}".into(),
                _ => "set(...)".into(),
            });
        }
        REPR_ACTIVE.with(|a| a.borrow_mut().push(id));
        let r = repr_inner(vm, v);
        REPR_ACTIVE.with(|a| a.borrow_mut().retain(|&x| x != id));
        return r;
    }
    repr_inner(vm, v)
}

fn repr_inner(vm: &mut Vm, v: &Value) -> PyResult<String> {
    Ok(match v {
        Value::Null => "<NULL>".into(),
        Value::None => "None".into(),
        Value::NotImplemented => "NotImplemented".into(),
        Value::Ellipsis => "Ellipsis".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::BigInt(b) => b.to_string(),
        Value::Float(f) => repr_float(*f),
        Value::Complex(re, im) => repr_complex(*re, *im),
        Value::Str(s) => repr_str(s.chars().map(|c| c as u32)),
        Value::Bytes(b) => repr_bytes(b),
        Value::Tuple(t) => {
            let parts = reprs(vm, t)?;
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Value::List(l) => {
            let items = l.borrow().clone();
            format!("[{}]", reprs(vm, &items)?.join(", "))
        }
        Value::Dict(d) => {
            let items = d.borrow().items();
            let mut parts = Vec::with_capacity(items.len());
            for (k, val) in items {
                parts.push(format!("{}: {}", repr(vm, &k)?, repr(vm, &val)?));
            }
            format!("{{{}}}", parts.join(", "))
        }
        Value::Set(d) => {
            let keys = d.borrow().set_order_keys();
            if keys.is_empty() {
                "set()".into()
            } else {
                format!("{{{}}}", reprs(vm, &keys)?.join(", "))
            }
        }
        Value::FrozenSet(d) => {
            let keys = d.set_order_keys();
            if keys.is_empty() {
                "frozenset()".into()
            } else {
                format!("frozenset({{{}}})", reprs(vm, &keys)?.join(", "))
            }
        }
        Value::Range(r) => {
            let (start, stop, step) = r.bounds();
            if step == 1.into() {
                format!("range({start}, {stop})")
            } else {
                format!("range({start}, {stop}, {step})")
            }
        }
        Value::Slice(s) => format!(
            "slice({}, {}, {})",
            repr(vm, &s[0])?,
            repr(vm, &s[1])?,
            repr(vm, &s[2])?
        ),
        Value::Function(f) => format!("<function {} at {:#x}>", f.qualname.borrow(), v.id()),
        Value::BoundMethod(m) => {
            let name = protocol::getattr(vm, &m.function, "__qualname__").ok();
            let name = name
                .map(|n| protocol::str_of(vm, &n))
                .transpose()?
                .unwrap_or_default();
            format!("<bound method {name} of {}>", repr(vm, &m.receiver)?)
        }
        Value::Builtin(b) => match &b.receiver {
            Some(r) => format!(
                "<built-in method {} of {} object at {:#x}>",
                b.name,
                type_name(r),
                r.id()
            ),
            None => format!("<built-in function {}>", b.name),
        },
        Value::Type(t) => {
            // A metaclass's __repr__.
            if let Some(r) = call_dunder(vm, v, "__repr__", vec![])? {
                return match r {
                    Value::Str(s) => Ok(s.to_string()),
                    other => Err(type_error(format!(
                        "__repr__ returned non-string (type {})",
                        type_name(&other)
                    ))),
                };
            }
            if t.kind == crate::object::Kind::User {
                let module = protocol::lookup(t, "__module__")
                    .map(|m| protocol::str_of(vm, &m))
                    .transpose()?;
                match module.as_deref() {
                    Some("builtins") | None => format!("<class '{}'>", t.qualname.borrow()),
                    Some(m) => format!("<class '{m}.{}'>", t.qualname.borrow()),
                }
            } else {
                format!("<class '{}'>", t.name)
            }
        }
        Value::Instance(_) => match call_dunder(vm, v, "__repr__", vec![])? {
            Some(Value::Str(s)) => s.to_string(),
            Some(other) => {
                return Err(type_error(format!(
                    "__repr__ returned non-string (type {})",
                    type_name(&other)
                )))
            }
            None => {
                let t = protocol::type_of(v);
                let module = protocol::lookup(&t, "__module__")
                    .map(|m| protocol::str_of(vm, &m))
                    .transpose()?;
                format!(
                    "<{}.{} object at {:#x}>",
                    module.unwrap_or_default(),
                    t.qualname.borrow(),
                    v.id()
                )
            }
        },
        Value::Exception(e) => {
            if let Some(r) = call_dunder(vm, v, "__repr__", vec![])? {
                return protocol::str_arg(&r);
            }
            let args = e.args.borrow().clone();
            let parts = reprs(vm, &args)?;
            if parts.len() == 1 {
                format!("{}({})", e.class.name, parts[0])
            } else {
                format!("{}({})", e.class.name, parts.join(", "))
            }
        }
        Value::Iterator(_) => format!("<iterator object at {:#x}>", v.id()),
        Value::Generator(g) => format!(
            "<{} object {} at {:#x}>",
            g.kind.type_name(),
            g.qualname.borrow(),
            v.id()
        ),
        Value::GenAwaitable(a) => format!("<{} object at {:#x}>", a.type_name(), v.id()),
        Value::DictView(view) => {
            let name = match view.1 {
                crate::object::iter::DictView::Keys => "dict_keys",
                crate::object::iter::DictView::Values => "dict_values",
                crate::object::iter::DictView::Items => "dict_items",
            };
            let items = protocol::collect(vm, v)?;
            let inner = repr(vm, &Value::list(items))?;
            format!("{name}({inner})")
        }
        Value::AsyncGenWrapped(_) => {
            format!("<async_generator_wrapped_value object at {:#x}>", v.id())
        }
        Value::Cell(_) => format!("<cell at {:#x}>", v.id()),
        Value::Code(c) => c.repr(),
        Value::Module(m) => format!("<module '{}'>", m.name),
        Value::StaticMethod(_) => format!("<staticmethod object at {:#x}>", v.id()),
        Value::ClassMethod(_) => format!("<classmethod object at {:#x}>", v.id()),
        Value::Property(_) => format!("<property object at {:#x}>", v.id()),
        Value::Super(s) => format!(
            "<super: <class '{}'>, <{} object>>",
            s.0.name,
            type_name(&s.1)
        ),
    })
}

fn reprs(vm: &mut Vm, items: &[Value]) -> PyResult<Vec<String>> {
    items.iter().map(|x| repr(vm, x)).collect()
}

/// FORMAT_VALUE: conversion (0 none, 1 str, 2 repr, 3 ascii) then format spec.
pub fn format_value(
    vm: &mut Vm,
    v: Value,
    conversion: usize,
    spec: Option<Value>,
) -> PyResult<Value> {
    let v = match conversion {
        1 => Value::str(&protocol::str_of(vm, &v)?),
        2 => Value::str(&repr(vm, &v)?),
        3 => Value::str(&ascii(&repr(vm, &v)?)),
        _ => v,
    };
    let spec = match spec {
        Some(Value::Str(s)) => s.to_string(),
        _ => String::new(),
    };
    if spec.is_empty() {
        if let Value::Str(_) = v {
            return Ok(v);
        }
    }
    Ok(Value::str(&format(vm, &v, &spec)?))
}

/// `ascii()`: the repr with non-ASCII characters escaped.
pub fn ascii(repr: &str) -> String {
    let mut out = String::new();
    for c in repr.chars() {
        let cp = c as u32;
        match cp {
            0..=0x7f => out.push(c),
            0x80..=0xff => out.push_str(&format!("\\x{cp:02x}")),
            0x100..=0xffff => out.push_str(&format!("\\u{cp:04x}")),
            _ => out.push_str(&format!("\\U{cp:08x}")),
        }
    }
    out
}

/// `format(v, spec)`.
pub fn format(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    if let Some(r) = call_dunder(vm, v, "__format__", vec![Value::str(spec)])? {
        return protocol::str_arg(&r);
    }
    let s = Spec::parse(spec)?;
    match v {
        Value::Bool(_) | Value::Int(_) | Value::BigInt(_)
            if s.kind.map_or(true, |k| "bcdoxXn".contains(k)) =>
        {
            if s.kind.is_none() && matches!(v, Value::Bool(_)) && spec.is_empty() {
                return protocol::str_of(vm, v);
            }
            format_int(&s, v)
        }
        Value::Bool(_) | Value::Int(_) | Value::BigInt(_) | Value::Float(_) => {
            let f = super::arith::to_f64(v).unwrap_or(0.0);
            format_float(&s, f, matches!(v, Value::Float(_)))
        }
        Value::Str(text) => {
            if s.kind.is_some_and(|k| k != 's') {
                return Err(value_error(format!(
                    "Unknown format code '{}' for object of type 'str'",
                    s.kind.unwrap()
                )));
            }
            let text: String = match s.precision {
                Some(p) => text.chars().take(p).collect(),
                None => text.to_string(),
            };
            Ok(s.pad(&text, '<'))
        }
        _ => {
            if !spec.is_empty() {
                return Err(type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    type_name(v)
                )));
            }
            protocol::str_of(vm, v)
        }
    }
}

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
struct Spec {
    fill: char,
    align: Option<char>,
    sign: char,
    alternate: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    kind: Option<char>,
}

impl Spec {
    fn parse(spec: &str) -> PyResult<Spec> {
        let chars: Vec<char> = spec.chars().collect();
        let mut i = 0;
        let mut s = Spec {
            fill: ' ',
            align: None,
            sign: '-',
            alternate: false,
            zero: false,
            width: 0,
            grouping: None,
            precision: None,
            kind: None,
        };
        let is_align = |c: char| "<>=^".contains(c);
        if chars.len() >= 2 && is_align(chars[1]) {
            s.fill = chars[0];
            s.align = Some(chars[1]);
            i = 2;
        } else if !chars.is_empty() && is_align(chars[0]) {
            s.align = Some(chars[0]);
            i = 1;
        }
        if i < chars.len() && "+- ".contains(chars[i]) {
            s.sign = chars[i];
            i += 1;
        }
        if i < chars.len() && chars[i] == 'z' {
            i += 1;
        }
        if i < chars.len() && chars[i] == '#' {
            s.alternate = true;
            i += 1;
        }
        if i < chars.len() && chars[i] == '0' {
            s.zero = true;
            i += 1;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i > start {
            s.width = chars[start..i]
                .iter()
                .collect::<String>()
                .parse()
                .unwrap_or(0);
        }
        if i < chars.len() && (chars[i] == ',' || chars[i] == '_') {
            s.grouping = Some(chars[i]);
            i += 1;
        }
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i == start {
                return Err(value_error("Format specifier missing precision"));
            }
            s.precision = chars[start..i].iter().collect::<String>().parse().ok();
        }
        if i < chars.len() {
            s.kind = Some(chars[i]);
            i += 1;
        }
        if i < chars.len() {
            return Err(value_error("Invalid format specifier"));
        }
        if s.zero && s.align.is_none() {
            s.fill = '0';
            s.align = Some('=');
        }
        Ok(s)
    }

    fn pad(&self, body: &str, default_align: char) -> String {
        let len = body.chars().count();
        if len >= self.width {
            return body.to_string();
        }
        let n = self.width - len;
        let fill = |k: usize| self.fill.to_string().repeat(k);
        match self.align.unwrap_or(default_align) {
            '<' => format!("{body}{}", fill(n)),
            '^' => format!("{}{body}{}", fill(n / 2), fill(n - n / 2)),
            _ => format!("{}{body}", fill(n)),
        }
    }

    /// Pads a number: sign and prefix stay left of the fill for `=` alignment.
    fn pad_number(&self, negative: bool, prefix: &str, digits: &str) -> String {
        let sign = if negative {
            "-"
        } else {
            match self.sign {
                '+' => "+",
                ' ' => " ",
                _ => "",
            }
        };
        if self.align == Some('=') {
            let used = sign.len() + prefix.len() + digits.chars().count();
            let n = self.width.saturating_sub(used);
            let mut digits = digits.to_string();
            if self.fill == '0' && self.grouping.is_some() && n > 0 {
                // Zero padding extends the grouped digits ("0,001,234").
                let sep = self.grouping.unwrap();
                let plain: String = digits.chars().filter(|c| *c != sep).collect();
                let (int_part, rest) = split_number(&plain);
                let mut width = int_part.len();
                loop {
                    let g = group(
                        &format!("{}{int_part}", "0".repeat(width - int_part.len())),
                        sep,
                        3,
                    );
                    if g.len() + rest.len() + sign.len() + prefix.len() >= self.width {
                        digits = format!("{g}{rest}");
                        break;
                    }
                    width += 1;
                }
                return format!("{sign}{prefix}{digits}");
            }
            return format!("{sign}{prefix}{}{digits}", self.fill.to_string().repeat(n));
        }
        self.pad(&format!("{sign}{prefix}{digits}"), '>')
    }
}

fn split_number(s: &str) -> (&str, &str) {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    s.split_at(end)
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let chars: Vec<char> = digits.chars().collect();
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        if i > 0 && (chars.len() - i) % every == 0 {
            out.push(sep);
        }
        out.push(*c);
    }
    out
}

fn format_int(s: &Spec, v: &Value) -> PyResult<String> {
    let n = big(v).unwrap_or_default();
    let negative = num_traits::Signed::is_negative(&n);
    let mag = num_traits::Signed::abs(&n);
    let (digits, prefix) = match s.kind.unwrap_or('d') {
        'd' | 'n' => (mag.to_string(), ""),
        'x' => (mag.to_str_radix(16), "0x"),
        'X' => (mag.to_str_radix(16).to_uppercase(), "0X"),
        'o' => (mag.to_str_radix(8), "0o"),
        'b' => (mag.to_str_radix(2), "0b"),
        'c' => {
            let c = num_traits::ToPrimitive::to_u32(&n)
                .and_then(char::from_u32)
                .ok_or_else(|| {
                    crate::object::exception::overflow_error("%c arg not in range(0x110000)")
                })?;
            return Ok(s.pad(&c.to_string(), '<'));
        }
        k => {
            return Err(value_error(format!(
                "Unknown format code '{k}' for object of type 'int'"
            )))
        }
    };
    let digits = match s.grouping {
        Some(sep) => group(
            &digits,
            sep,
            if matches!(s.kind, Some('x' | 'X' | 'o' | 'b')) {
                4
            } else {
                3
            },
        ),
        None => digits,
    };
    Ok(s.pad_number(negative, if s.alternate { prefix } else { "" }, &digits))
}

fn format_float(s: &Spec, f: f64, _is_float: bool) -> PyResult<String> {
    let negative = f.is_sign_negative() && !f.is_nan();
    let x = f.abs();
    let kind = s.kind;
    let body = if x.is_nan() || x.is_infinite() {
        let t = if x.is_nan() { "nan" } else { "inf" };
        if matches!(kind, Some('E' | 'F' | 'G')) {
            t.to_uppercase()
        } else {
            t.to_string()
        }
    } else {
        match kind {
            None => match s.precision {
                // No type: like 'g' but at least one digit after the point.
                Some(p) => {
                    let g = format_g(x, p.max(1), s.alternate);
                    if g.contains(['.', 'e']) {
                        g
                    } else {
                        format!("{g}.0")
                    }
                }
                None => format_float_repr(x, true, false),
            },
            Some('f' | 'F') => format!("{:.*}", s.precision.unwrap_or(6), x),
            Some('e' | 'E') => {
                let e = format_e(x, s.precision.unwrap_or(6));
                if kind == Some('E') {
                    e.to_uppercase()
                } else {
                    e
                }
            }
            Some('g' | 'G') => {
                let g = format_g(x, s.precision.unwrap_or(6).max(1), s.alternate);
                if kind == Some('G') {
                    g.to_uppercase()
                } else {
                    g
                }
            }
            Some('%') => format!("{:.*}%", s.precision.unwrap_or(6), x * 100.0),
            Some(k) => {
                return Err(value_error(format!(
                    "Unknown format code '{k}' for object of type 'float'"
                )))
            }
        }
    };
    let body = match s.grouping {
        Some(sep) => {
            let (int_part, rest) = split_number(&body);
            format!("{}{rest}", group(int_part, sep, 3))
        }
        None => body,
    };
    Ok(s.pad_number(negative, "", &body))
}

/// `%e` style with `prec` digits after the point and a 2+ digit exponent.
pub fn format_e(x: f64, prec: usize) -> String {
    let s = format!("{:.*e}", prec, x);
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    format!(
        "{mantissa}e{}{:02}",
        if exp < 0 { '-' } else { '+' },
        exp.abs()
    )
}

/// `%g` style: `prec` significant digits, trailing zeros removed unless `#`.
pub fn format_g(x: f64, prec: usize, alternate: bool) -> String {
    if x == 0.0 {
        return if alternate {
            format!("0.{}", "0".repeat(prec - 1))
        } else {
            "0".into()
        };
    }
    let e = format!("{:.*e}", prec - 1, x);
    let exp: i32 = e.split_once('e').map_or(0, |(_, x)| x.parse().unwrap_or(0));
    let out = if exp < -4 || exp >= prec as i32 {
        format_e(x, prec - 1)
    } else {
        format!("{:.*}", (prec as i32 - 1 - exp).max(0) as usize, x)
    };
    if alternate {
        return out;
    }
    match out.split_once('e') {
        Some((m, e)) => format!("{}e{e}", strip_zeros(m)),
        None => strip_zeros(&out),
    }
}

fn strip_zeros(s: &str) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}

/// `str % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    let items: Vec<Value> = match args {
        Value::Tuple(t) => t.to_vec(),
        other => vec![other.clone()],
    };
    let mapping = matches!(args, Value::Dict(_));
    let mut out = String::new();
    let mut next = 0usize;
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut key_value = None;
        if i < chars.len() && chars[i] == '(' {
            let end = chars[i..]
                .iter()
                .position(|&c| c == ')')
                .map(|p| p + i)
                .ok_or_else(|| value_error("incomplete format key"))?;
            let key: String = chars[i + 1..end].iter().collect();
            i = end + 1;
            if let Value::Dict(d) = args {
                let found = protocol::dict_get_str(d, &key);
                key_value = Some(
                    found.ok_or_else(|| crate::object::exception::key_error(Value::str(&key)))?,
                );
            }
        }
        let mut spec = String::new();
        while i < chars.len() && "-+ #0123456789.*".contains(chars[i]) {
            if chars[i] == '*' {
                // Width or precision taken from the arguments.
                let v = items
                    .get(next)
                    .cloned()
                    .ok_or_else(|| type_error("not enough arguments for format string"))?;
                next += 1;
                let n = super::arith::index_of(&v)?;
                if n < 0 && !spec.contains('.') {
                    spec.push('-');
                }
                spec.push_str(&n.abs().to_string());
            } else {
                spec.push(chars[i]);
            }
            i += 1;
        }
        let Some(&conv) = chars.get(i) else {
            return Err(value_error("incomplete format"));
        };
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let value = match key_value {
            Some(v) => v,
            None => {
                if mapping && items.len() == 1 {
                    items[0].clone()
                } else {
                    let v = items
                        .get(next)
                        .cloned()
                        .ok_or_else(|| type_error("not enough arguments for format string"))?;
                    next += 1;
                    v
                }
            }
        };
        let (flags, rest): (String, String) = {
            let split = spec
                .find(|c: char| c.is_ascii_digit() && c != '0' || c == '.')
                .unwrap_or(spec.len());
            (spec[..split].to_string(), spec[split..].to_string())
        };
        let mut pyspec = String::new();
        if flags.contains('-') {
            pyspec.push('<');
        } else if !flags.contains('0') {
            pyspec.push('>');
        }
        if flags.contains('+') {
            pyspec.push('+');
        } else if flags.contains(' ') {
            pyspec.push(' ');
        }
        if flags.contains('#') {
            pyspec.push('#');
        }
        if flags.contains('0') && !flags.contains('-') {
            pyspec.push('0');
        }
        pyspec.push_str(&rest);
        let formatted = match conv {
            's' | 'r' | 'a' => {
                let text = match conv {
                    's' => protocol::str_of(vm, &value)?,
                    'a' => ascii(&repr(vm, &value)?),
                    _ => repr(vm, &value)?,
                };
                let pyspec = pyspec.replace('0', "");
                let s =
                    Spec::parse(&pyspec.replace('>', if flags.contains('-') { "<" } else { ">" }))?;
                let text = match s.precision {
                    Some(p) => text.chars().take(p).collect(),
                    None => text,
                };
                s.pad(&text, '>')
            }
            'd' | 'i' | 'u' => {
                let n = match &value {
                    Value::Float(f) => Value::Int(f.trunc() as i64),
                    v if is_int(v) => v.clone(),
                    v => {
                        return Err(type_error(format!(
                            "%d format: a real number is required, not {}",
                            type_name(v)
                        )))
                    }
                };
                let s = Spec::parse(&format!("{pyspec}d"))?;
                format_int(&s, &n)?
            }
            'x' | 'X' | 'o' => {
                let s = Spec::parse(&format!("{pyspec}{conv}"))?;
                format_int(&s, &value)?
            }
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
                let f = super::arith::to_f64(&value).ok_or_else(|| {
                    type_error(format!("must be real number, not {}", type_name(&value)))
                })?;
                let s = Spec::parse(&format!("{pyspec}{conv}"))?;
                format_float(&s, f, true)?
            }
            'c' => match &value {
                Value::Str(s) => s.to_string(),
                v => char::from_u32(super::arith::index_of(v)? as u32)
                    .map(String::from)
                    .unwrap_or_default(),
            },
            other => {
                return Err(value_error(format!(
                    "unsupported format character '{other}' (0x{:x})",
                    other as u32
                )))
            }
        };
        out.push_str(&formatted);
    }
    if !mapping
        && next < items.len()
        && !matches!(args, Value::Tuple(t) if t.is_empty())
        && key_count(fmt) == 0
    {
        return Err(type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(out)
}

fn key_count(fmt: &str) -> usize {
    fmt.matches("%(").count()
}
