//! Walks `tests/corpus/clean/lines.txt`: every case's lines must get the expected classes,
//! and the case's facts (title, authors, publish date, source, removed lines) must hold.

use thidua::clean::{clean, LineClass};
use thidua::text::Text;

/// One case of the corpus.
#[derive(Debug, Default)]
struct Case {
    name: String,
    lines: Vec<String>,
    classes: Vec<String>,
    facts: Vec<(String, String)>,
}

fn parse(corpus: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    for line in corpus.lines() {
        if let Some(name) = line.strip_prefix("## ") {
            cases.push(Case {
                name: name.to_string(),
                ..Case::default()
            });
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let case = cases.last_mut().expect("a case header before its lines");
        if let Some(fact) = line.strip_prefix('@') {
            let (key, value) = fact.split_once(':').expect("@key: value");
            case.facts
                .push((key.trim().to_string(), value.trim().to_string()));
            continue;
        }
        let (classes, input) = line.split_once('|').expect("CLASSES | input line");
        case.classes.push(classes.trim().to_string());
        case.lines
            .push(input.strip_prefix(' ').unwrap_or(input).to_string());
    }
    cases
}

fn class_name(class: LineClass) -> &'static str {
    match class {
        LineClass::Title => "title",
        LineClass::Meta => "meta",
        LineClass::Lead => "lead",
        LineClass::Body => "body",
        LineClass::Caption => "caption",
        LineClass::Boilerplate => "boilerplate",
        LineClass::Blank => "blank",
    }
}

/// The failures of one case, as messages.
fn check(case: &Case) -> Vec<String> {
    let input = case.lines.join("\n");
    let text = Text::new(&input);
    let article = clean(&text);
    let mut failures = Vec::new();
    for (i, expected) in case.classes.iter().enumerate() {
        let got: Vec<&str> = article
            .lines
            .iter()
            .filter(|l| l.line == i)
            .map(|l| class_name(l.class))
            .collect();
        let got = got.join("+");
        if &got != expected {
            let reasons: Vec<&str> = article
                .lines
                .iter()
                .filter(|l| l.line == i)
                .map(|l| l.reason)
                .collect();
            failures.push(format!(
                "line {}: expected {expected}, got {got} ({reasons:?}): {}",
                i + 1,
                case.lines[i]
            ));
        }
    }
    let removed: Vec<String> = article.removed(&text).into_iter().map(|r| r.text).collect();
    for (key, value) in &case.facts {
        let ok = match key.as_str() {
            "title" => article.title_text(&text).as_deref() == none_or(value),
            "authors" => {
                let names: Vec<&str> = article.authors.iter().map(|a| a.name.as_str()).collect();
                let want: Vec<&str> = none_or(value)
                    .map(|v| v.split(';').map(str::trim).collect())
                    .unwrap_or_default();
                names == want
            }
            "published" => article.published.map(|d| d.to_string()).as_deref() == none_or(value),
            "month" => {
                article
                    .published_month
                    .map(|(y, m)| format!("{y:04}-{m:02}"))
                    .as_deref()
                    == none_or(value)
            }
            "source" => article.source.as_deref() == none_or(value),
            "removed" => removed.iter().any(|r| r == value),
            other => panic!("unknown fact @{other}"),
        };
        if !ok {
            failures.push(format!(
                "@{key}: expected {value}; title {:?}, authors {:?}, published {:?}, source {:?}, removed {removed:?}",
                article.title_text(&text),
                article.authors.iter().map(|a| &a.name).collect::<Vec<_>>(),
                article.published,
                article.source,
            ));
        }
    }
    failures
}

fn none_or(value: &str) -> Option<&str> {
    (value != "none").then_some(value)
}

#[test]
fn line_classes_match_the_corpus() {
    let corpus = include_str!("corpus/clean/lines.txt");
    let cases = parse(corpus);
    assert!(cases.len() >= 10, "the corpus has its cases");
    let mut report = String::new();
    for case in &cases {
        for failure in check(case) {
            report.push_str(&format!("[{}] {failure}\n", case.name));
        }
    }
    assert!(report.is_empty(), "\n{report}");
}
