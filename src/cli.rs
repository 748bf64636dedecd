//! The `py2vm` command line: parses arguments, calls the library, maps errors
//! to messages and exit statuses. Holds no interpreter logic.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use std::sync::Arc;

use crate::bytecode::dis;
use crate::pyc::CodeObject;
use crate::pyc::{self, LoadError, LoadOptions};

#[derive(Debug, Parser)]
#[command(
    name = "py2vm",
    version,
    about = "Run, disassemble, trace and step through CPython 3.11 bytecode"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a program like `python3.11 FILE` would.
    Run {
        #[command(flatten)]
        input: Input,
        /// Arguments passed to the program as sys.argv[1:].
        #[arg(last = true)]
        args: Vec<String>,
    },
    /// Step through a program in the terminal debugger.
    Debug {
        #[command(flatten)]
        input: Input,
        /// No terminal UI: read debugger commands (from --commands FILE or
        /// stdin) and print what each shows.
        #[arg(long)]
        batch: bool,
        /// Read debugger commands from FILE.
        #[arg(long, value_name = "FILE")]
        commands: Option<PathBuf>,
        /// Set a breakpoint before starting (same syntax as `break`); repeatable.
        #[arg(long = "break", value_name = "SPEC")]
        breaks: Vec<String>,
        /// In batch mode, the program's input() lines come from FILE.
        #[arg(long, value_name = "FILE")]
        stdin: Option<PathBuf>,
        /// Colours of the terminal UI.
        #[arg(long, value_enum, default_value_t = Theme::Dark)]
        theme: Theme,
        /// Arguments passed to the program as sys.argv[1:].
        #[arg(last = true)]
        args: Vec<String>,
    },
    /// Disassemble a program: the same text as `python3.11 -m dis FILE`.
    Dis {
        #[command(flatten)]
        input: Input,
        /// Print the disassembly as JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Print one JSON object per executed instruction.
    Trace {
        #[command(flatten)]
        input: Input,
        /// Include the value stack (short reprs) in each record.
        #[arg(long)]
        stack: bool,
        /// Only instructions of this function (name or qualname) or with this
        /// opcode name; repeatable.
        #[arg(long, value_name = "FUNC|OPNAME")]
        filter: Vec<String>,
        /// Stop the program after N instructions.
        #[arg(long, value_name = "N")]
        limit: Option<u64>,
        /// Write the records to FILE instead of stdout.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Write the program's stdout to FILE (default: stderr).
        #[arg(long, value_name = "FILE")]
        program_output: Option<PathBuf>,
        /// Arguments passed to the program as sys.argv[1:].
        #[arg(last = true)]
        args: Vec<String>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Theme {
    Dark,
    Light,
    Mono,
}

/// The program to load and how.
#[derive(Debug, Args)]
pub struct Input {
    /// A Python 3.11 source file (.py) or bytecode file (.pyc).
    pub file: PathBuf,
    /// The python3.11 used to compile .py files (default: python3.11, then
    /// python3 if it is 3.11, from PATH).
    #[arg(long, value_name = "PATH")]
    pub python: Option<PathBuf>,
    /// Do not read or write __pycache__.
    #[arg(long)]
    pub no_cache: bool,
    /// CPython 3.11's Lib folder, whose modules (and their __pycache__)
    /// programs import (default: ask the python3.11 that compiles).
    #[arg(long, value_name = "DIR", env = "PY2VM_STDLIB")]
    pub stdlib: Option<PathBuf>,
}

impl Input {
    fn options(&self) -> LoadOptions {
        LoadOptions {
            python: self.python.clone(),
            filename: None,
            no_cache: self.no_cache,
            stdlib: self.stdlib.clone(),
        }
    }
}

/// Entry point: returns the process exit status. Never panics outward: an
/// internal panic is reported as a bug with exit status 101.
pub fn main() -> i32 {
    let cli = Cli::parse();
    match std::panic::catch_unwind(|| run_command(cli)) {
        Ok(code) => code,
        Err(_) => {
            eprintln!("py2vm: internal error (a bug in py2vm, please report it)");
            101
        }
    }
}

fn run_command(cli: Cli) -> i32 {
    match cli.command {
        Command::Dis { input, json } => dis_command(&input, json),
        Command::Run { input, args } => run_file(&input, args),
        Command::Debug {
            input,
            batch,
            commands,
            breaks,
            stdin,
            theme,
            args,
        } => debug_command(&input, batch, commands, breaks, stdin, theme, args),
        Command::Trace {
            input,
            stack,
            filter,
            limit,
            out,
            program_output,
            args,
        } => {
            let options = crate::debugger::trace::TraceOptions {
                with_stack: stack,
                filters: filter,
                limit,
            };
            let targets = crate::debugger::TraceTargets {
                out,
                program_output,
            };
            trace_command(&input, args, options, targets)
        }
    }
}

/// Loads the program as `run` does: absolute co_filename, argv[0] as given.
fn load_for_run(input: &Input, args: Vec<String>) -> Result<(Arc<CodeObject>, Vec<String>), i32> {
    let mut options = input.options();
    // What the program compiles while it runs (imported modules, exec) is
    // compiled the same way.
    pyc::compile::set_runtime_options(&options);
    let absolute = std::env::current_dir()
        .map(|d| d.join(&input.file))
        .unwrap_or_else(|_| input.file.clone());
    options.filename = Some(absolute.display().to_string());
    let code = pyc::load_program(&input.file, &options).map_err(|e| report(&e))?;
    let mut argv = vec![input.file.display().to_string()];
    argv.extend(args);
    Ok((code, argv))
}

fn exit_status(outcome: crate::vm::Outcome) -> i32 {
    match outcome {
        crate::vm::Outcome::Exit(status) => status,
        crate::vm::Outcome::Uncaught => 1,
        crate::vm::Outcome::Aborted => 0,
        crate::vm::Outcome::Interrupted => {
            // As Modules/main.c's `exit_sigint`: the shell sees the signal.
            let _ = std::io::stdout().flush();
            let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGINT);
            130
        }
    }
}

fn trace_command(
    input: &Input,
    args: Vec<String>,
    options: crate::debugger::trace::TraceOptions,
    targets: crate::debugger::TraceTargets,
) -> i32 {
    let (code, argv) = match load_for_run(input, args) {
        Ok(loaded) => loaded,
        Err(status) => return status,
    };
    let limit = options.limit;
    match crate::debugger::trace_program(code, argv, options, targets) {
        Ok(crate::vm::Outcome::Aborted) => {
            eprintln!(
                "py2vm: trace stopped the program after {} instructions (--limit)",
                limit.unwrap_or(0)
            );
            0
        }
        Ok(outcome) => exit_status(outcome),
        Err(message) => {
            eprintln!("py2vm: {message}");
            2
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn debug_command(
    input: &Input,
    batch: bool,
    commands: Option<PathBuf>,
    breaks: Vec<String>,
    stdin: Option<PathBuf>,
    theme: Theme,
    args: Vec<String>,
) -> i32 {
    let open = |path: &PathBuf| {
        std::fs::File::open(path)
            .map(std::io::BufReader::new)
            .map_err(|e| {
                eprintln!("py2vm: cannot read {}: {e}", path.display());
                2
            })
    };
    if !batch {
        let theme = match theme {
            _ if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) => {
                crate::tui::app::Theme::Mono
            }
            Theme::Dark => crate::tui::app::Theme::Dark,
            Theme::Light => crate::tui::app::Theme::Light,
            Theme::Mono => crate::tui::app::Theme::Mono,
        };
        let replay = match &commands {
            Some(path) => match std::fs::read_to_string(path) {
                Ok(text) => text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(str::to_string)
                    .collect(),
                Err(e) => {
                    eprintln!("py2vm: cannot read {}: {e}", path.display());
                    return 2;
                }
            },
            None => Vec::new(),
        };
        let (code, argv) = match load_for_run(input, args) {
            Ok(loaded) => loaded,
            Err(status) => return status,
        };
        let options = crate::tui::Options {
            theme,
            replay,
            breaks,
        };
        return match crate::tui::run(code, argv, options) {
            Ok(status) => status,
            Err(message) => {
                eprintln!("py2vm: {message}");
                2
            }
        };
    }
    let (code, argv) = match load_for_run(input, args) {
        Ok(loaded) => loaded,
        Err(status) => return status,
    };
    let command_source: Box<dyn std::io::BufRead + Send> = match &commands {
        Some(path) => match open(path) {
            Ok(r) => Box::new(r),
            Err(status) => return status,
        },
        None => Box::new(std::io::BufReader::new(std::io::stdin())),
    };
    let program_input: Option<Box<dyn std::io::BufRead + Send>> = match &stdin {
        Some(path) => match open(path) {
            Ok(r) => Some(Box::new(r)),
            Err(status) => return status,
        },
        None => None,
    };
    match crate::debugger::batch_session(code, argv, command_source, program_input, breaks) {
        Ok(status) => status,
        Err(message) => {
            eprintln!("py2vm: {message}");
            2
        }
    }
}

/// `py2vm run FILE`: like `python3.11 FILE` (co_filename is the path made
/// absolute, sys.argv[0] the path as given).
fn run_file(input: &Input, args: Vec<String>) -> i32 {
    match load_for_run(input, args) {
        Ok((code, argv)) => exit_status(crate::vm::run_program(code, argv)),
        Err(status) => status,
    }
}

fn report(error: &LoadError) -> i32 {
    match error {
        // CPython's own report (file, line, caret, message), as python3.11 prints it.
        LoadError::Syntax { message } => eprint!("{message}"),
        other => eprintln!("py2vm: {other}"),
    }
    error.exit_code()
}

fn dis_command(input: &Input, json: bool) -> i32 {
    let code = match pyc::load_program(&input.file, &input.options()) {
        Ok(code) => code,
        Err(e) => return report(&e),
    };
    let text = if json {
        match serde_json::to_string_pretty(&dis::dis_json(&code)) {
            Ok(mut s) => {
                s.push('\n');
                s
            }
            Err(e) => {
                eprintln!("py2vm: cannot encode JSON: {e}");
                return 2;
            }
        }
    } else {
        dis::dis_recursive(&code)
    };
    write_stdout(text.as_bytes())
}

/// Writes to stdout; a closed pipe (`py2vm dis x.py | head`) is not an error.
fn write_stdout(bytes: &[u8]) -> i32 {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("py2vm: cannot write output: {e}");
            2
        }
    }
}
