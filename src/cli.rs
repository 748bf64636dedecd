//! The `py2vm` command line: parses arguments, calls the library, maps errors
//! to messages and exit statuses. Holds no interpreter logic.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::bytecode::dis;
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
        #[arg(last = true)]
        args: Vec<String>,
    },
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
}

impl Input {
    fn options(&self) -> LoadOptions {
        LoadOptions {
            python: self.python.clone(),
            filename: None,
            no_cache: self.no_cache,
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
        Command::Debug { .. } => not_yet("debug"),
        Command::Trace { .. } => not_yet("trace"),
    }
}

/// `py2vm run FILE`: like `python3.11 FILE` (co_filename is the path made
/// absolute, sys.argv[0] the path as given).
fn run_file(input: &Input, args: Vec<String>) -> i32 {
    let mut options = input.options();
    let absolute = std::env::current_dir()
        .map(|d| d.join(&input.file))
        .unwrap_or_else(|_| input.file.clone());
    options.filename = Some(absolute.display().to_string());
    let code = match pyc::load_program(&input.file, &options) {
        Ok(code) => code,
        Err(e) => return report(&e),
    };
    let mut argv = vec![input.file.display().to_string()];
    argv.extend(args);
    match crate::vm::run_program(code, argv) {
        crate::vm::Outcome::Exit(status) => status,
        crate::vm::Outcome::Uncaught => 1,
    }
}

fn not_yet(what: &str) -> i32 {
    eprintln!(
        "py2vm: `{what}` is not yet implemented; `py2vm run FILE` and `py2vm dis FILE` work today"
    );
    2
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
