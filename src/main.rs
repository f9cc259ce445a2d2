//! The `thidua` command: a thin shell over [`thidua::extract`] and [`thidua::parse::scan`].

mod cli;

use cli::read_input;
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;
use thidua::{Date, Options};

/// Files read in parallel at a time: bounds memory on archives of any size while keeping
/// the output in order.
const CHUNK: usize = 256;

const USAGE: &str = "\
thidua — structured summaries of Vietnamese thi đua news articles

USAGE:
    thidua [--pretty] [--ref-date YYYY-MM-DD] FILE|-
    thidua --jsonl [--ref-date YYYY-MM-DD] FILE|DIR...
    thidua figures [--csv] FILE|DIR...
    thidua parse [--ref-date YYYY-MM-DD] TEXT

    FILE|-          an article (text or HTML); - reads standard input
    --pretty        indent the JSON
    --jsonl         one JSON line per file: {\"file\": ..., \"summary\": ...} (or \"error\");
                    directories are walked for .txt/.html files, read on all cores,
                    written in path order; the rate goes to standard error
    figures --csv   one CSV row per figure (RFC 4180): file, date, subject, metric, kind,
                    value, unit, approx, comparison, status, text; reads articles, and
                    .jsonl files written by --jsonl
    --ref-date D    publication date, for years and relative dates
    --max-bytes N   refuse inputs over N bytes (default 5242880)
    parse TEXT      every number, money amount, percentage, ratio, date and time in TEXT
";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("thidua: {message}");
            ExitCode::from(2)
        }
    }
}

/// Parsed command line.
#[derive(Default)]
struct Args {
    pretty: bool,
    jsonl: bool,
    options: Options,
    rest: Vec<String>,
}

fn parse_args(argv: Vec<String>) -> Result<Args, String> {
    let mut args = Args::default();
    let mut it = argv.into_iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--pretty" => args.pretty = true,
            "--jsonl" => args.jsonl = true,
            "--csv" => {}
            "--ref-date" => {
                let value = it.next().ok_or("--ref-date needs a date YYYY-MM-DD")?;
                let date: Date = value
                    .parse()
                    .map_err(|e| format!("--ref-date {value}: {e}"))?;
                args.options.reference_date = Some(date);
            }
            "--max-bytes" => {
                let value = it.next().ok_or("--max-bytes needs a number")?;
                args.options.max_input_bytes = value
                    .parse()
                    .map_err(|_| format!("--max-bytes {value}: not a number"))?;
            }
            "-h" | "--help" => return Err(USAGE.to_string()),
            _ => args.rest.push(arg),
        }
    }
    Ok(args)
}

fn run(argv: Vec<String>) -> Result<(), String> {
    if argv.first().map(String::as_str) == Some("parse") {
        let args = parse_args(argv[1..].to_vec())?;
        return run_parse(&args);
    }
    if argv.first().map(String::as_str) == Some("figures") {
        let args = parse_args(argv[1..].to_vec())?;
        return run_figures(&args);
    }
    let args = parse_args(argv)?;
    if args.rest.is_empty() {
        return Err(format!("no input given\n\n{USAGE}"));
    }
    if args.jsonl {
        return run_jsonl(&args);
    }
    if args.rest.len() > 1 {
        return Err("give one file, or use --jsonl for several".into());
    }
    let text = read_input(&args.rest[0])?;
    let summary = extract(&text, &args.options, &args.rest[0])?;
    println!("{}", to_json(&summary, args.pretty));
    Ok(())
}

/// `--jsonl`: every file (directories walked) on all cores, one line each, in path order.
fn run_jsonl(args: &Args) -> Result<(), String> {
    let files = cli::collect_files(&args.rest, cli::article_extensions())?;
    let start = Instant::now();
    let (mut bytes, mut failed) = (0, 0);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for chunk in files.chunks(CHUNK) {
        let lines = cli::in_parallel(chunk, |file| {
            let text = read_input(file)?;
            let summary = extract(&text, &args.options, file)?;
            let line = serde_json::json!({ "file": file, "summary": summary });
            Ok::<_, String>((line.to_string(), text.len()))
        });
        for (file, line) in chunk.iter().zip(lines) {
            let line = match line {
                Ok((line, size)) => {
                    bytes += size;
                    line
                }
                Err(message) => {
                    failed += 1;
                    eprintln!("thidua: {message}");
                    serde_json::json!({ "file": file, "error": message }).to_string()
                }
            };
            writeln!(out, "{line}").map_err(|e| format!("standard output: {e}"))?;
        }
    }
    out.flush().map_err(|e| format!("standard output: {e}"))?;
    cli::report_rate(files.len(), bytes, start.elapsed());
    match failed {
        0 => Ok(()),
        n => Err(format!("{n} of {} files could not be read", files.len())),
    }
}

/// `figures --csv`: one CSV row per figure of every article or saved summary.
fn run_figures(args: &Args) -> Result<(), String> {
    if args.rest.is_empty() {
        return Err(format!("figures needs files or directories\n\n{USAGE}"));
    }
    let mut extensions = cli::article_extensions().to_vec();
    extensions.push("jsonl");
    let files = cli::collect_files(&args.rest, &extensions)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let write = |out: &mut std::io::BufWriter<_>, s: &str| {
        out.write_all(s.as_bytes())
            .map_err(|e| format!("standard output: {e}"))
    };
    write(&mut out, &cli::archive::header())?;
    for chunk in files.chunks(CHUNK) {
        for rows in cli::in_parallel(chunk, |file| figure_rows(file, &args.options)) {
            write(&mut out, &rows?)?;
        }
    }
    out.flush().map_err(|e| format!("standard output: {e}"))
}

/// The CSV rows of one input: an article, or a `.jsonl` file of saved summaries.
fn figure_rows(file: &str, options: &Options) -> Result<String, String> {
    let text = read_input(file)?;
    if file.ends_with(".jsonl") {
        let saved = cli::archive::saved_summaries(&text).map_err(|e| format!("{file}: {e}"))?;
        return Ok(saved
            .iter()
            .map(|(name, summary)| cli::archive::figure_rows(name, summary))
            .collect());
    }
    let summary = extract(&text, options, file)?;
    let json = serde_json::to_value(&summary).map_err(|e| format!("{file}: {e}"))?;
    Ok(cli::archive::figure_rows(file, &json))
}

fn extract(text: &str, options: &Options, name: &str) -> Result<thidua::Summary, String> {
    thidua::extract(text, options).map_err(|e| format!("{name}: {e}"))
}

fn run_parse(args: &Args) -> Result<(), String> {
    let text = args.rest.join(" ");
    if text.is_empty() {
        return Err("parse needs TEXT".into());
    }
    let values = thidua::parse::scan_items(&text, args.options.reference_date);
    println!(
        "{}",
        to_json(&serde_json::json!({ "values": values }), args.pretty)
    );
    Ok(())
}

fn to_json<T: serde::Serialize>(value: &T, pretty: bool) -> String {
    let result = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    result.unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

