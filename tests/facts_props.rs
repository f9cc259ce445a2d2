//! The facts stage is total: no input makes it panic, and every span it gives lies inside
//! the input.

use proptest::prelude::*;
use thidua::facts::extract_paragraph;

/// Pieces that exercise the fact finders: keywords, numbers, dates, quotes, tone pairs.
const PIECES: [&str; 40] = [
    "Chiều 29/12",
    "ngày 15 và 16-9",
    "tại ",
    "Hội trường",
    "hội nghị",
    "tổng kết",
    "năm 2022",
    "tặng",
    "trao",
    "nhận",
    "được",
    "đề nghị",
    "cho ",
    "Bằng khen",
    "Cờ thi đua của Chính phủ",
    "danh hiệu",
    "“",
    "”",
    "\"",
    "'",
    "phong trào",
    "chủ đề",
    "Chỉ thị số 34-CT/TW",
    "Nghị quyết",
    "12",
    "6/8",
    "1.199",
    "tập thể",
    "cá nhân",
    ", ",
    "; ",
    ". ",
    "hòa",
    "Thuỷ",
    "Ủy",
    "😀",
    "\n",
    "(",
    ")",
    "hạng Nhì",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            (0..PIECES.len()).prop_map(|i| PIECES[i].to_string()),
            "[a-zA-ZđĐàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹ0-9 .,:;/-]{0,8}",
        ],
        0..40,
    )
    .prop_map(|parts| parts.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn facts_never_panic_and_spans_stay_inside(input in article()) {
        let (_, facts) = extract_paragraph(&input, None);
        let len = input.encode_utf16().count();
        let spans = facts.figures.iter().map(|f| f.span)
            .chain(facts.awards.iter().map(|a| a.span))
            .chain(facts.documents.iter().map(|d| d.span))
            .chain(facts.movements.iter().map(|m| m.span))
            .chain(facts.clusters.iter().map(|c| c.span))
            .chain(facts.event.span);
        for span in spans {
            prop_assert!(span.start <= span.end && span.end <= len);
        }
        let whole = thidua::extract(&input, &thidua::Options::default());
        prop_assert!(whole.is_ok());
    }
}
