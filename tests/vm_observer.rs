//! The VM's observer hook: the recording observer sees every instruction, with
//! the frame depth, including those inside called functions (flat frames).

mod common;

use common::*;
use py2vm::pyc::{load_program, LoadOptions};
use py2vm::vm::{RecordingObserver, Vm};

#[test]
fn recording_observer_sees_every_instruction_at_its_depth() {
    let dir = scratch_dir("vm-observer");
    let file = dir.join("prog.py");
    std::fs::write(&file, "def f(x):\n    return x + 1\n\ny = f(41)\n").unwrap();
    let (code, mut vm) = load(&file);
    let mut recorder = RecordingObserver::default();
    vm.run_module(code, &mut recorder)
        .unwrap_or_else(|_| panic!("program raised"));
    let steps: Vec<(String, usize, String)> = recorder
        .steps
        .iter()
        .map(|s| (s.opname.clone(), s.depth, s.function.clone()))
        .collect();
    let inside: Vec<&str> = steps
        .iter()
        .filter(|s| s.2 == "f")
        .map(|s| s.0.as_str())
        .collect();
    assert_eq!(
        inside,
        [
            "RESUME",
            "LOAD_FAST",
            "LOAD_CONST",
            "BINARY_OP",
            "RETURN_VALUE"
        ]
    );
    assert!(
        steps.iter().filter(|s| s.2 == "f").all(|s| s.1 == 2),
        "f runs one frame deeper"
    );
    assert_eq!(steps.first().map(|s| s.0.as_str()), Some("RESUME"));
    assert_eq!(
        steps.last().map(|s| (s.0.as_str(), s.1)),
        Some(("RETURN_VALUE", 1))
    );
    // The CALL in <module> comes right before f's RESUME: no hidden steps.
    let call = steps.iter().position(|s| s.0 == "CALL").unwrap();
    assert_eq!(steps[call + 1], ("RESUME".to_string(), 2, "f".to_string()));
}

#[test]
fn deep_recursion_is_a_recursion_error_not_a_crash() {
    assert_runs_to(
        "vm-recursion",
        "import sys\nsys.setrecursionlimit(100000)\ndef f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError:\n    print('caught')\n",
        "caught\n",
    );
}

/// Runs `source` as `<dir_name>/deep.py` under `py2vm run` and checks it
/// prints `want` and exits 0.
fn assert_runs_to(dir_name: &str, source: &str, want: &str) {
    let dir = scratch_dir(dir_name);
    std::fs::write(dir.join("deep.py"), source).unwrap();
    let out = py2vm(
        &["run", "--python", python().to_str().unwrap(), "deep.py"],
        &dir,
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        want,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0));
}

/// `file` compiled by python3.11, and a VM to run it as `prog.py`.
fn load(file: &std::path::Path) -> (std::sync::Arc<py2vm::pyc::CodeObject>, Vm) {
    let options = LoadOptions {
        python: Some(python().to_path_buf()),
        filename: None,
        no_cache: true,
        stdlib: None,
    };
    let code = load_program(file, &options).unwrap();
    (code, Vm::new(vec!["prog.py".into()]))
}

/// Records every instruction of `source` run as `<dir>/prog.py`, with the
/// recording observer on the top-level loop only: instructions of a nested
/// loop (native code calling back into Python) are not recorded, so what is
/// recorded ran on the flat frame stack.
fn record(dir_name: &str, source: &str) -> Vec<(String, usize, String)> {
    let dir = scratch_dir(dir_name);
    let file = dir.join("prog.py");
    std::fs::write(&file, source).unwrap();
    let (code, mut vm) = load(&file);
    let mut recorder = RecordingObserver::default();
    vm.run_module(code, &mut recorder)
        .unwrap_or_else(|_| panic!("program raised"));
    recorder
        .steps
        .iter()
        .map(|s| (s.opname.clone(), s.depth, s.function.clone()))
        .collect()
}

