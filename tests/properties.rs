//! Invariants of `extract` on arbitrary text and on mutated articles: no panic, spans inside
//! the input on character boundaries, evidence text equal to what the spans point at, the
//! same output twice, the output's shape, and figures that do not depend on boilerplate.

mod support;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::Value;
use support::{articles, check_spans, evidence_key, utf16_slice};
use thidua::{extract, Options, Span, Summary};

/// Top-level fields every summary has, whatever the input.
const SUMMARY_FIELDS: [&str; 22] = [
    "version",
    "title",
    "title_span",
    "lead",
    "lead_span",
    "source",
    "published",
    "authors",
    "event",
    "people",
    "organizations",
    "places",
    "abbreviations",
    "figures",
    "awards",
    "documents",
    "movements",
    "clusters",
    "summary",
    "body",
    "removed",
    "warnings",
];

const FIGURE_KINDS: [&str; 5] = ["money", "percent", "ratio", "count", "quantity"];

fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// Runs every invariant on one input; the error names the first one broken.
fn check_invariants(input: &str) -> Result<(), TestCaseError> {
    let options = Options::default();
    let summary = extract(input, &options).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let json = serde_json::to_value(&summary).expect("a summary serialises");
    check_spans(input, &json).map_err(TestCaseError::fail)?;
    check_shape(&json)?;
    if !thidua::text::Text::new(input).was_html {
        check_evidence(input, &summary)?;
    }
    let again = extract(input, &options).expect("second run");
    prop_assert_eq!(
        serde_json::to_value(&again).expect("serialises"),
        json,
        "two runs differ"
    );
    Ok(())
}

/// The fields the contract promises are there, with the right JSON types.
fn check_shape(json: &Value) -> Result<(), TestCaseError> {
    let object = json.as_object().expect("a summary is an object");
    for field in SUMMARY_FIELDS {
        prop_assert!(object.contains_key(field), "missing field {}", field);
    }
    prop_assert_eq!(json["version"].as_u64(), Some(1));
    for list in [
        "authors",
        "people",
        "organizations",
        "places",
        "abbreviations",
        "figures",
        "awards",
        "documents",
        "movements",
        "clusters",
        "summary",
        "body",
        "removed",
        "warnings",
    ] {
        prop_assert!(json[list].is_array(), "{} is not an array", list);
    }
    for figure in json["figures"].as_array().into_iter().flatten() {
        let kind = figure["kind"].as_str().unwrap_or("");
        prop_assert!(FIGURE_KINDS.contains(&kind), "figure kind {}", kind);
        prop_assert!(
            figure["value"].as_f64().is_some_and(f64::is_finite),
            "figure value {}",
            figure["value"]
        );
    }
    for warning in json["warnings"].as_array().into_iter().flatten() {
        prop_assert!(warning["code"].as_str().is_some_and(|s| !s.is_empty()));
        prop_assert!(warning["message"].as_str().is_some_and(|s| !s.is_empty()));
    }
    Ok(())
}

/// For figures, movements and documents, the input under the span is the fact's text (up to
/// NFC, the unified lookalikes and white space).
fn check_evidence(input: &str, summary: &Summary) -> Result<(), TestCaseError> {
    let facts = summary
        .figures
        .iter()
        .map(|f| (&f.text, f.span))
        .chain(summary.movements.iter().map(|m| (&m.name, m.span)))
        .chain(summary.documents.iter().map(|d| (&d.text, d.span)));
    for (text, span) in facts {
        let under = utf16_slice(input, span.start, span.end);
        prop_assert_eq!(
            evidence_key(&under),
            evidence_key(text),
            "span {:?} of {:?}",
            span,
            text
        );
    }
    Ok(())
}

/// Text made of what pasted articles contain: Vietnamese letters in both tone placements and
/// NFD, digits with Vietnamese separators, money words, quotes, slashes, tags, emoji, CJK,
/// line breaks and control characters.
fn article_like() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("Đại hội thi đua ".to_string()),
        Just("hoà Hòa uỷ ủy ".to_string()),
        Just("Ho\u{0300}a Bi\u{0300}nh ".to_string()),
        Just("Ðồng chí ".to_string()),
        Just("tỷ đồng ".to_string()),
        Just("triệu đồng/người/năm ".to_string()),
        Just("nghìn tỷ ".to_string()),
        Just("%".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("/".to_string()),
        Just("-".to_string()),
        Just(".".to_string()),
        Just(",".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("\u{00A0}".to_string()),
        Just("\u{200B}".to_string()),
        Just("<p>".to_string()),
        Just("</div>".to_string()),
        Just("&nbsp;".to_string()),
        Just("😀".to_string()),
        Just("中文".to_string()),
        Just("Chỉ thị số 34-CT/TW ".to_string()),
        Just("phong trào “".to_string()),
        Just("ngày 29/12/2022 ".to_string()),
        Just("gần ".to_string()),
        Just("trên ".to_string()),
        "[0-9]{1,4}",
        "[0-9]{1,3}([.,][0-9]{1,3}){0,3}",
        "[a-zA-Zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ ]{1,12}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

#[test]
fn arbitrary_strings_keep_every_invariant() {
    let mut runner = TestRunner::new(config(48));
    runner
        .run(&any::<String>(), |s| check_invariants(&s))
        .unwrap();
}

#[test]
fn article_like_strings_keep_every_invariant() {
    let mut runner = TestRunner::new(config(64));
    runner
        .run(&article_like(), |s| check_invariants(&s))
        .unwrap();
}

/// One edit of an article: insert a piece, delete a stretch, or swap two lines.
#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, String),
    Delete(usize, usize),
    SwapLines(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), article_like()).prop_map(|(at, s)| Edit::Insert(at, s)),
        (any::<usize>(), 0usize..200).prop_map(|(at, n)| Edit::Delete(at, n)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
    ]
}

