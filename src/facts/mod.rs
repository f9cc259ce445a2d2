//! Fifth stage: the facts of a thi đua report — event, figures, awards, documents,
//! movements, cluster facts.

use crate::clean::{Article, SegmentKind};
use crate::date::Date;
use crate::entities::Entities;
use crate::model::{Award, ClusterFact, DocumentRef, Event, Figure, Movement, Warning};
use crate::parse::{self, ValueKind};
use crate::text::Text;

/// Everything the facts stage found, ready for the output.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// The event.
    pub event: Event,
    /// Figures.
    pub figures: Vec<Figure>,
    /// Awards.
    pub awards: Vec<Award>,
    /// Documents.
    pub documents: Vec<DocumentRef>,
    /// Movements.
    pub movements: Vec<Movement>,
    /// Cluster facts.
    pub clusters: Vec<ClusterFact>,
    /// Warnings about the facts.
    pub warnings: Vec<Warning>,
}

/// Reads the facts of the article's segments.
pub fn extract(
    text: &Text,
    article: &Article,
    entities: &Entities,
    reference: Option<Date>,
) -> Facts {
    let _ = entities;
    let mut facts = Facts::default();
    for segment in &article.segments {
        if segment.kind == SegmentKind::Title {
            continue;
        }
        for value in parse::scan(&segment.text, reference) {
            let kind = match value.kind {
                ValueKind::Money => "money",
                ValueKind::Percent => "percent",
                ValueKind::Ratio => "ratio",
                ValueKind::Count => "count",
                ValueKind::Quantity => "quantity",
                _ => continue,
            };
            let range =
                segment.range.start + value.range.start..segment.range.start + value.range.end;
            facts.figures.push(Figure {
                kind: kind.to_string(),
                value: value.value,
                unit: value.unit.clone(),
                per: value.per.clone(),
                approx: value.approx.map(|a| a.as_str().to_string()),
                upper: value.upper,
                numerator: value.numerator,
                denominator: value.denominator,
                noun: value.noun.clone(),
                text: segment.text[value.range.clone()].to_string(),
                span: text.span(range),
                ..Figure::default()
            });
        }
    }
    facts
}
