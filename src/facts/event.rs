//! The event the article reports: the first dated sentence of the lead or body gives its day
//! ("Chiều 29/12, tại Can Lộc, ... tổ chức hội nghị tổng kết ... năm 2022"), its place (the
//! "tại" phrase that is not an event), its organiser, kind and periods.
//!
//! Dates that are not the event's are skipped: inside brackets (an anniversary
//! "(28/8/1945-28/8/2015)"), announced ("dự kiến", "sẽ"), after the publish date, or in a year
//! long before the article's.

use super::Passage;
use crate::clean::SegmentKind;
use crate::date::Date;
use crate::entities::Entities;
use crate::lexicon::{is_word_boundary, Lexicon};
use crate::model::Event;
use crate::parse::{self, PartialDate, Value, ValueKind, YearHints};
use crate::text::letters::{is_letter, is_upper};
use crate::text::Text;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// How many lead and body paragraphs are read for the event sentence.
const EVENT_PARAGRAPHS: usize = 8;
/// Words that announce a later date ("dự kiến ... sáng ngày 01/03").
const FUTURE_WORDS: [&str; 3] = ["dự kiến", "sẽ", "tới đây"];
/// What follows "tại" when it names an event, not a place ("tại hội nghị").
const EVENT_NOUNS: [&str; 13] = [
    "hội nghị",
    "buổi lễ",
    "lễ",
    "đại hội",
    "kỳ họp",
    "cuộc họp",
    "phiên họp",
    "buổi",
    "hội thảo",
    "chương trình",
    "sự kiện",
    "hn",
    "cuộc",
];
/// Words that end a venue ("tại Liên hiệp các Hội ... Hải Phòng đã diễn ra").
const VENUE_STOPS: [&str; 9] = [
    " đã ",
    " diễn ra",
    " tổ chức",
    " vào ",
    " với ",
    " nhằm ",
    " để ",
    " long trọng",
    " trong ",
];

fn kinds() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::from_data(include_str!("../../data/event_kinds.txt")))
}

/// A day written with a cue: "Chiều 29/12", "Sáng ngày 11/01/2023", "Ngày 24 và 25/7/2019",
/// "Trong 2 ngày 15 và 16-9", "Sáng nay 28.5", "ngày 15 tháng 3 năm 2016".
fn date_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            concat!(
                r"(?P<cue>(?:(?P<part>[Ss]áng|[Tt]rưa|[Cc]hiều|[Tt]ối|[Đđ]êm)(?:",
                ws!(),
                r"+(?:nay|qua|hôm nay|hôm qua))?(?:",
                ws!(),
                r"+ngày)?"
            ),
            concat!(
                r"|[Nn]gày|[Hh]ôm",
                ws!(),
                r"+nay|[Tt]rong",
                ws!(),
                r"+(?:[0-9]+|hai|ba)",
                ws!(),
                r"+ngày))",
                ws!(),
                r"+"
            ),
            concat!(
                r"(?P<d>[0-9]{1,2})(?:",
                ws!(),
                r"*(?:và|,|đến)",
                ws!(),
                r"*[0-9]{1,2})?"
            ),
            concat!(
                r"(?:",
                ws!(),
                r"*[/.-]",
                ws!(),
                r"*|",
                ws!(),
                r"+tháng",
                ws!(),
                r"+)(?P<m>[0-9]{1,2})"
            ),
            concat!(
                r"(?:(?:",
                ws!(),
                r"*[/.-]",
                ws!(),
                r"*|",
                ws!(),
                r"+năm",
                ws!(),
                r"+)(?P<y>[0-9]{4}))?"
            )
        ))
        .expect("event date compiles")
    })
}

fn period_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            concat!(
                r"(?:[0-9]+|sáu|chín|ba)",
                ws!(),
                r"+tháng",
                ws!(),
                r"+(?:đầu|cuối)",
                ws!(),
                r"+năm",
                ws!(),
                r"+[0-9]{4}"
            ),
            concat!(
                r"|(?:giai đoạn|nhiệm kỳ|năm học)",
                ws!(),
                r"+[0-9]{4}",
                ws!(),
                r"*[-–]",
                ws!(),
                r"*[0-9]{4}"
            ),
            concat!(r"|năm", ws!(), r"+[0-9]{4}")
        ))
        .expect("period compiles")
    })
}

