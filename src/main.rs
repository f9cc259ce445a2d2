//! The `thidua` command: a thin shell over [`thidua::extract`] and [`thidua::parse::scan_items`].
//!
//! Exit status: 0 on success, 1 when an input could not be read or was refused (too large),
//! 2 for a usage error (unknown flag, bad `--ref-date`, missing argument).

use rayon::prelude::*;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use thidua::{Date, Options};

const USAGE: &str = "\
thidua — structured summaries of Vietnamese thi đua news articles

USAGE:
    thidua [--pretty] [--ref-date YYYY-MM-DD] FILE|-
    thidua --jsonl [--ref-date YYYY-MM-DD] FILE|DIR...
    thidua parse [--pretty] [--ref-date YYYY-MM-DD] TEXT
    thidua factbox [--md|--html] [--ref-date YYYY-MM-DD] FILE|-

    FILE|-          an article (text or HTML, UTF-8); - reads standard input
    DIR             with --jsonl: every .txt, .html and .htm file in it, in name order
    --pretty        indent the JSON
    --jsonl         one JSON line per file, {\"file\": ..., \"summary\": ...}, read in parallel;
                    a file that fails gives {\"file\": ..., \"error\": ...} and exit status 1
    --ref-date D    publication date, for years and relative dates
    --max-bytes N   refuse inputs over N bytes (default 5242880)
    parse TEXT      every number, money amount, percentage, ratio, date and time in TEXT
    factbox FILE    a short fact box for a CMS: Markdown (--md, default) or escaped HTML (--html)
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
    let args = parse_args(if is_parse || is_factbox {
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

/// One JSON line per input, extracted in parallel and printed in input order.
fn run_jsonl(args: &Args) -> Result<(), Failure> {
    if args.rest.is_empty() {
        return Err(usage("--jsonl needs at least one FILE or DIR"));
    }
    let mut files = Vec::new();
    for path in &args.rest {
        files.extend(expand(path).map_err(Failure::Input)?);
    }
    let lines: Vec<(String, bool)> = files
        .par_iter()
        .map(|file| jsonl_line(file, &args.options))
        .collect();
    let mut failed = false;
    for (line, ok) in &lines {
        print_line(line)?;
        if !ok {
            failed = true;
            eprintln!("thidua: {line}");
        }
    }
    if failed {
        Err(Failure::Reported)
    } else {
        Ok(())
    }
}

/// The `--jsonl` line of one file, and whether it holds a summary.
fn jsonl_line(file: &str, options: &Options) -> (String, bool) {
    let (summary, error) = match read_input(file).and_then(|text| extract(&text, options, file)) {
        Ok(summary) => (Some(summary), None),
        Err(error) => (None, Some(error)),
    };
    let ok = summary.is_some();
    let line = JsonlLine {
        file,
        summary,
        error,
    };
    (to_json(&line, false), ok)
}

/// A file stands for itself; a directory for its articles (.txt, .html, .htm), sorted.
fn expand(path: &str) -> Result<Vec<String>, String> {
    if path == "-" || !Path::new(path).is_dir() {
        return Ok(vec![path.to_string()]);
    }
    let entries = std::fs::read_dir(path).map_err(|e| format!("{path}: {e}"))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && is_article(p))
        .collect();
    files.sort();
    Ok(files
        .into_iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect())
}

fn is_article(path: &Path) -> bool {
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    ["txt", "html", "htm"].contains(&extension.to_ascii_lowercase().as_str())
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
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{line}") {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::Input(format!("standard output: {e}")))
        }
        _ => Ok(()),
    }
}

/// The file (or standard input) as text; invalid UTF-8 is replaced, not refused.
fn read_input(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("standard input: {e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("{path}: {e}"))?
    };
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}
