//! Paragraphs: lines broken by the page layout rejoined; each paragraph a lead, body
//! paragraph or caption.

use super::features::{
    ends_sentence, ends_with_period, has_sentence_break, is_name_like, more_words_than,
    starts_lowercase, word_count,
};
use super::phrases::Phrases;
use super::pieces::{Hint, Piece};
use super::{LineClass, SegmentKind};
use crate::lexicon::Hit;
use crate::text::Text;
use std::ops::Range;
use std::sync::OnceLock;

fn caption_phrases() -> &'static Phrases {
    static LEX: OnceLock<Phrases> = OnceLock::new();
    LEX.get_or_init(|| Phrases::from_data(include_str!("../../data/chrome_caption.txt")))
}

/// True when the folded line opens with a photo marker ("Ảnh: ...") or ends with a photo
/// credit ("... Ảnh: THẠCH BÁCH", "... ẢNH: PHẠM ĐỨC", "... Ảnh: Đinh Yến |").
pub fn has_photo_credit(folded: &str) -> bool {
    // Every credit has a colon after its marker: a line where no marker stands before a
    // colon is not searched.
    let phrases = caption_phrases();
    folded
        .match_indices(':')
        .any(|(i, _)| phrases.may_end_a_hit(folded[..i].trim_end()))
        && phrases
            .lex
            .find_words(folded)
            .any(|hit| is_credit_marker(folded, &hit))
}

/// True when `hit`, a photo marker in the folded line, opens or ends it as a credit: a colon
/// follows, and the marker starts the line or a short name follows.
fn is_credit_marker(folded: &str, hit: &Hit) -> bool {
    let rest = folded[hit.range.end..].trim_start();
    let Some(credit) = rest.strip_prefix(':') else {
        return false;
    };
    hit.range.start == 0 || {
        let credit = credit.trim().trim_end_matches(['.', '|', ')', ' ']);
        (!more_words_than(credit, 6) && !credit.contains(['.', ',', ';']))
            || is_initials(credit)
            || is_initialled_name(credit)
    }
}

/// True when the whole line is a photo credit standing alone under a caption: "Ảnh TỰ TRUNG.",
/// "Ảnh - Thu Hà", "Ảnh: N.V. Toàn". Such a line repeats under every picture without being chrome.
pub fn is_credit_line(line: &str, folded: &str) -> bool {
    caption_phrases().opening(folded).is_some_and(|hit| {
        let rest = line.get(hit.range.end..).unwrap_or("");
        let name = rest
            .trim_start_matches([':', '-', '–', ' '])
            .trim_end_matches(['.', ' ']);
        is_name_like(name) || is_initialled_name(name)
    })
}

/// "T.C", "N.V.A": initials as photo credits write them.
fn is_initials(s: &str) -> bool {
    !s.is_empty() && s.len() <= 12 && s.split('.').all(|p| p.trim().chars().count() <= 2)
}

/// "t h.hanh", "n.v. toan": initials then a name of at most two words, as credits write them.
fn is_initialled_name(s: &str) -> bool {
    let mut parts: Vec<&str> = s.split('.').collect();
    let name = parts.pop().unwrap_or("");
    !parts.is_empty()
        && (1..=2).contains(&word_count(name))
        && parts
            .iter()
            .all(|p| !p.trim().is_empty() && p.split_whitespace().all(|w| w.chars().count() <= 2))
}

/// For each line of `text`, true when it stands in a hard-wrapped block: consecutive lines
/// of article text (no empty or chrome line between) where some line goes on with a sentence
/// begun on the line before.
pub fn wrapped_lines(text: &Text, pieces: &[Piece]) -> Vec<bool> {
    let count = pieces.last().map_or(0, |p| p.line + 1);
    let mut lines: Vec<&str> = vec![""; count];
    for p in pieces
        .iter()
        .filter(|p| p.starts_line && p.class.is_none() && p.hint == Hint::None)
    {
        lines[p.line] = text.norm[p.range.clone()].trim();
    }
    let mut wrapped = vec![false; lines.len()];
    let mut start = 0;
    while start < lines.len() {
        let mut end = start;
        while end < lines.len() && !lines[end].is_empty() {
            end += 1;
        }
        let block = &lines[start..end];
        let continued = block
            .windows(2)
            .any(|w| !ends_sentence(w[0]) && starts_lowercase(w[1]));
        if continued && block.len() >= 3 {
            wrapped[start..end].iter_mut().for_each(|w| *w = true);
        }
        start = end + 1;
    }
    wrapped
}

/// A paragraph: consecutive pieces (indices) and its kind.
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// Indices of its first and one past its last piece.
    pub pieces: Range<usize>,
    /// Its kind.
    pub kind: SegmentKind,
}

