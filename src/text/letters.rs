//! Letter classes and lower case of one character, fast on the Latin script.
//!
//! Each function answers exactly as the standard library does (`char::is_alphabetic`,
//! `char::is_alphanumeric`, `char::is_uppercase`, `char::is_lowercase`, one-character
//! `char::to_lowercase`), but the characters of Vietnamese text (ASCII, Latin-1, Latin
//! Extended-A/B, Latin Extended Additional, and the quotes and dashes of General Punctuation)
//! are answered from tables generated from it and compiled in, instead of the standard library's search through
//! all of Unicode. The same table answers [`is_vietnamese_letter`], which would otherwise
//! decompose the character.

/// The blocks the table covers: U+0000–U+024F and U+1E00–U+206F (Latin Extended Additional,
/// Greek Extended, General Punctuation).
const LOW_END: u32 = 0x250;
const HIGH_START: u32 = 0x1E00;
const HIGH_END: u32 = 0x2070;

const ALPHABETIC: u8 = 1;
const NUMERIC: u8 = 2;
const UPPER: u8 = 4;
const LOWER: u8 = 8;
const VIETNAMESE: u8 = 16;

// `CLASS` (the class bits) and `LOWER_CASE` (the one-character lower case, as its distance from the character) of each covered
// character, by `slot`: generated from the standard library by the test
// `tables_match_the_standard_library`, which says how to write them anew.
include!("letters_table.rs");

#[cfg(test)]
fn class_of(c: char) -> u8 {
    let mut bits = 0;
    if c.is_alphabetic() {
        bits |= ALPHABETIC;
    }
    if c.is_numeric() {
        bits |= NUMERIC;
    }
    if c.is_uppercase() {
        bits |= UPPER;
    }
    if c.is_lowercase() {
        bits |= LOWER;
    }
    if marks_vietnamese(c) {
        bits |= VIETNAMESE;
    }
    bits
}

/// True for a letter that only Vietnamese spelling gives: đ, or a vowel with a Vietnamese
/// tone mark, circumflex, breve or horn (what [`is_vietnamese_letter`] answers, read off
/// the character's decomposition).
fn marks_vietnamese(c: char) -> bool {
    if matches!(c, 'đ' | 'Đ') {
        return true;
    }
    if c.is_ascii() || !c.is_alphabetic() {
        return false;
    }
    super::has_mark(c, |mark| {
        matches!(
            mark,
            '\u{0300}'
                | '\u{0301}'
                | '\u{0302}'
                | '\u{0303}'
                | '\u{0306}'
                | '\u{0309}'
                | '\u{031B}'
                | '\u{0323}'
        )
    })
}

/// The lower case of `c` when it is one character, else `c`.
fn single_lower(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Index of `c` in the table, if covered.
fn slot(c: char) -> Option<usize> {
    let u = c as u32;
    if u < LOW_END {
        Some(u as usize)
    } else if (HIGH_START..HIGH_END).contains(&u) {
        Some((LOW_END + u - HIGH_START) as usize)
    } else {
        None
    }
}

fn has(c: char, bits: u8, slow: impl Fn(char) -> bool) -> bool {
    match slot(c) {
        Some(i) => CLASS[i] & bits != 0,
        None => slow(c),
    }
}

/// Same as `c.is_alphabetic()`.
#[inline]
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    has(c, ALPHABETIC, char::is_alphabetic)
}

/// Same as `c.is_alphanumeric()`.
#[inline]
pub fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    has(c, ALPHABETIC | NUMERIC, char::is_alphanumeric)
}

/// Same as `c.is_uppercase()`.
#[inline]
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    has(c, UPPER, char::is_uppercase)
}

/// Same as `c.is_lowercase()`.
#[inline]
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    has(c, LOWER, char::is_lowercase)
}

/// True for a letter that only Vietnamese spelling gives: đ, or a vowel with a Vietnamese
/// tone mark, circumflex, breve or horn ("ệ", "ơ", "ă"; not "e", "ü", "ñ").
#[inline]
pub fn is_vietnamese_letter(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    has(c, VIETNAMESE, marks_vietnamese)
}

/// The lower case of `c` when the standard library maps it to one character, else `c`
/// ("Ệ" → "ệ", "İ" → "İ": its lower case is two characters).
#[inline]
pub fn to_lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match slot(c) {
        Some(i) => shifted(c, LOWER_CASE[i]),
        None => single_lower(c),
    }
}

/// `c` moved by `delta` code points (`c` itself if that is no character).
fn shifted(c: char, delta: i16) -> char {
    let code = u32::try_from(c as i32 + i32::from(delta)).unwrap_or(c as u32);
    char::from_u32(code).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character of the covered blocks and of their neighbours answers as std does.
    #[test]
    fn agrees_with_the_standard_library() {
        let ranges = [
            0..0x300u32,
            0x1D00..0x2100,
            0x3000..0x3100,
            0x1F600..0x1F700,
        ];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_lower(c), c.is_lowercase(), "{c:?}");
            assert_eq!(to_lower(c), single_lower(c), "{c:?}");
            assert_eq!(is_vietnamese_letter(c), marks_vietnamese(c), "{c:?}");
        }
    }

    /// The tables as Rust source, computed from the standard library.
    fn table_source() -> String {
        let covered = (0..LOW_END).chain(HIGH_START..HIGH_END);
        let chars: Vec<char> = covered.map(|u| char::from_u32(u).unwrap_or('\0')).collect();
        let rows = |cell: &dyn Fn(char) -> String| -> String {
            let cells: Vec<String> = chars.iter().map(|&c| cell(c)).collect();
            let lines: Vec<String> = cells.chunks(12).map(|row| row.join(", ")).collect();
            format!("    {},\n", lines.join(",\n    "))
        };
        let n = chars.len();
        format!(
            "// Generated by the test `tables_match_the_standard_library` in letters.rs: do not edit.\n\
             static CLASS: [u8; {n}] = [\n{}];\n\
             static LOWER_CASE: [i16; {n}] = [\n{}];\n",
            rows(&|c| format!("{:#04x}", class_of(c))),
            rows(&|c| (single_lower(c) as i32 - c as i32).to_string()),
        )
    }

    /// The checked-in tables are what the standard library says; when it changes, the test
    /// writes the new tables to `target/letters_table.rs`, to copy over `src/text/`.
    #[test]
    fn tables_match_the_standard_library() {
        let expected = table_source();
        if expected != include_str!("letters_table.rs") {
            let out = concat!(env!("CARGO_MANIFEST_DIR"), "/target/letters_table.rs");
            std::fs::write(out, &expected).expect("write the new tables");
            panic!("the letter tables are out of date: copy {out} to src/text/letters_table.rs");
        }
    }

    #[test]
    fn vietnamese_letters() {
        assert!(is_upper('Ệ') && is_lower('ệ') && is_letter('đ'));
        assert_eq!(to_lower('Ư'), 'ư');
        assert_eq!(to_lower('Đ'), 'đ');
        assert!(!is_letter('×') && !is_letter_or_digit('–'));
        assert!(is_letter_or_digit('5') && is_letter_or_digit('²'));
        for c in ['ệ', 'Ệ', 'đ', 'Đ', 'ơ', 'ă', 'à', 'ỹ', 'Ư'] {
            assert!(is_vietnamese_letter(c), "{c:?}");
        }
        for c in ['e', 'E', 'ü', 'ç', 'ø', 'ß', '5', '–', '́'] {
            assert!(!is_vietnamese_letter(c), "{c:?}");
        }
    }
}
