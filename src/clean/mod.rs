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

/// Runs of white space as one space, ends trimmed.
pub fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
