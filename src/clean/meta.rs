//! Meta parts of a line: the crawler's date prefix, date/time stamps (publish date or the
//! page header's "today" banner) and agency source tags.

use crate::date::Date;
use crate::lexicon::is_word_boundary;
use crate::text::letters::is_upper;
use regex::Regex;
use std::sync::OnceLock;

/// A publication date as far as it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    /// The day.
    Day(Date),
    /// Only the year and month (" date 2022-12 ").
    Month(i32, u32),
}

/// The crawler prefix " date 2025-12-07 " (or " date 2022-12 ", " date 2022 ") at the start of
/// `line`: its byte length (without the spaces after it) and the date it gives, if any.
pub fn crawler_prefix(line: &str) -> Option<(usize, Option<Published>)> {
    if !line.starts_with("date") {
        return None;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(concat!(
            r"^date",
            ws!(),
            r"+([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?(?:",
            ws!(),
            r"|$)"
        ))
        .expect("valid regex")
    });
    let caps = re.captures(line)?;
    let len = caps[0].trim_end().len();
    let number = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let published = match (number(1), number(2), number(3)) {
        (Some(y), Some(m), Some(d)) => Date::new(y as i32, m, d).map(Published::Day),
        (Some(y), Some(m), None) if (1..=12).contains(&m) => Some(Published::Month(y as i32, m)),
        _ => None,
    };
    Some((len, published))
}

/// A date/time stamp at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// Byte length of the stamp in the line (separators after it left out).
    pub len: usize,
    /// The day it names.
    pub date: Date,
    /// True when the stamp also gives a time or a weekday (a page stamp, not a sentence's date).
    pub has_clock: bool,
}

/// The date/time stamp that starts `line` ("Thứ 5, 29/12/2022 | 17:40:19", "08:41 21/08/2015",
/// "quantri gửi vào T6, 2018-01-12 07:50"), if any. `folded` is the line's folded key.
pub fn stamp(line: &str, folded: &str) -> Option<Stamp> {
    // A stamp gives a full date in digits: a line without one is let go before the regexes.
    if !may_hold_a_date(folded) {
        return None;
    }
    static PREFIX: OnceLock<Regex> = OnceLock::new();
    static TOKENS: OnceLock<Regex> = OnceLock::new();
    let prefix = PREFIX.get_or_init(|| {
        Regex::new(
            concat!(r"^[(\[]?", ws!(), r"*(?:[^|0-9]{1,30}\|", ws!(), r"*|(?:[^\t-\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]+", ws!(), r"+){0,3}?(?:gửi vào|gửi lúc|đăng lúc|đăng ngày|ngày đăng|cập nhật lúc|cập nhật|ngày cập nhật|xuất bản|posted on|posted|published)", ws!(), r"*:?", ws!(), r"*)"),
        )
        .expect("valid regex")
    });
    let tokens = TOKENS.get_or_init(|| {
        Regex::new(
            concat!(r"^(?:(?:(?:thứ", ws!(), r"+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ", ws!(), r"+nhật|cn|t[2-7]|am|pm|\[?\(?gmt", ws!(), r"*[+-]", ws!(), r"*[0-9]{1,2}\)?\]?)(?:[\t-\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}|,–—)\]-]+|$))|(?:(?:[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)[\t-\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}|,–—-]*))+"),
        )
        .expect("valid regex")
    });
    let marked = prefix.find(folded).map(|m| m.end());
    // "Ngày 12/03/2024 10:20" alone on its line is a stamp too (not "Ngày 15/12, UBND ...").
    let day_word = folded.strip_prefix("ngày ").map(|_| "ngày ".len());
    let start = marked.or(day_word).unwrap_or(0);
    let rest = folded.get(start..)?;
    let m = tokens.find(rest)?;
    let end = start
        + rest[..m.end()]
            .trim_end_matches([' ', '|', ',', '-', '–', '—'])
            .len();
    if !is_word_boundary(folded, end) || !line.is_char_boundary(end) {
        return None;
    }
    if marked.is_none() && day_word.is_some() && !folded[end..].trim().is_empty() {
        return None;
    }
    let stamp_text = &folded[start..end];
    let date = first_date(stamp_text)?;
    let has_clock = stamp_text.contains(':') || stamp_text.contains("thứ") || marked.is_some();
    Some(Stamp {
        len: end,
        date,
        has_clock,
    })
}

