//! Dates: "29/12", "ngày 7/1", "Sáng ngày 11/01/2023", "28.5" (after "ngày"/"sáng nay"
//! only), "26-3", "ngày 3 tháng 3 năm 2017", "mùng 6 tháng 2", "15 và 16-9",
//! "24 và 25/7/2019", "từ ngày … đến ngày …", "năm 2022", "giai đoạn 2015 - 2020",
//! "tháng 11-2015", "quý 3", "hôm qua"; parts of day ("sáng", "chiều", …) are kept on the date.
//! Day before month; impossible days (31/2, 29/2 of a common year) are not dates.

use super::token::TokenKind;
use super::{Found, PartialDate, Scanner, Value, ValueKind};
use crate::date::{days_in_month, Date};

/// Parts of the day, as written before a date.
const PARTS_OF_DAY: [&str; 5] = ["sáng", "trưa", "chiều", "tối", "đêm"];

/// Words that name a span of years before "2015 - 2020".
const PERIOD_WORDS: [(&str, &str); 3] = [("giai", "đoạn"), ("nhiệm", "kỳ"), ("thời", "kỳ")];

/// Earliest and latest years read from "năm YYYY" and year ranges.
const YEARS: std::ops::RangeInclusive<u32> = 1800..=2200;

/// A date found at token `i`, or `None`.
pub(super) fn at(sc: &Scanner, i: usize) -> Option<Found> {
    let t = sc.tok(i)?;
    let (date, until, next) = match t.kind {
        TokenKind::Num => core(sc, i, false).or_else(|| year_range(sc, i))?,
        TokenKind::Word => return worded(sc, i),
        TokenKind::Mark => return None,
    };
    Some((Some(date_value(sc, i, next, date, until)), next))
}

/// A date value over tokens `from..to`.
fn date_value(
    sc: &Scanner,
    from: usize,
    to: usize,
    date: PartialDate,
    until: Option<PartialDate>,
) -> Value {
    let mut v = Value::new(ValueKind::Date, 0.0, sc.range(from, to));
    v.date = Some(date);
    v.until = until;
    v
}

/// Dates introduced by words: weekdays, parts of day, "ngày", "mùng", "hôm qua", "năm",
/// "tháng", "quý", "giai đoạn".
fn worded(sc: &Scanner, i: usize) -> Option<Found> {
    let (date, until, next) = weekday(sc, i)
        .or_else(|| with_context(sc, i))
        .or_else(|| year(sc, i))
        .or_else(|| month(sc, i))
        .or_else(|| quarter(sc, i))
        .or_else(|| period(sc, i))?;
    Some((Some(date_value(sc, i, next, date, until)), next))
}

/// What a date matcher read: the date, the last day of a range, the next token.
type Read = (PartialDate, Option<PartialDate>, usize);

/// "Thứ 5, 29/12/2022", "thứ Năm (29/12)", "Chủ nhật, ngày 3/3": the weekday is kept in the
/// range of the date that follows it.
fn weekday(sc: &Scanner, i: usize) -> Option<Read> {
    let mut j = if sc.is_word(i, &["chủ"]) && sc.is_word(i + 1, &["nhật"]) {
        i + 2
    } else if sc.is_word(i, &["thứ"]) {
        let day = sc.tok(i + 1)?;
        let named = day.is_word(&["hai", "ba", "tư", "năm", "sáu", "bảy"]);
        if !(named || day.integer().is_some_and(|d| (2..=7).contains(&d))) {
            return None;
        }
        i + 2
    } else {
        return None;
    };
    if sc.is_mark(j, ',') || sc.is_mark(j, '(') {
        j += 1;
    }
    let (date, until, next) = with_context(sc, j).or_else(|| core(sc, j, true))?;
    let next = if sc.is_mark(next, ')') {
        next + 1
    } else {
        next
    };
    Some((date, until, next))
}

