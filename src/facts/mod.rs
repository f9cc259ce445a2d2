//! Fifth stage: the facts of a thi đua report — event, figures, awards, documents,
//! movements, cluster facts.
//!
//! Every finder reads [`Passage`]s (the clean stage's segments with their folded key) and
//! returns output values whose spans are the evidence in the input.

pub mod awards;
pub mod clusters;
pub mod documents;
pub mod event;
pub mod figures;
pub mod movements;

use crate::clean::{Article, Segment, SegmentKind};
use crate::date::Date;
use crate::entities::Entities;
use crate::lexicon::{Hit, Lexicon, LexiconSet};
use crate::model::{Award, ClusterFact, DocumentRef, Event, Figure, Movement, Span, Warning};
use crate::parse::{Value, WordBits, YearHints};
use crate::text::letters::{is_letter, is_letter_or_digit};
use crate::text::{ceil_char_boundary, Text};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

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
    /// Byte ranges of the sentences of each of the article's segments, in segment order
    /// (empty for a paragraph read on its own).
    pub sentences: Vec<Vec<Range<usize>>>,
}

/// One segment of article text as the fact finders read it.
#[derive(Debug, Clone)]
pub struct Passage<'a> {
    /// Title, lead, body or caption.
    pub kind: SegmentKind,
    /// The segment's text (line breaks as spaces).
    pub text: &'a str,
    /// Its folded key (same byte length): the text's key over the segment's range, copied
    /// only when line breaks are to be read as spaces.
    pub fold: Cow<'a, str>,
    /// Byte offset of `text` in `Text::norm`.
    pub start: usize,
    /// Byte ranges of its sentences.
    sentences: Vec<Range<usize>>,
    /// The distinction names ([`awards`]) in `fold`, whole words, in text order.
    award_names: Vec<Hit>,
    /// The document kinds ([`documents`]) in `fold`, whole words, in text order.
    document_kinds: Vec<Hit>,
}

impl<'a> Passage<'a> {
    /// The passage of a clean segment of `text`: its key is the text's key over the same
    /// range, line breaks read as spaces like the segment's. With it, the values of its text
    /// ([`crate::parse::scan`], `reference` resolving relative dates), whose tokens also give
    /// the words the passage's lexicons are searched from.
    pub fn of(
        text: &'a Text,
        segment: &'a Segment,
        reference: Option<Date>,
    ) -> (Passage<'a>, Vec<Value>) {
        let key = text.fold.get(segment.range.clone()).unwrap_or_default();
        // The segment's text is its range of `Text::norm` with line breaks as spaces: when
        // they are equal there is no line break, in the text or in its key.
        let unbroken = text.norm.get(segment.range.clone()) == Some(segment.text.as_str());
        let fold = if unbroken {
            Cow::Borrowed(key)
        } else {
            Cow::Owned(crate::clean::spaced(key))
        };
        let (values, words) =
            crate::parse::scan_words(&segment.text, &fold, reference, first_words());
        let [award_names, document_kinds] = passage_words(&fold, words);
        let passage = Passage {
            kind: segment.kind,
            text: &segment.text,
            start: segment.range.start,
            sentences: crate::text::sentences(&segment.text),
            award_names,
            document_kinds,
            fold,
        };
        (passage, values)
    }

    /// The output span of a byte range of this passage.
    pub fn span(&self, text: &Text, range: Range<usize>) -> Span {
        text.span(self.start + range.start..self.start + range.end)
    }

    /// True for lead, body and caption text (the title is not read for figures and the like).
    pub fn is_article_text(&self) -> bool {
        self.kind != SegmentKind::Title
    }

    /// Byte ranges of the sentences of this passage.
    pub fn sentences(&self) -> &[Range<usize>] {
        &self.sentences
    }
}

/// The lexicons every passage is searched for, in one walk over its key: the distinction
/// names ([`awards`]) and the document kinds ([`documents`]).
fn passage_lexicons() -> &'static LexiconSet<2> {
    static SET: OnceLock<LexiconSet<2>> = OnceLock::new();
    SET.get_or_init(|| LexiconSet::new([awards::names(), documents::kinds()]))
}

/// The first words (runs of letters) of the keys of [`passage_lexicons`].
fn first_words() -> &'static WordBits {
    static BITS: OnceLock<WordBits> = OnceLock::new();
    BITS.get_or_init(|| {
        let keys = [awards::names(), documents::kinds()].map(Lexicon::keys);
        let first = |key: &&'static str| key.split(|c: char| !is_letter(c)).next();
        WordBits::new(keys.iter().copied().flatten().filter_map(first))
    })
}