/// A day found for the event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventDate {
    /// The date as written, byte range in the passage.
    pub range: Range<usize>,
    /// Day, month and the year when written.
    pub day: u32,
    /// Month.
    pub month: u32,
    /// Year, when written.
    pub year: Option<i32>,
    /// "sáng", "chiều", ...
    pub part_of_day: Option<String>,
}

/// The first date in `sentence` of `s` that can be the event's day.
pub fn event_date_in(
    s: &str,
    fold: &str,
    sentence: Range<usize>,
    reference: Option<Date>,
    usual_year: Option<i32>,
) -> Option<EventDate> {
    // Most sentences are skipped without running the pattern.
    if !may_hold_event_date(s, fold, sentence.clone()) {
        return None;
    }
    date_regex()
        .find_iter(&s[sentence.clone()])
        .filter_map(|m| {
            let range = sentence.start + m.start()..sentence.start + m.end();
            let next = s[range.end..].chars().next();
            if next.is_some_and(|c| c.is_ascii_digit()) || !is_word_boundary(s, range.start) {
                return None;
            }
            let (day, month, year, part) = read_date_match(m.as_str())?;
            Some(EventDate {
                range,
                day,
                month,
                year,
                part_of_day: part.map(crate::text::fold),
            })
        })
        .find(|d| {
            (1..=12).contains(&d.month)
                && (1..=31).contains(&d.day)
                && !in_brackets(s, sentence.start, d.range.start)
                && !after_a_number(s, sentence.start, d.range.start)
                && !announced(fold, sentence.start, d.range.start)
                && !is_deadline(fold, sentence.start, d.range.start)
                && !d
                    .year
                    .zip(reference)
                    .is_some_and(|(y, r)| y < r.year() - 1 || y > r.year())
                && !d.year.zip(usual_year).is_some_and(|(y, u)| y < u - 1)
                && !reference.is_some_and(|r| {
                    d.year
                        .and_then(|y| Date::new(y, d.month, d.day))
                        .is_some_and(|day| day > r)
                })
        })
}

/// The cues of [`date_regex`] that name a part of day, as they may be written.
const PARTS_WRITTEN: [&str; 10] = [
    "Sáng", "sáng", "Trưa", "trưa", "Chiều", "chiều", "Tối", "tối", "Đêm", "đêm",
];

/// The day, month, year and part of day (as written) of a match of [`date_regex`], read
/// from its runs of digits without the capture engine: a cue "Trong 2 ngày" may hold the
/// first run; then come the day, a second day ("15 và 16"), the month of one or two digits
/// and the year of four.
fn read_date_match(written: &str) -> Option<(u32, u32, Option<i32>, Option<&str>)> {
    let counted_cue = ["Trong", "trong"].iter().any(|cue| {
        written
            .strip_prefix(cue)
            .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()))
    });
    let mut runs = digit_runs(written).skip(usize::from(counted_cue));
    let day = runs.next()?;
    let (mut before_last, mut last) = (None, None);
    for run in runs {
        before_last = last.replace(run);
    }
    let last = last?;
    let (month, year) = match before_last {
        Some(month) if last.len() == 4 => (month, Some(last)),
        _ => (last, None),
    };
    let number = |r: Range<usize>| written[r].parse::<u32>().ok();
    let part = PARTS_WRITTEN
        .iter()
        .find(|p| written.starts_with(*p))
        .map(|p| &written[..p.len()]);
    Some((
        number(day)?,
        number(month)?,
        year.and_then(number).map(|y| y as i32),
        part,
    ))
}

/// The last word of every cue of [`date_regex`], folded: a day written with a cue has one
/// of them, then white space, then its digits.
const CUE_ENDS: [&str; 8] = ["sáng", "trưa", "chiều", "tối", "đêm", "nay", "qua", "ngày"];

