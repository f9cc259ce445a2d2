//! Helpers shared by the robustness tests (and the fuzz targets, through `#[path]`): span
//! checks over the serialised summary, article sources and input builders.
#![allow(dead_code)] // each test binary uses a different part of this module

use std::path::PathBuf;

/// Every `{start, end}` object anywhere in `value`, with the JSON path that leads to it.
pub fn all_spans(value: &serde_json::Value) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    collect_spans(value, "$", &mut out);
    out
}

fn collect_spans(value: &serde_json::Value, path: &str, out: &mut Vec<(String, usize, usize)>) {
    match value {
        serde_json::Value::Object(map) => {
            let start = map.get("start").and_then(serde_json::Value::as_u64);
            let end = map.get("end").and_then(serde_json::Value::as_u64);
            if let (Some(start), Some(end), 2) = (start, end, map.len()) {
                out.push((path.to_string(), start as usize, end as usize));
                return;
            }
            for (key, child) in map {
                collect_spans(child, &format!("{path}.{key}"), out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                collect_spans(child, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// Checks that every span of `summary` lies inside `input` (counted in UTF-16 code units) and
/// starts and ends on a character boundary (never between the two halves of a surrogate pair).
/// Returns the first violation.
pub fn check_spans(input: &str, summary: &serde_json::Value) -> Result<(), String> {
    let units: Vec<u16> = input.encode_utf16().collect();
    let spans = all_spans(summary);
    for (path, start, end) in spans {
        if start > end || end > units.len() {
            return Err(format!(
                "{path}: span {start}..{end} outside the input of {} UTF-16 units",
                units.len()
            ));
        }
        for at in [start, end] {
            if units.get(at).is_some_and(|u| (0xDC00..0xE000).contains(u)) {
                return Err(format!(
                    "{path}: span {start}..{end} cuts a surrogate pair at {at}"
                ));
            }
        }
    }
    Ok(())
}

/// The UTF-16 slice `start..end` of `input`.
pub fn utf16_slice(input: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = input.encode_utf16().collect();
    String::from_utf16_lossy(&units[start.min(units.len())..end.min(units.len())])
}

/// The comparison key of evidence text: NFC, the lookalikes the text stage unifies, white
/// space runs as one space, ends trimmed.
pub fn evidence_key(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let cleaned: String = s
        .nfc()
        .filter(|c| {
            !matches!(
                c,
                '\u{200B}' | '\u{FEFF}' | '\u{00AD}' | '\u{200C}' | '\u{200D}'
            )
        })
        .map(|c| match c {
            '\u{00D0}' => 'Đ',
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where the dev set lives: `$THIDUA_DEVSET`, else `shared/devset` beside the repository
/// (as in CI), else the shared folder of the project machine.
fn devset_dir() -> Option<PathBuf> {
    let beside = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/devset");
    std::env::var_os("THIDUA_DEVSET")
        .map(PathBuf::from)
        .into_iter()
        .chain([beside, PathBuf::from("/work/shared/devset")])
        .find(|dir| dir.is_dir())
}

/// The dev-set articles (sorted by file name), when the dev set is on this machine.
pub fn devset_articles() -> Vec<String> {
    let Some(dir) = devset_dir() else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// Articles written for these tests (always available, so CI without the dev set still
/// exercises real-looking text), then the dev set when present.
pub fn articles() -> Vec<String> {
    let mut all: Vec<String> = SYNTHETIC.iter().map(|s| s.to_string()).collect();
    all.extend(devset_articles());
    all
}

/// Three made-up reports in the style of the genre: a title, a dateline, a lead, body
/// paragraphs with figures, documents and movements, and page chrome after the article.
const SYNTHETIC: [&str; 3] = [
    "Huyện Nam Đàn tổng kết phong trào thi đua năm 2024\n\n\
     Thứ Hai, 06/01/2025 09:15\n\
     Sáng 5/1, tại Hội trường UBND huyện Nam Đàn, Hội đồng Thi đua - Khen thưởng huyện tổ chức hội nghị \
     tổng kết công tác thi đua, khen thưởng năm 2024.\n\n\
     Năm 2024, tổng thu ngân sách trên địa bàn đạt 412,5 tỷ đồng, tăng 8,3% so với cùng kỳ; \
     thu nhập bình quân đầu người đạt 61,2 triệu đồng/người/năm. Có 17/19 xã đạt chuẩn nông thôn mới.\n\n\
     Thực hiện Chỉ thị số 34-CT/TW và phong trào “Cả nước chung tay vì người nghèo”, huyện đã huy động \
     gần 3.200 triệu đồng. Tỷ lệ hộ nghèo giảm còn 1,85%.\n\n\
     Dịp này, 12 tập thể được tặng Bằng khen của Chủ tịch UBND tỉnh.\n\n\
     Đọc thêm\nCác tin khác trong chuyên mục\n",
    "Phát động thi đua cao điểm chào mừng đại hội Đảng các cấp\n\n\
     Chiều 12/3, Ban Thường vụ Tỉnh ủy phát động đợt thi đua cao điểm. Đồng chí Trần Văn Minh, \
     Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh chủ trì.\n\n\
     Theo Kế hoạch số 120/KH-UBND ngày 2/3/2025, các địa phương phấn đấu hoàn thành 95-97% chỉ tiêu, \
     giải ngân khoảng 1.250 tỷ đồng vốn đầu tư công, vượt 5% kế hoạch.\n\n\
     Ảnh: Lãnh đạo tỉnh trao Cờ thi đua cho các đơn vị xuất sắc.\n\n\
     Tin liên quan\nBáo điện tử - Bản quyền thuộc về cơ quan báo\n",
    "Cụm thi đua số 3 ký kết giao ước thi đua năm 2025\n\n\
     (Baotinh.vn) - Sáng 20/2/2025, Cụm thi đua số 3 gồm 6 huyện, thị xã tổ chức ký kết giao ước thi đua.\n\n\
     Năm 2024, các đơn vị trong cụm đã xây dựng 97 mô hình dân vận khéo, thu hút hơn 45.000 lượt người \
     tham gia; tỷ lệ tham gia bảo hiểm y tế đạt 93,4%.\n\n\
     Tại hội nghị, thị xã Hồng Lĩnh bàn giao nhiệm vụ cụm trưởng năm 2025 cho huyện Can Lộc.\n\n\
     Nguyễn Thị Lan\n",
];

/// `article` with every figure-looking digit run replaced by a number that depends on `seed`,
/// so that repeated copies of one article are not byte-identical.
pub fn vary_numbers(article: &str, seed: usize) -> String {
    let mut out = String::with_capacity(article.len());
    let mut digit_index = 0usize;
    for c in article.chars() {
        if c.is_ascii_digit() {
            let d = (c as usize - '0' as usize + seed + digit_index) % 10;
            out.push(char::from(b'0' + d as u8));
            digit_index += 1;
        } else {
            out.push(c);
        }
    }
    out
}

/// An input of at least `bytes` bytes made of the given articles one after another, numbers
/// varied from copy to copy.
pub fn repeated_articles(articles: &[String], bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 16 * 1024);
    let mut copy = 0;
    while out.len() < bytes {
        let article = &articles[copy % articles.len()];
        out.push_str(&vary_numbers(article, copy));
        out.push_str("\n\n");
        copy += 1;
    }
    out
}
