//! Bylines: "Chung Thủy", "Tin, ảnh: VĂN LONG", "Tác giả: Hoài Thương - Mai Tăng - Đài TT TH
//! Huyện", "Phan Thị Bích Hạnh - Thanh tra Sở Tài chính". Photo credits inside captions are
//! not bylines.

use super::features::{is_name_like, more_words_than};
use super::phrases::Phrases;
use crate::lexicon::Hit;
use crate::text::letters::is_upper;
use crate::text::utf8_width;
use std::ops::Range;
use std::sync::OnceLock;

fn byline_phrases() -> &'static Phrases {
    static LEX: OnceLock<Phrases> = OnceLock::new();
    LEX.get_or_init(|| Phrases::from_data(include_str!("../../data/chrome_byline.txt")))
}

/// The role of the byline phrase the folded text opens with, if it opens with one.
fn opening_role(folded: &str) -> Option<(&'static str, Hit)> {
    let phrases = byline_phrases();
    let hit = phrases.opening(folded)?;
    Some((phrases.kind(hit.entry), hit))
}

/// Byte offset in the line where the names start after a byline prefix ("Tác giả:"), if the
/// line opens with one.
fn after_prefix(folded: &str) -> Option<usize> {
    let (role, hit) = opening_role(folded)?;
    // "Theo: HẢI ĐĂNG" names the author; "Theo Báo Nhân Dân" (no colon) the source.
    if !matches!(role, "prefix" | "source") {
        return None;
    }
    let rest = &folded[hit.range.end..];
    let colon = rest.trim_start().strip_prefix(':')?;
    Some(folded.len() - colon.trim_start().len())
}

/// True when a name-like part is really a unit ("Đài TT TH Huyện", "Sở Tài chính").
fn is_unit(folded_part: &str) -> bool {
    opening_role(folded_part).is_some_and(|(role, _)| matches!(role, "unit" | "source"))
}

/// True when the line is an author's unit on its own ("Trung tâm Văn hóa huyện"), as a
/// byline written on two lines has it after the name.
pub fn is_unit_line(line: &str, folded: &str) -> bool {
    !more_words_than(line, 8) && !line.trim_end().ends_with('.') && is_unit(folded)
}

/// The source named by a short closing source line ("Theo Báo Nhân Dân", "Nguồn: VOV"), as
/// a byte range in the line.
pub fn source_line(line: &str, folded: &str) -> Option<Range<usize>> {
    let (role, hit) = opening_role(folded)?;
    if role != "source" || more_words_than(line, 10) {
        return None;
    }
    if !authors(line, folded, true).is_empty() {
        return None;
    }
    let rest = &line[hit.range.end..];
    let name = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ':');
    let start = line.len() - name.len();
    let name = name.trim_end_matches(|c: char| c.is_whitespace() || c == '.');
    let starts_upper = name.chars().next().is_some_and(is_upper);
    (starts_upper && !name.is_empty()).then(|| start..start + name.len())
}

/// A byline has at most this many words.
pub const MAX_BYLINE_WORDS: usize = 16;

/// The author names of a byline line, as byte ranges in it; empty when the line is not a
/// byline. `prefixed_only` accepts only lines opening with a byline prefix. The line has at
/// most [`MAX_BYLINE_WORDS`] words (a longer one is no byline): the callers know their
/// lines' word counts.
pub fn authors(line: &str, folded: &str, prefixed_only: bool) -> Vec<Range<usize>> {
    debug_assert!(!more_words_than(line, MAX_BYLINE_WORDS));
    match after_prefix(folded) {
        Some(start) => names_in(line, folded, start),
        None if prefixed_only => Vec::new(),
        None => {
            let names = names_in(line, folded, 0);
            // A bare byline is a name, maybe followed by its unit: the first part must be one.
            if names.first().is_some_and(|r| r.start == 0) {
                names
            } else {
                Vec::new()
            }
        }
    }
}

