//! Numbers written the Vietnamese way: digits with "." thousands and "," decimals, spelled-out
//! numerals ("hai mươi mốt", "một trăm linh năm") and scale words ("nghìn", "triệu", "tỷ").

use super::token::{Token, TokenKind};

/// How to read a lone "," followed by exactly three digits ("11,048"), which Vietnamese
/// writes as a decimal comma and English as a thousands comma.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommaHint {
    /// Decimal comma, the Vietnamese reading (the default, and before scale words or units).
    Decimal,
    /// Thousands comma: before a counted noun, which cannot be fractional ("11,048 lượt xem").
    Thousands,
}

/// Reads digits written the Vietnamese way: "." groups thousands, "," marks decimals.
/// "3.200" is 3200, "8,3" is 8.3, "1.234.567,89" is 1234567.89; English-style "3,750,188"
/// and "1,234.5" are read too. A lone "." before one or two digits ("3.5") is a decimal point.
pub fn parse_number(s: &str) -> Option<f64> {
    parse_digits(s, CommaHint::Decimal)
}

/// [`parse_number`], reading a lone "," before exactly three digits as `hint` says.
pub fn parse_digits(s: &str, hint: CommaHint) -> Option<f64> {
    let s = s.trim_end_matches(['.', ',']);
    if s.is_empty()
        || s.len() > 40
        || !s
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    let last_dot = s.rfind('.');
    let last_comma = s.rfind(',');
    let (int_part, frac_part, group_sep) = match (last_dot, last_comma) {
        (None, None) => (s, "", None),
        (Some(d), Some(c)) => {
            let (dec, sep) = if c > d { (c, '.') } else { (d, ',') };
            (&s[..dec], &s[dec + 1..], Some(sep))
        }
        (Some(_), None) => split_single(s, '.', CommaHint::Thousands)?,
        (None, Some(_)) => split_single(s, ',', hint)?,
    };
    if let Some(sep) = group_sep {
        if !valid_groups(int_part, sep) {
            return None;
        }
    }
    if frac_part.contains(['.', ',']) {
        return None;
    }
    if let Some(value) = exact_decimal(int_part, frac_part) {
        return Some(value);
    }
    // "<digits>.<fraction>0", read as one decimal literal (at most 40 + 2 bytes).
    let mut literal = [0u8; 48];
    let mut len = 0;
    let digits = int_part.bytes().filter(u8::is_ascii_digit);
    for b in digits.chain([b'.']).chain(frac_part.bytes()).chain([b'0']) {
        literal[len] = b;
        len += 1;
    }
    std::str::from_utf8(&literal[..len]).ok()?.parse().ok()
}

/// The value of the digits of `int_part` (separators skipped) and `frac_part` when they
/// number at most 15: the integer they spell and the power of ten under it are exact in an
/// `f64`, so one correctly rounded division gives what parsing the decimal gives.
fn exact_decimal(int_part: &str, frac_part: &str) -> Option<f64> {
    const POWERS: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let digits = int_part
        .bytes()
        .filter(u8::is_ascii_digit)
        .chain(frac_part.bytes());
    let mut mantissa = 0u64;
    let mut count = 0;
    for b in digits {
        count += 1;
        if count > 15 {
            return None;
        }
        mantissa = mantissa * 10 + u64::from(b - b'0');
    }
    Some(mantissa as f64 / POWERS[frac_part.len()])
}

/// Splits a number that uses only `sep`: several `sep`s or one before exactly three digits
/// (when `hint` allows) group thousands, otherwise `sep` is the decimal mark.
fn split_single(s: &str, sep: char, hint: CommaHint) -> Option<(&str, &str, Option<char>)> {
    let count = s.matches(sep).count();
    let first_group = s.split(sep).next().unwrap_or("");
    let thousands_shape = valid_groups(s, sep) && first_group != "0";
    if count > 1 {
        return thousands_shape.then_some((s, "", Some(sep)));
    }
    let after = s.rsplit(sep).next().unwrap_or("");
    if after.len() == 3 && thousands_shape && hint == CommaHint::Thousands {
        return Some((s, "", Some(sep)));
    }
    let at = s.find(sep)?;
    Some((&s[..at], &s[at + 1..], None))
}

/// True when `s` is digit groups joined by `sep`: 1–3 digits, then groups of exactly 3.
fn valid_groups(s: &str, sep: char) -> bool {
    let mut groups = s.split(sep);
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3)
        || !s.contains(sep) && !s.is_empty()
}

/// Writes `value` the Vietnamese way with `decimals` decimals: "1.234.567,89".
pub fn format_vietnamese(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (int_part, frac_part) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::new();
    if value < 0.0 {
        out.push('-');
    }
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if !frac_part.is_empty() {
        out.push(',');
        out.push_str(frac_part);
    }
    out
}

