//! Walks `tests/corpus/entities/*.txt`: each line `INPUT => EXPECTED`.
//!
//! people.txt: EXPECTED is `Name | role1; role2 || Name2 | role` (roles in text order) or
//! `none`. The input is read as one body paragraph by the entities stage.

use thidua::clean::{Article, Segment, SegmentKind};
use thidua::entities;
use thidua::text::Text;

fn people_of(input: &str) -> Vec<(String, Vec<String>)> {
    let text = Text::new(input);
    let article = Article {
        segments: vec![Segment {
            kind: SegmentKind::Body,
            range: 0..text.norm.len(),
            text: thidua::clean::spaced(&text.norm),
        }],
        ..Article::default()
    };
    entities::extract(&text, &article)
        .people
        .into_iter()
        .map(|p| (p.name, p.roles))
        .collect()
}

fn expected_people(expected: &str) -> Vec<(String, Vec<String>)> {
    if expected.trim() == "none" {
        return Vec::new();
    }
    expected
        .split("||")
        .map(|person| {
            let (name, roles) = person.split_once('|').unwrap_or((person, ""));
            let roles = roles
                .split(';')
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(String::from)
                .collect();
            (name.trim().to_string(), roles)
        })
        .collect()
}

#[test]
fn people_corpus() {
    let corpus = include_str!("corpus/entities/people.txt");
    let mut failures = Vec::new();
    let mut cases = 0;
    for line in corpus.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (input, expected) = line.rsplit_once("=>").expect("a line has `=>`");
        cases += 1;
        let got = people_of(input.trim());
        let want = expected_people(expected);
        if got != want {
            failures.push(format!("{input}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(cases >= 150, "only {cases} cases");
    assert!(
        failures.is_empty(),
        "{} of {cases} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
