//! Tokens for the value scanner: digit runs, letter runs (syllables) and single marks.
//!
//! One pass over the string, so scanning stays linear however the input looks. Each token
//! keeps its byte range in the scanned string and its folded key ([`crate::text::fold`]).

use crate::text::letters::{is_letter, is_upper};
use crate::text::utf8_width;
use std::ops::Range;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// ASCII digits, with "." or "," between digits ("1.234,5").
    Num,
    /// Letters: one syllable or one Latin word.
    Word,
    /// Any other character that is not white space.
    Mark,
}

/// One token of a scanned string.
#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    /// What it is made of.
    pub kind: TokenKind,
    /// Byte range in the scanned string.
    pub range: Range<usize>,
    /// The text as written.
    pub text: &'a str,
    /// The folded key (lower case, one tone placement) of the same bytes.
    pub key: &'a str,
}

impl Token<'_> {
    /// True for a mark that is `c`.
    pub fn is_mark(&self, c: char) -> bool {
        self.kind == TokenKind::Mark && self.text.starts_with(c)
    }

    /// True for a dash of any kind ("-", "–", "—").
    pub fn is_dash(&self) -> bool {
        self.kind == TokenKind::Mark && matches!(self.text, "-" | "–" | "—" | "‐" | "−")
    }

    /// True for a word whose folded key is one of `words`.
    pub fn is_word(&self, words: &[&str]) -> bool {
        self.kind == TokenKind::Word && words.contains(&self.key)
    }

    /// True for a digit run without separators.
    pub fn is_integer(&self) -> bool {
        self.kind == TokenKind::Num && self.text.bytes().all(|b| b.is_ascii_digit())
    }

    /// The digit run as an integer, when it has no separators and at most 9 digits.
    pub fn integer(&self) -> Option<u32> {
        if self.is_integer() && self.text.len() <= 9 {
            self.text.parse().ok()
        } else {
            None
        }
    }

    /// True when the first letter is upper case.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(is_upper)
    }
}

/// Splits `s` into tokens; `folded` is `fold(s)` (same byte length).
pub(crate) fn tokenize<'a>(s: &'a str, folded: &'a str) -> Vec<Token<'a>> {
    let bytes = s.as_bytes();
    // About one token for every five bytes of Vietnamese text (no passage of the dev set
    // needs more); a longer run of short tokens grows the vector.
    let mut out = Vec::with_capacity(s.len() / 5 + 4);
    let mut start = 0;
    while let Some(&b) = bytes.get(start) {
        let Some((kind, end)) = token_at(s, start, b) else {
            start += utf8_width(b);
            continue;
        };
        out.push(Token {
            kind,
            range: start..end,
            text: &s[start..end],
            key: folded.get(start..end).unwrap_or(""),
        });
        // Most tokens are followed by one space, skipped here without a call of `token_at`.
        start = end + usize::from(bytes.get(end) == Some(&b' '));
    }
    out
}

/// The kind and end of the token that starts at byte `start` of `s` (its first byte `b`),
/// or `None` for white space. ASCII is read byte by byte; only other characters are decoded.
fn token_at(s: &str, start: usize, b: u8) -> Option<(TokenKind, usize)> {
    if b.is_ascii() {
        return match b {
            b'0'..=b'9' => Some((TokenKind::Num, digit_run_end(s.as_bytes(), start))),
            b'a'..=b'z' | b'A'..=b'Z' => Some((TokenKind::Word, letter_run_end(s, start + 1))),
            // The ASCII white space of `char::is_whitespace`.
            b'\t'..=b'\r' | b' ' => None,
            _ => Some((TokenKind::Mark, start + 1)),
        };
    }
    if let Some(width) = common_letter_width(s.as_bytes(), start) {
        return Some((TokenKind::Word, letter_run_end(s, start + width)));
    }
    let c = s[start..].chars().next()?;
    if is_letter(c) {
        Some((TokenKind::Word, letter_run_end(s, start + c.len_utf8())))
    } else if c.is_whitespace() {
        None
    } else {
        Some((TokenKind::Mark, start + c.len_utf8()))
    }
}

/// End of the run of letters of `s` from byte `at` (a char boundary).
fn letter_run_end(s: &str, mut at: usize) -> usize {
    let bytes = s.as_bytes();
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            if !b.is_ascii_alphabetic() {
                break;
            }
            at += 1;
            continue;
        }
        if let Some(width) = common_letter_width(bytes, at) {
            at += width;
            continue;
        }
        match s[at..].chars().next() {
            Some(c) if is_letter(c) => at += c.len_utf8(),
            _ => break,
        }
    }
    at
}

