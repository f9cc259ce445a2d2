//! Figures: money ("gần 8,3 nghìn tỷ đồng", "49,22 triệu đồng/người/năm", "$5"), percentages
//! ("6,42%", "từ 95-97%", "năm phần trăm"), completion ratios ("32/39 chỉ tiêu"), quantities
//! ("19 nghìn tấn", "209,6 Km2"), counts ("97 mô hình") and bare numbers, with qualifiers
//! ("gần", "trên", "khoảng", …) and ranges ("từ … đến …", "95-97%").

use super::number::{number_phrase, CommaHint, NumberPhrase};
use super::token::TokenKind;
use super::{Approx, Found, Scanner, Value, ValueKind};
use ValueKind::{Money, Percent, Quantity};

/// Qualifiers before a figure, longest first, as folded words.
const QUALIFIERS: [(&[&str], Approx); 17] = [
    (&["trên", "dưới"], Approx::About),
    (&["ước", "đạt"], Approx::About),
    (&["ước", "tính"], Approx::About),
    (&["ước", "khoảng"], Approx::About),
    (&["xấp", "xỉ"], Approx::About),
    (&["chưa", "đến"], Approx::Below),
    (&["khoảng"], Approx::About),
    (&["ước"], Approx::About),
    (&["chừng"], Approx::About),
    (&["gần"], Approx::Below),
    (&["trên"], Approx::Above),
    (&["hơn"], Approx::Above),
    (&["vượt"], Approx::Above),
    (&["ít", "nhất"], Approx::Above),
    (&["tối", "thiểu"], Approx::Above),
    (&["tối", "đa"], Approx::Below),
    (&["dưới"], Approx::Below),
];

/// Words after which a number is an ordinal, a rank or an identifier, not a figure
/// ("lần thứ 9", "xếp thứ 2/8", "Kế hoạch số 133", "top 10").
const ORDINAL_WORDS: [&str; 4] = ["thứ", "số", "hạng", "top"];

/// A figure starting at token `i`, or `None`. An amount in "tỷ" with no unit after it is
/// money in đồng ("thu ngân sách đạt 2.000 tỷ"), as Vietnamese news writes it.
pub(super) fn at(sc: &Scanner, i: usize) -> Option<Found> {
    if let Some(skipped) = ordinal(sc, i) {
        return Some(skipped);
    }
    let (approx, from_word, j) = qualifier(sc, i);
    if j > i && (super::date::at(sc, j).is_some() || super::time::at(sc, j).is_some()) {
        return None;
    }
    let (sign, j) = sign(sc, j);
    let dollar = sc.is_mark(j, '$') && sc.glued(j);
    let j = if dollar { j + 1 } else { j };
    if sc.tok(j)?.kind == TokenKind::Num && sc.glued(j) {
        if let Some(found) = ratio(sc, i, j, approx) {
            return Some(found);
        }
    }
    let phrase = number_phrase(&sc.toks, j, comma_hint(sc, j))?;
    let mut figure = Figure {
        value: phrase.value,
        upper: None,
        next: phrase.next,
    };
    figure.read_range(sc, &phrase, from_word);
    let (mut value, next) = match tail(sc, figure.next) {
        Tail::Glued => return Some((None, sc.glued_run_end(j))),
        _ if dollar => (with_unit(Money, figure.value, "USD"), figure.next),
        Tail::Dollar(next) => (with_unit(Money, figure.value, "USD"), next),
        Tail::Percent(next) => (
            with_unit(Percent, figure.value, "%"),
            percent_upper(sc, next, &mut figure),
        ),
        Tail::Unit(unit, next) if unit.money => (with_unit(Money, figure.value, unit.name), next),
        Tail::Unit(unit, next) => (with_unit(Quantity, figure.value, unit.name), next),
        Tail::Noun(noun, next) => (count(figure.value, noun), next),
        Tail::Nothing if phrase.largest_scale >= 1e9 => {
            (with_unit(Money, figure.value, "VND"), figure.next)
        }
        Tail::Nothing => (
            Value::new(ValueKind::Number, figure.value, 0..0),
            figure.next,
        ),
    };
    if phrase.spelled && phrase.words < 2 && !spelled_alone_ok(sc, j, &value) {
        return None;
    }
    let (per, next) = per_unit(sc, next, &value);
    value.per = per;
    value.value *= sign;
    value.upper = figure.upper.map(|u| u * sign);
    value.approx = approx;
    value.range = sc.range(i, next);
    Some((Some(value), next))
}