/// The hits of [`passage_lexicons`] in `fold` that [`LexiconSet::find_words`] finds, searched
/// from `words` only: the starts of the words of `fold` that may be the first word of a key
/// ([`crate::parse::scan_words`] with [`first_words`]). Every key starts with a letter, so no
/// other word boundary starts one.
fn passage_words(fold: &str, words: Vec<usize>) -> [Vec<Hit>; 2] {
    passage_lexicons()
        .find_starting_at(fold, words)
        .map(|mut hits| {
            hits.retain(|h| crate::lexicon::is_word_boundary(fold, h.range.end));
            hits
        })
}

/// Reads the facts of the article's segments.
pub fn extract(
    text: &Text,
    article: &Article,
    entities: &Entities,
    reference: Option<Date>,
) -> Facts {
    let (passages, values): (Vec<Passage>, Vec<Vec<Value>>) = article
        .segments
        .iter()
        .map(|s| Passage::of(text, s, reference))
        .unzip();
    let dating = YearHints {
        published: reference,
        published_month: article.published_month.filter(|_| reference.is_none()),
        ..YearHints::default()
    };
    let mut facts = read_passages(text, &passages, &values, entities, &dating);
    facts.sentences = passages.into_iter().map(|p| p.sentences).collect();
    facts
}

/// The facts of one paragraph read on its own (as the lead of an article with no title):
/// for tests and for callers that already hold a single sentence.
pub fn extract_paragraph(paragraph: &str, reference: Option<Date>) -> (Text, Facts) {
    let text = Text::new(paragraph);
    let segment = Segment {
        kind: SegmentKind::Lead,
        range: 0..text.norm.len(),
        text: crate::clean::spaced(&text.norm),
    };
    let (passage, values) = Passage::of(&text, &segment, reference);
    let dating = YearHints {
        published: reference,
        ..YearHints::default()
    };
    let facts = read_passages(&text, &[passage], &[values], &Entities::default(), &dating);
    (text, facts)
}

/// The facts of `passages`; `values` are theirs ([`Passage::of`]), scanned once for the
/// figures and the year hints.
fn read_passages(
    text: &Text,
    passages: &[Passage],
    values: &[Vec<Value>],
    entities: &Entities,
    dating: &YearHints,
) -> Facts {
    let documents = documents::find(text, passages);
    Facts {
        event: event::find(text, passages, values, entities, dating),
        figures: figures::find(text, passages, values, entities, &documents),
        awards: awards::find(text, passages),
        movements: movements::find(text, passages),
        clusters: clusters::find(text, passages),
        documents,
        warnings: Vec::new(),
        sentences: Vec::new(),
    }
}

/// The byte range of the sentence of `passage` that holds byte `at`.
pub(crate) fn sentence_at(sentences: &[Range<usize>], at: usize) -> Option<Range<usize>> {
    sentences.iter().find(|r| r.contains(&at)).cloned()
}

/// True when `fold[..at]` ends with `word` as a whole word (white space before `at` skipped).
pub(crate) fn ends_with_word(fold: &str, at: usize, word: &str) -> bool {
    let before = fold[..at].trim_end();
    before.ends_with(word) && crate::lexicon::is_word_boundary(before, before.len() - word.len())
}

/// The words of `fold[range]`, lower case, split on white space and punctuation.
pub(crate) fn words(fold: &str) -> impl Iterator<Item = &str> {
    fold.split(|c: char| !is_letter_or_digit(c))
        .filter(|w| !w.is_empty())
}

/// The start of the first occurrence of `needle` in `s`, as `str::find` gives it: a scan for
/// its first byte, cheaper than the substring searcher `str::find` builds on every call, for
/// the short windows and literal words the finders look for.
pub(crate) fn find_literal(s: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    literal_matches(s, needle).next()
}

/// True when `s` holds `needle` ([`find_literal`]).
pub(crate) fn contains_literal(s: &str, needle: &str) -> bool {
    find_literal(s, needle).is_some()
}

/// The starts of the non-overlapping occurrences of `needle` (not empty) in `s`, left to
/// right, as `str::match_indices` gives them ([`find_literal`]).
pub(crate) fn literal_matches<'a>(s: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let (hay, word) = (s.as_bytes(), needle.as_bytes());
    let mut at = 0;
    std::iter::from_fn(move || {
        let first = *word.first()?;
        let last_start = hay.len().checked_sub(word.len())?;
        while at <= last_start {
            let i = at + crate::text::find_byte(&hay[at..=last_start], |b| b == first)?;
            if hay[i..].starts_with(word) {
                at = i + word.len();
                return Some(i);
            }
            at = i + 1;
        }
        None
    })
}

