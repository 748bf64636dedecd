//! `re.Match` (sre.c's `MatchObject`): where a match and each of its
//! groups start and end in the subject, and the methods that read them;
//! and `_sre.SRE_Scanner`, the resumable search behind `finditer` and
//! `re.Scanner`.

use std::cell::{Cell, OnceCell};
use std::rc::Rc;

use crate::object::exception::{index_error, system_error, type_error, value_error};
use crate::object::function::{m, Args, MethodDef};
use crate::object::native::native_ref;
use crate::object::{Dict, PyResult, Type, Value};
use crate::vm::protocol;
use crate::vm::Vm;

use super::engine::Found;
use super::pattern::{this as this_pattern, Pattern, RunOpts, State};
use super::subject::Text;
use super::{clinic_bind, seal, types, CLASS_GETITEM};
use crate::builtins::modules::{native_getsets, native_instance, native_type, GetSet};

/// A successful match.
pub(super) struct MatchState {
    /// The `re.Pattern` that matched.
    pattern: Value,
    /// The subject, as given.
    string: Value,
    text: Text,
    /// Start and end of the whole match, then of each group; -1 for a
    /// group that did not take part.
    marks: Vec<i64>,
    pos: usize,
    endpos: usize,
    lastindex: Option<usize>,
    regs: OnceCell<Value>,
}

impl MatchState {
    /// The number of groups, the whole match included.
    fn groups(&self) -> usize {
        self.marks.len() / 2
    }

    fn pattern(&self) -> Option<&Pattern> {
        native_ref::<Pattern>(&self.pattern)
    }

    /// `match_getslice_by_index`: group `index`'s text, or `default`.
    fn slice(&self, index: usize, default: &Value) -> Value {
        let (i, j) = (self.marks[2 * index], self.marks[2 * index + 1]);
        if i < 0 || j < 0 {
            return default.clone();
        }
        // A mutable subject (bytearray, memoryview) is read again, as
        // `getstring` does: the match sees what the buffer holds now.
        if self.text.is_bytes() && !matches!(self.string, Value::Bytes(_)) {
            if let Ok(now) = Text::of(&self.string) {
                return now.slice(&self.string, i as usize, j as usize);
            }
        }
        self.text.slice(&self.string, i as usize, j as usize)
    }

    fn pair(&self, index: usize) -> Value {
        Value::tuple(vec![
            Value::Int(self.marks[2 * index]),
            Value::Int(self.marks[2 * index + 1]),
        ])
    }
}

/// `pattern_new_match`: the Match for what the matcher found.
pub(super) fn new_match(
    pattern_value: &Value,
    p: &Pattern,
    string: &Value,
    state: &State,
    found: &Found,
) -> PyResult<Value> {
    let mut marks = Vec::with_capacity(2 * (p.groups + 1));
    marks.push(found.start as i64);
    marks.push(found.end as i64);
    for g in 0..p.groups {
        match found.groups.get(g).copied().flatten() {
            Some((i, j)) if i > j => {
                return Err(system_error(
                    "The span of capturing group is wrong, please report a bug for the re module.",
                ))
            }
            Some((i, j)) => {
                marks.push(i as i64);
                marks.push(j as i64);
            }
            None => {
                marks.push(-1);
                marks.push(-1);
            }
        }
    }
    Ok(native_instance(
        &types().match_,
        MatchState {
            pattern: pattern_value.clone(),
            string: string.clone(),
            text: state.text.clone(),
            marks,
            pos: state.pos,
            endpos: state.endpos,
            lastindex: found.lastindex,
            regs: OnceCell::new(),
        },
    ))
}

/// The match a method was called on.
fn this<'a>(v: &'a Value, method: &str) -> PyResult<&'a MatchState> {
    native_ref::<MatchState>(v).ok_or_else(|| {
        type_error(format!(
            "descriptor '{method}' for 're.Match' objects doesn't apply to a '{}' object",
            protocol::type_name(v)
        ))
    })
}

pub(super) fn make_match_type() -> Rc<Type> {
    let t = native_type("Match", "re", vec![], MATCH_METHODS);
    seal(&t);
    protocol::dict_set_str_plain(
        &t,
        "__doc__",
        Value::str(
            "The result of re.match() and re.search().\nMatch objects always have a boolean value of True.",
        ),
    );
    native_getsets(&t, MATCH_GETSETS);
    t
}

