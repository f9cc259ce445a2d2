//! First stage: the input as text we can match on, with a map back to the input.
//!
//! [`Text::new`] turns what the caller gave into `norm`: HTML tags stripped (when the input is
//! HTML), Unicode NFC, lookalike letters unified ("Ð" U+00D0 → "Đ"), no-break spaces as
//! spaces. `fold` is a matching key of the same byte length as `norm`: lower case, with
//! both tone placements of "oa", "oe", "uy" written one way ("hòa" = "hoà"), so every byte
//! offset found in `fold` is an offset in `norm`. Every offset in `norm` maps back to a
//! UTF-16 offset of the input, which is what [`Span`] carries.

mod compose;
pub mod fold;
pub mod html;
pub mod letters;
mod mapped;
pub mod sentences;

pub use compose::{base_letter, combining_class, has_mark};
pub use fold::{fold, fold_char};
pub use mapped::{Mapped, Origin};
pub use sentences::sentences;

/// The byte length of the UTF-8 character whose first byte is `lead`.
pub fn utf8_width(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// The index of the first byte of `bytes` that `wanted` accepts, looked for 32 bytes at a
/// time: when `wanted` is a few comparisons the compiler vectorises the loop, for the sparse
/// bytes (digits, stops) that scans skip to.
pub fn find_byte(bytes: &[u8], wanted: impl Fn(u8) -> bool + Copy) -> Option<usize> {
    let mut offset = 0;
    for chunk in bytes.chunks(32) {
        if chunk.iter().fold(false, |any, &b| any | wanted(b)) {
            return chunk.iter().position(|&b| wanted(b)).map(|k| offset + k);
        }
        offset += chunk.len();
    }
    None
}

/// Calls `f` on `bytes` in windows of 34 bytes that start 32 apart, with their offsets, the
/// bytes past the end read as `pad`, until it breaks: every byte with the two after it, for
/// tests of short byte sequences in fixed-size loops the compiler vectorises.
pub fn each_window<B>(
    bytes: &[u8],
    pad: u8,
    mut f: impl FnMut(usize, &[u8; 34]) -> ControlFlow<B>,
) -> Option<B> {
    let mut offset = 0;
    while let Some(window) = bytes.get(offset..offset + 34) {
        if let Ok(window) = window.try_into() {
            if let ControlFlow::Break(b) = f(offset, window) {
                return Some(b);
            }
        }
        offset += 32;
    }
    // The last one or two windows, padded.
    while let Some(rest) = bytes.get(offset..).filter(|rest| !rest.is_empty()) {
        let mut window = [pad; 34];
        window[..rest.len()].copy_from_slice(rest);
        if let ControlFlow::Break(b) = f(offset, &window) {
            return Some(b);
        }
        offset += 32;
    }
    None
}

/// True for the ASCII white space: space, tab, line feed, vertical tab, form feed, return.
pub fn is_ascii_space(b: u8) -> bool {
    (b == b' ') | (b.wrapping_sub(b'\t') < 5)
}

/// True when bytes `a`, `b`, `c` start a white-space character that is not ASCII (U+0085,
/// U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
pub fn is_other_white_space(a: u8, b: u8, c: u8) -> bool {
    // Comparisons joined without short cuts: a loop over bytes vectorises.
    let e2_80 = (a == 0xE2) & (b == 0x80);
    (a == 0xC2) & ((b == 0x85) | (b == 0xA0))
        | (a == 0xE1) & (b == 0x9A) & (c == 0x80)
        | e2_80 & ((c.wrapping_sub(0x80) < 11) | (c == 0xA8) | (c == 0xA9) | (c == 0xAF))
        | (a == 0xE2) & (b == 0x81) & (c == 0x9F)
        | (a == 0xE3) & (b == 0x80) & (c == 0x80)
}

/// The first character boundary of `s` at or after byte `at` (`s.len()` past the end).
pub fn ceil_char_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The last character boundary of `s` at or before byte `at` (`s.len()` past the end).
pub fn floor_char_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

use crate::model::Span;
use std::ops::{ControlFlow, Range};

/// The input, normalised for matching, with offsets back to the input.
#[derive(Debug, Clone)]
pub struct Text {
    /// Normalised text: NFC, lookalikes unified, tags stripped. Later stages read this.
    pub norm: String,
    /// Matching key: `norm` folded (lower case, one tone placement). Same byte length.
    pub fold: String,
    /// For each byte of `norm` (and one past the end): UTF-16 offset in the input.
    origin: Origin,
    /// True when the input was HTML and tags were stripped.
    pub was_html: bool,
}

impl Text {
    /// Normalises `input`, keeping the map back to it.
    pub fn new(input: &str) -> Text {
        let was_html = html::looks_like_html(input);
        let (norm, origin) = if was_html {
            let normalised = normalise(html::strip(input));
            (normalised.text, Origin::Table(normalised.map))
        } else if needs_normalising(input) {
            let normalised = normalise(Mapped::identity(input));
            (normalised.text, Origin::Table(normalised.map))
        } else {
            (input.to_owned(), Origin::same(input))
        };
        Text {
            fold: fold(&norm),
            norm,
            origin,
            was_html,
        }
    }

    /// The span in the input of a byte range of `norm`.
    pub fn span(&self, range: Range<usize>) -> Span {
        let end = range.end.min(self.norm.len());
        let start = range.start.min(end);
        Span {
            start: self.origin.utf16(&self.norm, start) as usize,
            end: self.origin.utf16(&self.norm, end) as usize,
        }
    }

    /// Byte ranges of the lines of `norm` (without their line break).
    pub fn lines(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        let mut start = 0;
        let bytes = self.norm.as_bytes();
        let len = bytes.len();
        std::iter::from_fn(move || {
            if start > len || (start == len && len > 0 && bytes[len - 1] == b'\n') {
                return None;
            }
            let end = find_byte(&bytes[start..], |b| b == b'\n').map_or(len, |i| start + i);
            let line = start..end;
            start = end + 1;
            let trimmed_end = if line.end > line.start && bytes[line.end - 1] == b'\r' {
                line.end - 1
            } else {
                line.end
            };
            Some(line.start..trimmed_end)
        })
    }
}

/// NFC (of Latin letters, see [`compose`]) plus the character-level clean-ups, keeping the map.
/// Text that needs neither is returned as it is.
fn normalise(input: Mapped) -> Mapped {
    let text = &input.text;
    let mut out = Mapped::with_capacity(text.len());
    if compose::has_combining_mark(text) {
        // Compose one run of base + combining marks at a time so offsets stay exact.
        let mut chars = text.char_indices().peekable();
        let mut composed = String::new();
        while let Some((i, _)) = chars.next() {
            while chars
                .next_if(|&(_, c)| compose::combining_class(c) != 0)
                .is_some()
            {}
            let end = chars.peek().map_or(text.len(), |&(j, _)| j);
            composed.clear();
            compose::compose_cluster(&text[i..end], &mut composed);
            push_cleaned(&mut out, &composed, input.map[i], input.map[end]);
        }
    } else {
        let mut changed = false;
        // Runs of characters that stay are copied as they are, with their map.
        let mut run_start = 0;
        let mut i = 0;
        let bytes = text.as_bytes();
        while let Some(at) = next_cleaned(bytes, i) {
            let c = text[at..].chars().next().unwrap_or(' ');
            i = at + c.len_utf8();
            let cleaned = cleaned_char(c);
            if cleaned == Some(c) {
                continue;
            }
            changed = true;
            out.text.push_str(&text[run_start..at]);
            out.map.extend_from_slice(&input.map[run_start..at]);
            if let Some(cleaned) = cleaned {
                out.push_char(cleaned, input.map[at]);
            }
            run_start = i;
        }
        if !changed {
            return input;
        }
        out.text.push_str(&text[run_start..]);
        out.map.extend_from_slice(&input.map[run_start..text.len()]);
    }
    out.finish(input.map[text.len()]);
    out
}

/// True when [`normalise`] would change `text`: it holds a combining mark or a character the
/// clean-ups change.
fn needs_normalising(text: &str) -> bool {
    compose::has_combining_mark(text) || next_cleaned(text.as_bytes(), 0).is_some()
}

/// Where the first character that [`cleaned_char`] changes starts in `bytes[from..]`.
fn next_cleaned(bytes: &[u8], mut from: usize) -> Option<usize> {
    let wanted = |b: u8| may_be_cleaned(b) || b == ETH_SECOND_BYTE;
    while let Some(offset) = find_byte(&bytes[from..], wanted) {
        let at = from + offset;
        // "Ð" is found by its second byte: its first (0xC3) starts most accented vowels.
        if bytes[at] == ETH_SECOND_BYTE {
            if at > from && bytes[at - 1] == 0xC3 {
                return Some(at - 1);
            }
        } else if is_cleaned(&bytes[at..]) {
            return Some(at);
        }
        // The lead byte of a character that stays ("â", "“"): read on after it.
        from = at + 1;
    }
    None
}

/// Appends `piece` (one character or one composed cluster) with lookalikes unified.
fn push_cleaned(out: &mut Mapped, piece: &str, orig_start: u32, orig_end: u32) {
    let mut chars = piece.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => {
            if let Some(c) = cleaned_char(c) {
                out.push_char(c, orig_start);
            }
        }
        _ => out.push_str(piece, orig_start, orig_end),
    }
}

