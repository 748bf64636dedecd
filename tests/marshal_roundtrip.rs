//! The marshal reader against values CPython 3.11 marshals itself: every type a
//! code object can hold, every marshal format version, and code objects whose
//! every field (positions, line starts, exception table) is compared with what
//! CPython reports for them.

mod common;

use std::process::Command;

use common::python;
use py2vm::pyc::marshal::read_object;
use py2vm::pyc::Constant;
use serde_json::Value;

/// Runs `script` in python3.11 and parses its stdout as JSON lines.
fn python_json_lines(script: &str) -> Vec<Value> {
    let out = Command::new(python())
        .args(["-c", script])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

/// reprs of a set's elements, sorted (marshal does not keep set order).
fn sorted_items(c: &Constant) -> Option<Vec<String>> {
    match c {
        Constant::Set(items) | Constant::FrozenSet(items) => {
            let mut v: Vec<String> = items.iter().map(Constant::repr).collect();
            v.sort();
            Some(v)
        }
        _ => None,
    }
}

const VALUES: &str = r#"
import json, marshal
exprs = r'''None
True
False
...
StopIteration
0
-1
2**31 - 1
-2**31
2**31
2**62
-2**63
2**64
-2**100
10**50
1267650600228229401496703205376
0.1
-0.0
1e16
1e-05
float('inf')
float('-inf')
float('nan')
2.9802322387695312e-08
1.7976931348623157e308
5e-324
2j
1+2j
complex(-0.0, -1.5)
complex(float('inf'), float('nan'))
b''
b'\x00\xff\'"abc\\'
''
'abc'
'x' * 300
'caf\u00e9 \u2028 \U0001f600'
'\ud800 lone \udfff'
"it's"
'\t\n\r\x00\x7f'
()
(1,)
(1, 'a', (2.5, None), b'x')
tuple(range(300))
['a', 'a', 'a']
[]
{'a': 1, 'b': [2, 3], 3: None}
{}
{1, 2, 3}
set()
frozenset({'a', 'b', 'c'})
frozenset()
frozenset({(1, 2), 3.5, 'x', b'y', None})
('shared', 'shared', 'shared')'''.splitlines()
for expr in exprs:
    value = eval(expr)
    sortable = isinstance(value, (set, frozenset))
    for version in range(5):
        print(json.dumps({
            "expr": expr,
            "version": version,
            "hex": marshal.dumps(value, version).hex(),
            "repr": repr(value),
            "items": sorted(map(repr, value)) if sortable else None,
        }))
"#;

#[test]
fn values_marshalled_by_cpython_read_back_with_the_same_repr() {
    let cases = python_json_lines(VALUES);
    assert!(cases.len() >= 250);
    for case in cases {
        let data = hex(case["hex"].as_str().unwrap());
        let what = format!("{} (marshal version {})", case["expr"], case["version"]);
        let (value, used) = read_object(&data, 0).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(used, data.len(), "{what}: not all bytes read");
        match sorted_items(&value) {
            Some(items) => {
                let want: Vec<String> = case["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().unwrap().to_string())
                    .collect();
                assert_eq!(items, want, "{what}");
            }
            None => assert_eq!(value.repr(), case["repr"].as_str().unwrap(), "{what}"),
        }
    }
}

const CODE: &str = r#"
import json, marshal, dis
source = '''
import sys
def outer(a, b=2, /, c=3, *args, d, e=5, **kw):
    x = [i * 2 for i in range(a)]
    def inner(y):
        nonlocal x
        return x, y, a
    try:
        z = (a +
             b)
    except (ValueError, TypeError) as err:
        z = None
    finally:
        pass
    with open(__file__) as f:
        pass
    return inner
class K:
    attr: int = 3
    async def m(self):
        async with self as s:
            await s
        return [y async for y in self]
lam = lambda q: q ** 2
'''
def codes(co):
    yield co
    for c in co.co_consts:
        if hasattr(c, 'co_code'):
            yield from codes(c)
top = compile(source, 'sample.py', 'exec')
print(json.dumps({"hex": marshal.dumps(top).hex()}))
for co in codes(top):
    print(json.dumps({
        "name": co.co_name, "qualname": co.co_qualname, "filename": co.co_filename,
        "argcount": co.co_argcount, "posonly": co.co_posonlyargcount,
        "kwonly": co.co_kwonlyargcount, "stacksize": co.co_stacksize, "flags": co.co_flags,
        "firstlineno": co.co_firstlineno, "code": co.co_code.hex(),
        "consts": [repr(c) for c in co.co_consts if not hasattr(c, 'co_code')],
        "names": list(co.co_names), "varnames": list(co.co_varnames),
        "cellvars": list(co.co_cellvars), "freevars": list(co.co_freevars),
        "linetable": co.co_linetable.hex(), "exceptiontable": co.co_exceptiontable.hex(),
        "positions": [list(p) for p in co.co_positions()],
        "linestarts": [list(p) for p in dis.findlinestarts(co)],
        "handlers": [[e.start, e.end, e.target, e.depth, e.lasti] for e in dis._parse_exception_table(co)],
        "instructions": [[i.offset, i.opname, i.arg] for i in dis.get_instructions(co)],
    }))
"#;

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

fn opt(v: &Value) -> Option<i64> {
    v.as_i64()
}

#[test]
fn code_objects_keep_every_field_and_decode_like_cpython() {
    let lines = python_json_lines(CODE);
    let data = hex(lines[0]["hex"].as_str().unwrap());
    let (top, _) = read_object(&data, 0).unwrap();
    let Constant::Code(top) = top else {
        panic!("not a code object")
    };
    let mut all = vec![top.clone()];
    let mut i = 0;
    while i < all.len() {
        let nested: Vec<_> = all[i].nested_code().cloned().collect();
        all.extend(nested);
        i += 1;
    }
    // Python lists code objects depth-first; compare by qualname + line.
    let expected = &lines[1..];
    assert_eq!(all.len(), expected.len());
    for want in expected {
        let co = all
            .iter()
            .find(|c| {
                *c.qualname == *want["qualname"].as_str().unwrap()
                    && c.firstlineno as i64 == want["firstlineno"].as_i64().unwrap()
            })
            .unwrap_or_else(|| panic!("no code object {}", want["qualname"]));
        let who = co.qualname.to_string();
        assert_eq!(&*co.name, want["name"].as_str().unwrap());
        assert_eq!(&*co.filename, want["filename"].as_str().unwrap());
        assert_eq!(
            co.argcount as i64,
            want["argcount"].as_i64().unwrap(),
            "{who}"
        );
        assert_eq!(
            co.posonlyargcount as i64,
            want["posonly"].as_i64().unwrap(),
            "{who}"
        );
        assert_eq!(
            co.kwonlyargcount as i64,
            want["kwonly"].as_i64().unwrap(),
            "{who}"
        );
        assert_eq!(
            co.stacksize as i64,
            want["stacksize"].as_i64().unwrap(),
            "{who}"
        );
        assert_eq!(co.flags as i64, want["flags"].as_i64().unwrap(), "{who}");
        assert_eq!(co.code, hex(want["code"].as_str().unwrap()), "{who}");
        assert_eq!(
            co.linetable,
            hex(want["linetable"].as_str().unwrap()),
            "{who}"
        );
        assert_eq!(
            co.exceptiontable,
            hex(want["exceptiontable"].as_str().unwrap()),
            "{who}"
        );
        let consts: Vec<String> = co
            .consts
            .iter()
            .filter(|c| !matches!(c, Constant::Code(_)))
            .map(Constant::repr)
            .collect();
        assert_eq!(consts, strings(&want["consts"]), "{who}");
        let names: Vec<String> = co.names.iter().map(|s| s.to_string()).collect();
        assert_eq!(names, strings(&want["names"]), "{who}");
        assert_eq!(
            co.varnames().collect::<Vec<_>>(),
            strings(&want["varnames"]),
            "{who}"
        );
        assert_eq!(
            co.cellvars().collect::<Vec<_>>(),
            strings(&want["cellvars"]),
            "{who}"
        );
        assert_eq!(
            co.freevars().collect::<Vec<_>>(),
            strings(&want["freevars"]),
            "{who}"
        );

        let positions: Vec<[Option<i64>; 4]> = want["positions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                let p = p.as_array().unwrap();
                [opt(&p[0]), opt(&p[1]), opt(&p[2]), opt(&p[3])]
            })
            .collect();
        let ours: Vec<[Option<i64>; 4]> = co
            .decoded
            .locations
            .iter()
            .map(|l| [l.line, l.end_line, l.column, l.end_column].map(|v| v.map(i64::from)))
            .collect();
        assert_eq!(ours, positions, "{who}: co_positions");

        let starts: Vec<(i64, i64)> = want["linestarts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p[0].as_i64().unwrap(), p[1].as_i64().unwrap()))
            .collect();
        let our_starts: Vec<(i64, i64)> = co
            .decoded
            .line_starts
            .iter()
            .map(|&(o, l)| (o as i64, l as i64))
            .collect();
        assert_eq!(our_starts, starts, "{who}: findlinestarts");

        let handlers: Vec<(i64, i64, i64, i64, bool)> = want["handlers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                (
                    h[0].as_i64().unwrap(),
                    h[1].as_i64().unwrap(),
                    h[2].as_i64().unwrap(),
                    h[3].as_i64().unwrap(),
                    h[4].as_bool().unwrap(),
                )
            })
            .collect();
        let our_handlers: Vec<(i64, i64, i64, i64, bool)> = co
            .decoded
            .exception_table
            .iter()
            .map(|e| {
                (
                    e.start as i64,
                    e.end as i64,
                    e.target as i64,
                    e.depth as i64,
                    e.lasti,
                )
            })
            .collect();
        assert_eq!(our_handlers, handlers, "{who}: exception table");

        let instrs: Vec<(i64, String, Option<i64>)> = want["instructions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i[0].as_i64().unwrap(),
                    i[1].as_str().unwrap().to_string(),
                    i[2].as_i64(),
                )
            })
            .collect();
        let ours: Vec<(i64, String, Option<i64>)> = co
            .decoded
            .instructions
            .iter()
            .map(|i| (i.offset as i64, i.op.name().into_owned(), i.arg))
            .collect();
        assert_eq!(ours, instrs, "{who}: instructions");
    }
}
