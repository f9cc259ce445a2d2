//! Sentence boundaries of Vietnamese article text.
//!
//! A sentence ends at ".", "!", "?", "…" (or "./.") followed by white space and a capital
//! letter, a digit, an opening quote or bracket — except after an abbreviation ("TP.", "ThS.",
//! "PGS.TS.") or an initial ("V. Linh"), and never inside quotes. Decimals ("8.3") and dates
//! ("28.5") have no space after the point, so they never end a sentence.

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
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        match c {
            '“' => quote_depth += 1,
            '”' => quote_depth = (quote_depth - 1).max(0),
            '.' | '!' | '?' | '…' if quote_depth == 0 => {
                let end = at + c.len_utf8();
                if ends_sentence(s, &chars, i) {
                    push_trimmed(s, start..end, &mut out);
                    start = end;
                }
            }
            _ => {}
        }
    }
    push_trimmed(s, start..s.len(), &mut out);
    out
}

/// True when the stop at `chars[i]` closes a sentence.
fn ends_sentence(s: &str, chars: &[(usize, char)], i: usize) -> bool {
    let mut j = i + 1;
    // "./." and "..." stay with the sentence they close.
    while j < chars.len() && matches!(chars[j].1, '.' | '/' | '!' | '?' | '…' | '"' | '”' | ')')
    {
        j += 1;
    }
    if j >= chars.len() || !chars[j].1.is_whitespace() {
        return false;
    }
    while j < chars.len() && chars[j].1.is_whitespace() {
        j += 1;
    }
    let Some(&(_, next)) = chars.get(j) else {
        return true;
    };
    let opens = next.is_uppercase() || next.is_ascii_digit() || "“\"'‘([–-".contains(next);
    opens && !after_abbreviation(s, chars[i].0)
}

/// True when the point at byte `at` follows an abbreviation or a one-letter initial.
fn after_abbreviation(s: &str, at: usize) -> bool {
    let word = s[..at]
        .rsplit(|c: char| c.is_whitespace() || c == '.' || c == '(')
        .next()
        .unwrap_or("");
    let mut letters = word.chars();
    let single_capital =
        matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase());
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