/// False when no run of digits in `sentence` of `s` follows white space after a word ending
/// like a cue ([`CUE_ENDS`], read in `fold`): the sentence holds no day [`date_regex`] reads.
fn may_hold_event_date(s: &str, fold: &str, sentence: Range<usize>) -> bool {
    let bytes = &s.as_bytes()[..sentence.end];
    let mut at = sentence.start;
    while let Some(k) = crate::text::find_byte(&bytes[at..], |b| b.is_ascii_digit()) {
        let digit = at + k;
        let before = s[sentence.start..digit].trim_end();
        let end = sentence.start + before.len();
        if end < digit && CUE_ENDS.iter().any(|cue| fold[..end].ends_with(cue)) {
            return true;
        }
        at = digit
            + bytes[digit..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
    }
    false
}

/// True when the date is a deadline or a cut-off: "thu đến ngày 31-3", "trước ngày 30/6",
/// "Tính đến ngày 31/12".
fn is_deadline(fold: &str, from: usize, at: usize) -> bool {
    let before = fold.get(from..at).unwrap_or_default();
    matches!(before.split_whitespace().last(), Some("đến" | "trước"))
}

/// True when a document number stands just before `at`: the date of a document ("Kế hoạch
/// số 133 ngày 19/10/2022", "Kế hoạch 38/KH-CTĐ02 ngày ..."), not of the event.
fn after_a_number(s: &str, from: usize, at: usize) -> bool {
    let mut words = s[from..at].split_whitespace().rev();
    let Some(last) = words.next() else {
        return false;
    };
    let digits = last.chars().any(|c| c.is_ascii_digit());
    let coded = digits && last.chars().any(is_letter);
    let numbered = digits && words.next().is_some_and(|w| w.eq_ignore_ascii_case("số"));
    coded || numbered
}

/// True when an opening bracket before `at` in the sentence is not closed yet.
fn in_brackets(s: &str, from: usize, at: usize) -> bool {
    let before = &s[from..at];
    before.matches('(').count() > before.matches(')').count()
}

/// True when a word announcing the future stands in the clause before `at`.
fn announced(fold: &str, from: usize, at: usize) -> bool {
    let clause_start =
        super::rfind_mark(&fold[from..at], |b| matches!(b, b';' | b':')).map_or(from, |i| from + i);
    let before = &fold[clause_start..at];
    FUTURE_WORDS
        .iter()
        .any(|w| super::find_word(before, w).is_some())
}

/// What the event sentence tells about the year: its reviewed and planned years and periods,
/// with the publish date. A congress's period ("Đại hội ... (giai đoạn 2015-2020)") is the
/// term ahead, not a period reviewed. `values` are the passage's: the dates of the sentence
/// are read from them, rebased to the sentence.
fn sentence_hints(
    passage: &Passage,
    values: &[Value],
    sentence: &Range<usize>,
    article: &YearHints,
    kind: Option<&str>,
) -> YearHints {
    let dates: Vec<Value> = values
        .iter()
        .filter(|v| {
            v.kind == ValueKind::Date
                && sentence.start <= v.range.start
                && v.range.end <= sentence.end
        })
        .map(|v| Value {
            range: v.range.start - sentence.start..v.range.end - sentence.start,
            ..v.clone()
        })
        .collect();
    let key = &passage.fold[sentence.clone()];
    let mut hints = YearHints::from_scans([(key, dates.as_slice())], article.published);
    hints.published_month = article.published_month;
    if kind.is_some_and(|k| k.starts_with("đại hội")) {
        let periods = std::mem::take(&mut hints.periods);
        hints.terms.extend(periods);
    }
    hints
}

/// The values of `passage`, one of `passages` (`values` are theirs, in the same order).
fn values_of<'v>(passages: &[Passage], values: &'v [Vec<Value>], passage: &Passage) -> &'v [Value] {
    passages
        .iter()
        .position(|p| std::ptr::eq(p, passage))
        .and_then(|k| values.get(k))
        .map_or(&[], Vec::as_slice)
}

/// What the whole article text tells about the year (its passages' `values`), with the
/// publish date of `dating` (read only when the event sentence and the years named decide
/// nothing).
fn article_hints(passages: &[Passage], values: &[Vec<Value>], dating: &YearHints) -> YearHints {
    let article_text = passages
        .iter()
        .zip(values)
        .filter(|(p, _)| p.is_article_text())
        .map(|(p, v)| (&*p.fold, v.as_slice()));
    let mut hints = YearHints::from_scans(article_text, dating.published);
    hints.published_month = dating.published_month;
    hints
}

/// The day in the year the article names most often (the latest on a tie), or in the one
/// year of the years named where it exists (29/02).
fn year_named_most(month: u32, day: u32, text_years: &[i32]) -> Option<Date> {
    let best = most_named(text_years)?;
    if let Some(d) = Date::new(best, month, day) {
        return Some(d);
    }
    let (lo, hi) = (text_years.iter().min()?, text_years.iter().max()?);
    (*lo..=*hi).rev().find_map(|y| Date::new(y, month, day))
}

