//! `re.Pattern` (sre.c's `PatternObject`): the compiled code and what it
//! was compiled from, and the methods that run it: `match`, `fullmatch`,
//! `search`, `findall`, `finditer`, `scanner`, `split`, `sub`, `subn`.

use std::rc::Rc;

use crate::object::exception::{runtime_error, type_error, PyErr};
use crate::object::function::{m, Args, MethodDef};
use crate::object::native::native_ref;
use crate::object::{builtin_types, PyResult, Type, Value};
use crate::vm::protocol;
use crate::vm::Vm;

use super::engine::{Found, Request, SreError};
use super::matchobj::{new_match, new_scanner};
use super::subject::{clamp, Text};
use super::{clinic_bind, seal, ssize_arg, types, CLASS_GETITEM};
use crate::builtins::modules::{native_getsets, native_type, GetSet};

/// A compiled pattern.
pub(in crate::builtins::modules) struct Pattern {
    /// The str or bytes it was compiled from (None when `_sre.compile` was
    /// given None).
    pub pattern: Value,
    pub flags: i64,
    pub code: Rc<[u32]>,
    /// The number of capturing groups.
    pub groups: usize,
    /// `{name: number}`, kept only when not empty.
    pub groupindex: Option<Value>,
    /// `(None, name-or-None, ...)`, kept only with a groupindex.
    pub indexgroup: Option<Value>,
    /// -1: no pattern string; 0: str; 1: bytes.
    pub isbytes: i8,
}

/// A subject made ready for one call (`state_init`).
pub(super) struct State {
    pub text: Text,
    pub pos: usize,
    pub endpos: usize,
}

impl Pattern {
    /// `state_init`: the subject's text, checked against the pattern's
    /// kind, with `pos`/`endpos` clamped.
    pub fn state(&self, string: &Value, pos: i64, endpos: i64) -> PyResult<State> {
        let text = Text::of(string)?;
        if text.is_bytes() && self.isbytes == 0 {
            return Err(type_error(
                "cannot use a string pattern on a bytes-like object",
            ));
        }
        if !text.is_bytes() && self.isbytes > 0 {
            return Err(type_error(
                "cannot use a bytes pattern on a string-like object",
            ));
        }
        let (pos, endpos) = clamp(pos, endpos, text.len());
        Ok(State { text, pos, endpos })
    }

    /// One run of the matcher from `start` (a match there, or a search
    /// from there), with the `fullmatch` and must-advance rules.
    pub fn run(
        &self,
        vm: &mut Vm,
        text: &Text,
        start: usize,
        endpos: usize,
        opts: RunOpts,
    ) -> PyResult<Option<Found>> {
        let req = Request {
            code: &self.code,
            pos: start,
            endpos,
            match_all: opts.match_all,
            must_advance: opts.must_advance,
            ngroups: self.groups,
        };
        // The matcher polls for signals (`PyErr_CheckSignals`): Ctrl-C
        // stops catastrophic backtracking with KeyboardInterrupt. A handler
        // that does not raise lets the match go on: it starts again, and
        // finds what it would have found.
        loop {
            let pending = || crate::vm::signals::PENDING.load(std::sync::atomic::Ordering::Relaxed);
            match text.run(&req, opts.search, &mut { pending }) {
                Err(SreError::Interrupted) => vm.run_signal_handlers()?,
                other => return other.map_err(engine_error),
            }
        }
    }
}

/// How one run of the matcher goes.
#[derive(Clone, Copy, Default)]
pub(super) struct RunOpts {
    pub search: bool,
    pub match_all: bool,
    pub must_advance: bool,
}

