//! Figures in context: every money amount, percentage, ratio, count and quantity of the lead,
//! body and captions (not the title), with its metric ("thu ngân sách"), its comparison ("so với
//! cùng kỳ") and whether it is a result or a target ("phấn đấu", "chỉ tiêu").

use super::Passage;
use crate::entities::Entities;
use crate::lexicon::is_word_boundary;
use crate::model::{DocumentRef, Figure};
use crate::parse::{Value, ValueKind, WordSet};
use crate::text::Text;
use std::ops::Range;

/// How many [`TARGET_WORDS`] there are.
const TARGET_WORD_COUNT: usize = 6;
/// Words before a figure, in its sentence, that make it a target.
const TARGET_WORDS: WordSet<TARGET_WORD_COUNT> = WordSet::new([
    "phấn đấu",
    "mục tiêu",
    "dự kiến",
    "chỉ tiêu",
    "đề ra",
    "kế hoạch năm",
]);
/// Words after a planning word that report the plan met ("chỉ tiêu ... đã đạt").
const ACHIEVED_WORDS: [&str; 3] = ["đã đạt", "đạt được", "hoàn thành"];
/// Verbs between a metric and its figure.
const METRIC_VERBS: WordSet<8> =
    WordSet::new(["ước đạt", "đạt", "tăng", "giảm", "chiếm", "là", "có", "với"]);
/// Comparisons written after a figure, folded, longest first.
const COMPARISONS: [&str; 7] = [
    "so với cùng kỳ",
    "so cùng kỳ",
    "so với kế hoạch",
    "so với năm",
    "kế hoạch năm",
    "kế hoạch",
    "chỉ tiêu",
];
/// Most words of a metric.
const MAX_METRIC_WORDS: usize = 8;

/// The figures of the article text.
pub fn find(
    text: &Text,
    passages: &[Passage],
    values: &[Vec<Value>],
    entities: &Entities,
    documents: &[DocumentRef],
) -> Vec<Figure> {
    let mut out = Vec::new();
    let named = named_mentions(entities);
    let read = || passages.iter().zip(values);
    let article = read().filter(|(p, _)| p.is_article_text());
    let titles = read().filter(|(p, _)| !p.is_article_text());
    // The target words of the sentence of the last figure (offsets in the sentence); one
    // vector for all the sentences.
    let mut targets: (Range<usize>, Vec<(usize, usize)>) = (0..0, Vec::new());
    for ((passage, values), from_title) in
        article.map(|p| (p, false)).chain(titles.map(|p| (p, true)))
    {
        let sentences = passage.sentences();
        targets.0 = 0..0;
        for value in values {
            // The title's money counts when the text does not repeat it.
            if from_title
                && (value.kind != ValueKind::Money
                    || out
                        .iter()
                        .any(|f: &Figure| f.kind == "money" && f.value == value.value))
            {
                continue;
            }
            let kind = match value.kind {
                ValueKind::Money
                | ValueKind::Percent
                | ValueKind::Ratio
                | ValueKind::Count
                | ValueKind::Quantity => value.kind.as_str(),
                _ => continue,
            };
            let span = passage.span(text, value.range.clone());
            if value.kind == ValueKind::Ratio
                && !is_completion_ratio(&passage.fold, &value.range, span, documents)
            {
                continue;
            }
            let sentence =
                super::sentence_at(sentences, value.range.start).unwrap_or(value.range.clone());
            let fold = &passage.fold;
            if targets.0 != sentence {
                targets.1.clear();
                targets
                    .1
                    .extend(TARGET_WORDS.occurrences(&fold[sentence.clone()]));
                targets.0 = sentence.clone();
            }
            out.push(Figure {
                kind: kind.to_string(),
                value: value.value,
                unit: value.unit.clone(),
                per: value.per.clone(),
                approx: value.approx.map(|a| a.as_str().to_string()),
                upper: value.upper,
                numerator: value.numerator,
                denominator: value.denominator,
                noun: value.noun.clone(),
                subject: subject_before(
                    &named,
                    passage.start + sentence.start..passage.start + value.range.start,
                ),
                metric: metric_before(passage.text, fold, sentence.start, value.range.start),
                comparison: comparison_after(passage.text, fold, value.range.end, sentence.end),
                status: Some(
                    status(fold, sentence.start, value.range.start, &targets.1).to_string(),
                ),
                text: passage.text[value.range.clone()].to_string(),
                span,
            });
        }
    }
    out
}

