//! Cited legal and Party documents: "Chỉ thị số 34-CT/TW", "Kế hoạch số 38/KH-CTĐ02",
//! "Nghị quyết 30a", "Nghị quyết Trung ương 4 (khóa XIII)", "Nghị quyết Đại hội đại biểu Đảng bộ
//! tỉnh lần thứ XIX", "Luật Thi đua, khen thưởng năm 2022".
//!
//! A kind from `data/document_kinds.txt` is a citation only when a number or a distinguishing
//! name follows it; "các Nghị quyết của Công đoàn" or "Quy chế hoạt động Cụm thi đua" are not.

use super::Passage;
use crate::lexicon::Lexicon;
use crate::model::DocumentRef;
use crate::text::Text;
use regex::Regex;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

/// The kinds of documents (data/document_kinds.txt).
pub(crate) fn kinds() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::from_data(include_str!("../../data/document_kinds.txt")))
}

/// What may follow a kind to make a citation, anchored at the end of the kind.
fn tail_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            concat!(r"^", ws!(), r"+(?:"),
            // "số 34-CT/TW", "38/KH-CTĐ02", "30a", "05", "số 01/2024/NQ-HĐND"
            concat!(r"(?P<so>số", ws!(), r"+)?(?P<num>[0-9]+(?:\.[0-9]{3})*[a-zđ]?)(?P<code>(?:[-/][0-9A-Za-z_\x{AA}\x{B5}\x{BA}\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{24F}\x{300}-\x{36F}\x{1E00}-\x{1EFF}]+(?:[-/.][0-9A-Za-z_\x{AA}\x{B5}\x{BA}\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{24F}\x{300}-\x{36F}\x{1E00}-\x{1EFF}]+)*)?)"),
            // "Trung ương 4 (khóa XIII)", "Hội nghị Trung ương 8 khóa XII"
            concat!(r"|(?P<tw>(?:Hội nghị", ws!(), r"+)?(?:lần thứ", ws!(), r"+[0-9]+", ws!(), r"+)?(?:Ban Chấp hành", ws!(), r"+)?Trung ương", ws!(), r"+(?:lần thứ", ws!(), r"+)?[0-9]+(?:", ws!(), r"*\(", ws!(), r"*khóa", ws!(), r"+[IVXLC]+", ws!(), r"*\)|", ws!(), r"+khóa", ws!(), r"+[IVXLC]+)?)"),
            // "Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX", "Đại hội XIII của Đảng"
            concat!(r"|(?P<congress>Đại hội(?:", ws!(), r"+[0-9A-Za-z_\x{AA}\x{B5}\x{BA}\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{24F}\x{300}-\x{36F}\x{1E00}-\x{1EFF}-]+){0,7}?", ws!(), r"+(?:lần thứ", ws!(), r"+)?[IVXLC]+)"),
            // "Thi đua, khen thưởng năm 2022"
            concat!(r"|(?P<law>[0-9A-Za-z_\x{AA}\x{B5}\x{BA}\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{24F}\x{300}-\x{36F}\x{1E00}-\x{1EFF}]+(?:,?", ws!(), r"+[0-9A-Za-z_\x{AA}\x{B5}\x{BA}\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{24F}\x{300}-\x{36F}\x{1E00}-\x{1EFF}]+){0,5}?", ws!(), r"+năm", ws!(), r"+[0-9]{4})"),
            r")"
        ))
        .expect("document tail compiles")
    })
}

fn date_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"^",
            ws!(),
            r"+ngày",
            ws!(),
            r"+([0-9]{1,2})",
            ws!(),
            r"*[/.-]",
            ws!(),
            r"*([0-9]{1,2})",
            ws!(),
            r"*[/.-]",
            ws!(),
            r"*([0-9]{4})"
        ))
        .expect("document date compiles")
    })
}

/// Words that after a bare number make it a count or a period, not a document number.
const NOT_A_NUMBER_AFTER: [&str; 9] = [
    "năm", "tháng", "ngày", "%", "nội", "điểm", "chỉ", "nhiệm", "lần",
];

/// A citation found in a passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The citation as written (kind and number or name), byte range in the passage.
    pub range: Range<usize>,
    /// The kind, as listed in the data file ("Chỉ thị").
    pub kind: &'static str,
    /// The number ("34", "30a").
    pub number: Option<String>,
    /// The issuer code ("CT/TW").
    pub issuer: Option<String>,
    /// Date of issue.
    pub date: Option<String>,
}