/// The starts of the non-overlapping occurrences of `needle` (not empty) in `s`, right to
/// left, as `str::rmatch_indices` gives them: a backward scan for its last byte
/// ([`literal_matches`] read from the end).
pub(crate) fn literal_rmatches<'a>(
    s: &'a str,
    needle: &'a str,
) -> impl Iterator<Item = usize> + 'a {
    let (hay, word) = (s.as_bytes(), needle.as_bytes());
    let mut end = hay.len();
    std::iter::from_fn(move || {
        let (&last, init) = word.split_last()?;
        while end > init.len() {
            let i = init.len() + hay[init.len()..end].iter().rposition(|&b| b == last)?;
            let start = i - init.len();
            if hay[start..i] == *init {
                end = start;
                return Some(start);
            }
            end = i;
        }
        None
    })
}

/// The first byte of `s` that is one of the ASCII marks `mark` accepts, where `s.find` of
/// them as characters finds it: a byte search 32 bytes at a time (an ASCII byte is never part
/// of another character).
pub(crate) fn find_mark(s: &str, mark: impl Fn(u8) -> bool + Copy) -> Option<usize> {
    crate::text::find_byte(s.as_bytes(), mark)
}

/// The last byte of `s` that is one of the ASCII marks `mark` accepts, where `s.rfind` of
/// them as characters finds it.
pub(crate) fn rfind_mark(s: &str, mark: impl Fn(u8) -> bool) -> Option<usize> {
    s.as_bytes().iter().rposition(|&b| mark(b))
}

/// The start of the first occurrence of `word` in `fold` that is a whole word, among the
/// non-overlapping occurrences [`literal_matches`] finds.
pub(crate) fn find_word(fold: &str, word: &str) -> Option<usize> {
    literal_matches(fold, word).find(|&i| {
        crate::lexicon::is_word_boundary(fold, i)
            && crate::lexicon::is_word_boundary(fold, i + word.len())
    })
}

/// The char boundary of `s` at or after `at - back` (at most `back` bytes before `at`): the
/// start of a bounded look-back window.
pub(crate) fn window_start(s: &str, at: usize, back: usize) -> usize {
    crate::text::ceil_char_boundary(s, at.saturating_sub(back))
}

/// `range` of `s` trimmed of white space, commas and colons, when a letter or digit is left.
pub(crate) fn non_empty_trimmed(s: &str, range: Range<usize>) -> Option<Range<usize>> {
    let r = trim_range(s, range, &[',', ':']);
    s[r.clone()].chars().any(is_letter_or_digit).then_some(r)
}

