//! Words of a segment, their letter case, the gaps between them and lexicon hits on them.

use crate::clean::collapse_spaces;
use crate::lexicon::{push_hit, LexiconSet};
use crate::text::fold_char;
use crate::text::letters::{is_letter_or_digit, is_lower, is_upper, to_lower};
use std::borrow::Cow;
use std::ops::Range;

/// Letter case of a word, which tells names and titles from common words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// "tịch", "và".
    Lower,
    /// "Chủ", "Nguyễn", or one capital ("A").
    Title,
    /// A whole syllable in capitals: "PHẠM", "ĐỨC".
    Caps,
    /// Capitals that are not one syllable, or mixed case: "UBND", "THACO", "T.Ư", "HĐQT".
    Acronym,
    /// Digits ("2", "29/12", "13.10").
    Number,
}

/// One word: a run of letters and digits ("T.Ư", "TP.HCM", "13.10" count as one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the segment text.
    pub range: Range<usize>,
    /// Its case.
    pub case: Case,
}

/// What separates two words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// White space only.
    Space,
    /// A comma (maybe with spaces).
    Comma,
    /// A hyphen or a dash.
    Dash,
    /// Anything ending a phrase: . ; : ( ) quotes, or the segment's edge.
    Stop,
}

/// A lexicon hit aligned on words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordHit {
    /// Entry index in the lexicon.
    pub entry: usize,
    /// Word indexes covered.
    pub words: Range<usize>,
}

/// A segment cut into words.
#[derive(Debug)]
pub struct Words<'a> {
    /// The segment text.
    pub text: &'a str,
    /// Its folded key (same byte length), borrowed from `Text::fold` when that is it.
    pub fold: Cow<'a, str>,
    /// Offset of the segment in `Text::norm`.
    pub base: usize,
    /// The words.
    pub tokens: Vec<Token>,
    /// `gaps[i]` separates word `i - 1` from word `i`; `gaps[0]` and `gaps[len]` are the edges.
    pub gaps: Vec<Gap>,
}

