//! Walks `tests/corpus/entities/*.txt`: each line `INPUT => EXPECTED`.
//!
//! people.txt: EXPECTED is `Name | role1; role2 || Name2 | role` (roles in text order) or
//! `none`; organizations.txt and places.txt: `Name [kind] {member; member} || ...`;
//! abbreviations.txt: `SHORT = long || ...`. Each input is read as one body paragraph by the
//! entities stage, and the whole list found must equal the expected one.

use thidua::clean::{Article, Segment, SegmentKind};
use thidua::entities;
use thidua::text::Text;

fn people_of(input: &str) -> Vec<(String, Vec<String>)> {
    entities_of(input)
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

fn entities_of(input: &str) -> entities::Entities {
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
}

/// Walks a corpus whose expected side is `item || item` or `none`, comparing with `show`.
fn walk(corpus: &str, show: impl Fn(&entities::Entities) -> Vec<String>) {
    let mut failures = Vec::new();
    for line in corpus.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (input, expected) = line.rsplit_once("=>").expect("a line has `=>`");
        let want: Vec<String> = match expected.trim() {
            "none" => Vec::new(),
            e => e.split("||").map(|s| s.trim().to_string()).collect(),
        };
        let got = show(&entities_of(input.trim()));
        if got != want {
            failures.push(format!("{input}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn entity_line(e: &entities::FoundEntity) -> String {
    if e.members.is_empty() {
        format!("{} [{}]", e.name, e.kind)
    } else {
        format!("{} [{}] {{{}}}", e.name, e.kind, e.members.join("; "))
    }
}

#[test]
fn organizations_corpus() {
    walk(include_str!("corpus/entities/organizations.txt"), |e| {
        e.organizations.iter().map(entity_line).collect()
    });
}

#[test]
fn places_corpus() {
    walk(include_str!("corpus/entities/places.txt"), |e| {
        e.places.iter().map(entity_line).collect()
    });
}

#[test]
fn abbreviations_corpus() {
    walk(include_str!("corpus/entities/abbreviations.txt"), |e| {
        e.abbreviations
            .iter()
            .map(|a| format!("{} = {}", a.short, a.long))
            .collect()
    });
}

mod totality {
    use super::entities_of;
    use proptest::prelude::*;

    proptest! {
        /// Any text: no panic, and every mention lies inside the text on char boundaries.
        #[test]
        fn any_text_gives_valid_ranges(s in "(?s)[A-Za-zĐđƯưÀ-ỹ0-9 ,.:;()\\-–&/\n\u{300}\u{301}]{0,200}") {
            let text = thidua::text::Text::new(&s);
            let found = entities_of(&s);
            let ranges = found.people.iter().flat_map(|p| p.mentions.iter())
                .chain(found.organizations.iter().flat_map(|o| o.mentions.iter()))
                .chain(found.places.iter().flat_map(|o| o.mentions.iter()))
                .chain(found.abbreviations.iter().flat_map(|a| a.mentions.iter()));
            for r in ranges {
                prop_assert!(r.start <= r.end && r.end <= text.norm.len());
                prop_assert!(text.norm.is_char_boundary(r.start) && text.norm.is_char_boundary(r.end));
            }
        }
    }
}