/// The name-like parts of `line[start..]`, split on dashes, commas, semicolons and "và".
/// Without a prefix only the first part can be a name (the rest is the author's unit).
fn names_in(line: &str, folded: &str, start: usize) -> Vec<Range<usize>> {
    let mut names = Vec::new();
    for part in parts(line, folded, start) {
        let range = trim(line, part);
        if range.is_empty() {
            continue;
        }
        let folded_part = folded.get(range.clone()).unwrap_or("");
        if !is_name_like(&line[range.clone()]) || is_unit(folded_part) {
            break;
        }
        names.push(range);
    }
    names
}

/// The parts of `line[start..]` between name separators (see [`separator_len`]), found one
/// at a time: the reading stops at the first part that is no name.
fn parts<'a>(
    line: &'a str,
    folded: &'a str,
    start: usize,
) -> impl Iterator<Item = Range<usize>> + 'a {
    let bytes = line.as_bytes();
    let mut i = start;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let part_start = i;
        while i <= line.len() {
            let sep = separator_len(&line[i..], folded.get(i..).unwrap_or(""));
            if i == line.len() || sep > 0 {
                let part = part_start..i;
                done = i == line.len();
                i += sep;
                return Some(part);
            }
            i += utf8_width(bytes[i]);
        }
        None
    })
}

/// Length of a name separator at the start of `s`: " - ", "–", ",", ";", "/", "(", " và ".
fn separator_len(s: &str, folded: &str) -> usize {
    if folded.starts_with(" và ") {
        return " và ".len();
    }
    match s.chars().next() {
        Some(c @ ('-' | '–' | '—' | ',' | ';' | '/' | '|' | '(' | ')')) => c.len_utf8(),
        _ => 0,
    }
}

/// `range` without white space, dots and colons at its ends.
fn trim(line: &str, range: Range<usize>) -> Range<usize> {
    let edge = |c: char| c.is_whitespace() || ".:".contains(c);
    let text = &line[range.clone()];
    let start = range.start + (text.len() - text.trim_start_matches(edge).len());
    start..start + text.trim_matches(edge).len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    fn names(line: &str, prefixed_only: bool) -> Vec<&str> {
        authors(line, &fold(line), prefixed_only)
            .into_iter()
            .map(|r| &line[r])
            .collect()
    }

    #[test]
    fn source_lines() {
        fn source(l: &str) -> Option<&str> {
            source_line(l, &fold(l)).map(|r| &l[r])
        }
        assert_eq!(source("Theo Báo Nhân Dân"), Some("Báo Nhân Dân"));
        assert_eq!(source("Nguồn: VOV."), Some("VOV"));
        assert_eq!(source("Theo đó, các đơn vị"), None);
    }

    #[test]
    fn bylines() {
        assert_eq!(
            names("Tác giả: Hoài Thương - Mai Tăng - Đài TT TH Huyện", false),
            ["Hoài Thương", "Mai Tăng"]
        );
        assert_eq!(names("Tin, ảnh: VĂN LONG", true), ["VĂN LONG"]);
        assert_eq!(
            names("Phan Thị Bích Hạnh - Thanh tra Sở Tài chính", false),
            ["Phan Thị Bích Hạnh"]
        );
        assert_eq!(names("V.Linh", false), ["V.Linh"]);
        assert_eq!(names("Ngọc Hà - Hồng Sơn", false), ["Ngọc Hà", "Hồng Sơn"]);
        assert_eq!(names("Theo: HẢI ĐĂNG", true), ["HẢI ĐĂNG"]);
        assert_eq!(names("Theo Báo Nhân Dân", false), Vec::<&str>::new());
        assert_eq!(names("Anh Tuấn (TTXVN)", false), ["Anh Tuấn"]);
        assert_eq!(names("Minh Châu/VOV", false), ["Minh Châu"]);
        assert_eq!(names("Chung Thủy", true), Vec::<&str>::new());
        assert_eq!(names("Quang cảnh hội nghị.", false), Vec::<&str>::new());
        assert_eq!(
            names("Đài TT TH Huyện - Hoài Thương", false),
            Vec::<&str>::new()
        );
    }
}
