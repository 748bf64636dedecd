//! How long the TUI takes to build its views and draw one 120x40 screen in
//! the worst cases the issue names: a 5,000-line file, 1,000 frames deep,
//! 10,000 live generators, very long reprs. Prints median milliseconds
//! (the budget is 16 ms a frame); measured, not asserted.
//!
//!     cargo bench --bench tui_draw

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Instant;

use py2vm::debugger::controller::{run_session, Action, DebugState, Frontend, Paused};
use py2vm::debugger::{breakpoints, commands};
use py2vm::pyc::{load_program, LoadOptions};
use py2vm::tui::app::{App, Theme};
use py2vm::tui::{draw, screen::ScreenData};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn program() -> String {
    let mut text = String::from(
        "import sys\nsys.setrecursionlimit(5000)\n\
         def gen(i):\n    yield i\n    yield i + 1\n\
         live = [gen(i) for i in range(10000)]\n\
         for g in live[::2]:\n    next(g)\n\
         big = list(range(100000))\n\
         text = 'x' * 1000000\n\
         def deep(n):\n    if n == 0:\n        return 'bottom'\n    return deep(n - 1)\n\
         deep(1000)\n",
    );
    for i in 0..5000 {
        text.push_str(&format!("v{i} = {i}\n"));
    }
    text
}

struct Measure {
    times: Rc<RefCell<Vec<(f64, f64)>>>,
}

impl Frontend for Measure {
    fn paused(&mut self, p: &mut Paused<'_>) -> Action {
        if p.state.count == 0 {
            let (kind, cond) =
                breakpoints::parse_break("op RETURN_VALUE in deep if n == 0").unwrap();
            p.state.add_breakpoint(kind, cond);
            return match commands::execute(p, commands::Command::Continue) {
                commands::Effect::Resume(a) => a,
                _ => Action::Quit,
            };
        }
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        let mut app = App::new(Theme::Dark);
        for _ in 0..15 {
            let t0 = Instant::now();
            let data = ScreenData::from_paused(p, p.selected);
            let t1 = Instant::now();
            terminal.draw(|f| draw::draw(f, &mut app, &data)).unwrap();
            let t2 = Instant::now();
            self.times
                .borrow_mut()
                .push(((t1 - t0).as_secs_f64() * 1e3, (t2 - t1).as_secs_f64() * 1e3));
        }
        eprintln!(
            "at the stop: {} frames, {} live generators",
            p.selection().count,
            p.generators_brief().len()
        );
        Action::Quit
    }

    fn finished(&mut self, _: &mut DebugState) -> Action {
        Action::Quit
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn main() {
    let dir = std::env::temp_dir().join(format!("py2vm-tui-draw-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("stress.py");
    std::fs::write(&path, program()).unwrap();
    let options = LoadOptions {
        python: None,
        filename: Some(path.display().to_string()),
        no_cache: true,
        stdlib: None,
    };
    let code = load_program(&path, &options).expect("python3.11 compiles the stress program");
    let argv = vec![path.display().to_string()];
    let times = py2vm::vm::on_vm_thread(move || {
        let times = Rc::new(RefCell::new(Vec::new()));
        run_session(
            code,
            argv,
            Box::new(Measure {
                times: times.clone(),
            }),
            |_| {},
        );
        let t = times.borrow().clone();
        t
    })
    .unwrap();
    let views: Vec<f64> = times.iter().map(|t| t.0).collect();
    let draws: Vec<f64> = times.iter().map(|t| t.1).collect();
    println!(
        "tui_draw 120x40: views {:.2} ms, draw {:.2} ms, total {:.2} ms (median of {})",
        median(views.clone()),
        median(draws.clone()),
        median(times.iter().map(|t| t.0 + t.1).collect()),
        times.len()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