static MATCH_METHODS: &[MethodDef] = &[
    m("__new__", |_, _| {
        Err(type_error("cannot create 're.Match' instances"))
    }),
    m("group", group),
    m("__getitem__", |vm, a| {
        let me = this(&a.positional[0], "__getitem__")?;
        let index = group_index(vm, me, Some(&a.positional[1]))?;
        Ok(me.slice(index, &Value::None))
    })
    .o(),
    m("groups", |vm, a| {
        let me = this(&a.positional[0], "groups")?;
        let default = default_arg(a, "groups")?;
        let _ = vm;
        Ok(Value::tuple(
            (1..me.groups()).map(|i| me.slice(i, &default)).collect(),
        ))
    }),
    m("groupdict", groupdict),
    m("start", |vm, a| {
        let me = this(&a.positional[0], "start")?;
        let index = group_index(vm, me, optional_group(&a, "start")?)?;
        Ok(Value::Int(me.marks[2 * index]))
    }),
    m("end", |vm, a| {
        let me = this(&a.positional[0], "end")?;
        let index = group_index(vm, me, optional_group(&a, "end")?)?;
        Ok(Value::Int(me.marks[2 * index + 1]))
    }),
    m("span", |vm, a| {
        let me = this(&a.positional[0], "span")?;
        let index = group_index(vm, me, optional_group(&a, "span")?)?;
        Ok(me.pair(index))
    }),
    m("expand", expand),
    m("__copy__", |_, a| Ok(a.positional[0].clone())),
    m("__deepcopy__", |_, a| Ok(a.positional[0].clone())).o(),
    m("__repr__", repr),
    CLASS_GETITEM,
];

static MATCH_GETSETS: &[GetSet] = &[
    GetSet {
        name: "lastindex",
        get: |_, a| {
            let me = this(&a.positional[0], "lastindex")?;
            Ok(me.lastindex.map_or(Value::None, |i| Value::Int(i as i64)))
        },
        set: None,
    },
    GetSet {
        name: "lastgroup",
        get: |_, a| {
            let me = this(&a.positional[0], "lastgroup")?;
            let names = me.pattern().and_then(|p| p.indexgroup.clone());
            match (names, me.lastindex) {
                (Some(Value::Tuple(names)), Some(i)) if i < names.len() => Ok(names[i].clone()),
                _ => Ok(Value::None),
            }
        },
        set: None,
    },
    GetSet {
        name: "regs",
        get: |_, a| {
            let me = this(&a.positional[0], "regs")?;
            Ok(me
                .regs
                .get_or_init(|| Value::tuple((0..me.groups()).map(|i| me.pair(i)).collect()))
                .clone())
        },
        set: None,
    },
    GetSet {
        name: "string",
        get: |_, a| Ok(this(&a.positional[0], "string")?.string.clone()),
        set: None,
    },
    GetSet {
        name: "re",
        get: |_, a| Ok(this(&a.positional[0], "re")?.pattern.clone()),
        set: None,
    },
    GetSet {
        name: "pos",
        get: |_, a| Ok(Value::Int(this(&a.positional[0], "pos")?.pos as i64)),
        set: None,
    },
    GetSet {
        name: "endpos",
        get: |_, a| Ok(Value::Int(this(&a.positional[0], "endpos")?.endpos as i64)),
        set: None,
    },
];

/// `match_getindex`: a group number (anything with `__index__`) or name;
/// IndexError("no such group") for anything else.
fn group_index(vm: &mut Vm, me: &MatchState, index: Option<&Value>) -> PyResult<usize> {
    let Some(index) = index else {
        return Ok(0);
    };
    let number = if is_index(index) {
        match protocol::number::number_index(vm, index)? {
            Value::Int(i) => Some(i),
            _ => None,
        }
    } else {
        match me.pattern().and_then(|p| p.groupindex.clone()) {
            Some(Value::Dict(d)) => match protocol::dict_lookup(vm, &d, index)? {
                Some(Value::Int(i)) => Some(i),
                _ => None,
            },
            _ => None,
        }
    };
    match number {
        Some(i) if i >= 0 && (i as u64) < me.groups() as u64 => Ok(i as usize),
        _ => Err(index_error("no such group")),
    }
}

/// `PyIndex_Check`: an int, or an object whose type has `__index__`.
fn is_index(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
        || protocol::lookup(&protocol::type_of(v), "__index__").is_some()
}

/// `group([group1, ...])`: one group's text, or a tuple of several.
fn group(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = this(&a.positional[0], "group")?;
    if !a.keywords.is_empty() {
        return Err(type_error("group() takes no keyword arguments"));
    }
    match &a.positional[1..] {
        [] => Ok(me.slice(0, &Value::None)),
        [g] => {
            let index = group_index(vm, me, Some(g))?;
            Ok(me.slice(index, &Value::None))
        }
        many => {
            let mut out = Vec::with_capacity(many.len());
            for g in many {
                let index = group_index(vm, me, Some(g))?;
                out.push(me.slice(index, &Value::None));
            }
            Ok(Value::tuple(out))
        }
    }
}

/// The `default=None` argument of `groups` and `groupdict`.
fn default_arg(a: Args, fname: &str) -> PyResult<Value> {
    let bound = clinic_bind(fname, &a.positional[1..], a.keywords, &["default"], 0, 1)?;
    Ok(bound[0].clone().unwrap_or(Value::None))
}