/// Every citation in the passage, in text order.
pub fn citations(passage: &Passage) -> Vec<Citation> {
    passage
        .document_kinds
        .iter()
        .filter_map(|hit| {
            let kind = kinds().fields(hit.entry)[0];
            read_tail(passage.text, hit.range.clone(), kind)
        })
        .collect()
}

/// The groups of a tail that [`tail_regex`] matched by its first alternative, a number.
#[derive(Debug, PartialEq, Eq)]
struct NumberedTail<'a> {
    /// The group `so`: "số" is written before the number.
    so: bool,
    /// The group `num` ("34", "1.234", "30a").
    num: &'a str,
    /// The group `code` ("-CT/TW", "/2024/NQ-HĐND"; empty without one).
    code: &'a str,
}

/// The groups of `tail`, the whole match of [`tail_regex`], when it matched the number
/// alternative (`None` for the other ones), read by hand as that alternative's greedy parts
/// take them: the regex's capture engine (a PikeVM over its large classes) would cost ~10 K
/// instructions a tail. The first alternative wins whenever it matches, and everything after
/// its number is optional, so the greedy reading of the number is the match's; the code is
/// what is left of the match after it.
fn numbered_tail(tail: &str) -> Option<NumberedTail<'_>> {
    // `ws!()` is the White_Space set of `char::is_whitespace`, which `trim_start` trims.
    let body = tail.trim_start();
    let (so, number) = match body.strip_prefix("số") {
        Some(after) if after.starts_with(char::is_whitespace) => (true, after.trim_start()),
        Some(_) => return None,
        None => (false, body),
    };
    let bytes = number.as_bytes();
    let mut end = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if end == 0 {
        return None;
    }
    while bytes.get(end) == Some(&b'.')
        && bytes
            .get(end + 1..end + 4)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    {
        end += 4;
    }
    if let Some(c) = number[end..]
        .chars()
        .next()
        .filter(|&c| c.is_ascii_lowercase() || c == 'đ')
    {
        end += c.len_utf8();
    }
    Some(NumberedTail {
        so,
        num: &number[..end],
        code: &number[end..],
    })
}

fn read_tail(s: &str, kind_range: Range<usize>, kind: &'static str) -> Option<Citation> {
    let rest = &s[kind_range.end..];
    // The lazy DFA finds the tail; what its groups would tell is read from the match by hand
    // (`numbered_tail`, `is_law_name`).
    let whole = tail_regex().find(rest)?;
    let end = kind_range.end + whole.end();
    if !crate::lexicon::is_word_boundary(s, end) {
        return None;
    }
    let capitalised = s[kind_range.clone()]
        .chars()
        .next()
        .is_some_and(crate::text::letters::is_upper);
    let (number, issuer) = match numbered_tail(whole.as_str()) {
        Some(NumberedTail { so, num, code }) => {
            let after = s[end..].trim_start();
            let counted = NOT_A_NUMBER_AFTER
                .iter()
                .any(|w| after.starts_with(w) && crate::lexicon::is_word_boundary(after, w.len()));
            let plain = code.is_empty() && !so;
            let year_like = num.len() == 4;
            if plain && (!capitalised || counted || year_like) {
                return None;
            }
            let issuer = code.trim_start_matches(['-', '/']);
            (
                Some(num.to_string()),
                (!issuer.is_empty()).then(|| issuer.to_string()),
            )
        }
        None if !capitalised => return None,
        None if kind != "Luật" && is_law_name(whole.as_str()) => return None,
        None => (None, None),
    };
    let date = date_after(&s[end..]);
    Some(Citation {
        range: kind_range.start..end,
        kind,
        number,
        issuer,
        date,
    })
}

/// The date of issue that opens `rest` (" ngày 12/3/2020"), as "YYYY-MM-DD". Day, month and
/// year are the three digit runs of the match of [`date_regex`], its only digits: read from
/// its lazy DFA's match without running the capture engine.
fn date_after(rest: &str) -> Option<String> {
    let written = date_regex().find(rest)?.as_str();
    let mut runs = written
        .split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
        .map(str::parse::<u32>);
    let (day, month, year) = (runs.next()?.ok()?, runs.next()?.ok()?, runs.next()?.ok()?);
    crate::Date::new(year as i32, month, day).map(|d| d.to_string())
}

