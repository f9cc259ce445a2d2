//! Page chrome: toolbars, buttons, counters, media file names, slogan banners and the markers
//! that open the page part after the article. Phrases live in `data/chrome*.txt`.

use super::features::{ends_with_period, is_all_caps, more_words_than};
use super::phrases::Phrases;
use crate::lexicon::{Hit, Lexicon};
use crate::text::letters::is_letter;
use regex::Regex;
use std::sync::OnceLock;

/// How a chrome phrase makes a line chrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The line is made of such phrases.
    Line,
    /// A short line starting with the phrase.
    Start,
    /// The label of a counter.
    Counter,
    /// "PHRASE: a related headline".
    Link,
    /// The word for news items that opens a closing marker ("Các bài viết").
    Head,
    /// How the items relate, closing a marker ("cùng chủ đề").
    Tail,
}

fn mode_of(field: Option<&&str>) -> Mode {
    match field.copied() {
        Some("start") => Mode::Start,
        Some("counter") => Mode::Counter,
        Some("link") => Mode::Link,
        Some("head") => Mode::Head,
        Some("tail") => Mode::Tail,
        _ => Mode::Line,
    }
}

fn chrome_phrases() -> &'static Phrases {
    static LEX: OnceLock<Phrases> = OnceLock::new();
    LEX.get_or_init(|| Phrases::from_data(include_str!("../../data/chrome.txt")))
}

fn chrome_lexicon() -> &'static Lexicon {
    &chrome_phrases().lex
}

fn closing_phrases() -> &'static Phrases {
    static LEX: OnceLock<Phrases> = OnceLock::new();
    LEX.get_or_init(|| Phrases::from_data(include_str!("../../data/chrome_closing.txt")))
}

/// Letters of `folded` that no hit of `lex` (of the given modes) covers, and the hits' modes.
fn uncovered_letters(lex: &Lexicon, folded: &str, modes: &[Mode]) -> (usize, usize) {
    let mut covered = vec![false; folded.len()];
    let mut hits = 0;
    for hit in lex.find_words(folded) {
        if modes.contains(&mode_of(lex.fields(hit.entry).get(1))) {
            hits += 1;
            covered[hit.range].iter_mut().for_each(|c| *c = true);
        }
    }
    let left = folded
        .char_indices()
        .filter(|&(i, c)| is_letter(c) && !covered[i])
        .count();
    (left, hits)
}

/// Lines of more words are not made of chrome phrases nor start with one.
const MAX_CHROME_WORDS: usize = 12;

/// Lines of more words are not searched for chrome phrases at all.
const MAX_LINK_WORDS: usize = 30;

/// True when a line (of at most [`MAX_CHROME_WORDS`] words) is made of chrome phrases (at
/// most two letters left over).
fn is_made_of(lex: &Lexicon, folded: &str, modes: &[Mode]) -> bool {
    let (left, hits) = uncovered_letters(lex, folded, modes);
    hits > 0 && left <= 2
}

/// The mode and end of the phrase the line starts with: the first whole-word hit of the
/// chrome lexicon, when it starts the line. No phrase has more than `MAX_PHRASE_WORDS`
/// words, so it is the hit a search of the line's first `MAX_PHRASE_WORDS` words finds.
fn opening_phrase(folded: &str) -> Option<(Mode, usize)> {
    let phrases = chrome_phrases();
    let first = phrases.opening(folded)?;
    Some((mode_of(Some(&phrases.kind(first.entry))), first.range.end))
}

/// No chrome phrase in `data/chrome.txt` has more words (a test checks it).
#[cfg(test)]
const MAX_PHRASE_WORDS: usize = 7;

/// True when the line (of at most [`MAX_LINK_WORDS`] words) is "PHRASE: a related headline"
/// for a phrase of mode `Link` (`opening` is its [`opening_phrase`]).
fn is_related_link(opening: Option<(Mode, usize)>, folded: &str) -> bool {
    opening.is_some_and(|(mode, end)| {
        mode == Mode::Link && folded[end..].trim_start().starts_with(':')
    })
}

/// True when the line (of at most [`MAX_CHROME_WORDS`] words) starts with a phrase of mode
/// `Start` (`opening` is its [`opening_phrase`]).
fn starts_with_phrase(opening: Option<(Mode, usize)>, folded: &str) -> bool {
    opening.is_some_and(|(mode, _)| mode == Mode::Start)
        && !ends_with_period(folded)
        && !folded.contains(['"', '“', '”'])
}