/// The power of ten of a scale word ("nghìn" 3, "triệu" 6, "tỷ" 9, "trăm" 2, "chục" 1).
pub(crate) fn scale_exponent(key: &str) -> Option<i32> {
    match key {
        "chục" => Some(1),
        "trăm" => Some(2),
        "nghìn" | "ngàn" => Some(3),
        "triệu" => Some(6),
        "tỷ" | "tỉ" => Some(9),
        _ => None,
    }
}

/// False when the scale word at `j` starts another word: "tỷ lệ" (rate), "tỷ trọng"
/// (share), "tỷ số" (score), "tỷ giá" (exchange rate), "tỷ suất" (ratio).
fn is_scale_here(tokens: &[Token], j: usize) -> bool {
    let next = tokens.get(j + 1).filter(|t| t.kind == TokenKind::Word);
    let compound = matches!(tokens[j].key, "tỷ" | "tỉ")
        && next.is_some_and(|t| t.is_word(&["lệ", "trọng", "số", "giá", "suất"]));
    !compound
}

/// The digit a numeral word stands for. `after_tens` allows the forms used only after
/// "mươi"/"mười"/"linh": "mốt" (1), "tư" (4), "lăm" (5).
fn digit_word(key: &str, after_tens: bool) -> Option<u32> {
    let d = match key {
        "không" => 0,
        "một" => 1,
        "hai" => 2,
        "ba" => 3,
        "bốn" => 4,
        "năm" => 5,
        "sáu" => 6,
        "bảy" | "bẩy" => 7,
        "tám" => 8,
        "chín" => 9,
        "mốt" if after_tens => 1,
        "tư" if after_tens => 4,
        "lăm" | "nhăm" if after_tens => 5,
        _ => return None,
    };
    Some(d)
}

/// A number phrase read from tokens: digits or numeral words, with scale words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct NumberPhrase {
    /// The value.
    pub value: f64,
    /// Index of the first token after the phrase.
    pub next: usize,
    /// True when the phrase has no digits (all spelled out).
    pub spelled: bool,
    /// Number of numeral and scale words in it.
    pub words: usize,
    /// Product of the scale words that follow the last number ("nghìn tỷ" = 1e12), 1 if none.
    pub trailing_scale: f64,
    /// The largest scale word in the phrase ("3 tỷ 500 triệu": 1e9), 0 if none.
    pub largest_scale: f64,
}

/// Reads a number phrase at token `i`: "8,3 nghìn tỷ", "3 tỷ 500 triệu", "hai mươi mốt",
/// "một trăm linh năm", "1,2 triệu". `hint` is how a digit run reads a lone comma.
pub(crate) fn number_phrase(tokens: &[Token], i: usize, hint: CommaHint) -> Option<NumberPhrase> {
    let mut acc = Accumulator::default();
    let mut j = i;
    let mut spelled = true;
    let mut words = 0;
    let mut last_was_digits = false;
    while let Some(t) = tokens.get(j) {
        if t.kind == TokenKind::Num {
            if acc.seg != 0.0 || last_was_digits || (j > i && !acc.after_scale) {
                break;
            }
            acc.seg = parse_digits(t.text, hint)?;
            acc.after_scale = false;
            acc.trailing = 0.0;
            spelled = false;
            last_was_digits = true;
            j += 1;
            continue;
        }
        if t.kind != TokenKind::Word {
            break;
        }
        let step = if let Some(exp) = scale_exponent(t.key) {
            if j == i || !is_scale_here(tokens, j) {
                break;
            }
            acc.scale(exp);
            Some(1)
        } else if last_was_digits {
            None
        } else {
            spelled_step(tokens, j, &mut acc)
        };
        let Some(used) = step else { break };
        words += used;
        last_was_digits = false;
        j += used;
    }
    if j == i || (spelled && words == 0) {
        return None;
    }
    Some(NumberPhrase {
        value: tidy(acc.total + acc.seg),
        next: j,
        spelled,
        words,
        largest_scale: acc.largest,
        trailing_scale: if acc.trailing == 0.0 {
            1.0
        } else {
            acc.trailing
        },
    })
}

/// Running value of a number phrase.
#[derive(Debug, Default)]
struct Accumulator {
    /// Completed part, already multiplied by its scales.
    total: f64,
    /// Part read since the last scale word.
    seg: f64,
    /// True right after a scale word.
    after_scale: bool,
    /// Product of the scale words since the last number.
    trailing: f64,
    /// True after "không" ("không trăm"): a zero that scale words keep at zero.
    zero: bool,
    /// The largest scale word read.
    largest: f64,
}

impl Accumulator {
    /// Applies a scale word of 10^`exp`.
    fn scale(&mut self, exp: i32) {
        let s = 10f64.powi(exp);
        self.largest = self.largest.max(s);
        if !self.after_scale {
            self.trailing = 1.0;
        }
        self.trailing *= s;
        self.after_scale = true;
        if exp < 3 {
            self.seg = if self.seg == 0.0 && !self.zero {
                s
            } else {
                self.seg * s
            };
            return;
        }
        if self.seg == 0.0 {
            self.total = if self.total == 0.0 {
                s
            } else if self.total < s {
                self.total * s
            } else {
                self.total
            };
        } else if self.total + self.seg < s {
            self.total = (self.total + self.seg) * s;
        } else {
            self.total += self.seg * s;
        }
        self.seg = 0.0;
    }
}