/// A number read so far, with the end of its range.
struct Figure {
    value: f64,
    upper: Option<f64>,
    next: usize,
}

impl Figure {
    /// Reads "- 97", "đến 7 tỷ" after the number: the upper bound of a range, kept only when
    /// a unit follows it (a bare "3-5" is left alone). A scale written only on the upper
    /// bound applies to both ("5 - 7 tỷ đồng").
    fn read_range(&mut self, sc: &Scanner, first: &NumberPhrase, from_word: bool) {
        let k = first.next;
        let dash = sc.tok(k).is_some_and(|t| t.is_dash());
        let word = sc.is_word(k, &["đến", "tới"]) && from_word;
        if !(dash || word) {
            return;
        }
        let Some(second) = number_phrase(&sc.toks, k + 1, comma_hint(sc, k + 1)) else {
            return;
        };
        if matches!(tail(sc, second.next), Tail::Nothing | Tail::Glued) {
            return;
        }
        if first.trailing_scale == 1.0 && second.trailing_scale > 1.0 {
            self.value = super::number::tidy(self.value * second.trailing_scale);
        }
        if second.value > self.value {
            self.upper = Some(second.value);
            self.next = second.next;
        }
    }
}

/// What follows a number.
enum Tail {
    /// Letters glued to the digits that are no unit ("30a").
    Glued,
    /// "%", "phần trăm" or "điểm phần trăm" (percentage points); the index after it.
    Percent(usize),
    /// A dollar sign after the number ("1,5 triệu $"); the index after it.
    Dollar(usize),
    /// A unit or currency.
    Unit(super::Unit, usize),
    /// A counted noun, as written, and the index after it.
    Noun(String, usize),
    /// Nothing that makes it a figure.
    Nothing,
}

/// What follows a number at token `k`.
fn tail(sc: &Scanner, k: usize) -> Tail {
    if sc.is_mark(k, '%') {
        return Tail::Percent(k + 1);
    }
    if sc.is_word(k, &["phần"]) && sc.is_word(k + 1, &["trăm"]) {
        return Tail::Percent(k + 2);
    }
    if sc.is_word(k, &["điểm"]) && sc.is_word(k + 1, &["phần"]) && sc.is_word(k + 2, &["trăm"])
    {
        return Tail::Percent(k + 3);
    }
    if sc.is_mark(k, '$') {
        return Tail::Dollar(k + 1);
    }
    if let Some(unit) = sc.unit_at(k) {
        let next = unit.next;
        return Tail::Unit(unit, next);
    }
    if k > 0 && sc.glued(k - 1) && sc.tok(k).is_some_and(|t| t.kind == TokenKind::Word) {
        return Tail::Glued;
    }
    match sc.noun_at(k) {
        Some((noun, next)) => Tail::Noun(noun, next),
        None => Tail::Nothing,
    }
}

/// A qualifier at token `i`: the approximation, whether it is "từ" (opening a range), and
/// the index of the number after it.
fn qualifier(sc: &Scanner, i: usize) -> (Option<Approx>, bool, usize) {
    for &(words, approx) in &QUALIFIERS {
        if words
            .iter()
            .enumerate()
            .all(|(k, w)| sc.is_word(i + k, &[w]))
        {
            let j = i + words.len();
            let from = sc.is_word(j, &["từ"]);
            return (Some(approx), from, j + usize::from(from));
        }
    }
    if sc.is_word(i, &["từ"]) {
        return (None, true, i + 1);
    }
    (None, false, i)
}

/// The sign before the number at `j`: "âm 5", or "-5" with the dash glued to the digits only.
fn sign(sc: &Scanner, j: usize) -> (f64, usize) {
    if sc.is_word(j, &["âm"]) && sc.tok(j + 1).is_some_and(|t| t.kind == TokenKind::Num) {
        return (-1.0, j + 1);
    }
    let lone_dash = sc.tok(j).is_some_and(|t| t.is_dash())
        && sc.glued(j)
        && sc.tok(j + 1).is_some_and(|t| t.kind == TokenKind::Num)
        && (j == 0 || !sc.glued(j - 1) && sc.tok(j - 1).is_some_and(|t| t.kind != TokenKind::Num));
    if lone_dash {
        (-1.0, j + 1)
    } else {
        (1.0, j)
    }
}

/// How the digits at `j` read a lone comma before three digits: as thousands before a
/// counted noun ("11,048 lượt xem"), as a decimal comma otherwise ("504,983 tỷ đồng").
fn comma_hint(sc: &Scanner, j: usize) -> CommaHint {
    let ambiguous = sc
        .tok(j)
        .is_some_and(|t| t.kind == TokenKind::Num && t.text.contains(','));
    if ambiguous && sc.unit_at(j + 1).is_none() && sc.noun_at(j + 1).is_some() {
        CommaHint::Thousands
    } else {
        CommaHint::Decimal
    }
}