/// True when the line (of `words` words, counted up to more than [`MAX_LINK_WORDS`]) is made
/// of chrome phrases, starts with one or links to another article.
fn is_chrome_phrase_line(lex: &Lexicon, folded: &str, words: usize) -> bool {
    if words > MAX_LINK_WORDS {
        return false;
    }
    let opening = opening_phrase(folded);
    let short = words <= MAX_CHROME_WORDS;
    (short
        && (is_made_of(lex, folded, &[Mode::Line, Mode::Counter])
            || starts_with_phrase(opening, folded)))
        || is_related_link(opening, folded)
        || is_follow_bar(lex, folded)
}

/// True when the line asks to follow the site on social networks: "Theo dõi SITE trên
/// Zalo | Facebook" (a short site name, then buttons).
fn is_follow_bar(lex: &Lexicon, folded: &str) -> bool {
    folded
        .strip_prefix("theo dõi ")
        .and_then(|rest| rest.rsplit_once(" trên "))
        .is_some_and(|(site, buttons)| {
            !more_words_than(site, 5)
                && !more_words_than(buttons, MAX_CHROME_WORDS)
                && is_made_of(lex, buttons, &[Mode::Line])
        })
}

/// Lines are read by [`chrome_reason`] with their words counted up to this many.
pub const CHROME_COUNTED_WORDS: usize = MAX_LINK_WORDS + 1;

/// Why a line (given as written and folded, with its [`word_count`](super::features::word_count)
/// counted up to at least [`CHROME_COUNTED_WORDS`]) is page chrome, if it is.
pub fn chrome_reason(line: &str, folded: &str, words: usize) -> Option<&'static str> {
    let lex = chrome_lexicon();
    if is_media_file(line) {
        Some("image or media file name")
    } else if is_counter(folded) {
        Some("counter")
    } else if is_chrome_phrase_line(lex, folded, words) {
        Some("page chrome")
    } else if is_breadcrumb(line) {
        Some("breadcrumb")
    } else if is_widget_label(line) {
        Some("page widget label")
    } else if is_slogan(line) {
        Some("slogan banner")
    } else {
        None
    }
}

/// True when the line is a closing-section marker ("Đọc thêm", "Tin liên quan", "Đánh giá:",
/// "Bài viết cùng chủ đề:").
pub fn is_closing_marker(folded: &str) -> bool {
    let phrases = closing_phrases();
    let lex = &phrases.lex;
    let trimmed = folded.trim_end_matches(|c: char| !is_letter(c));
    let mode = |h: &Hit| mode_of(Some(&phrases.kind(h.entry)));
    // A line that is a marker opens with a hit of one (a hit of no more than MAX_MARKER_WORDS
    // words, as every marker), and a line that opens with none is no marker.
    let Some(first) = phrases.opening(trimmed) else {
        return false;
    };
    let first_mode = mode(&first);
    if first_mode == Mode::Start {
        return true;
    }
    // The other markers are the whole line.
    if more_words_than(trimmed, MAX_MARKER_WORDS) {
        return false;
    }
    if lex
        .lookup(trimmed)
        .is_some_and(|e| matches!(mode_of(lex.fields(e).get(1)), Mode::Line | Mode::Start))
    {
        return true;
    }
    first_mode == Mode::Head
        && lex.find_words(trimmed).skip(1).last().is_some_and(|last| {
            matches!(mode(&last), Mode::Tail | Mode::Line)
                && last.range.end == trimmed.len()
                && !more_words_than(&trimmed[first.range.end..last.range.start], 1)
        })
}

/// A closing marker (and one made of a head and a tail or a marker of its own: "Tin tức khác
/// cùng chuyên mục") has at most this many words.
const MAX_MARKER_WORDS: usize = 7;

/// A counter: "Hôm nay : 1.157", "Online: 86", "11,048 lượt xem", "View Count: 163".
fn is_counter(folded: &str) -> bool {
    counter_label(folded).is_some_and(|label| {
        let lex = chrome_lexicon();
        lex.lookup(label)
            .is_some_and(|e| mode_of(lex.fields(e).get(1)) == Mode::Counter)
    })
}

/// The label of a line shaped as a counter (trimmed): a label, ":" and a number ("Online:
/// 86"), or a number and a label ("11,048 lượt xem"). The shape is matched without captures:
/// the label of the first shape is what stands before the line's first colon, the label of
/// the second what follows the leading run of digits, points and commas.
fn counter_label(folded: &str) -> Option<&str> {
    // The first shape ends with a number (a digit, then digits, points and commas), the
    // second starts with a digit: a sentence ending in a point is let go before the regexes.
    let number_part = |c: char| c.is_ascii_digit() || c == '.' || c == ',';
    let tail = &folded[folded.trim_end_matches(number_part).len()..];
    let ends_with_number = tail.bytes().any(|b| b.is_ascii_digit());
    if !ends_with_number && !folded.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let colon = folded.find(':').filter(|_| ends_with_number);
    if let Some(colon) = colon.filter(|_| label_first().is_match(folded)) {
        Some(folded[..colon].trim())
    } else if number_first().is_match(folded) {
        let number = folded.trim_start_matches(number_part);
        Some(number.trim())
    } else {
        None
    }
}

