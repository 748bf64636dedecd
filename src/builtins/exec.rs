//! `exec`, `eval` and `compile`: python3.11 compiles the text (py2vm never
//! parses Python, DESIGN §1); the VM runs the code object on its own frame
//! stack with the namespaces given.

use std::cell::RefCell;
use std::process::{Command, Stdio};
use std::rc::Rc;
use std::sync::Arc;

use crate::object::exception::{system_error, type_error};
use crate::object::function::Args;
use crate::object::{builtin_types, Dict, PyErr, PyResult, Value};
use crate::pyc::CodeObject;
use crate::vm::frame::{Frame, ReturnAction};
use crate::vm::{protocol, Vm};

/// A python3.11 compile server (the one `--python` names), started on the
/// first `exec`/`eval`/`compile` or import of a module written in Python,
/// and kept for the rest of the run (starting CPython costs far
/// more than compiling a snippet). Requests on stdin: `mode NUL filename NUL
/// length LF source`, where mode is `exec`/`eval`/`single`, or
/// `code:MODE:FLAGS` (compile with flags), `parse:MODE:FLAGS:FEATURE_VERSION`
/// (`compile(..., flags | PyCF_ONLY_AST, _feature_version=...)`: the reply is
/// the tree in `_ast::wire`'s format) or `fromast:MODE:FLAGS` (the source is
/// a tree in that format, rebuilt as CPython nodes and compiled); replies on
/// stdout: a status byte (`0` ok: marshal data plus the set-order trailer, or
/// the tree; `1` an error as `class NUL msg NUL lineno NUL offset NUL text
/// NUL end_lineno NUL end_offset`, the last two empty for None), a 4-byte
/// little-endian length, the payload.
const SCRIPT: &str = r#"
import sys, marshal, _ast
inp, out = sys.stdin.buffer, sys.stdout.buffer
class _Opaque:
    def __init__(self, r):
        self.r = r
    def __repr__(self):
        return self.r
def _to_wire(v):
    if isinstance(v, _ast.AST):
        d = {None: type(v).__name__}
        for k, x in vars(v).items():
            d[k] = _to_wire(x)
        return d
    if isinstance(v, list):
        return [_to_wire(x) for x in v]
    return v
def _from_wire(v):
    if type(v) is dict:
        name = v.pop(None)
        if name is None:
            return _Opaque(v["repr"])
        cls = getattr(_ast, name)
        node = cls.__new__(cls)
        for k, x in v.items():
            setattr(node, k, _from_wire(x))
        return node
    if type(v) is list:
        return [_from_wire(x) for x in v]
    if type(v) is tuple:
        return tuple(_from_wire(x) for x in v)
    return v
def _compile(source, filename, mode):
    kind, _, rest = mode.partition(":")
    if kind == "parse":
        m, flags, fv = rest.split(":")
        tree = compile(source, filename, m, int(flags), dont_inherit=True, _feature_version=int(fv))
        return marshal.dumps(_to_wire(tree))
    if kind == "fromast":
        m, flags = rest.split(":")
        source = _from_wire(marshal.loads(source))
        return marshal_with_set_order(compile(source, filename, m, int(flags), dont_inherit=True))
    if kind == "code":
        m, flags = rest.split(":")
        return marshal_with_set_order(compile(source, filename, m, int(flags), dont_inherit=True))
    return marshal_with_set_order(compile(source, filename, mode, dont_inherit=True))
while True:
    header = inp.readline()
    if not header:
        break
    mode, filename, length = header.rstrip(b"\n").split(b"\0")
    source = inp.read(int(length))
    try:
        body = _compile(source, filename.decode("utf-8", "surrogateescape"), mode.decode())
    except SyntaxError as e:
        end = ["" if v is None else str(v) for v in (e.end_lineno, e.end_offset)]
        parts = [type(e).__name__, str(e.msg), str(e.lineno or 0), str(e.offset or 0), e.text or ""] + end
        body = "\0".join(parts).encode("utf-8", "surrogatepass")
        out.write(b"1" + len(body).to_bytes(4, "little") + body)
        out.flush()
        continue
    except Exception as e:
        body = "\0".join([type(e).__name__, str(e), "0", "0", ""]).encode("utf-8", "surrogatepass")
        out.write(b"1" + len(body).to_bytes(4, "little") + body)
        out.flush()
        continue
    out.write(b"0" + len(body).to_bytes(4, "little") + body)
    out.flush()
"#;

