//! Shape features of a line of text: length, punctuation, capitalisation, diacritics.

use crate::text::letters::{is_letter, is_letter_or_digit, is_lower, is_upper};
use crate::text::{is_ascii_space, is_other_white_space};
use std::ops::ControlFlow;
use std::sync::OnceLock;

/// Characters that end a sentence or a clause that cannot go on on the next line.
const TERMINAL: [char; 8] = ['.', '!', '?', '…', ';', ':', '"', '”'];

/// Number of words: white-space separated tokens holding a letter or a digit.
pub fn word_count(s: &str) -> usize {
    word_count_up_to(s, usize::MAX)
}

/// [`word_count`], but the counting stops at `limit` (long lines are read no further).
/// The words are counted 32 bytes at a time ([`crate::text::each_window`]) as the runs after
/// ASCII white space whose first character its bytes tell a letter or digit; a window where a
/// run starts otherwise ("(", "–", "“"), or with other white space, is read character by
/// character, and the counting by windows goes on after it.
pub fn word_count_up_to(s: &str, limit: usize) -> usize {
    let bytes = s.as_bytes();
    let (mut count, mut at) = (0, 0);
    // `at` is the text's start or ASCII white space: no word goes on through it.
    while count < limit && at < bytes.len() {
        let (words, odd) = words_in_windows(&bytes[at..], limit - count);
        count += words;
        let Some(odd) = odd else {
            break;
        };
        let from = at + odd;
        // The word at the odd window's start, if any, was counted before it.
        let after_counted = if odd > 0 && !is_ascii_space(bytes[from]) {
            word_end(bytes, from)
        } else {
            from
        };
        (count, at) = read_words(s, after_counted, from + 32, count, limit);
    }
    count.min(limit)
}

/// The words of `bytes` (read as if after a space) counted a window at a time up to `limit`,
/// and the offset of the first window they cannot be counted in, if any (0 when the first
/// byte opens no word surely: then none is counted).
fn words_in_windows(bytes: &[u8], limit: usize) -> (usize, Option<usize>) {
    let second = bytes.get(1).copied().unwrap_or(b' ');
    let mut count = match bytes {
        [] => return (0, None),
        [b, ..] if is_ascii_space(*b) => 0,
        [a, ..] if opens_a_word(*a, second) => 1,
        _ => return (0, Some(0)),
    };
    let odd = crate::text::each_window(bytes, b' ', |offset, w| {
        let starts_at = |i: usize| is_ascii_space(w[i]) & !is_ascii_space(w[i + 1]);
        let odd_start = (0..32).fold(false, |any, i| {
            any | (starts_at(i) & !opens_a_word(w[i + 1], w[i + 2]))
        });
        let other_space = (0..32).fold(false, |any, i| {
            any | is_other_white_space(w[i], w[i + 1], w[i + 2])
        });
        if odd_start | other_space {
            return ControlFlow::Break(Some(offset));
        }
        count += usize::from((0..32).fold(0u8, |n, i| n + u8::from(starts_at(i))));
        if count >= limit {
            ControlFlow::Break(None)
        } else {
            ControlFlow::Continue(())
        }
    });
    match odd.flatten() {
        Some(0) => (0, Some(0)),
        odd => (count, odd),
    }
}

/// True when a character that starts with bytes `a`, `b` is surely a letter or a digit: an
/// ASCII one, a letter of U+00C0–U+024F but × and ÷, or one of U+1E80–U+1EFF.
fn opens_a_word(a: u8, b: u8) -> bool {
    let ascii = (a.wrapping_sub(b'0') < 10) | ((a | 0x20).wrapping_sub(b'a') < 26);
    let latin = (a.wrapping_sub(0xC4) < 5) | (a == 0xC3) & (b != 0x97) & (b != 0xB7);
    ascii | latin | (a == 0xE1) & (b.wrapping_sub(0xBA) < 2)
}