/// True when `b` may start a character that [`cleaned_char`] changes: each of them but "Ð"
/// (0xC3 0x90, see [`ETH_SECOND_BYTE`]) starts with one of these bytes. Written as
/// comparisons, so that [`find_byte`] vectorises.
fn may_be_cleaned(b: u8) -> bool {
    matches!(b, b'\t' | 0xC2 | 0xE2 | 0xE3 | 0xEF)
}

/// The second byte of "Ð" (U+00D0), which [`next_cleaned`] looks for.
const ETH_SECOND_BYTE: u8 = 0x90;

/// True when `bytes` start with the UTF-8 of a character that [`cleaned_char`] changes
/// (U+0009, U+00A0, U+00AD, U+00D0, U+2007, U+200B–U+200D, U+202F, U+2126, U+212A, U+212B,
/// U+3000, U+FEFF).
fn is_cleaned(bytes: &[u8]) -> bool {
    matches!(
        bytes,
        [b'\t', ..]
            | [0xC2, 0xA0 | 0xAD, ..]
            | [0xC3, 0x90, ..]
            | [0xE2, 0x80, 0x87 | 0x8B..=0x8D | 0xAF, ..]
            | [0xE2, 0x84, 0xA6 | 0xAA | 0xAB, ..]
            | [0xE3, 0x80, 0x80, ..]
            | [0xEF, 0xBB, 0xBF, ..]
    )
}

