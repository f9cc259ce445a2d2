//! The `thidua` command: a thin shell over [`thidua::extract`] and [`thidua::parse::scan_items`].
//!
//! Exit status: 0 on success, 1 when an input could not be read or was refused (too large),
//! 2 for a usage error (unknown flag, bad `--ref-date`, missing argument).

mod cli;

/// The allocator of the command line: mimalloc serves `extract`'s many short-lived
/// allocations faster than the system's (see Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use cli::read_input;
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;
use thidua::{Date, Options};

/// Files read in parallel at a time: bounds memory on archives of any size while keeping
/// the output in order.
const CHUNK: usize = 256;

/// Files a thread reads as one batch of [`thidua::extract_each`] in `--jsonl`.
const BATCH: usize = 32;

/// Text of one batch at most, in bytes (a larger file is read alone): bounds the memory the
/// intermediate results of a batch hold.
const BATCH_BYTES: usize = 256 * 1024;

const USAGE: &str = "\
thidua — structured summaries of Vietnamese thi đua news articles

USAGE:
    thidua [--pretty] [--ref-date YYYY-MM-DD] FILE|-
    thidua --jsonl [--ref-date YYYY-MM-DD] FILE|DIR...
    thidua parse [--pretty] [--ref-date YYYY-MM-DD] TEXT
    thidua factbox [--md|--html] [--ref-date YYYY-MM-DD] FILE|-
    thidua figures --csv FILE|DIR...

    FILE|-          an article (text or HTML, UTF-8); - reads standard input
    DIR             with --jsonl: every .txt, .html and .htm file in it, in name order
    --pretty        indent the JSON
    --jsonl         one JSON line per file, {\"file\": ..., \"summary\": ...}, read on all
                    cores, written in path order, the rate on standard error; a file that
                    fails gives {\"file\": ..., \"error\": ...} and exit status 1
    --ref-date D    publication date, for years and relative dates
    --max-bytes N   refuse inputs over N bytes (default 5242880)
    parse TEXT      every number, money amount, percentage, ratio, date and time in TEXT
    factbox FILE    a short fact box for a CMS: Markdown (--md, default) or escaped HTML (--html)
    figures --csv   one CSV row per figure (RFC 4180): file, date, subject, metric, kind,
                    value, unit, approx, comparison, status, text; reads articles, and
                    .jsonl files written by --jsonl
    -h, --help      this text

EXIT STATUS: 0 success, 1 an input unreadable or refused, 2 usage error.
";

/// Why the command failed, which decides the exit status.
enum Failure {
    /// The command line is wrong (exit status 2).
    Usage(String),
    /// An input could not be read or was refused (exit status 1).
    Input(String),
    /// Some `--jsonl` inputs failed; their errors are already printed (exit status 1).
    Reported,
}

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("thidua: {message}\n(thidua --help shows the usage)");
            ExitCode::from(2)
        }
        Err(Failure::Input(message)) => {
            eprintln!("thidua: {message}");
            ExitCode::from(1)
        }
        Err(Failure::Reported) => ExitCode::from(1),
    }
}

/// One line of `--jsonl` output: the summary, or the error, of one file (fields in this order).
#[derive(serde::Serialize)]
struct JsonlLine<'a> {
    file: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<thidua::Summary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// The output of `thidua parse`.
#[derive(serde::Serialize)]
struct ParseOutput {
    values: Vec<thidua::ParsedValue>,
}

/// Parsed command line.
#[derive(Default)]
struct Args {
    pretty: bool,
    jsonl: bool,
    help: bool,
    /// Fact box format (`--md`, `--html`).
    factbox_format: Option<thidua::factbox::Format>,
    options: Options,
    rest: Vec<String>,
}

fn parse_args(argv: &[String]) -> Result<Args, Failure> {
    let mut args = Args::default();
    let mut it = argv.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--pretty" => args.pretty = true,
            "--jsonl" => args.jsonl = true,
            "-h" | "--help" => args.help = true,
            "--md" => args.factbox_format = Some(thidua::factbox::Format::Markdown),
            "--html" => args.factbox_format = Some(thidua::factbox::Format::Html),
            "--csv" => {}
            "--ref-date" => {
                let value = it
                    .next()
                    .ok_or(usage("--ref-date needs a date YYYY-MM-DD"))?;
                let date: Date = value
                    .parse()
                    .map_err(|e| usage(&format!("--ref-date {value}: {e}")))?;
                args.options.reference_date = Some(date);
            }
            "--max-bytes" => {
                let value = it.next().ok_or(usage("--max-bytes needs a number"))?;
                args.options.max_input_bytes = value
                    .parse()
                    .map_err(|_| usage(&format!("--max-bytes {value}: not a number")))?;
            }
            "--" => args.rest.extend(it.by_ref().cloned()),
            flag if flag.starts_with('-') && flag != "-" => {
                return Err(usage(&format!("unknown option {flag}")))
            }
            _ => args.rest.push(arg.clone()),
        }
    }
    Ok(args)
}

fn usage(message: &str) -> Failure {
    Failure::Usage(message.to_string())
}

fn run(argv: Vec<String>) -> Result<(), Failure> {
    let command = argv.first().map(String::as_str);
    let is_parse = command == Some("parse");
    let is_factbox = command == Some("factbox");
    let is_figures = command == Some("figures");
    let args = parse_args(if is_parse || is_factbox || is_figures {
        &argv[1..]
    } else {
        &argv
    })?;
    if args.help {
        print!("{USAGE}");
        return Ok(());
    }
    if is_parse {
        return run_parse(&args);
    }
    if is_factbox {
        return run_factbox(&args);
    }
    if is_figures {
        return run_figures(&args);
    }
    if args.jsonl {
        return run_jsonl(&args);
    }
    match args.rest.as_slice() {
        [] => Err(usage("no input given: a FILE, or - for standard input")),
        [file] => {
            let text = read_input(file).map_err(Failure::Input)?;
            let summary = extract(&text, &args.options, file).map_err(Failure::Input)?;
            print_line(&to_json(&summary, args.pretty))
        }
        _ => Err(usage("give one file, or use --jsonl for several")),
    }
}