struct Server {
    child: std::process::Child,
    stdin: std::process::ChildStdin,
    stdout: std::process::ChildStdout,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

thread_local! {
    static SERVER: RefCell<Option<Server>> = const { RefCell::new(None) };
}

fn start_server() -> Option<Server> {
    let script = crate::pyc::compile::script_with_set_order(SCRIPT);
    for python in crate::pyc::compile::runtime_python() {
        let mut cmd = Command::new(python);
        cmd.arg("-c")
            .arg(&script)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        if std::env::var_os("PYTHONHASHSEED").is_none() {
            cmd.env("PYTHONHASHSEED", "0");
        }
        let Ok(mut child) = cmd.spawn() else {
            continue;
        };
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            continue;
        };
        return Some(Server {
            child,
            stdin,
            stdout,
        });
    }
    None
}

fn request(
    server: &mut Server,
    source: &[u8],
    filename: &str,
    mode: &str,
) -> Option<(u8, Vec<u8>)> {
    use std::io::{Read, Write};
    let header = format!("{mode}\0{filename}\0{}\n", source.len());
    server.stdin.write_all(header.as_bytes()).ok()?;
    server.stdin.write_all(source).ok()?;
    server.stdin.flush().ok()?;
    let mut head = [0u8; 5];
    server.stdout.read_exact(&mut head).ok()?;
    let len = u32::from_le_bytes([head[1], head[2], head[3], head[4]]) as usize;
    let mut body = vec![0u8; len];
    server.stdout.read_exact(&mut body).ok()?;
    Some((head[0], body))
}

/// Compiles `text` with python3.11 as `compile(text, filename, mode)`.
pub fn compile_text(text: &str, filename: &str, mode: &str) -> PyResult<Arc<CodeObject>> {
    let body = compile_bytes(text.as_bytes(), filename, mode)?;
    crate::pyc::marshal::read_code_with_trailer(&body, 0, None)
        .map_err(|e| system_error(format!("cannot read compiled code: {e}")))
}

/// Compiles `source` (bytes: a coding declaration counts, as for a file)
/// with python3.11 as `compile(source, filename, mode, dont_inherit=True)`,
/// the call `pyc::compile` makes for the main program, and returns the same
/// body: marshal data plus the set-order trailer. A syntax error is raised
/// as Python's SyntaxError.
pub fn compile_bytes(source: &[u8], filename: &str, mode: &str) -> PyResult<Vec<u8>> {
    let reply = SERVER.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = start_server();
        }
        let reply = request(slot.as_mut()?, source, filename, mode);
        if reply.is_none() {
            *slot = None;
        }
        reply
    });
    match reply {
        Some((b'0', body)) => Ok(body),
        Some((_, body)) => Err(syntax_error(&String::from_utf8_lossy(&body), filename)),
        None => Err(system_error(format!(
            "cannot compile {filename}: py2vm compiles source with python3.11, \
             which did not run (install it on PATH or pass --python)"
        ))),
    }
}

fn syntax_error(report: &str, filename: &str) -> PyErr {
    let parts: Vec<&str> = report.split('\0').collect();
    let t = builtin_types();
    let class = match parts[0] {
        "IndentationError" => t.indentation_error.clone(),
        "TabError" => t.tab_error.clone(),
        "ValueError" => return PyErr::new(&t.value_error, parts.get(1).copied().unwrap_or("")),
        "TypeError" => return PyErr::new(&t.type_error, parts.get(1).copied().unwrap_or("")),
        "RecursionError" => {
            return PyErr::new(&t.recursion_error, parts.get(1).copied().unwrap_or(""))
        }
        "OverflowError" => {
            return PyErr::new(&t.overflow_error, parts.get(1).copied().unwrap_or(""))
        }
        "MemoryError" | "SystemError" => {
            return PyErr::new(&t.system_error, parts.get(1).copied().unwrap_or(""))
        }
        _ => t.syntax_error.clone(),
    };
    let msg = parts.get(1).copied().unwrap_or("invalid syntax");
    let lineno: i64 = parts.get(2).and_then(|s| s.parse().ok()).unwrap_or(0);
    let offset: i64 = parts.get(3).and_then(|s| s.parse().ok()).unwrap_or(0);
    let text = parts.get(4).copied().unwrap_or("");
    let end = |i: usize| match parts.get(i).and_then(|s| s.parse().ok()) {
        Some(n) => Value::Int(n),
        None => Value::None,
    };
    let (end_lineno, end_offset) = (end(5), end(6));
    let details = Value::tuple(vec![
        Value::str(filename),
        Value::Int(lineno),
        Value::Int(offset),
        Value::str(text),
        end_lineno.clone(),
        end_offset.clone(),
    ]);
    let err = PyErr::with_args(&class, vec![Value::str(msg), details]);
    let mut d = err.0.dict.borrow_mut();
    protocol::plain_set_str(&mut d, "msg", Value::str(msg));
    protocol::plain_set_str(&mut d, "filename", Value::str(filename));
    protocol::plain_set_str(&mut d, "lineno", Value::Int(lineno));
    protocol::plain_set_str(&mut d, "offset", Value::Int(offset));
    protocol::plain_set_str(&mut d, "text", Value::str(text));
    protocol::plain_set_str(&mut d, "end_lineno", end_lineno);
    protocol::plain_set_str(&mut d, "end_offset", end_offset);
    drop(d);
    err
}