/// Every mention of a place or organisation: (range in `Text::norm`, name), by start.
fn named_mentions(entities: &Entities) -> Vec<(Range<usize>, &str)> {
    let mut out: Vec<(Range<usize>, &str)> = entities
        .places
        .iter()
        .chain(&entities.organizations)
        .flat_map(|e| e.mentions.iter().map(move |m| (m.clone(), e.name.as_str())))
        .collect();
    out.sort_unstable_by_key(|(r, name)| (r.start, r.end, *name));
    out
}

/// The place or organisation named last before the figure in its sentence (`range` in
/// `Text::norm`): the locality or unit the figure is about.
fn subject_before(named: &[(Range<usize>, &str)], range: Range<usize>) -> Option<String> {
    /// Mentions looked at before the figure (overlapping ones are skipped).
    const LOOK_BACK: usize = 4;
    let before = named.partition_point(|(r, _)| r.start < range.end);
    named[..before]
        .iter()
        .rev()
        .take(LOOK_BACK)
        .find(|(r, _)| range.start <= r.start && r.end <= range.end)
        .map(|(_, name)| name.to_string())
}

/// A ratio is a completion fraction unless it is a rank ("thứ 2/8") or part of a document
/// number ("38/KH-CTĐ02").
fn is_completion_ratio(
    fold: &str,
    range: &Range<usize>,
    span: crate::Span,
    documents: &[DocumentRef],
) -> bool {
    let in_document = documents
        .iter()
        .any(|d| d.span.start <= span.start && span.end <= d.span.end);
    !in_document && !super::ends_with_word(fold, range.start, "thứ")
}

/// "target" when a planning word stands before the figure in its sentence, else "result";
/// `targets` are the [`TARGET_WORDS`] of the sentence (start in the sentence, word), in
/// text order.
fn status(
    fold: &str,
    sentence_start: usize,
    at: usize,
    targets: &[(usize, usize)],
) -> &'static str {
    let before = &fold[sentence_start..at];
    // The last occurrence of each word that ends before the figure.
    let mut last = [None; TARGET_WORD_COUNT];
    for &(i, k) in targets.iter().rev() {
        if i + TARGET_WORDS.word(k).len() <= before.len() {
            last[k] = last[k].or(Some(i));
        }
    }
    let planned = last.into_iter().flatten().any(|i| {
        is_word_boundary(before, i) && !ACHIEVED_WORDS.iter().any(|a| before[i..].contains(a))
    });
    if planned {
        "target"
    } else {
        "result"
    }
}

/// The indicator before the figure: the words of its clause before the verb ("thu ngân sách
/// trên địa bàn đạt hơn 618 tỷ đồng").
fn metric_before(s: &str, fold: &str, sentence_start: usize, at: usize) -> Option<String> {
    let clause_start = super::rfind_mark(&fold[sentence_start..at], |b| {
        matches!(b, b',' | b';' | b':' | b'(')
    })
    .map_or(sentence_start, |i| sentence_start + i + 1);
    let clause = &fold[clause_start..at];
    let verb = last_metric_verb(clause)?;
    let range = super::non_empty_trimmed(s, clause_start..clause_start + verb)?;
    (super::words(&fold[range.clone()]).count() <= MAX_METRIC_WORDS)
        .then(|| crate::clean::collapse_spaces(&s[range]))
}