/// [`word_count_up_to`] read character by character from byte `at` (outside a word, or at
/// the start of one not yet counted), `count` words counted before: inside a counted word
/// only white space matters, and the bytes that cannot start a white-space character are
/// stepped over without decoding their characters. It stops at `limit` words, at the end,
/// or at ASCII white space from byte `until` on; returns the count and where it stopped.
fn read_words(
    s: &str,
    mut at: usize,
    until: usize,
    mut count: usize,
    limit: usize,
) -> (usize, usize) {
    let bytes = s.as_bytes();
    while count < limit {
        let Some(&b) = bytes.get(at) else {
            break;
        };
        if at >= until && is_ascii_space(b) {
            break;
        }
        let (opens, width) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = s[at..].chars().next().unwrap_or(' ');
            (is_letter_or_digit(c), c.len_utf8())
        };
        at += width;
        if opens {
            count += 1;
            at = word_end(bytes, at);
        }
    }
    (count, at)
}

/// The end of the word (the start of the white space after it, or of the text) that goes on
/// at byte `at`, read off the bytes without decoding the characters.
fn word_end(bytes: &[u8], mut at: usize) -> usize {
    let byte = |i: usize| bytes.get(i).copied().unwrap_or(0);
    while let Some(&b) = bytes.get(at) {
        if is_ascii_space(b) || (b >= 0xC2 && is_other_white_space(b, byte(at + 1), byte(at + 2))) {
            break;
        }
        at += 1;
    }
    at
}

/// True when `s` has more than `n` words (`word_count(s) > n`, reading only what it needs).
pub fn more_words_than(s: &str, n: usize) -> bool {
    word_count_up_to(s, n + 1) > n
}

/// True when the line ends with sentence punctuation (a closing quote counts only after it).
pub fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end();
    let mut rev = t.chars().rev();
    match rev.next() {
        Some('"' | '”' | '’' | '\'' | ')') => rev.next().is_some_and(|c| TERMINAL.contains(&c)),
        Some(c) => TERMINAL.contains(&c),
        None => false,
    }
}

/// True when a sentence ends inside the line (". " before a capital letter): a headline or
/// a caption note is one sentence.
pub fn has_sentence_break(s: &str) -> bool {
    s.match_indices(". ").any(|(i, _)| {
        s[i + 2..].chars().next().is_some_and(is_upper)
            && !is_abbreviation(s[..i].rsplit(' ').next().unwrap_or(""))
    })
}

/// True when `word`, written before a period, is an abbreviation rather than the last word of
/// a sentence: an initial ("V."), a short capitalised acronym ("TP.", "TX.", "PGS.", "ThS.")
/// or "Tp.".
fn is_abbreviation(word: &str) -> bool {
    let letters = word.chars().count();
    let capitals = word.chars().filter(|&c| is_upper(c)).count();
    word.chars().all(is_letter)
        && ((letters == 1 && capitals == 1) || (letters <= 3 && capitals >= 2) || word == "Tp")
}

/// True when the line ends with a full stop, question or exclamation mark (or an ellipsis).
pub fn ends_with_period(s: &str) -> bool {
    s.trim_end().ends_with(['.', '!', '?', '…'])
}

/// True when the first letter, after leading dashes, dots and spaces, is lower case: the line
/// goes on with a sentence begun on an earlier line.
pub fn starts_lowercase(s: &str) -> bool {
    s.chars()
        .find(|c| !matches!(c, ' ' | '-' | '–' | '—' | '.' | '…'))
        .is_some_and(is_lower)
}

/// True when the first character is an upper-case letter, a digit or an opening quote.
pub fn starts_like_a_heading(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| is_upper(c) || c.is_ascii_digit() || "\"“'‘(".contains(c))
}

/// True when the line has letters and none of them is lower case.
pub fn is_all_caps(s: &str) -> bool {
    let mut letters = s.chars().filter(|&c| is_letter(c)).peekable();
    letters.peek().is_some() && letters.all(|c| !is_lower(c))
}