/// The year named most often (the latest on a tie).
fn most_named(years: &[i32]) -> Option<i32> {
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for &y in years {
        match counts.iter_mut().find(|(v, _)| *v == y) {
            Some((_, n)) => *n += 1,
            None => counts.push((y, 1)),
        }
    }
    counts.into_iter().max_by_key(|&(y, n)| (n, y)).map(|c| c.0)
}

/// The year of the anniversary the article celebrates ("kỷ niệm 60 năm thành lập"): the end
/// of a span of the years counted ("(1964-2024)"), else the founding year (the oldest year
/// named, founding years written "năm 1902" or "(1902" counted too) plus the years counted;
/// `None` without an anniversary.
fn anniversary_year(passages: &[Passage], years: &[i32]) -> Option<i32> {
    let counted: i32 = passages
        .iter()
        .filter(|p| p.is_article_text())
        .find_map(|p| years_celebrated(&p.fold))?
        .parse()
        .ok()?;
    if counted <= 0 {
        return None;
    }
    let history = historic_years(passages);
    let spanned = year_spans(passages)
        .into_iter()
        .find(|(from, to)| to - from == counted);
    let founded = years.iter().chain(&history).min()?;
    Some(spanned.map_or(founded + counted, |(_, to)| to))
}

/// Whole four-digit numbers of the article text with their passage: (passage, byte range,
/// value).
fn four_digit_numbers<'p>(
    passages: &'p [Passage],
) -> impl Iterator<Item = (&'p Passage<'p>, Range<usize>, i32)> + 'p {
    passages
        .iter()
        .filter(|p| p.is_article_text())
        .flat_map(|p| {
            digit_runs(p.text)
                .filter(|r| {
                    r.len() == 4
                        && is_word_boundary(p.text, r.start)
                        && is_word_boundary(p.text, r.end)
                })
                .filter_map(move |r| Some((p, r.clone(), p.text[r].parse::<i32>().ok()?)))
        })
}

/// Years before 1945 written as years ("năm 1902", "(1902-2022)"): founding years that
/// [`years_named`] leaves out.
fn historic_years(passages: &[Passage]) -> Vec<i32> {
    four_digit_numbers(passages)
        .filter(|(p, r, y)| {
            let before = p.fold[..r.start].trim_end();
            (1000..1945).contains(y) && (before.ends_with("năm") || before.ends_with('('))
        })
        .map(|(_, _, y)| y)
        .collect()
}

/// Spans of two years joined by a dash ("1964-2024", "1964 – 2024"), earlier year first.
fn year_spans(passages: &[Passage]) -> Vec<(i32, i32)> {
    let numbers: Vec<_> = four_digit_numbers(passages).collect();
    numbers
        .windows(2)
        .filter(|w| {
            std::ptr::eq(w[0].0, w[1].0)
                && matches!(w[0].0.text[w[0].1.end..w[1].1.start].trim(), "-" | "–")
                && w[0].2 < w[1].2
        })
        .map(|w| (w[0].2, w[1].2))
        .collect()
}

/// The years counted by the first "kỷ niệm N năm" of `fold` (N of one to three digits,
/// white space or no-break spaces between the words).
fn years_celebrated(fold: &str) -> Option<&str> {
    const CUE: &str = "kỷ niệm";
    let is_gap = |c: char| matches!(c, ' ' | '\t'..='\r' | '\u{A0}');
    // `contains` scans without building the searcher `match_indices` needs; most passages
    // celebrate nothing.
    if !fold.contains(CUE) {
        return None;
    }
    fold.match_indices(CUE).find_map(|(at, _)| {
        let rest = &fold[at + CUE.len()..];
        let number = rest.trim_start_matches(is_gap);
        if number.len() == rest.len() {
            return None;
        }
        let digits = number.bytes().take_while(u8::is_ascii_digit).count();
        let after = &number[digits..];
        let unit = after.trim_start_matches(is_gap);
        ((1..=3).contains(&digits) && unit.len() < after.len() && unit.starts_with("năm"))
            .then(|| &number[..digits])
    })
}

/// The years (1945–2100) written in the passages, one entry per mention: runs of exactly
/// four digits standing as a word.
fn years_named(passages: &[Passage]) -> Vec<i32> {
    four_digit_numbers(passages)
        .map(|(_, _, y)| y)
        .filter(|y| (1945..=2100).contains(y))
        .collect()
}

/// The byte ranges of the runs of ASCII digits of `s`.
fn digit_runs(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = s.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + crate::text::find_byte(&bytes[at..], |b| b.is_ascii_digit())?;
        let len = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        at = start + len;
        Some(start..at)
    })
}