/// `--jsonl`: every file (directories walked) on all cores, one line each, in path order.
fn run_jsonl(args: &Args) -> Result<(), Failure> {
    if args.rest.is_empty() {
        return Err(usage("--jsonl needs at least one FILE or DIR"));
    }
    let files =
        cli::collect_files(&args.rest, cli::article_extensions()).map_err(Failure::Input)?;
    let start = Instant::now();
    let (mut bytes, mut failed) = (0, 0);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for chunk in files.chunks(CHUNK) {
        let lines =
            cli::in_parallel_batches(chunk, BATCH, |files| jsonl_lines(files, &args.options));
        for (line, size) in lines {
            match size {
                Some(size) => bytes += size,
                None => {
                    failed += 1;
                    eprintln!("thidua: {line}");
                }
            }
            write_out(&mut out, &line)?;
        }
    }
    out.flush().map_err(output_error)?;
    cli::report_rate(files.len(), bytes, start.elapsed());
    if failed > 0 {
        Err(Failure::Reported)
    } else {
        Ok(())
    }
}

/// The `--jsonl` lines of a batch of files, each with the size read when it holds a summary:
/// the files that can be read are extracted together ([`thidua::extract_each`]).
fn jsonl_lines(files: &[String], options: &Options) -> Vec<(String, Option<usize>)> {
    let read: Vec<Result<String, String>> = files.iter().map(|f| read_input(f)).collect();
    let texts: Vec<&str> = read.iter().flatten().map(String::as_str).collect();
    let mut summaries = cli::size_bounded(&texts, BATCH_BYTES)
        .into_iter()
        .flat_map(|batch| thidua::extract_each(batch, options));
    let results = files.iter().zip(&read).map(|(file, text)| {
        let text = text.as_ref().map_err(String::clone)?;
        let summary = summaries
            .next()
            .ok_or_else(|| format!("{file}: not read"))?;
        let summary = summary.map_err(|e| format!("{file}: {e}"))?;
        Ok((summary, text.len()))
    });
    files
        .iter()
        .zip(results)
        .map(|(f, r)| jsonl_line(f, r))
        .collect()
}

/// The `--jsonl` line of one file and the size read when it holds a summary, from what
/// reading it gave.
fn jsonl_line(
    file: &str,
    result: Result<(thidua::Summary, usize), String>,
) -> (String, Option<usize>) {
    let (summary, error, size) = match result {
        Ok((summary, size)) => (Some(summary), None, Some(size)),
        Err(error) => (None, Some(error), None),
    };
    let line = JsonlLine {
        file,
        summary,
        error,
    };
    (to_json(&line, false), size)
}

/// `figures --csv`: one CSV row per figure of every article or saved summary.
fn run_figures(args: &Args) -> Result<(), Failure> {
    if args.rest.is_empty() {
        return Err(usage("figures needs files or directories"));
    }
    let mut extensions = cli::article_extensions().to_vec();
    extensions.push("jsonl");
    let files = cli::collect_files(&args.rest, &extensions).map_err(Failure::Input)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    out.write_all(cli::archive::header().as_bytes())
        .map_err(output_error)?;
    for chunk in files.chunks(CHUNK) {
        for rows in cli::in_parallel(chunk, |file| figure_rows(file, &args.options)) {
            out.write_all(rows.map_err(Failure::Input)?.as_bytes())
                .map_err(output_error)?;
        }
    }
    out.flush().map_err(output_error)
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

fn output_error(e: std::io::Error) -> Failure {
    Failure::Input(format!("standard output: {e}"))
}

/// Writes one line; a closed pipe (`| head`) ends the run quietly.
fn write_out(out: &mut impl Write, line: &str) -> Result<(), Failure> {
    match writeln!(out, "{line}") {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(output_error(e)),
        _ => Ok(()),
    }
}

fn extract(text: &str, options: &Options, name: &str) -> Result<thidua::Summary, String> {
    thidua::extract(text, options).map_err(|e| format!("{name}: {e}"))
}

fn run_parse(args: &Args) -> Result<(), Failure> {
    let text = args.rest.join(" ");
    if text.trim().is_empty() {
        return Err(usage("parse needs TEXT"));
    }
    if text.len() > args.options.max_input_bytes {
        let limit = args.options.max_input_bytes;
        return Err(Failure::Input(format!(
            "TEXT is {} bytes, over the limit of {limit} bytes",
            text.len()
        )));
    }
    let values = thidua::parse::scan_items(&text, args.options.reference_date);
    print_line(&to_json(&ParseOutput { values }, args.pretty))
}

fn run_factbox(args: &Args) -> Result<(), Failure> {
    let [file] = args.rest.as_slice() else {
        return Err(usage("factbox needs one FILE"));
    };
    let text = read_input(file).map_err(Failure::Input)?;
    let summary = extract(&text, &args.options, file).map_err(Failure::Input)?;
    let format = args
        .factbox_format
        .unwrap_or(thidua::factbox::Format::Markdown);
    print_line(thidua::factbox::render(&summary, format).trim_end())
}

fn to_json<T: serde::Serialize>(value: &T, pretty: bool) -> String {
    let result = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    result.unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }).to_string())
}

/// Prints one line on standard output; a closed pipe (`| head`) ends the run quietly.
fn print_line(line: &str) -> Result<(), Failure> {
    write_out(&mut std::io::stdout().lock(), line)
}
