//! Whole-article golden tests of the clean layer: what a copied page gives as title, lead,
//! byline, publish date, paragraphs and removed lines; warnings; totality.

use proptest::prelude::*;
use thidua::clean::{clean, SegmentKind};
use thidua::text::Text;
use thidua::{extract, Options, Summary};

fn summary(input: &str) -> Summary {
    extract(input, &Options::default()).expect("within the size limit")
}

fn warning_codes(input: &str) -> Vec<String> {
    summary(input)
        .warnings
        .into_iter()
        .map(|w| w.code)
        .collect()
}

const PAGE: &str = "mic
A- A A+ | Tăng tương phản Giảm tương phản
Thứ 2, 15/01/2024, 07:02[GMT+7]

Huyện Đức Thọ tổng kết phong trào thi đua yêu nước năm 2023

Thứ 6, 12/01/2024 | 16:45:03
1,204 lượt xem
Sáng ngày 12/01, UBND huyện Đức Thọ tổ chức hội nghị tổng kết phong trào thi đua yêu nước năm 2023, phát động phong trào thi đua năm 2024.

Huyện Đức Thọ tổng kết phong trào thi đua yêu nước năm 2023

Chủ tịch UBND huyện Trần Hữu Hiền phát biểu tại hội nghị

Năm 2023, huyện có 28 chỉ tiêu kinh tế - xã hội đạt và vượt kế hoạch, thu ngân sách đạt 356 tỷ đồng, bằng 118% dự toán tỉnh

\u{a0}

giao; tỷ lệ hộ nghèo giảm còn 1,8%.

Dịp này, Chủ tịch UBND tỉnh tặng bằng khen cho 5 tập thể và 12 cá nhân có thành tích xuất sắc.

Tác giả: Thu Hằng - Thanh Bình - Trung tâm VH-TT huyện
Tổng số điểm của bài viết là: 0 trong 0 đánh giá
Tin liên quan
Huyện Hương Sơn đón nhận Huân chương Lao động hạng Ba
Ông Lê Văn Nam được bầu giữ chức Chủ tịch UBND huyện Hương Sơn với 95% số phiếu
Thống kê truy cập
Hôm nay : 2.301
";

#[test]
fn a_copied_page_gives_the_article() {
    let s = summary(PAGE);
    assert_eq!(
        s.title.as_deref(),
        Some("Huyện Đức Thọ tổng kết phong trào thi đua yêu nước năm 2023")
    );
    assert!(s
        .lead
        .as_deref()
        .is_some_and(|l| l.starts_with("Sáng ngày 12/01, UBND huyện Đức Thọ")));
    assert_eq!(s.published.as_deref(), Some("2024-01-12"));
    assert_eq!(s.authors, ["Thu Hằng", "Thanh Bình"]);
    let kinds: Vec<&str> = s.body.iter().map(|p| p.kind.as_str()).collect();
    assert_eq!(kinds, ["lead", "caption", "body", "body"]);
    assert!(
        s.body[2]
            .text
            .ends_with("bằng 118% dự toán tỉnh giao; tỷ lệ hộ nghèo giảm còn 1,8%."),
        "the paragraph broken by the layout is rejoined: {}",
        s.body[2].text
    );
    let removed: Vec<&str> = s.removed.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(
        removed,
        [
            "mic",
            "A- A A+ | Tăng tương phản Giảm tương phản",
            "Thứ 2, 15/01/2024, 07:02[GMT+7]",
            "1,204 lượt xem",
            "Huyện Đức Thọ tổng kết phong trào thi đua yêu nước năm 2023",
            "Tổng số điểm của bài viết là: 0 trong 0 đánh giá",
            "Tin liên quan",
            "Huyện Hương Sơn đón nhận Huân chương Lao động hạng Ba",
            "Ông Lê Văn Nam được bầu giữ chức Chủ tịch UBND huyện Hương Sơn với 95% số phiếu",
            "Thống kê truy cập",
            "Hôm nay : 2.301",
        ]
    );
    assert!(s.removed.iter().all(|r| !r.reason.is_empty()));
    let kept: String = s.body.iter().map(|p| p.text.as_str()).collect();
    assert!(!kept.contains("Lê Văn Nam") && !kept.contains("95%"));
}

#[test]
fn segments_are_contiguous_ranges_with_breaks_as_spaces() {
    let text = Text::new(PAGE);
    let article = clean(&text);
    assert!(article
        .segments
        .iter()
        .any(|s| s.kind == SegmentKind::Title));
    for segment in &article.segments {
        let slice = &text.norm[segment.range.clone()];
        assert_eq!(segment.text.len(), slice.len());
        assert_eq!(segment.text, slice.replace(['\n', '\r'], " "));
        // Only empty or white-space lines stand between the joined lines.
        let inner: Vec<&str> = slice.lines().collect();
        assert!(
            inner.len() == 1
                || inner[1..inner.len() - 1]
                    .iter()
                    .all(|l| l.trim().is_empty())
        );
    }
}

#[test]
fn spans_of_removed_lines_point_into_the_input() {
    let s = summary(PAGE);
    let units: Vec<u16> = PAGE.encode_utf16().collect();
    for r in &s.removed {
        let slice = String::from_utf16(&units[r.span.start..r.span.end]).unwrap();
        assert_eq!(slice, r.text);
    }
}

#[test]
fn odd_inputs_are_reported() {
    assert!(warning_codes("").contains(&"empty".to_string()));
    assert!(warning_codes("   \n\n ").contains(&"empty".to_string()));
    let english = "The provincial emulation and commendation council held its annual review \
                   meeting on Monday, awarding certificates of merit to twenty collectives.";
    assert!(warning_codes(english).contains(&"not_vietnamese".to_string()));
    let chinese = "省委书记出席了年度总结会议并发表讲话，表彰了二十个先进集体和五十名先进个人。";
    assert!(warning_codes(chinese).contains(&"not_vietnamese".to_string()));
    let html = "<html><body><h1>Tiêu đề bài viết về thi đua</h1><p>Nội dung.</p></body></html>";
    assert!(warning_codes(html).contains(&"html".to_string()));
    assert!(warning_codes("Trang chủ\nĐăng nhập\nTìm kiếm").contains(&"no_article".to_string()));
    let codes = warning_codes(PAGE);
    assert!(codes.is_empty(), "a real article has no warning: {codes:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics_and_classes_every_line(input in "([ \\n\\-|:/()(.,0-9]| date |Ảnh:|Tin liên quan|Thứ 5, |[A-Za-zĐđÂâƠơƯưÀ-ỹ]{1,8}|\u{a0}|<p>|&amp;|&#){0,60}") {
        let text = Text::new(&input);
        let article = clean(&text);
        let lines = text.lines().count();
        let mut seen = vec![false; lines];
        for line in &article.lines {
            prop_assert!(line.range.end <= text.norm.len());
            if let Some(s) = seen.get_mut(line.line) {
                *s = true;
            }
        }
        prop_assert!(seen.iter().all(|s| *s), "every line has a class");
        let _ = summary(&input);
    }
}
