//! Event-date year inference: the year of a date written without one ("Chiều 29/12").
//!
//! [`infer_year`] is a pure function of the written date and [`YearHints`], tried in order:
//! 1. a year written in the date wins;
//! 2. a publication date fixes the year: the event is on or shortly before it ("Ngày 2/1"
//!    published 2024-01-03 is 2024-01-02; "29/12" published 2023-01-02 is 2022-12-29); a
//!    day up to a few weeks after it is allowed but costs four times as much per day (an
//!    announced event). A publication month alone (crawler prefix " date 2022-12 ") counts
//!    as published on the last day of that month;
//! 3. the first year the article names with a role ([`YearRole`]; the lead names the
//!    subject of the event first):
//!    - a year of which a part is reviewed ("6 tháng đầu năm 2023", "quý I/2023"): that year;
//!    - a year under review Y ("tổng kết công tác năm 2022"): a January–March date is a
//!      year-end review held early in Y+1, any other month is in Y;
//!    - a year planned P ("triển khai nhiệm vụ năm 2023", "ký kết giao ước thi đua năm
//!      2023"): an October–December date is in P-1 (planned at the end of the year before),
//!      any other month in P;
//! 4. a period reviewed ("giai đoạn 2015 - 2020") acts as its last year under review;
//!    a period after a plan word ("phương hướng giai đoạn 2021-2025") is no hint;
//! 5. terms of office ("nhiệm kỳ 2021 – 2026") only filter: the date must exist in exactly
//!    one year of a term (29/02 within 2021–2026 is 2024-02-29).
//!
//! A date that does not exist in the chosen year (29/02 of a common year) falls through to
//! the next rule. [`YearHints::from_text`] builds the hints from an article's text.

use super::{scan_folded, PartialDate, Value, ValueKind, WordSet};
use crate::date::Date;
use crate::text::{ceil_char_boundary, fold};
use std::ops::Range;

/// What an article tells about the year of the event it reports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct YearHints {
    /// Publication (reference) date: the event is on or shortly before it.
    pub published: Option<Date>,
    /// Publication year and month, when only those are known (crawler prefix " date 2022-12 ").
    pub published_month: Option<(i32, u32)>,
    /// Years the article names for what the event is about, in text order: the first one
    /// decides ("tổng kết ... năm 2022" is [`YearRole::Reviewed`]).
    pub years: Vec<(YearRole, i32)>,
    /// Periods reviewed, first and last year ("giai đoạn 2015 - 2020"): the first one counts;
    /// [`YearHints::from_text`] puts periods named after a review word before the others.
    pub periods: Vec<(i32, i32)>,
    /// Terms of office, first and last year ("nhiệm kỳ 2021 – 2026").
    pub terms: Vec<(i32, i32)>,
}

/// The longest span of years of a term that is searched (keeps hand-made hints cheap).
const MAX_TERM_YEARS: i32 = 200;

/// What a year named in an article is to its event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRole {
    /// A part of the year is reviewed ("sơ kết 6 tháng đầu năm 2023", "quý I/2023"): the
    /// event falls in that year.
    PartYear,
    /// The year under review ("tổng kết công tác năm 2022").
    Reviewed,
    /// The year planned ("triển khai nhiệm vụ năm 2023", "giao ước thi đua năm 2023").
    Planned,
}

/// Days of a late (after-publication) day cost this many times an early one.
const LATE_COST: i64 = 4;

/// The most days after publication an undated event may be.
const MAX_DAYS_LATE: i64 = 45;

/// The full date of `date`, its missing year inferred from `hints` (see the module docs);
/// `None` when the date has no day and month, or no rule decides.
pub fn infer_year(date: PartialDate, hints: &YearHints) -> Option<Date> {
    let (month, day) = (date.month?, date.day?);
    if let Some(y) = date.year {
        return Date::new(y, month, day);
    }
    let at = |y: i32| Date::new(y, month, day);
    if let Some(reference) = reference(hints) {
        return nearest_before(month, day, reference);
    }
    let review = |y: i32| if month <= 3 { y + 1 } else { y };
    let plan = |y: i32| if month >= 10 { y - 1 } else { y };
    let named = hints.years.first().and_then(|&(role, y)| match role {
        YearRole::PartYear => at(y),
        YearRole::Reviewed => at(review(y)),
        YearRole::Planned => at(plan(y)),
    });
    named
        .or_else(|| hints.periods.first().and_then(|p| at(review(p.1))))
        .or_else(|| only_year_in_terms(month, day, &hints.terms))
}

/// True when `day` can be the day of an event reported on `published`: at most a year before
/// it, or up to a few weeks after it (an announced event). Older days are history
/// ("Ngày 27-3-1948"), later ones plans.
pub fn plausible_event_day(day: Date, published: Date) -> bool {
    let delta = day_number(day) - day_number(published);
    (-366..=MAX_DAYS_LATE).contains(&delta)
}

/// The publication date, or the last day of the publication month.
fn reference(hints: &YearHints) -> Option<Date> {
    hints.published.or_else(|| {
        let (y, m) = hints.published_month?;
        Date::new(y, m, crate::date::days_in_month(y, m))
    })
}

