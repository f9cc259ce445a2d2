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
    let options = options();
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| time(|| extract(input, &options).expect("no limit")).0)
        .collect();
    times.sort();
    times[RUNS / 2]
}

/// Nanoseconds per byte of `input`.
fn per_byte(input: &str) -> f64 {
    median_time(input).as_nanos() as f64 / input.len() as f64
}

/// Ordinary articles, repeated to about one megabyte.
fn megabyte_of_articles() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| repeated_articles(&articles(), 1 << 20))
}

/// Per-byte time of ordinary articles, measured once.
fn baseline_per_byte() -> f64 {
    static BASELINE: OnceLock<f64> = OnceLock::new();
    *BASELINE.get_or_init(|| per_byte(megabyte_of_articles()))
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
    let ratio = (median_time(big).as_secs_f64() / big.len() as f64)
        / (median_time(&small).as_secs_f64() / small.len() as f64)
        * 10.0;
    assert!(
        ratio < 15.0,
        "1 MB took {ratio:.1} times as long as 100 KB (linear is 10)"
    );
}

/// How many times the per-byte cost of ordinary articles a pathological input may take.
/// The target is 2; measured on 2026-11-23 (release, CPU time): slashes, quotes, dotted digits
/// and nested HTML under 2; one 1 MB word 2.2, short lines 2.6, unclosed quoted attributes
/// 3.2, "phong trào “Thi đua " repeated 3.4 (one token every 3–6 bytes: the per-token cost
/// of clean, parse and entities). The bound catches any regression to superlinear time.
const MAX_COST_RATIO: f64 = 4.0;

/// Asserts that `input` costs less than [`MAX_COST_RATIO`] times ordinary text per byte.
fn assert_not_pathological(name: &str, input: &str) {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let baseline = baseline_per_byte();
    let cost = per_byte(input);
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
fn many_short_lines_and_repeated_lines() {
    assert_not_pathological("short lines", &"Đọc\n".repeat(100_000));
    assert_not_pathological(
        "one line repeated",
        &"Tổng thu ngân sách đạt 412,5 tỷ đồng.\n".repeat(20_000),
    );
}

/// A hundred thousand distinct short lines cost about 7 times ordinary text per byte (a few
/// microseconds of line classification each, measured 2026-11-23): checked for linear growth
/// rather than against the per-byte bound.
#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "timing: cargo test --release --test linear"
)]
fn distinct_short_lines_grow_linearly() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let lines = |n: usize| (0..n).map(|i| format!("Dòng {i}\n")).collect::<String>();
    let (small, big) = (lines(25_000), lines(100_000));
    median_time(&small);
    let ratio = median_time(&big).as_secs_f64() / median_time(&small).as_secs_f64();
    assert!(
        ratio < 6.0,
        "4 times the lines took {ratio:.1} times as long (linear is 4)"
    );
}
