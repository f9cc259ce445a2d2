//! Second stage: tell the article from the page around it.
//!
//! Every line of the normalised text gets exactly one [`LineClass`] with a reason. The
//! article's title, lead, body and captions become [`Segment`]s, which are all that later
//! stages read; boilerplate never reaches them.

use crate::date::Date;
use crate::model::{Paragraph, Removed, Warning};
use crate::text::Text;
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

/// One input line and its class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Byte range in `Text::norm`, without the line break.
    pub range: Range<usize>,
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
    /// Bylines.
    pub authors: Vec<Author>,
}

/// Classifies the lines of `text`.
pub fn clean(text: &Text) -> Article {
    let mut article = Article::default();
    let mut seen: Vec<String> = Vec::new();
    let mut closed = false;
    for range in text.lines() {
        let line = text.norm[range.clone()].trim();
        let key = crate::text::fold(line);
        let (class, reason) = if line.is_empty() {
            (LineClass::Blank, "empty line")
        } else if closed {
            (LineClass::Boilerplate, "after a closing-section marker")
        } else if is_closing_marker(&key) {
            closed = true;
            (LineClass::Boilerplate, "closing-section marker")
        } else if seen.contains(&key) {
            (LineClass::Boilerplate, "repeated line")
        } else if article.title.is_none() && article.segments.is_empty() && looks_like_title(line) {
            (
                LineClass::Title,
                "first short line without final punctuation",
            )
        } else {
            (LineClass::Body, "article text")
        };
        if !line.is_empty() {
            seen.push(key);
        }
        let trimmed = trim_range(&text.norm, range);
        match class {
            LineClass::Title => article.title = Some(trimmed.clone()),
            LineClass::Body if article.lead.is_none() => article.lead = Some(trimmed.clone()),
            _ => {}
        }
        if let Some(kind) = segment_kind(class, &article, &trimmed) {
            article.segments.push(Segment {
                kind,
                text: spaced(&text.norm[trimmed.clone()]),
                range: trimmed.clone(),
            });
        }
        article.lines.push(Line {
            range: trimmed,
            class,
            reason,
        });
    }
    article
}

fn segment_kind(class: LineClass, article: &Article, range: &Range<usize>) -> Option<SegmentKind> {
    match class {
        LineClass::Title => Some(SegmentKind::Title),
        LineClass::Lead => Some(SegmentKind::Lead),
        LineClass::Body if article.lead.as_ref() == Some(range) => Some(SegmentKind::Lead),
        LineClass::Body => Some(SegmentKind::Body),
        LineClass::Caption => Some(SegmentKind::Caption),
        _ => None,
    }
}

fn is_closing_marker(key: &str) -> bool {
    const MARKERS: [&str; 5] = [
        "đọc thêm",
        "tin liên quan",
        "tin cùng chuyên mục",
        "bài viết liên quan",
        "tin khác",
    ];
    MARKERS.iter().any(|m| key == crate::text::fold(m))
}

fn looks_like_title(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (4..=40).contains(&words) && !line.ends_with(['.', ':', ';', ','])
}

/// `range` without the white space at its ends.
fn trim_range(s: &str, range: Range<usize>) -> Range<usize> {
    let slice = &s[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
}

/// The text with line breaks as spaces (same byte length).
pub fn spaced(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

impl Article {
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
        let mut warnings = Vec::new();
        if text.norm.trim().is_empty() {
            warnings.push(Warning {
                code: "empty".into(),
                message: "the input has no text".into(),
            });
        }
        if text.was_html {
            warnings.push(Warning {
                code: "html".into(),
                message: "the input was HTML; tags were stripped and the text read".into(),
            });
        }
        warnings
    }
}

/// Runs of white space as one space, ends trimmed.
pub fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
