//! The matching key: lower case, one tone placement, same byte length as the text.
//!
//! Vietnamese writes the tone of open "oa", "oe", "uy" on either vowel ("hòa"/"hoà",
//! "thủy"/"thuỷ"). The key always puts it on the second vowel. Characters whose lower case
//! has another UTF-8 length are kept as they are, so byte offsets of the key are offsets of
//! the text.

/// The folded key of `s`: same byte length, lower case, tones of "oa", "oe", "uy" on the
/// second vowel.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let lower = fold_char(c);
        if let Some(&next) = chars.peek() {
            if let Some((bare, toned_next)) = move_tone(lower, fold_char(next)) {
                if bare.len_utf8() + toned_next.len_utf8() == c.len_utf8() + next.len_utf8() {
                    out.push(bare);
                    out.push(toned_next);
                    chars.next();
                    continue;
                }
            }
        }
        out.push(lower);
    }
    out
}

/// Lower case of one character when it keeps its UTF-8 length; the character otherwise.
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

    #[test]
    fn other_words_only_change_case() {
        assert_eq!(fold("Đoàn Của Quý"), "đoàn của quý");
        assert_eq!(fold("İ"), "İ");
    }
}