/// A date after a part of day, "ngày", "mùng"/"mồng", or a relative day ("hôm qua",
/// "sáng nay", "ngày mai"), possibly in brackets ("sáng nay (5/1)").
fn with_context(sc: &Scanner, i: usize) -> Option<Read> {
    let mut j = i;
    let mut part = None;
    let mut relative = None;
    if let Some(p) = PARTS_OF_DAY.iter().find(|p| sc.is_word(j, &[p])) {
        part = Some(*p);
        j += 1;
        if let Some(r) = relative_word(sc.word(j)) {
            relative = Some(r);
            j += 1;
        }
    }
    if sc.is_word(j, &["hôm"]) {
        if let Some(r) = relative_word(sc.word(j + 1)).filter(|&r| r <= 0) {
            relative = Some(r);
            j += 2;
        } else if part.is_some() {
            j += 1;
        }
    }
    if sc.is_word(j, &["ngày"]) {
        if sc.is_word(j + 1, &["mai"]) {
            relative = Some(1);
            j += 2;
        } else {
            j += 1;
        }
    }
    if sc.is_word(j, &["mùng", "mồng"]) {
        j += 1;
    }
    if j == i {
        return None;
    }
    let bracket = sc.is_mark(j, '(');
    if let Some((mut date, until, next)) = core(sc, j + usize::from(bracket), true) {
        date.part_of_day = part;
        let closed = bracket && sc.is_mark(next, ')');
        return Some((date, until, next + usize::from(closed)));
    }
    let days = relative?;
    let mut date = resolve_relative(sc.reference, days);
    date.part_of_day = part;
    Some((date, None, j))
}

/// Days from today of "nay" (0), "qua" (-1), "kia" (-2), "mai" (+1).
fn relative_word(word: Option<&str>) -> Option<i32> {
    match word? {
        "nay" => Some(0),
        "qua" => Some(-1),
        "kia" => Some(-2),
        "mai" => Some(1),
        _ => None,
    }
}

/// The day `days` from `reference`, or the offset itself when there is no reference.
fn resolve_relative(reference: Option<Date>, days: i32) -> PartialDate {
    let Some(mut day) = reference else {
        return PartialDate {
            relative_days: Some(days),
            ..PartialDate::default()
        };
    };
    for _ in 0..days.unsigned_abs() {
        day = if days < 0 { day.pred() } else { day.succ() };
    }
    full(day)
}

/// A complete date as a [`PartialDate`].
fn full(day: Date) -> PartialDate {
    PartialDate {
        year: Some(day.year()),
        month: Some(day.month()),
        day: Some(day.day()),
        ..PartialDate::default()
    }
}

/// A written day at token `j`, then an optional range to a second day ("-", "đến").
/// `context` is true after "ngày", a part of day or a weekday: it allows "28.5".
fn core(sc: &Scanner, j: usize, context: bool) -> Option<Read> {
    let (date, until, next) = day_month(sc, j, context)?;
    if until.is_some() {
        return Some((date, until, next));
    }
    let mut k = next;
    if sc.tok(k).is_some_and(|t| t.is_dash()) || sc.is_word(k, &["đến", "tới"]) {
        k += 1;
        if sc.is_word(k, &["ngày"]) {
            k += 1;
        }
        if let Some((end, None, after)) = day_month(sc, k, true) {
            let end = PartialDate {
                year: end.year.or(date.year),
                ..end
            };
            return Some((date, Some(end), after));
        }
    }
    Some((date, None, next))
}

/// "29/12", "11/01/2023", "26-3", "27-3-1948", "2018-01-12", "28.5" (with context),
/// "3 tháng 3 năm 2017", "15 và 16-9", "24 và 25/7/2019", "17 - 18/7".
fn day_month(sc: &Scanner, j: usize, context: bool) -> Option<Read> {
    let t = sc.tok(j)?;
    if t.kind != TokenKind::Num {
        return None;
    }
    if !t.is_integer() {
        return dotted(t.text, context).map(|d| (d, None, j + 1));
    }
    iso(sc, j)
        .or_else(|| slashed(sc, j, context))
        .or_else(|| spelled_month(sc, j))
        .or_else(|| two_days(sc, j, context))
}

