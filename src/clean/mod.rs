//! Second stage: tell the article from the page around it.
//!
//! Every line of the normalised text (or part of a line, when a line holds two things) gets
//! exactly one [`LineClass`] with a reason, decided from its own features and its neighbours:
//! position, length, punctuation, capitalisation, repetition, closing-section markers and the
//! chrome lexicons in `data/chrome*.txt`. The article's title, lead, body and captions become
//! [`Segment`]s, which are all that later stages read; boilerplate never reaches them.

mod byline;
mod chrome;
mod features;
mod language;
mod meta;
mod paragraphs;
mod phrases;
mod pieces;
mod structure;

use crate::date::Date;
use crate::model::{Paragraph, Removed, Warning};
use crate::text::Text;
use pieces::Piece;
use std::ops::Range;

/// What a line of the input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineClass {
    /// The headline.
    Title,
    /// Dateline, publish date, source tag or byline.
    Meta,
    /// The lead paragraph.
    Lead,
    /// Article text.
    Body,
    /// A picture caption.
    Caption,
    /// Page chrome, related articles, repeats.
    Boilerplate,
    /// An empty line.
    Blank,
}

/// One input line, or one part of a line that holds two things (a publish stamp and a
/// counter), and its class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Byte range in `Text::norm`, without the line break and the white space at its ends.
    pub range: Range<usize>,
    /// Index of the input line it is (on).
    pub line: usize,
    /// Its class.
    pub class: LineClass,
    /// Why it got that class.
    pub reason: &'static str,
}

/// What kind of article text a segment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentKind {
    /// The headline.
    Title,
    /// The lead paragraph.
    Lead,
    /// A body paragraph.
    Body,
    /// A picture caption.
    Caption,
}

/// A stretch of article text that later stages read: one paragraph (lines broken by the page
/// layout rejoined) or the title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Its kind.
    pub kind: SegmentKind,
    /// Byte range in `Text::norm`.
    pub range: Range<usize>,
    /// `norm[range]` with every line break written as a space: offsets in `text` plus
    /// `range.start` are offsets in `norm`.
    pub text: String,
}

/// A byline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    /// The name as written.
    pub name: String,
    /// Where it stands in `norm`.
    pub range: Range<usize>,
}

/// The article as the clean stage found it.
#[derive(Debug, Clone, Default)]
pub struct Article {
    /// Every line with its class, in order.
    pub lines: Vec<Line>,
    /// Title, lead, body paragraphs and captions, in text order.
    pub segments: Vec<Segment>,
    /// The headline's range in `norm`.
    pub title: Option<Range<usize>>,
    /// The lead's range in `norm` (agency prefix left out).
    pub lead: Option<Range<usize>>,
    /// The source tag ("Baohatinh.vn").
    pub source: Option<String>,
    /// The publish date of the page.
    pub published: Option<Date>,
    /// Year and month of publication: from the publish date, or alone when only they are
    /// known (crawler prefix " date 2022-12 "). Later stages infer years from it.
    pub published_month: Option<(i32, u32)>,
    /// Bylines.
    pub authors: Vec<Author>,
}
/// Classifies the lines of `text` and puts the article together.
pub fn clean(text: &Text) -> Article {
    let cut = pieces::cut(text);
    let mut pieces = cut.pieces;
    let found = structure::read(text, &mut pieces);
    let paragraphs = paragraphs::build(text, &mut pieces);
    let mut article = Article {
        source: cut.source.or(found.source),
        ..Article::default()
    };
    match cut.crawler_date {
        Some(meta::Published::Day(d)) => article.published = Some(d),
        Some(meta::Published::Month(y, m)) => article.published_month = Some((y, m)),
        None => {}
    }
    article.published = article.published.or(found.published);
    if let Some(d) = article.published {
        article.published_month = Some((d.year(), d.month()));
    }
    if let Some(t) = found.title {
        let range = pieces[t].range.clone();
        article.title = Some(range.clone());
        article
            .segments
            .push(segment(text, SegmentKind::Title, range));
    }
    for para in &paragraphs {
        let range = pieces[para.pieces.start].range.start..pieces[para.pieces.end - 1].range.end;
        if para.kind == SegmentKind::Lead {
            article.lead = Some(range.clone());
        }
        article.segments.push(segment(text, para.kind, range));
    }
    article
        .segments
        .sort_unstable_by_key(|s| (s.range.start, s.range.end));
    article.authors = found
        .authors
        .into_iter()
        .map(|range| Author {
            name: collapse_spaces(&text.norm[range.clone()]),
            range,
        })
        .collect();
    article.lines = lines_of(pieces);
    article
}

