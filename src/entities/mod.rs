//! Fourth stage: people and their titles, organisations, places, abbreviations.
//!
//! Every segment of the article (title, lead, body, captions; never boilerplate) is cut into
//! words once ([`tokens`]) and matched against the stage's lexicons once ([`context`]); then
//! [`people`] finds names and their titles ([`titles`]), [`orgs`] organisations and cluster
//! members, [`places`] administrative units, [`abbreviations`] abbreviations. All matching is
//! on the folded key, so "Tỉnh uỷ" = "Tỉnh ủy" and "Hương sơn" = "Hương Sơn".
//!
//! For the facts stage: [`FoundPerson::roles`] are in text order, ranks first when written
//! first ("Thiếu tướng", "Giám đốc Công an tỉnh"); [`FoundPerson::mentions`] holds every place
//! the person is named or referred to ("ông Phong", "đồng chí Chủ tịch UBND huyện"), in `norm`
//! byte ranges, so a sentence's chair or award recipient can be matched by range.

mod abbreviations;
mod context;
mod lexicons;
mod orgs;
mod people;
mod places;
mod titles;
mod tokens;

use crate::clean::{Article, Segment};
use crate::lexicon::BuildKeyHasher;
use crate::model::{Abbreviation, Entity, Person};
use crate::text::letters::is_letter_or_digit;
use crate::text::{fold, Text};
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

/// A map from comparison keys (folded names and titles, from our own text) with a fast hash.
type KeyMap<V> = HashMap<String, V, BuildKeyHasher>;

/// A person found in the article, with ranges in `Text::norm`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FoundPerson {
    /// Full name.
    pub name: String,
    /// Titles, in text order; a title that another one extends is kept once, the longer
    /// ("Chủ tịch Hội đồng" then "Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh").
    pub roles: Vec<String>,
    /// Where the person is named or referred to ("ông Phong", "đồng chí Chủ tịch UBND
    /// huyện"), in text order.
    pub mentions: Vec<Range<usize>>,
    /// Where every title phrase given to the person stands (one range per phrase as written,
    /// repeats included), for finding the person in a sentence by title.
    pub role_ranges: Vec<Range<usize>>,
}

/// An organisation or place found in the article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FoundEntity {
    /// Name as first written.
    pub name: String,
    /// Kind (see [`crate::model::Entity::kind`]).
    pub kind: String,
    /// Listed members, for a cluster.
    pub members: Vec<String>,
    /// Where it is named.
    pub mentions: Vec<Range<usize>>,
    /// Comparison key: the name folded (for a place, without its unit-kind word, plus the kind).
    pub key: String,
}

/// An abbreviation found in the article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FoundAbbreviation {
    /// As written.
    pub short: String,
    /// Expansion.
    pub long: String,
    /// Where it is written.
    pub mentions: Vec<Range<usize>>,
}

/// Everything the entities stage found.
#[derive(Debug, Clone, Default)]
pub struct Entities {
    /// People.
    pub people: Vec<FoundPerson>,
    /// Organisations.
    pub organizations: Vec<FoundEntity>,
    /// Places.
    pub places: Vec<FoundEntity>,
    /// Abbreviations.
    pub abbreviations: Vec<FoundAbbreviation>,
}

/// Finds the entities of the article's segments.
pub fn extract(text: &Text, article: &Article) -> Entities {
    let contexts: Vec<context::Context> = article
        .segments
        .iter()
        .map(|s| context::Context::new(&s.text, segment_fold(text, s), s.range.start))
        .collect();
    let authors: Vec<String> = article.authors.iter().map(|a| a.name.clone()).collect();
    let (people, name_words) = people::find(&contexts, &authors);
    Entities {
        people,
        organizations: orgs::find(&contexts, &name_words),
        places: places::find(&contexts, &name_words),
        abbreviations: abbreviations::find(&contexts),
    }
}

/// The folded key of `segment`: `text.fold` over its range, line breaks read as spaces (as in
/// the segment's text). Folding moves tones only within letter pairs, so the slice is the fold
/// of the segment unless a letter pair straddles one of its edges; then it is folded anew.
/// A segment whose text is its range of `norm` has no line break: its key is borrowed.
fn segment_fold<'a>(text: &'a Text, segment: &Segment) -> Cow<'a, str> {
    let range = segment.range.clone();
    let letter_at = |at: Option<char>| at.is_some_and(is_letter_or_digit);
    let straddles = letter_at(text.norm[..range.start].chars().next_back())
        || letter_at(text.norm[range.end..].chars().next());
    if straddles {
        fold(&segment.text).into()
    } else if segment.text == text.norm[range.clone()] {
        Cow::Borrowed(&text.fold[range])
    } else {
        crate::clean::spaced(&text.fold[range]).into()
    }
}

impl Entities {
    /// People for the output.
    pub fn people_output(&self, text: &Text) -> Vec<Person> {
        self.people
            .iter()
            .map(|p| Person {
                name: p.name.clone(),
                roles: p.roles.clone(),
                mentions: spans(text, &p.mentions),
            })
            .collect()
    }

    /// Organisations for the output.
    pub fn organizations_output(&self, text: &Text) -> Vec<Entity> {
        entities_output(text, &self.organizations)
    }

    /// Places for the output.
    pub fn places_output(&self, text: &Text) -> Vec<Entity> {
        entities_output(text, &self.places)
    }

    /// Abbreviations for the output.
    pub fn abbreviations_output(&self, text: &Text) -> Vec<Abbreviation> {
        self.abbreviations
            .iter()
            .map(|a| Abbreviation {
                short: a.short.clone(),
                long: a.long.clone(),
                mentions: spans(text, &a.mentions),
            })
            .collect()
    }
}

fn entities_output(text: &Text, found: &[FoundEntity]) -> Vec<Entity> {
    found
        .iter()
        .map(|e| Entity {
            name: e.name.clone(),
            kind: e.kind.clone(),
            members: e.members.clone(),
            mentions: spans(text, &e.mentions),
        })
        .collect()
}

fn spans(text: &Text, ranges: &[Range<usize>]) -> Vec<crate::model::Span> {
    ranges.iter().map(|r| text.span(r.clone())).collect()
}

/// The texts of every file under `tests/corpus`, for tests that check a fast path against its
/// definition on real articles.
#[cfg(test)]
fn corpus_texts() -> Vec<String> {
    crate::test_texts::texts_under(&["tests/corpus"])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::collapse_spaces;

    /// A segment's key is the fold of its text, and the keys read off it (people,
    /// organisations and places compare by them) are the folds of the phrases, on every
    /// segment and every phrase of up to eight words of the corpus.
    #[test]
    fn folded_phrases_of_the_corpus_are_folds_of_phrases() {
        let mut phrases = 0;
        for input in corpus_texts() {
            let text = Text::new(&input);
            for s in &crate::clean::clean(&text).segments {
                assert_eq!(segment_fold(&text, s), fold(&s.text));
                let words = tokens::Words::new(&s.text, segment_fold(&text, s), s.range.start);
                for i in 0..words.len() {
                    for end in i + 1..words.len().min(i + 8) + 1 {
                        let key = fold(&collapse_spaces(&words.phrase(i..end)));
                        assert_eq!(words.folded_phrase(i..end), key);
                        phrases += 1;
                    }
                }
            }
        }
        assert!(phrases > 10_000, "{phrases}");
    }
}