/// Administrative units that continue a venue after a comma ("xã Tân Lập, huyện Đan Phượng").
const ADMIN_UNITS: [&str; 9] = [
    "huyện ",
    "tỉnh ",
    "tp. ",
    "thành phố ",
    "quận ",
    "thị xã ",
    "xã ",
    "phường ",
    "thị trấn ",
];

/// Where one comma-separated part of a venue that starts at `start` ends.
fn venue_part_end(fold: &str, start: usize, limit: usize) -> usize {
    fold.get(start..limit)
        .and_then(|t| super::find_mark(t, |b| matches!(b, b',' | b';' | b'(' | b'.' | b':')))
        .map_or(limit, |e| start + e)
}

/// The start of the name after ", huyện ", ", TP. " ... at `at` (a comma), when an
/// administrative unit with a capitalised name follows.
fn admin_unit_after(s: &str, fold: &str, at: usize, limit: usize) -> Option<usize> {
    let rest = fold.get(at..limit)?.strip_prefix(", ")?;
    let unit = ADMIN_UNITS.iter().find(|u| rest.starts_with(*u))?;
    let name = at + 2 + unit.len();
    s.get(name..limit)?
        .chars()
        .next()
        .is_some_and(is_upper)
        .then_some(name)
}

/// The venue in "tại X" of the sentence: up to a comma or a verb; not an event ("tại hội
/// nghị") — the first venue of the sentence.
pub fn venue_in(s: &str, fold: &str, sentence: Range<usize>) -> Option<Range<usize>> {
    let text = &fold[sentence.clone()];
    super::literal_matches(text, "tại ")
        .filter(|&i| is_word_boundary(text, i))
        .find_map(|i| {
            let start = sentence.start + i + "tại ".len();
            let mut end = venue_part_end(fold, start, sentence.end);
            while let Some(next) = admin_unit_after(s, fold, end, sentence.end) {
                end = venue_part_end(fold, next, sentence.end);
            }
            for stop in VENUE_STOPS {
                if let Some(e) = super::find_literal(&fold[start..end], stop) {
                    end = start + e;
                }
            }
            let venue = super::trim_range(s, start..end, &['.', ',']);
            let key = &fold[venue.clone()];
            let is_event = EVENT_NOUNS
                .iter()
                .any(|n| key.starts_with(n) && is_word_boundary(key, n.len()));
            let capitalised = s[venue.clone()].chars().next().is_some_and(is_upper);
            let has_name = s[venue.clone()]
                .split(' ')
                .any(|w| w.chars().next().is_some_and(is_upper));
            (!venue.is_empty() && !is_event && (capitalised || has_name)).then_some(venue)
        })
}

/// The kind of event named in `fold` (priority: the data file's order).
fn kind_in(fold: &str) -> Option<&'static str> {
    kinds()
        .find_words(fold)
        .min_by_key(|h| h.entry)
        .map(|h| kinds().fields(h.entry)[1])
}

/// The organiser: the subject before "tổ chức" ("Cụm thi đua số 1 gồm ... tổ chức").
fn organizer_in(s: &str, fold: &str, from: usize, sentence_end: usize) -> Option<Range<usize>> {
    let text = &fold[from..sentence_end];
    let verb = ["tổ chức", "tiến hành", "long trọng"]
        .iter()
        .filter_map(|v| super::find_literal(text, v))
        .min()?;
    let mut end = from + verb;
    for cut in [" gồm", "(", ":", " đã", " cùng"] {
        if let Some(i) = super::find_literal(&fold[from..end], cut) {
            end = from + i;
        }
    }
    let range = super::non_empty_trimmed(s, from..end)?;
    (super::words(&fold[range.clone()]).count() <= 20
        && s[range.clone()].chars().next().is_some_and(is_upper))
    .then_some(range)
}

