//! The `thidua` command: a thin shell over [`thidua::extract`] and [`thidua::parse::scan`].

use std::io::Read;
use std::process::ExitCode;
use thidua::{Date, Options};

const USAGE: &str = "\
thidua — structured summaries of Vietnamese thi đua news articles

USAGE:
    thidua [--pretty] [--ref-date YYYY-MM-DD] FILE|-
    thidua --jsonl [--ref-date YYYY-MM-DD] FILE...
    thidua parse [--ref-date YYYY-MM-DD] TEXT
    thidua factbox [--md|--html] [--ref-date YYYY-MM-DD] FILE|-

    FILE|-          an article (text or HTML); - reads standard input
    --pretty        indent the JSON
    --jsonl         one JSON line per file: {\"file\": ..., \"summary\": ...}
    --ref-date D    publication date, for years and relative dates
    --max-bytes N   refuse inputs over N bytes (default 5242880)
    parse TEXT      every number, money amount, percentage, ratio, date and time in TEXT
    factbox FILE    a short fact box for a CMS: Markdown (--md, default) or escaped HTML (--html)
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
    /// Fact box format (`--md`, `--html`).
    factbox_format: Option<thidua::factbox::Format>,
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
            "--md" => args.factbox_format = Some(thidua::factbox::Format::Markdown),
            "--html" => args.factbox_format = Some(thidua::factbox::Format::Html),
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
    if argv.first().map(String::as_str) == Some("factbox") {
        let args = parse_args(argv[1..].to_vec())?;
        return run_factbox(&args);
    }
    let args = parse_args(argv)?;
    if args.rest.is_empty() {
        return Err(format!("no input given\n\n{USAGE}"));
    }
    if args.jsonl {
        for file in &args.rest {
            let text = read_input(file)?;
            let summary = extract(&text, &args.options, file)?;
            let line = serde_json::json!({ "file": file, "summary": summary });
            println!("{line}");
        }
        return Ok(());
    }
    if args.rest.len() > 1 {
        return Err("give one file, or use --jsonl for several".into());
    }
    let text = read_input(&args.rest[0])?;
    let summary = extract(&text, &args.options, &args.rest[0])?;
    println!("{}", to_json(&summary, args.pretty));
    Ok(())
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

fn run_factbox(args: &Args) -> Result<(), String> {
    let [file] = args.rest.as_slice() else {
        return Err(format!("factbox needs one FILE\n\n{USAGE}"));
    };
    let summary = extract(&read_input(file)?, &args.options, file)?;
    let format = args
        .factbox_format
        .unwrap_or(thidua::factbox::Format::Markdown);
    print!("{}", thidua::factbox::render(&summary, format));
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