/// Joins the open pieces into paragraphs and classes them (the lead is the first paragraph
/// that is not a caption).
pub fn build(text: &Text, pieces: &mut [Piece]) -> Vec<Paragraph> {
    let wrapped = wrapped_lines(text, pieces);
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for i in 0..pieces.len() {
        let p = &pieces[i];
        let open = p.class.is_none() && p.hint == Hint::None;
        let caption_part = p.class == Some(LineClass::Caption);
        if !open && !caption_part {
            if p.class != Some(LineClass::Blank) {
                close(&mut current, &mut paragraphs);
            }
            continue;
        }
        if let Some(cur) = current.as_mut() {
            if open && joins(text, pieces, cur.end - 1, i, &wrapped) {
                cur.end = i + 1;
                continue;
            }
        }
        close(&mut current, &mut paragraphs);
        current = Some(i..i + 1);
        if caption_part {
            close(&mut current, &mut paragraphs);
        }
    }
    close(&mut current, &mut paragraphs);
    let mut lead_found = false;
    for para in &mut paragraphs {
        para.kind = kind_of(text, pieces, para);
        if para.kind == SegmentKind::Body && !lead_found {
            para.kind = SegmentKind::Lead;
            lead_found = true;
        }
        let (class, reason) = match para.kind {
            SegmentKind::Lead => (LineClass::Lead, "first paragraph of the article"),
            SegmentKind::Caption => (LineClass::Caption, "picture caption"),
            _ => (LineClass::Body, "article text"),
        };
        for p in &mut pieces[para.pieces.clone()] {
            if p.class.is_none() {
                p.class = Some(class);
                p.reason = reason;
            }
        }
    }
    paragraphs
}

fn close(current: &mut Option<Range<usize>>, paragraphs: &mut Vec<Paragraph>) {
    if let Some(range) = current.take() {
        paragraphs.push(Paragraph {
            pieces: range,
            kind: SegmentKind::Body,
        });
    }
}

/// True when piece `b` goes on with the paragraph ending at piece `a` (only blank lines
/// between them): `a` ends without sentence punctuation, and `b` starts in lower case or
/// both stand in a hard-wrapped block.
fn joins(text: &Text, pieces: &[Piece], a: usize, b: usize, wrapped: &[bool]) -> bool {
    let (pa, pb) = (&pieces[a], &pieces[b]);
    let blank_between = b > a + 1;
    let first = &text.norm[pa.range.clone()];
    let second = &text.norm[pb.range.clone()];
    pa.ends_line
        && pb.starts_line
        && !ends_sentence(first)
        && (starts_lowercase(second)
            || ends_with_dangling_word(first)
            || (!blank_between && wrapped.get(pb.line).copied().unwrap_or(false)))
}

/// Words that cannot end a sentence, a heading or a caption: a line ending with one goes on
/// on the next line ("tại Hội trường UBND xã" / "Bưng Riềng, ...", "có ông" / "Nguyễn ...").
const DANGLING: [&str; 30] = [
    "tại", "của", "và", "với", "cho", "các", "những", "là", "có", "ông", "bà", "đồng", "ngày",
    "tháng", "số", "theo", "từ", "đến", "trong", "được", "đã", "sẽ", "về", "như", "gồm", "cùng",
    "để", "do", "bởi", "hoặc",
];

/// True when the line ends with a word that cannot end it (see [`DANGLING`]).
pub fn ends_with_dangling_word(line: &str) -> bool {
    line.split_whitespace()
        .next_back()
        .is_some_and(|w| DANGLING.contains(&crate::text::fold(w).as_str()))
}

fn kind_of(text: &Text, pieces: &[Piece], para: &Paragraph) -> SegmentKind {
    let first = &pieces[para.pieces.start];
    if first.class == Some(LineClass::Caption) {
        return SegmentKind::Caption;
    }
    let range = first.range.start..pieces[para.pieces.end - 1].range.end;
    let (line, folded) = (&text.norm[range.clone()], &text.fold[range]);
    // Only blank lines stand between the pieces: the paragraph's words are theirs, each
    // piece's counted further than the 30 asked about here.
    let words: usize = pieces[para.pieces.clone()].iter().map(|p| p.words).sum();
    let single = para.pieces.len() == 1;
    let short_note =
        words <= 30 && !ends_sentence(line) && !line.contains(';') && !has_sentence_break(line);
    let short_sentence = words <= 12
        && ends_with_period(line)
        && !line.trim_end_matches(['.', '!', '?', '…']).contains(". ");
    if has_photo_credit(folded) || (single && (short_note || short_sentence)) {
        SegmentKind::Caption
    } else {
        SegmentKind::Body
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`has_photo_credit`] finds a credit in every line (and every line's tail from a colon)
    /// of the corpora and the dev set where a search of the whole line for a marker does.
    #[test]
    fn has_photo_credit_agrees_with_a_search_of_the_whole_line() {
        let lines = crate::test_texts::folded_lines(&["Ảnh: X", "Quang cảnh. Ảnh minh hoạ :  A.B"]);
        for line in &lines {
            let tails = line.match_indices(':').map(|(i, _)| &line[i + 1..]);
            for line in std::iter::once(line.as_str()).chain(tails) {
                let searched = caption_phrases()
                    .lex
                    .find_words(line)
                    .any(|hit| is_credit_marker(line, &hit));
                assert_eq!(has_photo_credit(line), searched, "{line:?}");
            }
        }
    }
}
