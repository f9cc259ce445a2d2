//! Last stage: the key sentences.
//!
//! Sentences of the lead and body (never captions, boilerplate or the title) are ranked by how
//! much of the report they carry — the event, awards, figures, documents, movements, cluster
//! facts — and the best are given back in text order, each with its span.

use crate::clean::{Article, SegmentKind};
use crate::facts::Facts;
use crate::model::{Sentence, Span};
use crate::text::Text;
use std::ops::ControlFlow;

/// Sentences shorter than this many words carry too little to summarise.
const MIN_WORDS: usize = 6;
/// Sentences longer than this many words are lists; they rank lower.
const LONG_WORDS: usize = 70;

/// A candidate sentence with its score.
struct Candidate<'a> {
    order: usize,
    score: f64,
    /// The sentence as written in its segment.
    text: &'a str,
    span: Span,
}

/// Up to `count` sentences from the lead and body, in text order. `facts` are those
/// [`crate::facts::extract`] read from `article`.
pub fn key_sentences(text: &Text, article: &Article, facts: &Facts, count: usize) -> Vec<Sentence> {
    let starts = FactStarts::of(facts);
    let read = || {
        article
            .segments
            .iter()
            .zip(&facts.sentences)
            .filter(|(s, _)| matches!(s.kind, SegmentKind::Lead | SegmentKind::Body))
    };
    // Sized for every sentence at once rather than grown as they are read.
    let most = read().map(|(_, sentences)| sentences.len()).sum();
    let mut candidates: Vec<Candidate> = Vec::with_capacity(most);
    for (segment, sentences) in read() {
        for range in sentences {
            let sentence = &segment.text[range.clone()];
            let length = length_of(sentence);
            if length == Length::Short {
                continue;
            }
            let norm = segment.range.start + range.start..segment.range.start + range.end;
            let span = text.span(norm);
            let mut score = starts.substance(span);
            if segment.kind == SegmentKind::Lead {
                score += 1.0;
            }
            if length == Length::Long {
                score *= 0.5;
            }
            candidates.push(Candidate {
                order: candidates.len(),
                score,
                text: sentence,
                span,
            });
        }
    }
    candidates.sort_unstable_by(|a, b| b.score.total_cmp(&a.score).then(a.order.cmp(&b.order)));
    candidates.truncate(count);
    candidates.sort_unstable_by_key(|c| c.order);
    candidates
        .into_iter()
        .map(|c| Sentence {
            text: crate::clean::collapse_spaces(c.text),
            span: c.span,
        })
        .collect()
}

/// How long a sentence is, in words split on white space.
#[derive(Debug, PartialEq, Eq)]
enum Length {
    /// Fewer than [`MIN_WORDS`].
    Short,
    /// Between the two.
    Normal,
    /// More than [`LONG_WORDS`].
    Long,
}

/// The [`Length`] of `sentence`.
fn length_of(sentence: &str) -> Length {
    match word_count(sentence) {
        n if n < MIN_WORDS => Length::Short,
        n if n > LONG_WORDS => Length::Long,
        _ => Length::Normal,
    }
}

/// The number of words of `s` split on white space, as `split_whitespace` counts them: the
/// starts of words after ASCII white space counted 32 bytes at a time
/// ([`crate::text::each_window`]), unless there is other white space.
fn word_count(s: &str) -> usize {
    use crate::text::{is_ascii_space as is_space, is_other_white_space as other_space};
    let bytes = s.as_bytes();
    let first = usize::from(bytes.first().is_some_and(|&b| !is_space(b)));
    let mut starts = first;
    let other = crate::text::each_window(bytes, b' ', |_, w| {
        let other = (0..32).fold(false, |any, i| any | other_space(w[i], w[i + 1], w[i + 2]));
        if other {
            return ControlFlow::Break(());
        }
        let count = (0..32).fold(0u8, |n, i| {
            n + u8::from(is_space(w[i]) & !is_space(w[i + 1]))
        });
        starts += usize::from(count);
        ControlFlow::Continue(())
    });
    match other {
        Some(()) => s.split_whitespace().count(),
        None => starts,
    }
}

/// The starts of the facts' spans, each kind sorted, for counting the facts of a sentence
/// in logarithmic time.
struct FactStarts {
    event: Option<Span>,
    awards: Vec<usize>,
    figures: Vec<usize>,
    documents: Vec<usize>,
    movements: Vec<usize>,
    clusters: Vec<usize>,
}

impl FactStarts {
    fn of(facts: &Facts) -> FactStarts {
        let sorted = |mut v: Vec<usize>| {
            v.sort_unstable();
            v
        };
        FactStarts {
            event: facts.event.span,
            awards: sorted(facts.awards.iter().map(|a| a.span.start).collect()),
            figures: sorted(facts.figures.iter().map(|f| f.span.start).collect()),
            documents: sorted(facts.documents.iter().map(|d| d.span.start).collect()),
            movements: sorted(facts.movements.iter().map(|m| m.span.start).collect()),
            clusters: sorted(facts.clusters.iter().map(|c| c.span.start).collect()),
        }
    }

    /// How much of the report's substance starts inside `span`.
    fn substance(&self, span: Span) -> f64 {
        let count = |starts: &[usize]| {
            (starts.partition_point(|&s| s < span.end)
                - starts.partition_point(|&s| s < span.start)) as f64
        };
        let mut score = 0.0;
        if self
            .event
            .is_some_and(|e| e.start < span.end && span.start < e.end)
        {
            score += 3.0;
        }
        score += 2.0 * count(&self.awards);
        score += count(&self.figures).min(4.0);
        score += count(&self.documents);
        score += count(&self.movements);
        score += 2.0 * count(&self.clusters);
        score
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{extract, Options};

    /// Lengths are read as the count of `split_whitespace` would give them, at and around
    /// both limits and with white space of every kind.
    #[test]
    fn lengths_are_those_of_the_word_count() {
        for n in [0, 1, 5, 6, 7, 69, 70, 71, 72, 140] {
            for gap in [" ", "  ", "\u{a0}", " \u{3000}", "\n"] {
                for word in ["a", "Hội", "“x”", "ủy"] {
                    let sentence = vec![word; n].join(gap);
                    let count = sentence.split_whitespace().count();
                    let expected = if count < MIN_WORDS {
                        Length::Short
                    } else if count > LONG_WORDS {
                        Length::Long
                    } else {
                        Length::Normal
                    };
                    assert_eq!(length_of(&sentence), expected, "{n} {gap:?} {word}");
                }
            }
        }
    }

    /// Words are counted as `split_whitespace` counts them: in every line of the corpora and
    /// the dev set, and around every character near the lead bytes of non-ASCII white space,
    /// in short and long texts.
    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for line in crate::test_texts::lines(&[]) {
            assert_eq!(
                word_count(&line),
                line.split_whitespace().count(),
                "{line:?}"
            );
        }
        let blocks = [0..0x300u32, 0x1600..0x1700, 0x2000..0x2100, 0x3000..0x3040];
        let long = "Thiện – “ệ” ".repeat(12);
        for c in blocks.into_iter().flatten().filter_map(char::from_u32) {
            for text in [
                format!("{c}"),
                format!("a{c}b {c}"),
                format!("{long}{c}x{long}{c}"),
            ] {
                assert_eq!(word_count(&text), text.split_whitespace().count(), "{c:?}");
            }
        }
    }

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