/// `range` of `s` without the white space and the given punctuation at its ends.
/// Offsets found in the fold are offsets in the text, but one inside a pair whose tone the
/// fold moved ("ủy" / "uỷ") is not a character boundary of the text: such an end is moved on
/// to the next boundary.
pub(crate) fn trim_range(s: &str, range: Range<usize>, punctuation: &[char]) -> Range<usize> {
    let start = ceil_char_boundary(s, range.start);
    let range = start..ceil_char_boundary(s, range.end).max(start);
    let piece = &s[range.clone()];
    let is_edge = |c: char| c.is_whitespace() || punctuation.contains(&c);
    let start = range.start + (piece.len() - piece.trim_start_matches(is_edge).len());
    let end = range.end - (piece.len() - piece.trim_end_matches(is_edge).len());
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passage_keys_read_line_breaks_as_spaces() {
        let text = Text::new("Ngày 3/3\nHội nghị");
        let segment = |range: Range<usize>| Segment {
            kind: SegmentKind::Lead,
            text: crate::clean::spaced(&text.norm[range.clone()]),
            range,
        };
        let whole = segment(0..text.norm.len());
        assert_eq!(Passage::of(&text, &whole, None).0.fold, "ngày 3/3 hội nghị");
        let line = segment(0.."Ngày 3/3".len());
        assert!(matches!(
            Passage::of(&text, &line, None).0.fold,
            Cow::Borrowed("ngày 3/3")
        ));
    }

    /// The byte-scan searches find what `str::find`, `str::match_indices` and a whole-word
    /// filter over them find, for needles that overlap themselves or not, in the corpora and
    /// the dev set and at every end of short windows.
    #[test]
    fn literal_searches_agree_with_the_standard_library() {
        let mut texts = vec!["aaaa aa a".to_string(), "tại tại, tạitại ".to_string()];
        texts.extend(crate::test_texts::texts_under(&[
            "tests/corpus/facts",
            crate::test_texts::DEVSET,
        ]));
        let needles = [
            "",
            "a",
            "aa",
            "tại ",
            "đã",
            " đã ",
            "năm",
            "giao",
            "tổ chức",
            "cho ",
            "sẽ",
            "ạ",
            "\n",
            "được",
            "đề nghị",
            "phong trào",
            "kỷ niệm",
        ];
        let mut found = 0;
        for text in &texts {
            let fold = crate::text::fold(text);
            let ends = fold.char_indices().map(|(i, _)| i).step_by(97);
            let windows = ends.map(|i| &fold[window_start(&fold, i, 60)..i]);
            for hay in windows.chain([fold.as_str()]) {
                for needle in needles {
                    assert_eq!(
                        find_literal(hay, needle),
                        hay.find(needle),
                        "{hay:?} {needle:?}"
                    );
                    if needle.is_empty() {
                        continue;
                    }
                    let starts: Vec<usize> = hay.match_indices(needle).map(|m| m.0).collect();
                    assert_eq!(literal_matches(hay, needle).collect::<Vec<_>>(), starts);
                    let backward: Vec<usize> = hay.rmatch_indices(needle).map(|m| m.0).collect();
                    assert_eq!(literal_rmatches(hay, needle).collect::<Vec<_>>(), backward);
                    let whole = starts.iter().copied().find(|&i| {
                        crate::lexicon::is_word_boundary(hay, i)
                            && crate::lexicon::is_word_boundary(hay, i + needle.len())
                    });
                    assert_eq!(find_word(hay, needle), whole);
                    found += starts.len();
                }
            }
        }
        assert!(found > 1000, "{found}");
    }

    /// The passage lexicons searched from the words of the scan's tokens find what their
    /// search from every word boundary finds: in the corpora and the dev set, and after every
    /// character of the blocks of Vietnamese text and their neighbours.
    #[test]
    fn passage_words_agree_with_the_lexicon_search() {
        let keys = [awards::names().keys(), documents::kinds().keys()];
        for key in keys.into_iter().flatten() {
            let first = key.chars().next();
            assert!(
                first.is_some_and(crate::text::letters::is_letter),
                "{key:?}"
            );
        }
        let neighbours = (0x21..0x2100u32)
            .chain(0x3000..0x3100)
            .filter_map(char::from_u32);
        let mut texts: Vec<String> = neighbours
            .map(|c| format!("{c}Huân chương {c}bằng khen{c} 3{c}Quyết định"))
            .collect();
        texts.extend(crate::test_texts::lines(&["uỷ ban Cờ thi đua² Kế hoạch"]));
        let mut found = 0;
        for s in &texts {
            let fold = crate::text::fold(s);
            let (_, words) = crate::parse::scan_words(s, &fold, None, first_words());
            let expected = passage_lexicons().find_words(&fold);
            assert_eq!(passage_words(&fold, words), expected, "{s:?}");
            found += expected.iter().map(Vec::len).sum::<usize>();
        }
        assert!(found > 1000, "{found}");
    }

    /// The byte searches for marks find what the character searches find, in the corpora and
    /// the dev set and in short windows.
    #[test]
    fn mark_searches_agree_with_the_standard_library() {
        let mut found = 0;
        for text in crate::test_texts::folded_lines(&["a, b; c (d) e: f.", "", "“x”, ý;"]) {
            let ends = text.char_indices().map(|(i, _)| i).step_by(13);
            let windows: Vec<&str> = ends.map(|i| &text[window_start(&text, i, 40)..i]).collect();
            for hay in windows.into_iter().chain([text.as_str()]) {
                let chars = [',', ';', '(', '.', ':'];
                assert_eq!(
                    find_mark(hay, |b| matches!(b, b',' | b';' | b'(' | b'.' | b':')),
                    hay.find(chars)
                );
                assert_eq!(
                    rfind_mark(hay, |b| matches!(b, b',' | b';' | b'(' | b'.' | b':')),
                    hay.rfind(chars)
                );
                assert_eq!(find_mark(hay, |b| matches!(b, b')')), hay.find(')'));
                assert_eq!(
                    rfind_mark(hay, |b| matches!(b, b',' | b':')),
                    hay.rfind([',', ':'])
                );
                found += usize::from(hay.find(chars).is_some());
            }
        }
        assert!(found > 1000, "{found}");
    }

    #[test]
    fn word_helpers_respect_boundaries() {
        let fold = crate::text::fold("Tại hội nghị, đề nghị tặng");
        assert!(ends_with_word(&fold, fold.len() - " tặng".len(), "đề nghị"));
        assert!(!ends_with_word(&fold, fold.len() - " nghị tặng".len(), "ề"));
        assert_eq!(words("a, bc-d").collect::<Vec<_>>(), ["a", "bc", "d"]);
        let s = "  “x” ";
        assert_eq!(&s[trim_range(s, 0..s.len(), &['“', '”'])], "x");
    }
}
