//! Lexicons of the clean stage that are asked what a line opens with: such a question walks
//! the lexicon's trie from the line's first byte only.

use crate::lexicon::{Hit, Lexicon};

/// A lexicon, searchable from the start of a text alone.
#[derive(Debug)]
pub struct Phrases {
    /// The lexicon.
    pub lex: Lexicon,
}

impl Phrases {
    /// Compiles the entries of a data file (see [`Lexicon::from_data`]).
    pub fn from_data(data: &'static str) -> Phrases {
        Phrases {
            lex: Lexicon::from_data(data),
        }
    }

    /// The first hit of `lex.find_words(folded)` when it starts the text: the longest key
    /// matching at 0, when it ends on a word boundary ([`Lexicon::word_at_start`]).
    pub fn opening(&self, folded: &str) -> Option<Hit> {
        self.lex.word_at_start(folded)
    }

    /// True when the folded text ends with a key (a hit may end there: a cheap test before
    /// a search for hits that must end where something follows).
    pub fn may_end_a_hit(&self, folded: &str) -> bool {
        self.lex.keys().iter().any(|k| folded.ends_with(k))
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
        for line in &crate::test_texts::folded_lines(&["tin, ảnh: x", "ảnh"]) {
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