/// The periods of the sentence: reviewed (the first) and planned (after "triển khai",
/// "phương hướng", "nhiệm vụ", "phát động", "kế hoạch").
fn periods_in(
    s: &str,
    fold: &str,
    sentence: Range<usize>,
) -> (Option<Range<usize>>, Option<Range<usize>>) {
    // Matched in the folded key (lower case, same offsets): no case-insensitive regex, whose
    // Unicode case tables would cost the browser module ~20 KB.
    let found: Vec<Range<usize>> = period_regex()
        .find_iter(fold.get(sentence.clone()).unwrap_or_default())
        .map(|m| sentence.start + m.start()..sentence.start + m.end())
        .collect();
    let reviewed = found.first().cloned();
    let planned = found.iter().skip(1).find(|r| {
        let same = reviewed
            .as_ref()
            .is_some_and(|v| s[v.clone()] == s[(*r).clone()]);
        let before = &fold[sentence.start..r.start];
        [
            "triển khai",
            "phương hướng",
            "nhiệm vụ",
            "phát động",
            "kế hoạch",
        ]
        .iter()
        .any(|w| super::contains_literal(before, w))
            && !same
    });
    (reviewed, planned.cloned())
}

/// The event of the article.
pub fn find(
    text: &Text,
    passages: &[Passage],
    values: &[Vec<Value>],
    entities: &Entities,
    hints: &YearHints,
) -> Event {
    let reference = hints.published;
    let mut event = Event::default();
    let readable: Vec<&Passage> = passages
        .iter()
        .filter(|p| matches!(p.kind, SegmentKind::Lead | SegmentKind::Body))
        .take(EVENT_PARAGRAPHS)
        .collect();
    let years = years_named(passages);
    let usual = most_named(&years);
    let dated = sentences_of(&readable).enumerate().find_map(|(k, (p, s))| {
        event_date_in(p.text, &p.fold, s.clone(), reference, usual).map(|d| (k, p, s, d))
    });
    let (passage, sentence, date) = match &dated {
        Some((_, p, s, d)) => (*p, s.clone(), Some(d.clone())),
        None => match readable
            .first()
            .and_then(|p| p.sentences().first().cloned().map(|s| (*p, s)))
        {
            Some((p, s)) if is_undated_event(&p.fold, s.clone()) => (p, s, None),
            _ => {
                event.kind = title_kind(passages);
                return event;
            }
        },
    };
    let mut after_header = sentence.start;
    let kind = kind_in(&passage.fold[sentence.clone()])
        .map(str::to_string)
        .or_else(|| title_kind(passages));
    let (reviewed, planned) = periods_in(passage.text, &passage.fold, sentence.clone());
    if let Some(d) = &date {
        let written = PartialDate {
            year: d.year,
            month: Some(d.month),
            day: Some(d.day),
            ..PartialDate::default()
        };
        let day = parse::infer_year(
            written,
            &sentence_hints(
                passage,
                values_of(passages, values, passage),
                &sentence,
                hints,
                kind.as_deref(),
            ),
        )
        .or_else(|| year_named_most(d.month, d.day, &years))
        .or_else(|| parse::infer_year(written, &article_hints(passages, values, hints)));
        let day = match (d.year, anniversary_year(passages, &years)) {
            (None, Some(a)) if hints.published.is_none() => Date::new(a, d.month, d.day).or(day),
            _ => day,
        };
        event.date = day.map(|d| d.to_string());
        event.date_text = Some(passage.text[d.range.clone()].to_string());
        event.part_of_day = d.part_of_day.clone();
        after_header = d.range.end;
    }
    if let Some(venue) = venue_in(passage.text, &passage.fold, sentence.clone()) {
        after_header = after_header.max(venue.end);
        event.location = Some(crate::clean::collapse_spaces(&passage.text[venue]));
    } else if let Some(d) = &date {
        // The sentences before the event sentence hold no event date; it names no place.
        let later = dated.map_or(0, |(k, ..)| k + 1);
        let after = sentences_of(&readable).skip(later);
        event.location = same_day_venue(after, (d.day, d.month), reference, usual);
    }
    let from = skip_separators(passage.text, after_header, sentence.end);
    event.organizer = organizer_in(passage.text, &passage.fold, from, sentence.end)
        .map(|r| crate::clean::collapse_spaces(&passage.text[r]));
    event.kind = kind;
    event.period = reviewed.map(|r| passage.text[r].to_string());
    event.plan_period = planned.map(|r| passage.text[r].to_string());
    event.span = Some(passage.span(text, sentence));
    let (chaired, attended) = people_roles(passages, entities);
    event.chaired_by = chaired;
    event.attended_by = attended;
    event
}

