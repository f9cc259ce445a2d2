//! Fuzzes the value scanner: `parse::scan` must never panic, and every range it returns must
//! be a slice of the scanned string on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    for value in thidua::parse::scan(&input, None) {
        assert!(
            input.get(value.range.clone()).is_some(),
            "{:?}",
            value.range
        );
    }
});
