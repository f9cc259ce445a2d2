//! The `thidua` command as a user runs it: exit statuses, output formats, error messages.

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const ARTICLE: &str = "Chiều 29/12, tại Hội trường UBND huyện Can Lộc, Cụm thi đua số 1 tổ chức \
hội nghị tổng kết công tác thi đua năm 2022. Thu ngân sách đạt 3.200 tỷ đồng, tăng 8,3%.";

fn thidua(args: &[&str]) -> Output {
    thidua_with_input(args, "")
}

fn thidua_with_input(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_thidua"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_string();
    // Written from a thread, errors ignored: the command may exit before reading (usage error).
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let output = child.wait_with_output().expect("the binary finishes");
    let _ = writer.join();
    output
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn json(output: &Output) -> Value {
    serde_json::from_str(&stdout(output)).expect("stdout is one JSON value")
}

/// A folder of its own under the target directory, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn write(dir: &std::path::Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("file written");
    path.to_string_lossy().into_owned()
}

#[test]
fn a_file_gives_one_compact_json_summary_and_status_0() {
    let dir = scratch("cli-file");
    let file = write(&dir, "a.txt", ARTICLE);
    let output = thidua(&[&file]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert_eq!(text.lines().count(), 1, "compact: one line");
    let summary = json(&output);
    assert_eq!(summary["version"], 1);
    assert!(summary["lead"]
        .as_str()
        .unwrap_or("")
        .starts_with("Chiều 29/12"));
    assert!(stderr(&output).is_empty());
}

#[test]
fn pretty_indents_the_same_summary() {
    let dir = scratch("cli-pretty");
    let file = write(&dir, "a.txt", ARTICLE);
    let compact = thidua(&[&file]);
    let pretty = thidua(&["--pretty", &file]);
    assert_eq!(pretty.status.code(), Some(0));
    assert!(stdout(&pretty).lines().count() > 20);
    assert!(stdout(&pretty).contains("\n  \"version\": 1,"));
    assert_eq!(json(&pretty), json(&compact));
}

#[test]
fn dash_reads_standard_input() {
    let output = thidua_with_input(&["-"], ARTICLE);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let dir = scratch("cli-stdin");
    let file = write(&dir, "a.txt", ARTICLE);
    assert_eq!(json(&output), json(&thidua(&[&file])));
}

#[test]
fn jsonl_prints_one_line_per_file_in_order_and_expands_folders() {
    let dir = scratch("cli-jsonl");
    let a = write(&dir, "a.txt", ARTICLE);
    let b = write(&dir, "b.html", "<p>Sáng 5/1, xã tổ chức hội nghị.</p>");
    write(&dir, "notes.md", "not an article");
    let output = thidua(&["--jsonl", &b, &a]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let lines: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["file"], b.as_str());
    assert_eq!(lines[1]["file"], a.as_str());
    assert_eq!(lines[1]["summary"], json(&thidua(&[&a])));

    let folder = thidua(&["--jsonl", dir.to_str().expect("UTF-8 path")]);
    let files: Vec<String> = stdout(&folder)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("JSON")["file"].to_string())
        .collect();
    assert_eq!(files.len(), 2, "the .md file is skipped: {files:?}");
    assert!(files[0].ends_with("a.txt\"") && files[1].ends_with("b.html\""));
}

#[test]
fn jsonl_reports_a_failing_file_and_goes_on() {
    let dir = scratch("cli-jsonl-error");
    let a = write(&dir, "a.txt", ARTICLE);
    let missing = dir.join("missing.txt").to_string_lossy().into_owned();
    let output = thidua(&["--jsonl", &missing, &a]);
    assert_eq!(output.status.code(), Some(1));
    let lines: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["error"]
        .as_str()
        .unwrap_or("")
        .contains("missing.txt"));
    assert_eq!(lines[1]["summary"]["version"], 1);
    assert!(stderr(&output).contains("missing.txt"));
}

#[test]
fn parse_prints_the_values_with_spans() {
    let output = thidua(&["parse", "tăng 8,3%, đạt gần 3.200 tỷ đồng"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let values = json(&output)["values"].clone();
    let values = values.as_array().expect("a values list");
    let percent = values
        .iter()
        .find(|v| v["kind"] == "percent")
        .expect("a percent");
    assert_eq!(percent["value"], 8.3);
    assert_eq!(percent["text"], "8,3%");
    let money = values.iter().find(|v| v["kind"] == "money").expect("money");
    assert_eq!(money["value"].as_f64(), Some(3.2e12));
    assert_eq!(money["unit"], "VND");
}

#[test]
fn parse_uses_the_reference_date_for_years() {
    let output = thidua(&["parse", "--ref-date", "2023-01-10", "ngày 29/12"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let values = json(&output)["values"].clone();
    let date = values
        .as_array()
        .and_then(|v| v.iter().find(|v| v["kind"] == "date"))
        .expect("a date");
    assert!(
        date["value"].as_str().unwrap_or("").ends_with("12-29"),
        "{date}"
    );
}

#[test]
fn a_missing_file_is_status_1_with_its_name() {
    let output = thidua(&["/no/such/article.txt"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).is_empty());
    assert!(
        stderr(&output).contains("/no/such/article.txt"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_bad_reference_date_is_a_usage_error() {
    for bad in ["2022-13-01", "2023-02-29", "29/12/2022", "soon"] {
        let output = thidua_with_input(&["--ref-date", bad, "-"], ARTICLE);
        assert_eq!(output.status.code(), Some(2), "--ref-date {bad}");
        assert!(stderr(&output).contains(bad), "{}", stderr(&output));
        assert!(stdout(&output).is_empty());
    }
    assert_eq!(thidua(&["--ref-date"]).status.code(), Some(2));
}

#[test]
fn an_input_over_the_size_limit_is_refused_with_status_1() {
    let output = thidua_with_input(&["--max-bytes", "100", "-"], ARTICLE);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains("over the limit of 100 bytes"), "{message}");
    assert!(stdout(&output).is_empty());
    let within = thidua_with_input(&["--max-bytes", "100000", "-"], ARTICLE);
    assert_eq!(within.status.code(), Some(0));
}

#[test]
fn the_default_limit_refuses_more_than_five_megabytes() {
    let big = "a ".repeat(thidua::DEFAULT_MAX_INPUT_BYTES / 2 + 1);
    let output = thidua_with_input(&["-"], &big);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("over the limit"));
}

#[test]
fn usage_errors_are_status_2_and_help_is_status_0() {
    for args in [
        &[][..],
        &["--prety", "a.txt"][..],
        &["a.txt", "b.txt"][..],
        &["parse"][..],
        &["--jsonl"][..],
        &["--max-bytes", "lots", "-"][..],
    ] {
        let output = thidua(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stderr(&output).starts_with("thidua: "), "{args:?}");
    }
    let help = thidua(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("USAGE:"));
}

#[test]
fn garbage_and_empty_input_still_give_a_summary() {
    for input in ["", "\u{0}\u{1}\u{fffd}", "<html><body></body></html>"] {
        let output = thidua_with_input(&["-"], input);
        assert_eq!(output.status.code(), Some(0), "{input:?}");
        assert_eq!(json(&output)["version"], 1);
    }
}
