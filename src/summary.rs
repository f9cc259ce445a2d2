//! Last stage: the key sentences.

use crate::clean::{Article, SegmentKind};
use crate::facts::Facts;
use crate::model::Sentence;
use crate::text::Text;

/// Up to `count` sentences from the lead and body, in text order.
pub fn key_sentences(text: &Text, article: &Article, facts: &Facts, count: usize) -> Vec<Sentence> {
    let _ = facts;
    article
        .segments
        .iter()
        .filter(|s| matches!(s.kind, SegmentKind::Lead | SegmentKind::Body))
        .take(count)
        .map(|s| Sentence {
            text: crate::clean::collapse_spaces(&s.text),
            span: text.span(s.range.clone()),
        })
        .collect()
}
