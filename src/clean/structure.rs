//! The article's structure over the pieces: page header, headline, publish date, bylines,
//! the closing section, repeats.

use super::byline::authors;
use super::chrome::{chrome_reason, is_closing_marker};
use super::features::{
    ends_sentence, line_key, starts_like_a_heading, starts_lowercase, strip_accents, word_count,
};
use super::meta::source_tag;
use super::paragraphs::{has_photo_credit, wrapped_lines};
use super::pieces::{Hint, Piece};
use super::LineClass;
use crate::date::Date;
use crate::text::Text;
use std::collections::HashSet;
use std::ops::Range;

/// What the structure pass found besides the classes.
#[derive(Debug, Default)]
pub struct Found {
    /// Index of the headline piece.
    pub title: Option<usize>,
    /// The first publish stamp's date.
    pub published: Option<Date>,
    /// Author names (ranges in `norm`).
    pub authors: Vec<Range<usize>>,
}

/// Classifies the pieces that the article's structure decides.
pub fn read(text: &Text, pieces: &mut [Piece]) -> Found {
    let mut found = Found::default();
    mark_chrome(text, pieces);
    let wrapped = wrapped_lines(text);
    found.title = find_title(text, pieces, &wrapped);
    if let Some(t) = found.title {
        mark_header(pieces, t);
    }
    found.published = mark_stamps(pieces);
    let end = mark_closing(text, pieces, &mut found);
    mark_bylines(text, pieces, end, found.title, &mut found);
    mark_repeats(text, pieces, found.title);
    found
}

fn is_open(p: &Piece) -> bool {
    p.class.is_none() && p.hint == Hint::None
}

fn piece_text<'a>(text: &'a Text, p: &Piece) -> &'a str {
    &text.norm[p.range.clone()]
}

fn piece_fold<'a>(text: &'a Text, p: &Piece) -> &'a str {
    &text.fold[p.range.clone()]
}

/// Chrome lines and closing markers, from the line's own features.
fn mark_chrome(text: &Text, pieces: &mut [Piece]) {
    for p in pieces.iter_mut().filter(|p| is_open(p)) {
        let (line, folded) = (piece_text(text, p), piece_fold(text, p));
        if is_closing_marker(folded) {
            p.hint = Hint::Closing;
        } else if let Some(reason) = chrome_reason(line, folded) {
            p.class = Some(LineClass::Boilerplate);
            p.reason = reason;
        }
    }
}

/// The next piece after `i` that is not blank.
fn next_non_blank(pieces: &[Piece], i: usize) -> Option<&Piece> {
    pieces[i + 1..]
        .iter()
        .find(|p| p.class != Some(LineClass::Blank))
}

/// The headline: the first open piece shaped like one, after at most a few short header
/// lines; none when the page opens with the lead or a caption.
fn find_title(text: &Text, pieces: &[Piece], wrapped: &[bool]) -> Option<usize> {
    let mut header_lines = 0;
    for (i, p) in pieces.iter().enumerate() {
        if !is_open(p) {
            if p.class == Some(LineClass::Caption) {
                return None;
            }
            continue;
        }
        if is_title_shaped(text, pieces, i, wrapped) {
            return Some(i);
        }
        header_lines += 1;
        if word_count(piece_text(text, p)) > 5 || header_lines > 8 {
            return None;
        }
    }
    None
}

fn is_title_shaped(text: &Text, pieces: &[Piece], i: usize, wrapped: &[bool]) -> bool {
    let p = &pieces[i];
    let line = piece_text(text, p);
    let words = word_count(line);
    let next = next_non_blank(pieces, i);
    let continued = next.is_some_and(|n| is_open(n) && starts_lowercase(piece_text(text, n)));
    let stamp_follows = next.is_some_and(|n| matches!(n.hint, Hint::Stamp(_)));
    let ends_ok = !ends_sentence(line) || (line.ends_with('.') && stamp_follows);
    (4..=60).contains(&words)
        && (p.starts_line || after_crawler_prefix(pieces, i))
        && starts_like_a_heading(line)
        && ends_ok
        && !continued
        && !wrapped.get(p.line).copied().unwrap_or(false)
        && !has_photo_credit(piece_fold(text, p))
}

/// True when piece `i` follows the crawler date prefix on its line.
fn after_crawler_prefix(pieces: &[Piece], i: usize) -> bool {
    i > 0 && pieces[i - 1].line == pieces[i].line && pieces[i - 1].reason == "crawler date prefix"
}

/// Everything before the headline but the crawler prefix is page header.
fn mark_header(pieces: &mut [Piece], title: usize) {
    for p in &mut pieces[..title] {
        match (p.class, p.hint) {
            (None, Hint::Stamp(_)) => {
                p.class = Some(LineClass::Boilerplate);
                p.reason = "page-header date banner";
            }
            (None, _) => {
                p.class = Some(LineClass::Boilerplate);
                p.reason = "page header before the headline";
            }
            _ => {}
        }
        p.hint = Hint::None;
    }
    pieces[title].class = Some(LineClass::Title);
    pieces[title].reason = "headline";
}