impl<'a> Words<'a> {
    /// Cuts `text` (which starts at `base` in `norm`; `fold` is its folded key) into words.
    pub fn new(text: &'a str, fold: Cow<'a, str>, base: usize) -> Words<'a> {
        let tokens = tokenize(text);
        let mut gaps = Vec::with_capacity(tokens.len() + 1);
        gaps.push(Gap::Stop);
        gaps.extend(tokens.windows(2).map(|w| gap_between(text, &w[0], &w[1])));
        gaps.push(Gap::Stop);
        Words {
            text,
            fold,
            base,
            tokens,
            gaps,
        }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The folded text of word `i`.
    pub fn folded(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.fold[t.range.clone()])
    }

    /// The case of word `i`.
    pub fn case(&self, i: usize) -> Option<Case> {
        self.tokens.get(i).map(|t| t.case)
    }

    /// Byte range in the segment text from the first to the last of `words`.
    pub fn byte_range(&self, words: Range<usize>) -> Range<usize> {
        match (self.tokens.get(words.start), words.end.checked_sub(1)) {
            (Some(first), Some(last)) if last >= words.start && last < self.tokens.len() => {
                first.range.start..self.tokens[last].range.end
            }
            _ => 0..0,
        }
    }

    /// Byte range in `Text::norm` of `words`.
    pub fn norm_range(&self, words: Range<usize>) -> Range<usize> {
        let r = self.byte_range(words);
        r.start + self.base..r.end + self.base
    }

    /// The text of `words` with runs of white space written as one space.
    pub fn phrase(&self, words: Range<usize>) -> Cow<'_, str> {
        self.collapsed(self.text, words)
    }

    /// The folded text of `words`, white space collapsed (a key for comparing phrases): the
    /// fold of [`Words::phrase`], read off `fold` (folding keeps byte offsets, and no letter
    /// pair that it folds together straddles a word's edge).
    pub fn folded_phrase(&self, words: Range<usize>) -> Cow<'_, str> {
        self.collapsed(&self.fold, words)
    }

    /// `s` (the text or its fold) from the first to the last of `words`, runs of white space
    /// written as one space: borrowed when the words are one space apart (words hold no
    /// white space, so there is nothing to collapse).
    fn collapsed<'s>(&self, s: &'s str, words: Range<usize>) -> Cow<'s, str> {
        let range = self.byte_range(words.clone());
        let bytes = s.as_bytes();
        let one_space_apart =
            |w: &[Token]| w[1].range.start == w[0].range.end + 1 && bytes[w[0].range.end] == b' ';
        match self.tokens.get(words) {
            Some(tokens) if tokens.windows(2).all(one_space_apart) => Cow::Borrowed(&s[range]),
            _ => Cow::Owned(collapse_spaces(&s[range])),
        }
    }

    /// The hits of each lexicon of `set` that start and end on word boundaries: those that
    /// start and end with a word (a word takes in every letter and digit next to it). A hit
    /// starts at a word (the search starts at words only), and its last word is read on from
    /// there. The lexicons of `from_lower` (bit `l` for lexicon `l`) are searched from every
    /// word, the others from words not in lower case only.
    pub fn hits<const N: usize>(&self, set: &LexiconSet<N>, from_lower: u8) -> [Vec<WordHit>; N] {
        let mut found: [Vec<WordHit>; N] = std::array::from_fn(|_| Vec::new());
        let tokens = &self.tokens;
        let starts = tokens.iter().map(|t| {
            let searched = if t.case == Case::Lower {
                from_lower
            } else {
                u8::MAX
            };
            (t.range.start, searched)
        });
        set.for_each_match(&self.fold, starts, |l, first, hit| {
            let end = hit.range.end;
            let last = first
                + tokens[first..]
                    .iter()
                    .take_while(|t| t.range.end < end)
                    .count();
            if tokens.get(last).is_some_and(|t| t.range.end == end) {
                let words = first..last + 1;
                let hit = WordHit {
                    entry: hit.entry,
                    words,
                };
                push_hit(&mut found[l], hit);
            }
        });
        found
    }
}

/// Cuts `text` into words, reading ASCII byte by byte and decoding only other characters.
fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 4);
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        // White space and punctuation between words.
        if BYTE_CLASS[usize::from(b)] & (ALNUMERIC | WIDE) == 0 {
            at += 1;
            continue;
        }
        let start = at;
        let first = if b.is_ascii() {
            char::from(b)
        } else {
            char_at(text, at)
        };
        at += first.len_utf8();
        if !is_letter_or_digit(first) {
            continue;
        }
        // Only a capitalised word has its later chars' case gathered.
        let mut shape = Shape::new(first);
        at = if matches!(shape, Shape::Capital { .. }) {
            word_end(text, start, at, |c| shape.add(c))
        } else {
            word_end(text, start, at, |_| {})
        };
        tokens.push(shape.token(text, start..at));
    }
    tokens
}

/// One past the end of the word of `text` that starts at byte `start`, read on from byte
/// `at`: letters, digits and the marks that join them ([`joins`]), each given to `add`.
#[inline(always)]
fn word_end(text: &str, start: usize, mut at: usize, mut add: impl FnMut(char)) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(at) {
        let class = BYTE_CLASS[usize::from(b)];
        if class & ALNUMERIC != 0 || (class & JOINING != 0 && joins(text, start, at)) {
            add(char::from(b));
            at += 1;
        } else if class & WIDE != 0 {
            let c = char_at(text, at);
            if !is_letter_or_digit(c) {
                break;
            }
            add(c);
            at += c.len_utf8();
        } else {
            break;
        }
    }
    at
}

/// [`BYTE_CLASS`]: an ASCII letter or digit.
const ALNUMERIC: u8 = 1;
/// [`BYTE_CLASS`]: a '.', '&' or '/', which may join two parts of a word ([`joins`]).
const JOINING: u8 = 2;
/// [`BYTE_CLASS`]: a byte of a character beyond ASCII.
const WIDE: u8 = 4;