/// True when `s` may hold a date of [`date_regex`]: a digit, a separator and four digits
/// ("29/12/2022", "12.2024"), or four digits, a dash and a digit ("2024-03-01"). Read off
/// the separators, without the regex.
fn may_hold_a_date(s: &str) -> bool {
    let bytes = s.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    let mut from = 0;
    while let Some(k) = crate::text::find_byte(&bytes[from..], |b| matches!(b, b'/' | b'.' | b'-'))
    {
        let at = from + k;
        let year_after = at > 0 && digits(at - 1..at) && digits(at + 1..at + 5);
        let iso = bytes[at] == b'-' && at >= 4 && digits(at - 4..at) && digits(at + 1..at + 2);
        if year_after || iso {
            return true;
        }
        from = at + 1;
    }
    false
}

/// The first day/month/year or ISO date among the stamp's tokens.
fn first_date(stamp_text: &str) -> Option<Date> {
    let (y, m, d) = first_date_numbers(stamp_text)?;
    Date::new(y as i32, m, d)
}

/// Year, month and day of the first match of [`date_regex`], read off the match without
/// captures: its three numbers, the year first when the first has four digits.
fn first_date_numbers(stamp_text: &str) -> Option<(u32, u32, u32)> {
    let found = date_regex().find(stamp_text)?.as_str();
    let mut numbers = found.split(['/', '.', '-']);
    let (a, b, c) = (numbers.next()?, numbers.next()?, numbers.next()?);
    let num = |s: &str| s.parse::<u32>().ok();
    if a.len() == 4 {
        Some((num(a)?, num(b)?, num(c)?))
    } else {
        Some((num(c)?, num(b)?, num(a)?))
    }
}

/// A day/month/year date (groups 1–3) or an ISO date (groups 4–6).
fn date_regex() -> &'static Regex {
    static DATE: OnceLock<Regex> = OnceLock::new();
    DATE.get_or_init(|| {
        Regex::new(
            r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})|([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})",
        )
        .expect("valid regex")
    })
}

/// An agency source tag: its byte range in `line`, the tag text, and where the text after
/// it starts. At the start of the line any short tag counts ("(QNO) -", "(ĐN)-",
/// "(Xây dựng) -"); inside the line only a site name ("(Thanhuytphcm.vn) -").
pub fn source_tag(line: &str) -> Option<(std::ops::Range<usize>, String, usize)> {
    if !has_dash_after_parenthesis(line) {
        return None;
    }
    let (whole, tag) = tag_match(line)?;
    let tag = tag.trim();
    let after = &line[whole.end..];
    let starts_sentence = after.chars().next().is_some_and(is_upper);
    let site = tag.contains('.') && !tag.contains(' ');
    let short = tag.split_whitespace().count() <= 4 && is_upper(tag.chars().next()?);
    let at_start = line[..whole.start].trim().is_empty();
    if !starts_sentence || !(site || (at_start && short)) {
        return None;
    }
    let tag_end = whole.start + line[whole.clone()].trim_end().len();
    Some((whole.start..tag_end, tag.to_string(), whole.end))
}

/// The first match of [`tag_regex`] and its group 1 (the text in the parentheses), read off
/// the match without captures: the group ends at the match's first ")".
fn tag_match(line: &str) -> Option<(std::ops::Range<usize>, &str)> {
    let whole = tag_regex().find(line)?;
    let inside = &whole.as_str()[1..];
    Some((whole.range(), &inside[..inside.find(')')?]))
}

/// "(TAG) -": a parenthesised tag (group 1) and a dash.
fn tag_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"\(([^()\n]{1,40})\)",
            ws!(),
            r"*[-–—]+",
            ws!(),
            r"*"
        ))
        .expect("valid regex")
    })
}

