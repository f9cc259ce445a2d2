//! The article's structure over the pieces: page header, headline, publish date, bylines,
//! the closing section, repeats.

use super::byline::{authors, is_unit_line, source_line, MAX_BYLINE_WORDS};
use super::chrome::{chrome_reason, is_closing_marker, CHROME_COUNTED_WORDS};
use super::features::{
    bare_key_is, ends_sentence, has_sentence_break, key_words, line_key, more_words_than,
    same_line_key, starts_like_a_heading, starts_lowercase, strip_accents,
};
use super::meta::source_tag;
use super::paragraphs::{ends_with_dangling_word, has_photo_credit, is_credit_line, wrapped_lines};
use super::pieces::{Hint, Piece, COUNTED_WORDS};
use super::LineClass;
use crate::date::Date;
use crate::lexicon::{BuildKeyHasher, KeyHasher};
use crate::text::letters::is_letter_or_digit;
use crate::text::Text;
use regex::Regex;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::Hasher;
use std::ops::Range;
use std::sync::OnceLock;

/// What the structure pass found besides the classes.
#[derive(Debug, Default)]
pub struct Found {
    /// Index of the headline piece.
    pub title: Option<usize>,
    /// The first publish stamp's date.
    pub published: Option<Date>,
    /// Author names (ranges in `norm`).
    pub authors: Vec<Range<usize>>,
    /// The source named by a closing source line ("Theo Báo Nhân Dân").
    pub source: Option<String>,
}