/// True when `tail`, the whole match of [`tail_regex`] but not of its number alternative,
/// matched its last alternative (a law's name, "Thi đua, khen thưởng năm 2022"): only that one
/// ends in "năm" and a year; the others end in a number after "Trung ương" or "lần thứ", in a
/// ")" or in a Roman numeral.
fn is_law_name(tail: &str) -> bool {
    let digits = tail.bytes().rev().take_while(u8::is_ascii_digit).count();
    let before = &tail[..tail.len() - digits];
    let word = before.trim_end();
    digits == 4 && word.len() < before.len() && word.ends_with("năm")
}

/// The cited documents of the article text (not the title), each once.
pub fn find(text: &Text, passages: &[Passage]) -> Vec<DocumentRef> {
    let mut out: Vec<DocumentRef> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for passage in passages.iter().filter(|p| p.is_article_text()) {
        for citation in citations(passage) {
            let key = crate::text::fold(&crate::clean::collapse_spaces(
                &passage.text[citation.range.clone()],
            ));
            if !seen.insert(key) {
                continue;
            }
            out.push(DocumentRef {
                text: passage.text[citation.range.clone()].to_string(),
                kind: citation.kind.to_string(),
                number: citation.number,
                issuer: citation.issuer,
                date: citation.date,
                span: passage.span(text, citation.range),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The groups of the captures of `rest` that `numbered_tail` reads by hand.
    fn captured(rest: &str) -> Option<(Option<NumberedTail<'_>>, bool)> {
        let caps = tail_regex().captures(rest)?;
        let numbered = caps.name("num").map(|num| NumberedTail {
            so: caps.name("so").is_some(),
            num: num.as_str(),
            code: caps.name("code").map_or("", |m| m.as_str()),
        });
        Some((numbered, caps.name("law").is_some()))
    }

    /// The tail's groups read by hand from its whole match are those of its captures, after
    /// every white space of the corpora and the dev set and in made-up tails; so are the dates
    /// of issue read from the digit runs of their match.
    #[test]
    fn tails_and_dates_are_read_as_their_captures() {
        let mut texts: Vec<String> = [
            " số 34-CT/TW",
            " 38/KH-CTĐ02 x",
            " 30a",
            " 05",
            " số 01/2024/NQ-HĐND",
            " 1.2345",
            " 12.345đ-AB.c",
            " số5",
            " số  7b",
            " số\u{A0}01",
            " 2022 năm",
            " số đ",
            " 1.23",
            " 4.567.890/QĐ",
            " Trung ương 4 (khóa XIII)",
            " Đại hội XIII",
            " Thi đua, khen \
             thưởng năm 2022",
            " 3ab",
            " 7ß",
            " 9/",
            " 9-A-",
            " lần thứ 2 Trung ương 8",
            " Hội nghị lần thứ 2022 Trung ương 2022",
            " Đại hội năm 2022 lần thứ XX",
            " Trung ương 4 năm 2022",
            " Trung ương năm 2022",
            " ngày 12/3/2020",
            " ngày 31 - 02 - 2020",
            "\u{A0}ngày 5.11.1999x",
            " ngày 123/4/2020",
        ]
        .map(String::from)
        .to_vec();
        texts.extend(crate::test_texts::texts_under(&[
            "tests/corpus",
            crate::test_texts::DEVSET,
        ]));
        let (mut numbered, mut named, mut dated) = (0, 0, 0);
        for text in &texts {
            for (i, _) in text.char_indices().filter(|(_, c)| c.is_whitespace()) {
                let rest = &text[i..];
                let date = date_regex().captures(rest).and_then(|d| {
                    let n = |i: usize| d.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
                    crate::Date::new(n(3)? as i32, n(2)?, n(1)?).map(|d| d.to_string())
                });
                dated += usize::from(date.is_some());
                assert_eq!(date_after(rest), date, "{rest:?}");
                let Some((groups, law)) = captured(rest) else {
                    assert_eq!(tail_regex().find(rest), None);
                    continue;
                };
                let whole = tail_regex().find(rest).expect("a tail").as_str();
                assert_eq!(numbered_tail(whole), groups, "{rest:?}");
                if groups.is_some() {
                    numbered += 1;
                } else {
                    assert_eq!(is_law_name(whole), law, "{rest:?}");
                    named += 1;
                }
            }
        }
        assert!(
            numbered > 1000 && named > 100 && dated > 20,
            "{numbered} {named} {dated}"
        );
    }
}
