//! Whole `.pyc` files: header check, marshal, the set-order trailer, decoding
//! and disassembly of every code object.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = std::path::Path::new("fuzz.pyc");
    if let Ok(code) = py2vm::pyc::parse_pyc(path, data, None) {
        let _ = py2vm::bytecode::dis::dis_recursive(&code);
    }
});
