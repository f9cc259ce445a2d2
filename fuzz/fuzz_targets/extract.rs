//! Fuzzes the whole pipeline: `extract` must never panic on any input, and every span in its
//! output must lie inside the input on a character boundary.
#![no_main]

#[path = "../../tests/support/mod.rs"]
mod support;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let summary = thidua::extract(&input, &thidua::Options::default()).expect("within the limit");
    let json = serde_json::to_value(&summary).expect("a summary serialises");
    if let Err(problem) = support::check_spans(&input, &json) {
        panic!("{problem}");
    }
});
