//! Lexicons of the clean stage that are asked what a line opens with: such a question walks
//! the lexicon's trie from the line's first byte only.

use crate::lexicon::{is_word_boundary, Hit, Lexicon, LexiconSet};
use crate::text::fold;

/// A lexicon, searchable from the start of a text alone.
#[derive(Debug)]
pub struct Phrases {
    /// The lexicon.
    pub lex: Lexicon,
    /// Its keys, for searches from chosen positions.
    starts: LexiconSet<1>,
    /// The folded keys.
    keys: Vec<String>,
}

impl Phrases {
    /// Compiles the entries of a data file (see [`Lexicon::from_data`]).
    pub fn from_data(data: &'static str) -> Phrases {
        let lex = Lexicon::from_data(data);
        Phrases {
            starts: LexiconSet::new([&lex]),
            keys: (0..lex.len()).map(|i| fold(lex.fields(i)[0])).collect(),
            lex,
        }
    }

    /// The first hit of `lex.find_words(folded)` when it starts the text: the longest key
    /// matching at 0, when it ends on a word boundary (a search from 0 alone).
    pub fn opening(&self, folded: &str) -> Option<Hit> {
        let [hits] = self.starts.find_starting_at(folded, [0]);
        let hit = hits.into_iter().next()?;
        is_word_boundary(folded, hit.range.end).then_some(hit)
    }

    /// True when the folded text ends with a key (a hit may end there: a cheap test before
    /// a search for hits that must end where something follows).
    pub fn may_end_a_hit(&self, folded: &str) -> bool {
        self.keys.iter().any(|k| folded.ends_with(k.as_str()))
    }

    /// The second field of entry `i` (its mode or role), "" when it has none.
    pub fn kind(&self, i: usize) -> &'static str {
        self.lex.fields(i).get(1).copied().unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Phrases::opening`] finds what the first hit of a search of the whole text is, when it
    /// starts the text, for every lexicon of the stage, on every line (and the tails of each
    /// line from its first words) of the corpora and the dev set.
    #[test]
    fn opening_is_the_first_hit_when_it_starts_the_text() {
        let lexicons = [
            include_str!("../../data/chrome.txt"),
            include_str!("../../data/chrome_closing.txt"),
            include_str!("../../data/chrome_byline.txt"),
            include_str!("../../data/chrome_caption.txt"),
        ]
        .map(Phrases::from_data);
        let mut texts = vec!["tin, ảnh: x".to_string(), "ảnh".to_string(), String::new()];
        texts.extend(crate::test_texts::texts_under(&[
            "tests/corpus",
            crate::test_texts::DEVSET,
        ]));
        for text in &texts {
            let folded = crate::text::fold(text);
            for line in folded.lines() {
                let starts = line
                    .char_indices()
                    .filter(|&(i, _)| i == 0 || line[..i].ends_with(' '))
                    .take(12);
                for (i, _) in starts {
                    let line = &line[i..];
                    for phrases in &lexicons {
                        let first = phrases.lex.find_words(line).next();
                        let expected = first.filter(|h| h.range.start == 0);
                        assert_eq!(phrases.opening(line), expected, "{line:?}");
                    }
                }
            }
        }
    }
}
