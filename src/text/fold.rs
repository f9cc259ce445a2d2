//! The matching key: lower case, one tone placement, same byte length as the text.
//!
//! Vietnamese writes the tone of open "oa", "oe", "uy" on either vowel ("hòa"/"hoà",
//! "thủy"/"thuỷ"). The key always puts it on the second vowel. Characters whose lower case
//! has another UTF-8 length are kept as they are, so byte offsets of the key are offsets of
//! the text.

/// The folded key of `s`: same byte length, lower case, tones of "oa", "oe", "uy" on the
/// second vowel.
pub fn fold(s: &str) -> String {
    // ASCII is lower-cased at once; then each other character is looked at, and the few
    // that change are written over their own bytes.
    let mut out = s.to_ascii_lowercase();
    let bytes = s.as_bytes();
    let mut pair = String::new();
    let mut at = 0;
    while let Some(next) = next_non_ascii(bytes, at) {
        at = next;
        if let Some(width) = kept_letter_width(&bytes[at..]) {
            at += width;
            continue;
        }
        let Some(c) = s[at..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        let lower = fold_char(c);
        // Only an ASCII vowel after it takes a moved tone (see `tone_moved`).
        let next = bytes.get(at + len).map(|&b| char::from(b));
        match next.and_then(|next| tone_moved(c, lower, next)) {
            Some((bare, toned_next)) => {
                pair.clear();
                pair.push(bare);
                pair.push(toned_next);
                out.replace_range(at..at + pair.len(), &pair);
                at += pair.len();
            }
            None => {
                if lower != c {
                    out.replace_range(at..at + len, lower.encode_utf8(&mut [0; 4]));
                }
                at += len;
            }
        }
    }
    out
}

/// The offset of the first byte of `bytes` from `from` on that is not ASCII, read 8 bytes
/// at a time: in Vietnamese the next one is mostly a few bytes on, so the test of each word
/// mostly finds it and is well predicted, where a byte loop's exit is not.
fn next_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        let high = word & 0x8080_8080_8080_8080;
        if high != 0 {
            return Some(at + (high.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    let rest = bytes.get(at..)?;
    rest.iter().position(|b| !b.is_ascii()).map(|k| at + k)
}

/// The width of the character `bytes` start with when it is a lower-case Vietnamese letter
/// that the fold keeps as it is, whatever follows (no "o" or "u" with a tone to move), read
/// off its bytes: most of the letters that are not ASCII. `None` leaves it to be decoded.
fn kept_letter_width(bytes: &[u8]) -> Option<usize> {
    match *bytes {
        // U+00E0–U+00FF but ò ó õ ù ú.
        [0xC3, b, ..] if b >= 0xA0 && !matches!(b, 0xB2 | 0xB3 | 0xB5 | 0xB9 | 0xBA) => Some(2),
        // ă đ ĩ ơ ư.
        [0xC4, 0x83 | 0x91 | 0xA9, ..] | [0xC6, 0xA1 | 0xB0, ..] => Some(2),
        // U+1EA1–U+1EFF, the lower case of Latin Extended Additional (odd code points) but
        // ọ ỏ ụ ủ.
        [0xE1, 0xBA, b, ..] if b >= 0xA0 && b % 2 == 1 => Some(3),
        [0xE1, 0xBB, b, ..] if b % 2 == 1 && !matches!(b, 0x8D | 0x8F | 0xA5 | 0xA7) => Some(3),
        _ => None,
    }
}

/// For a non-ASCII `c` (lower case `lower`) followed by `next`: the pair with the tone moved
/// to the second vowel, when that keeps the byte length (the bare vowel is ASCII).
fn tone_moved(c: char, lower: char, next: char) -> Option<(char, char)> {
    // Only "a", "e", "y" take the tone, and only their ASCII forms fold to them.
    if !matches!(next, 'a' | 'e' | 'y' | 'A' | 'E' | 'Y') {
        return None;
    }
    let (bare, toned_next) = move_tone(lower, next.to_ascii_lowercase())?;
    let len = c.len_utf8() + next.len_utf8();
    (bare.len_utf8() + toned_next.len_utf8() == len).then_some((bare, toned_next))
}

/// Lower case of one character when it keeps its UTF-8 length; the character otherwise.
#[inline(always)]
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let lower = super::letters::to_lower(c);
    if lower.len_utf8() == c.len_utf8() {
        lower
    } else {
        c
    }
}

/// Tone marks in the order of [`TONED`]'s columns: grave, acute, hook, tilde, dot.
const TONED: [(char, [char; 5]); 4] = [
    ('o', ['ò', 'ó', 'ỏ', 'õ', 'ọ']),
    ('u', ['ù', 'ú', 'ủ', 'ũ', 'ụ']),
    ('a', ['à', 'á', 'ả', 'ã', 'ạ']),
    ('e', ['è', 'é', 'ẻ', 'ẽ', 'ẹ']),
];
const TONED_Y: (char, [char; 5]) = ('y', ['ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ']);

/// For a toned "o" before "a"/"e", or a toned "u" before "y", the pair with the tone moved
/// to the second vowel.
fn move_tone(first: char, second: char) -> Option<(char, char)> {
    let (bare, tone) = tone_of(first)?;
    let targets: &(char, [char; 5]) = match (bare, second) {
        ('o', 'a') => &TONED[2],
        ('o', 'e') => &TONED[3],
        ('u', 'y') => &TONED_Y,
        _ => return None,
    };
    Some((bare, targets.1[tone]))
}

fn tone_of(c: char) -> Option<(char, usize)> {
    TONED[..2]
        .iter()
        .find_map(|(bare, toned)| toned.iter().position(|&t| t == c).map(|i| (*bare, i)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the byte reading keeps is a character the fold leaves as it is before any vowel.
    #[test]
    fn kept_letters_fold_to_themselves() {
        let mut kept = 0;
        for (c, bytes) in crate::test_texts::non_ascii_chars() {
            let Some(width) = kept_letter_width(&bytes) else {
                continue;
            };
            assert_eq!(width, c.len_utf8(), "{c:?}");
            assert_eq!(fold_char(c), c, "{c:?}");
            for next in ['a', 'e', 'y', 'A', 'E', 'Y'] {
                assert_eq!(tone_moved(c, c, next), None, "{c:?}");
            }
            kept += 1;
        }
        assert_eq!(kept, 27 + 5 + 16 + 28);
    }

    /// The word-at-a-time search finds what a byte loop finds, from every offset of texts
    /// with non-ASCII bytes at every distance.
    #[test]
    fn the_next_non_ascii_byte_is_the_first_one() {
        let mut texts: Vec<String> = (0..20)
            .map(|n| format!("{}ạ{}é", "a".repeat(n), "b".repeat(n % 9)))
            .collect();
        texts.extend(crate::test_texts::lines(&["", "abc", "Đoàn Của Quý"]));
        for text in &texts {
            let bytes = text.as_bytes();
            for from in 0..=bytes.len() {
                let expected = bytes[from..]
                    .iter()
                    .position(|b| !b.is_ascii())
                    .map(|k| from + k);
                assert_eq!(next_non_ascii(bytes, from), expected, "{text:?} {from}");
            }
        }
    }

    #[test]
    fn both_tone_placements_fold_alike() {
        for (a, b) in [
            ("hòa", "hoà"),
            ("Thủy", "Thuỷ"),
            ("Ủy ban", "Uỷ ban"),
            ("khỏe", "khoẻ"),
            ("HÓA", "hoá"),
        ] {
            assert_eq!(fold(a), fold(b), "{a} vs {b}");
            assert_eq!(fold(a).len(), a.len());
        }
    }

    /// The fold of each pair of characters agrees with folding them one by one and moving
    /// the tone as [`move_tone`] says.
    #[test]
    fn pairs_fold_as_their_characters() {
        let chars: Vec<char> = "aAeEyYoOuUòÒủỦóọụúİĐđKΣ\u{300}xX ".chars().collect();
        for &a in &chars {
            for &b in &chars {
                let pair = format!("{a}{b}");
                let (la, lb) = (fold_char(a), fold_char(b));
                let expected = match move_tone(la, lb) {
                    Some((x, y)) if x.len_utf8() + y.len_utf8() == pair.len() && !a.is_ascii() => {
                        format!("{x}{y}")
                    }
                    _ => format!("{la}{lb}"),
                };
                assert_eq!(fold(&pair), expected, "{pair:?}");
            }
        }
    }

    #[test]
    fn other_words_only_change_case() {
        assert_eq!(fold("Đoàn Của Quý"), "đoàn của quý");
        assert_eq!(fold("İ"), "İ");
    }
}
