//! Event-date year inference: the year of a date written without one ("Chiều 29/12").
//!
//! [`infer_year`] is a pure function of the written date and [`YearHints`], tried in order:
//! 1. a year written in the date wins;
//! 2. a publication date fixes the year: the event is on or shortly before it ("Ngày 2/1"
//!    published 2024-01-03 is 2024-01-02; "29/12" published 2023-01-02 is 2022-12-29); a
//!    day up to a few weeks after it is allowed but costs four times as much per day (an
//!    announced event). A publication month alone (crawler prefix " date 2022-12 ") counts
//!    as published on the last day of that month;
//! 3. the year under review Y ("tổng kết công tác năm 2022"): a January–March date is a
//!    year-end review held early in Y+1, any other month is in Y;
//! 4. the year planned P ("triển khai nhiệm vụ năm 2023", "ký kết giao ước thi đua năm
//!    2023"): an October–December date is in P-1 (planned at the end of the year before),
//!    any other month in P;
//! 5. a period reviewed ("giai đoạn 2015 - 2020") acts as its last year reviewed (rule 3);
//! 6. terms of office ("nhiệm kỳ 2021 – 2026") only filter: the date must exist in exactly
//!    one year of a term (29/02 within 2021–2026 is 2024-02-29).
//!
//! A date that does not exist in the chosen year (29/02 of a common year) falls through to
//! the next rule. [`YearHints::from_text`] builds the hints from an article's text.

use super::{scan, PartialDate, ValueKind};
use crate::date::Date;
use crate::text::fold;

/// What an article tells about the year of the event it reports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct YearHints {
    /// Publication (reference) date: the event is on or shortly before it.
    pub published: Option<Date>,
    /// Publication year and month, when only those are known (crawler prefix " date 2022-12 ").
    pub published_month: Option<(i32, u32)>,
    /// Years under review ("tổng kết ... năm 2022").
    pub reviewed: Vec<i32>,
    /// Years planned ("nhiệm vụ năm 2023", "giao ước thi đua năm 2023").
    pub planned: Vec<i32>,
    /// Periods reviewed, first and last year ("giai đoạn 2015 - 2020").
    pub periods: Vec<(i32, i32)>,
    /// Terms of office, first and last year ("nhiệm kỳ 2021 – 2026").
    pub terms: Vec<(i32, i32)>,
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
    hints
        .reviewed
        .iter()
        .max()
        .and_then(|&y| at(review(y)))
        .or_else(|| hints.planned.iter().max().and_then(|&y| at(plan(y))))
        .or_else(|| {
            hints
                .periods
                .iter()
                .map(|p| p.1)
                .max()
                .and_then(|y| at(review(y)))
        })
        .or_else(|| only_year_in_terms(month, day, &hints.terms))
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
        .flat_map(|&(a, b)| a..=b)
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

/// Words before a year that make it the year under review.
const REVIEW_WORDS: [&str; 7] = [
    "tổng kết",
    "sơ kết",
    "kết quả",
    "đánh giá",
    "trong năm",
    "thực hiện",
    "công tác",
];

/// Words before a year that make it the year planned.
const PLAN_WORDS: [&str; 8] = [
    "nhiệm vụ",
    "phương hướng",
    "kế hoạch",
    "giao ước",
    "phát động",
    "triển khai",
    "mục tiêu",
    "phấn đấu",
];

/// Bytes before a year searched for review and plan words.
const WINDOW: usize = 90;

impl YearHints {
    /// The hints an article's text gives: years named after review words ("tổng kết", "kết
    /// quả", …) or plan words ("nhiệm vụ", "giao ước", …) — the nearer word wins — and the
    /// year spans after "giai đoạn" (periods) and "nhiệm kỳ" (terms).
    pub fn from_text(s: &str, published: Option<Date>) -> YearHints {
        let folded = fold(s);
        let mut hints = YearHints {
            published,
            ..YearHints::default()
        };
        for v in scan(s, None) {
            let (ValueKind::Date, Some(d)) = (v.kind, v.date) else {
                continue;
            };
            let (Some(year), None, None) = (d.year, d.month, d.quarter) else {
                continue;
            };
            let written = folded.get(v.range.clone()).unwrap_or("");
            if let Some(end) = v.until.and_then(|u| u.year) {
                if written.starts_with("nhiệm kỳ") {
                    hints.terms.push((year, end));
                } else if written.starts_with("giai đoạn") {
                    hints.periods.push((year, end));
                }
                continue;
            }
            let mut start = v.range.start.saturating_sub(WINDOW);
            while !folded.is_char_boundary(start) {
                start += 1;
            }
            let before = folded.get(start..v.range.start).unwrap_or("");
            let last = |words: &[&str]| words.iter().filter_map(|w| before.rfind(w)).max();
            match (last(&REVIEW_WORDS), last(&PLAN_WORDS)) {
                (Some(r), p) if !matches!(p, Some(p) if p > r) => hints.reviewed.push(year),
                (_, Some(_)) => hints.planned.push(year),
                _ => {}
            }
        }
        hints
    }
}