/// "28.5" (only with context) or "21.08.2015".
fn dotted(text: &str, context: bool) -> Option<PartialDate> {
    if text.contains(',') {
        return None;
    }
    let parts: Vec<&str> = text.split('.').collect();
    let num = |k: usize| parts.get(k).filter(|p| p.len() <= 4)?.parse::<u32>().ok();
    match parts.len() {
        2 if context && parts[0].len() <= 2 && parts[1].len() <= 2 => {
            checked(num(0)?, num(1)?, None)
        }
        3 if parts[2].len() == 4 && parts[0].len() <= 2 && parts[1].len() <= 2 => {
            checked(num(0)?, num(1)?, Some(num(2)? as i32))
        }
        _ => None,
    }
}

/// "2018-01-12", "2022-12".
fn iso(sc: &Scanner, j: usize) -> Option<Read> {
    let y = sc.tok(j)?;
    if y.text.len() != 4 || !sc.tok(j + 1)?.is_dash() || !sc.glued(j) || !sc.glued(j + 1) {
        return None;
    }
    let m_tok = sc.tok(j + 2)?;
    let m = m_tok.integer().filter(|_| m_tok.text.len() <= 2)?;
    let year = y.integer().filter(|y| YEARS.contains(y))? as i32;
    let day_follows =
        sc.glued(j + 2) && sc.tok(j + 3).is_some_and(|t| t.is_dash()) && sc.glued(j + 3);
    if !day_follows {
        let month_only = (1..=12).contains(&m) && !sc.glued(j + 2);
        let date = PartialDate {
            year: Some(year),
            month: Some(m),
            ..PartialDate::default()
        };
        return month_only.then_some((date, None, j + 3));
    }
    let d = sc.tok(j + 4)?.integer()?;
    let date = checked(d, m, Some(year))?;
    Some((date, None, j + 5))
}

/// "29/12", "11/01/2023", "26-3", "27-3-1948". Without context, a day/month followed by a
/// figure word ("4/9 tiêu chí", "5-7%") is not a date.
fn slashed(sc: &Scanner, j: usize, context: bool) -> Option<Read> {
    let sep = sc.tok(j + 1)?;
    if !(sc.glued(j) && sc.glued(j + 1) && (sep.is_mark('/') || sep.is_dash())) {
        return None;
    }
    let d = sc.tok(j)?.integer()?;
    let m_tok = sc.tok(j + 2)?;
    let m = m_tok.integer()?;
    if sc.tok(j)?.text.len() > 2 {
        return None;
    }
    let more_parts = sc.glued(j + 2)
        && sc
            .tok(j + 3)
            .is_some_and(|t| t.kind != TokenKind::Mark || t.is_mark('/'));
    if m_tok.text.len() == 4
        && sep.is_mark('/')
        && !more_parts
        && (1..=12).contains(&d)
        && YEARS.contains(&m)
    {
        let date = PartialDate {
            year: Some(m as i32),
            month: Some(d),
            ..PartialDate::default()
        };
        return Some((date, None, j + 3));
    }
    if m_tok.text.len() > 2 {
        return None;
    }
    let third = sc.glued(j + 2)
        && sc
            .tok(j + 3)
            .is_some_and(|s| s.text == sep.text || s.is_dash() && sep.is_dash())
        && sc.glued(j + 3);
    if third {
        let y_tok = sc.tok(j + 4)?;
        if y_tok.text.len() != 4 {
            return None;
        }
        let date = checked(d, m, Some(y_tok.integer()? as i32))?;
        return Some((date, None, j + 5));
    }
    let letters_follow =
        sc.glued(j + 2) && sc.tok(j + 3).is_some_and(|t| t.kind != TokenKind::Mark);
    let fraction = !context
        && (sc.figure_follows(j + 3)
            || prev_is_achievement(sc, j)
            || d <= m && content_word_follows(sc, j + 3));
    if letters_follow || fraction {
        return None;
    }
    if sep.is_dash() && !context && prev_is_range_start(sc, j) {
        return None;
    }
    if sc.is_word(j + 3, &["năm"]) {
        if let (Some(y), next) = year_after(sc, j + 3) {
            return Some((checked(d, m, Some(y))?, None, next));
        }
    }
    let date = checked(d, m, None)?;
    Some((date, None, j + 3))
}