/// The start of the last whole-word metric verb of `clause` (a backward byte scan: each
/// position is compared with the verbs).
fn last_metric_verb(clause: &str) -> Option<usize> {
    let bytes = clause.as_bytes();
    (0..bytes.len()).rev().find(|&i| {
        let mut verbs = METRIC_VERBS.starting_at(bytes, i);
        let mut whole = false;
        while verbs != 0 && !whole {
            let v = METRIC_VERBS.word(verbs.trailing_zeros() as usize);
            verbs &= verbs - 1;
            whole = is_word_boundary(clause, i) && is_word_boundary(clause, i + v.len());
        }
        whole
    })
}

/// The comparison right after the figure ("(đạt hơn 100% so với kế hoạch", "so cùng kỳ").
fn comparison_after(s: &str, fold: &str, at: usize, sentence_end: usize) -> Option<String> {
    let limit = super::find_mark(&fold[at..sentence_end], |b| matches!(b, b',' | b';' | b')'))
        .map_or(sentence_end, |i| at + i);
    let window = &fold[at..limit];
    COMPARISONS.iter().find_map(|c| {
        let i = super::find_literal(window, c)?;
        let start = at + i;
        let end = if c.ends_with("năm") || c.ends_with("hoạch") {
            extend_with_year(fold, start + c.len(), limit)
        } else {
            start + c.len()
        };
        Some(s[start..end].to_string())
    })
}

/// `at` moved over a year written right after it (" 2022").
fn extend_with_year(fold: &str, at: usize, limit: usize) -> usize {
    let rest = &fold[at..limit];
    let trimmed = rest.trim_start();
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    if digits == 4 {
        at + (rest.len() - trimmed.len()) + digits
    } else {
        at
    }
}

#[cfg(test)]
mod tests {
    use super::last_metric_verb;
    use crate::facts::extract_paragraph;

    #[test]
    fn the_last_whole_word_verb_and_occurrence_are_found() {
        for (clause, verb) in [
            ("thu ngân sách đạt ", Some("thu ngân sách ".len())),
            ("tổng thu ước đạt ", Some("tổng thu ước ".len())),
            ("doanh thu đạtx ", None),
            ("tăng trưởng là ", Some("tăng trưởng ".len())),
            ("xlà ", None),
        ] {
            assert_eq!(last_metric_verb(clause), verb, "{clause}");
        }
    }

    #[test]
    fn figures_carry_metric_comparison_and_status() {
        let (_, facts) = extract_paragraph(
            "Năm 2022, thu ngân sách đạt 618 tỷ đồng, tăng 12,8% so với cùng kỳ. \
             Năm 2023, huyện phấn đấu thu ngân sách đạt 700 tỷ đồng.",
            None,
        );
        let money: Vec<_> = facts.figures.iter().filter(|f| f.kind == "money").collect();
        assert_eq!(money.len(), 2);
        assert_eq!(money[0].metric.as_deref(), Some("thu ngân sách"));
        assert_eq!(money[0].status.as_deref(), Some("result"));
        assert_eq!(money[1].status.as_deref(), Some("target"));
        let percent = facts.figures.iter().find(|f| f.kind == "percent").unwrap();
        assert_eq!(percent.comparison.as_deref(), Some("so với cùng kỳ"));
    }

    #[test]
    fn title_money_counts_once_when_the_text_does_not_repeat_it() {
        let money = |article: &str| -> Vec<f64> {
            crate::extract(article, &crate::Options::default())
                .map(|s| s.figures.into_iter().filter(|f| f.kind == "money"))
                .into_iter()
                .flatten()
                .map(|f| f.value)
                .collect()
        };
        let lead = "Sáng 3/4, UBND huyện tổng kết công tác thi đua, khen thưởng năm 2025 và trao thưởng cho các tập thể.";
        assert_eq!(
            money(&format!(
                "Huyện chi 12 tỷ đồng khen thưởng phong trào nông thôn mới\n\n{lead}\n"
            )),
            vec![12e9]
        );
        assert_eq!(
            money(&format!("Huyện chi 12 tỷ đồng khen thưởng phong trào nông thôn mới\n\n{lead} Tổng kinh phí là 12 tỷ đồng.\n")),
            vec![12e9]
        );
    }
}
