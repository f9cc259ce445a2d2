//! One segment read once: its words and where every lexicon of the stage hits them.

use super::lexicons;
use super::tokens::{Case, Gap, WordHit, Words};
use std::ops::Range;

/// A segment with the lexicon hits that the people, organisation and place finders share.
#[derive(Debug)]
pub struct Context<'a> {
    /// The words.
    pub words: Words<'a>,
    /// Titles, ranks and memberships.
    pub titles: Vec<WordHit>,
    /// Organisations and organisation heads.
    pub bodies: Vec<WordHit>,
    /// Unit-kind words ("huyện", "TP").
    pub place_kinds: Vec<WordHit>,
    /// Names of administrative units.
    pub places: Vec<WordHit>,
    /// Honorifics.
    pub honorifics: Vec<WordHit>,
    /// `covered[i]`: word `i` lies in a title, body, unit-kind or unit-name hit.
    covered: Vec<bool>,
    /// `inner_gap[i]`: gap `i` (before word `i`) lies inside a title or body hit.
    inner_gap: Vec<bool>,
}

/// Words that may stand inside a title phrase without being capitalised or in a lexicon.
const GLUE: [&str; 9] = [
    "số",
    "thứ",
    "nhất",
    "hai",
    "ba",
    "thường",
    "trực",
    "phụ",
    "trách",
];

impl<'a> Context<'a> {
    /// Reads a segment (`text` starting at `base` in `norm`).
    pub fn new(text: &'a str, base: usize) -> Context<'a> {
        let words = Words::new(text, base);
        let titles = words.hits(lexicons::titles());
        let bodies = words.hits(lexicons::bodies());
        let place_kinds = words.hits(lexicons::place_kinds());
        let places = words.hits(&lexicons::gazetteer().names);
        let honorifics: Vec<WordHit> = words
            .hits(lexicons::honorifics())
            .into_iter()
            .filter(|h| {
                let i = h.words.start;
                words.case(i) == Some(Case::Lower) || words.gaps[i] != Gap::Space
            })
            .collect();
        let mut covered = vec![false; words.len()];
        let mut inner_gap = vec![false; words.len() + 1];
        for hit in titles
            .iter()
            .chain(&bodies)
            .chain(&place_kinds)
            .chain(&places)
        {
            for i in hit.words.clone() {
                covered[i] = true;
            }
        }
        for hit in titles.iter().chain(&bodies) {
            for i in hit.words.start + 1..hit.words.end {
                inner_gap[i] = true;
            }
        }
        Context {
            words,
            titles,
            bodies,
            place_kinds,
            places,
            honorifics,
            covered,
            inner_gap,
        }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// The gap before word `i`, reading a gap inside a lexicon entry as a space.
    pub fn gap(&self, i: usize) -> Gap {
        if self.inner_gap.get(i).copied().unwrap_or(false) {
            Gap::Space
        } else {
            self.words.gaps.get(i).copied().unwrap_or(Gap::Stop)
        }
    }

    /// The title hit starting at word `i`.
    pub fn title_at(&self, i: usize) -> Option<&WordHit> {
        self.titles.iter().find(|h| h.words.start == i)
    }

    /// The first title hit starting inside `words`.
    pub fn first_title_in(&self, words: Range<usize>) -> Option<&WordHit> {
        self.titles.iter().find(|h| words.contains(&h.words.start))
    }

    /// The hit of `hits` ending just before word `i`.
    pub fn hit_ending_at(hits: &[WordHit], i: usize) -> Option<&WordHit> {
        hits.iter().find(|h| h.words.end == i)
    }

    /// True when word `i` ends an honorific ("ông", "đồng chí") written just before word `i + 1`.
    pub fn honorific_before(&self, i: usize) -> bool {
        self.gap(i) == Gap::Space && Self::hit_ending_at(&self.honorifics, i).is_some()
    }

    /// True when word `i` lies in a title, body, unit-kind or unit-name hit.
    pub fn in_lexicon(&self, i: usize) -> bool {
        self.covered.get(i).copied().unwrap_or(false)
    }

    /// True when every word of `words` lies in a title, body, unit-kind, unit-name or honorific
    /// hit that stays inside `words`.
    pub fn covered_within(&self, words: Range<usize>) -> bool {
        words.clone().all(|i| {
            self.titles
                .iter()
                .chain(&self.bodies)
                .chain(&self.place_kinds)
                .chain(&self.places)
                .chain(&self.honorifics)
                .any(|h| {
                    h.words.contains(&i) && h.words.start >= words.start && h.words.end <= words.end
                })
        })
    }

    /// True when word `i` can stand inside a title phrase: in a lexicon, capitalised, an
    /// acronym, glue ("số", "thứ nhất", "và" before a capital) or a number after "số".
    pub fn role_word(&self, i: usize) -> bool {
        let Some(case) = self.words.case(i) else {
            return false;
        };
        if self.covered[i] || matches!(case, Case::Title | Case::Caps | Case::Acronym) {
            return true;
        }
        let word = self.words.folded(i);
        match case {
            Case::Number => i > 0 && self.words.folded(i - 1) == "số",
            _ if word == "và" => {
                self.gap(i + 1) == Gap::Space
                    && matches!(
                        self.words.case(i + 1),
                        Some(Case::Title | Case::Caps | Case::Acronym)
                    )
            }
            _ => GLUE.contains(&word),
        }
    }

    /// True when word `i` may end a title phrase (glue may not).
    pub fn ends_role(&self, i: usize) -> bool {
        let word = self.words.folded(i);
        self.covered[i] || !(GLUE.contains(&word) || word == "và")
    }
}