/// True when the word before token `j` opens a range of numbers ("từ 3-5") or a score
/// ("thắng 3-1"), so that a bare "d-m" is no date.
fn prev_is_range_start(sc: &Scanner, j: usize) -> bool {
    const BEFORE_NUMBERS: [&str; 9] = [
        "từ", "khoảng", "tăng", "giảm", "thắng", "thua", "hoà", "hòa", "số",
    ];
    j > 0 && sc.is_word(j - 1, &BEFORE_NUMBERS)
}

/// Words that follow a bare date ("29/12 tại", "2/9 năm 1945", "7/1 vừa qua"); any other
/// lower-case word after "X/Y" is what the fraction counts ("2/3 diện tích").
const DATE_FOLLOWERS: [&str; 32] = [
    "tại", "vừa", "tới", "năm", "của", "là", "và", "với", "đã", "sẽ", "này", "hằng", "hàng",
    "trên", "ở", "lúc", "đến", "theo", "do", "nhằm", "để", "khi", "thì", "mà", "được", "có", "đó",
    "ấy", "qua", "sau", "trước", "vào",
];

/// True when a lower-case word that does not usually follow a date stands at token `k`.
fn content_word_follows(sc: &Scanner, k: usize) -> bool {
    sc.tok(k).is_some_and(|t| {
        t.kind == TokenKind::Word && !t.is_capitalised() && !t.is_word(&DATE_FOLLOWERS)
    }) && !PARTS_OF_DAY.iter().any(|p| sc.is_word(k, &[p]))
}

/// True when the word before token `j` announces an achievement ("đạt 3/3", "hoàn thành
/// 5/5"), so that "X/Y" is a fraction.
fn prev_is_achievement(sc: &Scanner, j: usize) -> bool {
    j > 0 && sc.is_word(j - 1, &["đạt", "thành"])
}

/// "3 tháng 3 năm 2017", "15 tháng 3", "6 tháng 2/2024".
fn spelled_month(sc: &Scanner, j: usize) -> Option<Read> {
    let d = sc.tok(j)?.integer()?;
    if !sc.is_word(j + 1, &["tháng"]) {
        return None;
    }
    let m = sc.tok(j + 2)?.integer()?;
    let (year, next) = year_after(sc, j + 3);
    let date = checked(d, m, year)?;
    Some((date, None, next))
}

/// An optional year after a month at token `k`: "năm 2017", "/2016", "-2015".
fn year_after(sc: &Scanner, k: usize) -> (Option<i32>, usize) {
    let glued_year = (sc.is_mark(k, '/') || sc.tok(k).is_some_and(|t| t.is_dash()))
        && sc.glued(k - 1)
        && sc.glued(k);
    if glued_year || sc.is_word(k, &["năm"]) {
        if let Some(y) = sc
            .tok(k + 1)
            .and_then(|t| t.integer())
            .filter(|y| YEARS.contains(y))
        {
            return (Some(y as i32), k + 2);
        }
    }
    (None, k)
}

/// "15 và 16-9", "24 và 25/7/2019", "17 - 18/7", "15-16/12", "(từ ngày) 15 đến ngày 20/12":
/// the first day, until the second.
fn two_days(sc: &Scanner, j: usize, context: bool) -> Option<Read> {
    let d1 = sc.tok(j)?.integer()?;
    let joiner = sc.tok(j + 1)?;
    let to_day = joiner.is_word(&["đến", "tới"]) && context;
    if !(joiner.is_word(&["và"]) || joiner.is_dash() || to_day) {
        return None;
    }
    let second = if to_day && sc.is_word(j + 2, &["ngày"]) {
        j + 3
    } else {
        j + 2
    };
    let (end, until, next) = slashed(sc, second, true).or_else(|| spelled_month(sc, second))?;
    if until.is_some() || !context && sc.figure_follows(next) {
        return None;
    }
    let first = checked(d1, end.month?, end.year)?;
    (d1 < end.day?).then_some((first, Some(end), next))
}

