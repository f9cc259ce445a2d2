//! Lexicons: data files under `data/`, compiled in, matched on the folded key.
//!
//! A data file is plain text, one entry a line; `#` starts a comment line; an entry may carry
//! tab-separated fields after it. [`Lexicon`] builds one leftmost-longest `aho-corasick`
//! automaton over the folded entries, once per process (keep it in a `OnceLock`), and reports
//! only matches that start and end on word boundaries.

use crate::text::fold;
use crate::text::letters::is_letter_or_digit;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;
use std::ops::Range;

/// A compiled word list.
#[derive(Debug)]
pub struct Lexicon {
    automaton: AhoCorasick,
    /// Folded key → first entry with that key, for [`Lexicon::lookup`].
    exact: HashMap<String, usize>,
    /// Fields of each entry (the entry itself is field 0), in pattern order.
    entries: Vec<Vec<&'static str>>,
}

/// One match of a lexicon entry in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the entry in the data file's order (comments skipped).
    pub entry: usize,
    /// Byte range in the searched text.
    pub range: Range<usize>,
}

impl Lexicon {
    /// Compiles the entries of a data file (see the module docs for the format).
    pub fn from_data(data: &'static str) -> Lexicon {
        let entries: Vec<Vec<&'static str>> = data_lines(data)
            .map(|line| line.split('\t').map(str::trim).collect())
            .collect();
        let keys: Vec<String> = entries.iter().map(|e| fold(e[0])).collect();
        Lexicon::build(keys, entries)
    }

    /// Compiles a list of words.
    pub fn from_words(words: &[&'static str]) -> Lexicon {
        let entries: Vec<Vec<&'static str>> = words.iter().map(|w| vec![*w]).collect();
        let keys = words.iter().map(|w| fold(w)).collect();
        Lexicon::build(keys, entries)
    }

    fn build(keys: Vec<String>, entries: Vec<Vec<&'static str>>) -> Lexicon {
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&keys)
            .expect("lexicon entries compile");
        let mut exact = HashMap::with_capacity(keys.len());
        for (i, key) in keys.into_iter().enumerate() {
            exact.entry(key).or_insert(i);
        }
        Lexicon {
            automaton,
            exact,
            entries,
        }
    }

    /// The fields of entry `i` (field 0 is the entry as written in the data file).
    pub fn fields(&self, i: usize) -> &[&'static str] {
        &self.entries[i]
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the lexicon has no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whole-word matches in `folded` (a folded key, see [`crate::text::fold`]).
    pub fn find_words<'a>(&'a self, folded: &'a str) -> impl Iterator<Item = Hit> + 'a {
        self.automaton
            .find_iter(folded)
            .filter(move |m| {
                is_word_boundary(folded, m.start()) && is_word_boundary(folded, m.end())
            })
            .map(|m| Hit {
                entry: m.pattern().as_usize(),
                range: m.range(),
            })
    }

    /// The entry that `folded` is exactly, if any.
    pub fn lookup(&self, folded: &str) -> Option<usize> {
        self.exact.get(folded).copied()
    }
}

/// The entry lines of a data file: trimmed, non-empty, comments skipped.
pub fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// True when byte offset `at` of `s` is not inside a word (letters and digits).
pub fn is_word_boundary(s: &str, at: usize) -> bool {
    let before = s[..at].chars().next_back();
    let after = s[at..].chars().next();
    !(before.is_some_and(is_letter_or_digit) && after.is_some_and(is_letter_or_digit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_whole_words_on_the_folded_key() {
        let lex = Lexicon::from_words(&["Tỉnh ủy", "UBND"]);
        let text = fold("Ban Thường vụ Tỉnh uỷ và UBNDX, UBND tỉnh");
        let hits: Vec<&str> = lex.find_words(&text).map(|h| &text[h.range]).collect();
        assert_eq!(hits, [fold("tỉnh ủy").as_str(), "ubnd"]);
    }
}
