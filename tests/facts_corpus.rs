//! Walks the fact corpora in tests/corpus/facts/: each line `input => expected` (see the
//! header comment of each file for the format). Every failing line is reported, then the test
//! fails.

use thidua::facts::{extract_paragraph, Facts};
use thidua::Date;

/// The corpus lines as (line number, input, expected).
fn cases(corpus: &str) -> Vec<(usize, String, String)> {
    corpus
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let (input, expected) = l
                .rsplit_once(" => ")
                .unwrap_or_else(|| panic!("line {}: no ' => '", i + 1));
            (i + 1, input.trim().to_string(), expected.trim().to_string())
        })
        .collect()
}

/// An optional "[YYYY-MM-DD] " reference date before the paragraph.
fn with_reference(input: &str) -> (Option<Date>, &str) {
    match input.strip_prefix('[').and_then(|r| r.split_once("] ")) {
        Some((date, rest)) => (Some(date.parse().expect("reference date")), rest),
        None => (None, input),
    }
}

fn walk(corpus: &str, show: impl Fn(&Facts) -> String) {
    let mut failures = Vec::new();
    let all = cases(corpus);
    assert!(!all.is_empty(), "empty corpus");
    for (line, input, expected) in &all {
        let (reference, paragraph) = with_reference(input);
        let (_, facts) = extract_paragraph(paragraph, reference);
        let got = show(&facts);
        if &got != expected {
            failures.push(format!(
                "line {line}: {paragraph}\n  expected: {expected}\n  got:      {got}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}

fn or_none(items: Vec<String>, separator: &str) -> String {
    if items.is_empty() {
        "none".to_string()
    } else {
        items.join(separator)
    }
}

#[test]
fn awards_corpus() {
    walk(include_str!("corpus/facts/awards.txt"), |f| {
        let items = f
            .awards
            .iter()
            .map(|a| {
                let count = a.count.map_or("null".to_string(), |c| c.to_string());
                let proposed = if a.proposed { " proposed" } else { "" };
                format!("{} {count}{proposed}", a.award)
            })
            .collect();
        or_none(items, "; ")
    });
}

#[test]
fn documents_corpus() {
    walk(include_str!("corpus/facts/documents.txt"), |f| {
        or_none(f.documents.iter().map(|d| d.text.clone()).collect(), " | ")
    });
}

#[test]
fn movements_corpus() {
    walk(include_str!("corpus/facts/movements.txt"), |f| {
        or_none(f.movements.iter().map(|m| m.name.clone()).collect(), " | ")
    });
}

#[test]
fn event_corpus() {
    walk(include_str!("corpus/facts/event.txt"), |f| {
        let or_null = |v: &Option<String>| v.clone().unwrap_or_else(|| "null".to_string());
        format!(
            "date={}; place={}",
            or_null(&f.event.date),
            or_null(&f.event.location)
        )
    });
}