#[test]
fn opcode_triggered_dunders_run_as_frames_one_deeper() {
    let steps = record(
        "vm-dunder-frames",
        "class It:\n    def __init__(self):\n        self.n = 0\n    def __iter__(self):\n        return self\n    def __next__(self):\n        self.n += 1\n        if self.n > 2:\n            raise StopIteration\n        return self.n\n\
         class B:\n    def __bool__(self):\n        return True\n\
         class L:\n    def __len__(self):\n        return 0\n\
         class E:\n    def __eq__(self, other):\n        return NotImplemented\n\
         class F(E):\n    def __eq__(self, other):\n        return NotImplemented\n\
         def run():\n    for x in It():\n        pass\n    if B():\n        pass\n    y = not L()\n    z = E() == F()\n\
         run()\n",
    );
    let depth_of = |function: &str| {
        let depths: Vec<usize> = steps
            .iter()
            .filter(|s| s.2 == function)
            .map(|s| s.1)
            .collect();
        assert!(!depths.is_empty(), "{function} ran unseen: {steps:?}");
        assert!(depths.iter().all(|&d| d == depths[0]), "{function}");
        depths[0]
    };
    let run = depth_of("run");
    for dunder in [
        "It.__next__",
        "B.__bool__",
        "L.__len__",
        "E.__eq__",
        "F.__eq__",
    ] {
        assert_eq!(depth_of(dunder), run + 1, "{dunder} runs one frame deeper");
    }
    // Each dunder frame starts right after the instruction that triggered it.
    let before = |function: &str| -> Vec<&str> {
        steps
            .windows(2)
            .filter(|w| w[1].2 == function && w[1].0 == "RESUME")
            .map(|w| {
                assert_eq!(w[0].2, "run", "{function} called from run");
                w[0].0.as_str()
            })
            .collect()
    };
    assert_eq!(before("It.__next__"), ["FOR_ITER"; 3]);
    assert_eq!(before("B.__bool__"), ["POP_JUMP_FORWARD_IF_FALSE"]);
    assert_eq!(before("L.__len__"), ["UNARY_NOT"]);
    // F is a subclass of E: its reflected __eq__ goes first, then E's; after
    // NotImplemented from both the default (identity) answers.
    assert_eq!(before("F.__eq__"), ["COMPARE_OP"]);
    let f_return = steps
        .iter()
        .position(|s| s.2 == "F.__eq__" && s.0 == "RETURN_VALUE")
        .unwrap();
    assert_eq!(steps[f_return + 1].2, "E.__eq__");
    assert_eq!(steps[f_return + 1].0, "RESUME");
    // The third __next__ raises StopIteration: the loop ends in run.
    let raise = steps
        .iter()
        .position(|s| s.2 == "It.__next__" && s.0 == "RAISE_VARARGS")
        .unwrap();
    assert_eq!(steps[raise + 1].2, "run");
    assert_eq!(steps[raise + 1].1, run);
}

#[test]
fn deep_recursion_through_dunders_is_a_recursion_error_not_a_crash() {
    assert_runs_to(
        "vm-dunder-recursion",
        "import sys\nsys.setrecursionlimit(100000)\n\
         class Eq:\n    def __eq__(self, other):\n        return Eq() == other\n\
         class Truth:\n    def __bool__(self):\n        return not Truth()\n\
         class Walk:\n    def __iter__(self):\n        return self\n    def __next__(self):\n        for x in Walk():\n            return x\n\
         for f in (lambda: Eq() == 1, lambda: not Truth(), lambda: list(Walk())):\n    try:\n        f()\n    except RecursionError:\n        print('caught')\n",
        "caught\ncaught\ncaught\n",
    );
}

/// Every way native code runs Python code (an `exec` or `eval` body, a class
/// body, a function called back by `sorted`, a module body) goes through
/// the one nested entry, under the shared observer: all of it is seen.
#[test]
fn exec_eval_class_and_module_bodies_are_observed() {
    let dir = scratch_dir("vm-nested-observed");
    std::fs::write(
        dir.join("_helper_mod.py"),
        "def helper_fn():\n    return 7\nHELPED = helper_fn()\n",
    )
    .unwrap();
    let file = dir.join("prog.py");
    let source = format!(
        "import sys\nsys.path.insert(0, {:?})\n\
         exec('def made_by_exec():\\n    return 1\\nmade_by_exec()')\n\
         print(eval('(lambda: 2)()'))\n\
         class Body:\n    x = 1\n\
         print(sorted([3, 1, 2], key=lambda v: -v))\n\
         import _helper_mod\n",
        dir.display().to_string()
    );
    std::fs::write(&file, source).unwrap();
    let (code, mut vm) = load(&file);
    let recorder = std::rc::Rc::new(std::cell::RefCell::new(RecordingObserver::default()));
    let shared = py2vm::vm::SharedObserver(recorder.clone());
    vm.nested_observer = Some(shared.clone());
    vm.run_module(code, &mut shared.clone())
        .unwrap_or_else(|_| panic!("program raised"));
    let steps = recorder.borrow().steps.clone();
    for function in ["made_by_exec", "<lambda>", "Body", "helper_fn"] {
        assert!(
            steps
                .iter()
                .any(|s| s.function == function && s.opname == "RETURN_VALUE"),
            "{function} ran unseen by the observer"
        );
    }
    // The exec'd and the imported module bodies themselves, one loop deeper.
    let module_depths: Vec<usize> = steps
        .iter()
        .filter(|s| s.function == "<module>" && s.opname == "RESUME")
        .map(|s| s.depth)
        .collect();
    assert!(module_depths.contains(&1), "{module_depths:?}");
    assert!(
        module_depths.iter().filter(|&&d| d == 2).count() >= 3,
        "exec, eval and the import each run a body one frame deeper: {module_depths:?}"
    );
}
