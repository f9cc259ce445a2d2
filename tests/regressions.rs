//! Inputs that once crashed `extract` or `parse::scan` (found by `scripts/fuzz.sh`), each with
//! where it failed. Every one must now read without a panic, with spans inside the input.

mod support;

use thidua::{extract, Options};

/// `(what failed, input)`.
const CRASHES: [(&str, &str); 2] = [
    (
        // fuzz/artifacts/extract/crash-d087e475…: an `&` with no `;` in the next 12 bytes,
        // byte 12 inside "ự": text/html.rs decode_entity sliced at a non-char boundary.
        "html entity cut inside a character",
        "<html><body><p>Bộ LĐ-TB&XH đã thực hiện thắng lợi các chỉ tiêu.</p></body></html>",
    ),
    (
        "html entity at the very end after multi-byte text",
        "<div><p>Đồng chí &ĐĐĐĐĐĐ",
    ),
];

#[test]
fn inputs_that_once_crashed_now_read() {
    for (what, input) in CRASHES {
        let summary = extract(input, &Options::default()).unwrap_or_else(|e| panic!("{what}: {e}"));
        let json = serde_json::to_value(&summary).expect("serialises");
        support::check_spans(input, &json).unwrap_or_else(|e| panic!("{what}: {e}"));
        thidua::parse::scan(input, None);
    }
}