/// The optional positional-only `group` argument of start/end/span.
fn optional_group<'a>(a: &Args<'a>, fname: &str) -> PyResult<Option<&'a Value>> {
    if !a.keywords.is_empty() {
        return Err(type_error(format!("{fname}() takes no keyword arguments")));
    }
    match &a.positional[1..] {
        [] => Ok(None),
        [g] => Ok(Some(g)),
        more => Err(type_error(format!(
            "{fname} expected at most 1 argument, got {}",
            more.len()
        ))),
    }
}

fn groupdict(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = this(&a.positional[0], "groupdict")?;
    let default = default_arg(a, "groupdict")?;
    let result = Rc::new(std::cell::RefCell::new(Dict::new()));
    if let Some(Value::Dict(names)) = me.pattern().and_then(|p| p.groupindex.clone()) {
        let keys = names.borrow().keys();
        for key in keys {
            let index = group_index(vm, me, Some(&key))?;
            let value = me.slice(index, &default);
            protocol::dict_insert(vm, &result, key, value)?;
        }
    }
    Ok(Value::Dict(result))
}

/// `expand(template)`: `re._expand(pattern, match, template)`.
fn expand(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = this(&a.positional[0], "expand")?;
    let bound = clinic_bind(
        "expand",
        &a.positional[1..],
        a.keywords,
        &["template"],
        1,
        1,
    )?;
    let template = bound[0].clone().unwrap_or(Value::None);
    let re = crate::builtins::modules::importer::import_absolute(vm, "re")?;
    let expand = protocol::getattr(vm, &re, "_expand")?;
    let args = vec![me.pattern.clone(), a.positional[0].clone(), template];
    vm.call(&expand, args)
}

/// `<re.Match object; span=(0, 3), match='abc'>`, the match's repr cut
/// to 50 characters.
fn repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = this(&a.positional[0], "__repr__")?;
    let group0 = me.slice(0, &Value::None);
    let shown: String = protocol::repr(vm, &group0)?.chars().take(50).collect();
    let t = protocol::type_of(&a.positional[0]);
    let name = crate::object::native::display_name(&t);
    Ok(Value::str(&format!(
        "<{name} object; span=({}, {}), match={shown}>",
        me.marks[0], me.marks[1]
    )))
}

/// A scanner: a search that resumes where its last match ended.
pub(super) struct ScannerState {
    pattern: Value,
    string: Value,
    state: State,
    /// Where the next run starts; None once a run has failed.
    start: Cell<Option<usize>>,
    must_advance: Cell<bool>,
    executing: Cell<bool>,
}

pub(super) fn new_scanner(pattern: &Value, string: &Value, state: State) -> Value {
    let start = state.pos;
    native_instance(
        &types().scanner,
        ScannerState {
            pattern: pattern.clone(),
            string: string.clone(),
            state,
            start: Cell::new(Some(start)),
            must_advance: Cell::new(false),
            executing: Cell::new(false),
        },
    )
}

pub(super) fn make_scanner_type() -> Rc<Type> {
    let t = native_type("SRE_Scanner", "_sre", vec![], SCANNER_METHODS);
    seal(&t);
    native_getsets(
        &t,
        &[GetSet {
            name: "pattern",
            get: |_, a| Ok(scanner_of(&a.positional[0], "pattern")?.pattern.clone()),
            set: None,
        }],
    );
    t
}

fn scanner_of<'a>(v: &'a Value, method: &str) -> PyResult<&'a ScannerState> {
    native_ref::<ScannerState>(v).ok_or_else(|| {
        type_error(format!(
            "descriptor '{method}' for '_sre.SRE_Scanner' objects doesn't apply to a '{}' object",
            protocol::type_name(v)
        ))
    })
}

static SCANNER_METHODS: &[MethodDef] = &[
    m("__new__", |_, _| {
        Err(type_error("cannot create '_sre.SRE_Scanner' instances"))
    }),
    m("match", |vm, a| scan(vm, &a.positional[0], "match", false)),
    m("search", |vm, a| scan(vm, &a.positional[0], "search", true)),
];

/// `SRE_Scanner.match`/`search`: the next match from where the last one
/// ended, None (for good) once one fails.
fn scan(vm: &mut Vm, v: &Value, method: &str, search: bool) -> PyResult<Value> {
    let s = scanner_of(v, method)?;
    if s.executing.get() {
        return Err(value_error("regular expression scanner already executing"));
    }
    let Some(start) = s.start.get() else {
        return Ok(Value::None);
    };
    let p = this_pattern(&s.pattern, method)?;
    s.executing.set(true);
    let opts = RunOpts {
        search,
        match_all: false,
        must_advance: s.must_advance.get(),
    };
    let found = p.run(vm, &s.state.text, start, s.state.endpos, opts);
    s.executing.set(false);
    match found? {
        None => {
            s.start.set(None);
            Ok(Value::None)
        }
        Some(found) => {
            s.must_advance.set(found.end == found.start);
            s.start.set(Some(found.end));
            new_match(&s.pattern, p, &s.string, &s.state, &found)
        }
    }
}