/// "LABEL: NUMBER" as a whole line, the label in group 1.
fn label_first() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"^([^0-9:]{2,40}?)",
            ws!(),
            r"*:",
            ws!(),
            r"*[0-9][0-9.,]*$"
        ))
        .expect("valid regex")
    })
}

/// "NUMBER LABEL" as a whole line, the label in group 1.
fn number_first() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(r"^[0-9][0-9.,]*", ws!(), r"+([^0-9]{2,30})$")).expect("valid regex")
    })
}

/// A bare image, video or document file name, maybe after "Video:" or "Ảnh:", in any case
/// (matched in lower case: no case-insensitive regex and its Unicode case tables).
pub fn is_media_file(line: &str) -> bool {
    // At most "video", ":" and the file name: three tokens, the last with a point.
    if !line.contains('.') || line.split_whitespace().nth(3).is_some() {
        return false;
    }
    static FILE: OnceLock<Regex> = OnceLock::new();
    let re = FILE.get_or_init(|| {
        Regex::new(
            concat!(r"^(?:(?:video|ảnh|image|photo|file|clip)", ws!(), r"*:", ws!(), r"*)?[^\t-\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]+\.(?:jpe?g|png|gif|webp|bmp|tiff?|svg|heic|mp4|mp3|webm|mov|avi|flv|m4v|wav|pdf|docx?|xlsx?|pptx?)(?:\?[^\t-\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]*)?$"),
        )
        .expect("valid regex")
    });
    re.is_match(&line.trim().to_lowercase())
}

/// One token of ASCII letters (and "-", "_") too long for a Vietnamese syllable: the label
/// or id of a page widget ("leftcenterrightdel", "bn-current-user-online-portlet").
fn is_widget_label(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 8
        && t.chars()
            .all(|c| c.is_ascii_alphabetic() || c == '-' || c == '_')
        && !is_all_caps(t)
        && t.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 8
}

/// True when `bytes` hold " / ", " > ", "»" or "›": one search for the bytes they start
/// or turn on (32 at a time), instead of four.
fn has_breadcrumb_separator(bytes: &[u8]) -> bool {
    let mut from = 0;
    let wanted = |b: u8| matches!(b, b'/' | b'>' | 0xC2 | 0xE2);
    while let Some(k) = crate::text::find_byte(&bytes[from..], wanted) {
        let at = from + k;
        let found = match bytes[at] {
            b'/' | b'>' => at > 0 && bytes[at - 1] == b' ' && bytes.get(at + 1) == Some(&b' '),
            0xC2 => bytes.get(at + 1) == Some(&0xBB),
            _ => bytes.get(at + 1..at + 3) == Some(&[0x80, 0xBA]),
        };
        if found {
            return true;
        }
        from = at + 1;
    }
    false
}

/// A breadcrumb trail: short parts between "/", "»", "›" or ">" ("Trang chủ / Xã hội /").
fn is_breadcrumb(line: &str) -> bool {
    const SEPARATORS: [char; 4] = ['/', '»', '›', '>'];
    if !has_breadcrumb_separator(line.as_bytes()) {
        return false;
    }
    let separators = line.chars().filter(|c| SEPARATORS.contains(c)).count();
    let parts: Vec<&str> = line
        .split(SEPARATORS)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    separators >= 2
        && parts.len() >= 2
        && parts
            .iter()
            .all(|p| !more_words_than(p, 4) && !p.chars().any(|c| c.is_ascii_digit()))
}

/// A slogan banner: a line in capitals ending in "!" ("TOÀN ĐẢNG, TOÀN DÂN ... NĂM 2022!").
fn is_slogan(line: &str) -> bool {
    let t = line.trim();
    t.ends_with('!') && is_all_caps(t) && more_words_than(t, 3)
}

#[cfg(test)]
mod tests {
    use super::super::features::word_count_up_to;
    use super::*;
    use crate::text::fold;

    /// The byte search finds the separators `str::contains` finds, on every line of the
    /// corpora and the dev set and at the ends of short lines.
    #[test]
    fn breadcrumb_separators_are_found_as_contains_finds_them() {
        let extra = [
            "a / b",
            "/ ",
            " /",
            "a > b",
            "»",
            "x›",
            "–",
            "Â»",
            "a/b",
            "“a” >",
        ];
        for line in crate::test_texts::lines(&extra) {
            let expected = line.contains(" / ")
                || line.contains('»')
                || line.contains('›')
                || line.contains(" > ");
            assert_eq!(
                has_breadcrumb_separator(line.as_bytes()),
                expected,
                "{line:?}"
            );
        }
    }

