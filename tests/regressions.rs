//! Inputs that once crashed `extract` or `parse::scan` (found by `scripts/fuzz.sh`), each with
//! where it failed. Every one must now read without a panic, with spans inside the input.

mod support;

use thidua::{extract, Options};

/// `(what failed, input)`.
const CRASHES: [(&str, &str); 3] = [
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
    (
        // fuzz/artifacts/extract/crash-f1ee2faf…: an award's giver, found in the fold, began
        // between "u" and "ỷ" of "uỷ", inside "ủ" of the text: facts::trim_range sliced there.
        "award giver starting inside a tone-moved pair",
        "ủy Nguy\u{FFFD}n Xuân Ký th\u{FFFD}a nhân có \u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}thànhđã t\u{FFFD}ng gi\u{FFFD}y khen 25 t\u{FFFD}nh t\u{FFFD}\u{FFFD}ch |u\u{FFFD}t s\u{FFFD}\0\0\0\0\0h t\u{FFFD} ph\u{FFFD}i qua)- Ch\u{FFFD} t\u{FFFD}ch UBLD huy\u{FFFD}n Kbang t\u{FFFD}ng gi\u{FFFD}y khen cho t\u{FFFD}p D huy\u{FFFD}n\u{1F}Kbang Nguy\u{FFFD}n Văn DƩng đã tặng giấy khen",
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