/// The date when `d`/`m`(/`y`) exists; without a year, 29/2 is allowed.
fn checked(d: u32, m: u32, y: Option<i32>) -> Option<PartialDate> {
    let ok = match y {
        Some(y) => Date::new(y, m, d).is_some(),
        None => (1..=12).contains(&m) && (1..=days_in_month(2024, m)).contains(&d),
    };
    ok.then_some(PartialDate {
        year: y,
        month: Some(m),
        day: Some(d),
        ..PartialDate::default()
    })
}

/// "năm 2022", "năm học 2019 - 2020", "năm 2021-2022".
fn year(sc: &Scanner, i: usize) -> Option<Read> {
    if !sc.is_word(i, &["năm"]) {
        return None;
    }
    let j = if sc.is_word(i + 1, &["học", "tài"]) {
        i + 2 + usize::from(sc.is_word(i + 2, &["chính"]))
    } else {
        i + 1
    };
    let y = sc.tok(j)?.integer().filter(|y| YEARS.contains(y))?;
    if sc.tok(j)?.text.len() != 4 || sc.glued(j) && sc.tok(j + 1)?.kind != TokenKind::Mark {
        return None;
    }
    let date = PartialDate {
        year: Some(y as i32),
        ..PartialDate::default()
    };
    if let Some((_, until, next)) = year_range(sc, j) {
        return Some((date, until, next));
    }
    Some((date, None, j + 1))
}

/// "2015 - 2020", "2016- 2021", "2010-2015": a span of years.
fn year_range(sc: &Scanner, j: usize) -> Option<Read> {
    let y1 = sc.tok(j)?.integer().filter(|y| YEARS.contains(y))?;
    if !sc.tok(j + 1)?.is_dash() || sc.tok(j)?.text.len() != 4 {
        return None;
    }
    let y2 = sc.tok(j + 2)?.integer().filter(|y| YEARS.contains(y))?;
    if y2 <= y1 || y2 > y1 + 50 || sc.tok(j + 2)?.text.len() != 4 {
        return None;
    }
    let year = |y: u32| PartialDate {
        year: Some(y as i32),
        ..PartialDate::default()
    };
    Some((year(y1), Some(year(y2)), j + 3))
}

/// "tháng 11-2015", "tháng 3/2016", "tháng 3 năm 2016", "tháng 8".
fn month(sc: &Scanner, i: usize) -> Option<Read> {
    if !sc.is_word(i, &["tháng"]) {
        return None;
    }
    let m_tok = sc.tok(i + 1)?;
    let m = m_tok.integer().filter(|m| (1..=12).contains(m))?;
    if m_tok.text.len() > 2 || sc.figure_follows(i + 2) {
        return None;
    }
    let (year, next) = year_after(sc, i + 2);
    let date = PartialDate {
        year,
        month: Some(m),
        ..PartialDate::default()
    };
    Some((date, None, next))
}

/// "quý 3", "quý III", "quý I/2023", "quý 4 năm 2022".
fn quarter(sc: &Scanner, i: usize) -> Option<Read> {
    if !sc.is_word(i, &["quý"]) {
        return None;
    }
    let t = sc.tok(i + 1)?;
    let q = match t.text {
        "I" => 1,
        "II" => 2,
        "III" => 3,
        "IV" => 4,
        _ => t.integer().filter(|q| (1..=4).contains(q))?,
    };
    let (year, next) = year_after(sc, i + 2);
    let date = PartialDate {
        year,
        quarter: Some(q),
        ..PartialDate::default()
    };
    Some((date, None, next))
}

/// "giai đoạn 2015 - 2020", "nhiệm kỳ 2021 – 2026".
fn period(sc: &Scanner, i: usize) -> Option<Read> {
    let named = PERIOD_WORDS
        .iter()
        .any(|(a, b)| sc.is_word(i, &[a]) && sc.is_word(i + 1, &[b]));
    if !named {
        return None;
    }
    year_range(sc, i + 2)
}
