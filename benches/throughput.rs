//! Throughput of each stage and of `extract`, in MB/s of input, single-threaded.
//!
//!     cargo bench --bench throughput [-- quick]
//!
//! A plain timing harness (median of timed batches of the thread's CPU time, so that other
//! processes on a shared machine do not count), so it builds offline with no extra
//! dependency. Reads the dev set from `$THIDUA_DEVSET` (default
//! /work/shared/devset) when present, plus the test suite's own articles. Prints:
//! one line per stage over the articles, then `extract` on inputs from 10 KB to 10 MB
//! (time per byte must stay flat) and on pathological inputs.

#[path = "../tests/support/mod.rs"]
mod support;

use std::hint::black_box;
use std::time::Duration;
use thidua::{clean, entities, facts, parse, summary, text, Options};

/// Median seconds per call of `run`, timing batches of calls for about `budget` in all.
/// Times are the thread's CPU time on Linux (the machine may be shared), wall time elsewhere.
fn seconds_per_call(budget: Duration, mut run: impl FnMut()) -> f64 {
    let (once, ()) = support::time(&mut run);
    let once = once.max(Duration::from_micros(1));
    let per_batch = budget / 7;
    let calls = (per_batch.as_secs_f64() / once.as_secs_f64()).clamp(1.0, 1e6) as u32;
    let mut batches: Vec<f64> = (0..7)
        .map(|_| {
            let (elapsed, ()) = support::time(|| {
                for _ in 0..calls {
                    run();
                }
            });
            elapsed.as_secs_f64() / f64::from(calls)
        })
        .collect();
    batches.sort_by(f64::total_cmp);
    batches[3]
}

fn report(name: &str, bytes: usize, seconds: f64) {
    let mb_per_s = bytes as f64 / seconds / 1e6;
    let ns_per_byte = seconds * 1e9 / bytes as f64;
    println!("{name:<34} {bytes:>10} B {mb_per_s:>9.1} MB/s {ns_per_byte:>8.2} ns/B");
}

/// Every stage over all the articles, one after another.
fn stages(articles: &[String], budget: Duration) {
    let bytes: usize = articles.iter().map(String::len).sum();
    let texts: Vec<text::Text> = articles.iter().map(|a| text::Text::new(a)).collect();
    let cleaned: Vec<clean::Article> = texts.iter().map(clean::clean).collect();
    let found: Vec<entities::Entities> = texts
        .iter()
        .zip(&cleaned)
        .map(|(t, a)| entities::extract(t, a))
        .collect();
    let read: Vec<facts::Facts> = texts
        .iter()
        .zip(&cleaned)
        .zip(&found)
        .map(|((t, a), e)| facts::extract(t, a, e, a.published))
        .collect();
    let pipeline = texts.iter().zip(&cleaned).zip(&found).zip(&read);

    let t = seconds_per_call(budget, || {
        articles
            .iter()
            .for_each(|a| drop(black_box(text::Text::new(a))))
    });
    report("text", bytes, t);
    let t = seconds_per_call(budget, || {
        texts.iter().for_each(|x| drop(black_box(clean::clean(x))))
    });
    report("clean", bytes, t);
    let t = seconds_per_call(budget, || {
        for article in &cleaned {
            for segment in &article.segments {
                black_box(parse::scan(&segment.text, article.published));
            }
        }
    });
    report("parse (scan of every segment)", bytes, t);
    let t = seconds_per_call(budget, || {
        for (x, a) in texts.iter().zip(&cleaned) {
            black_box(entities::extract(x, a));
        }
    });
    report("entities", bytes, t);
    let t = seconds_per_call(budget, || {
        for ((x, a), e) in texts.iter().zip(&cleaned).zip(&found) {
            black_box(facts::extract(x, a, e, a.published));
        }
    });
    report("facts", bytes, t);
    let t = seconds_per_call(budget, || {
        for (((x, a), _), f) in pipeline.clone() {
            black_box(summary::key_sentences(x, a, f, 4));
        }
    });
    report("summary", bytes, t);
    let options = Options::default();
    let t = seconds_per_call(budget, || {
        for a in articles {
            black_box(thidua::extract(a, &options).ok());
        }
    });
    report("extract (all stages)", bytes, t);
}

fn extract_time(input: &str, budget: Duration) -> f64 {
    let options = Options {
        max_input_bytes: usize::MAX,
        ..Options::default()
    };
    seconds_per_call(budget, || drop(black_box(thidua::extract(input, &options))))
}

/// `extract` on growing inputs: time per byte must stay flat.
fn scaling(articles: &[String], budget: Duration, largest: usize) {
    let mut size = 10_000;
    while size <= largest {
        let input = support::repeated_articles(articles, size);
        report(
            &format!("extract {} KB", size / 1000),
            input.len(),
            extract_time(&input, budget),
        );
        size *= 10;
    }
}

/// `extract` on the inputs that break naive code.
fn pathological(budget: Duration) {
    let nested = format!(
        "<!doctype html><html><body>{}<p>Đạt 95%.</p>{}</body></html>",
        "<div>".repeat(50_000),
        "</div>".repeat(50_000)
    );
    let distinct: String = (0..100_000).map(|i| format!("Dòng {i}\n")).collect();
    let inputs = [
        ("100 000 slashes", "/".repeat(100_000)),
        (
            "1 MB one line, no space",
            "thiđuakhenthưởng2024-".repeat(50_000),
        ),
        ("1 MB of 1.1.1.1", "1.".repeat(1 << 19)),
        ("nested html, depth 50 000", nested),
        ("100 000 quotes “", "“".repeat(100_000)),
        ("100 000 distinct short lines", distinct),
    ];
    for (name, input) in inputs {
        report(name, input.len(), extract_time(&input, budget));
    }
}

fn main() {
    let quick = std::env::args().any(|a| a == "quick");
    let budget = Duration::from_millis(if quick { 300 } else { 2000 });
    let articles = support::articles();
    let dev = support::devset_articles();
    let measured = if dev.is_empty() { &articles } else { &dev };
    println!(
        "# {} articles, {} bytes ({})",
        measured.len(),
        measured.iter().map(String::len).sum::<usize>(),
        if dev.is_empty() {
            "test articles"
        } else {
            "dev set"
        }
    );
    stages(measured, budget);
    println!("# scaling");
    scaling(
        &articles,
        budget,
        if quick { 1_000_000 } else { 10_000_000 },
    );
    println!("# pathological inputs");
    pathological(budget);
}