fn segment(text: &Text, kind: SegmentKind, range: Range<usize>) -> Segment {
    Segment {
        kind,
        text: spaced(&text.norm[range.clone()]),
        range,
    }
}

/// The classified pieces as lines; neighbouring boilerplate parts of one line are one line.
fn lines_of(pieces: Vec<Piece>) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::with_capacity(pieces.len());
    for p in pieces {
        let class = p.class.unwrap_or(LineClass::Body);
        if let Some(last) = lines.last_mut() {
            if last.line == p.line && last.class == LineClass::Boilerplate && class == last.class {
                last.range.end = p.range.end;
                continue;
            }
        }
        lines.push(Line {
            range: p.range,
            line: p.line,
            class,
            reason: if p.reason.is_empty() {
                "article text"
            } else {
                p.reason
            },
        });
    }
    lines
}

/// The text with line breaks as spaces (same byte length).
pub fn spaced(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // Splitting on one character at a time finds it with memchr.
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for (j, part) in line.split('\r').enumerate() {
            if j > 0 {
                out.push(' ');
            }
            out.push_str(part);
        }
    }
    out
}

impl Article {
    /// The day later stages infer missing years from: the publish date, or the last day of
    /// the publication month when only the month is known (events precede their report).
    pub fn reference_date(&self) -> Option<Date> {
        self.published.or_else(|| {
            let (y, m) = self.published_month?;
            Date::new(y, m, crate::date::days_in_month(y, m))
        })
    }

    /// The headline, as written.
    pub fn title_text(&self, text: &Text) -> Option<String> {
        self.title.clone().map(|r| collapse_spaces(&text.norm[r]))
    }

    /// The lead, as written.
    pub fn lead_text(&self, text: &Text) -> Option<String> {
        self.lead.clone().map(|r| collapse_spaces(&text.norm[r]))
    }

    /// [`Article::lead_text`] read off the article's [`Article::paragraphs`] (`body`), where
    /// the lead is the paragraph of kind "lead", rather than collapsed again.
    pub fn lead_in(&self, body: &[Paragraph]) -> Option<String> {
        self.lead.as_ref()?;
        body.iter()
            .find(|p| p.kind == "lead")
            .map(|p| p.text.clone())
    }

    /// Lead, body paragraphs and captions for the output.
    pub fn paragraphs(&self, text: &Text) -> Vec<Paragraph> {
        self.segments
            .iter()
            .filter_map(|s| {
                let kind = match s.kind {
                    SegmentKind::Title => return None,
                    SegmentKind::Lead => "lead",
                    SegmentKind::Body => "body",
                    SegmentKind::Caption => "caption",
                };
                Some(Paragraph {
                    kind: kind.to_string(),
                    text: collapse_spaces(&s.text),
                    span: text.span(s.range.clone()),
                })
            })
            .collect()
    }

    /// Every stripped line with its reason.
    pub fn removed(&self, text: &Text) -> Vec<Removed> {
        self.lines
            .iter()
            .filter(|l| l.class == LineClass::Boilerplate)
            .map(|l| Removed {
                text: text.norm[l.range.clone()].to_string(),
                reason: l.reason.to_string(),
                span: text.span(l.range.clone()),
            })
            .collect()
    }