    fn chrome(line: &str) -> Option<&'static str> {
        chrome_reason(
            line,
            &fold(line),
            word_count_up_to(line, CHROME_COUNTED_WORDS),
        )
    }

    #[test]
    fn chrome_lines() {
        for line in [
            "A- A A+ | Tăng tương phản Giảm tương phản",
            "Tổng số điểm của bài viết là: 0 trong 0 đánh giá",
            "Click để đánh giá bài viết",
            "Hôm nay : 1.157",
            "11,048 lượt xem",
            "View Count: 163",
            "DSC05521_0.JPG",
            "ẢNH: Le_Tuyen_Duong.JPEG",
            "Video: 291222_-_THI_DUA_YEU_NUOC.mp4?_t=1672328283",
            "leftcenterrightdel",
            "Google News",
            "Chủ đề Chủ trương - Chính sách",
            "Trang chủ / Xã hội /",
            "Cỡ chữ | A A+ | In",
            "A | A | A | Bản in | Gửi bài viết",
            "Facebook | Zalo | Copy link",
            "Theo dõi Tây Nguyên Online trên Zalo | Facebook",
            "Gửi cho bạn | In | Lên đầu trang",
            "TOÀN DÂN RA SỨC THI ĐUA THỰC HIỆN THẮNG LỢI NHIỆM VỤ NĂM 2022!",
        ] {
            assert!(chrome(line).is_some(), "{line}");
        }
        for line in [
            "Quang cảnh hội nghị.",
            "Hôm nay, các đơn vị ký kết giao ước thi đua.",
            "Với chủ đề “Đoàn kết, sáng tạo”, năm 2022 các đơn vị đã hoàn thành.",
            "Chung Thủy",
            "In ấn tài liệu phục vụ hội nghị thi đua",
            "Theo dõi sát sao tình hình trên địa bàn",
            "A Lưới",
            "Đánh giá cao kết quả đạt được của các đơn vị trong cụm thi đua",
        ] {
            assert_eq!(chrome(line), None, "{line}");
        }
    }

    /// [`opening_phrase`] and [`is_closing_marker`] search whole lines for what opens them:
    /// that is what a search of their first words finds as long as no phrase is longer.
    #[test]
    fn no_phrase_has_more_words_than_its_limit() {
        for (phrases, limit) in [
            (chrome_phrases(), MAX_PHRASE_WORDS),
            (closing_phrases(), MAX_MARKER_WORDS),
        ] {
            for i in 0..phrases.lex.len() {
                let key = phrases.lex.fields(i)[0];
                assert!(!more_words_than(key, limit), "{key}");
            }
        }
    }

    /// [`counter_label`] is group 1 of the first counter regex that matches (trimmed), on
    /// every line of the corpora and the dev set, and on short counters.
    #[test]
    fn counter_label_is_the_regex_group() {
        let extra = [
            "Hôm nay : 1.157\n11,048 lượt xem\n :5\n 1  x \n1: 2\n1.2.,",
            "Lượt xem: 12.\nTổng: .5\nĐiểm: 3,\nx: 1.2.3\nSố: 5 người.\n: 7\n12 lượt xem.",
        ];
        let lines = crate::test_texts::folded_lines(&extra);
        for line in lines.iter().flat_map(|l| [l.as_str(), l.trim()]) {
            let by_captures = label_first()
                .captures(line)
                .or_else(|| number_first().captures(line))
                .and_then(|c| c.get(1))
                .map(|l| l.as_str().trim());
            assert_eq!(counter_label(line), by_captures, "{line:?}");
        }
    }

    #[test]
    fn closing_markers() {
        assert!(is_closing_marker(&fold("Đọc thêm")));
        assert!(is_closing_marker(&fold("Tin liên quan:")));
        assert!(is_closing_marker(&fold("Đánh giá:")));
        assert!(is_closing_marker(&fold("Các bài viết cùng chủ đề:")));
        assert!(is_closing_marker(&fold("Tin tức khác cùng chuyên mục")));
        assert!(!is_closing_marker(&fold("Đọc thêm tài liệu tại hội nghị")));
        assert!(!is_closing_marker(&fold("Tin")));
        assert!(!is_closing_marker(&fold(
            "Tin vui đến với những gia đình khác"
        )));
        assert!(!is_closing_marker(&fold("Bài học kinh nghiệm liên quan")));
    }
}