/// One character with lookalikes unified; `None` for the invisible ones that are dropped.
fn cleaned_char(c: char) -> Option<char> {
    match c {
        '\u{00D0}' => Some('Đ'),
        // Singletons that NFC maps to a letter.
        '\u{212A}' => Some('K'),
        '\u{212B}' => Some('Å'),
        '\u{2126}' => Some('Ω'),
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{3000}' | '\t' => Some(' '),
        '\u{200B}' | '\u{FEFF}' | '\u{00AD}' | '\u{200C}' | '\u{200D}' => None,
        c => Some(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16_slice(s: &str, span: Span) -> String {
        let units: Vec<u16> = s.encode_utf16().collect();
        String::from_utf16(&units[span.start..span.end]).unwrap()
    }

    #[test]
    fn utf8_width_is_the_length_of_the_character_a_byte_starts() {
        for c in ['a', '\n', 'đ', 'ệ', '“', '\u{3000}', '😀'] {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(utf8_width(bytes[0]), c.len_utf8(), "{c:?}");
        }
    }

    #[test]
    fn spans_point_into_the_input_in_utf16() {
        let input = "😀 Ðại hội\u{00A0}thi đua";
        let text = Text::new(input);
        assert_eq!(text.norm, "😀 Đại hội thi đua");
        let at = text.norm.find("hội thi").unwrap();
        let span = text.span(at..at + "hội thi".len());
        assert_eq!(utf16_slice(input, span), "hội\u{00A0}thi");
    }

    #[test]
    fn nfd_input_is_composed_and_mapped() {
        let input = "Ho\u{0300}a Bi\u{0300}nh";
        let text = Text::new(input);
        assert_eq!(text.norm, "Hòa Bình");
        let span = text.span(0..text.norm.find(' ').unwrap());
        assert_eq!(utf16_slice(input, span), "Ho\u{0300}a");
    }

    #[test]
    fn fold_has_the_same_length_and_merges_tone_placements() {
        let text = Text::new("Tỉnh Uỷ Hòa");
        assert_eq!(text.fold.len(), text.norm.len());
        assert_eq!(text.fold, fold("tỉnh ủy hoà"));
    }

    #[test]
    fn every_cleaned_character_starts_with_a_byte_that_may_be_cleaned() {
        let changed = (0..0x11_0000)
            .filter_map(char::from_u32)
            .filter(|&c| cleaned_char(c) != Some(c));
        for c in changed {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert!(may_be_cleaned(bytes[0]) || c == 'Ð', "{c:?}");
            assert!(is_cleaned(bytes), "{c:?}");
        }
        assert_eq!("Ð".as_bytes()[1], ETH_SECOND_BYTE);
        let text = Text::new("a\tÐ\u{200B}b\u{FEFF}\u{3000}“\u{212A}”");
        assert_eq!(text.norm, "a Đb “K”");
        assert_eq!(
            text.span(text.norm.len() - 4..text.norm.len()),
            Span { start: 8, end: 10 }
        );
    }

    /// The white space told by its first three bytes is the white space that is not ASCII.
    #[test]
    fn other_white_space_is_told_by_its_bytes() {
        for (c, bytes) in crate::test_texts::non_ascii_chars() {
            let byte = |i: usize| bytes.get(i).copied().unwrap_or(b' ');
            let told = is_other_white_space(byte(0), byte(1), byte(2));
            assert_eq!(told, c.is_whitespace(), "{c:?}");
        }
    }

    /// Every byte is seen once at the start of a window's 32, with the two bytes after it
    /// (the pad past the end), and the windows stop where `f` breaks.
    #[test]
    fn each_window_sees_every_byte_with_the_two_after_it() {
        for len in 0..140 {
            let bytes: Vec<u8> = (0..len).map(|i| b'a' + (i % 26) as u8).collect();
            let at = |i: usize| bytes.get(i).copied().unwrap_or(b'#');
            let mut seen = Vec::new();
            let none = each_window(&bytes, b'#', |offset, window| {
                for (i, triple) in window.windows(3).take(32).enumerate() {
                    seen.push((offset + i, triple.to_vec()));
                }
                ControlFlow::<()>::Continue(())
            });
            assert_eq!(none, None);
            seen.retain(|&(i, _)| i < len);
            let expected: Vec<_> = (0..len)
                .map(|i| (i, vec![at(i), at(i + 1), at(i + 2)]))
                .collect();
            assert_eq!(seen, expected, "{len}");
            let first = each_window(&bytes, b'#', |offset, _| ControlFlow::Break(offset));
            assert_eq!(first, (len > 0).then_some(0), "{len}");
        }
    }

    /// The chunked search finds the first byte a plain scan finds, wherever it lies.
    #[test]
    fn find_byte_agrees_with_a_plain_scan() {
        let digit = |b: u8| b.is_ascii_digit();
        for len in [0, 1, 31, 32, 33, 64, 100] {
            let mut text = vec![b'a'; len];
            assert_eq!(find_byte(&text, digit), None);
            for at in 0..len {
                text[at] = b'7';
                assert_eq!(find_byte(&text, digit), Some(at), "{len} {at}");
                text[at] = b'a';
            }
        }
        let stop = |b: u8| matches!(b, b'.' | b'!' | b'?' | 0xE2);
        for text in crate::test_texts::texts_under(&["tests/corpus/facts"]) {
            let bytes = text.as_bytes();
            for from in (0..bytes.len()).step_by(5) {
                let expected = bytes[from..].iter().position(|&b| digit(b));
                assert_eq!(find_byte(&bytes[from..], digit), expected);
                let expected = bytes[from..].iter().position(|&b| stop(b));
                assert_eq!(find_byte(&bytes[from..], stop), expected);
            }
        }
    }

    /// `next_cleaned` finds the first character `cleaned_char` changes, from many starts.
    #[test]
    fn the_next_cleaned_character_is_the_first_that_changes() {
        let mut texts = vec![
            "aÐ\tà Ð".to_string(),
            "ĐÐ“x”\u{A0}Ố".to_string(),
            String::new(),
        ];
        texts.extend(crate::test_texts::texts_under(&[
            "tests/corpus",
            crate::test_texts::DEVSET,
        ]));
        for text in &texts {
            let starts = (0..=text.len()).filter(|&i| text.is_char_boundary(i));
            for from in starts.step_by(7) {
                let expected = text[from..]
                    .char_indices()
                    .find(|&(_, c)| cleaned_char(c) != Some(c))
                    .map(|(i, _)| from + i);
                assert_eq!(next_cleaned(text.as_bytes(), from), expected, "{from}");
            }
        }
    }

    #[test]
    fn boundaries_round_into_the_character_a_byte_is_in() {
        let s = "aệ😀";
        let ceil: Vec<usize> = (0..=9).map(|at| ceil_char_boundary(s, at)).collect();
        let floor: Vec<usize> = (0..=9).map(|at| floor_char_boundary(s, at)).collect();
        assert_eq!(ceil, [0, 1, 4, 4, 4, 8, 8, 8, 8, 8]);
        assert_eq!(floor, [0, 1, 1, 1, 4, 4, 4, 4, 8, 8]);
    }

    #[test]
    fn lines_split_on_newlines_without_carriage_returns() {
        let text = Text::new("a\r\nbc\n\nd");
        let lines: Vec<&str> = text.lines().map(|r| &text.norm[r]).collect();
        assert_eq!(lines, ["a", "bc", "", "d"]);
    }
}
