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
    event_date(text, article, reference, &mut facts.event);
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

/// The event day: the first day and month written in the lead or body (the headline if they
/// have none), its year inferred by
/// [`parse::infer_year`] from the publication date and the years the article names. A
/// publication stamp ([`parse::is_stamp`]) is no event day, but gives the publication date
/// when none is known; spans of years ("28/8/1945-28/8/2015") are anniversaries, and days
/// far from the publication date ([`parse::plausible_event_day`]) history or plans.
fn event_date(text: &Text, article: &Article, reference: Option<Date>, event: &mut Event) {
    let mut reference = reference;
    let title_last = |kind: SegmentKind| usize::from(kind == SegmentKind::Title);
    let mut segments: Vec<_> = article
        .segments
        .iter()
        .filter(|s| s.kind != SegmentKind::Caption)
        .collect();
    segments.sort_by_key(|s| title_last(s.kind));
    for segment in segments {
        let values = parse::scan(&segment.text, reference);
        for (k, value) in values.iter().enumerate() {
            let Some(written) = value.date.filter(|d| d.day.is_some() && d.month.is_some()) else {
                continue;
            };
            if parse::is_stamp(&segment.text, &values, k) {
                // A stamp carries its own year: `with_year` keeps it.
                reference = reference.or_else(|| written.with_year(0));
                continue;
            }
            if value
                .until
                .is_some_and(|u| u.year.is_some() && u.year != written.year)
            {
                continue;
            }
            let hints = parse::YearHints::from_text(&text.norm, reference);
            let day = parse::infer_year(written, &hints);
            let far =
                matches!((day, reference), (Some(d), Some(r)) if !parse::plausible_event_day(d, r));
            if far {
                continue;
            }
            event.date = day.map(|d| d.to_string());
            event.date_text = Some(segment.text[value.range.clone()].to_string());
            event.part_of_day = written.part_of_day.map(str::to_string);
            return;
        }
    }
}