/// The text in lower case without diacritics ("Cụm Thi đua" → "cum thi dua").
pub fn strip_accents(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(bare) = latin_slot(c).and_then(|i| bare_latin()[i]) {
            out.push(bare);
        } else {
            push_bare(c, &mut out);
        }
    }
    out
}

/// Appends `c` in lower case without diacritics (nothing for a combining mark).
fn push_bare(c: char, out: &mut String) {
    if matches!(c, 'đ' | 'Đ') {
        out.push('d');
    } else if crate::text::combining_class(c) == 0 {
        out.extend(crate::text::base_letter(c).to_lowercase());
    }
}

/// The non-ASCII Latin letters that [`bare_latin`] covers: U+0080–U+024F and U+1E00–U+1EFF.
fn latin_slot(c: char) -> Option<usize> {
    match c as u32 {
        u @ 0x80..=0x24F => Some(u as usize - 0x80),
        u @ 0x1E00..=0x1EFF => Some(u as usize - 0x1E00 + 0x1D0),
        _ => None,
    }
}

/// [`push_bare`] of each character of [`latin_slot`] when it is one character, computed once.
fn bare_latin() -> &'static [Option<char>] {
    static TABLE: OnceLock<Vec<Option<char>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0x80..0x250)
            .chain(0x1E00..0x1F00)
            .map(|u| {
                let mut bare = String::new();
                push_bare(char::from_u32(u).unwrap_or('\0'), &mut bare);
                let mut chars = bare.chars();
                match (chars.next(), chars.next()) {
                    (Some(b), None) => Some(b),
                    _ => None,
                }
            })
            .collect()
    })
}

/// A comparison key for repeated lines: words of the folded line, edge punctuation dropped.
pub fn line_key(folded: &str) -> String {
    let mut key = String::with_capacity(folded.len());
    for word in key_words(folded) {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    key
}

/// True when `line_key(a) == line_key(b)`, read only as far as they agree.
pub fn same_line_key(a: &str, b: &str) -> bool {
    key_words(a).eq(key_words(b))
}

/// The words of [`line_key`].
pub fn key_words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split_whitespace()
        .map(|word| word.trim_matches(|c: char| !is_letter_or_digit(c)))
        .filter(|word| !word.is_empty())
}

/// True when `line_key(&strip_accents(s)) == key`, reading `s` only as far as they agree.
pub fn bare_key_is(s: &str, key: &str) -> bool {
    let mut key_words = key.split(' ').filter(|w| !w.is_empty());
    for word in s.split_whitespace() {
        let bare = strip_accents(word);
        let bare = bare.trim_matches(|c: char| !is_letter_or_digit(c));
        if !bare.is_empty() && key_words.next() != Some(bare) {
            return false;
        }
    }
    key_words.next().is_none()
}

/// True when `word` is written like a name part: a capital then lower case letters ("Thủy"),
/// or all capitals ("THỦY"); at most seven letters, as a Vietnamese syllable.
fn is_name_word(word: &str, all_caps: bool) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest = chars.as_str();
    is_upper(first)
        && rest.chars().count() < 7
        && rest.chars().all(|c| {
            let cased = if all_caps { is_upper(c) } else { is_lower(c) };
            is_letter(c) && cased
        })
}

/// True when `s` reads as a person's name as bylines write it: two to five capitalised
/// syllables ("Chung Thủy", "TRÚC GIANG"), or an initial and a syllable ("V.Linh").
pub fn is_name_like(s: &str) -> bool {
    let mut words = s.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    // The words are counted only as far as the limit, and kept nowhere.
    match 1 + words.take(5).count() {
        1 => return is_initial_name(first),
        6.. => return false,
        _ => {}
    }
    let all_caps = is_all_caps(s);
    s.split_whitespace()
        .all(|w| is_name_word(w, all_caps) || is_initial_name(w))
}