/// Reads one step of a spelled-out numeral at token `j` ("hai mươi mốt", "mười lăm",
/// "linh năm", "ba"); returns how many tokens it used.
fn spelled_step(tokens: &[Token], j: usize, acc: &mut Accumulator) -> Option<usize> {
    let key = |k: usize| {
        tokens
            .get(k)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.key)
    };
    let within_hundreds =
        acc.after_scale && acc.seg % 100.0 == 0.0 && (acc.seg >= 100.0 || acc.zero);
    let head = key(j)?;
    if head == "năm" && tokens.get(j + 1).is_some_and(|t| t.kind == TokenKind::Num) {
        return None;
    }
    let (value, used) = match head {
        "linh" | "lẻ" if within_hundreds => (digit_word(key(j + 1)?, true)? as f64, 2),
        "mười" => match key(j + 1)
            .and_then(|k| digit_word(k, true))
            .filter(|&d| d > 0)
        {
            Some(d) => (10.0 + d as f64, 2),
            None => (10.0, 1),
        },
        _ => {
            let d = digit_word(head, false)?;
            if key(j + 1) == Some("mươi") {
                match key(j + 2)
                    .and_then(|k| digit_word(k, true))
                    .filter(|&u| u > 0)
                {
                    Some(u) => (d as f64 * 10.0 + u as f64, 3),
                    None => (d as f64 * 10.0, 2),
                }
            } else {
                (d as f64, 1)
            }
        }
    };
    if acc.seg != 0.0 && !within_hundreds {
        return None;
    }
    acc.seg += value;
    acc.after_scale = false;
    acc.trailing = 0.0;
    acc.zero = head == "không";
    Some(used)
}

/// Rounds away binary noise from decimal arithmetic (8,3 × 10¹² = 8 300 000 000 000).
pub(crate) fn tidy(v: f64) -> f64 {
    // A whole number under 10¹⁵ has at most 15 significant digits: nothing to round.
    if v.fract() == 0.0 && v.abs() < 1e15 {
        return v;
    }
    format!("{v:.14e}").parse().unwrap_or(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::token::tokenize;
    use crate::text::fold;

    fn phrase(s: &str) -> Option<f64> {
        let f = fold(s);
        let toks = tokenize(s, &f);
        number_phrase(&toks, 0, CommaHint::Decimal).map(|p| p.value)
    }

    #[test]
    fn digits_follow_vietnamese_separators() {
        assert_eq!(parse_number("3.200"), Some(3200.0));
        assert_eq!(parse_number("8,3"), Some(8.3));
        assert_eq!(parse_number("1.234.567,89"), Some(1234567.89));
        assert_eq!(parse_number("3,750,188"), Some(3750188.0));
        assert_eq!(parse_number("504,983"), Some(504.983));
        assert_eq!(parse_digits("11,048", CommaHint::Thousands), Some(11048.0));
        assert_eq!(parse_number("1.23.4"), None);
    }

    /// The division fast path gives what parsing the decimal literal gives, for digit counts
    /// up to the limit and every split between integer and fraction.
    #[test]
    fn exact_decimals_agree_with_parsing() {
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..20_000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let digits = (seed >> 60) as usize % 15 + 1;
            let number = format!("{:015}", (seed >> 8) % 1_000_000_000_000_000);
            let number = &number[15 - digits..];
            for split in 0..=digits {
                let (int, frac) = number.split_at(split);
                let parsed: f64 = format!("{int}.{frac}0").parse().unwrap_or(f64::NAN);
                assert_eq!(exact_decimal(int, frac), Some(parsed), "{int}.{frac}");
            }
        }
        assert_eq!(exact_decimal("1.234", "5"), Some(1234.5));
        assert_eq!(exact_decimal("1234567890123456", ""), None);
    }

    #[test]
    fn spelled_numerals_and_scales() {
        assert_eq!(phrase("hai mươi mốt"), Some(21.0));
        assert_eq!(phrase("một trăm linh năm"), Some(105.0));
        assert_eq!(phrase("ba mươi lăm"), Some(35.0));
        assert_eq!(phrase("mười lăm"), Some(15.0));
        assert_eq!(phrase("8,3 nghìn tỷ"), Some(8.3e12));
        assert_eq!(phrase("1,28 triệu tỷ"), Some(1.28e15));
        assert_eq!(phrase("3 tỷ 500 triệu"), Some(3.5e9));
        assert_eq!(phrase("hai triệu ba trăm nghìn"), Some(2.3e6));
        assert_eq!(phrase("hai chục"), Some(20.0));
        assert_eq!(format_vietnamese(1234567.891, 2), "1.234.567,89");
    }
}