/// `pattern_error`: the matcher's failures as Python exceptions.
fn engine_error(e: SreError) -> PyErr {
    match e {
        SreError::Interrupted => PyErr::new(&builtin_types().keyboard_interrupt, ""),
        SreError::Memory => PyErr::with_args(&builtin_types().memory_error, vec![]),
        SreError::Runtime(msg) if msg.starts_with("The span of capturing group") => {
            crate::object::exception::system_error(msg)
        }
        SreError::Runtime(msg) if msg.starts_with("maximum recursion") => {
            crate::object::exception::recursion_error(msg)
        }
        SreError::Runtime(msg) => runtime_error(msg),
    }
}

/// The pattern a method was called on.
pub(super) fn this<'a>(v: &'a Value, method: &str) -> PyResult<&'a Pattern> {
    native_ref::<Pattern>(v).ok_or_else(|| {
        type_error(format!(
            "descriptor '{method}' for 're.Pattern' objects doesn't apply to a '{}' object",
            protocol::type_name(v)
        ))
    })
}

pub(super) fn make_type() -> Rc<Type> {
    let t = native_type("Pattern", "re", vec![], METHODS);
    seal(&t);
    protocol::dict_set_str_plain(
        &t,
        "__doc__",
        Value::str("Compiled regular expression object."),
    );
    native_getsets(&t, GETSETS);
    t
}

static METHODS: &[MethodDef] = &[
    m("__new__", |_, _| {
        Err(type_error("cannot create 're.Pattern' instances"))
    }),
    m("match", |vm, a| {
        find_one(vm, a, "match", RunOpts::default())
    }),
    m("fullmatch", |vm, a| {
        let opts = RunOpts {
            match_all: true,
            ..RunOpts::default()
        };
        find_one(vm, a, "fullmatch", opts)
    }),
    m("search", |vm, a| {
        let opts = RunOpts {
            search: true,
            ..RunOpts::default()
        };
        find_one(vm, a, "search", opts)
    }),
    m("findall", findall),
    m("finditer", finditer),
    m("scanner", scanner),
    m("split", split),
    m("sub", |vm, a| subx(vm, a, "sub", false)),
    m("subn", |vm, a| subx(vm, a, "subn", true)),
    m("__copy__", |_, a| Ok(a.positional[0].clone())),
    m("__deepcopy__", |_, a| Ok(a.positional[0].clone())).o(),
    m("__repr__", repr),
    m("__eq__", |vm, a| compare(vm, a, true)).o(),
    m("__ne__", |vm, a| compare(vm, a, false)).o(),
    m("__hash__", hash),
    CLASS_GETITEM,
];

static GETSETS: &[GetSet] = &[
    GetSet {
        name: "pattern",
        get: |_, a| Ok(this(&a.positional[0], "pattern")?.pattern.clone()),
        set: None,
    },
    GetSet {
        name: "flags",
        get: |_, a| Ok(Value::Int(this(&a.positional[0], "flags")?.flags)),
        set: None,
    },
    GetSet {
        name: "groups",
        get: |_, a| Ok(Value::Int(this(&a.positional[0], "groups")?.groups as i64)),
        set: None,
    },
    GetSet {
        name: "groupindex",
        get: |_, a| {
            let p = this(&a.positional[0], "groupindex")?;
            match &p.groupindex {
                Some(Value::Dict(d)) => Ok(crate::builtins::mappingproxy::new_mappingproxy(
                    d.borrow().clone(),
                )),
                _ => Ok(Value::Dict(Default::default())),
            }
        },
        set: None,
    },
];

