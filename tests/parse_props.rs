//! Properties of the parse stage: Vietnamese number formatting round-trips, `scan` is total
//! and linear, and every value's range lies in the scanned string, in text order.

use proptest::prelude::*;
use std::time::{Duration, Instant};
use thidua::parse::{format_vietnamese, parse_number, scan, ValueKind};

proptest! {
    #[test]
    fn vietnamese_formatting_round_trips(int in 0u64..1_000_000_000_000, frac in 0u32..100, decimals in 0usize..3) {
        let value = match decimals {
            0 => int as f64,
            1 => format!("{int}.{}", frac % 10).parse().unwrap(),
            _ => format!("{int}.{frac:02}").parse().unwrap(),
        };
        let written = format_vietnamese(value, decimals);
        prop_assert_eq!(parse_number(&written), Some(value), "{}", written);
        let found = scan(&written, None);
        prop_assert_eq!(found.len(), 1, "{}", written);
        prop_assert_eq!(found[0].value, value);
    }

    #[test]
    fn money_in_words_scales_exactly(int in 1u64..1000, frac in 0u32..10) {
        let text = format!("{int},{frac} tỷ đồng");
        let found = scan(&text, None);
        prop_assert_eq!(found.len(), 1);
        prop_assert_eq!(found[0].kind, ValueKind::Money);
        let expected: f64 = format!("{int}.{frac}e9").parse().unwrap();
        prop_assert_eq!(found[0].value, expected);
    }

    #[test]
    fn scan_never_panics_and_ranges_are_in_order(s in "\\PC{0,80}") {
        let found = scan(&s, None);
        let mut last = 0;
        for v in found {
            prop_assert!(v.range.start >= last && v.range.end <= s.len());
            prop_assert!(s.get(v.range.clone()).is_some());
            last = v.range.start;
        }
    }

    #[test]
    fn scan_never_panics_on_figure_alphabets(s in "[0-9./,:%\\- hgđồngtỷtriệungàyquýthứsốtừđến]{0,60}") {
        let _ = scan(&s, Some("2024-01-03".parse().unwrap()));
    }
}

fn assert_fast(s: &str) {
    let start = Instant::now();
    let _ = scan(s, None);
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "scan took {:?}",
        start.elapsed()
    );
}

#[test]
fn long_runs_scan_in_linear_time() {
    assert_fast(&"/".repeat(100_000));
    assert_fast(&"1".repeat(100_000));
    assert_fast(&"1/".repeat(50_000));
    assert_fast(&"1.".repeat(50_000));
    assert_fast(&"1 - ".repeat(30_000));
    assert_fast(&"ngày 29/12 ".repeat(10_000));
    assert_fast(&"hai mươi ".repeat(20_000));
    assert_fast(&"nghìn tỷ ".repeat(20_000));
}

#[test]
fn values_come_in_text_order_with_their_ranges() {
    let s = "Chiều 29/12, đạt 32/39 chỉ tiêu, thu gần 8,3 nghìn tỷ đồng, tăng 6,42%.";
    let found = scan(s, None);
    let texts: Vec<&str> = found.iter().map(|v| &s[v.range.clone()]).collect();
    assert_eq!(
        texts,
        [
            "Chiều 29/12",
            "32/39 chỉ tiêu",
            "gần 8,3 nghìn tỷ đồng",
            "6,42%"
        ]
    );
}

const DIGITS: [&str; 10] = [
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
];

/// Spells 1..=999 the Vietnamese way; `inner` groups under 100 get "không trăm".
fn spell_group(n: u64, inner: bool) -> Vec<&'static str> {
    let (h, t, u) = (
        (n / 100) as usize,
        (n / 10 % 10) as usize,
        (n % 10) as usize,
    );
    let mut w = Vec::new();
    if h > 0 || inner {
        w.extend([DIGITS[h], "trăm"]);
    }
    match t {
        0 if u > 0 && !w.is_empty() => w.extend(["linh", DIGITS[u]]),
        0 => w.extend((u > 0).then_some(DIGITS[u])),
        1 => {
            w.push("mười");
            w.extend((u > 0).then_some(if u == 5 { "lăm" } else { DIGITS[u] }));
        }
        _ => {
            w.extend([DIGITS[t], "mươi"]);
            w.extend((u > 0).then_some(match u {
                1 => "mốt",
                5 => "lăm",
                _ => DIGITS[u],
            }));
        }
    }
    w
}

/// Spells 1..1e12 in words: groups of three digits with "nghìn", "triệu", "tỷ".
fn spell(n: u64) -> String {
    let scales = ["tỷ", "triệu", "nghìn", ""];
    let groups = [
        n / 1_000_000_000,
        n / 1_000_000 % 1000,
        n / 1000 % 1000,
        n % 1000,
    ];
    let mut words: Vec<&str> = Vec::new();
    for (g, scale) in groups.iter().zip(scales) {
        if *g == 0 {
            continue;
        }
        words.extend(spell_group(*g, !words.is_empty() && *g < 100));
        if !scale.is_empty() {
            words.push(scale);
        }
    }
    words.join(" ")
}

proptest! {
    #[test]
    fn spelled_numbers_read_back(n in 11u64..1_000_000_000_000) {
        let written = spell(n);
        let found = scan(&written, None);
        prop_assert_eq!(found.len(), 1, "{}", written);
        prop_assert_eq!(found[0].value, n as f64, "{}", written);
    }
}