/// The day `month`/`day` nearest to `reference`, preferring days on or before it.
fn nearest_before(month: u32, day: u32, reference: Date) -> Option<Date> {
    let r = day_number(reference);
    (reference.year() - 4..=reference.year() + 1)
        .filter_map(|y| Date::new(y, month, day))
        .map(|d| (d, day_number(d) - r))
        .filter(|&(_, delta)| delta <= MAX_DAYS_LATE)
        .min_by_key(|&(_, delta)| {
            if delta <= 0 {
                -delta
            } else {
                delta * LATE_COST
            }
        })
        .map(|(d, _)| d)
}

/// The only year of the terms in which `month`/`day` exists.
fn only_year_in_terms(month: u32, day: u32, terms: &[(i32, i32)]) -> Option<Date> {
    let mut found = terms
        .iter()
        .flat_map(|&(a, b)| a..=b.min(a.saturating_add(MAX_TERM_YEARS)))
        .filter_map(|y| Date::new(y, month, day));
    let first = found.next()?;
    found.all(|d| d == first).then_some(first)
}

/// Days since 1970-01-01 (proleptic Gregorian).
fn day_number(d: Date) -> i64 {
    let (y, m, day) = (d.year() as i64, d.month() as i64, d.day() as i64);
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Words before a year that give it a role, looked for in one scan: the first
/// [`REVIEW_WORD_COUNT`] make it the year under review (a longer phrase ending at the same
/// place as a plan word wins: "thực hiện nhiệm vụ năm 2022" is under review), the others the
/// year planned.
const ROLE_WORDS: WordSet<16> = WordSet::new([
    "thực hiện nhiệm vụ",
    "thành tích",
    "tổng kết",
    "sơ kết",
    "kết quả",
    "đánh giá",
    "thực hiện",
    "công tác",
    "nhiệm vụ",
    "phương hướng",
    "kế hoạch",
    "giao ước",
    "phát động",
    "triển khai",
    "mục tiêu",
    "phấn đấu",
]);

/// How many of [`ROLE_WORDS`] are review words.
const REVIEW_WORD_COUNT: usize = 8;

/// True when the text before byte `at` names part of a year ("6 tháng đầu năm 2023",
/// "9 tháng năm 2023", "quý I năm 2023").
fn after_part_of_year(folded: &str, at: usize) -> bool {
    let start = ceil_char_boundary(folded, at.saturating_sub(24));
    let before = folded.get(start..at).unwrap_or("").trim_end();
    ["tháng đầu", "tháng cuối", "tháng"]
        .iter()
        .any(|w| before.ends_with(w))
}

/// What the words before a year make of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// The year or period under review.
    Reviewed,
    /// The year or period planned.
    Planned,
}

/// The role the nearest review or plan word before byte `at` of `folded`, in the same
/// sentence, gives a year: the word that ends last, the longer on a tie; "trong năm 2022"
/// (during) is under review.
fn role_before(folded: &str, at: usize) -> Option<Role> {
    let start = ceil_char_boundary(folded, at.saturating_sub(WINDOW));
    let window = folded.get(start..at).unwrap_or("");
    let before = window.get(sentence_start(window)..).unwrap_or("");
    if before.trim_end().ends_with("trong") {
        return Some(Role::Reviewed);
    }
    let found = ROLE_WORDS.last_each(before);
    // The (end, length) of the occurrence of `words` that ends last, the longer on a tie.
    let last = |words: Range<usize>| {
        words
            .filter_map(|k| {
                let len = ROLE_WORDS.word(k).len();
                found[k].map(|at| (at + len, len))
            })
            .max()
    };
    match (
        last(0..REVIEW_WORD_COUNT),
        last(REVIEW_WORD_COUNT..found.len()),
    ) {
        (Some(r), p) if !matches!(p, Some(p) if p > r) => Some(Role::Reviewed),
        (_, Some(_)) => Some(Role::Planned),
        _ => None,
    }
}

/// Where the last sentence of `window` starts: after its last ". ", ";" or line break (0
/// without one).
fn sentence_start(window: &str) -> usize {
    let bytes = window.as_bytes();
    (1..bytes.len() + 1)
        .rev()
        .find(|&end| match bytes[end - 1] {
            b';' | b'\n' => true,
            b' ' => end >= 2 && bytes[end - 2] == b'.',
            _ => false,
        })
        .unwrap_or(0)
}

/// Bytes before a year searched for review and plan words (within the sentence).
const WINDOW: usize = 200;

impl YearHints {
    /// The hints an article's text gives: years named after review words ("tổng kết", "kết
    /// quả", …) or plan words ("nhiệm vụ", "giao ước", …) — the nearer word wins — and the
    /// year spans after "giai đoạn" (periods) and "nhiệm kỳ" (terms).
    pub fn from_text(s: &str, published: Option<Date>) -> YearHints {
        let folded = fold(s);
        let values = scan_folded(s, &folded, None);
        let mut hints = YearHints::from_scans([(folded.as_str(), values.as_slice())], published);
        hints.published_month = crawler_month(s);
        hints
    }