/// Classifies the pieces that the article's structure decides.
pub fn read(text: &Text, pieces: &mut [Piece]) -> Found {
    let mut found = Found::default();
    mark_chrome(text, pieces);
    let wrapped = wrapped_lines(text, pieces);
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

/// [`authors`] of piece `p`: none when its word count shows it longer than a byline.
fn piece_authors(text: &Text, p: &Piece, prefixed_only: bool) -> Vec<Range<usize>> {
    if p.words > MAX_BYLINE_WORDS {
        return Vec::new();
    }
    authors(piece_text(text, p), piece_fold(text, p), prefixed_only)
}

// The piece word counts answer every question asked of them below.
const _: () = assert!(COUNTED_WORDS > MAX_BYLINE_WORDS && COUNTED_WORDS >= CHROME_COUNTED_WORDS);
// `is_title_shaped` reads a piece's own count when it is under COUNTED_WORDS: 26 to 61 keep
// its bounds (questions of at most 25 words, titles of at most 60) exact.
const _: () = assert!(COUNTED_WORDS > MAX_CAPTION_WORDS && COUNTED_WORDS > 25);
const _: () = assert!(COUNTED_WORDS <= 61);

/// Chrome lines and closing markers, from the line's own features.
fn mark_chrome(text: &Text, pieces: &mut [Piece]) {
    for p in pieces.iter_mut().filter(|p| is_open(p)) {
        let (line, folded) = (piece_text(text, p), piece_fold(text, p));
        if !line.chars().any(is_letter_or_digit) {
            p.class = Some(LineClass::Boilerplate);
            p.reason = "decoration without words";
        } else if is_closing_marker(folded) {
            p.hint = Hint::Closing;
        } else if let Some(reason) = chrome_reason(line, folded, p.words) {
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

/// Headlines longer than this many words are rare: when there are several candidates, such a
/// long one is more likely a lead that lacks its final period.
const LONG_TITLE_WORDS: usize = 35;

/// The headline: of the open pieces shaped like one before the first paragraph (after at most
/// a few short header lines), the last of usual length: site names and menus stand above the
/// headline, the lead right under it. None when the page opens with the lead or a caption.
fn find_title(text: &Text, pieces: &[Piece], wrapped: &[bool]) -> Option<usize> {
    let mut header_lines = 0;
    let mut candidates = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        if !is_open(p) {
            if p.class == Some(LineClass::Caption) {
                break;
            }
            continue;
        }
        // Menus copied one item a line are many short lines: only longer ones count.
        if p.words > 3 {
            header_lines += 1;
        }
        if header_lines > 8 || i > 80 {
            break;
        }
        if is_title_shaped(text, pieces, i, wrapped) {
            if !candidates
                .last()
                .is_some_and(|&c| is_picture_label_of(text, &pieces[i], &pieces[c]))
            {
                candidates.push(i);
            }
        } else if p.words > 5 && !is_header_bar(piece_text(text, p)) {
            break;
        }
    }
    let usual = |&&i: &&usize| !more_words_than(piece_text(text, &pieces[i]), LONG_TITLE_WORDS);
    candidates
        .iter()
        .rev()
        .find(usual)
        .or(candidates.first())
        .copied()
}

fn is_title_shaped(text: &Text, pieces: &[Piece], i: usize, wrapped: &[bool]) -> bool {
    let p = &pieces[i];
    let line = piece_text(text, p);
    // A piece of COUNTED_WORDS words or more has more than 25; whether it has more than 60
    // is asked last, when all else holds.
    let counted = p.words < COUNTED_WORDS;
    let next = next_non_blank(pieces, i);
    let continued = next.is_some_and(|n| is_open(n) && starts_lowercase(piece_text(text, n)));
    let stamp_follows = next.is_some_and(|n| matches!(n.hint, Hint::Stamp(_)));
    let asks = line.ends_with(['?', '!']) && counted && p.words <= 25;
    let ends_ok = !ends_sentence(line) || asks || (line.ends_with('.') && stamp_follows);
    (!counted || p.words >= 4)
        && (p.starts_line || after_crawler_prefix(pieces, i))
        && starts_like_a_heading(line)
        && ends_ok
        && !continued
        && !ends_with_dangling_word(line)
        && !has_date_and_time(line)
        && !is_button_bar(line)
        && !has_sentence_break(line)
        && piece_authors(text, p, true).is_empty()
        && !wrapped.get(p.line).copied().unwrap_or(false)
        && !has_photo_credit(piece_fold(text, p))
        && (counted || !more_words_than(line, 60))
}

/// True when the line is a page-header bar rather than prose: it holds a date and a time
/// ("Chuyên mục | Thứ Năm 12/10/2017 14:05") or items split by bars ("Tin mới | Video").
fn is_header_bar(line: &str) -> bool {
    has_date_and_time(line) || line.contains(" | ")
}

/// Words of one button in a bar ("Thu nhỏ", "Gửi bài viết").
const MAX_BUTTON_WORDS: usize = 3;

/// True when the line is a bar of short buttons split by "|" ("Phóng to | Thu nhỏ | Lưu"):
/// at least three parts, none longer than a button.
fn is_button_bar(line: &str) -> bool {
    let mut parts = line.split('|');
    line.matches('|').count() >= 2 && parts.all(|p| !more_words_than(p, MAX_BUTTON_WORDS))
}

/// True when the line holds a full date and a clock time: a byline or stamp line
/// ("Thu Hà - 10:20 12/03/2024"), never a headline.
fn has_date_and_time(line: &str) -> bool {
    static DATE: OnceLock<Regex> = OnceLock::new();
    static TIME: OnceLock<Regex> = OnceLock::new();
    let date =
        DATE.get_or_init(|| Regex::new(r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}").expect("valid regex"));
    let time = TIME.get_or_init(|| Regex::new(r"[0-9]{1,2}:[0-9]{2}").expect("valid regex"));
    // Both need their separator: most lines are let go by memchr.
    line.contains('/') && line.contains(':') && date.is_match(line) && time.is_match(line)
}

/// True when piece `i` follows the crawler date prefix on its line.
fn after_crawler_prefix(pieces: &[Piece], i: usize) -> bool {
    i > 0 && pieces[i - 1].line == pieces[i].line && pieces[i - 1].reason == "crawler date prefix"
}

/// Everything before the headline but the crawler prefix is page header. A date stamp above
/// the headline is the page's "today" banner when another stamp follows the headline;
/// alone, it is the publish date.
fn mark_header(pieces: &mut [Piece], title: usize) {
    let stamp_below = pieces[title..]
        .iter()
        .any(|p| matches!(p.hint, Hint::Stamp(_)));
    for p in &mut pieces[..title] {
        match (p.class, p.hint) {
            (None, Hint::Stamp(_)) if !stamp_below => continue,
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
/// Marks `p` as a byline and records the author names found in it (ranges within the piece).
fn mark_byline(p: &mut Piece, names: Vec<Range<usize>>, found: &mut Found) {
    p.class = Some(LineClass::Meta);
    p.reason = "byline";
    let base = p.range.start;
    found
        .authors
        .extend(names.into_iter().map(|r| base + r.start..base + r.end));
}

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
            _ if p.class.is_none() && p.words > 7 => began = true,
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
        let names = piece_authors(text, p, true);
        if names.is_empty() {
            p.class = Some(LineClass::Boilerplate);
            p.reason = "after a closing-section marker";
        } else {
            mark_byline(p, names, found);
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
    let mut last = pieces[..end].iter().rposition(is_open);
    // A byline on two lines: the name, then the unit alone.
    if let Some(unit) =
        last.filter(|&i| is_unit_line(piece_text(text, &pieces[i]), piece_fold(text, &pieces[i])))
    {
        if let Some(name) = pieces[..unit].iter().rposition(is_open) {
            if !piece_authors(text, &pieces[name], false).is_empty() {
                pieces[unit].class = Some(LineClass::Meta);
                pieces[unit].reason = "byline (the author's unit)";
                last = Some(name);
            }
        }
    }
    last = last.map(|i| bare_name_above_captions(text, pieces, i).unwrap_or(i));
    let first_after_title = title.and_then(|t| {
        pieces[t + 1..end]
            .iter()
            .position(is_open)
            .map(|k| t + 1 + k)
    });
    let open: Vec<usize> = (0..end).filter(|&i| is_open(&pieces[i])).collect();
    for i in open {
        let (line, folded) = (piece_text(text, &pieces[i]), piece_fold(text, &pieces[i]));
        if Some(i) == last {
            if let Some(range) = source_line(line, folded) {
                found.source = Some(line[range].to_string());
                let p = &mut pieces[i];
                p.class = Some(LineClass::Meta);
                p.reason = "source line";
                continue;
            }
        }
        let names = if Some(i) == last && !ends_a_list(text, pieces, i) {
            piece_authors(text, &pieces[i], false)
        } else if Some(i) == first_after_title {
            // Under the headline only a bare name is a byline ("Lệ Chi"), or a name with
            // the time of writing ("Thu Hà - 10:20 12/03/2024").
            let names = piece_authors(text, &pieces[i], false);
            let bare = names.last().is_some_and(|r| r.end == line.len());
            if bare || (!names.is_empty() && has_date_and_time(line)) {
                names
            } else {
                piece_authors(text, &pieces[i], true)
            }
        } else {
            piece_authors(text, &pieces[i], true)
        };
        if names.is_empty() {
            continue;
        }
        mark_byline(&mut pieces[i], names, found);
    }
}

/// Photo captions printed after the article's end: at most this many stand under the byline.
const MAX_TRAILING_CAPTIONS: usize = 3;

/// A picture caption has at most this many words.
const MAX_CAPTION_WORDS: usize = 25;

/// The byline when the article ends with a bare name followed only by a few picture captions
/// (short one-sentence lines, or a caption printed again): "Thu Hà", then "Quang cảnh buổi
/// lễ." `last` is the last open piece.
fn bare_name_above_captions(text: &Text, pieces: &[Piece], last: usize) -> Option<usize> {
    let open = (0..=last).rev().filter(|&i| is_open(&pieces[i]));
    for (captions, i) in open.enumerate() {
        let line = piece_text(text, &pieces[i]);
        let names = piece_authors(text, &pieces[i], false);
        if captions > 0
            && names
                .last()
                .is_some_and(|r| r.start == 0 && r.end == line.len())
        {
            return (!ends_a_list(text, pieces, i)).then_some(i);
        }
        // A caption may name people, but it is a sentence, not a name list.
        let caption_shaped = (names.is_empty() || ends_sentence(line))
            && (pieces[i].words <= MAX_CAPTION_WORDS && !has_sentence_break(line)
                || repeats_an_earlier_line(text, pieces, i));
        if captions == MAX_TRAILING_CAPTIONS || !caption_shaped {
            return None;
        }
    }
    None
}

/// True when piece `i` says again what an open piece before it said (a caption printed twice).
fn repeats_an_earlier_line(text: &Text, pieces: &[Piece], i: usize) -> bool {
    let line = piece_fold(text, &pieces[i]);
    pieces[..i]
        .iter()
        .any(|p| is_open(p) && same_line_key(piece_fold(text, p), line))
}

/// True when the open piece before `i` introduces or continues a list ("... gồm:", a name on
/// its own line): the last name of a list is not a byline.
fn ends_a_list(text: &Text, pieces: &[Piece], i: usize) -> bool {
    pieces[..i]
        .iter()
        .rev()
        .find(|p| is_open(p))
        .is_some_and(|p| {
            let line = piece_text(text, p);
            line.trim_end().ends_with(':') || !piece_authors(text, p, false).is_empty()
        })
}

/// Repeated headlines (also without diacritics) and repeated paragraphs.
fn mark_repeats(text: &Text, pieces: &mut [Piece], title: Option<usize>) {
    let title_line = title.map(|t| piece_fold(text, &pieces[t]));
    // A line that repeats the headline, or labels it as a picture, opens with its first word.
    let title_first = title_line.and_then(|t| key_words(t).next());
    let bare_title = title.map(|t| line_key(&strip_accents(piece_text(text, &pieces[t]))));
    let mut seen = SeenLines::default();
    for p in pieces.iter_mut() {
        if !is_open(p) && p.class != Some(LineClass::Caption) {
            continue;
        }
        let line = without_source_tag(piece_text(text, p), piece_fold(text, p));
        let Some(first_word) = key_words(line).next() else {
            continue;
        };
        let reason = if title_first == Some(first_word)
            && title_line.is_some_and(|t| same_line_key(line, t) || is_picture_label(line, t))
        {
            "repeated headline"
        } else if bare_title
            .as_deref()
            .is_some_and(|t| bare_key_is(piece_text(text, p), t))
        {
            "headline without diacritics"
        } else if !seen.is_first(line) && !is_credit_line(piece_text(text, p), piece_fold(text, p))
        {
            "repeated paragraph"
        } else {
            continue;
        };
        p.class = Some(LineClass::Boilerplate);
        p.reason = reason;
    }
}

/// Words of a line's key that [`SeenLines`] files it under.
const FILED_KEY_WORDS: usize = 8;

/// The folded lines seen so far, filed by a hash of their first [`FILED_KEY_WORDS`] key
/// words: a line is compared in full only with the lines that open alike. The first line of
/// a hash is held in place, so only the lines that open like an earlier one take a vector.
#[derive(Default)]
struct SeenLines<'a> {
    filed: HashMap<u64, (&'a str, Vec<&'a str>), BuildKeyHasher>,
}

impl<'a> SeenLines<'a> {
    /// True when no line with the same [`line_key`] as the folded `line` was seen before;
    /// `line` is seen from now on.
    fn is_first(&mut self, line: &'a str) -> bool {
        let mut hasher = KeyHasher::default();
        for word in key_words(line).take(FILED_KEY_WORDS) {
            hasher.write(word.as_bytes());
            hasher.write_u8(0xFF);
        }
        let (head, rest) = match self.filed.entry(hasher.finish()) {
            Entry::Vacant(entry) => {
                entry.insert((line, Vec::new()));
                return true;
            }
            Entry::Occupied(entry) => entry.into_mut(),
        };
        let first = !std::iter::once(&*head)
            .chain(rest.iter())
            .any(|seen| same_line_key(seen, line));
        if first {
            rest.push(line);
        }
        first
    }
}

/// True when piece `p` is the line `line` labelled as a picture: the image's alt text
/// ("<headline> - Ảnh minh hoạ").
fn is_picture_label_of(text: &Text, p: &Piece, line: &Piece) -> bool {
    is_picture_label(piece_fold(text, p), piece_fold(text, line))
}

/// Words of a picture label after "Ảnh" ("minh hoạ", "1").
const MAX_PICTURE_LABEL_WORDS: usize = 2;

/// True when the folded `line` is the folded line `title` labelled as a picture ("... - Ảnh
/// 1", "... - Ảnh minh hoạ"): the key words of the title, "ảnh", at most
/// [`MAX_PICTURE_LABEL_WORDS`] more.
fn is_picture_label(line: &str, title: &str) -> bool {
    let mut words = key_words(line);
    key_words(title).next().is_some()
        && key_words(title).all(|t| words.next() == Some(t))
        && words.next() == Some("ảnh")
        && words.count() <= MAX_PICTURE_LABEL_WORDS
}

/// The folded line without an agency tag at its start (a repeated lead carries it again).
fn without_source_tag<'a>(line: &str, folded: &'a str) -> &'a str {
    // A tag at the start is the line's opening parenthesis.
    if !line.starts_with('(') {
        return folded;
    }
    match source_tag(line) {
        Some((tag, _, after)) if tag.start == 0 => &folded[after..],
        _ => folded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `first`, then the texts of the corpora and the dev set.
    fn with_corpus_texts(first: &str) -> Vec<String> {
        let mut texts = vec![first.to_string()];
        let under = ["tests/corpus", crate::test_texts::DEVSET];
        texts.extend(crate::test_texts::texts_under(&under));
        texts
    }

    /// [`SeenLines`] tells a line first exactly when no earlier line has its [`line_key`],
    /// over the lines of the corpora and the dev set and lines that open alike.
    #[test]
    fn seen_lines_agree_with_a_set_of_line_keys() {
        let texts = with_corpus_texts("a b c d e f g h i\na b c d e f g h j\na b c d e f g h i");
        let mut repeats = 0;
        for input in &texts {
            let folded = crate::text::fold(input);
            let mut seen = SeenLines::default();
            let mut keys = std::collections::HashSet::new();
            for line in folded.lines() {
                let first = keys.insert(line_key(line));
                assert_eq!(seen.is_first(line), first, "{line:?}");
                repeats += usize::from(!first);
            }
        }
        assert!(repeats > 100, "{repeats}");
    }

    /// The shortcuts of [`mark_repeats`] hold on the corpora and the dev set: a line that
    /// does not open with a "(" loses no tag to [`without_source_tag`], and a line repeats the
    /// first line of its text, or labels it as a picture, only when it opens with the same
    /// key word.
    #[test]
    fn repeats_are_told_by_their_first_word() {
        let texts = with_corpus_texts("(TTXVN) - Sáng nay\nThi đua - Ảnh 1\nThi đua");
        for input in &texts {
            let folded = crate::text::fold(input);
            let lines: Vec<(&str, &str)> = input.lines().zip(folded.lines()).collect();
            let Some(&(_, title)) = lines.first() else {
                continue;
            };
            for &(line, fold) in &lines {
                if !line.starts_with('(') {
                    let tag = source_tag(line).filter(|(tag, _, _)| tag.start == 0);
                    assert!(tag.is_none(), "{line:?}");
                }
                if key_words(fold).next() != key_words(title).next() {
                    assert!(!same_line_key(fold, title), "{fold:?}");
                    assert!(!is_picture_label(fold, title), "{fold:?}");
                }
            }
        }
    }
}
