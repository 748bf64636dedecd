//! Any bytes fed to the marshal reader: it must return a value or an error,
//! never panic, hang or allocate without bound.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((value, used)) = py2vm::pyc::marshal::read_object(data, 0) {
        assert!(used <= data.len());
        // repr walks the whole value: it must not panic either.
        let _ = value.repr();
    }
});
