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
    let options = LoadOptions {
        python: Some(python().to_path_buf()),
        filename: None,
        no_cache: true,
    };
    let code = load_program(&file, &options).unwrap();
    let mut vm = Vm::new(vec!["prog.py".into()]);
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
    let dir = scratch_dir("vm-recursion");
    std::fs::write(
        dir.join("deep.py"),
        "import sys\nsys.setrecursionlimit(100000)\ndef f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError:\n    print('caught')\n",
    )
    .unwrap();
    let out = py2vm(
        &["run", "--python", python().to_str().unwrap(), "deep.py"],
        &dir,
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "caught\n",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0));
}