/// The venue of another sentence dated the same day ("Chiều 23/10, tại Hà Nội, ..."), for an
/// event sentence that names no place ("Ngày 23/10, phát biểu tại lễ trao ..."): the first
/// of `sentences` (with their passages).
fn same_day_venue<'p>(
    mut sentences: impl Iterator<Item = (&'p Passage<'p>, Range<usize>)>,
    (day, month): (u32, u32),
    reference: Option<Date>,
    usual: Option<i32>,
) -> Option<String> {
    sentences.find_map(|(p, s)| {
        // A sentence without "tại " names no venue: its date is not read.
        if !super::contains_literal(&p.fold[s.clone()], "tại ") {
            return None;
        }
        event_date_in(p.text, &p.fold, s.clone(), reference, usual)
            .filter(|d| (d.day, d.month) == (day, month))?;
        venue_in(p.text, &p.fold, s).map(|v| crate::clean::collapse_spaces(&p.text[v]))
    })
}

/// The sentences of `passages` in order, each with its passage.
fn sentences_of<'p>(
    passages: &'p [&'p Passage<'p>],
) -> impl Iterator<Item = (&'p Passage<'p>, Range<usize>)> + 'p {
    passages
        .iter()
        .flat_map(|p| p.sentences().iter().map(move |s| (*p, s.clone())))
}

/// True when an undated sentence still reports the event: it names a kind of event and
/// that it is held, and announces nothing.
fn is_undated_event(fold: &str, sentence: Range<usize>) -> bool {
    let key = &fold[sentence.clone()];
    kind_in(key).is_some()
        && ["tổ chức", "diễn ra", "tiến hành"]
            .iter()
            .any(|w| super::contains_literal(key, w))
        && !announced(fold, sentence.start, sentence.end)
}

fn skip_separators(s: &str, at: usize, limit: usize) -> usize {
    let rest = &s[at..limit];
    at + (rest.len() - rest.trim_start_matches([' ', ',', '.']).len())
}

fn title_kind(passages: &[Passage]) -> Option<String> {
    passages
        .iter()
        .find(|p| p.kind == SegmentKind::Title)
        .and_then(|p| kind_in(&p.fold))
        .map(str::to_string)
}

/// Names of the people mentioned in a sentence that says "chủ trì" (chaired) or "dự",
/// "tham dự" (attended).
fn people_roles(passages: &[Passage], entities: &Entities) -> (Vec<String>, Vec<String>) {
    // Every sentence of the article text (range in `Text::norm`, in order) with its key; what
    // it says is read only for the sentences that name someone.
    let mut sentences: Vec<(Range<usize>, &str)> = passages
        .iter()
        .filter(|p| p.is_article_text())
        .flat_map(|p| {
            p.sentences()
                .iter()
                .map(|s| (p.start + s.start..p.start + s.end, &p.fold[s.clone()]))
        })
        .collect();
    sentences.sort_unstable_by_key(|(r, _)| r.start);
    let mut roles: Vec<Option<(bool, bool)>> = vec![None; sentences.len()];
    let mut chaired = Vec::new();
    let mut attended = Vec::new();
    for person in &entities.people {
        for mention in &person.mentions {
            let at = sentences.partition_point(|(r, _)| r.end <= mention.start);
            let Some((range, key)) = sentences.get(at) else {
                continue;
            };
            if range.start > mention.start || mention.end > range.end {
                continue;
            }
            let (chairs, attends) = *roles[at].get_or_insert_with(|| sentence_roles(key));
            let list = if chairs {
                &mut chaired
            } else if attends {
                &mut attended
            } else {
                continue;
            };
            if !list.contains(&person.name) {
                list.push(person.name.clone());
            }
        }
    }
    (chaired, attended)
}

