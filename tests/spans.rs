//! Every span of every dev-set article points into the input, on UTF-16 boundaries, and for
//! figures, movements and documents the slice is the fact's text.

use std::path::Path;
use thidua::{extract, Options, Span, Summary};
use unicode_normalization::UnicodeNormalization;

/// The dev set beside the repository (main checkout) or beside the worktrees folder.
const DEVSETS: [&str; 2] = [
    concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/devset"),
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/devset"),
];

fn slice(units: &[u16], span: Span) -> String {
    String::from_utf16_lossy(&units[span.start..span.end])
}

/// NFC with white space runs as one space: the text a fact carries for its evidence.
fn comparable(s: &str) -> String {
    s.nfc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn check_bounds(name: &str, units: &[u16], span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= units.len(),
        "{name}: {what} span {span:?} outside the input"
    );
    for at in [span.start, span.end] {
        let low = units.get(at).is_some_and(|u| (0xDC00..0xE000).contains(u));
        assert!(!low, "{name}: {what} span {span:?} splits a surrogate pair");
    }
}

fn every_span(s: &Summary) -> Vec<(Span, &'static str)> {
    let mut out: Vec<(Span, &'static str)> = Vec::new();
    out.extend(s.event.span.map(|sp| (sp, "event")));
    out.extend(s.figures.iter().map(|f| (f.span, "figure")));
    out.extend(s.awards.iter().map(|a| (a.span, "award")));
    out.extend(s.documents.iter().map(|d| (d.span, "document")));
    out.extend(s.movements.iter().map(|m| (m.span, "movement")));
    out.extend(s.clusters.iter().map(|c| (c.span, "cluster")));
    out.extend(s.summary.iter().map(|x| (x.span, "summary")));
    out
}

#[test]
fn every_fact_span_is_its_evidence() {
    let Some(entries) = DEVSETS
        .iter()
        .find_map(|d| std::fs::read_dir(Path::new(d)).ok())
    else {
        eprintln!("notice: no dev set at {DEVSETS:?}; span check skipped");
        return;
    };
    let mut checked = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let name = path.display().to_string();
        let input = std::fs::read_to_string(&path).expect("readable article");
        let summary = extract(&input, &Options::default()).expect("within the size limit");
        let units: Vec<u16> = input.encode_utf16().collect();
        for (span, what) in every_span(&summary) {
            check_bounds(&name, &units, span, what);
        }
        let texts = summary
            .figures
            .iter()
            .map(|f| (f.span, f.text.as_str()))
            .chain(summary.movements.iter().map(|m| (m.span, m.name.as_str())))
            .chain(summary.documents.iter().map(|d| (d.span, d.text.as_str())));
        for (span, text) in texts {
            assert_eq!(
                comparable(&slice(&units, span)),
                comparable(text),
                "{name}: span {span:?}"
            );
        }
        checked += 1;
    }
    assert!(checked > 0, "the dev set folder holds no article");
}
