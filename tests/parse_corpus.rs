//! Walks the parse corpora under `tests/corpus/parse/` and reports every failing line at once.
//!
//! Scan corpora (every file but `year.txt`): one case a line, `INPUT => EXPECTED`, where
//! EXPECTED is `none` or the values found, in text order, joined by " ; ". A value is written
//! `KIND VALUE [UNIT] [below|above|about] [upper=N] [per=P] [noun=N] [part=P] [until=D]`:
//! `money 8300000000000 VND below`, `percent 95 upper=97`, `ratio 32/39 noun=chỉ tiêu`,
//! `count 97 noun=mô hình`, `quantity 19000 tấn`, `number 3200`, `date 2022-12-29 part=chiều`
//! (dates: "YYYY-MM-DD", "MM-DD" without year, "YYYY", "YYYY-MM", "--MM", "Q3"),
//! `time 10:45`. `INPUT | ref=YYYY-MM-DD` scans with a reference date.
//!
//! `year.txt`: `DATE TEXT | HINT=... | ... => YYYY-MM-DD|none`, hints `published=2024-01-03`,
//! `month=2022-12`, `part=2023`, `reviewed=2022`, `planned=2023`, `period=2015-2020`,
//! `term=2021-2026` (year hints in the order written): the first date scanned in DATE TEXT,
//! its year inferred by `infer_year`.

use std::fs;
use thidua::parse::{infer_year, scan, Value, ValueKind, YearHints, YearRole};
use thidua::Date;

fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e17 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

fn describe(v: &Value) -> String {
    let mut out = vec![v.kind.as_str().to_string()];
    match v.kind {
        ValueKind::Ratio => out.push(format!(
            "{}/{}",
            number(v.numerator.unwrap_or(f64::NAN)),
            number(v.denominator.unwrap_or(f64::NAN))
        )),
        ValueKind::Date => out.push(v.date.map(|d| d.to_iso()).unwrap_or_default()),
        ValueKind::Time => out.push(v.time.map(|t| t.to_iso()).unwrap_or_default()),
        _ => out.push(number(v.value)),
    }
    if let Some(unit) = &v.unit {
        if !matches!(v.kind, ValueKind::Percent) {
            out.push(unit.clone());
        }
    }
    if let Some(a) = v.approx {
        out.push(a.as_str().to_string());
    }
    if let Some(u) = v.upper {
        out.push(format!("upper={}", number(u)));
    }
    if let Some(p) = &v.per {
        out.push(format!("per={p}"));
    }
    if let Some(n) = &v.noun {
        out.push(format!("noun={n}"));
    }
    if let Some(p) = v.date.and_then(|d| d.part_of_day) {
        out.push(format!("part={p}"));
    }
    if let Some(u) = v.until {
        out.push(format!("until={}", u.to_iso()));
    }
    out.join(" ")
}

/// Splits "INPUT | k=v | k=v" into the input and its options (trailing `key=value` parts).
fn options(input: &str) -> (&str, Vec<(&str, &str)>) {
    let mut text = input.trim();
    let mut opts = Vec::new();
    while let Some((rest, last)) = text.rsplit_once(" | ") {
        let Some((k, v)) = last.trim().split_once('=') else {
            break;
        };
        if k.is_empty() || !k.bytes().all(|b| b.is_ascii_lowercase()) || v.contains(' ') {
            break;
        }
        opts.push((k, v));
        text = rest.trim();
    }
    opts.reverse();
    (text, opts)
}

fn check_scan(input: &str, expected: &str) -> Option<String> {
    let (text, opts) = options(input);
    let reference: Option<Date> = opts
        .iter()
        .find(|(k, _)| *k == "ref")
        .and_then(|(_, v)| v.parse().ok());
    let found: Vec<String> = scan(text, reference).iter().map(describe).collect();
    let actual = if found.is_empty() {
        "none".to_string()
    } else {
        found.join(" ; ")
    };
    (actual != expected).then_some(actual)
}

fn years(v: &str) -> Option<(i32, i32)> {
    let (a, b) = v.split_once('-')?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

fn check_year(input: &str, expected: &str) -> Option<String> {
    let (text, opts) = options(input);
    let mut hints = YearHints::default();
    for (k, v) in opts {
        match k {
            "published" => hints.published = v.parse().ok(),
            "month" => hints.published_month = years(v).map(|(y, m)| (y, m as u32)),
            "part" => hints
                .years
                .extend(v.parse().ok().map(|y| (YearRole::PartYear, y))),
            "reviewed" => hints
                .years
                .extend(v.parse().ok().map(|y| (YearRole::Reviewed, y))),
            "planned" => hints
                .years
                .extend(v.parse().ok().map(|y| (YearRole::Planned, y))),
            "period" => hints.periods.extend(years(v)),
            "term" => hints.terms.extend(years(v)),
            _ => return Some(format!("unknown hint {k}")),
        }
    }
    let date = scan(text, None)
        .into_iter()
        .find(|v| v.kind == ValueKind::Date)
        .and_then(|v| v.date);
    let actual = date
        .and_then(|d| infer_year(d, &hints))
        .map_or("none".to_string(), |d| d.to_string());
    (actual != expected).then_some(actual)
}

#[test]
fn corpora() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/parse");
    let mut failures = Vec::new();
    let mut cases = 0;
    let mut paths: Vec<_> = fs::read_dir(dir)
        .expect("corpus dir")
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    for path in paths {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        let content = fs::read_to_string(&path).expect("corpus file");
        for (n, line) in content.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((input, expected)) = line.rsplit_once(" => ") else {
                failures.push(format!("{name}:{}: no ' => ' in {line}", n + 1));
                continue;
            };
            cases += 1;
            let result = if name == "year.txt" {
                check_year(input, expected.trim())
            } else {
                check_scan(input, expected.trim())
            };
            if let Some(actual) = result {
                failures.push(format!(
                    "{name}:{}: {input} => {actual}   (expected {expected})",
                    n + 1
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {cases} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(cases >= 400, "only {cases} corpus cases");
}
