//! End to end: the real binary in a real terminal (tmux), driven by keys.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::*;

struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn capture(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    /// Waits until the screen contains `text`.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "timed out waiting for {text:?}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }

    fn alive(&self) -> bool {
        self.run(&["has-session", "-t", "t"]).status.success()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

#[test]
fn yield_from_chain_with_an_opcode_breakpoint_in_tmux() {
    let dir = repo_root().join("testdata/debugger");
    let tmux = Tmux {
        socket: format!("py2vm-test-{}", std::process::id()),
    };
    let command = format!(
        "{} debug --python {} --no-cache yield_chain.py",
        env!("CARGO_BIN_EXE_py2vm"),
        python().display()
    );
    let started = tmux.run(&[
        "new-session",
        "-d",
        "-x",
        "120",
        "-y",
        "40",
        "-s",
        "t",
        "-c",
        dir.to_str().unwrap(),
        &command,
    ]);
    assert!(
        started.status.success(),
        "{}",
        String::from_utf8_lossy(&started.stderr)
    );
    tmux.wait_for("at the start");
    tmux.keys(&[":"]);
    tmux.keys(&["-l", "break op YIELD_VALUE in middle"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("breakpoint #1");
    tmux.keys(&["c"]);
    let screen = tmux.wait_for("breakpoint #1 (op YIELD_VALUE in middle)");
    // Source, disassembly, frames, stack and generators all show the stop.
    assert!(screen.contains("Disassembly: middle"), "{screen}");
    assert!(screen.contains("-->   38 YIELD_VALUE"), "{screen}");
    assert!(
        screen.contains("▶#2 middle [generator] line 9 @38"),
        "{screen}"
    );
    assert!(screen.contains("<native code>"), "{screen}");
    assert!(
        screen.contains("[0] generator  <generator object inner>"),
        "{screen}"
    );
    assert!(screen.contains("g1 outer running line 14"), "{screen}");
    assert!(screen.contains("└─ g2 middle running line 9"), "{screen}");
    // One instruction on: middle has yielded up to outer.
    tmux.keys(&["i"]);
    let screen = tmux.wait_for("yielded 1; now in outer");
    assert!(screen.contains("└─ g2 middle suspended line 9"), "{screen}");
    // Continue to the end: the output pane keeps the program's output.
    tmux.keys(&["c"]);
    tmux.wait_for("breakpoint #1");
    tmux.keys(&["c"]);
    tmux.keys(&["c"]);
    let screen = tmux.wait_for("finished (exit status 0)");
    assert!(screen.contains("total 70"), "{screen}");
    // Back in time from the end, then quit.
    tmux.keys(&["p"]);
    tmux.wait_for("paused");
    tmux.keys(&["q"]);
    tmux.wait_for("quit? (y/n)");
    tmux.keys(&["y"]);
    let start = Instant::now();
    while tmux.alive() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "py2vm did not exit"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}
