//! Limits and clear errors: oversized input is refused with an error value (and an error exit
//! in the CLI); odd inputs (empty, HTML only, not Vietnamese) are read with a warning that
//! says what was wrong.

use std::io::Write;
use std::process::{Command, Stdio};
use thidua::{extract, Options, Summary, DEFAULT_MAX_INPUT_BYTES};

fn warning_codes(summary: &Summary) -> Vec<&str> {
    summary.warnings.iter().map(|w| w.code.as_str()).collect()
}

fn read(input: &str) -> Summary {
    extract(input, &Options::default()).expect("within the limit")
}

#[test]
fn the_default_limit_is_five_megabytes() {
    assert_eq!(DEFAULT_MAX_INPUT_BYTES, 5 * 1024 * 1024);
    assert_eq!(Options::default().max_input_bytes, DEFAULT_MAX_INPUT_BYTES);
}

#[test]
fn input_over_the_limit_is_refused_with_a_clear_error() {
    let options = Options {
        max_input_bytes: 1000,
        ..Options::default()
    };
    let input = "Đại hội thi đua. ".repeat(100);
    assert!(input.len() > 1000);
    let error = extract(&input, &options).unwrap_err();
    assert_eq!(error.code(), "too_large");
    let message = error.to_string();
    assert!(message.contains(&input.len().to_string()), "{message}");
    assert!(message.contains("1000"), "{message}");
}

#[test]
fn input_at_the_limit_is_read() {
    let input = "Đại hội thi đua. ".repeat(100);
    let options = Options {
        max_input_bytes: input.len(),
        ..Options::default()
    };
    assert!(extract(&input, &options).is_ok());
}

#[test]
fn the_limit_counts_utf8_bytes_not_characters() {
    // 600 characters, 1200 bytes: over a 1000-byte limit.
    let input = "đ".repeat(600);
    let options = Options {
        max_input_bytes: 1000,
        ..Options::default()
    };
    assert!(extract(&input, &options).is_err());
}

#[test]
fn the_cli_exits_with_an_error_over_the_limit() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_thidua"))
        .args(["--max-bytes", "100", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI runs");
    let input = "Đại hội thi đua. ".repeat(20);
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    let output = child.wait_with_output().expect("the CLI ends");
    assert!(!output.status.success());
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("over the limit of 100 bytes"), "{stderr}");
}

#[test]
fn empty_input_says_it_is_empty() {
    for input in ["", "   \n\n\t  \r\n", "\u{200B}\u{FEFF}"] {
        let summary = read(input);
        assert!(
            warning_codes(&summary).contains(&"empty"),
            "{input:?}: {:?}",
            summary.warnings
        );
        assert!(summary.figures.is_empty() && summary.body.is_empty());
    }
}

#[test]
fn html_input_says_it_was_html() {
    let summary = read(
        "<html><body><p>Đại hội thi đua yêu nước tỉnh lần thứ V đã khen thưởng 12 tập thể.</p></body></html>",
    );
    assert!(
        warning_codes(&summary).contains(&"html"),
        "{:?}",
        summary.warnings
    );
    assert!(!warning_codes(&summary).contains(&"empty"));
}

#[test]
fn html_without_text_says_there_is_no_text() {
    let summary = read(
        "<!doctype html><html><head><style>p{color:red}</style><script>var a = 1 < 2;</script></head>\
         <body><div><img src=\"a.png\"></div></body></html>",
    );
    let codes = warning_codes(&summary);
    assert!(codes.contains(&"html"), "{codes:?}");
    assert!(codes.contains(&"empty"), "{codes:?}");
}

#[test]
fn text_without_vietnamese_says_so() {
    for input in [
        "The provincial emulation council met on Monday to review the year's results.",
        "省人民委员会表彰了十二个先进集体。",
        "0101 1100 1110 0001 #### //// ....",
    ] {
        let summary = read(input);
        assert!(
            warning_codes(&summary).contains(&"not_vietnamese"),
            "{input:?}: {:?}",
            summary.warnings
        );
    }
}

#[test]
fn vietnamese_text_has_no_input_warning() {
    let summary = read(
        "Sáng 5/1, Hội đồng Thi đua - Khen thưởng huyện tổ chức hội nghị tổng kết công tác thi đua năm 2024.",
    );
    let codes = warning_codes(&summary);
    for code in ["empty", "html", "not_vietnamese"] {
        assert!(!codes.contains(&code), "{codes:?}");
    }
}

#[test]
fn binary_garbage_is_read_without_panicking() {
    let bytes: Vec<u8> = (0..20_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let input = String::from_utf8_lossy(&bytes);
    let summary = read(&input);
    assert!(!summary.warnings.is_empty());
}
