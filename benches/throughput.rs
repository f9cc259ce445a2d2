//! Throughput of each stage and of `extract`, single-threaded, in MB/s of input (criterion).
//!
//!     cargo bench --bench throughput               # every group, about two minutes
//!     cargo bench --bench throughput -- stage/     # a filter: here the stages only
//!     THIDUA_BENCH_10MB=1 cargo bench --bench throughput -- scaling   # adds a 10 MB input
//!
//! Groups: `stage/*` (text, clean, parse scan, entities, facts, summary) and `extract/*`
//! (`extract` article after article, and `extract_each` on all of them at once) over the dev
//! set (`$THIDUA_DEVSET`, else `../shared/devset`; the test suite's synthetic articles when
//! it is absent); `scaling/*`, `extract` on 10 KB to 1 MB of articles (the time per byte
//! must stay flat); `pathological/*`, the inputs that break naive code. Times are the thread's
//! CPU time on Linux (the machine may be shared), wall time elsewhere; criterion keeps the
//! last run in `target/criterion` and prints the change against it. The bench links the
//! CLI's allocator (mimalloc, with the default feature `cli`), so its figures are the CLI's.

/// The CLI's allocator (see `src/main.rs`).
#[cfg(feature = "cli")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "../tests/support/cpu_time.rs"]
mod cpu_time;
#[path = "../tests/support/mod.rs"]
mod support;

use criterion::measurement::WallTime;
use criterion::{
    criterion_group, criterion_main, BenchmarkGroup, Criterion, SamplingMode, Throughput,
};
use std::hint::black_box;
use std::time::Duration;
use thidua::{clean, entities, facts, parse, summary, text, Options};

/// Set to run the scaling group up to 10 MB (a few extra seconds per sample).
const TEN_MEGABYTES_VAR: &str = "THIDUA_BENCH_10MB";

/// Benchmarks `run`, which reads `bytes` of input, timing each sample by the thread's CPU
/// time.
fn bench_cpu(
    group: &mut BenchmarkGroup<WallTime>,
    name: &str,
    bytes: usize,
    mut run: impl FnMut(),
) {
    group.throughput(Throughput::BytesDecimal(bytes as u64));
    group.bench_function(name, |b| {
        b.iter_custom(|iterations| {
            cpu_time::time(|| {
                for _ in 0..iterations {
                    run();
                }
            })
            .0
        })
    });
}

/// A group whose samples all run the same number of iterations (an iteration takes from a
/// millisecond to a second: criterion's default, growing samples, would take minutes).
fn group<'a>(c: &'a mut Criterion, name: &str) -> BenchmarkGroup<'a, WallTime> {
    let mut group = c.benchmark_group(name);
    group.sampling_mode(SamplingMode::Flat);
    group
}

/// The articles the stages are measured on, and what they are.
fn measured_articles() -> (Vec<String>, &'static str) {
    let dev = support::devset_articles();
    if dev.is_empty() {
        (support::articles(), "synthetic articles")
    } else {
        (dev, "dev set")
    }
}

/// Every stage over all the articles, one after another, each fed the previous stages'
/// output; then `extract`, all stages at once, article after article, and `extract_each`, the
/// articles in one batch.
fn stages(c: &mut Criterion) {
    let (articles, source) = measured_articles();
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

    let mut stage = group(c, "stage");
    bench_cpu(&mut stage, "text", bytes, || {
        articles
            .iter()
            .for_each(|a| drop(black_box(text::Text::new(a))))
    });
    bench_cpu(&mut stage, "clean", bytes, || {
        texts.iter().for_each(|t| drop(black_box(clean::clean(t))))
    });
    bench_cpu(&mut stage, "parse scan", bytes, || {
        for article in &cleaned {
            for segment in &article.segments {
                black_box(parse::scan(&segment.text, article.published));
            }
        }
    });
    bench_cpu(&mut stage, "entities", bytes, || {
        for (t, a) in texts.iter().zip(&cleaned) {
            black_box(entities::extract(t, a));
        }
    });
    bench_cpu(&mut stage, "facts", bytes, || {
        for ((t, a), e) in texts.iter().zip(&cleaned).zip(&found) {
            black_box(facts::extract(t, a, e, a.published));
        }
    });
    bench_cpu(&mut stage, "summary", bytes, || {
        for ((t, a), f) in texts.iter().zip(&cleaned).zip(&read) {
            black_box(summary::key_sentences(t, a, f, 4));
        }
    });
    stage.finish();

    let options = Options::default();
    let mut whole = group(c, "extract");
    let name = format!("{source} ({} articles)", articles.len());
    bench_cpu(&mut whole, &name, bytes, || {
        for a in &articles {
            drop(black_box(thidua::extract(a, &options)));
        }
    });
    let batch: Vec<&str> = articles.iter().map(String::as_str).collect();
    bench_cpu(&mut whole, &format!("{name}, extract_each"), bytes, || {
        drop(black_box(thidua::extract_each(&batch, &options)));
    });
    whole.finish();
}

/// Benchmarks `extract`, with no size limit, on `input`.
fn bench_extract(group: &mut BenchmarkGroup<WallTime>, name: &str, input: &str) {
    let options = Options {
        max_input_bytes: usize::MAX,
        ..Options::default()
    };
    bench_cpu(group, name, input.len(), || {
        drop(black_box(thidua::extract(input, &options)))
    });
}

/// "10 KB", "100 KB", "1 MB", "10 MB".
fn size_name(bytes: usize) -> String {
    match bytes {
        0..1_000_000 => format!("{} KB", bytes / 1000),
        _ => format!("{} MB", bytes / 1_000_000),
    }
}

/// `extract` on growing inputs made of articles: the time per byte must stay flat.
fn scaling(c: &mut Criterion) {
    let articles = support::articles();
    let largest = if std::env::var_os(TEN_MEGABYTES_VAR).is_some() {
        10_000_000
    } else {
        1_000_000
    };
    let mut group = group(c, "scaling");
    let sizes = std::iter::successors(Some(10_000), |size| Some(size * 10));
    for size in sizes.take_while(|&size| size <= largest) {
        let input = support::repeated_articles(&articles, size);
        bench_extract(&mut group, &size_name(size), &input);
    }
    group.finish();
}

/// `extract` on the inputs that break naive code.
fn pathological(c: &mut Criterion) {
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
    let mut group = group(c, "pathological");
    for (name, input) in inputs {
        bench_extract(&mut group, name, &input);
    }
    group.finish();
}

/// Short runs: a stage over the dev set takes milliseconds, a pathological input up to a
/// second, and the whole bench must fit in a couple of minutes on two cores.
fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = throughput;
    config = config();
    targets = stages, scaling, pathological
}
criterion_main!(throughput);
