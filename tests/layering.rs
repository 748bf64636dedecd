//! The layering of `src/`: `pyc` (loading) → `bytecode` → `object` → `vm` →
//! `builtins` → `debugger` → `tui` → `cli`. A module may use the layers
//! before it, never one after it. This test reads every `crate::LAYER` path
//! in the sources (comments left out) and fails on an arrow pointing back
//! up that `KNOWN_BACK_EDGES` does not list, and on a listed one that is
//! gone (so the list only shrinks, and always says what is left to fix).

mod common;

use std::collections::BTreeSet;
use std::path::Path;

const LAYERS: &[&str] = &[
    "pyc", "bytecode", "object", "vm", "builtins", "debugger", "tui", "cli",
];

/// Back edges not fixed yet: (file, the later layer it uses), each with
/// why it is there.
const KNOWN_BACK_EDGES: &[(&str, &str)] = &[
    // A code object carries its decoded instructions, made on load.
    ("src/pyc/code.rs", "bytecode"),
    ("src/pyc/marshal.rs", "bytecode"),
    // Constants' repr/hash and the set iteration order marshal restores.
    ("src/pyc/code.rs", "object"),
    ("src/pyc/marshal.rs", "object"),
    // A native function takes the VM; a generator owns its suspended frame;
    // a code object's runtime form holds the attribute inline caches.
    ("src/object/function.rs", "vm"),
    ("src/object/generator.rs", "vm"),
    // Type machinery still in builtins: calling a type (`construct`),
    // class namespaces as mappingproxies, `__slots__` descriptors,
    // `list[int]`, `int | str`.
    ("src/vm/protocol/call.rs", "builtins"),
    ("src/vm/protocol/attr.rs", "builtins"),
    ("src/vm/protocol/mod.rs", "builtins"),
    ("src/vm/ops/arith.rs", "builtins"),
    // The import system lives in builtins/modules; the VM owns its state
    // and installs the builtins module when it starts.
    ("src/vm/eval.rs", "builtins"),
    ("src/vm/mod.rs", "builtins"),
];

fn layer_of(rel: &str) -> Option<usize> {
    let top = rel
        .strip_prefix("src/")?
        .split('/')
        .next()?
        .trim_end_matches(".rs");
    LAYERS.iter().position(|l| *l == top)
}

/// The text without `//` comments (doc comments name other layers freely).
fn code_only(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The layers a file's code names through `crate::LAYER` paths.
fn layers_used(text: &str) -> BTreeSet<usize> {
    let text = code_only(text);
    text.match_indices("crate::")
        .filter_map(|(i, _)| {
            let name: String = text[i + 7..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            LAYERS.iter().position(|l| *l == name)
        })
        .collect()
}

#[test]
fn no_layer_uses_a_later_one() {
    let root = common::repo_root();
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut found = BTreeSet::new();
    for f in &files {
        let rel = f.strip_prefix(&root).unwrap().display().to_string();
        let Some(own) = layer_of(&rel) else { continue };
        for target in layers_used(&std::fs::read_to_string(f).unwrap()) {
            if target > own {
                found.insert((rel.clone(), LAYERS[target].to_string()));
            }
        }
    }
    let known: BTreeSet<(String, String)> = KNOWN_BACK_EDGES
        .iter()
        .map(|(f, l)| (f.to_string(), l.to_string()))
        .collect();
    let new: Vec<_> = found.difference(&known).collect();
    let fixed: Vec<_> = known.difference(&found).collect();
    assert!(
        new.is_empty(),
        "these files use a later layer (see docs/ARCHITECTURE.md, \"Stages\"): {new:?}"
    );
    assert!(
        fixed.is_empty(),
        "these back edges are gone: remove them from KNOWN_BACK_EDGES: {fixed:?}"
    );
}

/// The TUI sees the paused program only through the debugger's views
/// (`Paused` and `debugger::views`): it may name the debugger, `bytecode`
/// (the disassembly it shows) and `pyc` (the loaded program it is handed),
/// never the VM, the object model or the builtins.
#[test]
fn the_tui_reads_only_the_debuggers_views() {
    let root = common::repo_root();
    let mut files = Vec::new();
    rust_files(&root.join("src/tui"), &mut files);
    let allowed = ["pyc", "bytecode", "debugger", "tui"];
    let mut found = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(&root).unwrap().display().to_string();
        for target in layers_used(&std::fs::read_to_string(f).unwrap()) {
            if !allowed.contains(&LAYERS[target]) {
                found.push((rel.clone(), LAYERS[target]));
            }
        }
    }
    assert!(
        found.is_empty(),
        "the TUI reaches past the debugger's views: {found:?}"
    );
}

#[test]
fn the_layer_list_names_every_top_level_module() {
    let root = common::repo_root();
    let lib = std::fs::read_to_string(root.join("src/lib.rs")).unwrap();
    for line in lib.lines() {
        if let Some(rest) = line.trim().strip_prefix("pub mod ") {
            let name = rest.trim_end_matches(';');
            assert!(
                LAYERS.contains(&name) || name == "alloc",
                "src/lib.rs declares `{name}`, which has no place in the layer list"
            );
        }
    }
}