/// The char boundary of `s` at or before `at`, at most the end.
fn floor_boundary(s: &str, at: usize) -> usize {
    let mut i = at.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(article: &str, edit: &Edit) -> String {
    match edit {
        Edit::Insert(at, piece) => {
            let at = floor_boundary(article, at % (article.len() + 1));
            format!("{}{}{}", &article[..at], piece, &article[at..])
        }
        Edit::Delete(at, n) => {
            let start = floor_boundary(article, at % (article.len() + 1));
            let end = floor_boundary(article, start + n);
            format!("{}{}", &article[..start], &article[end..])
        }
        Edit::SwapLines(a, b) => {
            let mut lines: Vec<&str> = article.split('\n').collect();
            let n = lines.len();
            lines.swap(a % n, b % n);
            lines.join("\n")
        }
    }
}

#[test]
fn mutated_articles_keep_every_invariant() {
    let articles = articles();
    let strategy = (0..articles.len(), prop::collection::vec(edit(), 1..6));
    let mut runner = TestRunner::new(config(24));
    runner
        .run(&strategy, |(which, edits)| {
            let input = edits
                .iter()
                .fold(articles[which].clone(), |text, e| apply(&text, e));
            check_invariants(&input)
        })
        .unwrap();
}

#[test]
fn unmutated_articles_keep_every_invariant() {
    for article in articles() {
        check_invariants(&article).unwrap();
    }
}

/// A fact as comparable text: its JSON with every span and mention list left out (they
/// point into different inputs).
fn without_spans(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| !matches!(k.as_str(), "span" | "mentions"))
                .map(|(k, v)| (k.clone(), without_spans(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_spans).collect()),
        other => other.clone(),
    }
}

/// The span of a fact, when it has one.
fn span_of(fact: &Value) -> Option<(u64, u64)> {
    let span = fact.get("span")?;
    Some((span.get("start")?.as_u64()?, span.get("end")?.as_u64()?))
}

/// The facts of list `field` of `summary`, sorted, spans left out; facts whose span lies in
/// one of `skipped` are dropped.
fn facts_of(summary: &Summary, field: &str, skipped: &[Span]) -> Vec<String> {
    let json = serde_json::to_value(summary).unwrap();
    let mut facts: Vec<String> = json[field]
        .as_array()
        .unwrap()
        .iter()
        .filter(|fact| {
            span_of(fact).map_or(true, |(start, end)| {
                !skipped
                    .iter()
                    .any(|p| p.start as u64 <= start && end <= p.end as u64)
            })
        })
        .map(|fact| without_spans(fact).to_string())
        .collect();
    facts.sort();
    facts
}

/// Every list of facts the article's own text decides. (Not `clusters`: a pledge is reported
/// once, from its first sentence, so a pledge caption that becomes the headline hides the
/// lead's pledge on the page but not in the article alone.)
const FACT_LISTS: [&str; 8] = [
    "figures",
    "awards",
    "documents",
    "movements",
    "people",
    "organizations",
    "places",
    "abbreviations",
];

/// The article's own text (title, then lead, body and captions) reads to the same facts as
/// the whole page: boilerplate adds or removes nothing. The headline is never read for
/// figures, and once the page chrome is gone another line may pass for the headline (a lead
/// without final punctuation, whose dateline was the clue); the facts of that paragraph are
/// left out of the comparison.
#[test]
fn facts_come_from_the_article_text_only() {
    let options = Options::default();
    for article in articles() {
        let page = extract(&article, &options).unwrap();
        let mut clean = page.title.clone().map(|t| vec![t]).unwrap_or_default();
        clean.extend(page.body.iter().map(|p| p.text.clone()));
        let again = extract(&clean.join("\n\n"), &options).unwrap();
        let new_headline: Vec<Span> = page
            .body
            .iter()
            .filter(|p| again.title.as_ref() == Some(&p.text))
            .map(|p| p.span)
            .collect();
        // The paragraph that became the headline is left out on both sides.
        let new_title: Vec<Span> = again
            .title_span
            .filter(|_| !new_headline.is_empty())
            .into_iter()
            .collect();
        for field in FACT_LISTS {
            assert_eq!(
                facts_of(&again, field, &new_title),
                facts_of(&page, field, &new_headline),
                "{field} differ once boilerplate is gone, in:\n{}",
                article.chars().take(200).collect::<String>()
            );
        }
    }
}
