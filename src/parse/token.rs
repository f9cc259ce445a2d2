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
    // About one token for every five bytes of Vietnamese text.
    let mut out = Vec::with_capacity(s.len() / 4);
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
        start = end;
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
        match s[at..].chars().next() {
            Some(c) if is_letter(c) => at += c.len_utf8(),
            _ => break,
        }
    }
    at
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
