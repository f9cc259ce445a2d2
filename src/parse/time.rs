//! Clock times: "10h45", "10h", "7:30", "17:40:19", "14 giờ", "8 giờ 30 phút", "3 giờ chiều".

use super::token::TokenKind;
use super::{ClockTime, Found, Scanner, Value, ValueKind};

/// A clock time starting at token `i`, or `None`.
pub(super) fn at(sc: &Scanner, i: usize) -> Option<Found> {
    let t = sc.tok(i)?;
    if t.kind != TokenKind::Num {
        return None;
    }
    let hour = t.integer().filter(|&h| h <= 24 && t.text.len() <= 2)?;
    let (time, next) = letter_form(sc, i, hour)
        .or_else(|| colon_form(sc, i, hour))
        .or_else(|| word_form(sc, i, hour))?;
    let mut v = Value::new(
        ValueKind::Time,
        time.hour as f64 + time.minute as f64 / 60.0,
        sc.range(i, next),
    );
    v.time = Some(time);
    Some((Some(v), next))
}

/// A minute count from token `j`: one or two digits below 60.
fn minute(sc: &Scanner, j: usize) -> Option<u32> {
    let t = sc.tok(j)?;
    t.integer().filter(|&m| m < 60 && t.text.len() <= 2)
}

/// "10h45", "10h", "10g30", "8h30'"; "24h qua" is a span of hours, not a time.
fn letter_form(sc: &Scanner, i: usize, hour: u32) -> Option<(ClockTime, usize)> {
    let h = sc.tok(i + 1)?;
    if !sc.glued(i) || !h.is_word(&["h", "g"]) {
        return None;
    }
    let glued_minutes = sc.glued(i + 1).then(|| minute(sc, i + 2)).flatten();
    let (minute, next) = match glued_minutes {
        Some(m) => (m, i + 3),
        None if h.key == "h" && !sc.glued(i + 1) && !sc.is_word(i + 2, &["qua", "tới"]) => {
            (0, i + 2)
        }
        None => return None,
    };
    let next = if sc.is_mark(next, '\'') && sc.glued(next - 1) {
        next + 1
    } else {
        next
    };
    Some((ClockTime::hm(hour, minute), next))
}

/// "7:30", "17:40:19".
fn colon_form(sc: &Scanner, i: usize, hour: u32) -> Option<(ClockTime, usize)> {
    if !(sc.glued(i) && sc.is_mark(i + 1, ':') && sc.glued(i + 1)) {
        return None;
    }
    let minute = minute(sc, i + 2).filter(|_| sc.tok(i + 2).is_some_and(|t| t.text.len() == 2))?;
    if sc.glued(i + 2) && sc.is_mark(i + 3, ':') && sc.glued(i + 3) {
        let second = self::minute(sc, i + 4)?;
        return Some((
            ClockTime {
                hour,
                minute,
                second: Some(second),
            },
            i + 5,
        ));
    }
    Some((ClockTime::hm(hour, minute), i + 3))
}

/// "14 giờ", "8 giờ 30 phút", "8 giờ 30", "3 giờ chiều".
fn word_form(sc: &Scanner, i: usize, hour: u32) -> Option<(ClockTime, usize)> {
    if !sc.is_word(i + 1, &["giờ"]) || i > 0 && sc.is_word(i - 1, &["trong", "mất", "sau"]) {
        return None;
    }
    let (minute, mut next) = match minute(sc, i + 2) {
        Some(m) if sc.is_word(i + 3, &["phút"]) => (m, i + 4),
        Some(m) if !sc.figure_follows(i + 3) => (m, i + 3),
        _ => (0, i + 2),
    };
    let mut hour = hour;
    if sc.is_word(next, &["chiều", "tối"]) && hour < 12 {
        hour += 12;
        next += 1;
    } else if sc.is_word(next, &["sáng", "trưa"]) {
        next += 1;
    }
    Some((ClockTime::hm(hour, minute), next))
}