/// What each byte is to the tokenizer, read in one step: [`ALNUMERIC`], [`JOINING`],
/// [`WIDE`], or nothing (ASCII white space and other punctuation).
static BYTE_CLASS: [u8; 256] = byte_classes();

const fn byte_classes() -> [u8; 256] {
    let mut classes = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        classes[i] = if !b.is_ascii() {
            WIDE
        } else if b.is_ascii_alphanumeric() {
            ALNUMERIC
        } else if matches!(b, b'.' | b'&' | b'/') {
            JOINING
        } else {
            0
        };
        i += 1;
    }
    classes
}

/// The character at byte `at` of `text` (a char boundary before its end).
fn char_at(text: &str, at: usize) -> char {
    text[at..].chars().next().unwrap_or('\0')
}

/// The letter case of a word read so far, gathered char by char as the tokenizer reads it
/// (so the word need not be read again).
#[derive(Debug, Clone, Copy)]
enum Shape {
    /// Starts with a digit.
    Number,
    /// Starts with anything but a capital.
    Lower,
    /// Starts with a capital; whether every later char is lower case, and upper case.
    Capital { lower: bool, upper: bool },
}

impl Shape {
    /// The shape of a word starting with `first`.
    fn new(first: char) -> Shape {
        if first.is_ascii_digit() {
            Shape::Number
        } else if is_upper(first) {
            Shape::Capital {
                lower: true,
                upper: true,
            }
        } else {
            Shape::Lower
        }
    }

    /// Takes in the word's next char.
    fn add(&mut self, c: char) {
        if let Shape::Capital { lower, upper } = self {
            *lower &= is_lower(c);
            *upper &= is_upper(c);
        }
    }

    /// The word at `range` of `text`, of this shape.
    #[inline]
    fn token(self, text: &str, range: Range<usize>) -> Token {
        let case = match self {
            Shape::Number => Case::Number,
            Shape::Lower => Case::Lower,
            Shape::Capital { lower: true, .. } => Case::Title,
            Shape::Capital { upper, .. } => capitals_case(upper, &text[range.clone()]),
        };
        Token { range, case }
    }
}

/// The case of `word`, which starts with a capital and has a later char not in lower case;
/// `upper`: every char is a capital.
#[cold]
fn capitals_case(upper: bool, word: &str) -> Case {
    if upper
        && lower_case_in(&mut [0; SHORT_WORD], word)
            .map_or_else(|| is_syllable(&word.to_lowercase()), is_syllable)
    {
        Case::Caps
    } else {
        Case::Acronym
    }
}

/// The longest word [`capitals_case`] writes in lower case on the stack.
const SHORT_WORD: usize = 32;

/// `word` in lower case char by char ([`to_lower`]), written in `buffer`, when it fits: a
/// syllable for [`is_syllable`] exactly when `word.to_lowercase()` is (the two differ only on
/// chars whose lower case is no Vietnamese letter, or is more than one char: 'İ', final 'Σ').
fn lower_case_in<'b>(buffer: &'b mut [u8], word: &str) -> Option<&'b str> {
    let mut len = 0;
    for c in word.chars().map(to_lower) {
        let slot = buffer.get_mut(len..len + c.len_utf8())?;
        len += c.encode_utf8(slot).len();
    }
    std::str::from_utf8(&buffer[..len]).ok()
}

/// True when the character at byte `i` of `text` is a '.', '&' or '/' that joins the word
/// being read (from byte `start` to `i`) with the next letters: "T.Ư", "TP.HCM", "13.10",
/// "29/12", "HĐND&UBND".
fn joins(text: &str, start: usize, i: usize) -> bool {
    let Some(&c) = text.as_bytes().get(i) else {
        return false;
    };
    if !matches!(c, b'.' | b'&' | b'/') {
        return false;
    }
    let Some(next) = text.get(i + 1..).and_then(|rest| rest.chars().next()) else {
        return false;
    };
    let prev = text[start..i].chars().next_back().unwrap_or('\0');
    let upper_so_far = || !text[start..i].chars().any(is_lower);
    match c {
        b'.' => {
            (prev.is_ascii_digit() && next.is_ascii_digit())
                || (is_upper(prev) && is_upper(next) && upper_so_far())
                || (is_upper(prev) && next.is_ascii_digit() && upper_so_far())
        }
        b'&' => is_upper(prev) && is_upper(next) && upper_so_far(),
        _ => prev.is_ascii_digit() && next.is_ascii_digit(),
    }
}