    /// What was odd about the input.
    pub fn warnings(&self, text: &Text) -> Vec<Warning> {
        language::warnings(self, text)
    }
}

/// Runs of white space as one space, ends trimmed (the words of `split_whitespace` joined by
/// single spaces). The text between runs that need rewriting (anything but one ASCII space
/// between words) is copied in one piece.
pub fn collapse_spaces(s: &str) -> String {
    let s = s.trim_end();
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut copied_from = white_space_run_end(bytes, 0);
    let mut at = copied_from;
    while let Some(k) = find_irregular_space(&bytes[at..]) {
        let mut run_start = at + k;
        at = run_start + 1;
        if white_space_width(&bytes[run_start..]) == 0 {
            continue;
        }
        // A space before U+1680 is not itself irregular (see `irregular_space`).
        if run_start > copied_from && bytes[run_start - 1] == b' ' {
            run_start -= 1;
        }
        at = white_space_run_end(bytes, run_start);
        out.push_str(&s[copied_from..run_start]);
        out.push(' ');
        copied_from = at;
    }
    out.push_str(&s[copied_from..]);
    out
}

/// The index of the first byte of `bytes` (a text that does not end with white space) where
/// [`collapse_spaces`] may have to rewrite white space ([`irregular_space`]), looked for 32
/// byte pairs at a time ([`crate::text::each_window`]): most texts are words between single
/// spaces, which the search passes over.
fn find_irregular_space(bytes: &[u8]) -> Option<usize> {
    crate::text::each_window(bytes, b'a', |offset, window| {
        match first_irregular_space(window) {
            Some(k) => std::ops::ControlFlow::Break(offset + k),
            None => std::ops::ControlFlow::Continue(()),
        }
    })
}

/// The first of the 32 byte pairs of `window` that is [`irregular_space`].
fn first_irregular_space(window: &[u8; 34]) -> Option<usize> {
    let irregular_at = |i: usize| irregular_space(window[i], window[i + 1]);
    if (0..32).fold(false, |any, i| any | irregular_at(i)) {
        (0..32).position(irregular_at)
    } else {
        None
    }
}

/// True when byte `a`, followed by byte `b`, may be white space other than one ASCII space
/// between words: a lead byte of other white space (0xE1 only before 0x9A, for U+1680, since
/// most Vietnamese letters start with 0xE1), or a space before white space. A space before
/// U+1680 is found at the U+1680.
fn irregular_space(a: u8, b: u8) -> bool {
    let starts_other = |c: u8| matches!(c, b'\t'..=b'\r' | 0xC2 | 0xE2 | 0xE3);
    starts_other(a) || (a == 0xE1 && b == 0x9A) || (a == b' ' && (b == b' ' || starts_other(b)))
}

/// The end of the run of white space that starts at byte `at` (`at` itself when none does).
fn white_space_run_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(width) = bytes.get(at..).map(white_space_width).filter(|&w| w > 0) {
        at += width;
    }
    at
}

