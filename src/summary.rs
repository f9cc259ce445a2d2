//! Last stage: the key sentences.
//!
//! Sentences of the lead and body (never captions, boilerplate or the title) are ranked by how
//! much of the report they carry — the event, awards, figures, documents, movements, cluster
//! facts — and the best are given back in text order, each with its span.

use crate::clean::{Article, SegmentKind};
use crate::facts::Facts;
use crate::model::{Sentence, Span};
use crate::text::Text;

/// Sentences shorter than this many words carry too little to summarise.
const MIN_WORDS: usize = 6;
/// Sentences longer than this many words are lists; they rank lower.
const LONG_WORDS: usize = 70;

/// A candidate sentence with its score.
struct Candidate {
    order: usize,
    score: f64,
    sentence: Sentence,
}

/// Up to `count` sentences from the lead and body, in text order.
pub fn key_sentences(text: &Text, article: &Article, facts: &Facts, count: usize) -> Vec<Sentence> {
    let mut candidates: Vec<Candidate> = Vec::new();
    for segment in article
        .segments
        .iter()
        .filter(|s| matches!(s.kind, SegmentKind::Lead | SegmentKind::Body))
    {
        for range in crate::text::sentences(&segment.text) {
            let words = segment.text[range.clone()].split_whitespace().count();
            if words < MIN_WORDS {
                continue;
            }
            let norm = segment.range.start + range.start..segment.range.start + range.end;
            let span = text.span(norm);
            let mut score = substance(facts, span);
            if segment.kind == SegmentKind::Lead {
                score += 1.0;
            }
            if words > LONG_WORDS {
                score *= 0.5;
            }
            candidates.push(Candidate {
                order: candidates.len(),
                score,
                sentence: Sentence {
                    text: crate::clean::collapse_spaces(&segment.text[range]),
                    span,
                },
            });
        }
    }
    candidates.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.order.cmp(&b.order)));
    candidates.truncate(count);
    candidates.sort_by_key(|c| c.order);
    candidates.into_iter().map(|c| c.sentence).collect()
}

/// How much of the report's substance stands inside `span`.
fn substance(facts: &Facts, span: Span) -> f64 {
    let inside = |s: Span| span.start <= s.start && s.end <= span.end;
    let overlaps = |s: Span| s.start < span.end && span.start < s.end;
    let mut score = 0.0;
    if facts.event.span.is_some_and(overlaps) {
        score += 3.0;
    }
    score += 2.0 * facts.awards.iter().filter(|a| overlaps(a.span)).count() as f64;
    score += (facts.figures.iter().filter(|f| inside(f.span)).count() as f64).min(4.0);
    score += facts.documents.iter().filter(|d| inside(d.span)).count() as f64;
    score += facts.movements.iter().filter(|m| inside(m.span)).count() as f64;
    score += 2.0 * facts.clusters.iter().filter(|c| overlaps(c.span)).count() as f64;
    score
}

#[cfg(test)]
mod tests {
    use crate::{extract, Options};

    #[test]
    fn picks_the_sentences_with_facts_in_text_order() {
        let article = "Cụm thi đua số 1 tổng kết năm 2022\n\n\
            Chiều 29/12, tại Can Lộc, Cụm thi đua số 1 tổ chức hội nghị tổng kết công tác thi đua năm 2022. \
            Trời hôm ấy se lạnh và nhiều gió mùa đông bắc thổi về. \
            Thu ngân sách đạt 618 tỷ đồng, tăng 28,19% so với cùng kỳ năm trước.";
        let options = Options {
            summary_sentences: 2,
            ..Options::default()
        };
        let summary = extract(article, &options).unwrap();
        let texts: Vec<&str> = summary.summary.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts.len(), 2);
        assert!(texts[0].starts_with("Chiều 29/12"));
        assert!(texts[1].starts_with("Thu ngân sách"));
    }
}
