//! Shape features of a line of text: length, punctuation, capitalisation, diacritics.

/// Characters that end a sentence or a clause that cannot go on on the next line.
const TERMINAL: [char; 8] = ['.', '!', '?', '…', ';', ':', '"', '”'];

/// Number of words: white-space separated tokens holding a letter or a digit.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
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
        s[i + 2..].chars().next().is_some_and(char::is_uppercase)
            && !is_abbreviation(s[..i].rsplit(' ').next().unwrap_or(""))
    })
}

/// True when `word`, written before a period, is an abbreviation rather than the last word of
/// a sentence: an initial ("V."), a short capitalised acronym ("TP.", "TX.", "PGS.", "ThS.")
/// or "Tp.".
fn is_abbreviation(word: &str) -> bool {
    let letters = word.chars().count();
    let capitals = word.chars().filter(|c| c.is_uppercase()).count();
    word.chars().all(char::is_alphabetic)
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
        .is_some_and(char::is_lowercase)
}

/// True when the first character is an upper-case letter, a digit or an opening quote.
pub fn starts_like_a_heading(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“'‘(".contains(c))
}

/// True when the line has letters and none of them is lower case.
pub fn is_all_caps(s: &str) -> bool {
    let mut letters = s.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(|c| !c.is_lowercase())
}

/// True for a letter that only Vietnamese spelling gives: đ, or a vowel with a Vietnamese
/// tone mark, circumflex, breve or horn.
pub fn is_vietnamese_letter(c: char) -> bool {
    if matches!(c, 'đ' | 'Đ') {
        return true;
    }
    if c.is_ascii() || !c.is_alphabetic() {
        return false;
    }
    crate::text::has_mark(c, |mark| {
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

/// The text in lower case without diacritics ("Cụm Thi đua" → "cum thi dua").
pub fn strip_accents(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, 'đ' | 'Đ') {
            out.push('d');
            continue;
        }
        if crate::text::combining_class(c) == 0 {
            out.extend(crate::text::base_letter(c).to_lowercase());
        }
    }
    out
}

/// A comparison key for repeated lines: words of the folded line, edge punctuation dropped.
pub fn line_key(folded: &str) -> String {
    folded
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when `word` is written like a name part: a capital then lower case letters ("Thủy"),
/// or all capitals ("THỦY"); at most seven letters, as a Vietnamese syllable.
fn is_name_word(word: &str, all_caps: bool) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest: Vec<char> = chars.collect();
    first.is_uppercase()
        && rest.len() < 7
        && rest.iter().all(|c| c.is_alphabetic())
        && rest.iter().all(|c| {
            if all_caps {
                c.is_uppercase()
            } else {
                c.is_lowercase()
            }
        })
}

/// True when `s` reads as a person's name as bylines write it: two to five capitalised
/// syllables ("Chung Thủy", "TRÚC GIANG"), or an initial and a syllable ("V.Linh").
pub fn is_name_like(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    if words.len() == 1 {
        return is_initial_name(words[0]);
    }
    let all_caps = is_all_caps(s);
    words
        .iter()
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
        let initial = n == 1 && p.chars().all(char::is_uppercase);
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
        assert!(is_vietnamese_letter('ệ') && !is_vietnamese_letter('e'));
    }
}
