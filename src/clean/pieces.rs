//! Lines cut into pieces: a line holding two things (a publish stamp and a counter, the
//! crawler's date prefix and a banner, a caption run together with the lead behind an agency
//! tag) becomes one piece per thing, each classified on its own.

use super::features::word_count_up_to;
use super::meta::{crawler_prefix, source_tag, stamp, Published};
use super::LineClass;
use crate::date::Date;
use crate::text::Text;
use std::ops::Range;

/// What a piece is known to be before the article's structure is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// Nothing yet.
    None,
    /// A date/time stamp: the publish date or the page header's "today" banner.
    Stamp(Date),
    /// A closing-section marker.
    Closing,
}

/// A line or a part of one.
#[derive(Debug, Clone)]
pub struct Piece {
    /// Byte range in `norm`, trimmed.
    pub range: Range<usize>,
    /// Index of the line it is on.
    pub line: usize,
    /// True when it is the first piece of its line.
    pub starts_line: bool,
    /// True when it is the last piece of its line.
    pub ends_line: bool,
    /// The class, once decided.
    pub class: Option<LineClass>,
    /// Why.
    pub reason: &'static str,
    /// What it is known to be.
    pub hint: Hint,
    /// Its words ([`word_count`](super::features::word_count)), counted up to
    /// [`COUNTED_WORDS`].
    pub words: usize,
}

/// The words of a piece are counted up to this many: the rules that read a piece's word
/// count ask about fewer.
pub const COUNTED_WORDS: usize = 32;

/// Meta facts read while cutting lines.
#[derive(Debug, Clone, Default)]
pub struct Cut {
    /// The pieces in text order.
    pub pieces: Vec<Piece>,
    /// The crawler prefix's date.
    pub crawler_date: Option<Published>,
    /// The agency source tag.
    pub source: Option<String>,
}

/// Fewest words of a line that can be the lead.
const LEAD_WORDS: usize = 20;

/// Cuts the lines of `text` into pieces.
pub fn cut(text: &Text) -> Cut {
    let mut cut = Cut::default();
    // An agency tag stands before the lead: the first long line of the page.
    let mut lead_seen = false;
    for (line, range) in text.lines().enumerate() {
        let trimmed = trim_range(&text.norm, range);
        let first = cut.pieces.len();
        if trimmed.is_empty() {
            cut.push(
                line,
                trimmed,
                Some(LineClass::Blank),
                "empty line",
                Hint::None,
            );
        } else {
            cut_line(text, line, trimmed, &mut cut, !lead_seen);
        }
        if let Some(p) = cut.pieces.get_mut(first) {
            p.starts_line = true;
        }
        if let Some(p) = cut.pieces.last_mut() {
            p.ends_line = true;
        }
        for p in &mut cut.pieces[first..] {
            p.words = word_count_up_to(&text.norm[p.range.clone()], COUNTED_WORDS);
        }
        lead_seen = lead_seen || cut.pieces[first..].iter().any(|p| p.words >= LEAD_WORDS);
    }
    cut
}

impl Cut {
    fn push(
        &mut self,
        line: usize,
        range: Range<usize>,
        class: Option<LineClass>,
        reason: &'static str,
        hint: Hint,
    ) {
        self.pieces.push(Piece {
            range,
            line,
            starts_line: false,
            ends_line: false,
            class,
            reason,
            hint,
            words: 0,
        });
    }
}

/// Cuts one non-empty line; `near_top` allows an agency tag (it stands before the lead).
fn cut_line(text: &Text, line: usize, range: Range<usize>, cut: &mut Cut, near_top: bool) {
    let mut at = range.start;
    let end = range.end;
    if let Some((len, date)) = crawler_prefix(&text.norm[at..end]) {
        cut.push(
            line,
            at..at + len,
            Some(LineClass::Meta),
            "crawler date prefix",
            Hint::None,
        );
        if cut.crawler_date.is_none() {
            cut.crawler_date = date;
        }
        at = skip_spaces(&text.norm, at + len, end);
    }
    if at < end {
        if let Some(st) = stamp(&text.norm[at..end], &text.fold[at..end]) {
            let whole = at + st.len >= end;
            if whole || st.has_clock {
                cut.push(
                    line,
                    at..at + st.len,
                    None,
                    "date line",
                    Hint::Stamp(st.date),
                );
                at = skip_separators(&text.norm, at + st.len, end);
            }
        }
    }
    if at < end && near_top {
        if let Some((tag, name, after)) = source_tag(&text.norm[at..end]) {
            if tag.start > 0 {
                let before = trim_range(&text.norm, at..at + tag.start);
                cut.push(
                    line,
                    before,
                    Some(LineClass::Caption),
                    "caption run together with the lead",
                    Hint::None,
                );
            }
            cut.push(
                line,
                at + tag.start..at + tag.end,
                Some(LineClass::Meta),
                "source tag",
                Hint::None,
            );
            cut.source.get_or_insert(name);
            at += after;
        }
    }
    if at < end {
        cut.push(line, at..end, None, "", Hint::None);
    }
}

fn skip_spaces(s: &str, mut at: usize, end: usize) -> usize {
    while at < end && s.as_bytes()[at] == b' ' {
        at += 1;
    }
    at
}

fn skip_separators(s: &str, at: usize, end: usize) -> usize {
    let rest = &s[at..end];
    end - rest
        .trim_start_matches(|c: char| c.is_whitespace() || "|,-–—".contains(c))
        .len()
}

/// `range` without the white space at its ends.
pub fn trim_range(s: &str, range: Range<usize>) -> Range<usize> {
    let slice = &s[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
}
