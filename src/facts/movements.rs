//! Named emulation movements, campaigns and yearly themes: the quoted name after "phong trào",
//! "cuộc vận động", "chủ đề" (“ ”, « », " ", ' ', or a mismatched “..."), the quoted names listed
//! after it, and the quoted names after "như:" in a clause about movements.
//!
//! Other quoted phrases are not movements: ratings (“Hoàn thành tốt nhiệm vụ”), titles,
//! mottos after "tinh thần", models after "mô hình", book titles, speech.

use super::Passage;
use crate::model::Movement;
use crate::text::Text;
use std::collections::HashSet;
use std::ops::Range;

/// Words that introduce a movement name, folded, longest first, with the kind reported.
const TRIGGERS: [(&str, &str); 4] = [
    ("cuộc vận động", "cuộc vận động"),
    ("phong trào", "phong trào"),
    ("chủ đề", "chủ đề"),
    ("đợt thi đua", "phong trào"),
];

/// How many words may stand between the trigger and the opening quote
/// ("phong trào thi đua yêu nước “...”", "chủ đề xuyên suốt '...'"); a year ("năm 2024") is
/// not counted.
const MAX_WORDS_BETWEEN: usize = 3;

/// How far before a quote its trigger is looked for, in bytes (keeps the reading linear).
const LOOK_BACK_BYTES: usize = 400;

/// A quoted phrase: the range of the quotes and of the name inside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quoted {
    /// From the opening to the closing quote, both included.
    pub outer: Range<usize>,
    /// The name inside, trimmed.
    pub inner: Range<usize>,
}

/// The quoted phrases of `s`, in order: “...”, “...", "...", ‘...’ and '...'.
pub fn quoted(s: &str) -> Vec<Quoted> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some((open, c)) = next_opening_quote(s, at) {
        let (body, c) = match doubled_single_quote(s, open) {
            Some(body) => (body, '"'),
            None => (open + c.len_utf8(), c),
        };
        let closers: &[char] = match c {
            '“' => &['”', '"'],
            '‘' => &['’', '\''],
            '«' => &['»'],
            '"' => &['"', '”'],
            _ => &['\'', '’'],
        };
        let close = s[body..]
            .char_indices()
            .take_while(|&(_, ch)| ch != '\n' && !matches!(ch, '“' | '‘' | '«'))
            .find(|&(i, ch)| closers.contains(&ch) && closes_here(s, body + i, ch))
            .map(|(i, ch)| (body + i, ch.len_utf8()));
        match close {
            Some((end, width)) if end > body => {
                let inner = super::trim_range(s, body..end, &[]);
                if !inner.is_empty() {
                    out.push(Quoted {
                        outer: open..end + width,
                        inner,
                    });
                }
                at = end + width;
            }
            _ => at = body,
        }
    }
    out
}

/// The first quote of `s` at or after byte `at` that opens a phrase, with its character.
fn next_opening_quote(s: &str, mut at: usize) -> Option<(usize, char)> {
    loop {
        // '"' and '\'' are ASCII; the UTF-8 of “ and ‘ starts with 0xE2, that of « with 0xC2.
        let i = at
            + crate::text::find_byte(&s.as_bytes()[at..], |b| {
                matches!(b, b'"' | b'\'' | 0xC2 | 0xE2)
            })?;
        let c = s[i..].chars().next()?;
        if matches!(c, '“' | '‘' | '«') || (matches!(c, '"' | '\'') && opens_here(s, i)) {
            return Some((i, c));
        }
        at = i + c.len_utf8();
    }
}

/// Where the text of a quote opened by two single quotes ("''" or "' '", typed for a double
/// quote) starts, when `at` opens one.
fn doubled_single_quote(s: &str, at: usize) -> Option<usize> {
    let rest = &s[at..];
    ["''", "' '"]
        .iter()
        .find(|q| rest.starts_with(*q))
        .map(|q| at + q.len())
}

/// A straight quote opens a phrase at the start or after a space or bracket.
fn opens_here(s: &str, at: usize) -> bool {
    s[..at]
        .chars()
        .next_back()
        .map_or(true, |c| c.is_whitespace() || "([:".contains(c))
}