    /// [`YearHints::from_text`] of several texts read in order, each given by its folded key
    /// and its values ([`super::scan`]): what each says is gathered as if they were one text.
    /// The publication month is left unknown.
    pub fn from_scans<'a>(
        scans: impl IntoIterator<Item = (&'a str, &'a [Value])>,
        published: Option<Date>,
    ) -> YearHints {
        let mut hints = YearHints {
            published,
            ..YearHints::default()
        };
        let mut unclassified_periods = Vec::new();
        for (folded, values) in scans {
            hints.read_years(folded, values, &mut unclassified_periods);
        }
        hints.periods.extend(unclassified_periods);
        hints
    }

    /// Adds the years, periods and terms named by `values` (the values of `folded`); periods
    /// without a review or plan word go to `unclassified_periods`.
    fn read_years(
        &mut self,
        folded: &str,
        values: &[Value],
        unclassified_periods: &mut Vec<(i32, i32)>,
    ) {
        for v in values {
            let (ValueKind::Date, Some(d)) = (v.kind, v.date) else {
                continue;
            };
            let (Some(year), None) = (d.year, d.month) else {
                continue;
            };
            if d.quarter.is_some() || after_part_of_year(folded, v.range.start) {
                self.years.push((YearRole::PartYear, year));
                continue;
            }
            let written = folded.get(v.range.clone()).unwrap_or("");
            let role = role_before(folded, v.range.start);
            match v.until.and_then(|u| u.year) {
                Some(end) if written.starts_with("nhiệm kỳ") => self.terms.push((year, end)),
                Some(end) => match role {
                    Some(Role::Reviewed) => self.periods.push((year, end)),
                    Some(Role::Planned) => {}
                    None => unclassified_periods.push((year, end)),
                },
                None => match role {
                    Some(Role::Reviewed) => self.years.push((YearRole::Reviewed, year)),
                    Some(Role::Planned) => self.years.push((YearRole::Planned, year)),
                    None => {}
                },
            }
        }
    }
}

/// The year and month of a crawler prefix " date 2022-12 " (or " date 2025-08-19 ") that
/// opens the text.
fn crawler_month(s: &str) -> Option<(i32, u32)> {
    let rest = s.trim_start().strip_prefix("date ")?;
    let year = rest.get(..4)?.parse().ok()?;
    let month = rest.get(4..7)?.strip_prefix('-')?.parse().ok()?;
    (1..=12).contains(&month).then_some((year, month))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_tell_review_from_plan_and_terms_from_periods() {
        let s = " date 2022-12 Chiều 29/12, hội nghị tổng kết công tác thi đua năm 2022, triển \
                 khai nhiệm vụ năm 2023; nhiệm kỳ 2021 – 2026; đánh giá giai đoạn 2016-2020.";
        let hints = YearHints::from_text(s, None);
        assert_eq!(hints.published_month, Some((2022, 12)));
        assert_eq!(
            hints.years,
            [(YearRole::Reviewed, 2022), (YearRole::Planned, 2023)]
        );
        assert_eq!(hints.terms, [(2021, 2026)]);
        assert_eq!(hints.periods, [(2016, 2020)]);
        let done = YearHints::from_text("thành tích trong thực hiện nhiệm vụ năm 2022", None);
        assert_eq!(done.years, [(YearRole::Reviewed, 2022)]);
        let during = YearHints::from_text("nỗ lực, phấn đấu, kết quả trong năm 2022", None);
        assert_eq!(during.years, [(YearRole::Reviewed, 2022)]);
        let mid_year = YearHints::from_text("sơ kết 6 tháng đầu năm 2023; quý I/2024", None);
        assert_eq!(
            mid_year.years,
            [(YearRole::PartYear, 2023), (YearRole::PartYear, 2024)]
        );
    }

    #[test]
    fn the_last_sentence_of_a_window_starts_after_its_last_mark() {
        for (window, start) in [
            ("a. b; c. d", "a. b; c. ".len()),
            ("a;b", 2),
            ("x\ny", 2),
            ("3.5 tỷ", 0),
            ("a.", 0),
            ("", 0),
        ] {
            assert_eq!(sentence_start(window), start, "{window:?}");
        }
    }

    #[test]
    fn events_are_near_publication() {
        let day = |s: &str| s.parse::<Date>().unwrap();
        assert!(plausible_event_day(day("2024-01-02"), day("2024-01-03")));
        assert!(plausible_event_day(day("2024-01-20"), day("2024-01-03")));
        assert!(!plausible_event_day(day("1948-03-27"), day("2018-06-01")));
        assert!(!plausible_event_day(day("2015-08-28"), day("2015-06-01")));
    }

    #[test]
    fn day_numbers_count_from_1970() {
        let day = |s: &str| day_number(s.parse().unwrap());
        assert_eq!(day("1970-01-01"), 0);
        assert_eq!(day("2024-03-01") - day("2024-02-28"), 2);
        assert_eq!(day("2000-01-01"), 10_957);
    }
}