/// True when a ")" is followed by a dash (after white space): the shape of an agency tag
/// ("(TTXVN) - "), checked before the tag's regex is run.
fn has_dash_after_parenthesis(line: &str) -> bool {
    line.match_indices(')')
        .any(|(i, _)| line[i + 1..].trim_start().starts_with(['-', '–', '—']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    fn stamp_of(line: &str) -> Option<(String, String, bool)> {
        stamp(line, &fold(line))
            .map(|s| (line[..s.len].to_string(), s.date.to_string(), s.has_clock))
    }

    /// Every text where the date regex finds a date passes the test of its separators; most
    /// lines of the corpora do not.
    #[test]
    fn dates_are_found_only_where_the_separators_allow() {
        let mut lines = crate::test_texts::folded_lines(&["2024-3-1", "1.1.2024", "9/10/2023 x"]);
        lines.extend(["x 12-2024", "2024", "1/2/202", "202-4-1", "a.b.2024"].map(String::from));
        let mut passed = 0;
        for line in &lines {
            if date_regex().is_match(line) {
                assert!(may_hold_a_date(line), "{line:?}");
            }
            passed += usize::from(may_hold_a_date(line));
        }
        assert!(passed * 4 < lines.len(), "{passed} of {}", lines.len());
    }

    #[test]
    fn stamps() {
        let s = |a: &str, b: &str, c: bool| Some((a.to_string(), b.to_string(), c));
        assert_eq!(
            stamp_of("Thứ 7, 28/01/2023, 19:46[GMT+7]"),
            s("Thứ 7, 28/01/2023, 19:46[GMT+7]", "2023-01-28", true)
        );
        assert_eq!(
            stamp_of("01/06/2018 14:23 View Count: 163"),
            s("01/06/2018 14:23", "2018-06-01", true)
        );
        assert_eq!(
            stamp_of("quantri gửi vào T6, 2018-01-12 07:50"),
            s("quantri gửi vào T6, 2018-01-12 07:50", "2018-01-12", true)
        );
        assert_eq!(stamp_of("26/07/2019"), s("26/07/2019", "2019-07-26", false));
        assert_eq!(stamp_of("Ngày 24 và 25/7/2019, tại Hải Phòng"), None);
        assert_eq!(stamp_of("Ngày 15/12/2021, tại Sở Tài chính"), None);
        assert_eq!(
            stamp_of("(Ngày đăng: 13/06/2023 - 10:15 AM)"),
            s("(Ngày đăng: 13/06/2023 - 10:15 AM)", "2023-06-13", true)
        );
        assert_eq!(
            stamp_of("Thời sự | 22/02/2019 18:27"),
            s("Thời sự | 22/02/2019 18:27", "2019-02-22", true)
        );
        assert_eq!(
            stamp_of("Ngày 12/03/2024 10:20"),
            s("Ngày 12/03/2024 10:20", "2024-03-12", true)
        );
        assert_eq!(
            stamp_of("Cập nhật: 10:20 | 12/03/2024"),
            s("Cập nhật: 10:20 | 12/03/2024", "2024-03-12", true)
        );
        assert_eq!(stamp_of("Chiều 29/12, tại Can Lộc"), None);
        assert_eq!(
            stamp_of("17:25 06/12/2020 Chiều 30-11, tại TP"),
            s("17:25 06/12/2020", "2020-12-06", true)
        );
    }

    /// [`tag_match`] and [`first_date_numbers`] read what the regexes' groups hold, on every
    /// line of the corpora and the dev set (as written and folded) and on a few cases.
    #[test]
    fn matches_read_without_captures_are_the_groups() {
        let extra = ["(ĐN)- a (b) – c\n1/2/2024 2024-1-2 12.3.2023\n(x)()—(y)-"];
        let written = crate::test_texts::lines(&extra);
        let folded = crate::test_texts::folded_lines(&extra);
        for line in written.iter().chain(&folded).map(String::as_str) {
            let by_captures = tag_regex()
                .captures(line)
                .map(|c| (c.get(0).map(|m| m.range()), c.get(1).map(|m| m.as_str())));
            let read = tag_match(line).map(|(whole, tag)| (Some(whole), Some(tag)));
            assert_eq!(read, by_captures, "{line:?}");
            let dates = date_regex().captures(line).map(|caps| {
                let num = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
                match (num(1), num(2), num(3)) {
                    (Some(d), Some(m), Some(y)) => (y, m, d),
                    _ => (num(4).unwrap(), num(5).unwrap(), num(6).unwrap()),
                }
            });
            assert_eq!(first_date_numbers(line), dates, "{line:?}");
        }
    }

    #[test]
    fn crawler_prefixes() {
        assert_eq!(
            crawler_prefix("date 2022-12 Ngày 19/12"),
            Some((12, Some(Published::Month(2022, 12))))
        );
        assert_eq!(
            crawler_prefix("date 2025-12-07 Cụm"),
            Some((15, Some(Published::Day(Date::new(2025, 12, 7).unwrap()))))
        );
        assert_eq!(crawler_prefix("date 2022 Cụm"), Some((9, None)));
        assert_eq!(crawler_prefix("date of birth"), None);
    }

    #[test]
    fn source_tags() {
        let tag = |l: &str| source_tag(l).map(|(_, t, _)| t);
        assert_eq!(
            tag("(Baohatinh.vn) - Mặc dù").as_deref(),
            Some("Baohatinh.vn")
        );
        assert_eq!(tag("(ĐN)- Trong 2 ngày").as_deref(), Some("ĐN"));
        assert_eq!(
            tag("Các đơn vị ký kết (Thanhuytphcm.vn) - Chiều 11/4").as_deref(),
            Some("Thanhuytphcm.vn")
        );
        assert_eq!(tag("Ông A (Bí thư) - Chủ tịch"), None);
        assert_eq!(tag("giai đoạn (2015) - nay"), None);
        assert_eq!(
            tag("(TTXVN)\u{3000}—\u{A0}Sáng 5/3").as_deref(),
            Some("TTXVN")
        );
        assert_eq!(tag("(TTXVN) Sáng 5/3 - chiều 6/3"), None);
    }
}
