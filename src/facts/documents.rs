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

fn read_tail(s: &str, kind_range: Range<usize>, kind: &'static str) -> Option<Citation> {
    let rest = &s[kind_range.end..];
    let caps = tail_regex().captures(rest)?;
    let whole = caps.get(0)?;
    let end = kind_range.end + whole.end();
    if !crate::lexicon::is_word_boundary(s, end) {
        return None;
    }
    let capitalised = s[kind_range.clone()]
        .chars()
        .next()
        .is_some_and(crate::text::letters::is_upper);
    let (number, issuer) = match caps.name("num") {
        Some(num) => {
            let code = caps.name("code").map_or("", |m| m.as_str());
            let after = s[end..].trim_start();
            let counted = NOT_A_NUMBER_AFTER
                .iter()
                .any(|w| after.starts_with(w) && crate::lexicon::is_word_boundary(after, w.len()));
            let plain = code.is_empty() && caps.name("so").is_none();
            let year_like = num.as_str().len() == 4;
            if plain && (!capitalised || counted || year_like) {
                return None;
            }
            let issuer = code.trim_start_matches(['-', '/']);
            (
                Some(num.as_str().to_string()),
                (!issuer.is_empty()).then(|| issuer.to_string()),
            )
        }
        None if !capitalised => return None,
        None if caps.name("law").is_some() && kind != "Luật" => return None,
        None => (None, None),
    };
    let date = date_regex().captures(&s[end..]).and_then(|d| {
        let n = |i: usize| d.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        crate::Date::new(n(3)? as i32, n(2)?, n(1)?).map(|d| d.to_string())
    });
    Some(Citation {
        range: kind_range.start..end,
        kind,
        number,
        issuer,
        date,
    })
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