/// The initial consonants of Vietnamese spelling, the longer before their prefixes.
const INITIALS: [&str; 27] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];

/// The finals a syllable may end with after its vowels.
const FINALS: [&str; 9] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// True when `word` (lower case) has the shape of one Vietnamese syllable: initial consonants,
/// one vowel cluster, an allowed final. "phạm", "giang" are; "ubnd", "thaco", "tuv" are not.
/// Only the initials sharing the word's first byte are tried, and the vowels are read once.
pub fn is_syllable(word: &str) -> bool {
    let first = word.as_bytes().first();
    let rest = INITIALS
        .iter()
        .filter(|i| i.as_bytes().first() == first)
        .find_map(|i| word.strip_prefix(i))
        .unwrap_or(word);
    let tail = rest.trim_start_matches(is_vowel);
    if tail.len() == rest.len() && !(word.starts_with("gi") && rest.len() < word.len()) {
        return false;
    }
    FINALS.contains(&tail)
}

/// True for the vowels of Vietnamese spelling, toned or not, in either case: those of
/// Latin-1 and Latin Extended-A/B by name, and the lower-case letters of Latin Extended
/// Additional from "ạ" to "ỹ" (every other code point there), all vowels.
fn is_vowel(c: char) -> bool {
    match fold_char(c) {
        c if c.is_ascii() => matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'),
        c @ '\u{1EA1}'..='\u{1EF9}' => u32::from(c) % 2 == 1,
        c => matches!(
            c,
            'à'..='ã' | 'è'..='ê' | 'ì' | 'í' | 'ò'..='õ' | 'ù' | 'ú' | 'ý' | 'ă' | 'ĩ' | 'ũ' | 'ơ' | 'ư'
        ),
    }
}

/// What separates the words `prev` and `next` of `text`: the common gaps (a single space, which
/// no further test can change, and a comma and a space) at once, else by
/// [`is_abbreviation_dot`] (only for a gap starting with a period) and [`classify_gap`].
fn gap_between(text: &str, prev: &Token, next: &Token) -> Gap {
    let (end, start) = (prev.range.end, next.range.start);
    let bytes = text.as_bytes();
    if start == end + 1 && bytes[end] == b' ' {
        return Gap::Space;
    }
    if start == end + 2 && bytes[end] == b',' && bytes[end + 1] == b' ' {
        return Gap::Comma;
    }
    if bytes[end] == b'.' && is_abbreviation_dot(text, prev, next) {
        Gap::Space // "TP. HCM", "Q. Bình Thạnh"
    } else {
        classify_gap(&text[end..start])
    }
}

/// True when the gap between `prev` and `next` is the period of an abbreviation of one to
/// three capitals followed by a capitalised word: "TP. HCM", "Q. Bình Thạnh", or of one
/// capital followed by a number: "Q. 11", "P. 5".
fn is_abbreviation_dot(text: &str, prev: &Token, next: &Token) -> bool {
    let gap = &text[prev.range.end..next.range.start];
    if !gap.starts_with('.') || !gap[1..].chars().all(char::is_whitespace) {
        return false;
    }
    let word = &text[prev.range.clone()];
    let first_of_next = text[next.range.clone()].chars().next();
    let letters = word.chars().count();
    let next_fits =
        first_of_next.is_some_and(|c| is_upper(c) || (letters == 1 && c.is_ascii_digit()));
    (1..=3).contains(&letters) && word.chars().all(is_upper) && next_fits
}

