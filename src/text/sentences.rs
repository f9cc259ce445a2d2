//! Sentence boundaries of Vietnamese article text.
//!
//! A sentence ends at ".", "!", "?", "…" (or "./.") followed by white space and a capital
//! letter, a digit, an opening quote or bracket — except after an abbreviation ("TP.", "ThS.",
//! "PGS.TS.") or an initial ("V. Linh"), and never inside quotes. Decimals ("8.3") and dates
//! ("28.5") have no space after the point, so they never end a sentence.

use super::letters::is_upper;
use std::ops::Range;

/// Abbreviations written with a final point that do not end a sentence (compared on the
/// word before the point, case-sensitive).
const ABBREVIATIONS: [&str; 16] = [
    "TP", "Tp", "ThS", "TS", "PGS", "GS", "BS", "KS", "CN", "Th", "St", "Q", "P", "TT", "TX", "Mr",
];

/// Byte ranges of the sentences of `s`, trimmed, in order. Every non-blank part of `s` is in
/// exactly one range.
pub fn sentences(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut quote_depth = 0i32;
    let bytes = s.as_bytes();
    // Only ".", "!", "?" and the three-byte "…", "“", "”" (lead byte 0xE2) matter here.
    let mut at = 0;
    while let Some(offset) =
        super::find_byte(&bytes[at..], |b| matches!(b, b'.' | b'!' | b'?' | 0xE2))
    {
        at += offset;
        let c = s[at..].chars().next().unwrap_or(' ');
        let end = at + c.len_utf8();
        match c {
            '“' => quote_depth += 1,
            '”' => quote_depth = (quote_depth - 1).max(0),
            '.' | '!' | '?' | '…' if quote_depth == 0 && ends_sentence(s, at, end) => {
                push_trimmed(s, start..end, &mut out);
                start = end;
            }
            _ => {}
        }
        at = end;
    }
    push_trimmed(s, start..s.len(), &mut out);
    out
}

/// True when the stop at `s[at..end]` closes a sentence.
fn ends_sentence(s: &str, at: usize, end: usize) -> bool {
    // "./." and "..." stay with the sentence they close.
    let mut after = s[end..]
        .chars()
        .skip_while(|c| matches!(c, '.' | '/' | '!' | '?' | '…' | '"' | '”' | ')'));
    if !after.next().is_some_and(char::is_whitespace) {
        return false;
    }
    let Some(next) = after.find(|c| !c.is_whitespace()) else {
        return true;
    };
    let opens = is_upper(next) || next.is_ascii_digit() || "“\"'‘([–-".contains(next);
    opens && !after_abbreviation(s, at)
}

/// True when the point at byte `at` follows an abbreviation or a one-letter initial.
fn after_abbreviation(s: &str, at: usize) -> bool {
    let word = s[..at]
        .rsplit(|c: char| c.is_whitespace() || c == '.' || c == '(')
        .next()
        .unwrap_or("");
    let mut letters = word.chars();
    let single_capital = matches!((letters.next(), letters.next()), (Some(c), None) if is_upper(c));
    single_capital || ABBREVIATIONS.contains(&word)
}

fn push_trimmed(s: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &s[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if range.start + lead < range.end - trail {
        out.push(range.start + lead..range.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        sentences(s).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn splits_on_stops_before_capitals() {
        assert_eq!(
            split("Chiều 29/12, hội nghị diễn ra. Dự hội nghị có ông Phong. Năm 2022 tăng 8,3%."),
            [
                "Chiều 29/12, hội nghị diễn ra.",
                "Dự hội nghị có ông Phong.",
                "Năm 2022 tăng 8,3%."
            ]
        );
    }

    #[test]
    fn keeps_abbreviations_decimals_initials_and_quotes() {
        assert_eq!(
            split("Tại TP. Hà Nội, ThS. Lan nói. Sáng nay 28.5 V. Linh viết “Hay. Lắm.” rồi về."),
            [
                "Tại TP. Hà Nội, ThS. Lan nói.",
                "Sáng nay 28.5 V. Linh viết “Hay. Lắm.” rồi về."
            ]
        );
    }

    #[test]
    fn lowercase_after_a_stop_continues_the_sentence() {
        assert_eq!(
            split("tăng 3.200 tấn. và hơn thế"),
            ["tăng 3.200 tấn. và hơn thế"]
        );
        assert!(sentences("   ").is_empty());
    }
}