/// The `(string, pos=0, endpos=sys.maxsize)` arguments of the matching
/// methods.
fn string_pos_endpos(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<(Value, i64, i64)> {
    let bound = clinic_bind(
        fname,
        &a.positional[1..],
        a.keywords,
        &["string", "pos", "endpos"],
        1,
        3,
    )?;
    let string = bound[0].clone().unwrap_or(Value::None);
    let pos = match &bound[1] {
        Some(v) => ssize_arg(vm, v)?,
        None => 0,
    };
    let endpos = match &bound[2] {
        Some(v) => ssize_arg(vm, v)?,
        None => i64::MAX,
    };
    Ok((string, pos, endpos))
}

/// `match`, `fullmatch` and `search`: one run, a Match or None.
fn find_one(vm: &mut Vm, a: Args, fname: &str, opts: RunOpts) -> PyResult<Value> {
    let this_value = a.positional[0].clone();
    let p = this(&this_value, fname)?;
    let (string, pos, endpos) = string_pos_endpos(vm, &a, fname)?;
    let state = p.state(&string, pos, endpos)?;
    match p.run(vm, &state.text, state.pos, state.endpos, opts)? {
        Some(found) => new_match(&this_value, p, &string, &state, &found),
        None => Ok(Value::None),
    }
}

/// The successive non-overlapping matches of a search from `state.pos`,
/// as findall, split and sub walk them: after an empty match the next
/// one must advance.
struct Walk {
    start: usize,
    must_advance: bool,
}

impl Walk {
    fn new(state: &State) -> Walk {
        Walk {
            start: state.pos,
            must_advance: false,
        }
    }

    /// The next match, or None when there is none (or `start` has passed
    /// the end).
    fn next(&mut self, vm: &mut Vm, p: &Pattern, state: &State) -> PyResult<Option<Found>> {
        if self.start > state.endpos {
            return Ok(None);
        }
        let opts = RunOpts {
            search: true,
            match_all: false,
            must_advance: self.must_advance,
        };
        let found = p.run(vm, &state.text, self.start, state.endpos, opts)?;
        if let Some(f) = &found {
            self.must_advance = f.end == f.start;
            self.start = f.end;
        }
        Ok(found)
    }
}

/// The text of group `index` (1-based) of a match found by `found`, or
/// `empty` when it did not take part (`state_getslice`).
fn group_slice(state: &State, string: &Value, found: &Found, index: usize, empty: bool) -> Value {
    match found.groups.get(index - 1).copied().flatten() {
        Some((i, j)) => state.text.slice(string, i, j),
        None if empty => state.text.slice(string, 0, 0),
        None => Value::None,
    }
}

fn findall(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = this(&a.positional[0], "findall")?;
    let (string, pos, endpos) = string_pos_endpos(vm, &a, "findall")?;
    let state = p.state(&string, pos, endpos)?;
    let mut out = Vec::new();
    let mut walk = Walk::new(&state);
    while let Some(found) = walk.next(vm, p, &state)? {
        let item = match p.groups {
            0 => state.text.slice(&string, found.start, found.end),
            1 => group_slice(&state, &string, &found, 1, true),
            n => Value::tuple(
                (1..=n)
                    .map(|i| group_slice(&state, &string, &found, i, true))
                    .collect(),
            ),
        };
        out.push(item);
    }
    Ok(Value::list(out))
}

fn scanner(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let this_value = a.positional[0].clone();
    let p = this(&this_value, "scanner")?;
    let (string, pos, endpos) = string_pos_endpos(vm, &a, "scanner")?;
    let state = p.state(&string, pos, endpos)?;
    Ok(new_scanner(&this_value, &string, state))
}

/// `finditer`: `iter(scanner.search, None)`.
fn finditer(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let scanner = scanner(vm, a)?;
    let search = protocol::getattr(vm, &scanner, "search")?;
    Ok(Value::Iterator(Rc::new(std::cell::RefCell::new(
        crate::object::iter::IterState::Callable {
            func: search,
            sentinel: Value::None,
        },
    ))))
}

fn split(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = this(&a.positional[0], "split")?;
    let bound = clinic_bind(
        "split",
        &a.positional[1..],
        a.keywords,
        &["string", "maxsplit"],
        1,
        2,
    )?;
    let string = bound[0].clone().unwrap_or(Value::None);
    let maxsplit = match &bound[1] {
        Some(v) => ssize_arg(vm, v)?,
        None => 0,
    };
    let state = p.state(&string, 0, i64::MAX)?;
    let mut out = Vec::new();
    let mut walk = Walk::new(&state);
    let mut last = state.pos;
    let mut n = 0;
    while maxsplit == 0 || n < maxsplit {
        let Some(found) = walk.next(vm, p, &state)? else {
            break;
        };
        out.push(state.text.slice(&string, last, found.start));
        for i in 1..=p.groups {
            out.push(group_slice(&state, &string, &found, i, false));
        }
        n += 1;
        last = found.end;
    }
    out.push(state.text.slice(&string, last, state.endpos));
    Ok(Value::list(out))
}

/// What `sub` puts in place of each match (`pattern_subx`'s filter).
enum Filter {
    Literal(Value),
    Callable(Value),
}

/// `sub` and `subn`.
fn subx(vm: &mut Vm, a: Args, fname: &str, subn: bool) -> PyResult<Value> {
    let this_value = a.positional[0].clone();
    let p = this(&this_value, fname)?;
    let bound = clinic_bind(
        fname,
        &a.positional[1..],
        a.keywords,
        &["repl", "string", "count"],
        2,
        3,
    )?;
    let repl = bound[0].clone().unwrap_or(Value::None);
    let string = bound[1].clone().unwrap_or(Value::None);
    let count = match &bound[2] {
        Some(v) => ssize_arg(vm, v)?,
        None => 0,
    };
    let filter = if protocol::is_callable(&repl) {
        Filter::Callable(repl)
    } else {
        // A template without a backslash is used as it is; any other is
        // compiled by `re._subx` (Python), which gives back either a
        // literal or a function of the match.
        let literal = match Text::of(&repl) {
            Ok(Text::Bytes(b)) => !b.contains(&b'\\'),
            Ok(Text::Ascii(s)) => !s.contains('\\'),
            Ok(Text::Wide(w)) => !w.contains(&('\\' as u32)),
            Err(_) => false,
        };
        if literal {
            Filter::Literal(repl)
        } else {
            let re = crate::builtins::modules::importer::import_absolute(vm, "re")?;
            let subx = protocol::getattr(vm, &re, "_subx")?;
            let f = vm.call(&subx, vec![this_value.clone(), repl])?;
            if protocol::is_callable(&f) {
                Filter::Callable(f)
            } else {
                Filter::Literal(f)
            }
        }
    };
    let state = p.state(&string, 0, i64::MAX)?;
    let mut pieces = Vec::new();
    let mut walk = Walk::new(&state);
    let mut i = 0;
    let mut n = 0i64;
    while count == 0 || n < count {
        let Some(found) = walk.next(vm, p, &state)? else {
            break;
        };
        if i < found.start {
            pieces.push(state.text.slice(&string, i, found.start));
        }
        let item = match &filter {
            Filter::Literal(v) => v.clone(),
            Filter::Callable(f) => {
                let m = new_match(&this_value, p, &string, &state, &found)?;
                vm.call(f, vec![m])?
            }
        };
        if !matches!(item, Value::None) {
            pieces.push(item);
        }
        i = found.end;
        n += 1;
    }
    if i < state.endpos {
        pieces.push(state.text.slice(&string, i, state.endpos));
    }
    let joined = join(&state.text, pieces)?;
    if subn {
        Ok(Value::tuple(vec![joined, Value::Int(n)]))
    } else {
        Ok(joined)
    }
}

/// `PyUnicode_Join` / `_PyBytes_Join` of the pieces with an empty
/// separator, with their messages for a piece of the wrong type.
fn join(text: &Text, pieces: Vec<Value>) -> PyResult<Value> {
    if pieces.is_empty() {
        return Ok(text.empty());
    }
    // A single exact str or bytes is the result itself, as both joins do
    // (a `sub` that replaced nothing hands back its subject, uncopied).
    if let [only] = &pieces[..] {
        match only {
            Value::Str(_) if !text.is_bytes() => return Ok(only.clone()),
            Value::Bytes(_) if text.is_bytes() => return Ok(only.clone()),
            _ => {}
        }
    }
    if text.is_bytes() {
        let mut out = Vec::new();
        for (k, piece) in pieces.iter().enumerate() {
            match Text::of(piece) {
                Ok(Text::Bytes(b)) if !matches!(piece, Value::Str(_)) => out.extend_from_slice(&b),
                _ => {
                    return Err(type_error(format!(
                        "sequence item {k}: expected a bytes-like object, {} found",
                        protocol::type_name(piece)
                    )))
                }
            }
        }
        Ok(Value::Bytes(Rc::from(out)))
    } else {
        let mut out = String::new();
        for (k, piece) in pieces.iter().enumerate() {
            match piece {
                Value::Str(s) => out.push_str(s),
                Value::Instance(i) if matches!(i.payload, Some(Value::Str(_))) => {
                    if let Some(Value::Str(s)) = &i.payload {
                        out.push_str(s);
                    }
                }
                _ => {
                    return Err(type_error(format!(
                        "sequence item {k}: expected str instance, {} found",
                        protocol::type_name(piece)
                    )))
                }
            }
        }
        Ok(Value::str(&out))
    }
}

/// `pattern_repr`: `re.compile('a+', re.IGNORECASE)`.
fn repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const FLAG_NAMES: [(&str, i64); 8] = [
        ("re.IGNORECASE", 2),
        ("re.LOCALE", 4),
        ("re.MULTILINE", 8),
        ("re.DOTALL", 16),
        ("re.UNICODE", 32),
        ("re.VERBOSE", 64),
        ("re.DEBUG", 128),
        ("re.ASCII", 256),
    ];
    let p = this(&a.positional[0], "__repr__")?;
    let mut flags = p.flags;
    // re.UNICODE goes unsaid for a str pattern that has no other
    // character-class flag.
    if p.isbytes == 0 && flags & (4 | 32 | 256) == 32 {
        flags &= !32;
    }
    let mut names: Vec<String> = Vec::new();
    for (name, bit) in FLAG_NAMES {
        if flags & bit != 0 {
            names.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        names.push(format!("{:#x}", flags as i32 as u32));
    }
    let pattern_repr: String = protocol::repr(vm, &p.pattern)?.chars().take(200).collect();
    Ok(Value::str(&if names.is_empty() {
        format!("re.compile({pattern_repr})")
    } else {
        format!("re.compile({pattern_repr}, {})", names.join("|"))
    }))
}

/// `pattern_richcompare`: same flags, kind, code and pattern.
fn compare(vm: &mut Vm, a: Args, eq: bool) -> PyResult<Value> {
    let left = &a.positional[0];
    let right = &a.positional[1];
    let (Some(l), Some(r)) = (native_ref::<Pattern>(left), native_ref::<Pattern>(right)) else {
        return Ok(Value::NotImplemented);
    };
    if !Rc::ptr_eq(&protocol::type_of(right), &types().pattern) {
        return Ok(Value::NotImplemented);
    }
    let same = left.is(right)
        || (l.flags == r.flags
            && l.isbytes == r.isbytes
            && l.code == r.code
            && protocol::eq(vm, &l.pattern, &r.pattern)?);
    Ok(Value::Bool(same == eq))
}

/// `pattern_hash`: the pattern's hash mixed with the code's.
fn hash(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = this(&a.positional[0], "__hash__")?;
    let mut h = protocol::hash_value(vm, &p.pattern)?;
    // FNV-1a over the code words, standing in for `Py_HashBuffer`.
    let mut code_hash: u64 = 0xcbf2_9ce4_8422_2325;
    for w in p.code.iter() {
        for byte in w.to_le_bytes() {
            code_hash = (code_hash ^ byte as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
    h ^= code_hash as i64;
    h ^= p.flags;
    h ^= p.isbytes as i64;
    h ^= p.code.len() as i64;
    if h == -1 {
        h = -2;
    }
    Ok(Value::Int(h))
}