/// "thứ 2/8", "số 38/KH-CTĐ02", "hạng 3": skips the number after an ordinal word.
fn ordinal(sc: &Scanner, i: usize) -> Option<Found> {
    if !sc.tok(i)?.is_word(&ORDINAL_WORDS) || sc.tok(i + 1)?.kind != TokenKind::Num {
        return None;
    }
    Some((None, sc.glued_run_end(i + 1)))
}

/// "32/39 chỉ tiêu", "140/165 tấn", "10/10 cơ quan": a completion fraction, when the
/// numerator is at most the denominator. Dates were tried before; a third part ("2/3/6") or
/// glued letters ("38/KH") make it no figure at all.
fn ratio(sc: &Scanner, i: usize, j: usize, approx: Option<Approx>) -> Option<Found> {
    let num = sc.tok(j)?;
    if !(num.is_integer() && sc.is_mark(j + 1, '/') && sc.glued(j + 1)) {
        return None;
    }
    let den = sc.tok(j + 2)?;
    if !den.is_integer() {
        return None;
    }
    if sc.glued(j + 2) {
        return Some((None, sc.glued_run_end(j)));
    }
    let (n, d) = (num.text.parse::<f64>().ok()?, den.text.parse::<f64>().ok()?);
    if n > d || d == 0.0 || num.text.len() > 9 || den.text.len() > 9 {
        return Some((None, j + 3));
    }
    let mut v = Value::new(ValueKind::Ratio, n / d, 0..0);
    v.numerator = Some(n);
    v.denominator = Some(d);
    v.approx = approx;
    let next = match sc.unit_at(j + 3) {
        Some(unit) if !unit.money && !unit.duration => {
            v.unit = Some(unit.name.to_string());
            unit.next
        }
        _ => match sc.noun_at(j + 3) {
            Some((noun, next)) => {
                v.noun = Some(noun);
                next
            }
            None => j + 3,
        },
    };
    v.range = sc.range(i, next);
    Some((Some(v), next))
}

/// A single spelled numeral word ("ba", "năm") is a figure only before "%"/money, or "mười".
fn spelled_alone_ok(sc: &Scanner, j: usize, value: &Value) -> bool {
    sc.is_word(j, &["mười"]) || matches!(value.kind, ValueKind::Money | ValueKind::Percent)
}

/// "/người/năm" after money, a quantity or a percentage ("8,5%/năm"): the per-unit, and the
/// index after it.
fn per_unit(sc: &Scanner, mut k: usize, value: &Value) -> (Option<String>, usize) {
    if !matches!(
        value.kind,
        ValueKind::Money | ValueKind::Quantity | ValueKind::Percent
    ) {
        return (None, k);
    }
    let mut parts: Vec<String> = Vec::new();
    while parts.len() < 3 && sc.is_mark(k, '/') && sc.word(k + 1).is_some() {
        let (text, next) = sc
            .noun_at(k + 1)
            .unwrap_or_else(|| (sc.tok(k + 1).map_or("", |t| t.text).to_string(), k + 2));
        parts.push(text);
        k = next;
    }
    ((!parts.is_empty()).then(|| parts.join("/")), k)
}

/// "95%-97%": the upper bound of a percent range written with two signs.
fn percent_upper(sc: &Scanner, k: usize, figure: &mut Figure) -> usize {
    let joiner = sc.tok(k).is_some_and(|t| t.is_dash()) || sc.is_word(k, &["đến", "tới"]);
    if figure.upper.is_some() || !joiner {
        return k;
    }
    match number_phrase(&sc.toks, k + 1, CommaHint::Decimal) {
        Some(second) if sc.is_mark(second.next, '%') && second.value > figure.value => {
            figure.upper = Some(second.value);
            second.next + 1
        }
        _ => k,
    }
}

/// A value of `kind` measured in `unit` (ISO currency, "%", a measure unit).
fn with_unit(kind: ValueKind, value: f64, unit: &str) -> Value {
    let mut v = Value::new(kind, value, 0..0);
    v.unit = Some(unit.to_string());
    v
}

/// A count of a noun.
fn count(value: f64, noun: String) -> Value {
    let mut v = Value::new(ValueKind::Count, value, 0..0);
    v.noun = Some(noun);
    v
}