fn source_text(v: &Value, fname: &str) -> PyResult<Option<String>> {
    match v {
        Value::Str(s) => Ok(Some(s.to_string())),
        Value::Bytes(b) => Ok(Some(String::from_utf8_lossy(b).into_owned())),
        Value::Code(_) => Ok(None),
        other => Err(type_error(format!(
            "{fname}() arg 1 must be a string, bytes or code object{}",
            if fname == "compile" {
                String::new()
            } else {
                let _ = other;
                String::new()
            }
        ))),
    }
}

fn namespaces(
    vm: &mut Vm,
    args: &Args,
    fname: &str,
) -> PyResult<(Rc<RefCell<Dict>>, Option<Rc<RefCell<Dict>>>)> {
    let globals = args
        .positional
        .get(1)
        .or_else(|| super::kwarg(args, "globals"));
    let locals = args
        .positional
        .get(2)
        .or_else(|| super::kwarg(args, "locals"));
    let frame = vm.frames.last().expect("a calling frame");
    let (g, l) = match globals {
        None | Some(Value::None) => {
            let g = frame.globals.clone();
            let l = match locals {
                None | Some(Value::None) => frame.locals.clone().or_else(|| {
                    // A function's locals: a snapshot (CPython's locals()).
                    let d = Rc::new(RefCell::new(Dict::new()));
                    for (i, name) in frame.code().localsplusnames.iter().enumerate() {
                        let value = match &frame.fast[i] {
                            Some(Value::Cell(c)) => c.borrow().clone(),
                            other => other.clone(),
                        };
                        if let Some(value) = value {
                            protocol::dict_set_str(&d, name, value);
                        }
                    }
                    Some(d)
                }),
                Some(Value::Dict(d)) => Some(d.clone()),
                Some(_) => return Err(type_error("locals must be a mapping")),
            };
            (g, l)
        }
        Some(Value::Dict(g)) => {
            let l = match locals {
                None | Some(Value::None) => None,
                Some(Value::Dict(d)) => Some(d.clone()),
                Some(_) => return Err(type_error("locals must be a mapping")),
            };
            (g.clone(), l)
        }
        Some(other) => {
            return Err(type_error(if fname == "exec" {
                format!(
                    "exec() globals must be a dict, not {}",
                    protocol::type_name(other)
                )
            } else if protocol::lookup(&protocol::type_of(other), "__getitem__").is_some()
                || matches!(
                    other,
                    Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_)
                )
            {
                "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
            } else {
                "globals must be a dict".to_string()
            }))
        }
    };
    if protocol::dict_get_str(&g, "__builtins__").is_none() {
        protocol::dict_set_str(&g, "__builtins__", Value::Dict(vm.builtins.clone()));
    }
    Ok((g, l))
}

fn run_code(
    vm: &mut Vm,
    code: Arc<CodeObject>,
    globals: Rc<RefCell<Dict>>,
    locals: Option<Rc<RefCell<Dict>>>,
) -> PyResult<Value> {
    let locals = locals.unwrap_or_else(|| globals.clone());
    let frame = Frame::new(code, globals, Some(locals), ReturnAction::ReturnToNative);
    vm.run_nested_frame(frame)
}