/// Whether a sentence (its folded key) tells who chaired ("chủ trì") and who attended ("dự",
/// "tham dự").
fn sentence_roles(key: &str) -> (bool, bool) {
    let has = |w: &str| super::find_word(key, w).is_some();
    // "tham dự" holds the word "dự".
    (has("chủ trì"), has("dự"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::extract_paragraph;

    #[test]
    fn date_matches_read_as_their_captures() {
        let lines = [
            "Chiều 29/12, tại Can Lộc",
            "Sáng ngày 11/01/2023, UBND huyện",
            "Ngày 24 và 25/7/2019 diễn ra",
            "Trong 2 ngày 15 và 16-9, hội nghị",
            "trong hai ngày 3, 4/5",
            "Trong 10 ngày 3 đến 5 tháng 6 năm 2016",
            "Sáng nay 28.5 và tối qua ngày 27 . 5 . 2024",
            "Đêm hôm qua 1/1",
            "Hôm nay 2 - 3",
            "ngày 15 tháng 3 năm 2016 và ngày\u{A0}3/123",
            "Tối\u{2009}ngày 7/8/20221",
            "xngày 1/2, Trưa 30-4",
            "SÁNG 3/4, Trong ba ngày 5/6",
            "ngày 12 tháng, không có ngày",
        ];
        let mut matched = 0;
        for line in lines {
            for caps in date_regex().captures_iter(line) {
                let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
                let expected = (
                    num("d").unwrap_or_default(),
                    num("m").unwrap_or_default(),
                    num("y").map(|y| y as i32),
                    caps.name("part").map(|m| m.as_str()),
                );
                let whole = caps.get(0).map_or("", |m| m.as_str());
                assert_eq!(read_date_match(whole), Some(expected), "{whole}");
                matched += 1;
            }
        }
        assert_eq!(matched, 16);
        assert_eq!(read_date_match("không có"), None);
    }

    #[test]
    fn periods_are_found_in_any_case() {
        let s = "SÁU THÁNG ĐẦU NĂM 2023, triển khai nhiệm vụ Năm 2024";
        let fold = crate::text::fold(s);
        let (reviewed, planned) = periods_in(s, &fold, 0..s.len());
        assert_eq!(reviewed.map(|r| &s[r]), Some("SÁU THÁNG ĐẦU NĂM 2023"));
        assert_eq!(planned.map(|r| &s[r]), Some("Năm 2024"));
    }

    #[test]
    fn without_hints_the_year_named_most_is_used() {
        assert_eq!(
            year_named_most(2, 29, &[2021, 2026]),
            Date::new(2024, 2, 29)
        );
        assert_eq!(
            year_named_most(5, 28, &[2015, 2020, 2019]),
            Date::new(2020, 5, 28)
        );
        assert_eq!(
            year_named_most(9, 15, &[2015, 2015, 2020]),
            Date::new(2015, 9, 15)
        );
        assert_eq!(year_named_most(5, 28, &[]), None);
    }

    #[test]
    fn anniversaries_count_one_to_three_digits_of_years() {
        let cases = [
            ("lễ kỷ niệm 60 năm thành lập", Some("60")),
            ("kỷ niệm\u{A0}100\tnăm", Some("100")),
            ("kỷ niệm ngày 3/2, kỷ niệm 5 năm", Some("5")),
            ("kỷ niệm 2024 năm", None),
            ("kỷ niệm60 năm", None),
            ("kỷ niệm 60năm", None),
            ("kỷ niệm 60 ngày", None),
        ];
        for (fold, counted) in cases {
            assert_eq!(years_celebrated(fold), counted, "{fold}");
        }
    }

    #[test]
    fn only_sentences_with_a_cue_before_digits_may_hold_an_event_date() {
        for (s, may) in [
            ("Chiều 29/12, tại Can Lộc", true),
            ("Sáng ngày\u{A0}11/01/2023", true),
            ("Hôm nay 28.5", true),
            ("tặng 5 bằng khen năm 2022", false),
            ("ngày29/12", false),
            ("29/12", false),
        ] {
            let fold = crate::text::fold(s);
            assert_eq!(may_hold_event_date(s, &fold, 0..s.len()), may, "{s}");
        }
    }

    #[test]
    fn digit_runs_are_maximal() {
        let s = "năm 2022, 20221 và T5";
        let runs: Vec<&str> = digit_runs(s).map(|r| &s[r]).collect();
        assert_eq!(runs, ["2022", "20221", "5"]);
    }

    #[test]
    fn the_event_sentence_gives_kind_organiser_and_periods() {
        let (_, facts) = extract_paragraph(
            "Chiều 29/12, tại Can Lộc, Cụm thi đua số 1 gồm 7 đơn vị tổ chức hội nghị tổng kết \
             công tác thi đua năm 2022, triển khai nhiệm vụ năm 2023.",
            Date::new(2022, 12, 30),
        );
        let e = facts.event;
        assert_eq!(e.kind.as_deref(), Some("tổng kết"));
        assert_eq!(e.organizer.as_deref(), Some("Cụm thi đua số 1"));
        assert_eq!(e.period.as_deref(), Some("năm 2022"));
        assert_eq!(e.plan_period.as_deref(), Some("năm 2023"));
        assert_eq!(e.part_of_day.as_deref(), Some("chiều"));
        assert_eq!(e.date_text.as_deref(), Some("Chiều 29/12"));
    }
}