/// A straight single quote closes only before a non-letter (not an apostrophe in a word).
fn closes_here(s: &str, at: usize, c: char) -> bool {
    c != '\''
        || s[at + 1..]
            .chars()
            .next()
            .map_or(true, |n| !crate::text::letters::is_letter_or_digit(n))
}

/// The movements named in `s` (with `fold` its folded key): ranges of the names and kinds.
pub fn names(s: &str, fold: &str) -> Vec<(Range<usize>, &'static str)> {
    let mut out: Vec<(Range<usize>, &'static str)> = Vec::new();
    // Every name is quoted and follows a trigger (or a name that follows one). The triggers
    // are looked for with `str::contains`: over a whole passage its substring searcher costs
    // less than a scan for their first bytes, "c" and "p", which many words start with.
    if next_opening_quote(s, 0).is_none() || !TRIGGERS.iter().any(|(t, _)| fold.contains(t)) {
        return out;
    }
    let mut previous_end: Option<(usize, &'static str)> = None;
    for q in quoted(s) {
        let kind = introduced_by(fold, q.outer.start).or_else(|| {
            previous_end
                .and_then(|(end, kind)| continues_list(fold, end, q.outer.start).then_some(kind))
        });
        match kind {
            Some(kind) => {
                out.push((q.inner.clone(), kind));
                previous_end = Some((q.outer.end, kind));
            }
            None => previous_end = None,
        }
    }
    out
}

/// The kind of the trigger standing just before byte `open`, if any.
fn introduced_by(fold: &str, open: usize) -> Option<&'static str> {
    let window = super::window_start(fold, open, LOOK_BACK_BYTES);
    let clause_start = super::rfind_mark(&fold[window..open], |b| {
        matches!(b, b'.' | b';' | b'!' | b'?')
    })
    .map_or(window, |i| window + i + 1);
    let clause = &fold[clause_start..open];
    let (at, kind, len) = TRIGGERS
        .iter()
        .filter_map(|(t, k)| last_word(clause, t).map(|i| (i, *k, t.len())))
        .max_by_key(|&(i, _, _)| i)?;
    let between = clause[at + len..].trim_end();
    if between.ends_with("như:") || between.ends_with(" như") || between.ends_with("là:") {
        return Some(kind);
    }
    let count = super::words(between)
        .filter(|w| *w != "năm" && !w.bytes().all(|b| b.is_ascii_digit()))
        .count();
    (count <= MAX_WORDS_BETWEEN && !between.contains([',', ':', '(', ')'])).then_some(kind)
}

/// The byte offset of the last whole-word occurrence of `word` in `s`.
fn last_word(s: &str, word: &str) -> Option<usize> {
    super::literal_rmatches(s, word).find(|&i| {
        crate::lexicon::is_word_boundary(s, i)
            && crate::lexicon::is_word_boundary(s, i + word.len())
    })
}

/// True when only list separators (and maybe a trigger) stand between a movement's closing
/// quote and the next opening quote: “A”, “B”, Phong trào “C”.
fn continues_list(fold: &str, previous_end: usize, open: usize) -> bool {
    let between = fold[previous_end..open].trim();
    let rest = between
        .trim_start_matches([',', ';'])
        .trim_start()
        .trim_start_matches("và")
        .trim();
    between.len() < 40
        && (rest.is_empty() || TRIGGERS.iter().any(|(t, _)| rest.starts_with(t)))
        && !between.contains('.')
}

/// The movements of the article, each once, in text order.
pub fn find(text: &Text, passages: &[Passage]) -> Vec<Movement> {
    let mut out: Vec<Movement> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for passage in passages {
        for (range, kind) in names(passage.text, &passage.fold) {
            let key = crate::clean::collapse_spaces(&passage.fold[range.clone()]);
            if !seen.insert(key) {
                continue;
            }
            out.push(Movement {
                name: passage.text[range.clone()].to_string(),
                kind: kind.to_string(),
                span: passage.span(text, range),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_open_at_curly_marks_and_after_spaces() {
        let cases = [
            ("a “b” c", Some((2, '“'))),
            ("it's \"x\"", Some((5, '"'))),
            ("x «y»", Some((2, '«'))),
            ("– ‘z’", Some((4, '‘'))),
            ("(\u{A0}'y'", Some((3, '\''))),
            ("không có", None),
        ];
        for (s, expected) in cases {
            assert_eq!(next_opening_quote(s, 0), expected, "{s}");
        }
    }
}