/// The width of the character at byte `at` of `bytes` (a char boundary, not ASCII) when it
/// is a letter of the blocks Vietnamese is written in, read off its first two bytes without
/// decoding it: U+00C0–U+01BF but × and ÷ (lead bytes 0xC3–0xC6), and U+1E00–U+1EFF, Latin
/// Extended Additional (0xE1 0xB8–0xBB). `None` leaves the character to be decoded.
fn common_letter_width(bytes: &[u8], at: usize) -> Option<usize> {
    match (bytes[at], bytes.get(at + 1)?) {
        (0xC3, 0x97 | 0xB7) => None,
        (0xC3..=0xC6, _) => Some(2),
        (0xE1, 0xB8..=0xBB) => Some(3),
        _ => None,
    }
}

/// End of the digit run at `start`: digits, and "." or "," followed by a digit.
fn digit_run_end(bytes: &[u8], start: usize) -> usize {
    let mut end = start;
    while end < bytes.len() {
        let b = bytes[end];
        let separator =
            (b == b'.' || b == b',') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        if !(b.is_ascii_digit() || separator) {
            break;
        }
        end += 1;
    }
    end
}

/// True when token `i` ends exactly where token `i + 1` starts.
pub(crate) fn glued(tokens: &[Token], i: usize) -> bool {
    match (tokens.get(i), tokens.get(i + 1)) {
        (Some(a), Some(b)) => a.range.end == b.range.start,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    #[test]
    fn splits_numbers_words_and_marks() {
        let s = "Đạt 1.234,5 tỷ đồng/người, 2015.";
        let f = fold(s);
        let toks: Vec<&str> = tokenize(s, &f).iter().map(|t| t.text).collect();
        assert_eq!(
            toks,
            ["Đạt", "1.234,5", "tỷ", "đồng", "/", "người", ",", "2015", "."]
        );
    }

    /// Every character the two-byte reading calls a letter is one, of that width.
    #[test]
    fn common_letters_are_letters() {
        let mut known = 0;
        for (c, bytes) in crate::test_texts::non_ascii_chars() {
            if let Some(width) = common_letter_width(&bytes, 0) {
                assert!(c.is_alphabetic() && width == c.len_utf8(), "{c:?}");
                known += 1;
            }
        }
        assert_eq!(known, 0x1C0 - 0xC0 - 2 + 0x100);
    }

    /// The tokens by their definition, read char by char with the standard library's classes.
    fn reference(s: &str) -> Vec<(TokenKind, Range<usize>)> {
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let end_of = |k: usize| chars.get(k).map_or(s.len(), |&(i, _)| i);
        let mut out = Vec::new();
        let mut k = 0;
        while let Some(&(start, c)) = chars.get(k) {
            let mut next = k + 1;
            let kind = if c.is_ascii_digit() {
                while chars.get(next).is_some_and(|&(_, d)| {
                    d.is_ascii_digit()
                        || matches!(d, '.' | ',')
                            && chars.get(next + 1).is_some_and(|e| e.1.is_ascii_digit())
                }) {
                    next += 1;
                }
                TokenKind::Num
            } else if c.is_alphabetic() {
                while chars.get(next).is_some_and(|d| d.1.is_alphabetic()) {
                    next += 1;
                }
                TokenKind::Word
            } else if c.is_whitespace() {
                k = next;
                continue;
            } else {
                TokenKind::Mark
            };
            out.push((kind, start..end_of(next)));
            k = next;
        }
        out
    }

    /// Every character of the blocks of Vietnamese text and their neighbours, and the corpora
    /// and dev set, tokenize as the char-by-char definition does.
    #[test]
    fn byte_reading_agrees_with_the_definition() {
        let blocks = [
            0..0x700u32,
            0x1D00..0x2100,
            0x3000..0x3100,
            0x1F600..0x1F700,
        ];
        let every: String = blocks
            .into_iter()
            .flatten()
            .filter_map(char::from_u32)
            .collect();
        let mut texts = vec![every.clone(), every.chars().rev().collect()];
        texts.extend(crate::test_texts::texts_under(&[
            "tests/corpus/parse",
            "tests/corpus/facts",
            crate::test_texts::DEVSET,
        ]));
        assert!(texts.len() > 30, "{}", texts.len());
        for s in &texts {
            let f = fold(s);
            let toks: Vec<_> = tokenize(s, &f)
                .into_iter()
                .map(|t| (t.kind, t.range))
                .collect();
            assert_eq!(toks, reference(s));
        }
    }

    #[test]
    fn white_space_of_any_kind_separates_tokens() {
        let cases = [
            ("a\u{B}b\tc\r\nd", vec!["a", "b", "c", "d"]),
            ("x\u{A0}y\u{2009}–\u{3000}z", vec!["x", "y", "–", "z"]),
            ("ẩm\u{1F600}5", vec!["ẩm", "\u{1F600}", "5"]),
        ];
        for (s, expected) in cases {
            let f = fold(s);
            let toks: Vec<&str> = tokenize(s, &f).iter().map(|t| t.text).collect();
            assert_eq!(toks, expected, "{s:?}");
        }
    }
}