/// The byte length of the white-space character (Unicode White_Space, what
/// `char::is_whitespace` accepts) that `bytes` start with, 0 when they start none: U+0009–U+000D,
/// U+0020, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
fn white_space_width(bytes: &[u8]) -> usize {
    match bytes {
        [b' ' | b'\t'..=b'\r', ..] => 1,
        [0xC2, 0x85 | 0xA0, ..] => 2,
        [0xE1, 0x9A, 0x80, ..]
        | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
        | [0xE2, 0x81, 0x9F, ..]
        | [0xE3, 0x80, 0x80, ..] => 3,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::{clean, collapse_spaces};
    use crate::text::Text;

    /// The lead read off the paragraphs is [`super::Article::lead_text`], on the corpora and
    /// the dev set.
    #[test]
    fn lead_in_the_paragraphs_is_the_lead_text() {
        let mut texts =
            crate::test_texts::texts_under(&["tests/corpus", crate::test_texts::DEVSET]);
        texts.push(String::new());
        for input in &texts {
            let text = Text::new(input);
            let article = clean(&text);
            let body = article.paragraphs(&text);
            assert_eq!(article.lead_in(&body), article.lead_text(&text));
        }
    }

    fn reference(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn collapse_spaces_joins_the_words_with_one_space() {
        let cases = [
            ("", ""),
            ("   ", ""),
            ("Hội nghị", "Hội nghị"),
            ("a ", "a"),
            (" a", "a"),
            ("a  b c", "a b c"),
            ("  Hội \t\n nghị  ", "Hội nghị"),
            ("a\u{00A0}\u{3000}b\u{2028}c\u{0085}", "a b c"),
            ("“Đoàn kết”\r\n–\u{205F}thi đua", "“Đoàn kết” – thi đua"),
            (
                "\u{00A9}\u{1EA0}\u{E000}\u{200B}x",
                "\u{00A9}\u{1EA0}\u{E000}\u{200B}x",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(collapse_spaces(input), expected, "{input:?}");
        }
    }

    /// Every character around every lead byte of non-ASCII white space, alone and between
    /// words, collapses as `split_whitespace` does.
    #[test]
    fn collapse_spaces_agrees_with_split_whitespace() {
        let blocks = [0..0x300u32, 0x1600..0x1700, 0x2000..0x2100, 0x3000..0x3040];
        for c in blocks.into_iter().flatten().filter_map(char::from_u32) {
            // Long texts are searched 32 bytes at a time.
            let long = "Thiện ệ ".repeat(40);
            let inputs = [
                format!("{c}"),
                format!("ab{c}{c}cd {c}"),
                format!("{c}x{c}"),
                format!("x {c} y{c}"),
                format!("{long}{c}{long}{c}{c}ệ"),
                format!("{c}{long} {c}ệ{c}\u{1680}"),
            ];
            for input in inputs {
                assert_eq!(collapse_spaces(&input), reference(&input), "{c:?}");
            }
        }
    }

    /// The chunked search finds what a byte-by-byte one finds, at every position of texts
    /// longer and shorter than its windows.
    #[test]
    fn irregular_space_is_found_wherever_it_is() {
        let reference = |b: &[u8]| {
            (0..b.len().saturating_sub(1)).find(|&i| super::irregular_space(b[i], b[i + 1]))
        };
        for len in 2..100 {
            for at in 0..len - 1 {
                for run in [&b"\n"[..], b" ", b"  ", b" \t", &[0xE2], &[0xE1, 0x9A]] {
                    let mut text = vec![b'a'; len];
                    let end = (at + run.len()).min(len - 1);
                    text[at..end].copy_from_slice(&run[..end - at]);
                    let found = super::find_irregular_space(&text);
                    assert_eq!(found, reference(&text), "{len} {at} {run:?}");
                    if end - at == run.len() {
                        assert_eq!(found.is_some(), run != b" ", "{len} {at} {run:?}");
                    }
                }
            }
        }
    }

    /// Line breaks become spaces, and nothing else changes, in every text of the corpora.
    #[test]
    fn spaced_turns_line_breaks_into_spaces() {
        let mut texts =
            crate::test_texts::texts_under(&["tests/corpus", crate::test_texts::DEVSET]);
        texts.extend(["", "\n", "a\r\nb", "Hội\nnghị\r"].map(String::from));
        for text in &texts {
            assert_eq!(super::spaced(text), text.replace(['\n', '\r'], " "));
        }
    }

    /// Every text of the corpora and the dev set, and each of its lines, collapses as
    /// `split_whitespace` does.
    #[test]
    fn collapse_spaces_of_the_corpora() {
        let texts = crate::test_texts::texts_under(&["tests/corpus", crate::test_texts::DEVSET]);
        for text in &texts {
            assert_eq!(collapse_spaces(text), reference(text));
            for line in text.lines() {
                assert_eq!(collapse_spaces(line), reference(line), "{line:?}");
            }
        }
    }
}