/// "V.Linh", "T.C", "N.V.A": initials with dots, maybe ending in a syllable.
fn is_initial_name(word: &str) -> bool {
    let parts: Vec<&str> = word.split('.').collect();
    if parts.len() < 2 || parts.iter().all(|p| p.is_empty()) {
        return false;
    }
    let last = parts.len() - 1;
    parts.iter().enumerate().all(|(i, p)| {
        let n = p.chars().count();
        let initial = n == 1 && p.chars().all(is_upper);
        initial || (i == last && (p.is_empty() || is_name_word(p, false) || is_name_word(p, true)))
    }) && parts[0].chars().count() == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_as_bylines_write_them() {
        for name in [
            "Chung Thủy",
            "TRÚC GIANG",
            "V.Linh",
            "Phan Thị Bích Hạnh",
            "Lệ Chi",
        ] {
            assert!(is_name_like(name), "{name}");
        }
        for not in [
            "Quang cảnh hội nghị",
            "Đài TT TH Huyện",
            "Chia",
            "Google News 2024",
            "Thanh tra Sở Tài chính",
        ] {
            assert!(!is_name_like(not), "{not}");
        }
    }

    /// [`is_name_like`] agrees with its definition over the collected words, on the first
    /// words of every line of the corpora and the dev set.
    #[test]
    fn is_name_like_agrees_with_its_definition() {
        fn reference(s: &str) -> bool {
            let words: Vec<&str> = s.split_whitespace().collect();
            match words.len() {
                0 | 6.. => false,
                1 => is_initial_name(words[0]),
                _ => {
                    let all_caps = is_all_caps(s);
                    words
                        .iter()
                        .all(|w| is_name_word(w, all_caps) || is_initial_name(w))
                }
            }
        }
        let extra = ["Chung Thủy\nA B C D E F\nV.Linh\n \nTRÚC GIANG"];
        for line in &crate::test_texts::lines(&extra) {
            let words: Vec<&str> = line.split_whitespace().take(7).collect();
            for n in 0..=words.len() {
                let s = words[..n].join(" ");
                assert_eq!(is_name_like(&s), reference(&s), "{s:?}");
            }
        }
    }

    #[test]
    fn shape_features() {
        assert!(ends_sentence("Quang cảnh hội nghị."));
        assert!(ends_sentence("phát biểu: “Đoàn kết.”"));
        assert!(!ends_sentence("phát triển kinh"));
        assert!(has_sentence_break("năm 2024. Nhiều tập thể"));
        assert!(!has_sentence_break("tăng 3.5. so với"));
        assert!(!has_sentence_break("Cục Thuế TP. HCM phát động thi đua"));
        assert!(!has_sentence_break("PGS. TS. Nguyễn Văn An nhận giải"));
        assert!(has_sentence_break("trao cho ông Hà. Ông Hà cảm ơn"));
        assert!(starts_lowercase("- an ninh với phát triển"));
        assert!(!starts_lowercase("Bưng Riềng, Hội đồng"));
        assert_eq!(strip_accents("Cụm Thi đua số 02"), "cum thi dua so 02");
        assert_eq!(word_count("A- A A+ | Tăng"), 4);
    }

    #[test]
    fn strip_accents_of_each_character_is_its_bare_lower_case() {
        for c in (0..0x2100)
            .chain(0x1F600..0x1F610)
            .filter_map(char::from_u32)
        {
            let mut bare = String::new();
            if c.is_ascii() {
                bare.push(c.to_ascii_lowercase());
            } else {
                push_bare(c, &mut bare);
            }
            assert_eq!(strip_accents(&c.to_string()), bare, "{c:?}");
        }
        assert_eq!(strip_accents("Đoàn KẾT\u{300}"), "doan ket");
    }

    #[test]
    fn words_hold_a_letter_or_digit() {
        for (line, words) in [
            ("", 0),
            ("  - – ", 0),
            ("Hôm nay : 1.157", 3),
            ("a\u{00A0}b\u{3000}c\td", 4),
            ("Ảnh: THẠCH BÁCH |", 3),
            ("²³ ×", 1),
            ("a\u{0B}b\u{1680}c\u{205F}d\u{85}e", 5),
            ("Thủy\u{2028}– Đ. 5", 3),
        ] {
            assert_eq!(word_count(line), words, "{line:?}");
            let by_std = line
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            assert_eq!(by_std, words, "{line:?}");
            assert_eq!(word_count_up_to(line, 2), words.min(2), "{line:?}");
        }
        // What opens a word by its bytes is a letter or a digit.
        for (c, bytes) in crate::test_texts::non_ascii_chars() {
            if opens_a_word(bytes[0], bytes[1]) {
                assert!(is_letter_or_digit(c), "{c:?}");
            }
        }
        for b in 0..0x80u8 {
            assert_eq!(
                opens_a_word(b, b' '),
                char::from(b).is_alphanumeric(),
                "{b}"
            );
        }
        // Every character between words, inside one and opening one, counts as the
        // character-by-character reading counts it; so do the lines of the corpora.
        let reference = |s: &str| {
            let words = s.split(char::is_whitespace);
            words.filter(|w| w.chars().any(is_letter_or_digit)).count()
        };
        for c in (0x80..0x3100).filter_map(char::from_u32) {
            let long = "Đảng ủy xã – “Thi đua” ".repeat(6);
            for line in [
                format!("a{c}b {c}"),
                format!("{c}ệ {c}{c} x{c}"),
                format!("{long}{c}ủy {c}"),
            ] {
                assert_eq!(word_count(&line), reference(&line), "{c:?}");
                assert_eq!(word_count_up_to(&line, 3), reference(&line).min(3), "{c:?}");
            }
        }
        // Odd stretches between plain ones, at every offset from a window's edge: the
        // counting by windows goes on after each, up to any limit.
        let plain = "thi đua khen thưởng ";
        for odd in [
            "– ", "(UBND) ", "“Thi ", "\u{a0}x ", "- - ", "x\u{a0}", "“ ” ",
        ] {
            for shift in 0..40 {
                let lead = "a".repeat(shift);
                let line = format!(
                    "{lead} {}{odd}{}{odd}{odd}{plain}",
                    plain.repeat(3),
                    plain.repeat(4)
                );
                for text in [line.as_str(), line.trim_start(), &line[shift..]] {
                    for limit in [1, 5, 17, 26, usize::MAX] {
                        let expected = reference(text).min(limit);
                        assert_eq!(word_count_up_to(text, limit), expected, "{text:?} {limit}");
                    }
                }
            }
        }
        for line in crate::test_texts::lines(&[]) {
            assert_eq!(word_count(&line), reference(&line), "{line:?}");
            assert_eq!(
                word_count_up_to(&line, 32),
                reference(&line).min(32),
                "{line:?}"
            );
        }
        for (folded, key) in [
            ("", ""),
            (" - ", ""),
            ("a", "a"),
            ("“a” b", "a b"),
            ("x.y, z-", "x.y z"),
            ("\u{3000}đ\u{2028}e ", "đ e"),
        ] {
            assert_eq!(line_key(folded), key, "{folded:?}");
            let by_std = folded
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(by_std, key, "{folded:?}");
            assert!(same_line_key(folded, &format!(" {key}. ")), "{folded:?}");
            assert!(!same_line_key(folded, &format!("{key} x")), "{folded:?}");
        }
        for (line, key, is) in [
            ("Thi ĐUA, yêu nước!", "thi dua yeu nuoc", true),
            ("Thi đua, yêu nước", "thi dua", false),
            ("Thi đua", "thi dua yeu", false),
            (" – ", "", true),
            ("Cụm\u{300} - số 2.", "cum so 2", true),
        ] {
            assert_eq!(bare_key_is(line, key), is, "{line:?}");
            assert_eq!(line_key(&strip_accents(line)) == key, is, "{line:?}");
        }
        assert_eq!(
            line_key("– đoàn  kết, (2024) “thi đua” -"),
            "đoàn kết 2024 thi đua"
        );
    }
}