fn classify_gap(gap: &str) -> Gap {
    let (mut comma, mut dash) = (false, false);
    for c in gap.chars() {
        match c {
            ',' => comma = true,
            '-' | '–' | '—' => dash = true,
            c if c.is_whitespace() => {}
            _ => return Gap::Stop,
        }
    }
    if comma {
        Gap::Comma
    } else if dash {
        Gap::Dash
    } else {
        Gap::Space
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Hit;
    use crate::text::fold;

    #[test]
    fn words_keep_dotted_acronyms_and_class_case() {
        let text = "Hội đồng T.Ư, ông PHẠM ĐỨC-UBND 13.10";
        let w = Words::new(text, fold(text).into(), 0);
        let words: Vec<&str> = w.tokens.iter().map(|t| &w.text[t.range.clone()]).collect();
        assert_eq!(
            words,
            ["Hội", "đồng", "T.Ư", "ông", "PHẠM", "ĐỨC", "UBND", "13.10"]
        );
        assert_eq!(w.case(2), Some(Case::Acronym));
        assert_eq!(w.case(4), Some(Case::Caps));
        assert_eq!(w.case(6), Some(Case::Acronym));
        assert_eq!(w.case(7), Some(Case::Number));
        assert_eq!(w.gaps[3], Gap::Comma);
        assert_eq!(w.gaps[6], Gap::Dash);
    }

    #[test]
    fn folded_phrases_are_folds_of_phrases() {
        let text = "Ủy  ban   HOÀ Bình,\u{a0}Thuỷ  Lợi - Khoẻ";
        let w = Words::new(text, fold(text).into(), 0);
        for words in [0..w.len(), 1..3, 2..4, 4..w.len()] {
            assert_eq!(w.folded_phrase(words.clone()), fold(&w.phrase(words)));
        }
        assert_eq!(w.phrase(0..3), "Ủy ban HOÀ");
    }

    /// A phrase borrowed from the text is the text collapsed, on every phrase of up to eight
    /// words of the corpus lines, and on ranges past the last word.
    #[test]
    fn phrases_are_the_text_collapsed() {
        let mut borrowed = 0;
        for line in crate::test_texts::lines(&["Ủy  ban\u{a0}HOÀ , Bình\tx"]) {
            let w = Words::new(&line, fold(&line).into(), 0);
            for i in 0..w.len() + 2 {
                for end in i..i + 9 {
                    let text = &line[w.byte_range(i..end)];
                    let phrase = w.phrase(i..end);
                    borrowed += usize::from(matches!(phrase, Cow::Borrowed(_)));
                    assert_eq!(phrase, collapse_spaces(text), "{line:?} {i}..{end}");
                    assert_eq!(w.folded_phrase(i..end), collapse_spaces(&fold(text)));
                }
            }
        }
        assert!(borrowed > 10_000, "{borrowed}");
    }

    /// The byte classes are what the byte tests say.
    #[test]
    fn byte_classes_are_the_byte_tests() {
        for b in 0..=u8::MAX {
            let class = BYTE_CLASS[usize::from(b)];
            assert_eq!(class & ALNUMERIC != 0, b.is_ascii_alphanumeric(), "{b}");
            assert_eq!(class & JOINING != 0, matches!(b, b'.' | b'&' | b'/'), "{b}");
            assert_eq!(class & WIDE != 0, !b.is_ascii(), "{b}");
        }
    }

    #[test]
    fn gaps_by_their_strongest_mark() {
        for (gap, kind) in [
            (" ", Gap::Space),
            ("\u{a0} ", Gap::Space),
            (" , ", Gap::Comma),
            (", - ", Gap::Comma),
            (" – ", Gap::Dash),
            ("-", Gap::Dash),
            (" - (", Gap::Stop),
            ("; ", Gap::Stop),
            ("", Gap::Space),
        ] {
            assert_eq!(classify_gap(gap), kind, "{gap:?}");
        }
    }

    /// The vowels of Vietnamese spelling, toned or not (as [`fold_char`] writes them).
    const VOWELS: &str = "aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ";

    /// `is_vowel` agrees with the list on every character up to U+1FFFF.
    #[test]
    fn vowels_are_the_listed_ones() {
        let ascii = (0..0x80u8).map(|b| (char::from(b), vec![b]));
        for (c, _) in ascii.chain(crate::test_texts::non_ascii_chars()) {
            assert_eq!(is_vowel(c), VOWELS.contains(fold_char(c)), "{c:?}");
        }
    }

    /// `hits`, reading each hit's last word on from its first, agrees with the hits of the
    /// set aligned on words by binary searches of the words' starts and ends, on every line
    /// of the corpus and the dev set.
    #[test]
    fn word_hits_match_binary_searches() {
        let by_search = |w: &Words, h: Hit| {
            let start = w
                .tokens
                .binary_search_by_key(&h.range.start, |t| t.range.start);
            let last = w.tokens.binary_search_by_key(&h.range.end, |t| t.range.end);
            match (start, last) {
                (Ok(s), Ok(l)) if l >= s => Some(WordHit {
                    entry: h.entry,
                    words: s..l + 1,
                }),
                _ => None,
            }
        };
        let set = crate::entities::lexicons::segment_lexicons();
        let from_lower = crate::entities::lexicons::FROM_LOWER_CASE;
        let (mut hits, mut from_capitals) = (0, 0);
        for line in crate::test_texts::lines(&["TP. Hà Tĩnh, TP.HCM; Sở GD&ĐT; UBND tỉnh"]) {
            let w = Words::new(&line, fold(&line).into(), 0);
            // Each lexicon alone, from the words it is searched from.
            let expected: Vec<Vec<WordHit>> = (0..6)
                .map(|l| {
                    let searched = |t: &&Token| t.case != Case::Lower || from_lower & (1 << l) != 0;
                    let starts = w.tokens.iter().filter(searched).map(|t| t.range.start);
                    let mut found = set.find_starting_at(&w.fold, starts);
                    std::mem::take(&mut found[l])
                        .into_iter()
                        .filter_map(|h| by_search(&w, h))
                        .collect()
                })
                .collect();
            hits += expected.iter().map(Vec::len).sum::<usize>();
            from_capitals += expected[3].len();
            assert_eq!(w.hits(set, from_lower).to_vec(), expected, "{line:?}");
        }
        assert!(hits > 1000 && from_capitals > 100, "{hits} {from_capitals}");
    }

    /// The words by their definition, read char by char: a letter or digit opens a word,
    /// which takes in the letters, digits and joining marks after it.
    fn tokenize_by_chars(text: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        let mut chars = text.char_indices();
        while let Some((start, first)) = chars.by_ref().find(|&(_, c)| is_letter_or_digit(c)) {
            let mut shape = Shape::new(first);
            let end = loop {
                let Some((i, c)) = chars.next() else {
                    break text.len();
                };
                if !(is_letter_or_digit(c) || joins(text, start, i)) {
                    break i;
                }
                shape.add(c);
            };
            tokens.push(shape.token(text, start..end));
        }
        tokens
    }

    /// The byte-wise tokenizer cuts the words and gathers the cases its char-by-char
    /// definition does, on every character of the blocks of Vietnamese text and their
    /// neighbours, and on the corpora and the dev set, in their own case and in capitals.
    #[test]
    fn byte_reading_agrees_with_the_definition() {
        let every: String = crate::test_texts::non_ascii_chars()
            .map(|(c, _)| c)
            .chain(' '..='~')
            .collect();
        let mut texts = vec![every.clone(), every.chars().rev().collect()];
        texts.extend(crate::test_texts::texts_under(&[
            "tests/corpus",
            crate::test_texts::DEVSET,
        ]));
        let upper: Vec<String> = texts.iter().map(|t| t.to_uppercase()).collect();
        let mut words = 0;
        for text in texts.iter().chain(&upper) {
            let expected = tokenize_by_chars(text);
            assert_eq!(tokenize(text), expected);
            words += expected.len();
        }
        assert!(words > 50_000, "{words}");
    }

    /// A word in capitals is a syllable written in lower case char by char as it is in
    /// `to_lowercase`, for every char up to U+1FFFF alone and inside a syllable.
    #[test]
    fn lower_case_char_by_char_keeps_syllables() {
        for (c, _) in crate::test_texts::non_ascii_chars() {
            for word in [
                format!("{c}"),
                format!("T{c}"),
                format!("NG{c}N"),
                format!("{c}A"),
            ] {
                let mut buffer = [0; SHORT_WORD];
                let lower = lower_case_in(&mut buffer, &word).expect("a short word");
                let expected = is_syllable(&word.to_lowercase());
                assert_eq!(is_syllable(lower), expected, "{word:?}");
            }
        }
        let long = "Ạ".repeat(20);
        assert_eq!(lower_case_in(&mut [0; SHORT_WORD], &long), None);
    }

    /// The straightforward definition of a word's case, reading the word again.
    fn case_of(word: &str) -> Case {
        let mut chars = word.chars();
        let first = chars.next().unwrap_or(' ');
        if first.is_ascii_digit() {
            return Case::Number;
        }
        if !is_upper(first) {
            return Case::Lower;
        }
        if chars.clone().all(is_lower) {
            return Case::Title;
        }
        if chars.all(is_upper) && is_syllable(&word.to_lowercase()) {
            return Case::Caps;
        }
        Case::Acronym
    }

    /// The case gathered while tokenizing agrees with reading each word again, on every
    /// line of the corpus, in its own case and in capitals.
    #[test]
    fn shapes_give_the_case_of_the_word() {
        for text in crate::entities::corpus_texts() {
            let upper = text.to_uppercase();
            for line in text.lines().chain(upper.lines()) {
                for t in tokenize(line) {
                    assert_eq!(t.case, case_of(&line[t.range.clone()]), "{line:?}");
                }
            }
        }
    }

    /// `gap_between`, answering the common gaps at once, agrees with the full tests on every
    /// pair of words of the corpus lines.
    #[test]
    fn common_gaps_agree_with_the_full_tests() {
        let mut gaps = 0;
        for text in crate::entities::corpus_texts() {
            for line in text.lines() {
                for w in tokenize(line).windows(2) {
                    let gap = &line[w[0].range.end..w[1].range.start];
                    let full = if is_abbreviation_dot(line, &w[0], &w[1]) {
                        Gap::Space
                    } else {
                        classify_gap(gap)
                    };
                    assert_eq!(gap_between(line, &w[0], &w[1]), full, "{line:?} {gap:?}");
                    gaps += 1;
                }
            }
        }
        assert!(gaps > 10_000, "{gaps}");
    }

    /// The definition of `is_syllable`: the first initial of the list that is a prefix, the
    /// vowels counted, then the final after them.
    fn is_syllable_by_lists(word: &str) -> bool {
        let rest = INITIALS
            .iter()
            .find_map(|i| word.strip_prefix(i))
            .unwrap_or(word);
        let vowels = rest.chars().take_while(|&c| is_vowel(c)).count();
        if vowels == 0 && !(word.starts_with("gi") && rest.len() < word.len()) {
            return false;
        }
        let tail = rest
            .char_indices()
            .nth(vowels)
            .map_or("", |(i, _)| &rest[i..]);
        FINALS.contains(&tail)
    }

    /// `is_syllable` agrees with its definition on every word of the corpus, lower-cased.
    #[test]
    fn syllables_agree_with_the_lists() {
        let mut words = 0;
        for text in crate::entities::corpus_texts() {
            for t in tokenize(&text) {
                let word = text[t.range].to_lowercase();
                assert_eq!(is_syllable(&word), is_syllable_by_lists(&word), "{word:?}");
                words += 1;
            }
        }
        assert!(words > 10_000, "{words}");
    }

    #[test]
    fn syllable_shapes() {
        for s in ["phạm", "giang", "nguyễn", "văn", "a", "hải"] {
            assert!(is_syllable(s), "{s}");
        }
        for s in ["ubnd", "thaco", "tuv", "huv", "thpt", "tp", "ocop"] {
            assert!(!is_syllable(s), "{s}");
        }
    }
}