fn exec_or_eval(vm: &mut Vm, args: Args, fname: &str) -> PyResult<Value> {
    let Some(source) = args.positional.first() else {
        return Err(type_error(format!(
            "{fname} expected at least 1 argument, got 0"
        )));
    };
    if args.positional.len() > 3 {
        return Err(type_error(format!(
            "{fname} expected at most 3 arguments, got {}",
            args.positional.len()
        )));
    }
    let code = match source_text(source, fname) {
        Ok(Some(text)) => {
            let text = if fname == "eval" {
                text.trim_start_matches([' ', '\t']).to_string()
            } else {
                text
            };
            compile_text(&text, "<string>", fname)?
        }
        Ok(None) => match source {
            Value::Code(c) => c.clone(),
            _ => unreachable!("source_text accepts only code besides text"),
        },
        Err(_) if fname == "exec" => {
            return Err(type_error(
                "exec() arg 1 must be a string, bytes or code object",
            ))
        }
        Err(_) => {
            return Err(type_error(
                "eval() arg 1 must be a string, bytes or code object",
            ))
        }
    };
    let (g, l) = namespaces(vm, &args, fname)?;
    let v = run_code(vm, code, g, l)?;
    Ok(if fname == "exec" { Value::None } else { v })
}

pub fn exec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exec_or_eval(vm, args, "exec")
}

pub fn eval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exec_or_eval(vm, args, "eval")
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False,
/// optimize=-1, *, _feature_version=-1)` (bltinmodule.c's
/// `builtin_compile_impl`): text compiles to code, or parses to a tree of
/// `_ast` nodes under `PyCF_ONLY_AST`; a tree compiles to code (CPython's
/// validator checks it) or is returned as it is under `PyCF_ONLY_AST`.
pub fn compile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use super::modules::ast;
    let bound = super::modules::clinic_bind(
        "compile",
        args.positional,
        args.keywords,
        &[
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
            "_feature_version",
        ],
        3,
        6,
    )?;
    let [source, filename, mode, flags, _, _, feature] = &bound[..] else {
        return Err(type_error("compile() takes at most 6 arguments"));
    };
    let (Some(source), Some(filename), Some(mode)) = (source, filename, mode) else {
        return Err(type_error(
            "compile() missing required argument 'source' (pos 1)",
        ));
    };
    let filename = match filename {
        Value::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        other => protocol::str_arg(other)?,
    };
    let mode = protocol::str_arg(mode)?;
    let int = |v: &Option<Value>, default: i64| match v {
        None => Ok(default),
        Some(Value::Int(i)) => Ok(*i),
        Some(Value::Bool(b)) => Ok(*b as i64),
        Some(other) => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            protocol::type_name(other)
        ))),
    };
    let flags = int(flags, 0)?;
    let feature = int(feature, -1)?;
    let only_ast = flags & ast::PYCF_ONLY_AST != 0;
    match mode.as_str() {
        "exec" | "eval" | "single" => {}
        "func_type" if only_ast => {}
        "func_type" => {
            return Err(crate::object::exception::value_error(
                "compile() mode 'func_type' requires flag PyCF_ONLY_AST",
            ))
        }
        _ => {
            return Err(crate::object::exception::value_error(if only_ast {
                "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
            } else {
                "compile() mode must be 'exec', 'eval' or 'single'"
            }))
        }
    }
    let text: Vec<u8> = match source {
        Value::Code(c) => return Ok(Value::Code(c.clone())),
        Value::Str(s) => s.as_bytes().to_vec(),
        Value::Bytes(b) => b.to_vec(),
        Value::ByteArray(b) => b.borrow().clone(),
        Value::Instance(_) => {
            let module = ast::ast_module(vm)?;
            let is_ast = ast::node_class(&module, "AST")
                .is_some_and(|t| protocol::type_of(source).is_subtype(&t));
            if !is_ast {
                return Err(type_error(
                    "compile() arg 1 must be a string, bytes or AST object",
                ));
            }
            if only_ast {
                return Ok(source.clone());
            }
            let wire = ast::wire::encode(vm, &module, source)?;
            let body = compile_bytes(&wire, &filename, &format!("fromast:{mode}:{flags}"))?;
            return crate::pyc::marshal::read_code_with_trailer(&body, 0, None)
                .map(Value::Code)
                .map_err(|e| system_error(format!("cannot read compiled code: {e}")));
        }
        _ => {
            return Err(type_error(
                "compile() arg 1 must be a string, bytes or AST object",
            ))
        }
    };
    if only_ast {
        let module = ast::ast_module(vm)?;
        let body = compile_bytes(&text, &filename, &format!("parse:{mode}:{flags}:{feature}"))?;
        return ast::wire::decode(&module, &body);
    }
    let server_mode = if flags == 0 {
        mode
    } else {
        format!("code:{mode}:{flags}")
    };
    let body = compile_bytes(&text, &filename, &server_mode)?;
    crate::pyc::marshal::read_code_with_trailer(&body, 0, None)
        .map(Value::Code)
        .map_err(|e| system_error(format!("cannot read compiled code: {e}")))
}