/// The stamps left are meta lines; the first gives the publish date.
fn mark_stamps(pieces: &mut [Piece]) -> Option<Date> {
    let mut published = None;
    for p in pieces.iter_mut() {
        if let (None, Hint::Stamp(date)) = (p.class, p.hint) {
            p.class = Some(LineClass::Meta);
            p.reason = if published.is_none() {
                "publish date"
            } else {
                "date line"
            };
            published.get_or_insert(date);
        }
    }
    published
}

/// The closing section: from the first closing marker after the article began, everything
/// is boilerplate but clear bylines. Returns the index where the article ends.
fn mark_closing(text: &Text, pieces: &mut [Piece], found: &mut Found) -> usize {
    let mut began = false;
    let mut closed_at = None;
    for (i, p) in pieces.iter_mut().enumerate() {
        match p.hint {
            Hint::Closing if began => {
                closed_at = Some(i);
                break;
            }
            Hint::Closing => {
                p.class = Some(LineClass::Boilerplate);
                p.reason = "page chrome";
                p.hint = Hint::None;
            }
            _ if p.class.is_none() && word_count(piece_text(text, p)) >= 8 => began = true,
            _ => {}
        }
    }
    let Some(start) = closed_at else {
        return pieces.len();
    };
    for p in &mut pieces[start..] {
        p.hint = Hint::None;
        if p.class == Some(LineClass::Blank) {
            continue;
        }
        let names = authors(piece_text(text, p), piece_fold(text, p), true);
        if names.is_empty() {
            p.class = Some(LineClass::Boilerplate);
            p.reason = "after a closing-section marker";
        } else {
            p.class = Some(LineClass::Meta);
            p.reason = "byline";
            let base = p.range.start;
            found
                .authors
                .extend(names.into_iter().map(|r| base + r.start..base + r.end));
        }
    }
    pieces[start].reason = "closing-section marker";
    start
}

/// Bylines: a prefixed byline anywhere, the last line of the article, a name under the title.
fn mark_bylines(
    text: &Text,
    pieces: &mut [Piece],
    end: usize,
    title: Option<usize>,
    found: &mut Found,
) {
    let last = pieces[..end].iter().rposition(is_open);
    let first_after_title = title.and_then(|t| {
        pieces[t + 1..end]
            .iter()
            .position(is_open)
            .map(|k| t + 1 + k)
    });
    for i in 0..end {
        if !is_open(&pieces[i]) {
            continue;
        }
        let (line, folded) = (piece_text(text, &pieces[i]), piece_fold(text, &pieces[i]));
        let names = if Some(i) == last {
            authors(line, folded, false)
        } else if Some(i) == first_after_title {
            // Under the headline only a bare name is a byline ("Lệ Chi").
            let names = authors(line, folded, false);
            if names.len() == 1 && names[0] == (0..line.len()) {
                names
            } else {
                authors(line, folded, true)
            }
        } else {
            authors(line, folded, true)
        };
        if names.is_empty() {
            continue;
        }
        let p = &mut pieces[i];
        p.class = Some(LineClass::Meta);
        p.reason = "byline";
        let base = p.range.start;
        found
            .authors
            .extend(names.into_iter().map(|r| base + r.start..base + r.end));
    }
}

/// Repeated headlines (also without diacritics) and repeated paragraphs.
fn mark_repeats(text: &Text, pieces: &mut [Piece], title: Option<usize>) {
    let title_key = title.map(|t| line_key(piece_fold(text, &pieces[t])));
    let bare_title = title.map(|t| line_key(&strip_accents(piece_text(text, &pieces[t]))));
    let mut seen: HashSet<String> = HashSet::new();
    for p in pieces.iter_mut() {
        if !is_open(p) && p.class != Some(LineClass::Caption) {
            continue;
        }
        let key = line_key(without_source_tag(piece_text(text, p), piece_fold(text, p)));
        if key.is_empty() {
            continue;
        }
        let reason = if Some(&key) == title_key.as_ref() {
            "repeated headline"
        } else if bare_title.as_ref() == Some(&line_key(&strip_accents(piece_text(text, p)))) {
            "headline without diacritics"
        } else if !seen.insert(key) {
            "repeated paragraph"
        } else {
            continue;
        };
        p.class = Some(LineClass::Boilerplate);
        p.reason = reason;
    }
}

/// The folded line without an agency tag at its start (a repeated lead carries it again).
fn without_source_tag<'a>(line: &str, folded: &'a str) -> &'a str {
    match source_tag(line) {
        Some((tag, _, after)) if tag.start == 0 => &folded[after..],
        _ => folded,
    }
}
