//! Fourth stage: people and their titles, organisations, places, abbreviations.

use crate::clean::Article;
use crate::model::{Abbreviation, Entity, Person};
use crate::text::Text;
use std::ops::Range;

/// A person found in the article, with ranges in `Text::norm`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FoundPerson {
    /// Full name.
    pub name: String,
    /// Titles, in text order.
    pub roles: Vec<String>,
    /// Where the person is named.
    pub mentions: Vec<Range<usize>>,
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
    let _ = (text, article);
    Entities::default()
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
