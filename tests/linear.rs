//! Linear time, checked by ratios of medians (never by wall-clock thresholds): ten times the
//! text takes well under fifteen times as long, and pathological inputs cost no more per byte
//! than a few times ordinary articles (see [`MAX_COST_RATIO`]).
//!
//! These tests extract tens of megabytes: they run in optimised builds only,
//! `cargo test --release --test linear` (a few seconds); a debug `cargo test` skips them.

#[path = "support/cpu_time.rs"]
mod cpu_time;
mod support;

use cpu_time::time;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;
use support::{articles, repeated_articles};
use thidua::{extract, Options};

/// Runs of each measurement; the median is kept.
const RUNS: usize = 5;

/// Timing tests run one at a time, so that they do not slow each other down.
static SERIAL: Mutex<()> = Mutex::new(());

fn options() -> Options {
    Options {
        max_input_bytes: usize::MAX,
        ..Options::default()
    }
}

/// Median time (thread CPU time on Linux) of `RUNS` extractions of `input`.
fn median_time(input: &str) -> Duration {
    median_times([input])[0]
}

/// The median times of `RUNS` extractions of each of `inputs`, run in turn (one of each, then
/// again), so that a machine whose speed drifts between runs slows them alike.
fn median_times<const N: usize>(inputs: [&str; N]) -> [Duration; N] {
    let options = options();
    let mut times = [[Duration::ZERO; RUNS]; N];
    for run in 0..RUNS {
        for (input, times) in inputs.iter().zip(&mut times) {
            times[run] = time(|| extract(input, &options).expect("no limit")).0;
        }
    }
    times.map(|mut t| {
        t.sort();
        t[RUNS / 2]
    })
}

/// Ordinary articles, repeated to about one megabyte.
fn megabyte_of_articles() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| repeated_articles(&articles(), 1 << 20))
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "timing: cargo test --release --test linear"
)]
fn ten_times_the_text_takes_less_than_fifteen_times_as_long() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let big = megabyte_of_articles();
    let small = repeated_articles(&articles(), 100 << 10);
    // Warm up the lazily built automata and the allocator.
    median_time(&small);
    let [big_time, small_time] = median_times([big, &small]);
    let ratio = (big_time.as_secs_f64() / big.len() as f64)
        / (small_time.as_secs_f64() / small.len() as f64)
        * 10.0;
    assert!(
        ratio < 15.0,
        "1 MB took {ratio:.1} times as long as 100 KB (linear is 10)"
    );
}

/// How many times the per-byte cost of ordinary articles a pathological input may take.
/// The target is 2; measured on 2026-11-23 (release, CPU time): slashes, quotes, dotted digits
/// and nested HTML under 2; one 1 MB word 2.2, unclosed quoted attributes 3.2, "phong trào
/// “Thi đua " repeated 3.4 (one token every 3–6 bytes: the per-token cost of clean, parse
/// and entities); short lines are checked apart ([`short_lines_grow_linearly`]). The bound
/// catches any regression to superlinear time. Each input is timed in turn with ordinary
/// articles, so that the drift of a shared machine's speed slows both alike. Raised from 4 to
/// 5 on 2026-12-07: ordinary articles got about twice as fast since these were measured, the
/// inputs made of marks (dotted digits, unclosed comments) did not, and their ratio reached
/// 4.1 to 4.3 in some runs; a superlinear cost would take tens of times as long at a megabyte.
/// Raised to 7 in session 10: the language check now stops early on Vietnamese text only, so
/// ordinary articles got faster again and those inputs did not (5.0 and 5.1 in two runs).
const MAX_COST_RATIO: f64 = 7.0;

/// Asserts that `input` costs less than [`MAX_COST_RATIO`] times ordinary text per byte.
fn assert_not_pathological(name: &str, input: &str) {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let ordinary = megabyte_of_articles();
    let [ordinary_time, input_time] = median_times([ordinary, input]);
    let per_byte = |t: Duration, text: &str| t.as_nanos() as f64 / text.len() as f64;
    let (baseline, cost) = (
        per_byte(ordinary_time, ordinary),
        per_byte(input_time, input),
    );
    assert!(
        cost < MAX_COST_RATIO * baseline,
        "{name}: {cost:.1} ns/byte, ordinary articles {baseline:.1} ns/byte"
    );
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "timing: cargo test --release --test linear"
)]
fn a_hundred_thousand_slashes() {
    assert_not_pathological("slashes", &"/".repeat(100_000));
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "timing: cargo test --release --test linear"
)]
fn a_megabyte_on_one_line_without_spaces() {
    let word = "thiđuakhenthưởng2024-";
    assert_not_pathological("one long word", &word.repeat((1 << 20) / word.len()));
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "timing: cargo test --release --test linear"
)]
fn a_megabyte_of_dotted_digits() {
    assert_not_pathological("dotted digits", &"1.".repeat(1 << 19));
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "timing: cargo test --release --test linear"
)]
fn deeply_nested_html() {
    let depth = 50_000;
    let input = format!(
        "<!doctype html><html><body>{}<p>Đại hội thi đua đạt 95%.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    assert_not_pathological("nested html", &input);
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "timing: cargo test --release --test linear"
)]
fn unclosed_tags_and_comments() {
    let html = "<!doctype html><html><body>";
    assert_not_pathological(
        "unclosed quoted attributes",
        &format!("{html}{}", "<a title=\"x ".repeat(50_000)),
    );
    assert_not_pathological(
        "unclosed comments",
        &format!("{html}{}", "<!-- x ".repeat(50_000)),
    );
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "timing: cargo test --release --test linear"
)]
fn a_hundred_thousand_quotes() {
    assert_not_pathological("opening quotes", &"“".repeat(100_000));
    assert_not_pathological("quotes with words", &"phong trào “Thi đua ".repeat(20_000));
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "timing: cargo test --release --test linear"
)]
fn repeated_lines() {
    assert_not_pathological(
        "one line repeated",
        &"Tổng thu ngân sách đạt 412,5 tỷ đồng.\n".repeat(20_000),
    );
}

/// Short lines cost a fixed time each (line classification), so per byte several times
/// ordinary text: a hundred thousand distinct ones about 7 times (measured 2026-11-23), a
/// one-word line repeated 5 to 6 times (2026-12-07, since ordinary text got faster). They
/// are checked for linear growth rather than against the per-byte bound.
#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "timing: cargo test --release --test linear"
)]
fn short_lines_grow_linearly() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let distinct = |n: usize| (0..n).map(|i| format!("Dòng {i}\n")).collect::<String>();
    let repeated = |n: usize| "Đọc\n".repeat(n);
    for (name, lines) in [
        ("distinct", &distinct as &dyn Fn(usize) -> String),
        ("repeated", &repeated),
    ] {
        let (small, big) = (lines(25_000), lines(100_000));
        median_time(&small);
        let [big_time, small_time] = median_times([&big, &small]);
        let ratio = big_time.as_secs_f64() / small_time.as_secs_f64();
        assert!(
            ratio < 6.0,
            "{name}: 4 times the lines took {ratio:.1} times as long (linear is 4)"
        );
    }
}
